//! The app's state, its actions and their reducer ([`AppState::apply`]): pure, so it is tested
//! natively. The shell makes it Yew's reducer (`app::state`); which page holds a view is here too.

use std::rc::Rc;

use crate::i18n::{Lang, Texts};
use crate::model::presets::{apply, Area, Size, AREAS, SIZES};
use crate::model::{Problem, Scenario, P, PARAMS};
use crate::report::ChartId;
use crate::share::Decoded;

/// A view of the app. Navigation lists exactly these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    Pb,
    Casework,
    Together,
    How,
    Sources,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 6] = [View::Overview, View::Pb, View::Casework, View::Together, View::How, View::Sources];

    /// The value of the `view` query parameter.
    pub fn code(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Pb => "pb",
            View::Casework => "casework",
            View::Together => "together",
            View::How => "how",
            View::Sources => "sources",
        }
    }

    /// Parse a `view` query parameter; unknown values give `None` (the caller falls back).
    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == s.trim())
    }

    /// The view's name in the navigation.
    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            View::Overview => t.nav_overview,
            View::Pb => t.nav_pb,
            View::Casework => t.nav_casework,
            View::Together => t.nav_together,
            View::How => t.nav_how,
            View::Sources => t.nav_sources,
        }
    }
}

/// A message about the last thing the user tried.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A scenario file was refused; the scenario is unchanged.
    FileRefused(Vec<Problem>),
    /// A change was refused; the scenario is unchanged.
    ChangeRefused(Vec<Problem>),
    /// A scenario file was loaded.
    Loaded,
}

/// What embed mode shows (`&embed=...`): the compact widget, or one chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embed {
    Widget,
    Chart(ChartId),
}

impl Embed {
    /// The value in links: `widget`, or the chart's id.
    pub fn key(self) -> &'static str {
        match self {
            Embed::Widget => "widget",
            Embed::Chart(c) => c.id(),
        }
    }

    /// What a link's value names (`None` for any other text).
    pub fn from_key(key: &str) -> Option<Embed> {
        if key == "widget" {
            Some(Embed::Widget)
        } else {
            ChartId::from_id(key).map(Embed::Chart)
        }
    }
}

/// Everything the root component renders from.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub view: View,
    pub scenario: Rc<Scenario>,
    /// The casework area and municipality size last applied (rows of the preset tables).
    pub area: &'static Area,
    pub size: &'static Size,
    pub notice: Option<Notice>,
    /// Counts refused changes, so controls put back the value they showed.
    pub refusals: u32,
    /// Monte Carlo runs behind the bands.
    pub runs: usize,
    /// What the link the app was opened with could not be read (shown in a banner until closed).
    pub link_problems: Vec<Problem>,
    /// Embed mode: what to show instead of the whole app.
    pub embed: Option<Embed>,
    /// The folds opened so far ([`Fold::is_in`]): what a fold holds is made only once it is opened.
    pub opened: u128,
}

/// A fold of the page (a `<details>`) whose contents are made only once it is opened: the first
/// render on a phone makes less than half the elements (the casework view 527 instead of 1,282).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// A parameter's "About": its range, uncertainty, source, grade and key (the help is always
    /// made: the control's description points at it).
    About(P),
    /// "More assumptions" on the casework and PB views: folded, only the levers that differ from
    /// the defaults are made (they are the ones printed).
    More,
}

impl Fold {
    fn bit(self) -> u128 {
        1 << match self {
            Fold::About(p) => p as u32,
            Fold::More => 127,
        }
    }

    /// Whether this fold is among `opened` ([`AppState::opened`]).
    pub fn is_in(self, opened: u128) -> bool {
        opened & self.bit() != 0
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            lang: Lang::default(),
            view: View::default(),
            scenario: Rc::new(Scenario::default()),
            area: &AREAS[0],
            size: &SIZES[1],
            notice: None,
            refusals: 0,
            runs: crate::model::montecarlo::DEFAULT_RUNS,
            link_problems: Vec::new(),
            embed: None,
            opened: 0,
        }
    }
}

impl AppState {
    /// The state a link opens: its scenario and settings, in `lang` (worked out by the caller from
    /// the link, the stored preference and the browser). Settings that do not parse are skipped
    /// and named with the scenario's own problems.
    pub fn from_link(d: &Decoded, lang: Lang) -> AppState {
        let mut problems = d.problems.clone();
        if let Some(l) = d.setting("lang").filter(|l| Lang::parse(l).is_none()) {
            problems.push(Problem::BadSetting("lang".into(), crate::share::shorten(l, 24)));
        }
        let base = AppState::default();
        let mut pick = |key: &str, ok: &dyn Fn(&str) -> bool| match d.setting(key) {
            Some(v) if ok(v) => Some(v.to_string()),
            Some(v) => {
                problems.push(Problem::BadSetting(key.into(), crate::share::shorten(v, 24)));
                None
            }
            None => None,
        };
        // A link without a readable view opens the view its figures belong to (a broken or cut
        // link still lands where its sender was), else the overview.
        let view = pick("view", &|v| View::parse(v).is_some()).and_then(|v| View::parse(&v)).unwrap_or_else(|| {
            let default = Scenario::default();
            let changed = |prefix: &str| {
                PARAMS.iter().any(|p| p.key.starts_with(prefix) && d.scenario.get(p.id) != default.get(p.id))
            };
            if changed("pb.") {
                View::Pb
            } else if changed("case.") {
                View::Casework
            } else {
                View::default()
            }
        });
        let area = pick("area", &|v| Area::by_id(v).is_some()).and_then(|v| Area::by_id(&v)).unwrap_or(base.area);
        let size = pick("size", &|v| Size::by_id(v).is_some()).and_then(|v| Size::by_id(&v)).unwrap_or(base.size);
        let runs_ok =
            |v: &str| v.parse::<usize>().is_ok_and(|n| (100..=crate::model::montecarlo::MAX_RUNS).contains(&n));
        let runs = pick("runs", &runs_ok).and_then(|v| v.parse().ok()).unwrap_or(base.runs);
        let embed = pick("embed", &|v| Embed::from_key(v).is_some()).and_then(|v| Embed::from_key(&v));
        AppState {
            lang,
            view,
            scenario: Rc::new(d.scenario.clone()),
            area,
            size,
            runs,
            embed,
            link_problems: problems,
            ..base
        }
    }

    /// The share link of this state (without `?`): the scenario and the settings that differ from
    /// the defaults.
    pub fn link(&self) -> String {
        let runs = self.runs.to_string();
        let base = AppState::default();
        let mut settings = vec![("lang", self.lang.code())];
        if self.view != View::Overview {
            settings.push(("view", self.view.code()));
        }
        if self.area != base.area {
            settings.push(("area", self.area.id));
        }
        if self.size != base.size {
            settings.push(("size", self.size.id));
        }
        if self.runs != base.runs {
            settings.push(("runs", &runs));
        }
        if let Some(e) = self.embed {
            settings.push(("embed", e.key()));
        }
        crate::share::encode(&self.scenario, &settings)
    }
}

/// Something the user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    Show(View),
    /// Set one parameter (validated; refused values leave the scenario as it was).
    SetParam(P, f64),
    /// Apply a casework area and a municipality size (rows of the preset tables: the page reads
    /// its choice with `Area::by_id`/`Size::by_id`, so no unknown preset gets this far).
    ApplyPreset {
        area: &'static Area,
        size: &'static Size,
    },
    /// Back to the defaults.
    Reset,
    /// The result of reading a scenario file.
    Load(Result<Rc<Scenario>, Vec<Problem>>),
    DismissNotice,
    /// A new master seed (typed, or a fresh draw from the browser).
    SetSeed(u64),
    /// The municipality's name (cleaned by [`Scenario::set_name`]).
    SetName(String),
    /// How many Monte Carlo runs.
    SetRuns(usize),
    /// Close the banner about the link.
    DismissLinkProblems,
    /// A fold was opened: make what it holds.
    Open(Fold),
}

impl AppState {
    /// The state after `action`, or `None` when the action changes nothing (so Yew skips the
    /// re-render).
    pub fn apply(&self, action: Action) -> Option<AppState> {
        match action {
            Action::SetLang(lang) if lang != self.lang => Some(AppState { lang, ..self.clone() }),
            Action::Show(view) if view != self.view => Some(AppState { view, ..self.clone() }),
            Action::SetParam(p, v) => {
                let mut next = (*self.scenario).clone();
                match next.set(p, v) {
                    Ok(()) if next == *self.scenario && self.notice.is_none() => None,
                    Ok(()) => Some(AppState { scenario: Rc::new(next), notice: None, ..self.clone() }),
                    Err(problem) => Some(self.refuse(Notice::ChangeRefused(vec![problem]))),
                }
            }
            Action::ApplyPreset { area, size } => match apply(&self.scenario, area, size) {
                Ok(next) => Some(AppState { scenario: Rc::new(next), area, size, notice: None, ..self.clone() }),
                Err(problem) => Some(self.refuse(Notice::ChangeRefused(vec![problem]))),
            },
            Action::Reset => {
                // Opened folds stay made (the browser keeps them open).
                let fresh = AppState { lang: self.lang, view: self.view, opened: self.opened, ..AppState::default() };
                (fresh != *self).then_some(fresh)
            }
            Action::Load(Ok(scenario)) => Some(AppState { scenario, notice: Some(Notice::Loaded), ..self.clone() }),
            Action::Load(Err(problems)) => Some(self.refuse(Notice::FileRefused(problems))),
            Action::DismissNotice if self.notice.is_some() => Some(AppState { notice: None, ..self.clone() }),
            Action::SetSeed(seed) if seed != self.scenario.seed => {
                let mut scenario = (*self.scenario).clone();
                scenario.seed = seed;
                Some(AppState { scenario: Rc::new(scenario), ..self.clone() })
            }
            Action::SetName(name) => {
                let mut scenario = (*self.scenario).clone();
                scenario.set_name(&name);
                (scenario.name != self.scenario.name).then(|| AppState { scenario: Rc::new(scenario), ..self.clone() })
            }
            Action::SetRuns(runs) => {
                let runs = runs.clamp(1, crate::model::montecarlo::MAX_RUNS);
                (runs != self.runs).then(|| AppState { runs, ..self.clone() })
            }
            Action::DismissLinkProblems if !self.link_problems.is_empty() => {
                Some(AppState { link_problems: Vec::new(), ..self.clone() })
            }
            Action::Open(fold) if !fold.is_in(self.opened) => {
                Some(AppState { opened: self.opened | fold.bit(), ..self.clone() })
            }
            _ => None,
        }
    }
}

/// Which page holds a view: the together view is a page of its own (`together.html`, its own
/// wasm, so the app's page stays within its size budget); every other view is the app's.
pub fn page_of(view: View) -> &'static str {
    if view == View::Together {
        "together.html"
    } else {
        ""
    }
}

impl AppState {
    /// The state after `action`: the same `Rc` when nothing changes, so that nothing re-renders
    /// (Yew's reducer in `app::state` is this).
    pub fn reduced(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }

    fn refuse(&self, notice: Notice) -> AppState {
        AppState { notice: Some(notice), refusals: self.refusals + 1, ..self.clone() }
    }
}

/// What the model says about the state's scenario, computed once at the root and given to the
/// views: switching views keeps finished bands (they are not computed again for the same scenario
/// and run count).
#[derive(Clone)]
pub struct Computed {
    pub outcome: std::rc::Rc<crate::model::Outcome>,
    /// The latest Monte Carlo bands (for the scenario or, while `updating`, the one before).
    pub bands: Option<std::rc::Rc<crate::model::montecarlo::Bands>>,
    pub updating: bool,
}

/// The same when the same computation made them (a new outcome or new bands are new `Rc`s): no
/// comparison of every month and band on each render.
impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        let same_bands = match (&self.bands, &other.bands) {
            (Some(a), Some(b)) => std::rc::Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        std::rc::Rc::ptr_eq(&self.outcome, &other.outcome) && same_bands && self.updating == other.updating
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_that_change_nothing_keep_the_same_rc() {
        let s = Rc::new(AppState::default());
        let same = s.clone().reduced(Action::Show(View::Overview));
        assert!(Rc::ptr_eq(&s, &same));
        let same = s.clone().reduced(Action::SetLang(Lang::En));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn actions_change_one_field() {
        let s = Rc::new(AppState::default());
        let da = s.clone().reduced(Action::SetLang(Lang::Da));
        assert_eq!(da.lang, Lang::Da);
        assert_eq!(da.view, View::Overview);
        let how = da.reduced(Action::Show(View::How));
        assert_eq!((how.lang, how.view), (Lang::Da, View::How));
    }

    #[test]
    fn a_refused_change_keeps_the_scenario_and_says_why() {
        let s = Rc::new(AppState::default());
        let changed = s.clone().reduced(Action::SetParam(P::ExtraTime, 0.5));
        assert_eq!(changed.scenario.get(P::ExtraTime), 0.5);
        // Overturn share above what the board can detect is impossible.
        let refused = changed.clone().reduced(Action::SetParam(P::BoardDetection, 0.3));
        assert_eq!(refused.scenario, changed.scenario);
        assert!(matches!(refused.notice, Some(Notice::ChangeRefused(_))));
        assert_eq!(refused.refusals, 1);
        let out_of_range = refused.reduced(Action::SetParam(P::ExtraTime, 9.0));
        assert_eq!(out_of_range.scenario, changed.scenario);
        assert_eq!(out_of_range.refusals, 2);
    }

    #[test]
    fn a_bad_file_keeps_the_scenario_a_good_one_replaces_it() {
        let s = Rc::new(AppState::default()).reduced(Action::SetParam(P::ExtraTime, 1.0));
        let bad = Scenario::from_json(r#"{"version":1,"params":{"case.extra_time":"lots"}}"#).map(Rc::new);
        let after = s.clone().reduced(Action::Load(bad));
        assert_eq!(after.scenario, s.scenario);
        let good = Scenario::from_json(r#"{"version":1,"params":{"case.extra_time":0.1}}"#).map(Rc::new);
        let after = after.reduced(Action::Load(good));
        assert_eq!(after.scenario.get(P::ExtraTime), 0.1);
        assert_eq!(after.notice, Some(Notice::Loaded));
    }

    #[test]
    fn a_fold_opened_stays_made_and_apart_from_the_others() {
        // Every parameter and "More" has a bit of its own.
        assert!(PARAMS.len() < 127);
        let s = Rc::new(AppState::default());
        assert!(!Fold::More.is_in(s.opened));
        let opened = s.clone().reduced(Action::Open(Fold::About(P::ExtraTime)));
        assert!(Fold::About(P::ExtraTime).is_in(opened.opened));
        assert!(!Fold::About(P::Funding).is_in(opened.opened) && !Fold::More.is_in(opened.opened));
        // Opened again: nothing changes, nothing renders again.
        let again = opened.clone().reduced(Action::Open(Fold::About(P::ExtraTime)));
        assert!(Rc::ptr_eq(&again, &opened));
        let both = opened.reduced(Action::Open(Fold::More)).reduced(Action::SetParam(P::ExtraTime, 1.0));
        assert!(Fold::More.is_in(both.opened) && Fold::About(P::ExtraTime).is_in(both.opened));
        // Back to the defaults: the browser keeps an open fold open, so what it holds stays made.
        let reset = both.reduced(Action::Reset);
        assert_eq!(reset.scenario.get(P::ExtraTime), Scenario::default().get(P::ExtraTime));
        assert!(Fold::More.is_in(reset.opened) && Fold::About(P::ExtraTime).is_in(reset.opened));
    }

    #[test]
    fn presets_set_area_and_size() {
        let s = Rc::new(AppState::default());
        let (children, large) = (Area::by_id("children").unwrap(), Size::by_id("large").unwrap());
        let next = s.reduced(Action::ApplyPreset { area: children, size: large });
        assert_eq!((next.area.id, next.size.id), ("children", "large"));
        assert_eq!(next.scenario.get(P::Population), 350_000.0);
        assert_eq!(next.scenario.get(P::DecisionsPer10k), children.decisions_per_10k);
        assert!(Area::by_id("nope").is_none() && Size::by_id("nope").is_none());
    }

    #[test]
    fn view_codes_round_trip_and_unknown_is_none() {
        for v in View::ALL {
            assert_eq!(View::parse(v.code()), Some(v));
        }
        assert_eq!(View::parse("nope"), None);
    }
}

#[cfg(test)]
mod link_tests {
    use super::*;
    use crate::share::decode;

    #[test]
    fn the_link_of_a_state_opens_the_same_state() {
        let mut s =
            AppState { lang: Lang::Da, view: View::Pb, runs: 2000, embed: Some(Embed::Widget), ..AppState::default() };
        s = s.apply(Action::SetParam(P::PbShare, 0.01)).unwrap();
        let (children, large) = (Area::by_id("children").unwrap(), Size::by_id("large").unwrap());
        s = s.apply(Action::ApplyPreset { area: children, size: large }).unwrap();
        s = s.apply(Action::SetSeed(42)).unwrap();
        let link = s.link();
        assert!(link.starts_with("v=1&lang=da&view=pb&area=children&size=large&runs=2000&embed=widget&"), "{link}");
        let opened = AppState::from_link(&decode(&link), Lang::Da);
        assert_eq!(opened, AppState { notice: None, ..s });
    }

    #[test]
    fn every_chart_has_one_id_and_is_offered_to_embed_by_one_view() {
        use crate::embed::{embed_choices, embed_title};
        let mut offered: Vec<ChartId> = Vec::new();
        for view in [View::Casework, View::Pb, View::Together] {
            let choices = embed_choices(view);
            assert_eq!(choices[0], Embed::Widget, "{view:?}");
            offered.extend(choices[1..].iter().map(|e| match e {
                Embed::Chart(c) => *c,
                Embed::Widget => panic!("the widget twice in {view:?}"),
            }));
        }
        offered.sort_by_key(|c| c.id());
        let mut all = ChartId::ALL.to_vec();
        all.sort_by_key(|c| c.id());
        assert_eq!(offered, all, "each chart offered by exactly one view");
        for c in ChartId::ALL {
            assert!(c.id().starts_with("chart-"), "{c:?}");
            assert_eq!(ChartId::from_id(c.id()), Some(c));
            let e = Embed::Chart(c);
            assert_eq!(Embed::from_key(e.key()), Some(e));
            for lang in Lang::ALL {
                assert!(!embed_title(e, lang).is_empty(), "{c:?}");
            }
        }
        assert_eq!(Embed::from_key("widget"), Some(Embed::Widget));
        assert_eq!(Embed::from_key("chart-x"), None);
    }

    #[test]
    fn bad_settings_are_named_and_skipped() {
        let d = decode("?v=1&lang=xx&view=nowhere&runs=5&area=moon&embed=chart-x&pb.share=0.02");
        assert_eq!(
            AppState::from_link(&decode("?embed=chart-trust"), Lang::En).embed,
            Some(Embed::Chart(ChartId::Trust))
        );
        let s = AppState::from_link(&d, Lang::En);
        assert_eq!(s.scenario.get(P::PbShare), 0.02);
        // The view could not be read; the link's figures are participatory budgeting's, so it opens there.
        assert_eq!((s.view, s.runs, s.area.id), (View::Pb, AppState::default().runs, "adults"));
        let case = AppState::from_link(&decode("?v=1&view=casewrk&case.extra_time=0.5"), Lang::En);
        assert_eq!(case.view, View::Casework);
        assert_eq!(AppState::from_link(&decode("?v=1&lang=en"), Lang::En).view, View::Overview);
        let keys: Vec<String> = s.link_problems.iter().map(|p| p.message(Lang::En)).collect();
        assert_eq!(keys.len(), 5, "{keys:?}");
        for k in ["lang=\"xx\"", "view=\"nowhere\"", "runs=\"5\"", "area=\"moon\"", "embed=\"chart-x\""] {
            assert!(keys.iter().any(|m| m.contains(k)), "{k} missing in {keys:?}");
        }
        let closed = s.apply(Action::DismissLinkProblems).unwrap();
        assert!(closed.link_problems.is_empty());
        assert_eq!(closed.apply(Action::DismissLinkProblems), None);
    }
}
