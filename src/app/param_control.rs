//! One parameter's control: a slider (or a number field for very wide ranges, or radio buttons for
//! a choice), its value in the user's language, and its unit, range and source on demand.

use yew::prelude::*;

use crate::app::state::{Action, Fold};
pub use crate::format::param as display;
pub use crate::format::typed as parse_typed;
use crate::format::{number, plain, Currency};
use crate::i18n::Lang;
use crate::model::params::{Source, Unit, PARAMS};
use crate::model::P;

#[derive(Properties, PartialEq)]
pub struct ParamProps {
    pub lang: Lang,
    pub param: P,
    pub value: f64,
    pub currency: Currency,
    /// Values marked on the slider (with a tick and in words), e.g. 0.5% and 1%.
    #[prop_or_default]
    pub marks: Vec<f64>,
    /// A note under the control (e.g. what the value means in money).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Changes when a change was refused, so the control shows the kept value again.
    pub refusals: u32,
    /// Whether its "About" has been opened ([`Fold::About`]); where nobody keeps count (the
    /// workshop, the embedded widget) it is made at once.
    #[prop_or(true)]
    pub opened: bool,
    pub on_action: Callback<Action>,
}

/// The unit as words for a field label: "residents", "DKK per year".
fn unit_name(p: P, lang: Lang, cur: Currency) -> String {
    let spec = &PARAMS[p as usize];
    let words = spec.unit.label().of(lang);
    // "valuta pr. år" / "currency per year": the first word names the currency.
    match words.split_once(' ') {
        Some(("valuta" | "currency", rest)) => format!("{} {rest}", cur.code()),
        _ => words.to_string(),
    }
}

/// A slider step: the largest 1, 2 or 5 times a power of ten that gives at least 50 steps over the
/// range and lands exactly on the default (a browser snaps a slider to its step grid).
fn step(p: P) -> f64 {
    let spec = &PARAMS[p as usize];
    if spec.integer {
        return 1.0;
    }
    let limit = (spec.max - spec.min) / 50.0;
    // The largest power of ten not above the limit (no logarithms: they would add to the wasm).
    let mut pow = 1.0;
    while pow > limit {
        pow /= 10.0;
    }
    while pow * 10.0 <= limit {
        pow *= 10.0;
    }
    loop {
        for m in [5.0, 2.0, 1.0] {
            let s = m * pow;
            let k = (spec.default - spec.min) / s;
            if s <= limit * (1.0 + 1e-9) && (k - k.round()).abs() < 1e-6 {
                return s;
            }
        }
        pow /= 10.0;
    }
}

/// Very wide ranges (population, budget, decisions, the help's cost) get a number field instead of
/// a slider.
fn wide(p: P) -> bool {
    let spec = &PARAMS[p as usize];
    spec.max >= 100_000.0 && spec.max / spec.min.max(1.0) > 1_000.0
}

/// Whether a value differs from the parameter's default (marked, and printed when folded away).
pub fn differs(p: P, value: f64) -> bool {
    value.to_bits() != PARAMS[p as usize].default.to_bits()
}

/// "More assumptions" (casework and PB): folded, only the levers that differ from the defaults are
/// made (they are the ones printed); all of them once it has been opened ([`Fold::More`]).
pub fn more_levers(
    summary: &str,
    levers: Vec<P>,
    scenario: &crate::model::Scenario,
    opened: u128,
    on_action: &Callback<Action>,
    control: &dyn Fn(P) -> Html,
) -> Html {
    let open = Fold::More.is_in(opened);
    html! {
        <details class="more">
            <summary onclick={on_action.reform(|_: MouseEvent| Action::Open(Fold::More))}>{ summary }</summary>
            // In an element of its own: when its children change, the summary being clicked stays
            // the same element (replaced, the browser did not open the fold).
            <div>{ for levers.into_iter().filter(|&q| open || differs(q, scenario.get(q))).map(control) }</div>
        </details>
    }
}

#[component]
pub fn ParamControl(props: &ParamProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().case;
    let p = props.param;
    let spec = &PARAMS[p as usize];
    let id: String = "p-".chars().chain(spec.key.chars().map(|c| if c == '.' { '-' } else { c })).collect();
    let help_id = format!("{id}-help");
    let described = (!spec.help.of(lang).is_empty()).then(|| AttrValue::from(help_id.clone()));
    let input = use_node_ref();
    let cur = props.currency;
    // What was typed into a number field and could not be read (said under the field).
    let unreadable = use_state(|| None::<String>);

    // The field's text: written when the value, a refusal or the language changes (a refused change
    // puts the kept value back; the DOM holds what was typed until then).
    {
        let input = input.clone();
        let shown = if wide(p) { number(props.value, 0, lang) } else { plain(props.value) };
        use_effect_with((props.value, props.refusals, lang), move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                if el.value() != shown {
                    el.set_value(&shown);
                }
            }
        });
    }

    // (Opened again, the reducer changes nothing and nothing renders again.)
    let on_open = props.on_action.reform(move |_: MouseEvent| Action::Open(Fold::About(p)));
    let about = about_param(p, lang, cur, &help_id, props.opened, on_open);

    // How far the default can be trusted, beside the control (the full words are under "About").
    let grade = html! { <span class="grade" data-grade={spec.grade.key()}>{ spec.grade.short().of(lang) }</span> };

    // Marked when it differs from the default: on paper the folded-away levers show only these.
    let changed = differs(p, props.value).then_some("");
    if spec.unit == Unit::Choice {
        return choice_control(props, &id, grade, about, changed);
    }

    let value_text = display(p, props.value, lang, cur);
    let field = if wide(p) {
        number_field(props, input, &id, described, unreadable.clone())
    } else {
        slider(props, input, &id, described, value_text.clone())
    };
    html! {
        <div class="param" data-changed={changed}>
            <div class="param-head">
                <label for={id.clone()}>
                    { spec.label.of(lang) }
                    // The unit, unless the label already says it ("Indbyggere", not "Indbyggere (indbyggere)").
                    if wide(p) && !matches!(spec.unit, Unit::Residents | Unit::DecisionsPerMonth) {
                        <span class="param-unit">{ format!(" ({})", unit_name(p, lang, cur)) }</span>
                    }
                    { grade }
                </label>
                // A number field's value is in the field; on paper (no fields) it is written out.
                // (Two literal classes: a computed one would pull in Yew's class set, about 2 KB.)
                if wide(p) {
                    <output for={id.clone()} class="param-value print-value">{ value_text }</output>
                } else {
                    <output for={id.clone()} class="param-value">{ value_text }</output>
                }
            </div>
            { field }
            if let Some(text) = (*unreadable).clone() {
                <p class="param-error" role="alert">{ format!("»{text}« {}", t.unreadable) }</p>
            }
            if !props.marks.is_empty() {
                <p class="param-marks">{ props.marks.iter().map(|m| display(p, *m, lang, cur)).collect::<Vec<_>>().join(" · ") }</p>
            }
            if let Some(note) = props.note.clone() { <p class="param-note">{ note }</p> }
            { about }
        </div>
    }
}

/// Under "About": the parameter's help, range, uncertainty, source and grade, and its key.
/// The help is always there (the control's description points at it); the rest once `opened`.
fn about_param(p: P, lang: Lang, cur: Currency, help_id: &str, opened: bool, on_open: Callback<MouseEvent>) -> Html {
    let t = &lang.texts().case;
    let spec = &PARAMS[p as usize];
    // The source's text is on the static Sources page (the browser build does not carry it).
    let kind = match spec.source {
        Source::Cited(_) => t.source_label,
        Source::Assumption(_) => t.assumption_label,
    };
    let source_href = format!("sources.{}.html#{}", lang.code(), spec.key);
    let range = if spec.unit == Unit::Choice {
        spec.choices.join(", ")
    } else {
        format!("{} – {}", display(p, spec.min, lang, cur), display(p, spec.max, lang, cur))
    };
    let unc = spec.uncertainty.map(|(lo, hi)| format!("{} – {}", display(p, lo, lang, cur), display(p, hi, lang, cur)));
    html! {
        <details class="about">
            <summary onclick={on_open}>{ t.about_param }<span class="visually-hidden">{ format!(": {}", spec.label.of(lang)) }</span></summary>
            // Empty in the browser build for all but the primary levers (see `params::for_build`).
            if !spec.help.of(lang).is_empty() { <p id={help_id.to_string()}>{ spec.help.of(lang) }</p> }
            if opened {
                <dl>
                    <dt>{ t.range_label }</dt><dd>{ range }{ format!(" ({})", spec.unit.label().of(lang)) }</dd>
                    if let Some(u) = unc { <dt>{ t.uncertainty_label }</dt><dd>{ u }</dd> }
                    <dt>{ kind }</dt><dd><a href={source_href}>{ t.see_source }</a></dd>
                    <dt>{ t.grade_label }</dt><dd>{ spec.grade.label().of(lang) }</dd>
                </dl>
                <p class="param-key"><code>{ spec.key }</code></p>
            }
        </details>
    }
}

/// A choice: a radio button per option.
fn choice_control(props: &ParamProps, id: &str, grade: Html, about: Html, changed: Option<&'static str>) -> Html {
    let (lang, p) = (props.lang, props.param);
    let spec = &PARAMS[p as usize];
    let labels: Vec<&str> =
        if p == P::Funding { lang.texts().case.funding_choices.to_vec() } else { spec.choices.to_vec() };
    html! {
        <fieldset class="param param-choice" data-changed={changed}>
            <legend>{ spec.label.of(lang) }{ grade }</legend>
            { for labels.iter().enumerate().map(|(i, label)| {
                let onchange = props.on_action.reform(move |_: Event| Action::SetParam(p, i as f64));
                let rid = format!("{id}-{i}");
                html! {
                    <div class="radio">
                        <input type="radio" id={rid.clone()} name={id.to_string()} checked={props.value as usize == i} {onchange} />
                        <label for={rid}>{ *label }</label>
                    </div>
                }
            }) }
            { about }
        </fieldset>
    }
}

/// A number field for a very wide range: what is typed is read in the user's language when the
/// field is left; text that cannot be read is said under the field and the value kept.
fn number_field(
    props: &ParamProps,
    input: NodeRef,
    id: &str,
    described: Option<AttrValue>,
    unreadable: UseStateHandle<Option<String>>,
) -> Html {
    let (lang, p, cb) = (props.lang, props.param, props.on_action.clone());
    let onchange = Callback::from(move |e: Event| {
        let el = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        match parse_typed(&el.value(), lang) {
            Some(v) => {
                unreadable.set(None);
                cb.emit(Action::SetParam(p, v));
            }
            None => unreadable.set(Some(el.value())),
        }
    });
    html! {
        // No `value` here: the control's effect writes it when the value, a refusal or the language
        // changes, so a render for any other reason never overwrites what is being typed.
        <input ref={input} type="text" inputmode="decimal" id={id.to_string()} class="param-number"
            aria-describedby={described} {onchange} />
    }
}

/// A slider, with the marked values as a list of ticks.
fn slider(props: &ParamProps, input: NodeRef, id: &str, described: Option<AttrValue>, value_text: String) -> Html {
    let (p, cb) = (props.param, props.on_action.clone());
    let spec = &PARAMS[p as usize];
    let oninput = Callback::from(move |e: InputEvent| {
        let el = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        if let Some(v) = crate::model::json::parse_number(&el.value()) {
            cb.emit(Action::SetParam(p, v));
        }
    });
    let list_id = format!("{id}-marks");
    html! {
        <>
            <input ref={input} type="range" id={id.to_string()} min={plain(spec.min)} max={plain(spec.max)}
                step={plain(step(p))} value={plain(props.value)} aria-valuetext={value_text}
                aria-describedby={described} {oninput}
                list={(!props.marks.is_empty()).then(|| list_id.clone())} />
            if !props.marks.is_empty() {
                <datalist id={list_id}>
                    { for props.marks.iter().map(|m| html! { <option value={plain(*m)} /> }) }
                </datalist>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_nice_and_fit_the_range() {
        assert_eq!(step(P::ExtraTime), 0.05);
        assert_eq!(step(P::AppealRate), 0.002);
        assert_eq!(step(P::HourlyCost), 10.0);
        assert_eq!(step(P::Horizon), 1.0);
        for s in &PARAMS {
            let st = step(s.id);
            assert!(st > 0.0 && st <= (s.max - s.min).max(1.0), "{}", s.key);
            let k = (s.default - s.min) / st;
            assert!((k - k.round()).abs() < 1e-6, "{}: the default is off the step grid", s.key);
        }
    }

    #[test]
    fn typed_numbers_in_either_language() {
        assert_eq!(parse_typed("50.000", Lang::Da), Some(50_000.0));
        assert_eq!(parse_typed("3,5", Lang::Da), Some(3.5));
        assert_eq!(parse_typed("50,000", Lang::En), Some(50_000.0));
        assert_eq!(parse_typed(" 1 200 ", Lang::En), Some(1_200.0));
        assert_eq!(parse_typed("lots", Lang::En), None);
        // Amounts as people write them, with a multiple and a currency.
        for (text, lang, want) in [
            ("4,3 mia.", Lang::Da, 4.3e9),
            ("4,3 mia. kr.", Lang::Da, 4.3e9),
            ("4.300.000.000", Lang::Da, 4.3e9),
            ("4.3bn", Lang::Da, 4.3e9),
            ("4.3bn", Lang::En, 4.3e9),
            ("DKK 4.3 billion", Lang::En, 4.3e9),
            ("360 mio.", Lang::Da, 3.6e8),
            ("1.200 mio. kr.", Lang::Da, 1.2e9),
            ("60.000", Lang::Da, 60_000.0),
            ("2,5 m", Lang::Da, 2.5e6),
        ] {
            assert_eq!(parse_typed(text, lang), Some(want), "{text}");
        }
        assert_eq!(parse_typed("mia.", Lang::Da), None);
        assert_eq!(parse_typed("4,3 mia. pærer", Lang::Da), None);
        assert_eq!(parse_typed("inf", Lang::En), None);
    }
}
