//! Line charts: monthly series with their uncertainty ribbons, a payback marker and a reveal.

use super::palette::Rgb;
use super::style::{axis, color, font, frame, y_range, Dash, DrawResult, Table, YFormat};
use crate::i18n::Lang;
use crate::model::montecarlo::Band;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A line on a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub label: String,
    pub color: Rgb,
    /// The line's pattern: the baseline is dashed, so scenario and baseline differ by more than
    /// colour (and compared scenarios each have their own pattern).
    pub dash: Dash,
    /// One value per x step.
    pub values: Vec<f64>,
    /// Monte Carlo bands per x step (drawn as P10-P90 and P25-P75 ribbons), if computed.
    pub band: Option<Vec<Band>>,
}

/// A line chart over months.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub x_label: String,
    pub y_format: YFormat,
    pub lines: Vec<Line>,
    /// A vertical marker at this month (1-based) with its label, e.g. the payback month.
    pub marker: Option<(u32, String)>,
    /// Draw a line at y = 0.
    pub zero_line: bool,
    /// Draw only the first this many x steps (the axes still span all of them): playing the
    /// months year by year in the workshop. `None`: all.
    pub reveal: Option<usize>,
}

impl LineChart {
    /// One row every `step` months (and the last month), one column per line.
    pub fn table(&self, step: usize, lang: Lang) -> Table {
        let months = self.lines.iter().map(|l| l.values.len()).max().unwrap_or(0);
        let mut head = vec![self.x_label.clone()];
        for l in &self.lines {
            head.push(l.label.clone());
            if l.band.is_some() {
                head.push(format!("{} (P10–P90)", l.label));
            }
        }
        // What is not drawn yet (a workshop playing the years, or hiding the answer before the
        // reveal) is not in the table either.
        let months = self.reveal.map_or(months, |r| r.min(months));
        let mut picks: Vec<usize> = (step..=months).step_by(step.max(1)).collect();
        if picks.last() != Some(&months) && months > 0 {
            picks.push(months);
        }
        let rows = picks
            .into_iter()
            .map(|m| {
                let mut row = vec![crate::format::number(m as f64, 0, lang)];
                for l in &self.lines {
                    row.push(l.values.get(m - 1).map(|v| self.y_format.cell(*v, lang)).unwrap_or_default());
                    if let Some(b) = &l.band {
                        row.push(b.get(m - 1).map(|b| self.y_format.range(b, lang)).unwrap_or_default());
                    }
                }
                row
            })
            .collect();
        Table { head, rows }
    }
}

/// Draw a line chart. `scale` multiplies font sizes and line widths (device pixel ratio).
pub fn draw_line_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &LineChart,
    lang: Lang,
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let months = c.lines.iter().map(|l| l.values.len()).max().unwrap_or(1).max(2);
    let banded = c.lines.iter().filter_map(|l| l.band.as_ref()).flat_map(|b| b.iter().flat_map(|b| [b.p10, b.p90]));
    let (lo, hi) = y_range(&mut c.lines.iter().flat_map(|l| l.values.iter().copied()).chain(banded), c.zero_line);
    let mut chart = frame(area, scale).build_cartesian_2d(axis(1f64..months as f64), axis(lo..hi))?;
    let fmt = c.y_format;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(235, 238, 241))
        .bold_line_style(RGBColor(220, 224, 228))
        .x_desc(c.x_label.as_str())
        .x_labels(8)
        .y_labels(6)
        .label_style(font(scale, 12.0))
        .axis_desc_style(font(scale, 12.0))
        .x_label_formatter(&|x| crate::format::number(*x, 0, lang))
        .y_label_formatter(&|y| fmt.label(*y, lang))
        .draw()?;
    if c.zero_line && lo < 0.0 && hi > 0.0 {
        chart.draw_series(LineSeries::new(
            [(1.0, 0.0), (months as f64, 0.0)],
            BLACK.stroke_width(scale.max(1.0) as u32),
        ))?;
    }
    // Uncertainty ribbons first, under the lines: P10-P90 light, P25-P75 darker.
    for line in &c.lines {
        let Some(band) = &line.band else { continue };
        let Rgb(r, g, b) = line.color;
        for (alpha, outer) in [(0.14, true), (0.24, false)] {
            let lo_of = |b: &Band| if outer { b.p10 } else { b.p25 };
            let hi_of = |b: &Band| if outer { b.p90 } else { b.p75 };
            let band = &band[..band.len().min(c.reveal.unwrap_or(usize::MAX))];
            let upper = band.iter().enumerate().map(|(i, b)| ((i + 1) as f64, hi_of(b)));
            let lower = band.iter().enumerate().rev().map(|(i, b)| ((i + 1) as f64, lo_of(b)));
            let points: Vec<(f64, f64)> = upper.chain(lower).collect();
            chart.draw_series(std::iter::once(Polygon::new(points, RGBAColor(r, g, b, alpha).filled())))?;
        }
    }
    let width = (2.5 * scale).round().max(1.0) as u32;
    let shown = c.reveal.unwrap_or(usize::MAX);
    for line in &c.lines {
        let pts = line.values.iter().take(shown).enumerate().map(|(i, v)| ((i + 1) as f64, *v));
        let style = color(line.color).stroke_width(width);
        if let Some((on, off)) = line.dash.pattern() {
            let (on, off) = ((on as f64 + 2.0) * scale, (off as f64 + 1.0) * scale);
            chart.draw_series(DashedLineSeries::new(pts, on as u32, off as u32, style))?;
        } else {
            chart.draw_series(LineSeries::new(pts, style))?;
        }
    }
    if let Some((m, label)) = &c.marker {
        let x = *m as f64;
        chart.draw_series(DashedLineSeries::new(
            [(x, lo), (x, hi)],
            (4.0 * scale) as u32,
            (4.0 * scale) as u32,
            BLACK.stroke_width(scale.max(1.0) as u32),
        ))?;
        let anchor_right = x > months as f64 * 0.7;
        let pos = Pos::new(if anchor_right { HPos::Right } else { HPos::Left }, VPos::Top);
        let style = TextStyle::from(font(scale, 13.0)).pos(pos).color(&BLACK);
        let dx = if anchor_right { -6.0 } else { 6.0 } * scale;
        let (px, py) = chart.backend_coord(&(x, hi));
        area.draw(&Text::new(label.clone(), (px + dx as i32, py + (4.0 * scale) as i32), style))?;
    }
    area.present()
}
