//! Guided stories for workshops: a sequence of steps, each setting levers, showing a chart, a short
//! text and a question for discussion, in Danish and English, optionally asking participants to
//! predict a figure before it is revealed. Stories are data files (`stories/*.json`, format in
//! docs/STORIES.md) so a trainer can write their own; [`parse`] validates one and names the step
//! and field of every error. Pure.

use crate::i18n::{Both, Lang};
use crate::model::json::Json;
use crate::model::montecarlo::{Band, Bands, Series};
use crate::model::params::ParamSpec;
use crate::model::{Outcome, Scenario, P};

/// The story format this build reads.
pub const STORY_VERSION: u64 = 1;

/// What follows the revealed answer: ". In 8 of 10 runs between a and b." (no range when the runs
/// agree to the digits shown, and never a second full stop after "mio.").
pub fn answer_range(p: Predict, band: Option<(f64, f64)>, lang: Lang, words: &str) -> String {
    let answer_ends = matches!(p, Predict::Saving(_)); // "… mio." / "… million": the Danish ends in a full stop
    let sep = if answer_ends && lang == Lang::Da { " " } else { ". " };
    let range = band.map(|(lo, hi)| (p.show(lo, lang), p.show(hi, lang))).filter(|(lo, hi)| lo != hi);
    let text = match range {
        Some((lo, hi)) => format!("{sep}{words} {lo} {} {hi}", if lang == Lang::Da { "og" } else { "and" }),
        None if sep == " " => String::new(),
        None => ".".into(),
    };
    if text.ends_with('.') || text.is_empty() {
        text
    } else {
        text + "."
    }
}

/// The stories that come with the app (the files in `stories/`).
pub const BUILT_IN: [&str; 3] = [
    include_str!("../../../stories/one-percent.json"),
    include_str!("../../../stories/right-first-time.json"),
    include_str!("../../../stories/when-the-money-stops.json"),
];

/// A text of a story in both languages (both required by [`parse`]).
pub type Text = Both<String>;

/// Which chart a step shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Share of adults with high trust, month by month, against the baseline.
    Trust,
    /// Cumulative net saving of the extra casework time.
    Saving,
    /// Turnout at each participatory budgeting vote.
    Turnout,
}

impl ChartKind {
    pub const KEYS: [&'static str; 3] = ["trust", "saving", "turnout"];
    /// In the order of [`ChartKind::KEYS`] and of the workshop's chart names (`i18n`'s `charts`).
    pub const ALL: [ChartKind; 3] = [ChartKind::Trust, ChartKind::Saving, ChartKind::Turnout];

    /// The key in story files and in the free play's chart menu.
    pub fn key(self) -> &'static str {
        Self::KEYS[self as usize]
    }

    /// The chart a key names (`None` for any other text).
    pub fn from_key(key: &str) -> Option<ChartKind> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A figure participants predict before it is revealed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Predict {
    /// Share of adults with high trust at the end of year `n` (1-based).
    Trust(u32),
    /// Turnout at vote `n`.
    Turnout(u32),
    /// The month the extra casework time has paid for itself on the budget.
    Payback,
    /// Cumulative net saving on the budget at the end of year `n`, in millions.
    Saving(u32),
}

impl Predict {
    /// The simulated answer.
    pub fn value(self, o: &Outcome) -> f64 {
        match self {
            Predict::Trust(y) => o.scenario.get(12 * y as usize - 1).map_or(f64::NAN, |m| m.trust),
            Predict::Turnout(v) => o.cycles.get(v as usize - 1).map_or(f64::NAN, |c| c.turnout),
            Predict::Payback => crate::model::montecarlo::payback_number(o),
            Predict::Saving(y) => o.cumulative_saving.cash.get(12 * y as usize - 1).copied().unwrap_or(f64::NAN),
        }
    }

    /// The answer's P10-P90 band from the Monte Carlo runs.
    pub fn band(self, b: &Bands) -> Band {
        let at = |s: Series, i: usize| b.series(s).get(i).copied().unwrap_or_default();
        match self {
            Predict::Trust(y) => at(Series::Trust, 12 * y as usize - 1),
            Predict::Turnout(v) => at(Series::Turnout, v as usize - 1),
            Predict::Payback => b.payback.cash.month,
            Predict::Saving(y) => at(Series::CumulativeSaving, 12 * y as usize - 1),
        }
    }

    /// The unit a guess is typed in: "%", "month", "million".
    pub fn unit(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Predict::Trust(_) | Predict::Turnout(_), _) => "%",
            (Predict::Payback, Lang::Da) => "måned",
            (Predict::Payback, Lang::En) => "month",
            (Predict::Saving(_), Lang::Da) => "mio.",
            (Predict::Saving(_), Lang::En) => "million",
        }
    }

    /// Before the reveal, how many points of a `chart` of this kind may be shown without giving
    /// the answer away: the series up to the moment before the asked one (`None`: the chart does
    /// not show what is asked).
    pub fn shown_before_reveal(self, chart: ChartKind) -> Option<usize> {
        match (self, chart) {
            (Predict::Trust(y), ChartKind::Trust) | (Predict::Saving(y), ChartKind::Saving) => {
                Some(12 * (y as usize).saturating_sub(1))
            }
            (Predict::Turnout(v), ChartKind::Turnout) => Some((v as usize).saturating_sub(1)),
            (Predict::Payback, ChartKind::Saving) => Some(0),
            _ => None,
        }
    }

    /// Read a guess as the room types it, in the page's language: strictly (see
    /// [`crate::format::strict`]), the unit allowed after the number ("20 %", "måned 14"), and
    /// within what the answer can be. The error is the message to show next to the field.
    pub fn read_guess(self, text: &str, lang: Lang) -> Result<f64, String> {
        let unit = self.unit(lang);
        let t = text.trim();
        let t = t.strip_suffix(unit).or_else(|| t.strip_prefix(unit)).unwrap_or(t).trim();
        let da = lang == Lang::Da;
        let x = crate::format::strict(t, lang).map_err(|m| match (m, da) {
            (crate::format::Misread::OtherMark, true) => {
                format!("»{}«: skriv decimaler med komma, f.eks. 8,5.", text.trim())
            }
            (crate::format::Misread::OtherMark, false) => {
                format!("\"{}\": write decimals with a point, for example 8.5.", text.trim())
            }
            (_, true) => format!(
                "»{}« er ikke et tal. Skriv et tal, f.eks. 33 eller 12,5.",
                crate::model::scenario::shorten(text.trim(), 20)
            ),
            (_, false) => format!(
                "\"{}\" is not a number. Type a number, for example 33 or 12.5.",
                crate::model::scenario::shorten(text.trim(), 20)
            ),
        })?;
        let (lo, hi) = match self {
            Predict::Trust(_) | Predict::Turnout(_) => (0.0, 100.0),
            Predict::Payback => (1.0, 1200.0),
            Predict::Saving(_) => (f64::MIN, f64::MAX),
        };
        if x < lo || x > hi {
            let n = |v: f64| crate::format::number(v, 0, lang);
            return Err(match da {
                true => format!("{} skal være mellem {} og {} ({unit}).", self.show(x, lang), n(lo), n(hi)),
                false => format!("{} must be between {} and {} ({unit}).", self.show(x, lang), n(lo), n(hi)),
            });
        }
        Ok(x)
    }

    /// A value in the unit guesses are typed in (percent, month, millions).
    pub fn in_unit(self, x: f64) -> f64 {
        match self {
            Predict::Trust(_) | Predict::Turnout(_) => x * 100.0,
            Predict::Payback => x,
            Predict::Saving(_) => x / 1e6,
        }
    }

    /// A value in the guess unit as text: "31,6 %", "month 23", "3,5 mio.".
    pub fn show(self, in_unit: f64, lang: Lang) -> String {
        let n = |d| crate::format::number(in_unit, d, lang);
        match (self, lang) {
            (Predict::Trust(_) | Predict::Turnout(_), Lang::Da) => format!("{}\u{a0}%", n(1)),
            (Predict::Trust(_) | Predict::Turnout(_), Lang::En) => format!("{}%", n(1)),
            (Predict::Payback, _) => format!("{} {}", self.unit(lang), n(0)),
            (Predict::Saving(_), _) => format!("{} {}", n(if in_unit.abs() < 1.0 { 2 } else { 1 }), self.unit(lang)),
        }
    }
}

/// One step of a story.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub title: Text,
    pub text: Text,
    /// A question for discussion.
    pub question: Option<Text>,
    /// Levers this step sets (on top of the earlier steps' and the defaults).
    pub set: Vec<(P, f64)>,
    pub chart: ChartKind,
    /// A figure to predict before it is revealed, with the question put to participants.
    pub predict: Option<(Predict, Text)>,
}

/// A story.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub steps: Vec<Step>,
}

impl Story {
    /// The scenario at step `k` (0-based): the defaults with every step's levers up to `k` set.
    pub fn scenario_at(&self, k: usize) -> Scenario {
        let mut s = Scenario::default();
        for step in self.steps.iter().take(k + 1) {
            // Checked when the story was read.
            let _ = s.set_all(&step.set);
        }
        s
    }
}

/// An error in a story file: where (the step, 1-based, or the story itself) and which field.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryError {
    pub step: Option<usize>,
    pub field: String,
    /// What is wrong.
    pub problem: Both<String>,
}

impl StoryError {
    /// "Step 3, field "chart": ..." in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        // The field is the file's own text: shortened like every echo of input.
        let field = crate::model::scenario::shorten(&self.field, 60);
        let problem = crate::model::scenario::shorten(self.problem.get(lang), 200);
        match (self.step, lang) {
            // Problems about the whole file are written as sentences (no Unicode case tables here:
            // they would add ~6 KB gzip to the workshop page).
            (_, _) if field.is_empty() => problem,
            (Some(n), Lang::Da) => format!("Trin {n}, feltet \"{field}\": {problem}"),
            (Some(n), Lang::En) => format!("Step {n}, field \"{field}\": {problem}"),
            (None, Lang::Da) => format!("Feltet \"{field}\": {problem}"),
            (None, Lang::En) => format!("Field \"{field}\": {problem}"),
        }
    }
}

/// The built-in stories (they are tested to be valid; one that is not is left out).
pub fn built_in() -> Vec<Story> {
    BUILT_IN.iter().filter_map(|t| parse(t).ok()).collect()
}

/// Read and check a story file. Every error is reported, each naming its step and field.
pub fn parse(text: &str) -> Result<Story, Vec<StoryError>> {
    let mut errors = Vec::new();
    let err = |errors: &mut Vec<StoryError>, step: Option<usize>, field: &str, da: String, en: String| {
        errors.push(StoryError { step, field: field.to_string(), problem: Both::new(da, en) })
    };
    let json = match Json::parse(text) {
        Ok(j @ Json::Object(_)) => j,
        Ok(_) => return Err(vec![error(None, "", "Filen er ikke et JSON-objekt.", "The file is not a JSON object.")]),
        Err(e) => {
            return Err(vec![error(None, "", &format!("Ikke gyldig JSON ({e})."), &format!("Not valid JSON ({e})."))])
        }
    };
    let Json::Object(members) = &json else { unreachable!() };
    for (k, _) in members {
        if !matches!(k.as_str(), "version" | "id" | "title" | "summary" | "steps") {
            err(&mut errors, None, k, "ukendt felt.".into(), "unknown field.".into());
        }
    }
    if json.get("version").and_then(Json::as_u64) != Some(STORY_VERSION) {
        err(&mut errors, None, "version", format!("skal være {STORY_VERSION}."), format!("must be {STORY_VERSION}."));
    }
    let id = match json.get("id") {
        Some(Json::Str(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') => s.clone(),
        _ => {
            err(
                &mut errors,
                None,
                "id",
                "skal være små bogstaver, tal og bindestreger.".into(),
                "must be letters, digits and hyphens.".into(),
            );
            String::new()
        }
    };
    let title = text_field(&json, "title", None, true, &mut errors);
    let summary = text_field(&json, "summary", None, true, &mut errors);
    let mut steps = Vec::new();
    match json.get("steps") {
        Some(Json::Array(items)) if !items.is_empty() => {
            let mut scenario = Scenario::default();
            for (i, item) in items.iter().enumerate() {
                if let Some(step) = parse_step(item, i + 1, &mut scenario, &mut errors) {
                    steps.push(step);
                }
            }
        }
        _ => err(
            &mut errors,
            None,
            "steps",
            "skal være en liste med mindst ét trin.".into(),
            "must be a list of at least one step.".into(),
        ),
    }
    if errors.is_empty() {
        Ok(Story { id, title, summary, steps })
    } else {
        Err(capped(errors))
    }
}

/// At most [`crate::model::scenario::MAX_PROBLEMS`] errors, then one that counts the rest.
fn capped(mut errors: Vec<StoryError>) -> Vec<StoryError> {
    let max = crate::model::scenario::MAX_PROBLEMS;
    if errors.len() > max {
        let more = errors.len() - max;
        errors.truncate(max);
        let n = more.to_string();
        errors.push(StoryError {
            step: None,
            field: String::new(),
            problem: Both::new(format!("… og {n} fejl mere."), format!("… and {n} more errors.")),
        });
    }
    errors
}

fn error(step: Option<usize>, field: &str, da: &str, en: &str) -> StoryError {
    StoryError { step, field: field.to_string(), problem: Both::new(da.to_string(), en.to_string()) }
}

/// A `{"da": ..., "en": ...}` field; both languages must be there and not empty.
fn text_field(obj: &Json, key: &str, step: Option<usize>, required: bool, errors: &mut Vec<StoryError>) -> Text {
    let Some(value) = obj.get(key) else {
        if required {
            errors.push(error(step, key, "mangler.", "is missing."));
        }
        return Text::default();
    };
    let lang = |code: &str| match value.get(code) {
        Some(Json::Str(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    };
    match (lang("da"), lang("en"), value) {
        (Some(da), Some(en), Json::Object(m)) if m.len() == 2 => Text::new(da, en),
        _ => {
            errors.push(error(
                step,
                key,
                "skal have en tekst på dansk (\"da\") og engelsk (\"en\") og intet andet.",
                "must have a text in Danish (\"da\") and English (\"en\") and nothing else.",
            ));
            Text::default()
        }
    }
}

fn parse_step(item: &Json, n: usize, scenario: &mut Scenario, errors: &mut Vec<StoryError>) -> Option<Step> {
    let before = errors.len();
    let Json::Object(members) = item else {
        errors.push(error(Some(n), "", "et trin skal være et JSON-objekt.", "a step must be a JSON object."));
        return None;
    };
    for (k, _) in members {
        if !matches!(k.as_str(), "title" | "text" | "question" | "set" | "chart" | "predict") {
            errors.push(error(Some(n), k, "ukendt felt.", "unknown field."));
        }
    }
    let title = text_field(item, "title", Some(n), true, errors);
    let text = text_field(item, "text", Some(n), true, errors);
    let question = item.get("question").map(|_| text_field(item, "question", Some(n), false, errors));
    let mut set = Vec::new();
    match item.get("set") {
        None => {}
        Some(Json::Object(m)) => {
            for (key, value) in m {
                let field = format!("set.{key}");
                match ParamSpec::by_key(key) {
                    None => errors.push(error(Some(n), &field, "ukendt parameter.", "unknown parameter.")),
                    Some(spec) => match crate::model::scenario::parse_value(spec, value) {
                        Ok(v) => set.push((spec.id, v)),
                        Err(p) => errors.push(StoryError {
                            step: Some(n),
                            field,
                            problem: Both::new(p.message(Lang::Da), p.message(Lang::En)),
                        }),
                    },
                }
            }
            if let Some(p) = scenario.set_all(&set) {
                errors.push(StoryError {
                    step: Some(n),
                    field: "set".into(),
                    problem: Both::new(p.message(Lang::Da), p.message(Lang::En)),
                });
            }
        }
        Some(_) => errors.push(error(
            Some(n),
            "set",
            "skal være et objekt med parameternøgler og værdier.",
            "must be an object of parameter keys and values.",
        )),
    }
    let chart = match item.get("chart").and_then(|c| match c {
        Json::Str(s) => ChartKind::from_key(s),
        _ => None,
    }) {
        Some(k) => k,
        None => {
            errors.push(error(
                Some(n),
                "chart",
                "skal være \"trust\", \"saving\" eller \"turnout\".",
                "must be \"trust\", \"saving\" or \"turnout\".",
            ));
            ChartKind::Trust
        }
    };
    let predict = item.get("predict").and_then(|p| parse_predict(p, n, scenario, errors));
    (errors.len() == before).then_some(Step { title, text, question, set, chart, predict })
}

fn parse_predict(p: &Json, n: usize, scenario: &Scenario, errors: &mut Vec<StoryError>) -> Option<(Predict, Text)> {
    let question = text_field(p, "question", Some(n), true, errors);
    let years = (scenario.get(P::Horizon) / 12.0) as u32;
    let votes = crate::model::run(scenario).cycles.len() as u32;
    // Anything past a u32 is out of range, not cut to 32 bits (4294967301 is not 5).
    let at = p.get("at").and_then(Json::as_u64).map(|x| u32::try_from(x).unwrap_or(u32::MAX));
    let figure = match p.get("figure") {
        Some(Json::Str(s)) => s.as_str(),
        _ => "",
    };
    let (predict, limit) = match (figure, at) {
        ("trust", Some(y)) => (Predict::Trust(y), years),
        ("turnout", Some(v)) => (Predict::Turnout(v), votes),
        ("saving", Some(y)) => (Predict::Saving(y), years),
        ("payback", _) => (Predict::Payback, 1),
        ("trust" | "turnout" | "saving", None) => {
            errors.push(error(
                Some(n),
                "predict.at",
                "mangler: året (trust, saving) eller afstemningen (turnout), fra 1.",
                "is missing: the year (trust, saving) or the vote (turnout), from 1.",
            ));
            return None;
        }
        _ => {
            errors.push(error(
                Some(n),
                "predict.figure",
                "skal være \"trust\", \"turnout\", \"saving\" eller \"payback\".",
                "must be \"trust\", \"turnout\", \"saving\" or \"payback\".",
            ));
            return None;
        }
    };
    let index = match predict {
        Predict::Trust(i) | Predict::Turnout(i) | Predict::Saving(i) => i,
        Predict::Payback => 1,
    };
    if index == 0 || index > limit {
        errors.push(StoryError {
            step: Some(n),
            field: "predict.at".into(),
            problem: Both::new(
                format!("skal være fra 1 til {limit} i dette trins scenarie."),
                format!("must be from 1 to {limit} in this step's scenario."),
            ),
        });
        return None;
    }
    Some((predict, question))
}
