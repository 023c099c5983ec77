//! The counting rules, as pabutools computes them (the reference; `tests/ballots.rs` compares on
//! every fixture).
//!
//! - **Greedy by votes** (`greedy`): projects by votes, most first; each that still fits is funded,
//!   one that does not is skipped (pabutools' `greedy_utilitarian_welfare` with cost satisfaction).
//! - **Greedy, stop at the first that does not fit** (`greedy-stop`): as some cities count.
//! - **Greedy by votes per cost** (`greedy-cost`): cardinality satisfaction.
//! - **Method of Equal Shares** (`mes`, cost utilities): every voter holds an equal share of the
//!   budget; a project is funded when its supporters can pay for it together, the one asking the
//!   least of each supporter first (`method_of_equal_shares` with cost satisfaction).
//! - **MES with add1** (`mes-add1`): raise every voter's share by one currency unit and count again,
//!   until the outcome would exceed the budget (then the last that did not) or no further project
//!   fits (`voter_budget_increment = 1`). Counted in blocks of shares from the top down, each
//!   counting starting from the one a unit above, then read upward as the reference reads them
//!   (the same outcome; a test compares with counting upward one share at a time).
//! - **With greedy completion** (`mes-greedy`, `mes-add1-greedy`): money MES leaves is filled by
//!   greedy by votes (`completion_by_rule_combination`).
//! - **Sequential Phragmén** (`phragmen`): every voter earns virtual money at the same rate; a
//!   project is bought as soon as its supporters together hold its cost, and they spend all they
//!   hold (their "load" becomes equal); the count stops at the first project it would buy that
//!   does not fit in the budget (`sequential_phragmen`; projects costing more than the budget are
//!   left out from the start).
//!
//! Ties are broken by the project id, lexicographically (pabutools' `lexico_tie_breaking`): the
//! smaller id wins. Greedy also funds projects nobody voted for when money is left, as the
//! reference does; MES never does. Arithmetic is in `f64`: costs and the budget are whole or
//! decimal amounts far below 2^53, and two affordabilities within [`TIE`] of each other (relative)
//! count as tied; the fixtures show the same winners as the reference's exact fractions.

use super::Election;
use crate::i18n::Lang;

use super::add1::{block_size, count_down, verdict};
pub use super::add1::{block_wire, read_block, Add1Job, Verdict};
use super::equal_shares::{count_below, Ballots, Counted, Trail};
pub use super::equal_shares::{Paid, TIE};

/// A counting rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    Greedy,
    GreedyStop,
    GreedyPerCost,
    Mes,
    MesAdd1,
    MesGreedy,
    MesAdd1Greedy,
    Phragmen,
}

impl Rule {
    pub const ALL: [Rule; 8] = [
        Rule::Greedy,
        Rule::GreedyStop,
        Rule::GreedyPerCost,
        Rule::Mes,
        Rule::MesAdd1,
        Rule::MesGreedy,
        Rule::MesAdd1Greedy,
        Rule::Phragmen,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Rule::Greedy => "greedy",
            Rule::GreedyStop => "greedy-stop",
            Rule::GreedyPerCost => "greedy-cost",
            Rule::Mes => "mes",
            Rule::MesAdd1 => "mes-add1",
            Rule::MesGreedy => "mes-greedy",
            Rule::MesAdd1Greedy => "mes-add1-greedy",
            Rule::Phragmen => "phragmen",
        }
    }

    pub fn parse(s: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.key() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Rule::Greedy, Lang::Da) => "Flest stemmer først",
            (Rule::Greedy, Lang::En) => "Most votes first",
            (Rule::GreedyStop, Lang::Da) => "Flest stemmer først, stop ved første, der ikke kan betales",
            (Rule::GreedyStop, Lang::En) => "Most votes first, stop at the first that does not fit",
            (Rule::GreedyPerCost, Lang::Da) => "Flest stemmer pr. krone først",
            (Rule::GreedyPerCost, Lang::En) => "Most votes per unit of cost first",
            (Rule::Mes, Lang::Da) => "Lige andele (MES)",
            (Rule::Mes, Lang::En) => "Equal Shares (MES)",
            (Rule::MesAdd1, Lang::Da) => "Lige andele, udfyldt med add1",
            (Rule::MesAdd1, Lang::En) => "Equal Shares, completed by add1",
            (Rule::MesGreedy, Lang::Da) => "Lige andele, resten efter flest stemmer",
            (Rule::MesGreedy, Lang::En) => "Equal Shares, the rest by most votes",
            (Rule::MesAdd1Greedy, Lang::Da) => "Lige andele med add1, resten efter flest stemmer",
            (Rule::MesAdd1Greedy, Lang::En) => "Equal Shares with add1, the rest by most votes",
            (Rule::Phragmen, Lang::Da) => "Phragméns sekventielle metode",
            (Rule::Phragmen, Lang::En) => "Sequential Phragmén",
        }
    }

    /// What the rule does, in a sentence or two for a newcomer.
    pub fn explain(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Rule::Greedy, Lang::Da) => "De projekter, der fik flest stemmer, finansieres først. Et projekt, der ikke længere kan betales, springes over, og optællingen fortsætter med det næste.",
            (Rule::Greedy, Lang::En) => "The projects with the most votes are funded first. A project that no longer fits is skipped, and the count goes on with the next.",
            (Rule::GreedyStop, Lang::Da) => "De projekter, der fik flest stemmer, finansieres først. Optællingen stopper ved det første projekt, der ikke kan betales, også selv om billigere projekter længere nede kunne.",
            (Rule::GreedyStop, Lang::En) => "The projects with the most votes are funded first. The count stops at the first project that does not fit, even if cheaper ones further down would.",
            (Rule::GreedyPerCost, Lang::Da) => "Projekterne tages i rækkefølge efter stemmer pr. krone, de koster. Et projekt, der ikke kan betales, springes over.",
            (Rule::GreedyPerCost, Lang::En) => "Projects are taken in order of votes per unit of cost. One that does not fit is skipped.",
            (Rule::Mes, Lang::Da) => "Hver vælger får en lige stor del af budgettet, og et projekt finansieres, når dem, der stemte på det, kan betale det sammen; det projekt, der koster hver tilhænger mindst, kommer først. Der kan blive penge tilbage.",
            (Rule::Mes, Lang::En) => "Every voter gets an equal part of the budget, and a project is funded when those who voted for it can pay for it together, the one that costs each supporter least first. Money can be left over.",
            (Rule::MesAdd1, Lang::Da) => "Som lige andele, men hver vælgers andel hæves med én hel valutaenhed ad gangen, og der tælles forfra, indtil resultatet ville koste mere end budgettet. Så gælder det sidste resultat, der kunne betales. Sådan bruger flere byer reglen.",
            (Rule::MesAdd1, Lang::En) => "As Equal Shares, but every voter's share is raised by one whole currency unit at a time and the count is done again, until the outcome would cost more than the budget. Then the last outcome that fitted counts. This is how several cities use the rule.",
            (Rule::MesGreedy, Lang::Da) => "Først lige andele; de penge, der bliver tilbage, går derefter til projekterne med flest stemmer.",
            (Rule::MesGreedy, Lang::En) => "Equal Shares first; the money left over then goes to the projects with the most votes.",
            (Rule::MesAdd1Greedy, Lang::Da) => "Først lige andele med add1; de penge, der bliver tilbage, går derefter til projekterne med flest stemmer.",
            (Rule::MesAdd1Greedy, Lang::En) => "Equal Shares with add1 first; the money left over then goes to the projects with the most votes.",
            (Rule::Phragmen, Lang::Da) => "Alle vælgere tjener lige hurtigt, og et projekt købes, så snart dets tilhængere tilsammen har råd. Optællingen stopper ved det første, der ikke kan betales.",
            (Rule::Phragmen, Lang::En) => "Every voter earns at the same rate, and a project is bought as soon as its supporters can afford it together. The count stops at the first that does not fit.",
        }
    }

    /// Whether the rule counts with Equal Shares first.
    pub fn is_mes(self) -> bool {
        matches!(self, Rule::Mes | Rule::MesAdd1 | Rule::MesGreedy | Rule::MesAdd1Greedy)
    }
}

/// What a rule funds.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub rule: Rule,
    /// The funded projects, in the order they were chosen.
    pub funded: Vec<usize>,
    /// How many of `funded` (the first ones) MES chose; the rest came from the completion.
    pub by_mes: usize,
    pub cost: f64,
    /// MES: each voter's share of the budget at the start of the counting that was used.
    pub share: f64,
    /// MES: each voter's money left at the end (empty for greedy).
    pub left: Vec<f64>,
    pub paid: Vec<Paid>,
    /// MES with add1: the shares tried, as the reference counts them (one counting per share).
    pub rounds: usize,
    /// MES with add1: the countings made (a few more than `rounds`: the last block of shares is
    /// counted whole).
    pub counted: usize,
    /// Sequential Phragmén: the project it would have bought next, which did not fit.
    pub stopped_by: Option<usize>,
}

/// The supporters of each project (voter indices), built once per election.
pub fn supporters(e: &Election) -> Vec<Vec<u32>> {
    let mut s = vec![Vec::new(); e.projects.len()];
    for v in 0..e.voters.len() {
        for p in e.voters.approved(v) {
            s[p].push(v as u32);
        }
    }
    s
}

/// Count with `rule`.
pub fn count(e: &Election, rule: Rule) -> Outcome {
    count_with(e, &supporters(e), rule)
}

/// Count with `rule`, the supporters given (to count several rules on one election).
pub fn count_with(e: &Election, sup: &[Vec<u32>], rule: Rule) -> Outcome {
    let mut counting = Counting::new(e, sup, rule);
    loop {
        if let Some(out) = counting.advance(e, sup) {
            return out;
        }
    }
}

/// A counting done a piece at a time, so that a page can say how far it has come and stay
/// responsive: MES with add1 counts once per piece (it counts again and again, one unit of share
/// higher each time), the other rules all at once. The same result as [`count_with`].
pub struct Counting {
    rule: Rule,
    add1: Option<Add1>,
    /// Each project's place in the tie-breaking order ([`ranks`]).
    rank: Vec<u32>,
}

impl Counting {
    pub fn new(e: &Election, sup: &[Vec<u32>], rule: Rule) -> Counting {
        let add1 = matches!(rule, Rule::MesAdd1 | Rule::MesAdd1Greedy).then(|| Add1::new(e, sup));
        Counting { rule, add1, rank: ranks(e) }
    }

    /// MES with add1: from now on helpers count the blocks of shares ([`Add1Job`], shared between
    /// them with [`Add1Job::share`]) and this counting reads their verdicts
    /// ([`Counting::take_block`]). `None` for the other rules.
    pub fn help(&mut self, e: &Election, sup: &[Vec<u32>]) -> Option<Add1Job> {
        let rank = &self.rank;
        self.add1.as_mut().map(|a| a.help(e, sup, rank))
    }

    /// Count here again: the helpers failed (the blocks they gave are still read).
    pub fn unhelp(&mut self) {
        self.add1.as_mut().into_iter().for_each(Add1::unhelp);
    }

    /// Whether helpers count this counting's blocks.
    pub fn helped(&self) -> bool {
        self.add1.as_ref().is_some_and(Add1::helped)
    }

    /// A helper's block `block` of the shares: its countings and its verdicts, upward. False, and
    /// nothing taken, if it does not fit (not add1, a wrong length, or a block already had).
    pub fn take_block(&mut self, block: usize, counted: usize, verdicts: Vec<Verdict>) -> bool {
        self.add1.as_mut().is_some_and(|a| a.take_block(block, counted, verdicts))
    }

    /// Helped, and waiting for the block it reads next: [`Counting::advance`] would do nothing.
    pub fn waiting(&self) -> bool {
        self.add1.as_ref().is_some_and(Add1::waiting)
    }

    /// The countings done so far (MES with add1; 0 for the other rules).
    pub fn done(&self) -> usize {
        self.add1.as_ref().map_or(0, |a| a.counted)
    }

    /// Count on: the outcome when the counting is finished, `None` while there is more.
    pub fn advance(&mut self, e: &Election, sup: &[Vec<u32>]) -> Option<Outcome> {
        let rule = self.rule;
        let out = match (&mut self.add1, rule) {
            (Some(a), _) => a.advance(e, sup, &self.rank, rule)?,
            (None, Rule::Greedy | Rule::GreedyStop | Rule::GreedyPerCost) => {
                let funded = greedy(e, sup, rule, &[]);
                Outcome {
                    rule,
                    by_mes: 0,
                    cost: 0.0,
                    share: 0.0,
                    left: Vec::new(),
                    paid: Vec::new(),
                    rounds: 0,
                    counted: 0,
                    stopped_by: None,
                    funded,
                }
            }
            (None, Rule::Phragmen) => phragmen(e, sup),
            (None, _) => mes(e, sup, &self.rank, base_share(e), rule),
        };
        Some(complete(e, sup, out))
    }
}

/// Where an add1 counting has come here ([`super::rules::Counting`]). It finds what the
/// reference finds counting one unit of share at a time upward.
struct Add1 {
    base: f64,
    size: usize,
    cost: Vec<f64>,
    candidates: Vec<usize>,
    /// The last share read in order (its step) and its counting, when it was counted here: every
    /// step up to it funded less than the budget and left a candidate that still fits.
    at: Option<(usize, Option<Counted>)>,
    /// The block above it being counted here, from the top down (the lowest last).
    block: Vec<Counted>,
    /// Blocks whose verdicts helpers gave, by number, not read yet.
    given: Vec<(usize, Vec<Verdict>)>,
    /// Helpers count the blocks: wait for them rather than count here.
    helped: bool,
    /// The countings made, here and by helpers.
    counted: usize,
}

impl Add1 {
    fn new(e: &Election, sup: &[Vec<u32>]) -> Add1 {
        let cost = costs(e);
        Add1 {
            base: base_share(e),
            size: block_size(e.voters.len()),
            candidates: (0..cost.len()).filter(|&p| !sup[p].is_empty() && cost[p] > 0.0).collect(),
            cost,
            at: None,
            block: Vec::new(),
            given: Vec::new(),
            helped: false,
            counted: 0,
        }
    }

    /// The job helpers count from now on; this counting waits for their blocks.
    fn help(&mut self, e: &Election, sup: &[Vec<u32>], rank: &[u32]) -> Add1Job {
        self.helped = true;
        let (cost, candidates) = (self.cost.clone(), self.candidates.clone());
        Add1Job::new(cost, rank.to_vec(), sup.to_vec(), e.voters.len(), e.budget, self.base, self.size, candidates)
    }

    /// Count here again (the helpers failed); blocks they gave are still read.
    fn unhelp(&mut self) {
        self.helped = false;
    }

    fn helped(&self) -> bool {
        self.helped
    }

    /// A helper's block `j` (false, and nothing taken, if it is not one: wrong length, or a block
    /// already read or given).
    fn take_block(&mut self, j: usize, counted: usize, verdicts: Vec<Verdict>) -> bool {
        let read = self.at.as_ref().map_or(0, |(k, _)| k / self.size);
        let fits = verdicts.len() == self.size && j >= read && self.given.iter().all(|(g, _)| *g != j);
        if fits {
            self.given.push((j, verdicts));
            self.counted += counted;
        }
        fits
    }

    /// Waiting for a helper's block: helped, the first share counted, the next block not given.
    fn waiting(&self) -> bool {
        self.helped && self.at.as_ref().is_some_and(|(k, _)| self.given.iter().all(|(j, _)| *j != k / self.size))
    }

    /// One counting here, or a block read; the outcome once the reference would have stopped:
    /// when the outcome of a share (one unit above the last) exceeds the budget, the last that
    /// did not; when no candidate still fits, that one.
    fn advance(&mut self, e: &Election, sup: &[Vec<u32>], rank: &[u32], rule: Rule) -> Option<Outcome> {
        let b = Ballots { cost: &self.cost, rank, supporters: sup, voters: e.voters.len() };
        let Some((k, _)) = self.at else {
            self.counted += 1;
            let first = count_below(&b, self.base, None);
            if verdict(&self.cost, e.budget, &self.candidates, &first.funded) != Verdict::On {
                return Some(self.outcome(e, sup, rank, rule, 0, Some(first), 1));
            }
            self.at = Some((0, Some(first)));
            return None;
        };
        let j = k / self.size;
        // The block above, read upward: as a helper gave it, or counted here (one share a call).
        let block: Vec<(Verdict, Option<Counted>)> = if let Some(i) = self.given.iter().position(|(g, _)| *g == j) {
            self.block.clear();
            self.given.swap_remove(i).1.into_iter().map(|v| (v, None)).collect()
        } else if self.helped {
            return None;
        } else {
            self.counted += 1;
            if !count_down(&b, self.base, k + self.size, self.size, &mut self.block) {
                return None;
            }
            let cost = &self.cost;
            let v = |c: &Counted| verdict(cost, e.budget, &self.candidates, &c.funded);
            std::mem::take(&mut self.block).into_iter().rev().map(|c| (v(&c), Some(c))).collect()
        };
        let mut step = k;
        for (v, c) in block {
            step += 1;
            match v {
                Verdict::Over => {
                    let (k, last) = self.at.take()?;
                    return Some(self.outcome(e, sup, rank, rule, k, last, step + 1));
                }
                Verdict::Exhausted => return Some(self.outcome(e, sup, rank, rule, step, c, step + 1)),
                Verdict::On => self.at = Some((step, c)),
            }
        }
        None
    }

    /// The outcome of the counting at `step` (counted again if a helper counted it), the
    /// reference having counted `rounds` times.
    #[allow(clippy::too_many_arguments)]
    fn outcome(
        &mut self,
        e: &Election,
        sup: &[Vec<u32>],
        rank: &[u32],
        rule: Rule,
        step: usize,
        c: Option<Counted>,
        rounds: usize,
    ) -> Outcome {
        let share = self.base + step as f64;
        let c = c.unwrap_or_else(|| {
            self.counted += 1;
            count_below(&Ballots { cost: &self.cost, rank, supporters: sup, voters: e.voters.len() }, share, None)
        });
        Outcome { rounds, counted: self.counted, ..outcome_of(e, sup, rank, rule, share, c) }
    }
}

/// The greedy completion where the rule asks for it, and the cost.
fn complete(e: &Election, sup: &[Vec<u32>], mut out: Outcome) -> Outcome {
    if matches!(out.rule, Rule::MesGreedy | Rule::MesAdd1Greedy) && !exhaustive(e, &out.funded, 0..e.projects.len()) {
        let more = greedy(e, sup, Rule::Greedy, &out.funded);
        out.funded.extend(more);
    }
    out.cost = spent(e, &out.funded);
    out
}

/// Each voter's share of the budget before add1 raises it.
fn base_share(e: &Election) -> f64 {
    if e.voters.is_empty() {
        0.0
    } else {
        e.budget / e.voters.len() as f64
    }
}

/// Each project's cost, as the kernel and add1's verdicts read them.
fn costs(e: &Election) -> Vec<f64> {
    e.projects.iter().map(|p| p.cost).collect()
}

/// What the projects `funded` cost together ([`super::add1::spent`]).
fn spent(e: &Election, funded: &[usize]) -> f64 {
    super::add1::spent(&costs(e), funded)
}

/// Whether no project of `among` outside `funded` still fits in the budget
/// ([`super::add1::exhaustive`]).
fn exhaustive(e: &Election, funded: &[usize], among: impl Iterator<Item = usize>) -> bool {
    super::add1::exhaustive(&costs(e), e.budget, funded, among)
}

/// Greedy's order: the score (most first; ties by id), without the projects in `initial`.
pub fn greedy_order(e: &Election, sup: &[Vec<u32>], rule: Rule, initial: &[usize]) -> Vec<usize> {
    let n = e.projects.len();
    // pabutools' satisfaction density: total satisfaction / cost, 0 without satisfaction, infinite
    // for a free project with some. Cost satisfaction: votes x cost / cost = votes (0 for a free
    // project); cardinality: votes / cost. As (numerator, denominator) to compare exactly.
    let density = |p: usize| -> (f64, f64) {
        let votes = sup[p].len() as f64;
        let cost = e.projects[p].cost;
        match rule {
            Rule::GreedyPerCost if votes > 0.0 && cost == 0.0 => (1.0, 0.0),
            Rule::GreedyPerCost => (votes, cost.max(f64::MIN_POSITIVE)),
            // Stopping greedy is not the reference's: plain votes, a free project included.
            Rule::GreedyStop => (votes, 1.0),
            _ if votes > 0.0 && cost > 0.0 => (votes, 1.0),
            _ => (0.0, 1.0),
        }
    };
    let mut is_initial = vec![false; n];
    initial.iter().for_each(|&p| is_initial[p] = true);
    let mut order: Vec<usize> = (0..n).filter(|&p| !is_initial[p]).collect();
    order.sort_by(|&a, &b| {
        let ((na, da), (nb, db)) = (density(a), density(b));
        // a before b when na/da > nb/db: compare na*db with nb*da; a zero denominator is infinite.
        let (x, y) = if da == 0.0 || db == 0.0 {
            (f64::from(u8::from(da == 0.0)), f64::from(u8::from(db == 0.0)))
        } else {
            (na * db, nb * da)
        };
        y.total_cmp(&x).then_with(|| e.projects[a].id.cmp(&e.projects[b].id))
    });
    order
}

/// Greedy: each project in [`greedy_order`] funded if it fits (`greedy-stop`: until one does not).
/// `initial`: already funded (a completion).
fn greedy(e: &Election, sup: &[Vec<u32>], rule: Rule, initial: &[usize]) -> Vec<usize> {
    let mut left = e.budget - spent(e, initial);
    let mut funded = Vec::new();
    for p in greedy_order(e, sup, rule, initial) {
        let cost = e.projects[p].cost;
        if cost <= left {
            funded.push(p);
            left -= cost;
        } else if rule == Rule::GreedyStop {
            break;
        }
    }
    funded
}

/// One counting of MES with `share` per voter (the kernel: [`super::equal_shares::count`]).
fn mes(e: &Election, sup: &[Vec<u32>], rank: &[u32], share: f64, rule: Rule) -> Outcome {
    outcome_of(e, sup, rank, rule, share, kernel(e, sup, rank, share, None))
}

/// The kernel's counting at `share`, from the trail of a counting `above` when there is one.
fn kernel(e: &Election, sup: &[Vec<u32>], rank: &[u32], share: f64, above: Option<&Trail>) -> Counted {
    with_ballots(e, sup, rank, |b| super::equal_shares::count_below(b, share, above))
}

/// `f` of the election as the kernel reads it.
fn with_ballots<R>(
    e: &Election,
    sup: &[Vec<u32>],
    rank: &[u32],
    f: impl FnOnce(&super::equal_shares::Ballots) -> R,
) -> R {
    f(&super::equal_shares::Ballots { cost: &costs(e), rank, supporters: sup, voters: e.voters.len() })
}

/// The outcome of one MES counting at `share`, with who paid what.
fn outcome_of(e: &Election, sup: &[Vec<u32>], rank: &[u32], rule: Rule, share: f64, out: Counted) -> Outcome {
    let paid = with_ballots(e, sup, rank, |b| out.paid(b, share));
    Outcome {
        rule,
        by_mes: out.funded.len(),
        funded: out.funded,
        cost: 0.0,
        share,
        left: out.left,
        paid,
        rounds: 1,
        counted: 1,
        stopped_by: None,
    }
}

/// Each project's place in the tie-breaking order: by id, lexicographically (the smaller wins).
fn ranks(e: &Election) -> Vec<u32> {
    let mut order: Vec<usize> = (0..e.projects.len()).collect();
    order.sort_by(|&a, &b| e.projects[a].id.cmp(&e.projects[b].id));
    let mut rank = vec![0; order.len()];
    for (r, p) in order.into_iter().enumerate() {
        rank[p] = r as u32;
    }
    rank
}

/// Sequential Phragmén. Each funded project's [`Paid`] says how many supporters bought it
/// (`payers`) and the load each carried after buying it (`most`, in currency: what every voter had
/// earned by then).
fn phragmen(e: &Election, sup: &[Vec<u32>]) -> Outcome {
    let mut load = vec![0.0_f64; e.voters.len()];
    let mut left: Vec<usize> = (0..e.projects.len()).filter(|&p| e.projects[p].cost <= e.budget).collect();
    let (mut funded, mut paid, mut spent, mut stopped_by) = (Vec::new(), Vec::new(), 0.0, None);
    while !left.is_empty() {
        // The load its supporters would carry if they bought it now (infinite without supporters).
        let mut best = f64::INFINITY;
        let mut tied: Vec<usize> = Vec::new();
        for &p in &left {
            let f = if sup[p].is_empty() {
                f64::INFINITY
            } else {
                (sup[p].iter().map(|&v| load[v as usize]).sum::<f64>() + e.projects[p].cost) / sup[p].len() as f64
            };
            if f < best * (1.0 - TIE) {
                best = f;
                tied.clear();
                tied.push(p);
            } else if f <= best * (1.0 + TIE) {
                tied.push(p);
            }
        }
        // As the reference: stop when any of the projects it could buy next does not fit.
        if let Some(&p) = tied.iter().find(|&&p| spent + e.projects[p].cost > e.budget) {
            stopped_by = Some(p);
            break;
        }
        let Some(&chosen) = tied.iter().min_by(|a, b| e.projects[**a].id.cmp(&e.projects[**b].id)) else {
            break;
        };
        sup[chosen].iter().for_each(|&v| load[v as usize] = best);
        paid.push(Paid { project: chosen, payers: sup[chosen].len(), most: best, paid_all: 0 });
        spent += e.projects[chosen].cost;
        funded.push(chosen);
        left.retain(|&p| p != chosen);
    }
    Outcome {
        rule: Rule::Phragmen,
        funded,
        by_mes: 0,
        cost: 0.0,
        share: 0.0,
        left: Vec::new(),
        paid,
        rounds: 0,
        counted: 0,
        stopped_by,
    }
}

#[cfg(test)]
mod tests {
    use super::super::add1::Add1Job;
    use super::super::example::generate;
    use super::*;

    /// MES with add1 as the reference counts it: one counting per share, upward.
    fn add1_in_order(e: &Election, sup: &[Vec<u32>], rule: Rule) -> Outcome {
        let rank = ranks(e);
        let candidates: Vec<usize> =
            (0..e.projects.len()).filter(|&p| !sup[p].is_empty() && e.projects[p].cost > 0.0).collect();
        let mut previous: Option<Outcome> = None;
        for step in 0.. {
            let out = mes(e, sup, &rank, base_share(e) + step as f64, rule);
            let cost: f64 = out.funded.iter().map(|&p| e.projects[p].cost).sum();
            let done = if cost > e.budget {
                previous.take().unwrap_or(out)
            } else if exhaustive(e, &out.funded, candidates.iter().copied()) {
                out
            } else {
                previous = Some(out);
                continue;
            };
            return complete(e, sup, Outcome { rounds: step + 1, ..done });
        }
        unreachable!()
    }

    #[test]
    fn add1_by_blocks_from_the_top_is_add1_in_order() {
        use super::super::example::generate;
        let mut blocks_read = 0;
        for (voters, pot, cost, seed) in [
            (6_500, 6_400_000.0, 300_000.0, 7),
            (800, 2_000_000.0, 150_000.0, 3),
            (50, 900_000.0, 120_000.0, 9),
            (3, 500_000.0, 90_000.0, 1),
        ] {
            let e = generate(voters, pot, cost, seed);
            let sup = supporters(&e);
            for rule in [Rule::MesAdd1, Rule::MesAdd1Greedy] {
                let want = add1_in_order(&e, &sup, rule);
                let got = count_with(&e, &sup, rule);
                assert_eq!((&got.funded, got.share, got.rounds), (&want.funded, want.share, want.rounds), "{voters}");
                assert_eq!((&got.paid, &got.left), (&want.paid, &want.left), "{voters}");
                assert!(got.counted >= got.rounds, "{voters}: {} countings for {} shares", got.counted, got.rounds);
                blocks_read += got.rounds / 16;
            }
        }
        assert!(blocks_read > 20, "{blocks_read}");
    }

    /// Helpers count the blocks and the counting reads their verdicts: the same outcome as
    /// counting every block here, for both add1 rules, with one, two and three helpers whose
    /// blocks arrive in any order, the jobs sent through the wire and back.
    #[test]
    fn helpers_blocks_give_the_outcome_counted_here() {
        let mut helped = 0;
        for (voters, pot, cost, seed) in
            [(6_500, 6_400_000.0, 300_000.0, 7), (800, 2_000_000.0, 150_000.0, 3), (50, 900_000.0, 120_000.0, 9)]
        {
            let e = generate(voters, pot, cost, seed);
            let sup = supporters(&e);
            for rule in [Rule::MesAdd1, Rule::MesAdd1Greedy] {
                let want = count_with(&e, &sup, rule);
                for helpers in 1..=3 {
                    let mut c = Counting::new(&e, &sup, rule);
                    let job = c.help(&e, &sup).expect("add1 can be helped");
                    let mut jobs: Vec<Add1Job> = (0..helpers)
                        .map(|h| {
                            let (n, i) = job.wire(h, helpers);
                            Add1Job::from_wire(&n, &i).expect("the wire reads back")
                        })
                        .collect();
                    // The helpers' blocks, the last helper's first (out of order).
                    let mut got = None;
                    'counting: for round in 0.. {
                        for job in jobs.iter_mut().rev() {
                            let before = job.counted();
                            if let Some((j, v)) = job.next_block() {
                                let numbers = block_wire(7.0, j, job.counted() - before, &v);
                                let (j, counted, v) = read_block(&numbers).expect("a block reads back");
                                assert!(c.take_block(j, counted, v), "block {j}");
                            }
                        }
                        while !c.waiting() {
                            if let Some(out) = c.advance(&e, &sup) {
                                got = Some(out);
                                break 'counting;
                            }
                        }
                        assert!(round < 1_000_000, "no outcome");
                    }
                    let got = got.expect("an outcome");
                    assert_eq!(
                        (&got.funded, got.share, got.rounds),
                        (&want.funded, want.share, want.rounds),
                        "{voters}"
                    );
                    assert_eq!((&got.paid, &got.left, got.cost), (&want.paid, &want.left, want.cost), "{voters}");
                    helped += usize::from(got.rounds > 2 * job.size);
                }
            }
        }
        assert!(helped >= 6, "{helped}");
    }

    /// A job sent as numbers reads back as itself; numbers that are not a job read as none.
    #[test]
    fn the_wire_reads_back_and_refuses_what_is_not_a_job() {
        let e = generate(300, 900_000.0, 120_000.0, 4);
        let sup = supporters(&e);
        let job = Counting::new(&e, &sup, Rule::MesAdd1).help(&e, &sup).expect("add1 can be helped");
        let (n, i) = job.wire(1, 2);
        assert_eq!(Add1Job::from_wire(&n, &i), Some(job.clone().share(1, 2)));
        // The first supporter of the first project that has any: a voter out of range.
        let mut at = 2 + e.projects.len() + i[1 + e.projects.len()] as usize;
        while i[at] == 0 {
            at += 1;
        }
        let bad_voter = {
            let mut i = i.clone();
            i[at + 1] = 300;
            i
        };
        assert_eq!(Add1Job::from_wire(&n, &bad_voter), None);
        assert_eq!(Add1Job::from_wire(&n, &i[..i.len() - 1]), None);
        assert_eq!(Add1Job::from_wire(&n[..4], &i), None);
        let mut nan = n.clone();
        nan[5] = f64::NAN;
        assert_eq!(Add1Job::from_wire(&nan, &i), None);
        assert_eq!(Add1Job::from_wire(&n, &[i.clone(), vec![0]].concat()), None);
        assert!(Counting::new(&e, &sup, Rule::Mes).help(&e, &sup).is_none());
        // A helper's block: read back without its request, and refused when it is not one.
        let verdicts = [Verdict::On, Verdict::Over, Verdict::Exhausted];
        let block = block_wire(3.0, 5, 16, &verdicts);
        assert_eq!(read_block(&block), Some((5, 16, verdicts.to_vec())));
        assert_eq!(read_block(&block[..2]), None);
        assert_eq!(read_block(&[3.0, 5.5, 16.0, 0.0]), None);
        assert_eq!(read_block(&[3.0, 5.0, -1.0, 0.0]), None);
        assert_eq!(read_block(&[3.0, 5.0, 16.0, 3.0]), None);
    }
}
