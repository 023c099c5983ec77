//! The together page's entry point (together.html): both decisions on one trust stock, the trust
//! ledger and the tornado, with the app's header and state. A page of its own so the app's page
//! stays within its size budget (see ARCHITECTURE.md).

/// The same small allocator as the main page (see src/bin/web.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the browser build has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    // In the Monte Carlo worker the same module starts with no page to mount.
    if onepercent::web::in_page() {
        onepercent::web::start(onepercent::app::start::together);
    }
}

#[cfg(target_arch = "wasm32")]
onepercent::monte_carlo_worker!();

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("onepercent-together runs in a browser: use `make serve` and open together.html.");
    std::process::exit(2);
}
