//! One Percent's core: plain Rust, testable with a native `cargo test`, no browser crate among its
//! dependencies (see ARCHITECTURE.md). The simulation is in [`model`], the app's state machine in
//! [`state`]; around them the texts ([`i18n`]), formats ([`format`](mod@format)), codecs ([`share`],
//! [`saved`], [`export`]), chart drawing ([`charts`]), what each view and page shows ([`report`],
//! [`compare`], [`embed`], [`workshop`], [`story`], [`validation`], [`pages`]), the workshop page's
//! state machine ([`workshop_state`]) and the voting rules on ballots ([`ballots`]).
//!
//! The dependency rule: the core never imports the shell (the package `onepercent` in `src/`:
//! `web`, the browser glue, and `app`, the components). This crate is where the compiler keeps it:
//! no browser crate and not the shell are among its dependencies, so a core file that imports
//! either does not compile here. The app compiles these same files as modules of its own crate
//! (`src/lib.rs` includes them by path; one crate makes the wasm smaller), so `crate::model` means
//! the same module in both; `tests/architecture.rs` checks that both list the same modules, that
//! no import circle exists and that the glue imports no component.

pub mod ballots;
pub mod charts;
pub mod compare;
pub mod embed;
pub mod export;
pub mod format;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod report;
pub mod saved;
pub mod share;
pub mod state;
pub mod story;
pub mod validation;
pub mod workshop;
pub mod workshop_state;
