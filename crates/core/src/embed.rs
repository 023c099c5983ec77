//! The embed page's pure part (embed.html, the editor's page): its words, the iframe sizes offered
//! and the snippet to paste. The page itself is `app::embed_page`; what an iframe shows is the
//! app's embed mode (`app::embedded`).

use crate::i18n::{Both, Lang};
use crate::model::{Outcome, Scenario};
use crate::report::{casework_summary, chart_caption, pb_summary, trust_sentence, ChartId};
use crate::state::{Embed, View};

/// The iframe sizes offered (width, height in CSS pixels); the last choice is custom. Each fits
/// every embed kind's compact layout with room to spare (measured in tests/e2e/embed.test.mjs: the
/// tallest kind at the defaults is 697, 646 and 774 px high at these widths).
pub const SIZES: [(u32, u32); 3] = [(400, 780), (640, 720), (960, 860)];

/// The smallest and largest custom side (px).
pub const SIDE: (u32, u32) = (200, 2000);

/// What a view offers to embed: the widget, then its charts.
pub fn embed_choices(view: View) -> &'static [Embed] {
    use ChartId::*;
    match view {
        View::Pb => {
            &[Embed::Widget, Embed::Chart(Turnout), Embed::Chart(Who), Embed::Chart(Projects), Embed::Chart(PbTrust)]
        }
        View::Together => &[Embed::Widget, Embed::Chart(Ledger)],
        View::Overview | View::Casework | View::How | View::Sources => {
            &[Embed::Widget, Embed::Chart(Saving), Embed::Chart(Costs), Embed::Chart(Overturns), Embed::Chart(Trust)]
        }
    }
}

/// The title of an embeddable thing.
pub fn embed_title(e: Embed, lang: Lang) -> &'static str {
    match e {
        Embed::Widget => lang.texts().embed_widget,
        Embed::Chart(c) => c.title(lang),
    }
}

/// The summary that goes with a chart (or with the widget of a view).
pub fn summary_for(e: Embed, view: View, s: &Scenario, o: &Outcome, lang: Lang) -> String {
    match (e, view) {
        (Embed::Widget, View::Pb) => pb_summary(s, o, lang),
        (Embed::Widget, View::Together) => trust_sentence(&o.headline, lang),
        (Embed::Widget, _) => casework_summary(s, o, lang),
        (Embed::Chart(c), _) => chart_caption(c, s, o, lang),
    }
}

pub struct Texts {
    pub title: &'static str,
    pub intro: &'static str,
    pub what: &'static str,
    pub size: &'static str,
    pub sizes: [&'static str; 4],
    pub width: &'static str,
    pub height: &'static str,
    pub code: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub preview: &'static str,
    pub back: &'static str,
    pub png_hint: &'static str,
}

static TEXTS: Both<Texts> = Both::new(
    Texts {
        title: "Indlejr i en webside",
        intro: "Vælg, hvad der skal vises, og en størrelse. Kopiér koden, og sæt den ind på jeres side: grafen regnes i læserens browser med præcis dette scenarie.",
        what: "Hvad skal vises",
        size: "Størrelse",
        sizes: ["Smal (400 × 780)", "Mellem (640 × 720)", "Bred (960 × 860)", "Tilpasset"],
        width: "Bredde (px)",
        height: "Højde (px)",
        code: "Kode til at sætte ind på siden",
        copy: "Kopiér koden",
        copied: "Koden er kopieret.",
        copy_failed: "Browseren tillod ikke at kopiere. Markér koden, og kopiér den selv (Ctrl+C).",
        preview: "Forhåndsvisning",
        back: "Tilbage til scenariet",
        png_hint: "Til en e-mail: åbn scenariet, og brug »Hent som billede (PNG)« under grafen.",
    },
    Texts {
        title: "Embed in a web page",
        intro: "Choose what to show and a size. Copy the code and paste it into your page: the chart is computed in the reader's browser with exactly this scenario.",
        what: "What to show",
        size: "Size",
        sizes: ["Narrow (400 × 780)", "Medium (640 × 720)", "Wide (960 × 860)", "Custom"],
        width: "Width (px)",
        height: "Height (px)",
        code: "Code to paste into the page",
        copy: "Copy the code",
        copied: "The code is copied.",
        copy_failed: "The browser did not allow copying. Select the code and copy it yourself (Ctrl+C).",
        preview: "Preview",
        back: "Back to the scenario",
        png_hint: "For an e-mail: open the scenario and use \"Download as image (PNG)\" under the chart.",
    },
);

pub fn texts(lang: Lang) -> &'static Texts {
    TEXTS.get(lang)
}

/// The iframe to paste: `src` (the app's address with `embed=...`), its size and title, escaped
/// for HTML.
pub fn snippet(src: &str, w: u32, h: u32, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" width=\"{w}\" height=\"{h}\" title=\"{}\" style=\"border:0;max-width:100%\"></iframe>",
        src.replace('&', "&amp;").replace('"', "&quot;"),
        title.replace('&', "&amp;").replace('"', "&quot;")
    )
}

/// The app's query without `embed` (the page is opened with the app's link; an embed id in it is
/// replaced by the one chosen).
pub fn without_embed(query: &str) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').filter(|p| !p.is_empty() && !p.starts_with("embed=")).collect::<Vec<_>>().join("&")
}

/// The app's query in `lang`: its `lang` replaced where it stands, or added at the end.
pub fn in_language(query: &str, lang: Lang) -> String {
    let pair = format!("lang={}", lang.code());
    let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
    match pairs.iter().position(|p| p.starts_with("lang=")) {
        Some(i) => pairs[i] = &pair,
        None => pairs.push(&pair),
    }
    pairs.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_escapes_what_would_break_the_attribute() {
        let s = snippet("https://x.dk/?a=1&b=\"2\"", 640, 480, "One Percent – \"Who\" & why");
        assert_eq!(
            s,
            "<iframe src=\"https://x.dk/?a=1&amp;b=&quot;2&quot;\" width=\"640\" height=\"480\" \
             title=\"One Percent – &quot;Who&quot; &amp; why\" style=\"border:0;max-width:100%\"></iframe>"
        );
        assert_eq!(without_embed("?v=1&embed=widget&lang=da"), "v=1&lang=da");
    }

    #[test]
    fn the_query_is_put_in_the_chosen_language_where_its_language_stands() {
        assert_eq!(in_language("v=1&lang=da&view=pb", Lang::En), "v=1&lang=en&view=pb");
        assert_eq!(in_language("v=1&&view=pb", Lang::Da), "v=1&view=pb&lang=da");
        assert_eq!(in_language("", Lang::En), "lang=en");
    }
}
