//! The casework view: presets, levers, the result in words and figures, and four charts with
//! their tables. It renders from the scenario it is given; the model runs in a memo.

mod chart;
mod param_control;

use std::rc::Rc;

use yew::prelude::*;

use super::state::{Action, Notice};
use crate::charts::Chart;
use crate::format::{money_compact, number, percent};
use crate::i18n::Lang;
use crate::model::params::{Group, PARAMS};
use crate::model::presets::{AREAS, SIZES};
use crate::model::{run, Payback, Scenario, P};
use crate::report::{casework_charts, casework_summary, currency, payback_text};
use chart::ChartFigure;
use param_control::ParamControl;

#[derive(Properties, PartialEq)]
pub struct CaseworkProps {
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
    pub area: &'static str,
    pub size: &'static str,
    pub notice: Option<Notice>,
    pub refusals: u32,
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
    let charts = use_memo((outcome.clone(), lang), |(o, lang)| Rc::new(casework_charts(o, *lang)));
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
        .map(|s| s.id)
        .filter(|p| !DECISION.contains(p) && !OWN_FIGURES.contains(p) && *p != P::Currency)
        .collect();

    let on_area = {
        let (cb, size) = (props.on_action.clone(), props.size);
        Callback::from(move |e: Event| {
            let area = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            cb.emit(Action::ApplyPreset { area, size: size.to_string() });
        })
    };
    let on_size = {
        let (cb, area) = (props.on_action.clone(), props.area);
        Callback::from(move |e: Event| {
            let size = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            cb.emit(Action::ApplyPreset { area: area.to_string(), size });
        })
    };
    let on_reset = props.on_action.reform(|_: MouseEvent| Action::Reset);
    let on_file = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let cb = cb.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match crate::web::read_file_text(&file).await {
                    Ok(text) => Scenario::from_json(&text).map(Rc::new),
                    Err(e) => Err(vec![crate::model::Problem::NotJson(e)]),
                };
                cb.emit(Action::Load(result));
            });
        })
    };

    let notice = match &props.notice {
        Some(Notice::Refused(problems)) => html! {
            <div class="notice notice-error" role="alert">
                <p>{ ct.file_problems }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul>
            </div>
        },
        Some(Notice::Loaded) => html! { <div class="notice" role="status"><p>{ ct.file_loaded }</p></div> },
        None => html! {},
    };

    let payback = match h.payback {
        Payback::Month(m) => payback_text(Payback::Month(m), lang),
        other => payback_text(other, lang),
    };
    let pair = |a: String, b: String| {
        html! {
            <>
                <span class="figure-main">{ a }</span>
                <span class="figure-base">{ format!("{}: {b}", ct.baseline) }</span>
            </>
        }
    };
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
                    { notice }
                    <fieldset class="presets">
                        <legend>{ ct.presets_legend }</legend>
                        <label for="preset-area">{ ct.area_label }</label>
                        <select id="preset-area" onchange={on_area}>
                            { for AREAS.iter().map(|a| html! {
                                <option value={a.id} selected={a.id == props.area}>{ a.label[lang_index(lang)] }</option>
                            }) }
                        </select>
                        <label for="preset-size">{ ct.size_label }</label>
                        <select id="preset-size" onchange={on_size}>
                            { for SIZES.iter().map(|z| html! {
                                <option value={z.id} selected={z.id == props.size}>{ z.label[lang_index(lang)] }</option>
                            }) }
                        </select>
                    </fieldset>
                    <h3>{ ct.decision_heading }</h3>
                    { for DECISION.into_iter().map(control) }
                    <h3>{ ct.own_figures_heading }</h3>
                    { for OWN_FIGURES.into_iter().map(control) }
                    <details class="more">
                        <summary>{ ct.more_assumptions }</summary>
                        { for rest.into_iter().map(control) }
                    </details>
                    <div class="file-actions">
                        <label class="button-secondary file-label">
                            { ct.open_file }
                            <input type="file" accept=".json,application/json" onchange={on_file} class="visually-hidden" />
                        </label>
                        <button type="button" class="button-secondary" onclick={on_reset}>{ ct.reset }</button>
                    </div>
                </section>
                <section class="results" aria-labelledby="result-heading">
                    <h2 id="result-heading">{ ct.result_heading }</h2>
                    <p class="summary" aria-live="polite">{ summary }</p>
                    <dl class="figures">
                        <div><dt>{ ct.payback }</dt><dd><span class="figure-main">{ payback }</span></dd></div>
                        <div><dt>{ ct.net_saving }</dt><dd><span class="figure-main">{ money_compact(h.net_saving, cur, lang) }</span></dd></div>
                        <div><dt>{ ct.wrong_per_year }</dt><dd>{ pair(n0(h.wrong_per_year[0]), n0(h.wrong_per_year[1])) }</dd></div>
                        <div><dt>{ ct.overturns_per_year }</dt><dd>{ pair(n0(h.overturns_per_year[0]), n0(h.overturns_per_year[1])) }</dd></div>
                        <div><dt>{ ct.right_first_time }</dt><dd>{ pair(pct(h.right_first_time[0]), pct(h.right_first_time[1])) }</dd></div>
                        <div><dt>{ ct.waiting }</dt><dd>{ pair(n0(h.waiting[0]), n0(h.waiting[1])) }</dd></div>
                        <div><dt>{ ct.sick_leave }</dt><dd>{ pair(pct(h.sick_leave[0]), pct(h.sick_leave[1])) }</dd></div>
                        <div><dt>{ ct.trust }</dt><dd>{ pair(pct(h.trust[0]), pct(h.trust[1])) }</dd></div>
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

/// Index into `[Danish, English]` pairs of the model's tables.
pub fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Da => 0,
        Lang::En => 1,
    }
}
