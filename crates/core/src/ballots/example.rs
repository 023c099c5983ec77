//! An illustrative election made from a scenario: voters from its turnout, projects from its pot
//! and project cost, approvals from a documented, seeded model with districts and interest groups.
//! It shows how the rules behave on an election shaped like the council's; it is not a forecast of
//! any real vote, and the page says so.
//!
//! The model (every figure an assumption, chosen to give ballots like real city votes: a handful
//! of approvals each, local projects favoured):
//! - `DISTRICTS` districts of equal size; a project is local to one district (three in four) or
//!   city-wide; four categories (culture, sport, green, transport).
//! - Projects: enough to ask for three times the pot (at least 4, at most 200), each costing the
//!   scenario's project cost times a factor between 0.3 and 3 (log-uniform), rounded to 1,000.
//! - Each voter lives in a district and cares most about one category. A voter approves a project
//!   with probability `a x appeal x place x interest`: appeal per project 0.3-1.7 (uniform), place
//!   1 for the voter's district, 0.5 city-wide, 0.1 elsewhere; interest 2 for the voter's category,
//!   else 1; `a` sets the expected ballot to `APPROVALS` projects (at most 0.29, so that no
//!   probability exceeds 1).
//! - Voter columns: `district` and `age` (18-85, uniform), so the page can show groups.

use super::{Election, Project, VoteType, Voters};
use crate::model::rng::SplitMix64;

pub const DISTRICTS: usize = 5;
const CATEGORIES: [&str; 4] = ["culture", "sport", "green", "transport"];
/// Projects on an average ballot (where there are enough projects).
const APPROVALS: f64 = 6.0;

/// The example: `voters` ballots, a `pot`, projects around `project_cost`, from `seed`.
pub fn generate(voters: usize, pot: f64, project_cost: f64, seed: u64) -> Election {
    let mut rng = SplitMix64::new(seed);
    let cost = project_cost.max(1_000.0);
    let n = ((3.0 * pot / cost).round() as usize).clamp(4, 200);
    let mut projects = Vec::with_capacity(n);
    let mut place = Vec::with_capacity(n);
    let mut category = Vec::with_capacity(n);
    let mut appeal = Vec::with_capacity(n);
    for i in 0..n {
        let factor = libm::exp(libm::log(0.3) + rng.next_f64() * (libm::log(3.0) - libm::log(0.3)));
        let c = ((cost * factor / 1_000.0).round() * 1_000.0).max(1_000.0);
        let local = rng.next_f64() < 0.75;
        let d = if local { Some((rng.next_u64() % DISTRICTS as u64) as usize) } else { None };
        let k = (rng.next_u64() % CATEGORIES.len() as u64) as usize;
        let id = format!("{:03}", i + 1);
        let name = match d {
            Some(d) => format!("{} D{}", CATEGORIES[k], d + 1),
            None => format!("{} city", CATEGORIES[k]),
        };
        let district = d.map_or("city".to_string(), |d| format!("D{}", d + 1));
        projects.push(Project {
            id: id.clone(),
            cost: c,
            fields: vec![id, super::amount_text(c), name, CATEGORIES[k].into(), district],
        });
        place.push(d);
        category.push(k);
        appeal.push(0.3 + 1.4 * rng.next_f64());
    }
    // The expected ballot at a = 1: each project's appeal x its average place x average interest.
    let d = DISTRICTS as f64;
    let unit: f64 =
        (0..n).map(|p| appeal[p] * if place[p].is_some() { (1.0 + (d - 1.0) * 0.1) / d } else { 0.5 } * 1.25).sum();
    let a = (APPROVALS / unit).min(0.29);
    let mut ballots = Voters::new(n);
    let mut approved = Vec::new();
    for v in 0..voters {
        let home = (rng.next_u64() % DISTRICTS as u64) as usize;
        let interest = (rng.next_u64() % CATEGORIES.len() as u64) as usize;
        let age = 18 + rng.next_u64() % 68;
        approved.clear();
        for p in 0..n {
            let at = match place[p] {
                Some(d) if d == home => 1.0,
                Some(_) => 0.1,
                None => 0.5,
            };
            let care = if category[p] == interest { 2.0 } else { 1.0 };
            if rng.next_f64() < a * appeal[p] * at * care {
                approved.push(p);
            }
        }
        let vote: Vec<&str> = approved.iter().map(|&p| projects[p].id.as_str()).collect();
        let (id, district, age) = ((v + 1).to_string(), format!("D{}", home + 1), age.to_string());
        ballots.push(&approved, &[&id, &vote.join(","), &district, &age]);
    }
    Election {
        meta: vec![
            ("description".into(), "One Percent: an illustrative election made from a scenario".into()),
            ("budget".into(), super::amount_text(pot.round())),
            ("vote_type".into(), "approval".into()),
            ("num_projects".into(), n.to_string()),
            ("num_votes".into(), voters.to_string()),
        ],
        project_header: ["project_id", "cost", "name", "category", "district"].map(String::from).to_vec(),
        projects,
        vote_header: ["voter_id", "vote", "district", "age"].map(String::from).to_vec(),
        voters: ballots,
        vote_type: VoteType::Approval,
        budget: pot.round(),
    }
}
