//! The ballots page's entry point (ballots.html): voting rules on real ballots. A page of its own,
//! with its own audience and its own size budget (see ARCHITECTURE.md).

/// The same small allocator as the main page (see src/bin/web.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the browser build has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    onepercent::web::start_ballots();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("onepercent-ballots runs in a browser: use `make serve` and open ballots.html.");
    std::process::exit(2);
}
