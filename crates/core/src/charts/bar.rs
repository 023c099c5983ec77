//! Stacked bar charts (costs by category and year), negative parts stacked below zero.

use super::palette::Rgb;
use super::style::{axis, color, font, frame, y_range, DrawResult, Table, YFormat};
use crate::i18n::Lang;
use crate::model::montecarlo::Band;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One stacked series of a bar chart (its values may be negative: stacked below zero).
#[derive(Clone, Debug, PartialEq)]
pub struct Stack {
    pub label: String,
    pub color: Rgb,
    pub values: Vec<f64>,
    /// Grouped bars: Monte Carlo bands per category, drawn as P10-P90 whiskers.
    pub band: Option<Vec<Band>>,
}

/// A (stacked or grouped) bar chart over categories such as years.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// What the categories are ("Year", "Vote"): the axis description and the table's first column.
    pub x_label: String,
    pub categories: Vec<String>,
    pub y_format: YFormat,
    pub stacks: Vec<Stack>,
    /// Grouped side by side instead of stacked.
    pub grouped: bool,
    /// Stacked bars: bands of the stack's total per category (P10-P90 whiskers).
    pub total_band: Option<Vec<Band>>,
}

impl BarChart {
    /// One row per category, one column per stack (and its P10-P90 range when banded), then the
    /// total's range for stacked bars with bands.
    pub fn table(&self, lang: Lang) -> Table {
        let mut head = vec![self.x_label.clone()];
        for st in &self.stacks {
            head.push(st.label.clone());
            if st.band.is_some() {
                head.push(format!("{} (P10–P90)", st.label));
            }
        }
        if self.total_band.is_some() {
            head.push(format!("{} (P10–P90)", lang.texts().case.total));
        }
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut row = vec![c.clone()];
                for st in &self.stacks {
                    row.push(st.values.get(i).map(|v| self.y_format.cell(*v, lang)).unwrap_or_default());
                    if let Some(b) = &st.band {
                        row.push(b.get(i).map(|b| self.y_format.range(b, lang)).unwrap_or_default());
                    }
                }
                if let Some(b) = &self.total_band {
                    row.push(b.get(i).map(|b| self.y_format.range(b, lang)).unwrap_or_default());
                }
                row
            })
            .collect();
        Table { head, rows }
    }
}

/// The value axis' range: every bar's extent (stacked: negatives summed below zero and positives
/// above; grouped: each bar alone) and every P10-P90 band, zero included.
fn value_range(c: &BarChart) -> (f64, f64) {
    let extent = |i: usize| -> (f64, f64) {
        let vals = c.stacks.iter().map(|s| s.values.get(i).copied().unwrap_or(0.0));
        if c.grouped {
            vals.fold((0.0, 0.0), |(lo, hi), v| (f64::min(lo, v), f64::max(hi, v)))
        } else {
            vals.fold((0.0, 0.0), |(neg, pos), v| if v < 0.0 { (neg + v, pos) } else { (neg, pos + v) })
        }
    };
    let band_values = c
        .stacks
        .iter()
        .filter_map(|s| s.band.as_ref())
        .chain(c.total_band.as_ref())
        .flat_map(|b| b.iter().flat_map(|b| [b.p10, b.p90]));
    let mut values = (0..c.categories.len().max(1))
        .flat_map(|i| {
            let (a, b) = extent(i);
            [a, b]
        })
        .chain(band_values);
    y_range(&mut values, true)
}

/// Where each bar segment lies, in chart coordinates: (its stack, x0, x1, y0, y1). Category `i`
/// spans `i..i + 1`; stacked segments share a bar (positives piled up from zero, negatives down
/// from zero, in the stacks' order); grouped bars stand side by side. Zero and non-finite values
/// have no segment.
pub fn bar_boxes(c: &BarChart) -> Vec<(usize, [f64; 4])> {
    let k = c.stacks.len().max(1) as f64;
    let mut boxes = Vec::new();
    for i in 0..c.categories.len().max(1) {
        let (mut neg, mut pos) = (0.0, 0.0);
        for (j, s) in c.stacks.iter().enumerate() {
            let v = s.values.get(i).copied().unwrap_or(0.0);
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let r = if c.grouped {
                let w = 0.8 / k;
                let x0 = i as f64 + 0.1 + j as f64 * w;
                [x0, x0 + w * 0.92, 0.0, v]
            } else if v < 0.0 {
                let r = [i as f64 + 0.2, i as f64 + 0.8, neg + v, neg];
                neg += v;
                r
            } else {
                let r = [i as f64 + 0.2, i as f64 + 0.8, pos, pos + v];
                pos += v;
                r
            };
            boxes.push((j, r));
        }
    }
    boxes
}

/// The P10-P90 whiskers: (x, band, half the cap's width), per grouped bar at its middle, or on the
/// total of a stacked bar.
fn whiskers(c: &BarChart) -> Vec<(f64, &Band, f64)> {
    let w = 0.8 / c.stacks.len().max(1) as f64;
    let mut out = Vec::new();
    for i in 0..c.categories.len().max(1) {
        if c.grouped {
            for (j, st) in c.stacks.iter().enumerate() {
                if let Some(b) = st.band.as_ref().and_then(|b| b.get(i)) {
                    out.push((i as f64 + 0.1 + j as f64 * w + w * 0.46, b, w * 0.2));
                }
            }
        } else if let Some(b) = c.total_band.as_ref().and_then(|b| b.get(i)) {
            out.push((i as f64 + 0.5, b, 0.1));
        }
    }
    out
}

/// Draw a bar chart: stacked (positives up, negatives down) or grouped.
pub fn draw_bar_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &BarChart,
    lang: Lang,
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let n = c.categories.len().max(1);
    let (lo, hi) = value_range(c);
    let mut chart = frame(area, scale).build_cartesian_2d(axis(0f64..n as f64), axis(lo..hi))?;
    let fmt = c.y_format;
    let cats = c.categories.clone();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(235, 238, 241))
        .bold_line_style(RGBColor(220, 224, 228))
        .x_labels(n * 2 + 1)
        .x_desc(c.x_label.as_str())
        .axis_desc_style(font(scale, 12.0))
        .label_style(font(scale, 12.0))
        .x_label_formatter(&move |x| {
            let i = x.floor() as usize;
            if (x - i as f64 - 0.5).abs() < 1e-6 {
                cats.get(i).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| fmt.label(*y, lang))
        .draw()?;
    let edge = scale.max(1.0) as u32;
    for (j, [x0, x1, y0, y1]) in bar_boxes(c) {
        let corners = [(x0, y0), (x1, y1)];
        chart.draw_series(std::iter::once(Rectangle::new(corners, color(c.stacks[j].color).filled())))?;
        // A white edge separates neighbouring segments for readers who cannot tell the colours.
        chart.draw_series(std::iter::once(Rectangle::new(corners, WHITE.stroke_width(edge))))?;
    }
    if lo < 0.0 {
        chart.draw_series(LineSeries::new([(0.0, 0.0), (n as f64, 0.0)], BLACK.stroke_width(edge)))?;
    }
    let style = BLACK.stroke_width((1.5 * scale).max(1.0) as u32);
    for (x, b, half) in whiskers(c) {
        chart.draw_series([
            PathElement::new(vec![(x, b.p10), (x, b.p90)], style),
            PathElement::new(vec![(x - half, b.p10), (x + half, b.p10)], style),
            PathElement::new(vec![(x - half, b.p90), (x + half, b.p90)], style),
        ])?;
    }
    area.present()
}
