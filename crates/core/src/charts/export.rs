//! A chart as an image to send: title, summary, legend and source laid out around it (PNG).

use super::chart::Chart;
use super::palette::Rgb;
use super::style::{color, font, Dash, DrawResult};
use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The widths of exported images (pixels): for an e-mail (sharp in a 600 CSS pixel column) and for
/// print (20 cm at 300 dpi). The height follows what the image holds.
pub const PNG_WIDTHS: [u32; 2] = [1200, 2400];

/// Split `text` into lines of at most `width` characters at spaces; a word longer than a line (a
/// link) is split across lines rather than cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => {
                let chars: Vec<char> = word.chars().collect();
                lines.extend(chars.chunks(width).map(|c| c.iter().collect::<String>()));
            }
        }
    }
    lines
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    /// A line in its pattern (a filled swatch when solid), or a bar's colour.
    Series(Rgb, Dash),
    /// The uncertainty ribbons of a line chart (light P10-P90, darker P25-P75).
    Ribbon(Rgb),
    /// The P10-P90 whiskers of bars.
    Whisker,
}

impl Chart {
    /// The legend with what the uncertainty marks mean, when the chart has them.
    pub fn keys(&self, lang: Lang) -> Vec<(String, Key)> {
        let mut keys: Vec<(String, Key)> = self.legend().into_iter().map(|(l, c, d)| (l, Key::Series(c, d))).collect();
        let t = lang.texts();
        match self {
            Chart::Line(c) => {
                if let Some(l) = c.lines.iter().find(|l| l.band.is_some()) {
                    keys.push((t.key_ribbon.into(), Key::Ribbon(l.color)));
                }
            }
            Chart::Bar(c) => {
                if c.total_band.is_some() || c.stacks.iter().any(|s| s.band.is_some()) {
                    keys.push((t.key_whisker.into(), Key::Whisker));
                }
            }
            Chart::HBar(c) => {
                if c.band.is_some() {
                    keys.push((t.key_whisker.into(), Key::Whisker));
                }
            }
        }
        keys
    }
}

/// Where everything of an exported image goes, at scale 1 = 1200 px wide (see [`draw_export`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportLayout {
    pub width: u32,
    pub height: u32,
    pub title: Vec<String>,
    pub summary: Vec<String>,
    /// Legend rows: each entry's x position (at scale 1), label and key.
    pub legend: Vec<Vec<(i32, String, Key)>>,
    pub source: Vec<String>,
}

/// Characters per line that fit `room` pixels of text at `px` size (sans-serif: an average
/// character is about half the size; 0.6 keeps wide letters and capitals inside).
fn fits(room: f64, px: f64) -> usize {
    (room / (px * 0.6)).floor() as usize
}

const MARGIN: f64 = 24.0;
pub(super) const TITLE_PX: f64 = 30.0;
pub(super) const TEXT_PX: f64 = 19.0;
const LEGEND_PX: f64 = 17.0;
pub(super) const SOURCE_PX: f64 = 15.0;
/// The chart's own height in an export (at scale 1).
const CHART_H: f64 = 500.0;

impl ExportLayout {
    /// Lay out an export `width` pixels wide: nothing is cut; the text wraps and the image grows.
    pub fn new(chart: &Chart, title: &str, summary: &str, source: &str, width: u32, lang: Lang) -> ExportLayout {
        let room = 1200.0 - 2.0 * MARGIN;
        let mut legend: Vec<Vec<(i32, String, Key)>> = vec![Vec::new()];
        let mut x = MARGIN;
        for (label, key) in chart.keys(lang) {
            let w = 36.0 + label.chars().count() as f64 * LEGEND_PX * 0.6 + 24.0;
            if x + w > MARGIN + room && x > MARGIN {
                legend.push(Vec::new());
                x = MARGIN;
            }
            if let Some(row) = legend.last_mut() {
                row.push((x as i32, label, key));
            }
            x += w;
        }
        legend.retain(|r| !r.is_empty());
        let mut l = ExportLayout {
            width,
            height: 0,
            title: wrap(title, fits(room, TITLE_PX)),
            summary: wrap(summary, fits(room, TEXT_PX)),
            legend,
            source: wrap(source, fits(room, SOURCE_PX)),
        };
        let s = width as f64 / 1200.0;
        l.height = ((l.head() + CHART_H + l.foot()) * s).ceil() as u32;
        l
    }

    /// The height of the title and summary (at scale 1).
    fn head(&self) -> f64 {
        16.0 + 38.0 * self.title.len() as f64 + 10.0 + 26.0 * self.summary.len() as f64 + 8.0
    }

    /// The height of the legend and the source lines (at scale 1).
    fn foot(&self) -> f64 {
        8.0 + 30.0 * self.legend.len() as f64 + 8.0 + 20.0 * self.source.len() as f64 + 12.0
    }
}

/// An exported image: the title, the whole summary, the chart, its legend (with what the shading or
/// whiskers mean) and the source line with the link that reproduces it, on white. The area must be
/// `layout.width` x `layout.height`.
pub fn draw_export<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &ExportLayout,
    chart: &Chart,
    lang: Lang,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let s = layout.width as f64 / 1200.0;
    let at = |x: f64, y: f64| ((x * s).round() as i32, (y * s).round() as i32);
    let (top, rest) = area.split_vertically((layout.head() * s).round() as u32);
    let (body, foot) = rest.split_vertically((CHART_H * s).round() as u32);
    let bold = FontDesc::new(FontFamily::SansSerif, TITLE_PX * s, FontStyle::Bold).color(&BLACK);
    let mut y = 16.0;
    for l in &layout.title {
        top.draw(&Text::new(l.clone(), at(MARGIN, y), bold.clone()))?;
        y += 38.0;
    }
    y += 10.0;
    for l in &layout.summary {
        top.draw(&Text::new(l.clone(), at(MARGIN, y), font(s, TEXT_PX)))?;
        y += 26.0;
    }
    chart.draw(&body, lang, 1.4 * s)?;
    let mut y = 8.0;
    for row in &layout.legend {
        for (x, label, key) in row {
            let x = *x as f64;
            let (x0, y0) = at(x, y + 2.0);
            let (x1, y1) = at(x + 28.0, y + 14.0);
            match *key {
                Key::Series(c, Dash::Solid) => foot.draw(&Rectangle::new([(x0, y0), (x1, y1)], color(c).filled()))?,
                Key::Series(c, dash) => {
                    let (on, off) = dash.pattern().unwrap_or((28, 0));
                    let mut d = x;
                    while d < x + 28.0 {
                        let e = (d + on as f64 + 1.0).min(x + 28.0);
                        let style = color(c).stroke_width((3.0 * s).round() as u32);
                        foot.draw(&PathElement::new([at(d, y + 8.0), at(e, y + 8.0)], style))?;
                        d = e + off as f64 + 1.0;
                    }
                }
                Key::Ribbon(Rgb(r, g, b)) => {
                    foot.draw(&Rectangle::new([(x0, y0), (x1, y1)], RGBAColor(r, g, b, 0.14).filled()))?;
                    let (_, m0) = at(x, y + 5.0);
                    let (_, m1) = at(x, y + 11.0);
                    foot.draw(&Rectangle::new([(x0, m0), (x1, m1)], RGBAColor(r, g, b, 0.24).filled()))?;
                }
                Key::Whisker => {
                    let style = BLACK.stroke_width((2.0 * s).round().max(1.0) as u32);
                    let mid = x + 14.0;
                    foot.draw(&PathElement::new([at(mid, y + 1.0), at(mid, y + 15.0)], style))?;
                    foot.draw(&PathElement::new([at(mid - 6.0, y + 1.0), at(mid + 6.0, y + 1.0)], style))?;
                    foot.draw(&PathElement::new([at(mid - 6.0, y + 15.0), at(mid + 6.0, y + 15.0)], style))?;
                }
            }
            foot.draw(&Text::new(label.clone(), at(x + 36.0, y), font(s, LEGEND_PX)))?;
        }
        y += 30.0;
    }
    y += 8.0;
    let grey = TextStyle::from(font(s, SOURCE_PX)).color(&RGBColor(74, 80, 88));
    for l in &layout.source {
        foot.draw(&Text::new(l.clone(), at(MARGIN, y), grey.clone()))?;
        y += 20.0;
    }
    Ok(())
}
