//! The ballots page's helpers: up to two web workers (`assets/add1-worker.js`, as many as the
//! machine runs at once) that count the blocks of shares of an MES add1 counting
//! ([`crate::ballots::add1`]), every other block each, while the page only reads their verdicts
//! and paints. They run this page's own compiled wasm (sent, not downloaded again). If they cannot
//! start or fail on the way, the page counts by itself, as it did before them.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ballots::rules::Add1Job;

struct Helpers {
    workers: Vec<web_sys::Worker>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut()>,
}

/// Where the blocks of the newest request go: its number and the page's reader.
type Listener = Option<(u32, Box<dyn FnMut(Option<Vec<f64>>)>)>;

thread_local! {
    /// `None`: not tried yet; `Some(None)`: they cannot run here (the page counts by itself).
    static HELPERS: RefCell<Option<Option<Helpers>>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Listener> = const { RefCell::new(None) };
    static NEWEST: Cell<u32> = const { Cell::new(0) };
}

/// Any helper failed (could not start, load the module or read a request): stop them all for
/// good and tell the newest request's reader (`None`), which counts by itself from there.
fn failed() {
    if let Some(Some(h)) = HELPERS.with(|h| h.borrow_mut().replace(None)) {
        h.workers.iter().for_each(web_sys::Worker::terminate);
        // Its closures may be the caller: leave them be (once per page at most).
        std::mem::forget(h);
    }
    if let Some((_, mut read)) = LISTENER.with(|l| l.borrow_mut().take()) {
        read(None);
    }
}

/// A block from a helper, `[request, block, countings, verdicts…]`: to the reader if it is the
/// newest request's. (The reader is taken out while it reads: it may start a newer request.)
fn on_block(numbers: Vec<f64>) {
    let id = numbers.first().copied().unwrap_or(-1.0);
    let newest = |l: &Listener| l.as_ref().is_some_and(|(n, _)| *n as f64 == id);
    let Some((n, mut read)) = LISTENER.with(|l| {
        let mut l = l.borrow_mut();
        if newest(&l) {
            l.take()
        } else {
            None
        }
    }) else {
        return;
    };
    read(Some(numbers));
    LISTENER.with(|l| {
        let mut l = l.borrow_mut();
        if l.is_none() && NEWEST.with(Cell::get) == n {
            *l = Some((n, read));
        }
    });
}

fn start() -> Option<Helpers> {
    let threads = web_sys::window()?.navigator().hardware_concurrency();
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        match e.data().dyn_into::<js_sys::Float64Array>() {
            Ok(numbers) => on_block(numbers.to_vec()),
            Err(_) => failed(),
        }
    });
    let on_error = Closure::<dyn FnMut()>::new(failed);
    let hello =
        js_sys::Array::of2(&crate::web::GLUE_URL.with(|u| wasm_bindgen::JsValue::from_str(u)), &wasm_bindgen::module());
    let mut workers = Vec::new();
    for _ in 0..if threads >= 2.0 { 2 } else { 1 } {
        let w = web_sys::Worker::new_with_options("add1-worker.js", &options).ok()?;
        w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        w.post_message(&hello).ok()?;
        workers.push(w);
    }
    Some(Helpers { workers, _on_message: on_message, _on_error: on_error })
}

/// Whether helpers may run here (not yet tried, or running).
pub fn available() -> bool {
    HELPERS.with(|h| !matches!(*h.borrow(), Some(None)))
}

/// Helpers counting a request; dropping it stops them (its blocks are no longer wanted).
pub struct Helping(u32);

impl Drop for Helping {
    fn drop(&mut self) {
        if NEWEST.with(Cell::get) != self.0 {
            return; // a newer request has already stopped this one
        }
        NEWEST.with(|n| n.set(n.get().wrapping_add(1)));
        LISTENER.with(|l| *l.borrow_mut() = None);
        // A number: stop.
        HELPERS.with(|h| {
            if let Some(Some(h)) = h.borrow().as_ref() {
                h.workers.iter().for_each(|w| drop(w.post_message(&wasm_bindgen::JsValue::from(0))));
            }
        });
    }
}

/// Hand `job` to the helpers, every other block to each. `read` gets each block's numbers
/// (`[request, block, countings, verdicts…]`, the verdicts as [`crate::ballots::add1::Verdict`]
/// codes), or `None` once if the helpers fail on the way. `None` at once when this browser cannot
/// run them.
pub fn help(job: &Add1Job, read: impl FnMut(Option<Vec<f64>>) + 'static) -> Option<Helping> {
    let id = NEWEST.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let sent = HELPERS.with(|h| {
        let mut h = h.borrow_mut();
        let helpers = h.get_or_insert_with(start).as_ref()?;
        let stride = helpers.workers.len();
        helpers.workers.iter().enumerate().try_for_each(|(first, w)| {
            let (numbers, ids) = job.wire(first, stride);
            let request = js_sys::Array::of3(
                &wasm_bindgen::JsValue::from(id),
                &js_sys::Float64Array::from(&numbers[..]),
                &js_sys::Uint32Array::from(&ids[..]),
            );
            w.post_message(&request).ok()
        })
    });
    if sent.is_none() {
        failed();
        return None;
    }
    LISTENER.with(|l| *l.borrow_mut() = Some((id, Box::new(read))));
    Some(Helping(id))
}
