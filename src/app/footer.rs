//! The page footer: "How it works", "Sources" and the privacy promise.

use yew::prelude::*;

use super::state::View;
use super::view_link::view_link;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub lang: Lang,
    pub on_view: Callback<View>,
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let t = props.lang.texts();
    html! {
        <footer class="site-footer">
            <ul class="footer-links" aria-label={t.footer_label}>
                <li>{ view_link(props.lang, View::How, false, &props.on_view) }</li>
                <li>{ view_link(props.lang, View::Sources, false, &props.on_view) }</li>
                <li><a href={format!("workshop.html?lang={}", props.lang.code())}>{ t.workshop }</a></li>
            </ul>
            <p>{ t.footer_privacy }</p>
        </footer>
    }
}
