//! Charts, drawn with plotters on any `DrawingBackend`: a canvas in the browser, an SVG string in
//! native tests (and later PNG exports). Pure: no browser types here. Each chart takes plain data
//! ([`LineChart`], [`BarChart`]) that the view builds from a model outcome, and the same data fills
//! the chart's table equivalent.

pub mod palette;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::i18n::Lang;
use crate::model::montecarlo::Band;
use palette::Rgb;

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

/// The table equivalent of a chart: a header row and body rows of formatted cells.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
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

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn y_range(values: &mut dyn Iterator<Item = f64>, include_zero: bool) -> (f64, f64) {
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
fn font(scale: f64, px: f64) -> (FontFamily<'static>, f64) {
    (FontFamily::SansSerif, px * scale)
}

/// A numeric axis whose labels always come from our own formatters (`format.rs`): plotters' default
/// float labels would pull the standard library's float formatting into the wasm (~5 KB gzip).
struct Axis(RangedCoordf64);

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

fn axis(r: std::ops::Range<f64>) -> Axis {
    Axis(r.into())
}

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
const TITLE_PX: f64 = 30.0;
const TEXT_PX: f64 = 19.0;
const LEGEND_PX: f64 = 17.0;
const SOURCE_PX: f64 = 15.0;
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

/// The common frame of every chart: margins and room for the axis labels.
fn frame<'a, 'b, DB: DrawingBackend>(area: &'a DrawingArea<DB, Shift>, scale: f64) -> ChartBuilder<'a, 'b, DB> {
    let mut b = ChartBuilder::on(area);
    b.margin((8.0 * scale) as u32).x_label_area_size((34.0 * scale) as u32).y_label_area_size((64.0 * scale) as u32);
    b
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

/// Draw a bar chart: stacked (positives up, negatives down) or grouped.
pub fn draw_bar_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &BarChart,
    lang: Lang,
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let n = c.categories.len().max(1);
    let extent = |i: usize| -> (f64, f64) {
        if c.grouped {
            let vals = c.stacks.iter().map(|s| s.values.get(i).copied().unwrap_or(0.0));
            vals.fold((0.0, 0.0), |(lo, hi), v| (f64::min(lo, v), f64::max(hi, v)))
        } else {
            let vals = c.stacks.iter().map(|s| s.values.get(i).copied().unwrap_or(0.0));
            vals.fold((0.0, 0.0), |(neg, pos), v| if v < 0.0 { (neg + v, pos) } else { (neg, pos + v) })
        }
    };
    let band_values = c
        .stacks
        .iter()
        .filter_map(|s| s.band.as_ref())
        .chain(c.total_band.as_ref())
        .flat_map(|b| b.iter().flat_map(|b| [b.p10, b.p90]));
    let (lo, hi) = y_range(
        &mut (0..n)
            .flat_map(|i| {
                let (a, b) = extent(i);
                [a, b]
            })
            .chain(band_values),
        true,
    );
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
    let k = c.stacks.len().max(1) as f64;
    for i in 0..n {
        let (mut neg, mut pos) = (0.0, 0.0);
        for (j, s) in c.stacks.iter().enumerate() {
            let v = s.values.get(i).copied().unwrap_or(0.0);
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let (x0, x1, y0, y1) = if c.grouped {
                let w = 0.8 / k;
                let x0 = i as f64 + 0.1 + j as f64 * w;
                (x0, x0 + w * 0.92, 0.0, v)
            } else if v < 0.0 {
                let r = (i as f64 + 0.2, i as f64 + 0.8, neg + v, neg);
                neg += v;
                r
            } else {
                let r = (i as f64 + 0.2, i as f64 + 0.8, pos, pos + v);
                pos += v;
                r
            };
            chart.draw_series(std::iter::once(Rectangle::new([(x0, y0), (x1, y1)], color(s.color).filled())))?;
            // A white edge separates neighbouring segments for readers who cannot tell the colours.
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, y0), (x1, y1)],
                WHITE.stroke_width(scale.max(1.0) as u32),
            )))?;
        }
    }
    if lo < 0.0 {
        chart.draw_series(LineSeries::new([(0.0, 0.0), (n as f64, 0.0)], BLACK.stroke_width(scale.max(1.0) as u32)))?;
    }
    // P10-P90 whiskers: per grouped bar, or on the total of stacked bars.
    let whisker = |x: f64, b: &Band, half: f64| {
        let style = BLACK.stroke_width((1.5 * scale).max(1.0) as u32);
        [
            PathElement::new(vec![(x, b.p10), (x, b.p90)], style),
            PathElement::new(vec![(x - half, b.p10), (x + half, b.p10)], style),
            PathElement::new(vec![(x - half, b.p90), (x + half, b.p90)], style),
        ]
    };
    for i in 0..n {
        if c.grouped {
            let w = 0.8 / k;
            for (j, st) in c.stacks.iter().enumerate() {
                if let Some(b) = st.band.as_ref().and_then(|b| b.get(i)) {
                    let x = i as f64 + 0.1 + j as f64 * w + w * 0.46;
                    chart.draw_series(whisker(x, b, w * 0.2))?;
                }
            }
        } else if let Some(b) = c.total_band.as_ref().and_then(|b| b.get(i)) {
            chart.draw_series(whisker(i as f64 + 0.5, b, 0.1))?;
        }
    }
    area.present()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn svg_of(f: impl FnOnce(&DrawingArea<SVGBackend, Shift>)) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (640, 320)).into_drawing_area();
            f(&root);
        }
        out
    }

    #[test]
    fn wrap_keeps_words_whole_and_lines_short() {
        let lines = wrap("one two three four five six seven", 9);
        assert_eq!(lines, ["one two", "three", "four five", "six seven"]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn line_chart_draws_every_line_and_the_marker() {
        let chart = LineChart {
            x_label: "Month".into(),
            y_format: YFormat::Money,
            lines: vec![
                Line {
                    label: "a".into(),
                    color: palette::SCENARIO,
                    dash: Dash::Solid,
                    values: vec![-5.0, -2.0, 1.0, 4.0],
                    band: Some(vec![Band { p10: -6.0, p25: -5.5, p50: -5.0, p75: -4.0, p90: -3.0 }; 4]),
                },
                Line {
                    label: "b".into(),
                    color: palette::BASELINE,
                    dash: Dash::Dashed,
                    values: vec![0.0; 4],
                    band: None,
                },
            ],
            marker: Some((3, "Payback".into())),
            zero_line: true,
            reveal: None,
        };
        let svg = svg_of(|a| draw_line_chart(a, &chart, Lang::En, 1.0).unwrap());
        assert!(svg.contains("Payback"));
        assert!(svg.matches("<polygon").count() >= 2, "two ribbons for the banded line");
        let table = chart.table(1, Lang::En);
        assert_eq!(table.head, ["Month", "a", "a (P10–P90)", "b"]);
        // Every row has a cell under every heading: the band's range under its own.
        assert!(table.rows.iter().all(|r| r.len() == table.head.len()), "{:?}", table.rows);
        assert_eq!(
            table.rows[3][2],
            YFormat::Money.range(&Band { p10: -6.0, p25: -5.5, p50: -5.0, p75: -4.0, p90: -3.0 }, Lang::En)
        );
        assert!(svg.to_lowercase().contains(&palette::SCENARIO.hex()), "scenario colour missing");
        assert!(svg.matches("<polyline").count() >= 2, "{svg}");
    }

    #[test]
    fn bar_chart_stacks_negatives_below_zero() {
        let chart = BarChart {
            x_label: "Year".into(),
            categories: vec!["Y1".into(), "Y2".into()],
            y_format: YFormat::Money,
            stacks: vec![
                Stack { label: "cost".into(), color: palette::SERIES[1], values: vec![10.0, 10.0], band: None },
                Stack { label: "saving".into(), color: palette::SERIES[2], values: vec![-4.0, -12.0], band: None },
            ],
            grouped: false,
            total_band: Some(vec![Band { p10: 1.0, p25: 2.0, p50: 3.0, p75: 4.0, p90: 5.0 }; 2]),
        };
        let svg = svg_of(|a| draw_bar_chart(a, &chart, Lang::Da, 1.0).unwrap());
        assert_eq!(chart.table(Lang::En).head.last().map(String::as_str), Some("Total (P10–P90)"));
        assert!(svg.contains("Y2"));
        // The bars by colour, as (x, top, bottom) in pixels (y grows downwards).
        let bars = |color: palette::Rgb| -> Vec<(f64, f64, f64)> {
            let fill = format!("fill=\"{}\"", color.hex());
            svg.split("<rect")
                .skip(1)
                .filter_map(|t| t.split_once("/>").map(|(tag, _)| tag))
                .filter(|tag| tag.to_lowercase().contains(&fill))
                .map(|tag| {
                    let attr = |name: &str| -> f64 {
                        let k = format!(" {name}=\"");
                        let rest = &tag[tag.find(&k).map_or(tag.len(), |i| i + k.len())..];
                        rest[..rest.find('"').unwrap_or(0)].parse().unwrap_or(f64::NAN)
                    };
                    (attr("x"), attr("y"), attr("y") + attr("height"))
                })
                .collect()
        };
        let (cost, saving) = (bars(palette::SERIES[1]), bars(palette::SERIES[2]));
        assert_eq!((cost.len(), saving.len()), (2, 2), "{svg}");
        for i in 0..2 {
            // Positives stand on the zero line, negatives hang from it: the cost's bottom is the
            // saving's top, in the same column.
            assert!((cost[i].0 - saving[i].0).abs() < 1.0, "{cost:?} {saving:?}");
            assert!((cost[i].2 - saving[i].1).abs() <= 1.0, "{cost:?} {saving:?}");
            assert!(cost[i].1 < cost[i].2 && saving[i].1 < saving[i].2);
        }
        // Heights in proportion to the values: 10 and 10 up, 4 and 12 down.
        let h = |b: (f64, f64, f64)| b.2 - b.1;
        assert!((h(cost[0]) - h(cost[1])).abs() <= 1.0, "{cost:?}");
        assert!((h(saving[1]) / h(saving[0]) - 3.0).abs() < 0.1, "{saving:?}");
        assert!((h(cost[0]) / h(saving[0]) - 2.5).abs() < 0.1, "{cost:?} {saving:?}");
    }

    #[test]
    fn tornado_draws_a_row_per_parameter() {
        let t = HBarChart {
            x_label: "Payback month (month); line: the scenario's value".into(),
            heads: vec!["Assumption".into(), "Low".into(), "High".into()],
            colors: vec![palette::SERIES[5], palette::SERIES[1]],
            y_format: YFormat::Count,
            origin: 23.0,
            rows: vec![("Escalation".into(), vec![61.0, 5.0]), ("Time effect".into(), vec![61.0, 10.0])],
            band: None,
        };
        let svg = svg_of(|a| draw_hbar_chart(a, &t, Lang::En, 1.0).unwrap());
        assert!(svg.contains("Escalation") && svg.contains("Time effect"));
        assert!(svg.contains("Payback month (month)"), "the value axis has its title");
        // On a phone (narrow) each label stands above its bars, from the left edge, at 13 px.
        let mut narrow = String::new();
        {
            let root = SVGBackend::with_string(&mut narrow, (340, 320)).into_drawing_area();
            draw_hbar_chart(&root, &t, Lang::En, 1.0).unwrap();
        }
        let rows: Vec<_> =
            svg_texts(&narrow).into_iter().filter(|t| t.2 == "Escalation" || t.2 == "Time effect").collect();
        assert_eq!(rows.len(), 2, "{narrow}");
        assert!(rows.iter().all(|r| r.0 < 40.0), "labels start at the left: {rows:?}");
        // Plotters' SVG writes a font's size as 0.806 of it (its em box): 13 px reads as 10.48.
        let size = narrow.split("<text").find(|t| t.contains("Escalation")).and_then(|t| {
            let v = t.split("font-size=\"").nth(1)?;
            v[..v.find('"')?].parse::<f64>().ok()
        });
        assert!(size.is_some_and(|px| px >= 13.0 * 0.8), "labels at 13 px on a phone: {size:?}");
        let c = Chart::HBar(t);
        assert_eq!(c.table(Lang::En).rows[0], ["Escalation", "61.0", "5.0"]);
    }

    /// The texts an SVG draws, with each one's x and y.
    fn svg_texts(svg: &str) -> Vec<(f64, f64, String)> {
        let attr = |tag: &str, name: &str| -> f64 {
            let k = format!(" {name}=\"");
            tag.find(&k).map_or(0.0, |i| {
                let rest = &tag[i + k.len()..];
                rest[..rest.find('"').unwrap_or(0)].parse().unwrap_or(0.0)
            })
        };
        svg.split("<text")
            .skip(1)
            .map(|t| {
                let (tag, rest) = t.split_once('>').unwrap_or((t, ""));
                let body = rest.split("</text>").next().unwrap_or("").trim().replace("&amp;", "&");
                (attr(tag, "x"), attr(tag, "y"), body)
            })
            .collect()
    }

    #[test]
    fn an_export_draws_its_whole_caption_every_legend_entry_and_nothing_outside() {
        let seven = BarChart {
            x_label: "Year".into(),
            categories: vec!["1".into(), "2".into()],
            y_format: YFormat::Money,
            stacks: (0..7)
                .map(|k| Stack {
                    label: format!("Cost category number {k} with a long name"),
                    color: palette::SERIES[k],
                    values: vec![k as f64 - 3.0, 2.0],
                    band: None,
                })
                .collect(),
            grouped: false,
            total_band: Some(vec![Band { p10: -1.0, p25: 0.0, p50: 1.0, p75: 2.0, p90: 3.0 }; 2]),
        };
        let chart = Chart::Bar(seven);
        let summary = "The extra time does not pay back on the budget within five years: the help owed costs \
            more than the rework saves. With failure demand counted it pays back in month 40, and with escalation \
            in month 31. Over 500 draws the net saving is between -3.2 and 1.4 million in 8 of 10 runs. Waiting \
            times fall by two weeks, overturned decisions by a third, and sick leave by half a point over the period. \
            This last sentence is the key sentence and must not be cut off.";
        let source =
            format!("Source: One Percent. Same numbers: https://example.org/?{}", "v=1&case.extra_time=0.5".repeat(12));
        for width in PNG_WIDTHS {
            let layout = ExportLayout::new(
                &chart,
                "What the extra time costs and saves, year by year",
                summary,
                &source,
                width,
                Lang::En,
            );
            assert!(layout.legend.len() >= 2, "seven long labels take more than one row");
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
                draw_export(&area, &layout, &chart, Lang::En).unwrap();
            }
            let texts = svg_texts(&svg);
            let all: String = texts.iter().map(|t| t.2.as_str()).collect::<Vec<_>>().join(" ");
            for word in summary.split_whitespace() {
                assert!(all.contains(word), "{width}: summary word {word:?} not drawn");
            }
            assert!(all.contains("must not be cut off."), "{width}: the last sentence is drawn whole");
            for (label, _) in chart.keys(Lang::En) {
                assert!(all.contains(&label), "{width}: legend entry {label:?} missing");
            }
            assert!(all.contains(texts_en().key_whisker), "the whiskers are explained");
            let drawn: String = texts.iter().map(|t| t.2.as_str()).collect::<String>().replace(' ', "");
            assert!(drawn.contains(&source.replace(' ', "")), "{width}: the link is whole across its lines");
            // Within the image: every text starts inside and its estimated width (0.6 of the font
            // size per character, as the layout assumes) ends inside.
            let scale = width as f64 / 1200.0;
            for (x, y, t) in &texts {
                assert!(*y >= 0.0 && *y < layout.height as f64, "{width}: {t:?} at y {y} outside {}", layout.height);
                let px = if layout.title.contains(t) {
                    TITLE_PX
                } else if layout.source.contains(t) {
                    SOURCE_PX
                } else {
                    TEXT_PX
                } * scale;
                assert!(x + t.chars().count() as f64 * px * 0.55 <= width as f64, "{width}: {t:?} runs past the edge");
            }
        }
        let (small, large) = (
            ExportLayout::new(&chart, "t", summary, &source, 1200, Lang::En),
            ExportLayout::new(&chart, "t", summary, &source, 2400, Lang::En),
        );
        assert!(
            large.height >= 2 * small.height - 1 && large.height <= 2 * small.height + 1,
            "print is the same image at twice the size"
        );
    }

    fn texts_en() -> &'static crate::i18n::Texts {
        Lang::En.texts()
    }

    #[test]
    fn legends_say_what_the_shading_means_only_when_there_is_shading() {
        let line = |band: Option<Vec<Band>>| {
            Chart::Line(LineChart {
                x_label: String::new(),
                y_format: YFormat::Percent,
                lines: vec![Line {
                    label: "x".into(),
                    color: palette::SCENARIO,
                    dash: Dash::Solid,
                    values: vec![0.1; 3],
                    band,
                }],
                marker: None,
                zero_line: false,
                reveal: None,
            })
        };
        assert_eq!(line(None).keys(Lang::Da).len(), 1);
        let banded = line(Some(vec![Band { p10: 0.0, p25: 0.05, p50: 0.1, p75: 0.15, p90: 0.2 }; 3])).keys(Lang::Da);
        assert_eq!(banded.last(), Some(&(Lang::Da.texts().key_ribbon.to_string(), Key::Ribbon(palette::SCENARIO))));
    }

    #[test]
    fn empty_and_non_finite_data_do_not_fail() {
        let chart = LineChart {
            x_label: String::new(),
            y_format: YFormat::Percent,
            lines: vec![Line {
                label: "x".into(),
                color: palette::SCENARIO,
                dash: Dash::Solid,
                values: vec![f64::NAN],
                band: None,
            }],
            marker: None,
            zero_line: false,
            reveal: None,
        };
        svg_of(|a| draw_line_chart(a, &chart, Lang::En, 2.0).unwrap());
        let bars = BarChart {
            x_label: String::new(),
            categories: vec![],
            y_format: YFormat::Count,
            stacks: vec![],
            grouped: true,
            total_band: None,
        };
        svg_of(|a| draw_bar_chart(a, &bars, Lang::En, 1.0).unwrap());
    }
}
