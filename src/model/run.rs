//! One scenario against its baseline: both runs, the differences and the headline figures.

use super::casework::{Costs, Inputs, Tier, Tiers};
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

fn last_year(series: &[Month], f: impl Fn(&Month) -> f64) -> f64 {
    series.iter().rev().take(12).map(f).sum()
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
    simulate_into(i, i.extra_time, true, &mut o.scenario);
    baseline_into(i, &mut o.baseline);
    let (scenario, baseline) = (&o.scenario, &o.baseline);
    let mut acc = [0.0; 3];
    let mut diff = [0.0; 7];
    for t in Tier::ALL {
        o.cumulative_saving.at_mut(t).clear();
    }
    for (s, b) in scenario.iter().zip(baseline) {
        for (k, t) in Tier::ALL.into_iter().enumerate() {
            acc[k] += b.costs.tier(t) - s.costs.tier(t);
            o.cumulative_saving.at_mut(t).push(acc[k]);
        }
        for (d, (x, y)) in diff.iter_mut().zip(s.costs.as_array().iter().zip(b.costs.as_array())) {
            *d += x - y;
        }
    }
    // Only extra time actually given can pay back; without it any cost difference comes from the
    // other decision (participatory budgeting's effect on trust and appeals), not from the time.
    let given = scenario.iter().any(|m| m.extra_time.abs() > 1e-9);
    let pair = |f: &dyn Fn(&[Month]) -> f64| [f(scenario), f(baseline)];
    let end = |f: fn(&Month) -> f64| pair(&|m: &[Month]| m.last().map(f).unwrap_or(0.0));
    o.cycles = cycles(scenario.iter().map(|m| &m.pb), &i.pb);
    let cum = &o.cumulative_saving;
    let headline = Headline {
        payback: Tiers::from_fn(|t| payback(cum.at(t), given)),
        net_saving: Tiers { cash: acc[0], with_failure_demand: acc[1], with_escalation: acc[2] },
        cost_difference: Costs::from_array(diff),
        wrong_per_year: pair(&|m| last_year(m, |x| x.wrong)),
        appeals_per_year: pair(&|m| last_year(m, |x| x.appeals)),
        overturns_per_year: pair(&|m| last_year(m, |x| x.overturns)),
        right_first_time: end(|m| m.right_first_time),
        waiting: end(|m| m.waiting),
        wait_months: end(|m| m.wait_months),
        sick_leave: end(|m| m.sick_leave),
        trust: end(|m| m.trust),
        trust0: i.trust.trust0,
        trust_from_casework: scenario.iter().map(|m| m.trust_flows.casework()).sum(),
        trust_from_pb: scenario.iter().map(|m| m.trust_flows.pb()).sum(),
        trust_drift: scenario.iter().map(|m| m.trust_flows.drift).sum(),
        pb: pb_headline(scenario, &o.cycles, i),
    };
    o.headline = headline;
}

fn pb_headline(months: &[Month], cycles: &[Cycle], i: &Inputs) -> PbHeadline {
    let sum = |f: fn(&Month) -> f64| months.iter().map(f).sum::<f64>();
    let voters_total = sum(|m| m.pb.voters);
    let process_cost = sum(|m| m.pb.process_cost);
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
        rarely_heard_voters_total: sum(|m| m.pb.rarely_heard_voters),
        funded: sum(|m| m.pb.funded),
        overruled: sum(|m| m.pb.overruled),
        delivered: sum(|m| m.pb.delivered),
        overdue: last.overdue,
        volunteer_hours: sum(|m| m.pb.volunteer_hours),
        volunteer_value: sum(|m| m.pb.volunteer_value),
        spent: sum(|m| m.pb.project_spend) + process_cost,
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
