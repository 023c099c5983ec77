//! The Yew interface: one root reducer ([`state`]), small components that receive values and
//! callbacks, and effects in custom hooks ([`hooks`]). Nothing here computes a model result.

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
pub mod state;
mod together;
mod view_link;
pub mod workshop_page;

use yew::prelude::*;

use crate::i18n::Lang;
use casework::CaseworkView;
use footer::Footer;
use header::Header;
use how::How;
use overview::Overview;
use pb::PbView;
use sources::Sources;
use state::{Action, AppState, View};
use together::TogetherView;

/// Properties of the root component: the state to start from (the web layer works it out from
/// the URL, storage and the browser).
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub initial: AppState,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    let link = state.link();
    hooks::use_document_sync(state.lang, state.view, link.clone());

    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |lang: Lang| {
            crate::web::remember_lang(lang);
            dispatcher.dispatch(Action::SetLang(lang));
        })
    };
    let on_view = {
        let dispatcher = state.dispatcher();
        Callback::from(move |view: View| dispatcher.dispatch(Action::Show(view)))
    };
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let t = state.lang.texts();
    // Embed mode is the embed page's (embed.html): `web::start` sends an embed link there.
    let body = match state.view {
        View::Overview => html! { <Overview lang={state.lang} /> },
        View::Casework => html! {
            <CaseworkView lang={state.lang} scenario={state.scenario.clone()} area={state.area} size={state.size}
                notice={state.notice.clone()} refusals={state.refusals} runs={state.runs} on_action={on_action.clone()} />
        },
        View::Pb => html! {
            <PbView lang={state.lang} scenario={state.scenario.clone()} area={state.area} size={state.size}
                notice={state.notice.clone()} refusals={state.refusals} runs={state.runs} on_action={on_action.clone()} />
        },
        View::Together => html! {
            <TogetherView lang={state.lang} scenario={state.scenario.clone()} runs={state.runs}
                on_action={on_action.clone()} />
        },
        View::How => html! { <How lang={state.lang} /> },
        View::Sources => html! { <Sources lang={state.lang} /> },
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ t.skip_to_content }</a>
            <Header lang={state.lang} view={state.view} {on_lang} on_view={on_view.clone()} />
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
