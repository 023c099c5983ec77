//! The embed page's entry point (embed.html): the editor's page that writes the iframe snippet. A page
//! of its own, with its own audience and size budget (see ARCHITECTURE.md).

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
        onepercent::web::start(onepercent::app::start::embed);
    }
}

#[cfg(target_arch = "wasm32")]
onepercent::monte_carlo_worker!();

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("onepercent-embed runs in a browser: use `make serve` and open embed.html.");
    std::process::exit(2);
}
