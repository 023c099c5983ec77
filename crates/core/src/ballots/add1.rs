//! MES with add1 ([`super::rules`]): count again and again, one unit of share higher each time,
//! until the outcome would exceed the budget (then the last that did not) or no further project
//! fits. The shares above the first are counted in blocks: block `j` holds the steps
//! `j * size + 1 ..= (j + 1) * size` above the base share, counted from the top down (each
//! counting from the one a unit above, [`count_below`], which saves most of its work) and then read
//! upward as the reference reads them.
//!
//! Blocks do not depend on each other, so helpers can count them: an [`Add1Job`] is one helper's
//! share (every `stride`-th block from `first`; the ballots page runs two in web workers), and
//! the counting here takes in each block's [`Verdict`]s ([`super::rules::Counting::take_block`]) and
//! reads them in order. It recounts only the share it ends on: the same outcome, bit for bit, as
//! counting every block here (a test compares).

use super::equal_shares::{count_below, Ballots, Counted};
use super::rules::{outcome_of, Outcome, Rule};
use super::Election;

/// What one counting says to add1, read upward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Within the budget, and a candidate still fits: count one unit higher.
    On,
    /// Over the budget: the outcome is the counting one unit lower.
    Over,
    /// Within the budget, and no candidate left that fits: the outcome is this counting.
    Exhausted,
}

impl Verdict {
    /// For the wire: 0, 1, 2.
    pub fn code(self) -> f64 {
        match self {
            Verdict::On => 0.0,
            Verdict::Over => 1.0,
            Verdict::Exhausted => 2.0,
        }
    }

    pub fn from_code(x: f64) -> Option<Verdict> {
        [Verdict::On, Verdict::Over, Verdict::Exhausted].into_iter().find(|v| v.code() == x)
    }
}

/// What the projects `funded` cost together.
pub(super) fn spent(cost: &[f64], funded: &[usize]) -> f64 {
    funded.iter().map(|&p| cost[p]).sum()
}

/// Whether no project of `among` outside `funded` still fits in `budget`.
pub(super) fn exhaustive(cost: &[f64], budget: f64, funded: &[usize], among: impl Iterator<Item = usize>) -> bool {
    let spent = spent(cost, funded);
    let mut is_funded = vec![false; cost.len()];
    funded.iter().for_each(|&p| is_funded[p] = true);
    among.filter(|&p| !is_funded[p]).all(|p| cost[p] + spent > budget)
}

/// The verdict on a counting that funded `funded`, `candidates` the projects MES could fund.
pub(super) fn verdict(cost: &[f64], budget: f64, candidates: &[usize], funded: &[usize]) -> Verdict {
    if spent(cost, funded) > budget {
        Verdict::Over
    } else if exhaustive(cost, budget, funded, candidates.iter().copied()) {
        Verdict::Exhausted
    } else {
        Verdict::On
    }
}

/// Count the next share of the block whose top step is `top` (from the top down, each from the
/// trail of the one above) into `block`; true when its lowest step (`top + 1 - size`) is counted.
pub(super) fn count_down(b: &Ballots, base: f64, top: usize, size: usize, block: &mut Vec<Counted>) -> bool {
    let step = top - block.len();
    let above = block.last_mut().map(|c| std::mem::take(&mut c.trail));
    block.push(count_below(b, base + step as f64, above.as_ref()));
    step + size == top + 1
}

/// Shares in a block for an election of `voters`: 16, fewer on a large election (a block's
/// countings are held until it is read: at most about a million voters' money).
pub(super) fn block_size(voters: usize) -> usize {
    (1_000_000 / voters.max(1)).clamp(2, 16)
}

/// One helper's share of an add1 counting: the election as the kernel reads it, and every
/// `stride`-th block from `first`. Made by [`super::rules::Counting::help`], sent to a helper as
/// numbers ([`Add1Job::wire`], [`Add1Job::from_wire`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Add1Job {
    pub(super) cost: Vec<f64>,
    pub(super) rank: Vec<u32>,
    pub(super) supporters: Vec<Vec<u32>>,
    pub(super) voters: usize,
    pub(super) budget: f64,
    pub(super) base: f64,
    pub(super) size: usize,
    pub(super) candidates: Vec<usize>,
    next: usize,
    stride: usize,
    counted: usize,
    ended: bool,
}

impl Add1Job {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        cost: Vec<f64>,
        rank: Vec<u32>,
        supporters: Vec<Vec<u32>>,
        voters: usize,
        budget: f64,
        base: f64,
        size: usize,
        candidates: Vec<usize>,
    ) -> Add1Job {
        Add1Job {
            cost,
            rank,
            supporters,
            voters,
            budget,
            base,
            size,
            candidates,
            next: 0,
            stride: 1,
            counted: 0,
            ended: false,
        }
    }

    /// The share of the blocks `first`, `first + stride`, … (`stride` at least 1).
    pub fn share(mut self, first: usize, stride: usize) -> Add1Job {
        (self.next, self.stride) = (first, stride.max(1));
        self
    }

    /// The countings made so far.
    pub fn counted(&self) -> usize {
        self.counted
    }

    /// Count the next block of this share: its number and the verdict on each of its shares,
    /// upward. `None` once a block has ended the counting (the blocks above it are not needed).
    /// (Some block always ends it: at a share as large as the dearest project, every candidate is
    /// funded or cannot fit.)
    pub fn next_block(&mut self) -> Option<(usize, Vec<Verdict>)> {
        let j = self.next;
        let top = j.checked_add(1)?.checked_mul(self.size)?;
        if self.ended {
            return None;
        }
        let b = Ballots { cost: &self.cost, rank: &self.rank, supporters: &self.supporters, voters: self.voters };
        let mut block = Vec::with_capacity(self.size);
        while {
            self.counted += 1;
            !count_down(&b, self.base, top, self.size, &mut block)
        } {}
        let verdicts: Vec<Verdict> =
            block.iter().rev().map(|c| verdict(&self.cost, self.budget, &self.candidates, &c.funded)).collect();
        self.ended = verdicts.iter().any(|v| *v != Verdict::On);
        self.next = j.saturating_add(self.stride);
        Some((j, verdicts))
    }

    /// The job as numbers for a helper, with its share: `numbers` = budget, base share, block
    /// size, first block, stride, then each project's cost; `ids` = voters, each project's rank,
    /// the number of candidates and each, then per project its number of supporters and each.
    pub fn wire(&self, first: usize, stride: usize) -> (Vec<f64>, Vec<u32>) {
        let mut numbers = vec![self.budget, self.base, self.size as f64, first as f64, stride as f64];
        numbers.extend_from_slice(&self.cost);
        let mut ids = vec![self.voters as u32];
        ids.extend_from_slice(&self.rank);
        ids.push(self.candidates.len() as u32);
        ids.extend(self.candidates.iter().map(|&p| p as u32));
        for s in &self.supporters {
            ids.push(s.len() as u32);
            ids.extend_from_slice(s);
        }
        (numbers, ids)
    }

    /// A job read back from [`Add1Job::wire`]; `None` if the numbers are not one (wrong lengths,
    /// a voter or project out of range, a cost or share that is not a finite number).
    pub fn from_wire(numbers: &[f64], ids: &[u32]) -> Option<Add1Job> {
        let whole = |x: f64| (x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x < 1e9).then_some(x as usize);
        let [budget, base, size, first, stride, costs @ ..] = numbers else { return None };
        let (size, first, stride) = (whole(*size)?, whole(*first)?, whole(*stride)?);
        if !(budget.is_finite() && base.is_finite()) || size == 0 || costs.iter().any(|c| !c.is_finite()) {
            return None;
        }
        let projects = costs.len();
        let mut rest = ids.iter().map(|&x| x as usize);
        let voters = rest.next()?;
        let rank: Vec<u32> = rest.by_ref().take(projects).map(|r| r as u32).collect();
        let n = rest.next()?;
        let candidates: Vec<usize> = rest.by_ref().take(n).collect();
        if rank.len() != projects || candidates.len() != n || candidates.iter().any(|&p| p >= projects) {
            return None;
        }
        let mut supporters = Vec::with_capacity(projects);
        for _ in 0..projects {
            let n = rest.next()?;
            let s: Vec<u32> = rest.by_ref().take(n).map(|v| v as u32).collect();
            if s.len() != n || s.iter().any(|&v| v as usize >= voters) {
                return None;
            }
            supporters.push(s);
        }
        if rest.next().is_some() {
            return None;
        }
        Some(
            Add1Job::new(costs.to_vec(), rank, supporters, voters, *budget, *base, size, candidates)
                .share(first, stride),
        )
    }
}

/// Where an add1 counting has come here ([`super::rules::Counting`]). It finds what the
/// reference finds counting one unit of share at a time upward.
pub(super) struct Add1 {
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
    pub(super) counted: usize,
}

impl Add1 {
    pub(super) fn new(e: &Election, sup: &[Vec<u32>]) -> Add1 {
        let cost: Vec<f64> = e.projects.iter().map(|p| p.cost).collect();
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
    pub(super) fn help(&mut self, e: &Election, sup: &[Vec<u32>], rank: &[u32]) -> Add1Job {
        self.helped = true;
        let (cost, candidates) = (self.cost.clone(), self.candidates.clone());
        Add1Job::new(cost, rank.to_vec(), sup.to_vec(), e.voters.len(), e.budget, self.base, self.size, candidates)
    }

    /// Count here again (the helpers failed); blocks they gave are still read.
    pub(super) fn unhelp(&mut self) {
        self.helped = false;
    }

    pub(super) fn helped(&self) -> bool {
        self.helped
    }

    /// A helper's block `j` (false, and nothing taken, if it is not one: wrong length, or a block
    /// already read or given).
    pub(super) fn take_block(&mut self, j: usize, counted: usize, verdicts: Vec<Verdict>) -> bool {
        let read = self.at.as_ref().map_or(0, |(k, _)| k / self.size);
        let fits = verdicts.len() == self.size && j >= read && self.given.iter().all(|(g, _)| *g != j);
        if fits {
            self.given.push((j, verdicts));
            self.counted += counted;
        }
        fits
    }

    /// Waiting for a helper's block: helped, the first share counted, the next block not given.
    pub(super) fn waiting(&self) -> bool {
        self.helped && self.at.as_ref().is_some_and(|(k, _)| self.given.iter().all(|(j, _)| *j != k / self.size))
    }

    /// One counting here, or a block read; the outcome once the reference would have stopped:
    /// when the outcome of a share (one unit above the last) exceeds the budget, the last that
    /// did not; when no candidate still fits, that one.
    pub(super) fn advance(&mut self, e: &Election, sup: &[Vec<u32>], rank: &[u32], rule: Rule) -> Option<Outcome> {
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

/// Each voter's share of the budget before add1 raises it.
pub(super) fn base_share(e: &Election) -> f64 {
    if e.voters.is_empty() {
        0.0
    } else {
        e.budget / e.voters.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::super::example::generate;
    use super::super::rules::{count_with, supporters, Counting, Rule};
    use super::*;

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
                            if let Some((j, v)) = job.next_block() {
                                assert!(c.take_block(j, job.size, v), "block {j}");
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
    }
}
