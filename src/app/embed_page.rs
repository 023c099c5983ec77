//! The embed page (embed.html, its own wasm): the editor's page. Opened from the app with the
//! scenario's link, it writes the iframe snippet for what to show and a size, copies it, and
//! previews exactly that iframe. Its words and the snippet come from [`crate::embed`].

use yew::prelude::*;

use super::state::View;
use crate::embed::{self, SIDE, SIZES};
use crate::embed::{embed_choices, embed_title};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub lang: Lang,
    /// The app's query (the scenario, its view and settings), without `embed`.
    pub query: String,
}

#[component]
pub fn EmbedPage(props: &EmbedProps) -> Html {
    let lang = use_state(|| props.lang);
    let l = *lang;
    let t = embed::texts(l);
    let app = l.texts();
    // (what, size choice, custom width, custom height) in one state.
    let state = use_state(|| (0usize, 1usize, 640u32, 720u32));
    // The outcome of the last copy: None, Some(true) copied, Some(false) refused (said in the
    // page's language, also after a switch).
    let status = use_state(|| None::<bool>);
    let (what, size, cw, ch) = *state;
    let decoded = crate::share::decode(&props.query);
    let view = View::parse(decoded.setting("view").unwrap_or("")).unwrap_or(View::Casework);
    let choices = embed_choices(view);
    let id = choices[what.min(choices.len() - 1)];
    let (w, h) = SIZES.get(size).copied().unwrap_or((cw, ch));
    let query = embed::in_language(&props.query, l);
    let src = crate::web::sibling_url("embed.html", &format!("{query}&embed={}", id.key()));
    let title = format!("One Percent – {}", embed_title(id, l));
    let snippet = embed::snippet(&src, w, h, &title);
    {
        let q = query.clone();
        use_effect_with((l, q), |(lang, q)| {
            crate::web::set_query(q);
            crate::web::set_document(*lang, &format!("{} – {}", embed::texts(*lang).title, lang.texts().app_name));
        });
    }
    // One handler for the four fields: which field, and its new value.
    let set = |field: usize| set_field(state.clone(), field);
    let on_copy = copy_snippet(status.clone(), snippet.clone());
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |to: Lang| {
            crate::web::remember_lang(to);
            lang.set(to);
        })
    };
    html! {
        <>
            { super::header::page_header(l, format!("./?{query}"), t.title, &on_lang) }
            <main id="main" tabindex="-1" class="embed-page">
                <h1>{ t.title }</h1>
                <p class="lead">{ t.intro }</p>
                <div class="embed-dialog">
                    <label for="embed-what">{ t.what }</label>
                    <select id="embed-what" onchange={set(0)}>
                        { for choices.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={i == what}>{ embed_title(*c, l) }</option>
                        }) }
                    </select>
                    <label for="embed-size">{ t.size }</label>
                    <select id="embed-size" onchange={set(1)}>
                        { for t.sizes.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == size}>{ *s }</option>
                        }) }
                    </select>
                    if size == SIZES.len() {
                        { side_field(set(2), "embed-width", t.width, cw) }
                        { side_field(set(3), "embed-height", t.height, ch) }
                    }
                    <label for="embed-code">{ t.code }</label>
                    <textarea id="embed-code" readonly=true rows="4" value={snippet} />
                    <p class="file-actions">
                        <button type="button" class="button" onclick={on_copy}>{ t.copy }</button>
                        <a class="button-secondary" href={format!("./?{query}")}>{ t.back }</a>
                    </p>
                    <p class="status" role="status">{ status.map_or("", |ok| if ok { t.copied } else { t.copy_failed }) }</p>
                    <p class="hint">{ t.png_hint }</p>
                </div>
                <h2 id="embed-preview-label">{ t.preview }</h2>
                // Scrolls when wider than the page, so it takes the focus (keyboard users can scroll it).
                <div class="embed-preview" tabindex="0" role="region" aria-labelledby="embed-preview-label">
                    <iframe {src} width={w.to_string()} height={h.to_string()} {title}></iframe>
                </div>
            </main>
            <footer class="site-footer"><p>{ app.footer_privacy }</p></footer>
        </>
    }
}

/// One handler for the four fields (what, size, custom width, custom height): which field, and
/// its new value; a custom side is kept within [`SIDE`].
fn set_field(state: UseStateHandle<(usize, usize, u32, u32)>, field: usize) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let v: u32 = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse().unwrap_or(0);
        let mut s = *state;
        match field {
            0 => s.0 = v as usize,
            1 => s.1 = v as usize,
            2 => s.2 = v.clamp(SIDE.0, SIDE.1),
            _ => s.3 = v.clamp(SIDE.0, SIDE.1),
        }
        state.set(s);
    })
}

/// Copy the snippet; whether the browser allowed it is said.
fn copy_snippet(status: UseStateHandle<Option<bool>>, snippet: String) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let (status, snippet) = (status.clone(), snippet.clone());
        wasm_bindgen_futures::spawn_local(async move {
            status.set(Some(crate::web::copy_text(&snippet).await));
        });
    })
}

/// A custom width or height, in pixels.
fn side_field(onchange: Callback<Event>, id: &'static str, label: &'static str, value: u32) -> Html {
    html! {
        <>
            <label for={id}>{ label }</label>
            <input {id} type="number" min={SIDE.0.to_string()} max={SIDE.1.to_string()} step="10"
                value={value.to_string()} {onchange} />
        </>
    }
}
