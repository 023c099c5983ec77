//! One counting of the Method of Equal Shares (MES) with cost utilities on approval ballots: the
//! kernel of the ballots page (MES with add1 counts hundreds of times). [`super::rules`] says what
//! the rules mean; `tests/ballots.rs` compares them with the reference implementation (pabutools)
//! on every fixture. Slices in, no clock: the same bits on every platform. A counting can start
//! from what a counting at a higher share learnt ([`count_below`]): the same result, with less than
//! half the work when the two choose alike.

/// Relative tolerance within which two MES prices count as equal.
pub const TIE: f64 = 1e-10;

/// How a funded project was paid for.
#[derive(Clone, Debug, PartialEq)]
pub struct Paid {
    pub project: usize,
    /// Supporters who paid something.
    pub payers: usize,
    /// The most one supporter paid.
    pub most: f64,
    /// Supporters who had too little left to pay their full share (they paid all they had).
    pub paid_all: usize,
}

/// What one counting funds.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    /// The funded projects, in the order they were chosen.
    pub funded: Vec<usize>,
    /// Each voter's money left at the end.
    pub left: Vec<f64>,
    /// What each supporter of a funded project was asked to pay (all they had if less), in the
    /// same order: [`Counted::paid`] says who paid what.
    pub due: Vec<f64>,
    /// What this counting learnt, for a counting of the same election at a lower share.
    pub trail: Trail,
}

/// What a counting learnt, round by round, that a counting of the same election at a lower share
/// can start from ([`count_below`]): the project chosen in each round, and for every project a
/// price per unit of cost it did not go below that round (infinite for a project its supporters
/// could not afford, or no longer a candidate).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trail {
    /// The project chosen in each round.
    chosen: Vec<usize>,
    /// Round after round, a price for every project (one allocation, not one per round).
    floors: Vec<f64>,
}

impl Trail {
    /// The round's chosen project and every project's floor, if the counting had that round.
    fn round(&self, round: usize, projects: usize) -> Option<(usize, &[f64])> {
        let chosen = *self.chosen.get(round)?;
        Some((chosen, &self.floors[round * projects..(round + 1) * projects]))
    }
}

/// The election as the kernel reads it: per project its cost, its place in the tie-breaking order
/// (the smaller wins) and its supporters (voter indices below `voters`).
pub struct Ballots<'a> {
    pub cost: &'a [f64],
    pub rank: &'a [u32],
    pub supporters: &'a [Vec<u32>],
    pub voters: usize,
}

/// One counting of MES with `share` per voter: a project is funded when its supporters can pay for
/// it together, the one asking the least of each supporter (per unit of cost) first; ties within
/// [`TIE`] go to the smaller rank. A free project or one without supporters satisfies nobody and is
/// never funded (as the reference).
pub fn count(b: &Ballots, share: f64) -> Counted {
    count_below(b, share, None)
}

/// [`count`], started from the [`Trail`] of a counting of the same election at a higher share
/// (`above`); the same result, with less work. Why: while this counting has chosen as that one
/// did, every voter's money in a round is at most what it was there (it starts lower, and each
/// round leaves `max(0, money - part)`, where the part, the least `q` with
/// `sum(min(money, q)) = cost`, can only rise when anyone's money falls). So in that round no
/// project asks less than it did there: one its supporters could not afford there is not priced
/// here either, the others are priced cheapest-first from their price there, and each part is
/// sought upward from there. From the first round that chooses otherwise, the counting goes on
/// alone.
pub fn count_below(b: &Ballots, share: f64, above: Option<&Trail>) -> Counted {
    let mut budget = start_money(b, share);
    let (mut funded, mut due, mut trail) = (Vec::new(), Vec::new(), Trail::default());
    // Candidates with a price per unit of cost they cannot go below: at first an equal split;
    // later the last price found (prices only rise as money is spent) or the one above.
    let mut cand: Vec<(usize, f64)> = (0..b.supporters.len())
        .filter(|&p| !b.supporters[p].is_empty() && b.cost[p] > 0.0)
        .map(|p| (p, 1.0 / b.supporters[p].len() as f64))
        .collect();
    let mut scratch = Scratch::default();
    let mut follows = above;
    loop {
        if let Some(t) = follows {
            // A round past the trail's end is one where nothing could be afforded above.
            let floor = t.round(trail.chosen.len(), b.cost.len()).map(|r| r.1);
            cand.retain_mut(|(p, price)| match floor.map_or(f64::INFINITY, |f| f[*p]) {
                f if f == f64::INFINITY => false,
                f => {
                    *price = price.max(f);
                    true
                }
            });
        }
        sort_by_price(&mut cand, b.rank);
        let Some((chosen, price)) = cheapest(b, &budget, &mut cand, &mut scratch) else {
            break;
        };
        let at = trail.floors.len();
        trail.floors.resize(at + b.cost.len(), f64::INFINITY);
        cand.iter().for_each(|&(p, price)| trail.floors[at + p] = price);
        if follows.and_then(|t| t.round(trail.chosen.len(), b.cost.len())).map(|r| r.0) != Some(chosen) {
            follows = None;
        }
        trail.chosen.push(chosen);
        let asked = price * b.cost[chosen];
        pay(&b.supporters[chosen], &mut budget, asked);
        due.push(asked);
        funded.push(chosen);
        cand.retain(|c| c.0 != chosen);
    }
    Counted { funded, left: budget, due, trail }
}

impl Counted {
    /// How each funded project was paid for, in the order chosen: the counting at `share` replayed
    /// (the same payments in the same order, so the same money, bit for bit). Only the counting a
    /// page shows needs it; MES with add1 counts hundreds of times and replays once.
    pub fn paid(&self, b: &Ballots, share: f64) -> Vec<Paid> {
        let mut budget = start_money(b, share);
        let mut paid = Vec::with_capacity(self.funded.len());
        for (&p, &due) in self.funded.iter().zip(&self.due) {
            let (mut payers, mut most, mut paid_all) = (0, 0.0_f64, 0);
            for &v in &b.supporters[p] {
                let m = budget[v as usize];
                let pay = if m < due { m } else { due };
                payers += usize::from(pay != 0.0);
                paid_all += usize::from(m <= due);
                most = if pay > most { pay } else { most };
            }
            pay(&b.supporters[p], &mut budget, due);
            paid.push(Paid { project: p, payers, most, paid_all });
        }
        paid
    }
}

/// Every voter's money at the start of a counting at `share`: no share below +0 ([`tally`] counts
/// on money never negative; with none, nothing is funded either way).
fn start_money(b: &Ballots, share: f64) -> Vec<f64> {
    vec![if share > 0.0 { share } else { 0.0 }; b.voters]
}

/// Sorts the candidates by price, ties by rank (no two projects share a rank, so this order is
/// total and any sort gives it). By insertion: from one round to the next the list is nearly in
/// order already (only the prices found in the last round moved, and only up), so this is about
/// one comparison per candidate, where a general sort did several and was a tenth of the counting.
fn sort_by_price(cand: &mut [(usize, f64)], rank: &[u32]) {
    let before =
        |x: &(usize, f64), y: &(usize, f64)| x.1.total_cmp(&y.1).then_with(|| rank[x.0].cmp(&rank[y.0])).is_lt();
    for i in 1..cand.len() {
        let mut j = i;
        while j > 0 && before(&cand[j], &cand[j - 1]) {
            cand.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Lists one round of pricing reuses.
#[derive(Default)]
struct Scratch {
    /// The supporters' money of the project being priced, in supporter order: one gather, then
    /// every pass over it reads memory in a row.
    held: Vec<f64>,
    /// The candidates within the tolerance of the cheapest so far, with their prices.
    tied: Vec<(usize, f64)>,
    gone: Vec<usize>,
}

/// The round's choice: the candidate asking the least of each supporter per unit of cost (ties
/// within [`TIE`] to the smaller rank), and its price; `None` when the supporters of none can
/// afford theirs. `cand` is sorted by the price each cannot go below; the ones priced get their
/// price, the ones nobody can afford leave.
fn cheapest(b: &Ballots, budget: &[f64], cand: &mut Vec<(usize, f64)>, s: &mut Scratch) -> Option<(usize, f64)> {
    let mut best = f64::INFINITY;
    s.tied.clear();
    s.gone.clear();
    for (k, (p, price)) in cand.iter_mut().enumerate() {
        // This one and all after it cost at least their last price: none can be cheaper.
        if *price > best * (1.0 + TIE) {
            break;
        }
        let cost = b.cost[*p];
        // The money the supporters hold, and who holds less than the part sought from: the
        // equal split, or the least this one can still ask (a little below, for rounding).
        let supporters: &[u32] = &b.supporters[*p];
        let q0 = cost / supporters.len() as f64;
        let from = (*price * cost * (1.0 - 1e-9)).max(q0);
        let (available, mut poor_money, mut n_poor) = gather_below(supporters, budget, &mut s.held, from);
        if available < cost * (1.0 - TIE) {
            s.gone.push(k);
            continue;
        }
        let held = &s.held[..supporters.len()];
        if n_poor == supporters.len() && from > q0 {
            // Everyone below: only within the tolerance of affording it; sought from the split.
            (_, poor_money, n_poor) = below(held, q0);
        }
        let part = if n_poor == 0 { q0 } else { equal_part(cost, held, poor_money, n_poor) };
        let f = part / cost;
        *price = f;
        if f < best * (1.0 - TIE) {
            best = f;
            s.tied.clear();
            s.tied.push((*p, f));
        } else if f <= best * (1.0 + TIE) {
            s.tied.push((*p, f));
        }
    }
    for &k in s.gone.iter().rev() {
        cand.remove(k);
    }
    // Its own price (not the cheapest's, which may differ in the last bits): what it costs each
    // supporter does not depend on the order the candidates were priced in.
    s.tied.iter().copied().min_by_key(|&(p, _)| b.rank[p])
}

/// The supporters pay `due` each, or all they have if less: each is left `money - min(money,
/// due)`, which is `max(money - due, +0)` bit for bit (money and `due` are never negative nor NaN,
/// and `money - due` is +0, not -0, when they are equal). The difference's sign bit, spread over
/// the word, clears a negative one to +0: integer operations, no branch. (A float comparison here
/// became a branch, a coin toss on this data, natively and in V8's wasm code alike; with the
/// bookkeeping of who paid what, which [`Counted::paid`] now replays for the one counting shown,
/// paying was half the counting's time natively and a third in Chromium.)
fn pay(supporters: &[u32], budget: &mut [f64], due: f64) {
    for &v in supporters {
        let m = &mut budget[v as usize];
        let d = (*m - due).to_bits();
        *m = f64::from_bits(d & !(((d as i64) >> 63) as u64));
    }
}

/// In one pass over `held`: the sum of all, the sum of those below `q`, and how many are below.
/// Four running sums, added pairwise at the end, so that the additions do not wait on one another
/// (these passes are most of the counting's time; the order of the additions is fixed, so every
/// platform gets the same bits), and no branch on the data.
#[inline(always)]
fn below(held: &[f64], q: f64) -> (f64, f64, usize) {
    let q = part_bits(q);
    let (mut a0, mut a1, mut a2, mut a3) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    let (mut l0, mut l1, mut l2, mut l3) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    let (mut n0, mut n1, mut n2, mut n3) = (0usize, 0usize, 0usize, 0usize);
    let mut chunks = held.chunks_exact(4);
    for c in &mut chunks {
        let (m0, m1, m2, m3) = (c[0], c[1], c[2], c[3]);
        tally(m0, q, &mut a0, &mut l0, &mut n0);
        tally(m1, q, &mut a1, &mut l1, &mut n1);
        tally(m2, q, &mut a2, &mut l2, &mut n2);
        tally(m3, q, &mut a3, &mut l3, &mut n3);
    }
    for (k, &m) in chunks.remainder().iter().enumerate() {
        let (a, l, n) = match k {
            0 => (&mut a0, &mut l0, &mut n0),
            1 => (&mut a1, &mut l1, &mut n1),
            _ => (&mut a2, &mut l2, &mut n2),
        };
        tally(m, q, a, l, n);
    }
    ((a0 + a1) + (a2 + a3), (l0 + l1) + (l2 + l3), n0 + n1 + n2 + n3)
}

/// [`below`] while gathering: `held` becomes the money of `supporters` (in their order), and the
/// sums are those of `below(held, q)`, bit for bit (each value goes to the same running sum), in
/// one pass instead of two.
#[inline(always)]
fn gather_below(supporters: &[u32], money: &[f64], held: &mut Vec<f64>, q: f64) -> (f64, f64, usize) {
    let q = part_bits(q);
    // Grown, never cleared: every value is written below (at the size profile, clearing would
    // write each one twice).
    if held.len() < supporters.len() {
        held.resize(supporters.len(), 0.0);
    }
    let (mut a0, mut a1, mut a2, mut a3) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    let (mut l0, mut l1, mut l2, mut l3) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    let (mut n0, mut n1, mut n2, mut n3) = (0usize, 0usize, 0usize, 0usize);
    // (Slices indexed, not the Vec: built for size, a Vec's index is a call per voter.)
    let out: &mut [f64] = &mut held[..supporters.len()];
    let whole = supporters.len() / 4 * 4;
    for (o, v) in out.chunks_exact_mut(4).zip(supporters.chunks_exact(4)) {
        let (m0, m1, m2, m3) = (money[v[0] as usize], money[v[1] as usize], money[v[2] as usize], money[v[3] as usize]);
        o[0] = m0;
        o[1] = m1;
        o[2] = m2;
        o[3] = m3;
        tally(m0, q, &mut a0, &mut l0, &mut n0);
        tally(m1, q, &mut a1, &mut l1, &mut n1);
        tally(m2, q, &mut a2, &mut l2, &mut n2);
        tally(m3, q, &mut a3, &mut l3, &mut n3);
    }
    for k in 0..supporters.len() - whole {
        let m = money[supporters[whole + k] as usize];
        out[whole + k] = m;
        let (a, l, n) = match k {
            0 => (&mut a0, &mut l0, &mut n0),
            1 => (&mut a1, &mut l1, &mut n1),
            _ => (&mut a2, &mut l2, &mut n2),
        };
        tally(m, q, a, l, n);
    }
    ((a0 + a1) + (a2 + a3), (l0 + l1) + (l2 + l3), n0 + n1 + n2 + n3)
}

/// The part's bits for [`tally`], so that it sees `m < q` as the float comparison does for any
/// `q`: no money is below a part that is not positive, or NaN.
#[inline(always)]
fn part_bits(q: f64) -> u64 {
    if q > 0.0 {
        q.to_bits()
    } else {
        0
    }
}

/// Adds `m` to `a`, and to `l` and one to `n` when `m < q` (`q` as [`part_bits`]), without a
/// branch: money is never negative nor NaN, and such floats order as their bits do, so the
/// comparison is the sign of an integer subtraction and the rest masks (at the size profile a
/// float comparison became a branch, a coin toss on this data).
#[inline(always)]
fn tally(m: f64, q: u64, a: &mut f64, l: &mut f64, n: &mut usize) {
    let below = ((m.to_bits().wrapping_sub(q) as i64) >> 63) as u64;
    *a += m;
    *l += f64::from_bits(m.to_bits() & below);
    *n += (below & 1) as usize;
}

/// What each supporter pays for a project of `cost` (they can afford it together; `held` is what
/// each holds): the poorest pay all they have, the rest the same part `q`, the smallest with
/// `sum(min(held, q)) = cost`. Found by the reference's poor/rich iteration, from the equal
/// split's poor (`poor_money`, `n_poor`): everyone who cannot pay the current part pays all they
/// have, and the rest share what is still missing; repeat until nobody else falls short (each pass
/// only raises `q`, so it ends; usually after one or two passes).
#[inline(always)]
fn equal_part(cost: f64, held: &[f64], mut poor_money: f64, mut n_poor: usize) -> f64 {
    loop {
        let q = (cost - poor_money) / (held.len() - n_poor) as f64;
        let (_, money, count) = below(held, q);
        if count == n_poor || count == held.len() {
            return q;
        }
        (poor_money, n_poor) = (money, count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The part by sorting: the poorest pay all they have while that is less than an equal split
    /// of what is still missing.
    fn part_by_sorting(cost: f64, held: &[f64]) -> f64 {
        let mut xs = held.to_vec();
        xs.sort_by(f64::total_cmp);
        let mut missing = cost;
        for (i, &m) in xs.iter().enumerate() {
            let q = missing / (xs.len() - i) as f64;
            if m >= q {
                return q;
            }
            missing -= m;
        }
        // Short of the cost only within the tolerance: everyone pays all they hold.
        xs.last().copied().unwrap_or(f64::INFINITY)
    }

    #[test]
    fn below_counts_and_sums_every_length() {
        for len in 0..13 {
            let held: Vec<f64> = (0..len).map(|i| f64::from(i * 7 % 5)).collect();
            let (all, low, n) = below(&held, 2.5);
            assert_eq!(all, held.iter().sum::<f64>(), "{len}");
            assert_eq!(low, held.iter().filter(|&&m| m < 2.5).sum::<f64>(), "{len}");
            assert_eq!(n, held.iter().filter(|&&m| m < 2.5).count(), "{len}");
        }
    }

    #[test]
    fn tally_compares_as_floats_do_for_any_part() {
        let tiny = f64::MIN_POSITIVE;
        let money = [0.0, tiny / 4.0, tiny, 1e-300, 0.5, 1.0, 1.0 + f64::EPSILON, 333.3, 1e300, f64::MAX];
        let odd = [0.0, -0.0, -1.0, -tiny, f64::NEG_INFINITY, f64::NAN, f64::INFINITY];
        for &m in &money {
            for &q in money.iter().chain(&odd) {
                let (mut a, mut l, mut n) = (0.0, 0.0, 0);
                tally(m, part_bits(q), &mut a, &mut l, &mut n);
                assert_eq!((a, l, n), (m, if m < q { m } else { 0.0 }, usize::from(m < q)), "{m} {q}");
            }
        }
    }

    #[test]
    fn paying_leaves_money_less_the_smaller_of_money_and_due_bit_for_bit() {
        use crate::model::rng::SplitMix64;
        let mut rng = SplitMix64::new(3);
        let tiny = f64::MIN_POSITIVE;
        let mut money: Vec<f64> = vec![0.0, tiny / 4.0, tiny, 1.0, 1.0 + f64::EPSILON, 100.0 / 3.0, 1e300];
        money.extend((0..200).map(|_| (rng.next_f64() * 1e4).floor() / 8.0));
        let supporters: Vec<u32> = (0..money.len() as u32).collect();
        for due in money.iter().copied().chain([0.0, 66.66, 1e-300, 1e301]) {
            let mut budget = money.clone();
            pay(&supporters, &mut budget, due);
            for (m, got) in money.iter().zip(&budget) {
                assert_eq!(got.to_bits(), (m - m.min(due)).to_bits(), "{m} less {due}");
            }
        }
    }

    #[test]
    fn candidates_sort_as_a_general_sort_sorts_them() {
        use crate::model::rng::SplitMix64;
        let mut rng = SplitMix64::new(8);
        for len in 0..40 {
            let rank: Vec<u32> = (0..len as u32).map(|r| (r * 7) % 41).collect();
            // Prices from few values (ties go to the rank), some infinite.
            let mut cand: Vec<(usize, f64)> =
                (0..len).map(|p| (p, [0.5, 0.25, 1.0, f64::INFINITY][(rng.next_u64() % 4) as usize])).collect();
            let mut want = cand.clone();
            want.sort_by(|x, y| x.1.total_cmp(&y.1).then_with(|| rank[x.0].cmp(&rank[y.0])));
            sort_by_price(&mut cand, &rank);
            assert_eq!(cand, want, "{len}");
        }
    }

    #[test]
    fn gathering_sums_as_below_bit_for_bit() {
        let money: Vec<f64> = (0..40).map(|i| f64::from(i * 37 % 11) / 3.0).collect();
        let mut held = vec![9.0; 3];
        for len in 0..17 {
            let supporters: Vec<u32> = (0..len).map(|i| (i * 7 % 40) as u32).collect();
            let got = gather_below(&supporters, &money, &mut held, 1.5);
            let want: Vec<f64> = supporters.iter().map(|&v| money[v as usize]).collect();
            assert_eq!(held[..len], want, "{len}");
            let (a, l, n) = below(&want, 1.5);
            assert_eq!((got.0.to_bits(), got.1.to_bits(), got.2), (a.to_bits(), l.to_bits(), n), "{len}");
        }
    }

    #[test]
    fn the_part_is_the_sorted_one() {
        let held = [1.0, 10.0, 2.0, 10.0, 0.5, 10.0, 3.0];
        for cost in [7.0, 12.0, 20.0, 30.0, 36.5] {
            let q0 = cost / held.len() as f64;
            let (_, pm, np) = below(&held, q0);
            let q = if np == 0 { q0 } else { equal_part(cost, &held, pm, np) };
            assert!((q - part_by_sorting(cost, &held)).abs() < 1e-12, "{cost}: {q}");
            let total: f64 = held.iter().map(|&m| m.min(q)).sum();
            assert!((total - cost).abs() < 1e-9, "{cost}: pays {total}");
        }
    }

    #[test]
    fn the_pabulib_example_funds_as_the_reference() {
        // Three projects, four voters, budget 400: 1 (cost 200) by voters 0-2, 2 (cost 300) by 3,
        // 3 (cost 100) by 0 and 3. Shares of 100: project 1 costs its three supporters 66.7 each;
        // project 3 then finds voter 0 with 33.3 and voter 3 with 100 (pays 66.7); 2 cannot be paid.
        let cost = [200.0, 300.0, 100.0];
        let supporters = vec![vec![0, 1, 2], vec![3], vec![0, 3]];
        let b = Ballots { cost: &cost, rank: &[0, 1, 2], supporters: &supporters, voters: 4 };
        let out = count(&b, 100.0);
        assert_eq!(out.funded, vec![0, 2]);
        let paid = out.paid(&b, 100.0);
        assert_eq!(paid[1].paid_all, 1);
        assert_eq!((paid[0].payers, paid[1].payers), (3, 2));
        assert!((paid[1].most - (100.0 - 100.0 / 3.0)).abs() < 1e-9, "{paid:?}");
        assert!((out.left[3] - (100.0 - (100.0 - 100.0 / 3.0))).abs() < 1e-9, "{:?}", out.left);
    }

    /// MES the plain way: every candidate priced every round (by sorting), the cheapest funded.
    fn plain(b: &Ballots, share: f64) -> Vec<usize> {
        let mut budget = vec![share; b.voters];
        let mut funded: Vec<usize> = Vec::new();
        loop {
            let mut best: Option<(f64, usize)> = None;
            for p in 0..b.cost.len() {
                if funded.contains(&p) || b.supporters[p].is_empty() || b.cost[p] <= 0.0 {
                    continue;
                }
                let held: Vec<f64> = b.supporters[p].iter().map(|&v| budget[v as usize]).collect();
                if held.iter().sum::<f64>() < b.cost[p] * (1.0 - TIE) {
                    continue;
                }
                let f = part_by_sorting(b.cost[p], &held) / b.cost[p];
                best = match best {
                    Some((g, q)) if g < f * (1.0 - TIE) || (g <= f * (1.0 + TIE) && b.rank[q] < b.rank[p]) => {
                        Some((g, q))
                    }
                    _ => Some((f, p)),
                };
            }
            let Some((f, p)) = best else { return funded };
            let due = f * b.cost[p];
            for &v in &b.supporters[p] {
                let m = &mut budget[v as usize];
                *m -= m.min(due);
            }
            funded.push(p);
        }
    }

    /// A random election: 2 to `projects + 1` projects, 1 to `voters` voters, costs a multiple of
    /// `step` below `levels * step` (often equal, some free), each voter for each project with
    /// probability `p`. Costs, supporters and the number of voters.
    pub(super) fn random_election(
        rng: &mut crate::model::rng::SplitMix64,
        projects: u64,
        voters: u64,
        (levels, step): (u64, u64),
        p: f64,
    ) -> (Vec<f64>, Vec<Vec<u32>>, usize) {
        let projects = 2 + (rng.next_u64() % projects) as usize;
        let voters = 1 + (rng.next_u64() % voters) as usize;
        let cost: Vec<f64> = (0..projects).map(|_| ((rng.next_u64() % levels) * step) as f64).collect();
        let mut supporters = vec![Vec::new(); projects];
        for v in 0..voters as u32 {
            for s in supporters.iter_mut() {
                if rng.next_f64() < p {
                    s.push(v);
                }
            }
        }
        (cost, supporters, voters)
    }

    #[test]
    fn funds_what_the_plain_way_funds() {
        use crate::model::rng::SplitMix64;
        let mut rng = SplitMix64::new(11);
        let mut compared = 0;
        for case in 0..300 {
            // Whole costs, often equal (ties), a few free.
            let (cost, supporters, voters) = random_election(&mut rng, 12, 60, (6, 50), 0.35);
            let rank: Vec<u32> = (0..cost.len() as u32).rev().collect();
            let b = Ballots { cost: &cost, rank: &rank, supporters: &supporters, voters };
            let total: f64 = cost.iter().sum();
            for share in [total / voters as f64 / 3.0, total / voters as f64 / 1.5, 7.0] {
                assert_eq!(count(&b, share).funded, plain(&b, share), "case {case}, share {share}");
                compared += 1;
            }
        }
        assert_eq!(compared, 900);
    }
}

#[cfg(test)]
mod from_above {
    use super::tests::random_election;
    use super::*;
    use crate::model::rng::SplitMix64;

    #[test]
    fn a_counting_from_one_above_is_the_counting_alone_bit_for_bit() {
        let mut rng = SplitMix64::new(5);
        let mut diverged = 0;
        for case in 0..200 {
            let (cost, supporters, voters) = random_election(&mut rng, 20, 300, (8, 25), 0.3);
            let rank: Vec<u32> = (0..cost.len() as u32).collect();
            let b = Ballots { cost: &cost, rank: &rank, supporters: &supporters, voters };
            let total: f64 = cost.iter().sum();
            let base = (total / voters as f64 / 3.0).floor();
            for step in 0..6 {
                let share = base + step as f64;
                let above = count(&b, share + 1.0);
                let alone = count(&b, share);
                let from = count_below(&b, share, Some(&above.trail));
                diverged += usize::from(above.funded != alone.funded);
                assert_eq!(from.funded, alone.funded, "case {case} share {share}");
                assert_eq!(from.due, alone.due, "case {case} share {share}");
                assert_eq!(from.paid(&b, share), alone.paid(&b, share), "case {case} share {share}");
                let bits = |c: &Counted| c.left.iter().map(|m| m.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&from), bits(&alone), "case {case} share {share}");
            }
        }
        // Some countings above chose otherwise, so the part where this one goes on alone is tried.
        assert!(diverged > 20, "{diverged}");
    }
}
