//! The page footer: "How it works", "Sources" and the privacy promise.

use yew::prelude::*;

use super::state::View;
use super::view_link::ViewLink;
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
                <li><ViewLink lang={props.lang} view={View::How} on_view={props.on_view.clone()} /></li>
                <li><ViewLink lang={props.lang} view={View::Sources} on_view={props.on_view.clone()} /></li>
                <li><a href={format!("workshop.html?lang={}", props.lang.code())}>{ t.workshop }</a></li>
            </ul>
            <p>{ t.footer_privacy }</p>
        </footer>
    }
}
