//! The compare page (compare.html, its own wasm): the scenarios saved in this browser (open, rename,
//! delete, pick for comparison), pasted links, and the comparison itself: the default scenario and
//! up to four more side by side in a table of headline figures with their ranges and in overlaid
//! charts. All numbers come from [`crate::compare`]; this file only shows them. The page's address
//! holds the language and the compared links, so a comparison can be reloaded or shared.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::chart::ChartFigure;
use crate::charts::Chart;
use crate::compare::{self, Column, MAX_COMPARED};
use crate::i18n::Lang;
use crate::model::montecarlo::Bands;
use crate::model::Scenario;
use crate::saved::{Library, Refusal, StoreError};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub lang: Lang,
    /// The compared (name, link) pairs from the address.
    pub items: Vec<(String, String)>,
}

type Items = Rc<Vec<(String, String)>>;

/// The saved list, the unreadable data kept aside, and the message about the last change.
type Saved = (Rc<Library>, Option<Rc<str>>);

#[component]
pub fn ComparePage(props: &CompareProps) -> Html {
    let lang = use_state(|| props.lang);
    let items = use_state(|| -> Items { Rc::new(props.items.clone()) });
    let saved = use_state(|| -> Saved {
        let loaded = crate::web::load_saved();
        (Rc::new(loaded.library), loaded.aside.map(Rc::from))
    });
    let status = use_state(String::new);
    let (link_ref, name_ref) = (use_node_ref(), use_node_ref());
    let lang_now = *lang;
    let t = compare::texts(lang_now);
    {
        let query = compare::page_query(lang_now, &items);
        use_effect_with((lang_now, query), |(lang, query)| {
            crate::web::set_query(query);
            crate::web::set_document(*lang, &format!("{} – {}", compare::texts(*lang).title, lang.texts().app_name));
        });
    }
    let cols = use_memo((lang_now, (*items).clone()), |(lang, items)| {
        let mut cols = vec![compare::column(compare::texts(*lang).defaults, compare::DEFAULT_LINK)];
        cols.extend(items.iter().map(|(n, l)| compare::column(n, l)));
        cols
    });
    let bands = use_all_bands(cols.clone());

    let change = store_change(t, saved.clone(), status.clone());
    let toggle = {
        let (items, status) = (items.clone(), status.clone());
        move |name: String, link: String| {
            let mut next = (*items).as_ref().clone();
            if let Some(i) = next.iter().position(|(n, l)| *n == name && *l == link) {
                next.remove(i);
            } else if next.len() >= MAX_COMPARED {
                status.set(t.full.to_string());
                return;
            } else {
                next.push((name, link));
            }
            items.set(Rc::new(next));
        }
    };

    let on_add = add_link(t, (link_ref.clone(), name_ref.clone()), items.clone(), status.clone());

    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            crate::web::remember_lang(l);
            lang.set(l);
        })
    };
    let app = lang_now.texts();
    html! {
        <>
            { super::header::page_header(lang_now, format!("./?lang={}", lang_now.code()), t.title, &on_lang) }
            <main id="main" tabindex="-1" class="compare">
                <h1>{ t.title }</h1>
                <p class="lead">{ t.intro }</p>
                <p class="status" role="status">{ (*status).clone() }</p>
                { saved_section(t, &saved, &items, &toggle, &change) }
                <section aria-labelledby="paste-heading">
                    <h2 id="paste-heading">{ t.paste_heading }</h2>
                    <form class="paste" onsubmit={on_add}>
                        <label>{ t.paste_label }<input ref={link_ref} type="text" inputmode="url" autocomplete="off" /></label>
                        <label>{ t.name_label }<input ref={name_ref} type="text" autocomplete="off" /></label>
                        <button type="submit" class="button">{ t.add }</button>
                    </form>
                </section>
                { comparison(t, &cols, &bands, lang_now, &toggle) }
            </main>
            <footer class="site-footer"><p>{ app.footer_privacy }</p></footer>
        </>
    }
}

/// The scenarios saved in this browser: compare, open, rename or delete each; and what could not
/// be read, to download or forget.
fn saved_section(
    t: &'static compare::CompareTexts,
    saved: &UseStateHandle<Saved>,
    items: &[(String, String)],
    toggle: &(impl Fn(String, String) + Clone + 'static),
    change: &(impl Fn(&Change<'_>) + Clone + 'static),
) -> Html {
    let lib = &saved.0;
    // Saved data that could not be read is kept aside: it can be downloaded, or forgotten.
    let on_aside = saved.1.clone().map(|text| {
        Callback::from(move |_: MouseEvent| {
            crate::web::download_text("one-percent-unreadable-saved-data.txt", "text/plain", &text)
        })
    });
    let on_forget = {
        let saved = saved.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::web::confirm(t.forget_confirm) {
                crate::web::forget_aside();
                saved.set((saved.0.clone(), crate::web::load_saved().aside.map(Rc::from)));
            }
        })
    };
    let saved_rows = lib.entries.iter().enumerate().map(|(i, e)| {
        let pressed = items.iter().any(|(n, l)| *n == e.name && *l == e.link);
        let on_compare = {
            let (toggle, name, link) = (toggle.clone(), e.name.clone(), e.link.clone());
            Callback::from(move |_: MouseEvent| toggle(name.clone(), link.clone()))
        };
        let on_rename = {
            let (change, old) = (change.clone(), e.name.clone());
            Callback::from(move |_: MouseEvent| {
                let Some(name) = crate::web::prompt(t.name_prompt, &old) else { return };
                change(&|lib| {
                    lib.rename(i, &name)?;
                    Ok(format!("{} »{}«.", t.renamed, crate::saved::clean_name(&name)))
                });
            })
        };
        let on_delete = {
            let (change, name) = (change.clone(), e.name.clone());
            Callback::from(move |_: MouseEvent| {
                if crate::web::confirm(&format!("{} »{name}«?", t.delete_confirm)) {
                    change(&|lib| Ok(format!("{} »{}«.", t.deleted, lib.delete(i)?.name)));
                }
            })
        };
        let label = |verb: &str| format!("{verb}: {}", e.name);
        html! {
            <li>
                <span class="saved-name">{ e.name.clone() }</span>
                <button type="button" class="button-secondary" aria-pressed={pressed.to_string()}
                    aria-label={label(t.compare)} onclick={on_compare}>{ t.compare }</button>
                <a class="button-secondary" href={format!("./?{}", e.link)} aria-label={label(t.open)}>{ t.open }</a>
                <button type="button" class="button-secondary" aria-label={label(t.rename)} onclick={on_rename}>{ t.rename }</button>
                <button type="button" class="button-secondary" aria-label={label(t.delete)} onclick={on_delete}>{ t.delete }</button>
            </li>
        }
    });
    html! {
        <section aria-labelledby="saved-heading">
            <h2 id="saved-heading">{ format!("{} ({})", t.saved_heading, lib.entries.len()) }</h2>
            if let Some(onclick) = on_aside {
                <p class="notice notice-error">{ t.aside }</p>
                <p class="file-actions">
                    <button type="button" class="button-secondary" {onclick}>{ t.download_aside }</button>
                    <button type="button" class="button-secondary" onclick={on_forget}>{ t.forget_aside }</button>
                </p>
            }
            if lib.entries.is_empty() {
                <p>{ t.none_saved }</p>
            } else {
                <ul class="saved-list">{ for saved_rows }</ul>
            }
        </section>
    }
}

/// The comparison: the table of headline figures (a column per scenario, with its changes and a
/// button to remove it) and the overlaid charts.
fn comparison(
    t: &'static compare::CompareTexts,
    cols: &[Column],
    bands: &[Option<Rc<Bands>>],
    lang_now: Lang,
    toggle: &(impl Fn(String, String) + Clone + 'static),
) -> Html {
    let rows = compare::rows(cols, bands, lang_now);
    let computing = bands.iter().any(|b| b.is_none());
    let head = cols.iter().enumerate().map(|(i, c)| {
        let (color, dash) = compare::style(i);
        let remove = (i > 0).then(|| {
            let (toggle, name, link) = (toggle.clone(), c.name.clone(), c.link.clone());
            Callback::from(move |_: MouseEvent| toggle(name.clone(), link.clone()))
        });
        html! {
            <th scope="col">
                { super::chart::line_key(color, dash) }
                { c.name.clone() }
                if let Some(onclick) = remove {
                    <button type="button" class="button-link" aria-label={format!("{}: {}", t.remove, c.name)} {onclick}>{ "×" }</button>
                }
            </th>
        }
    });
    let changed = cols.iter().map(|c| {
        let list = compare::changes(&c.scenario, lang_now);
        html! {
            <td>
                if list.is_empty() {
                    { t.no_changes }
                } else {
                    <ul class="changes">{ for list.into_iter().map(|(k, v)| html! { <li>{ format!("{k}: {v}") }</li> }) }</ul>
                }
                if !c.problems.is_empty() {
                    <p class="notice notice-error">{ t.link_problems }</p>
                    <ul>{ for c.problems.iter().map(|p| html! { <li>{ p.message(lang_now) }</li> }) }</ul>
                }
            </td>
        }
    });
    html! {
        <>
        <section>
            <h2 id="table-heading">{ t.table_heading }</h2>
            <p>{ t.range_note }</p>
            if computing {
                <p class="updating">{ t.computing }</p>
            }
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-heading">
                <table class="compare-table">
                    <thead><tr><th scope="col">{ t.figure }</th>{ for head }</tr></thead>
                    <tbody>
                        <tr><th scope="row">{ t.changed }</th>{ for changed }</tr>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.label }</th>
                                { for r.cells.iter().map(|c| html! {
                                    <td>
                                        { c.value.clone() }
                                        if let Some(range) = &c.range {
                                            <span class="range">{ range.clone() }</span>
                                        }
                                    </td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
        { compare_charts(t, cols, lang_now) }
        </>
    }
}

/// Monte Carlo bands for every column, computed one column at a time after the page has painted
/// (each at its own link's run count, so the ranges are the ones the app shows for that link), and
/// kept for columns that stay. `None` for a column not done yet.
#[hook]
fn use_all_bands(cols: Rc<Vec<Column>>) -> Vec<Option<Rc<Bands>>> {
    type Cache = Vec<(Rc<Scenario>, usize, Rc<Bands>)>;
    let cache = use_mut_ref(Cache::new);
    let done = use_state(|| 0usize);
    {
        let (cache, done) = (cache.clone(), done.setter());
        use_effect_with(cols.clone(), move |cols| {
            let todo: Vec<(Rc<Scenario>, usize)> = cols
                .iter()
                .filter(|c| !cache.borrow().iter().any(|(s, r, _)| **s == *c.scenario && *r == c.runs))
                .map(|c| (c.scenario.clone(), c.runs))
                .collect();
            // The pending column: in the Monte Carlo worker, or (where it cannot run) on the page
            // after a pause for painting. Dropping it (the columns change) stops the rest.
            type Pending = (Option<crate::web::Timeout>, Option<crate::web::OffThread>);
            let pending: Rc<RefCell<Pending>> = Rc::default();
            fn next(
                mut todo: Vec<(Rc<Scenario>, usize)>,
                cache: Rc<RefCell<Cache>>,
                done: UseStateSetter<usize>,
                pending: Rc<RefCell<Pending>>,
            ) {
                let Some((s, runs)) = todo.pop() else { return };
                let keep = {
                    let (s, cache, done, pending) = (s.clone(), cache.clone(), done.clone(), pending.clone());
                    move |bands: Bands| {
                        cache.borrow_mut().push((s, runs, Rc::new(bands)));
                        done.set(cache.borrow().len());
                        next(todo, cache, done, pending);
                    }
                };
                let answered = {
                    let (s, keep) = (s.clone(), keep.clone());
                    move |answer: Option<Vec<f64>>| {
                        let bands = answer.as_deref().and_then(crate::model::montecarlo::wire::read_answer);
                        keep(bands.map_or_else(|| crate::model::montecarlo::monte_carlo(&s, runs), |(_, b)| b))
                    }
                };
                let off = crate::web::monte_carlo_off_thread(&s, runs, answered);
                let here = if off.is_none() {
                    crate::web::after(20, move || keep(crate::model::montecarlo::monte_carlo(&s, runs)))
                } else {
                    None
                };
                *pending.borrow_mut() = (here, off);
            }
            let mut todo = todo;
            todo.reverse();
            next(todo, cache, done, pending.clone());
            move || *pending.borrow_mut() = (None, None)
        });
    }
    let cache = cache.borrow();
    cols.iter()
        .map(|c| cache.iter().find(|(s, r, _)| **s == *c.scenario && *r == c.runs).map(|(_, _, b)| b.clone()))
        .collect()
}

/// Add a pasted link (and its name, or a number) to the comparison; a text that is not a link to
/// a scenario, or a full comparison, is said and changes nothing.
fn add_link(
    t: &'static compare::CompareTexts,
    (link_ref, name_ref): (NodeRef, NodeRef),
    items: UseStateHandle<Items>,
    status: UseStateHandle<String>,
) -> Callback<SubmitEvent> {
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let value = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
        let (text, name) = (value(&link_ref), crate::saved::clean_name(&value(&name_ref)));
        let query = compare::query_of(&text);
        if !crate::share::decode(query).has_scenario {
            status.set(t.not_a_link.to_string());
            return;
        }
        if items.len() >= MAX_COMPARED {
            status.set(t.full.to_string());
            return;
        }
        let name = if name.is_empty() { format!("{}", items.len() + 1) } else { name };
        let mut next = (*items).as_ref().clone();
        next.push((name.clone(), query.to_string()));
        items.set(Rc::new(next));
        status.set(format!("{} {name}", t.added));
        for r in [&link_ref, &name_ref] {
            if let Some(i) = r.cast::<web_sys::HtmlInputElement>() {
                i.set_value("");
            }
        }
    })
}

/// A change to the saved list: the message to show, or why it was refused.
type Change<'a> = dyn Fn(&mut Library) -> Result<String, Refusal> + 'a;

/// Apply a change to a copy of the saved list, store it, and only then show it; a refusal, or full
/// or blocked storage, is said and the list stays as it was.
fn store_change(
    t: &'static compare::CompareTexts,
    saved: UseStateHandle<Saved>,
    status: UseStateHandle<String>,
) -> impl Fn(&Change<'_>) + Clone + 'static {
    move |change: &Change<'_>| {
        let mut next = (*saved.0).clone();
        let message = match change(&mut next) {
            Err(r) => t.refused[r as usize].to_string(),
            Ok(message) => match crate::web::store_saved(&next.to_text()) {
                Ok(()) => {
                    saved.set((Rc::new(next), saved.1.clone()));
                    message
                }
                Err(StoreError::Full) => t.storage_full.to_string(),
                Err(StoreError::Unavailable) => t.storage_unavailable.to_string(),
            },
        };
        status.set(message);
    }
}

/// The charts: every scenario's line overlaid, one chart per figure.
fn compare_charts(t: &'static compare::CompareTexts, cols: &[Column], lang_now: Lang) -> Html {
    let charts = compare::charts(cols, lang_now);
    let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
    html! {
        <section aria-labelledby="charts-heading">
            <h2 id="charts-heading">{ t.charts_heading }</h2>
            <div class="charts">
                { for charts.into_iter().enumerate().map(|(i, (title, chart))| html! {
                    <ChartFigure id={format!("compare-{i}")} {title} chart={Rc::new(Chart::Line(chart))}
                        lang={lang_now} summary={names.join(" · ")} />
                }) }
            </div>
        </section>
    }
}
