//! Trust, the stock both decisions share (MODEL.md section 3; equations in docs/MODEL.md): the
//! share of adults with high trust that the council acts lawfully and fairly. Residents move
//! between high and low trust: a bad experience can move a high-trust person to low, a good one a
//! low-trust person to high; without news trust drifts back to today's level. The ledger says how
//! much each mechanism moved it.

use super::num;
use super::pb::PbFlows;

/// What the trust stock needs, taken from a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct TrustInputs {
    /// Adults (people), the denominator of every share.
    pub adults: f64,
    /// Today's trust (share of adults).
    pub trust0: f64,
    /// People one experience reaches (the citizen and those around them).
    pub reach: f64,
    /// Probability a reached high-trust person moves to low after a bad experience.
    pub negative: f64,
    /// Probability a reached low-trust person moves to high after a good experience.
    pub positive: f64,
    /// Mean months for trust to drift back to today's level.
    pub memory: f64,
}

/// What trust changed by in one month, by mechanism (shares of adults). The trust ledger.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct TrustFlows {
    /// Wrong decisions above (negative) or below (positive) today's level.
    pub wrong_decisions: f64,
    /// Decisions right first time above or below today's level.
    pub right_first_time: f64,
    /// Residents hearing of participatory budgeting through a participant (information effect).
    pub pb_information: f64,
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
        "pb_information",
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
            self.pb_information,
            self.pb_delivered,
            self.pb_overruled,
            self.pb_broken_promises,
            self.pb_disappointment,
            self.drift,
        ]
    }

    fn from_array(a: [f64; 8]) -> TrustFlows {
        TrustFlows {
            wrong_decisions: a[0],
            right_first_time: a[1],
            pb_information: a[2],
            pb_delivered: a[3],
            pb_overruled: a[4],
            pb_broken_promises: a[5],
            pb_disappointment: a[6],
            drift: a[7],
        }
    }

    /// The sum of every mechanism, added in [`TrustFlows::KEYS`] order (as `Iterator::sum`, written
    /// out: it runs every month of every Monte Carlo run).
    pub fn total(&self) -> f64 {
        let [a, b, c, d, e, f, g, h] = self.as_array();
        a + b + c + d + e + f + g + h
    }

    /// The casework mechanisms only.
    pub fn casework(&self) -> f64 {
        self.wrong_decisions + self.right_first_time
    }

    /// The participatory budgeting mechanisms only.
    pub fn pb(&self) -> f64 {
        self.pb_information + self.pb_delivered + self.pb_overruled + self.pb_broken_promises + self.pb_disappointment
    }
}

/// Trust flows of one month. `more_wrong` and `more_right` are the wrong decisions and decisions
/// right first time above today's steady state (negative: below), because today's trust already
/// reflects today's error level. All flows are bounded together so trust stays within [0, 1] and
/// the ledger still sums exactly to the change.
// Inlined into the monthly loop, its one caller (opt-level z would not: 1% of a Monte Carlo).
#[inline(always)]
pub fn flows(t: &TrustInputs, trust: f64, more_wrong: f64, more_right: f64, pb: &PbFlows) -> TrustFlows {
    let adults = num::max(t.adults, 1.0);
    // People reached, as a share of adults, by the change in bad and good experiences.
    let d_wrong = num::clamp(more_wrong * t.reach / adults, -1.0, 1.0);
    let d_right = num::clamp(more_right * t.reach / adults, -1.0, 1.0);
    // More bad experiences move high-trust people to low; fewer spare them (bounded by 1 - trust).
    let wrong_flow = if d_wrong > 0.0 { -t.negative * d_wrong * trust } else { -t.negative * d_wrong * (1.0 - trust) };
    let right_flow = if d_right > 0.0 { t.positive * d_right * (1.0 - trust) } else { t.positive * d_right * trust };
    let f = TrustFlows {
        wrong_decisions: wrong_flow,
        right_first_time: right_flow,
        pb_information: pb.information,
        pb_delivered: pb.delivered,
        pb_overruled: pb.overruled,
        pb_broken_promises: pb.broken_promises,
        pb_disappointment: pb.disappointment,
        drift: (t.trust0 - trust) / t.memory,
    };
    let total = f.total();
    let next = trust + total;
    let scale = if next > 1.0 {
        (1.0 - trust) / total
    } else if next < 0.0 {
        -trust / total
    } else {
        return f;
    };
    TrustFlows::from_array(f.as_array().map(|x| x * scale))
}
