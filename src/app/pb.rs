//! The participatory budgeting view: the share of the budget (0.5% and 1% marked, the pot in money
//! and per resident, a warning when it is far beyond Danish pots), the process levers, the result
//! in words and figures, and four charts with their tables.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use super::panel::{cards, figure_card, Card, FileActions, Fmt, Municipality, NoticeBox, UncertaintyControls};
use super::param_control::{more_levers, ParamControl};
use super::state::{Action, Fold, Notice};
use crate::charts::Chart;
use crate::charts::LineChart;
use crate::format::{money, money_compact, number, percent};
use crate::i18n::Lang;
use crate::model::montecarlo::Figure;
use crate::model::params::{Home, PARAMS};
use crate::model::{Scenario, P};
use crate::report::{
    beyond_danish_pots, currency, pb_charts, pb_ranges, pb_summary, range_line, trust_chart, ChartId, PbCharts,
};

#[derive(Properties, PartialEq)]
pub struct PbProps {
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

const DECISION: [P; 3] = [P::PbShare, P::PbYears, P::PbOverride];
const PROCESS: [P; 3] = [P::PbOutreach, P::PbInPerson, P::PbDelivery];

#[component]
pub fn PbView(props: &PbProps) -> Html {
    let lang = props.lang;
    let (ct, pt) = (&lang.texts().case, &lang.texts().pb);
    let outcome = props.computed.outcome.clone();
    let (bands, updating) = (props.computed.bands.clone(), props.computed.updating);
    let charts = use_memo((outcome.clone(), bands.clone(), lang), |(o, b, lang)| {
        Rc::new((pb_charts(o, b.as_deref(), *lang), trust_chart(o, b.as_deref(), *lang)))
    });
    let s = &props.scenario;
    let h = &outcome.headline;
    let p = &h.pb;
    let cur = currency(s);
    let pct = |x: f64| percent(x, 1, lang);

    let pot_note = format!(
        "{}: {} ({} {})",
        pt.pot_note,
        money_compact(p.pot_per_year, cur, lang),
        money(p.pot_per_resident, 0, cur, lang),
        if lang == Lang::Da { "pr. indbygger" } else { "per resident" }
    );
    let control = |param: P| {
        let (marks, note) = if param == P::PbShare {
            (vec![0.005, 0.01], Some(AttrValue::from(pot_note.clone())))
        } else if param == P::PbYears && (p.votes as f64) < s.get(P::PbYears) {
            (vec![], Some(AttrValue::from(format!("{}: {}", pt.votes_in_horizon, p.votes))))
        } else {
            (vec![], None)
        };
        html! {
            <ParamControl key={PARAMS[param as usize].key} {lang} param={param} value={s.get(param)} currency={cur}
                refusals={props.refusals} opened={Fold::About(param).is_in(props.opened)} on_action={props.on_action.clone()} {marks} {note} />
        }
    };
    let rest: Vec<P> = PARAMS
        .iter()
        .filter(|q| q.home == Home::Pb)
        .map(|q| q.id)
        .filter(|q| !DECISION.contains(q) && !PROCESS.contains(q))
        .collect();

    let first_turnout = outcome.cycles.first().map(|c| c.turnout).unwrap_or(0.0);

    html! {
        <article class="pb">
            <h1>{ pt.title }</h1>
            <p class="lead">{ pt.intro }</p>
            <div class="casework-grid">
                <section class="controls" aria-labelledby="pb-controls-heading">
                    <h2 id="pb-controls-heading" class="visually-hidden">{ pt.decision_heading }</h2>
                    <NoticeBox {lang} notice={props.notice.clone()} />
                    <Municipality {lang} scenario={props.scenario.clone()} area={props.area} size={props.size}
                        with_area={false} refusals={props.refusals} on_action={props.on_action.clone()} />
                    <h3>{ pt.decision_heading }</h3>
                    { control(P::PbShare) }
                    if beyond_danish_pots(s) {
                        <p class="notice scale-gap">{ pt.scale_gap }</p>
                    }
                    { for DECISION[1..].iter().copied().map(control) }
                    <h3>{ pt.process_heading }</h3>
                    { for PROCESS.into_iter().map(control) }
                    { more_levers(ct.more_assumptions, rest, &props.scenario, props.opened, &props.on_action, &control) }
                    <UncertaintyControls {lang} seed={props.scenario.seed} runs={props.runs} {updating}
                        on_action={props.on_action.clone()} />
                    <FileActions {lang} view={super::state::View::Pb} link={props.link.clone()} scenario={props.scenario.clone()} on_action={props.on_action.clone()} />
                    // On one column the results sit below the levers: the headline stays in view.
                    <p class="live" aria-hidden="true">
                        { format!("{}: {} → {} · {}: {}", pt.turnout, pct(first_turnout), pct(p.turnout_last), pt.trust_own,
                            crate::format::points(h.trust_from_pb, 1, lang)) }
                    </p>
                </section>
                { results(props, &outcome, &charts) }
            </div>
        </article>
    }
}

/// The results: the outcome in words, its ranges, the figures and the four charts.
fn results(props: &PbProps, outcome: &crate::model::Outcome, charts: &(PbCharts, LineChart)) -> Html {
    let (lang, s) = (props.lang, &props.scenario);
    let (ct, pt) = (&lang.texts().case, &lang.texts().pb);
    let bands = &props.computed.bands;
    let (h, cur) = (&outcome.headline, currency(s));
    let p = &h.pb;
    let n0 = |x: f64| number(x, 0, lang);
    let pct = |x: f64| percent(x, 1, lang);
    let first_turnout = outcome.cycles.first().map(|c| c.turnout).unwrap_or(0.0);
    let figure = |id: ChartId, chart: Chart| {
        html! {
            <ChartFigure id={id.id()} title={id.title(lang)}
                chart={Rc::new(chart)} {lang} summary={crate::report::chart_caption(id, s, outcome, lang)}
                place={s.name.clone()} />
        }
    };
    html! {
    <section class="results" aria-labelledby="pb-result-heading">
        <h2 id="pb-result-heading">{ ct.result_heading }</h2>
        <p class="summary">{ pb_summary(s, outcome, lang) }</p>
        if let (Some(b), true) = (&bands, p.votes > 0) {
            <p class="ranges" aria-live="polite">{ pb_ranges(b, lang) }</p>
        }
        <dl class="figures">
            { figure_card(pt.turnout, format!("{} → {}", pct(first_turnout), pct(p.turnout_last)),
                bands.as_ref().map(|b| range_line(b.figure(Figure::TurnoutLast), &pct))) }
            { figure_card(pt.projects, format!("{} / {}", n0(p.funded + p.overruled), n0(p.delivered)), None) }
            { cards(vec![
                Card { name: pt.reach, value: p.reach, base: None, figure: Figure::Reach, fmt: Fmt::Percent },
                Card { name: pt.representation, value: p.representation, base: None, figure: Figure::Representation, fmt: Fmt::Index },
                Card { name: pt.rarely_heard, value: p.rarely_heard_voters_total, base: None, figure: Figure::RarelyHeardVoters, fmt: Fmt::Count },
                Card { name: pt.overdue, value: p.overdue, base: None, figure: Figure::Overdue, fmt: Fmt::Count },
                Card { name: pt.volunteering, value: p.volunteer_hours, base: None, figure: Figure::VolunteerHours, fmt: Fmt::Count },
                Card { name: pt.process_cost, value: p.process_cost_per_voter, base: None, figure: Figure::ProcessCostPerVoter, fmt: Fmt::Money },
                Card { name: pt.election, value: p.extra_election_voters, base: None, figure: Figure::ExtraVoters, fmt: Fmt::Count },
                Card { name: ct.trust, value: h.trust[0], base: Some(h.trust[1]), figure: Figure::Trust, fmt: Fmt::Percent },
            ], bands.as_deref(), lang, cur) }
            { figure_card(pt.trust_own, crate::format::points(h.trust_from_pb, 1, lang), None) }
        </dl>
        <div class="charts">
            { figure(ChartId::Turnout, Chart::Bar(charts.0.turnout.clone())) }
            { figure(ChartId::Who, Chart::Bar(charts.0.who.clone())) }
            { figure(ChartId::Projects, Chart::Bar(charts.0.projects.clone())) }
            { figure(ChartId::PbTrust, Chart::Line(charts.1.clone())) }
        </div>
    </section>
    }
}
