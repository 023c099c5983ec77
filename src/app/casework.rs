//! The casework view: presets, levers, the result in words and figures, and four charts with
//! their tables. It renders from the scenario it is given; the root runs the model and gives the outcome and bands (`state::Computed`).

use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use super::panel::{cards, figure_card, Card, FileActions, Fmt, Municipality, NoticeBox, UncertaintyControls};
use super::param_control::{more_levers, ParamControl};
use super::state::{Action, Fold, Notice};
use crate::charts::Chart;
use crate::i18n::Lang;
use crate::model::montecarlo::Figure;
use crate::model::params::{Home, PARAMS};
use crate::model::{Scenario, P};
use crate::report::{
    casework_charts, casework_ranges, casework_summary, currency, payback_range, payback_text, CaseworkCharts, ChartId,
};

#[derive(Properties, PartialEq)]
pub struct CaseworkProps {
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
    pub area: &'static crate::model::presets::Area,
    pub size: &'static crate::model::presets::Size,
    /// The state's share link (`AppState::link`).
    pub link: AttrValue,
    pub notice: Option<Notice>,
    pub refusals: u32,
    /// The folds opened so far ([`super::state::AppState::opened`]).
    pub opened: u128,
    pub runs: usize,
    pub on_action: Callback<Action>,
    /// The outcome and bands, computed at the root ([`super::state::Computed`]).
    pub computed: super::state::Computed,
}

/// The levers shown first, in this order; everything else in the casework and trust groups sits
/// under "More assumptions".
const DECISION: [P; 2] = [P::ExtraTime, P::Funding];
const OWN_FIGURES: [P; 3] = [P::AppealRate, P::OverturnShare, P::EscalationCost];
/// Shown in the municipality block at the top (`panel::Municipality`).
const MUNICIPALITY: [P; 5] = [P::Population, P::Budget, P::Currency, P::DecisionsPerMonth, P::Horizon];

#[component]
pub fn CaseworkView(props: &CaseworkProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let ct = &t.case;
    let outcome = props.computed.outcome.clone();
    let (bands, updating) = (props.computed.bands.clone(), props.computed.updating);
    let charts = use_memo((outcome.clone(), bands.clone(), lang), |(o, b, lang)| {
        Rc::new(casework_charts(o, b.as_deref(), *lang))
    });
    let h = &outcome.headline;
    let cur = currency(&props.scenario);

    let control = |p: P| {
        html! {
            <ParamControl key={PARAMS[p as usize].key} {lang} param={p} value={props.scenario.get(p)} currency={cur}
                refusals={props.refusals} opened={Fold::About(p).is_in(props.opened)} on_action={props.on_action.clone()} />
        }
    };
    let rest: Vec<P> = PARAMS
        .iter()
        .filter(|s| s.home == Home::Casework)
        .map(|s| s.id)
        .filter(|p| !DECISION.contains(p) && !OWN_FIGURES.contains(p) && !MUNICIPALITY.contains(p))
        .collect();

    html! {
        <article class="casework">
            <h1>{ ct.title }</h1>
            <p class="lead">{ ct.intro }</p>
            <div class="casework-grid">
                <section class="controls" aria-labelledby="controls-heading">
                    <h2 id="controls-heading" class="visually-hidden">{ ct.decision_heading }</h2>
                    <NoticeBox {lang} notice={props.notice.clone()} />
                    <Municipality {lang} scenario={props.scenario.clone()} area={props.area} size={props.size}
                        with_area={true} refusals={props.refusals} on_action={props.on_action.clone()} />
                    <h3>{ ct.decision_heading }</h3>
                    { for DECISION.into_iter().map(control) }
                    <h3>{ ct.own_figures_heading }</h3>
                    { for OWN_FIGURES.into_iter().map(control) }
                    { more_levers(ct.more_assumptions, rest, &props.scenario, props.opened, &props.on_action, &control) }
                    <UncertaintyControls {lang} seed={props.scenario.seed} runs={props.runs} {updating}
                        on_action={props.on_action.clone()} />
                    <FileActions {lang} view={super::state::View::Casework} link={props.link.clone()} scenario={props.scenario.clone()} on_action={props.on_action.clone()} />
                    // On one column the results sit below the levers: the headline stays in view.
                    <p class="live" aria-hidden="true">
                        { format!("{}: {} · {}: {}", ct.payback, payback_text(h.payback.cash, lang), ct.trust_own,
                            crate::format::points(h.trust_from_casework, 1, lang)) }
                    </p>
                </section>
                { results(props, &outcome, &charts) }
            </div>
        </article>
    }
}

/// The results: the outcome in words, its ranges, the figures and the four charts.
fn results(props: &CaseworkProps, outcome: &crate::model::Outcome, charts: &CaseworkCharts) -> Html {
    let (lang, s) = (props.lang, &props.scenario);
    let ct = &lang.texts().case;
    let bands = &props.computed.bands;
    let (h, cur) = (&outcome.headline, currency(s));
    let figure = |id: ChartId, chart: &Chart| {
        html! {
            <ChartFigure id={id.id()} title={id.title(lang)}
                chart={Rc::new(chart.clone())} {lang} summary={crate::report::chart_caption(id, s, outcome, lang)}
                place={s.name.clone()} />
        }
    };
    html! {
    <section class="results" aria-labelledby="result-heading">
        <h2 id="result-heading">{ ct.result_heading }</h2>
        <p class="summary">{ casework_summary(s, outcome, lang) }</p>
        if let Some(b) = &bands {
            <p class="ranges" aria-live="polite">{ casework_ranges(s, b, lang) }</p>
        }
        <dl class="figures">
            { figure_card(ct.payback, payback_text(h.payback.cash, lang),
                bands.as_ref().map(|b| payback_range(&b.payback.cash, lang))) }
            { figure_card(ct.payback_all, payback_text(h.payback.with_escalation, lang),
                bands.as_ref().map(|b| payback_range(&b.payback.with_escalation, lang))) }
            { cards(vec![
                Card { name: ct.net_saving, value: h.net_saving.cash, base: None, figure: Figure::NetSaving, fmt: Fmt::Money },
                Card { name: ct.wrong_per_year, value: h.wrong_per_year[0], base: Some(h.wrong_per_year[1]), figure: Figure::WrongPerYear, fmt: Fmt::Count },
                Card { name: ct.overturns_per_year, value: h.overturns_per_year[0], base: Some(h.overturns_per_year[1]), figure: Figure::OverturnsPerYear, fmt: Fmt::Count },
                Card { name: ct.right_first_time, value: h.right_first_time[0], base: Some(h.right_first_time[1]), figure: Figure::RightFirstTime, fmt: Fmt::Percent },
                Card { name: ct.waiting, value: h.waiting[0], base: Some(h.waiting[1]), figure: Figure::Waiting, fmt: Fmt::Count },
                Card { name: ct.sick_leave, value: h.sick_leave[0], base: Some(h.sick_leave[1]), figure: Figure::SickLeave, fmt: Fmt::Percent },
                Card { name: ct.trust, value: h.trust[0], base: Some(h.trust[1]), figure: Figure::Trust, fmt: Fmt::Percent },
            ], bands.as_deref(), lang, cur) }
            { figure_card(ct.trust_own, crate::format::points(h.trust_from_casework, 1, lang), None) }
        </dl>
        <div class="charts">
            { figure(ChartId::Saving, &Chart::Line(charts.saving.clone())) }
            { figure(ChartId::Costs, &Chart::Bar(charts.costs.clone())) }
            { figure(ChartId::Overturns, &Chart::Bar(charts.overturns.clone())) }
            { figure(ChartId::Trust, &Chart::Line(charts.trust.clone())) }
        </div>
    </section>
    }
}
