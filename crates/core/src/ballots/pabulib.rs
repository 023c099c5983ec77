//! Reading and writing pabulib `.pb` files (the open format of the pabulib.org library): sections
//! `META`, `PROJECTS` and `VOTES`, each a header line and `;`-separated rows with CSV quoting.
//! Also a plain CSV pair (projects: id, name, cost; votes: voter id, approved ids). A bad file is
//! refused with its section, line and field named ([`BadFile`]); writing back keeps every field.

use super::{Election, Project, VoteType, Voters};
use crate::i18n::Lang;

/// Where in the file a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Meta,
    Projects,
    Votes,
    /// Before the first section, or the file as a whole.
    File,
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Section::Meta => "META",
            Section::Projects => "PROJECTS",
            Section::Votes => "VOTES",
            Section::File => "",
        }
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// No `META`, `PROJECTS` or `VOTES` section where one is needed.
    MissingSection,
    /// A META key the rules need (`budget`, `vote_type`).
    MissingMeta(&'static str),
    /// A header without a column the reader needs (`project_id`, `cost`, `vote`).
    MissingColumn(&'static str),
    /// Not a number (or negative, or not finite) where one is needed.
    BadNumber(String),
    /// A vote names a project not in PROJECTS.
    UnknownProject(String),
    /// Two projects with the same id.
    DuplicateProject(String),
    /// `vote_type` other than approval, choose-1, cumulative, scoring, ordinal.
    UnknownVoteType(String),
    /// A quote opened and never closed.
    OpenQuote,
    /// More columns in the row than in the header.
    TooManyColumns { header: usize, row: usize },
    /// `points` does not have one number per project voted for.
    PointsMismatch,
}

/// A refused file: the problem, its section, its line (1-based) and the column concerned.
#[derive(Clone, Debug, PartialEq)]
pub struct BadFile {
    pub section: Section,
    pub line: usize,
    pub field: Option<String>,
    pub problem: Problem,
}

impl BadFile {
    fn at(section: Section, line: usize, field: Option<&str>, problem: Problem) -> BadFile {
        BadFile { section, line, field: field.map(str::to_string), problem }
    }

    /// The message a councillor reads.
    pub fn message(&self, lang: Lang) -> String {
        let da = lang == Lang::Da;
        let shown = |s: &str| crate::model::scenario::shorten(s, 40);
        let what = match &self.problem {
            Problem::MissingSection => {
                if da {
                    "filen mangler en af sektionerne META, PROJECTS og VOTES, så den er ikke en pabulib-fil".into()
                } else {
                    "the file lacks one of the sections META, PROJECTS and VOTES, so it is not a pabulib file".into()
                }
            }
            Problem::MissingMeta(k) => {
                if da {
                    format!("META mangler »{k}«")
                } else {
                    format!("META has no \"{k}\"")
                }
            }
            Problem::MissingColumn(c) => {
                if da {
                    format!("overskriften mangler kolonnen »{c}«")
                } else {
                    format!("the header has no column \"{c}\"")
                }
            }
            Problem::BadNumber(v) => {
                if da {
                    format!("»{}« er ikke et tal, der kan bruges her", shown(v))
                } else {
                    format!("\"{}\" is not a number that can be used here", shown(v))
                }
            }
            Problem::UnknownProject(v) => {
                if da {
                    format!("projektet »{}« står ikke under PROJECTS", shown(v))
                } else {
                    format!("the project \"{}\" is not listed under PROJECTS", shown(v))
                }
            }
            Problem::DuplicateProject(v) => {
                if da {
                    format!("projektet »{}« står to gange", shown(v))
                } else {
                    format!("the project \"{}\" is listed twice", shown(v))
                }
            }
            Problem::UnknownVoteType(v) => {
                if da {
                    format!("stemmetypen »{}« kendes ikke (approval, choose-1, cumulative, scoring, ordinal)", shown(v))
                } else {
                    format!(
                        "the vote type \"{}\" is unknown (approval, choose-1, cumulative, scoring, ordinal)",
                        shown(v)
                    )
                }
            }
            Problem::OpenQuote => {
                if da {
                    "et anførselstegn åbnes og lukkes aldrig".into()
                } else {
                    "a quotation mark is opened and never closed".into()
                }
            }
            Problem::TooManyColumns { header, row } => {
                if da {
                    format!("rækken har {row} kolonner, overskriften {header}")
                } else {
                    format!("the row has {row} columns, the header {header}")
                }
            }
            Problem::PointsMismatch => {
                if da {
                    "der er ikke ét point pr. projekt i stemmen".into()
                } else {
                    "there is not one number of points per project voted for".into()
                }
            }
        };
        let mut place = Vec::new();
        if self.section != Section::File {
            place.push(self.section.name().to_string());
        }
        if self.line > 0 {
            place.push(if da { format!("linje {}", self.line) } else { format!("line {}", self.line) });
        }
        if let Some(f) = &self.field {
            place.push(if da { format!("feltet »{}«", shown(f)) } else { format!("field \"{}\"", shown(f)) });
        }
        if place.is_empty() {
            what
        } else {
            format!("{}: {what}", place.join(", "))
        }
    }
}

/// The next record from byte `pos` of `text` (advanced past it): the line number of its first
/// line and its fields, `None` at the end. Quotes follow CSV (`"a;b"` is one field, `""` inside
/// quotes is one quote, a quoted field may span lines).
fn next_record(
    text: &str,
    sep: char,
    pos: &mut usize,
    line: &mut usize,
) -> Option<Result<(usize, Vec<String>), BadFile>> {
    if *pos >= text.len() {
        return None;
    }
    let start = *line;
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text[*pos..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek().map(|&(_, c)| c) == Some('"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    *line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == sep => fields.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                fields.push(field);
                *pos += i + 1;
                *line += 1;
                return Some(Ok((start, fields)));
            }
            _ => field.push(c),
        }
    }
    *pos = text.len();
    if quoted {
        return Some(Err(BadFile::at(Section::File, start, None, Problem::OpenQuote)));
    }
    fields.push(field);
    Some(Ok((start, fields)))
}

/// The file's records (see [`next_record`]); a last line without a newline counts when not empty.
fn records(text: &str, sep: char) -> Result<Vec<(usize, Vec<String>)>, BadFile> {
    let (mut pos, mut line) = (0, 1);
    let mut out = Vec::new();
    while let Some(record) = next_record(text, sep, &mut pos, &mut line) {
        let (at, fields) = record?;
        if pos < text.len() || text.ends_with('\n') || fields.iter().any(|f| !f.is_empty()) {
            out.push((at, fields));
        }
    }
    Ok(out)
}

/// A number as pabulib writes it (a decimal comma accepted), finite and not negative.
fn number(s: &str) -> Option<f64> {
    let x: f64 = s.trim().replace(',', ".").parse().ok()?;
    (x.is_finite() && x >= 0.0).then_some(x)
}

/// Read a `.pb` file.
pub fn parse(text: &str) -> Result<Election, BadFile> {
    let mut reader = Reader::new(text.to_string());
    loop {
        if let Some(done) = reader.read(usize::MAX) {
            return done;
        }
    }
}

/// What the votes need from the sections before them.
struct Ready {
    budget: f64,
    vote_type: VoteType,
    projects: Vec<Project>,
    index: std::collections::HashMap<String, usize>,
    vote_col: usize,
    points_col: Option<usize>,
    voters: Voters,
}

/// A `.pb` file read a piece at a time ([`Reader::read`]), so that a page can show how far it has
/// come and stay responsive on a file of tens of megabytes; [`parse`] reads it in one go. Ballots
/// are turned into bitsets as they are read (the rows are not kept as text), once `META` and
/// `PROJECTS` are read; a file with `VOTES` first keeps its rows until then.
pub struct Reader {
    text: String,
    pos: usize,
    line: usize,
    section: Section,
    expect_header: bool,
    seen: [bool; 3],
    meta: Vec<(String, String)>,
    meta_lines: Vec<usize>,
    project_header: Vec<String>,
    project_rows: Vec<(usize, Vec<String>)>,
    vote_header: Vec<String>,
    waiting_votes: Vec<(usize, Vec<String>)>,
    ready: Option<Ready>,
}

impl Reader {
    pub fn new(text: String) -> Reader {
        let pos = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        Reader {
            text,
            pos,
            line: 1,
            section: Section::File,
            expect_header: false,
            seen: [false; 3],
            meta: Vec::new(),
            meta_lines: Vec::new(),
            project_header: Vec::new(),
            project_rows: Vec::new(),
            vote_header: Vec::new(),
            waiting_votes: Vec::new(),
            ready: None,
        }
    }

    /// How much of the file is read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.text.is_empty() {
            1.0
        } else {
            self.pos as f64 / self.text.len() as f64
        }
    }

    /// Read on for about `bytes` (at least one record); the election or the problem when the file
    /// is read to its end or found bad, `None` while there is more.
    pub fn read(&mut self, bytes: usize) -> Option<Result<Election, BadFile>> {
        let until = self.pos.saturating_add(bytes.max(1));
        while self.pos < until {
            match next_record(&self.text, ';', &mut self.pos, &mut self.line) {
                None => break,
                Some(Err(bad)) => return Some(Err(bad)),
                Some(Ok((line, row))) => {
                    if let Err(bad) = self.take(line, row) {
                        return Some(Err(bad));
                    }
                }
            }
        }
        (self.pos >= self.text.len()).then(|| self.finish())
    }

    fn take(&mut self, line: usize, row: Vec<String>) -> Result<(), BadFile> {
        if row.iter().all(|f| f.trim().is_empty()) {
            return Ok(());
        }
        let first = row[0].trim().to_ascii_lowercase();
        let named = match first.as_str() {
            "meta" => Some((Section::Meta, 0)),
            "projects" => Some((Section::Projects, 1)),
            "votes" => Some((Section::Votes, 2)),
            _ => None,
        };
        if let Some((s, i)) = named.filter(|_| row.len() == 1 || row[1..].iter().all(|f| f.trim().is_empty())) {
            self.section = s;
            self.seen[i] = true;
            self.expect_header = true;
            return Ok(());
        }
        let row: Vec<String> = row.into_iter().map(|f| f.trim().to_string()).collect();
        if self.expect_header {
            self.expect_header = false;
            match self.section {
                Section::Projects => self.project_header = row,
                Section::Votes => {
                    self.vote_header = row;
                    if self.seen[0] && self.seen[1] && self.ready.is_none() {
                        self.ready = Some(self.prepare()?);
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        match self.section {
            Section::File => return Err(BadFile::at(Section::File, line, None, Problem::MissingSection)),
            Section::Meta => {
                let key = row[0].clone();
                let value = row.get(1).cloned().unwrap_or_default();
                self.meta_lines.push(line);
                self.meta.push((key, value));
            }
            Section::Projects => self.project_rows.push((line, row)),
            Section::Votes => match &mut self.ready {
                Some(ready) => vote(ready, &self.vote_header, line, &row)?,
                None => self.waiting_votes.push((line, row)),
            },
        }
        Ok(())
    }

    /// Budget, vote type and projects from `META` and `PROJECTS`, and the columns of `VOTES`.
    fn prepare(&mut self) -> Result<Ready, BadFile> {
        let meta = &self.meta;
        let lines = &self.meta_lines;
        let get = |k: &str| meta.iter().position(|(key, _)| key == k).map(|i| (meta[i].1.clone(), lines[i]));
        let (budget_text, line) =
            get("budget").ok_or(BadFile::at(Section::Meta, 0, None, Problem::MissingMeta("budget")))?;
        let budget = number(&budget_text)
            .ok_or_else(|| BadFile::at(Section::Meta, line, Some("budget"), Problem::BadNumber(budget_text.clone())))?;
        let (vote_type_text, line) =
            get("vote_type").ok_or(BadFile::at(Section::Meta, 0, None, Problem::MissingMeta("vote_type")))?;
        let vote_type = VoteType::parse(&vote_type_text).ok_or_else(|| {
            BadFile::at(Section::Meta, line, Some("vote_type"), Problem::UnknownVoteType(vote_type_text.clone()))
        })?;
        let column = |header: &[String], name: &'static str, section: Section| {
            header.iter().position(|h| h == name).ok_or(BadFile::at(section, 0, None, Problem::MissingColumn(name)))
        };
        // The id is `project_id`, or the first column (as the reference reads older files).
        let header = &self.project_header;
        let id_col = header.iter().position(|h| h == "project_id").unwrap_or(0);
        let cost_col = column(header, "cost", Section::Projects)?;
        let mut projects: Vec<Project> = Vec::with_capacity(self.project_rows.len());
        let mut index = std::collections::HashMap::new();
        for (line, row) in std::mem::take(&mut self.project_rows) {
            if row.len() > header.len() {
                let problem = Problem::TooManyColumns { header: header.len(), row: row.len() };
                return Err(BadFile::at(Section::Projects, line, None, problem));
            }
            let id = row.get(id_col).cloned().unwrap_or_default();
            let cost_text = row.get(cost_col).cloned().unwrap_or_default();
            let cost = number(&cost_text).ok_or_else(|| {
                BadFile::at(Section::Projects, line, Some("cost"), Problem::BadNumber(cost_text.clone()))
            })?;
            if index.insert(id.clone(), projects.len()).is_some() {
                return Err(BadFile::at(Section::Projects, line, Some("project_id"), Problem::DuplicateProject(id)));
            }
            projects.push(Project { id, cost, fields: row });
        }
        let vote_col = column(&self.vote_header, "vote", Section::Votes)?;
        let points_col = self.vote_header.iter().position(|h| h == "points");
        let voters = Voters::new(projects.len());
        Ok(Ready { budget, vote_type, projects, index, vote_col, points_col, voters })
    }

    fn finish(&mut self) -> Result<Election, BadFile> {
        if !self.seen.iter().all(|s| *s) {
            return Err(BadFile::at(Section::File, 0, None, Problem::MissingSection));
        }
        let mut ready = match self.ready.take() {
            Some(ready) => ready,
            None => self.prepare()?,
        };
        for (line, row) in std::mem::take(&mut self.waiting_votes) {
            vote(&mut ready, &self.vote_header, line, &row)?;
        }
        let Ready { budget, vote_type, projects, voters, .. } = ready;
        Ok(Election {
            meta: std::mem::take(&mut self.meta),
            project_header: std::mem::take(&mut self.project_header),
            projects,
            vote_header: std::mem::take(&mut self.vote_header),
            voters,
            vote_type,
            budget,
        })
    }
}

/// One ballot of `VOTES` into `ready.voters`.
fn vote(ready: &mut Ready, header: &[String], line: usize, row: &[String]) -> Result<(), BadFile> {
    if row.len() > header.len() {
        let problem = Problem::TooManyColumns { header: header.len(), row: row.len() };
        return Err(BadFile::at(Section::Votes, line, None, problem));
    }
    let vote = row.get(ready.vote_col).map_or("", String::as_str);
    let ids = vote.split(',').map(str::trim).filter(|s| !s.is_empty() && *s != "None");
    let points: Option<Vec<&str>> = match (ready.vote_type, ready.points_col) {
        (VoteType::Cumulative | VoteType::Scoring, Some(c)) => {
            let pts = row.get(c).map_or("", String::as_str);
            Some(pts.split(',').map(str::trim).filter(|s| !s.is_empty() && *s != "None").collect())
        }
        _ => None,
    };
    if let Some(pts) = &points {
        if pts.len() != ids.clone().count() {
            return Err(BadFile::at(Section::Votes, line, Some("points"), Problem::PointsMismatch));
        }
    }
    let mut approved = Vec::new();
    for (k, id) in ids.enumerate() {
        let p = *ready
            .index
            .get(id)
            .ok_or_else(|| BadFile::at(Section::Votes, line, Some("vote"), Problem::UnknownProject(id.to_string())))?;
        let counts = match &points {
            Some(pts) => {
                let x = number(pts[k]).ok_or_else(|| {
                    BadFile::at(Section::Votes, line, Some("points"), Problem::BadNumber(pts[k].to_string()))
                })?;
                x > 0.0
            }
            None => true,
        };
        if counts {
            approved.push(p);
        }
    }
    let cols: Vec<&str> = row.iter().map(String::as_str).collect();
    ready.voters.push(&approved, &cols);
    Ok(())
}

/// A field written so that reading it gives it back (quoted when it holds `;`, `"` or a newline).
fn field(s: &str) -> String {
    if s.contains([';', '"', '\n', '\r']) || s != s.trim() {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Write the election as a `.pb` file (every field read is written back).
pub fn write(e: &Election) -> String {
    let mut out = String::from("META\nkey;value\n");
    for (k, v) in &e.meta {
        out.push_str(&format!("{};{}\n", field(k), field(v)));
    }
    let row = |fields: &mut dyn Iterator<Item = &str>| fields.map(field).collect::<Vec<_>>().join(";") + "\n";
    out.push_str("PROJECTS\n");
    out.push_str(&row(&mut e.project_header.iter().map(String::as_str)));
    for p in &e.projects {
        out.push_str(&row(&mut p.fields.iter().map(String::as_str)));
    }
    out.push_str("VOTES\n");
    out.push_str(&row(&mut e.vote_header.iter().map(String::as_str)));
    for v in 0..e.voters.len() {
        out.push_str(&row(&mut e.voters.columns(v)));
    }
    out
}

/// Read a plain CSV pair: projects (`id`, `name`, `cost`; `,` or `;` separated, a header line) and
/// votes (a voter id, then the approved project ids, in one field separated by commas or in the
/// following fields), with the budget given apart. Problems name the file's own lines.
pub fn parse_csv_pair(projects: &str, votes: &str, budget: f64) -> Result<Election, BadFile> {
    let mut reader = CsvReader::new(projects, votes.to_string(), budget)?;
    loop {
        if let Some(done) = reader.read(usize::MAX) {
            return done;
        }
    }
}

/// A file read a piece at a time ([`Reader`], [`CsvReader`]): how far it has come, and the
/// election or the problem once read.
pub trait Piecewise {
    /// Read on for about `bytes` (at least one record); the result when done, `None` while there
    /// is more.
    fn read(&mut self, bytes: usize) -> Option<Result<Election, BadFile>>;
    /// How much is read, from 0 to 1.
    fn progress(&self) -> f64;
}

impl Piecewise for Reader {
    fn read(&mut self, bytes: usize) -> Option<Result<Election, BadFile>> {
        Reader::read(self, bytes)
    }

    fn progress(&self) -> f64 {
        Reader::progress(self)
    }
}

/// A CSV pair read a piece at a time: the projects (a short file) at once, the votes in pieces.
pub struct CsvReader {
    votes: String,
    sep: char,
    pos: usize,
    line: usize,
    header_seen: bool,
    projects: Vec<Project>,
    index: std::collections::HashMap<String, usize>,
    voters: Voters,
    budget: f64,
}

fn sep_of(t: &str) -> char {
    if t.lines().next().is_some_and(|l| l.contains(';')) {
        ';'
    } else {
        ','
    }
}

impl CsvReader {
    /// Read the projects; the votes are read by [`Piecewise::read`].
    pub fn new(projects: &str, votes: String, budget: f64) -> Result<CsvReader, BadFile> {
        let prows: Vec<(usize, Vec<String>)> = records(projects, sep_of(projects))?
            .into_iter()
            .filter(|(_, r)| r.iter().any(|f| !f.trim().is_empty()))
            .collect();
        let header: Vec<String> =
            prows.first().map(|(_, r)| r.iter().map(|f| f.trim().to_ascii_lowercase()).collect()).unwrap_or_default();
        let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
        let (id, name, cost) = (col(&["id", "project_id"]), col(&["name", "title"]), col(&["cost"]));
        let (Some(id), Some(cost)) = (id, cost) else {
            let missing = if id.is_none() { "id" } else { "cost" };
            return Err(BadFile::at(Section::Projects, 1, None, Problem::MissingColumn(missing)));
        };
        let mut list = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (line, r) in prows.iter().skip(1) {
            let get = |i: usize| r.get(i).map_or("", |s| s.trim()).to_string();
            let (pid, text) = (get(id), get(cost));
            let c = number(&text)
                .ok_or_else(|| BadFile::at(Section::Projects, *line, Some("cost"), Problem::BadNumber(text.clone())))?;
            if index.insert(pid.clone(), list.len()).is_some() {
                return Err(BadFile::at(Section::Projects, *line, Some("id"), Problem::DuplicateProject(pid)));
            }
            let fields = vec![pid.clone(), name.map_or(String::new(), get), text];
            list.push(Project { id: pid, cost: c, fields });
        }
        let voters = Voters::new(list.len());
        let sep = sep_of(&votes);
        Ok(CsvReader { votes, sep, pos: 0, line: 1, header_seen: false, projects: list, index, voters, budget })
    }

    fn vote(&mut self, line: usize, r: &[String]) -> Result<(), BadFile> {
        let ids: Vec<&str> =
            r[1..].iter().flat_map(|f| f.split(',')).map(str::trim).filter(|s| !s.is_empty()).collect();
        let mut approved = Vec::with_capacity(ids.len());
        for pid in &ids {
            let p = self.index.get(*pid).ok_or_else(|| {
                BadFile::at(Section::Votes, line, Some("vote"), Problem::UnknownProject(pid.to_string()))
            })?;
            approved.push(*p);
        }
        self.voters.push(&approved, &[r[0].trim(), &ids.join(",")]);
        Ok(())
    }
}

impl Piecewise for CsvReader {
    fn read(&mut self, bytes: usize) -> Option<Result<Election, BadFile>> {
        let until = self.pos.saturating_add(bytes.max(1));
        while self.pos < until {
            let Some(record) = next_record(&self.votes, self.sep, &mut self.pos, &mut self.line) else { break };
            let (line, r) = match record {
                Ok(x) => x,
                Err(bad) => return Some(Err(bad)),
            };
            if r.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if !self.header_seen {
                self.header_seen = true;
                continue;
            }
            if let Err(bad) = self.vote(line, &r) {
                return Some(Err(bad));
            }
        }
        if self.pos < self.votes.len() {
            return None;
        }
        let meta = vec![
            ("description".to_string(), "CSV".to_string()),
            ("budget".to_string(), super::amount_text(self.budget)),
            ("vote_type".to_string(), "approval".to_string()),
        ];
        Some(Ok(Election {
            meta,
            project_header: vec!["project_id".into(), "name".into(), "cost".into()],
            projects: std::mem::take(&mut self.projects),
            vote_header: vec!["voter_id".into(), "vote".into()],
            voters: std::mem::take(&mut self.voters),
            vote_type: VoteType::Approval,
            budget: self.budget,
        }))
    }

    fn progress(&self) -> f64 {
        if self.votes.is_empty() {
            1.0
        } else {
            self.pos as f64 / self.votes.len() as f64
        }
    }
}
