//! The project's own fuzz suite: seeded, portable, no tools beyond `cargo test`. Every entry point
//! that reads text from outside gets generated and mutated inputs (byte flips, truncation,
//! duplication, special numbers such as `1e309`, `-0`, `NaN`, hex and subnormals, deep nesting, long
//! strings, non-ASCII, percent-encoding, repeated keys), and the model gets every parameter at its
//! extremes and random combinations. Checked: no panic; no input slower than a bound; every refusal
//! is named in both languages, briefly; every accepted scenario gives finite outputs within their
//! ranges; whatever a writer writes its reader reads back to the same value.
//!
//! `make test` runs 10,000 inputs per entry point (`cargo test --test fuzz`); `make fuzz` runs
//! 1,000,000 in release and prints the table (`ONEPERCENT_FUZZ=1000000`).
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use onepercent::i18n::Lang;
use onepercent::model::json::{parse_number, Json};
use onepercent::model::params::{Unit, PARAMS};
use onepercent::model::rng::SplitMix64;
use onepercent::model::{run, Outcome, Problem, Scenario};
use onepercent::saved::{clean_name, Library};

/// Inputs per entry point: `ONEPERCENT_FUZZ`, or 10,000.
fn budget() -> usize {
    std::env::var("ONEPERCENT_FUZZ").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000)
}

/// No single input may take longer than this (debug build, a 1 MB input included).
const SLOWEST: Duration = Duration::from_secs(3);

/// Texts that break parsers: special numbers, escapes, separators, non-ASCII.
const TOKENS: &[&str] = &[
    "1e309",
    "-1e309",
    "-0",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "0x0000000000000001",
    "0x7ff0000000000000",
    "0xfff8000000000000",
    "5e-324",
    "2.2250738585072014e-308",
    "1e-400",
    "4294967301",
    "18446744073709551616",
    "-1",
    "0",
    "1",
    "0.5999",
    "1e300",
    "112565157017930000000",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "=",
    "&",
    "?",
    "%",
    "%ZZ",
    "%00",
    "%F0%9F%98%80",
    "%C3%A6",
    "+",
    "æøå",
    "😀",
    "\u{0}",
    "\u{202e}",
    " ",
    "\n",
    "\t",
    "null",
    "true",
    "false",
    "v=1",
    "v=2",
    "seed=",
    "seed=-1",
    "lang=xx",
    "view=zz",
    "pb.share=",
    "case.extra_time=-0.5",
    "muni.budget=1000000",
    "pb.override_share=0.5",
    "http://x/?v=1&",
];

/// A mutation of `seed`: a few random edits.
fn mutate(rng: &mut SplitMix64, seed: &str) -> String {
    let mut b = seed.as_bytes().to_vec();
    let edits = 1 + rng.next_u64() % 4;
    for _ in 0..edits {
        let at = if b.is_empty() { 0 } else { (rng.next_u64() % (b.len() as u64 + 1)) as usize };
        match rng.next_u64() % 9 {
            0 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] ^= 1 << (rng.next_u64() % 8);
            }
            1 => b.truncate(at),
            2 if at < b.len() => {
                let end = (at + 1 + (rng.next_u64() % 40) as usize).min(b.len());
                let piece = b[at..end].to_vec();
                let times = 1 + rng.next_u64() % 3;
                for _ in 0..times {
                    b.splice(at..at, piece.iter().copied());
                }
            }
            3 | 4 => {
                let t = TOKENS[(rng.next_u64() % TOKENS.len() as u64) as usize];
                b.splice(at..at, t.bytes());
            }
            5 if at < b.len() => {
                let end = (at + 1 + (rng.next_u64() % 8) as usize).min(b.len());
                b.drain(at..end);
            }
            6 => {
                // Deep nesting or a long run.
                let c = [b'[', b'{', b'a', b'9', b'&', b'%'][(rng.next_u64() % 6) as usize];
                let n = 1 + (rng.next_u64() % 2_000) as usize;
                b.splice(at..at, std::iter::repeat_n(c, n));
            }
            7 if rng.next_u64().is_multiple_of(500) => {
                // Now and then a 1 MB string.
                b.splice(at..at, std::iter::repeat_n(b'x', 1 << 20));
            }
            _ => {
                let t = TOKENS[(rng.next_u64() % TOKENS.len() as u64) as usize];
                let end = (at + t.len()).min(b.len());
                b.splice(at..end, t.bytes());
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// A random valid scenario: each parameter anywhere in its allowed range (extremes often).
fn random_scenario(rng: &mut SplitMix64) -> Scenario {
    let mut s = Scenario::default();
    for spec in &PARAMS {
        if !rng.next_u64().is_multiple_of(3) {
            continue;
        }
        let u = rng.next_f64();
        let v = match rng.next_u64() % 5 {
            0 => spec.min,
            1 => spec.max,
            _ if spec.unit == Unit::Choice => (u * (spec.max + 1.0)).floor().min(spec.max),
            _ => spec.min + u * (spec.max - spec.min),
        };
        let _ = s.set(spec.id, v);
    }
    s.seed = rng.next_u64();
    s
}

/// Every output finite; shares in [0, 1]; counts and costs never negative (not even -1e-17).
fn check_outcome(s: &Scenario, o: &Outcome) {
    let ctx = || s.to_json();
    for m in o.scenario.iter().chain(&o.baseline) {
        let counts = [
            m.decisions,
            m.redecisions,
            m.backlog,
            m.wrong,
            m.appeals,
            m.board_decided,
            m.overturns,
            m.remands,
            m.waiting,
            m.owed_help,
            m.wait_months,
            m.hours,
            m.pb.voters,
            m.pb.rarely_heard_voters,
            m.pb.funded,
            m.pb.overruled,
            m.pb.delivered,
            m.pb.overdue,
            m.pb.in_progress,
            m.pb.volunteer_hours,
            m.pb.volunteer_value,
            m.pb.project_spend,
            m.pb.process_cost,
            m.pb.extra_election_voters,
        ];
        for x in counts.iter().chain(m.costs.as_array().iter()) {
            assert!(x.is_finite() && *x >= 0.0, "{x} in month {}: {}\n{m:?}", m.month, ctx());
        }
        for x in [m.error_share, m.right_first_time, m.sick_leave, m.trust, m.pb.turnout, m.pb.reach] {
            assert!((0.0..=1.0).contains(&x), "share {x} in month {}: {}", m.month, ctx());
        }
        assert!(m.extra_time.is_finite() && m.trust_flows.as_array().iter().all(|f| f.is_finite()), "{}", ctx());
    }
    for t in onepercent::model::Tier::ALL {
        assert!(o.headline.net_saving.at(t).is_finite(), "{}", ctx());
    }
}

/// A refusal is named in both languages, briefly, and never echoes a flood of input.
fn check_problems(problems: &[Problem]) {
    assert!(!problems.is_empty());
    assert!(problems.len() <= onepercent::model::scenario::MAX_PROBLEMS + 1, "{} problems", problems.len());
    for p in problems {
        for lang in [Lang::Da, Lang::En] {
            let m = p.message(lang);
            assert!(!m.trim().is_empty() && m.chars().count() <= 400, "{lang:?}: {m}");
        }
    }
}

/// Run the budget of inputs from `make_input` through `check` (true: accepted) and print the
/// counts, the time and the slowest input.
fn campaign(
    name: &str,
    seed: u64,
    make_input: &mut dyn FnMut(&mut SplitMix64) -> String,
    check: &mut dyn FnMut(&str) -> bool,
) {
    let n = budget();
    let mut rng = SplitMix64::new(seed);
    let (mut accepted, mut slowest) = (0usize, Duration::ZERO);
    let start = Instant::now();
    for _ in 0..n {
        let input = make_input(&mut rng);
        let t = Instant::now();
        if check(&input) {
            accepted += 1;
        }
        let took = t.elapsed();
        assert!(took <= SLOWEST, "{name}: an input of {} bytes took {took:?}", input.len());
        slowest = slowest.max(took);
    }
    // On a line of its own (the test harness may have started one).
    println!(
        "\nfuzz {name:<24} inputs {n:>9}  accepted {accepted:>9}  rejected {:>9}  time {:>8.2?}  slowest {slowest:.2?}",
        n - accepted,
        start.elapsed()
    );
}

/// A seed document or a mutation of one.
fn from_seeds(rng: &mut SplitMix64, seeds: &[String]) -> String {
    let seed = &seeds[(rng.next_u64() % seeds.len() as u64) as usize];
    if rng.next_u64().is_multiple_of(8) {
        seed.clone()
    } else {
        mutate(rng, seed)
    }
}

fn scenario_seeds() -> Vec<String> {
    let mut rng = SplitMix64::new(99);
    let mut seeds: Vec<String> = (0..40).map(|_| random_scenario(&mut rng).to_json()).collect();
    for dir in ["scenarios", "scenarios/validation", "tests/fixtures"] {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "json") {
                seeds.push(std::fs::read_to_string(e.path()).unwrap());
            }
        }
    }
    seeds
}

fn link_seeds() -> Vec<String> {
    let mut rng = SplitMix64::new(7);
    let mut seeds: Vec<String> =
        (0..40).map(|_| onepercent::share::encode(&random_scenario(&mut rng), &[("lang", "da")])).collect();
    let fixtures = include_str!("fixtures/links-v1.txt");
    seeds.extend(fixtures.lines().filter(|l| l.starts_with("v=")).map(String::from));
    seeds
}

#[test]
fn numbers() {
    let seeds: Vec<String> = ["0.25", "-12.5", "3e-4", "50000", "1.7976931348623157e308", "112565157017930000000"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    campaign("parse_number", 1, &mut |r| from_seeds(r, &seeds), &mut |t| match parse_number(t) {
        Some(x) => {
            // What our writer writes for a finite value reads back to the same bits.
            if let Some(text) = onepercent::model::json::shortest(x) {
                assert_eq!(parse_number(&text).map(f64::to_bits), Some(x.to_bits()), "{t} -> {text}");
            }
            true
        }
        None => false,
    });
}

#[test]
fn json_documents() {
    let seeds = scenario_seeds();
    campaign("Json::parse", 2, &mut |r| from_seeds(r, &seeds), &mut |t| match Json::parse(t) {
        Ok(j) => {
            let again = Json::parse(&j.to_text()).expect("what we write we read");
            assert_eq!(again.to_text(), j.to_text());
            true
        }
        Err(e) => {
            assert!(!e.is_empty());
            false
        }
    });
}

#[test]
fn scenario_files() {
    let seeds = scenario_seeds();
    campaign("Scenario::from_json", 3, &mut |r| from_seeds(r, &seeds), &mut |t| match Scenario::from_json(t) {
        Ok(s) => {
            check_outcome(&s, &run(&s));
            // A file the app writes, the app reads back to the same scenario.
            assert_eq!(Scenario::from_json(&s.to_json()).as_ref(), Ok(&s), "{t}");
            true
        }
        Err(problems) => {
            check_problems(&problems);
            false
        }
    });
}

#[test]
fn share_links() {
    let seeds = link_seeds();
    campaign("share::decode", 4, &mut |r| from_seeds(r, &seeds), &mut |t| {
        let d = onepercent::share::decode(t);
        check_outcome(&d.scenario, &run(&d.scenario));
        // The link written for what was read reads back to the same scenario, with nothing skipped.
        let again = onepercent::share::decode(&onepercent::share::encode(&d.scenario, &[]));
        assert_eq!(again.scenario, d.scenario, "{t}");
        assert!(again.problems.is_empty(), "{t}: {:?}", again.problems);
        if !d.problems.is_empty() {
            check_problems(&d.problems);
        }
        d.problems.is_empty()
    });
}

#[test]
fn saved_libraries() {
    let mut rng = SplitMix64::new(11);
    let mut seeds = vec![r#"{"version":1,"scenarios":[]}"#.to_string()];
    for k in 1..6 {
        let mut lib = Library::default();
        for i in 0..k {
            let link = onepercent::share::encode(&random_scenario(&mut rng), &[]);
            lib.save(&format!("Plan {i} æøå"), &link).unwrap();
        }
        seeds.push(lib.to_text());
    }
    campaign("saved::Library::load", 5, &mut |r| from_seeds(r, &seeds), &mut |t| {
        let loaded = Library::load(Some(t));
        for e in &loaded.library.entries {
            assert_eq!(clean_name(&e.name), e.name, "a kept name is already clean");
        }
        // What is stored reads back as the same library, with nothing put aside.
        let again = Library::load(Some(&loaded.library.to_text()));
        assert_eq!(again.library, loaded.library);
        assert_eq!(again.aside, None);
        // Nothing is dropped: either everything was kept as it was, or the original is aside.
        loaded.aside.is_none()
    });
}

#[test]
fn story_files() {
    let dir = format!("{}/stories", env!("CARGO_MANIFEST_DIR"));
    let seeds: Vec<String> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| std::fs::read_to_string(e.path()).unwrap()).collect();
    campaign("story::parse", 6, &mut |r| from_seeds(r, &seeds), &mut |t| match onepercent::story::parse(t) {
        Ok(story) => {
            for k in 0..story.steps.len() {
                let s = story.scenario_at(k);
                assert!(s.check().is_ok());
            }
            true
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                for lang in [Lang::Da, Lang::En] {
                    let m = e.message(lang);
                    assert!(!m.trim().is_empty() && m.chars().count() <= 400, "{m}");
                }
            }
            false
        }
    });
}

#[test]
fn compare_addresses() {
    use onepercent::compare::{page_query, read_page_query};
    let seeds: Vec<String> = link_seeds()
        .iter()
        .enumerate()
        .map(|(i, l)| page_query(Lang::Da, &[(format!("Plan {i}"), l.clone()), ("B".into(), "v=1&seed=2".into())]))
        .collect();
    campaign("compare::read_page_query", 7, &mut |r| from_seeds(r, &seeds), &mut |t| {
        let (lang, items) = read_page_query(t);
        assert!(items.len() <= onepercent::compare::MAX_COMPARED);
        // The address written for what was read reads back to the same names and links.
        let lang = lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::En);
        let (_, again) = read_page_query(&page_query(lang, &items));
        assert_eq!(again, items, "{t}");
        !items.is_empty()
    });
}

#[test]
fn workshop_groups() {
    let seeds: Vec<String> = link_seeds()
        .chunks(3)
        .map(|c| c.iter().enumerate().map(|(i, l)| format!("Gruppe {i}: https://x.dk/?{l}\n")).collect())
        .collect();
    campaign("workshop::read_groups", 8, &mut |r| from_seeds(r, &seeds), &mut |t| {
        let groups = onepercent::workshop::read_groups(t, Lang::Da);
        assert!(groups.len() <= onepercent::workshop::MAX_GROUPS);
        for (name, link) in &groups {
            assert!(!name.is_empty());
            assert!(onepercent::share::decode(link).has_scenario);
        }
        !groups.is_empty()
    });
}

#[test]
fn the_model_at_every_extreme_and_random_combinations() {
    // Each parameter alone at its minimum and maximum.
    for spec in &PARAMS {
        for v in [spec.min, spec.max] {
            let mut s = Scenario::default();
            if s.set(spec.id, v).is_ok() {
                check_outcome(&s, &run(&s));
            }
        }
    }
    // Random combinations, extremes often.
    campaign("model (random scenarios)", 9, &mut |r| random_scenario(r).to_json(), &mut |t| {
        let s = Scenario::from_json(t).expect("a random valid scenario reads back");
        check_outcome(&s, &run(&s));
        true
    });
}
