//! Horizontal bar charts (one row per category, grouped bars, P10-P90 whiskers).

use super::palette::Rgb;
use super::style::{axis, color, font, y_range, DrawResult, YFormat};
use crate::i18n::Lang;
use crate::model::montecarlo::Band;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Horizontal bars with long row labels: the tornado (per parameter, the output at the low and the
/// high end of its range, from the output at the scenario's values) and the trust ledger (per
/// mechanism, its push on trust, from zero).
#[derive(Clone, Debug, PartialEq)]
pub struct HBarChart {
    /// The value axis's title: what is measured, its unit and where the bars start.
    pub x_label: String,
    /// Column names: the rows' name, then one per value of a row.
    pub heads: Vec<String>,
    /// One colour per value of a row.
    pub colors: Vec<Rgb>,
    pub y_format: YFormat,
    /// Where the bars start (a vertical line is drawn there).
    pub origin: f64,
    pub rows: Vec<(String, Vec<f64>)>,
    /// Monte Carlo bands of each row's (first) value: P10-P90 whiskers and a table column.
    pub band: Option<Vec<Band>>,
}

/// Draw horizontal bars: one row per label (first row at the top), a bar from the origin to each of
/// the row's values in that value's colour; labels on the left.
pub fn draw_hbar_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &HBarChart,
    lang: Lang,
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let n = c.rows.len().max(1);
    let banded = c.band.iter().flatten().flat_map(|b| [b.p10, b.p90]);
    let mut values = c.rows.iter().flat_map(|(_, vs)| vs.iter().copied()).chain([c.origin]).chain(banded);
    let (lo, hi) = y_range(&mut values, false);
    let (w, _) = area.dim_in_pixel();
    // The row labels sit on the left; on a narrow chart (a phone) each sits above its bars, across
    // the whole width, so it can be read at a readable size.
    let narrow = (w as f64) < 500.0 * scale;
    let mut chart = ChartBuilder::on(area)
        .margin((8.0 * scale) as u32)
        .x_label_area_size((46.0 * scale) as u32)
        .y_label_area_size(if narrow { 0 } else { (w as f64 * 0.38) as u32 })
        .build_cartesian_2d(axis(lo..hi), axis(0f64..n as f64))?;
    let labels: Vec<&str> = c.rows.iter().map(|(l, _)| l.as_str()).collect();
    let fmt = c.y_format;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(RGBColor(235, 238, 241))
        .bold_line_style(RGBColor(220, 224, 228))
        .y_labels(if narrow { 0 } else { n * 2 + 1 })
        .x_labels(5)
        .label_style(font(scale, 12.0))
        .x_desc(c.x_label.as_str())
        .axis_desc_style(font(scale, 12.0))
        .x_label_formatter(&|x| fmt.label(*x, lang))
        .y_label_formatter(&|y| {
            // Row i sits at y = n - i - 0.5, so the first row is at the top.
            let i = n as f64 - y - 0.5;
            if (i - i.round()).abs() < 1e-6 && i >= 0.0 {
                labels.get(i.round() as usize).map(|s| s.to_string()).unwrap_or_default()
            } else {
                String::new()
            }
        })
        .draw()?;
    // On a narrow chart the bars take the lower part of their row, the label the upper part.
    let (b0, b1) = if narrow { (0.08, 0.5) } else { (0.2, 0.8) };
    for (i, (label, vs)) in c.rows.iter().enumerate() {
        let y = (n - i - 1) as f64;
        for (v, col) in vs.iter().zip(&c.colors) {
            chart.draw_series(std::iter::once(Rectangle::new(
                [(c.origin, y + b0), (*v, y + b1)],
                color(*col).filled(),
            )))?;
        }
        if narrow {
            let (_, py) = chart.backend_coord(&(lo, y + 0.96));
            let (px, _) = chart.backend_coord(&(lo, y));
            let style = TextStyle::from(font(scale, 13.0)).pos(Pos::new(HPos::Left, VPos::Top)).color(&BLACK);
            area.draw(&Text::new(label.clone(), (px + (2.0 * scale) as i32, py), style))?;
        }
    }
    chart.draw_series(LineSeries::new(
        [(c.origin, 0.0), (c.origin, n as f64)],
        BLACK.stroke_width(scale.max(1.0) as u32),
    ))?;
    // P10-P90 whiskers across each banded row.
    for (i, b) in c.band.iter().flatten().enumerate() {
        let y = (n - i - 1) as f64 + (b0 + b1) / 2.0;
        chart.draw_series(LineSeries::new([(b.p10, y), (b.p90, y)], BLACK.stroke_width((1.5 * scale) as u32)))?;
    }
    area.present()
}
