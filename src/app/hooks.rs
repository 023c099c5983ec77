//! Custom hooks: the effects components need, kept out of their bodies.

use yew::prelude::*;

use super::state::View;
use crate::i18n::Lang;

/// Keep the document in step with the state: the `lang` attribute, the title, and the URL (the
/// share link of the state, so a copied address or a reload opens the same scenario).
#[hook]
pub fn use_document_sync(lang: Lang, view: View, link: String) {
    use_effect_with(link, move |link| crate::web::set_query(link));
    use_effect_with((lang, view), |&(lang, view)| {
        let t = lang.texts();
        let title = match view {
            View::Overview => t.app_name.to_string(),
            other => format!("{} – {}", other.label(t), t.app_name),
        };
        crate::web::set_document(lang, &title);
    });
}

/// Draw `chart` on the canvas behind `canvas` whenever the chart or the language changes, and again
/// when the window is resized (the canvas follows its CSS size at the device's pixel ratio); text
/// and lines `zoom` times their usual size. Each chart is drawn in a task of its own, after the
/// page's render: on a slow phone a view's charts drawn inside the render made one long task that
/// kept the page from answering input.
#[hook]
pub fn use_chart(canvas: NodeRef, chart: std::rc::Rc<crate::charts::Chart>, lang: Lang, zoom: f64) {
    use_effect_with((chart, lang), move |(chart, lang)| {
        let draw = {
            let (canvas, chart, lang) = (canvas.clone(), chart.clone(), *lang);
            move || {
                if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                    crate::web::draw_chart(&el, &chart, lang, zoom);
                    crate::web::mark("onepercent:chart-drawn");
                }
            }
        };
        let first = crate::web::after(0, draw.clone());
        let listener = crate::web::on_resize(draw);
        move || {
            drop(first);
            drop(listener)
        }
    });
}

/// Monte Carlo bands for `scenario`: computed in the Monte Carlo worker (`web::monte_carlo_off_thread`)
/// so the page only paints, and kept on screen while the next ones are computed. Where the browser
/// cannot run the worker they are computed here instead: started a moment after the last change
/// (so moving a slider stays instant), in slices of [`SLICE`] runs with the browser free to paint
/// and respond in between. Either way the same draws give the same bands. Returns the latest bands
/// and whether they are out of date. `None` (a view without bands on screen) computes nothing and
/// keeps the last bands; bands already computed for the same scenario and run count are not
/// computed again.
#[hook]
pub fn use_bands(
    scenario: Option<std::rc::Rc<crate::model::Scenario>>,
    runs: usize,
) -> (Option<std::rc::Rc<crate::model::montecarlo::Bands>>, bool) {
    use crate::model::montecarlo::{wire, Bands, Progress};
    use std::cell::RefCell;
    use std::rc::Rc;
    type Done = (Rc<crate::model::Scenario>, usize, Rc<Bands>);
    let done = use_state(|| None::<Done>);
    {
        let done = done.clone();
        use_effect_with((scenario.clone(), runs), move |(s, runs)| {
            fn slice(
                job: Rc<RefCell<Option<Progress>>>,
                pending: Rc<RefCell<Option<crate::web::Timeout>>>,
                finish: Rc<dyn Fn(Bands)>,
                delay: i32,
            ) {
                let next = pending.clone();
                *pending.borrow_mut() = crate::web::after(delay, move || {
                    let all_done = job.borrow_mut().as_mut().is_some_and(|p| p.step(SLICE));
                    if all_done {
                        if let Some(mut p) = job.borrow_mut().take() {
                            crate::web::mark("onepercent:bands-on-page");
                            finish(p.finish());
                        }
                    } else {
                        slice(job.clone(), next, finish, 0);
                    }
                });
            }
            let have = |s: &Rc<crate::model::Scenario>| done.as_ref().is_some_and(|(d, r, _)| d == s && r == runs);
            // Nothing to compute without a scenario, or with its bands at hand.
            let job = s.as_ref().filter(|s| !have(s)).map(|s| {
                // The pending slice; dropping it (on the next change) cancels the computation.
                let pending: Rc<RefCell<Option<crate::web::Timeout>>> = Rc::default();
                let (s, runs) = (s.clone(), *runs);
                let finish: Rc<dyn Fn(Bands)> = {
                    let s = s.clone();
                    Rc::new(move |b| {
                        crate::web::mark("onepercent:bands-done");
                        done.set(Some((s.clone(), runs, Rc::new(b))))
                    })
                };
                let compute_here = {
                    let (s, pending, finish) = (s.clone(), pending.clone(), finish.clone());
                    move |delay| {
                        slice(Rc::new(RefCell::new(Some(Progress::new(&s, runs, 1.0)))), pending, finish, delay)
                    }
                };
                let answered = {
                    let compute_here = compute_here.clone();
                    move |answer: Option<Vec<f64>>| match answer.as_deref().and_then(wire::read_answer) {
                        Some((_, bands)) => {
                            crate::web::mark("onepercent:bands-from-worker");
                            finish(bands)
                        }
                        None => compute_here(0),
                    }
                };
                let off = crate::web::monte_carlo_off_thread(&s, runs, answered);
                if off.is_none() {
                    compute_here(40);
                }
                (off, pending)
            });
            move || {
                if let Some((off, pending)) = job {
                    drop(off);
                    drop(pending.borrow_mut().take());
                }
            }
        });
    }
    let bands = done.as_ref().map(|(_, _, b)| b.clone());
    let updating = scenario.is_some_and(|scenario| done.as_ref().is_none_or(|(s, r, _)| *s != scenario || *r != runs));
    (bands, updating)
}

/// Monte Carlo runs per slice: a few milliseconds of work between paints.
pub const SLICE: usize = 50;
