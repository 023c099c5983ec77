//! One scenario against its baseline: both runs, the differences and the headline figures.

use super::casework::{Costs, Inputs, Tiers};
use super::pb::{cycle_of, Cycle};
use super::scenario::Scenario;
use super::sim::{repeat_month, simulate_months, Month, Sink};

/// When the extra time has paid for itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payback {
    /// The first month after which the cumulative net saving stays at or above zero (1-based).
    Month(u32),
    /// The cumulative net saving is still negative at some point at the end of the horizon.
    NotWithinHorizon,
    /// No extra time is actually given (0% asked for, or no room to give it): there is nothing to
    /// pay back.
    #[default]
    NoDifference,
}

/// A scenario run and its baseline on the same inputs.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Outcome {
    pub scenario: Vec<Month>,
    pub baseline: Vec<Month>,
    /// Cumulative net saving (baseline cost minus scenario cost, summed), per month, on each cost
    /// tier.
    pub cumulative_saving: Tiers<Vec<f64>>,
    /// Participatory budgeting, cycle by cycle (empty without PB).
    pub cycles: Vec<Cycle>,
    pub headline: Headline,
    pub summary: Summary,
}

/// What the Monte Carlo's series read of a run besides its headline and cycles, added up as the
/// months are simulated (so also when they are not kept, [`run_summary_into`]).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Summary {
    /// Trust per month (scenario).
    pub trust: Vec<f64>,
    /// The baseline's trust (the same every month).
    pub baseline_trust: f64,
    /// Overturns per year (12 months, the last year what is left): [scenario, baseline].
    pub overturns_per_year: [Vec<f64>; 2],
    /// Scenario minus baseline cost per year, every category.
    pub cost_difference_per_year: Vec<f64>,
    /// The trust ledger: each mechanism's push summed over the horizon (`TrustFlows::KEYS` order).
    pub ledger: [f64; 8],
}

/// The figures a councillor reads first. "Per year" figures are the last 12 months of the horizon.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize)]
pub struct Headline {
    /// When the extra time pays back, on each cost tier: the cash the council books, then adding
    /// failure demand, then escalation.
    pub payback: Tiers<Payback>,
    /// Cumulative net saving at the horizon on each tier (negative: a net cost).
    pub net_saving: Tiers<f64>,
    /// Scenario minus baseline cost over the horizon, by category (negative: a saving).
    pub cost_difference: Costs,
    pub wrong_per_year: [f64; 2],
    pub appeals_per_year: [f64; 2],
    pub overturns_per_year: [f64; 2],
    /// Share of new decisions right first time at the horizon: [scenario, baseline].
    pub right_first_time: [f64; 2],
    pub waiting: [f64; 2],
    pub wait_months: [f64; 2],
    pub sick_leave: [f64; 2],
    pub trust: [f64; 2],
    /// Trust at the start (today's).
    pub trust0: f64,
    /// Change in trust over the horizon from each part (scenario; sums with drift to
    /// `trust[0] - trust0`).
    pub trust_from_casework: f64,
    pub trust_from_pb: f64,
    pub trust_drift: f64,
    pub pb: PbHeadline,
}

/// Participatory budgeting over the horizon.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct PbHeadline {
    pub votes: u32,
    /// Pot per year and per resident per year (currency).
    pub pot_per_year: f64,
    pub pot_per_resident: f64,
    /// Turnout (share of adults) of the last vote and of the third (0 if fewer).
    pub turnout_last: f64,
    pub turnout_year3: f64,
    pub voters_total: f64,
    /// Share of adults who took part at least once, at the horizon.
    pub reach: f64,
    pub representation: f64,
    pub rarely_heard_voters_total: f64,
    pub funded: f64,
    pub overruled: f64,
    pub delivered: f64,
    /// Overdue at the horizon.
    pub overdue: f64,
    pub volunteer_hours: f64,
    pub volunteer_value: f64,
    /// Pot and process cost handed out over the horizon.
    pub spent: f64,
    pub process_cost: f64,
    pub process_cost_per_voter: f64,
    /// Extra voters at an ordinary election held at the horizon.
    pub extra_election_voters: f64,
}

/// Find the payback month in a cumulative saving series; `differs` is whether any extra time was
/// actually given.
pub fn payback(cumulative: &[f64], differs: bool) -> Payback {
    if !differs {
        return Payback::NoDifference;
    }
    match cumulative.iter().rposition(|&c| c < 0.0) {
        None => Payback::Month(1),
        Some(last_negative) if last_negative + 1 < cumulative.len() => Payback::Month(last_negative as u32 + 2),
        Some(_) => Payback::NotWithinHorizon,
    }
}

/// Run a scenario and its baseline (no extra time) on the same inputs.
pub fn run(s: &Scenario) -> Outcome {
    run_inputs(&Inputs::from_scenario(s))
}

/// Run given inputs and their baseline.
pub fn run_inputs(i: &Inputs) -> Outcome {
    let mut o = Outcome::default();
    run_inputs_into(i, &mut o);
    o
}

/// [`run_inputs`] into a reused outcome (Monte Carlo: no allocation per run once warm).
pub fn run_inputs_into(i: &Inputs, o: &mut Outcome) {
    tally(i, o, true);
}

/// The Monte Carlo's run: [`run_inputs_into`] without keeping the months (`scenario` and
/// `baseline` are left empty); everything else, the same numbers bit for bit. Nothing per month is
/// written and read again.
pub fn run_summary_into(i: &Inputs, o: &mut Outcome) {
    tally(i, o, false);
}

/// Simulate the scenario, adding up its figures month by month against the baseline.
///
/// Every sum runs in month order from `-0.0`, as `Iterator::sum` adds (the last year's figures from
/// the last month back), so the figures are those of summing each one separately, bit for bit;
/// written out as one pass because the Monte Carlo does this for every draw (at the wasm
/// profile's opt-level z a closure per figure and month cost as much as the simulation).
fn tally(i: &Inputs, o: &mut Outcome, keep: bool) {
    // The baseline starts at today's steady state and stays there: one month, taken by the same
    // tally (so the monthly loop is compiled once for both), repeated: `sim::baseline` bit for bit
    // (`montecarlo::tests`), which `sim::tests` checks against the full simulation.
    let mut t = Tally::new(i, o, Keep::OneMonth, Month::default());
    simulate_months(i, 1, 0.0, false, &mut t);
    let base = t.last;
    repeat_month(base, if keep { i.horizon } else { 0 }, &mut o.baseline);
    o.scenario.clear();
    o.cumulative_saving.cash.clear();
    o.cumulative_saving.with_failure_demand.clear();
    o.cumulative_saving.with_escalation.clear();
    o.cycles.clear();
    let sm = &mut o.summary;
    sm.trust.clear();
    sm.overturns_per_year[0].clear();
    sm.overturns_per_year[1].clear();
    sm.cost_difference_per_year.clear();
    let mut t = Tally::new(i, o, if keep { Keep::Months } else { Keep::Sums }, base);
    simulate_months(i, i.horizon, i.extra_time, true, &mut t);
    t.finish();
}

/// What a [`Tally`] keeps of the months it is given.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    /// Every month and every sum (the app's runs).
    Months,
    /// The sums only (the Monte Carlo's runs).
    Sums,
    /// Only the last month, no sums (the baseline's one month).
    OneMonth,
}

impl<'a> Tally<'a> {
    fn new(i: &'a Inputs, o: &'a mut Outcome, keep: Keep, base: Month) -> Tally<'a> {
        Tally {
            i,
            o,
            keep,
            base_tiers: base.costs.tiers(),
            base_costs: base.costs.as_array(),
            base_total: base.costs.total(),
            base,
            n: 0,
            acc: [0.0; 3],
            diff: [0.0; 7],
            given: false,
            trust_parts: [-0.0; 3],
            ledger: [0.0; 8],
            pb: [-0.0; 9],
            last_year: [[0.0; 3]; 12],
            year: ([-0.0; 3], 0),
            last: Month::default(),
            hours: None,
        }
    }
}

/// The running sums of [`tally`].
struct Tally<'a> {
    i: &'a Inputs,
    o: &'a mut Outcome,
    keep: Keep,
    base: Month,
    base_tiers: [f64; 3],
    base_costs: [f64; 7],
    base_total: f64,
    /// Months so far.
    n: usize,
    /// Cumulative saving per tier, and scenario minus baseline cost per category.
    acc: [f64; 3],
    diff: [f64; 7],
    /// Whether any extra time was actually given.
    given: bool,
    /// Trust moved by casework, by PB, by drift.
    trust_parts: [f64; 3],
    ledger: [f64; 8],
    /// PB's sums, in `pb_headline`'s order.
    pb: [f64; 9],
    /// Wrong decisions, appeals and overturns of the last 12 months (month `n` at `n % 12`).
    last_year: [[f64; 3]; 12],
    /// This year's overturns (scenario, baseline) and cost difference, and its months so far.
    year: ([f64; 3], usize),
    /// The last month (copied only then: a month is about 440 bytes).
    last: Month,
    hours: Option<(f64, f64)>,
}

impl Sink for Tally<'_> {
    // Index loops: at the wasm profile's opt-level z, zipped iterators here are not inlined and
    // cost a fifth of the Monte Carlo (measured with `make bench`).
    #[allow(clippy::needless_range_loop)]
    fn month(&mut self, s: &Month) {
        if self.keep == Keep::OneMonth {
            self.last = *s;
            return;
        }
        let o = &mut *self.o;
        let b = &self.base;
        let st = s.costs.tiers();
        for k in 0..3 {
            self.acc[k] += self.base_tiers[k] - st[k];
        }
        o.cumulative_saving.cash.push(self.acc[0]);
        o.cumulative_saving.with_failure_demand.push(self.acc[1]);
        o.cumulative_saving.with_escalation.push(self.acc[2]);
        let x = s.costs.as_array();
        for k in 0..7 {
            self.diff[k] += x[k] - self.base_costs[k];
        }
        self.given |= s.extra_time.abs() > 1e-9;
        let f = &s.trust_flows;
        self.trust_parts[0] += f.casework();
        self.trust_parts[1] += f.pb();
        self.trust_parts[2] += f.drift;
        for (acc, x) in self.ledger.iter_mut().zip(f.as_array()) {
            *acc += x;
        }
        let p = &s.pb;
        let add = [
            p.voters,
            p.process_cost,
            p.rarely_heard_voters,
            p.funded,
            p.overruled,
            p.delivered,
            p.volunteer_hours,
            p.volunteer_value,
            p.project_spend,
        ];
        for k in 0..9 {
            self.pb[k] += add[k];
        }
        self.last_year[self.n % 12] = [s.wrong, s.appeals, s.overturns];
        if let Some(c) = cycle_of(self.n, self.i.horizon, p, &self.i.pb, &mut self.hours) {
            o.cycles.push(c);
        }
        let sm = &mut o.summary;
        sm.trust.push(s.trust);
        let (year, months) = &mut self.year;
        year[0] += s.overturns;
        year[1] += b.overturns;
        year[2] += s.costs.total() - self.base_total;
        *months += 1;
        if *months == 12 {
            sm.overturns_per_year[0].push(year[0]);
            sm.overturns_per_year[1].push(year[1]);
            sm.cost_difference_per_year.push(year[2]);
            self.year = ([-0.0; 3], 0);
        }
        if self.keep == Keep::Months {
            o.scenario.push(*s);
        }
        self.n += 1;
        if self.n == self.i.horizon {
            self.last = *s;
        }
    }
}

impl Tally<'_> {
    fn finish(self) {
        let Tally { i, o, base, n, acc, diff, given, trust_parts, ledger, pb, last_year, year, last, .. } = self;
        let sm = &mut o.summary;
        if year.1 > 0 {
            sm.overturns_per_year[0].push(year.0[0]);
            sm.overturns_per_year[1].push(year.0[1]);
            sm.cost_difference_per_year.push(year.0[2]);
        }
        (sm.baseline_trust, sm.ledger) = (base.trust, ledger);
        // The last 12 months, from the last back; the baseline's are all the same month.
        let (mut ys, mut yb) = ([-0.0; 3], [-0.0; 3]);
        for k in 0..n.min(12) {
            let m = last_year[(n - 1 - k) % 12];
            for q in 0..3 {
                ys[q] += m[q];
            }
            yb[0] += base.wrong;
            yb[1] += base.appeals;
            yb[2] += base.overturns;
        }
        let any = n > 0;
        let end = |f: fn(&Month) -> f64| if any { [f(&last), f(&base)] } else { [0.0, 0.0] };
        let cum = &o.cumulative_saving;
        o.headline = Headline {
            // Only extra time actually given can pay back; without it any cost difference comes
            // from the other decision (participatory budgeting's effect on trust and appeals).
            payback: Tiers::from_fn(|t| payback(cum.at(t), given)),
            net_saving: Tiers { cash: acc[0], with_failure_demand: acc[1], with_escalation: acc[2] },
            cost_difference: Costs::from_array(diff),
            wrong_per_year: [ys[0], yb[0]],
            appeals_per_year: [ys[1], yb[1]],
            overturns_per_year: [ys[2], yb[2]],
            right_first_time: end(|m| m.right_first_time),
            waiting: end(|m| m.waiting),
            wait_months: end(|m| m.wait_months),
            sick_leave: end(|m| m.sick_leave),
            trust: end(|m| m.trust),
            trust0: i.trust.trust0,
            trust_from_casework: trust_parts[0],
            trust_from_pb: trust_parts[1],
            trust_drift: trust_parts[2],
            pb: pb_headline(pb, any.then_some(&last), &o.cycles, i),
        };
    }
}

fn pb_headline(sums: [f64; 9], last: Option<&Month>, cycles: &[Cycle], i: &Inputs) -> PbHeadline {
    let [voters_total, process_cost, rarely_heard, funded, overruled, delivered, hours, value, spend] = sums;
    let last = last.map(|m| m.pb).unwrap_or_default();
    PbHeadline {
        votes: cycles.len() as u32,
        pot_per_year: i.pb.pot(),
        pot_per_resident: i.pb.pot() / i.pb.population,
        turnout_last: cycles.last().map(|c| c.turnout).unwrap_or(0.0),
        turnout_year3: cycles.get(2).map(|c| c.turnout).unwrap_or(0.0),
        voters_total,
        reach: last.reach,
        representation: cycles.last().map(|c| c.representation).unwrap_or(0.0),
        rarely_heard_voters_total: rarely_heard,
        funded,
        overruled,
        delivered,
        overdue: last.overdue,
        volunteer_hours: hours,
        volunteer_value: value,
        spent: spend + process_cost,
        process_cost,
        process_cost_per_voter: if voters_total > 0.0 { process_cost / voters_total } else { 0.0 },
        extra_election_voters: last.extra_election_voters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payback_is_the_month_after_the_last_negative() {
        assert_eq!(payback(&[-3.0, -1.0, 0.5, 2.0], true), Payback::Month(3));
        assert_eq!(payback(&[-3.0, 1.0, -0.5, 2.0], true), Payback::Month(4));
        assert_eq!(payback(&[-3.0, -1.0, -0.5], true), Payback::NotWithinHorizon);
        assert_eq!(payback(&[1.0, 2.0], true), Payback::Month(1));
        assert_eq!(payback(&[0.0, 0.0], false), Payback::NoDifference);
    }
}
