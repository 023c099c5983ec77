//! Benchmarks of the model (not timed tests: they print figures and never fail on speed).
//! Run with `make bench`. Each figure is the median of its batches; the Monte Carlo's also print the
//! fastest, since this machine's neighbours make one process's median vary by a third from the next.

use std::hint::black_box;
use std::time::Instant;

use onepercent::model::casework::Inputs;
use onepercent::model::montecarlo::{monte_carlo, tornado, Output};
use onepercent::model::sim::simulate;
use onepercent::model::{run, Scenario, P};

/// The median and the fastest time per call of `batches` batches of `iters` calls, after one
/// batch untimed.
fn per_iter(batches: usize, iters: usize, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..iters {
        f();
    }
    let mut times: Vec<f64> = (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed().as_secs_f64() / iters as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[batches / 2], times[0])
}

fn median_per_iter(batches: usize, iters: usize, f: impl FnMut()) -> f64 {
    per_iter(batches, iters, f).0
}

fn main() {
    let mut s = Scenario::default();
    s.set(P::Horizon, 120.0).expect("120 months is allowed");
    let inputs = Inputs::from_scenario(&s);

    let one = median_per_iter(15, 2_000, || {
        black_box(simulate(black_box(&inputs), 0.25, true));
    });
    println!("casework: one 120-month run (scenario only):        {:>9.2} µs", one * 1e6);

    let pair = median_per_iter(15, 1_000, || {
        black_box(run(black_box(&s)));
    });
    println!("casework: scenario + baseline, 120 months:          {:>9.2} µs", pair * 1e6);

    let (mc, fastest) = per_iter(21, 1, || {
        black_box(monte_carlo(black_box(&s), 1_000));
    });
    println!(
        "monte carlo: 1,000 runs x 120 months, all bands:    {:>9.2} ms   (fastest {:.2} ms; target <= 10 ms)",
        mc * 1e3,
        fastest * 1e3
    );

    let mut d = Scenario::default();
    d.set(P::Horizon, 60.0).expect("60 months is allowed");
    let (mc500, fastest) = per_iter(21, 1, || {
        black_box(monte_carlo(black_box(&d), 500));
    });
    println!(
        "monte carlo: 500 runs x 60 months (app default):    {:>9.2} ms   (fastest {:.2} ms)",
        mc500 * 1e3,
        fastest * 1e3
    );

    let tor = median_per_iter(9, 1, || {
        black_box(tornado(black_box(&s), Output::Trust, 10));
    });
    println!("tornado: every uncertain parameter low/high, 120 m: {:>9.2} ms", tor * 1e3);
}
