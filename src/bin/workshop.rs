//! The workshop page's entry point (workshop.html): presenter mode, stories, predict-then-reveal
//! and the group board. A page of its own, so the app's download stays within the size budget.

/// The same small allocator as the app (see src/bin/web.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the browser build has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    onepercent::web::start(onepercent::app::start::workshop);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("onepercent-workshop runs in a browser: use `make serve` and open workshop.html.");
    std::process::exit(2);
}
