//! The overview: the two questions One Percent answers.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub lang: Lang,
}

#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let t = props.lang.texts();
    html! {
        <article class="prose">
            <h1>{ t.overview_title }</h1>
            <p class="lead">{ t.overview_intro }</p>
            <div class="cards">
                <section class="card" aria-labelledby="q-pb">
                    <h2 id="q-pb">{ t.overview_q1_title }</h2>
                    <p>{ t.overview_q1 }</p>
                </section>
                <section class="card" aria-labelledby="q-case">
                    <h2 id="q-case">{ t.overview_q2_title }</h2>
                    <p>{ t.overview_q2 }</p>
                </section>
            </div>
            <p class="note">{ t.overview_status }</p>
        </article>
    }
}
