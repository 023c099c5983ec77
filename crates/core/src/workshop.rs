//! Workshop logic, pure: QR codes of links (drawn by the page itself from the `qrcodegen` encoder,
//! no service involved), the group board (pasted links, and the levers that explain each group's
//! result), guesses and the chart a story step shows.

use crate::charts::palette::{BASELINE, SCENARIO};
use crate::charts::{Dash, Line, LineChart, YFormat};
use crate::i18n::{Both, Lang};
use crate::model::montecarlo::Figure;
use crate::model::params::PARAMS;
use crate::model::{Outcome, Scenario, P};
use crate::state::View;
use crate::story::ChartKind;

/// The most groups on the board.
pub const MAX_GROUPS: usize = 8;

/// The workshop's three parts (the tabs): in the address as `mode=0`, `1` or `2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Stories: steps with a question to predict, then the reveal.
    Stories,
    /// Free play: the levers and one chart.
    Free,
    /// The group board: each group's scenario side by side.
    Board,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Stories, Part::Free, Part::Board];

    /// The number in the address (and the part's place in the texts' `modes`).
    pub fn index(self) -> usize {
        match self {
            Part::Stories => 0,
            Part::Free => 1,
            Part::Board => 2,
        }
    }

    /// The part an address names; anything else gives the stories.
    pub fn from_address(value: Option<&str>) -> Part {
        value
            .and_then(|v| v.trim().parse::<usize>().ok())
            .and_then(|i| Part::ALL.get(i).copied())
            .unwrap_or(Part::Stories)
    }

    /// The part's name on its tab.
    pub fn name(self, t: &WorkshopTexts) -> &'static str {
        t.modes[self.index()]
    }
}

/// How many groups the board's charts show before the trainer ticks others.
pub const CHART_GROUPS: usize = 4;

/// The QR code of `text` (error correction level M): its side in modules and the dark modules, row
/// by row. `None` when the text is too long for a QR code.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let qr = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let modules = (0..n).flat_map(|y| (0..n).map(move |x| (x, y))).map(|(x, y)| qr.get_module(x, y)).collect();
    Some((n as usize, modules))
}

/// The QR code of `text` as an SVG path of its dark modules, in a view box of the returned side
/// (the code plus a quiet zone of four modules on each side).
pub fn qr_svg_path(text: &str) -> Option<(String, usize)> {
    let (n, modules) = qr_modules(text)?;
    let mut d = String::new();
    for y in 0..n {
        for x in 0..n {
            if modules[y * n + x] {
                d.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    Some((d, n + 8))
}

/// The groups pasted on the board: one per line, `Name: link` or just a link (then "Group 1",
/// ...). Lines without a link are skipped; at most [`MAX_GROUPS`].
pub fn read_groups(text: &str, lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        // The link starts at "http", or at "v=" for a bare query.
        let Some(start) = line.find("http").or_else(|| line.find("?v=")).or_else(|| line.find("v=")) else {
            continue;
        };
        let (name, link) = line.split_at(start);
        let query = crate::compare::query_of(link);
        if !crate::share::decode(query).has_scenario {
            continue;
        }
        let name = crate::saved::clean_name(name.trim().trim_end_matches([':', '-', '–', '=']).trim());
        let name = if name.is_empty() {
            let n = out.len() + 1;
            match lang {
                Lang::Da => format!("Gruppe {n}"),
                Lang::En => format!("Group {n}"),
            }
        } else {
            name
        };
        out.push((name, query.to_string()));
        if out.len() == MAX_GROUPS {
            break;
        }
    }
    out
}

/// What explains a scenario's `figure` against `reference`: each lever that differs, with how much
/// the figure moves back when that lever alone is put back to the reference value (one at a time),
/// largest first.
pub fn explain(s: &Scenario, reference: &Scenario, figure: Figure) -> Vec<(P, f64)> {
    let full = figure.of(&crate::model::run(s));
    let mut out: Vec<(P, f64)> = PARAMS
        .iter()
        .filter(|spec| s.get(spec.id).to_bits() != reference.get(spec.id).to_bits())
        .map(|spec| {
            let mut without = s.clone();
            // Putting one value back may break an observable rule; then the lever is named with no effect.
            let back = without.set_all(&[(spec.id, reference.get(spec.id))]).is_none();
            let effect = if back { full - figure.of(&crate::model::run(&without)) } else { 0.0 };
            (spec.id, effect)
        })
        .collect();
    out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    out
}

/// The chart a story step (or the workshop's own levers) shows: the scenario and, for trust, the
/// baseline; a second scenario `before` (dashed) when replaying the last change; only the first
/// `reveal` months (or votes) drawn when playing through time.
pub fn step_chart(
    kind: ChartKind,
    o: &Outcome,
    before: Option<&Outcome>,
    reveal: Option<usize>,
    lang: Lang,
) -> (&'static str, LineChart) {
    let t = lang.texts();
    let ct = &t.case;
    let (before_label, now_label) = match lang {
        Lang::Da => ("Før ændringen", "Efter ændringen"),
        Lang::En => ("Before the change", "After the change"),
    };
    let values = |o: &Outcome| -> Vec<f64> {
        match kind {
            ChartKind::Trust => o.scenario.iter().map(|m| m.trust).collect(),
            ChartKind::Saving => o.cumulative_saving.cash.clone(),
            ChartKind::Turnout => o.cycles.iter().map(|c| c.turnout).collect(),
        }
    };
    let line = |label: &str, color, dash, values| Line { label: label.to_string(), color, dash, values, band: None };
    let mut lines =
        vec![line(if before.is_some() { now_label } else { ct.scenario }, SCENARIO, Dash::Solid, values(o))];
    if let Some(b) = before {
        lines.push(line(before_label, crate::charts::palette::SERIES[1], Dash::Dotted, values(b)));
    }
    if kind == ChartKind::Trust {
        lines.push(line(ct.baseline, BASELINE, Dash::Dashed, o.baseline.iter().map(|m| m.trust).collect()));
    }
    let (title, x_label, y_format) = match kind {
        ChartKind::Trust => (ct.chart_trust, ct.month, YFormat::Percent),
        ChartKind::Saving => (ct.chart_saving, ct.month, YFormat::Money),
        ChartKind::Turnout => (crate::compare::texts(lang).charts[2], t.pb.vote, YFormat::Percent),
    };
    let chart = LineChart {
        x_label: x_label.to_string(),
        y_format,
        lines,
        marker: None,
        zero_line: kind == ChartKind::Saving,
        reveal,
    };
    (title, chart)
}

/// The app's view that shows the chart of `kind` (where the QR code and the link lead).
pub fn app_view(kind: ChartKind) -> View {
    match kind {
        ChartKind::Trust => View::Together,
        ChartKind::Saving => View::Casework,
        ChartKind::Turnout => View::Pb,
    }
}

/// How many x steps a chart of `kind` has per year (months; one vote a year).
pub fn steps_per_year(kind: ChartKind) -> usize {
    match kind {
        ChartKind::Turnout => 1,
        _ => 12,
    }
}

/// The workshop page's words (kept out of [`crate::i18n::Texts`], so the app does not carry them).
pub struct WorkshopTexts {
    pub title: &'static str,
    pub back: &'static str,
    pub modes: [&'static str; 3],
    pub modes_label: &'static str,
    pub fullscreen: &'static str,
    pub shortcuts: &'static str,
    pub shortcut_list: [&'static str; 7],
    pub choose_story: &'static str,
    pub open_story: &'static str,
    pub story_errors: &'static str,
    pub step_of: [&'static str; 2],
    pub prev: &'static str,
    pub next: &'static str,
    pub the_end: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub speed: &'static str,
    pub speeds: [&'static str; 3],
    pub year_of: [&'static str; 2],
    pub replay: &'static str,
    pub nothing_to_replay: &'static str,
    pub show_levers: &'static str,
    pub chart_label: &'static str,
    pub charts: [&'static str; 3],
    pub discuss: &'static str,
    pub predict: &'static str,
    pub guess_label: &'static str,
    pub add_guess: &'static str,
    pub board_broken: &'static str,
    /// The checkbox that puts a group's lines in the charts, and the note on how many fit.
    pub in_charts: &'static str,
    pub in_charts_note: &'static str,
    pub offline_ready: &'static str,
    pub guesses: &'static str,
    pub no_guesses: &'static str,
    pub reveal: &'static str,
    pub answer: &'static str,
    pub range: &'static str,
    pub placement: [&'static str; 3],
    pub qr: &'static str,
    pub qr_caption: &'static str,
    pub qr_too_long: &'static str,
    pub board_paste: &'static str,
    pub board_show: &'static str,
    pub board_none: &'static str,
    pub board_empty: &'static str,
    pub group: &'static str,
    pub changed: &'static str,
    pub trust: &'static str,
    pub payback: &'static str,
    pub turnout: &'static str,
    pub what_differs: &'static str,
    pub differs_note: &'static str,
    pub free_intro: &'static str,
    pub points_trust: &'static str,
}

/// The workshop page's texts in both languages.
pub static TEXTS: Both<WorkshopTexts> = Both::new(
    WorkshopTexts {
        title: "Workshop",
        back: "Tilbage til One Percent",
        modes: ["Historier", "Frit spil", "Gruppetavle"],
        modes_label: "Workshoppens dele",
        fullscreen: "Fuld skærm (F)",
        shortcuts: "Tastatur",
        shortcut_list: [
            "→ eller Page Down: næste trin",
            "← eller Page Up: forrige trin",
            "R: afslør svaret",
            "P: afspil årene / pause",
            "L: genafspil sidste ændring",
            "Q: vis eller skjul QR-koden",
            "F: fuld skærm",
        ],
        choose_story: "Vælg en historie",
        open_story: "Åbn en historiefil (JSON)",
        story_errors: "Historiefilen kunne ikke bruges:",
        step_of: ["Trin", "af"],
        prev: "← Forrige",
        next: "Næste →",
        the_end: "Det var historiens sidste trin.",
        play: "Afspil årene (P)",
        pause: "Pause (P)",
        speed: "Hastighed",
        speeds: ["Langsom", "Normal", "Hurtig"],
        year_of: ["År", "af"],
        replay: "Genafspil sidste ændring (L)",
        nothing_to_replay: "Der er endnu ingen ændring at genafspille.",
        show_levers: "Vis håndtagene",
        chart_label: "Graf",
        charts: ["Tillid", "Nettobesparelse", "Deltagelse"],
        discuss: "Til drøftelse",
        predict: "Gæt først",
        guess_label: "Et gæt",
        add_guess: "Tilføj gæt",
        board_broken: "Nogle links kunne ikke læses helt; deres rækker viser det, der kunne læses:",
        in_charts: "I graferne",
        in_charts_note: "Graferne viser de afkrydsede grupper, fra start de fire første: flere streger kan ikke læses bagerst i lokalet.",
        offline_ready: "Klar til at virke uden net.",
        guesses: "Gæt",
        no_guesses: "Ingen gæt endnu.",
        reveal: "Afslør svaret (R)",
        answer: "Simuleret svar",
        range: "I 8 ud af 10 kørsler mellem",
        placement: ["under spændet", "inden for spændet", "over spændet"],
        qr: "QR-kode (Q)",
        qr_caption: "Scan for at åbne dette scenarie i One Percent på jeres telefon.",
        qr_too_long: "Linket er for langt til en QR-kode; del det som tekst.",
        board_paste: "Gruppernes links, ét pr. linje (gerne »Navn: link«)",
        board_show: "Vis på tavlen",
        board_none: "Fandt ingen links fra One Percent i teksten.",
        board_empty: "Indsæt op til otte gruppers links for at sammenligne dem.",
        group: "Gruppe",
        changed: "Ændret fra standard",
        trust: "Høj tillid til sidst",
        payback: "Ekstra tid betaler sig hjem",
        turnout: "Deltagelse ved sidste afstemning",
        what_differs: "Hvad gør forskellen",
        differs_note: "»Hvad gør forskellen« viser de ændringer, der flytter tilliden mest i forhold til standardscenariet: hvor meget tilliden falder tilbage, når hver ændring alene tages ud.",
        free_intro: "Flyt håndtagene, afspil årene, og genafspil den sidste ændring for at se før og efter.",
        points_trust: "tillid",
    },
    WorkshopTexts {
        title: "Workshop",
        back: "Back to One Percent",
        modes: ["Stories", "Free play", "Group board"],
        modes_label: "Parts of the workshop",
        fullscreen: "Full screen (F)",
        shortcuts: "Keyboard",
        shortcut_list: [
            "→ or Page Down: next step",
            "← or Page Up: previous step",
            "R: reveal the answer",
            "P: play the years / pause",
            "L: replay the last change",
            "Q: show or hide the QR code",
            "F: full screen",
        ],
        choose_story: "Choose a story",
        open_story: "Open a story file (JSON)",
        story_errors: "The story file could not be used:",
        step_of: ["Step", "of"],
        prev: "← Previous",
        next: "Next →",
        the_end: "That was the story's last step.",
        play: "Play the years (P)",
        pause: "Pause (P)",
        speed: "Speed",
        speeds: ["Slow", "Normal", "Fast"],
        year_of: ["Year", "of"],
        replay: "Replay the last change (L)",
        nothing_to_replay: "There is no change to replay yet.",
        show_levers: "Show the levers",
        chart_label: "Chart",
        charts: ["Trust", "Net saving", "Turnout"],
        discuss: "To discuss",
        predict: "Guess first",
        guess_label: "A guess",
        add_guess: "Add guess",
        board_broken: "Some links could not be read in full; their rows show what could be read:",
        in_charts: "In the charts",
        in_charts_note: "The charts show the ticked groups, the first four to begin with: more lines cannot be read from the back of the room.",
        offline_ready: "Ready to work offline.",
        guesses: "Guesses",
        no_guesses: "No guesses yet.",
        reveal: "Reveal the answer (R)",
        answer: "Simulated answer",
        range: "In 8 of 10 runs between",
        placement: ["below the range", "within the range", "above the range"],
        qr: "QR code (Q)",
        qr_caption: "Scan to open this scenario in One Percent on your phone.",
        qr_too_long: "The link is too long for a QR code; share it as text.",
        board_paste: "The groups' links, one per line (\"Name: link\" if you like)",
        board_show: "Show on the board",
        board_none: "No One Percent links found in the text.",
        board_empty: "Paste up to eight groups' links to compare them.",
        group: "Group",
        changed: "Changed from the defaults",
        trust: "High trust at the end",
        payback: "Extra time pays back",
        turnout: "Turnout at the last vote",
        what_differs: "What makes the difference",
        differs_note: "\"What makes the difference\" names the changes that move trust most against the default scenario: how much trust falls back when each change alone is taken out.",
        free_intro: "Move the levers, play the years, and replay the last change to see before and after.",
        points_trust: "trust",
    },
);

/// The workshop page's words in `lang`.
pub fn texts(lang: Lang) -> &'static WorkshopTexts {
    TEXTS.get(lang)
}
