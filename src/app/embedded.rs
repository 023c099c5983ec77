//! Embed mode (`&embed=...`): one chart, or the compact widget (the view's main lever, its main
//! chart and the summary), with a small "open in One Percent" link. No header, navigation or
//! footer: it lives in an iframe on someone else's page.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use super::param_control::ParamControl;
use super::state::{Action, View};
use crate::charts::Chart;
use crate::i18n::Lang;
use crate::model::montecarlo::Bands;
use crate::model::{run, Outcome, Scenario, P};
use crate::report::{casework_charts, casework_summary, currency, ledger_chart, pb_charts, pb_summary, trust_sentence};

/// The chart behind an embed id (`chart-...`), built from a run and its bands.
pub fn chart_by_id(id: &str, o: &Outcome, b: Option<&Bands>, lang: Lang) -> Option<Chart> {
    Some(match id {
        "chart-saving" => Chart::Line(casework_charts(o, b, lang).saving),
        "chart-costs" => Chart::Bar(casework_charts(o, b, lang).costs),
        "chart-overturns" => Chart::Bar(casework_charts(o, b, lang).overturns),
        "chart-trust" => Chart::Line(casework_charts(o, b, lang).trust),
        "chart-turnout" => Chart::Bar(pb_charts(o, b, lang).turnout),
        "chart-who" => Chart::Bar(pb_charts(o, b, lang).who),
        "chart-projects" => Chart::Bar(pb_charts(o, b, lang).projects),
        "chart-ledger" => Chart::HBar(ledger_chart(o, b, lang)),
        _ => return None,
    })
}

/// What a view offers to embed: the widget, then its charts.
pub fn embed_choices(view: View) -> &'static [&'static str] {
    match view {
        View::Pb => &["widget", "chart-turnout", "chart-who", "chart-projects"],
        View::Together => &["widget", "chart-ledger"],
        _ => &["widget", "chart-saving", "chart-costs", "chart-overturns", "chart-trust"],
    }
}

/// The title of an embeddable thing.
pub fn embed_title(id: &str, lang: Lang) -> &'static str {
    let t = lang.texts();
    match id {
        "chart-saving" => t.case.chart_saving,
        "chart-costs" => t.case.chart_costs,
        "chart-overturns" => t.case.chart_overturns,
        "chart-trust" => t.case.chart_trust,
        "chart-turnout" => t.pb.chart_turnout,
        "chart-who" => t.pb.chart_who,
        "chart-projects" => t.pb.chart_projects,
        "chart-ledger" => t.together.chart_ledger,
        _ => t.embed_widget,
    }
}

/// The summary that goes with a chart (or with the widget of a view).
pub fn summary_for(id: &str, view: View, s: &Scenario, o: &Outcome, lang: Lang) -> String {
    let pb = matches!(id, "chart-turnout" | "chart-who" | "chart-projects") || (id == "widget" && view == View::Pb);
    if pb {
        pb_summary(s, o, lang)
    } else if id == "chart-ledger" || (id == "widget" && view == View::Together) {
        trust_sentence(&o.headline, lang)
    } else {
        casework_summary(s, o, lang)
    }
}

#[derive(Properties, PartialEq)]
pub struct EmbeddedProps {
    pub lang: Lang,
    pub view: View,
    pub embed: &'static str,
    pub scenario: Rc<Scenario>,
    pub runs: usize,
    pub refusals: u32,
    /// The full app's link for this scenario (without `embed`).
    pub open_link: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Embedded(props: &EmbeddedProps) -> Html {
    let lang = props.lang;
    let outcome = use_memo(props.scenario.clone(), |s| run(s));
    let (bands, _) = super::hooks::use_bands(props.scenario.clone(), props.runs);
    let (lever, chart_id) = match (props.embed, props.view) {
        ("widget", View::Pb) => (Some(P::PbShare), "chart-turnout"),
        ("widget", View::Together) => (Some(P::PbShare), "chart-ledger"),
        ("widget", _) => (Some(P::ExtraTime), "chart-saving"),
        (id, _) => (None, id),
    };
    let chart = chart_by_id(chart_id, &outcome, bands.as_deref(), lang);
    let summary = summary_for(props.embed, props.view, &props.scenario, &outcome, lang);
    html! {
        <div class="embedded">
            <h1 class="visually-hidden">{ format!("One Percent – {}", embed_title(props.embed, lang)) }</h1>
            if let Some(p) = lever {
                <ParamControl {lang} param={p} value={props.scenario.get(p)} currency={currency(&props.scenario)}
                    refusals={props.refusals} on_action={props.on_action.clone()} />
            }
            if let Some(c) = chart {
                <ChartFigure id={chart_id} title={embed_title(chart_id, lang)} chart={Rc::new(c)} {lang}
                    summary={summary.clone()} />
            }
            <p class="summary">{ summary }</p>
            <p class="open-in">
                <a href={crate::web::app_url(&props.open_link)} target="_blank" rel="noopener">{ lang.texts().open_in }</a>
            </p>
        </div>
    }
}

/// The iframe sizes offered (width, height in CSS pixels); the last choice is custom.
const SIZES: [(u32, u32); 3] = [(400, 420), (640, 480), (960, 540)];

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub lang: Lang,
    pub view: View,
}

/// Write the iframe snippet for this scenario: what to show, a size (small, medium, wide or
/// custom), the code to copy and a live preview of exactly that iframe.
#[component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let t = props.lang.texts();
    // (what, size choice, custom width, custom height) in one state.
    let state = use_state(|| (0usize, 1usize, 640u32, 480u32));
    let (what, size, cw, ch) = *state;
    let choices = embed_choices(props.view);
    let id = choices[what.min(choices.len() - 1)];
    let (w, h) = SIZES.get(size).copied().unwrap_or((cw, ch));
    let src = crate::web::app_url(&format!("{}&embed={id}", crate::web::current_query()));
    let title = format!("One Percent – {}", embed_title(id, props.lang));
    let snippet = format!(
        "<iframe src=\"{}\" width=\"{w}\" height=\"{h}\" title=\"{}\" style=\"border:0;max-width:100%\"></iframe>",
        src.replace('&', "&amp;"),
        title.replace('"', "&quot;")
    );
    // One handler for the four fields: which field, and its new value.
    let set = |field: usize| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v: u32 = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse().unwrap_or(0);
            let mut s = *state;
            match field {
                0 => s.0 = v as usize,
                1 => s.1 = v as usize,
                2 => s.2 = v.clamp(200, 2000),
                _ => s.3 = v.clamp(200, 2000),
            }
            state.set(s);
        })
    };
    let number = |field: usize, id: &'static str, label: &'static str, value: u32| {
        html! {
            <>
                <label for={id}>{ label }</label>
                <input {id} type="number" min="200" max="2000" step="10" value={value.to_string()} onchange={set(field)} />
            </>
        }
    };
    html! {
        <section class="embed-dialog" aria-labelledby="embed-heading">
            <h3 id="embed-heading">{ t.embed_title }</h3>
            <label for="embed-what">{ t.embed_what }</label>
            <select id="embed-what" onchange={set(0)}>
                { for choices.iter().enumerate().map(|(i, c)| html! {
                    <option value={i.to_string()} selected={i == what}>{ embed_title(c, props.lang) }</option>
                }) }
            </select>
            <label for="embed-size">{ t.embed_size }</label>
            <select id="embed-size" onchange={set(1)}>
                { for t.embed_sizes.iter().enumerate().map(|(i, s)| html! {
                    <option value={i.to_string()} selected={i == size}>{ *s }</option>
                }) }
            </select>
            if size == SIZES.len() {
                { number(2, "embed-width", t.embed_width, cw) }
                { number(3, "embed-height", t.embed_height, ch) }
            }
            <label for="embed-code">{ t.embed_code }</label>
            <textarea id="embed-code" readonly=true rows="4" value={snippet} />
            <p id="embed-preview-label">{ t.embed_preview }</p>
            // Scrolls when wider than the page, so it takes the focus (keyboard users can scroll it).
            <div class="embed-preview" tabindex="0" role="region" aria-labelledby="embed-preview-label">
                <iframe {src} width={w.to_string()} height={h.to_string()} {title}></iframe>
            </div>
        </section>
    }
}
