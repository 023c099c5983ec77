//! Participatory budgeting: annual cycles inside the monthly clock (MODEL.md section 2; equations in
//! docs/MODEL.md). A share of the operating budget is handed to citizens each year: some adults
//! vote, projects are funded, overruled, delivered or left overdue, volunteers join in, and each of
//! these moves trust. Turnout depends on the pot's share, community size, trust, outreach and
//! maturity (which grows with kept promises and falls with broken ones).

use super::num;
use super::params::P;
use super::scenario::Scenario;

/// Everything the PB part needs, taken from a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct PbInputs {
    pub share: f64,
    pub budget: f64,
    pub population: f64,
    pub adults: f64,
    pub trust0: f64,
    pub first_vote: usize,
    pub cycles: usize,
    pub process_cost_share: f64,
    pub outreach: f64,
    pub in_person: f64,
    pub override_share: f64,
    pub delivery_rate: f64,
    pub project_cost: f64,
    pub turnout_max: f64,
    pub share_half: f64,
    pub size_elasticity: f64,
    pub first_maturity: f64,
    pub maturity_growth: f64,
    pub maturity_loss: f64,
    pub trust_sensitivity: f64,
    pub outreach_turnout: f64,
    pub online_turnout: f64,
    pub representation_base: f64,
    pub outreach_representation: f64,
    pub in_person_representation: f64,
    pub rarely_heard_share: f64,
    pub repeat_factor: f64,
    pub volunteer_hours: f64,
    pub volunteer_value: f64,
    pub election_boost: f64,
    /// People one experience reaches (`trust.reach`): a voter and those who hear of it from them.
    pub trust_reach: f64,
    pub trust_information: f64,
    /// Share of voters who see a project they voted for chosen (`pb.voters_with_winner`): the
    /// voters whom a delivered project pleases.
    pub voters_with_winner: f64,
    pub trust_delivered: f64,
    pub trust_overruled: f64,
    pub trust_broken: f64,
    pub trust_disappointment: f64,
}

/// Most turnout the model allows (share of adults).
pub const TURNOUT_CAP: f64 = 0.9;
/// Outreach at which `pb.turnout_max` was calibrated (the default).
const OUTREACH_REF: f64 = 0.3;
/// Online share of participation at which `pb.turnout_max` applies (the default in-person 30%).
const ONLINE_REF: f64 = 0.7;
/// Pot (in currency) at which `pb.volunteer_hours` applies; returns diminish around it.
const VOLUNTEER_POT_REF: f64 = 1_000_000.0;
/// Elasticity of volunteer hours to the pot: 0.6, so doubling the pot gives about 1.5x the hours.
const VOLUNTEER_ELASTICITY: f64 = 0.6;

impl PbInputs {
    pub fn from_scenario(s: &Scenario) -> PbInputs {
        let g = |p: P| s.get(p);
        PbInputs {
            share: g(P::PbShare),
            budget: g(P::Budget),
            population: g(P::Population),
            adults: (g(P::Population) * g(P::AdultShare)).max(1.0),
            trust0: g(P::Trust0),
            first_vote: g(P::PbFirstVote) as usize,
            cycles: g(P::PbYears) as usize,
            process_cost_share: g(P::PbProcessCost),
            outreach: g(P::PbOutreach),
            in_person: g(P::PbInPerson),
            override_share: g(P::PbOverride),
            delivery_rate: g(P::PbDelivery),
            project_cost: g(P::PbProjectCost),
            turnout_max: g(P::PbTurnoutMax),
            share_half: g(P::PbShareHalf),
            size_elasticity: g(P::PbSizeElasticity),
            first_maturity: g(P::PbFirstMaturity),
            maturity_growth: g(P::PbMaturityGrowth),
            maturity_loss: g(P::PbMaturityLoss),
            trust_sensitivity: g(P::PbTrustSensitivity),
            outreach_turnout: g(P::PbOutreachTurnout),
            online_turnout: g(P::PbOnlineTurnout),
            representation_base: g(P::PbRepresentationBase),
            outreach_representation: g(P::PbOutreachRepresentation),
            in_person_representation: g(P::PbInPersonRepresentation),
            rarely_heard_share: g(P::PbRarelyHeard),
            repeat_factor: g(P::PbRepeatFactor),
            volunteer_hours: g(P::PbVolunteerHours),
            volunteer_value: g(P::PbVolunteerValue),
            election_boost: g(P::PbElectionBoost),
            trust_reach: g(P::TrustReach),
            trust_information: g(P::TrustPbInformation),
            voters_with_winner: g(P::PbVotersWithWinner),
            trust_delivered: g(P::TrustPbDelivered),
            trust_overruled: g(P::TrustPbOverruled),
            trust_broken: g(P::TrustPbBroken),
            trust_disappointment: g(P::TrustPbDisappointment),
        }
    }

    /// The pot of one cycle (currency).
    pub fn pot(&self) -> f64 {
        self.share * self.budget
    }

    /// Turnout (share of adults) of a cycle at maturity `m` and trust `t`.
    pub fn turnout(&self, maturity: f64, trust: f64) -> f64 {
        self.turnout_with(self.turnout_parts(), maturity, trust)
    }

    /// The parts of [`PbInputs::turnout`] that do not change from vote to vote (a run computes them
    /// once): `turnout_max · pot effect · size effect`, and the online effect.
    fn turnout_parts(&self) -> (f64, f64) {
        // libm: the same bits natively and in wasm (same seed, same result everywhere).
        let pot = 1.0 - libm::exp(-self.share / self.share_half);
        let size = libm::pow(self.population / 50_000.0, -self.size_elasticity);
        // Voting online reaches more people than voting in person (Spada et al. 2016).
        let online = libm::exp(self.online_turnout * ((1.0 - self.in_person) - ONLINE_REF));
        (self.turnout_max * pot * size, online)
    }

    fn turnout_with(&self, (fixed, online): (f64, f64), maturity: f64, trust: f64) -> f64 {
        if self.share <= 0.0 {
            return 0.0;
        }
        let trust = libm::pow(trust / self.trust0, self.trust_sensitivity);
        let outreach = num::max(1.0 + self.outreach_turnout * (self.outreach - OUTREACH_REF), 0.0);
        num::clamp(fixed * maturity * trust * outreach * online, 0.0, TURNOUT_CAP)
    }

    /// Representation index of rarely-heard groups (their share among voters / among adults).
    pub fn representation(&self) -> f64 {
        let index = self.representation_base
            + self.outreach_representation * self.outreach
            + self.in_person_representation * self.in_person;
        num::clamp(index, 0.05, 1.0 / self.rarely_heard_share)
    }

    /// Volunteer hours a cycle's project money brings, with diminishing returns as it grows:
    /// `h/1,000 · money · (money/ref)^(e−1)`, written as `h/1,000 · ref^(1−e) · money^e` so a tiny
    /// pot gives a tiny number of hours, never an overflow.
    pub fn volunteer_hours_for(&self, project_money: f64) -> f64 {
        if project_money <= 0.0 {
            return 0.0;
        }
        self.volunteer_hours / 1_000.0
            * libm::pow(VOLUNTEER_POT_REF, 1.0 - VOLUNTEER_ELASTICITY)
            * libm::pow(project_money, VOLUNTEER_ELASTICITY)
    }

    /// The month of each vote (1-based) within `horizon`.
    pub fn vote_months(&self, horizon: usize) -> impl Iterator<Item = usize> + '_ {
        let active = self.share > 0.0;
        (0..self.cycles).map(move |c| self.first_vote + 12 * c).filter(move |&m| active && m <= horizon)
    }
}

/// PB's pushes on trust in one month, before the trust stock bounds them (shares of adults).
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct PbFlows {
    /// Residents who hear of the vote through a participant (the information effect).
    pub information: f64,
    pub delivered: f64,
    pub overruled: f64,
    pub broken_promises: f64,
    pub disappointment: f64,
}

/// One month of PB. Counts are expected numbers (not rounded); flows of the month, stocks at its end.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct PbMonth {
    /// The cycle that voted this month (1-based), 0 when no vote.
    pub cycle: u32,
    /// Turnout of this month's vote (share of adults); 0 without a vote.
    pub turnout: f64,
    pub voters: f64,
    /// Share of adults who have ever taken part.
    pub reach: f64,
    /// Representation index of rarely-heard groups in this month's vote.
    pub representation: f64,
    pub rarely_heard_voters: f64,
    pub maturity: f64,
    /// Projects funded by this month's vote (after the council's overrules).
    pub funded: f64,
    pub overruled: f64,
    pub delivered: f64,
    /// Winning projects not delivered within a year and still waiting (stock).
    pub overdue: f64,
    /// Winning projects inside their first year (stock).
    pub in_progress: f64,
    pub volunteer_hours: f64,
    pub volunteer_value: f64,
    /// Pot handed to projects this month and the cost of running the process (currency).
    pub project_spend: f64,
    pub process_cost: f64,
    /// Extra voters at an ordinary election held now: everyone reached x the turnout boost.
    pub extra_election_voters: f64,
    pub flows: PbFlows,
}

/// What one cycle did, for tables and charts.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Cycle {
    pub cycle: u32,
    pub month: u32,
    pub pot: f64,
    pub turnout: f64,
    pub voters: f64,
    pub reach: f64,
    pub representation: f64,
    pub rarely_heard_voters: f64,
    pub funded: f64,
    pub overruled: f64,
    /// Whether a year has passed since the vote within the horizon (else the next two are 0).
    pub year_complete: bool,
    /// Delivered within a year of the vote.
    pub delivered_in_year: f64,
    /// Not delivered a year after the vote.
    pub overdue_after_year: f64,
    /// Winners still inside their first year at the horizon.
    pub in_first_year: f64,
    pub volunteer_hours: f64,
    pub process_cost_per_voter: f64,
}

/// The PB state carried from month to month.
#[derive(Clone, Debug)]
pub struct PbState {
    maturity: f64,
    reach: f64,
    /// Per cycle: (vote month, voters, winners, delivered so far, volunteer hours per month).
    open: Vec<(usize, f64, f64, f64, f64)>,
    overdue: f64,
    last_vote: Option<usize>,
    votes_left: usize,
    next_cycle: u32,
    /// What is the same at every vote of a run, computed once: [`PbInputs::turnout_parts`], and
    /// the volunteer hours of the last project money seen (money, hours).
    turnout_parts: (f64, f64),
    hours: (f64, f64),
}

impl PbState {
    pub fn new(p: &PbInputs) -> PbState {
        PbState {
            maturity: p.first_maturity,
            reach: 0.0,
            open: Vec::new(),
            overdue: 0.0,
            last_vote: None,
            votes_left: p.cycles,
            next_cycle: 1,
            turnout_parts: if p.share > 0.0 { p.turnout_parts() } else { (0.0, 0.0) },
            hours: (0.0, 0.0),
        }
    }

    /// Advance one month (`month` 1-based) at trust `trust` (start of the month).
    pub fn step(&mut self, p: &PbInputs, month: usize, trust: f64) -> PbMonth {
        if p.share <= 0.0 {
            // No pot, no process: exactly the baseline.
            return PbMonth::default();
        }
        let mut out = PbMonth { maturity: self.maturity, ..PbMonth::default() };
        let mut flows = PbFlows::default();
        // Deliveries of open cycles: the delivered share of winners spread over the year after the
        // vote; what is left after a year becomes overdue, a broken promise.
        let mut delivered = 0.0;
        let mut volunteer_hours = 0.0;
        let mut overdue = 0.0;
        // In place: no allocation per month (Monte Carlo runs this hundreds of thousands of times).
        self.open.retain_mut(|(vote, voters, winners, done, hours)| {
            let age = month - *vote;
            let d = *winners * p.delivery_rate / 12.0;
            delivered += d;
            volunteer_hours += *hours;
            // What voters experience reaches them and those around them (`trust.reach`), good or bad.
            // A delivered project pleases those who voted for a winner (`pb.voters_with_winner`); a
            // process that does not deliver is seen by everyone who took part.
            let heard = *voters * p.trust_reach / p.adults;
            flows.delivered +=
                p.trust_delivered * heard * p.voters_with_winner * (d / num::max(*winners, 1e-12)) * (1.0 - trust);
            if age >= 12 {
                let left = num::max(*winners - *done - d, 0.0);
                overdue += left;
                flows.broken_promises -= p.trust_broken * heard * (left / num::max(*winners, 1e-12)) * trust;
                false
            } else {
                *done += d;
                true
            }
        });
        self.overdue += overdue;
        // Overdue projects get done later, at a mean of another year.
        let late = self.overdue / 12.0;
        self.overdue -= late;
        delivered += late;

        // A vote this month?
        let votes_now = self.votes_left > 0 && month == p.first_vote + 12 * (self.next_cycle as usize - 1);
        if votes_now {
            let turnout = p.turnout_with(self.turnout_parts, self.maturity, trust);
            let voters = turnout * p.adults;
            // Earlier participants are more likely to vote again; the rest are newly reached.
            let r = self.reach;
            let new_share = (1.0 - r) / ((1.0 - r) + p.repeat_factor * r);
            self.reach = num::min(r + turnout * new_share, 1.0);
            let pot = p.pot();
            let project_money = pot * (1.0 - p.process_cost_share);
            let chosen = project_money / p.project_cost;
            let overruled = chosen * p.override_share;
            let winners = chosen - overruled;
            let money = project_money * (1.0 - p.override_share);
            if money != self.hours.0 {
                self.hours = (money, p.volunteer_hours_for(money));
            }
            let hours = self.hours.1 / 12.0;
            self.open.push((month, voters, winners, 0.0, hours));
            out.cycle = self.next_cycle;
            out.turnout = turnout;
            out.voters = voters;
            out.representation = p.representation();
            out.rarely_heard_voters = voters * p.rarely_heard_share * out.representation;
            out.funded = winners;
            out.overruled = overruled;
            out.project_spend = project_money * (1.0 - p.override_share);
            out.process_cost = pot * p.process_cost_share;
            // The information effect (Ardanaz et al. 2023): on the residents who hear of the vote
            // from a voter, not on the voters themselves, whose trust follows what is delivered.
            let hearers = num::clamp((p.trust_reach - 1.0) * voters / p.adults, 0.0, 1.0);
            flows.information += p.trust_information * hearers * (1.0 - trust);
            flows.overruled -= p.trust_overruled * voters * p.trust_reach / p.adults * p.override_share * trust;
            // Maturity for the next cycle: grows towards 1 with kept promises, falls with broken ones
            // (a process that delivers nothing only loses).
            let kept = (1.0 - p.override_share) * p.delivery_rate;
            let next = self.maturity + p.maturity_growth * kept * (1.0 - self.maturity)
                - p.maturity_loss * (1.0 - kept) * self.maturity;
            self.maturity = num::clamp(next, 0.05, 1.0);
            self.last_vote = Some(month);
            self.votes_left -= 1;
            self.next_cycle += 1;
        }
        // PB stopped after raising expectations: those reached are disappointed when the next vote
        // they expected does not come.
        if let Some(last) = self.last_vote {
            if self.votes_left == 0 && month == last + 12 {
                flows.disappointment -= p.trust_disappointment * self.reach * self.maturity * trust;
            }
        }

        out.delivered = delivered;
        out.overdue = self.overdue;
        out.in_progress = self.open.iter().map(|&(_, _, w, done, _)| w - done).sum();
        out.volunteer_hours = volunteer_hours;
        out.volunteer_value = volunteer_hours * p.volunteer_value;
        out.reach = self.reach;
        out.extra_election_voters = self.reach * p.adults * p.election_boost;
        out.flows = flows;
        out
    }
}

/// Summarise the months (each month's PB part, in order) into cycles.
pub fn cycles<'a>(months: impl ExactSizeIterator<Item = &'a PbMonth>, p: &PbInputs) -> Vec<Cycle> {
    let len = months.len();
    let mut hours = None;
    months.enumerate().filter_map(|(i, m)| cycle_of(i, len, m, p, &mut hours)).collect()
}

/// The cycle whose vote was in month `index` (0-based) of `len`, `None` without a vote: [`cycles`]
/// one month at a time. `hours` holds the last project money and its volunteer hours (the money
/// is usually the same every vote: its hours computed again only when it changes).
pub fn cycle_of(index: usize, len: usize, m: &PbMonth, p: &PbInputs, hours: &mut Option<(f64, f64)>) -> Option<Cycle> {
    if m.cycle == 0 {
        return None;
    }
    let volunteer_hours = match *hours {
        Some((money, h)) if money == m.project_spend => h,
        _ => {
            let h = p.volunteer_hours_for(m.project_spend);
            *hours = Some((m.project_spend, h));
            h
        }
    };
    let winners = m.funded;
    let delivered_in_year = num::min(winners * p.delivery_rate, winners);
    let year_done = index + 12 < len;
    Some(Cycle {
        cycle: m.cycle,
        month: index as u32 + 1,
        pot: p.pot(),
        turnout: m.turnout,
        voters: m.voters,
        reach: m.reach,
        representation: m.representation,
        rarely_heard_voters: m.rarely_heard_voters,
        funded: winners,
        overruled: m.overruled,
        year_complete: year_done,
        delivered_in_year: if year_done { delivered_in_year } else { 0.0 },
        overdue_after_year: if year_done { winners - delivered_in_year } else { 0.0 },
        in_first_year: if year_done { 0.0 } else { winners },
        volunteer_hours,
        process_cost_per_voter: if m.voters > 0.0 { m.process_cost / m.voters } else { 0.0 },
    })
}
