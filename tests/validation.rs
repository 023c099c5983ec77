//! The model against published figures (`scenarios/validation/`): the same cases `onepercent
//! validate` prints and the "How well does it fit?" page shows.
#![cfg(not(target_arch = "wasm32"))]

use onepercent::model::Scenario;
use onepercent::validation::{check, read_manifest, Row};

fn rows(runs: usize) -> Vec<Row> {
    let dir = format!("{}/scenarios/validation", env!("CARGO_MANIFEST_DIR"));
    let cases = read_manifest(&std::fs::read_to_string(format!("{dir}/cases.json")).unwrap()).unwrap();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    cases
        .iter()
        .map(|c| {
            let path = format!("{dir}/{}", c.file);
            let s = Scenario::from_json(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{path}: {e:?}"));
            check(c, &s, runs)
        })
        .collect()
}

#[test]
fn every_case_is_measured_and_the_consistency_checks_hold() {
    for r in rows(60) {
        assert!(r.model.is_finite() && r.model > 0.0, "{}: {}", r.case.id, r.model);
        assert!(r.band.p10 <= r.band.p50 && r.band.p50 <= r.band.p90, "{}", r.case.id);
        if r.case.kind == "consistency" {
            assert!(r.within, "{}: ratio {}", r.case.id, r.ratio);
        }
    }
}

/// The brief asks for every published turnout within a factor of 1.5. The fitted form meets it for
/// Warsaw and Helsinki 2021/2023 only; the others are within 1.8 (measured, `onepercent validate`).
/// This test holds that line so the fit cannot get worse unnoticed; it is not the brief's bar.
#[test]
fn published_turnouts_within_a_factor_of_one_point_eight() {
    for r in rows(20).iter().filter(|r| r.case.kind == "fitted") {
        assert!(
            r.ratio <= 1.8 && 1.0 / r.ratio <= 1.8,
            "{}: model {:.0} vs observed {}",
            r.case.id,
            r.model,
            r.case.observed
        );
    }
}
