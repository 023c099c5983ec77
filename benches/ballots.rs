//! Benchmarks of the ballot rules (not timed tests: they print figures and never fail on speed).
//! Run with `make bench` (or `cargo bench --bench ballots`). Elections are the illustrative
//! generator's (`ballots::example`), sized as the issue asks: about 6,500 ballots and 64 projects
//! (a real city district), and 100,000 ballots and 200 projects. Each election is also written to
//! `target/bench-ballots-VOTERS.pb`, so that `make bench-pabutools` times the reference on the
//! same instances.

use std::hint::black_box;
use std::time::Instant;

use onepercent::ballots::example::generate;
use onepercent::ballots::pabulib::{parse, write};
use onepercent::ballots::rules::{count_with, supporters, Rule};

fn median(batches: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..batches)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[batches / 2]
}

fn main() {
    for (voters, projects, batches) in [(6_500, 64, 9), (100_000, 200, 3)] {
        let cost = 300_000.0;
        let pot = projects as f64 * cost / 3.0;
        let e = generate(voters, pot, cost, 7);
        let text = write(&e);
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench-ballots-").to_string() + &format!("{voters}.pb");
        if let Err(err) = std::fs::write(&file, &text) {
            println!("(could not write {file}: {err})");
        }
        println!(
            "ballots: {voters} voters x {} projects ({:.1} MB as .pb, {:.1} approvals per ballot)",
            e.projects.len(),
            text.len() as f64 / 1e6,
            e.votes().iter().map(|&v| v as f64).sum::<f64>() / voters as f64
        );
        let t = median(batches, || {
            black_box(parse(black_box(&text)).expect("reads"));
        });
        println!(
            "  parse:                          {:>9.1} ms   held in {:.1} MB",
            t * 1e3,
            e.voters.bytes() as f64 / 1e6
        );
        let sup = supporters(&e);
        for rule in [Rule::Greedy, Rule::Mes, Rule::MesAdd1, Rule::MesAdd1Greedy] {
            let (mut rounds, mut counted) = (0, 0);
            let t = median(batches, || {
                let o = black_box(count_with(&e, &sup, rule));
                (rounds, counted) = (o.rounds, o.counted);
            });
            let target = match (rule, voters) {
                (Rule::MesAdd1 | Rule::MesAdd1Greedy, 6_500) => "   (target <= 50 ms in Chromium)",
                (Rule::MesAdd1 | Rule::MesAdd1Greedy, _) => "   (target <= 1 s in Chromium)",
                _ => "",
            };
            println!("  {:<16} {:>5} shares, {:>5} countings {:>9.1} ms{target}", rule.key(), rounds, counted, t * 1e3);
        }
    }
}
