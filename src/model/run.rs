//! One scenario against its baseline: both runs, the differences and the headline figures.

use super::casework::{Costs, Inputs, Tiers};
use super::pb::{cycles, Cycle};
use super::scenario::Scenario;
use super::sim::{baseline_into, simulate_into, Month};

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
///
/// Every sum is one pass in month order from `-0.0`, as `Iterator::sum` adds (the last year's
/// figures from the last month back), so the figures are bit for bit those of summing each one
/// separately; written out because the Monte Carlo runs this for every draw and a closure per
/// figure and month cost as much as the simulation (`make bench`).
pub fn run_inputs_into(i: &Inputs, o: &mut Outcome) {
    simulate_into(i, i.extra_time, true, &mut o.scenario);
    baseline_into(i, &mut o.baseline);
    let (scenario, baseline) = (&o.scenario, &o.baseline);
    let mut acc = [0.0; 3];
    let mut diff = [0.0; 7];
    let cum = &mut o.cumulative_saving;
    for v in [&mut cum.cash, &mut cum.with_failure_demand, &mut cum.with_escalation] {
        v.clear();
    }
    let mut given = false;
    let (mut casework, mut pb, mut drift) = (-0.0, -0.0, -0.0);
    for (s, b) in scenario.iter().zip(baseline) {
        let (st, bt) = (s.costs.tiers(), b.costs.tiers());
        for k in 0..3 {
            acc[k] += bt[k] - st[k];
        }
        cum.cash.push(acc[0]);
        cum.with_failure_demand.push(acc[1]);
        cum.with_escalation.push(acc[2]);
        let (x, y) = (s.costs.as_array(), b.costs.as_array());
        for k in 0..7 {
            diff[k] += x[k] - y[k];
        }
        given |= s.extra_time.abs() > 1e-9;
        casework += s.trust_flows.casework();
        pb += s.trust_flows.pb();
        drift += s.trust_flows.drift;
    }
    // Only extra time actually given can pay back; without it any cost difference comes from the
    // other decision (participatory budgeting's effect on trust and appeals), not from the time.
    o.cycles = cycles(scenario.iter().map(|m| &m.pb), &i.pb);
    let (ys, yb) = (LastYear::of(scenario), LastYear::of(baseline));
    let end = |f: fn(&Month) -> f64| [scenario.last().map(f).unwrap_or(0.0), baseline.last().map(f).unwrap_or(0.0)];
    let cum = &o.cumulative_saving;
    o.headline = Headline {
        payback: Tiers::from_fn(|t| payback(cum.at(t), given)),
        net_saving: Tiers { cash: acc[0], with_failure_demand: acc[1], with_escalation: acc[2] },
        cost_difference: Costs::from_array(diff),
        wrong_per_year: [ys.wrong, yb.wrong],
        appeals_per_year: [ys.appeals, yb.appeals],
        overturns_per_year: [ys.overturns, yb.overturns],
        right_first_time: end(|m| m.right_first_time),
        waiting: end(|m| m.waiting),
        wait_months: end(|m| m.wait_months),
        sick_leave: end(|m| m.sick_leave),
        trust: end(|m| m.trust),
        trust0: i.trust.trust0,
        trust_from_casework: casework,
        trust_from_pb: pb,
        trust_drift: drift,
        pb: pb_headline(scenario, &o.cycles, i),
    };
}

/// Wrong decisions, appeals and overturns in the last 12 months of a run (summed from the last).
struct LastYear {
    wrong: f64,
    appeals: f64,
    overturns: f64,
}

impl LastYear {
    fn of(series: &[Month]) -> LastYear {
        let mut y = LastYear { wrong: -0.0, appeals: -0.0, overturns: -0.0 };
        for m in series.iter().rev().take(12) {
            y.wrong += m.wrong;
            y.appeals += m.appeals;
            y.overturns += m.overturns;
        }
        y
    }
}

fn pb_headline(months: &[Month], cycles: &[Cycle], i: &Inputs) -> PbHeadline {
    // One pass, each sum in month order (see `run_inputs_into`).
    let mut sum = [-0.0; 9];
    for m in months {
        let p = &m.pb;
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
            sum[k] += add[k];
        }
    }
    let [voters_total, process_cost, rarely_heard, funded, overruled, delivered, hours, value, spend] = sum;
    let last = months.last().map(|m| m.pb).unwrap_or_default();
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
