//! Casework quality (MODEL.md section 1; equations in docs/MODEL.md): the inputs of a run, the
//! error curve, how extra time is given, and the cost categories. The monthly loop that uses them
//! is in [`super::sim`].
//!
//! Decisions are made, some wrongly (most wrong decisions give too little, some too much); some are
//! appealed, reconsidered, sent to the appeals board, overturned, remanded and decided again.
//! Citizens without the right help cost the help itself (owed or not owed), escalation and failure
//! demand; complaints raise sick leave, which cuts capacity.

use super::num;
use super::params::P;
use super::pb::PbInputs;
use super::scenario::{propensities, Scenario};
use super::trust::TrustInputs;

/// How the extra time is paid for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Funding {
    /// New staff cover the extra hours (capacity follows demand).
    Hire,
    /// No new staff: capacity stays at today's; time per case is squeezed when it falls short, and
    /// below the floor a backlog forms.
    Absorb,
}

impl Funding {
    /// In the order of the parameter's choices (`case.funding`: `hire`, `absorb`).
    pub const ALL: [Funding; 2] = [Funding::Hire, Funding::Absorb];

    /// The key in scenario files and links.
    pub fn key(self) -> &'static str {
        match self {
            Funding::Hire => "hire",
            Funding::Absorb => "absorb",
        }
    }

    /// The scenario's choice.
    pub fn of(s: &Scenario) -> Funding {
        // A scenario holds a valid choice index (checked where values are set), as `choice` reads.
        Funding::ALL[s.get(P::Funding) as usize]
    }
}

/// The least time per decision squeezing can reach, as extra-time share (half of today's).
pub const SQUEEZE_FLOOR: f64 = -0.5;

/// Everything one run needs, taken from a scenario (possibly a Monte Carlo draw).
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub horizon: usize,
    /// New decisions per month: the scenario's own figure, or residents x decisions per 10,000.
    pub decisions: f64,
    pub hours: f64,
    pub extra_time: f64,
    pub hourly_cost: f64,
    pub funding: Funding,
    /// Months until new staff start (`hire`), and months until they work at full effect.
    pub recruitment: f64,
    pub onboarding: f64,
    pub error_rate: f64,
    pub fixable: f64,
    pub time_effect: f64,
    pub appeal_wrong: f64,
    pub appeal_right: f64,
    pub remand: f64,
    pub detection: f64,
    pub board_delay: f64,
    pub recon_delay: f64,
    pub recon_hours: f64,
    pub redecision_delay: f64,
    pub rework_hours: f64,
    pub wrong_exit: f64,
    /// Share of wrong decisions that give too little (the rest give too much).
    pub under_grant: f64,
    /// The help itself (currency per citizen-month).
    pub help_cost: f64,
    pub escalation: f64,
    pub contacts: f64,
    pub contact_hours: f64,
    pub distrust: f64,
    pub sick0: f64,
    pub sick_conflict: f64,
    pub trust: TrustInputs,
    pub pb: PbInputs,
}

impl Inputs {
    /// The inputs of a scenario. Observables that are impossible (possible only in a Monte Carlo
    /// draw, never in a validated scenario) are repaired by capping the propensities at 1.
    pub fn from_scenario(s: &Scenario) -> Inputs {
        let g = |p: P| s.get(p);
        let (e0, a, o, d) = (g(P::ErrorRate), g(P::AppealRate), g(P::OverturnShare), g(P::BoardDetection));
        let prop = propensities(e0, a, o.min(d), d).unwrap_or_else(|_| {
            let wrong = (o.min(d) * a / (e0 * d)).min(1.0);
            let right = num::clamp((a - e0 * wrong) / (1.0 - e0), 0.0, 1.0);
            super::scenario::Propensities { wrong, right }
        });
        Inputs {
            horizon: g(P::Horizon) as usize,
            decisions: decisions_per_month(s),
            hours: g(P::HoursPerDecision),
            extra_time: g(P::ExtraTime),
            hourly_cost: g(P::HourlyCost),
            funding: Funding::of(s),
            recruitment: g(P::RecruitmentMonths),
            onboarding: g(P::OnboardingMonths),
            error_rate: e0,
            fixable: g(P::FixableShare),
            time_effect: g(P::TimeEffect),
            appeal_wrong: prop.wrong,
            appeal_right: prop.right,
            remand: g(P::RemandShare),
            detection: d,
            board_delay: g(P::BoardDelay),
            recon_delay: g(P::ReconsiderationMonths),
            recon_hours: g(P::ReconsiderationHours),
            redecision_delay: g(P::RedecisionMonths),
            rework_hours: g(P::ReworkHours),
            wrong_exit: g(P::WrongExitMonths),
            under_grant: g(P::UnderGrantShare),
            help_cost: g(P::HelpCost),
            escalation: g(P::EscalationCost),
            contacts: g(P::FailureContacts),
            contact_hours: g(P::ContactHours),
            distrust: g(P::DistrustAppeals),
            sick0: g(P::SickLeave),
            sick_conflict: g(P::SickConflict),
            trust: TrustInputs {
                adults: (g(P::Population) * g(P::AdultShare)).max(1.0),
                trust0: g(P::Trust0),
                reach: g(P::TrustReach),
                negative: g(P::TrustNegative),
                positive: g(P::TrustPositive),
                memory: g(P::TrustMemory),
            },
            pb: PbInputs::from_scenario(s),
        }
    }

    /// Error share at extra-time share `x`: `e0 * ((1-f) + f*exp(-k*x))`, at most 0.95.
    /// Never rises with more time (k >= 0); rises when time is squeezed (x < 0). Returns diminish:
    /// each further hour removes fewer errors (`d e/dx` shrinks by `exp(-k*x)`), and at most the
    /// fixable share `f` can be removed. (`libm` rather than the platform's maths library: the same
    /// bits natively and in wasm.)
    pub fn error_share(&self, x: f64) -> f64 {
        num::clamp(
            self.error_rate * ((1.0 - self.fixable) + self.fixable * libm::exp(-self.time_effect * x)),
            0.0,
            0.95,
        )
    }

    /// In `hire` mode: the extra-time share that works in month `month` (1-based) when `x` is
    /// wanted, and the share that is paid. New staff start after the recruitment lag, paid in full
    /// from then on; they give half the effect in their first month, rising to the full effect
    /// after `onboarding` months. Less time (`x < 0`) takes effect at once and is not paid.
    pub fn hired_time(&self, x: f64, month: usize) -> (f64, f64) {
        if x <= 0.0 {
            return (x, 0.0);
        }
        let since = month as f64 - self.recruitment;
        if since <= 0.0 {
            return (0.0, 0.0);
        }
        // `since` is in (0, 1] in the first month after a fractional lag.
        let effect = if self.onboarding <= 0.0 {
            1.0
        } else {
            num::min(0.5 + 0.5 * num::max(since - 1.0, 0.0) / self.onboarding, 1.0)
        };
        (x * effect, x)
    }
}

/// Decisions per month: the scenario's own figure, or (when it is 0) residents x decisions per
/// 10,000 residents, so a council that types its population gets its own volume.
pub fn decisions_per_month(s: &Scenario) -> f64 {
    let own = s.get(P::DecisionsPerMonth);
    if own > 0.0 {
        own
    } else {
        s.get(P::Population) * s.get(P::DecisionsPer10k) / 10_000.0
    }
}

/// The cost tiers a payback is shown on, each adding to the one before: the cash the council books
/// (caseworker time, extra staff, reconsideration, rework, the help itself), then failure demand
/// (repeat contacts, an assumption), then escalating needs (an assumption).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Cash,
    FailureDemand,
    Escalation,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Cash, Tier::FailureDemand, Tier::Escalation];
}

/// One value per [`Tier`].
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Tiers<T> {
    /// On the cash the council books.
    pub cash: T,
    /// Adding failure demand.
    pub with_failure_demand: T,
    /// Adding failure demand and escalation: every cost category.
    pub with_escalation: T,
}

impl<T> Tiers<T> {
    pub fn at(&self, t: Tier) -> &T {
        match t {
            Tier::Cash => &self.cash,
            Tier::FailureDemand => &self.with_failure_demand,
            Tier::Escalation => &self.with_escalation,
        }
    }

    pub fn at_mut(&mut self, t: Tier) -> &mut T {
        match t {
            Tier::Cash => &mut self.cash,
            Tier::FailureDemand => &mut self.with_failure_demand,
            Tier::Escalation => &mut self.with_escalation,
        }
    }

    pub fn from_fn(mut f: impl FnMut(Tier) -> T) -> Tiers<T> {
        Tiers { cash: f(Tier::Cash), with_failure_demand: f(Tier::FailureDemand), with_escalation: f(Tier::Escalation) }
    }
}

/// Money per month by category (currency per month). Staff costs include the pay of hours lost to
/// sick leave. Never negative.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Costs {
    /// Caseworker time for new decisions (in `absorb` mode including any extra time and idle hours).
    pub time: f64,
    /// Extra staff hired for the extra time (`hire` mode), paid from their first month.
    pub extra_staff: f64,
    pub reconsideration: f64,
    /// Deciding remanded cases again.
    pub rework: f64,
    /// The help itself paid to the area's citizens: more when wrong decisions give too much, less
    /// while wrong decisions withhold help that is owed.
    pub help: f64,
    pub failure_demand: f64,
    /// Escalating needs of citizens without the right help (an assumption-driven cost).
    pub escalation: f64,
}

impl Costs {
    /// Names of the categories in CSV and JSON, in the order of [`Costs::as_array`].
    pub const KEYS: [&'static str; 7] =
        ["time", "extra_staff", "reconsideration", "rework", "help", "failure_demand", "escalation"];

    pub fn as_array(&self) -> [f64; 7] {
        [
            self.time,
            self.extra_staff,
            self.reconsideration,
            self.rework,
            self.help,
            self.failure_demand,
            self.escalation,
        ]
    }

    pub fn from_array(a: [f64; 7]) -> Costs {
        Costs {
            time: a[0],
            extra_staff: a[1],
            reconsideration: a[2],
            rework: a[3],
            help: a[4],
            failure_demand: a[5],
            escalation: a[6],
        }
    }

    /// Every category, added in [`Costs::KEYS`] order (as `Iterator::sum`, written out: the Monte
    /// Carlo adds it up for every month of every run).
    pub fn total(&self) -> f64 {
        let [a, b, c, d, e, f, g] = self.as_array();
        a + b + c + d + e + f + g
    }

    /// The categories a tier counts: the cash the council books, then failure demand, then
    /// escalation.
    pub fn tier(&self, t: Tier) -> f64 {
        self.tiers()[t as usize]
    }

    /// [`Costs::tier`] of every tier, in [`Tier::ALL`] order.
    pub fn tiers(&self) -> [f64; 3] {
        let cash = self.time + self.extra_staff + self.reconsideration + self.rework + self.help;
        let with_failure_demand = cash + self.failure_demand;
        [cash, with_failure_demand, with_failure_demand + self.escalation]
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn funding_is_the_parameters_choice() {
        use crate::model::params::PARAMS;
        let keys: Vec<&str> = Funding::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys, PARAMS[P::Funding as usize].choices);
        for (i, f) in Funding::ALL.into_iter().enumerate() {
            let mut s = Scenario::default();
            s.set(P::Funding, i as f64).unwrap();
            assert_eq!(s.choice(P::Funding), f.key());
            assert_eq!(Funding::of(&s), f);
            assert_eq!(Inputs::from_scenario(&s).funding, f);
        }
    }

    use super::*;

    fn inputs() -> Inputs {
        Inputs::from_scenario(&Scenario::default())
    }

    #[test]
    fn error_share_never_rises_with_more_time() {
        let i = inputs();
        let mut prev = f64::INFINITY;
        for step in 0..=250 {
            let x = -0.5 + step as f64 * 0.01;
            let e = i.error_share(x);
            assert!(e <= prev + 1e-15, "error share rose at x = {x}");
            prev = e;
        }
    }

    #[test]
    fn hired_time_waits_for_recruitment_and_grows_with_onboarding() {
        let i = inputs(); // 3 months to recruit, 6 to full effect
        assert_eq!(i.hired_time(0.25, 3), (0.0, 0.0));
        assert_eq!(i.hired_time(0.25, 4), (0.125, 0.25));
        assert!(i.hired_time(0.25, 6).0 > 0.125 && i.hired_time(0.25, 6).0 < 0.25);
        assert_eq!(i.hired_time(0.25, 10), (0.25, 0.25));
        assert_eq!(i.hired_time(-0.3, 1), (-0.3, 0.0));
        // A fractional lag: the first month with staff gives half the effect, never less.
        let j = Inputs { recruitment: 0.9, onboarding: 0.2, ..i };
        assert_eq!(j.hired_time(0.8, 1), (0.4, 0.8));
    }

    #[test]
    fn decisions_follow_the_population_unless_the_council_gives_its_own() {
        let mut s = Scenario::default();
        assert_eq!(decisions_per_month(&s), 200.0);
        s.set(P::Population, 60_000.0).unwrap();
        assert_eq!(decisions_per_month(&s), 240.0);
        s.set(P::DecisionsPerMonth, 150.0).unwrap();
        assert_eq!(decisions_per_month(&s), 150.0);
    }
}
