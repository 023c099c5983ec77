//! The casework view: presets, levers, the result in words and figures, and four charts with
//! their tables. It renders from the scenario it is given; the model runs in a memo.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use super::panel::{figure_card, FileActions, NoticeBox, PresetPicker, UncertaintyControls};
use super::param_control::ParamControl;
use super::state::{Action, Notice};
use crate::charts::Chart;
use crate::format::{money_compact, number, percent};
use crate::i18n::Lang;
use crate::model::montecarlo::Figure;
use crate::model::params::{Group, PARAMS};
use crate::model::{run, Payback, Scenario, P};
use crate::report::{casework_charts, casework_ranges, casework_summary, currency, payback_text, range_line};

#[derive(Properties, PartialEq)]
pub struct CaseworkProps {
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
    pub area: &'static str,
    pub size: &'static str,
    pub notice: Option<Notice>,
    pub refusals: u32,
    pub runs: usize,
    pub on_action: Callback<Action>,
}

/// The levers shown first, in this order; everything else in the casework and trust groups sits
/// under "More assumptions".
const DECISION: [P; 2] = [P::ExtraTime, P::Funding];
const OWN_FIGURES: [P; 3] = [P::AppealRate, P::OverturnShare, P::EscalationCost];

#[component]
pub fn CaseworkView(props: &CaseworkProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let ct = &t.case;
    let outcome = use_memo(props.scenario.clone(), |s| run(s));
    let (bands, updating) = super::hooks::use_bands(props.scenario.clone(), props.runs);
    let charts = use_memo((outcome.clone(), bands.clone(), lang), |(o, b, lang)| {
        Rc::new(casework_charts(o, b.as_deref(), *lang))
    });
    let summary = casework_summary(&props.scenario, &outcome, lang);
    let h = &outcome.headline;
    let cur = currency(&props.scenario);

    let control = |p: P| {
        html! {
            <ParamControl key={PARAMS[p as usize].key} {lang} param={p} value={props.scenario.get(p)} currency={cur}
                refusals={props.refusals} on_action={props.on_action.clone()} />
        }
    };
    let rest: Vec<P> = PARAMS
        .iter()
        .filter(|s| matches!(s.group, Group::Casework | Group::Trust | Group::Municipality | Group::Simulation))
        .filter(|s| !s.key.starts_with("trust.pb"))
        .map(|s| s.id)
        .filter(|p| !DECISION.contains(p) && !OWN_FIGURES.contains(p) && *p != P::Currency)
        .collect();

    let payback = match h.payback {
        Payback::Month(m) => payback_text(Payback::Month(m), lang),
        other => payback_text(other, lang),
    };
    let card = |name: &str, a: String, b: String| figure_card(name, a, Some(format!("{}: {b}", ct.baseline)));
    let n0 = |x: f64| number(x, 0, lang);
    let pct = |x: f64| percent(x, 1, lang);

    let figure = |id: &str, title: &str, chart: &Chart| {
        html! {
            <ChartFigure id={AttrValue::from(id.to_string())} title={AttrValue::from(title.to_string())}
                chart={Rc::new(chart.clone())} {lang} />
        }
    };

    html! {
        <article class="casework">
            <h1>{ ct.title }</h1>
            <p class="lead">{ ct.intro }</p>
            <div class="casework-grid">
                <section class="controls" aria-labelledby="controls-heading">
                    <h2 id="controls-heading" class="visually-hidden">{ ct.decision_heading }</h2>
                    <NoticeBox {lang} notice={props.notice.clone()} />
                    <PresetPicker {lang} area={props.area} size={props.size} with_area={true}
                        on_action={props.on_action.clone()} />
                    <h3>{ ct.decision_heading }</h3>
                    { for DECISION.into_iter().map(control) }
                    <h3>{ ct.own_figures_heading }</h3>
                    { for OWN_FIGURES.into_iter().map(control) }
                    <details class="more">
                        <summary>{ ct.more_assumptions }</summary>
                        { for rest.into_iter().map(control) }
                    </details>
                    <UncertaintyControls {lang} seed={props.scenario.seed} runs={props.runs} {updating}
                        on_action={props.on_action.clone()} />
                    <FileActions {lang} on_action={props.on_action.clone()} />
                </section>
                <section class="results" aria-labelledby="result-heading">
                    <h2 id="result-heading">{ ct.result_heading }</h2>
                    <p class="summary">{ summary }</p>
                    if let Some(b) = &bands {
                        <p class="ranges" aria-live="polite">{ casework_ranges(&props.scenario, b, lang) }</p>
                    }
                    <dl class="figures">
                        { figure_card(ct.payback, payback, bands.as_ref().map(|b| range_line(b.payback_month, &|x| n0(x)))) }
                        { figure_card(ct.net_saving, money_compact(h.net_saving, cur, lang),
                            bands.as_ref().map(|b| range_line(b.figure(Figure::NetSaving), &|x| money_compact(x, cur, lang)))) }
                        { card(ct.wrong_per_year, n0(h.wrong_per_year[0]), n0(h.wrong_per_year[1])) }
                        { card(ct.overturns_per_year, n0(h.overturns_per_year[0]), n0(h.overturns_per_year[1])) }
                        { card(ct.right_first_time, pct(h.right_first_time[0]), pct(h.right_first_time[1])) }
                        { card(ct.waiting, n0(h.waiting[0]), n0(h.waiting[1])) }
                        { card(ct.sick_leave, pct(h.sick_leave[0]), pct(h.sick_leave[1])) }
                        { figure_card(ct.trust, pct(h.trust[0]), Some(match &bands {
                            Some(b) => format!("{} · {}: {}", range_line(b.figure(Figure::Trust), &pct), ct.baseline, pct(h.trust[1])),
                            None => format!("{}: {}", ct.baseline, pct(h.trust[1])),
                        })) }
                    </dl>
                    <div class="charts">
                        { figure("chart-saving", ct.chart_saving, &Chart::Line(charts.saving.clone())) }
                        { figure("chart-costs", ct.chart_costs, &Chart::Bar(charts.costs.clone())) }
                        { figure("chart-overturns", ct.chart_overturns, &Chart::Bar(charts.overturns.clone())) }
                        { figure("chart-trust", ct.chart_trust, &Chart::Line(charts.trust.clone())) }
                    </div>
                </section>
            </div>
        </article>
    }
}
