//! Monte Carlo: N runs, each drawing every uncertain parameter from a triangular distribution over
//! its uncertainty range (moved with the user's value), scenario and baseline on the same draws.
//! Percentile bands summarise the runs.

use super::casework::Inputs;
use super::params::{N_PARAMS, PARAMS};
use super::rng::{triangular, SplitMix64};
use super::run::{run_inputs, Outcome, Payback};
use super::scenario::Scenario;

/// Most runs allowed.
pub const MAX_RUNS: usize = 10_000;

/// The uncertainty range of parameter `i` around value `v`: the table's range, scaled with the
/// value when the user moved it away from the default, kept within the allowed range.
pub fn range_around(i: usize, v: f64) -> Option<(f64, f64)> {
    let spec = &PARAMS[i];
    let (lo, hi) = spec.uncertainty?;
    let (lo, hi) = if v == spec.default || spec.default == 0.0 {
        (lo, hi)
    } else {
        (v * lo / spec.default, v * hi / spec.default)
    };
    Some((lo.clamp(spec.min, v), hi.clamp(v, spec.max)))
}

/// The values of run `run`: one uniform draw per uncertain parameter, in table order.
pub fn draw(s: &Scenario, run: u64) -> Scenario {
    let mut rng = SplitMix64::for_run(s.seed, run);
    let mut values: [f64; N_PARAMS] = *s.values();
    for (i, v) in values.iter_mut().enumerate() {
        if let Some((lo, hi)) = range_around(i, *v) {
            *v = triangular(rng.next_f64(), lo, *v, hi);
        }
    }
    Scenario::with_values(values, s.seed)
}

/// Percentiles of one quantity across runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Band {
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
}

impl Band {
    /// Percentiles (nearest rank on sorted values) of `xs`; sorts `xs`.
    pub fn of(xs: &mut [f64]) -> Band {
        if xs.is_empty() {
            return Band::default();
        }
        xs.sort_by(f64::total_cmp);
        let q = |p: f64| xs[((p * (xs.len() - 1) as f64).round() as usize).min(xs.len() - 1)];
        Band { p10: q(0.10), p25: q(0.25), p50: q(0.50), p75: q(0.75), p90: q(0.90) }
    }
}

/// The Monte Carlo summary.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Summary {
    pub runs: usize,
    pub seed: u64,
    pub net_saving: Band,
    /// Payback month among the runs that pay back within the horizon.
    pub payback_month: Band,
    /// Share of runs that pay back within the horizon.
    pub payback_share: f64,
    pub trust: Band,
    pub trust_baseline: Band,
    pub overturns_per_year: Band,
    /// Per month: cumulative net saving.
    pub cumulative_saving: Vec<Band>,
    /// Per month: trust in the scenario.
    pub trust_by_month: Vec<Band>,
}

/// Run `runs` draws (at least 1, at most [`MAX_RUNS`]).
pub fn monte_carlo(s: &Scenario, runs: usize) -> Summary {
    let runs = runs.clamp(1, MAX_RUNS);
    let outcomes: Vec<Outcome> = (0..runs as u64).map(|r| run_inputs(&Inputs::from_scenario(&draw(s, r)))).collect();
    let col = |f: &dyn Fn(&Outcome) -> f64| Band::of(&mut outcomes.iter().map(f).collect::<Vec<_>>());
    let net_saving = col(&|o| o.headline.net_saving);
    let trust = col(&|o| o.headline.trust[0]);
    let trust_baseline = col(&|o| o.headline.trust[1]);
    let overturns_per_year = col(&|o| o.headline.overturns_per_year[0]);
    let mut months: Vec<f64> = outcomes
        .iter()
        .filter_map(|o| match o.headline.payback {
            Payback::Month(m) => Some(m as f64),
            _ => None,
        })
        .collect();
    let payback_share = months.len() as f64 / runs as f64;
    let horizon = outcomes[0].scenario.len();
    let by_month = |f: &dyn Fn(&Outcome, usize) -> f64| {
        (0..horizon).map(|t| Band::of(&mut outcomes.iter().map(|o| f(o, t)).collect::<Vec<_>>())).collect()
    };
    Summary {
        runs,
        seed: s.seed,
        net_saving,
        payback_month: Band::of(&mut months),
        payback_share,
        trust,
        trust_baseline,
        overturns_per_year,
        cumulative_saving: by_month(&|o, t| o.cumulative_saving[t]),
        trust_by_month: by_month(&|o, t| o.scenario[t].trust),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bands_other_seed_other_bands() {
        let s = Scenario::default();
        let a = monte_carlo(&s, 50);
        assert_eq!(a, monte_carlo(&s, 50));
        let mut t = s.clone();
        t.seed = 99;
        assert_ne!(a.net_saving, monte_carlo(&t, 50).net_saving);
    }

    #[test]
    fn bands_are_ordered() {
        let m = monte_carlo(&Scenario::default(), 100);
        for b in
            [m.net_saving, m.trust, m.overturns_per_year].iter().chain(&m.cumulative_saving).chain(&m.trust_by_month)
        {
            assert!(b.p10 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p90, "{b:?}");
        }
    }

    #[test]
    fn draws_stay_within_the_allowed_ranges() {
        let s = Scenario::default();
        for r in 0..500 {
            let d = draw(&s, r);
            for (i, spec) in PARAMS.iter().enumerate() {
                let v = d.values()[i];
                assert!(v >= spec.min && v <= spec.max, "{} = {v}", spec.key);
            }
        }
    }
}
