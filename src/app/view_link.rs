//! A link to a view: a real `href` (so it can be opened in a new tab or copied) that switches
//! the view in place when clicked.

use yew::prelude::*;

use super::state::View;
use crate::i18n::Lang;

/// A link to `view` in `lang`; `current` marks the view on screen (`aria-current="page"`). A
/// function, not a component: a component costs each page that shows it about 1 KB gzip.
pub fn view_link(lang: Lang, view: View, current: bool, on_view: &Callback<View>) -> Html {
    let onclick = on_view.reform(move |e: MouseEvent| {
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
        View::Overview => format!("{page}?lang={}", lang.code()),
        v => format!("{page}?lang={}&view={}", lang.code(), v.code()),
    };
    html! {
        <a {href} {onclick} aria-current={current.then_some("page")}>
            { view.label(lang.texts()) }
        </a>
    }
}
