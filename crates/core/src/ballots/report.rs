//! What a council sees of an outcome: who got something, how evenly the money reached voters, by
//! group where the file has groups, and why a project was (not) funded.

use super::rules::{greedy_order, Outcome, Rule};
use super::Election;
use crate::format;
use crate::i18n::Lang;

/// The figures of one outcome.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Summary {
    pub rule: &'static str,
    pub funded: Vec<String>,
    pub cost: f64,
    pub left: f64,
    /// Share of all voters with at least one project they voted for funded.
    pub voters_with_funded: f64,
    /// Mean over voters who approved something of the share of the money they supported that was funded.
    pub supported_money_funded: f64,
    /// Gini coefficient of the funded money per voter (each funded project's cost split equally
    /// among the voters who supported it): 0 when every voter gets the same, 1 when one gets all.
    pub gini: f64,
    /// By voter group (district, age, sex, voting method, where the file has them): the column,
    /// the group, its voters, the share of them with a funded project.
    pub groups: Vec<Group>,
    /// Funded money by project category (where the file has categories).
    pub categories: Vec<(String, f64)>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Group {
    pub column: String,
    pub group: String,
    pub voters: usize,
    pub with_funded: f64,
}

/// Voter columns read as groups.
pub const GROUP_COLUMNS: [&str; 6] = ["district", "neighborhood", "subunit", "age", "sex", "voting_method"];

fn age_group(s: &str) -> String {
    match s.trim().parse::<f64>() {
        Ok(a) if a < 30.0 => "<30".into(),
        Ok(a) if a < 45.0 => "30-44".into(),
        Ok(a) if a < 65.0 => "45-64".into(),
        Ok(_) => "65+".into(),
        Err(_) => s.into(),
    }
}

/// Gini coefficient of non-negative values (0 for none or all zero).
pub fn gini(values: &mut [f64]) -> f64 {
    let n = values.len();
    let total: f64 = values.iter().sum();
    if n == 0 || total <= 0.0 {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let weighted: f64 = values.iter().enumerate().map(|(i, x)| (2.0 * (i as f64 + 1.0) - n as f64 - 1.0) * x).sum();
    weighted / (n as f64 * total)
}

/// The summary of `out` on `e` (`sup`: the supporters per project, from [`super::rules::supporters`]).
pub fn summarise(e: &Election, sup: &[Vec<u32>], out: &Outcome) -> Summary {
    let n = e.voters.len();
    let mut is_funded = vec![false; e.projects.len()];
    out.funded.iter().for_each(|&p| is_funded[p] = true);
    let mut money = vec![0.0; n];
    for &p in &out.funded {
        if !sup[p].is_empty() {
            let part = e.projects[p].cost / sup[p].len() as f64;
            sup[p].iter().for_each(|&v| money[v as usize] += part);
        }
    }
    let mut served = vec![false; n];
    let (mut shares, mut approving) = (0.0, 0usize);
    for (v, s) in served.iter_mut().enumerate() {
        let (mut wanted, mut got) = (0.0, 0.0);
        for p in e.voters.approved(v) {
            wanted += e.projects[p].cost;
            if is_funded[p] {
                got += e.projects[p].cost;
                *s = true;
            }
        }
        if wanted > 0.0 {
            shares += got / wanted;
            approving += 1;
        }
    }
    let share_of = |count: usize, of: usize| if of == 0 { 0.0 } else { count as f64 / of as f64 };
    let mut groups = Vec::new();
    for column in GROUP_COLUMNS {
        if !e.vote_header.iter().any(|h| h == column) {
            continue;
        }
        let mut tally: Vec<(String, usize, usize)> = Vec::new();
        for (v, s) in served.iter().enumerate() {
            let raw = e.voter_field(v, column).unwrap_or("?");
            let g = if column == "age" { age_group(raw) } else { raw.to_string() };
            match tally.iter_mut().find(|t| t.0 == g) {
                Some(t) => {
                    t.1 += 1;
                    t.2 += usize::from(*s);
                }
                None => tally.push((g, 1, usize::from(*s))),
            }
        }
        tally.sort_by(|a, b| a.0.cmp(&b.0));
        groups.extend(tally.into_iter().map(|(g, all, yes)| Group {
            column: column.to_string(),
            group: g,
            voters: all,
            with_funded: share_of(yes, all),
        }));
    }
    let mut categories: Vec<(String, f64)> = Vec::new();
    for &p in &out.funded {
        for c in e.project_field(p, "category").unwrap_or("").split(',').map(str::trim).filter(|c| !c.is_empty()) {
            match categories.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1 += e.projects[p].cost,
                None => categories.push((c.to_string(), e.projects[p].cost)),
            }
        }
    }
    categories.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Summary {
        rule: out.rule.key(),
        funded: out.funded.iter().map(|&p| e.projects[p].id.clone()).collect(),
        cost: out.cost,
        left: e.budget - out.cost,
        voters_with_funded: share_of(served.iter().filter(|s| **s).count(), n),
        supported_money_funded: if approving == 0 { 0.0 } else { shares / approving as f64 },
        gini: gini(&mut money),
        groups,
        categories,
    }
}

/// Why project `p` was (not) funded under `out`, in words.
pub fn why(e: &Election, sup: &[Vec<u32>], out: &Outcome, p: usize, lang: Lang) -> String {
    let w = Why { e, sup, out, p, lang, cost: e.projects[p].cost, votes: sup[p].len() };
    let position = out.funded.iter().position(|&q| q == p);
    if w.votes == 0 && position.is_none() {
        return if lang == Lang::Da { "Ingen stemte på det.".into() } else { "Nobody voted for it.".into() };
    }
    match out.rule {
        Rule::Phragmen => w.phragmen(position),
        Rule::Greedy | Rule::GreedyStop | Rule::GreedyPerCost => w.greedy(position.is_some()),
        Rule::Mes | Rule::MesAdd1 | Rule::MesGreedy | Rule::MesAdd1Greedy => w.equal_shares(position),
    }
}

/// What every answer to "why (not) funded?" reads: the election, the project and its cost and votes.
struct Why<'a> {
    e: &'a Election,
    sup: &'a [Vec<u32>],
    out: &'a Outcome,
    p: usize,
    lang: Lang,
    cost: f64,
    votes: usize,
}

impl Why<'_> {
    fn money(&self, x: f64) -> String {
        format::number(x, 0, self.lang)
    }

    /// Sequential Phragmén: when its supporters had earned enough, or what stopped the count.
    fn phragmen(&self, position: Option<usize>) -> String {
        let Why { e, out, p, cost, votes, .. } = *self;
        let (lang, da) = (self.lang, self.lang == Lang::Da);
        let money = |x: f64| self.money(x);
        match position {
            Some(i) => {
                let load = out.paid.get(i).map_or(0.0, |x| x.most);
                if da {
                    format!(
                        "Købt som nr. {} af {votes} tilhængere, da hver af dem havde tjent {} (alt, de havde, gik til det).",
                        i + 1,
                        money(load)
                    )
                } else {
                    format!(
                        "Bought as number {} by its {votes} supporters, when each of them had earned {} (all they held went into it).",
                        i + 1,
                        money(load)
                    )
                }
            }
            None => {
                let spent: f64 = out.funded.iter().map(|&q| e.projects[q].cost).sum();
                match out.stopped_by {
                    _ if cost > e.budget => match lang {
                        Lang::Da => format!("Det koster {} mere end hele budgettet.", money(cost - e.budget)),
                        Lang::En => format!("It costs {} more than the whole budget.", money(cost - e.budget)),
                    },
                    Some(q) if q == p => match lang {
                        Lang::Da => format!(
                            "Det var det næste, dets {votes} tilhængere kunne købe, men det kostede {} og der var {} tilbage, så optællingen stoppede.",
                            money(cost),
                            money(e.budget - spent)
                        ),
                        Lang::En => format!(
                            "It was the next its {votes} supporters could buy, but it cost {} and {} was left, so the count stopped.",
                            money(cost),
                            money(e.budget - spent)
                        ),
                    },
                    Some(q) => match lang {
                        Lang::Da => format!(
                            "Optællingen stoppede, før dets {votes} tilhængere havde tjent nok: det næste projekt, »{}«, kunne ikke betales af de {} tilbage.",
                            e.name(q),
                            money(e.budget - spent)
                        ),
                        Lang::En => format!(
                            "The count stopped before its {votes} supporters had earned enough: the next project, \"{}\", did not fit in the {} left.",
                            e.name(q),
                            money(e.budget - spent)
                        ),
                    },
                    None => match lang {
                        Lang::Da => "Alt, der kunne købes inden for budgettet, blev købt, før det var dets tur.".into(),
                        Lang::En => "Everything that fitted in the budget was bought before its turn.".into(),
                    },
                }
            }
        }
    }

    /// Greedy: its place in the count and money left, or what took its place.
    fn greedy(&self, funded: bool) -> String {
        let Why { e, sup, out, p, cost, votes, .. } = *self;
        let da = self.lang == Lang::Da;
        let money = |x: f64| self.money(x);
        if funded {
            let ahead = rank(e, sup, out.rule, p);
            if da {
                format!("{votes} stemmer; nr. {} i optællingen, og der var penge nok, da det var dets tur.", ahead + 1)
            } else {
                format!("{votes} votes; number {} in the count, and money was left when its turn came.", ahead + 1)
            }
        } else {
            let order = greedy_order(e, sup, out.rule, &[]);
            let mine = order.iter().position(|&q| q == p).unwrap_or(0);
            let before: Vec<usize> = order[..mine].iter().copied().filter(|q| out.funded.contains(q)).collect();
            let left = e.budget - before.iter().map(|&q| e.projects[q].cost).sum::<f64>();
            let stopped = out.rule == Rule::GreedyStop && left >= cost;
            let names: Vec<&str> = before.iter().rev().take(3).map(|&q| e.name(q)).collect();
            match (stopped, da) {
                (true, true) => format!("{votes} stemmer. Optællingen stoppede før det, ved det første projekt, der ikke kunne betales."),
                (true, false) => format!("{votes} votes. The count stopped before it, at the first project that did not fit."),
                (false, true) => format!(
                    "{votes} stemmer. Da det var dets tur, var der {} tilbage, og det kostede {}. Senest finansieret før det: {}.",
                    money(left),
                    money(cost),
                    names.join(", ")
                ),
                (false, false) => format!(
                    "{votes} votes. When its turn came {} was left and it cost {}. Funded just before it: {}.",
                    money(left),
                    money(cost),
                    names.join(", ")
                ),
            }
        }
    }

    /// Equal Shares: who paid and how much, the completion that funded it, or how much its
    /// supporters had left and what it would have needed.
    fn equal_shares(&self, position: Option<usize>) -> String {
        let Why { sup, out, p, cost, votes, .. } = *self;
        let e = self.e;
        let (lang, da) = (self.lang, self.lang == Lang::Da);
        let money = |x: f64| self.money(x);
        match position {
            Some(i) if i >= out.by_mes => {
                if da {
                    format!(
                        "Finansieret af de penge, lige andele efterlod, i rækkefølge efter stemmer ({votes} stemmer)."
                    )
                } else {
                    format!("Funded from the money Equal Shares left, in order of votes ({votes} votes).")
                }
            }
            Some(_) => {
                let paid = out.paid.iter().find(|x| x.project == p);
                match paid {
                    Some(x) => match lang {
                        Lang::Da => format!(
                            "Dets {votes} tilhængere betalte sammen {}: {} betalte, højst {} hver; {} brugte alt, de havde tilbage.",
                            money(cost),
                            x.payers,
                            money(x.most),
                            x.paid_all
                        ),
                        Lang::En => format!(
                            "Its {votes} supporters paid {} together: {} paid, at most {} each; {} spent all they had left.",
                            money(cost),
                            x.payers,
                            money(x.most),
                            x.paid_all
                        ),
                    },
                    None => match lang {
                        Lang::Da => "Gratis, og nogen stemte på det.".into(),
                        Lang::En => "Free, and someone voted for it.".into(),
                    },
                }
            }
            None => {
                let had: f64 = sup[p].iter().map(|&v| out.left.get(v as usize).copied().unwrap_or(0.0)).sum();
                let total_left = e.budget - out.cost;
                if had >= cost {
                    if da {
                        format!(
                            "Dets {votes} tilhængere havde {} tilbage, nok til {}, men andre projekter krævede mindre af hver; da det var dets tur, var der ikke plads i budgettet (tilbage: {}).",
                            money(had),
                            money(cost),
                            money(total_left)
                        )
                    } else {
                        format!(
                            "Its {votes} supporters had {} left, enough for {}, but other projects asked less of each; when its turn came the budget had no room (left: {}).",
                            money(had),
                            money(cost),
                            money(total_left)
                        )
                    }
                } else if da {
                    format!(
                        "Dets {votes} tilhængere havde tilsammen {} tilbage; det kostede {}, så de manglede {}.",
                        money(had),
                        money(cost),
                        money(cost - had)
                    )
                } else {
                    format!(
                        "Its {votes} supporters had {} left between them; it cost {}, so they were {} short.",
                        money(had),
                        money(cost),
                        money(cost - had)
                    )
                }
            }
        }
    }
}

fn rank(e: &Election, sup: &[Vec<u32>], rule: Rule, p: usize) -> usize {
    greedy_order(e, sup, rule, &[]).iter().position(|&q| q == p).unwrap_or(0)
}
