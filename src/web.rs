//! The browser glue: the only module (with `app`) that touches `web_sys`. It reads the URL, the
//! stored preferences and the browser's languages, writes the document's `lang`, title and URL,
//! installs the panic screen and mounts the app. Every call tolerates a missing or failing browser
//! API: a blocked storage or an odd URL must never stop the app.

use wasm_bindgen::JsCast;
use web_sys::{Document, Storage, Window};

use crate::i18n::Lang;
use crate::state::AppState;

/// The storage key of the remembered language.
pub const LANG_KEY: &str = "onepercent.lang";

fn window() -> Option<Window> {
    web_sys::window()
}

fn document() -> Option<Document> {
    window()?.document()
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if let Some(l) = nav.language() {
        tags.push(l);
    }
    tags
}

fn local_storage() -> Option<Storage> {
    // `local_storage()` throws when storage is blocked (for example in some iframes).
    window()?.local_storage().ok().flatten()
}

/// Read a stored string; `None` when absent or storage is unavailable.
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Remember the chosen language. A full or blocked storage only means it is not remembered, which
/// is logged, not shown: the language switch itself still works.
pub fn remember_lang(lang: Lang) {
    let ok = local_storage().is_some_and(|s| s.set_item(LANG_KEY, lang.code()).is_ok());
    if !ok {
        web_sys::console::warn_1(&"One Percent: could not remember the language (storage unavailable)".into());
    }
}

/// Set the document's `lang` attribute and title.
pub fn set_document(lang: Lang, title: &str) {
    let Some(doc) = document() else { return };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    doc.set_title(title);
}

/// The query of the address (without `?`).
pub fn current_query() -> String {
    let search = window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_string()
}

/// Put `query` in the address bar without a reload or a new history entry (the hash is kept).
pub fn set_query(query: &str) {
    let Some(win) = window() else { return };
    if current_query() == query {
        return;
    }
    let hash = win.location().hash().unwrap_or_default();
    if let Ok(history) = win.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{query}{hash}")));
    }
}

/// The app's absolute address with `query`: what "Copy link" copies and embed snippets point to.
pub fn app_url(query: &str) -> String {
    let loc = window().map(|w| w.location());
    let origin = loc.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = loc.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    format!("{origin}{path}?{query}")
}

/// Copy text to the clipboard; `false` when the browser refuses (the caller says how to copy by
/// hand).
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else { return false };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Offer `text` as a file download (a `data:` link clicked once; nothing leaves the machine).
pub fn download_text(filename: &str, mime: &str, text: &str) {
    let encoded: String = js_sys::encode_uri_component(text).into();
    download_url(filename, &format!("data:{mime};charset=utf-8,{encoded}"));
}

fn download_url(filename: &str, url: &str) {
    let Some(doc) = document() else { return };
    let Ok(a) = doc.create_element("a") else { return };
    let _ = a.set_attribute("href", url);
    let _ = a.set_attribute("download", filename);
    if let (Some(body), Ok(a)) = (doc.body(), a.dyn_into::<web_sys::HtmlElement>()) {
        let _ = body.append_child(&a);
        a.click();
        a.remove();
    }
}

/// Ask for a line of text (the browser's own dialog); `None` when cancelled or unavailable.
pub fn prompt(question: &str, default: &str) -> Option<String> {
    window()?.prompt_with_message_and_default(question, default).ok().flatten()
}

/// Ask the user to confirm (the browser's own dialog); `false` when it cannot be shown.
pub fn confirm(question: &str) -> bool {
    window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// The storage key of the saved scenarios, and the prefix under which unreadable data is kept.
pub const SAVED_KEY: &str = "onepercent.saved";
const ASIDE_KEY: &str = "onepercent.saved.unreadable";

/// Store the saved scenarios' text. A full storage and a blocked one are told apart, so the message
/// can say what to do.
pub fn store_saved(text: &str) -> Result<(), crate::saved::StoreError> {
    use crate::saved::StoreError;
    let storage = local_storage().ok_or(StoreError::Unavailable)?;
    // Unreadable stored text is only overwritten once a copy of it is kept aside (see load_saved).
    if let Some(old) = stored(SAVED_KEY).filter(|old| crate::saved::Library::load(Some(old)).aside.is_some()) {
        if !(0..50).any(|i| stored(&format!("{ASIDE_KEY}.{i}")).as_deref() == Some(old.as_str())) {
            return Err(StoreError::Full);
        }
    }
    storage.set_item(SAVED_KEY, text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        if name.contains("Quota") {
            StoreError::Full
        } else {
            StoreError::Unavailable
        }
    })
}

/// Read the saved scenarios. Text that cannot be read is copied to a key of its own (never
/// deleted, not copied twice), and everything kept aside so far is returned as `aside` (several
/// pieces separated by a line), so the page can report it and offer it as a download until the user
/// removes it ([`forget_aside`]).
pub fn load_saved() -> crate::saved::Loaded {
    let mut loaded = crate::saved::Library::load(stored(SAVED_KEY).as_deref());
    let key = |i: usize| format!("{ASIDE_KEY}.{i}");
    if let (Some(aside), Some(storage)) = (&loaded.aside, local_storage()) {
        if !(0..50).any(|i| stored(&key(i)).as_deref() == Some(aside.as_str())) {
            if let Some(free) = (0..50).map(key).find(|k| stored(k).is_none()) {
                let _ = storage.set_item(&free, aside);
            }
        }
    }
    let kept: Vec<String> = (0..50).filter_map(|i| stored(&key(i))).collect();
    if !kept.is_empty() {
        loaded.aside = Some(kept.join("\n\n----\n\n"));
    }
    loaded
}

/// Remove the data kept aside by [`load_saved`] (after the user has downloaded it), and the
/// stored list itself when it is the unreadable text.
pub fn forget_aside() {
    if let Some(storage) = local_storage() {
        if crate::saved::Library::load(stored(SAVED_KEY).as_deref()).aside.is_some() {
            let _ = storage.remove_item(SAVED_KEY);
        }
        for i in 0..50 {
            let _ = storage.remove_item(&format!("{ASIDE_KEY}.{i}"));
        }
    }
}

/// Draw a chart with its title, the summary and the source line into a PNG and offer it as a
/// download: for e-mail newsletters, which cannot run scripts.
pub fn download_png(chart: &crate::charts::Chart, title: &str, summary: &str, filename: &str, lang: Lang, width: u32) {
    use plotters::prelude::*;
    let Some(doc) = document() else { return };
    let Some(canvas) = doc.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    let source = format!("{} {}", lang.texts().png_source, app_url(&current_query()));
    let layout = crate::charts::ExportLayout::new(chart, title, summary, &source, width, lang);
    canvas.set_width(layout.width);
    canvas.set_height(layout.height);
    let Some(backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()) else { return };
    let area = backend.into_drawing_area();
    if crate::charts::draw_export(&area, &layout, chart, lang).is_err() {
        web_sys::console::warn_1(&"One Percent: the image could not be drawn".into());
        return;
    }
    if let Ok(url) = canvas.to_data_url() {
        download_url(filename, &url);
    }
}

/// Draw a chart on a canvas, sized to the canvas's CSS box at the device pixel ratio, its text and
/// lines `zoom` times their usual size (larger for a projector). Drawing errors are logged, never
/// raised: a chart that cannot draw leaves its table.
pub fn draw_chart(canvas: &web_sys::HtmlCanvasElement, chart: &crate::charts::Chart, lang: Lang, zoom: f64) {
    let ratio = window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
    let ratio = crate::model::clamp(ratio, 1.0, 3.0);
    let (w, h) = (canvas.client_width().max(1) as f64, canvas.client_height().max(1) as f64);
    // A phone-sized chart keeps the usual size, or its axis labels would overlap.
    // Larger on a projector, as far as the chart's width allows (three charts side by side at
    // 1920 px are about 600 px each).
    let zoom = if w < 480.0 { 1.0 } else { zoom.min(w / 340.0) };
    canvas.set_width((w * ratio).round() as u32);
    canvas.set_height((h * ratio).round() as u32);
    let Some(backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()) else {
        web_sys::console::warn_1(&"One Percent: no 2D canvas for a chart".into());
        return;
    };
    let area = plotters::prelude::IntoDrawingArea::into_drawing_area(backend);
    if chart.draw(&area, lang, ratio * zoom).is_err() {
        web_sys::console::warn_1(&"One Percent: a chart could not be drawn".into());
    }
}

/// The address of another page of the app next to this one (`""` for the app itself, or
/// `"compare.html"`), with `query`: what QR codes and links between pages point to.
pub fn sibling_url(page: &str, query: &str) -> String {
    let loc = window().map(|w| w.location());
    let origin = loc.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = loc.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    format!("{origin}{dir}{page}?{query}")
}

/// Enter full screen, or leave it when already there.
pub fn toggle_fullscreen() {
    let Some(doc) = document() else { return };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}

/// Bring the element with this id into view (the revealed answer, where the room looks).
pub fn show_element(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}

/// A document keydown listener that lives as long as the returned value.
pub struct KeyListener {
    closure: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::KeyboardEvent)>,
}

impl Drop for KeyListener {
    fn drop(&mut self) {
        if let Some(d) = document() {
            let _ = d.remove_event_listener_with_callback("keydown", self.closure.as_ref().unchecked_ref());
        }
    }
}

/// Call `f` with the key of every key press without modifier keys, except in form fields and
/// except Enter or Space on a focused button or link (so typing a guess or pressing a button does
/// not also trigger a shortcut); when `f` returns `true` the key is taken (default prevented).
pub fn on_key(mut f: impl FnMut(&str) -> bool + 'static) -> Option<KeyListener> {
    let closure =
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let tag = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|el| el.tag_name());
            let key = e.key();
            match tag.as_deref() {
                Some("INPUT" | "TEXTAREA" | "SELECT") => return,
                Some("BUTTON" | "A" | "SUMMARY") if key == "Enter" || key == " " => return,
                _ => {}
            }
            if f(&key) {
                e.prevent_default();
            }
        });
    document()?.add_event_listener_with_callback("keydown", closure.as_ref().unchecked_ref()).ok()?;
    Some(KeyListener { closure })
}

/// A window resize listener that lives as long as the returned value.
pub struct Listener {
    closure: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback("resize", self.closure.as_ref().unchecked_ref());
        }
    }
}

/// Call `f` whenever the window is resized, until the returned [`Listener`] is dropped.
pub fn on_resize(f: impl FnMut() + 'static) -> Option<Listener> {
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
    window()?.add_event_listener_with_callback("resize", closure.as_ref().unchecked_ref()).ok()?;
    Some(Listener { closure })
}

/// A fresh master seed from the browser's cryptographic random source (the only randomness the app
/// asks the browser for; the model gets it as a plain number). Falls back to the clock.
pub fn fresh_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let ok =
        window().and_then(|w| w.crypto().ok()).is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if ok {
        u64::from_le_bytes(bytes) >> 11 // 53 bits: exact in JSON readers that use doubles
    } else {
        js_sys::Date::now() as u64
    }
}

/// A pending `setTimeout`, cancelled when dropped (harmless once it has run).
pub struct Timeout {
    id: i32,
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(w) = window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}

/// Call `f` once after `ms` milliseconds, unless the returned [`Timeout`] is dropped first. The
/// closure belongs to JavaScript (freed after it runs), so a callback may schedule the next one.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<Timeout> {
    after_boxed(ms, Box::new(f))
}

/// [`after`] for one closure type: each type handed to `once_into_js` brings its own glue into
/// the wasm (about 200 B gzip), a box's type is the same for every caller.
fn after_boxed(ms: i32, f: Box<dyn FnOnce()>) -> Option<Timeout> {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let id = window()?.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms).ok()?;
    Some(Timeout { id })
}

/// Start a page's app (`start`) in a task of its own, after the one that instantiates the module:
/// the end of the wasm's streamed compilation and the first render (where each function the
/// render calls is compiled on its first call) were one long task on a slow phone (Lighthouse's
/// total blocking time). Kept pending for good (`forget`): dropped, it would be cancelled.
pub fn start(start: fn()) {
    std::mem::forget(after(0, start));
}

/// The page's clock (milliseconds since it opened; 0 without one).
pub fn now() -> f64 {
    window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Work run in slices between paints ([`in_slices`]); dropping it stops the work.
pub struct Slices {
    stop: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Drop for Slices {
    fn drop(&mut self) {
        self.stop.set(true);
    }
}

/// Run `work` until it says it is done (returns `true`), in slices of about `slice_ms`
/// milliseconds with the browser free to paint and answer input in between, so that long work
/// (reading a large file, counting a large election) never freezes the page.
pub fn in_slices(slice_ms: f64, work: impl FnMut() -> bool + 'static) -> Slices {
    let stop = std::rc::Rc::new(std::cell::Cell::new(false));
    next_slice(stop.clone(), slice_ms, Box::new(work));
    Slices { stop }
}

fn next_slice(stop: std::rc::Rc<std::cell::Cell<bool>>, slice_ms: f64, mut work: Box<dyn FnMut() -> bool>) {
    let Some(w) = window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        let clock = window().and_then(|w| w.performance());
        let now = || clock.as_ref().map_or(0.0, |p| p.now());
        let start = now();
        while !stop.get() {
            if work() {
                return;
            }
            if now() - start >= slice_ms {
                next_slice(stop, slice_ms, work);
                return;
            }
        }
    });
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// The Monte Carlo worker (`assets/mc-worker.js`), started once per page and given this page's own
/// compiled wasm module (sent, not downloaded again) and the address of its JavaScript glue.
struct McWorker {
    worker: web_sys::Worker,
    _on_message: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

/// What to do with the answer to the newest request: its id and where the numbers go (`None`: the
/// worker failed, compute here).
type McWaiting = Option<(u32, Box<dyn FnOnce(Option<Vec<f64>>)>)>;

thread_local! {
    /// `None`: not tried yet; `Some(None)`: this browser cannot run it (compute on the page).
    static MC_WORKER: std::cell::RefCell<Option<Option<McWorker>>> = const { std::cell::RefCell::new(None) };
    static MC_WAITING: std::cell::RefCell<McWaiting> = const { std::cell::RefCell::new(None) };
    static MC_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The address of this page's JavaScript glue (the worker imports the same file).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    pub(crate) static GLUE_URL: String;
}

/// The worker gave up (could not start, load the module or read a request): forget it and let
/// the newest request be computed on the page.
fn mc_worker_failed() {
    // `replace(None)` leaves `Some(None)`: this page computes its bands itself from now on.
    if let Some(Some(w)) = MC_WORKER.with(|w| w.borrow_mut().replace(None)) {
        w.worker.terminate();
        // Its closures may be the caller: leave them be (once per page at most).
        std::mem::forget(w);
    }
    if let Some((_, answer)) = MC_WAITING.with(|w| w.borrow_mut().take()) {
        answer(None);
    }
}

fn start_mc_worker() -> Option<McWorker> {
    use wasm_bindgen::closure::Closure;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("mc-worker.js", &options).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        let Ok(numbers) = e.data().dyn_into::<js_sys::Float64Array>() else { return mc_worker_failed() };
        let numbers = numbers.to_vec();
        let id = numbers.first().copied().unwrap_or(-1.0);
        let newest = MC_WAITING.with(|w| w.borrow().as_ref().is_some_and(|(n, _)| *n as f64 == id));
        if let Some((_, answer)) = newest.then(|| MC_WAITING.with(|w| w.borrow_mut().take())).flatten() {
            answer(Some(numbers));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut()>::new(mc_worker_failed);
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let hello = js_sys::Array::of2(&GLUE_URL.with(|u| wasm_bindgen::JsValue::from_str(u)), &wasm_bindgen::module());
    worker.post_message(&hello).ok()?;
    Some(McWorker { worker, _on_message: on_message, _on_error: on_error })
}

/// The worker's side: the entry points `assets/mc-worker.js` calls, for the binaries of the pages
/// that show bands (a macro, so the other pages' wasm does not carry them). `mc_start(request, from,
/// until)` takes a [`crate::model::montecarlo::wire::request`] (false if it is not one) for its runs
/// `from..until` (the lead: from 0, the first half where a second worker takes the rest; the second
/// worker: the rest); `mc_step(n)` runs up to `n` more draws (true when all are done); `mc_merge`
/// takes in the second worker's [`crate::model::montecarlo::wire::part`]; `mc_answer` gives the
/// [`crate::model::montecarlo::wire::answer`] (or a share's part). The draws are
/// [`crate::model::montecarlo::Progress`]'s, so the bands are bit for bit those computed on the page
/// or natively.
#[macro_export]
macro_rules! monte_carlo_worker {
    () => {
        thread_local! {
            static MC_JOB: ::std::cell::RefCell<Option<(u32, $crate::model::montecarlo::Progress)>> =
                const { ::std::cell::RefCell::new(None) };
        }

        /// A request's job: its runs from `from` on (0 for the lead; later for a second worker's
        /// share), stopping before run `until` (the lead leaves the rest to a second worker, or
        /// asks for more than all). False if it is not a request.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mc_start(request: &[f64], from: usize, until: usize) -> bool {
            let job = $crate::model::montecarlo::wire::read_request(request).map(|(id, s, runs)| {
                let mut p = $crate::model::montecarlo::Progress::new(&s, runs, 1.0).share(from, runs);
                p.until(until);
                (id, p)
            });
            let ok = job.is_some();
            MC_JOB.with(|j| *j.borrow_mut() = job);
            ok
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mc_step(runs: usize) -> bool {
            MC_JOB.with(|j| j.borrow_mut().as_mut().is_none_or(|(_, p)| p.step(runs)))
        }

        /// The lead takes in the second worker's part (false if it is not one that fits) and then
        /// every run still left, to run itself.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mc_merge(part: &[f64]) -> bool {
            MC_JOB.with(|j| {
                j.borrow_mut().as_mut().is_some_and(|(id, p)| {
                    let fitted = $crate::model::montecarlo::wire::merge_part(p, *id, part);
                    p.until(p.runs());
                    fitted
                })
            })
        }

        /// The answer: the bands (the lead), or what a second worker observed of its share.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mc_answer() -> Vec<f64> {
            MC_JOB
                .with(|j| j.borrow_mut().take())
                .map(|(id, mut p)| {
                    if p.is_share() {
                        $crate::model::montecarlo::wire::part(id, &p)
                    } else {
                        $crate::model::montecarlo::wire::answer(id, &p.finish())
                    }
                })
                .unwrap_or_default()
        }
    };
}

/// True in a page (false in a worker, which has no window): the binaries start their page only then.
pub fn in_page() -> bool {
    window().is_some()
}

/// A Monte Carlo request waiting for the worker; dropping it (a newer request, or the view going
/// away) means its answer is no longer wanted.
pub struct OffThread(u32);

impl Drop for OffThread {
    fn drop(&mut self) {
        MC_WAITING.with(|w| {
            let mut w = w.borrow_mut();
            if w.as_ref().is_some_and(|(id, _)| *id == self.0) {
                *w = None;
            }
        });
    }
}

/// Run the Monte Carlo of `s` (`runs` draws) in the worker, so the page's main thread only paints.
/// `answer` gets the bands' numbers ([`crate::model::montecarlo::wire::read_answer`]), or `None`
/// if the worker fails on the way (then compute on the page). Returns `None` at once when this
/// browser cannot run the worker. Only the newest request is answered; the worker drops older ones.
pub fn monte_carlo_off_thread(
    s: &crate::model::Scenario,
    runs: usize,
    answer: impl FnOnce(Option<Vec<f64>>) + 'static,
) -> Option<OffThread> {
    let id = MC_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let request = js_sys::Float64Array::from(crate::model::montecarlo::wire::request(id, s, runs).as_slice());
    let sent = MC_WORKER.with(|w| {
        let mut w = w.borrow_mut();
        let worker = w.get_or_insert_with(start_mc_worker).as_ref()?;
        worker.worker.post_message(&request).ok()
    });
    sent?;
    MC_WAITING.with(|w| *w.borrow_mut() = Some((id, Box::new(answer))));
    Some(OffThread(id))
}

/// Mark a moment for performance measurements (`performance.mark`); ignored where unsupported.
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Read a file the user picked as text.
pub async fn read_file_text(file: &web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| "unreadable file".to_string())?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// Work out the state to start from: the link in the address (whatever could be read; the rest is
/// named in a banner) and the language from the link, the stored preference or the browser.
/// Nothing stored is changed by opening a link.
pub fn initial_state() -> AppState {
    let decoded = crate::share::decode(&current_query());
    let lang = Lang::resolve(decoded.setting("lang"), stored(LANG_KEY).as_deref(), &browser_languages());
    AppState::from_link(&decoded, lang)
}

/// Replace the page with a readable message and a reload link. Used by the panic hook, so it
/// builds the DOM by hand and must not panic itself.
pub fn show_fatal_error(detail: &str) {
    if let Some(body) = document().and_then(|d| d.body()) {
        show_fatal_error_in(&body, detail);
    }
}

/// [`show_fatal_error`] inside `root` (whose content it replaces), in the document's language.
pub fn show_fatal_error_in(root: &web_sys::Element, detail: &str) {
    let Some(doc) = document() else { return };
    let lang =
        doc.document_element().and_then(|e| e.get_attribute("lang")).and_then(|l| Lang::parse(&l)).unwrap_or_default();
    let t = lang.texts();
    let build = || -> Option<web_sys::Element> {
        let main = doc.create_element("main").ok()?;
        main.set_class_name("fatal");
        main.set_attribute("role", "alert").ok()?;
        let h1 = doc.create_element("h1").ok()?;
        h1.set_text_content(Some(t.panic_title));
        let p = doc.create_element("p").ok()?;
        p.set_text_content(Some(t.panic_body));
        let a = doc.create_element("a").ok()?;
        a.set_class_name("button");
        let here = window()?.location().href().ok()?;
        a.set_attribute("href", &here).ok()?;
        a.set_text_content(Some(t.panic_reload));
        let details = doc.create_element("pre").ok()?;
        details.set_class_name("fatal-detail");
        details.set_text_content(Some(detail));
        for child in [&h1, &p, &a, &details] {
            main.append_child(child).ok()?;
        }
        Some(main)
    };
    if let Some(main) = build() {
        root.set_text_content(None);
        let _ = root.append_child(&main);
    }
}

/// Install the panic hook: log the panic and show [`show_fatal_error`] instead of a blank page.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&format!("One Percent panicked: {detail}").into());
        show_fatal_error(&detail);
    }));
}

/// Go to `url` (in this tab).
pub fn go(url: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_href(url);
    }
}

/// Open the browser's print dialog.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Take the visitor to `url` in place of this page (no history entry). False without a window.
pub fn replace_page(url: &str) -> bool {
    window().is_some_and(|w| w.location().replace(url).is_ok())
}

/// The element pages mount into (`#app`), if the page has one.
pub fn app_root() -> Option<web_sys::Element> {
    document().and_then(|d| d.get_element_by_id("app"))
}
