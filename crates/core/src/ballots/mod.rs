//! Voting rules on real ballots: read an election (a pabulib `.pb` file, or a plain CSV pair),
//! count it with the rules councils use (greedy by votes, the Method of Equal Shares and their
//! completions), and say who gets something and why. Pure: no browser, no clock; the caller reads
//! the file. The rules follow pabutools (the reference implementation) exactly on every fixture in
//! `tests/fixtures/ballots/` (`tools/pabutools_fixtures.py` writes them; `tests/ballots.rs`
//! compares).
//!
//! How ballots are read: approval and choose-1 ballots approve the projects listed; cumulative and
//! scoring ballots approve every project given a positive number of points; ordinal ballots approve
//! every project ranked. Every rule here counts approvals.

pub mod add1;
pub mod equal_shares;
pub mod example;
pub mod pabulib;
pub mod page;
pub mod report;
pub mod rules;

use crate::i18n::Lang;

/// One project on the ballot.
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    /// `project_id`: the name the rules break ties by (lexicographic, as pabutools).
    pub id: String,
    pub cost: f64,
    /// Every column of the project's row, in the header's order (the id and the cost included).
    pub fields: Vec<String>,
}

/// The kind of ballot, from `META vote_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteType {
    Approval,
    Choose1,
    Cumulative,
    Scoring,
    Ordinal,
}

impl VoteType {
    pub fn parse(s: &str) -> Option<VoteType> {
        Some(match s {
            "approval" => VoteType::Approval,
            "choose-1" => VoteType::Choose1,
            "cumulative" => VoteType::Cumulative,
            "scoring" => VoteType::Scoring,
            "ordinal" => VoteType::Ordinal,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            VoteType::Approval => "approval",
            VoteType::Choose1 => "choose-1",
            VoteType::Cumulative => "cumulative",
            VoteType::Scoring => "scoring",
            VoteType::Ordinal => "ordinal",
        }
    }

    /// The kind in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (VoteType::Approval, Lang::Da) => "godkendelse",
            (VoteType::Approval, Lang::En) => "approval",
            (VoteType::Choose1, Lang::Da) => "én stemme",
            (VoteType::Choose1, Lang::En) => "choose one",
            (VoteType::Cumulative, Lang::Da) => "fordelte point",
            (VoteType::Cumulative, Lang::En) => "cumulative points",
            (VoteType::Scoring, Lang::Da) => "point",
            (VoteType::Scoring, Lang::En) => "scores",
            (VoteType::Ordinal, Lang::Da) => "rangordning",
            (VoteType::Ordinal, Lang::En) => "ranking",
        }
    }

    /// How a ballot of this kind is read as approvals, in words.
    pub fn reading(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (VoteType::Approval, Lang::Da) => "Hver stemme godkender de projekter, den nævner.",
            (VoteType::Approval, Lang::En) => "Each ballot approves the projects it lists.",
            (VoteType::Choose1, Lang::Da) => "Hver stemme godkender det ene projekt, den nævner.",
            (VoteType::Choose1, Lang::En) => "Each ballot approves the one project it names.",
            (VoteType::Cumulative | VoteType::Scoring, Lang::Da) => {
                "Point læses som godkendelse: hvert projekt med mindst ét point tæller som én stemme, uanset antallet af point."
            }
            (VoteType::Cumulative | VoteType::Scoring, Lang::En) => {
                "Points are read as approval: every project given at least one point counts as one vote, however many points."
            }
            (VoteType::Ordinal, Lang::Da) => {
                "Rangordninger læses som godkendelse: hvert rangordnet projekt tæller som én stemme, uanset pladsen."
            }
            (VoteType::Ordinal, Lang::En) => {
                "Rankings are read as approval: every ranked project counts as one vote, whatever its place."
            }
        }
    }
}

/// The ballots, compactly: one bitset over the projects per voter, and each voter's row as it was
/// read (its columns joined by [`SEP`]) so that writing the file back keeps every field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Voters {
    words: usize,
    bits: Vec<u64>,
    rows: Vec<Box<str>>,
}

/// Separates a voter's columns in [`Voters`] (the ASCII unit separator, never in a field read).
pub const SEP: char = '\u{1f}';

impl Voters {
    pub fn new(n_projects: usize) -> Voters {
        Voters { words: n_projects.div_ceil(64).max(1), bits: Vec::new(), rows: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Add a voter: the projects approved (indices) and the row's columns.
    pub fn push(&mut self, approved: &[usize], columns: &[&str]) {
        let start = self.bits.len();
        self.bits.resize(start + self.words, 0);
        for &p in approved {
            self.bits[start + p / 64] |= 1 << (p % 64);
        }
        self.rows.push(columns.join(&SEP.to_string()).into_boxed_str());
    }

    /// Whether voter `v` approves project `p`.
    pub fn approves(&self, v: usize, p: usize) -> bool {
        self.bits[v * self.words + p / 64] >> (p % 64) & 1 == 1
    }

    /// The projects voter `v` approves, in index order.
    pub fn approved(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        let row = &self.bits[v * self.words..(v + 1) * self.words];
        row.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let b = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(w * 64 + b)
            })
        })
    }

    /// Voter `v`'s columns, as read.
    pub fn columns(&self, v: usize) -> impl Iterator<Item = &str> {
        self.rows[v].split(SEP)
    }

    /// Bytes held (the bitsets and the rows), for the memory benchmark.
    pub fn bytes(&self) -> usize {
        self.bits.len() * 8 + self.rows.iter().map(|r| r.len() + 16).sum::<usize>()
    }
}

/// An election: what the file says and the ballots.
#[derive(Clone, Debug, PartialEq)]
pub struct Election {
    /// `META` as key-value pairs in the file's order.
    pub meta: Vec<(String, String)>,
    /// The `PROJECTS` header (its first column is `project_id`).
    pub project_header: Vec<String>,
    pub projects: Vec<Project>,
    /// The `VOTES` header (its first column is `voter_id`).
    pub vote_header: Vec<String>,
    pub voters: Voters,
    pub vote_type: VoteType,
    /// `META budget`.
    pub budget: f64,
}

impl Election {
    /// A META value.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// A project's column by header name.
    pub fn project_field(&self, p: usize, column: &str) -> Option<&str> {
        let i = self.project_header.iter().position(|h| h == column)?;
        self.projects[p].fields.get(i).map(String::as_str).filter(|s| !s.is_empty() && *s != "None")
    }

    /// A voter's column by header name.
    pub fn voter_field(&self, v: usize, column: &str) -> Option<&str> {
        let i = self.vote_header.iter().position(|h| h == column)?;
        self.voters.columns(v).nth(i).filter(|s| !s.is_empty() && *s != "None")
    }

    /// Approvals per project.
    pub fn votes(&self) -> Vec<u32> {
        let mut votes = vec![0u32; self.projects.len()];
        for v in 0..self.voters.len() {
            for p in self.voters.approved(v) {
                votes[p] += 1;
            }
        }
        votes
    }

    /// The project's display name (`name` column, else its id).
    pub fn name(&self, p: usize) -> &str {
        self.project_field(p, "name").unwrap_or(&self.projects[p].id)
    }
}

/// An amount as text: whole numbers without a decimal point, others with up to six decimals,
/// without the standard library's float formatting (the browser build has none; ARCHITECTURE.md).
pub fn amount_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        return format!("{}", x as i64);
    }
    let micro = (x * 1e6).round() as i64;
    let text = format!("{}.{:06}", micro / 1_000_000, (micro % 1_000_000).abs());
    text.trim_end_matches('0').to_string()
}
