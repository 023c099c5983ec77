//! Any chart of the app, and what each gives: its drawing, table equivalent and legend.

use super::bar::{draw_bar_chart, BarChart};
use super::hbar::{draw_hbar_chart, HBarChart};
use super::line::{draw_line_chart, LineChart};
use super::palette::Rgb;
use super::style::{Dash, DrawResult, Table};
use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Any chart of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    Line(LineChart),
    Bar(BarChart),
    HBar(HBarChart),
}

impl Chart {
    /// Draw on any backend.
    pub fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, lang: Lang, scale: f64) -> DrawResult<DB> {
        match self {
            Chart::Line(c) => draw_line_chart(area, c, lang, scale),
            Chart::Bar(c) => draw_bar_chart(area, c, lang, scale),
            Chart::HBar(c) => draw_hbar_chart(area, c, lang, scale),
        }
    }

    /// The table equivalent: yearly rows for monthly line charts (every point of a short series,
    /// such as one per vote), one row per category for bar charts.
    pub fn table(&self, lang: Lang) -> Table {
        match self {
            Chart::Line(c) => {
                let points = c.lines.iter().map(|l| l.values.len()).max().unwrap_or(0);
                c.table(if points <= 24 { 1 } else { 12 }, lang)
            }
            Chart::Bar(c) => c.table(lang),
            Chart::HBar(c) => {
                let mut head = c.heads.clone();
                if c.band.is_some() {
                    head.push("P10–P90".into());
                }
                let rows = c
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(i, (l, vs))| {
                        let mut row: Vec<String> =
                            std::iter::once(l.clone()).chain(vs.iter().map(|v| c.y_format.cell(*v, lang))).collect();
                        if let Some(b) = c.band.as_ref().and_then(|b| b.get(i)) {
                            row.push(c.y_format.range(b, lang));
                        }
                        row
                    })
                    .collect();
                Table { head, rows }
            }
        }
    }

    /// The legend: label, colour and the line's pattern (solid for bars).
    pub fn legend(&self) -> Vec<(String, Rgb, Dash)> {
        match self {
            Chart::Line(c) => c.lines.iter().map(|l| (l.label.clone(), l.color, l.dash)).collect(),
            Chart::Bar(c) => c.stacks.iter().map(|s| (s.label.clone(), s.color, Dash::Solid)).collect(),
            Chart::HBar(c) => {
                c.heads.iter().skip(1).zip(&c.colors).map(|(h, col)| (h.clone(), *col, Dash::Solid)).collect()
            }
        }
    }
}
