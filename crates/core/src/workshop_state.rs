//! The workshop page's state, its actions and their reducer ([`Ws::reduced`]): pure, so it is
//! tested natively. The page (`app::workshop_page`) makes it Yew's reducer and renders it.

use std::rc::Rc;

use crate::i18n::Lang;
use crate::model::{Scenario, P};
use crate::story::{ChartKind, Story};
use crate::workshop::{self, texts, Part};

/// The replay's speeds: milliseconds per year shown.
pub const SPEEDS: [i32; 3] = [1600, 900, 450];

/// The workshop's state; one reducer, so keyboard shortcuts always act on the latest state.
#[derive(Clone, PartialEq)]
pub struct Ws {
    pub lang: Lang,
    pub mode: Part,
    pub stories: Rc<Vec<Story>>,
    pub story: usize,
    pub step: usize,
    /// Levers moved on top of the story step (or the defaults, in free play).
    pub moved: Vec<(P, f64)>,
    pub refusals: u32,
    /// The scenario before the last change, for "replay the last change".
    pub before: Option<Rc<Scenario>>,
    pub replaying: bool,
    /// Years shown while playing (`None`: all).
    pub year: Option<usize>,
    pub playing: bool,
    pub speed: usize,
    pub guesses: Vec<f64>,
    pub revealed: bool,
    pub levers: bool,
    pub qr: bool,
    pub free_chart: ChartKind,
    pub groups: Rc<Vec<(String, String)>>,
    /// Per group, whether its lines are in the board's charts.
    pub in_charts: Vec<bool>,
    pub story_errors: Vec<String>,
    pub message: String,
}

pub enum Act {
    Lang(Lang),
    Mode(Part),
    Story(usize),
    Step(isize),
    Imported(Result<Story, Vec<String>>),
    Lever(P, f64),
    Chart(ChartKind),
    Play,
    Tick(usize),
    Speed(usize),
    Replay,
    /// A guess as read, or the message saying why it could not be.
    Guess(Result<f64, String>),
    Reveal,
    Levers,
    Qr,
    Groups(Vec<(String, String)>, bool),
    /// Put a group's lines in the board's charts, or take them out.
    InCharts(usize),
}

impl Ws {
    /// The page as an address opens it: language, part, the story by id (else the first) and
    /// its step (from 1, held within the story), the board's groups (at most
    /// [`workshop::MAX_GROUPS`]; the first [`workshop::CHART_GROUPS`] in the charts).
    pub fn new(
        lang: Lang,
        mode: Part,
        stories: Vec<Story>,
        story_id: Option<&str>,
        step: usize,
        groups: Vec<(String, String)>,
    ) -> Ws {
        let story = story_id.and_then(|id| stories.iter().position(|s| s.id == id)).unwrap_or(0);
        let steps = stories.get(story).map_or(1, |s| s.steps.len());
        Ws {
            lang,
            mode,
            stories: Rc::new(stories),
            story,
            step: step.clamp(1, steps) - 1,
            moved: Vec::new(),
            refusals: 0,
            before: None,
            replaying: false,
            year: None,
            playing: false,
            speed: 1,
            guesses: Vec::new(),
            revealed: false,
            levers: false,
            qr: false,
            free_chart: ChartKind::Trust,
            in_charts: (0..groups.len().min(workshop::MAX_GROUPS)).map(|i| i < workshop::CHART_GROUPS).collect(),
            groups: Rc::new(groups.into_iter().take(workshop::MAX_GROUPS).collect()),
            story_errors: Vec::new(),
            message: String::new(),
        }
    }

    /// The scenario on screen.
    pub fn scenario(&self) -> Scenario {
        let mut s = match self.mode {
            Part::Stories => self.stories.get(self.story).map(|st| st.scenario_at(self.step)).unwrap_or_default(),
            Part::Free | Part::Board => Scenario::default(),
        };
        let _ = s.set_all(&self.moved);
        s
    }

    /// The chart the current step or free play shows.
    pub fn chart_kind(&self) -> ChartKind {
        match self.mode {
            Part::Stories => {
                self.stories.get(self.story).and_then(|s| s.steps.get(self.step)).map_or(ChartKind::Trust, |s| s.chart)
            }
            Part::Free | Part::Board => self.free_chart,
        }
    }

    /// How far the chart is drawn, in its x steps (`None`: all of it): up to the year being
    /// played, and before the reveal not past what the room is asked to guess.
    pub fn chart_drawn_to(&self) -> Option<usize> {
        let kind = self.chart_kind();
        let hidden = (self.mode == Part::Stories && !self.revealed)
            .then(|| self.stories.get(self.story).and_then(|s| s.steps.get(self.step)).and_then(|s| s.predict.as_ref()))
            .flatten()
            .and_then(|(p, _)| p.shown_before_reveal(kind));
        match (self.year.map(|y| y * workshop::steps_per_year(kind)), hidden) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// A change of scenario: remember the old one for replay, stop playing, clear the round.
    fn changed(mut self, old: Scenario) -> Self {
        if old != self.scenario() {
            self.before = Some(Rc::new(old));
        }
        self.year = None;
        self.playing = false;
        self.replaying = false;
        self.guesses.clear();
        self.revealed = false;
        self
    }
}

impl Ws {
    /// The state after `action`: the same `Rc` when nothing changes (the page's reducer).
    pub fn reduced(self: Rc<Self>, action: Act) -> Rc<Self> {
        let old = self.scenario();
        let mut w = (*self).clone();
        let t = texts(w.lang);
        w.message.clear();
        match action {
            Act::Lang(l) => w.lang = l,
            Act::Mode(m) => {
                w.mode = m;
                w.moved.clear();
                w = w.changed(old);
                w.before = None;
            }
            Act::Story(i) => {
                w.story = i;
                w.step = 0;
                w.moved.clear();
                w = w.changed(old);
                w.before = None;
            }
            Act::Step(d) => {
                let n = w.stories.get(w.story).map_or(1, |s| s.steps.len());
                let next = (w.step as isize + d).clamp(0, n as isize - 1) as usize;
                if w.mode != Part::Stories || next == w.step {
                    return self;
                }
                w.step = next;
                w.moved.clear();
                w = w.changed(old);
            }
            Act::Imported(Ok(story)) => {
                let mut all = (*w.stories).clone();
                all.retain(|s| s.id != story.id);
                all.push(story);
                w.story = all.len() - 1;
                w.stories = Rc::new(all);
                w.step = 0;
                w.mode = Part::Stories;
                w.story_errors.clear();
                w.moved.clear();
                w = w.changed(old);
                w.before = None;
            }
            Act::Imported(Err(errors)) => w.story_errors = errors,
            Act::Lever(p, v) => {
                // The value checked against its range as the app's reducer does (`set_all` takes
                // values already checked); a typed value out of range is refused, not used.
                let mut single = old.clone();
                let Ok(()) = single.set(p, v) else {
                    w.refusals += 1;
                    return Rc::new(w);
                };
                let v = single.get(p);
                let mut moved = w.moved.clone();
                moved.retain(|(q, _)| *q != p);
                moved.push((p, v));
                let mut probe = old.clone();
                if probe.set_all(&moved).is_some() || probe == old {
                    w.refusals += 1;
                    return Rc::new(w);
                }
                w.moved = moved;
                w = w.changed(old);
            }
            Act::Chart(k) => w.free_chart = k,
            // The board has no time to play: ignore the keys there rather than redraw it for nothing.
            Act::Play | Act::Replay if w.mode == Part::Board => return self,
            Act::Play => {
                w.playing = !w.playing;
                if w.playing && w.year.is_none() {
                    w.year = Some(0);
                }
            }
            Act::Tick(total) => {
                if !w.playing {
                    return self;
                }
                let y = w.year.unwrap_or(0) + 1;
                w.year = Some(y.min(total));
                if y >= total {
                    w.playing = false;
                }
            }
            Act::Speed(i) => w.speed = i.min(SPEEDS.len() - 1),
            Act::Replay => match w.before {
                Some(_) => {
                    w.replaying = true;
                    w.year = Some(0);
                    w.playing = true;
                }
                None => w.message = t.nothing_to_replay.to_string(),
            },
            Act::Guess(Ok(g)) if w.guesses.len() < 40 => w.guesses.push(g),
            Act::Guess(Ok(_)) => return self,
            Act::Guess(Err(m)) => w.message = m,
            Act::Reveal => {
                let predicts = w.mode == Part::Stories
                    && w.stories.get(w.story).and_then(|s| s.steps.get(w.step)).is_some_and(|s| s.predict.is_some());
                if !predicts {
                    return self;
                }
                w.revealed = true;
            }
            Act::Levers => w.levers = !w.levers,
            Act::Qr => w.qr = !w.qr,
            Act::Groups(g, any) => {
                if !any {
                    w.message = t.board_none.to_string();
                }
                w.in_charts = (0..g.len()).map(|i| i < workshop::CHART_GROUPS).collect();
                w.groups = Rc::new(g);
            }
            Act::InCharts(i) => match w.in_charts.get_mut(i) {
                Some(on) => *on = !*on,
                None => return self,
            },
        }
        Rc::new(w)
    }
}

/// The workshop page's own address (without `?`): language, part, story and step, and the board's
/// groups, so a reload (or the venue's wifi dropping) loses nothing.
pub fn page_query(w: &Ws) -> String {
    let mut q = crate::compare::page_query(w.lang, &w.groups);
    q.push_str(&format!("&mode={}", w.mode.index()));
    if let Some(s) = w.stories.get(w.story) {
        q.push_str(&format!("&story={}&step={}", s.id, w.step + 1));
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh(story: Option<&str>, step: usize) -> Rc<Ws> {
        Rc::new(Ws::new(Lang::Da, Part::Stories, crate::story::built_in(), story, step, Vec::new()))
    }

    #[test]
    fn the_address_opens_its_story_and_step_held_within_the_story() {
        let stories = crate::story::built_in();
        let last = stories.last().unwrap();
        let w = fresh(Some(&last.id), 99);
        assert_eq!((w.story, w.step), (stories.len() - 1, last.steps.len() - 1));
        let w = fresh(Some("no-such-story"), 0);
        assert_eq!((w.story, w.step), (0, 0));
        let query = page_query(&fresh(Some(&last.id), 2));
        assert!(query.contains(&format!("&story={}&step=2", last.id)), "{query}");
    }

    #[test]
    fn steps_stay_within_the_story_and_an_end_changes_nothing() {
        let w = fresh(None, 1);
        let same = w.clone().reduced(Act::Step(-1));
        assert!(Rc::ptr_eq(&w, &same), "no step before the first");
        let next = w.clone().reduced(Act::Step(1));
        assert_eq!(next.step, 1);
        let n = next.stories[next.story].steps.len();
        let end = next.reduced(Act::Step(100));
        assert_eq!(end.step, n - 1);
        let free = Rc::new(Ws { mode: Part::Free, ..(*w).clone() });
        assert!(Rc::ptr_eq(&free, &free.clone().reduced(Act::Step(1))), "no steps in free play");
    }

    #[test]
    fn a_refused_lever_is_counted_and_changes_nothing_else() {
        let w = fresh(None, 1);
        let refused = w.clone().reduced(Act::Lever(P::ExtraTime, 99.0));
        assert_eq!((refused.refusals, refused.moved.len()), (1, 0));
        assert_eq!(refused.scenario(), w.scenario());
        let moved = refused.reduced(Act::Lever(P::ExtraTime, 0.5));
        assert_eq!(moved.moved, vec![(P::ExtraTime, 0.5)]);
        assert_eq!(moved.scenario().get(P::ExtraTime), 0.5);
        assert!(moved.before.is_some(), "the change can be replayed");
    }

    #[test]
    fn the_chart_stops_short_of_the_answer_until_it_is_revealed_and_at_the_year_played() {
        let stories = crate::story::built_in();
        // A step that asks the room to guess something its chart would show.
        let (si, st, cut) = stories
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.steps.iter().enumerate().map(move |(j, st)| (i, j, st)))
            .find_map(|(i, j, st)| {
                st.predict.as_ref().and_then(|(p, _)| p.shown_before_reveal(st.chart)).map(|c| (i, j, c))
            })
            .expect("a built-in step hides its answer");
        let w = fresh(Some(&stories[si].id), st + 1);
        assert_eq!(w.chart_drawn_to(), Some(cut));
        let revealed = Rc::new(Ws { revealed: true, ..(*w).clone() });
        assert_eq!(revealed.chart_drawn_to(), None, "revealed: all of it");
        let per_year = workshop::steps_per_year(w.chart_kind());
        let playing = Rc::new(Ws { year: Some(1), ..(*revealed).clone() });
        assert_eq!(playing.chart_drawn_to(), Some(per_year), "the year played");
        let both = Rc::new(Ws { year: Some(1000), ..(*w).clone() });
        assert_eq!(both.chart_drawn_to(), Some(cut), "never past the answer before the reveal");
    }

    #[test]
    fn replay_needs_a_change_and_playing_stops_at_the_end() {
        let w = fresh(None, 1);
        let nothing = w.clone().reduced(Act::Replay);
        assert_eq!(nothing.message, texts(Lang::Da).nothing_to_replay);
        let playing = w.reduced(Act::Play);
        assert!(playing.playing && playing.year == Some(0));
        let ticked = playing.reduced(Act::Tick(2)).reduced(Act::Tick(2));
        assert_eq!((ticked.year, ticked.playing), (Some(2), false));
        let still = ticked.clone().reduced(Act::Tick(2));
        assert!(Rc::ptr_eq(&ticked, &still), "no tick while stopped");
    }

    #[test]
    fn the_board_charts_its_first_groups() {
        let groups: Vec<(String, String)> = (0..10).map(|i| (format!("g{i}"), String::new())).collect();
        let w = Rc::new(Ws::new(Lang::En, Part::Board, crate::story::built_in(), None, 1, groups));
        assert_eq!(w.groups.len(), workshop::MAX_GROUPS);
        assert_eq!(w.in_charts.iter().filter(|&&on| on).count(), workshop::CHART_GROUPS);
        let toggled = w.clone().reduced(Act::InCharts(0));
        assert!(!toggled.in_charts[0]);
        assert!(Rc::ptr_eq(&toggled, &toggled.clone().reduced(Act::InCharts(99))));
        assert!(Rc::ptr_eq(&w, &w.clone().reduced(Act::Play)), "the board has no time to play");
    }
}
