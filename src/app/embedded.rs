//! Embed mode (`embed.html?...&embed=...`, the embed page's wasm): one chart, or the compact
//! widget (the view's main lever, its main chart and the summary), with a small "open in One
//! Percent" link. No header, navigation or footer: it lives in an iframe on someone else's page.
//! An older embed link to the app (`?...&embed=...`) is sent here by `app::start::app`.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use super::param_control::ParamControl;
use super::state::{Action, Embed, View};
use crate::embed::{embed_title, summary_for};
use crate::i18n::Lang;
use crate::model::{run, Scenario, P};
use crate::report::{currency, ChartId};

#[derive(Properties, PartialEq)]
pub struct EmbeddedProps {
    pub lang: Lang,
    pub view: View,
    pub embed: Embed,
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
    let (bands, _) = super::hooks::use_bands(Some(props.scenario.clone()), props.runs);
    let (lever, chart_id) = match (props.embed, props.view) {
        (Embed::Widget, View::Pb) => (Some(P::PbShare), ChartId::Turnout),
        (Embed::Widget, View::Together) => (Some(P::PbShare), ChartId::Ledger),
        (Embed::Widget, _) => (Some(P::ExtraTime), ChartId::Saving),
        (Embed::Chart(c), _) => (None, c),
    };
    let chart = chart_id.build(&outcome, bands.as_deref(), lang);
    let summary = summary_for(props.embed, props.view, &props.scenario, &outcome, lang);
    html! {
        <div class="embedded">
            <h1 class="visually-hidden">{ format!("One Percent – {}", embed_title(props.embed, lang)) }</h1>
            if let Some(p) = lever {
                <ParamControl {lang} param={p} value={props.scenario.get(p)} currency={currency(&props.scenario)}
                    refusals={props.refusals} on_action={props.on_action.clone()} />
            }
            <ChartFigure id={chart_id.id()} title={chart_id.title(lang)} chart={Rc::new(chart)} {lang}
                summary={summary.clone()} place={props.scenario.name.clone()} />
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
    let embed = state.embed.unwrap_or(Embed::Widget);
    let open_link = super::state::AppState { embed: None, ..(*state).clone() }.link();
    html! {
        // Named, so it stays a distinct landmark when the host page has a main of its own.
        <main id="main" class="embed" aria-label={format!("One Percent – {}", embed_title(embed, state.lang))}>
            <Embedded lang={state.lang} view={state.view} {embed} scenario={state.scenario.clone()}
                runs={state.runs} refusals={state.refusals} {open_link} {on_action} />
        </main>
    }
}
