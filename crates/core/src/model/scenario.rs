//! Scenarios: the raw, versioned form read from files, links and storage, and the checked
//! [`Scenario`] it becomes once. After validation the simulation cannot fail.
//!
//! File format (version 1):
//! `{"version": 1, "name": "Aarhus", "params": {"case.extra_time": 0.25, "case.funding": "hire"}, "seed": 42}`
//! (`name`, the municipality's, is optional; `notes` is allowed and ignored).
//! Missing keys take their defaults. Unknown keys, wrong types, values out of range and
//! observable figures that contradict each other are errors naming the key, the value and the
//! allowed range.

use super::json::Json;

use super::params::{ParamSpec, Unit, N_PARAMS, P, PARAMS};
use crate::i18n::Lang;

/// The scenario format version this build writes.
pub const VERSION: u64 = 1;

/// The longest municipality name kept (characters).
pub const NAME_MAX: usize = 60;

/// The seed used when a scenario names none.
pub const DEFAULT_SEED: u64 = 1;

/// A checked scenario: every value within its range, the observables consistent.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    values: [f64; N_PARAMS],
    /// Master seed for the Monte Carlo draws.
    pub seed: u64,
    /// The municipality's name, if given (shown on prints and images; no effect on any number).
    /// Set through [`Scenario::set_name`], which keeps it short and printable.
    pub name: String,
}

impl Default for Scenario {
    fn default() -> Self {
        let mut values = [0.0; N_PARAMS];
        for p in &PARAMS {
            values[p.id as usize] = p.default;
        }
        Scenario { values, seed: DEFAULT_SEED, name: String::new() }
    }
}

/// What is wrong with one part of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The text is not JSON, or not a JSON object.
    NotJson(String),
    /// `version` is missing or not one this build reads.
    UnsupportedVersion(String),
    /// A top-level field other than `version`, `params`, `seed`.
    UnknownField(String),
    /// `params` is not an object.
    ParamsNotObject,
    /// `seed` is not a whole number from 0 to 2^64-1.
    BadSeed(String),
    /// A parameter key that does not exist.
    UnknownKey(String),
    /// A value that is not a number (or, for a choice, not one of the choices).
    NotANumber { key: &'static str, value: String },
    /// A number outside the allowed range.
    OutOfRange { key: &'static str, value: f64 },
    /// A choice that does not exist.
    UnknownChoice { key: &'static str, value: String },
    /// Observable figures that no appeal behaviour can produce.
    Impossible { detail: Impossibility },
    /// A link's app setting (`view`, `lang`, `runs`, ...) with a value it does not take.
    BadSetting(String, String),
    /// More problems than are worth listing: how many more there were.
    More(usize),
}

/// At most this many problems are listed for one file or link; the rest are counted
/// ([`Problem::More`]), so a file of a million unknown keys gives a short message, fast.
pub const MAX_PROBLEMS: usize = 20;

/// Magnitudes below this read as 0 (see [`checked_value`]).
pub const TINY: f64 = 1e-300;

/// Longest echo of the user's text in a message, in characters.
const ECHO: usize = 60;

/// At most `n` characters of `s`, with an ellipsis when cut (for messages about garbage input).
pub fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).chain(['…']).collect()
    }
}

/// Keep the first [`MAX_PROBLEMS`] problems and count the rest.
pub fn capped(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem::More(more));
    }
    problems
}

/// Which observable combination is impossible.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Impossibility {
    /// Overturns would need more wrong decisions appealed than there are.
    TooManyOverturns { needed: f64 },
    /// The overturn share exceeds the share of wrong decisions the board can find.
    OverturnAboveDetection,
    /// Right decisions would need to be appealed more than all of them.
    RightAppealsAboveOne { needed: f64 },
}

/// A value as the messages show it, at `d` decimals: shares as percentages (`d - 2` decimals),
/// whole numbers and large values without decimals.
fn shown(spec: &ParamSpec, x: f64, d: usize, lang: Lang) -> String {
    match spec.unit {
        Unit::Share => crate::format::percent(x, d.saturating_sub(2), lang),
        _ if spec.integer || x.abs() >= 100.0 => crate::format::number(x, d.saturating_sub(3), lang),
        _ => crate::format::number(x, d, lang),
    }
}

/// A refused value as a message shows it: with as many decimals as it takes not to look like a
/// bound of the range (0.5999 is "59.99%", not "60.0%", next to "60.0% to 90.0%").
fn refused_text(spec: &ParamSpec, x: f64, lang: Lang) -> String {
    let mut d = 3;
    // The nearer bound, at the same number of decimals, must read differently.
    let bound = if (x - spec.min).abs() < (x - spec.max).abs() { spec.min } else { spec.max };
    while d < 12 && shown(spec, x, d, lang) == shown(spec, bound, d, lang) {
        d += 1;
    }
    shown(spec, x, d, lang)
}

fn range_text(spec: &ParamSpec, lang: Lang) -> String {
    let f = |x: f64| shown(spec, x, 3, lang);
    match spec.unit {
        Unit::Choice => spec.choices.join(", "),
        _ => match lang {
            Lang::Da => format!("{} til {}", f(spec.min), f(spec.max)),
            Lang::En => format!("{} to {}", f(spec.min), f(spec.max)),
        },
    }
}

/// A parameter as a message names it: its label, then its key for those who write files.
fn named(key: &str, lang: Lang) -> String {
    format!("{} ({key})", spec(key).label.of(lang))
}

fn spec(key: &str) -> &'static ParamSpec {
    ParamSpec::by_key(key).expect("problems only name keys from the table")
}

impl Problem {
    /// The message a councillor reads, in their language. Whatever it echoes of the input is
    /// shortened here, the one place, to `ECHO` characters.
    pub fn message(&self, lang: Lang) -> String {
        let cut = |s: &str| shorten(s, ECHO);
        match self {
            Problem::UnknownKey(k) if k.trim().is_empty() => match lang {
                Lang::Da => "En parameter uden navn er ignoreret.".into(),
                Lang::En => "A parameter without a name was ignored.".into(),
            },
            Problem::More(n) => match lang {
                Lang::Da => format!("… og {} problemer mere.", crate::format::number(*n as f64, 0, lang)),
                Lang::En => format!("… and {} more problems.", crate::format::number(*n as f64, 0, lang)),
            },
            _ => self.message_of(lang, &cut),
        }
    }

    fn message_of(&self, lang: Lang, cut: &dyn Fn(&str) -> String) -> String {
        match self {
            Problem::NotJson(e) => match lang {
                Lang::Da => format!("Filen er ikke et scenarie i JSON-format ({}).", cut(e)),
                Lang::En => format!("The file is not a scenario in JSON format ({}).", cut(e)),
            },
            Problem::UnsupportedVersion(v) => match lang {
                Lang::Da => {
                    format!("Scenariet har version {}; denne udgave af One Percent læser version {VERSION}.", cut(v))
                }
                Lang::En => {
                    format!("The scenario has version {}; this build of One Percent reads version {VERSION}.", cut(v))
                }
            },
            Problem::UnknownField(k) => match lang {
                Lang::Da => {
                    format!("Ukendt felt \"{}\" (tilladt: version, params, seed, name, notes).", cut(k))
                }
                Lang::En => {
                    format!("Unknown field \"{}\" (allowed: version, params, seed, name, notes).", cut(k))
                }
            },
            Problem::ParamsNotObject => match lang {
                Lang::Da => "\"params\" skal være en liste af nøgler og værdier.".into(),
                Lang::En => "\"params\" must be a set of keys and values.".into(),
            },
            Problem::BadSeed(v) => match lang {
                Lang::Da => format!("Startværdien »{}« skal være et helt tal fra 0 og op.", cut(v)),
                Lang::En => format!("The seed \"{}\" must be a whole number from 0 up.", cut(v)),
            },
            Problem::UnknownKey(k) => match lang {
                Lang::Da => format!("Ukendt parameter \"{}\"; den er ignoreret.", cut(k)),
                Lang::En => format!("Unknown parameter \"{}\"; it was ignored.", cut(k)),
            },
            Problem::NotANumber { key, value } => match lang {
                Lang::Da => {
                    format!(
                        "{}: \"{}\" er ikke et tal (tilladt: {}).",
                        named(key, lang),
                        cut(value),
                        range_text(spec(key), lang)
                    )
                }
                Lang::En => {
                    format!(
                        "{}: \"{}\" is not a number (allowed: {}).",
                        named(key, lang),
                        cut(value),
                        range_text(spec(key), lang)
                    )
                }
            },
            Problem::OutOfRange { key, value } => match lang {
                Lang::Da => format!(
                    "{}: {} er uden for det tilladte interval {}.",
                    named(key, lang),
                    refused_text(spec(key), *value, lang),
                    range_text(spec(key), lang)
                ),
                Lang::En => format!(
                    "{}: {} is outside the allowed range {}.",
                    named(key, lang),
                    refused_text(spec(key), *value, lang),
                    range_text(spec(key), lang)
                ),
            },
            Problem::UnknownChoice { key, value } => match lang {
                Lang::Da => {
                    format!(
                        "{}: \"{}\" er ikke et af valgene ({}).",
                        named(key, lang),
                        cut(value),
                        range_text(spec(key), lang)
                    )
                }
                Lang::En => {
                    format!(
                        "{}: \"{}\" is not one of the choices ({}).",
                        named(key, lang),
                        cut(value),
                        range_text(spec(key), lang)
                    )
                }
            },
            Problem::Impossible { detail } => detail.message(lang),
            Problem::BadSetting(k, v) => match lang {
                Lang::Da => {
                    format!("Indstillingen {}=\"{}\" kan ikke bruges og er sprunget over.", cut(k), cut(v))
                }
                Lang::En => {
                    format!("The setting {}=\"{}\" cannot be used and was skipped.", cut(k), cut(v))
                }
            },
            Problem::More(_) => String::new(),
        }
    }

    /// The parameter key this problem is about, if any.
    pub fn key(&self) -> Option<&str> {
        match self {
            Problem::UnknownKey(k) => Some(k),
            Problem::NotANumber { key, .. } | Problem::OutOfRange { key, .. } | Problem::UnknownChoice { key, .. } => {
                Some(key)
            }
            _ => None,
        }
    }
}

impl Impossibility {
    /// The message, naming the keys involved.
    pub fn message(&self, lang: Lang) -> String {
        let pct = |x: f64| crate::format::percent(x, 0, lang);
        match (self, lang) {
            (Impossibility::TooManyOverturns { needed }, Lang::Da) => format!(
                "Tallene passer ikke sammen: så mange omgørelser (case.overturn_share) ved denne klageandel \
                 (case.appeal_rate) kræver, at {} af de forkerte afgørelser påklages. Hæv fejlandelen \
                 (case.error_rate), eller sænk et af de to andre tal.",
                pct(*needed)
            ),
            (Impossibility::TooManyOverturns { needed }, Lang::En) => format!(
                "These figures do not fit: so many overturns (case.overturn_share) at this appeal rate \
                 (case.appeal_rate) need {} of wrong decisions appealed. Raise the error share \
                 (case.error_rate), or lower one of the other two.",
                pct(*needed)
            ),
            (Impossibility::OverturnAboveDetection, Lang::Da) => "Tallene passer ikke sammen: \
                 omgørelsesprocenten (case.overturn_share) kan ikke overstige case.board_detection."
                .into(),
            (Impossibility::OverturnAboveDetection, Lang::En) => "These figures do not fit: the overturn share \
                 (case.overturn_share) cannot exceed case.board_detection."
                .into(),
            (Impossibility::RightAppealsAboveOne { needed }, Lang::Da) => format!(
                "Tallene passer ikke sammen: {} af de rigtige afgørelser skulle påklages. Sænk case.appeal_rate.",
                pct(*needed)
            ),
            (Impossibility::RightAppealsAboveOne { needed }, Lang::En) => format!(
                "These figures do not fit: {} of right decisions would have to be appealed. Lower case.appeal_rate.",
                pct(*needed)
            ),
        }
    }
}

/// Appeal propensities of wrong (`wrong`) and right (`right`) decisions derived from the
/// observables: `e0*a_w + (1-e0)*a_r = A` and `e0*a_w*d = o*A`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Propensities {
    pub wrong: f64,
    pub right: f64,
}

/// Derive the hidden appeal propensities, or say why the observables are impossible.
pub fn propensities(
    error_rate: f64,
    appeal_rate: f64,
    overturn: f64,
    detection: f64,
) -> Result<Propensities, Impossibility> {
    if overturn > detection {
        return Err(Impossibility::OverturnAboveDetection);
    }
    let wrong = overturn * appeal_rate / (error_rate * detection);
    if wrong > 1.0 {
        return Err(Impossibility::TooManyOverturns { needed: wrong });
    }
    let right = appeal_rate * (1.0 - overturn / detection) / (1.0 - error_rate);
    if right > 1.0 {
        return Err(Impossibility::RightAppealsAboveOne { needed: right });
    }
    Ok(Propensities { wrong, right })
}

impl Scenario {
    /// The value of a parameter (a choice as its index).
    pub fn get(&self, p: P) -> f64 {
        self.values[p as usize]
    }

    /// All values, in table order.
    pub fn values(&self) -> &[f64; N_PARAMS] {
        &self.values
    }

    /// The value of a choice parameter as its name.
    pub fn choice(&self, p: P) -> &'static str {
        let spec = &PARAMS[p as usize];
        spec.choices[self.get(p) as usize]
    }

    /// Set one parameter, checking its range and (for observables) consistency. On error the
    /// scenario is unchanged.
    pub fn set(&mut self, p: P, value: f64) -> Result<(), Problem> {
        let value = checked_value(&PARAMS[p as usize], value)?;
        let mut next = self.values;
        next[p as usize] = value;
        check_observables(&next)?;
        self.values = next;
        Ok(())
    }

    /// Set values already checked one by one against their ranges (from a link), then check the
    /// observables together. If they cannot all be true, the four observables go back to their
    /// defaults (which fit) and the problem is returned; the other values are kept.
    pub fn set_all(&mut self, values: &[(P, f64)]) -> Option<Problem> {
        let mut next = self.values;
        for &(p, v) in values {
            next[p as usize] = v;
        }
        let clash = check_observables(&next).err();
        if clash.is_some() {
            for p in [P::ErrorRate, P::AppealRate, P::OverturnShare, P::BoardDetection] {
                next[p as usize] = PARAMS[p as usize].default;
            }
        }
        self.values = next;
        clash
    }

    /// Set a value within its range without the observables check; [`Scenario::check`] must
    /// follow (presets set several at once).
    pub(crate) fn force(&mut self, p: P, value: f64) {
        self.values[p as usize] = value;
    }

    /// Whether the observables can all be true together.
    pub fn check(&self) -> Result<(), Problem> {
        check_observables(&self.values)
    }

    /// Set values without the consistency check: for Monte Carlo draws, which keep values in range
    /// and repair the observables themselves.
    pub(crate) fn with_values(values: [f64; N_PARAMS], seed: u64) -> Scenario {
        Scenario { values, seed, name: String::new() }
    }

    /// Set the municipality's name: control characters become spaces, runs of spaces one, at most
    /// [`NAME_MAX`] characters.
    pub fn set_name(&mut self, name: &str) {
        let mut out = String::new();
        for c in name.chars().map(|c| if c.is_control() { ' ' } else { c }) {
            if !(c == ' ' && (out.is_empty() || out.ends_with(' '))) && out.chars().count() < NAME_MAX {
                out.push(c);
            }
        }
        self.name = out.trim_end().to_string();
    }

    /// Parse and validate a scenario file. All problems are reported at once.
    pub fn from_json(text: &str) -> Result<Scenario, Vec<Problem>> {
        let value = Json::parse(text).map_err(|e| vec![Problem::NotJson(e)])?;
        let Json::Object(members) = &value else {
            return Err(vec![Problem::NotJson("not an object".into())]);
        };
        let mut problems = Vec::new();
        match value.get("version") {
            Some(v) if v.as_u64() == Some(VERSION) => {}
            Some(v) => problems.push(Problem::UnsupportedVersion(v.to_text())),
            None => problems.push(Problem::UnsupportedVersion("?".into())),
        }
        for (k, _) in members {
            if !matches!(k.as_str(), "version" | "params" | "seed" | "name" | "notes") {
                problems.push(Problem::UnknownField(k.clone()));
            }
        }
        let mut scenario = Scenario::default();
        if let Some(Json::Str(name)) = value.get("name") {
            scenario.set_name(name);
        }
        match value.get("seed") {
            None | Some(Json::Null) => {}
            Some(v) => match v.as_u64() {
                Some(seed) => scenario.seed = seed,
                None => problems.push(Problem::BadSeed(v.to_text())),
            },
        }
        let params: &[(String, Json)] = match value.get("params") {
            None => &[],
            Some(Json::Object(m)) => m,
            Some(_) => {
                problems.push(Problem::ParamsNotObject);
                &[]
            }
        };
        for (key, value) in params {
            match ParamSpec::by_key(key) {
                None => problems.push(Problem::UnknownKey(key.clone())),
                Some(spec) => match parse_value(spec, value) {
                    Ok(v) => scenario.values[spec.id as usize] = v,
                    Err(p) => problems.push(p),
                },
            }
        }
        if problems.is_empty() {
            if let Err(p) = check_observables(&scenario.values) {
                problems.push(p);
            }
        }
        if problems.is_empty() {
            Ok(scenario)
        } else {
            Err(capped(problems))
        }
    }

    /// The scenario file: values that differ from the defaults, the version and the seed.
    pub fn to_json(&self) -> String {
        let params = PARAMS
            .iter()
            .filter(|spec| self.values[spec.id as usize] != spec.default)
            .map(|spec| {
                let v = self.values[spec.id as usize];
                let json = if spec.unit == Unit::Choice {
                    Json::Str(spec.choices[v as usize].to_string())
                } else {
                    Json::number(v)
                };
                (spec.key.to_string(), json)
            })
            .collect();
        let mut fields = vec![("version".into(), Json::Number(VERSION as f64, VERSION.to_string()))];
        if !self.name.is_empty() {
            fields.push(("name".into(), Json::Str(self.name.clone())));
        }
        fields.push(("params".into(), Json::Object(params)));
        fields.push(("seed".into(), Json::Number(self.seed as f64, self.seed.to_string())));
        Json::Object(fields).to_pretty()
    }
}

/// Parse one parameter value: a number (or, for a choice, one of its names).
pub fn parse_value(spec: &'static ParamSpec, value: &Json) -> Result<f64, Problem> {
    let shown = || match value {
        Json::Str(s) => s.clone(),
        other => other.to_text(),
    };
    if spec.unit == Unit::Choice {
        let Json::Str(s) = value else {
            return Err(Problem::UnknownChoice { key: spec.key, value: shown() });
        };
        return spec
            .choices
            .iter()
            .position(|c| c.eq_ignore_ascii_case(s.trim()))
            .map(|i| i as f64)
            .ok_or(Problem::UnknownChoice { key: spec.key, value: shown() });
    }
    let Some(x) = value.as_f64() else {
        return Err(Problem::NotANumber { key: spec.key, value: shown() });
    };
    checked_value(spec, x)
}

/// The one place a number becomes a parameter's value (files, links, typed values, sliders, saved
/// scenarios all pass here): whole numbers and choices rounded; `-0` and magnitudes below 1e-300
/// (subnormals and their neighbours: no figure means them, and the number writer cannot write the
/// smallest of them back) read as 0; then it must be finite and within the allowed range.
pub fn checked_value(spec: &ParamSpec, x: f64) -> Result<f64, Problem> {
    let x = if spec.integer || spec.unit == Unit::Choice { x.round() } else { x };
    let x = if x.abs() < TINY { 0.0 } else { x };
    if !x.is_finite() || x < spec.min || x > spec.max {
        return Err(Problem::OutOfRange { key: spec.key, value: x });
    }
    Ok(x)
}

fn check_observables(values: &[f64; N_PARAMS]) -> Result<(), Problem> {
    let v = |p: P| values[p as usize];
    propensities(v(P::ErrorRate), v(P::AppealRate), v(P::OverturnShare), v(P::BoardDetection))
        .map(|_| ())
        .map_err(|detail| Problem::Impossible { detail })
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_municipality_name_travels_in_files_and_links_and_stays_printable() {
        let mut s = Scenario::default();
        s.set_name("  Aarhus\u{7}\n Kommune  ");
        assert_eq!(s.name, "Aarhus Kommune");
        s.set_name(&"æ".repeat(200));
        assert_eq!(s.name.chars().count(), NAME_MAX);
        s.set_name("Ærø & Co?=#");
        let back = Scenario::from_json(&s.to_json()).unwrap();
        assert_eq!(back, s);
        let link = crate::share::encode(&s, &[]);
        assert!(link.contains("name=%C3%86r%C3%B8%20%26%20Co%3F%3D%23"), "{link}");
        let decoded = crate::share::decode(&link);
        assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
        assert_eq!(decoded.scenario, s);
        // Without a name, files and links are as before.
        let plain = Scenario::default();
        assert!(!plain.to_json().contains("name") && !crate::share::encode(&plain, &[]).contains("name"));
    }

    use super::*;

    #[test]
    fn empty_params_give_the_defaults() {
        let s = Scenario::from_json(r#"{"version": 1}"#).unwrap();
        assert_eq!(s, Scenario::default());
    }

    #[test]
    fn values_and_choices_are_read() {
        let s =
            Scenario::from_json(r#"{"version":1,"params":{"case.extra_time":0.5,"case.funding":"absorb"},"seed":42}"#)
                .unwrap();
        assert_eq!(s.get(P::ExtraTime), 0.5);
        assert_eq!(s.choice(P::Funding), "absorb");
        assert_eq!(s.seed, 42);
    }

    #[test]
    fn json_round_trips() {
        let mut s = Scenario::default();
        s.set(P::ExtraTime, 0.75).unwrap();
        s.set(P::Funding, 1.0).unwrap();
        s.seed = 7;
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }

    #[test]
    fn bad_values_are_named_with_key_and_range() {
        let err = Scenario::from_json(
            r#"{"version":1,"params":{"case.nonsense":1,"case.hourly_cost":"lots","case.extra_time":5,"case.funding":"borrow"}}"#,
        )
        .unwrap_err();
        assert_eq!(err.len(), 4, "{err:?}");
        let msgs: Vec<String> = err.iter().map(|p| p.message(Lang::En)).collect();
        assert!(msgs.iter().any(|m| m.contains("case.nonsense")));
        assert!(msgs.iter().any(|m| m.contains("case.hourly_cost") && m.contains("100 to 2,000")));
        // Named by label and key; a share's range in percent, as the app shows it.
        assert!(msgs.iter().any(|m| m.starts_with("Extra time per decision (case.extra_time): 500.0% is outside")
            && m.contains("-50.0% to 200.0%")));
        assert!(msgs.iter().any(|m| m.contains("case.funding") && m.contains("hire, absorb")));
        let cost = err.iter().find(|p| p.key() == Some("case.hourly_cost")).unwrap();
        let da = cost.message(Lang::Da);
        assert!(da.contains("case.hourly_cost") && da.contains("100 til 2.000"), "{da}");
    }

    #[test]
    fn broken_files_are_problems_not_panics() {
        for text in [
            "",
            "nope",
            "[1,2]",
            r#"{"version":2}"#,
            r#"{"version":1,"params":[]}"#,
            r#"{"version":1,"seed":-3}"#,
            r#"{"version":1,"x":1}"#,
        ] {
            let err = Scenario::from_json(text).unwrap_err();
            assert!(!err.is_empty());
            assert!(!err[0].message(Lang::Da).is_empty());
        }
    }

    #[test]
    fn impossible_observables_are_rejected_with_a_clear_message() {
        // 70% overturned of 20% appeals with only 5% errors: 2.8x the wrong decisions would be appealed.
        let err = Scenario::from_json(
            r#"{"version":1,"params":{"case.error_rate":0.05,"case.appeal_rate":0.2,"case.overturn_share":0.7}}"#,
        )
        .unwrap_err();
        assert!(matches!(err[0], Problem::Impossible { detail: Impossibility::TooManyOverturns { .. } }));
        assert!(err[0].message(Lang::En).contains("case.appeal_rate"));
        let mut s = Scenario::default();
        assert!(s.set(P::BoardDetection, 0.3).is_err(), "overturn 0.37 above detection 0.3");
        assert_eq!(s, Scenario::default(), "a rejected change leaves the scenario as it was");
    }

    #[test]
    fn propensities_reproduce_the_observables() {
        let (e0, a, o, d) = (0.3, 0.03, 0.37, 0.9);
        let p = propensities(e0, a, o, d).unwrap();
        assert!((e0 * p.wrong + (1.0 - e0) * p.right - a).abs() < 1e-12);
        assert!((e0 * p.wrong * d - o * a).abs() < 1e-12);
    }
}
