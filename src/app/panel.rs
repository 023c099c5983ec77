//! Pieces both decision views share: the notice about the last refused or loaded scenario, the
//! municipality's own figures with the starting points that fill them, opening a scenario file and resetting, and a headline figure card.

use std::rc::Rc;

use yew::prelude::*;

use super::state::{Action, Notice};
use crate::i18n::Lang;
use crate::model::params::PARAMS;
use crate::model::presets::{Area, Size, AREAS, SIZES};
use crate::model::{Scenario, P};

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub notice: Option<Notice>,
}

/// Why a file or a change was refused (the scenario is unchanged), or that a file was loaded.
#[component]
pub fn NoticeBox(props: &NoticeProps) -> Html {
    let ct = &props.lang.texts().case;
    let refused = |intro: &str, problems: &[crate::model::Problem]| {
        html! {
            <div class="notice notice-error" role="alert">
                <p>{ intro.to_string() }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.message(props.lang) }</li> }) }</ul>
            </div>
        }
    };
    match &props.notice {
        Some(Notice::FileRefused(problems)) => refused(ct.file_problems, problems),
        Some(Notice::ChangeRefused(problems)) => refused(ct.change_refused, problems),
        Some(Notice::Loaded) => html! { <div class="notice" role="status"><p>{ ct.file_loaded }</p></div> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct MunicipalityProps {
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
    pub area: &'static Area,
    pub size: &'static Size,
    /// Casework: the area choice and the decisions per month too.
    pub with_area: bool,
    pub refusals: u32,
    pub on_action: Callback<Action>,
}

/// The municipality's own figures, shown on every decision view: residents, budget, currency, the
/// horizon (and on casework the area and decisions per month), with the starting points that fill
/// them. When residents or budget differ from the chosen size's, the size reads "own figures".
#[component]
pub fn Municipality(props: &MunicipalityProps) -> Html {
    let (lang, ct) = (props.lang, &props.lang.texts().case);
    let s = &props.scenario;
    let on_area = {
        let (cb, size) = (props.on_action.clone(), props.size);
        Callback::from(move |e: Event| {
            let chosen = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(area) = Area::by_id(&chosen) {
                cb.emit(Action::ApplyPreset { area, size });
            }
        })
    };
    let on_size = {
        let (cb, area) = (props.on_action.clone(), props.area);
        Callback::from(move |e: Event| {
            // "own" (the residents and budget typed) is no preset: nothing to apply.
            let chosen = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(size) = Size::by_id(&chosen) {
                cb.emit(Action::ApplyPreset { area, size });
            }
        })
    };
    let on_name = props
        .on_action
        .reform(|e: Event| Action::SetName(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
    let population = s.get(P::Population);
    let z = props.size;
    let own = z.population != population || s.get(P::Budget) != population * crate::model::presets::BUDGET_PER_RESIDENT;
    let mut fields = vec![P::Population, P::Budget, P::Currency, P::Horizon];
    if props.with_area {
        fields.insert(2, P::DecisionsPerMonth);
    }
    html! {
        <fieldset class="presets">
            <legend>{ ct.presets_legend }</legend>
            <label for="place-name">{ ct.place_label }</label>
            <input id="place-name" class="param-number" type="text" autocomplete="address-level2" maxlength="60" value={s.name.clone()} onchange={on_name} />
            <strong class="print-value">{ s.name.clone() }</strong>
            if props.with_area {
                <label for="preset-area">{ ct.area_label }</label>
                <select id="preset-area" onchange={on_area}>
                    { for AREAS.iter().map(|a| html! {
                        <option value={a.id} selected={a.id == props.area.id}>{ a.label.of(lang) }</option>
                    }) }
                </select>
            }
            <label for="preset-size">{ ct.size_label }</label>
            <select id="preset-size" onchange={on_size}>
                { for SIZES.iter().map(|z| html! {
                    <option value={z.id} selected={!own && z.id == props.size.id}>{ z.label.of(lang) }</option>
                }) }
                <option value="own" selected={own}>{ ct.own_size }</option>
            </select>
            <p class="hint">{ ct.preset_fills }</p>
            { for fields.into_iter().map(|p| {
                // Decisions at 0 follow the residents: say how many that is.
                let note = (p == P::DecisionsPerMonth && s.get(p) == 0.0).then(|| AttrValue::from(format!(
                    "{}: {}", ct.from_residents, crate::format::number(crate::model::casework::decisions_per_month(s), 0, lang))));
                html! {
                    <super::param_control::ParamControl key={PARAMS[p as usize].key} {lang} param={p} value={s.get(p)}
                        currency={crate::report::currency(s)} refusals={props.refusals} on_action={props.on_action.clone()} {note} />
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct FileActionsProps {
    pub lang: Lang,
    /// The view they sit in (the ballots page is offered on participatory budgeting).
    pub view: super::state::View,
    /// The state's share link (`AppState::link`): what is copied, saved and opened elsewhere.
    pub link: AttrValue,
    pub scenario: Rc<Scenario>,
    pub on_action: Callback<Action>,
}

/// Copy the share link, download the scenario file (the format the command line reads), open a
/// scenario file (validated like any input; a bad file changes nothing) and reset.
#[component]
pub fn FileActions(props: &FileActionsProps) -> Html {
    let (t, ct) = (props.lang.texts(), &props.lang.texts().case);
    // The outcome of the last copy or save, read out by screen readers.
    let status = use_state(String::new);
    // The editor's page and the ballots page, with the scenario as it is at the click.
    let to = |page: &'static str| {
        let link = props.link.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            crate::web::go(&crate::web::sibling_url(page, &link));
        })
    };
    let on_copy = {
        let (status, link) = (status.clone(), props.link.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let url = crate::web::app_url(&link);
            wasm_bindgen_futures::spawn_local(async move {
                status.set(if crate::web::copy_text(&url).await { t.copied } else { t.copy_failed }.to_string())
            });
        })
    };
    let (save_button, save_form) = use_save_dialog(t, props.scenario.name.clone(), props.link.clone(), status.clone());
    let (on_json, on_csv) = downloads(&props.scenario);
    let on_reset = props.on_action.reform(|_: MouseEvent| Action::Reset);
    let on_file = open_file(props.on_action.clone());
    html! {
        <div class="file-actions">
            <button type="button" class="button-secondary" onclick={on_copy}>{ t.copy_link }</button>
            { save_button }
            { save_form }
            <a class="button-secondary" href={format!("compare.html?lang={}", props.lang.code())}>{ t.compare_saved }</a>
            <button type="button" class="button-secondary" onclick={on_json}>{ t.download_json }</button>
            <button type="button" class="button-secondary" onclick={on_csv}>{ t.download_csv }</button>
            <label class="button-secondary file-label">
                { ct.open_file }
                <input type="file" accept=".json,application/json" onchange={on_file} class="visually-hidden" />
            </label>
            <button type="button" class="button-secondary" onclick={on_reset}>{ ct.reset }</button>
            <a class="button-secondary" href="embed.html" onclick={to("embed.html")}>{ t.embed }</a>
            if props.view == super::state::View::Pb {
                <a class="button-secondary" href="ballots.html" onclick={to("ballots.html")}>{ t.ballots }</a>
            }
            <p class="status" role="status">{ (*status).clone() }</p>
        </div>
    }
}

/// The "save" button and its dialog. Saving asks for a name in the page (the scenario's
/// municipality offered), and before replacing a saved scenario of the same name asks again;
/// Escape or Cancel closes without saving. How it went is said in `status`.
#[hook]
fn use_save_dialog(
    t: &'static crate::i18n::Texts,
    offered: String,
    link: AttrValue,
    status: UseStateHandle<String>,
) -> (Html, Html) {
    // `dialog`: the name being asked for, and whether it already names a saved scenario.
    let dialog = use_state(|| None::<(String, bool)>);
    let name_field = use_node_ref();
    let save_button = use_node_ref();
    {
        let (open, name_field) = (dialog.is_some(), name_field.clone());
        use_effect_with(open, move |open| {
            if *open {
                if let Some(f) = name_field.cast::<web_sys::HtmlInputElement>() {
                    let _ = f.focus();
                }
            }
        });
    }
    let on_save = {
        let (dialog, name) = (dialog.clone(), offered);
        Callback::from(move |_: MouseEvent| dialog.set(Some((name.clone(), false))))
    };
    let close = {
        let (dialog, save_button) = (dialog.clone(), save_button.clone());
        Callback::from(move |()| {
            dialog.set(None);
            if let Some(b) = save_button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    let on_cancel = close.reform(|_: MouseEvent| ());
    let on_key = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(())
            }
        })
    };
    let on_name = {
        let dialog = dialog.clone();
        Callback::from(move |e: InputEvent| {
            dialog.set(Some((e.target_unchecked_into::<web_sys::HtmlInputElement>().value(), false)))
        })
    };
    // Store the current link under the name: read the stored list, add, store; a refusal or a full
    // or blocked storage is said, and the stored list is left as it was.
    let on_submit = {
        let dialog = dialog.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some((name, asked)) = (*dialog).clone() else { return };
            let mut lib = crate::web::load_saved().library;
            if lib.has(&crate::saved::clean_name(&name)) && !asked {
                dialog.set(Some((name, true)));
                return;
            }
            status.set(save_as(&mut lib, &name, &link, t));
            close.emit(());
        })
    };
    let button = html! {
        <button type="button" class="button-secondary" ref={save_button} onclick={on_save}
            aria-expanded={dialog.is_some().to_string()}>{ t.save }</button>
    };
    let form = match (*dialog).clone() {
        None => Html::default(),
        Some((name, asked)) => html! {
            <form class="save-dialog" onsubmit={on_submit} onkeydown={on_key}>
                <label for="save-name">{ t.name_prompt }</label>
                <input id="save-name" ref={name_field} class="param-number" type="text" maxlength="80"
                    value={name.clone()} oninput={on_name} required=true />
                if asked {
                    <p role="alert">{ format!("{} »{}«?", t.replace_confirm, crate::saved::clean_name(&name)) }</p>
                }
                <button type="submit" class="button">{ if asked { t.replace_button } else { t.save_button } }</button>
                <button type="button" class="button-secondary" onclick={on_cancel}>{ t.cancel }</button>
            </form>
        },
    };
    (button, form)
}

/// Store `link` under `name` in the saved list and say how it went: a refusal, or full or blocked
/// storage, is said, and the stored list is left as it was.
fn save_as(lib: &mut crate::saved::Library, name: &str, link: &str, t: &'static crate::i18n::Texts) -> String {
    let clean = crate::saved::clean_name(name);
    match lib.save(name, link) {
        Err(crate::saved::Refusal::Full) => t.save_failed.list_full.to_string(),
        // Saving refuses only an empty name or a full list (renaming and deleting refuse the
        // others).
        Err(
            crate::saved::Refusal::EmptyName | crate::saved::Refusal::NameTaken | crate::saved::Refusal::NoSuchEntry,
        ) => t.save_failed.empty_name.to_string(),
        Ok(replaced) => match crate::web::store_saved(&lib.to_text()) {
            Ok(()) => format!("{} »{clean}«.", if replaced { t.saved_over } else { t.saved_as }),
            Err(crate::saved::StoreError::Full) => t.save_failed.storage_full.to_string(),
            Err(crate::saved::StoreError::Unavailable) => t.save_failed.storage_unavailable.to_string(),
        },
    }
}

/// Download the scenario (the file the command line reads) and its results as CSV.
fn downloads(s: &Rc<Scenario>) -> (Callback<MouseEvent>, Callback<MouseEvent>) {
    let json = {
        let s = s.clone();
        Callback::from(move |_: MouseEvent| {
            crate::web::download_text("one-percent-scenario.json", "application/json", &s.to_json())
        })
    };
    let s = s.clone();
    let csv = Callback::from(move |_: MouseEvent| {
        let csv = crate::export::to_csv(&s, &crate::model::run(&s), None);
        crate::web::download_text("one-percent-results.csv", "text/csv", &csv)
    });
    (json, csv)
}

/// Open a scenario file: read, validated like any input, and handed to the reducer (a bad file
/// changes nothing and is said).
fn open_file(cb: Callback<Action>) -> Callback<Event> {
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
}

#[derive(Properties, PartialEq)]
pub struct UncertaintyProps {
    pub lang: Lang,
    pub seed: u64,
    pub runs: usize,
    pub updating: bool,
    pub on_action: Callback<Action>,
}

/// The seed (shown, settable, or drawn afresh) and the number of Monte Carlo runs.
#[component]
pub fn UncertaintyControls(props: &UncertaintyProps) -> Html {
    let ct = &props.lang.texts().case;
    // What is being typed: Yew puts a bound value back into the field on every render (and this one
    // renders when the bands finish), so the draft is kept until it is committed.
    let draft = use_state(|| None::<String>);
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(Some(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
        })
    };
    let on_seed = {
        let (cb, draft) = (props.on_action.clone(), draft.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            draft.set(None);
            // A seed that does not read as a whole number is ignored.
            if let Ok(seed) = v.trim().parse() {
                cb.emit(Action::SetSeed(seed));
            }
        })
    };
    let on_draw = props.on_action.reform(|_: MouseEvent| Action::SetSeed(crate::web::fresh_seed()));
    let on_runs = props.on_action.reform(|e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Action::SetRuns(v.parse().unwrap_or(crate::model::montecarlo::DEFAULT_RUNS))
    });
    html! {
        <fieldset class="uncertainty">
            <legend>{ ct.uncertainty_heading }</legend>
            <label for="mc-seed">{ ct.seed }</label>
            <div class="seed-row">
                <input id="mc-seed" type="text" inputmode="numeric" class="param-number"
                    value={(*draft).clone().unwrap_or_else(|| props.seed.to_string())} oninput={on_input}
                    onchange={on_seed} />
                <button type="button" class="button-secondary" onclick={on_draw}>{ ct.new_draw }</button>
            </div>
            <label for="mc-runs">{ ct.runs }</label>
            <select id="mc-runs" onchange={on_runs}>
                { for [100usize, 500, 1_000, 5_000, 10_000].into_iter().map(|n| html! {
                    <option value={n.to_string()} selected={n == props.runs}>
                        { crate::format::number(n as f64, 0, props.lang) }
                    </option>
                }) }
            </select>
            <p class="updating" role="status">{ if props.updating { ct.updating } else { "" } }</p>
        </fieldset>
    }
}

/// How a headline figure reads.
#[derive(Clone, Copy, PartialEq)]
pub enum Fmt {
    Count,
    Percent,
    Money,
    /// An index such as the representation index (two decimals).
    Index,
}

/// A headline figure with its value, the baseline's (if any) and the figure whose Monte Carlo band
/// gives its range.
pub struct Card {
    pub name: &'static str,
    pub value: f64,
    pub base: Option<f64>,
    pub figure: crate::model::montecarlo::Figure,
    pub fmt: Fmt,
}

/// Render headline figure cards: value, then "P10–P90: a – b" when bands are there, then the
/// baseline's value.
pub fn cards(
    list: Vec<Card>,
    bands: Option<&crate::model::montecarlo::Bands>,
    lang: Lang,
    cur: crate::format::Currency,
) -> Html {
    let ct = &lang.texts().case;
    let show = move |fmt: Fmt, x: f64| match fmt {
        Fmt::Count => crate::format::number(x, 0, lang),
        Fmt::Percent => crate::format::percent(x, 1, lang),
        Fmt::Money => crate::format::money_compact(x, cur, lang),
        Fmt::Index => crate::format::number(x, 2, lang),
    };
    list.into_iter()
        .map(|c| {
            let range = bands.map(|b| crate::report::range_line(b.figure(c.figure), &|x| show(c.fmt, x)));
            let base = c.base.map(|x| format!("{}: {}", ct.baseline, show(c.fmt, x)));
            let sub = match (range, base) {
                (Some(r), Some(b)) => Some(format!("{r} · {b}")),
                (r, b) => r.or(b),
            };
            figure_card(c.name, show(c.fmt, c.value), sub)
        })
        .collect()
}

/// A headline figure: its name, the scenario's value and, optionally, the baseline's.
pub fn figure_card(name: &str, main: String, base: Option<String>) -> Html {
    html! {
        <div>
            <dt>{ name.to_string() }</dt>
            <dd>
                <span class="figure-main">{ main }</span>
                if let Some(b) = base { <span class="figure-base">{ b }</span> }
            </dd>
        </div>
    }
}
