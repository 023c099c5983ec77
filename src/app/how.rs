//! "How it works": the method in one paragraph, and links to the static pages that say the rest
//! (`how.<lang>.html`, `fit.<lang>.html`, `sources.<lang>.html`, written at build time).

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
            // Static pages written at build time by the command line (no wasm cost).
            <ul>
                <li><a href={format!("how.{}.html", props.lang.code())}>{ t.how_more_link }</a></li>
                <li><a href={format!("fit.{}.html", props.lang.code())}>{ t.how_fit_link }</a></li>
                <li><a href={format!("sources.{}.html", props.lang.code())}>{ t.sources_link }</a></li>
            </ul>
        </article>
    }
}
