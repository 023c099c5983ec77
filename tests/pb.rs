//! Participatory budgeting: the published turnout points, the shapes MODEL.md asks for, and the
//! effects of overruling, late delivery and stopping.
#![cfg(not(target_arch = "wasm32"))]

use onepercent::model::pb::PbInputs;
use onepercent::model::{run, Scenario, P, PARAMS};

/// PB alone: no extra casework time.
fn with(pairs: &[(P, f64)]) -> Scenario {
    let mut s = Scenario::default();
    s.set(P::ExtraTime, 0.0).unwrap();
    for &(p, v) in pairs {
        s.set(p, v).unwrap_or_else(|e| panic!("{p:?} = {v}: {e:?}"));
    }
    s
}

#[test]
fn a_process_that_delivers_nothing_costs_trust_and_loses_turnout() {
    // Every other value at its default, extra casework time included.
    let mut s = Scenario::default();
    s.set(P::PbDelivery, 0.0).unwrap();
    let o = run(&s);
    let h = &o.headline;
    assert!(h.trust[0] < h.trust[1], "trust {} should end below the baseline's {}", h.trust[0], h.trust[1]);
    assert!(h.trust_from_pb < 0.0, "PB's own contribution: {}", h.trust_from_pb);
    let t: Vec<f64> = o.cycles.iter().map(|c| c.turnout).collect();
    assert!(t.len() >= 3 && t[2] < t[1] && t.windows(2).skip(1).all(|w| w[1] < w[0]), "turnout {t:?}");
    // The same process delivering its projects gains trust and turnout.
    let kept = run(&Scenario::default());
    assert!(kept.headline.trust_from_pb > 0.0);
    assert!(kept.cycles[2].turnout > kept.cycles[1].turnout);
}

#[test]
fn losses_are_not_structurally_weaker_than_gains() {
    // One voter's experience at today's trust: high-trust people can lose it (share T), low-trust
    // people can gain it (share 1 - T). At 30% trust an overruled vote already costs more than a
    // delivered project gains, and the uncertainty range of a broken promise includes the same.
    let p = PbInputs::from_scenario(&Scenario::default());
    let t = p.trust0;
    let gain = p.trust_delivered * (1.0 - t);
    assert!(p.trust_overruled * t > gain, "overruled {} vs delivered {gain}", p.trust_overruled * t);
    let broken_high = PARAMS[P::TrustPbBroken as usize].uncertainty.unwrap().1;
    assert!(broken_high * t > gain, "broken (high end) {} vs delivered {gain}", broken_high * t);
    // Every loss probability is at least twice the gain's (Slovic's asymmetry).
    for loss in [p.trust_overruled, p.trust_broken, p.trust_disappointment] {
        assert!(loss >= 2.0 * p.trust_delivered, "{loss}");
    }
}

#[test]
fn the_information_effect_reaches_those_who_hear_not_the_voters() {
    // With nobody around a voter (reach 1), hearing of the vote moves no one.
    let mut s = with(&[(P::TrustReach, 1.0), (P::PbDelivery, 0.0), (P::PbOverride, 0.0)]);
    s.set(P::TrustPbBroken, 0.0).unwrap();
    let o = run(&s);
    assert_eq!(o.scenario.iter().map(|m| m.trust_flows.pb_information).sum::<f64>(), 0.0);
    let wider = run(&with(&[(P::TrustReach, 4.0)]));
    assert!(wider.scenario.iter().map(|m| m.trust_flows.pb_information).sum::<f64>() > 0.0);
}

#[test]
fn turnout_rises_with_the_pot_at_first_and_saturates() {
    let shares = [0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.003];
    let turnout: Vec<f64> =
        shares.iter().map(|&x| PbInputs::from_scenario(&with(&[(P::PbShare, x)])).turnout(1.0, 0.3)).collect();
    for w in turnout.windows(2) {
        assert!(w[1] > w[0], "turnout must rise with the pot: {turnout:?}");
    }
    // Gains shrink: from 0.002% to 0.005% adds more than from 0.1% to 0.3%.
    assert!(turnout[1] - turnout[0] > (turnout[6] - turnout[5]) * 5.0, "{turnout:?}");
    assert!(turnout[6] / turnout[5] < 1.02, "no saturation: {turnout:?}");
}

#[test]
fn larger_municipalities_turn_out_less_at_the_same_share() {
    let t = |pop: f64| {
        let s = with(&[(P::Population, pop)]);
        run(&s).headline.pb.turnout_year3
    };
    let (small, medium, large) = (t(20_000.0), t(50_000.0), t(350_000.0));
    assert!(small > medium && medium > large, "{small} {medium} {large}");
}

#[test]
fn overruling_and_late_delivery_lower_trust_and_later_turnout() {
    let good = run(&with(&[(P::PbOverride, 0.0), (P::PbDelivery, 0.9)])).headline;
    let overruled = run(&with(&[(P::PbOverride, 0.4), (P::PbDelivery, 0.9)])).headline;
    let late = run(&with(&[(P::PbOverride, 0.0), (P::PbDelivery, 0.2)])).headline;
    for (name, bad) in [("overruled", &overruled), ("late", &late)] {
        assert!(bad.trust[0] < good.trust[0], "{name}: trust {} vs {}", bad.trust[0], good.trust[0]);
        assert!(bad.pb.turnout_last < good.pb.turnout_last, "{name}: turnout");
        assert!(bad.trust_from_pb < good.trust_from_pb, "{name}: PB's trust contribution");
    }
}

#[test]
fn stopping_after_several_cycles_disappoints_visibly() {
    let going = run(&with(&[(P::PbYears, 10.0)]));
    let stopped = run(&with(&[(P::PbYears, 3.0)]));
    // Votes at months 6, 18, 30; the fourth would have come in month 42.
    let hit = stopped.scenario[41].trust_flows.pb_disappointment;
    assert!(hit < 0.0, "no disappointment in month 42: {hit}");
    assert_eq!(going.scenario.iter().map(|m| m.trust_flows.pb_disappointment).sum::<f64>(), 0.0);
    let drop = stopped.scenario[41].trust - stopped.scenario[40].trust;
    assert!(drop < -0.001, "trust should visibly fall when PB stops: {drop}");
    assert!(stopped.headline.trust[0] < going.headline.trust[0]);
}

#[test]
fn a_pot_of_zero_is_exactly_the_baseline() {
    let o = run(&with(&[(P::PbShare, 0.0)]));
    assert!(o.scenario == o.baseline, "a zero pot differs from the baseline");
    assert!(o.cycles.is_empty());
    assert_eq!(o.headline.trust_from_pb, 0.0);
    assert_eq!(o.headline.pb.voters_total, 0.0);
}

#[test]
fn pb_outputs_are_finite_and_shares_in_range_across_the_pb_parameters() {
    let mut rng = onepercent::model::rng::SplitMix64::new(4);
    let pb_params =
        onepercent::model::PARAMS.iter().filter(|p| p.key.starts_with("pb.") || p.key.starts_with("trust.pb"));
    let specs: Vec<_> = pb_params.collect();
    for _ in 0..2_000 {
        let mut s = Scenario::default();
        for spec in &specs {
            let v = spec.min + rng.next_f64() * (spec.max - spec.min);
            s.set(spec.id, v).unwrap();
        }
        let pop = 1_000.0 + rng.next_f64() * 2_000_000.0;
        s.set(P::Population, pop.round()).unwrap();
        let o = run(&s);
        for m in &o.scenario {
            let p = m.pb;
            for share in [p.turnout, p.reach, m.trust] {
                assert!((0.0..=1.0).contains(&share), "{}: {p:?}", s.to_json());
            }
            for x in [
                p.voters,
                p.funded,
                p.overruled,
                p.delivered,
                p.overdue,
                p.in_progress,
                p.volunteer_hours,
                p.process_cost,
            ] {
                assert!(x.is_finite() && x >= -1e-9, "{}: {p:?}", s.to_json());
            }
            assert!(m.trust_flows.as_array().iter().all(|f| f.is_finite()));
        }
        let total: f64 = o.scenario.iter().map(|m| m.trust_flows.total()).sum();
        assert!((s.get(P::Trust0) + total - o.headline.trust[0]).abs() < 1e-9, "ledger does not sum");
    }
}
