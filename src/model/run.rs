//! One scenario against its baseline: both runs, the differences and the headline figures.

use super::casework::{simulate, Costs, Inputs, Month};
use super::scenario::Scenario;

/// When the extra time has paid for itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payback {
    /// The first month after which the cumulative net saving stays at or above zero (1-based).
    Month(u32),
    /// The cumulative net saving is still negative at some point at the end of the horizon.
    NotWithinHorizon,
    /// The scenario costs exactly what the baseline does in every month.
    NoDifference,
}

/// A scenario run and its baseline on the same inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub scenario: Vec<Month>,
    pub baseline: Vec<Month>,
    /// Cumulative net saving (baseline cost minus scenario cost, summed), per month.
    pub cumulative_saving: Vec<f64>,
    pub headline: Headline,
}

/// The figures a councillor reads first. "Per year" figures are the last 12 months of the horizon.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Headline {
    pub payback: Payback,
    /// Cumulative net saving at the horizon (negative: a net cost).
    pub net_saving: f64,
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
}

/// Find the payback month in a cumulative saving series.
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
    let scenario = simulate(i, i.extra_time);
    let baseline = simulate(i, 0.0);
    let mut cumulative_saving = Vec::with_capacity(scenario.len());
    let mut acc = 0.0;
    let mut diff = [0.0; 6];
    let mut differs = false;
    for (s, b) in scenario.iter().zip(&baseline) {
        let (sc, bc) = (s.costs.total(), b.costs.total());
        differs |= sc != bc;
        acc += bc - sc;
        cumulative_saving.push(acc);
        for (d, (x, y)) in diff.iter_mut().zip(s.costs.as_array().iter().zip(b.costs.as_array())) {
            *d += x - y;
        }
    }
    let pair = |f: &dyn Fn(&[Month]) -> f64| [f(&scenario), f(&baseline)];
    let end = |f: fn(&Month) -> f64| pair(&|m: &[Month]| m.last().map(f).unwrap_or(0.0));
    let headline = Headline {
        payback: payback(&cumulative_saving, differs),
        net_saving: acc,
        cost_difference: Costs {
            time: diff[0],
            extra_staff: diff[1],
            reconsideration: diff[2],
            rework: diff[3],
            failure_demand: diff[4],
            escalation: diff[5],
        },
        wrong_per_year: pair(&|m| last_year(m, |x| x.wrong)),
        appeals_per_year: pair(&|m| last_year(m, |x| x.appeals)),
        overturns_per_year: pair(&|m| last_year(m, |x| x.overturns)),
        right_first_time: end(|m| m.right_first_time),
        waiting: end(|m| m.waiting),
        wait_months: end(|m| m.wait_months),
        sick_leave: end(|m| m.sick_leave),
        trust: end(|m| m.trust),
        trust0: i.trust0,
    };
    Outcome { scenario, baseline, cumulative_saving, headline }
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
