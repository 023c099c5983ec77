//! "Sources": where the model's defaults come from, listed from the parameter table (one source of
//! truth with the sliders' "About this figure").

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::params::{Source, PARAMS};

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub lang: Lang,
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let t = props.lang.texts();
    let mut cited: Vec<&str> = Vec::new();
    for p in &PARAMS {
        if let Source::Cited(s) = p.source {
            let s = s[props.lang.index()];
            if !cited.contains(&s) {
                cited.push(s);
            }
        }
    }
    html! {
        <article class="prose">
            <h1>{ t.sources_title }</h1>
            <p>{ t.sources_intro }</p>
            <ul class="sources">
                { for cited.iter().map(|s| html! { <li>{ *s }</li> }) }
            </ul>
        </article>
    }
}
