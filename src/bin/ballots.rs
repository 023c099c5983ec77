//! The ballots page's entry point (ballots.html): voting rules on real ballots. A page of its own,
//! with its own audience and its own size budget (see ARCHITECTURE.md).

// Not the small allocator of the other pages (src/bin/web.rs): its free list is searched from the
// start for every allocation, and a file of a million ballots (a million small rows) made each
// piece of reading take seconds. The standard allocator keeps reading and counting linear.

#[cfg(target_arch = "wasm32")]
fn main() {
    onepercent::web::start(onepercent::app::start::ballots);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("onepercent-ballots runs in a browser: use `make serve` and open ballots.html.");
    std::process::exit(2);
}
