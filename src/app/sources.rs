//! "Sources": a link to the static reference page of every parameter with its source and
//! confidence grade (`sources.<lang>.html`, written at build time from the parameter table by the
//! command line, so the texts cost the app's wasm nothing).

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub lang: Lang,
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let t = props.lang.texts();
    let code = props.lang.code();
    html! {
        <article class="prose">
            <h1>{ t.sources_title }</h1>
            <p>{ t.sources_intro }</p>
            <p><a href={format!("sources.{code}.html")}>{ t.sources_link }</a></p>
            <p><a href={format!("fit.{code}.html")}>{ t.how_fit_link }</a></p>
        </article>
    }
}
