//! Share links: the whole scenario in a URL query that a person can read,
//! `?v=1&lang=da&view=pb&pb.share=0.01&case.extra_time=0.25&seed=42`.
//!
//! Only values that differ from the defaults are written, in parameter-table order, then the seed.
//! Reading never fails: it returns the scenario it could build and a list of named problems for
//! everything it ignored (an unknown key, a malformed number, a value out of range, a truncated or
//! garbage query). Older link versions are migrated by [`migrate_key`]. Pure: the web layer passes
//! `location.search` in and writes the result of [`encode`] back.

use crate::model::json::parse_number;
use crate::model::params::{ParamSpec, Unit, PARAMS};
use crate::model::{Problem, Scenario, P};

/// The link format this build writes. Version 1 is the first; [`migrate_key`] maps keys of older
/// versions when a later version renames one.
pub const LINK_VERSION: u64 = 1;

/// App settings a link may carry besides the scenario, in the order they are written. The app
/// checks their values ([`crate::state::AppState::from_link`]).
pub const SETTINGS: [&str; 6] = ["lang", "view", "area", "size", "runs", "embed"];

/// What a link holds: the scenario, the app settings it names (raw, in [`SETTINGS`] order), and
/// everything that was ignored and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    /// Whether the link carried a scenario (a version or any parameter); a bare `?lang=en` does not.
    pub has_scenario: bool,
    pub settings: [Option<String>; 6],
    pub problems: Vec<Problem>,
}

impl Decoded {
    /// The raw value of setting `key` (one of [`SETTINGS`]).
    pub fn setting(&self, key: &str) -> Option<&str> {
        let i = SETTINGS.iter().position(|k| *k == key)?;
        self.settings[i].as_deref()
    }
}

/// The text of a number that [`parse_number`] reads back to the same bits: the shortest decimal
/// ([`crate::model::json::shortest`]), or the bits in hex (`0x3fb9...`) for magnitudes it cannot
/// write.
pub fn number_text(x: f64) -> String {
    crate::model::json::shortest(x).unwrap_or_else(|| format!("0x{:016x}", x.to_bits()))
}

/// Read a number written by [`number_text`].
pub fn read_number(text: &str) -> Option<f64> {
    match text.strip_prefix("0x") {
        Some(hex) if hex.len() == 16 => u64::from_str_radix(hex, 16).ok().map(f64::from_bits),
        Some(_) => None,
        None => parse_number(text),
    }
}

/// The query (without `?`) for a scenario and the given settings (`(key, value)` pairs from
/// [`SETTINGS`]; written in the order given).
pub fn encode(s: &Scenario, settings: &[(&str, &str)]) -> String {
    let mut out = format!("v={LINK_VERSION}");
    let mut push = |k: &str, v: &str| {
        out.push('&');
        out.push_str(k);
        out.push('=');
        escape_into(&mut out, v);
    };
    for (k, v) in settings {
        push(k, v);
    }
    if !s.name.is_empty() {
        push("name", &s.name);
    }
    for spec in &PARAMS {
        let v = s.get(spec.id);
        if v != spec.default {
            let text = if spec.unit == Unit::Choice { spec.choices[v as usize].to_string() } else { number_text(v) };
            push(spec.key, &text);
        }
    }
    push("seed", &s.seed.to_string());
    out
}

/// Percent-encode everything but unreserved characters and the few a query keeps readable.
pub(crate) fn escape_into(out: &mut String, v: &str) {
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:,".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0').to_ascii_uppercase());
            out.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0').to_ascii_uppercase());
        }
    }
}

/// Undo percent-encoding (`+` is a space); malformed escapes stay as they are, invalid UTF-8 is
/// replaced.
pub(crate) fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub use crate::model::scenario::shorten;

/// The current name of a parameter key written by link version `version`. Version 1 is the first
/// format, so nothing is renamed yet; a later version that renames `old` to `new` adds
/// `(v, "old") => "new"` for every `v` before it.
pub fn migrate_key(version: u64, key: &str) -> &str {
    let _ = version;
    key
}

/// Read a query (with or without the leading `?`). Never fails and never panics.
pub fn decode(query: &str) -> Decoded {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut scenario = Scenario::default();
    let mut settings: [Option<String>; 6] = Default::default();
    let mut problems = Vec::new();
    let mut has_scenario = false;
    let mut version = LINK_VERSION;
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (unescape(k), unescape(v))
        })
        .collect();
    if let Some((_, v)) = pairs.iter().find(|(k, _)| k == "v") {
        has_scenario = true;
        match v.trim().parse::<u64>() {
            Ok(n) if (1..=LINK_VERSION).contains(&n) => version = n,
            _ => problems.push(Problem::UnsupportedVersion(shorten(v, 20))),
        }
    }
    // Values are applied together after reading (observables checked as a whole), so a link's
    // order does not matter.
    let mut values: Vec<(&'static ParamSpec, f64)> = Vec::new();
    for (k, v) in &pairs {
        let key = migrate_key(version, k);
        if key == "v" {
            continue;
        }
        if let Some(i) = SETTINGS.iter().position(|s| *s == key) {
            settings[i] = Some(v.clone());
            continue;
        }
        if key == "name" {
            scenario.set_name(v);
            continue;
        }
        if key == "seed" {
            has_scenario = true;
            match v.trim().parse::<u64>() {
                Ok(seed) => scenario.seed = seed,
                Err(_) => problems.push(Problem::BadSeed(shorten(v, 24))),
            }
            continue;
        }
        let Some(spec) = ParamSpec::by_key(key) else {
            problems.push(Problem::UnknownKey(shorten(key, 40)));
            continue;
        };
        has_scenario = true;
        match read_value(spec, v) {
            Ok(x) => {
                values.retain(|(s, _)| s.id != spec.id);
                values.push((spec, x));
            }
            Err(p) => problems.push(p),
        }
    }
    let values: Vec<(P, f64)> = values.into_iter().map(|(s, x)| (s.id, x)).collect();
    if let Some(p) = scenario.set_all(&values) {
        problems.push(p);
    }
    Decoded { scenario, has_scenario, settings, problems: crate::model::scenario::capped(problems) }
}

/// One value from its text: a choice by name, a number by [`read_number`], checked against the
/// parameter's range.
fn read_value(spec: &'static ParamSpec, text: &str) -> Result<f64, Problem> {
    use crate::model::json::Json;
    let json = if spec.unit == Unit::Choice {
        Json::Str(text.to_string())
    } else {
        match read_number(text.trim()) {
            Some(x) if x.is_finite() => Json::Number(x, String::new()),
            _ => return Err(Problem::NotANumber { key: spec.key, value: shorten(text, 24) }),
        }
    };
    crate::model::scenario::parse_value(spec, &json).map_err(|p| match p {
        Problem::UnknownChoice { key, value } => Problem::UnknownChoice { key, value: shorten(&value, 24) },
        other => other,
    })
}
