//! Presets: casework areas with their sourced figures, and municipality sizes. A preset is a set
//! of parameter values applied to a scenario; decisions follow the population (per 10,000
//! residents) unless the council types its own.

use super::params::P;
use super::scenario::{Problem, Scenario};
use crate::i18n::Both;

/// A casework area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    pub id: &'static str,
    /// The preset's name.
    pub label: Both<&'static str>,
    /// Decisions per month per 10,000 residents.
    pub decisions_per_10k: f64,
    /// The help itself, currency per citizen-month (a placeholder: no common figure).
    pub help_cost: f64,
    pub hours_per_decision: f64,
    pub appeal_rate: f64,
    pub overturn_share: f64,
    pub remand_share: f64,
}

/// A municipality size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub id: &'static str,
    pub label: Both<&'static str>,
    pub population: f64,
}

/// Net operating spend per resident (DKK per year): DKK 428 bn / 5,961,249 residents, 2024 budgets.
pub const BUDGET_PER_RESIDENT: f64 = 72_000.0;

// Sources (docs/MODEL.md has the table):
// - adults: Social Services Act overturn share 31.8-39% (2016-2023); about 8,300 appeals a year
//   (2021); remanded/changed 24.1/7.7 (2021) (Ankestyrelsen).
// - children: remand rate 2019: additional costs 31.9%, lost earnings 39.7% (Ankestyrelsen); "half of
//   child disability cases are overturned" (Danske Kommuner, 2018); decisions and appeal rate assumed.
// - all: municipal social and employment cases overturned 32.5% (2019), 26% (2021), 30.2% (2022);
//   remanded/changed 19.1/11.1 (2022); about 26,400 appeals (2019) (Ankestyrelsen); decisions assumed.
pub static AREAS: [Area; 3] = [
    Area {
        id: "adults",
        label: Both::new("Voksne efter serviceloven", "Adults under the Social Services Act"),
        decisions_per_10k: 40.0,
        help_cost: 5_000.0,
        hours_per_decision: 6.0,
        appeal_rate: 0.03,
        overturn_share: 0.37,
        remand_share: 0.76,
    },
    Area {
        id: "children",
        label: Both::new("Børn med handicap", "Children with disabilities"),
        decisions_per_10k: 8.0,
        help_cost: 10_000.0,
        hours_per_decision: 8.0,
        appeal_rate: 0.05,
        overturn_share: 0.45,
        remand_share: 0.8,
    },
    Area {
        id: "all",
        label: Both::new("Alle social- og beskæftigelsessager", "All social and employment appeals"),
        decisions_per_10k: 200.0,
        help_cost: 4_000.0,
        hours_per_decision: 4.0,
        appeal_rate: 0.02,
        overturn_share: 0.30,
        remand_share: 0.63,
    },
];

pub static SIZES: [Size; 3] = [
    Size {
        id: "small",
        label: Both::new("Lille kommune (ca. 20.000)", "Small municipality (about 20,000)"),
        population: 20_000.0,
    },
    Size {
        id: "medium",
        label: Both::new("Mellemstor kommune (ca. 50.000)", "Medium municipality (about 50,000)"),
        population: 50_000.0,
    },
    Size {
        id: "large",
        label: Both::new("Stor kommune (ca. 350.000)", "Large municipality (about 350,000)"),
        population: 350_000.0,
    },
];

impl Area {
    pub fn by_id(id: &str) -> Option<&'static Area> {
        AREAS.iter().find(|a| a.id == id)
    }
}

impl Size {
    pub fn by_id(id: &str) -> Option<&'static Size> {
        SIZES.iter().find(|s| s.id == id)
    }
}

/// Apply an area and a size to a scenario: population, budget, and the area's casework figures,
/// decisions following the population. Other values (the levers) are kept. Refused (the scenario
/// is left as it was) when the area's observables cannot hold with the scenario's own error share
/// and board detection, like any other change.
pub fn apply(s: &Scenario, area: &Area, size: &Size) -> Result<Scenario, Problem> {
    let mut next = s.clone();
    let values = [
        (P::Population, size.population),
        (P::Budget, size.population * BUDGET_PER_RESIDENT),
        (P::DecisionsPerMonth, 0.0),
        (P::DecisionsPer10k, area.decisions_per_10k),
        (P::HelpCost, area.help_cost),
        (P::HoursPerDecision, area.hours_per_decision),
        (P::AppealRate, area.appeal_rate),
        (P::OverturnShare, area.overturn_share),
        (P::RemandShare, area.remand_share),
    ];
    for (p, v) in values {
        next.force(p, v);
    }
    next.check()?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_combination_is_a_valid_scenario() {
        for a in &AREAS {
            for z in &SIZES {
                let s = apply(&Scenario::default(), a, z).unwrap();
                let json = s.to_json();
                assert_eq!(Scenario::from_json(&json).unwrap(), s, "{} {}", a.id, z.id);
            }
        }
    }

    #[test]
    fn decisions_scale_with_population() {
        let a = Area::by_id("adults").unwrap();
        let small = apply(&Scenario::default(), a, Size::by_id("small").unwrap()).unwrap();
        let large = apply(&Scenario::default(), a, Size::by_id("large").unwrap()).unwrap();
        assert_eq!(crate::model::casework::decisions_per_month(&small), 80.0);
        assert_eq!(crate::model::casework::decisions_per_month(&large), 1_400.0);
    }

    #[test]
    fn a_preset_that_cannot_hold_with_the_scenarios_own_figures_is_refused() {
        // Detection 0.4 allows overturn shares up to 0.4; the children's area has 0.45.
        let mut s = Scenario::default();
        s.set(P::BoardDetection, 0.4).unwrap();
        let children = Area::by_id("children").unwrap();
        assert!(apply(&s, children, Size::by_id("medium").unwrap()).is_err());
        assert!(apply(&s, Area::by_id("adults").unwrap(), Size::by_id("medium").unwrap()).is_ok());
    }
}
