//! In-browser tests (wasm-bindgen-test in headless Chromium): the app mounts, and the language
//! switch re-renders it. Run with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use onepercent::app::state::{AppState, View};
use onepercent::app::{App, AppProps};
use onepercent::i18n::{Lang, DA, EN};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Let Yew's scheduler and the browser run (a macrotask).
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn mount(initial: AppState) -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let views = yew::Callback::from(onepercent::app::main_views);
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { initial, page: "", views }).render();
    root
}

fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_mounts_in_english() {
    let root = mount(AppState { lang: Lang::En, view: View::Overview, ..AppState::default() });
    tick().await;
    let t = text(&root);
    assert!(t.contains(EN.tagline), "English tagline missing in: {t}");
    assert!(t.contains(EN.overview_title));
    assert!(!t.contains(DA.tagline));
}

#[wasm_bindgen_test]
async fn language_switch_re_renders_in_danish() {
    let root = mount(AppState { lang: Lang::En, view: View::How, ..AppState::default() });
    tick().await;
    assert!(text(&root).contains(EN.how_title));
    let da_button = root
        .query_selector("button[lang='da']")
        .unwrap()
        .expect("a Danish button in the language switch")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    da_button.click();
    tick().await;
    let t = text(&root);
    assert!(t.contains(DA.tagline), "Danish tagline missing after switch: {t}");
    assert!(t.contains(DA.how_title));
    assert!(!t.contains(EN.tagline));
    assert_eq!(da_button.get_attribute("aria-pressed").as_deref(), Some("true"));
    let html_lang = web_sys::window().unwrap().document().unwrap().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("da"));
}

/// Same seed, same bands: the browser's Monte Carlo is bit for bit the native one (the checksum the
/// native test `monte_carlo_bands_match_the_recorded_checksum` also checks).
#[wasm_bindgen_test]
fn monte_carlo_bands_are_the_native_ones() {
    use onepercent::model::montecarlo::{checksum, monte_carlo};
    use onepercent::model::Scenario;
    let recorded: u64 = include_str!("fixtures/mc-checksum.txt")
        .lines()
        .find(|l| !l.starts_with('#'))
        .and_then(|l| l.trim().parse().ok())
        .expect("a number in tests/fixtures/mc-checksum.txt");
    assert_eq!(checksum(&monte_carlo(&Scenario::default(), 200)), recorded);
}

/// The panic screen: a readable message in the page's language and a reload link, not a blank page.
#[wasm_bindgen_test]
fn the_panic_screen_is_readable_and_offers_a_reload() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let html = doc.document_element().unwrap();
    for (lang, texts) in [("da", &DA), ("en", &EN)] {
        html.set_attribute("lang", lang).unwrap();
        let root = doc.create_element("div").unwrap();
        root.set_text_content(Some("the app was here"));
        onepercent::web::show_fatal_error_in(&root, "index out of bounds");
        let alert = root.query_selector("[role=alert]").unwrap().expect("an alert");
        let text = alert.text_content().unwrap();
        assert!(text.contains(texts.panic_title) && text.contains(texts.panic_body), "{text}");
        assert!(!root.text_content().unwrap().contains("the app was here"));
        let link = alert.query_selector("a").unwrap().expect("a reload link");
        assert_eq!(link.text_content().as_deref(), Some(texts.panic_reload));
        assert!(link.get_attribute("href").is_some_and(|h| h.starts_with("http")));
    }
}
