//! The chart colours: the Okabe-Ito palette (colour-blind safe), the same values as the CSS
//! custom properties at the top of styles/main.css (a test keeps the two in step).

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Okabe-Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow
/// (`--c1` .. `--c7` in the CSS).
pub const SERIES: [Rgb; 7] = [
    Rgb(0x00, 0x72, 0xb2),
    Rgb(0xe6, 0x9f, 0x00),
    Rgb(0x00, 0x9e, 0x73),
    Rgb(0xd5, 0x5e, 0x00),
    Rgb(0xcc, 0x79, 0xa7),
    Rgb(0x56, 0xb4, 0xe9),
    Rgb(0xf0, 0xe4, 0x42),
];

/// The scenario's colour.
pub const SCENARIO: Rgb = SERIES[0];
/// The baseline's colour (`--baseline`); baseline lines are also dashed.
pub const BASELINE: Rgb = Rgb(0x6b, 0x72, 0x80);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_defines_the_same_colours() {
        let css = include_str!("../../../../styles/main.css").to_lowercase();
        for (i, c) in SERIES.iter().enumerate() {
            let decl = format!("--c{}: {};", i + 1, c.hex());
            assert!(css.contains(&decl), "styles/main.css lacks {decl}");
        }
        assert!(css.contains(&format!("--baseline: {};", BASELINE.hex())));
    }
}
