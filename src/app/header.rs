//! The page headers: name, purpose, language switch and navigation; and the language switch every
//! page's header shows.

use yew::prelude::*;

use super::state::View;
use super::view_link::ViewLink;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub view: View,
    pub on_lang: Callback<Lang>,
    pub on_view: Callback<View>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let t = props.lang.texts();
    html! {
        <header class="site-header">
            <div class="brand">
                <p class="app-name">
                    <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                        <circle cx="16" cy="16" r="14" class="logo-ring" />
                        <path d="M16 2 A14 14 0 0 1 17 2.04 L16 16 Z" class="logo-slice" />
                    </svg>
                    { t.app_name }
                </p>
                <p class="tagline">{ t.tagline }</p>
            </div>
            { lang_switch(props.lang, &props.on_lang, Html::default()) }
            <nav class="main-nav" aria-label={t.nav_label}>
                <ul>
                    { for View::ALL.into_iter().map(|v| html! {
                        <li>
                            <ViewLink lang={props.lang} view={v} current={v == props.view}
                                on_view={props.on_view.clone()} />
                        </li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    pub lang: Lang,
    /// Where the name leads: the app's address (`./?...`).
    pub home: AttrValue,
    /// The line under the name: the page's title.
    pub tagline: AttrValue,
    pub on_lang: Callback<Lang>,
}

/// The header of a page beside the app (ballots, embed): the skip link, the name leading back to
/// the app, the page's title, and the language switch.
#[component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    let t = props.lang.texts();
    html! {
        <>
            <a class="skip-link" href="#main">{ t.skip_to_content }</a>
            <header class="site-header">
                <div class="brand">
                    <p class="app-name"><a href={props.home.clone()}>{ t.app_name }</a></p>
                    <p class="tagline">{ props.tagline.clone() }</p>
                </div>
                { lang_switch(props.lang, &props.on_lang, Html::default()) }
            </header>
        </>
    }
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
