//! Number, money and percentage formatting per language: the one helper every view, export and
//! summary uses, so a figure reads the same everywhere.
//!
//! Danish: `1.234,5 kr.`, `30 %`; English: `DKK 1,234.5`, `30%`, with a no-break space between
//! number and unit so they never part at a line end. Values that are not finite are shown as an
//! en dash rather than `NaN`.

use crate::i18n::Lang;

/// Display currency. Amounts are always in the scenario's own currency: this only labels them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Currency {
    #[default]
    Dkk,
    Eur,
    Gbp,
}

impl Currency {
    /// In the order of the parameter's choices (`muni.currency`: DKK, EUR, GBP).
    pub const ALL: [Currency; 3] = [Currency::Dkk, Currency::Eur, Currency::Gbp];

    /// ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Dkk => "DKK",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
        }
    }

    /// Parse an ISO code, case-insensitive.
    pub fn parse(s: &str) -> Option<Currency> {
        match s.trim().to_ascii_uppercase().as_str() {
            "DKK" => Some(Currency::Dkk),
            "EUR" => Some(Currency::Eur),
            "GBP" => Some(Currency::Gbp),
            _ => None,
        }
    }
}

/// Shown for values that are not finite numbers.
pub const NOT_A_NUMBER: &str = "–";

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Da => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// `x >= 0` with exactly `decimals` digits after a `.`, rounded half away from zero. Integer
/// arithmetic instead of `format!("{:.*}")`, which pulls float-formatting tables into the wasm.
fn fixed(x: f64, decimals: usize) -> String {
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals as u32) as f64;
    // Beyond 2^53 integers are not exact anyway; saturate rather than wrap.
    let n = (x * scale).round().min(9.0e15) as u64;
    let digits = n.to_string();
    if decimals == 0 {
        return digits;
    }
    let digits = format!("{:0>width$}", digits, width = decimals + 1);
    let (int, frac) = digits.split_at(digits.len() - decimals);
    format!("{int}.{frac}")
}

/// A value as a machine reads it (slider attributes): `.` as decimal mark, no grouping, at most
/// six decimals, trailing zeros dropped.
pub fn plain(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let s = fixed(x.abs(), 6);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let zero = s.bytes().all(|b| b == b'0' || b == b'.');
    if x < 0.0 && !zero {
        format!("-{s}")
    } else {
        s.to_string()
    }
}

/// Format `x` with `decimals` digits after the decimal mark and grouped thousands.
///
/// ```
/// use onepercent::{format::number, i18n::Lang};
/// assert_eq!(number(1234.5, 1, Lang::Da), "1.234,5");
/// assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
/// ```
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.to_string();
    }
    if x.abs() >= 1e15 {
        // Beyond what the digits below can hold exactly: "1,00 × 10^300" rather than wrong digits.
        let (mut m, mut e) = (x.abs(), 0u64);
        while m >= 10.0 {
            m /= 10.0;
            e += 1;
        }
        let sign = if x < 0.0 { "-" } else { "" };
        return format!("{sign}{}\u{a0}×\u{a0}10^{e}", number(m, 2, lang));
    }
    let (group, mark) = separators(lang);
    let plain = fixed(x.abs(), decimals);
    let (int_part, frac_part) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 2);
    // A value that rounds to zero is shown without a sign ("-0" reads as an error).
    let is_zero = plain.bytes().all(|b| b == b'0' || b == b'.');
    if x < 0.0 && !is_zero {
        out.push('-');
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac_part {
        out.push(mark);
        out.push_str(f);
    }
    out
}

/// Format an amount of money with its currency, the way each language writes it.
///
/// ```
/// use onepercent::{format::{money, Currency}, i18n::Lang};
/// assert_eq!(money(1234.5, 1, Currency::Dkk, Lang::Da), "1.234,5\u{a0}kr.");
/// assert_eq!(money(1234.5, 1, Currency::Dkk, Lang::En), "DKK\u{a0}1,234.5");
/// ```
pub fn money(x: f64, decimals: usize, currency: Currency, lang: Lang) -> String {
    with_currency(number(x, decimals, lang), x, currency, lang)
}

/// Put the currency where each language writes it; non-finite values stay a dash.
fn with_currency(n: String, x: f64, currency: Currency, lang: Lang) -> String {
    if !x.is_finite() {
        return n;
    }
    match (lang, currency) {
        (Lang::Da, Currency::Dkk) => format!("{n}\u{a0}kr."),
        (Lang::Da, Currency::Eur) => format!("{n}\u{a0}€"),
        (Lang::Da, Currency::Gbp) => format!("{n}\u{a0}£"),
        (Lang::En, Currency::Dkk) => format!("DKK\u{a0}{n}"),
        (Lang::En, Currency::Eur) => prefix_symbol('€', &n),
        (Lang::En, Currency::Gbp) => prefix_symbol('£', &n),
    }
}

fn prefix_symbol(symbol: char, n: &str) -> String {
    match n.strip_prefix('-') {
        Some(rest) => format!("-{symbol}{rest}"),
        None => format!("{symbol}{n}"),
    }
}

/// Money in the compact form used in summaries: `8,5 mio. kr.` / `DKK 8.5m`.
pub fn money_compact(x: f64, currency: Currency, lang: Lang) -> String {
    with_currency(compact(x, lang), x, currency, lang)
}

/// A change of a share in percentage points with its sign: "+1,4 pct.-point" / "+1.4 pp".
pub fn points(x: f64, decimals: usize, lang: Lang) -> String {
    let n = number(x * 100.0, decimals, lang);
    let n = if x >= 0.0 && !n.starts_with('-') && n != NOT_A_NUMBER { format!("+{n}") } else { n };
    match lang {
        Lang::Da => format!("{n}\u{a0}pct.-point"),
        Lang::En => format!("{n}\u{a0}pp"),
    }
}

/// Format a share (0.3) as a percentage ("30 %" in Danish, "30%" in English).
pub fn percent(share: f64, decimals: usize, lang: Lang) -> String {
    let n = number(share * 100.0, decimals, lang);
    if !share.is_finite() {
        return n;
    }
    match lang {
        Lang::Da => format!("{n}\u{a0}%"),
        Lang::En => format!("{n}%"),
    }
}

/// A short form for chart axes and summaries: millions from 100,000 up (`0,35 mio.` / `0.35m`),
/// whole numbers below.
pub fn compact(x: f64, lang: Lang) -> String {
    let a = x.abs();
    let (v, da, en) = if a >= 1e9 {
        (x / 1e9, "\u{a0}mia.", "bn")
    } else if a >= 1e5 {
        (x / 1e6, "\u{a0}mio.", "m")
    } else {
        return number(x, if a > 0.0 && a < 10.0 && x.fract() != 0.0 { 1 } else { 0 }, lang);
    };
    let decimals = if v.abs() < 1.0 {
        2
    } else if v.abs() < 10.0 && v.fract().abs() > 1e-9 {
        1
    } else {
        0
    };
    let n = number(v, decimals, lang);
    match lang {
        Lang::Da => format!("{n}{da}"),
        Lang::En => format!("{n}{en}"),
    }
}

/// How a value of this parameter reads: shares as percentages, money with its currency, the rest as
/// numbers.
pub fn param(p: crate::model::P, x: f64, lang: Lang, cur: Currency) -> String {
    use crate::model::params::{Unit, PARAMS};
    let spec = &PARAMS[p as usize];
    match spec.unit {
        Unit::CurrencyPerHour | Unit::CurrencyPerCitizenMonth | Unit::CurrencyPerYear => money(x, 0, cur, lang),
        Unit::Share => percent(x, if spec.max <= 0.3 { 1 } else { 0 }, lang),
        // The funding choice in words ("absorb" is a key, not Danish or English).
        Unit::Choice if p == crate::model::P::Funding => {
            lang.texts().case.funding_choices.get(x as usize).copied().unwrap_or("").to_string()
        }
        Unit::Choice => spec.choices.get(x as usize).copied().unwrap_or("").to_string(),
        // Months with their unit ("60 mdr."), so a horizon never reads as a bare number.
        Unit::Months => format!("{}\u{a0}{}", number(x, 0, lang), if lang == Lang::Da { "mdr." } else { "months" }),
        _ if spec.integer || x.abs() >= 100.0 => number(x, 0, lang),
        _ => number(x, if x.fract() == 0.0 { 0 } else { 2 }, lang),
    }
}

/// Why [`strict`] could not read a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misread {
    /// Not a number at all.
    NotANumber,
    /// A number written with the other language's decimal mark ("8.5" in Danish).
    OtherMark,
}

/// Read a number exactly as the language writes it: `-`, digits grouped by threes with the
/// language's thousands separator (or not grouped), one decimal mark, spaces around ignored. "8.5"
/// in Danish is not 85 but [`Misread::OtherMark`]; "1.000" in Danish is one thousand.
pub fn strict(s: &str, lang: Lang) -> Result<f64, Misread> {
    let (group, mark) = separators(lang);
    let s = s.trim();
    let (int, frac) = match s.split_once(mark) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let int_digits = int.strip_prefix('-').unwrap_or(int);
    let parts: Vec<&str> = int_digits.split(group).collect();
    let grouped = parts.len() == 1 && digits(parts[0])
        || parts.len() > 1
            && parts[0].len() <= 3
            && digits(parts[0])
            && parts[1..].iter().all(|p| p.len() == 3 && digits(p));
    if !grouped || frac.is_some_and(|f| !digits(f)) {
        // Would the other language's way of writing read it?
        let other = if lang == Lang::Da { Lang::En } else { Lang::Da };
        let (og, om) = separators(other);
        let plausible = s.contains(om) && !s.contains(og) && s.bytes().filter(|b| *b == om as u8).count() == 1;
        return Err(if plausible && strict(s, other).is_ok() { Misread::OtherMark } else { Misread::NotANumber });
    }
    let normal: String =
        int.chars().filter(|c| *c != group).collect::<String>() + &frac.map(|f| format!(".{f}")).unwrap_or_default();
    crate::model::json::parse_number(&normal).filter(|x| x.is_finite()).ok_or(Misread::NotANumber)
}

/// Words for a multiple after an amount, lower case: thousands, millions, billions.
const MULTIPLES: [(&str, f64); 11] = [
    ("billion", 1e9),
    ("mia.", 1e9),
    ("mia", 1e9),
    ("mrd.", 1e9),
    ("mrd", 1e9),
    ("bn", 1e9),
    ("million", 1e6),
    ("mio.", 1e6),
    ("mio", 1e6),
    ("m", 1e6),
    ("k", 1e3),
];

/// Parse what a person typed, in their language: thousands separators and spaces ignored, the
/// language's decimal mark; an amount may end in a multiple and a currency ("4,3 mia. kr.",
/// "4.3bn", "360 mio."). With a multiple, one separator followed by other than three digits is the
/// decimal mark whichever language wrote it ("4.3bn" in Danish is 4.3 billion).
pub fn typed(s: &str, lang: Lang) -> Option<f64> {
    let (mut group, mut mark) = separators(lang);
    let lower = s.trim().to_ascii_lowercase();
    let mut t = lower.as_str();
    for cur in ["kr.", "kr", "dkk", "eur", "\u{20ac}"] {
        t = t.trim_end().strip_suffix(cur).unwrap_or(t).trim_end();
        t = t.strip_prefix(cur).unwrap_or(t).trim_start();
    }
    let mut multiple = 1.0;
    for (word, m) in MULTIPLES {
        if let Some(rest) = t.strip_suffix(word) {
            if rest.ends_with(|c: char| c.is_ascii_digit() || c.is_whitespace()) {
                (t, multiple) = (rest.trim_end(), m);
                break;
            }
        }
    }
    if multiple > 1.0 {
        let seps: Vec<(usize, char)> = t.char_indices().filter(|(_, c)| *c == '.' || *c == ',').collect();
        if let [(i, c)] = seps[..] {
            if t.len() - i - 1 != 3 {
                (group, mark) = (if c == '.' { ',' } else { '.' }, c);
            }
        }
    }
    // Drop spaces and thousands separators; the decimal mark becomes '.'.
    let normal: String =
        t.chars().filter(|c| !c.is_whitespace() && *c != group).map(|c| if c == mark { '.' } else { c }).collect();
    crate::model::json::parse_number(&normal).map(|x| x * multiple).filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_per_language() {
        let cases: &[(f64, usize, &str, &str)] = &[
            (0.0, 0, "0", "0"),
            (999.0, 0, "999", "999"),
            (1000.0, 0, "1.000", "1,000"),
            (1234.5, 1, "1.234,5", "1,234.5"),
            (-1234567.891, 2, "-1.234.567,89", "-1,234,567.89"),
            (3.6e9, 0, "3.600.000.000", "3,600,000,000"),
            (-0.004, 2, "0,00", "0.00"),
            (0.5, 0, "1", "1"),
            (0.125, 2, "0,13", "0.13"),
            (9.995, 2, "9,99", "9.99"),
            (1.5, 0, "2", "2"),
        ];
        for &(x, d, da, en) in cases {
            assert_eq!(number(x, d, Lang::Da), da, "{x} da");
            assert_eq!(number(x, d, Lang::En), en, "{x} en");
        }
    }

    #[test]
    fn money_per_language_and_currency() {
        assert_eq!(money(1234.5, 1, Currency::Dkk, Lang::Da), "1.234,5\u{a0}kr.");
        assert_eq!(money(1234.5, 1, Currency::Dkk, Lang::En), "DKK\u{a0}1,234.5");
        assert_eq!(money(-20.0, 0, Currency::Eur, Lang::En), "-€20");
        assert_eq!(money(20.0, 0, Currency::Gbp, Lang::En), "£20");
        assert_eq!(money(20.0, 0, Currency::Eur, Lang::Da), "20\u{a0}€");
    }

    #[test]
    fn percent_per_language() {
        assert_eq!(percent(0.3, 0, Lang::Da), "30\u{a0}%");
        assert_eq!(percent(0.3, 0, Lang::En), "30%");
        assert_eq!(percent(0.053, 1, Lang::Da), "5,3\u{a0}%");
    }

    #[test]
    fn plain_values_for_machines() {
        assert_eq!(plain(0.25), "0.25");
        assert_eq!(plain(-0.5), "-0.5");
        assert_eq!(plain(450.0), "450");
        assert_eq!(plain(0.002), "0.002");
        assert_eq!(plain(3.6e9), "3600000000");
        assert_eq!(plain(-0.0000001), "0");
    }

    #[test]
    fn compact_money() {
        assert_eq!(money_compact(8_460_000.0, Currency::Dkk, Lang::Da), "8,5\u{a0}mio.\u{a0}kr.");
        assert_eq!(money_compact(8_460_000.0, Currency::Dkk, Lang::En), "DKK\u{a0}8.5m");
        assert_eq!(money_compact(-2_000_000.0, Currency::Gbp, Lang::En), "-£2m");
    }

    #[test]
    fn compact_numbers_for_axes() {
        assert_eq!(compact(3_600_000_000.0, Lang::Da), "3,6\u{a0}mia.");
        assert_eq!(compact(-1_500_000.0, Lang::En), "-1.5m");
        assert_eq!(compact(2_000_000.0, Lang::En), "2m");
        assert_eq!(compact(350_000.0, Lang::Da), "0,35\u{a0}mio.");
        assert_eq!(compact(35_000.0, Lang::Da), "35.000");
        assert_eq!(compact(2.5, Lang::En), "2.5");
    }

    #[test]
    fn non_finite_values_are_a_dash() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(number(x, 1, Lang::En), NOT_A_NUMBER);
            assert_eq!(money(x, 1, Currency::Dkk, Lang::Da), NOT_A_NUMBER);
            assert_eq!(percent(x, 1, Lang::Da), NOT_A_NUMBER);
        }
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::parse(c.code()), Some(c));
        }
        assert_eq!(Currency::parse("usd"), None);
        // The parameter's choices, in the same order (a scenario holds the index).
        let codes: Vec<&str> = Currency::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(codes, crate::model::params::PARAMS[crate::model::P::Currency as usize].choices);
    }
}
