//! The ballots page (ballots.html, its own wasm): open a pabulib file, a CSV pair, or make an
//! example from the scenario in the address; count it with two rules side by side; say who gets
//! something and why. Everything is computed by [`crate::ballots`]; this file only shows it. The
//! address holds the language, the two rules and the scenario, never the ballots.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::ballots::page::{self, Side, Texts};
use crate::ballots::report::why;
use crate::ballots::rules::{read_block, Rule};
use crate::ballots::Election;
use crate::format;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct BallotsProps {
    pub lang: Lang,
    pub query: String,
}

/// The election shown: the ballots, where they came from, and a number that changes with each new
/// election (so the counting reruns).
#[derive(Clone)]
struct Loaded {
    election: Rc<Election>,
    label: String,
    illustrative: bool,
    generation: u32,
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

type Counted = Rc<(Vec<Vec<u32>>, Side, Side)>;

/// Files larger than this are refused before reading (the command line reads the same).
const MAX_FILE: f64 = 512.0 * 1024.0 * 1024.0;
/// Reading and counting run in slices of this many milliseconds, the page painting in between.
const SLICE_MS: f64 = 25.0;
/// The countings done are shown at most this often (milliseconds).
const PROGRESS_MS: f64 = 50.0;
/// Bytes of a file read between looks at the clock.
const CHUNK: usize = 32 * 1024;

/// How far reading or counting has come.
#[derive(Clone, Copy, PartialEq)]
enum Progress {
    /// Percent of the file read.
    Reading(u32),
    /// Countings done (MES with add1 counts many times).
    Counting(usize),
}

#[component]
pub fn BallotsPage(props: &BallotsProps) -> Html {
    let start = page::read_query(&props.query);
    let lang = use_state(|| props.lang);
    let rules = use_state(|| (start.a, start.b));
    let scenario_query = start.scenario.clone();
    let loaded = use_state(|| None::<Loaded>);
    let counted = use_state(|| None::<(u32, Rule, Rule, Counted)>);
    let status = use_state(String::new);
    let progress = use_state(|| None::<Progress>);
    // The reading under way: which pick it is (a newer pick wins, even when its file is read
    // first) and its slices (dropping them stops it).
    let reading = use_mut_ref(|| (0u32, None::<crate::web::Slices>));
    let error = use_state(|| None::<String>);
    let chosen = use_state(|| 0usize);
    let csv_refs = (use_node_ref(), use_node_ref(), use_node_ref());
    let picked = (use_state(String::new), use_state(String::new));
    let l = *lang;
    let t = page::texts(l);
    let (a, b) = *rules;
    {
        let q = page::write_query(l, a, b, &scenario_query);
        use_effect_with((l, q), |(lang, q)| {
            crate::web::set_query(q);
            crate::web::set_document(*lang, &format!("{} – {}", page::texts(*lang).title, lang.texts().app_name));
        });
    }
    use_counting((*loaded).clone(), a, b, l, (counted.clone(), status.clone(), progress.clone()));
    let next_generation = loaded.as_ref().map_or(1, |ld| ld.generation + 1);
    let show = {
        let (loaded, error, chosen) = (loaded.clone(), error.clone(), chosen.clone());
        Callback::from(move |(result, label, illustrative): (Result<Election, String>, String, bool)| match result {
            Ok(e) => {
                error.set(None);
                chosen.set(0);
                loaded.set(Some(Loaded { election: Rc::new(e), label, illustrative, generation: next_generation }));
            }
            Err(message) => error.set(Some(message)),
        })
    };
    let report =
        Report { show: show.clone(), status: status.clone(), progress: progress.clone(), reading: reading.clone() };
    let on_file = read_file(report.clone(), l);
    let on_csv = read_csv_pair(report.clone(), csv_refs.clone(), l);
    let on_example = make_example(report, scenario_query.clone(), l);
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |to: Lang| {
            crate::web::remember_lang(to);
            lang.set(to);
        })
    };
    let on_why = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            chosen.set(v.parse().unwrap_or(0));
        })
    };
    let current = loaded.as_ref().zip(counted.as_ref()).filter(|(ld, c)| c.0 == ld.generation && c.1 == a && c.2 == b);
    html! {
        <>
            { super::header::page_header(l, format!("./?lang={}", l.code()), t.title, &on_lang) }
            <main id="main" tabindex="-1" class="ballots">
                <h1>{ t.title }</h1>
                <p class="lead">{ t.intro }</p>
                <p>{ t.privacy }</p>
                { sources(t, on_file, on_csv, &csv_refs, &picked, on_example) }
                <p class="status" role="status">{ (*status).clone() }</p>
                { progress_line(t, *progress) }
                if let Some(message) = (*error).clone() {
                    <p class="notice notice-error" role="alert">{ format!("{}: {message}", t.refused) }</p>
                }
                { rules_section(t, l, rules.clone()) }
                {
                    match (loaded.as_ref(), current) {
                        (None, _) => html! { <p>{ t.empty }</p> },
                        (Some(_), None) => html! { <p class="updating">{ t.counting }</p> },
                        (Some(_), Some((ld, c))) => results(t, l, ld, &c.3, *chosen, on_why.clone(), &scenario_query),
                    }
                }
            </main>
            <footer class="site-footer"><p>{ l.texts().footer_privacy }</p></footer>
        </>
    }
}

/// A new pick of ballots: any reading under way stops, and one that has not begun never will.
fn newer(reading: &std::rc::Rc<std::cell::RefCell<(u32, Option<crate::web::Slices>)>>) -> u32 {
    let mut r = reading.borrow_mut();
    r.0 = r.0.wrapping_add(1);
    r.1 = None;
    r.0
}

/// Read a file a piece at a time, the progress line moving, then show the election or the problem.
fn read_in_slices(
    mut reader: impl crate::ballots::pabulib::Piecewise + 'static,
    name: String,
    l: Lang,
    show: Callback<(Result<Election, String>, String, bool)>,
    status: UseStateHandle<String>,
    progress: UseStateHandle<Option<Progress>>,
) -> crate::web::Slices {
    let mut shown = 0;
    crate::web::in_slices(SLICE_MS, move || match reader.read(CHUNK) {
        None => {
            let pct = (reader.progress() * 100.0) as u32;
            if pct != shown {
                shown = pct;
                progress.set(Some(Progress::Reading(pct)));
            }
            false
        }
        Some(result) => {
            status.set(String::new());
            progress.set(None);
            show.emit((result.map_err(|bad| bad.message(l)), name.clone(), false));
            true
        }
    })
}

/// A chart of two bars per row, one per rule (lengths and texts from [`page`]); the tables beside
/// it hold the same figures, so the bars are hidden from screen readers.
fn bars(
    id: &'static str,
    title: &'static str,
    sides: [&Side; 2],
    rows: Vec<(String, [page::Bar; 2])>,
    l: Lang,
) -> Html {
    html! {
        <figure class="bars" id={id}>
            <figcaption>{ title }</figcaption>
            <ul class="legend">
                { for sides.iter().enumerate().map(|(k, s)| html! {
                    <li><i aria-hidden="true" data-k="fill" data-c={["1", "2"][k]}></i>{ s.outcome.rule.label(l) }</li>
                }) }
            </ul>
            <div class="bar-rows" aria-hidden="true">
                { for rows.into_iter().map(|(label, pair)| html! {
                    <>
                        <p class="bar-label">{ label }</p>
                        { for pair.into_iter().enumerate().map(|(k, b)| html! {
                            <p class="bar">
                                <svg viewBox="0 0 100 1" preserveAspectRatio="none">
                                    // Classes written out: a class from a value costs the page Yew's class set.
                                    if k == 0 {
                                        <rect class="a" width={b.length_text()} height="1" />
                                    } else {
                                        <rect class="b" width={b.length_text()} height="1" />
                                    }
                                </svg>
                                <span>{ b.text }</span>
                            </p>
                        }) }
                    </>
                }) }
            </div>
        </figure>
    }
}

fn pct(x: f64, lang: Lang) -> String {
    format::percent(x, 0, lang)
}

/// Whether a rule funded a project, in words.
fn mark(t: &'static Texts, s: &Side, p: usize) -> &'static str {
    if s.outcome.funded.contains(&p) {
        t.yes
    } else {
        t.no
    }
}

/// The head of a table with a column per rule, after `first`.
fn rule_columns(sides: [&Side; 2], l: Lang) -> Html {
    sides.iter().map(|s| html! { <th scope="col">{ s.outcome.rule.label(l) }</th> }).collect()
}

/// What the two rules give, side by side: the election, the summary, who gets something by group,
/// money by category, every project, "why (not) funded?", the way into the model, and exports.
fn results(
    t: &'static Texts,
    l: Lang,
    ld: &Loaded,
    c: &Counted,
    chosen: usize,
    on_why: Callback<Event>,
    scenario: &str,
) -> Html {
    let e = &*ld.election;
    let (x, y) = (&c.1, &c.2);
    let votes: Vec<usize> = c.0.iter().map(Vec::len).collect();
    let money = |v: f64| format::number(v, 0, l);
    let mut order: Vec<usize> = (0..e.projects.len()).collect();
    order.sort_by(|&p, &q| votes[q].cmp(&votes[p]).then_with(|| e.projects[p].id.cmp(&e.projects[q].id)));
    html! {
        <>
            <section aria-labelledby="election-heading">
                <h2 id="election-heading">{ t.election }</h2>
                <p>
                    { format!("{} · {} {} · {} {} · {} {} ({})", ld.label, t.counts[0], money(e.budget),
                        money(e.projects.len() as f64), t.counts[1], money(e.voters.len() as f64), t.counts[2],
                        e.vote_type.label(l)) }
                </p>
                if ld.illustrative {
                    <p class="notice">{ t.illustrative }</p>
                }
                <p class="hint">{ e.vote_type.reading(l) }</p>
            </section>
            { summary_section(t, l, [x, y]) }
            { groups_section(t, l, x, y) }
            { categories_section(t, l, x, y) }
            { projects_section(t, l, e, &order, &votes, [x, y]) }
            { why_section(t, l, e, c, &order, chosen, on_why) }
            { model_and_export(t, l, &ld.election, c, scenario) }
        </>
    }
}

/// The summary table: funded, spent, left, who gets something, money funded, Gini.
fn summary_section(t: &'static Texts, l: Lang, sides: [&Side; 2]) -> Html {
    let money = |v: f64| format::number(v, 0, l);
    let row = |label: &'static str, f: &dyn Fn(&Side) -> String| {
        html! {
            <tr><th scope="row">{ label }</th>{ for sides.iter().map(|s| html! { <td>{ f(s) }</td> }) }</tr>
        }
    };
    html! {
        <section>
            <h2 id="summary-heading">{ t.summary_heading }</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="summary-heading">
                <table class="ballots-table">
                    <thead><tr><th scope="col">{ t.figure }</th>{ rule_columns(sides, l) }</tr></thead>
                    <tbody>
                        { row(t.funded_count, &|s| s.outcome.funded.len().to_string()) }
                        { row(t.spent, &|s| money(s.summary.cost)) }
                        { row(t.left, &|s| money(s.summary.left)) }
                        { row(t.with_funded, &|s| pct(s.summary.voters_with_funded, l)) }
                        { row(t.money_funded, &|s| pct(s.summary.supported_money_funded, l)) }
                        { row(t.gini, &|s| format::number(s.summary.gini, 2, l)) }
                    </tbody>
                </table>
            </div>
            <p class="hint">{ t.gini_note }</p>
        </section>
    }
}

/// Who gets something: the chart, and by group where the file has groups.
fn groups_section(t: &'static Texts, l: Lang, x: &Side, y: &Side) -> Html {
    let groups: Vec<(String, String, usize, [f64; 2])> = x
        .summary
        .groups
        .iter()
        .zip(&y.summary.groups)
        .map(|(g, h)| (g.column.clone(), g.group.clone(), g.voters, [g.with_funded, h.with_funded]))
        .collect();
    html! {
        <section>
            <h2 id="groups-heading">{ if groups.is_empty() { t.with_funded } else { t.groups_heading } }</h2>
            { bars("chart-reach", t.with_funded, [x, y], page::reach_bars(x, y, l), l) }
            if !groups.is_empty() {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="groups-heading">
                    <table class="ballots-table">
                        <thead><tr>
                            <th scope="col">{ t.group }</th><th scope="col">{ t.voters }</th>
                            { rule_columns([x, y], l) }
                        </tr></thead>
                        <tbody>
                            { for groups.iter().map(|(col, g, n, v)| html! {
                                <tr>
                                    <th scope="row">{ format!("{col}: {g}") }</th>
                                    <td>{ n.to_string() }</td>
                                    <td>{ pct(v[0], l) }</td>
                                    <td>{ pct(v[1], l) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// Money by category, where the projects have categories: the chart and its table.
fn categories_section(t: &'static Texts, l: Lang, x: &Side, y: &Side) -> Html {
    let categories = page::category_bars(x, y, l);
    if categories.is_empty() {
        return Html::default();
    }
    html! {
        <section>
            <h2 id="categories-heading">{ t.categories_heading }</h2>
            { bars("chart-categories", t.money_axis, [x, y], categories.clone(), l) }
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="categories-heading">
                <table class="ballots-table">
                    <thead><tr>
                        <th scope="col">{ t.category }</th>
                        { rule_columns([x, y], l) }
                    </tr></thead>
                    <tbody>
                        { for categories.iter().map(|(c, v)| html! {
                            <tr><th scope="row">{ c }</th><td>{ v[0].text.clone() }</td><td>{ v[1].text.clone() }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Every project, most votes first: cost, votes, category, and whether each rule funded it.
fn projects_section(
    t: &'static Texts,
    l: Lang,
    e: &Election,
    order: &[usize],
    votes: &[usize],
    sides: [&Side; 2],
) -> Html {
    let money = |v: f64| format::number(v, 0, l);
    let [x, y] = sides;
    html! {
        <section>
            <h2 id="projects-heading">{ t.projects_heading }</h2>
            <details open={e.projects.len() <= 20}>
            <summary>{ format!("{} ({})", t.show_projects, e.projects.len()) }</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="projects-heading">
                <table class="ballots-table">
                    <thead><tr>
                        <th scope="col">{ t.project }</th><th scope="col">{ t.cost }</th><th scope="col">{ t.votes }</th>
                        <th scope="col">{ t.category }</th>
                        { rule_columns(sides, l) }
                    </tr></thead>
                    <tbody>
                        { for order.iter().map(|&p| html! {
                            <tr>
                                <th scope="row">{ e.name(p) }</th>
                                <td>{ money(e.projects[p].cost) }</td>
                                <td>{ votes[p].to_string() }</td>
                                <td>{ e.project_field(p, "category").unwrap_or("") }</td>
                                { for [x, y].into_iter().map(|s| if s.outcome.funded.contains(&p) {
                                    html! { <td class="funded">{ t.yes }</td> }
                                } else {
                                    html! { <td>{ t.no }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            </details>
        </section>
    }
}

/// "Why (not) funded?" for the chosen project, under each rule.
fn why_section(
    t: &'static Texts,
    l: Lang,
    e: &Election,
    c: &Counted,
    order: &[usize],
    chosen: usize,
    on_why: Callback<Event>,
) -> Html {
    let chosen = chosen.min(e.projects.len().saturating_sub(1));
    html! {
        <section aria-labelledby="why-heading">
            <h2 id="why-heading">{ t.why_heading }</h2>
            <label for="why-project">{ t.why_label }
                <select id="why-project" onchange={on_why}>
                    { for order.iter().map(|&p| html! {
                        <option value={p.to_string()} selected={p == chosen}>{ e.name(p) }</option>
                    }) }
                </select>
            </label>
            <dl class="why">
                { for [&c.1, &c.2].into_iter().map(|s| html! {
                    <>
                        <dt>{ format!("{} – {}", s.outcome.rule.label(l), mark(t, s, chosen)) }</dt>
                        <dd>{ why(e, &c.0, &s.outcome, chosen, l) }</dd>
                    </>
                }) }
            </dl>
        </section>
    }
}

/// The share of voters with a funded project into the model's PB view, and the exports.
fn model_and_export(t: &'static Texts, l: Lang, e: &Rc<Election>, c: &Counted, scenario: &str) -> Html {
    let on_csv = {
        let (c, e) = (c.clone(), e.clone());
        Callback::from(move |_: MouseEvent| {
            let text = page::export_csv(&e, &c.0, [&c.1, &c.2], l);
            crate::web::download_text("one-percent-ballots.csv", "text/csv", &text);
        })
    };
    let on_json = {
        let (c, e) = (c.clone(), e.clone());
        Callback::from(move |_: MouseEvent| {
            crate::web::download_text(
                "one-percent-ballots.json",
                "application/json",
                &page::export_json(&e, [&c.1, &c.2]),
            );
        })
    };
    let on_print = Callback::from(|_: MouseEvent| crate::web::print());
    let share = (c.1.summary.voters_with_funded * 100.0).round() / 100.0;
    let model_query = {
        let mut s = crate::share::decode(scenario).scenario;
        // The share goes in as the parameter; an out-of-range value keeps the scenario's.
        let _ = s.set(crate::model::P::PbVotersWithWinner, share);
        crate::share::encode(&s, &[("lang", l.code()), ("view", "pb")])
    };
    html! {
        <>
            <section aria-labelledby="model-heading" class="no-print">
                <h2 id="model-heading">{ t.to_model_heading }</h2>
                <p>{ t.to_model_text }</p>
                <p><a class="button" href={format!("./?{model_query}")}>{ format!("{} ({})", t.to_model_link, pct(share, l)) }</a></p>
            </section>
            <section aria-labelledby="export-heading" class="no-print">
                <h2 id="export-heading">{ t.export_heading }</h2>
                <p class="file-actions">
                    <button type="button" class="button-secondary" onclick={on_csv}>{ t.csv }</button>
                    <button type="button" class="button-secondary" onclick={on_json}>{ t.json }</button>
                    <button type="button" class="button-secondary" onclick={on_print}>{ t.print }</button>
                </p>
            </section>
        </>
    }
}

/// What the counting writes: the outcome shown (with the election's number and the two rules), the
/// status line and the progress.
type CountingHandles =
    (UseStateHandle<Option<(u32, Rule, Rule, Counted)>>, UseStateHandle<String>, UseStateHandle<Option<Progress>>);

/// Count after the page has painted "Counting …", in slices so that the page stays responsive;
/// MES with add1's blocks of shares are counted by helpers (web workers, [`super::ballots_helpers`])
/// where the browser runs them. A newer election or rule stops the counting under way.
#[hook]
fn use_counting(loaded: Option<Loaded>, a: Rule, b: Rule, l: Lang, handles: CountingHandles) {
    use_effect_with((loaded, a, b), move |(loaded, a, b)| {
        let driver = loaded.clone().map(|ld| {
            handles.1.set(page::texts(l).counting.to_string());
            crate::web::mark("onepercent:counting");
            let job = page::CountJob::new(&ld.election, *a, *b);
            let d = Rc::new(Driver {
                ld,
                rules: (*a, *b),
                handles,
                job: RefCell::new(Some(job)),
                slices: RefCell::new(None),
                helping: RefCell::new(None),
                alone: Cell::new(false),
                shown: Cell::new((0, f64::NEG_INFINITY)),
            });
            d.go();
            d
        });
        move || driver.into_iter().for_each(|d| d.stop())
    });
}

/// A counting under way: here in slices, or by helpers whose blocks drive it on.
struct Driver {
    ld: Loaded,
    rules: (Rule, Rule),
    handles: CountingHandles,
    job: RefCell<Option<page::CountJob>>,
    slices: RefCell<Option<crate::web::Slices>>,
    helping: RefCell<Option<super::ballots_helpers::Helping>>,
    /// The helpers failed this counting: no more asking.
    alone: Cell<bool>,
    /// The countings last shown, and when (ms).
    shown: Cell<(usize, f64)>,
}

impl Driver {
    /// Count on here, in slices.
    fn go(self: &Rc<Self>) {
        let me = self.clone();
        let slices = crate::web::in_slices(SLICE_MS, move || me.piece());
        *self.slices.borrow_mut() = Some(slices);
    }

    /// Stop: the page shows another election or other rules.
    fn stop(&self) {
        self.job.borrow_mut().take();
        self.slices.borrow_mut().take();
        self.helping.borrow_mut().take();
    }

    /// One piece of counting; true when there is nothing more to do here for now (counted, or
    /// waiting for the helpers' blocks).
    fn piece(self: &Rc<Self>) -> bool {
        let mut job = self.job.borrow_mut();
        let Some(j) = job.as_mut() else { return true };
        let e = &self.ld.election;
        if let Some(done) = j.advance(e) {
            job.take();
            drop(job);
            self.helping.borrow_mut().take();
            let (counted, status, progress) = &self.handles;
            counted.set(Some((self.ld.generation, self.rules.0, self.rules.1, Rc::new(done))));
            status.set(String::new());
            progress.set(None);
            crate::web::mark("onepercent:counted");
            return true;
        }
        if !j.helped() {
            // The helpers' rule is counted (or they failed): they stop.
            self.helping.borrow_mut().take();
            let helped = !self.alone.get() && super::ballots_helpers::available();
            if let Some(add1) = helped.then(|| j.help(e)).flatten() {
                let me = Rc::downgrade(self);
                let read = move |block: Option<Vec<f64>>| {
                    if let Some(me) = me.upgrade() {
                        me.block(block)
                    }
                };
                match super::ballots_helpers::help(&add1, read) {
                    Some(h) => *self.helping.borrow_mut() = Some(h),
                    None => j.unhelp(),
                }
            }
        }
        // The countings so far, at most every PROGRESS_MS: each is a render of the page, which
        // would otherwise take a core from the helpers at every block they send.
        let now = crate::web::now();
        if j.done() != self.shown.get().0 && now - self.shown.get().1 >= PROGRESS_MS {
            self.shown.set((j.done(), now));
            self.handles.2.set(Some(Progress::Counting(j.done())));
        }
        j.waiting()
    }

    /// A helper's block (`[request, block, countings, verdicts…]`), or `None`: they failed.
    fn block(self: &Rc<Self>, block: Option<Vec<f64>>) {
        {
            let mut job = self.job.borrow_mut();
            let Some(j) = job.as_mut() else { return };
            let taken =
                block.as_deref().and_then(read_block).map(|(b, counted, verdicts)| j.take_block(b, counted, verdicts));
            if taken != Some(true) {
                // Failed, or a block that does not fit: count here from where it is.
                j.unhelp();
                self.alone.set(true);
                drop(job);
                self.helping.borrow_mut().take();
            }
        }
        // Read on now, for one slice at most; then in slices if there is more to count here.
        let start = crate::web::now();
        while !self.piece() {
            if crate::web::now() - start >= SLICE_MS {
                self.go();
                return;
            }
        }
    }
}

/// One CSV file of the pair: its name, a button in the page's language and the file picked
/// (`picked`, empty until one is; the browser's own file field writes "Choose File" in the
/// browser's language, not the page's). A function with the page's own kind of state, not a
/// component: a component of its own cost the page's wasm 5.9 KB (raw; this, 0.9 KB).
fn csv_file(name: &'static str, t: &'static Texts, input: &NodeRef, picked: &UseStateHandle<String>) -> Html {
    let onchange = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            picked.set(input.files().and_then(|f| f.get(0)).map(|f| f.name()).unwrap_or_default());
        })
    };
    html! {
        <label class="csv-file file-label">
            <span class="csv-field">{ name }</span>
            <span class="button-secondary">{ t.csv_choose }</span>
            <input ref={input.clone()} type="file" accept=".csv,text/csv" class="visually-hidden" {onchange} />
            <span class="csv-picked">{ if picked.is_empty() { t.csv_none } else { picked.as_str() } }</span>
        </label>
    }
}

/// Where the ballots come from: a pabulib file, a CSV pair with its budget, or an example made
/// from the scenario.
fn sources(
    t: &'static Texts,
    on_file: Callback<Event>,
    on_csv: Callback<SubmitEvent>,
    csv_refs: &(NodeRef, NodeRef, NodeRef),
    picked: &(UseStateHandle<String>, UseStateHandle<String>),
    on_example: Callback<MouseEvent>,
) -> Html {
    html! {
    <div class="sources no-print">
        <section aria-labelledby="open-heading">
            <h2 id="open-heading">{ t.open_heading }</h2>
            <label class="button-secondary file-label">
                { t.open_label }
                <input type="file" accept=".pb,text/plain" onchange={on_file} class="visually-hidden" />
            </label>
            <p class="hint">{ t.open_hint }</p>
        </section>
        <section aria-labelledby="csv-heading">
            <h2 id="csv-heading">{ t.csv_heading }</h2>
            <form class="csv-pair" onsubmit={on_csv}>
                { csv_file(t.csv_projects, t, &csv_refs.0, &picked.0) }
                { csv_file(t.csv_votes, t, &csv_refs.1, &picked.1) }
                <label>{ t.csv_budget }<input ref={csv_refs.2.clone()} type="text" inputmode="decimal" autocomplete="off" /></label>
                <button type="submit" class="button-secondary">{ t.csv_read }</button>
            </form>
        </section>
        <section aria-labelledby="example-heading">
            <h2 id="example-heading">{ t.example_heading }</h2>
            <p>{ t.example_text }</p>
            <button type="button" class="button" onclick={on_example}>{ t.example_button }</button>
        </section>
    </div>
    }
}

/// How far reading or counting has come, as a progress bar and in words.
fn progress_line(t: &'static Texts, progress: Option<Progress>) -> Html {
    match progress {
        Some(Progress::Reading(pct)) => html! {
            <p class="progress"><progress max="100" value={pct.to_string()} aria-label={t.reading}></progress>{ format!(" {pct} %") }</p>
        },
        Some(Progress::Counting(n)) => html! {
            <p class="progress"><progress aria-label={t.counting}></progress>{ format!(" {n} {}", t.countings) }</p>
        },
        None => html! {},
    }
}

/// Where a reading reports to: the election or the problem (with its name, and whether it is
/// illustrative), the status line, the progress bar, and the reading under way.
#[derive(Clone)]
struct Report {
    show: Callback<(Result<Election, String>, String, bool)>,
    status: UseStateHandle<String>,
    progress: UseStateHandle<Option<Progress>>,
    reading: Rc<std::cell::RefCell<(u32, Option<crate::web::Slices>)>>,
}

/// Read a picked pabulib file in slices (a file over [`MAX_FILE`] is refused before reading).
fn read_file(report: Report, l: Lang) -> Callback<Event> {
    let Report { show, status, progress, reading } = report;
    Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let t = page::texts(l);
        if file.size() > MAX_FILE {
            show.emit((Err(t.too_large.to_string()), String::new(), false));
            return;
        }
        status.set(t.reading.to_string());
        progress.set(Some(Progress::Reading(0)));
        let (show, status, progress, reading) = (show.clone(), status.clone(), progress.clone(), reading.clone());
        let pick = newer(&reading);
        wasm_bindgen_futures::spawn_local(async move {
            let text = crate::web::read_file_text(&file).await;
            if reading.borrow().0 != pick {
                return;
            }
            let Ok(text) = text else {
                status.set(String::new());
                progress.set(None);
                show.emit((Err(t.refused.to_string()), file.name(), false));
                return;
            };
            let reader = crate::ballots::pabulib::Reader::new(text);
            reading.borrow_mut().1 = Some(read_in_slices(reader, file.name(), l, show, status, progress));
        });
    })
}

/// Read a CSV pair (projects, votes) with the budget typed beside it, in slices.
fn read_csv_pair(report: Report, refs: (NodeRef, NodeRef, NodeRef), l: Lang) -> Callback<SubmitEvent> {
    let Report { show, status, progress, reading } = report;
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let t = page::texts(l);
        let file = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.get(0));
        let budget_text = refs.2.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
        let (Some(projects), Some(votes)) = (file(&refs.0), file(&refs.1)) else {
            show.emit((Err(format!("{}: {} / {}", t.refused, t.csv_projects, t.csv_votes)), String::new(), false));
            return;
        };
        let Some(budget) = format::typed(&budget_text, l).filter(|b| *b > 0.0) else {
            show.emit((Err(format!("{}: »{budget_text}«", t.csv_budget)), String::new(), false));
            return;
        };
        status.set(t.reading.to_string());
        progress.set(Some(Progress::Reading(0)));
        let (show, status, progress, reading) = (show.clone(), status.clone(), progress.clone(), reading.clone());
        let pick = newer(&reading);
        wasm_bindgen_futures::spawn_local(async move {
            let p = crate::web::read_file_text(&projects).await;
            let v = crate::web::read_file_text(&votes).await;
            if reading.borrow().0 != pick {
                return;
            }
            let name = format!("{} + {}", projects.name(), votes.name());
            let reader = match (p, v) {
                (Ok(p), Ok(v)) => crate::ballots::pabulib::CsvReader::new(&p, v, budget).map_err(|bad| bad.message(l)),
                _ => Err(t.refused.to_string()),
            };
            match reader {
                Ok(reader) => reading.borrow_mut().1 = Some(read_in_slices(reader, name, l, show, status, progress)),
                Err(message) => {
                    status.set(String::new());
                    progress.set(None);
                    show.emit((Err(message), name, false));
                }
            }
        });
    })
}

/// Make an example election from the scenario in the address (labelled as illustrative).
fn make_example(report: Report, scenario_query: String, l: Lang) -> Callback<MouseEvent> {
    let Report { show, status, progress, reading } = report;
    Callback::from(move |_: MouseEvent| {
        newer(&reading);
        status.set(String::new());
        progress.set(None);
        let scenario = crate::share::decode(&scenario_query).scenario;
        show.emit((Ok(page::example_for(&scenario)), page::texts(l).example_label.to_string(), true));
    })
}

/// The two rules to count with, side by side.
fn rules_section(t: &'static Texts, l: Lang, rules: UseStateHandle<(Rule, Rule)>) -> Html {
    let on_rule = |which: usize| {
        let rules = rules.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(r) = Rule::parse(&value) {
                let (a, b) = *rules;
                rules.set(if which == 0 { (r, b) } else { (a, r) });
            }
        })
    };
    let rule_select = |which: usize, current: Rule, label: &'static str| {
        let id = if which == 0 { "rule-a" } else { "rule-b" };
        html! {
            <label for={id}>{ label }
                <select id={id} onchange={on_rule(which)}>
                    { for Rule::ALL.iter().map(|r| html! {
                        <option value={r.key()} selected={*r == current}>{ r.label(l) }</option>
                    }) }
                </select>
            </label>
        }
    };
    let (a, b) = *rules;
    html! {
    <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{ t.rules_heading }</h2>
        <div class="rule-choice">
            { rule_select(0, a, t.rule_a) }
            { rule_select(1, b, t.rule_b) }
        </div>
        <dl class="hint rule-notes">
            { for [a, b].iter().enumerate().filter(|(k, r)| *k == 0 || **r != a).map(|(_, r)| html! {
                <><dt>{ r.label(l) }</dt><dd>{ r.explain(l) }</dd></>
            }) }
        </dl>
        <p class="hint">{ t.rule_notes }</p>
    </section>
    }
}
