//! Comparing scenarios: up to [`MAX_COMPARED`] saved scenarios or pasted links side by side, after
//! the app's default scenario, which is always shown as the reference. Each column is the scenario a
//! link opens (the same numbers the sender saw: same values, seed and run count); this module builds
//! the table of headline figures with their P10-P90 ranges, the list of settings that differ from
//! the defaults, and the overlaid charts. Pure: the compare page (`app::compare_page`) only shows it.

use std::rc::Rc;

use crate::charts::palette::{BASELINE, SERIES};
use crate::charts::{Dash, Line, LineChart, YFormat};
use crate::format::{money_compact, number, percent, points};
use crate::i18n::{Both, Lang};
use crate::model::montecarlo::{Band, Bands, Figure};
use crate::model::{Outcome, Problem, Scenario};
use crate::state::AppState;

/// The most scenarios compared at once (besides the default scenario).
pub const MAX_COMPARED: usize = 4;

/// The link of the default scenario, the reference column.
pub const DEFAULT_LINK: &str = "v=1";

/// One compared scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    /// Its share link (the query, without `?`), as given.
    pub link: String,
    pub scenario: Rc<Scenario>,
    /// The link's Monte Carlo run count (the app's default when it names none).
    pub runs: usize,
    /// What the link held that could not be used (the rest of it is compared).
    pub problems: Vec<Problem>,
    pub outcome: Rc<Outcome>,
}

/// The query in a pasted address or link: what follows the last `?` (up to a `#`); text without a
/// `?` is taken as the query itself. Our links never hold a raw `?` (it is percent-encoded), so the
/// last one starts the query, and reading a query again gives the same query.
pub fn query_of(text: &str) -> &str {
    let text = text.split('#').next().unwrap_or("");
    // (Bytes, not `rsplit_once`: a reverse char searcher would add to every page's wasm.)
    text.bytes().rposition(|b| b == b'?').map_or(text, |i| &text[i + 1..]).trim()
}

/// The column a link opens: decoded like the app decodes an address, then run.
pub fn column(name: &str, link: &str) -> Column {
    let query = query_of(link);
    let state = AppState::from_link(&crate::share::decode(query), Lang::default());
    let outcome = Rc::new(crate::model::run(&state.scenario));
    Column {
        name: name.to_string(),
        link: query.to_string(),
        scenario: state.scenario,
        runs: state.runs,
        problems: state.link_problems,
        outcome,
    }
}

/// The settings of `s` that differ from the defaults, as (name, value) in the user's language, in
/// parameter-table order; the seed last when it is not the default one.
pub fn changes(s: &Scenario, lang: Lang) -> Vec<(String, String)> {
    let mut out = crate::report::changed_values(s, lang);
    if s.seed != Scenario::default().seed {
        out.push((texts(lang).seed.to_string(), s.seed.to_string()));
    }
    out
}

/// A cell of the comparison table: the value in the scenario as set, and the P10-P90 range when
/// the Monte Carlo runs are done.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub value: String,
    pub range: Option<String>,
}

/// A row of the comparison table: a headline figure in every column.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: &'static str,
    pub cells: Vec<Cell>,
}

/// How a figure reads.
#[derive(Clone, Copy)]
enum Shown {
    Share,
    Points,
    Money,
    Count,
}

/// The figures compared, in table order.
const FIGURES: [(Figure, Shown); 8] = [
    (Figure::Trust, Shown::Share),
    (Figure::TrustFromCasework, Shown::Points),
    (Figure::TrustFromPb, Shown::Points),
    (Figure::NetSaving, Shown::Money),
    (Figure::OverturnsPerYear, Shown::Count),
    (Figure::TurnoutLast, Shown::Share),
    (Figure::Reach, Shown::Share),
    (Figure::PbSpent, Shown::Money),
];

/// The table: payback first, then `FIGURES`. `bands[i]` belongs to `cols[i]` (missing or `None`:
/// not computed yet, so no range).
pub fn rows(cols: &[Column], bands: &[Option<Rc<Bands>>], lang: Lang) -> Vec<Row> {
    let t = texts(lang);
    let band_of = |i: usize| bands.get(i).and_then(|b| b.as_deref());
    let payback = Row {
        label: t.figures[0],
        cells: cols
            .iter()
            .enumerate()
            .map(|(i, c)| Cell {
                value: crate::report::payback_text(c.outcome.headline.payback.cash, lang),
                // Over all runs that give extra time, "after the period" where they do not pay back.
                range: band_of(i).filter(|b| b.payback.cash.shares[5] < 1.0).map(|b| {
                    let d = &b.payback.cash;
                    let end = |x: f64| crate::report::payback_month_text(x, d.horizon, lang);
                    let share = percent(d.within_horizon(), 0, lang);
                    // "after the period" alone when even P10 is after it (not "month after the
                    // period–after the period").
                    let months = if d.month.p10 > d.horizon as f64 {
                        end(d.month.p10)
                    } else {
                        format!("{} {}–{}", t.months, end(d.month.p10), end(d.month.p90))
                    };
                    format!("{months} ({share} {})", t.of_runs)
                }),
            })
            .collect(),
    };
    let mut out = vec![payback];
    for (k, (figure, shown)) in FIGURES.iter().enumerate() {
        let cells = cols
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let f = |x: f64| match shown {
                    Shown::Share => percent(x, 1, lang),
                    Shown::Points => points(x, 1, lang),
                    Shown::Money => money_compact(x, crate::report::currency(&c.scenario), lang),
                    Shown::Count => number(x, 0, lang),
                };
                let range = band_of(i).map(|b| b.figure(*figure)).map(|b: Band| format!("{} – {}", f(b.p10), f(b.p90)));
                Cell { value: f(figure.of(&c.outcome)), range }
            })
            .collect();
        out.push(Row { label: t.figures[k + 1], cells });
    }
    out
}

/// The compare page's own address (without `?`): its language and the compared scenarios as name
/// and link pairs, `lang=da&n=Plan%20A&s=v%3D1%26pb.share%3D0.01`, so the comparison itself can be
/// shared or reloaded.
pub fn page_query(lang: Lang, items: &[(String, String)]) -> String {
    let mut out = format!("lang={}", lang.code());
    for (name, link) in items {
        out.push_str("&n=");
        crate::share::escape_into(&mut out, name);
        out.push_str("&s=");
        crate::share::escape_into(&mut out, link);
    }
    out
}

/// Read [`page_query`]: the language as written (unchecked) and up to [`MAX_COMPARED`] (name, link)
/// pairs. A link without a name before it is called by its number; anything else is ignored.
pub fn read_page_query(query: &str) -> (Option<String>, Vec<(String, String)>) {
    read_page_query_up_to(query, MAX_COMPARED)
}

/// [`read_page_query`] keeping up to `max` pairs (the workshop's board holds more groups than the
/// compare page holds columns).
pub fn read_page_query_up_to(query: &str, max: usize) -> (Option<String>, Vec<(String, String)>) {
    let (mut lang, mut items, mut name) = (None, Vec::new(), None::<String>);
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = crate::share::unescape(v);
        match k {
            "lang" => lang = Some(v),
            "n" => name = Some(crate::saved::clean_name(&v)),
            "s" if items.len() < max => {
                let n = name.take().filter(|n| !n.is_empty()).unwrap_or_else(|| format!("{}", items.len() + 1));
                items.push((n, query_of(&v).to_string()));
            }
            _ => {}
        }
    }
    (lang, items)
}

/// Each column's line style: colour and pattern both differ, so the lines tell apart in grey
/// print and for colour-blind readers (Okabe-Ito colours).
pub fn style(i: usize) -> (crate::charts::palette::Rgb, Dash) {
    const DASHES: [Dash; 5] = [Dash::Solid, Dash::Dashed, Dash::Dotted, Dash::Long, Dash::Solid];
    (SERIES[i % SERIES.len()], DASHES[i % DASHES.len()])
}

/// The overlaid charts: trust month by month (with the no-decision baseline of the default
/// scenario, grey and dashed), the cumulative net saving of the extra casework time, and the
/// turnout at each vote. Lines only: up to five overlapping ribbons cannot be read, so the ranges
/// are in the table.
pub fn charts(cols: &[Column], lang: Lang) -> [(&'static str, LineChart); 3] {
    charts_of(cols, &|_| true, lang)
}

/// [`charts`] with only the columns `shown` says, each keeping its own line style.
pub fn charts_of(cols: &[Column], shown: &dyn Fn(usize) -> bool, lang: Lang) -> [(&'static str, LineChart); 3] {
    let t = texts(lang);
    let ct = &lang.texts().case;
    let lines = |values: &dyn Fn(&Outcome) -> Vec<f64>| -> Vec<Line> {
        cols.iter()
            .enumerate()
            .filter(|(i, _)| shown(*i))
            .map(|(i, c)| {
                let (color, dash) = style(i);
                Line { label: c.name.clone(), color, dash, values: values(&c.outcome), band: None }
            })
            .collect()
    };
    let mut trust = lines(&|o| o.scenario.iter().map(|m| m.trust).collect());
    if let Some(reference) = cols.first() {
        trust.push(Line {
            label: t.without.to_string(),
            color: BASELINE,
            dash: Dash::Dashed,
            values: reference.outcome.baseline.iter().map(|m| m.trust).collect(),
            band: None,
        });
    }
    let chart = |x_label: &str, y_format, lines, zero_line| LineChart {
        x_label: x_label.to_string(),
        y_format,
        lines,
        marker: None,
        zero_line,
        reveal: None,
    };
    [
        (t.charts[0], chart(ct.month, YFormat::Percent, trust, false)),
        (t.charts[1], chart(ct.month, YFormat::Money, lines(&|o| o.cumulative_saving.cash.clone()), true)),
        (
            t.charts[2],
            chart(
                lang.texts().pb.vote,
                YFormat::Percent,
                lines(&|o| o.cycles.iter().map(|c| c.turnout).collect()),
                false,
            ),
        ),
    ]
}

/// The compare page's words (kept here, out of [`crate::i18n::Texts`], so the main page does not
/// carry them).
pub struct CompareTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub defaults: &'static str,
    pub without: &'static str,
    pub seed: &'static str,
    pub months: &'static str,
    pub of_runs: &'static str,
    pub figures: [&'static str; 9],
    pub charts: [&'static str; 3],
    pub saved_heading: &'static str,
    pub none_saved: &'static str,
    pub compare: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub delete: &'static str,
    pub name_prompt: &'static str,
    pub delete_confirm: &'static str,
    pub renamed: &'static str,
    pub deleted: &'static str,
    pub paste_heading: &'static str,
    pub paste_label: &'static str,
    pub name_label: &'static str,
    pub add: &'static str,
    pub added: &'static str,
    pub not_a_link: &'static str,
    pub full: &'static str,
    pub link_problems: &'static str,
    pub table_heading: &'static str,
    pub figure: &'static str,
    pub changed: &'static str,
    pub no_changes: &'static str,
    pub range_note: &'static str,
    pub computing: &'static str,
    pub remove: &'static str,
    pub refused: [&'static str; 4],
    pub storage_full: &'static str,
    pub storage_unavailable: &'static str,
    pub aside: &'static str,
    pub download_aside: &'static str,
    pub forget_aside: &'static str,
    pub forget_confirm: &'static str,
    pub charts_heading: &'static str,
}

/// The compare page's texts in both languages.
pub static TEXTS: Both<CompareTexts> = Both::new(
    CompareTexts {
        title: "Sammenlign scenarier",
        intro: "Gemte scenarier og indsatte links side om side med standardscenariet. Tallene er de samme, som scenariet viser i One Percent: samme værdier, startværdi og antal kørsler.",
        defaults: "Standardscenariet",
        without: "Uden nogen af beslutningerne",
        seed: "Startværdi",
        months: "måned",
        of_runs: "af kørslerne",
        figures: [
            "Ekstra tid betaler sig hjem",
            "Høj tillid blandt voksne til sidst",
            "Heraf fra sagsbehandlingen",
            "Heraf fra borgerbudgettet",
            "Nettobesparelse i alt",
            "Omgjorte afgørelser pr. år",
            "Deltagelse ved sidste afstemning",
            "Har deltaget mindst én gang",
            "Borgerbudget brugt i alt",
        ],
        charts: [
            "Andel voksne med høj tillid",
            "Samlet nettobesparelse af den ekstra tid",
            "Deltagelse ved hver afstemning",
        ],
        saved_heading: "Gemte scenarier i denne browser",
        none_saved: "Ingen gemte scenarier endnu. Gem et i One Percent med »Gem i browseren«, eller indsæt et link herunder.",
        compare: "Sammenlign",
        open: "Åbn",
        rename: "Omdøb",
        delete: "Slet",
        name_prompt: "Navn på scenariet",
        delete_confirm: "Slet det gemte scenarie",
        renamed: "Omdøbt til",
        deleted: "Slettet:",
        paste_heading: "Sammenlign et link",
        paste_label: "Link til et scenarie",
        name_label: "Navn (valgfrit)",
        add: "Tilføj til sammenligningen",
        added: "Tilføjet:",
        not_a_link: "Indsæt et link fra One Percent (det, som »Kopiér link« giver).",
        full: "Der kan højst sammenlignes fire scenarier ad gangen. Fjern et først.",
        link_problems: "Dele af linket kunne ikke bruges, resten er med:",
        table_heading: "Nøgletal",
        figure: "Nøgletal",
        changed: "Ændret fra standard",
        no_changes: "Ingen ændringer",
        range_note: "Under hvert tal: spændet P10–P90, som 8 ud af 10 kørsler ligger inden for.",
        computing: "Beregner spænd …",
        remove: "Fjern fra sammenligningen",
        refused: [
            "Navnet er tomt.",
            "Der er allerede et scenarie med det navn.",
            "Der kan højst gemmes 50 scenarier.",
            "Scenariet findes ikke længere.",
        ],
        storage_full: "Browserens lager er fuldt, så ændringen blev ikke gemt. Intet er gået tabt; slet et gammelt scenarie og prøv igen.",
        storage_unavailable: "Browseren tillader ikke, at siden gemmer (f.eks. i privat tilstand), så ændringen blev ikke gemt.",
        aside: "Noget gemt data kunne ikke læses. Det er lagt til side, ikke slettet, og kan hentes som fil.",
        download_aside: "Hent de ulæselige data",
        forget_aside: "Fjern dem fra browseren",
        forget_confirm: "Fjern de ulæselige data fra browseren for altid? Hent dem først, hvis du vil beholde dem.",
        charts_heading: "Grafer",
    },
    CompareTexts {
        title: "Compare scenarios",
        intro: "Saved scenarios and pasted links side by side with the default scenario. The numbers are the ones the scenario shows in One Percent: same values, seed and number of runs.",
        defaults: "Default scenario",
        without: "Without either decision",
        seed: "Seed",
        months: "month",
        of_runs: "of runs",
        figures: [
            "Extra time pays back",
            "Adults with high trust at the end",
            "Of which from casework",
            "Of which from participatory budgeting",
            "Net saving in total",
            "Overturned decisions per year",
            "Turnout at the last vote",
            "Took part at least once",
            "Participatory budget spent in total",
        ],
        charts: [
            "Share of adults with high trust",
            "Cumulative net saving of the extra time",
            "Turnout at each vote",
        ],
        saved_heading: "Scenarios saved in this browser",
        none_saved: "No saved scenarios yet. Save one in One Percent with \"Save in this browser\", or paste a link below.",
        compare: "Compare",
        open: "Open",
        rename: "Rename",
        delete: "Delete",
        name_prompt: "Name of the scenario",
        delete_confirm: "Delete the saved scenario",
        renamed: "Renamed to",
        deleted: "Deleted:",
        paste_heading: "Compare a link",
        paste_label: "Link to a scenario",
        name_label: "Name (optional)",
        add: "Add to the comparison",
        added: "Added:",
        not_a_link: "Paste a link from One Percent (the one \"Copy link\" gives).",
        full: "At most four scenarios can be compared at once. Remove one first.",
        link_problems: "Parts of the link could not be used; the rest is compared:",
        table_heading: "Headline figures",
        figure: "Figure",
        changed: "Changed from the defaults",
        no_changes: "No changes",
        range_note: "Under each figure: the P10–P90 range, within which 8 of 10 runs fall.",
        computing: "Computing ranges …",
        remove: "Remove from the comparison",
        refused: [
            "The name is empty.",
            "There is already a scenario with that name.",
            "At most 50 scenarios can be saved.",
            "The scenario no longer exists.",
        ],
        storage_full: "The browser's storage is full, so the change was not saved. Nothing is lost; delete an old scenario and try again.",
        storage_unavailable: "The browser does not let this page save (for example in private mode), so the change was not saved.",
        aside: "Some saved data could not be read. It is kept aside, not deleted, and can be downloaded as a file.",
        download_aside: "Download the unreadable data",
        forget_aside: "Remove it from this browser",
        forget_confirm: "Remove the unreadable data from this browser for good? Download it first if you want to keep it.",
        charts_heading: "Charts",
    },
);

/// The compare page's words in `lang`.
pub fn texts(lang: Lang) -> &'static CompareTexts {
    TEXTS.get(lang)
}
