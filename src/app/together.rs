//! The together view: both decisions on the one trust stock, what they cost together, the trust
//! ledger, and the tornado of the assumptions that decide a chosen result.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use super::panel::{figure_card, UncertaintyControls};
use super::state::Action;
use crate::charts::Chart;
use crate::format::{money_compact, percent};
use crate::i18n::Lang;
use crate::model::montecarlo::{tornado, Figure, Output};
use crate::model::Scenario;
use crate::report::{
    currency, ledger_chart, payback_range, payback_text, range_line, tornado_chart, trust_sentence, ChartId,
};

#[derive(Properties, PartialEq)]
pub struct TogetherProps {
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
    pub runs: usize,
    pub on_action: Callback<Action>,
    /// The outcome and bands, computed at the root ([`super::state::Computed`]).
    pub computed: super::state::Computed,
}

#[component]
pub fn TogetherView(props: &TogetherProps) -> Html {
    let lang = props.lang;
    let (ct, pt, tt) = (&lang.texts().case, &lang.texts().pb, &lang.texts().together);
    // Net cost by default: at the defaults the time does not pay back at any draw's end of a range,
    // so the payback tornado would be empty.
    let output = use_state(|| Output::NetCost);
    let outcome = props.computed.outcome.clone();
    let (bands, updating) = (props.computed.bands.clone(), props.computed.updating);
    let swings = use_memo((props.scenario.clone(), *output), |(s, out)| tornado(s, *out, 10));
    let h = &outcome.headline;
    let cur = currency(&props.scenario);
    let pct = |x: f64| percent(x, 1, lang);
    let net_cost = -h.net_saving.cash + h.pb.spent;
    let on_output = {
        let output = output.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(o) = Output::parse(&v) {
                output.set(o);
            }
        })
    };
    let ledger = Rc::new(Chart::HBar(ledger_chart(&outcome, bands.as_deref(), lang)));
    let tornado = Rc::new(Chart::HBar(tornado_chart(&swings, *output, cur, lang)));
    let range = |f: Figure| bands.as_ref().map(|b| range_line(b.figure(f), &pct));
    html! {
        <article class="together">
            <h1>{ tt.title }</h1>
            <p class="lead">{ tt.intro }</p>
            <p class="summary">{ trust_sentence(h, lang) }</p>
            <dl class="figures">
                { figure_card(ct.trust, format!("{} → {}", pct(h.trust0), pct(h.trust[0])), range(Figure::Trust)) }
                { figure_card(pt.reach, pct(h.pb.reach), range(Figure::Reach)) }
                { figure_card(tt.net_cost, money_compact(net_cost, cur, lang), Some(tt.net_cost_note.to_string())) }
                { figure_card(ct.payback, payback_text(h.payback.cash, lang),
                    bands.as_ref().map(|b| payback_range(&b.payback.cash, lang))) }
            </dl>
            <div class="charts">
                <ChartFigure id={ChartId::Ledger.id()} title={ChartId::Ledger.title(lang)} chart={ledger} {lang} summary={trust_sentence(h, lang)}
                    place={props.scenario.name.clone()} />
                <div>
                    <label for="tornado-output">{ tt.output_label }</label>
                    <select id="tornado-output" onchange={on_output}>
                        { for Output::ALL.iter().enumerate().map(|(k, o)| html! {
                            <option value={o.key()} selected={*o == *output}>{ tt.outputs[k] }</option>
                        }) }
                    </select>
                    if swings.is_empty() {
                        <p class="tornado-none">{ tt.tornado_none }</p>
                    } else {
                        <ChartFigure id="chart-tornado" title={tt.chart_tornado} chart={tornado} {lang}
                            summary={format!("{}: {}", tt.output_label, tt.outputs[Output::ALL.iter().position(|o| o == &*output).unwrap_or(0)])}
                            place={props.scenario.name.clone()} />
                    }
                </div>
            </div>
            <UncertaintyControls {lang} seed={props.scenario.seed} runs={props.runs} {updating}
                on_action={props.on_action.clone()} />
        </article>
    }
}
