//! MES with add1 ([`super::rules`]): count again and again, one unit of share higher each time,
//! until the outcome would exceed the budget (then the last that did not) or no further project
//! fits. The shares above the first are counted in blocks: block `j` holds the steps
//! `j * size + 1 ..= (j + 1) * size` above the base share, counted from the top down (each
//! counting from the one a unit above, [`count_below`], which saves most of its work) and then read
//! upward as the reference reads them.
//!
//! Blocks do not depend on each other, so helpers can count them: an [`Add1Job`] is one helper's
//! share (every `stride`-th block from `first`; the ballots page runs two in web workers), and
//! the counting (`rules::Counting::take_block`) takes in each block's [`Verdict`]s and reads them in
//! order. It recounts only the share it ends on: the same outcome, bit for bit, as counting every
//! block itself (a test in `rules.rs` compares). This module imports only the kernel.

use super::equal_shares::{count_below, Ballots, Counted};

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

/// A helper's answer for one block, as numbers: `[request, block, countings, verdict codes…]`
/// (read back by [`read_block`]).
pub fn block_wire(request: f64, block: usize, counted: usize, verdicts: &[Verdict]) -> Vec<f64> {
    [request, block as f64, counted as f64].into_iter().chain(verdicts.iter().map(|v| v.code())).collect()
}

/// A [`block_wire`] read back, without its request: the block, its countings and its verdicts;
/// `None` if the numbers are not one.
pub fn read_block(v: &[f64]) -> Option<(usize, usize, Vec<Verdict>)> {
    let whole = |x: f64| (x >= 0.0 && x.fract() == 0.0).then_some(x as usize);
    let [_, block, counted, verdicts @ ..] = v else { return None };
    Some((whole(*block)?, whole(*counted)?, verdicts.iter().map(|&c| Verdict::from_code(c)).collect::<Option<_>>()?))
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
