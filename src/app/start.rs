//! Each page's start: the panic hook, the state to start from (the address, storage and the
//! browser, read by [`crate::web`]), and its root component mounted into `#app`. The pages' entry
//! points (`src/bin/`) call these; nothing else does.

use crate::i18n::Lang;
use crate::web::{browser_languages, current_query, initial_state, install_panic_hook, sibling_url, stored, LANG_KEY};

use super::state::{page_of, View};
use super::{App, AppProps};

/// Start the app in the browser: panic hook, initial state, mount into `#app`.
pub fn app() {
    install_panic_hook();
    let initial = initial_state();
    // Embed mode lives on the embed page (its own wasm): an embed link to the app goes there.
    if initial.embed.is_some() && crate::web::replace_page(&sibling_url("embed.html", &current_query())) {
        return;
    }
    // The together view is a page of its own: a link to it on the app's page goes there.
    let page = page_of(initial.view);
    if !page.is_empty() && crate::web::replace_page(&sibling_url(page, &current_query())) {
        return;
    }
    mount::<App>(AppProps { initial, page: "", views: yew::Callback::from(super::main_views) });
}

/// Start the together page (together.html): the app's header and state, with the together view.
pub fn together() {
    install_panic_hook();
    let mut initial = initial_state();
    initial.view = View::Together;
    mount::<App>(AppProps { initial, page: "together.html", views: yew::Callback::from(super::together_views) });
}

/// Start the compare page (compare.html): its language and compared links from the address.
pub fn compare() {
    install_panic_hook();
    let (lang, items) = crate::compare::read_page_query(&current_query());
    let lang = Lang::resolve(lang.as_deref(), stored(LANG_KEY).as_deref(), &browser_languages());
    mount::<super::compare_page::ComparePage>(super::compare_page::CompareProps { lang, items });
}

/// Start the ballots page (ballots.html): language, rules and scenario from the address.
pub fn ballots() {
    install_panic_hook();
    let query = current_query();
    let lang = crate::ballots::page::read_query(&query).lang;
    let lang = Lang::resolve(lang.as_deref(), stored(LANG_KEY).as_deref(), &browser_languages());
    mount::<super::ballots_page::BallotsPage>(super::ballots_page::BallotsProps { lang, query });
}

/// Start the embed page (embed.html): language and the app's link from the address.
pub fn embed() {
    install_panic_hook();
    let initial = initial_state();
    if initial.embed.is_some() {
        mount::<super::embedded::EmbedApp>(super::embedded::EmbedAppProps { initial });
        return;
    }
    let query = crate::embed::without_embed(&current_query());
    let lang = crate::share::decode(&query).setting("lang").map(str::to_string);
    let lang = Lang::resolve(lang.as_deref(), stored(LANG_KEY).as_deref(), &browser_languages());
    mount::<super::embed_page::EmbedPage>(super::embed_page::EmbedProps { lang, query });
}

/// Start the workshop page (workshop.html): language, part, story and step from the address.
pub fn workshop() {
    install_panic_hook();
    let query = current_query();
    let (lang, _) = crate::compare::read_page_query(&query);
    let lang = Lang::resolve(lang.as_deref(), stored(LANG_KEY).as_deref(), &browser_languages());
    let get = |key: &str| {
        query.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == key).map(|(_, v)| v.to_string())
    };
    let num = |key: &str, default: usize| get(key).and_then(|v| v.parse().ok()).unwrap_or(default);
    let props = super::workshop_page::WorkshopProps {
        lang,
        story: get("story"),
        step: num("step", 1),
        mode: crate::workshop::Part::from_address(get("mode").as_deref()),
    };
    mount::<super::workshop_page::WorkshopPage>(props);
}

/// Mount component `C` into `#app` (replacing the loading text), or the body when it is missing.
fn mount<C: yew::BaseComponent>(props: C::Properties) {
    match crate::web::app_root() {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<C>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<C>::with_props(props).render();
        }
    }
}
