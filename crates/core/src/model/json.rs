//! A small JSON reader and writer for scenario files (RFC 8259). The browser build uses it instead of
//! serde_json, which would add about 15 KB (gzip) to the download; the command line and tests still
//! use serde_json, and a test checks the two agree on random and mutated inputs.

/// Exact powers of ten as `f64` (10^22 is the largest exact one).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Parse a decimal number (`-12.5`, `3e-4`; no leading `+`, no `inf`/`nan`). Used instead of
/// `str::parse::<f64>`, whose correctly-rounding tables add about 15 KB (gzip) to the browser build.
/// Up to 15 significant digits with an exponent within ±22 (every value a person or a slider
/// writes) it is exact; beyond that it is within a few units in the last place. Native and browser
/// builds use this same function, so the same text gives the same bits everywhere.
pub fn parse_number(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let mut i = 0;
    let negative = b.first() == Some(&b'-');
    if negative {
        i += 1;
    }
    let (mut mantissa, mut exp10, mut digits, mut significant) = (0u64, 0i64, 0usize, 0usize);
    let mut seen_point = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                digits += 1;
                if significant < 19 {
                    if mantissa > 0 || d != b'0' {
                        significant += 1;
                    }
                    mantissa = mantissa * 10 + (d - b'0') as u64;
                    if seen_point {
                        exp10 -= 1;
                    }
                } else if !seen_point {
                    exp10 += 1; // digits beyond 19 are dropped; their place value is kept
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        let neg_exp = b.get(i) == Some(&b'-');
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let (mut e, mut n) = (0i64, 0);
        while let Some(d @ b'0'..=b'9') = b.get(i).copied() {
            e = (e * 10 + (d - b'0') as i64).min(100_000);
            i += 1;
            n += 1;
        }
        if n == 0 {
            return None;
        }
        exp10 += if neg_exp { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    // Trailing zeros of a mantissa too long for the exact fast path belong to the exponent:
    // `112565157017930000000` is 11256515701793e7, which the fast path reads exactly, rather than a
    // 19-digit mantissa the slow path rounds.
    while mantissa > 1 << 53 && mantissa % 10 == 0 {
        mantissa /= 10;
        exp10 += 1;
    }
    let mut x = mantissa as f64;
    if mantissa != 0 {
        if mantissa <= 1 << 53 && (-22..=22).contains(&exp10) {
            // Clinger's fast path: both operands exact, one rounding.
            x = if exp10 >= 0 { x * POW10[exp10 as usize] } else { x / POW10[(-exp10) as usize] };
        } else if let Some(exact) = exact_slow_path(mantissa, exp10) {
            x = exact;
        } else {
            let mut e = exp10;
            while e > 0 && x.is_finite() {
                let k = e.min(22);
                x *= POW10[k as usize];
                e -= k;
            }
            while e < 0 && x != 0.0 {
                let k = (-e).min(22);
                x /= POW10[k as usize];
                e += k;
            }
        }
    }
    Some(if negative { -x } else { x })
}

/// 10^k as a double: exact for |k| <= 22, the nearest power otherwise.
fn pow10(k: i32) -> f64 {
    match k.unsigned_abs() as usize {
        n if n < POW10.len() && k >= 0 => POW10[n],
        n if n < POW10.len() => 1.0 / POW10[n],
        _ => libm::pow(10.0, k as f64),
    }
}

/// The shortest decimal text (no exponent, as `format!("{x}")` writes it) that [`parse_number`]
/// reads back to exactly `x`; `None` for non-finite `x` or when no text of up to 17 significant
/// digits is found (only for magnitudes far outside every parameter's range). Written with integer
/// formatting: the standard library's float printing would add about 4 KB (gzip) to the browser build.
pub fn shortest(x: f64) -> Option<String> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        return Some(if x.is_sign_negative() { "-0" } else { "0" }.into());
    }
    let a = x.abs();
    // The decimal exponent: 10^e <= a < 10^(e+1) (an estimate is enough; the check below decides).
    let mut e = 0i32;
    while e < 308 && a >= pow10(e + 1) {
        e += 1;
    }
    while e > -330 && a < pow10(e) {
        e -= 1;
    }
    for digits in 1..=17 {
        let p = digits - 1 - e;
        let scaled = if p >= 0 { a * pow10(p) } else { a / pow10(-p) };
        let m = libm::round(scaled);
        if !(0.0..1e19).contains(&m) {
            continue;
        }
        // `scaled` is off by up to half its ulp (several units once it exceeds 2^53): try the
        // neighbours too, nearest first.
        let reach = (m / 9_007_199_254_740_992.0) as u64 * 2 + 1;
        let m = m as u64;
        for d in 0..=reach {
            for cand in [Some(m + d), m.checked_sub(d).filter(|_| d > 0)].into_iter().flatten() {
                let text = place_point(cand, p, x < 0.0);
                if parse_number(&text) == Some(x) {
                    return Some(text);
                }
            }
        }
    }
    None
}

/// `m * 10^-p` as decimal text without an exponent, trailing zeros after the point removed.
fn place_point(m: u64, p: i32, negative: bool) -> String {
    let digits = m.to_string();
    let mut out = String::from(if negative { "-" } else { "" });
    if p <= 0 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (-p) as usize));
        return out;
    }
    let p = p as usize;
    if digits.len() > p {
        out.push_str(&digits[..digits.len() - p]);
        out.push('.');
        out.push_str(&digits[digits.len() - p..]);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', p - digits.len()));
        out.push_str(&digits);
    }
    if out.contains('.') {
        while out.ends_with('0') {
            out.pop();
        }
        if out.ends_with('.') {
            out.pop();
        }
    }
    out
}

/// The nearest double to `mantissa * 10^exp10` by exact integer arithmetic, for mantissas of up to
/// 19 digits and exponents from -38 up to a product below 2^64 (every shortest-form double in the parameters' ranges,
/// so what `format!("{x}")` writes reads back to the same bits). `None` outside that window.
fn exact_slow_path(mantissa: u64, exp10: i64) -> Option<f64> {
    // 128-bit shifts and compares only: a 128-bit division or multiplication would pull the
    // compiler's software routines into the browser build.
    let (mut q, mut r, d, mut exp2) = if exp10 >= 0 {
        let p = 10u64.checked_pow(exp10 as u32)?;
        (mantissa.checked_mul(p)? as u128, 0u128, 1u128, 0i32)
    } else if exp10 >= -19 {
        let d = 10u64.pow((-exp10) as u32);
        ((mantissa / d) as u128, (mantissa % d) as u128, d as u128, 0i32)
    } else if exp10 >= -38 {
        // 10^20.. exceed every 19-digit mantissa: the quotient starts at zero.
        let mut d = 1u128;
        for _ in 0..-exp10 {
            d = (d << 3) + (d << 1);
        }
        (0u128, mantissa as u128, d, 0i32)
    } else {
        return None;
    };
    // Long division, one bit at a time, until the quotient has 55 bits (53 kept, a round bit and
    // one more); the remainder is the sticky part.
    while q < 1 << 54 {
        r <<= 1;
        q <<= 1;
        exp2 -= 1;
        if r >= d {
            r -= d;
            q |= 1;
        }
    }
    let shift = 128 - q.leading_zeros() - 53;
    let mut kept = q >> shift;
    let rest = q & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rest > half || (rest == half && (r != 0 || kept & 1 == 1)) {
        kept += 1;
    }
    // `kept` has at most 54 bits: through u64, without the 128-bit float conversion routine.
    Some(libm::scalbn(kept as u64 as f64, exp2 + shift as i32))
}

/// A JSON value. Numbers keep their source text, so whole numbers beyond 2^53 (seeds) stay exact.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64, String),
    Str(String),
    Array(Vec<Json>),
    /// Members in source order (a repeated key: the last one counts).
    Object(Vec<(String, Json)>),
}

/// Deepest nesting accepted (garbage input must not exhaust the stack).
const MAX_DEPTH: usize = 64;

impl Json {
    /// Parse a whole document. The error says what was expected and where (byte offset).
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut p = Parser { s: text.as_bytes(), i: 0 };
        p.ws();
        let v = p.value(0)?;
        p.ws();
        if p.i != p.s.len() {
            return Err(p.err("end of input"));
        }
        Ok(v)
    }

    /// The member `key` of an object (the last one if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(m) => m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(x, _) => Some(*x),
            _ => None,
        }
    }

    /// A whole number from 0 to 2^64-1, written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            // Whole numbers only, exactly (u64 parsing needs no float tables).
            Json::Number(_, text) => text.parse().ok(),
            _ => None,
        }
    }

    /// Compact JSON text (for messages and files).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, 0);
        out
    }

    /// Indented JSON text (two spaces).
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(2), 0);
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>, level: usize) {
        let newline = |out: &mut String, level: usize| {
            if let Some(n) = indent {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', n * level));
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(_, text) => out.push_str(text),
            Json::Str(s) => write_str(out, s),
            Json::Array(items) => {
                out.push('[');
                for (k, v) in items.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                    }
                    newline(out, level + 1);
                    v.write(out, indent, level + 1);
                }
                if !items.is_empty() {
                    newline(out, level);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (k, (key, v)) in members.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                    }
                    newline(out, level + 1);
                    write_str(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    v.write(out, indent, level + 1);
                }
                if !members.is_empty() {
                    newline(out, level);
                }
                out.push('}');
            }
        }
    }

    /// A number value from an `f64` (finite; shortest text that reads back the same).
    pub fn number(x: f64) -> Json {
        Json::Number(x, shortest(x).unwrap_or_else(|| "null".into()))
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self, expected: &str) -> String {
        match self.s.get(self.i) {
            Some(_) => format!("expected {expected} at byte {}", self.i),
            None => format!("expected {expected} at the end"),
        }
    }

    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.s.get(self.i) == Some(&b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &str, v: Json) -> Result<Json, String> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(format!("nesting deeper than {MAX_DEPTH} at byte {}", self.i));
        }
        match self.s.get(self.i) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.err("a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err("a key in quotes"));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(b':') {
                return Err(self.err("':'"));
            }
            self.ws();
            let v = self.value(depth + 1)?;
            members.push((key, v));
            self.ws();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b'}') {
                return Ok(Json::Object(members));
            }
            return Err(self.err("',' or '}'"));
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            return Err(self.err("',' or ']'"));
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let h = self.s.get(self.i..self.i + 4).ok_or_else(|| self.err("four hex digits"))?;
        let h = std::str::from_utf8(h).map_err(|_| self.err("four hex digits"))?;
        let v = u32::from_str_radix(h, 16).map_err(|_| self.err("four hex digits"))?;
        if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.err("four hex digits"));
        }
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a &str, so any run without quotes, escapes or controls is valid UTF-8.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.err("text"))?);
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let esc = *self.s.get(self.i).ok_or_else(|| self.err("an escape"))?;
                    self.i += 1;
                    match esc {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(self.err("the second half of a surrogate pair"));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("the second half of a surrogate pair"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).ok_or_else(|| self.err("a valid character"))?);
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.err("a valid escape"));
                        }
                    }
                }
                Some(_) => return Err(self.err("no control character in text")),
                None => return Err(self.err("'\"'")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.i;
        self.eat(b'-');
        let digits = |p: &mut Self| {
            let s = p.i;
            while matches!(p.s.get(p.i), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i - s
        };
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.err("a digit")),
        }
        if self.eat(b'.') && digits(self) == 0 {
            return Err(self.err("a digit after '.'"));
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if digits(self) == 0 {
                return Err(self.err("a digit in the exponent"));
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.err("a number"))?;
        let x = parse_number(text).ok_or_else(|| self.err("a number"))?;
        if !x.is_finite() {
            return Err(format!("number out of range at byte {start}"));
        }
        Ok(Json::Number(x, text.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rng::SplitMix64;

    fn agree(text: &str) {
        let ours = Json::parse(text);
        let theirs: Result<serde_json::Value, _> = serde_json::from_str(text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert!(same(a, b), "values differ for {text:?}: {a:?} vs {b}"),
            (Err(_), Err(_)) => {}
            _ => panic!("disagree on {text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    fn same(a: &Json, b: &serde_json::Value) -> bool {
        use serde_json::Value as V;
        match (a, b) {
            (Json::Null, V::Null) => true,
            (Json::Bool(x), V::Bool(y)) => x == y,
            // serde_json without its float_roundtrip feature may be off in the last bit; std is exact.
            (Json::Number(x, _), V::Number(n)) => {
                n.as_f64().is_some_and(|y| (x - y).abs() <= 1e-15 * x.abs().max(y.abs()))
            }
            (Json::Str(x), V::String(y)) => x == y,
            (Json::Array(x), V::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
            (Json::Object(x), V::Object(y)) => {
                // serde_json keeps the last of repeated keys, as `get` does.
                y.iter().all(|(k, v)| a.get(k).is_some_and(|mine| same(mine, v)))
                    && x.iter().all(|(k, _)| y.contains_key(k))
            }
            _ => false,
        }
    }

    #[test]
    fn known_documents() {
        for t in [
            r#"{"version": 1, "params": {"case.extra_time": 0.25, "case.funding": "hire"}, "seed": 42}"#,
            r#"[1, -0, 2.5e3, -1E-2, true, false, null, "a\"b\\c\/d\n\u00e6\ud83d\ude00"]"#,
            "  {}  ",
            "[]",
            "0",
            r#""""#,
        ] {
            agree(t);
            assert!(Json::parse(t).is_ok(), "{t}");
        }
        for t in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "+1",
            "nul",
            "\"\\x\"",
            "{\"a\" 1}",
            "[1] 2",
            "1e999",
            "\"\u{1}\"",
        ] {
            agree(t);
            assert!(Json::parse(t).is_err(), "{t:?} should be refused");
        }
        assert!(Json::parse(&"[".repeat(10_000)).is_err(), "deep nesting must be refused, not overflow");
    }

    #[test]
    fn trailing_zeros_inside_the_exact_window_read_exactly() {
        // Issue 14: this read 1 ulp off (a 19-digit mantissa on the slow path).
        for t in ["112565157017930000000", "1125651570179300000000", "4500000000000000000000", "12000"] {
            assert_eq!(parse_number(t), Some(t.parse::<f64>().unwrap()), "{t}");
        }
    }

    #[test]
    fn numbers_parse_like_std() {
        for t in ["9007199254740993", "1e23", "1.7976931348623157e308", "2.2250738585072014e-308"] {
            let (ours, std) = (parse_number(t).unwrap(), t.parse::<f64>().unwrap());
            assert!((ours - std).abs() <= 4.0 * f64::EPSILON * std.abs(), "{t}: {ours} vs {std}");
        }
        for t in [
            "0",
            "-0",
            "0.25",
            "-0.5",
            "450",
            "3600000000",
            "0.0005",
            "1e-7",
            "2.5E3",
            "0.1",
            "0.3",
            "123.456",
            "1e22",
            "00012",
            "1.",
            ".5",
        ] {
            let std: Option<f64> = t.parse().ok();
            assert_eq!(parse_number(t).map(f64::to_bits), std.map(f64::to_bits), "{t}");
        }
        for bad in ["", "-", "e5", "1e", "1e+", "abc", "1.2.3", "--1", "1 2"] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
        // Random decimals: exact up to 19 significant digits when the value's exponent is within
        // -38..=19 (and for any 15 digits within ±22); close beyond.
        let mut rng = SplitMix64::new(5);
        for _ in 0..50_000 {
            let digits = 1 + (rng.next_u64() % 18) as usize;
            let m: String = (0..digits).map(|_| char::from(b'0' + (rng.next_u64() % 10) as u8)).collect();
            let e = (rng.next_u64() % 80) as i64 - 40;
            let t = format!("{m}e{e}");
            let (ours, std) = (parse_number(&t).unwrap(), t.parse::<f64>().unwrap());
            let m_digits = m.trim_start_matches('0').len();
            let m_int = m.parse::<u128>().unwrap();
            let in_window = digits <= 19 && m_int < 1 << 64 && (-38..0).contains(&e)
                || (0..=19).contains(&e) && m_int.checked_mul(10u128.pow(e as u32)).is_some_and(|p| p < 1 << 64);
            if (m_digits <= 15 && (-22..=22).contains(&e)) || in_window {
                assert_eq!(ours.to_bits(), std.to_bits(), "{t}");
            } else {
                assert!((ours - std).abs() <= 4.0 * f64::EPSILON * std.abs(), "{t}: {ours} vs {std}");
            }
        }
    }

    #[test]
    fn shortest_texts_read_back_to_the_same_bits() {
        for (x, t) in [(0.25, "0.25"), (0.1, "0.1"), (450.0, "450"), (3.6e9, "3600000000"), (1e-7, "0.0000001")] {
            assert_eq!(shortest(x).as_deref(), Some(t));
        }
        assert_eq!(shortest(f64::NAN), None);
        assert_eq!(shortest(-0.0).as_deref(), Some("-0"));
        let mut rng = SplitMix64::new(11);
        for i in 0..200_000 {
            // Doubles spread over the parameters' magnitudes (1e-6 to 1e12), and arbitrary bits.
            let x = if i % 4 == 0 {
                f64::from_bits(rng.next_u64() >> 2)
            } else {
                rng.next_f64() * 10f64.powi((rng.next_u64() % 19) as i32 - 6)
            };
            if !x.is_finite() || !(1e-17..1e19).contains(&x) {
                continue;
            }
            let t = shortest(x).unwrap();
            assert_eq!(parse_number(&t).map(f64::to_bits), Some(x.to_bits()), "{t}");
            // As short as the standard library's shortest form.
            let std = format!("{x}");
            assert!(t.len() <= std.len(), "{t} is longer than {std}");
            assert_eq!(shortest(-x).unwrap(), format!("-{t}"));
        }
    }

    #[test]
    fn seeds_stay_exact() {
        let v = Json::parse("18446744073709551615").unwrap();
        assert_eq!(v.as_u64(), Some(u64::MAX));
        assert_eq!(Json::parse("1.0").unwrap().as_u64(), None);
        assert_eq!(Json::parse("-1").unwrap().as_u64(), None);
    }

    #[test]
    fn writing_reads_back() {
        let v = Json::parse(r#"{"a": [1, 2.5, "x\ny\u0001"], "b": {"c": null, "d": true}}"#).unwrap();
        assert_eq!(Json::parse(&v.to_text()).unwrap(), v);
        assert_eq!(Json::parse(&v.to_pretty()).unwrap(), v);
        assert_eq!(Json::parse(&Json::number(0.1).to_text()).unwrap().as_f64(), Some(0.1));
    }

    #[test]
    fn agrees_with_serde_json_on_random_and_mutated_documents() {
        let alphabet: &[u8] = b"{}[]:,\"\\ 0123456789.-+eEtrufalsn\n\tabu";
        let seeds = [
            r#"{"version": 1, "params": {"case.extra_time": 0.25, "pb.share": 1e-2}, "seed": 42}"#,
            r#"[{"a": "\u00e6\\"}, [true, false, null], -12.5e-3]"#,
        ];
        let mut rng = SplitMix64::new(99);
        for _ in 0..20_000 {
            let base = seeds[(rng.next_u64() % 2) as usize].as_bytes().to_vec();
            let mut bytes = base;
            for _ in 0..(1 + rng.next_u64() % 4) {
                let pos = (rng.next_u64() as usize) % (bytes.len() + 1);
                let c = alphabet[(rng.next_u64() as usize) % alphabet.len()];
                match rng.next_u64() % 3 {
                    0 if pos < bytes.len() => bytes[pos] = c,
                    1 if pos < bytes.len() => {
                        bytes.remove(pos);
                    }
                    _ => bytes.insert(pos, c),
                }
            }
            if let Ok(text) = String::from_utf8(bytes) {
                agree(&text);
            }
        }
    }
}
