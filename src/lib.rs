//! One Percent: a council scenario simulator that runs in the browser.
//!
//! Bird's-eye view (see ARCHITECTURE.md): a **core** of plain Rust in `crates/core/src/` (the
//! simulation in [`model`], the app's state machine in [`state`], texts, formats, charts, codecs,
//! what each view and page shows, the ballots) and a **shell** here in `src/`: [`web`], the browser
//! glue, and [`app`], the Yew components and each page's start.
//!
//! The dependency rule: the core never imports the shell; `web` never imports `app`; no import
//! circle anywhere. The core's files are also the crate `onepercent-core` (`crates/core`), which
//! has no browser crate and not the shell among its dependencies, so a core file that imports
//! either does not compile (`make lint` builds it). The app includes the same files as modules of
//! its own crate (the `#[path]`s below): one crate makes a page's wasm 1.5 KB gzip smaller than
//! two (measured: ARCHITECTURE.md). `tests/architecture.rs` keeps the rest: no import circle, the
//! glue a leaf, and this list the same as the core crate's.

// The shell.
pub mod app;
pub mod web;

// The core, from crates/core/src (the same list as crates/core/src/lib.rs).
#[path = "../crates/core/src/ballots/mod.rs"]
pub mod ballots;
#[path = "../crates/core/src/charts/mod.rs"]
pub mod charts;
#[path = "../crates/core/src/compare.rs"]
pub mod compare;
#[path = "../crates/core/src/embed.rs"]
pub mod embed;
#[path = "../crates/core/src/export.rs"]
pub mod export;
#[path = "../crates/core/src/format.rs"]
pub mod format;
#[path = "../crates/core/src/i18n.rs"]
pub mod i18n;
#[path = "../crates/core/src/model/mod.rs"]
pub mod model;
#[path = "../crates/core/src/pages.rs"]
pub mod pages;
#[path = "../crates/core/src/report.rs"]
pub mod report;
#[path = "../crates/core/src/saved.rs"]
pub mod saved;
#[path = "../crates/core/src/share.rs"]
pub mod share;
#[path = "../crates/core/src/state.rs"]
pub mod state;
#[path = "../crates/core/src/story.rs"]
pub mod story;
#[path = "../crates/core/src/validation.rs"]
pub mod validation;
#[path = "../crates/core/src/workshop.rs"]
pub mod workshop;
#[path = "../crates/core/src/workshop_state.rs"]
pub mod workshop_state;
