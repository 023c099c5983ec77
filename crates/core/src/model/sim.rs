//! The monthly loop (MODEL.md "Time and structure"): one run of casework, participatory budgeting
//! and the trust stock they share, month by month, in expected values (fractional cases), so the
//! same inputs always give the same months. Casework's parts are in [`super::casework`], PB's in
//! [`super::pb`], trust's in [`super::trust`]; this file only drives them.

use super::casework::{Costs, Funding, Inputs, SQUEEZE_FLOOR};
use super::num;
use super::pb::{PbMonth, PbState};
use super::trust::{self, TrustFlows};

/// One month of one run. Counts are expected numbers of cases (not rounded).
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Month {
    /// Month number, 1-based.
    pub month: u32,
    /// Extra-time share actually given (after recruitment, onboarding or squeezing).
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
    /// Of those, citizens going without help they are owed (wrong decisions that give too little,
    /// and the backlog at the same share).
    pub owed_help: f64,
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
    num::min(1.0 / months, 1.0)
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
    let load = (aw + ar + overturns + waiting * i.contacts) / num::max(hours, 1e-9);
    Steady { staff_hours: hours / (1.0 - i.sick0), load, failure_hours, ..s }
}

/// Where a run's months go, one at a time: kept in a list (`Vec<Month>`), or added up as they
/// come (the Monte Carlo's runs keep none, see `run::run_summary_into`).
pub trait Sink {
    fn month(&mut self, m: &Month);
}

impl Sink for Vec<Month> {
    #[inline]
    fn month(&mut self, m: &Month) {
        self.push(*m);
    }
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
    repeat_month(baseline_month(i), i.horizon, out);
}

/// `out` becomes `months` copies of `m`, numbered from 1 (the baseline's months).
pub fn repeat_month(m: Month, months: usize, out: &mut Vec<Month>) {
    out.clear();
    out.resize(months, m);
    for (m, month) in out.iter_mut().zip(1..) {
        m.month = month;
    }
}

/// Every month of the baseline: today's steady state (numbered 1).
pub fn baseline_month(i: &Inputs) -> Month {
    let mut one = Vec::with_capacity(1);
    simulate_months(i, 1, 0.0, false, &mut one);
    one[0]
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
    simulate_to(i, extra_time, with_pb, out);
}

/// [`simulate`], each month given to `sink` as it is computed.
pub fn simulate_to(i: &Inputs, extra_time: f64, with_pb: bool, sink: &mut impl Sink) {
    simulate_months(i, i.horizon, extra_time, with_pb, sink);
}

/// [`simulate_to`] for `horizon` months. (Each kind of sink compiles the monthly loop once more:
/// the browser's build uses one, `run`'s tally, for its runs and their baseline.)
pub fn simulate_months(i: &Inputs, horizon: usize, extra_time: f64, with_pb: bool, sink: &mut impl Sink) {
    let st = steady_state(i);
    let (q_recon, q_board) = (outflow_rate(i.recon_delay), outflow_rate(i.board_delay));
    let (q_redo, q_exit) = (outflow_rate(i.redecision_delay), outflow_rate(i.wrong_exit));
    let (mut recon_w, mut recon_r, mut board_w, mut board_r) = (st.recon_w, st.recon_r, st.board_w, st.board_r);
    let (mut remand_queue, mut unappealed, mut backlog) = (st.remand_queue, st.unappealed, 0.0);
    let mut sick = i.sick0;
    let trust0 = i.trust.trust0;
    let mut trust = trust0;
    let mut reactive_hours = st.recon_hours + st.failure_hours;
    let mut pb = PbState::new(&i.pb);
    // Citizens with a live decision in the area (each decision lasts about as long as an
    // undetected error): the help level every decision being right would pay. Only differences
    // between runs matter; this level keeps the help category a cost, never negative.
    let entitled = i.decisions * i.wrong_exit;
    let (mut last_x, mut e) = (0.0, 0.0);

    for m in 1..=horizon {
        // Outflows from the stocks at the start of the month.
        let recon_out_w = recon_w * q_recon;
        let recon_out_r = recon_r * q_recon;
        let board_out_w = board_w * q_board;
        let board_out_r = board_r * q_board;
        let redecisions = remand_queue * q_redo;
        let exits = unappealed * q_exit;

        // Time per decision: what works this month (and what is paid for), or what capacity allows.
        let new_due = i.decisions + backlog;
        let base_hours = new_due * i.hours + redecisions * i.rework_hours;
        let (x, paid_x, made_share) = time_this_month(i, &st, extra_time, m, base_hours, sick, reactive_hours);
        // Remanded cases go first; what is not made waits in the backlog.
        let redo_made = num::min(redecisions * made_share, redecisions);
        let capacity_for_new = num::max(made_share * base_hours - redo_made * i.rework_hours, 0.0);
        let new_made = if i.hours > 0.0 { num::min(capacity_for_new / i.hours, new_due) } else { new_due };
        backlog = new_due - new_made;
        remand_queue += redo_made - redecisions; // unmade redecisions stay queued
        let decisions = new_made + redo_made;

        // The error share changes only while the extra time does (recruitment, onboarding).
        if x != last_x || m == 1 {
            (last_x, e) = (x, i.error_share(x));
        }
        let wrong = decisions * e;
        let right = decisions - wrong;
        let distrust = num::max(1.0 + i.distrust * (trust0 - trust) / trust0, 0.0);
        let aw = wrong * num::min(i.appeal_wrong * distrust, 1.0);
        let ar = right * num::min(i.appeal_right * distrust, 1.0);

        recon_w += aw - recon_out_w;
        recon_r += ar - recon_out_r;
        board_w += recon_out_w - board_out_w;
        board_r += recon_out_r - board_out_r;
        let overturns = board_out_w * i.detection;
        let remands = overturns * i.remand;
        remand_queue += remands - redo_made;
        unappealed += (wrong - aw) + board_out_w * (1.0 - i.detection) - exits;
        let wrong_stock = recon_w + board_w + remand_queue + unappealed;
        let waiting = wrong_stock + backlog;
        // The direction of the errors: help owed and withheld, help given and not owed.
        let owed_help = i.under_grant * waiting;
        let not_owed = (1.0 - i.under_grant) * wrong_stock;

        // Hours by purpose.
        let new_hours = new_made * i.hours;
        let h = Hours {
            new: new_hours,
            extra: new_hours * x,
            recon: (aw + ar) * i.recon_hours,
            rework: redo_made * i.rework_hours * (1.0 + x),
            failure: waiting * i.contacts * i.contact_hours,
        };
        let worked = h.new + h.extra + h.recon + h.rework + h.failure;
        reactive_hours = h.recon + h.failure;

        // Sick leave follows complaint load per worked hour, with a lag of about three months.
        let load = (aw + ar + overturns + waiting * i.contacts) / num::max(worked, 1e-9);
        let target = num::clamp(i.sick0 * (1.0 + i.sick_conflict * (load / num::max(st.load, 1e-12) - 1.0)), 0.0, 0.5);
        sick += (target - sick) / 3.0;

        let paid = i.hourly_cost / (1.0 - sick);
        let help = i.help_cost * num::max(entitled - owed_help + not_owed, 0.0);
        let escalation = waiting * i.escalation;
        let costs = month_costs(i, &st, &h, paid_x, paid, help, escalation);

        let pb_month = if with_pb { pb.step(&i.pb, m, trust) } else { PbMonth::default() };
        let flows =
            trust::flows(&i.trust, trust, wrong - st.wrong, new_made * (1.0 - e) - st.right_new, &pb_month.flows);
        trust = num::clamp(trust + flows.total(), 0.0, 1.0);
        let new_wrong = new_made * e + redo_made * e;
        sink.month(&Month {
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
            owed_help,
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

/// The month's hours by purpose: new decisions at today's time, the extra time on them,
/// reconsiderations, rework of remanded cases, and failure demand (contacts about waiting cases).
struct Hours {
    new: f64,
    extra: f64,
    recon: f64,
    rework: f64,
    failure: f64,
}

/// The time per decision that works this month, the share of it paid as extra staff, and the share
/// of the due work that gets made: hired time follows recruitment and onboarding
/// ([`Inputs::hired_time`]); absorbed time is what today's staff have left after sick leave and
/// reactive work, squeezed down to [`SQUEEZE_FLOOR`], below which not every due decision is made.
fn time_this_month(
    i: &Inputs,
    st: &Steady,
    extra_time: f64,
    m: usize,
    base_hours: f64,
    sick: f64,
    reactive_hours: f64,
) -> (f64, f64, f64) {
    match i.funding {
        Funding::Hire => {
            let (x, paid) = i.hired_time(extra_time, m);
            (x, paid, 1.0)
        }
        Funding::Absorb => {
            let available = num::max(st.staff_hours * (1.0 - sick) - reactive_hours, 0.0);
            let wanted = base_hours * (1.0 + extra_time);
            if available >= wanted || base_hours <= 0.0 {
                (extra_time, 0.0, 1.0)
            } else {
                let x = available / base_hours - 1.0;
                if x >= SQUEEZE_FLOOR {
                    (x, 0.0, 1.0)
                } else {
                    (SQUEEZE_FLOOR, 0.0, available / (base_hours * (1.0 + SQUEEZE_FLOOR)))
                }
            }
        }
    }
}

/// The month's costs by category, `paid` the cost of an hour worked (sick leave included).
fn month_costs(i: &Inputs, st: &Steady, h: &Hours, paid_x: f64, paid: f64, help: f64, escalation: f64) -> Costs {
    match i.funding {
        Funding::Hire => Costs {
            // Less time (x < 0) means fewer hours paid; more time is paid as extra staff.
            time: (h.new + num::min(h.extra, 0.0)) * paid,
            extra_staff: h.new * paid_x * paid,
            reconsideration: h.recon * paid,
            rework: h.rework * paid,
            help,
            failure_demand: h.failure * paid,
            escalation,
        },
        Funding::Absorb => {
            // Today's staff are paid whatever they do; hours not used for the other purposes are
            // counted with decision time (idle capacity).
            let staff_cost = st.staff_hours * i.hourly_cost;
            let other = (h.recon + h.rework + h.failure) * paid;
            Costs {
                time: num::max(staff_cost - other, 0.0),
                extra_staff: 0.0,
                reconsideration: h.recon * paid,
                rework: h.rework * paid,
                help,
                failure_demand: h.failure * paid,
                escalation,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::P;
    use crate::model::Scenario;

    #[test]
    fn baseline_stays_at_todays_steady_state() {
        let i = Inputs::from_scenario(&Scenario::default());
        let base = simulate(&i, 0.0, false);
        let first = base[0];
        let last = base[base.len() - 1];
        assert!((last.trust - i.trust.trust0).abs() < 1e-9, "trust drifted: {}", last.trust);
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
}
