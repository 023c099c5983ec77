//! "How it works": the method in plain language.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct HowProps {
    pub lang: Lang,
}

#[component]
pub fn How(props: &HowProps) -> Html {
    let t = props.lang.texts();
    html! {
        <article class="prose">
            <h1>{ t.how_title }</h1>
            { for t.how_paragraphs.iter().map(|p| html! { <p>{ *p }</p> }) }
        </article>
    }
}
