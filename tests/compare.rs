//! Comparing scenarios: a column has exactly the numbers the app shows for its link, the table and
//! charts cover every column in both languages, the compare page's own address round-trips, and
//! the compared lines differ by more than colour.

use std::rc::Rc;

use onepercent::compare::{
    changes, charts, column, page_query, query_of, read_page_query, rows, style, texts, DEFAULT_LINK, MAX_COMPARED,
};
use onepercent::i18n::Lang;
use onepercent::model::montecarlo::{monte_carlo, Figure};
use onepercent::model::{run, Scenario, P};
use onepercent::share::decode;

#[test]
fn a_pasted_address_or_a_bare_query_gives_the_query() {
    assert_eq!(query_of("http://127.0.0.1:8080/?v=1&pb.share=0.01#top"), "v=1&pb.share=0.01");
    assert_eq!(query_of("  v=1&seed=3 "), "v=1&seed=3");
    assert_eq!(query_of("https://example.org/one-percent/index.html?v=1"), "v=1");
    assert_eq!(query_of(""), "");
}

#[test]
fn a_column_has_the_numbers_the_app_shows_for_its_link() {
    let link = "v=1&lang=da&view=casework&case.extra_time=0.5&seed=11&runs=300";
    let c = column("Plan A", &format!("http://localhost/?{link}"));
    let scenario = decode(link).scenario;
    assert_eq!(*c.scenario, scenario);
    assert_eq!(c.runs, 300);
    assert!(c.problems.is_empty());
    assert_eq!(*c.outcome, run(&scenario));
    assert_eq!(c.link, link);
}

#[test]
fn a_column_keeps_what_it_could_read_and_names_the_rest() {
    let c = column("x", "v=1&case.extra_time=abc&pb.share=0.01&view=nowhere&runs=5");
    assert_eq!(c.scenario.get(P::PbShare), 0.01);
    assert_eq!(c.scenario.get(P::ExtraTime), Scenario::default().get(P::ExtraTime));
    assert_eq!(c.problems.len(), 3, "{:?}", c.problems);
    assert_eq!(c.runs, onepercent::model::montecarlo::DEFAULT_RUNS);
}

#[test]
fn changes_name_the_changed_settings_in_the_users_language() {
    assert!(changes(&Scenario::default(), Lang::En).is_empty());
    let s = decode("v=1&pb.share=0.01&case.extra_time=0.5&seed=42").scenario;
    let en = changes(&s, Lang::En);
    let labels: Vec<&str> = en.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(labels.len(), 3, "{en:?}");
    assert_eq!(en.last().unwrap(), &("Seed".to_string(), "42".to_string()));
    assert!(en.iter().any(|(_, v)| v == "50%"), "{en:?}");
    let da = changes(&s, Lang::Da);
    assert!(da.iter().any(|(_, v)| v == "50\u{a0}%"), "{da:?}");
    assert!(da.iter().any(|(_, v)| v == "1,0\u{a0}%"), "{da:?}");
}

#[test]
fn the_table_has_every_figure_for_every_column_with_ranges_once_computed() {
    let cols = vec![column("Default", DEFAULT_LINK), column("More time", "v=1&case.extra_time=0.5")];
    for lang in [Lang::Da, Lang::En] {
        let without = rows(&cols, &[], lang);
        assert_eq!(without.len(), texts(lang).figures.len());
        for (row, label) in without.iter().zip(texts(lang).figures) {
            assert_eq!(row.label, label);
            assert_eq!(row.cells.len(), 2);
            assert!(row.cells.iter().all(|c| !c.value.is_empty() && c.range.is_none()));
        }
        let bands: Vec<_> = cols.iter().map(|c| Some(Rc::new(monte_carlo(&c.scenario, 200)))).collect();
        let with = rows(&cols, &bands, lang);
        // Every figure row has a range; the payback row has one where some runs pay back.
        assert!(with[1..].iter().all(|r| r.cells.iter().all(|c| c.range.is_some())));
        assert!(with[0].cells[1].range.is_some());
        // The default scenario pays back in no run of the period: its range says so once, not as
        // "month after the period–after the period".
        let after = onepercent::report::payback_month_text(f64::INFINITY, 0, lang);
        let default_range = with[0].cells[0].range.clone().unwrap_or_default();
        if bands[0].as_ref().is_some_and(|b| b.payback.cash.month.p10 > b.payback.cash.horizon as f64) {
            assert!(default_range.starts_with(&format!("{after} (")), "{default_range}");
            assert_eq!(default_range.matches(&after).count(), 1, "{default_range}");
        }
    }
    // The values are the outcome's: more extra time, fewer overturned decisions.
    let overturns = |i: usize| Figure::OverturnsPerYear.of(&cols[i].outcome);
    assert!(overturns(1) < overturns(0));
    let row = &rows(&cols, &[], Lang::En)[5];
    assert_eq!(row.label, "Overturned decisions per year");
    assert_eq!(row.cells[0].value, onepercent::format::number(overturns(0), 0, Lang::En));
}

#[test]
fn charts_overlay_every_column_with_distinct_styles_and_the_baseline() {
    let cols: Vec<_> = (0..=MAX_COMPARED).map(|i| column(&format!("c{i}"), &format!("v=1&seed={i}"))).collect();
    let styles: Vec<_> = (0..=MAX_COMPARED).map(style).collect();
    for (i, a) in styles.iter().enumerate() {
        for b in &styles[i + 1..] {
            assert_ne!(a.0, b.0, "colours differ");
        }
    }
    // Patterns differ between neighbours, and the first four are all different.
    assert!(styles[..4].iter().enumerate().all(|(i, a)| styles[..i].iter().all(|b| a.1 != b.1)));
    for lang in [Lang::Da, Lang::En] {
        let [trust, saving, turnout] = charts(&cols, lang);
        assert_eq!(trust.1.lines.len(), cols.len() + 1, "the columns and the no-decision baseline");
        assert_eq!(saving.1.lines.len(), cols.len());
        assert_eq!(turnout.1.lines.len(), cols.len());
        assert_eq!(trust.1.lines.last().unwrap().label, texts(lang).without);
        assert_eq!(trust.1.lines[2].values, cols[2].outcome.scenario.iter().map(|m| m.trust).collect::<Vec<_>>());
    }
}

#[test]
fn the_compare_address_round_trips_names_and_links() {
    let items = vec![
        ("Plan A: 1 % & more".to_string(), "v=1&pb.share=0.01&seed=42".to_string()),
        ("Ærø".to_string(), "v=1&case.extra_time=0.5".to_string()),
    ];
    let q = page_query(Lang::Da, &items);
    assert!(!q.contains(' '));
    assert_eq!(read_page_query(&q), (Some("da".to_string()), items));
}

#[test]
fn the_compare_address_tolerates_odd_input() {
    // Links without a name are numbered; no more than MAX_COMPARED; unknown keys and garbage ignored.
    let q = "s=v%3D1&x=1&&%%%&n=&s=v%3D1%26seed%3D2&s=a&s=b&s=c&s=d";
    let (lang, items) = read_page_query(q);
    assert_eq!(lang, None);
    assert_eq!(items.len(), MAX_COMPARED);
    assert_eq!(items[0], ("1".to_string(), "v=1".to_string()));
    assert_eq!(items[1], ("2".to_string(), "v=1&seed=2".to_string()));
    for q in ["", "n=only-a-name", "lang=xx", "s", "=&=&="] {
        let (_, items) = read_page_query(q);
        assert!(items.len() <= 1, "{q}: {items:?}");
    }
}
