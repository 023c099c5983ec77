//! The workshop page (workshop.html, its own wasm), made for a projector: large type and charts, high
//! contrast, keyboard shortcuts, full screen. Three parts: guided stories (steps with a chart, a
//! text, a question, and predict-then-reveal), free play (the two main levers, optional), and the
//! group board (pasted links side by side, with what makes the difference). In every part the years
//! can be played one by one and the last change replayed as before and after. The numbers come from
//! the model, [`crate::story`] and [`crate::workshop`]; this file shows them.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use super::param_control::ParamControl;
use super::state::Action as AppAction;
use crate::charts::Chart;
use crate::i18n::Lang;
use crate::model::montecarlo::{Figure, DEFAULT_RUNS};
use crate::model::{Outcome, Scenario, P};
use crate::story::{ChartKind, Predict};
use crate::workshop::{self, texts, Part};
use crate::workshop_state::{page_query, Act, Ws, SPEEDS};

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    pub lang: Lang,
    /// What the address asked for: `story` (an id), `step` (1-based), `mode` (the part).
    pub story: Option<String>,
    pub step: usize,
    pub mode: Part,
}

/// Milliseconds per year when playing: slow, normal, fast.
/// The page's state is the core's ([`crate::workshop_state`]); here it becomes Yew's reducer.
impl Reducible for Ws {
    type Action = Act;

    fn reduce(self: Rc<Self>, action: Act) -> Rc<Self> {
        self.reduced(action)
    }
}

#[component]
pub fn WorkshopPage(props: &WorkshopProps) -> Html {
    let ws = use_reducer(|| {
        let groups = crate::compare::read_page_query_up_to(&crate::web::current_query(), workshop::MAX_GROUPS).1;
        Ws::new(props.lang, props.mode, crate::story::built_in(), props.story.as_deref(), props.step, groups)
    });
    let lang = ws.lang;
    let t = texts(lang);
    let scenario = Rc::new(ws.scenario());
    let kind = ws.chart_kind();
    let outcome = use_memo(scenario.clone(), |s| crate::model::run(s));
    let before = use_memo(ws.before.clone(), |b| b.as_ref().map(|s| crate::model::run(s)));
    let total = match kind {
        ChartKind::Turnout => outcome.cycles.len(),
        _ => outcome.scenario.len().div_ceil(12),
    };

    use_page_effects(&ws, total);
    let board = use_board(&ws);
    let bands = use_memo((scenario.clone(), ws.revealed), |(s, revealed)| {
        revealed.then(|| crate::model::montecarlo::monte_carlo(s, DEFAULT_RUNS))
    });

    let (title, chart) = workshop::step_chart(
        kind,
        &outcome,
        if ws.replaying { (*before).as_ref() } else { None },
        ws.chart_drawn_to(),
        lang,
    );
    let chart = Rc::new(Chart::Line(chart));
    // The QR code and the link open the same scenario in the app's view that shows this chart.
    let view = workshop::app_view(kind).code();
    let share_link = crate::share::encode(&scenario, &[("lang", lang.code()), ("view", view)]);
    let app_link = crate::web::sibling_url("", &share_link);

    let time_controls = time_controls(&ws, total);
    let levers = levers(&ws, &scenario);
    let qr = ws.qr.then(|| qr_code(&app_link, t));

    let body = match ws.mode {
        Part::Stories => story_part(&ws, &outcome, (*bands).as_ref(), lang),
        Part::Free => free_part(&ws, kind, levers.clone()),
        Part::Board => (*board).as_ref().map(|b| board_part(&ws, b)).unwrap_or_default(),
    };
    let show_chart = ws.mode != Part::Board;
    let stage = html! {
        <>
            <div class="stage-text">{ body }</div>
            if show_chart {
                <div class="stage-chart">
                    { time_controls }
                    <ChartFigure id="workshop-chart" {title} {chart} {lang} presenter=true summary={ws.mode.name(t)} />
                    if ws.mode == Part::Stories { { levers_toggle(&ws, levers) } }
                </div>
            }
        </>
    };
    html! {
        <>
            { header(&ws) }
            <main id="main" tabindex="-1" class="workshop">
                <p class="status" role="status">{ ws.message.clone() }</p>
                // Shown (by the stylesheet) once the service worker holds the offline copy.
                <p class="offline-ready">{ t.offline_ready }</p>
                { for qr }
                // On a wide screen (a projector) the step and its chart side by side, so the title,
                // text, question, chart and answer fit on one screen.
                // (Two literal classes: a class from a value costs the page Yew's class set.)
                if show_chart {
                    <div class="stage">{ stage }</div>
                } else {
                    <div class="stage-single">{ stage }</div>
                }
                <p class="print-only">{ app_link.clone() }</p>
                <details class="shortcuts">
                    <summary>{ t.shortcuts }</summary>
                    <ul>{ for t.shortcut_list.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
                </details>
            </main>
        </>
    }
}

/// The story part: the picker, the step (title, text, question), predict-then-reveal.
fn story_part(
    ws: &UseReducerHandle<Ws>,
    outcome: &Outcome,
    bands: Option<&crate::model::montecarlo::Bands>,
    lang: Lang,
) -> Html {
    let t = texts(lang);
    let d = ws.dispatcher();
    let on_pick = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            d.dispatch(Act::Story(v.parse().unwrap_or(0)));
        })
    };
    let on_file = story_file(d.clone(), lang);
    let Some(story) = ws.stories.get(ws.story) else { return html! {} };
    let step = &story.steps[ws.step];
    let n = story.steps.len();
    let last = ws.step + 1 == n;
    let step_btn = |delta: isize, label: &'static str, disabled: bool| {
        let d = d.clone();
        html! {
            <button type="button" class="button" {disabled} onclick={Callback::from(move |_: MouseEvent| d.dispatch(Act::Step(delta)))}>{ label }</button>
        }
    };
    let predict = step.predict.as_ref().map(|(p, question)| predict_part(ws, *p, question, outcome, bands));
    html! {
        <>
            <div class="story-pick">
                <label>{ t.choose_story }
                    <select onchange={on_pick}>
                        { for ws.stories.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == ws.story}>{ s.title.get(lang).to_string() }</option>
                        }) }
                    </select>
                </label>
                <label class="button-secondary file-label">{ t.open_story }
                    <input type="file" accept=".json,application/json" onchange={on_file} class="visually-hidden" />
                </label>
            </div>
            if !ws.story_errors.is_empty() {
                <div class="notice notice-error" role="alert">
                    <p>{ t.story_errors }</p>
                    <ul>{ for ws.story_errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
                </div>
            }
            <p class="step-of">{ format!("{}: {} {} {} {n}", story.title.get(lang), t.step_of[0], ws.step + 1, t.step_of[1]) }</p>
            <h1>{ step.title.get(lang).to_string() }</h1>
            <p class="lead">{ step.text.get(lang).to_string() }</p>
            if let Some(q) = &step.question {
                <aside class="discuss" aria-label={t.discuss}><strong>{ format!("{}: ", t.discuss) }</strong>{ q.get(lang).to_string() }</aside>
            }
            { for predict }
            <div class="step-nav">
                { step_btn(-1, t.prev, ws.step == 0) }
                { step_btn(1, t.next, last) }
                if last { <p class="the-end">{ t.the_end }</p> }
            </div>
        </>
    }
}

/// The guesses against the answer and its range on one line (the text above says the same).
fn strip(answer: f64, band: Option<(f64, f64)>, guesses: &[f64]) -> Html {
    let mut all: Vec<f64> = guesses.to_vec();
    all.push(answer);
    if let Some((lo, hi)) = band {
        all.extend([lo, hi]);
    }
    let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = if hi > lo { hi - lo } else { 1.0 };
    let x = |v: f64| (20.0 + 560.0 * (v - lo) / span) as i32;
    html! {
        <svg class="strip" viewBox="0 0 600 60" aria-hidden="true" focusable="false">
            <line x1="20" y1="30" x2="580" y2="30" stroke="#1b1f24" stroke-width="2" />
            if let Some((a, b)) = band {
                <rect x={x(a).to_string()} y="18" width={(x(b) - x(a)).max(2).to_string()} height="24" fill="#0072b2" fill-opacity="0.3" />
            }
            { for guesses.iter().map(|g| html! { <circle cx={x(*g).to_string()} cy="30" r="7" fill="#e69f00" stroke="#1b1f24" /> }) }
            <rect x={(x(answer) - 3).to_string()} y="8" width="6" height="44" fill="#0072b2" />
        </svg>
    }
}

/// What the board shows of the groups' links: the columns (each link's scenario and outcome), per
/// group what differs from the defaults (a run per changed lever) and its changes in words, and the
/// links that could not be read in full. Computed when the groups change, not on every render.
struct Board {
    cols: Vec<crate::compare::Column>,
    rows: Vec<(Vec<(P, f64)>, String)>,
    broken: Vec<String>,
}

fn board_of(groups: &[(String, String)], lang: Lang) -> Board {
    let defaults = Scenario::default();
    let mut cols = vec![crate::compare::column(crate::compare::texts(lang).defaults, crate::compare::DEFAULT_LINK)];
    cols.extend(groups.iter().map(|(n, l)| crate::compare::column(n, l)));
    let rows = cols
        .iter()
        .skip(1)
        .map(|c| {
            let changed = crate::compare::changes(&c.scenario, lang);
            (
                workshop::explain(&c.scenario, &defaults, Figure::Trust),
                changed.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("; "),
            )
        })
        .collect();
    // A link that could not be read in full is named, with what was skipped (its row shows what was
    // read).
    let broken = groups
        .iter()
        .filter_map(|(name, link)| {
            let problems = crate::share::decode(link).problems;
            (!problems.is_empty())
                .then(|| format!("{name}: {}", problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>().join(" ")))
        })
        .collect();
    Board { cols, rows, broken }
}

/// The group board: pasted links, a row per group, the charts overlaid.
fn board_part(ws: &UseReducerHandle<Ws>, board: &Board) -> Html {
    let lang = ws.lang;
    let t = texts(lang);
    let area = NodeRef::default();
    let on_show = {
        let (d, area) = (ws.dispatcher(), area.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = area.cast::<web_sys::HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default();
            let groups = workshop::read_groups(&text, lang);
            let any = !groups.is_empty();
            d.dispatch(Act::Groups(groups, any));
        })
    };
    let existing: String =
        ws.groups.iter().map(|(n, l)| format!("{n}: {}\n", crate::web::sibling_url("", l))).collect();
    let cols = &board.cols;
    let rows = cols.iter().enumerate().skip(1).zip(&board.rows).map(|((i, c), row)| board_row(ws, i, c, row));
    // The charts: the default scenario and the ticked groups, each in its own line style as in the
    // table.
    let shown = |i: usize| i == 0 || ws.in_charts.get(i - 1).copied().unwrap_or(false);
    let charts = crate::compare::charts_of(cols, &shown, lang);
    let broken = &board.broken;
    html! {
        <>
            <h1>{ Part::Board.name(t) }</h1>
            if !broken.is_empty() {
                <div class="notice notice-error" role="alert">
                    <p>{ t.board_broken }</p>
                    <ul>{ for broken.iter().map(|b| html! { <li>{ b.clone() }</li> }) }</ul>
                </div>
            }
            <form class="board-paste" onsubmit={on_show}>
                <label>{ t.board_paste }
                    <textarea ref={area} rows="4" defaultvalue={existing} />
                </label>
                <button type="submit" class="button">{ t.board_show }</button>
            </form>
            if ws.groups.is_empty() {
                <p>{ t.board_empty }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label={Part::Board.name(t)}>
                    <table class="board">
                        <thead><tr>
                            <th scope="col">{ t.group }</th><th scope="col" class="in-charts">{ t.in_charts }</th><th scope="col">{ t.changed }</th><th scope="col">{ t.trust }</th>
                            <th scope="col">{ t.payback }</th><th scope="col">{ t.turnout }</th><th scope="col">{ t.what_differs }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                <p class="note">{ format!("{} {}", t.differs_note, t.in_charts_note) }</p>
                <div class="charts board-charts">
                    { for charts.into_iter().enumerate().map(|(i, (title, chart))| html! {
                        <ChartFigure id={format!("board-{i}")} {title} chart={Rc::new(Chart::Line(chart))} {lang} presenter=true
                            summary={cols.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(" · ")} />
                    }) }
                </div>
            }
        </>
    }
}

/// Keyboard shortcuts, for as long as the page is open.
#[hook]
fn use_shortcuts(dispatcher: UseReducerDispatcher<Ws>) {
    use_effect_with((), move |_| {
        let listener = crate::web::on_key(move |key| {
            let act = match key {
                "ArrowRight" | "PageDown" => Act::Step(1),
                "ArrowLeft" | "PageUp" => Act::Step(-1),
                "r" | "R" => Act::Reveal,
                "p" | "P" => Act::Play,
                "l" | "L" => Act::Replay,
                "q" | "Q" => Act::Qr,
                "f" | "F" => {
                    crate::web::toggle_fullscreen();
                    return true;
                }
                _ => return false,
            };
            dispatcher.dispatch(act);
            true
        });
        move || drop(listener)
    });
}

/// Play, its speed, replay, and the year shown.
fn time_controls(ws: &UseReducerHandle<Ws>, total: usize) -> Html {
    let t = texts(ws.lang);
    let act = |a: fn() -> Act| {
        let d = ws.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(a()))
    };
    html! {
        <div class="time-controls" role="group" aria-label={t.play}>
            <button type="button" class="button" onclick={act(|| Act::Play)} aria-pressed={ws.playing.to_string()}>
                { if ws.playing { t.pause } else { t.play } }
            </button>
            <label>{ t.speed }
                <select onchange={{
                    let d = ws.dispatcher();
                    Callback::from(move |e: Event| {
                        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                        d.dispatch(Act::Speed(v.parse().unwrap_or(1)));
                    })
                }}>
                    { for t.speeds.iter().enumerate().map(|(i, s)| html! {
                        <option value={i.to_string()} selected={i == ws.speed}>{ *s }</option>
                    }) }
                </select>
            </label>
            <button type="button" class="button-secondary" onclick={act(|| Act::Replay)}>{ t.replay }</button>
            <p class="year" aria-live="polite">
                { match ws.year {
                    Some(y) => format!("{} {} {} {total}", t.year_of[0], y, t.year_of[1]),
                    None => String::new(),
                } }
            </p>
        </div>
    }
}

/// The QR code of the scenario's link in the app, with the link as text.
fn qr_code(app_link: &str, t: &'static workshop::WorkshopTexts) -> Html {
    match workshop::qr_svg_path(app_link) {
        Some((d, side)) => html! {
            <figure class="qr">
                <svg viewBox={format!("0 0 {side} {side}")} role="img" aria-label={t.qr_caption}>
                    <rect width={side.to_string()} height={side.to_string()} fill="#fff" />
                    <path d={d} fill="#000" />
                </svg>
                <figcaption>{ t.qr_caption }<br /><a href={app_link.to_string()}>{ app_link.to_string() }</a></figcaption>
            </figure>
        },
        None => html! { <p class="notice">{ t.qr_too_long }</p> },
    }
}

/// Free play: the chart to show and the two main levers.
fn free_part(ws: &UseReducerHandle<Ws>, kind: ChartKind, levers: Html) -> Html {
    let t = texts(ws.lang);
    html! {
    <>
        <h1>{ Part::Free.name(t) }</h1>
        <p class="lead">{ t.free_intro }</p>
        <label class="chart-pick">{ t.chart_label }
            <select onchange={{
                let d = ws.dispatcher();
                Callback::from(move |e: Event| {
                    let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                    if let Some(k) = ChartKind::from_key(&v) {
                        d.dispatch(Act::Chart(k));
                    }
                })
            }}>
                { for ChartKind::ALL.into_iter().zip(t.charts).map(|(k, c)| html! {
                    <option value={k.key()} selected={k == kind}>{ c }</option>
                }) }
            </select>
        </label>
        { levers }
    </>
    }
}

/// Predict, then reveal: the question, the room's guesses, and after the reveal the answer, its
/// range and where each guess lies.
fn predict_part(
    ws: &UseReducerHandle<Ws>,
    p: Predict,
    question: &crate::story::Text,
    outcome: &Outcome,
    bands: Option<&crate::model::montecarlo::Bands>,
) -> Html {
    let (lang, d) = (ws.lang, ws.dispatcher());
    let t = texts(lang);
    let answer = p.in_unit(p.value(outcome));
    let guess_ref = NodeRef::default();
    let on_guess = {
        let (d, r) = (d.clone(), guess_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = r.cast::<web_sys::HtmlInputElement>() {
                let guess = p.read_guess(&input.value(), lang);
                // A guess that could not be read stays in the field, to be corrected.
                if guess.is_ok() {
                    input.set_value("");
                }
                d.dispatch(Act::Guess(guess));
            }
        })
    };
    let band = bands.map(|b| p.band(b)).map(|b| (p.in_unit(b.p10), p.in_unit(b.p90)));
    // A payback past the horizon is "not within the horizon", not "month 61".
    let answer_text = match p {
        Predict::Payback if answer > outcome.scenario.len() as f64 => {
            crate::report::payback_text(crate::model::Payback::NotWithinHorizon, lang)
        }
        _ => p.show(answer, lang),
    };
    let place = |g: f64| match band {
        Some((lo, _)) if g < lo => t.placement[0],
        Some((_, hi)) if g > hi => t.placement[2],
        _ => t.placement[1],
    };
    html! {
        <section class="predict" aria-labelledby="predict-heading">
            <h2 id="predict-heading">{ t.predict }</h2>
            <p class="question">{ question.get(lang).to_string() }</p>
            <form onsubmit={on_guess}>
                <label>{ format!("{} ({})", t.guess_label, p.unit(lang)) }
                    <input ref={guess_ref} type="text" inputmode="decimal" autocomplete="off" />
                </label>
                <button type="submit" class="button-secondary">{ t.add_guess }</button>
                <button type="button" class="button" disabled={ws.revealed} onclick={{
                    let d = d.clone();
                    Callback::from(move |_: MouseEvent| d.dispatch(Act::Reveal))
                }}>{ t.reveal }</button>
            </form>
            <h3>{ t.guesses }</h3>
            if ws.guesses.is_empty() {
                <p>{ t.no_guesses }</p>
            } else {
                <ol class="guesses">
                    { for ws.guesses.iter().map(|g| html! {
                        <li>
                            { p.show(*g, lang) }
                            if ws.revealed { { format!(" – {}", place(*g)) } }
                        </li>
                    }) }
                </ol>
            }
            if ws.revealed {
                <p class="answer" id="answer" role="status">
                    <strong>{ format!("{}: {}", t.answer, answer_text) }</strong>
                    { crate::story::answer_range(p, band, lang, t.range) }
                </p>
                { strip(answer, band, &ws.guesses) }
            }
        </section>
    }
}

/// Open a story file: read, checked, and added to the stories (or its problems said).
fn story_file(d: UseReducerDispatcher<Ws>, lang: Lang) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let d = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = match crate::web::read_file_text(&file).await {
                Ok(text) => crate::story::parse(&text).map_err(|es| es.iter().map(|e| e.message(lang)).collect()),
                Err(e) => Err(vec![e]),
            };
            d.dispatch(Act::Imported(result));
        });
    })
}

/// A group's row on the board: its name and line style, whether it is in the charts, what it
/// changed, its trust, payback and turnout, and the two levers that make the most difference.
fn board_row(ws: &UseReducerHandle<Ws>, i: usize, c: &crate::compare::Column, row: &(Vec<(P, f64)>, String)) -> Html {
    let (lang, (differs, changed)) = (ws.lang, row);
    let t = texts(lang);
    let pp = |x: f64| crate::format::points(x, 1, lang);
    let (color, dash) = crate::compare::style(i);
    let h = &c.outcome.headline;
    html! {
        <tr>
            <th scope="row">
                { super::chart::line_key(color, dash) }
                { c.name.clone() }
            </th>
            <td class="in-charts">
                <input type="checkbox" aria-label={format!("{} – {}", t.in_charts, c.name)}
                    checked={ws.in_charts.get(i - 1).copied().unwrap_or(false)}
                    onchange={{ let d = ws.dispatcher(); Callback::from(move |_: Event| d.dispatch(Act::InCharts(i - 1))) }} />
            </td>
            <td>{ changed.clone() }</td>
            <td>{ crate::format::percent(h.trust[0], 1, lang) }</td>
            <td>{ crate::report::payback_text(h.payback.cash, lang) }</td>
            <td>{ crate::format::percent(Figure::TurnoutLast.of(&c.outcome), 1, lang) }</td>
            <td>
                { differs.iter().take(2).map(|(p, e)| {
                    let spec = &crate::model::params::PARAMS[*p as usize];
                    format!("{} ({} {})", spec.label.of(lang), pp(*e), t.points_trust)
                }).collect::<Vec<_>>().join("; ") }
            </td>
        </tr>
    }
}

/// The page's header: its name, the way back, the language, full screen and QR, and the parts.
fn header(ws: &UseReducerHandle<Ws>) -> Html {
    let (lang, t) = (ws.lang, texts(ws.lang));
    let on_lang = {
        let d = ws.dispatcher();
        Callback::from(move |l: Lang| {
            crate::web::remember_lang(l);
            d.dispatch(Act::Lang(l));
        })
    };

    let app = lang.texts();
    let act = |a: fn() -> Act| {
        let d = ws.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(a()))
    };
    super::header::site_header(super::header::HeaderParts {
        lang,
        on_lang: &on_lang,
        name: html! { format!("{} – {}", app.app_name, t.title) },
        tagline: html! { <a href={format!("./?lang={}", lang.code())}>{ t.back }</a> },
        tools: html! {
            <>
                <button type="button" onclick={Callback::from(|_: MouseEvent| crate::web::toggle_fullscreen())}>{ t.fullscreen }</button>
                <button type="button" aria-pressed={ws.qr.to_string()} onclick={act(|| Act::Qr)}>{ t.qr }</button>
            </>
        },
        nav: html! {
            <nav class="main-nav" aria-label={t.modes_label}>
                <ul>
                    { for Part::ALL.into_iter().map(|part| {
                        let d = ws.dispatcher();
                        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Act::Mode(part)));
                        html! {
                            <li><button type="button" class="view-link" aria-current={(part == ws.mode).then_some("page")} {onclick}>{ part.name(t) }</button></li>
                        }
                    }) }
                </ul>
            </nav>
        },
    })
}

/// The two main levers (the PB share and the extra time), moved by the room.
fn levers(ws: &UseReducerHandle<Ws>, scenario: &Scenario) -> Html {
    let lang = ws.lang;
    let d = ws.dispatcher();
    let on_action = Callback::from(move |a: AppAction| {
        if let AppAction::SetParam(p, v) = a {
            d.dispatch(Act::Lever(p, v));
        }
    });
    let cur = crate::report::currency(scenario);
    html! {
        <div class="levers">
            { for [P::PbShare, P::ExtraTime].into_iter().map(|p| html! {
                <ParamControl {lang} param={p} value={scenario.get(p)} currency={cur}
                    refusals={ws.refusals} on_action={on_action.clone()} />
            }) }
        </div>
    }
}

/// What the page does beside showing: the address and title follow the state, a revealed answer
/// is brought into view, the keyboard shortcuts, and playing (one year per tick).
#[hook]
fn use_page_effects(ws: &UseReducerHandle<Ws>, total: usize) {
    let lang = ws.lang;
    {
        let query = page_query(ws);
        use_effect_with((lang, query), |(lang, query)| {
            crate::web::set_query(query);
            crate::web::set_document(*lang, &format!("{} – {}", texts(*lang).title, lang.texts().app_name));
        });
    }
    // The revealed answer is brought into view (R may be pressed with the answer below the fold).
    use_effect_with(ws.revealed, |revealed| {
        if *revealed {
            crate::web::show_element("answer");
        }
    });
    use_shortcuts(ws.dispatcher());
    // Playing: one year per tick.
    {
        let dispatcher = ws.dispatcher();
        use_effect_with((ws.playing, ws.year, ws.speed, total), move |&(playing, _, speed, total)| {
            let pending =
                playing.then(|| crate::web::after(SPEEDS[speed], move || dispatcher.dispatch(Act::Tick(total))));
            move || drop(pending)
        });
    }
}

/// In a story, the levers folded away under the chart (opened by the trainer).
fn levers_toggle(ws: &UseReducerHandle<Ws>, levers: Html) -> Html {
    let d = ws.dispatcher();
    let on_toggle = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        d.dispatch(Act::Levers)
    });
    html! {
        <details class="levers-toggle" open={ws.levers}>
            <summary onclick={on_toggle}>{ texts(ws.lang).show_levers }</summary>
            if ws.levers { { levers } }
        </details>
    }
}

/// The board's columns, computed when the groups change while the board is shown (not on every
/// render: a run per group and per changed lever).
#[hook]
fn use_board(ws: &UseReducerHandle<Ws>) -> Rc<Option<Board>> {
    use_memo((ws.groups.clone(), ws.lang, ws.mode == Part::Board), |(groups, lang, shown)| {
        shown.then(|| board_of(groups, *lang))
    })
}
