//! Exports of a run: JSON and CSV, shared by the command line and (later) the app's downloads, so
//! both give the same numbers for the same scenario and seed. Pure: no browser, no files.

use serde_json::{json, Value};

use crate::model::casework::{Costs, Tier};
use crate::model::montecarlo::{Bands, Output, Series, Swing};
use crate::model::params::{Unit, PARAMS};
use crate::model::sim::Month;
use crate::model::trust::TrustFlows;
use crate::model::{Outcome, Scenario, P};

/// The whole result as JSON: the scenario, the headline, every month of scenario and baseline,
/// and the Monte Carlo summary when there is one.
pub fn to_json(s: &Scenario, o: &Outcome, mc: Option<&Bands>) -> String {
    let scenario: Value = serde_json::from_str(&s.to_json()).unwrap_or(Value::Null);
    // (serde_json here: the export runs natively; the browser build reads scenarios with model::json.)
    let months: Vec<Value> = o
        .scenario
        .iter()
        .zip(&o.baseline)
        .enumerate()
        .map(|(t, (a, b))| {
            let c = &o.cumulative_saving;
            let cumulative = json!({"cash": c.cash[t], "with_failure_demand": c.with_failure_demand[t],
                "with_escalation": c.with_escalation[t]});
            json!({"month": a.month, "scenario": a, "baseline": b, "cumulative_saving": cumulative})
        })
        .collect();
    let mut top = json!({
        "scenario": scenario,
        "currency": s.choice(P::Currency),
        "headline": o.headline,
        "pb_cycles": o.cycles,
        "months": months,
    });
    if let (Some(mc), Some(obj)) = (mc, top.as_object_mut()) {
        obj.insert("monte_carlo".into(), serde_json::to_value(mc).unwrap_or(Value::Null));
    }
    serde_json::to_string_pretty(&top).unwrap_or_default()
}

/// One CSV column: its name (with unit) and how to read it from a month.
struct Column {
    name: &'static str,
    get: fn(&Month) -> f64,
}

const COLUMNS: &[Column] = &[
    Column { name: "extra_time_share", get: |m| m.extra_time },
    Column { name: "decisions_per_month", get: |m| m.decisions },
    Column { name: "redecisions_per_month", get: |m| m.redecisions },
    Column { name: "backlog_decisions", get: |m| m.backlog },
    Column { name: "error_share", get: |m| m.error_share },
    Column { name: "wrong_decisions_per_month", get: |m| m.wrong },
    Column { name: "appeals_per_month", get: |m| m.appeals },
    Column { name: "board_decided_per_month", get: |m| m.board_decided },
    Column { name: "overturns_per_month", get: |m| m.overturns },
    Column { name: "remands_per_month", get: |m| m.remands },
    Column { name: "right_first_time_share", get: |m| m.right_first_time },
    Column { name: "waiting_citizens", get: |m| m.waiting },
    Column { name: "owed_help_citizens", get: |m| m.owed_help },
    Column { name: "wait_months", get: |m| m.wait_months },
    Column { name: "sick_leave_share", get: |m| m.sick_leave },
    Column { name: "hours_per_month", get: |m| m.hours },
    Column { name: "trust_share", get: |m| m.trust },
    Column { name: "pb_vote_cycle", get: |m| m.pb.cycle as f64 },
    Column { name: "pb_turnout_share_of_adults", get: |m| m.pb.turnout },
    Column { name: "pb_voters", get: |m| m.pb.voters },
    Column { name: "pb_reach_share_of_adults", get: |m| m.pb.reach },
    Column { name: "pb_representation_index", get: |m| m.pb.representation },
    Column { name: "pb_rarely_heard_voters", get: |m| m.pb.rarely_heard_voters },
    Column { name: "pb_projects_funded", get: |m| m.pb.funded },
    Column { name: "pb_projects_overruled", get: |m| m.pb.overruled },
    Column { name: "pb_projects_delivered", get: |m| m.pb.delivered },
    Column { name: "pb_projects_overdue", get: |m| m.pb.overdue },
    Column { name: "pb_volunteer_hours", get: |m| m.pb.volunteer_hours },
    Column { name: "pb_extra_election_voters", get: |m| m.pb.extra_election_voters },
];

fn value_text(s: &Scenario, i: usize) -> String {
    let spec = &PARAMS[i];
    match spec.unit {
        Unit::Choice => spec.choices[s.values()[i] as usize].to_string(),
        _ => num(s.values()[i]),
    }
}

/// A number in a CSV cell: the shortest text that reads back to the same bits (the app's download
/// and the command line write the same text; no float printing in the browser build).
fn num(x: f64) -> String {
    crate::model::json::shortest(x).unwrap_or_else(|| {
        if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .into()
    })
}

/// The monthly series as CSV: `#` header lines with the seed and every parameter value, then one
/// row a month with scenario and baseline columns (units in the column names); with Monte Carlo
/// bands, P10-P90 columns for the cumulative saving and trust, and the runs in the header.
pub fn to_csv(s: &Scenario, o: &Outcome, mc: Option<&Bands>) -> String {
    let cur = s.choice(P::Currency);
    let mut out = String::new();
    out.push_str(
        "# One Percent: scenario vs baseline (no extra time, no participatory budgeting), one row per month\n",
    );
    out.push_str(&format!("# seed = {}\n", s.seed));
    if let Some(mc) = mc {
        out.push_str(&format!("# monte_carlo_runs = {}\n", mc.runs));
    }
    let h = &o.headline;
    let payback = |p: &crate::model::Payback| match p {
        crate::model::Payback::Month(m) => m.to_string(),
        crate::model::Payback::NotWithinHorizon => "not_within_horizon".into(),
        crate::model::Payback::NoDifference => "no_difference".into(),
    };
    // Cash first: the payback on what the council books, then adding what rests on assumptions.
    out.push_str(&format!("# headline payback_month = {}\n", payback(&h.payback.cash)));
    out.push_str(&format!(
        "# headline payback_month_with_failure_demand = {}\n",
        payback(&h.payback.with_failure_demand)
    ));
    out.push_str(&format!("# headline payback_month_with_escalation = {}\n", payback(&h.payback.with_escalation)));
    for (name, x) in [
        (format!("net_saving_{cur}"), h.net_saving.cash),
        (format!("net_saving_with_failure_demand_{cur}"), h.net_saving.with_failure_demand),
        (format!("net_saving_with_escalation_{cur}"), h.net_saving.with_escalation),
        ("trust_end_share".into(), h.trust[0]),
        ("trust_end_baseline_share".into(), h.trust[1]),
        ("wrong_decisions_last_year".into(), h.wrong_per_year[0]),
        ("overturns_last_year".into(), h.overturns_per_year[0]),
        ("pb_turnout_year3_share_of_adults".into(), h.pb.turnout_year3),
        ("pb_reach_share_of_adults".into(), h.pb.reach),
    ] {
        out.push_str(&format!("# headline {name} = {}\n", num(x)));
    }
    for (i, spec) in PARAMS.iter().enumerate() {
        out.push_str(&format!("# {} = {}\n", spec.key, value_text(s, i)));
    }
    for spec in &PARAMS {
        out.push_str(&format!("# grade {} = {}\n", spec.key, spec.grade.key()));
    }
    let mut header = vec!["month".to_string()];
    for run in ["scenario", "baseline"] {
        header.extend(COLUMNS.iter().map(|c| format!("{run}_{}", c.name)));
        header.extend(TrustFlows::KEYS.iter().map(|k| format!("{run}_trust_flow_{k}_share")));
        header.push(format!("{run}_pb_project_spend_{cur}"));
        header.push(format!("{run}_pb_process_cost_{cur}"));
        header.push(format!("{run}_pb_volunteer_value_{cur}"));
        header.extend(Costs::KEYS.iter().map(|k| format!("{run}_cost_{k}_{cur}_per_month")));
        header.push(format!("{run}_cost_total_{cur}_per_month"));
    }
    header.push(format!("cumulative_net_saving_{cur}"));
    header.push(format!("cumulative_net_saving_with_failure_demand_{cur}"));
    header.push(format!("cumulative_net_saving_with_escalation_{cur}"));
    let banded = [
        (Series::CumulativeSaving, format!("cumulative_net_saving_{cur}")),
        (Series::Trust, "scenario_trust_share".into()),
    ];
    if mc.is_some() {
        for (_, name) in &banded {
            header.extend(["p10", "p25", "p50", "p75", "p90"].map(|p| format!("{name}_{p}")));
        }
    }
    out.push_str(&header.join(","));
    out.push('\n');
    for (t, (a, b)) in o.scenario.iter().zip(&o.baseline).enumerate() {
        let mut row = vec![a.month.to_string()];
        for m in [a, b] {
            row.extend(COLUMNS.iter().map(|col| num((col.get)(m))));
            row.extend(m.trust_flows.as_array().iter().map(|x| num(*x)));
            row.extend([m.pb.project_spend, m.pb.process_cost, m.pb.volunteer_value].map(num));
            row.extend(m.costs.as_array().iter().map(|x| num(*x)));
            row.push(num(m.costs.total()));
        }
        for tier in Tier::ALL {
            row.push(num(o.cumulative_saving.at(tier)[t]));
        }
        if let Some(mc) = mc {
            for (series, _) in &banded {
                let b = mc.series(*series).get(a.month as usize - 1).copied().unwrap_or_default();
                row.extend([b.p10, b.p25, b.p50, b.p75, b.p90].map(num));
            }
        }
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// The tornado as JSON: the output, its value at the scenario's values, and the swings.
pub fn tornado_json(s: &Scenario, output: Output, swings: &[Swing]) -> String {
    let v = json!({
        "output": output,
        "seed": s.seed,
        "at_value": swings.first().map(|w| w.at_value),
        "swings": swings,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// The tornado as CSV, widest swing first.
pub fn tornado_csv(output: Output, swings: &[Swing]) -> String {
    let mut out = format!(
        "# One Percent: sensitivity of {}\nparam,low,high,output_at_low,output_at_high,output_at_value,swing\n",
        output.key()
    );
    for w in swings {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            PARAMS[w.param as usize].key,
            w.low,
            w.high,
            w.at_low,
            w.at_high,
            w.at_value,
            w.width()
        ));
    }
    out
}

/// The parameter table as CSV (for `onepercent params`).
pub fn params_csv() -> String {
    let mut out = String::from(
        "key,unit,default,min,max,uncertainty_low,uncertainty_high,grade,source_kind,source_en,label_en,label_da\n",
    );
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    for p in &PARAMS {
        let (kind, src) = match p.source {
            crate::model::params::Source::Cited(s) => ("source", *s.en()),
            crate::model::params::Source::Assumption(s) => ("assumption", *s.en()),
        };
        let (lo, hi) = p.uncertainty.map(|(l, h)| (l.to_string(), h.to_string())).unwrap_or_default();
        let unit = if p.unit == Unit::Choice { p.choices.join("|") } else { p.unit.label().en().to_string() };
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            p.key,
            q(&unit),
            p.default,
            p.min,
            p.max,
            lo,
            hi,
            p.grade.key(),
            kind,
            q(src),
            q(p.label.en()),
            q(p.label.da())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run;

    #[test]
    fn csv_has_a_row_per_month_and_matching_columns() {
        let s = Scenario::default();
        let o = run(&s);
        let csv = to_csv(&s, &o, None);
        let rows: Vec<&str> = csv.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows.len(), 1 + o.scenario.len());
        let width = rows[0].split(',').count();
        assert!(rows.iter().all(|r| r.split(',').count() == width));
        assert!(rows[0].contains("scenario_cost_escalation_DKK_per_month"));
        let last: Vec<f64> = rows.last().unwrap().split(',').map(|x| x.parse().unwrap()).collect();
        // The last three columns: the cumulative saving on each tier.
        let n = last.len();
        assert_eq!(last[n - 3], o.headline.net_saving.cash);
        assert_eq!(last[n - 1], o.headline.net_saving.with_escalation);
    }

    #[test]
    fn json_parses_and_carries_the_headline() {
        let s = Scenario::default();
        let o = run(&s);
        let v: Value = serde_json::from_str(&to_json(&s, &o, None)).unwrap();
        assert_eq!(v["months"].as_array().unwrap().len(), o.scenario.len());
        assert_eq!(v["headline"]["net_saving"]["cash"].as_f64().unwrap(), o.headline.net_saving.cash);
        assert_eq!(v["headline"]["payback"]["cash"], json!("not_within_horizon"));
        assert_eq!(Scenario::from_json(&v["scenario"].to_string()).unwrap(), s);
    }
}
