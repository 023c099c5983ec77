//! Embed mode (`embed.html?...&embed=...`, the embed page's wasm): one chart, or the compact
//! widget (the view's main lever, its main chart and the summary), with a small "open in One
//! Percent" link. No header, navigation or footer: it lives in an iframe on someone else's page.
//! An older embed link to the app (`?...&embed=...`) is sent here by `web::start`.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use super::param_control::ParamControl;
use super::state::{Action, View};
use crate::charts::Chart;
use crate::i18n::Lang;
use crate::model::montecarlo::Bands;
use crate::model::{run, Outcome, Scenario, P};
use crate::report::{
    casework_charts, casework_summary, chart_caption, currency, ledger_chart, pb_charts, pb_summary, trust_chart,
    trust_sentence,
};

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
        "chart-pb-trust" => Chart::Line(trust_chart(o, b, lang)),
        _ => return None,
    })
}

/// What a view offers to embed: the widget, then its charts.
pub fn embed_choices(view: View) -> &'static [&'static str] {
    match view {
        View::Pb => &["widget", "chart-turnout", "chart-who", "chart-projects", "chart-pb-trust"],
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
        "chart-pb-trust" => t.case.chart_trust,
        _ => t.embed_widget,
    }
}

/// The summary that goes with a chart (or with the widget of a view).
pub fn summary_for(id: &str, view: View, s: &Scenario, o: &Outcome, lang: Lang) -> String {
    match (id, view) {
        ("widget", View::Pb) => pb_summary(s, o, lang),
        ("widget", View::Together) => trust_sentence(&o.headline, lang),
        ("widget", _) => casework_summary(s, o, lang),
        _ => chart_caption(id, s, o, lang),
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
                    summary={summary.clone()} place={props.scenario.name.clone()} />
            }
            <p class="summary">{ summary }</p>
            <p class="open-in">
                <a href={crate::web::sibling_url("", &props.open_link)} target="_blank" rel="noopener">{ lang.texts().open_in }</a>
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedAppProps {
    /// The state from the link (its `embed` set).
    pub initial: super::state::AppState,
}

/// The root of embed mode: the link's scenario in a reducer of its own (the widget's lever changes
/// it), the address kept in step, and the embedded thing.
#[component]
pub fn EmbedApp(props: &EmbedAppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    let link = state.link();
    super::hooks::use_document_sync(state.lang, state.view, link);
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let embed = state.embed.unwrap_or("widget");
    let open_link = super::state::AppState { embed: None, ..(*state).clone() }.link();
    html! {
        // Named, so it stays a distinct landmark when the host page has a main of its own.
        <main id="main" class="embed" aria-label={format!("One Percent – {}", embed_title(embed, state.lang))}>
            <Embedded lang={state.lang} view={state.view} {embed} scenario={state.scenario.clone()}
                runs={state.runs} refusals={state.refusals} {open_link} {on_action} />
        </main>
    }
}
