//! "Sources": where the model's defaults come from.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub lang: Lang,
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let t = props.lang.texts();
    html! {
        <article class="prose">
            <h1>{ t.sources_title }</h1>
            <p>{ t.sources_intro }</p>
            <ul class="sources">
                { for t.sources.iter().map(|s| html! { <li>{ *s }</li> }) }
            </ul>
        </article>
    }
}
