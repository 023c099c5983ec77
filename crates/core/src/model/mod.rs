//! The simulation model: pure Rust, no browser, no clock, no ambient randomness. It takes a
//! checked [`Scenario`] and returns plain data; the same scenario and seed give
//! the same numbers natively and in the browser. Equations: docs/MODEL.md.

pub mod casework;
pub mod json;
pub mod montecarlo;
pub mod num;
pub mod params;
pub mod pb;
pub mod presets;
pub mod rng;
pub mod run;
pub mod scenario;
pub mod sim;
pub mod trust;

pub use casework::{Funding, Tier, Tiers};
pub use num::clamp;
pub use params::{ParamSpec, P, PARAMS};
pub use run::{run, Headline, Outcome, Payback};
pub use scenario::{Problem, Scenario};
pub use sim::Month;
