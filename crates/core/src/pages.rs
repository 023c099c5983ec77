//! Static reference pages written at build time by the command line (`make dist`): the parameter
//! table with every source and grade (`sources.<lang>.html`) and, through [`crate::validation`],
//! "How well does it fit?" (`fit.<lang>.html`). Plain HTML without JavaScript, so they cost the
//! app's wasm nothing, read anywhere, and work offline like the rest of the release.

use crate::format::Currency;
use crate::i18n::Lang;
use crate::model::params::{Source, Unit, PARAMS};

/// Text escaped for HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A whole page: `name` is the file's stem (`sources`, `fit`), so the other language is
/// `name.<other>.html`. `body` is HTML.
pub fn page(name: &str, title: &str, lang: Lang, body: &str) -> String {
    let (other, other_label) = match lang {
        Lang::Da => ("en", "In English"),
        Lang::En => ("da", "På dansk"),
    };
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} – One Percent</title>\n<link rel=\"icon\" href=\"data:,\">\n\
         <style>body{{font-family:system-ui,sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#111}}\
         table{{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}}\
         th,td{{border-bottom:1px solid #999;padding:.3rem .5rem;text-align:right;vertical-align:top}}\
         th[scope=row],thead th:first-child,td.text{{text-align:left}}.wrap{{overflow-x:auto}}a{{color:#0b5394}}\
         code{{font-size:.85em}}.help{{font-weight:400}}:target{{background:#fff3c4}}</style>\n</head>\n<body>\n<main>\n\
         <p><a href=\"index.html?lang={code}\">One Percent</a> · <a href=\"{name}.{other}.html\" hreflang=\"{other}\" lang=\"{other}\">{other_label}</a></p>\n\
         <h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n",
        code = lang.code(),
    )
}

/// The parameter table: label and key, unit, default, allowed range, uncertainty range, grade,
/// source or reason. Each row has the key as its id, so a control's "See the source" lands on it.
pub fn sources(lang: Lang) -> String {
    let da = lang == Lang::Da;
    let shown = |spec: &crate::model::ParamSpec, x: f64| match spec.unit {
        Unit::Choice => spec.choices.get(x as usize).copied().unwrap_or("").to_string(),
        _ => crate::format::param(spec.id, x, lang, Currency::Dkk),
    };
    let mut rows = String::new();
    for spec in &PARAMS {
        let (kind, text) = match (spec.source, da) {
            (Source::Cited(s), true) => ("Kilde", s.of(lang)),
            (Source::Cited(s), false) => ("Source", s.of(lang)),
            (Source::Assumption(s), true) => ("Antagelse", s.of(lang)),
            (Source::Assumption(s), false) => ("Assumption", s.of(lang)),
        };
        let unc =
            spec.uncertainty.map(|(lo, hi)| format!("{} – {}", shown(spec, lo), shown(spec, hi))).unwrap_or_default();
        rows.push_str(&format!(
            "<tr id=\"{key}\"><th scope=\"row\">{label}<br><code>{key}</code><br><span class=\"help\">{help}</span></th><td class=\"text\">{unit}</td><td>{default}</td>\
             <td>{min} – {max}</td><td>{unc}</td><td class=\"text\">{grade}</td><td class=\"text\">{kind}: {text}</td></tr>\n",
            key = spec.key,
            label = esc(spec.label.of(lang)),
            help = esc(spec.help.of(lang)),
            unit = esc(spec.unit.label().of(lang)),
            default = shown(spec, spec.default),
            min = shown(spec, spec.min),
            max = shown(spec, spec.max),
            grade = spec.grade.label().of(lang),
            text = esc(text),
        ));
    }
    let (title, intro, head) = if da {
        (
            "Kilder og antagelser",
            "Hvert tal i modellen med enhed, standardværdi, tilladt interval, usikkerhedsinterval (trækkes i \
             Monte Carlo), sikkerhed og kilde – eller ordet »antagelse« og hvorfor. Beløb i kr. ved standardværdierne; \
             en forudindstilling kan bruge en anden valuta.",
            ["Tal", "Enhed", "Standard", "Tilladt", "Usikkerhed", "Sikkerhed", "Kilde eller antagelse"],
        )
    } else {
        (
            "Sources and assumptions",
            "Every figure in the model with its unit, default, allowed range, uncertainty range (drawn in the Monte \
             Carlo), confidence grade and source – or the word \"assumption\" and why. Amounts in DKK at the \
             defaults; a preset may use another currency.",
            ["Figure", "Unit", "Default", "Allowed", "Uncertainty", "Confidence", "Source or assumption"],
        )
    };
    let head: String = head.iter().map(|h| format!("<th scope=\"col\">{h}</th>")).collect();
    page(
        "sources",
        title,
        lang,
        &format!(
            "<p>{}</p>\n<div class=\"wrap\"><table>\n<caption>{title}</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table></div>\n",
            esc(intro)
        ),
    )
}

/// "How it works" in full: the model's structure and equations in plain words (docs/MODEL.md is
/// the technical reference it follows).
pub fn how(lang: Lang) -> String {
    let (title, sections): (&str, &[(&str, &str)]) = match lang {
        Lang::Da => ("Sådan virker modellen", &[
            ("Tid og sammenligning", "Simulatoren regner måned for måned, 1-10 år frem. Hvert resultat er to kørsler på de samme antagelser: scenariet med beslutningerne og en grundbane uden dem. Forskellen er beslutningernes virkning, ikke tilfældighed. Én kørsel regner med forventede værdier, så samme scenarie giver altid samme tal."),
            ("Sagsbehandling", "Afgørelserne følger indbyggertallet, medmindre kommunen selv angiver dem. En andel af dem er forkerte; ekstra tid fjerner de fejl, tid kan forebygge (manglende oplysning eller begrundelse), med aftagende udbytte: fejl = e0·((1−f) + f·exp(−k·x)). Klagetilbøjelighederne udledes af kommunens egne tal (klageandel og omgørelsesprocent). Klager genvurderes, går til Ankestyrelsen, omgøres eller hjemvises og afgøres igen. Nye medarbejdere skal først ansættes og læres op; uden nye medarbejdere presses tiden, når kapaciteten ikke slår til."),
            ("Selve hjælpen og tilbagebetalingen", "De fleste forkerte afgørelser giver borgeren for lidt; resten giver hjælp, borgeren ikke har ret til. Derfor er selve hjælpen en udgift for sig: en rigtig afgørelse kan koste kommunen den hjælp, den skyldte, eller spare hjælp, der ikke skulle gives. Tilbagebetalingen vises tre gange: på budgettet (sagsbehandlertid, ekstra medarbejdere, genvurdering, genbehandling og selve hjælpen), med fejlbetinget efterspørgsel (en antagelse) og med forværring af borgernes behov (en pladsholder). Gives der ingen ekstra tid, er svaret »ingen forskel«."),
            ("Borgerbudget", "Deltagelsen afhænger af puljens andel af budgettet (den mættes tidligt: over ca. 0,1 % giver en større pulje næsten ikke flere stemmer), af kommunens størrelse, tilliden, opsøgende arbejde, onlineafstemning og processens modenhed. Modenheden vokser kun med holdte løfter og falder med brudte. Projekter, der ikke bliver til noget, og underkendte afstemninger koster tillid; tab vejer mindst dobbelt så tungt som gevinster. Oplysning om borgerbudgettet flytter kun tilliden lidt, hos dem der hører om det."),
            ("Tillid", "Andelen af voksne med høj tillid til, at kommunen følger loven og behandler folk retfærdigt. Dårlige oplysninger flytter folk fra høj til lav tillid, gode fra lav til høj, og uden nyt glider tilliden tilbage mod dagens niveau. Tillidsregnskabet viser, hvor meget hver mekanisme flyttede den."),
            ("Usikkerhed", "Hvert usikkert tal trækkes mange gange fra sit interval (Monte Carlo) med en startværdi for de tilfældige tal, der kan deles. Intervallerne P10-P90 og andelene (fx hvor mange træk der betaler sig hjem inden for et år) er over alle træk. Tornadoen viser, hvilke antagelser der flytter et resultat mest, målt mod grundbanen."),
            ("Hvor sikre er tallene?", "Hvert tal har en sikkerhed: offentliggjort, udledt af offentliggjorte tal, kvalificeret antagelse, pladsholder (indsæt jeres eget tal) eller jeres eget valg. Se »Kilder og antagelser« og »Hvor godt passer modellen?«."),
        ]),
        Lang::En => ("How the model works", &[
            ("Time and comparison", "The simulator steps month by month, 1-10 years ahead. Every result is two runs on the same assumptions: the scenario with the decisions and a baseline without them. The difference is the decisions' effect, not noise. One run works in expected values, so the same scenario always gives the same numbers."),
            ("Casework", "Decisions follow the population unless the council gives its own figure. A share of them are wrong; extra time removes the errors time can prevent (missing information or reasoning), with diminishing returns: errors = e0·((1−f) + f·exp(−k·x)). Appeal propensities are derived from the council's own figures (appeal rate and overturn share). Appeals are reconsidered, go to the appeals board, are overturned or remanded and decided again. New staff must first be recruited and trained; without new staff time is squeezed when capacity falls short."),
            ("The help itself and the payback", "Most wrong decisions give citizens too little; the rest give help they are not owed. So the help itself is a cost of its own: a right decision may cost the council the help it owed, or save help it should not have given. The payback is shown three ways: on the budget (caseworker time, extra staff, reconsideration, rework and the help itself), with failure demand (an assumption) and with escalating needs (a placeholder). If no extra time is given, the answer is \"no difference\"."),
            ("Participatory budgeting", "Turnout depends on the pot's share of the budget (it saturates early: above about 0.1% a bigger pot buys almost no votes), the municipality's size, trust, outreach, online voting and the process's maturity. Maturity grows only with kept promises and falls with broken ones. Projects that come to nothing and overruled votes cost trust; losses weigh at least twice as much as gains. Information about participatory budgeting moves trust only a little, among those who hear of it."),
            ("Trust", "The share of adults with high trust that the council acts lawfully and fairly. Bad experiences move people from high to low trust, good ones from low to high, and without news trust drifts back to today's level. The trust ledger shows how much each mechanism moved it."),
            ("Uncertainty", "Every uncertain figure is drawn many times from its range (Monte Carlo) with a seed that can be shared. P10-P90 ranges and shares (for example how many draws pay back within a year) are over all draws. The tornado shows which assumptions move a result most, measured against the baseline."),
            ("How far can the figures be trusted?", "Every figure has a grade: published, derived from published figures, informed assumption, placeholder (replace it with your own) or your own choice. See \"Sources and assumptions\" and \"How well does it fit?\"."),
        ]),
    };
    let links = match lang {
        Lang::Da => "<p><a href=\"sources.da.html\">Kilder og antagelser</a> · <a href=\"fit.da.html\">Hvor godt passer modellen?</a></p>\n",
        Lang::En => "<p><a href=\"sources.en.html\">Sources and assumptions</a> · <a href=\"fit.en.html\">How well does it fit?</a></p>\n",
    };
    let body: String = sections.iter().map(|(h, p)| format!("<h2>{}</h2>\n<p>{}</p>\n", esc(h), esc(p))).collect();
    page("how", title, lang, &(body + links))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sources_page_has_a_row_per_parameter_with_its_source_in_both_languages() {
        for lang in [Lang::Da, Lang::En] {
            let html = sources(lang);
            assert_eq!(html.matches("<tr id=").count(), PARAMS.len());
            assert!(html.contains("id=\"case.help_cost\""));
            assert!(html.contains("Ankestyrelsen"), "a cited source is shown");
            assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
        }
        assert!(sources(Lang::Da).contains("pladsholder: indsæt jeres eget tal"));
    }
}
