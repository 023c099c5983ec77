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

/// The file's records: each a line number (of its first line) and its fields. Quotes follow CSV
/// (`"a;b"` is one field, `""` inside quotes is one quote, a quoted field may span lines).
fn records(text: &str, sep: char) -> Result<Vec<(usize, Vec<String>)>, BadFile> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
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
                fields.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut fields)));
                line += 1;
                start = line;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(BadFile::at(Section::File, start, None, Problem::OpenQuote));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start, fields));
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut meta = Vec::new();
    let mut meta_lines = Vec::new();
    let mut project_header: Vec<String> = Vec::new();
    let mut project_rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut vote_header: Vec<String> = Vec::new();
    let mut vote_rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut section = Section::File;
    let mut expect_header = false;
    let mut seen = [false; 3];
    for (line, row) in records(text, ';')? {
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let first = row[0].trim().to_ascii_lowercase();
        let named = match first.as_str() {
            "meta" => Some((Section::Meta, 0)),
            "projects" => Some((Section::Projects, 1)),
            "votes" => Some((Section::Votes, 2)),
            _ => None,
        };
        if let Some((s, i)) = named.filter(|_| row.len() == 1 || row[1..].iter().all(|f| f.trim().is_empty())) {
            section = s;
            seen[i] = true;
            expect_header = true;
            continue;
        }
        let row: Vec<String> = row.into_iter().map(|f| f.trim().to_string()).collect();
        if expect_header {
            expect_header = false;
            match section {
                Section::Projects => project_header = row,
                Section::Votes => vote_header = row,
                _ => {}
            }
            continue;
        }
        match section {
            Section::File => return Err(BadFile::at(Section::File, line, None, Problem::MissingSection)),
            Section::Meta => {
                let key = row[0].clone();
                let value = row.get(1).cloned().unwrap_or_default();
                meta_lines.push(line);
                meta.push((key, value));
            }
            Section::Projects => project_rows.push((line, row)),
            Section::Votes => vote_rows.push((line, row)),
        }
    }
    if !seen.iter().all(|s| *s) {
        return Err(BadFile::at(Section::File, 0, None, Problem::MissingSection));
    }
    let get = |k: &str| meta.iter().position(|(key, _)| key == k).map(|i| (meta[i].1.clone(), meta_lines[i]));
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
    let id_col = project_header.iter().position(|h| h == "project_id").unwrap_or(0);
    let cost_col = column(&project_header, "cost", Section::Projects)?;
    let mut projects: Vec<Project> = Vec::with_capacity(project_rows.len());
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (line, row) in project_rows {
        if row.len() > project_header.len() {
            let problem = Problem::TooManyColumns { header: project_header.len(), row: row.len() };
            return Err(BadFile::at(Section::Projects, line, None, problem));
        }
        let id = row.get(id_col).cloned().unwrap_or_default();
        let cost_text = row.get(cost_col).cloned().unwrap_or_default();
        let cost = number(&cost_text)
            .ok_or_else(|| BadFile::at(Section::Projects, line, Some("cost"), Problem::BadNumber(cost_text.clone())))?;
        if index.insert(id.clone(), projects.len()).is_some() {
            return Err(BadFile::at(Section::Projects, line, Some("project_id"), Problem::DuplicateProject(id)));
        }
        projects.push(Project { id, cost, fields: row });
    }

    let vote_col = column(&vote_header, "vote", Section::Votes)?;
    let points_col = vote_header.iter().position(|h| h == "points");
    let mut voters = Voters::new(projects.len());
    let mut approved = Vec::new();
    for (line, row) in vote_rows {
        if row.len() > vote_header.len() {
            let problem = Problem::TooManyColumns { header: vote_header.len(), row: row.len() };
            return Err(BadFile::at(Section::Votes, line, None, problem));
        }
        approved.clear();
        let vote = row.get(vote_col).map_or("", String::as_str);
        let ids: Vec<&str> = vote.split(',').map(str::trim).filter(|s| !s.is_empty() && *s != "None").collect();
        let points: Option<Vec<&str>> = match (vote_type, points_col) {
            (VoteType::Cumulative | VoteType::Scoring, Some(c)) => {
                let pts = row.get(c).map_or("", String::as_str);
                Some(pts.split(',').map(str::trim).filter(|s| !s.is_empty() && *s != "None").collect())
            }
            _ => None,
        };
        if let Some(pts) = &points {
            if pts.len() != ids.len() {
                return Err(BadFile::at(Section::Votes, line, Some("points"), Problem::PointsMismatch));
            }
        }
        for (k, id) in ids.iter().enumerate() {
            let p = *index.get(*id).ok_or_else(|| {
                BadFile::at(Section::Votes, line, Some("vote"), Problem::UnknownProject(id.to_string()))
            })?;
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
        voters.push(&approved, &cols);
    }
    Ok(Election { meta, project_header, projects, vote_header, voters, vote_type, budget })
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
    let sep_of = |t: &str| if t.lines().next().is_some_and(|l| l.contains(';')) { ';' } else { ',' };
    let filled = |rows: Vec<(usize, Vec<String>)>| -> Vec<(usize, Vec<String>)> {
        rows.into_iter().filter(|(_, r)| r.iter().any(|f| !f.trim().is_empty())).collect()
    };
    let prows = filled(records(projects, sep_of(projects))?);
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
    let mut voters = Voters::new(list.len());
    for (line, r) in filled(records(votes, sep_of(votes))?).iter().skip(1) {
        let ids: Vec<&str> =
            r[1..].iter().flat_map(|f| f.split(',')).map(str::trim).filter(|s| !s.is_empty()).collect();
        let mut approved = Vec::with_capacity(ids.len());
        for pid in &ids {
            let p = index.get(*pid).ok_or_else(|| {
                BadFile::at(Section::Votes, *line, Some("vote"), Problem::UnknownProject(pid.to_string()))
            })?;
            approved.push(*p);
        }
        voters.push(&approved, &[r[0].trim(), &ids.join(",")]);
    }
    let meta = vec![
        ("description".to_string(), "CSV".to_string()),
        ("budget".to_string(), super::amount_text(budget)),
        ("vote_type".to_string(), "approval".to_string()),
    ];
    Ok(Election {
        meta,
        project_header: vec!["project_id".into(), "name".into(), "cost".into()],
        projects: list,
        vote_header: vec!["voter_id".into(), "vote".into()],
        voters,
        vote_type: VoteType::Approval,
        budget,
    })
}
