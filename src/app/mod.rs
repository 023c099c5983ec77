//! The Yew interface: one root reducer ([`state`]), small components that receive values and
//! callbacks, and effects in custom hooks ([`hooks`]). Nothing here computes a model result.

mod ballots_helpers;
pub mod ballots_page;
mod casework;
mod chart;
pub mod compare_page;
pub mod embed_page;
pub mod embedded;
mod footer;
mod header;
pub mod hooks;
mod how;
mod overview;
mod panel;
pub mod param_control;
mod pb;
mod sources;
pub mod start;
pub mod state;
pub mod together;
mod view_link;
pub mod workshop_page;

use yew::prelude::*;

use crate::i18n::Lang;
use casework::CaseworkView;
use footer::Footer;
use how::How;
use overview::Overview;
use pb::PbView;
use sources::Sources;
use state::{page_of, Action, AppState, Computed, View};

/// Properties of the root component: the state to start from (the web layer works it out from
/// the URL, storage and the browser), and the page it runs on.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub initial: AppState,
    /// The page's file (`""` for index.html, `"together.html"`): a view this page does not hold
    /// is opened on its own page, with the scenario in the address.
    #[prop_or_default]
    pub page: &'static str,
    /// The body of this page's views ([`main_views`] on the app's page): given by the page, so
    /// each page's wasm holds only its own views.
    pub views: Callback<ViewArgs, Html>,
}

/// What the root gives its page's views.
pub struct ViewArgs {
    pub state: AppState,
    /// The state's share link ([`AppState::link`]): what copy, save and the links to other pages
    /// use, never the address bar.
    pub link: AttrValue,
    /// The reducer's callback.
    pub on_action: Callback<Action>,
    /// What the model says about the state's scenario, computed once at the root.
    pub computed: Computed,
}

/// The whole app: header, the view, footer, and on paper the scenario as text.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    let link = state.link();
    hooks::use_document_sync(state.lang, state.view, link.clone());

    // The callbacks that do not depend on the state are made once: a new callback is a changed
    // property, and a child whose properties change renders again. Re-rendered, an input gets its
    // `value` written back (Yew refreshes it from the DOM), so a number typed and not yet committed
    // would be lost when the bands arrive while the councillor types.
    let (on_lang, on_action) = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            let d = dispatcher.clone();
            let on_lang = Callback::from(move |lang: Lang| {
                crate::web::remember_lang(lang);
                d.dispatch(Action::SetLang(lang));
            });
            (on_lang, Callback::from(move |action: Action| dispatcher.dispatch(action)))
        }))
        .clone()
    };
    let on_view = {
        let (dispatcher, now, page) = (state.dispatcher(), (*state).clone(), props.page);
        Callback::from(move |view: View| {
            if page_of(view) == page {
                dispatcher.dispatch(Action::Show(view))
            } else {
                let there = AppState { view, ..now.clone() };
                crate::web::go(&crate::web::sibling_url(page_of(view), &there.link()));
            }
        })
    };
    let t = state.lang.texts();
    let outcome = use_memo(state.scenario.clone(), |s| crate::model::run(s));
    // Bands only where a view shows them; the last ones are kept while another view is open.
    let shows_bands = matches!(state.view, View::Casework | View::Pb | View::Together);
    let (bands, updating) = hooks::use_bands(shows_bands.then(|| state.scenario.clone()), state.runs);
    let computed = Computed { outcome, bands, updating };
    let body = props.views.emit(ViewArgs {
        state: (*state).clone(),
        link: AttrValue::from(link.clone()),
        on_action: on_action.clone(),
        computed,
    });

    html! {
        <>
            { header::app_header(state.lang, state.view, &on_lang, &on_view) }
            <main id="main" tabindex="-1">
                if !state.link_problems.is_empty() {
                    <div class="notice notice-error banner" role="alert">
                        <p>{ t.link_problems }</p>
                        <ul>{ for state.link_problems.iter().map(|p| html! { <li>{ p.message(state.lang) }</li> }) }</ul>
                        <button type="button" class="button-secondary"
                            onclick={on_action.reform(|_: MouseEvent| Action::DismissLinkProblems)}>{ t.close }</button>
                    </div>
                }
                { body }
                // On paper, the link as text: the handout reopens the same scenario.
                <p class="print-only">{ crate::web::app_url(&link) }</p>
            </main>
            <Footer lang={state.lang} {on_view} />
        </>
    }
}

/// The app page's views (embed mode is the embed page's, `app::start::app` sends an embed link there;
/// the together view is its page's).
pub fn main_views(ViewArgs { state, link, on_action, computed }: ViewArgs) -> Html {
    let state = &state;
    match state.view {
        View::Overview | View::Together => html! { <Overview lang={state.lang} /> },
        View::Casework => html! {
            <CaseworkView lang={state.lang} scenario={state.scenario.clone()} area={state.area} size={state.size} link={link.clone()}
                notice={state.notice.clone()} refusals={state.refusals} opened={state.opened} runs={state.runs} on_action={on_action.clone()}
                {computed} />
        },
        View::Pb => html! {
            <PbView lang={state.lang} scenario={state.scenario.clone()} area={state.area} size={state.size} {link}
                notice={state.notice.clone()} refusals={state.refusals} opened={state.opened} runs={state.runs} on_action={on_action.clone()}
                {computed} />
        },
        View::How => html! { <How lang={state.lang} /> },
        View::Sources => html! { <Sources lang={state.lang} /> },
    }
}

/// The values that differ from the defaults in one line, for paper ("none" as a dash).
fn changed_text(s: &crate::model::Scenario, lang: crate::i18n::Lang) -> String {
    let changed = crate::report::changed_values(s, lang);
    if changed.is_empty() {
        return "–".into();
    }
    changed.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("; ")
}

/// The together page's view (together.html). It has no levers, so on paper it says the
/// municipality and every value that differs from the defaults (the decision views print their
/// levers, and those folded away when changed).
pub fn together_views(ViewArgs { state, on_action, computed, .. }: ViewArgs) -> Html {
    let s = &state.scenario;
    html! {
        <>
            <together::TogetherView lang={state.lang} scenario={s.clone()} runs={state.runs} {on_action} {computed} />
            <p class="print-only">
                if !s.name.is_empty() { <strong>{ format!("{} · ", s.name) }</strong> }
                { format!("{}: {}", state.lang.texts().case.changed_heading, changed_text(s, state.lang)) }
            </p>
        </>
    }
}
