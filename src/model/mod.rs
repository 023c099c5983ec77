//! The simulation model: pure Rust, no browser, no clock, no ambient randomness. It takes a
//! checked [`Scenario`](scenario::Scenario) and returns plain data; the same scenario and seed give
//! the same numbers natively and in the browser. Equations: docs/MODEL.md.

pub mod casework;
pub mod json;
pub mod montecarlo;
pub mod params;
pub mod pb;
pub mod presets;
pub mod rng;
pub mod run;
pub mod scenario;
pub mod sim;
pub mod trust;

pub use casework::{Funding, Tier, Tiers};
pub use params::{ParamSpec, P, PARAMS};
pub use run::{run, Headline, Outcome, Payback};
pub use scenario::{Problem, Scenario};
pub use sim::Month;

/// `x` limited to `lo..=hi` (NaN stays NaN), like `f64::clamp` but without its panic message,
/// whose float formatting would otherwise be the only reason for the standard library's float
/// printing code in the browser build.
#[inline]
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}
