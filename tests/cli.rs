//! The command line: same numbers as the library, bad files refused with the app's messages.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use onepercent::model::{run, Scenario};

const BIN: &str = env!("CARGO_BIN_EXE_onepercent");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_bad_file_exits_non_zero_naming_key_and_range() {
    let out = Command::new(BIN).args(["run", &fixture("bad-scenario.json")]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Extra time per decision (case.extra_time): \"lots\" is not a number (allowed: -50.0% to 200.0%)"),
        "{err}"
    );
    assert!(err.contains("case.hourly_cost") && err.contains("100 to 2,000"), "{err}");
    assert!(err.contains("case.no_such_thing"), "{err}");
    assert!(out.stdout.is_empty());
    let da = Command::new(BIN).args(["run", &fixture("bad-scenario.json"), "--lang", "da"]).output().unwrap();
    assert!(String::from_utf8(da.stderr).unwrap().contains("er ikke et tal"));
    let missing = Command::new(BIN).args(["run", "/no/such/file.json"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn the_numbers_are_the_librarys_for_the_same_scenario_and_seed() {
    let out = Command::new(BIN).args(["run", &fixture("good-scenario.json"), "--seed", "11"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut s = Scenario::from_json(&std::fs::read_to_string(fixture("good-scenario.json")).unwrap()).unwrap();
    s.seed = 11;
    let o = run(&s);
    assert_eq!(v["scenario"]["seed"], 11);
    assert_eq!(v["headline"]["net_saving"]["cash"].as_f64().unwrap(), o.headline.net_saving.cash);
    assert_eq!(v["headline"]["net_saving"]["with_escalation"].as_f64().unwrap(), o.headline.net_saving.with_escalation);
    assert_eq!(v["months"][59]["scenario"]["trust"].as_f64().unwrap(), o.scenario[59].trust);
}

#[test]
fn csv_and_monte_carlo_and_params() {
    let csv = Command::new(BIN).args(["run", &fixture("good-scenario.json"), "--format", "csv"]).output().unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.contains("# case.extra_time = 0.5"));
    assert_eq!(text.lines().filter(|l| !l.starts_with('#')).count(), 61);
    let mc = Command::new(BIN).args(["run", &fixture("good-scenario.json"), "--runs", "40"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&mc.stdout).unwrap();
    assert_eq!(v["monte_carlo"]["runs"], 40);
    // Figures are [name, band] pairs; the net saving's band is ordered and not empty.
    let figures = v["monte_carlo"]["figures"].as_array().unwrap();
    let p = figures.iter().find(|f| f[0] == "net_saving").map(|f| f[1].clone()).unwrap();
    let (p10, p90) = (p["p10"].as_f64().unwrap(), p["p90"].as_f64().unwrap());
    assert!(p10 < p90, "{p10} {p90}");
    let shares = v["monte_carlo"]["payback"]["cash"]["shares"].as_array().unwrap();
    assert!((shares.iter().map(|x| x.as_f64().unwrap()).sum::<f64>() - 1.0).abs() < 1e-9);
    let params = Command::new(BIN).arg("params").output().unwrap();
    assert!(String::from_utf8(params.stdout).unwrap().contains("case.time_effect"));
    let bad = Command::new(BIN).args(["run", &fixture("good-scenario.json"), "--runs", "many"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    // `onepercent run good.json --runs 2000 | head -c 10` used to abort (exit 134, "Broken pipe").
    let mut child = Command::new(BIN)
        .args(["run", &fixture("good-scenario.json"), "--runs", "2000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn every_option_is_checked_against_the_command() {
    let good = fixture("good-scenario.json");
    for args in [
        vec!["run", good.as_str(), "--runs", "0"],
        vec!["run", good.as_str(), "--format", "xml"],
        vec!["sensitivity", good.as_str(), "--format", "xml"],
        vec!["params", "--format", "xml"],
        vec!["params", "stray.json"],
        vec!["run", "-x", good.as_str()],
        vec!["validate", "--format", "csv"],
    ] {
        let out = Command::new(BIN).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn an_endless_input_is_refused_not_read_until_memory_runs_out() {
    let out = Command::new(BIN).args(["run", "/dev/zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 10 MB"));
}

#[test]
fn ballots_counts_a_pb_file_with_the_rules_asked_for() {
    use onepercent::ballots::{pabulib, rules};
    let file = fixture("ballots/ten-voters.pb");
    let out = Command::new(BIN).args(["ballots", &file, "--rule", "greedy", "--rule", "mes-add1"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = pabulib::parse(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for (i, rule) in [rules::Rule::Greedy, rules::Rule::MesAdd1].into_iter().enumerate() {
        let o = rules::count(&e, rule);
        let funded: Vec<&str> = v["results"][i]["projects"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["funded"] == true)
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        let mut want: Vec<&str> = o.funded.iter().map(|&p| e.projects[p].id.as_str()).collect();
        want.sort();
        assert_eq!(funded, want, "{}", rule.key());
        assert_eq!(v["results"][i]["rule"], rule.key());
    }
    let csv = Command::new(BIN).args(["ballots", &file, "--rule", "mes", "--format", "csv"]).output().unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(text.lines().count(), 1 + 5, "{text}");
    let bad_rule = Command::new(BIN).args(["ballots", &file, "--rule", "borda"]).output().unwrap();
    assert_eq!(bad_rule.status.code(), Some(2));
    assert!(String::from_utf8(bad_rule.stderr).unwrap().contains("--rule takes greedy"));
    let bad = std::env::temp_dir().join("onepercent-bad.pb");
    std::fs::write(&bad, std::fs::read_to_string(&file).unwrap().replace("budget;1000", "budget;lots")).unwrap();
    let refused = Command::new(BIN).args(["ballots", bad.to_str().unwrap(), "--lang", "da"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8(refused.stderr).unwrap();
    assert!(err.contains("META, linje 4, feltet »budget«"), "{err}");
}
