//! Validation: the model against published figures (`scenarios/validation/`). Each case is a
//! scenario file set to a real place and a figure observed there; the model's value, its ratio to
//! the observed one, the Monte Carlo P10-P90 and whether the observed value lies inside it. The
//! command line prints it (`onepercent validate`) and the build writes it as a static page in both
//! languages (`fit.da.html`, `fit.en.html`), so the page costs the app nothing and reads without
//! JavaScript. Pure: the caller reads the files.

use serde::Deserialize;

use crate::i18n::{Both, Lang};
use crate::model::casework::Inputs;
use crate::model::montecarlo::{draw, Band};
use crate::model::run::run_inputs;
use crate::model::{run, Outcome, Scenario};
use crate::pages::{esc, page};

/// What a case compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// Voters at participatory budgeting vote `cycle`.
    PbVoters,
    /// Appeals a year in the baseline (today's steady state).
    BaselineAppealsPerYear,
    /// Overturns among appeals the board decides, in the baseline.
    BaselineOverturnShare,
}

/// One case of the manifest (`scenarios/validation/cases.json`).
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
pub struct Case {
    pub id: String,
    /// The scenario file, relative to the manifest.
    pub file: String,
    pub quantity: Quantity,
    #[serde(default)]
    pub cycle: Option<u32>,
    pub observed: f64,
    /// The model must lie within this factor of the observed value.
    pub tolerance: f64,
    /// "fitted" (the parameters were fitted to it) or "consistency" (the defaults came from it).
    pub kind: String,
    /// Written `[Danish, English]` in the manifest.
    #[serde(deserialize_with = "both", serialize_with = "both_out")]
    pub label: Both<String>,
}

fn both_out<S: serde::Serializer>(b: &Both<String>, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&[b.da(), b.en()], s)
}

fn both<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Both<String>, D::Error> {
    let [da, en] = <[String; 2]>::deserialize(d)?;
    Ok(Both::new(da, en))
}

#[derive(Deserialize)]
struct Manifest {
    cases: Vec<Case>,
}

/// Read the manifest's cases.
pub fn read_manifest(text: &str) -> Result<Vec<Case>, String> {
    serde_json::from_str::<Manifest>(text).map(|m| m.cases).map_err(|e| e.to_string())
}

impl Quantity {
    /// The quantity in one outcome (NaN when it does not exist, e.g. a vote past the horizon).
    pub fn of(self, o: &Outcome, cycle: Option<u32>) -> f64 {
        match self {
            Quantity::PbVoters => {
                let c = cycle.unwrap_or(1) as usize;
                o.cycles.get(c.wrapping_sub(1)).map_or(f64::NAN, |c| c.voters)
            }
            Quantity::BaselineAppealsPerYear => o.baseline.iter().take(12).map(|m| m.appeals).sum(),
            Quantity::BaselineOverturnShare => {
                o.baseline.first().map_or(f64::NAN, |m| m.overturns / m.board_decided.max(1e-12))
            }
        }
    }
}

/// One row of the table.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Row {
    pub case: Case,
    /// The run at the scenario's values.
    pub model: f64,
    /// `model / observed`.
    pub ratio: f64,
    /// Across the Monte Carlo runs.
    pub band: Band,
    /// Whether the observed value lies inside P10-P90.
    pub inside: bool,
    /// Whether the model is within the case's tolerance factor.
    pub within: bool,
}

/// Run one case: the scenario at its values and `runs` Monte Carlo draws.
pub fn check(case: &Case, s: &Scenario, runs: usize) -> Row {
    let model = case.quantity.of(&run(s), case.cycle);
    let mut xs: Vec<f64> = (0..runs.max(1) as u64)
        .map(|r| case.quantity.of(&run_inputs(&Inputs::from_scenario(&draw(s, r, 1.0))), case.cycle))
        .collect();
    let band = Band::of(&mut xs);
    let ratio = model / case.observed;
    Row {
        case: case.clone(),
        model,
        ratio,
        band,
        inside: band.p10 <= case.observed && case.observed <= band.p90,
        within: ratio <= case.tolerance && 1.0 / ratio <= case.tolerance,
    }
}

fn value(q: Quantity, x: f64, lang: Lang) -> String {
    match q {
        Quantity::BaselineOverturnShare => crate::format::percent(x, 1, lang),
        _ => crate::format::number(x, 0, lang),
    }
}

/// The table as plain text (the command line's default).
pub fn text(rows: &[Row], runs: usize, lang: Lang) -> String {
    let mut out = format!(
        "{:<44} {:>10} {:>10} {:>6} {:>24} {:>7} {:>7}\n",
        "case",
        "observed",
        "model",
        "ratio",
        format!("P10-P90 ({runs} runs)"),
        "inside",
        "within"
    );
    for r in rows {
        let q = r.case.quantity;
        let band = format!("{} - {}", value(q, r.band.p10, lang), value(q, r.band.p90, lang));
        let within = if r.within {
            "yes".to_string()
        } else {
            format!("no (x{})", crate::format::number(r.case.tolerance, 1, lang))
        };
        out.push_str(&format!(
            "{:<44} {:>10} {:>10} {:>6} {:>24} {:>7} {:>7}\n",
            r.case.label.get(lang),
            value(q, r.case.observed, lang),
            value(q, r.model, lang),
            crate::format::number(r.ratio, 2, lang),
            band,
            if r.inside { "yes" } else { "no" },
            within,
        ));
    }
    out
}

/// The table as a static page ("How well does it fit?"), in one language, linking the other.
pub fn html(rows: &[Row], runs: usize, lang: Lang) -> String {
    let da = lang == Lang::Da;
    let t = |d: &'static str, e: &'static str| if da { d } else { e };
    let yes_no = |b: bool| t(if b { "ja" } else { "nej" }, if b { "yes" } else { "no" });
    let mut body = String::new();
    for r in rows {
        let q = r.case.quantity;
        body.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{} – {}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(r.case.label.get(lang)),
            value(q, r.case.observed, lang),
            value(q, r.model, lang),
            crate::format::number(r.ratio, 2, lang),
            value(q, r.band.p10, lang),
            value(q, r.band.p90, lang),
            yes_no(r.inside),
            yes_no(r.within),
            match (r.case.kind.as_str(), da) {
                ("fitted", true) => "tilpasset",
                ("fitted", false) => "fitted",
                (_, true) => "egne input",
                (_, false) => "own inputs",
            },
        ));
    }
    let misses = rows.iter().filter(|r| !r.within).count();
    let title = t("Hvor godt passer modellen?", "How well does it fit?");
    // Why the misses stay (docs/MODEL.md, "The form was decided by the fit"; `make fit`).
    let why = match (misses > 0, da) {
        (false, _) => "",
        (true, true) => {
            " Ingen indstilling af deltagelsesparametrene bringer alle afstemninger inden for tolerancen \
             (make fit afsøger dem alle): Madrid 2016 og Helsinki 2019 var begge første afstemning og begge \
             online, og Madrids pulje var størst, men kun en femtedel så mange stemte. Den virkning af byens \
             størrelse, der kunne forklare det, passer ikke med Reykjavik. Det, der adskiller dem (elever, der \
             stemmer i timen, et login, alle har i forvejen, krav om registrering), er ikke målt, så modellen \
             lader ikke, som om den kender det."
        }
        (true, false) => {
            " No setting of the turnout parameters brings every vote within its tolerance (make fit \
             searches them all): Madrid 2016 and Helsinki 2019 were both first votes, both online, and \
             Madrid's pot was larger, yet a fifth as many voted. The effect of a city's size that would \
             explain that pair contradicts Reykjavik. What separates them (pupils voting in class, an \
             e-ID everyone already has, registering first) has not been measured, so the model does not \
             pretend to know it."
        }
    };
    let intro = if da {
        format!(
            "Modellen sat til virkelige steder og sammenlignet med offentliggjorte tal. »Tilpasset«: \
             deltagelsesparametrene er tilpasset alle disse afstemninger på én gang, så de er ikke en test på nye data. \
             »Egne input«: standardværdierne er udledt af tallet, så rækken tjekker kun, at modellen gengiver dem. \
             P10–P90 over {runs} træk af de usikre antagelser. {misses} af {} ligger uden for tolerancen.{why} \
             Kilderne står i scenariefilerne i scenarios/validation/, og kommandolinjen giver samme tabel: \
             onepercent validate.",
            rows.len()
        )
    } else {
        format!(
            "The model set to real places and compared with published figures. \"Fitted\": the turnout \
             parameters were fitted to all these votes together, so they are not a test on new data. \"Own \
             inputs\": the defaults were derived from the figure, so the row only checks the model reproduces \
             them. P10–P90 over {runs} draws of the uncertain assumptions. {misses} of {} fall outside their \
             tolerance.{why} Sources are in the scenario files in scenarios/validation/, and the command line gives \
             the same table: onepercent validate.",
            rows.len()
        )
    };
    let head = if da {
        [
            "Tilfælde",
            "Offentliggjort",
            "Model",
            "Forhold",
            "Model P10–P90",
            "Inden for P10–P90",
            "Inden for tolerancen",
            "Slags",
        ]
    } else {
        ["Case", "Published", "Model", "Ratio", "Model P10–P90", "Inside P10–P90", "Within tolerance", "Kind"]
    };
    let head: String = head.iter().map(|h| format!("<th scope=\"col\">{h}</th>")).collect();
    page(
        "fit",
        title,
        lang,
        &format!(
            "<p>{}</p>\n<div class=\"wrap\"><table>\n<caption>{title}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table></div>\n",
            esc(&intro)
        ),
    )
}
