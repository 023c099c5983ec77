//! "Sources": what the confidence grades mean, and a link to the static reference page of every
//! parameter with its source (`sources.<lang>.html`, written at build time from the parameter
//! table by the command line, so the texts cost the app's wasm nothing).

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::params::Grade;

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub lang: Lang,
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let t = props.lang.texts();
    let li = props.lang.index();
    html! {
        <article class="prose">
            <h1>{ t.sources_title }</h1>
            <p>{ t.sources_intro }</p>
            <ul>
                { for Grade::ALL.iter().map(|g| html! {
                    <li><span class="grade" data-grade={g.key()}>{ g.short()[li] }</span>{ " " }{ g.label()[li] }</li>
                }) }
            </ul>
            <p><a href={format!("sources.{}.html", props.lang.code())}>{ t.sources_link }</a></p>
            <p><a href={format!("fit.{}.html", props.lang.code())}>{ t.how_fit_link }</a></p>
        </article>
    }
}
