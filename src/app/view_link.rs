//! A link to a view: a real `href` (so it can be opened in a new tab or copied) that switches
//! the view in place when clicked.

use yew::prelude::*;

use super::state::View;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ViewLinkProps {
    pub lang: Lang,
    pub view: View,
    /// Whether this link points at the view on screen (`aria-current="page"`).
    #[prop_or_default]
    pub current: bool,
    pub on_view: Callback<View>,
}

#[component]
pub fn ViewLink(props: &ViewLinkProps) -> Html {
    let view = props.view;
    let onclick = props.on_view.reform(move |e: MouseEvent| {
        // Let modified clicks (new tab, new window) do what the browser does.
        if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
            e.prevent_default();
        }
        view
    });
    // On the page that holds the view (the together view has its own).
    let page = match super::state::page_of(view) {
        "" => "./",
        p => p,
    };
    let href = match view {
        View::Overview => format!("{page}?lang={}", props.lang.code()),
        v => format!("{page}?lang={}&view={}", props.lang.code(), v.code()),
    };
    html! {
        <a {href} {onclick} aria-current={props.current.then_some("page")}>
            { view.label(props.lang.texts()) }
        </a>
    }
}
