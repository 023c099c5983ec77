//! One Percent: a council scenario simulator that runs in the browser.
//!
//! Bird's-eye view (see ARCHITECTURE.md): a **core** of plain Rust (every module but two: the
//! simulation in [`model`], the app's state machine in [`state`], texts, formats, charts, codecs,
//! the ballots) and a **shell**: [`web`], the browser glue, and [`app`], the Yew components and
//! each page's start.
//!
//! The dependency rule: the core never imports the shell; `web` never imports `app`; no import
//! circle anywhere. `tests/architecture.rs` reads every `use` path and fails on a violation.

pub mod app;
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
pub mod web;
pub mod workshop;
pub mod workshop_state;
