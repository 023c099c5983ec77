//! One Percent: a council scenario simulator that runs in the browser.
//!
//! Bird's-eye view (see ARCHITECTURE.md): pure modules ([`format`], [`i18n`]) hold logic that never
//! touches the browser; [`app`] is the Yew interface and [`web`] the browser glue.

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
pub mod story;
pub mod validation;
pub mod web;
pub mod workshop;
