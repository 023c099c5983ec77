//! Monte Carlo and sensitivity. Each run draws every uncertain parameter from a triangular
//! distribution over its uncertainty range (moved with the user's value); scenario and baseline
//! share the run's draws. Percentile bands (P10, P25, median, P75, P90) summarise the runs for every
//! headline figure and every charted series. The tornado moves one parameter at a time to the ends
//! of its range.

use super::casework::{Inputs, Tier, Tiers};
use super::params::{ParamSpec, N_PARAMS, P, PARAMS};
use super::rng::{triangular, SplitMix64};
use super::run::{run_inputs, run_summary_into, Outcome, Payback};
use super::scenario::Scenario;

/// Most runs allowed.
pub const MAX_RUNS: usize = 10_000;
/// Runs the app uses unless the user picks another number.
pub const DEFAULT_RUNS: usize = 500;

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
    Some((super::num::clamp(lo, spec.min, v), super::num::clamp(hi, v, spec.max)))
}

/// The values of run `run`: one uniform draw per uncertain parameter, in table order, so the same
/// seed gives the same draws whatever the other values are. `spread` scales every range (1: as in
/// the table; 0: no uncertainty).
pub fn draw(s: &Scenario, run: u64, spread: f64) -> Scenario {
    let mut rng = SplitMix64::for_run(s.seed, run);
    let mut values: [f64; N_PARAMS] = *s.values();
    for (i, v) in values.iter_mut().enumerate() {
        if let Some((lo, hi)) = range_around(i, *v) {
            let u = rng.next_f64();
            *v = triangular(u, *v - spread * (*v - lo), *v, *v + spread * (hi - *v));
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
    /// Nearest-rank percentiles of `xs` (reordered in place; linear time).
    pub fn of(xs: &mut [f64]) -> Band {
        let n = xs.len();
        if n == 0 {
            return Band::default();
        }
        // Selected as integers in `total_cmp` order (the same order, so the same values, at a
        // fraction of the cost of `total_cmp` on every comparison); turned back at the end.
        for x in xs.iter_mut() {
            *x = f64::from_bits(order_key(x.to_bits()));
        }
        let band = Band::of_keys(xs);
        for x in xs.iter_mut() {
            *x = f64::from_bits(order_key(x.to_bits()));
        }
        band
    }

    /// [`Band::of`] on values already turned into [`order_key`]s.
    fn of_keys(xs: &mut [f64]) -> Band {
        let n = xs.len();
        let value = |x: f64| f64::from_bits(order_key(x.to_bits()));
        let rank = |p: f64| ((p * (n - 1) as f64).round() as usize).min(n - 1);
        let (r10, r25, r50, r75, r90) = (rank(0.1), rank(0.25), rank(0.5), rank(0.75), rank(0.9));
        // Select the median, then each quartile within its half, then the deciles within the quarters.
        select(xs, r50);
        let p50 = xs[r50];
        if r25 < r50 {
            select(&mut xs[..r50], r25);
        }
        let p25 = if r25 < r50 { xs[r25] } else { p50 };
        if r75 > r50 {
            select(&mut xs[r50 + 1..], r75 - r50 - 1);
        }
        let p75 = if r75 > r50 { xs[r75] } else { p50 };
        if r10 < r25 {
            select(&mut xs[..r25], r10);
        }
        let p10 = if r10 < r25 { xs[r10] } else { p25 };
        if r90 > r75 {
            select(&mut xs[r75 + 1..], r90 - r75 - 1);
        }
        let p90 = if r90 > r75 { xs[r90] } else { p75 };
        Band { p10: value(p10), p25: value(p25), p50: value(p50), p75: value(p75), p90: value(p90) }
    }

    /// The same value everywhere (one run, or no uncertainty).
    pub fn point(x: f64) -> Band {
        Band { p10: x, p25: x, p50: x, p75: x, p90: x }
    }
}

/// The bits of an `f64` turned so that, read as an `i64`, they sort as `f64::total_cmp` sorts the
/// values (the transformation `total_cmp` itself makes on each comparison). Its own inverse.
#[inline(always)]
fn order_key(bits: u64) -> u64 {
    bits ^ (((bits as i64 >> 63) as u64) >> 1)
}

/// Put the `k`-th smallest key (as `i64`, see [`order_key`]) at `xs[k]`, smaller ones before it and
/// larger ones after: quickselect with a branchless Lomuto partition (the comparison's outcome moves
/// an index instead of taking a branch: random values would make every other branch a
/// misprediction, which cost three times as much as the comparisons), the pivot the median of the
/// first, middle and last key. Written out instead of `select_nth_unstable_by`, whose introselect
/// with its fallbacks costs about 3 KB (gzip) in the browser build; the values at each rank are the
/// same whichever algorithm finds them. (Swapped by hand: `slice::swap` is not inlined at the
/// wasm profile's opt-level z and doubled the time.)
#[allow(clippy::manual_swap)]
fn select(xs: &mut [f64], k: usize) {
    let key = |x: f64| x.to_bits() as i64;
    let (mut lo, mut hi) = (0, xs.len());
    while hi - lo > 1 {
        let (a, m, z) = (lo, lo + (hi - lo) / 2, hi - 1);
        // The median of three to the end, as the pivot.
        let mid = {
            let (ka, km, kz) = (key(xs[a]), key(xs[m]), key(xs[z]));
            if (ka <= km) == (km <= kz) {
                m
            } else if (km <= ka) == (ka <= kz) {
                a
            } else {
                z
            }
        };
        xs.swap(mid, z);
        let pivot = key(xs[z]);
        // Keys below the pivot to the front.
        let mut below = lo;
        for i in lo..z {
            let x = xs[i];
            xs[i] = xs[below];
            xs[below] = x;
            below += usize::from(key(x) < pivot);
        }
        xs.swap(below, z);
        // xs[lo..below] < pivot = xs[below] <= xs[below+1..hi]
        if k < below {
            hi = below;
        } else if k == below {
            return;
        } else {
            lo = below + 1;
            if below == a {
                // The pivot was the smallest key: gather its equals next to it, so that many
                // equal keys (a column of zeros) cannot make every round remove only one.
                let mut equal = lo;
                for i in lo..hi {
                    let x = xs[i];
                    xs[i] = xs[equal];
                    xs[equal] = x;
                    equal += usize::from(key(x) == pivot);
                }
                if k < equal {
                    return;
                }
                lo = equal;
            }
        }
    }
}

/// Payback month on the cash the council books as a number for bands and the tornado: the month,
/// or one past the horizon when it does not pay back within it.
pub fn payback_number(o: &Outcome) -> f64 {
    payback_number_at(o, Tier::Cash)
}

/// [`payback_number`] on any cost tier.
pub fn payback_number_at(o: &Outcome, t: Tier) -> f64 {
    match o.headline.payback.at(t) {
        Payback::Month(m) => *m as f64,
        _ => o.summary.trust.len() as f64 + 1.0,
    }
}

/// How the payback month is spread over **all** runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct PaybackDist {
    /// Shares of all runs (summing to 1): paid back within 6 months, in months 7-12, 13-24, from
    /// month 25 to the horizon, not within the horizon, and runs without any extra time given.
    pub shares: [f64; 6],
    /// Percentiles over the runs that give extra time, "not within the horizon" counted as one
    /// month past it (so a median past the horizon means most runs do not pay back).
    pub month: Band,
    /// The horizon (months), to read `month` against.
    pub horizon: u32,
}

impl PaybackDist {
    /// Which of the six bins of [`PaybackDist::shares`] a payback falls in.
    pub fn bin(p: Payback) -> usize {
        match p {
            Payback::Month(m) if m <= 6 => 0,
            Payback::Month(m) if m <= 12 => 1,
            Payback::Month(m) if m <= 24 => 2,
            Payback::Month(_) => 3,
            Payback::NotWithinHorizon => 4,
            Payback::NoDifference => 5,
        }
    }

    /// Share of all runs that pay back within the horizon.
    pub fn within_horizon(&self) -> f64 {
        self.shares[..4].iter().sum()
    }
}

/// A headline figure with bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// Net saving on the cash the council books.
    NetSaving,
    /// Net saving counting every cost, failure demand and escalation included.
    NetSavingAll,
    Trust,
    TrustBaseline,
    TrustFromCasework,
    TrustFromPb,
    WrongPerYear,
    OverturnsPerYear,
    Waiting,
    TurnoutFirst,
    TurnoutYear3,
    TurnoutLast,
    Reach,
    VolunteerHours,
    ExtraVoters,
    PbSpent,
    RightFirstTime,
    SickLeave,
    Representation,
    RarelyHeardVoters,
    Overdue,
    ProcessCostPerVoter,
}

impl Figure {
    pub const ALL: [Figure; 22] = [
        Figure::NetSaving,
        Figure::NetSavingAll,
        Figure::Trust,
        Figure::TrustBaseline,
        Figure::TrustFromCasework,
        Figure::TrustFromPb,
        Figure::WrongPerYear,
        Figure::OverturnsPerYear,
        Figure::Waiting,
        Figure::TurnoutFirst,
        Figure::TurnoutYear3,
        Figure::TurnoutLast,
        Figure::Reach,
        Figure::VolunteerHours,
        Figure::ExtraVoters,
        Figure::PbSpent,
        Figure::RightFirstTime,
        Figure::SickLeave,
        Figure::Representation,
        Figure::RarelyHeardVoters,
        Figure::Overdue,
        Figure::ProcessCostPerVoter,
    ];

    /// The figure's value in one outcome.
    pub fn of(self, o: &Outcome) -> f64 {
        let h = &o.headline;
        match self {
            Figure::NetSaving => h.net_saving.cash,
            Figure::NetSavingAll => h.net_saving.with_escalation,
            Figure::Trust => h.trust[0],
            Figure::TrustBaseline => h.trust[1],
            Figure::TrustFromCasework => h.trust_from_casework,
            Figure::TrustFromPb => h.trust_from_pb,
            Figure::WrongPerYear => h.wrong_per_year[0],
            Figure::OverturnsPerYear => h.overturns_per_year[0],
            Figure::Waiting => h.waiting[0],
            Figure::TurnoutFirst => o.cycles.first().map(|c| c.turnout).unwrap_or(0.0),
            Figure::TurnoutYear3 => h.pb.turnout_year3,
            Figure::TurnoutLast => h.pb.turnout_last,
            Figure::Reach => h.pb.reach,
            Figure::VolunteerHours => h.pb.volunteer_hours,
            Figure::ExtraVoters => h.pb.extra_election_voters,
            Figure::PbSpent => h.pb.spent,
            Figure::RightFirstTime => h.right_first_time[0],
            Figure::SickLeave => h.sick_leave[0],
            Figure::Representation => h.pb.representation,
            Figure::RarelyHeardVoters => h.pb.rarely_heard_voters_total,
            Figure::Overdue => h.pb.overdue,
            Figure::ProcessCostPerVoter => h.pb.process_cost_per_voter,
        }
    }
}

/// A charted series with bands: one band per month, year or vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    /// Per month, on the cash the council books.
    CumulativeSaving,
    /// Per month.
    Trust,
    /// Per month.
    TrustBaseline,
    /// Per year.
    OverturnsScenario,
    /// Per year.
    OverturnsBaseline,
    /// Per year: scenario minus baseline cost, all categories.
    CostDifference,
    /// Per vote.
    Turnout,
    Reach,
    RarelyHeardVoters,
    Voters,
    DeliveredInYear,
    OverdueAfterYear,
    /// Per vote: projects chosen by citizens (funded + overruled).
    ProjectsChosen,
    /// The trust ledger: each mechanism's push over the horizon (in `TrustFlows::KEYS` order), then
    /// the total change.
    Ledger,
}

impl Series {
    pub const ALL: [Series; 14] = [
        Series::CumulativeSaving,
        Series::Trust,
        Series::TrustBaseline,
        Series::OverturnsScenario,
        Series::OverturnsBaseline,
        Series::CostDifference,
        Series::Turnout,
        Series::Reach,
        Series::RarelyHeardVoters,
        Series::Voters,
        Series::DeliveredInYear,
        Series::OverdueAfterYear,
        Series::ProjectsChosen,
        Series::Ledger,
    ];

    /// The series' values in one outcome, appended to `out` (from what every run adds up, so
    /// also from a run that kept no months, `run::run_summary_into`).
    pub fn extend(self, o: &Outcome, out: &mut Vec<f64>) {
        let sm = &o.summary;
        match self {
            Series::CumulativeSaving => out.extend_from_slice(&o.cumulative_saving.cash),
            Series::Trust => out.extend_from_slice(&sm.trust),
            Series::TrustBaseline => out.extend(std::iter::repeat_n(sm.baseline_trust, sm.trust.len())),
            Series::OverturnsScenario => out.extend_from_slice(&sm.overturns_per_year[0]),
            Series::OverturnsBaseline => out.extend_from_slice(&sm.overturns_per_year[1]),
            Series::CostDifference => out.extend_from_slice(&sm.cost_difference_per_year),
            Series::Turnout => out.extend(o.cycles.iter().map(|c| c.turnout)),
            Series::Reach => out.extend(o.cycles.iter().map(|c| c.reach)),
            Series::RarelyHeardVoters => out.extend(o.cycles.iter().map(|c| c.rarely_heard_voters)),
            Series::Voters => out.extend(o.cycles.iter().map(|c| c.voters)),
            Series::DeliveredInYear => out.extend(o.cycles.iter().map(|c| c.delivered_in_year)),
            Series::OverdueAfterYear => out.extend(o.cycles.iter().map(|c| c.overdue_after_year)),
            Series::ProjectsChosen => out.extend(o.cycles.iter().map(|c| c.funded + c.overruled)),
            Series::Ledger => {
                out.extend(sm.ledger);
                out.push(sm.ledger.iter().sum());
            }
        }
    }
}

/// The Monte Carlo result.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Bands {
    pub runs: usize,
    pub seed: u64,
    /// Bands of [`Figure::ALL`], in that order.
    pub figures: Vec<(Figure, Band)>,
    /// The payback over all runs, on each cost tier.
    pub payback: Tiers<PaybackDist>,
    /// Bands of [`Series::ALL`], in that order.
    pub series: Vec<(Series, Vec<Band>)>,
}

impl Bands {
    pub fn figure(&self, f: Figure) -> Band {
        self.figures.iter().find(|(g, _)| *g == f).map(|(_, b)| *b).unwrap_or_default()
    }

    pub fn series(&self, s: Series) -> &[Band] {
        self.series.iter().find(|(t, _)| *t == s).map(|(_, b)| b.as_slice()).unwrap_or(&[])
    }
}

/// A fingerprint of every number in the bands (FNV-1a over their bits): equal only if the bands are
/// bit for bit the same. Used to check the browser gets exactly the native numbers.
pub fn checksum(b: &Bands) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |x: f64| {
        for byte in x.to_bits().to_le_bytes() {
            h ^= byte as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    let band = |b: &Band, eat: &mut dyn FnMut(f64)| [b.p10, b.p25, b.p50, b.p75, b.p90].into_iter().for_each(eat);
    for (_, f) in &b.figures {
        band(f, &mut eat);
    }
    for (_, v) in &b.series {
        v.iter().for_each(|x| band(x, &mut eat));
    }
    for t in Tier::ALL {
        let p = b.payback.at(t);
        band(&p.month, &mut eat);
        p.shares.into_iter().for_each(&mut eat);
    }
    h
}

/// Run `runs` draws (clamped to 1..=[`MAX_RUNS`]) at the table's uncertainty.
pub fn monte_carlo(s: &Scenario, runs: usize) -> Bands {
    monte_carlo_with(s, runs, 1.0)
}

/// Run `runs` draws with every uncertainty range scaled by `spread`.
pub fn monte_carlo_with(s: &Scenario, runs: usize, spread: f64) -> Bands {
    let mut p = Progress::new(s, runs, spread);
    #[cfg(not(target_arch = "wasm32"))]
    p.step_in_threads();
    #[cfg(target_arch = "wasm32")]
    p.step(usize::MAX);
    p.finish()
}

/// A Monte Carlo computation done a slice at a time (so the browser can paint in between): the same
/// runs in the same order as [`monte_carlo_with`], so the same bands. A computation can hand the
/// runs from some run on to another (a thread, or a second worker in the browser:
/// [`Progress::until`], [`Progress::share`]) and take back what that one observed
/// ([`Progress::merge`], [`wire::part`]): the same runs, so the same bands.
pub struct Progress {
    scenario: Scenario,
    spread: f64,
    runs: usize,
    /// The first run held (0 unless this computation is another's share), how many are held, the
    /// next to run, and the end of this computation's share.
    first: usize,
    held: usize,
    done: usize,
    until: usize,
    /// Column-major observations: for each quantity, one value per run held.
    obs: Vec<f64>,
    width: usize,
    lens: Vec<usize>,
    paybacks: Paybacks,
    horizon: u32,
    observer: Observer,
}

/// Per tier: payback numbers of the runs that give extra time, and the count per bin.
#[derive(Default)]
struct Paybacks {
    numbers: [Vec<f64>; 3],
    bins: [[usize; 6]; 3],
}

impl Paybacks {
    fn count(&mut self, o: &Outcome) {
        for (k, t) in Tier::ALL.into_iter().enumerate() {
            let p = *o.headline.payback.at(t);
            self.bins[k][PaybackDist::bin(p)] += 1;
            if p != Payback::NoDifference {
                self.numbers[k].push(payback_number_at(o, t));
            }
        }
    }
}

/// One run's values as the bands read them: every figure, then every series (reused buffers).
#[derive(Default)]
struct Observer {
    outcome: Outcome,
    row: Vec<f64>,
}

impl Observer {
    fn run(&mut self, s: &Scenario, spread: f64, r: usize) {
        let o = &mut self.outcome;
        run_summary_into(&Inputs::from_scenario(&draw(s, r as u64, spread)), o);
        self.row.clear();
        self.row.extend(Figure::ALL.iter().map(|f| f.of(o)));
        for se in Series::ALL {
            se.extend(o, &mut self.row);
        }
    }
}

/// Threads to share `work` items between (at least `least` each), as many as the machine runs at
/// once.
#[cfg(not(target_arch = "wasm32"))]
fn threads_for(work: usize, least: usize) -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(work / least).max(1)
}

impl Progress {
    /// Prepare `runs` draws (clamped to 1..=[`MAX_RUNS`]).
    pub fn new(s: &Scenario, runs: usize, spread: f64) -> Progress {
        let runs = runs.clamp(1, MAX_RUNS);
        Progress {
            scenario: s.clone(),
            spread,
            runs,
            first: 0,
            held: runs,
            done: 0,
            until: runs,
            obs: Vec::new(),
            width: 0,
            lens: Vec::new(),
            paybacks: Paybacks::default(),
            horizon: s.get(super::params::P::Horizon) as u32,
            observer: Observer::default(),
        }
    }

    /// A new computation as another's share: runs `first..end` only.
    pub fn share(mut self, first: usize, end: usize) -> Progress {
        self.first = first.min(self.runs);
        self.until = end.min(self.runs).max(self.first);
        (self.done, self.held) = (self.first, self.until - self.first);
        self
    }

    /// Stop this computation's share before run `end` (the rest is another's, taken back with
    /// [`Progress::merge`]); `until(runs)` takes every run back.
    pub fn until(&mut self, end: usize) {
        self.until = end.min(self.first + self.held).max(self.done);
    }

    /// Whether this computation is another's share (made by [`Progress::share`] from a run past
    /// the first).
    pub fn is_share(&self) -> bool {
        self.first > 0
    }

    /// All the runs.
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// Run up to `n` more draws of this computation's share; true when they are done.
    pub fn step(&mut self, n: usize) -> bool {
        let (end, held) = (self.done.saturating_add(n).min(self.until), self.held);
        for r in self.done..end {
            self.observer.run(&self.scenario, self.spread, r);
            let (o, row) = (&self.observer.outcome, &self.observer.row);
            if self.obs.is_empty() {
                let mut v = Vec::new();
                self.lens = Series::ALL
                    .iter()
                    .map(|se| {
                        v.clear();
                        se.extend(o, &mut v);
                        v.len()
                    })
                    .collect();
                self.width = row.len();
                self.obs = vec![0.0; self.width * held];
            }
            for (c, x) in row.iter().enumerate().take(self.width) {
                self.obs[c * held + r - self.first] = *x;
            }
            self.paybacks.count(o);
        }
        self.done = end;
        self.done == self.until
    }

    /// Take in what another computation observed of the `n` runs right after this one's share:
    /// `width` values per run (column-major, `n` per column), the payback numbers per tier and the
    /// payback bins. False, and nothing changed, if they do not fit.
    fn take_in(&mut self, n: usize, width: usize, obs: &[f64], numbers: [&[f64]; 3], bins: &[usize]) -> bool {
        let (start, held) = (self.done, self.held);
        let off = start - self.first;
        // (The width first: once it is this one's, `n * width` cannot overflow.)
        if start != self.until || n > held - off || n > 0 && width != self.width || obs.len() != n * width {
            return false;
        }
        if n > 0 {
            for (to, from) in self.obs.chunks_exact_mut(held).zip(obs.chunks_exact(n)) {
                to[off..off + n].copy_from_slice(from);
            }
        }
        for (to, from) in self.paybacks.numbers.iter_mut().zip(numbers) {
            to.extend_from_slice(from);
        }
        for (to, from) in self.paybacks.bins.as_flattened_mut().iter_mut().zip(bins) {
            *to += from;
        }
        self.done += n;
        self.until = self.done;
        true
    }

    /// Take in another computation's share ([`Progress::share`], all of it run; see
    /// `Progress::take_in`); true when it fitted.
    pub fn merge(&mut self, other: &Progress) -> bool {
        let p = &other.paybacks;
        let numbers = [&p.numbers[0][..], &p.numbers[1], &p.numbers[2]];
        other.done == other.first + other.held
            && other.first == self.done
            && self.take_in(other.held, other.width, &other.obs, numbers, p.bins.as_flattened())
    }

    /// Run every draw left, shared between threads (native builds; the browser shares them between
    /// workers instead). The same runs, so the same bands, as [`Progress::step`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn step_in_threads(&mut self) {
        self.step_in(threads_for(self.runs - self.done, 64));
    }

    /// [`Progress::step_in_threads`] with `threads` threads.
    #[cfg(not(target_arch = "wasm32"))]
    fn step_in(&mut self, threads: usize) {
        // The first run says how many values each run has.
        self.step(1);
        let (start, left) = (self.done, self.runs - self.done);
        let threads = threads.min(left);
        if threads <= 1 {
            self.step(usize::MAX);
            return;
        }
        let per = left.div_ceil(threads);
        let this = &*self;
        let parts: Vec<Progress> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| start + t * per)
                .filter(|from| *from < this.runs)
                .map(|from| {
                    scope.spawn(move || {
                        let mut p = Progress::new(&this.scenario, this.runs, this.spread).share(from, from + per);
                        p.step(usize::MAX);
                        p
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        });
        for p in parts {
            self.until = p.first;
            let merged = self.merge(&p);
            debug_assert!(merged, "a thread's share follows the one before it");
        }
        self.until = self.runs;
    }

    /// The bands of all runs (call when [`Progress::step`] has returned true).
    pub fn finish(&mut self) -> Bands {
        let runs = self.runs;
        // A column equal to the one before it in every run (the baseline's months, months before
        // the first vote) has the same band: computed once. Decided before any column is reordered.
        let same: Vec<bool> = (0..self.width)
            .map(|c| {
                c > 0 && {
                    let (a, b) = (&self.obs[(c - 1) * runs..c * runs], &self.obs[c * runs..(c + 1) * runs]);
                    a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
                }
            })
            .collect();
        #[cfg(not(target_arch = "wasm32"))]
        let threads = threads_for(same.len(), 32);
        #[cfg(target_arch = "wasm32")]
        let threads = 1;
        let computed = bands_of_columns(&mut self.obs, runs, &same, threads);
        let mut last = Band::default();
        let mut columns = computed.into_iter().map(|b| {
            if let Some(b) = b {
                last = b;
            }
            last
        });
        let figures = Figure::ALL.iter().map(|f| (*f, columns.next().unwrap_or_default())).collect();
        let series =
            Series::ALL.iter().zip(&self.lens).map(|(se, n)| (*se, columns.by_ref().take(*n).collect())).collect();
        let Paybacks { numbers, bins } = &mut self.paybacks;
        Bands {
            runs,
            seed: self.scenario.seed,
            figures,
            payback: Tiers::from_fn(|t| {
                let k = t as usize;
                PaybackDist {
                    shares: bins[k].map(|n| n as f64 / runs as f64),
                    month: Band::of(&mut numbers[k]),
                    horizon: self.horizon,
                }
            }),
            series,
        }
    }
}

/// The band of every column of `runs` values not marked `same` (as the one before it); shared
/// between `threads` threads in native builds.
fn bands_of_columns(obs: &mut [f64], runs: usize, same: &[bool], threads: usize) -> Vec<Option<Band>> {
    let of = |cols: &mut [f64], same: &[bool]| -> Vec<Option<Band>> {
        cols.chunks_mut(runs).zip(same).map(|(col, same)| (!same).then(|| Band::of(col))).collect()
    };
    #[cfg(not(target_arch = "wasm32"))]
    {
        if threads > 1 && !same.is_empty() {
            let per = same.len().div_ceil(threads);
            return std::thread::scope(|scope| {
                let handles: Vec<_> = obs
                    .chunks_mut(per * runs)
                    .zip(same.chunks(per))
                    .map(|(cols, same)| scope.spawn(move || of(cols, same)))
                    .collect();
                handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
            });
        }
    }
    let _ = threads;
    of(obs, same)
}

/// The Monte Carlo as messages between a page and its worker (`mc-worker.js`): the request (an id,
/// the run count, the seed and every value) and the answer (the id and the bands), each a flat list
/// of numbers that crosses the thread boundary as one `Float64Array`, so the wasm carries no
/// serializer. Both read back bit for bit; a list that is not one of ours reads as `None`.
pub mod wire {
    use super::{Band, Bands, Figure, PaybackDist, Progress, Series, MAX_RUNS};
    use crate::model::casework::{Tier, Tiers};
    use crate::model::params::{N_PARAMS, PARAMS};
    use crate::model::Scenario;

    fn seed_halves(seed: u64) -> [f64; 2] {
        [(seed >> 32) as f64, (seed & 0xffff_ffff) as f64]
    }

    fn whole(x: f64, max: f64) -> Option<u64> {
        (x >= 0.0 && x <= max && x.fract() == 0.0).then_some(x as u64)
    }

    fn read_seed(hi: f64, lo: f64) -> Option<u64> {
        Some(whole(hi, u32::MAX as f64)? << 32 | whole(lo, u32::MAX as f64)?)
    }

    /// Request `runs` draws of `s` (its values and seed), numbered `id`.
    pub fn request(id: u32, s: &Scenario, runs: usize) -> Vec<f64> {
        let mut v = Vec::with_capacity(4 + N_PARAMS);
        v.extend([id as f64, runs as f64]);
        v.extend(seed_halves(s.seed));
        v.extend_from_slice(s.values());
        v
    }

    /// Read a [`request`]: its id, the scenario and the run count. Values outside their allowed
    /// ranges are refused, so a worker never runs what the page could not have sent.
    pub fn read_request(v: &[f64]) -> Option<(u32, Scenario, usize)> {
        let [id, runs, hi, lo, rest @ ..] = v else { return None };
        let values: [f64; N_PARAMS] = rest.try_into().ok()?;
        if values.iter().zip(PARAMS.iter()).any(|(x, spec)| !(*x >= spec.min && *x <= spec.max)) {
            return None;
        }
        let runs = whole(*runs, MAX_RUNS as f64)? as usize;
        Some((whole(*id, u32::MAX as f64)? as u32, Scenario::with_values(values, read_seed(*hi, *lo)?), runs))
    }

    /// The bands of request `id`: id, runs, seed, the length of each series, then every band.
    /// (Written as plain loops: iterator adapters here cost the browser build kilobytes.)
    pub fn answer(id: u32, b: &Bands) -> Vec<f64> {
        let mut v = vec![id as f64, b.runs as f64];
        v.extend(seed_halves(b.seed));
        for (_, s) in &b.series {
            v.push(s.len() as f64);
        }
        let put = |v: &mut Vec<f64>, b: &Band| v.extend([b.p10, b.p25, b.p50, b.p75, b.p90]);
        for (_, f) in &b.figures {
            put(&mut v, f);
        }
        for t in Tier::ALL {
            let p = b.payback.at(t);
            v.extend(p.shares);
            put(&mut v, &p.month);
            v.push(p.horizon as f64);
        }
        for (_, s) in &b.series {
            for x in s {
                put(&mut v, x);
            }
        }
        v
    }

    /// What a computation that is another's share ([`Progress::share`]) has observed, for request
    /// `id`: the id, its first run, the runs done, the values per run, the count of payback numbers
    /// per tier, the payback bins (6 per tier), the payback numbers, then every value column by
    /// column (none until the share has run to its end).
    pub fn part(id: u32, p: &Progress) -> Vec<f64> {
        let b = &p.paybacks;
        let mut v = vec![id as f64, p.first as f64, p.done as f64, p.width as f64];
        for k in 0..3 {
            v.push(b.numbers[k].len() as f64);
        }
        for k in 0..18 {
            v.push(b.bins[k / 6][k % 6] as f64);
        }
        for k in 0..3 {
            v.extend_from_slice(&b.numbers[k]);
        }
        // A share run to its end holds its runs' values column by column.
        if p.done == p.first + p.held {
            v.extend_from_slice(&p.obs);
        }
        v
    }

    /// Take a [`part`] of request `id` into `p` (see [`Progress::merge`]); false, and nothing
    /// changed, if it is not one that follows `p`'s share.
    pub fn merge_part(p: &mut Progress, id: u32, v: &[f64]) -> bool {
        let Some((head, rest)) = v.split_first_chunk::<25>() else { return false };
        let mut h = [0; 25];
        for (n, x) in h.iter_mut().zip(head) {
            let Some(w) = whole(*x, 1e9) else { return false };
            *n = w as usize;
        }
        let [of, first, done, width, c0, c1, c2, ..] = h;
        let Some((n0, rest)) = rest.split_at_checked(c0) else { return false };
        let Some((n1, rest)) = rest.split_at_checked(c1) else { return false };
        let Some((n2, obs)) = rest.split_at_checked(c2) else { return false };
        of == id as usize
            && first == p.done
            && done >= first
            && p.take_in(done - first, width, obs, [n0, n1, n2], &h[7..])
    }

    /// Numbers read one at a time; `None` once they run out.
    struct Cursor<'a>(&'a [f64]);

    impl Cursor<'_> {
        fn next(&mut self) -> Option<f64> {
            let (x, rest) = self.0.split_first()?;
            self.0 = rest;
            Some(*x)
        }

        fn whole(&mut self, max: f64) -> Option<u64> {
            whole(self.next()?, max)
        }

        fn band(&mut self) -> Option<Band> {
            Some(Band { p10: self.next()?, p25: self.next()?, p50: self.next()?, p75: self.next()?, p90: self.next()? })
        }

        fn payback(&mut self) -> Option<PaybackDist> {
            let mut shares = [0.0; 6];
            for x in &mut shares {
                *x = self.next()?;
            }
            Some(PaybackDist { shares, month: self.band()?, horizon: self.whole(u32::MAX as f64)? as u32 })
        }
    }

    /// Read an [`answer`]: the id and the bands.
    pub fn read_answer(v: &[f64]) -> Option<(u32, Bands)> {
        let mut c = Cursor(v);
        let id = c.whole(u32::MAX as f64)? as u32;
        let runs = c.whole(MAX_RUNS as f64)? as usize;
        let seed = read_seed(c.next()?, c.next()?)?;
        let mut lens = [0; Series::ALL.len()];
        for n in &mut lens {
            *n = c.whole(1e6)? as usize;
        }
        let mut figures = Vec::with_capacity(Figure::ALL.len());
        for f in Figure::ALL {
            figures.push((f, c.band()?));
        }
        let payback = Tiers { cash: c.payback()?, with_failure_demand: c.payback()?, with_escalation: c.payback()? };
        let mut series = Vec::with_capacity(Series::ALL.len());
        for (s, n) in Series::ALL.into_iter().zip(lens) {
            let mut bands = Vec::with_capacity(n.min(c.0.len()));
            for _ in 0..n {
                bands.push(c.band()?);
            }
            series.push((s, bands));
        }
        c.0.is_empty().then_some((id, Bands { runs, seed, figures, payback, series }))
    }
}

/// An output the tornado explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    /// Payback month on the cash the council books (one past the horizon when it does not pay back).
    Payback,
    /// Trust at the horizon against the baseline's (share of adults): the change the decisions make,
    /// not the level the municipality starts from.
    Trust,
    /// Turnout at the third vote (share of adults).
    TurnoutYear3,
    /// Net cost of the extra time over the horizon counting every cost, failure demand and
    /// escalation included (negative: a saving).
    NetCost,
}

impl Output {
    pub const ALL: [Output; 4] = [Output::Payback, Output::Trust, Output::TurnoutYear3, Output::NetCost];

    pub fn key(self) -> &'static str {
        match self {
            Output::Payback => "payback",
            Output::Trust => "trust",
            Output::TurnoutYear3 => "turnout_year3",
            Output::NetCost => "net_cost",
        }
    }

    pub fn parse(s: &str) -> Option<Output> {
        Output::ALL.into_iter().find(|o| o.key() == s)
    }

    pub fn of(self, o: &Outcome) -> f64 {
        match self {
            Output::Payback => payback_number(o),
            Output::Trust => o.headline.trust[0] - o.headline.trust[1],
            Output::TurnoutYear3 => o.headline.pb.turnout_year3,
            Output::NetCost => -o.headline.net_saving.with_escalation,
        }
    }
}

/// One bar of a tornado: the output with the parameter at the low and the high end of its range.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Swing {
    #[serde(serialize_with = "ser_key")]
    pub param: P,
    pub low: f64,
    pub high: f64,
    pub at_low: f64,
    pub at_high: f64,
    /// The output at the scenario's own values.
    pub at_value: f64,
}

fn ser_key<S: serde::Serializer>(p: &P, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(PARAMS[*p as usize].key)
}

impl Swing {
    pub fn width(&self) -> f64 {
        (self.at_high - self.at_low).abs()
    }
}

/// The tornado at the table's uncertainty ranges: the `top` parameters that move `output` most.
pub fn tornado(s: &Scenario, output: Output, top: usize) -> Vec<Swing> {
    tornado_with(s, output, top, |spec, v| range_around(spec.id as usize, v))
}

/// The tornado with the ranges given by `range` (spec, value) -> (low, high).
pub fn tornado_with(
    s: &Scenario,
    output: Output,
    top: usize,
    range: impl Fn(&ParamSpec, f64) -> Option<(f64, f64)>,
) -> Vec<Swing> {
    let at = |values: [f64; N_PARAMS]| {
        output.of(&run_inputs(&Inputs::from_scenario(&Scenario::with_values(values, s.seed))))
    };
    let at_value = at(*s.values());
    let mut swings: Vec<Swing> = PARAMS
        .iter()
        .filter_map(|spec| {
            let v = s.get(spec.id);
            let (low, high) = range(spec, v)?;
            let mut lo = *s.values();
            lo[spec.id as usize] = low;
            let mut hi = *s.values();
            hi[spec.id as usize] = high;
            Some(Swing { param: spec.id, low, high, at_low: at(lo), at_high: at(hi), at_value })
        })
        .collect();
    // Widest first; ties in table order (deterministic without a stable sort).
    // Insertion sort, widest first (at most a few dozen rows; std's sort adds ~2 KB to the wasm).
    for i in 1..swings.len() {
        let mut j = i;
        while j > 0
            && swings[j - 1]
                .width()
                .total_cmp(&swings[j].width())
                .then(swings[j].param.cmp(&swings[j - 1].param))
                .is_lt()
        {
            swings.swap(j - 1, j);
            j -= 1;
        }
    }
    // A parameter that does not move the output within its range is not a driver of it.
    swings.retain(|w| w.width() > 0.0);
    swings.truncate(top);
    swings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run;

    #[test]
    fn band_percentiles_match_sorting() {
        let mut rng = SplitMix64::new(3);
        for n in [1usize, 2, 3, 4, 5, 6, 7, 10, 11, 12, 33, 100, 501, 1000] {
            // Distinct values, and values with many ties (few distinct whole numbers).
            let spread = if n % 2 == 0 { 100.0 } else { 3.0 };
            let xs: Vec<f64> = (0..n).map(|_| (rng.next_f64() * spread - spread / 2.0).round()).collect();
            let mut sorted = xs.clone();
            sorted.sort_by(f64::total_cmp);
            let q = |p: f64| sorted[((p * (n - 1) as f64).round() as usize).min(n - 1)];
            let mut ys = xs.clone();
            let b = Band::of(&mut ys);
            assert_eq!(b, Band { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) }, "n = {n}");
            // Only reordered: the same values, bit for bit (selection works on their order keys).
            ys.sort_by(f64::total_cmp);
            assert!(ys.iter().zip(&sorted).all(|(a, b)| a.to_bits() == b.to_bits()), "n = {n}");
        }
        // Fractions both sides of zero, and both zeros: the order of `total_cmp`.
        let xs = [0.25, -0.0, -3.5, 0.0, 1e-300, -1e-300, 7.0, -0.75, 2.0, -2.0, 0.5];
        let mut sorted = xs;
        sorted.sort_by(f64::total_cmp);
        let b = Band::of(&mut xs.clone());
        for (p, x) in [(0.1, b.p10), (0.25, b.p25), (0.5, b.p50), (0.75, b.p75), (0.9, b.p90)] {
            assert_eq!(x.to_bits(), sorted[(p * 10.0_f64).round() as usize].to_bits(), "{p}");
        }
    }

    #[test]
    fn same_seed_same_bands_other_seed_other_bands() {
        let s = Scenario::default();
        let a = monte_carlo(&s, 50);
        assert_eq!(a, monte_carlo(&s, 50));
        let mut t = s.clone();
        t.seed = 99;
        assert_ne!(a.figure(Figure::NetSaving), monte_carlo(&t, 50).figure(Figure::NetSaving));
    }

    #[test]
    fn bands_are_ordered_everywhere() {
        let m = monte_carlo(&Scenario::default(), 200);
        let all = m.figures.iter().map(|(_, b)| b).chain(m.series.iter().flat_map(|(_, v)| v.iter()));
        for b in all.chain(Tier::ALL.iter().map(|t| &m.payback.at(*t).month)) {
            assert!(b.p10 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p90, "{b:?}");
        }
        for t in Tier::ALL {
            let p = m.payback.at(t);
            assert!((p.shares.iter().sum::<f64>() - 1.0).abs() < 1e-12, "{t:?}: {:?}", p.shares);
        }
    }

    /// The Monte Carlo's runs keep no months: every figure and series is the same, bit for bit, as
    /// from a run that keeps them, and the series are what the kept months say.
    #[test]
    fn a_run_without_its_months_gives_the_same_figures_and_series() {
        use crate::model::run::{run_inputs, run_summary_into};
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        let mut s = Scenario::default();
        s.set(P::Horizon, 43.0).unwrap(); // a last year of 7 months
        let mut lean = Outcome::default();
        for r in 0..40 {
            let i = Inputs::from_scenario(&draw(&s, r, 1.0));
            let full = run_inputs(&i);
            run_summary_into(&i, &mut lean);
            assert!(lean.scenario.is_empty() && lean.baseline.is_empty());
            for f in Figure::ALL {
                assert_eq!(f.of(&full).to_bits(), f.of(&lean).to_bits(), "run {r}: {f:?}");
            }
            for se in Series::ALL {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                se.extend(&full, &mut a);
                se.extend(&lean, &mut b);
                assert_eq!(bits(&a), bits(&b), "run {r}: {se:?}");
            }
            assert_eq!(full.headline, lean.headline);
            // The tally's baseline is `sim::baseline` (today's steady state every month), which
            // `sim::tests` checks against the full simulation.
            assert_eq!(full.baseline, crate::model::sim::baseline(&i));
            // The series from the kept months, summed the plain way.
            let (sc, ba) = (&full.scenario, &full.baseline);
            let years = |f: &dyn Fn(usize) -> f64| -> Vec<f64> {
                (0..sc.len()).step_by(12).map(|y| (y..(y + 12).min(sc.len())).map(f).sum()).collect()
            };
            let mut v = Vec::new();
            Series::Trust.extend(&full, &mut v);
            assert_eq!(bits(&v), bits(&sc.iter().map(|m| m.trust).collect::<Vec<_>>()));
            v.clear();
            Series::TrustBaseline.extend(&full, &mut v);
            assert_eq!(bits(&v), bits(&ba.iter().map(|m| m.trust).collect::<Vec<_>>()));
            v.clear();
            Series::OverturnsScenario.extend(&full, &mut v);
            assert_eq!(bits(&v), bits(&years(&|t| sc[t].overturns)));
            v.clear();
            Series::OverturnsBaseline.extend(&full, &mut v);
            assert_eq!(bits(&v), bits(&years(&|t| ba[t].overturns)));
            v.clear();
            Series::CostDifference.extend(&full, &mut v);
            assert_eq!(bits(&v), bits(&years(&|t| sc[t].costs.total() - ba[t].costs.total())));
            v.clear();
            Series::Ledger.extend(&full, &mut v);
            let ledger: Vec<f64> =
                (0..8).map(|k| sc.iter().fold(0.0, |acc, m| acc + m.trust_flows.as_array()[k])).collect();
            assert_eq!(bits(&v[..8]), bits(&ledger));
            assert_eq!(v[8].to_bits(), ledger.iter().sum::<f64>().to_bits());
            let wrong: f64 = sc.iter().rev().take(12).map(|m| m.wrong).sum();
            assert_eq!(full.headline.wrong_per_year[0].to_bits(), wrong.to_bits());
            assert_eq!(full.headline.trust[0], sc[sc.len() - 1].trust);
            assert_eq!(full.cycles, crate::model::pb::cycles(sc.iter().map(|m| &m.pb), &i.pb));
        }
    }

    #[test]
    fn collapsed_ranges_give_the_deterministic_run_in_every_band() {
        let s = Scenario::default();
        let m = monte_carlo_with(&s, 20, 0.0);
        let o = run(&s);
        for (f, b) in &m.figures {
            assert_eq!(*b, Band::point(f.of(&o)), "{f:?}");
        }
        for (se, bands) in &m.series {
            let mut v = Vec::new();
            se.extend(&o, &mut v);
            assert_eq!(bands.len(), v.len(), "{se:?}");
            for (b, x) in bands.iter().zip(v) {
                assert_eq!(*b, Band::point(x), "{se:?}");
            }
        }
    }

    #[test]
    fn slices_give_the_same_bands_as_one_go() {
        let s = Scenario::default();
        let mut p = Progress::new(&s, 120, 1.0);
        let mut slices = 0;
        while !p.step(50) {
            slices += 1;
        }
        assert_eq!(slices, 2);
        assert_eq!(p.finish(), monte_carlo(&s, 120));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn threads_give_the_same_bands_as_one_thread() {
        let mut s = Scenario::default();
        s.set(P::Horizon, 30.0).unwrap();
        let mut one = Progress::new(&s, 301, 1.0);
        one.step(usize::MAX);
        let (runs, same) = (one.runs, vec![false; one.width]);
        let mut obs = one.obs.clone();
        let bands = bands_of_columns(&mut obs, runs, &same, 1);
        for threads in [2, 3, 7] {
            let mut p = Progress::new(&s, 301, 1.0);
            p.step_in(threads);
            assert!(p.obs.iter().zip(&one.obs).all(|(a, b)| a.to_bits() == b.to_bits()), "{threads} threads");
            assert_eq!(p.paybacks.numbers, one.paybacks.numbers, "{threads} threads");
            assert_eq!(p.paybacks.bins, one.paybacks.bins, "{threads} threads");
            let mut obs = one.obs.clone();
            assert_eq!(bands_of_columns(&mut obs, runs, &same, threads), bands, "{threads} threads");
        }
    }

    #[test]
    fn a_share_handed_to_another_worker_gives_the_same_bands() {
        let mut s = Scenario::default();
        s.set(P::Horizon, 30.0).unwrap();
        let whole = monte_carlo(&s, 301);
        for half in [1, 150, 300, 301] {
            let mut lead = Progress::new(&s, 301, 1.0);
            lead.until(half);
            while !lead.step(50) {}
            let mut helper = Progress::new(&s, 301, 1.0).share(half, 301);
            helper.step(usize::MAX);
            let part = wire::part(9, &helper);
            // Another request's part, or one that does not follow the lead's share, is refused.
            assert!(!wire::merge_part(&mut lead, 8, &part), "{half}");
            let mut cut = part.clone();
            cut.pop();
            assert!(!wire::merge_part(&mut lead, 9, &cut), "{half}");
            assert!(wire::merge_part(&mut lead, 9, &part), "{half}");
            assert!(half == 301 || !wire::merge_part(&mut lead, 9, &part), "{half}: taken twice");
            lead.until(lead.runs());
            assert!(lead.step(usize::MAX));
            assert_eq!(lead.finish(), whole, "{half}");
        }
    }

    #[test]
    fn a_lead_whose_helper_never_answers_runs_the_rest_itself() {
        let s = Scenario::default();
        let mut lead = Progress::new(&s, 120, 1.0);
        lead.until(60);
        assert!(lead.step(usize::MAX));
        lead.until(lead.runs());
        assert!(lead.step(usize::MAX));
        assert_eq!(lead.finish(), monte_carlo(&s, 120));
    }

    #[test]
    fn the_worker_messages_read_back_bit_for_bit() {
        let mut s = Scenario::default();
        s.seed = u64::MAX - 12_345; // both halves of the seed in use
        s.set(P::Horizon, 36.0).unwrap();
        let (id, read, runs) = wire::read_request(&wire::request(7, &s, 321)).unwrap();
        assert_eq!((id, runs, read.seed), (7, 321, s.seed));
        assert_eq!(read.values().map(f64::to_bits), s.values().map(f64::to_bits));
        let bands = monte_carlo(&read, 40);
        let sent = wire::answer(9, &bands);
        let (id, got) = wire::read_answer(&sent).unwrap();
        assert_eq!(id, 9);
        assert_eq!(checksum(&got), checksum(&bands));
        assert_eq!(got, bands);
        // Anything else is not an answer or a request: one number short or long, a value out of range.
        assert_eq!(wire::read_answer(&sent[..sent.len() - 1]), None);
        assert_eq!(wire::read_answer(&[sent.as_slice(), &[0.0]].concat()), None);
        assert_eq!(wire::read_answer(&[]), None);
        let mut bad = wire::request(1, &s, 10);
        assert!(wire::read_request(&bad).is_some());
        bad[4 + P::Horizon as usize] = 1e9;
        assert!(wire::read_request(&bad).is_none());
        bad[4 + P::Horizon as usize] = f64::NAN;
        assert!(wire::read_request(&bad).is_none());
        assert!(wire::read_request(&wire::request(1, &s, 10)[..20]).is_none());
    }

    #[test]
    fn draws_stay_within_the_allowed_ranges() {
        let s = Scenario::default();
        for r in 0..500 {
            let d = draw(&s, r, 1.0);
            for (i, spec) in PARAMS.iter().enumerate() {
                let v = d.values()[i];
                assert!(v >= spec.min && v <= spec.max, "{} = {v}", spec.key);
            }
        }
    }

    #[test]
    fn the_tornado_ranks_a_much_widened_parameter_first() {
        let s = Scenario::default();
        let normal = tornado(&s, Output::Trust, 10);
        assert!(!normal.is_empty());
        assert!(normal.windows(2).all(|w| w[0].width() >= w[1].width()), "sorted by swing");
        // A parameter that is not first, its range widened to the whole allowed range (0-50%
        // instead of 2-10%).
        let target = P::TrustPbInformation;
        assert_ne!(normal[0].param, target);
        let wide = tornado_with(&s, Output::Trust, 10, |spec, v| {
            if spec.id == target {
                Some((spec.min, spec.max))
            } else {
                range_around(spec.id as usize, v)
            }
        });
        assert_eq!(wide[0].param, target, "{:?}", wide.iter().map(|w| w.param).collect::<Vec<_>>());
    }
}
