//! The counting rules against the reference implementation (pabutools), on every instance of
//! `tests/fixtures/ballots/reference.json` (`make ballot-fixtures` regenerates it), and the reader:
//! problems named by section, line and field; a `.pb` file read and written back keeps every field.

use onepercent::ballots::pabulib::{parse, parse_csv_pair, write, Problem, Section};
use onepercent::ballots::report::{gini, summarise, why};
use onepercent::ballots::rules::{count, count_with, supporters, Rule};
use onepercent::i18n::Lang;
use serde_json::Value;

fn fixtures() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ballots/reference.json"))
        .expect("the fixtures");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    doc["cases"].as_array().expect("cases").clone()
}

#[test]
fn every_rule_funds_what_the_reference_funds_on_every_fixture() {
    let cases = fixtures();
    assert!(cases.len() >= 300, "{} fixtures", cases.len());
    let mut compared = 0;
    let mut misses = Vec::new();
    for case in &cases {
        let e = parse(case["pb"].as_str().unwrap()).unwrap_or_else(|b| panic!("{}: {:?}", case["name"], b));
        let sup = supporters(&e);
        for rule in Rule::ALL {
            let expected: Vec<&str> = case["expected"][rule.key()]
                .as_array()
                .expect("a rule's result")
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let out = count_with(&e, &sup, rule);
            let mut got: Vec<&str> = out.funded.iter().map(|&p| e.projects[p].id.as_str()).collect();
            got.sort();
            if got != expected {
                misses.push(format!("{} {}: got {got:?}, reference {expected:?}", case["name"], rule.key()));
            }
            assert!(out.cost <= e.budget * (1.0 + 1e-12), "{} {} over budget", case["name"], rule.key());
            compared += 1;
        }
    }
    assert!(misses.is_empty(), "{} of {compared} differ:\n{}", misses.len(), misses.join("\n"));
}

#[test]
fn the_rules_differ_somewhere_so_the_comparison_means_something() {
    // If every rule funded the same everywhere, the fixture test above could not tell them apart.
    let cases = fixtures();
    for (a, b) in [
        (Rule::Greedy, Rule::Mes),
        (Rule::Mes, Rule::MesAdd1),
        (Rule::Greedy, Rule::GreedyStop),
        (Rule::Greedy, Rule::GreedyPerCost),
        (Rule::Greedy, Rule::Phragmen),
        (Rule::Mes, Rule::Phragmen),
    ] {
        let differ = cases.iter().filter(|c| c["expected"][a.key()] != c["expected"][b.key()]).count();
        assert!(differ >= 5, "{} and {} differ on only {differ} fixtures", a.key(), b.key());
    }
}

const SMALL: &str = "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost;name;category\n\
1;600;\"Skate; park\";sport\n2;400;Benches;public space\n3;300;\"Library \"\"late\"\" hours\";culture\n\
VOTES\nvoter_id;vote;age;sex\n1;1,2;17;M\n2;1;22;F\n3;2,3;67;F\n4;3;45;None\n";

#[test]
fn a_file_read_and_written_back_keeps_every_field() {
    let e = parse(SMALL).expect("reads");
    assert_eq!(e.projects.len(), 3);
    assert_eq!(e.name(0), "Skate; park");
    assert_eq!(e.name(2), "Library \"late\" hours");
    assert_eq!(e.voter_field(0, "age"), Some("17"));
    assert_eq!(e.voter_field(3, "sex"), None, "None is no value");
    let again = parse(&write(&e)).expect("reads back");
    assert_eq!(again, e, "the round trip changed something");
    assert_eq!(write(&again), write(&e));
}

#[test]
fn ballots_of_every_kind_are_read_as_approvals_as_stated() {
    let cumulative = SMALL
        .replace("approval", "cumulative")
        .replace("voter_id;vote;age;sex", "voter_id;vote;points;age;sex")
        .replace("1;1,2;17;M", "1;1,2;3,0;17;M")
        .replace("2;1;22;F", "2;1;5;22;F")
        .replace("3;2,3;67;F", "3;2,3;1,1;67;F")
        .replace("4;3;45;None", "4;3;2;45;None");
    let e = parse(&cumulative).expect("reads");
    assert_eq!(e.votes(), vec![2, 1, 2], "a project with 0 points is not approved");
    let ordinal = SMALL.replace("approval", "ordinal");
    assert_eq!(parse(&ordinal).expect("reads").votes(), vec![2, 2, 2]);
}

#[test]
fn problems_are_named_by_section_line_and_field() {
    let cases: Vec<(String, Section, usize, Option<&str>)> = vec![
        (SMALL.replace("1;1,2;17;M", "1;1,9;17;M"), Section::Votes, 12, Some("vote")),
        (SMALL.replace("2;400;Benches", "2;four hundred;Benches"), Section::Projects, 8, Some("cost")),
        (SMALL.replace("budget;1000", "budget;-5"), Section::Meta, 3, Some("budget")),
        (SMALL.replace("vote_type;approval", "vote_type;borda"), Section::Meta, 4, Some("vote_type")),
        (SMALL.replace("3;300;", "1;300;"), Section::Projects, 9, Some("project_id")),
        (SMALL.replace("4;3;45;None", "4;3;45;None;extra"), Section::Votes, 15, None),
    ];
    for (text, section, line, field) in cases {
        let bad = parse(&text).expect_err("refused");
        assert_eq!((bad.section, bad.line, bad.field.as_deref()), (section, line, field), "{bad:?}");
        for lang in [Lang::Da, Lang::En] {
            let m = bad.message(lang);
            assert!(m.contains(&line.to_string()), "{m}");
        }
    }
    assert_eq!(parse("just text").unwrap_err().problem, Problem::MissingSection);
    assert_eq!(parse("META\nkey;value\n\"open").unwrap_err().problem, Problem::OpenQuote);
    let da = parse(&SMALL.replace("1;1,2;17;M", "1;1,9;17;M")).unwrap_err().message(Lang::Da);
    assert!(da.contains("VOTES, linje 12, feltet »vote«") && da.contains("»9«"), "{da}");
}

#[test]
fn a_csv_pair_reads_as_the_same_election() {
    let projects = "id,name,cost\n1,Skatepark,600\n2,Benches,400\n3,Library,300\n";
    let votes = "voter,approved\n1,\"1,2\"\n2,1\n3,2,3\n4,3\n";
    let e = parse_csv_pair(projects, votes, 1000.0).expect("reads");
    assert_eq!(e.votes(), vec![2, 2, 2]);
    assert_eq!(count(&e, Rule::Greedy).funded.len(), 2);
    let bad = parse_csv_pair(projects, "voter,approved\n1,7\n", 1000.0).unwrap_err();
    assert_eq!((bad.section, bad.line), (Section::Votes, 2));
}

#[test]
fn why_answers_for_every_project_and_rule() {
    let e = parse(SMALL).expect("reads");
    let sup = supporters(&e);
    for rule in Rule::ALL {
        let out = count_with(&e, &sup, rule);
        for p in 0..e.projects.len() {
            for lang in [Lang::Da, Lang::En] {
                let text = why(&e, &sup, &out, p, lang);
                assert!(text.len() > 10, "{rule:?} {p}: {text}");
            }
        }
    }
    // Greedy: all three have 2 votes, so ties go by id: 1 (600), 2 (400), and 3 (300) no longer fits.
    let out = count_with(&e, &sup, Rule::Greedy);
    assert_eq!(out.funded, vec![0, 1]);
    let text = why(&e, &sup, &out, 2, Lang::En);
    assert!(text.contains("0 was left") && text.contains("cost 300") && text.contains("Benches"), "{text}");
    // Phragmén, by hand: the library (300, 2 supporters) is bought at a load of 150, then the
    // benches at (0 + 150 + 400) / 2 = 275; the skate park would need (275 + 0 + 600) / 2 = 437.5
    // but 1,300 > 1,000, so the count stops there.
    let out = count_with(&e, &sup, Rule::Phragmen);
    assert_eq!(out.funded, vec![2, 1]);
    assert_eq!(out.paid.iter().map(|x| x.most).collect::<Vec<_>>(), vec![150.0, 275.0]);
    assert_eq!(out.stopped_by, Some(0));
    let text = why(&e, &sup, &out, 0, Lang::En);
    assert!(text.contains("cost 600 and 300 was left, so the count stopped"), "{text}");
    let text = why(&e, &sup, &out, 1, Lang::Da);
    assert!(text.contains("nr. 2") && text.contains("275"), "{text}");
}

#[test]
fn the_summary_counts_voters_with_a_funded_project_and_how_evenly() {
    let e = parse(SMALL).expect("reads");
    let sup = supporters(&e);
    let out = count_with(&e, &sup, Rule::Greedy);
    let s = summarise(&e, &sup, &out);
    // Funded 1 and 2: voters 1, 2 (project 1) and 3 (project 2) have one; voter 4 wanted only 3.
    assert_eq!(s.voters_with_funded, 0.75);
    assert_eq!(s.left, 0.0);
    // Voter 3 wanted 2 and 3 (700) and got 2 (400); the others got all they wanted or nothing.
    assert!((s.supported_money_funded - (1.0 + 1.0 + 400.0 / 700.0 + 0.0) / 4.0).abs() < 1e-12);
    let sexes: Vec<(&str, usize)> =
        s.groups.iter().filter(|g| g.column == "sex").map(|g| (g.group.as_str(), g.voters)).collect();
    assert_eq!(sexes, vec![("?", 1), ("F", 2), ("M", 1)]);
    assert_eq!(gini(&mut [1.0, 1.0, 1.0]), 0.0);
    assert!((gini(&mut [0.0, 0.0, 0.0, 4.0]) - 0.75).abs() < 1e-12);
}

#[test]
fn the_example_election_is_seeded_shaped_as_documented_and_a_valid_file() {
    use onepercent::ballots::example::generate;
    let e = generate(2_000, 6_400_000.0, 300_000.0, 5);
    assert_eq!(e, generate(2_000, 6_400_000.0, 300_000.0, 5), "same seed, same election");
    assert_ne!(e.voters, generate(2_000, 6_400_000.0, 300_000.0, 6).voters);
    assert_eq!(e.projects.len(), 64, "three times the pot at the project cost");
    assert_eq!(e.budget, 6_400_000.0);
    let asked: f64 = e.projects.iter().map(|p| p.cost).sum();
    assert!((1.5..6.0).contains(&(asked / e.budget)), "asked {asked}");
    let mean = e.votes().iter().map(|&v| f64::from(v)).sum::<f64>() / 2_000.0;
    assert!((5.0..7.0).contains(&mean), "{mean} approvals per ballot");
    // Local projects are favoured: a voter approves more projects of their own district.
    let (mut home, mut away) = (0usize, 0usize);
    for v in 0..e.voters.len() {
        let d = e.voter_field(v, "district").unwrap();
        for p in e.voters.approved(v) {
            match e.project_field(p, "district") {
                Some(x) if x == d => home += 1,
                Some("city") | None => {}
                Some(_) => away += 1,
            }
        }
    }
    assert!(home > 2 * away, "home {home}, away {away}");
    assert_eq!(parse(&write(&e)).expect("a valid file"), e);
}

#[test]
fn a_file_read_a_piece_at_a_time_is_the_file_read_at_once() {
    use onepercent::ballots::example::generate;
    use onepercent::ballots::pabulib::Reader;
    let big = write(&generate(3_000, 2_000_000.0, 100_000.0, 3));
    // VOTES before PROJECTS as well: those rows wait until the projects are known.
    let (head, votes) = SMALL.split_at(SMALL.find("VOTES").unwrap());
    let (meta, projects) = head.split_at(head.find("PROJECTS").unwrap());
    let reordered = format!("{meta}{votes}{projects}");
    let broken = big.replacen("\n7;", "\n7;9999,", 1);
    for text in [SMALL, big.as_str(), reordered.as_str(), broken.as_str()] {
        let whole = parse(text);
        for bytes in [1, 100, 4096] {
            let mut reader = Reader::new(text.to_string());
            let mut progress = Vec::new();
            let read = loop {
                if let Some(done) = reader.read(bytes) {
                    break done;
                }
                progress.push(reader.progress());
            };
            assert_eq!(read, whole, "{bytes} bytes at a time");
            assert!(progress.windows(2).all(|w| w[0] < w[1]), "progress only rises");
            assert!(progress.iter().all(|p| (0.0..1.0).contains(p)));
            if text.len() > 100_000 && bytes == 4096 && whole.is_ok() {
                assert!(progress.len() > 20, "{} pieces", progress.len());
            }
        }
    }
    assert_eq!(parse(&reordered).expect("reads").votes(), parse(SMALL).expect("reads").votes());
    assert!(matches!(parse(&broken).unwrap_err().problem, Problem::UnknownProject(_)));
}

#[test]
fn a_counting_done_a_piece_at_a_time_is_the_counting_done_at_once() {
    use onepercent::ballots::example::generate;
    use onepercent::ballots::page::{count_both, CountJob};
    let e = generate(2_000, 3_000_000.0, 150_000.0, 5);
    let (_, a, b) = count_both(&e, Rule::Greedy, Rule::MesAdd1Greedy);
    let mut job = CountJob::new(&e, Rule::Greedy, Rule::MesAdd1Greedy);
    let mut done = Vec::new();
    let (_, x, y) = loop {
        if let Some(result) = job.advance(&e) {
            break result;
        }
        done.push(job.done());
    };
    assert_eq!((x.outcome, y.outcome), (a.outcome, b.outcome.clone()));
    // One counting per piece for add1: the pieces are as many as its countings, and say so.
    assert_eq!(done.len(), b.outcome.counted, "{done:?}");
    assert!(done.windows(2).all(|w| w[1] == w[0] + 1), "{done:?}");
}

#[test]
fn the_charts_bars_are_the_tables_figures() {
    use onepercent::ballots::page::{category_bars, count_both, reach_bars};
    let e = parse(SMALL).expect("reads");
    let (_, x, y) = count_both(&e, Rule::Greedy, Rule::Mes);
    let reach = reach_bars(&x, &y, Lang::En);
    assert_eq!(reach[0].0, "All voters");
    assert_eq!(reach.len(), 1 + x.summary.groups.len());
    for (k, side) in [&x, &y].into_iter().enumerate() {
        // Against all voters: a share of 0.75 is three quarters of the width.
        assert!((reach[0].1[k].length - side.summary.voters_with_funded * 100.0).abs() < 1e-9);
        for (row, g) in reach[1..].iter().zip(&side.summary.groups) {
            assert!((row.1[k].length - g.with_funded * 100.0).abs() < 1e-9, "{}", row.0);
        }
    }
    assert_eq!(reach[0].1[0].text, onepercent::format::percent(x.summary.voters_with_funded, 0, Lang::En));
    let money = category_bars(&x, &y, Lang::Da);
    let longest = money.iter().flat_map(|(_, b)| b.iter().map(|b| b.length)).fold(0.0, f64::max);
    assert_eq!(longest, 100.0, "the largest amount spans the chart");
    for (k, side) in [&x, &y].into_iter().enumerate() {
        for (category, amount) in &side.summary.categories {
            let row = money.iter().find(|(c, _)| c == category).expect("every funded category has a row");
            assert_eq!(row.1[k].text, onepercent::format::number(*amount, 0, Lang::Da), "{category}");
        }
    }
    // Greedy funds the skate park and the benches (1,000), Equal Shares the library as well.
    let sport = money.iter().find(|(c, _)| c == "sport").expect("a category");
    assert_eq!((sport.1[0].text.as_str(), sport.1[0].length_text()), ("600", "100.0".to_string()));
}

#[test]
fn a_csv_pair_read_a_piece_at_a_time_is_the_pair_read_at_once() {
    use onepercent::ballots::pabulib::{CsvReader, Piecewise};
    let projects = "id,name,cost\n1,Skatepark,600\n2,Benches,400\n3,Library,300\n";
    let mut votes = String::from("voter,approved\n");
    for v in 0..5_000 {
        votes.push_str(&format!("{v},\"{}\"\n", ["1,2", "3", "2,3", "1"][v % 4]));
    }
    let broken = votes.replacen("\n77,\"3\"", "\n77,\"9\"", 1);
    for text in [&votes, &broken] {
        let whole = parse_csv_pair(projects, text, 1000.0);
        let mut reader = CsvReader::new(projects, text.clone(), 1000.0).expect("the projects read");
        let mut progress = Vec::new();
        let read = loop {
            if let Some(done) = reader.read(512) {
                break done;
            }
            progress.push(reader.progress());
        };
        assert_eq!(read, whole);
        assert!(progress.windows(2).all(|w| w[0] < w[1]));
    }
    assert!(progress_pieces(&votes) > 20);
    assert_eq!(parse_csv_pair(projects, &votes, 1000.0).expect("reads").voters.len(), 5_000);
    let bad = parse_csv_pair(projects, &broken, 1000.0).unwrap_err();
    assert_eq!((bad.section, bad.line, bad.problem), (Section::Votes, 79, Problem::UnknownProject("9".into())));
}

fn progress_pieces(votes: &str) -> usize {
    use onepercent::ballots::pabulib::{CsvReader, Piecewise};
    let mut reader = CsvReader::new("id,cost\n1,5\n2,5\n3,5\n", votes.to_string(), 10.0).expect("reads");
    (1..).find(|_| reader.read(512).is_some()).unwrap_or(0)
}
