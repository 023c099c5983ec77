//! Workshop mode's pure parts: the stories (the built-in ones are valid; errors name the step and
//! the field), QR codes that a known-good decoder (rqrr) reads back to the link, the group board's
//! pasted links and "what differs".

use onepercent::i18n::Lang;
use onepercent::model::montecarlo::{monte_carlo, Figure};
use onepercent::model::{run, Scenario, P};
use onepercent::story::{self, ChartKind, Predict};
use onepercent::workshop::{explain, qr_modules, qr_svg_path, read_groups, step_chart, MAX_GROUPS};

#[test]
fn the_built_in_stories_are_valid_and_bilingual() {
    assert_eq!(story::built_in().len(), story::BUILT_IN.len());
    for text in story::BUILT_IN {
        let s = story::parse(text)
            .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|e| e.message(Lang::En)).collect::<Vec<_>>()));
        assert!(s.steps.len() >= 3, "{}", s.id);
        for step in &s.steps {
            for lang in [Lang::Da, Lang::En] {
                assert!(!step.title.get(lang).is_empty() && !step.text.get(lang).is_empty());
            }
        }
    }
    // At least one prediction in every story, of a figure the step's scenario has.
    for s in story::built_in() {
        let k = s.steps.iter().position(|st| st.predict.is_some()).expect("a prediction");
        let (p, _) = s.steps[k].predict.clone().unwrap();
        let o = run(&s.scenario_at(k));
        assert!(p.value(&o).is_finite(), "{}: {p:?}", s.id);
    }
}

#[test]
fn steps_set_levers_on_top_of_the_earlier_ones() {
    let s = story::built_in().into_iter().find(|s| s.id == "when-the-money-stops").unwrap();
    let step2 = s.scenario_at(1);
    assert_eq!(step2.get(P::Horizon), 120.0);
    assert_eq!(step2.get(P::PbShare), 0.01);
    assert_eq!(step2.get(P::PbYears), 3.0);
    let step3 = s.scenario_at(2);
    assert_eq!(step3.get(P::PbYears), 10.0);
    assert_eq!(step3.get(P::PbDelivery), 0.3);
    // Stopping after three years leaves trust lower at year 10 than going on.
    let trust = |sc: &Scenario| Predict::Trust(10).value(&run(sc));
    assert!(trust(&step2) < trust(&s.scenario_at(0)));
}

/// A story with one error of each kind, and the messages that must name them.
#[test]
fn errors_name_the_step_and_the_field() {
    let bad = r#"{
      "version": 1, "id": "Bad story!", "title": {"da": "T", "en": "T"}, "summary": {"da": "S"}, "extra": 1,
      "steps": [
        {"title": {"da": "a", "en": "a"}, "text": {"da": "b", "en": "b"}, "chart": "trust", "set": {"pb.share": 0.5}},
        {"title": {"da": "a", "en": "a"}, "text": {"da": "b", "en": "b"}, "chart": "pie", "set": {"pb.nonsense": 1}},
        {"title": {"da": "a"}, "text": {"da": "b", "en": "b"}, "chart": "saving", "colour": "red",
         "predict": {"figure": "trust", "at": 9, "question": {"da": "q", "en": "q"}}},
        {"title": {"da": "a", "en": "a"}, "text": {"da": "b", "en": "b"}, "chart": "turnout",
         "predict": {"figure": "happiness", "question": {"da": "q", "en": "q"}}}
      ]
    }"#;
    let errors = story::parse(bad).unwrap_err();
    let en: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
    let expect = [
        "Field \"id\"",
        "Field \"summary\"",
        "Field \"extra\": unknown field.",
        "Step 1, field \"set.pb.share\"",
        "Step 2, field \"chart\": must be \"trust\", \"saving\" or \"turnout\".",
        "Step 2, field \"set.pb.nonsense\": unknown parameter.",
        "Step 3, field \"title\"",
        "Step 3, field \"colour\": unknown field.",
        "Step 3, field \"predict.at\": must be from 1 to 5",
        "Step 4, field \"predict.figure\"",
    ];
    for e in expect {
        assert!(en.iter().any(|m| m.starts_with(e)), "missing {e:?} in {en:#?}");
    }
    assert_eq!(en.len(), expect.len(), "{en:#?}");
    let da: Vec<String> = errors.iter().map(|e| e.message(Lang::Da)).collect();
    assert!(da.iter().any(|m| m.starts_with("Trin 2, feltet \"chart\"")), "{da:#?}");
    for garbage in ["", "[]", "{", "{\"version\": 2}", "null"] {
        let errors = story::parse(garbage).unwrap_err();
        assert!(!errors.is_empty() && errors.iter().all(|e| !e.message(Lang::Da).is_empty()), "{garbage}");
    }
}

#[test]
fn predictions_are_the_outcome_and_its_bands() {
    let s = Scenario::default();
    let o = run(&s);
    let b = monte_carlo(&s, 200);
    assert_eq!(Predict::Trust(5).value(&o), o.scenario[59].trust);
    assert_eq!(Predict::Turnout(3).value(&o), o.cycles[2].turnout);
    assert_eq!(Predict::Saving(5).value(&o), o.cumulative_saving.cash[59]);
    let band = Predict::Trust(5).band(&b);
    assert!(band.p10 <= band.p50 && band.p50 <= band.p90 && band.p10 < band.p90);
    assert_eq!(Predict::Trust(5).show(31.64, Lang::Da), "31,6\u{a0}%");
    assert_eq!(Predict::Payback.show(23.0, Lang::En), "month 23");
    assert_eq!(Predict::Saving(5).show(Predict::Saving(5).in_unit(3_500_000.0), Lang::Da), "3,5 mio.");
}

/// Decode a QR module grid with rqrr, from a rendered greyscale picture with a quiet zone.
fn decode(n: usize, modules: &[bool]) -> String {
    let (scale, border) = (4, 4);
    let w = (n + 2 * border) * scale;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, w, |x, y| {
        let (mx, my) = ((x / scale) as isize - border as isize, (y / scale) as isize - border as isize);
        let dark =
            mx >= 0 && my >= 0 && (mx as usize) < n && (my as usize) < n && modules[my as usize * n + mx as usize];
        if dark {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1);
    grids[0].decode().expect("decodes").1
}

#[test]
fn qr_codes_decode_back_to_the_link() {
    let links = [
        "http://127.0.0.1:8080/?v=1".to_string(),
        "https://intranet.example/onepercent/?v=1&lang=da&view=pb&pb.share=0.01&case.extra_time=0.25&seed=42"
            .to_string(),
        format!(
            "http://localhost:8080/?v=1&lang=en&{}",
            (0..40).map(|i| format!("x{i}=0.{i}")).collect::<Vec<_>>().join("&")
        ),
        "Ærø – ½ % · «quote»".to_string(),
    ];
    for link in &links {
        let (n, modules) = qr_modules(link).expect("fits a QR code");
        assert_eq!(modules.len(), n * n);
        assert_eq!(&decode(n, &modules), link);
        let (path, side) = qr_svg_path(link).unwrap();
        assert_eq!(side, n + 8);
        assert_eq!(path.matches('M').count(), modules.iter().filter(|m| **m).count());
    }
    assert!(qr_modules(&"x".repeat(5000)).is_none());
}

#[test]
fn groups_are_read_from_pasted_lines() {
    let text = "Gruppe Nord: http://127.0.0.1:8080/?v=1&pb.share=0.01\n\n  http://127.0.0.1:8080/?v=1&seed=3 \nno link here\nSyd – v=1&case.extra_time=0.5\n";
    let groups = read_groups(text, Lang::Da);
    assert_eq!(
        groups,
        vec![
            ("Gruppe Nord".to_string(), "v=1&pb.share=0.01".to_string()),
            ("Gruppe 2".to_string(), "v=1&seed=3".to_string()),
            ("Syd".to_string(), "v=1&case.extra_time=0.5".to_string()),
        ]
    );
    let many: String = (0..12).map(|i| format!("v=1&seed={i}\n")).collect();
    assert_eq!(read_groups(&many, Lang::En).len(), MAX_GROUPS);
}

#[test]
fn what_differs_names_the_lever_that_moves_the_result() {
    let reference = Scenario::default();
    let mut s = reference.clone();
    s.set_all(&[(P::PbDelivery, 0.1), (P::Population, 50_001.0)]);
    let e = explain(&s, &reference, Figure::Trust);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].0, P::PbDelivery, "{e:?}");
    assert!(e[0].1 < 0.0 && e[0].1.abs() > 10.0 * e[1].1.abs(), "{e:?}");
    assert!(explain(&reference, &reference, Figure::Trust).is_empty());
}

#[test]
fn a_step_chart_reveals_months_and_shows_before_and_after() {
    let o = run(&Scenario::default());
    let mut s = Scenario::default();
    s.set_all(&[(P::PbShare, 0.01)]);
    let before = run(&s);
    let (_, c) = step_chart(ChartKind::Trust, &o, Some(&before), Some(24), Lang::En);
    assert_eq!(c.lines.len(), 3);
    assert_eq!(c.lines[0].label, "After the change");
    assert_eq!(c.reveal, Some(24));
    let (_, c) = step_chart(ChartKind::Turnout, &o, None, None, Lang::Da);
    assert_eq!(c.lines.len(), 1);
}

#[test]
fn guesses_are_read_strictly_in_the_pages_language() {
    use onepercent::story::Predict;
    let t = Predict::Turnout(3);
    assert_eq!(t.read_guess("8,5", Lang::Da), Ok(8.5));
    assert_eq!(t.read_guess("20 %", Lang::Da), Ok(20.0));
    assert_eq!(t.read_guess("12.5%", Lang::En), Ok(12.5));
    // "8.5" in Danish is neither 85 nor silently dropped: the message says to use a comma.
    assert!(t.read_guess("8.5", Lang::Da).unwrap_err().contains("komma"));
    assert!(t.read_guess("8,5", Lang::En).unwrap_err().contains("point"));
    // "1.000" in Danish is one thousand: out of range for a percentage, said so.
    assert!(t.read_guess("1.000", Lang::Da).unwrap_err().contains("mellem 0 og 100"));
    assert!(t.read_guess("abc", Lang::En).unwrap_err().contains("not a number"));
    assert!(t.read_guess("", Lang::Da).is_err());
    assert_eq!(Predict::Payback.read_guess("måned 14", Lang::Da), Ok(14.0));
    assert_eq!(Predict::Saving(5).read_guess("-3,5 mio.", Lang::Da), Ok(-3.5));
}

#[test]
fn before_the_reveal_the_chart_stops_short_of_the_answer() {
    use onepercent::story::{ChartKind, Predict};
    assert_eq!(Predict::Turnout(3).shown_before_reveal(ChartKind::Turnout), Some(2));
    assert_eq!(Predict::Trust(2).shown_before_reveal(ChartKind::Trust), Some(12));
    assert_eq!(Predict::Payback.shown_before_reveal(ChartKind::Saving), Some(0));
    assert_eq!(Predict::Turnout(3).shown_before_reveal(ChartKind::Trust), None);
    // The chart's table stops there too.
    let o = run(&Scenario::default());
    let (_, mut chart) = onepercent::workshop::step_chart(ChartKind::Turnout, &o, None, Some(2), Lang::En);
    chart.reveal = Some(2);
    let table = onepercent::charts::Chart::Line(chart).table(Lang::En);
    assert!(table.rows.len() <= 2, "{:?}", table.rows);
}

#[test]
fn the_answer_line_never_doubles_a_full_stop_nor_gives_an_empty_range() {
    use onepercent::story::{answer_range, Predict};
    let s = answer_range(Predict::Saving(5), Some((-3.26, 1.04)), Lang::Da, "I 8 ud af 10 kørsler mellem");
    assert!(s.starts_with(" I 8 ud af 10") && !s.contains(".."), "{s}");
    assert_eq!(answer_range(Predict::Saving(5), Some((0.0, 0.0)), Lang::Da, "I 8 ud af 10 kørsler mellem"), "");
    assert_eq!(answer_range(Predict::Turnout(3), Some((0.1, 0.1)), Lang::En, "In 8 of 10 runs between"), ".");
}

#[test]
fn story_texts_describe_what_their_step_shows() {
    // Every chart is a line chart and none shows waiting times: a text must not say otherwise.
    for story in onepercent::story::built_in() {
        for (k, step) in story.steps.iter().enumerate() {
            for lang in [Lang::Da, Lang::En] {
                let text = step.text.get(lang).to_lowercase();
                for word in ["søjle", "bar chart", "the bars", "ventetid", "waiting grows"] {
                    assert!(!text.contains(word), "{} step {}: \"{word}\" in {text}", story.id, k + 1);
                }
            }
        }
    }
}

#[test]
fn a_board_of_eight_groups_survives_a_reload() {
    use onepercent::compare::{page_query, read_page_query_up_to};
    let groups: Vec<(String, String)> = (1..=MAX_GROUPS).map(|i| (format!("G{i}"), format!("v=1&seed={i}"))).collect();
    let q = page_query(Lang::En, &groups);
    assert_eq!(read_page_query_up_to(&q, MAX_GROUPS).1, groups, "every group is read back from the address");
}

#[test]
fn parts_read_from_the_address_and_back() {
    use onepercent::workshop::{texts, Part};
    for p in Part::ALL {
        assert_eq!(Part::from_address(Some(&p.index().to_string())), p);
        assert_eq!(Part::ALL[p.index()], p);
    }
    for odd in [None, Some(""), Some("3"), Some("-1"), Some("board"), Some("1e0")] {
        assert_eq!(Part::from_address(odd), Part::Stories, "{odd:?}");
    }
    assert_eq!(Part::Board.name(texts(onepercent::i18n::Lang::Da)), "Gruppetavle");
    assert_eq!(Part::Free.name(texts(onepercent::i18n::Lang::En)), "Free play");
}

#[test]
fn the_free_plays_chart_menu_names_each_chart_by_its_key() {
    // The menu's options are ChartKind::ALL with the texts' chart names in the same order.
    for (i, k) in ChartKind::ALL.into_iter().enumerate() {
        assert_eq!(ChartKind::from_key(k.key()), Some(k));
        assert_eq!(k.key(), ChartKind::KEYS[i]);
    }
    assert_eq!(ChartKind::from_key("1"), None);
    assert_eq!(ChartKind::from_key(""), None);
    let names = |lang: Lang| onepercent::workshop::texts(lang).charts;
    let expect = [
        (ChartKind::Trust, "Tillid", "Trust"),
        (ChartKind::Saving, "Nettobesparelse", "Net saving"),
        (ChartKind::Turnout, "Deltagelse", "Turnout"),
    ];
    for (k, da, en) in expect {
        assert_eq!(names(Lang::Da)[k as usize], da);
        assert_eq!(names(Lang::En)[k as usize], en);
    }
}
