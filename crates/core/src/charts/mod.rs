//! Charts, drawn with plotters on any `DrawingBackend`: a canvas in the browser, an SVG string in
//! native tests (and later PNG exports). Pure: no browser types here. Each chart takes plain data
//! ([`LineChart`], [`BarChart`]) that the view builds from a model outcome, and the same data fills
//! the chart's table equivalent.

mod bar;
mod chart;
mod export;
mod hbar;
mod line;
pub mod palette;
mod style;

pub use bar::{draw_bar_chart, BarChart, Stack};
pub use chart::Chart;
pub use export::{draw_export, wrap, ExportLayout, Key, PNG_WIDTHS};
pub use hbar::{draw_hbar_chart, HBarChart};
pub use line::{draw_line_chart, Line, LineChart};
pub use style::{Dash, Table, YFormat};

#[cfg(test)]
mod tests {
    use super::export::*;
    use super::style::*;
    use super::*;
    use crate::i18n::Lang;
    use crate::model::montecarlo::Band;
    use plotters::coord::Shift;
    use plotters::prelude::*;

    fn svg_of(f: impl FnOnce(&DrawingArea<SVGBackend, Shift>)) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (640, 320)).into_drawing_area();
            f(&root);
        }
        out
    }

    #[test]
    fn a_table_as_html_has_its_caption_headers_and_escaped_cells() {
        let t = Table {
            head: vec!["Month".into(), "A & B".into()],
            rows: vec![vec!["1".into(), "<2".into()], vec!["2".into(), "3\"".into()]],
        };
        assert_eq!(
            t.html("Saving <table>"),
            "<table><caption class=\"visually-hidden\">Saving &lt;table&gt;</caption>\
             <thead><tr><th scope=\"col\">Month</th><th scope=\"col\">A &amp; B</th></tr></thead>\
             <tbody><tr><th scope=\"row\">1</th><td>&lt;2</td></tr><tr><th scope=\"row\">2</th><td>3&quot;</td></tr></tbody></table>"
        );
    }

    #[test]
    fn wrap_keeps_words_whole_and_lines_short() {
        let lines = wrap("one two three four five six seven", 9);
        assert_eq!(lines, ["one two", "three", "four five", "six seven"]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn line_chart_draws_every_line_and_the_marker() {
        let chart = LineChart {
            x_label: "Month".into(),
            y_format: YFormat::Money,
            lines: vec![
                Line {
                    label: "a".into(),
                    color: palette::SCENARIO,
                    dash: Dash::Solid,
                    values: vec![-5.0, -2.0, 1.0, 4.0],
                    band: Some(vec![Band { p10: -6.0, p25: -5.5, p50: -5.0, p75: -4.0, p90: -3.0 }; 4]),
                },
                Line {
                    label: "b".into(),
                    color: palette::BASELINE,
                    dash: Dash::Dashed,
                    values: vec![0.0; 4],
                    band: None,
                },
            ],
            marker: Some((3, "Payback".into())),
            zero_line: true,
            reveal: None,
        };
        let svg = svg_of(|a| draw_line_chart(a, &chart, Lang::En, 1.0).unwrap());
        assert!(svg.contains("Payback"));
        assert!(svg.matches("<polygon").count() >= 2, "two ribbons for the banded line");
        let table = chart.table(1, Lang::En);
        assert_eq!(table.head, ["Month", "a", "a (P10–P90)", "b"]);
        // Every row has a cell under every heading: the band's range under its own.
        assert!(table.rows.iter().all(|r| r.len() == table.head.len()), "{:?}", table.rows);
        assert_eq!(
            table.rows[3][2],
            YFormat::Money.range(&Band { p10: -6.0, p25: -5.5, p50: -5.0, p75: -4.0, p90: -3.0 }, Lang::En)
        );
        assert!(svg.to_lowercase().contains(&palette::SCENARIO.hex()), "scenario colour missing");
        assert!(svg.matches("<polyline").count() >= 2, "{svg}");
    }

    #[test]
    fn bar_chart_stacks_negatives_below_zero() {
        let chart = BarChart {
            x_label: "Year".into(),
            categories: vec!["Y1".into(), "Y2".into()],
            y_format: YFormat::Money,
            stacks: vec![
                Stack { label: "cost".into(), color: palette::SERIES[1], values: vec![10.0, 10.0], band: None },
                Stack { label: "saving".into(), color: palette::SERIES[2], values: vec![-4.0, -12.0], band: None },
            ],
            grouped: false,
            total_band: Some(vec![Band { p10: 1.0, p25: 2.0, p50: 3.0, p75: 4.0, p90: 5.0 }; 2]),
        };
        let svg = svg_of(|a| draw_bar_chart(a, &chart, Lang::Da, 1.0).unwrap());
        assert_eq!(chart.table(Lang::En).head.last().map(String::as_str), Some("Total (P10–P90)"));
        assert!(svg.contains("Y2"));
        // The bars by colour, as (x, top, bottom) in pixels (y grows downwards).
        let bars = |color: palette::Rgb| -> Vec<(f64, f64, f64)> {
            let fill = format!("fill=\"{}\"", color.hex());
            svg.split("<rect")
                .skip(1)
                .filter_map(|t| t.split_once("/>").map(|(tag, _)| tag))
                .filter(|tag| tag.to_lowercase().contains(&fill))
                .map(|tag| {
                    let attr = |name: &str| -> f64 {
                        let k = format!(" {name}=\"");
                        let rest = &tag[tag.find(&k).map_or(tag.len(), |i| i + k.len())..];
                        rest[..rest.find('"').unwrap_or(0)].parse().unwrap_or(f64::NAN)
                    };
                    (attr("x"), attr("y"), attr("y") + attr("height"))
                })
                .collect()
        };
        let (cost, saving) = (bars(palette::SERIES[1]), bars(palette::SERIES[2]));
        assert_eq!((cost.len(), saving.len()), (2, 2), "{svg}");
        for i in 0..2 {
            // Positives stand on the zero line, negatives hang from it: the cost's bottom is the
            // saving's top, in the same column.
            assert!((cost[i].0 - saving[i].0).abs() < 1.0, "{cost:?} {saving:?}");
            assert!((cost[i].2 - saving[i].1).abs() <= 1.0, "{cost:?} {saving:?}");
            assert!(cost[i].1 < cost[i].2 && saving[i].1 < saving[i].2);
        }
        // Heights in proportion to the values: 10 and 10 up, 4 and 12 down.
        let h = |b: (f64, f64, f64)| b.2 - b.1;
        assert!((h(cost[0]) - h(cost[1])).abs() <= 1.0, "{cost:?}");
        assert!((h(saving[1]) / h(saving[0]) - 3.0).abs() < 0.1, "{saving:?}");
        assert!((h(cost[0]) / h(saving[0]) - 2.5).abs() < 0.1, "{cost:?} {saving:?}");
    }

    #[test]
    fn bar_boxes_pile_positives_up_and_negatives_down_in_order_and_group_side_by_side() {
        let stack = |v: Vec<f64>| Stack { label: String::new(), color: palette::SERIES[0], values: v, band: None };
        let mut chart = BarChart {
            x_label: String::new(),
            categories: vec!["Y1".into()],
            y_format: YFormat::Money,
            stacks: vec![stack(vec![3.0]), stack(vec![-2.0]), stack(vec![4.0]), stack(vec![0.0]), stack(vec![-1.0])],
            grouped: false,
            total_band: None,
        };
        let b = bar::bar_boxes(&chart);
        let ys: Vec<(usize, f64, f64)> = b.iter().map(|(j, r)| (*j, r[2], r[3])).collect();
        assert_eq!(ys, [(0, 0.0, 3.0), (1, -2.0, 0.0), (2, 3.0, 7.0), (4, -3.0, -2.0)]);
        assert!(b.iter().all(|(_, r)| r[0] == 0.2 && r[1] == 0.8));
        chart.grouped = true;
        let g = bar::bar_boxes(&chart);
        assert_eq!(g.len(), 4, "no box for a zero");
        for w in g.windows(2) {
            assert!(w[0].1[1] <= w[1].1[0], "side by side, in order: {g:?}");
            assert_eq!(w[0].1[2], 0.0);
        }
        assert!(g.iter().all(|(_, r)| r[0] >= 0.1 && r[1] <= 0.9));
    }

    #[test]
    fn tornado_draws_a_row_per_parameter() {
        let t = HBarChart {
            x_label: "Payback month (month); line: the scenario's value".into(),
            heads: vec!["Assumption".into(), "Low".into(), "High".into()],
            colors: vec![palette::SERIES[5], palette::SERIES[1]],
            y_format: YFormat::Count,
            origin: 23.0,
            rows: vec![("Escalation".into(), vec![61.0, 5.0]), ("Time effect".into(), vec![61.0, 10.0])],
            band: None,
        };
        let svg = svg_of(|a| draw_hbar_chart(a, &t, Lang::En, 1.0).unwrap());
        assert!(svg.contains("Escalation") && svg.contains("Time effect"));
        assert!(svg.contains("Payback month (month)"), "the value axis has its title");
        // On a phone (narrow) each label stands above its bars, from the left edge, at 13 px.
        let mut narrow = String::new();
        {
            let root = SVGBackend::with_string(&mut narrow, (340, 320)).into_drawing_area();
            draw_hbar_chart(&root, &t, Lang::En, 1.0).unwrap();
        }
        let rows: Vec<_> =
            svg_texts(&narrow).into_iter().filter(|t| t.2 == "Escalation" || t.2 == "Time effect").collect();
        assert_eq!(rows.len(), 2, "{narrow}");
        assert!(rows.iter().all(|r| r.0 < 40.0), "labels start at the left: {rows:?}");
        // Plotters' SVG writes a font's size as 0.806 of it (its em box): 13 px reads as 10.48.
        let size = narrow.split("<text").find(|t| t.contains("Escalation")).and_then(|t| {
            let v = t.split("font-size=\"").nth(1)?;
            v[..v.find('"')?].parse::<f64>().ok()
        });
        assert!(size.is_some_and(|px| px >= 13.0 * 0.8), "labels at 13 px on a phone: {size:?}");
        let c = Chart::HBar(t);
        assert_eq!(c.table(Lang::En).rows[0], ["Escalation", "61.0", "5.0"]);
    }

    /// The texts an SVG draws, with each one's x and y.
    fn svg_texts(svg: &str) -> Vec<(f64, f64, String)> {
        let attr = |tag: &str, name: &str| -> f64 {
            let k = format!(" {name}=\"");
            tag.find(&k).map_or(0.0, |i| {
                let rest = &tag[i + k.len()..];
                rest[..rest.find('"').unwrap_or(0)].parse().unwrap_or(0.0)
            })
        };
        svg.split("<text")
            .skip(1)
            .map(|t| {
                let (tag, rest) = t.split_once('>').unwrap_or((t, ""));
                let body = rest.split("</text>").next().unwrap_or("").trim().replace("&amp;", "&");
                (attr(tag, "x"), attr(tag, "y"), body)
            })
            .collect()
    }

    #[test]
    fn an_export_draws_its_whole_caption_every_legend_entry_and_nothing_outside() {
        let seven = BarChart {
            x_label: "Year".into(),
            categories: vec!["1".into(), "2".into()],
            y_format: YFormat::Money,
            stacks: (0..7)
                .map(|k| Stack {
                    label: format!("Cost category number {k} with a long name"),
                    color: palette::SERIES[k],
                    values: vec![k as f64 - 3.0, 2.0],
                    band: None,
                })
                .collect(),
            grouped: false,
            total_band: Some(vec![Band { p10: -1.0, p25: 0.0, p50: 1.0, p75: 2.0, p90: 3.0 }; 2]),
        };
        let chart = Chart::Bar(seven);
        let summary = "The extra time does not pay back on the budget within five years: the help owed costs \
            more than the rework saves. With failure demand counted it pays back in month 40, and with escalation \
            in month 31. Over 500 draws the net saving is between -3.2 and 1.4 million in 8 of 10 runs. Waiting \
            times fall by two weeks, overturned decisions by a third, and sick leave by half a point over the period. \
            This last sentence is the key sentence and must not be cut off.";
        let source =
            format!("Source: One Percent. Same numbers: https://example.org/?{}", "v=1&case.extra_time=0.5".repeat(12));
        for width in PNG_WIDTHS {
            let layout = ExportLayout::new(
                &chart,
                "What the extra time costs and saves, year by year",
                summary,
                &source,
                width,
                Lang::En,
            );
            assert!(layout.legend.len() >= 2, "seven long labels take more than one row");
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
                draw_export(&area, &layout, &chart, Lang::En).unwrap();
            }
            let texts = svg_texts(&svg);
            let all: String = texts.iter().map(|t| t.2.as_str()).collect::<Vec<_>>().join(" ");
            for word in summary.split_whitespace() {
                assert!(all.contains(word), "{width}: summary word {word:?} not drawn");
            }
            assert!(all.contains("must not be cut off."), "{width}: the last sentence is drawn whole");
            for (label, _) in chart.keys(Lang::En) {
                assert!(all.contains(&label), "{width}: legend entry {label:?} missing");
            }
            assert!(all.contains(texts_en().key_whisker), "the whiskers are explained");
            let drawn: String = texts.iter().map(|t| t.2.as_str()).collect::<String>().replace(' ', "");
            assert!(drawn.contains(&source.replace(' ', "")), "{width}: the link is whole across its lines");
            // Within the image: every text starts inside and its estimated width (0.6 of the font
            // size per character, as the layout assumes) ends inside.
            let scale = width as f64 / 1200.0;
            for (x, y, t) in &texts {
                assert!(*y >= 0.0 && *y < layout.height as f64, "{width}: {t:?} at y {y} outside {}", layout.height);
                let px = if layout.title.contains(t) {
                    TITLE_PX
                } else if layout.source.contains(t) {
                    SOURCE_PX
                } else {
                    TEXT_PX
                } * scale;
                assert!(x + t.chars().count() as f64 * px * 0.55 <= width as f64, "{width}: {t:?} runs past the edge");
            }
        }
        let (small, large) = (
            ExportLayout::new(&chart, "t", summary, &source, 1200, Lang::En),
            ExportLayout::new(&chart, "t", summary, &source, 2400, Lang::En),
        );
        assert!(
            large.height >= 2 * small.height - 1 && large.height <= 2 * small.height + 1,
            "print is the same image at twice the size"
        );
    }

    fn texts_en() -> &'static crate::i18n::Texts {
        Lang::En.texts()
    }

    #[test]
    fn legends_say_what_the_shading_means_only_when_there_is_shading() {
        let line = |band: Option<Vec<Band>>| {
            Chart::Line(LineChart {
                x_label: String::new(),
                y_format: YFormat::Percent,
                lines: vec![Line {
                    label: "x".into(),
                    color: palette::SCENARIO,
                    dash: Dash::Solid,
                    values: vec![0.1; 3],
                    band,
                }],
                marker: None,
                zero_line: false,
                reveal: None,
            })
        };
        assert_eq!(line(None).keys(Lang::Da).len(), 1);
        let banded = line(Some(vec![Band { p10: 0.0, p25: 0.05, p50: 0.1, p75: 0.15, p90: 0.2 }; 3])).keys(Lang::Da);
        assert_eq!(banded.last(), Some(&(Lang::Da.texts().key_ribbon.to_string(), Key::Ribbon(palette::SCENARIO))));
    }

    #[test]
    fn empty_and_non_finite_data_do_not_fail() {
        let chart = LineChart {
            x_label: String::new(),
            y_format: YFormat::Percent,
            lines: vec![Line {
                label: "x".into(),
                color: palette::SCENARIO,
                dash: Dash::Solid,
                values: vec![f64::NAN],
                band: None,
            }],
            marker: None,
            zero_line: false,
            reveal: None,
        };
        svg_of(|a| draw_line_chart(a, &chart, Lang::En, 2.0).unwrap());
        let bars = BarChart {
            x_label: String::new(),
            categories: vec![],
            y_format: YFormat::Count,
            stacks: vec![],
            grouped: true,
            total_band: None,
        };
        svg_of(|a| draw_bar_chart(a, &bars, Lang::En, 1.0).unwrap());
    }
}
