//! The browser entry point: Trunk builds this binary to WebAssembly. It only starts the app.

/// A small free-list allocator instead of the default dlmalloc: about 3 KB (gzip) less to download.
/// The app is single-threaded (no wasm threads), which `AssumeSingleThreaded` relies on.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the browser build has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    // In the Monte Carlo worker the same module starts with no page to mount.
    if onepercent::web::in_page() {
        onepercent::web::start(onepercent::app::start::app);
    }
}

#[cfg(target_arch = "wasm32")]
onepercent::monte_carlo_worker!();

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("onepercent-web runs in a browser: use `make serve`, or `onepercent` on the command line.");
    std::process::exit(2);
}
