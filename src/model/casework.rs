//! Casework quality, month by month (MODEL.md section 1; equations in docs/MODEL.md).
//!
//! Decisions are made, some wrongly; some are appealed, reconsidered, sent to the appeals board,
//! overturned, remanded and decided again (and can be wrong again). Citizens without the right help
//! cost escalation and failure demand; complaints raise sick leave, which cuts capacity; wrong and
//! right decisions move trust, and lower trust raises appeals. The model works in expected values
//! (fractional cases): the same inputs always give the same months.

use super::params::P;
use super::pb::{PbInputs, PbMonth, PbState};
use super::scenario::{propensities, Scenario};

/// How the extra time is paid for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Funding {
    /// New staff cover the extra hours (capacity follows demand).
    Hire,
    /// No new staff: capacity stays at today's; time per case is squeezed when it falls short, and
    /// below the floor a backlog forms.
    Absorb,
}

/// The least time per decision squeezing can reach, as extra-time share (half of today's).
pub const SQUEEZE_FLOOR: f64 = -0.5;

/// Everything one run needs, taken from a scenario (possibly a Monte Carlo draw).
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub horizon: usize,
    pub adults: f64,
    pub trust0: f64,
    pub decisions: f64,
    pub hours: f64,
    pub extra_time: f64,
    pub hourly_cost: f64,
    pub funding: Funding,
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
    pub escalation: f64,
    pub contacts: f64,
    pub contact_hours: f64,
    pub distrust: f64,
    pub sick0: f64,
    pub sick_conflict: f64,
    pub reach: f64,
    pub trust_neg: f64,
    pub trust_pos: f64,
    pub trust_memory: f64,
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
            let right = super::clamp((a - e0 * wrong) / (1.0 - e0), 0.0, 1.0);
            super::scenario::Propensities { wrong, right }
        });
        Inputs {
            horizon: g(P::Horizon) as usize,
            adults: g(P::Population) * g(P::AdultShare),
            trust0: g(P::Trust0),
            decisions: g(P::DecisionsPerMonth),
            hours: g(P::HoursPerDecision),
            extra_time: g(P::ExtraTime),
            hourly_cost: g(P::HourlyCost),
            funding: if s.choice(P::Funding) == "absorb" { Funding::Absorb } else { Funding::Hire },
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
            escalation: g(P::EscalationCost),
            contacts: g(P::FailureContacts),
            contact_hours: g(P::ContactHours),
            distrust: g(P::DistrustAppeals),
            sick0: g(P::SickLeave),
            sick_conflict: g(P::SickConflict),
            reach: g(P::TrustReach),
            trust_neg: g(P::TrustNegative),
            trust_pos: g(P::TrustPositive),
            trust_memory: g(P::TrustMemory),
            pb: PbInputs::from_scenario(s),
        }
    }

    /// (`libm` rather than the platform's maths library: the same bits natively and in wasm.)
    ///
    /// Error share at extra-time share `x`: `e0 * ((1-f) + f*exp(-k*x))`, at most 0.95.
    /// Never rises with more time (k >= 0); rises when time is squeezed (x < 0).
    pub fn error_share(&self, x: f64) -> f64 {
        super::clamp(
            self.error_rate * ((1.0 - self.fixable) + self.fixable * libm::exp(-self.time_effect * x)),
            0.0,
            0.95,
        )
    }
}

/// Money per month by category (currency per month). Staff costs include the pay of hours lost to
/// sick leave.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Costs {
    /// Caseworker time for new decisions (in `absorb` mode including any extra time and idle hours).
    pub time: f64,
    /// Extra staff hired for the extra time (`hire` mode).
    pub extra_staff: f64,
    pub reconsideration: f64,
    /// Deciding remanded cases again.
    pub rework: f64,
    pub failure_demand: f64,
    /// Escalating needs of citizens without the right help (an assumption-driven cost).
    pub escalation: f64,
}

impl Costs {
    /// Names of the categories in CSV and JSON, in the order of [`Costs::as_array`].
    pub const KEYS: [&'static str; 6] =
        ["time", "extra_staff", "reconsideration", "rework", "failure_demand", "escalation"];

    pub fn as_array(&self) -> [f64; 6] {
        [self.time, self.extra_staff, self.reconsideration, self.rework, self.failure_demand, self.escalation]
    }

    pub fn total(&self) -> f64 {
        self.as_array().iter().sum()
    }
}

/// What trust changed by in one month, by mechanism (shares of adults). The trust ledger.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct TrustFlows {
    /// Wrong decisions above (negative) or below (positive) today's level.
    pub wrong_decisions: f64,
    /// Decisions right first time above or below today's level.
    pub right_first_time: f64,
    /// Taking part in participatory budgeting.
    pub pb_participation: f64,
    /// PB projects delivered.
    pub pb_delivered: f64,
    /// Citizens' choices overruled by the council.
    pub pb_overruled: f64,
    /// PB projects not delivered a year after the vote.
    pub pb_broken_promises: f64,
    /// PB stopped after raising expectations.
    pub pb_disappointment: f64,
    /// Drift back towards today's trust.
    pub drift: f64,
}

impl TrustFlows {
    /// Names of the mechanisms in CSV and JSON, in the order of [`TrustFlows::as_array`].
    pub const KEYS: [&'static str; 8] = [
        "wrong_decisions",
        "right_first_time",
        "pb_participation",
        "pb_delivered",
        "pb_overruled",
        "pb_broken_promises",
        "pb_disappointment",
        "drift",
    ];

    pub fn as_array(&self) -> [f64; 8] {
        [
            self.wrong_decisions,
            self.right_first_time,
            self.pb_participation,
            self.pb_delivered,
            self.pb_overruled,
            self.pb_broken_promises,
            self.pb_disappointment,
            self.drift,
        ]
    }

    pub fn total(&self) -> f64 {
        self.as_array().iter().sum()
    }

    /// The casework mechanisms only.
    pub fn casework(&self) -> f64 {
        self.wrong_decisions + self.right_first_time
    }

    /// The participatory budgeting mechanisms only.
    pub fn pb(&self) -> f64 {
        self.pb_participation + self.pb_delivered + self.pb_overruled + self.pb_broken_promises + self.pb_disappointment
    }
}

/// One month of one run. Counts are expected numbers of cases (not rounded).
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Month {
    /// Month number, 1-based.
    pub month: u32,
    /// Extra-time share actually given (after squeezing).
    pub extra_time: f64,
    /// Decisions made: new ones and remanded ones decided again.
    pub decisions: f64,
    pub redecisions: f64,
    /// New decisions waiting for capacity (`absorb` mode).
    pub backlog: f64,
    /// Share of decisions with an outcome-changing error.
    pub error_share: f64,
    pub wrong: f64,
    pub appeals: f64,
    /// Appeals decided by the board this month.
    pub board_decided: f64,
    pub overturns: f64,
    pub remands: f64,
    /// Share of new decisions right the first time.
    pub right_first_time: f64,
    /// Citizens without the right help at the end of the month (wrong decisions not yet put
    /// right, appeals in progress, remands waiting, backlog).
    pub waiting: f64,
    /// Average months a wrong decision leaves a citizen without the right help (Little's law).
    pub wait_months: f64,
    /// Share of staff time lost to sick leave.
    pub sick_leave: f64,
    /// Caseworker hours worked (productive).
    pub hours: f64,
    pub costs: Costs,
    /// Share of adults with high trust, end of month.
    pub trust: f64,
    pub trust_flows: TrustFlows,
    /// Participatory budgeting this month (all zero in the baseline).
    pub pb: PbMonth,
}

/// The steady state of today's casework (no extra time, trust at today's level), from which both
/// the scenario and the baseline start.
#[derive(Clone, Copy, Debug)]
struct Steady {
    recon_w: f64,
    recon_r: f64,
    board_w: f64,
    board_r: f64,
    remand_queue: f64,
    unappealed: f64,
    wrong: f64,
    right_new: f64,
    staff_hours: f64,
    load: f64,
    recon_hours: f64,
    failure_hours: f64,
}

/// The fraction of a first-order delay stock with mean `months` that leaves each month.
fn outflow_rate(months: f64) -> f64 {
    (1.0 / months).min(1.0)
}

fn steady_state(i: &Inputs) -> Steady {
    let e0 = i.error_rate;
    // Decisions including remanded ones decided again: N = D / (1 - e0*a_w*d*r).
    let n = i.decisions / (1.0 - e0 * i.appeal_wrong * i.detection * i.remand);
    let wrong = n * e0;
    let aw = wrong * i.appeal_wrong;
    let ar = n * (1.0 - e0) * i.appeal_right;
    let overturns = aw * i.detection;
    let redecisions = overturns * i.remand;
    let unappealed_in = wrong - aw + aw * (1.0 - i.detection);
    let s = Steady {
        recon_w: aw / outflow_rate(i.recon_delay),
        recon_r: ar / outflow_rate(i.recon_delay),
        board_w: aw / outflow_rate(i.board_delay),
        board_r: ar / outflow_rate(i.board_delay),
        remand_queue: redecisions / outflow_rate(i.redecision_delay),
        unappealed: unappealed_in / outflow_rate(i.wrong_exit),
        wrong,
        right_new: i.decisions * (1.0 - e0),
        staff_hours: 0.0,
        load: 0.0,
        recon_hours: (aw + ar) * i.recon_hours,
        failure_hours: 0.0,
    };
    let waiting = s.recon_w + s.board_w + s.remand_queue + s.unappealed;
    let failure_hours = waiting * i.contacts * i.contact_hours;
    let hours = i.decisions * i.hours + redecisions * i.rework_hours + s.recon_hours + failure_hours;
    let load = (aw + ar + overturns + waiting * i.contacts) / hours.max(1e-9);
    Steady { staff_hours: hours / (1.0 - i.sick0), load, failure_hours, ..s }
}

/// The baseline: no extra time, no participatory budgeting. It starts at today's steady state and
/// stays there, so one month is simulated and repeated (half the work of a Monte Carlo run); a test
/// checks it against the full simulation.
pub fn baseline(i: &Inputs) -> Vec<Month> {
    let mut out = Vec::with_capacity(i.horizon);
    baseline_into(i, &mut out);
    out
}

/// [`baseline`] into a reused buffer.
pub fn baseline_into(i: &Inputs, out: &mut Vec<Month>) {
    let one = Inputs { horizon: 1, ..i.clone() };
    simulate_into(&one, 0.0, false, out);
    let first = out[0];
    out.clear();
    out.extend((1..=i.horizon as u32).map(|month| Month { month, ..first }));
}

/// Simulate `i.horizon` months with extra-time share `extra_time`, with or without participatory
/// budgeting (the baseline passes 0 and `false`).
pub fn simulate(i: &Inputs, extra_time: f64, with_pb: bool) -> Vec<Month> {
    let mut out = Vec::with_capacity(i.horizon);
    simulate_into(i, extra_time, with_pb, &mut out);
    out
}

/// [`simulate`] into a reused buffer (cleared first): Monte Carlo runs allocate nothing per run.
pub fn simulate_into(i: &Inputs, extra_time: f64, with_pb: bool, out: &mut Vec<Month>) {
    out.clear();
    let st = steady_state(i);
    let (q_recon, q_board) = (outflow_rate(i.recon_delay), outflow_rate(i.board_delay));
    let (q_redo, q_exit) = (outflow_rate(i.redecision_delay), outflow_rate(i.wrong_exit));
    let (mut recon_w, mut recon_r, mut board_w, mut board_r) = (st.recon_w, st.recon_r, st.board_w, st.board_r);
    let (mut remand_queue, mut unappealed, mut backlog) = (st.remand_queue, st.unappealed, 0.0);
    let mut sick = i.sick0;
    let mut trust = i.trust0;
    let mut reactive_hours = st.recon_hours + st.failure_hours;
    let mut pb = PbState::new(&i.pb);

    for m in 1..=i.horizon {
        // Outflows from the stocks at the start of the month.
        let recon_out_w = recon_w * q_recon;
        let recon_out_r = recon_r * q_recon;
        let board_out_w = board_w * q_board;
        let board_out_r = board_r * q_board;
        let redecisions = remand_queue * q_redo;
        let exits = unappealed * q_exit;

        // Time per decision: what is wanted, or what capacity allows.
        let new_due = i.decisions + backlog;
        let base_hours = new_due * i.hours + redecisions * i.rework_hours;
        let (x, made_share) = match i.funding {
            Funding::Hire => (extra_time, 1.0),
            Funding::Absorb => {
                let available = (st.staff_hours * (1.0 - sick) - reactive_hours).max(0.0);
                let wanted = base_hours * (1.0 + extra_time);
                if available >= wanted || base_hours <= 0.0 {
                    (extra_time, 1.0)
                } else {
                    let x = available / base_hours - 1.0;
                    if x >= SQUEEZE_FLOOR {
                        (x, 1.0)
                    } else {
                        (SQUEEZE_FLOOR, available / (base_hours * (1.0 + SQUEEZE_FLOOR)))
                    }
                }
            }
        };
        // Remanded cases go first; what is not made waits in the backlog.
        let redo_made = (redecisions * made_share).min(redecisions);
        let capacity_for_new = (made_share * base_hours - redo_made * i.rework_hours).max(0.0);
        let new_made = if i.hours > 0.0 { (capacity_for_new / i.hours).min(new_due) } else { new_due };
        backlog = new_due - new_made;
        remand_queue += redo_made - redecisions; // unmade redecisions stay queued
        let decisions = new_made + redo_made;

        let e = i.error_share(x);
        let wrong = decisions * e;
        let right = decisions - wrong;
        let distrust = (1.0 + i.distrust * (i.trust0 - trust) / i.trust0).max(0.0);
        let aw = wrong * (i.appeal_wrong * distrust).min(1.0);
        let ar = right * (i.appeal_right * distrust).min(1.0);

        recon_w += aw - recon_out_w;
        recon_r += ar - recon_out_r;
        board_w += recon_out_w - board_out_w;
        board_r += recon_out_r - board_out_r;
        let overturns = board_out_w * i.detection;
        let remands = overturns * i.remand;
        remand_queue += remands - redo_made;
        unappealed += (wrong - aw) + board_out_w * (1.0 - i.detection) - exits;
        let waiting = recon_w + board_w + remand_queue + unappealed + backlog;

        // Hours by purpose.
        let new_hours = new_made * i.hours;
        let extra_hours = new_hours * x;
        let recon_hours = (aw + ar) * i.recon_hours;
        let rework_hours = redo_made * i.rework_hours * (1.0 + x);
        let failure_hours = waiting * i.contacts * i.contact_hours;
        let worked = new_hours + extra_hours + recon_hours + rework_hours + failure_hours;
        reactive_hours = recon_hours + failure_hours;

        // Sick leave follows complaint load per worked hour, with a lag of about three months.
        let load = (aw + ar + overturns + waiting * i.contacts) / worked.max(1e-9);
        let target = super::clamp(i.sick0 * (1.0 + i.sick_conflict * (load / st.load.max(1e-12) - 1.0)), 0.0, 0.5);
        sick += (target - sick) / 3.0;

        let paid = i.hourly_cost / (1.0 - sick);
        let costs = match i.funding {
            Funding::Hire => Costs {
                time: new_hours * paid,
                extra_staff: extra_hours * paid,
                reconsideration: recon_hours * paid,
                rework: rework_hours * paid,
                failure_demand: failure_hours * paid,
                escalation: waiting * i.escalation,
            },
            Funding::Absorb => {
                // Today's staff are paid whatever they do; hours not used for the other purposes are
                // counted with decision time (idle capacity).
                let staff_cost = st.staff_hours * i.hourly_cost;
                let other = (recon_hours + rework_hours + failure_hours) * paid;
                Costs {
                    time: (staff_cost - other).max(0.0),
                    extra_staff: 0.0,
                    reconsideration: recon_hours * paid,
                    rework: rework_hours * paid,
                    failure_demand: failure_hours * paid,
                    escalation: waiting * i.escalation,
                }
            }
        };

        let pb_month = if with_pb { pb.step(&i.pb, m, trust) } else { PbMonth::default() };
        let flows = trust_flows(i, &st, trust, wrong, new_made * (1.0 - e), &pb_month);
        trust = super::clamp(trust + flows.total(), 0.0, 1.0);
        let new_wrong = new_made * e + redo_made * e;
        out.push(Month {
            month: m as u32,
            extra_time: x,
            decisions,
            redecisions: redo_made,
            backlog,
            error_share: e,
            wrong,
            appeals: aw + ar,
            board_decided: board_out_w + board_out_r,
            overturns,
            remands,
            right_first_time: 1.0 - e,
            waiting,
            wait_months: if new_wrong > 0.0 { waiting / new_wrong } else { 0.0 },
            sick_leave: sick,
            hours: worked,
            costs,
            trust,
            trust_flows: flows,
            pb: pb_month,
        });
    }
}

/// Trust flows of one month: experiences relative to today's level (today's trust already
/// reflects today's error level), bounded so trust stays within [0, 1], plus drift back.
fn trust_flows(i: &Inputs, st: &Steady, trust: f64, wrong: f64, right_new: f64, pb: &PbMonth) -> TrustFlows {
    let adults = i.adults.max(1.0);
    // People reached, as a share of adults, by the change in bad and good experiences.
    let d_wrong = super::clamp((wrong - st.wrong) * i.reach / adults, -1.0, 1.0);
    let d_right = super::clamp((right_new - st.right_new) * i.reach / adults, -1.0, 1.0);
    // More bad experiences move high-trust people to low; fewer spare them (bounded by 1 - trust).
    let wrong_flow =
        if d_wrong > 0.0 { -i.trust_neg * d_wrong * trust } else { -i.trust_neg * d_wrong * (1.0 - trust) };
    let right_flow = if d_right > 0.0 { i.trust_pos * d_right * (1.0 - trust) } else { i.trust_pos * d_right * trust };
    let drift = (i.trust0 - trust) / i.trust_memory;
    let flows = TrustFlows {
        wrong_decisions: wrong_flow,
        right_first_time: right_flow,
        pb_participation: pb.flows.participation,
        pb_delivered: pb.flows.delivered,
        pb_overruled: pb.flows.overruled,
        pb_broken_promises: pb.flows.broken_promises,
        pb_disappointment: pb.flows.disappointment,
        drift,
    };
    // Keep trust within [0, 1] by scaling all flows together, so the ledger still sums exactly.
    let total = flows.total();
    let next = trust + total;
    let scale = if next > 1.0 {
        (1.0 - trust) / total
    } else if next < 0.0 {
        -trust / total
    } else {
        return flows;
    };
    let a = flows.as_array().map(|f| f * scale);
    TrustFlows {
        wrong_decisions: a[0],
        right_first_time: a[1],
        pb_participation: a[2],
        pb_delivered: a[3],
        pb_overruled: a[4],
        pb_broken_promises: a[5],
        pb_disappointment: a[6],
        drift: a[7],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> Inputs {
        Inputs::from_scenario(&Scenario::default())
    }

    #[test]
    fn baseline_stays_at_todays_steady_state() {
        let i = inputs();
        let base = simulate(&i, 0.0, false);
        let first = base[0];
        let last = base[base.len() - 1];
        assert!((last.trust - i.trust0).abs() < 1e-9, "trust drifted: {}", last.trust);
        assert!((last.waiting - first.waiting).abs() < 1e-6 * first.waiting);
        assert!((last.costs.total() - first.costs.total()).abs() < 1e-6 * first.costs.total());
    }

    #[test]
    fn the_repeated_baseline_is_the_simulated_one() {
        for funding in [0.0, 1.0] {
            let mut s = Scenario::default();
            s.set(P::Funding, funding).unwrap();
            s.set(P::Horizon, 120.0).unwrap();
            let i = Inputs::from_scenario(&s);
            let (fast, full) = (baseline(&i), simulate(&i, 0.0, false));
            assert_eq!(fast.len(), full.len());
            for (a, b) in fast.iter().zip(&full) {
                assert_eq!(a.month, b.month);
                assert!((a.trust - b.trust).abs() < 1e-12);
                assert!((a.waiting - b.waiting).abs() <= 1e-9 * b.waiting);
                assert!((a.costs.total() - b.costs.total()).abs() <= 1e-9 * b.costs.total());
                assert!((a.overturns - b.overturns).abs() <= 1e-9 * b.overturns);
            }
        }
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
}
