//! What the casework view says and draws, as plain data: the plain-language summary, the headline
//! figures and the chart data. Pure, so the words and numbers are tested natively, and the command
//! line and the app can share them.

use crate::charts::palette::{BASELINE, SCENARIO, SERIES};
use crate::charts::{BarChart, Dash, Line, LineChart, Stack, YFormat};
use crate::format::{money, money_compact, number, percent, Currency};
use crate::i18n::Lang;
use crate::model::casework::Tier;
use crate::model::montecarlo::{Band, Bands, PaybackDist, Series};
use crate::model::sim::Month;
use crate::model::{Headline, Outcome, Payback, Scenario, P};

/// The scenario's display currency.
pub fn currency(s: &Scenario) -> Currency {
    // A scenario holds a valid choice index (checked where values are set), as `choice` reads.
    Currency::ALL[s.get(P::Currency) as usize]
}

/// The payback as words: "month 23", "not within the horizon", "no difference".
pub fn payback_text(p: Payback, lang: Lang) -> String {
    match (p, lang) {
        (Payback::Month(m), Lang::Da) => format!("måned {m}"),
        (Payback::Month(m), Lang::En) => format!("month {m}"),
        (Payback::NotWithinHorizon, Lang::Da) => "ikke inden for tidshorisonten".into(),
        (Payback::NotWithinHorizon, Lang::En) => "not within the horizon".into(),
        (Payback::NoDifference, Lang::Da) => "ingen forskel".into(),
        (Payback::NoDifference, Lang::En) => "no difference".into(),
    }
}

fn years(months: usize, lang: Lang) -> String {
    let y = months as f64 / 12.0;
    let n = number(y, if y.fract() == 0.0 { 0 } else { 1 }, lang);
    match lang {
        Lang::Da => format!("{n} år"),
        Lang::En if y == 1.0 => "1 year".to_string(),
        Lang::En => format!("{n} years"),
    }
}

/// The one-paragraph summary of a casework result.
pub fn casework_summary(s: &Scenario, o: &Outcome, lang: Lang) -> String {
    let h = &o.headline;
    let cur = currency(s);
    let m = |x: f64| money_compact(x, cur, lang);
    let n0 = |x: f64| number(x, 0, lang);
    let x = s.get(P::ExtraTime);
    let horizon = years(o.scenario.len(), lang);
    let absorb = crate::model::casework::Funding::of(s) == crate::model::casework::Funding::Absorb;
    if x == 0.0 {
        return match lang {
            Lang::Da => "Med 0 % ekstra tid er scenariet det samme som grundbanen. Flyt »Ekstra tid pr. afgørelse« for at se virkningen.".into(),
            Lang::En => "With 0% extra time the scenario is the baseline. Move \"Extra time per decision\" to see the effect.".into(),
        };
    }
    let d = &h.cost_difference;
    let amount = percent(x.abs(), 0, lang);
    let how = match (lang, absorb) {
        (Lang::Da, false) => "betalt med nye medarbejdere",
        (Lang::Da, true) => "inden for den nuværende bemanding",
        (Lang::En, false) => "paid for by new staff",
        (Lang::En, true) => "within current staffing",
    };
    let change = match (lang, x >= 0.0) {
        (Lang::Da, true) => "mere",
        (Lang::Da, false) => "mindre",
        (Lang::En, true) => "more",
        (Lang::En, false) => "less",
    };
    // Each tier in words: "pays back in month 23 (net saving X)" / "does not pay back (net cost X)".
    let tier = |t: Tier| -> String {
        let net = *h.net_saving.at(t);
        match (*h.payback.at(t), lang) {
            (Payback::Month(mo), Lang::Da) => format!("betaler sig hjem i måned {mo} (nettobesparelse {})", m(net)),
            (Payback::Month(mo), Lang::En) => format!("pays back in month {mo} (net saving {})", m(net)),
            (Payback::NoDifference, Lang::Da) => "giver ingen forskel: der gives ingen ekstra tid".into(),
            (Payback::NoDifference, Lang::En) => "makes no difference: no extra time is given".into(),
            (_, Lang::Da) => format!("betaler sig ikke hjem inden for {horizon} (nettoudgift {})", m(-net)),
            (_, Lang::En) => format!("does not pay for itself within {horizon} (net cost {})", m(-net)),
        }
    };
    // The help itself: more right decisions pay help that was owed and save help that was not.
    let help = match (lang, d.help >= 0.0) {
        (Lang::Da, true) => {
            format!("Selve hjælpen koster {} mere, fordi flere får den hjælp, de har ret til.", m(d.help))
        }
        (Lang::Da, false) => {
            format!("Selve hjælpen koster {} mindre, fordi færre får hjælp, de ikke har ret til.", m(-d.help))
        }
        (Lang::En, true) => {
            format!("The help itself costs {} more, as more citizens get the help they are owed.", m(d.help))
        }
        (Lang::En, false) => format!("The help itself costs {} less, as fewer get help they are not owed.", m(-d.help)),
    };
    let squeezed = absorb && o.scenario.iter().any(|mo| (mo.extra_time - x).abs() > 1e-6);
    let squeeze_note = match (squeezed, lang) {
        (true, Lang::Da) => " Uden nye medarbejdere kan den ønskede tid ikke altid gives: tiden pr. sag presses, når kapaciteten ikke slår til.",
        (true, Lang::En) => " Without new staff the wanted time cannot always be given: time per case is squeezed when capacity falls short.",
        _ => "",
    };
    let (cash, fd, esc) = (tier(Tier::Cash), tier(Tier::FailureDemand), tier(Tier::Escalation));
    match lang {
        Lang::Da => format!(
            "Med {amount} {change} tid pr. afgørelse, {how}, bliver der {} forkerte afgørelser om året i stedet for {} \
             og {} omgjorte klager i stedet for {} (sidste år af perioden). På budgettet {cash}. {help} Regnes fejlbetinget \
             efterspørgsel med (en antagelse), {fd}; regnes også forværring med ({} pr. borger-måned uden den \
             rette hjælp, en pladsholder), {esc}. {}{squeeze_note}",
            n0(h.wrong_per_year[0]), n0(h.wrong_per_year[1]), n0(h.overturns_per_year[0]), n0(h.overturns_per_year[1]),
            m(s.get(P::EscalationCost)), trust_sentence(h, lang),
        ),
        Lang::En => format!(
            "With {amount} {change} time per decision, {how}, there are {} wrong decisions a year instead of {} and {} \
             overturned appeals instead of {} (last year of the period). On the budget the time {cash}. {help} Counting failure demand (an \
             assumption), it {fd}; counting escalation too ({} per citizen-month without the right help, a \
             placeholder), it {esc}. {}{squeeze_note}",
            n0(h.wrong_per_year[0]), n0(h.wrong_per_year[1]), n0(h.overturns_per_year[0]), n0(h.overturns_per_year[1]),
            m(s.get(P::EscalationCost)), trust_sentence(h, lang),
        ),
    }
}

fn points(x: f64, lang: Lang) -> String {
    crate::format::points(x, 1, lang)
}

/// Trust today, in the scenario (split by where the change came from) and in the baseline.
pub fn trust_sentence(h: &Headline, lang: Lang) -> String {
    let pct = |x: f64| percent(x, 1, lang);
    match lang {
        Lang::Da => format!(
            "Tillid: {} i dag, {} i scenariet (sagsbehandling {}, borgerbudget {}, tilbagevenden mod dagens niveau {}) og {} i grundbanen.",
            pct(h.trust0), pct(h.trust[0]), points(h.trust_from_casework, lang), points(h.trust_from_pb, lang),
            points(h.trust_drift, lang), pct(h.trust[1]),
        ),
        Lang::En => format!(
            "Trust: {} today, {} in the scenario (casework {}, participatory budgeting {}, drift back to today's level {}) and {} in the baseline.",
            pct(h.trust0), pct(h.trust[0]), points(h.trust_from_casework, lang), points(h.trust_from_pb, lang),
            points(h.trust_drift, lang), pct(h.trust[1]),
        ),
    }
}

/// The parameters of `s` that differ from the defaults, as (label, value as the control shows it)
/// in the user's language, in parameter-table order.
pub fn changed_values(s: &Scenario, lang: Lang) -> Vec<(String, String)> {
    let cur = currency(s);
    crate::model::PARAMS
        .iter()
        .zip(s.values().iter().zip(Scenario::default().values()))
        .filter(|(_, (x, d))| x.to_bits() != d.to_bits())
        .map(|(spec, (x, _))| (spec.label.of(lang).to_string(), crate::format::param(spec.id, *x, lang, cur)))
        .collect()
}

/// The sentence under a chart (drawn into its PNG): the trust charts get the trust sentence, the
/// participatory budgeting charts the PB summary, the casework charts the casework summary.
pub fn chart_caption(id: ChartId, s: &Scenario, o: &Outcome, lang: Lang) -> String {
    match id {
        ChartId::Trust | ChartId::PbTrust | ChartId::Ledger => trust_sentence(&o.headline, lang),
        ChartId::Turnout | ChartId::Who | ChartId::Projects => pb_summary(s, o, lang),
        ChartId::Saving | ChartId::Costs | ChartId::Overturns => casework_summary(s, o, lang),
    }
}

/// The charts of the casework, PB and together views: one registry of their ids (in the page, in
/// embed links and PNG names), titles and builders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartId {
    Saving,
    Costs,
    Overturns,
    Trust,
    Turnout,
    Who,
    Projects,
    /// The trust chart in the PB view.
    PbTrust,
    Ledger,
}

impl ChartId {
    pub const ALL: [ChartId; 9] = [
        ChartId::Saving,
        ChartId::Costs,
        ChartId::Overturns,
        ChartId::Trust,
        ChartId::Turnout,
        ChartId::Who,
        ChartId::Projects,
        ChartId::PbTrust,
        ChartId::Ledger,
    ];

    /// The id in the page, in embed links (`embed=chart-...`) and in PNG names.
    pub fn id(self) -> &'static str {
        match self {
            ChartId::Saving => "chart-saving",
            ChartId::Costs => "chart-costs",
            ChartId::Overturns => "chart-overturns",
            ChartId::Trust => "chart-trust",
            ChartId::Turnout => "chart-turnout",
            ChartId::Who => "chart-who",
            ChartId::Projects => "chart-projects",
            ChartId::PbTrust => "chart-pb-trust",
            ChartId::Ledger => "chart-ledger",
        }
    }

    /// The chart an id names (`None` for any other text).
    pub fn from_id(id: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.id() == id)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            ChartId::Saving => t.case.chart_saving,
            ChartId::Costs => t.case.chart_costs,
            ChartId::Overturns => t.case.chart_overturns,
            ChartId::Trust | ChartId::PbTrust => t.case.chart_trust,
            ChartId::Turnout => t.pb.chart_turnout,
            ChartId::Who => t.pb.chart_who,
            ChartId::Projects => t.pb.chart_projects,
            ChartId::Ledger => t.together.chart_ledger,
        }
    }

    /// The chart of a run and its bands.
    pub fn build(self, o: &Outcome, b: Option<&Bands>, lang: Lang) -> crate::charts::Chart {
        use crate::charts::Chart;
        match self {
            ChartId::Saving => Chart::Line(casework_charts(o, b, lang).saving),
            ChartId::Costs => Chart::Bar(casework_charts(o, b, lang).costs),
            ChartId::Overturns => Chart::Bar(casework_charts(o, b, lang).overturns),
            ChartId::Trust => Chart::Line(casework_charts(o, b, lang).trust),
            ChartId::Turnout => Chart::Bar(pb_charts(o, b, lang).turnout),
            ChartId::Who => Chart::Bar(pb_charts(o, b, lang).who),
            ChartId::Projects => Chart::Bar(pb_charts(o, b, lang).projects),
            ChartId::PbTrust => Chart::Line(trust_chart(o, b, lang)),
            ChartId::Ledger => Chart::HBar(ledger_chart(o, b, lang)),
        }
    }
}

/// Danish participatory budgets so far: DKK 50,000-4 million per area.
pub const DANISH_POT_MAX_DKK: f64 = 4_000_000.0;

/// Rough DKK per unit of each display currency, only to compare a pot with Danish pots.
fn dkk_per(c: Currency) -> f64 {
    match c {
        Currency::Dkk => 1.0,
        Currency::Eur => 7.46,
        Currency::Gbp => 8.6,
    }
}

/// Whether the pot is beyond anything Danish participatory budgeting has handled.
pub fn beyond_danish_pots(s: &Scenario) -> bool {
    s.get(P::PbShare) * s.get(P::Budget) * dkk_per(currency(s)) > DANISH_POT_MAX_DKK
}

/// The one-paragraph summary of the participatory budgeting result.
pub fn pb_summary(s: &Scenario, o: &Outcome, lang: Lang) -> String {
    let h = &o.headline;
    let p = &h.pb;
    let cur = currency(s);
    let m = |x: f64| money_compact(x, cur, lang);
    let n0 = |x: f64| number(x, 0, lang);
    let pct = |x: f64| percent(x, 1, lang);
    if p.votes == 0 {
        return lang.texts().pb.no_votes.to_string();
    }
    let (first, last) = (o.cycles[0].turnout, p.turnout_last);
    let share = percent(s.get(P::PbShare), 1, lang);
    let per_resident = money(p.pot_per_resident, 0, cur, lang);
    let rep = number(p.representation, 2, lang);
    // Each value once; the two languages only differ in their sentences.
    let (pot, votes, first, last, reach) = (m(p.pot_per_year), p.votes, pct(first), pct(last), pct(p.reach));
    let (chosen, overruled, overdue) = (n0(p.funded + p.overruled), n0(p.overruled), n0(p.overdue));
    let (hours, worth) = (n0(p.volunteer_hours), m(p.volunteer_value));
    let per_vote = money(p.process_cost_per_voter, 0, cur, lang);
    let (voters, trust) = (n0(p.extra_election_voters), trust_sentence(h, lang));
    let text = match lang {
        Lang::Da => format!(
            "Med {share} af budgettet til borgerne ({pot} om året, {per_resident} pr. indbygger) og {votes} afstemninger \
             stemmer {first} af de voksne første gang og {last} ved den sidste; {reach} har deltaget mindst én gang. Sjældent \
             hørte grupper har en repræsentation på {rep} (1 = deres andel af befolkningen). Af {chosen} valgte projekter \
             underkender kommunen {overruled}, og {overdue} er forsinkede ved periodens slutning. Frivillige giver ca. {hours} timer \
             (værd {worth}). Processen koster {per_vote} pr. stemme. Ca. {voters} flere ville stemme ved et almindeligt valg. {trust}",
        ),
        Lang::En => format!(
            "With {share} of the budget handed to citizens ({pot} a year, {per_resident} per resident) and {votes} votes, \
             {first} of adults vote the first time and {last} at the last; {reach} have taken part at least once. Rarely-heard \
             groups have a representation of {rep} (1 = their share of the population). Of {chosen} projects chosen, the \
             council overrules {overruled} and {overdue} are overdue at the end. Volunteers give about {hours} hours (worth {worth}). The \
             process costs {per_vote} per vote. About {voters} more people would vote at an ordinary election. {trust}",
        ),
    };
    text
}

/// Trust in the scenario against the baseline, month by month.
pub fn trust_chart(o: &Outcome, bands: Option<&Bands>, lang: Lang) -> LineChart {
    let t = &lang.texts().case;
    LineChart {
        x_label: t.month.into(),
        y_format: YFormat::Percent,
        lines: vec![
            Line {
                label: t.scenario.into(),
                color: SCENARIO,
                dash: Dash::Solid,
                values: o.scenario.iter().map(|m| m.trust).collect(),
                band: band(bands, Series::Trust),
            },
            Line {
                label: t.baseline.into(),
                color: BASELINE,
                dash: Dash::Dashed,
                values: o.baseline.iter().map(|m| m.trust).collect(),
                band: band(bands, Series::TrustBaseline),
            },
        ],
        marker: None,
        zero_line: false,
        reveal: None,
    }
}

/// The data of the participatory budgeting view's charts (the trust chart is shared).
#[derive(Clone, Debug, PartialEq)]
pub struct PbCharts {
    pub turnout: BarChart,
    pub who: BarChart,
    pub projects: BarChart,
}

/// Build the PB chart data: one bar group per vote.
pub fn pb_charts(o: &Outcome, bands: Option<&Bands>, lang: Lang) -> PbCharts {
    let t = &lang.texts().pb;
    let cats: Vec<String> = o.cycles.iter().map(|c| c.cycle.to_string()).collect();
    let col = |f: fn(&crate::model::pb::Cycle) -> f64| o.cycles.iter().map(f).collect::<Vec<f64>>();
    PbCharts {
        turnout: BarChart {
            x_label: t.vote.into(),
            categories: cats.clone(),
            y_format: YFormat::Percent,
            stacks: vec![
                Stack {
                    label: t.turnout.into(),
                    color: SCENARIO,
                    values: col(|c| c.turnout),
                    band: band(bands, Series::Turnout),
                },
                Stack {
                    label: t.reach.into(),
                    color: SERIES[2],
                    values: col(|c| c.reach),
                    band: band(bands, Series::Reach),
                },
            ],
            grouped: true,
            total_band: None,
        },
        who: BarChart {
            x_label: t.vote.into(),
            categories: cats.clone(),
            y_format: YFormat::Count,
            stacks: vec![
                Stack {
                    label: t.rarely_heard.into(),
                    color: SERIES[1],
                    values: col(|c| c.rarely_heard_voters),
                    band: None,
                },
                Stack {
                    label: t.other_voters.into(),
                    color: SERIES[5],
                    values: col(|c| c.voters - c.rarely_heard_voters),
                    band: None,
                },
            ],
            grouped: false,
            total_band: band(bands, Series::Voters),
        },
        projects: BarChart {
            x_label: t.vote.into(),
            categories: cats,
            y_format: YFormat::Count,
            stacks: vec![
                Stack {
                    label: t.delivered_in_year.into(),
                    color: SERIES[2],
                    values: col(|c| c.delivered_in_year),
                    band: None,
                },
                Stack {
                    label: t.overdue_after_year.into(),
                    color: SERIES[3],
                    values: col(|c| c.overdue_after_year),
                    band: None,
                },
                Stack { label: t.in_first_year.into(), color: BASELINE, values: col(|c| c.in_first_year), band: None },
                Stack { label: t.overruled.into(), color: SERIES[4], values: col(|c| c.overruled), band: None },
            ],
            grouped: false,
            total_band: band(bands, Series::ProjectsChosen),
        },
    }
}

/// The trust ledger: each mechanism's total push on trust over the horizon, and the total change
/// (which the mechanisms sum to exactly).
pub fn ledger_chart(o: &Outcome, bands: Option<&Bands>, lang: Lang) -> crate::charts::HBarChart {
    let t = &lang.texts().together;
    let mut values = Vec::new();
    Series::Ledger.extend(o, &mut values);
    let rows = values.into_iter().enumerate().map(|(k, v)| (t.mechanisms[k].to_string(), vec![v])).collect();
    crate::charts::HBarChart {
        x_label: t.ledger_axis.into(),
        heads: vec![t.mechanism.into(), t.change.into()],
        colors: vec![SCENARIO],
        y_format: YFormat::Points,
        origin: 0.0,
        rows,
        band: band(bands, Series::Ledger),
    }
}

/// The tornado of `output` as chart data, labels in the user's language.
pub fn tornado_chart(
    swings: &[crate::model::montecarlo::Swing],
    output: crate::model::montecarlo::Output,
    cur: Currency,
    lang: Lang,
) -> crate::charts::HBarChart {
    use crate::model::montecarlo::Output;
    let t = &lang.texts().together;
    let y_format = match output {
        Output::Payback => YFormat::Count,
        Output::Trust => YFormat::Points,
        Output::TurnoutYear3 => YFormat::Percent,
        Output::NetCost => YFormat::Money,
    };
    let k = Output::ALL.iter().position(|o| *o == output).unwrap_or(0);
    let unit = if output == Output::NetCost { cur.code() } else { t.output_units[k] };
    crate::charts::HBarChart {
        // The output is named by the choice above the chart and in the image's caption.
        x_label: format!("{unit}; {}", t.tornado_origin),
        heads: vec![t.assumption.into(), t.at_low.into(), t.at_high.into()],
        colors: vec![SERIES[5], SERIES[1]],
        y_format,
        origin: swings.first().map(|w| w.at_value).unwrap_or(0.0),
        band: None,
        rows: swings
            .iter()
            .map(|w| (crate::model::PARAMS[w.param as usize].label.of(lang).to_string(), vec![w.at_low, w.at_high]))
            .collect(),
    }
}

/// "between a and b" for a P10-P90 range, in words.
fn between(b: Band, f: &dyn Fn(f64) -> String, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("mellem {} og {}", f(b.p10), f(b.p90)),
        Lang::En => format!("between {} and {}", f(b.p10), f(b.p90)),
    }
}

/// A payback month as a figure's range end: the month, or "after the horizon".
pub fn payback_month_text(x: f64, horizon: u32, lang: Lang) -> String {
    match lang {
        _ if x <= horizon as f64 => number(x, 0, lang),
        Lang::Da => "efter perioden".into(),
        Lang::En => "after the period".into(),
    }
}

/// The payback card's range line: P10-P90 over all runs that give extra time ("P10–P90: after
/// the period" when even P10 does not pay back within it).
pub fn payback_range(d: &PaybackDist, lang: Lang) -> String {
    let f = |x: f64| payback_month_text(x, d.horizon, lang);
    if d.month.p10 > d.horizon as f64 {
        return format!("P10–P90: {}", f(d.month.p10));
    }
    range_line(d.month, &f)
}

/// The uncertainty of the casework result in words, over all runs (P10-P90: "in 8 of 10 runs").
pub fn casework_ranges(s: &Scenario, b: &Bands, lang: Lang) -> String {
    use crate::model::montecarlo::Figure;
    let cur = currency(s);
    let m = |x: f64| money_compact(x, cur, lang);
    let pct = |x: f64| percent(x, 1, lang);
    let d = &b.payback.cash;
    let (n, seed) = (number(b.runs as f64, 0, lang), b.seed);
    let share = |x: f64| percent(x, 0, lang);
    let (w12, within, never) = (d.shares[0] + d.shares[1], d.within_horizon(), d.shares[4]);
    // "month 23" or "after the period" (the median run pays back only if it is within it).
    let median = match (d.month.p50 <= d.horizon as f64, lang) {
        (true, Lang::Da) => format!("måned {}", number(d.month.p50, 0, lang)),
        (true, Lang::En) => format!("month {}", number(d.month.p50, 0, lang)),
        (false, _) => payback_month_text(d.month.p50, d.horizon, lang),
    };
    let saving = between(b.figure(Figure::NetSaving), &m, lang);
    let all = between(b.figure(Figure::NetSavingAll), &m, lang);
    let trust = between(b.figure(Figure::Trust), &pct, lang);
    let esc = share(b.payback.with_escalation.within_horizon());
    match lang {
        Lang::Da => format!(
            "Over {n} træk af de usikre antagelser (startværdi {seed}) betaler tiden sig hjem på budgettet inden for 12 \
             måneder i {} af dem, inden for perioden i {} og slet ikke i {} (midterste træk: {median}); \
             med alle antagelser inden for perioden i {esc}. I 8 ud af 10 er nettobesparelsen på budgettet {saving} \
             ({all} med alle antagelser), og tilliden ender {trust}.",
            share(w12),
            share(within),
            share(never)
        ),
        Lang::En => {
            format!(
            "Across {n} draws of the uncertain assumptions (seed {seed}), the time pays back on the budget within 12 \
             months in {} of them, within the period in {} and not at all in {} (median draw: {median}); \
             counting every assumption, within the period in {esc}. In 8 of 10 the net saving on the budget is \
             {saving} ({all} counting every assumption) and trust ends {trust}.",
            share(w12), share(within), share(never)
        )
        }
    }
}

/// The uncertainty of the participatory budgeting result in words.
pub fn pb_ranges(b: &Bands, lang: Lang) -> String {
    use crate::model::montecarlo::Figure;
    let pct = |x: f64| percent(x, 1, lang);
    let (n, seed) = (number(b.runs as f64, 0, lang), b.seed);
    let turnout = between(b.figure(Figure::TurnoutLast), &pct, lang);
    let reach = between(b.figure(Figure::Reach), &pct, lang);
    let trust = between(b.figure(Figure::Trust), &pct, lang);
    match lang {
        Lang::Da => format!("Over {n} træk af de usikre antagelser (startværdi {seed}) ligger deltagelsen ved den sidste afstemning i 8 ud af 10 {turnout}, rækkevidden {reach}, og tilliden ender {trust}."),
        Lang::En => format!("Across {n} draws of the uncertain assumptions (seed {seed}), turnout at the last vote is {turnout} in 8 of 10, reach {reach}, and trust ends {trust}."),
    }
}

/// A figure card's range line: "P10–P90: a – b".
pub fn range_line(b: Band, f: &dyn Fn(f64) -> String) -> String {
    format!("P10–P90: {} – {}", f(b.p10), f(b.p90))
}

/// The bands of a series, when Monte Carlo results are there.
fn band(b: Option<&Bands>, s: Series) -> Option<Vec<Band>> {
    b.map(|b| b.series(s).to_vec())
}

/// The data of the casework view's four charts.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseworkCharts {
    pub saving: LineChart,
    pub costs: BarChart,
    pub overturns: BarChart,
    pub trust: LineChart,
}

fn per_year(series: &[Month], f: impl Fn(&Month) -> f64) -> Vec<f64> {
    series.chunks(12).map(|c| c.iter().map(&f).sum()).collect()
}

fn year_labels(months: usize) -> Vec<String> {
    (1..=months.div_ceil(12)).map(|y| y.to_string()).collect()
}

/// Build the chart data of a casework outcome.
pub fn casework_charts(o: &Outcome, bands: Option<&Bands>, lang: Lang) -> CaseworkCharts {
    let t = &lang.texts().case;
    let months = o.scenario.len();
    let saving = LineChart {
        x_label: t.month.into(),
        y_format: YFormat::Money,
        // The cash the council books (with its band), then adding what rests on assumptions.
        lines: Tier::ALL
            .iter()
            .enumerate()
            .map(|(k, tier)| Line {
                label: t.tier_lines[k].into(),
                color: [SCENARIO, SERIES[4], SERIES[5]][k],
                dash: [Dash::Solid, Dash::Dashed, Dash::Dotted][k],
                values: o.cumulative_saving.at(*tier).clone(),
                band: if k == 0 { band(bands, Series::CumulativeSaving) } else { None },
            })
            .collect(),
        marker: match o.headline.payback.cash {
            Payback::Month(m) => Some((m, format!("{} ({})", t.payback_marker, payback_text(Payback::Month(m), lang)))),
            _ => None,
        },
        zero_line: true,
        reveal: None,
    };
    let diff = |k: usize| -> Vec<f64> {
        let a = per_year(&o.scenario, |m| m.costs.as_array()[k]);
        let b = per_year(&o.baseline, |m| m.costs.as_array()[k]);
        a.iter().zip(&b).map(|(x, y)| x - y).collect()
    };
    let costs = BarChart {
        x_label: t.year.into(),
        categories: year_labels(months),
        y_format: YFormat::Money,
        stacks: (0..7)
            .map(|k| Stack { label: t.cost_categories[k].into(), color: SERIES[k], values: diff(k), band: None })
            .collect(),
        grouped: false,
        total_band: band(bands, Series::CostDifference),
    };
    let overturns = BarChart {
        x_label: t.year.into(),
        categories: year_labels(months),
        y_format: YFormat::Count,
        stacks: vec![
            Stack {
                label: t.with_decision.into(),
                color: SCENARIO,
                values: per_year(&o.scenario, |m| m.overturns),
                band: band(bands, Series::OverturnsScenario),
            },
            Stack {
                label: t.baseline.into(),
                color: BASELINE,
                values: per_year(&o.baseline, |m| m.overturns),
                band: band(bands, Series::OverturnsBaseline),
            },
        ],
        grouped: true,
        total_band: None,
    };
    let trust = trust_chart(o, bands, lang);
    CaseworkCharts { saving, costs, overturns, trust }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run;

    #[test]
    fn summary_quotes_the_model_figures_in_both_languages() {
        // Without the cost of the help, the time pays back only when escalation is counted; the
        // summary says both.
        let mut s = Scenario::default();
        s.set(P::HelpCost, 0.0).unwrap();
        let o = run(&s);
        let en = casework_summary(&s, &o, Lang::En);
        let da = casework_summary(&s, &o, Lang::Da);
        assert_eq!(o.headline.payback.cash, Payback::NotWithinHorizon);
        let Payback::Month(m) = o.headline.payback.with_escalation else { panic!("escalation pays back") };
        assert!(en.contains(&format!("month {m}")) && en.contains("does not pay for itself"), "{en}");
        assert!(da.contains(&format!("måned {m}")) && da.contains("betaler sig ikke hjem"), "{da}");
        assert!(en.contains(&number(o.headline.wrong_per_year[0], 0, Lang::En)));
        assert!(da.contains("kr."), "{da}");
        assert!(!da.contains(".."), "double full stop: {da}");
        assert!(en.contains("DKK"), "{en}");
    }

    #[test]
    fn summary_says_when_it_does_not_pay_back() {
        let mut s = Scenario::default();
        s.set(P::TimeEffect, 0.0).unwrap();
        let o = run(&s);
        assert_eq!(o.headline.payback.with_escalation, Payback::NotWithinHorizon);
        assert!(casework_summary(&s, &o, Lang::En).contains("does not pay for itself"));
        assert!(casework_summary(&s, &o, Lang::Da).contains("betaler sig ikke hjem"));
    }

    #[test]
    fn pb_summary_and_charts_follow_the_cycles() {
        let s = Scenario::default();
        let o = run(&s);
        let en = pb_summary(&s, &o, Lang::En);
        let da = pb_summary(&s, &o, Lang::Da);
        assert!(en.contains(&percent(o.headline.pb.turnout_last, 1, Lang::En)), "{en}");
        assert!(da.contains("afstemninger") && !da.contains(".."), "{da}");
        let c = pb_charts(&o, None, Lang::En);
        assert_eq!(c.turnout.categories.len(), o.cycles.len());
        assert!(beyond_danish_pots(&s), "0.5% of DKK 3.6bn is DKK 18m, beyond Danish pots");
        let mut small = s.clone();
        small.set(P::PbShare, 0.0005).unwrap();
        assert!(!beyond_danish_pots(&small));
        let mut none = s.clone();
        none.set(P::PbShare, 0.0).unwrap();
        assert!(pb_summary(&none, &run(&none), Lang::En).starts_with("No votes"));
    }

    #[test]
    fn each_chart_is_captioned_by_what_it_shows() {
        let s = Scenario::default();
        let o = run(&s);
        for lang in [Lang::Da, Lang::En] {
            let trust = trust_sentence(&o.headline, lang);
            for id in [ChartId::Trust, ChartId::PbTrust, ChartId::Ledger] {
                assert_eq!(chart_caption(id, &s, &o, lang), trust, "{id:?}");
            }
            for id in [ChartId::Turnout, ChartId::Who, ChartId::Projects] {
                assert_eq!(chart_caption(id, &s, &o, lang), pb_summary(&s, &o, lang), "{id:?}");
            }
            for id in [ChartId::Saving, ChartId::Costs, ChartId::Overturns] {
                assert_eq!(chart_caption(id, &s, &o, lang), casework_summary(&s, &o, lang), "{id:?}");
            }
        }
    }

    #[test]
    fn the_ledger_chart_sums_to_the_change_in_trust() {
        let s = Scenario::default();
        let o = run(&s);
        let c = ledger_chart(&o, None, Lang::En);
        let mechanisms: f64 = c.rows[..8].iter().map(|(_, v)| v[0]).sum();
        let total = c.rows[8].1[0];
        assert!((mechanisms - total).abs() < 1e-15);
        assert!((total - (o.headline.trust[0] - o.headline.trust0)).abs() < 1e-12);
        let b = crate::model::montecarlo::monte_carlo(&s, 50);
        let banded = ledger_chart(&o, Some(&b), Lang::En);
        assert_eq!(banded.band.as_ref().map(Vec::len), Some(9));
        assert_eq!(crate::charts::Chart::HBar(banded).table(Lang::En).head.len(), 3);
    }

    #[test]
    fn range_sentences_quote_the_bands() {
        use crate::model::montecarlo::{monte_carlo, Figure};
        let s = Scenario::default();
        let b = monte_carlo(&s, 100);
        let en = casework_ranges(&s, &b, Lang::En);
        assert!(
            en.contains("Across 100 draws") && en.contains(&percent(b.figure(Figure::Trust).p90, 1, Lang::En)),
            "{en}"
        );
        let da = pb_ranges(&b, Lang::Da);
        assert!(da.contains("8 ud af 10") && da.contains(&percent(b.figure(Figure::Reach).p10, 1, Lang::Da)), "{da}");
    }

    #[test]
    fn cost_chart_sums_to_the_headline_difference() {
        let s = Scenario::default();
        let o = run(&s);
        let c = casework_charts(&o, None, Lang::En);
        let total: f64 = c.costs.stacks.iter().flat_map(|st| st.values.iter()).sum();
        let net = o.headline.net_saving.with_escalation;
        assert!((total + net).abs() < 1e-3 * net.abs().max(1.0));
        assert_eq!(c.costs.stacks.len(), 7);
        assert_eq!(c.saving.lines.len(), 3);
        assert_eq!(c.costs.categories.len(), 5);
        let table = c.trust.table(12, Lang::Da);
        assert_eq!(table.rows.len(), 5);
        assert_eq!(table.head.len(), 3);
    }
}
