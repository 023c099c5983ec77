//! The root UI state, its actions and the reducer: pure, so it is tested natively.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::{Lang, Texts};

/// A view of the app. Navigation lists exactly these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    How,
    Sources,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 3] = [View::Overview, View::How, View::Sources];

    /// The value of the `view` query parameter.
    pub fn code(self) -> &'static str {
        match self {
            View::Overview => "overview",
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
            View::How => t.nav_how,
            View::Sources => t.nav_sources,
        }
    }
}

/// Everything the root component renders from.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AppState {
    pub lang: Lang,
    pub view: View,
}

/// Something the user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    Show(View),
}

impl AppState {
    /// The state after `action`, or `None` when the action changes nothing (so Yew skips the
    /// re-render).
    pub fn apply(&self, action: Action) -> Option<AppState> {
        match action {
            Action::SetLang(lang) if lang != self.lang => Some(AppState {
                lang,
                ..self.clone()
            }),
            Action::Show(view) if view != self.view => Some(AppState {
                view,
                ..self.clone()
            }),
            _ => None,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_that_change_nothing_keep_the_same_rc() {
        let s = Rc::new(AppState::default());
        let same = s.clone().reduce(Action::Show(View::Overview));
        assert!(Rc::ptr_eq(&s, &same));
        let same = s.clone().reduce(Action::SetLang(Lang::En));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn actions_change_one_field() {
        let s = Rc::new(AppState::default());
        let da = s.clone().reduce(Action::SetLang(Lang::Da));
        assert_eq!(da.lang, Lang::Da);
        assert_eq!(da.view, View::Overview);
        let how = da.reduce(Action::Show(View::How));
        assert_eq!((how.lang, how.view), (Lang::Da, View::How));
    }

    #[test]
    fn view_codes_round_trip_and_unknown_is_none() {
        for v in View::ALL {
            assert_eq!(View::parse(v.code()), Some(v));
        }
        assert_eq!(View::parse("nope"), None);
    }
}
