//! Model-level tests: the figures MODEL.md says the defaults must reproduce, and invariants over
//! random inputs across the allowed ranges.
#![cfg(not(target_arch = "wasm32"))]

use onepercent::i18n::Lang;
use onepercent::model::casework::{Funding, Inputs};
use onepercent::model::params::{Unit, PARAMS};
use onepercent::model::presets::{apply, AREAS, SIZES};
use onepercent::model::rng::SplitMix64;
use onepercent::model::sim::simulate;
use onepercent::model::{run, Payback, Scenario, Tier, Tiers, P};

/// The default scenario without participatory budgeting (so casework effects stand alone), with
/// `pairs` set.
fn with(pairs: &[(P, f64)]) -> Scenario {
    let mut s = Scenario::default();
    s.set(P::PbShare, 0.0).unwrap();
    for &(p, v) in pairs {
        s.set(p, v).unwrap_or_else(|e| panic!("{p:?} = {v}: {e:?}"));
    }
    s
}

#[test]
fn baseline_reproduces_the_observed_overturn_share_and_appeal_rate_in_every_preset() {
    for area in &AREAS {
        for size in &SIZES {
            let s = apply(&Scenario::default(), area, size).unwrap();
            let base = run(&s).baseline;
            for m in &base {
                let overturn = m.overturns / m.board_decided;
                assert!(
                    (overturn - area.overturn_share).abs() <= 0.01,
                    "{}/{} month {}: overturn share {overturn} vs {}",
                    area.id,
                    size.id,
                    m.month,
                    area.overturn_share
                );
                let appeal_rate = m.appeals / m.decisions;
                assert!(
                    (appeal_rate - area.appeal_rate).abs() <= 1e-9,
                    "{}/{}: appeals {} vs rate x decisions {}",
                    area.id,
                    size.id,
                    m.appeals,
                    area.appeal_rate * m.decisions
                );
            }
        }
    }
}

#[test]
fn more_extra_time_never_raises_the_error_share_of_a_run() {
    for funding in [0.0, 1.0] {
        let mut prev: Option<Vec<f64>> = None;
        for step in 0..=25 {
            let x = -0.5 + step as f64 * 0.1;
            let s = with(&[(P::ExtraTime, x), (P::Funding, funding)]);
            let errors: Vec<f64> = run(&s).scenario.iter().map(|m| m.error_share).collect();
            if let Some(p) = &prev {
                for (a, b) in errors.iter().zip(p) {
                    assert!(*a <= b + 1e-12, "x = {x}, funding {funding}: error share rose from {b} to {a}");
                }
            }
            prev = Some(errors);
        }
    }
}

#[test]
fn payback_exists_only_if_the_parameters_say_so() {
    // Without the cost of the help itself, escalation makes 25% more time pay back within five years.
    let cheap_help = run(&with(&[(P::HelpCost, 0.0)])).headline;
    assert!(matches!(cheap_help.payback.with_escalation, Payback::Month(_)), "{:?}", cheap_help.payback);
    // ... but not on the cash the council books, nor with failure demand alone.
    assert_eq!(cheap_help.payback.cash, Payback::NotWithinHorizon);
    assert_eq!(cheap_help.payback.with_failure_demand, Payback::NotWithinHorizon);
    // A near-zero effect of time on errors: the time is pure cost on every tier.
    let none = run(&with(&[(P::TimeEffect, 0.001), (P::HelpCost, 0.0)])).headline;
    for t in Tier::ALL {
        assert_eq!(*none.payback.at(t), Payback::NotWithinHorizon, "{t:?}");
        assert!(*none.net_saving.at(t) < 0.0);
    }
}

#[test]
fn paying_the_help_that_is_owed_can_make_more_time_cost_more_than_it_saves() {
    // The help owed set high, escalation at 0: right decisions pay help that wrong refusals withheld.
    let s = with(&[(P::HelpCost, 20_000.0), (P::EscalationCost, 0.0), (P::UnderGrantShare, 0.9)]);
    let o = run(&s);
    let h = &o.headline;
    assert!(h.cost_difference.help > 0.0, "the help costs more: {}", h.cost_difference.help);
    assert!(h.wrong_per_year[0] < h.wrong_per_year[1], "fewer wrong decisions");
    for t in Tier::ALL {
        assert_eq!(*h.payback.at(t), Payback::NotWithinHorizon, "{t:?}");
        assert!(*h.net_saving.at(t) < 0.0, "{t:?}");
    }
    // And the model says so, in both languages.
    let en = onepercent::report::casework_summary(&s, &o, Lang::En);
    assert!(en.contains("does not pay for itself") && en.contains("The help itself costs"), "{en}");
    let da = onepercent::report::casework_summary(&s, &o, Lang::Da);
    assert!(da.contains("betaler sig ikke hjem") && da.contains("Selve hjælpen koster"), "{da}");
    // Over-granting errors instead: right decisions save help that was not owed.
    let over = run(&with(&[(P::HelpCost, 20_000.0), (P::UnderGrantShare, 0.1)])).headline;
    assert!(over.cost_difference.help < 0.0);
}

#[test]
fn no_extra_time_given_means_no_difference_never_a_payback_month() {
    // 0% extra time, with participatory budgeting on (its trust effect changes appeals and costs).
    let mut s = Scenario::default();
    s.set(P::ExtraTime, 0.0).unwrap();
    let h = run(&s).headline;
    assert_eq!(h.payback, Tiers::from_fn(|_| Payback::NoDifference));
    // Absorb mode at today's capacity: the wanted time cannot be given, so nothing pays back.
    let absorb = run(&with(&[(P::Funding, 1.0)])).headline;
    assert_eq!(absorb.payback, Tiers::from_fn(|_| Payback::NoDifference));
    // Hire mode with a horizon shorter than recruitment: no one starts, nothing differs.
    let late = run(&with(&[(P::RecruitmentMonths, 12.0), (P::Horizon, 12.0)])).headline;
    assert_eq!(late.payback.cash, Payback::NoDifference);
}

#[test]
fn less_time_in_hire_mode_costs_less_and_never_a_negative_cost() {
    let o = run(&with(&[(P::ExtraTime, -0.3)]));
    for (a, b) in o.scenario.iter().zip(&o.baseline) {
        assert!(a.costs.as_array().iter().all(|c| *c >= 0.0), "month {}: {:?}", a.month, a.costs);
        assert_eq!(a.costs.extra_staff, 0.0);
        assert!(a.costs.time < b.costs.time, "fewer hours are paid");
    }
}

#[test]
fn hired_time_waits_for_recruitment() {
    let o = run(&with(&[(P::RecruitmentMonths, 4.0)]));
    for m in &o.scenario[..4] {
        assert_eq!((m.extra_time, m.costs.extra_staff), (0.0, 0.0), "month {}", m.month);
    }
    assert!(o.scenario[4].extra_time > 0.0 && o.scenario[4].extra_time < 0.25, "onboarding");
    assert!(o.scenario[4].costs.extra_staff > 0.0, "paid in full from the start");
}

#[test]
fn decisions_follow_the_population() {
    let small = Inputs::from_scenario(&with(&[(P::Population, 20_000.0)]));
    let typed = Inputs::from_scenario(&with(&[(P::Population, 20_000.0), (P::DecisionsPerMonth, 300.0)]));
    assert_eq!(small.decisions, 80.0);
    assert_eq!(typed.decisions, 300.0);
}

#[test]
fn absorbing_extra_time_without_staff_changes_nothing_at_todays_capacity() {
    // With no new staff, capacity is exactly today's demand: the wanted extra time cannot be given.
    let s = with(&[(P::Funding, 1.0)]);
    let o = run(&s);
    for (a, b) in o.scenario.iter().zip(&o.baseline) {
        assert!((a.error_share - b.error_share).abs() < 1e-9);
    }
    assert!(matches!(Inputs::from_scenario(&s).funding, Funding::Absorb));
}

#[test]
fn squeezed_time_in_absorb_mode_raises_errors_and_backlog_when_demand_grows() {
    // Less time per decision by choice (x < 0) raises errors; more errors raise rework and failure
    // demand, which in absorb mode squeeze time further.
    let o = run(&with(&[(P::ExtraTime, -0.3), (P::Funding, 1.0)]));
    let last = o.scenario.last().unwrap();
    assert!(last.error_share > o.baseline.last().unwrap().error_share);
    assert!(last.waiting > o.baseline.last().unwrap().waiting);
}

#[test]
fn same_seed_same_result() {
    use onepercent::model::montecarlo::{checksum, monte_carlo};
    let s = with(&[(P::ExtraTime, 0.4)]);
    // The deterministic run draws nothing: the seed does not change it.
    let mut other = s.clone();
    other.seed = s.seed.wrapping_add(1);
    assert_eq!(run(&s), run(&other));
    let i = Inputs::from_scenario(&s);
    assert_eq!(simulate(&i, 0.4, true), simulate(&i, 0.4, true));
    // The Monte Carlo draws from the seed: the same seed gives the same bands bit for bit (computed
    // twice, from two copies), another seed other bands.
    let a = checksum(&monte_carlo(&s, 60));
    assert_eq!(a, checksum(&monte_carlo(&s.clone(), 60)));
    assert_ne!(a, checksum(&monte_carlo(&other, 60)));
}

/// A random valid scenario: every parameter uniform within its allowed range.
fn random_scenario(rng: &mut SplitMix64) -> Option<Scenario> {
    let mut s = Scenario::default();
    for spec in &PARAMS {
        let u = rng.next_f64();
        let v = if spec.unit == Unit::Choice {
            (u * (spec.max + 1.0)).floor().min(spec.max)
        } else if spec.min > 0.0 && spec.max / spec.min > 100.0 {
            // Wide ranges (population, budget, decisions): uniform on a log scale.
            (spec.min.ln() + u * (spec.max.ln() - spec.min.ln())).exp().clamp(spec.min, spec.max)
        } else {
            spec.min + u * (spec.max - spec.min)
        };
        if s.set(spec.id, v).is_err() {
            // Observables that contradict each other are rejected by validation, not simulated.
            return None;
        }
    }
    s.seed = rng.next_u64();
    Some(s)
}

#[test]
fn all_outputs_finite_and_in_range_for_random_inputs() {
    let mut rng = SplitMix64::new(2026);
    let mut checked = 0;
    while checked < 3_000 {
        let Some(s) = random_scenario(&mut rng) else { continue };
        checked += 1;
        let o = run(&s);
        for m in o.scenario.iter().chain(&o.baseline) {
            let ctx = || format!("{}\nmonth {m:?}", s.to_json());
            let all = [
                m.extra_time,
                m.decisions,
                m.redecisions,
                m.backlog,
                m.error_share,
                m.wrong,
                m.appeals,
                m.board_decided,
                m.overturns,
                m.remands,
                m.right_first_time,
                m.waiting,
                m.wait_months,
                m.sick_leave,
                m.hours,
                m.trust,
            ];
            assert!(all.iter().all(|x| x.is_finite()), "{}", ctx());
            assert!(all.iter().all(|&x| x >= -1e-9 || x == m.extra_time), "negative count: {}", ctx());
            for share in [m.error_share, m.right_first_time, m.sick_leave, m.trust] {
                assert!((0.0..=1.0).contains(&share), "share out of [0, 1]: {}", ctx());
            }
            for c in m.costs.as_array() {
                assert!(c.is_finite() && c >= 0.0, "cost negative or not finite: {}", ctx());
            }
            let ledger = m.trust_flows.total();
            assert!(ledger.is_finite());
        }
        for t in Tier::ALL {
            assert!(o.headline.net_saving.at(t).is_finite());
            assert!(o.cumulative_saving.at(t).iter().all(|c| c.is_finite()));
        }
    }
}

#[test]
fn trust_ledger_sums_to_the_change_in_trust() {
    let s = with(&[(P::ExtraTime, 0.5)]);
    let o = run(&s);
    let mut trust = s.get(P::Trust0);
    for m in &o.scenario {
        trust += m.trust_flows.total();
        assert!((trust - m.trust).abs() < 1e-12, "month {}", m.month);
    }
}

/// The bands of the default scenario, 200 runs, seed 1, as recorded in tests/fixtures/mc-checksum.txt;
/// the in-browser test (tests/web.rs) compares its own bands with the same recorded value.
#[test]
fn monte_carlo_bands_match_the_recorded_checksum() {
    use onepercent::model::montecarlo::{checksum, monte_carlo};
    let recorded: u64 = include_str!("fixtures/mc-checksum.txt")
        .lines()
        .find(|l| !l.starts_with('#'))
        .and_then(|l| l.trim().parse().ok())
        .expect("a number in tests/fixtures/mc-checksum.txt");
    let actual = checksum(&monte_carlo(&Scenario::default(), 200));
    assert_eq!(
        actual, recorded,
        "the model's numbers changed: if that is intended, record {actual} in tests/fixtures/mc-checksum.txt"
    );
}
