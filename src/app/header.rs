//! The page headers: name, purpose, language switch and navigation; and the language switch every
//! page's header shows.

use yew::prelude::*;

use super::state::View;
use super::view_link::view_link;
use crate::i18n::Lang;

/// What differs between the pages' headers; [`site_header`] lays them out the same way on every
/// page.
pub struct HeaderParts<'a> {
    pub lang: Lang,
    pub on_lang: &'a Callback<Lang>,
    /// The name: the app's logo and name, or a link back to the app.
    pub name: Html,
    /// The line under the name: the app's purpose, the page's title, or a link back.
    pub tagline: Html,
    /// Buttons after the language switch, in its group (the workshop's fullscreen and QR).
    pub tools: Html,
    /// The page's navigation, if it has one.
    pub nav: Html,
}

/// Every page's header: the skip link, the name and the line under it, the language switch, and
/// the page's navigation. A function, not a component, and its class written out, not passed:
/// measured, a component made a page's wasm up to 2 KB gzip larger, and a class from a value
/// (Yew's `Classes`, a hash set) about 1.5 KB.
pub fn site_header(p: HeaderParts<'_>) -> Html {
    let t = p.lang.texts();
    html! {
        <>
            <a class="skip-link" href="#main">{ t.skip_to_content }</a>
            <header class="site-header">
                <div class="brand">
                    <p class="app-name">{ p.name }</p>
                    <p class="tagline">{ p.tagline }</p>
                </div>
                { lang_switch(p.lang, p.on_lang, p.tools) }
                { p.nav }
            </header>
        </>
    }
}

/// The app's header: the logo, the name and purpose, and a link to each view.
pub fn app_header(lang: Lang, view: View, on_lang: &Callback<Lang>, on_view: &Callback<View>) -> Html {
    let t = lang.texts();
    site_header(HeaderParts {
        lang,
        on_lang,
        name: html! {
            <>
                <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <circle cx="16" cy="16" r="14" class="logo-ring" />
                    <path d="M16 2 A14 14 0 0 1 17 2.04 L16 16 Z" class="logo-slice" />
                </svg>
                { t.app_name }
            </>
        },
        tagline: html! { t.tagline },
        tools: Html::default(),
        nav: html! {
            <nav class="main-nav" aria-label={t.nav_label}>
                <ul>
                    { for View::ALL.into_iter().map(|v| html! {
                        <li>
                            { view_link(lang, v, v == view, on_view) }
                        </li>
                    }) }
                </ul>
            </nav>
        },
    })
}

/// The header of a page beside the app (compare, ballots, embed): the name leading back to the app
/// (`home`, the app's address `./?...`) and the page's title under it.
pub fn page_header(lang: Lang, home: String, title: &'static str, on_lang: &Callback<Lang>) -> Html {
    site_header(HeaderParts {
        lang,
        on_lang,
        name: html! { <a href={home}>{ lang.texts().app_name }</a> },
        tagline: html! { title },
        tools: Html::default(),
        nav: Html::default(),
    })
}

/// The language switch of every page's header: a pressed button per language, and after them
/// `extra` (the workshop's fullscreen and QR buttons).
pub fn lang_switch(current: Lang, on_lang: &Callback<Lang>, extra: Html) -> Html {
    html! {
        <div class="lang-switch" role="group" aria-label={current.texts().language_switch_label}>
            { for Lang::ALL.into_iter().map(|l| html! {
                <button type="button" lang={l.code()} aria-pressed={(l == current).to_string()}
                    onclick={on_lang.reform(move |_: MouseEvent| l)}>
                    { l.texts().language_name }
                </button>
            }) }
            { extra }
        </div>
    }
}
