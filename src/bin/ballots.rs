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

/// The add1 helper's side (`assets/add1-worker.js`, started by the page: src/app/ballots_helpers.rs):
/// `add1_start(id, numbers, ids)` takes a helper's share of an add1 counting
/// ([`onepercent::ballots::rules::Add1Job::from_wire`]; false if the numbers are not one), and
/// `add1_block()` counts its next block: `[id, block, countings, verdict codes…]`, empty when its
/// share is done.
#[cfg(target_arch = "wasm32")]
mod helper {
    use onepercent::ballots::rules::{block_wire, Add1Job};
    use std::cell::RefCell;

    thread_local! {
        static JOB: RefCell<Option<(f64, Add1Job)>> = const { RefCell::new(None) };
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn add1_start(id: f64, numbers: &[f64], ids: &[u32]) -> bool {
        let job = Add1Job::from_wire(numbers, ids);
        let ok = job.is_some();
        JOB.with(|j| *j.borrow_mut() = job.map(|job| (id, job)));
        ok
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn add1_block() -> Vec<f64> {
        JOB.with(|j| {
            let mut j = j.borrow_mut();
            let Some((id, job)) = j.as_mut() else { return Vec::new() };
            let before = job.counted();
            match job.next_block() {
                Some((block, verdicts)) => block_wire(*id, block, job.counted() - before, &verdicts),
                None => {
                    *j = None;
                    Vec::new()
                }
            }
        })
    }
}
