//! Share links: round trips, the stored version-1 fixtures, named problems for bad links, and a
//! fuzz-style check that no string makes the reader panic or produce an invalid scenario.

use onepercent::i18n::Lang;
use onepercent::model::params::{Unit, PARAMS};
use onepercent::model::rng::SplitMix64;
use onepercent::model::{Problem, Scenario, P};
use onepercent::share::{decode, encode, number_text, read_number, SETTINGS};

/// A random valid scenario: every parameter drawn in its range (half of them on a slider-like
/// grid, half arbitrary doubles), values the observables refuse left as they were.
fn random_scenario(rng: &mut SplitMix64) -> Scenario {
    let mut s = Scenario::default();
    for spec in &PARAMS {
        if rng.next_f64() < 0.5 {
            continue;
        }
        let u = rng.next_f64();
        let mut v = spec.min + u * (spec.max - spec.min);
        if spec.unit == Unit::Choice || spec.integer {
            v = v.round();
        } else if rng.next_f64() < 0.5 {
            v = (v * 1000.0).round() / 1000.0;
        }
        let _ = s.set(spec.id, v.clamp(spec.min, spec.max));
    }
    s.seed = rng.next_u64() >> (rng.next_u64() % 64);
    s
}

#[test]
fn links_round_trip_for_random_valid_scenarios() {
    let mut rng = SplitMix64::new(2026);
    for case in 0..3000 {
        let s = random_scenario(&mut rng);
        let runs = (100 + rng.next_u64() % 9900).to_string();
        let settings = [("lang", "da"), ("view", "pb"), ("runs", runs.as_str())];
        let link = encode(&s, &settings);
        let d = decode(&format!("?{link}"));
        assert!(d.problems.is_empty(), "case {case}: {link}: {:?}", d.problems);
        assert_eq!(d.scenario, s, "case {case}: {link}");
        assert_eq!(d.setting("lang"), Some("da"));
        assert_eq!(d.setting("runs"), Some(runs.as_str()));
        assert!(d.has_scenario);
        // Writing the decoded scenario again gives the same link: one text per scenario.
        assert_eq!(encode(&d.scenario, &settings), link);
    }
}

#[test]
fn links_are_readable_and_short() {
    let mut s = Scenario::default();
    s.set(P::PbShare, 0.01).unwrap();
    s.set(P::ExtraTime, 0.5).unwrap();
    s.seed = 42;
    let link = encode(&s, &[("lang", "da"), ("view", "pb")]);
    assert_eq!(link, "v=1&lang=da&view=pb&case.extra_time=0.5&pb.share=0.01&seed=42");
    // The defaults alone: only the version and the seed.
    assert_eq!(encode(&Scenario::default(), &[]), "v=1&seed=1");
}

#[test]
fn numbers_read_back_to_the_same_bits() {
    for x in [0.1, 0.25, 1e-7, 123456.789, 3.6e9, 0.30000000000000004, 1.0 / 3.0, -0.4999999999999999] {
        assert_eq!(read_number(&number_text(x)), Some(x), "{x}");
    }
    assert_eq!(number_text(0.25), "0.25");
    // The fallback for doubles outside the decimal reader's exact window: the bits in hex.
    assert_eq!(read_number("0x3fb999999999999a"), Some(0.1));
    assert_eq!(read_number("0x3fb9"), None);
}

#[test]
fn version_1_links_still_open() {
    let text = std::fs::read_to_string("tests/fixtures/links-v1.txt").unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    assert!(lines.len() >= 8 && lines.len().is_multiple_of(2));
    for pair in lines.chunks(2) {
        let d = decode(pair[0]);
        assert!(d.problems.is_empty(), "{}: {:?}", pair[0], d.problems);
        let expected = Scenario::from_json(pair[1]).unwrap();
        assert_eq!(d.scenario, expected, "{}", pair[0]);
    }
}

fn keys(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| p.message(Lang::En)).collect()
}

#[test]
fn bad_links_open_with_what_could_be_read_and_name_the_rest() {
    let d = decode("?v=1&pb.share=0.01&case.nonsense=3&case.extra_time=lots&case.hourly_cost=99999&seed=5");
    assert_eq!(d.scenario.get(P::PbShare), 0.01);
    assert_eq!(d.scenario.get(P::ExtraTime), Scenario::default().get(P::ExtraTime));
    assert_eq!(d.scenario.get(P::HourlyCost), Scenario::default().get(P::HourlyCost));
    assert_eq!(d.scenario.seed, 5);
    let m = keys(&d.problems);
    assert_eq!(m.len(), 3, "{m:?}");
    assert!(m[0].contains("case.nonsense"));
    assert!(m[1].contains("case.extra_time") && m[1].contains("lots"));
    assert!(m[2].contains("case.hourly_cost") && m[2].contains("100 to 2,000"));

    // Truncated in the middle of a key, a value, an escape.
    let d = decode("?v=1&pb.share=0.01&case.extra_ti");
    assert_eq!(d.scenario.get(P::PbShare), 0.01);
    assert!(keys(&d.problems)[0].contains("case.extra_ti"));
    let d = decode("?v=1&case.extra_time=0.");
    assert!(d.problems.is_empty(), "'0.' is a number: {:?}", d.problems);
    let d = decode("?v=1&case.extra_time=");
    assert_eq!(d.problems.len(), 1);
    let d = decode("?v=1&case.extra_time=0.5%2");
    assert_eq!(d.problems.len(), 1);

    // A version from the future: read what can be read, and say so.
    let d = decode("?v=9&pb.share=0.02");
    assert_eq!(d.scenario.get(P::PbShare), 0.02);
    assert!(keys(&d.problems)[0].contains("version 9"));

    // Observables that cannot all be true: the four go back to their defaults, the rest is kept.
    let d = decode("?v=1&case.appeal_rate=0.2&case.overturn_share=0.7&case.error_rate=0.05&pb.share=0.02");
    assert_eq!(d.scenario.get(P::PbShare), 0.02);
    assert_eq!(d.scenario.get(P::AppealRate), Scenario::default().get(P::AppealRate));
    assert!(matches!(d.problems[..], [Problem::Impossible { .. }]), "{:?}", d.problems);

    // Garbage: no scenario, named problems, never a panic.
    let d = decode("%%%&&==&\u{1F600}=\u{0}");
    assert_eq!(d.scenario.get(P::PbShare), Scenario::default().get(P::PbShare));
    assert!(!d.problems.is_empty());
    // The old links of the first version (language and view only) carry no scenario and no problem.
    let d = decode("?lang=en&view=pb");
    assert!(!d.has_scenario && d.problems.is_empty());
    assert_eq!(d.setting("view"), Some("pb"));
}

#[test]
fn messages_about_garbage_are_short() {
    let long = "x".repeat(5000);
    let d = decode(&format!("?{long}=1&case.extra_time={long}"));
    for m in keys(&d.problems) {
        assert!(m.chars().count() < 200, "{m}");
    }
}

/// Random strings and mutations of valid links: the reader never panics, the scenario it returns
/// is always valid (it survives the scenario file's own checks), and every problem has a message
/// in both languages.
#[test]
fn decoding_random_and_mutated_strings_never_panics() {
    let mut rng = SplitMix64::new(7);
    let alphabet: Vec<char> =
        "v=1&%+.-_0123456789eE.xXabcdefpbcase.share=seed=lang=view=æøå\u{0}\u{1F600} #?".chars().collect();
    let mut valid: Vec<String> = (0..50)
        .map(|_| {
            let s = random_scenario(&mut rng);
            encode(&s, &[("lang", "en"), ("view", "casework")])
        })
        .collect();
    valid.extend(std::fs::read_to_string("tests/fixtures/links-v1.txt").unwrap().lines().map(String::from));
    let mut with_problems = 0;
    for case in 0..20_000 {
        let text: String = if case % 2 == 0 {
            let n = (rng.next_u64() % 120) as usize;
            (0..n).map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize]).collect()
        } else {
            let mut chars: Vec<char> = valid[(rng.next_u64() % valid.len() as u64) as usize].chars().collect();
            for _ in 0..1 + rng.next_u64() % 4 {
                let at = (rng.next_u64() % (chars.len() as u64 + 1)) as usize;
                let c = alphabet[(rng.next_u64() % alphabet.len() as u64) as usize];
                match rng.next_u64() % 4 {
                    0 if at < chars.len() => {
                        chars.remove(at);
                    }
                    1 => chars.insert(at, c),
                    2 if at < chars.len() => chars[at] = c,
                    _ => chars.truncate(at),
                }
            }
            chars.into_iter().collect()
        };
        let d = decode(&text);
        // Valid: the scenario file of the result reads back as the same scenario.
        assert_eq!(Scenario::from_json(&d.scenario.to_json()).as_ref(), Ok(&d.scenario), "case {case}: {text:?}");
        for p in &d.problems {
            assert!(!p.message(Lang::Da).is_empty() && !p.message(Lang::En).is_empty());
        }
        with_problems += usize::from(!d.problems.is_empty());
        for (i, k) in SETTINGS.iter().enumerate() {
            assert_eq!(d.setting(k), d.settings[i].as_deref());
        }
    }
    // The generator does produce bad links (the check above is not vacuous).
    assert!(with_problems > 5_000, "{with_problems}");
}
