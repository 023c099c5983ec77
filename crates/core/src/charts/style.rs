//! What every chart shares: line patterns, number formats on the axes, the table equivalent, and
//! the frame, fonts, colours and axis ranges the painters use.

use super::palette::Rgb;
use crate::i18n::Lang;
use crate::model::montecarlo::Band;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A line's pattern. Solid lines show in a legend as a filled swatch, like bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    Long,
}

impl Dash {
    /// Dash and gap lengths (at scale 1), also the SVG `stroke-dasharray` of the legend.
    pub fn pattern(self) -> Option<(u32, u32)> {
        match self {
            Dash::Solid => None,
            Dash::Dashed => Some((6, 4)),
            Dash::Dotted => Some((2, 3)),
            Dash::Long => Some((14, 4)),
        }
    }
}

/// How the y axis labels its numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YFormat {
    /// Amounts of money (compact: thousands, millions).
    Money,
    /// Shares shown as percentages.
    Percent,
    /// Plain counts.
    Count,
    /// Changes of a share, in percentage points.
    Points,
}

impl YFormat {
    /// A table cell: full precision for the reader (whole numbers, shares with one decimal).
    pub fn cell(self, x: f64, lang: Lang) -> String {
        match self {
            YFormat::Money => crate::format::number(x, 0, lang),
            YFormat::Count => crate::format::number(x, 1, lang),
            YFormat::Percent => crate::format::percent(x, 1, lang),
            YFormat::Points => crate::format::points(x, 2, lang),
        }
    }

    /// A P10-P90 range for a table cell: "1.2 – 3.4".
    pub fn range(self, b: &Band, lang: Lang) -> String {
        format!("{} – {}", self.cell(b.p10, lang), self.cell(b.p90, lang))
    }

    /// An axis label: compact.
    pub fn label(self, x: f64, lang: Lang) -> String {
        match self {
            YFormat::Money | YFormat::Count => crate::format::compact(x, lang),
            YFormat::Percent => crate::format::percent(x, 1, lang),
            // Axis labels without the unit (the title names it): "+1,0".
            YFormat::Points => crate::format::points(x, 1, lang).split('\u{a0}').next().unwrap_or("").to_string(),
        }
    }
}

/// The table equivalent of a chart: a header row and body rows of formatted cells.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as HTML, with `caption` (hidden, for screen readers) and each row's first cell as
    /// its header. The app inserts it as one piece of markup: on a slow phone, building the four
    /// tables of a view element by element was a large part of the view's first render.
    pub fn html(&self, caption: &str) -> String {
        use crate::pages::esc;
        let mut out = format!("<table><caption class=\"visually-hidden\">{}</caption><thead><tr>", esc(caption));
        for h in &self.head {
            out += "<th scope=\"col\">";
            out += &esc(h);
            out += "</th>";
        }
        out += "</tr></thead><tbody>";
        for row in &self.rows {
            out += "<tr>";
            for (i, c) in row.iter().enumerate() {
                let (open, close) = if i == 0 { ("<th scope=\"row\">", "</th>") } else { ("<td>", "</td>") };
                out += open;
                out += &esc(c);
                out += close;
            }
            out += "</tr>";
        }
        out + "</tbody></table>"
    }
}

pub(super) type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub(super) fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

pub(super) fn y_range(values: &mut dyn Iterator<Item = f64>, include_zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    let pad = ((hi - lo) * 0.08).max(hi.abs().max(lo.abs()) * 0.02).max(1e-9);
    (lo - if lo == 0.0 { 0.0 } else { pad }, hi + pad)
}

/// Sizes scaled for the device: `scale` is the canvas's pixels per CSS pixel.
/// The family is given as `FontFamily`, not a name: parsing a name lower-cases it with the Unicode
/// tables (~5 KB gzip in the wasm).
pub(super) fn font(scale: f64, px: f64) -> (FontFamily<'static>, f64) {
    (FontFamily::SansSerif, px * scale)
}

/// A numeric axis whose labels always come from our own formatters (`format.rs`): plotters' default
/// float labels would pull the standard library's float formatting into the wasm (~5 KB gzip).
pub(super) struct Axis(RangedCoordf64);

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;
    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.0.map(value, limit)
    }
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.0.key_points(hint)
    }
    fn range(&self) -> std::ops::Range<f64> {
        self.0.range()
    }
}

impl ValueFormatter<f64> for Axis {
    /// Never used: every mesh sets its label formatters.
    fn format(_: &f64) -> String {
        String::new()
    }
}

pub(super) fn axis(r: std::ops::Range<f64>) -> Axis {
    Axis(r.into())
}

/// The common frame of every chart: margins and room for the axis labels.
pub(super) fn frame<'a, 'b, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    scale: f64,
) -> ChartBuilder<'a, 'b, DB> {
    let mut b = ChartBuilder::on(area);
    b.margin((8.0 * scale) as u32).x_label_area_size((34.0 * scale) as u32).y_label_area_size((64.0 * scale) as u32);
    b
}
