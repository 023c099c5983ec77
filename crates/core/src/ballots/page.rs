//! The ballots page's pure part: its words in both languages, its address (the two rules and the
//! scenario the example is made from; never the ballots), the example election for a scenario, and
//! the exports. The page (`app::ballots_page`) only shows what this module and its siblings compute.

use super::report::{summarise, why, Summary};
use super::rules::{supporters, Add1Job, Counting, Outcome, Rule, Verdict};
use super::Election;
use crate::i18n::{Both, Lang};
use crate::model::{run, Scenario, P};

/// The page's words.
pub struct Texts {
    pub title: &'static str,
    pub intro: &'static str,
    pub privacy: &'static str,
    pub open_heading: &'static str,
    pub open_label: &'static str,
    pub open_hint: &'static str,
    pub csv_heading: &'static str,
    pub csv_projects: &'static str,
    pub csv_votes: &'static str,
    /// On the button that picks a CSV file, and beside it until a file is picked.
    pub csv_choose: &'static str,
    pub csv_none: &'static str,
    pub csv_budget: &'static str,
    pub csv_read: &'static str,
    pub example_heading: &'static str,
    pub example_text: &'static str,
    pub example_button: &'static str,
    pub example_label: &'static str,
    pub reading: &'static str,
    pub counting: &'static str,
    /// After the number of countings done while MES with add1 counts.
    pub countings: &'static str,
    pub refused: &'static str,
    pub too_large: &'static str,
    pub empty: &'static str,
    pub rules_heading: &'static str,
    pub rule_a: &'static str,
    pub rule_b: &'static str,
    pub summary_heading: &'static str,
    pub figure: &'static str,
    pub funded_count: &'static str,
    pub spent: &'static str,
    pub left: &'static str,
    pub with_funded: &'static str,
    pub money_funded: &'static str,
    pub gini: &'static str,
    pub gini_note: &'static str,
    pub projects_heading: &'static str,
    pub project: &'static str,
    pub cost: &'static str,
    pub votes: &'static str,
    pub category: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub groups_heading: &'static str,
    pub group: &'static str,
    pub voters: &'static str,
    pub why_heading: &'static str,
    pub why_label: &'static str,
    pub export_heading: &'static str,
    pub csv: &'static str,
    pub json: &'static str,
    pub print: &'static str,
    pub to_model_heading: &'static str,
    pub to_model_text: &'static str,
    pub to_model_link: &'static str,
    pub back: &'static str,
    pub election: &'static str,
    pub illustrative: &'static str,
    pub categories_heading: &'static str,
    /// The first row of the chart by group.
    pub all_voters: &'static str,
    /// The chart of money by category.
    pub money_axis: &'static str,
    pub rule_notes: &'static str,
    /// "budget", "projects", "ballots" in the line about the vote.
    pub counts: [&'static str; 3],
    pub show_projects: &'static str,
}

static TEXTS: Both<Texts> = Both::new(
    Texts {
        title: "Afstemningsregler på rigtige stemmesedler",
        intro: "Hvordan stemmerne tælles, afgør, hvem der får noget. Åbn jeres egne stemmesedler, eller lav et eksempel ud fra jeres scenarie, og se to regler side om side: hvad de finansierer, hvem der står uden, og hvorfor.",
        privacy: "Filen læses i din browser og forlader aldrig din maskine. Stemmesedlerne kommer aldrig med i et link.",
        open_heading: "Åbn stemmesedler",
        open_label: "En pabulib-fil (.pb)",
        open_hint: "Det åbne format fra pabulib.org med sektionerne META, PROJECTS og VOTES.",
        csv_heading: "Eller to CSV-filer",
        csv_projects: "Projekter (id, name, cost)",
        csv_votes: "Stemmer (vælger-id, projekt-id'er)",
        csv_choose: "Vælg fil",
        csv_none: "Ingen fil valgt",
        csv_budget: "Budget",
        csv_read: "Læs CSV-filerne",
        example_heading: "Eller et eksempel ud fra scenariet",
        example_text: "Vælgere ud fra scenariets deltagelse, projekter ud fra puljen og projektudgiften, stemmer ud fra en dokumenteret model med bydele og interessegrupper. Kun til illustration: ikke en forudsigelse.",
        example_button: "Lav et eksempel",
        example_label: "Eksempel ud fra scenariet (illustration)",
        reading: "Læser filen …",
        counting: "Tæller …",
        countings: "optællinger indtil nu",
        refused: "Filen kunne ikke læses",
        too_large: "Filen er større end 512 MB og kan ikke læses her.",
        empty: "Ingen stemmesedler endnu: åbn en fil, eller lav et eksempel.",
        rules_heading: "To regler side om side",
        rule_a: "Regel A",
        rule_b: "Regel B",
        summary_heading: "Hvem får noget?",
        figure: "Tal",
        funded_count: "Finansierede projekter",
        spent: "Brugt",
        left: "Tilbage",
        with_funded: "Vælgere med mindst ét finansieret projekt, de stemte på",
        money_funded: "Gennemsnitlig andel af de penge, en vælger stemte på, der blev finansieret",
        gini: "Ulighed i pengene pr. vælger (Gini)",
        gini_note: "Hvert finansieret projekts udgift deles ligeligt mellem dem, der stemte på det. Gini 0: alle vælgere får lige meget; 1: én får alt.",
        projects_heading: "Projekterne",
        project: "Projekt",
        cost: "Udgift",
        votes: "Stemmer",
        category: "Kategori",
        yes: "ja",
        no: "nej",
        groups_heading: "Efter gruppe",
        group: "Gruppe",
        voters: "Vælgere",
        why_heading: "Hvorfor (ikke) finansieret?",
        why_label: "Projekt",
        export_heading: "Gem resultatet",
        csv: "Hent CSV",
        json: "Hent JSON",
        print: "Udskriv",
        to_model_heading: "Ind i modellen",
        to_model_text: "Tillid fra gennemførte projekter virker på de vælgere, der fik mindst ét af deres projekter finansieret. Send andelen, regel A gav, til borgerbudget-visningen:",
        to_model_link: "Åbn borgerbudget med denne andel",
        back: "Tilbage til One Percent",
        election: "Afstemningen",
        illustrative: "Illustration lavet ud fra scenariet, ikke rigtige stemmer.",
        categories_heading: "Penge pr. kategori",
        all_voters: "Alle vælgere",
        money_axis: "Finansieret beløb pr. kategori",
        counts: ["budget", "projekter", "stemmesedler"],
        show_projects: "Vis alle projekter",
        rule_notes: "Uafgjort afgøres af projekt-id'et (det mindste vinder), som i pabutools.",
    },
    Texts {
        title: "Voting rules on real ballots",
        intro: "How the votes are counted decides who gets something. Open your own ballots, or make an example from your scenario, and see two rules side by side: what they fund, who is left out, and why.",
        privacy: "The file is read in your browser and never leaves your machine. The ballots never go into a link.",
        open_heading: "Open ballots",
        open_label: "A pabulib file (.pb)",
        open_hint: "The open format of pabulib.org with the sections META, PROJECTS and VOTES.",
        csv_heading: "Or two CSV files",
        csv_projects: "Projects (id, name, cost)",
        csv_votes: "Votes (voter id, project ids)",
        csv_choose: "Choose file",
        csv_none: "No file chosen",
        csv_budget: "Budget",
        csv_read: "Read the CSV files",
        example_heading: "Or an example from the scenario",
        example_text: "Voters from the scenario's turnout, projects from its pot and project cost, votes from a documented model with districts and interest groups. Illustrative only: not a forecast.",
        example_button: "Make an example",
        example_label: "Example from the scenario (illustrative)",
        reading: "Reading the file …",
        counting: "Counting …",
        countings: "countings so far",
        refused: "The file could not be read",
        too_large: "The file is larger than 512 MB and cannot be read here.",
        empty: "No ballots yet: open a file or make an example.",
        rules_heading: "Two rules side by side",
        rule_a: "Rule A",
        rule_b: "Rule B",
        summary_heading: "Who gets something?",
        figure: "Figure",
        funded_count: "Projects funded",
        spent: "Spent",
        left: "Left",
        with_funded: "Voters with at least one funded project they voted for",
        money_funded: "Average share of the money a voter voted for that was funded",
        gini: "Inequality of the money per voter (Gini)",
        gini_note: "Each funded project's cost is split equally among those who voted for it. Gini 0: every voter gets the same; 1: one gets all.",
        projects_heading: "The projects",
        project: "Project",
        cost: "Cost",
        votes: "Votes",
        category: "Category",
        yes: "yes",
        no: "no",
        groups_heading: "By group",
        group: "Group",
        voters: "Voters",
        why_heading: "Why (not) funded?",
        why_label: "Project",
        export_heading: "Keep the result",
        csv: "Download CSV",
        json: "Download JSON",
        print: "Print",
        to_model_heading: "Into the model",
        to_model_text: "Trust from delivered projects acts on the voters who saw at least one of their projects funded. Send the share rule A gave to the participatory budgeting view:",
        to_model_link: "Open participatory budgeting with this share",
        back: "Back to One Percent",
        election: "The vote",
        illustrative: "Illustrative, made from the scenario; not real votes.",
        categories_heading: "Money by category",
        all_voters: "All voters",
        money_axis: "Money funded by category",
        counts: ["budget", "projects", "ballots"],
        show_projects: "Show every project",
        rule_notes: "Ties go by the project id (the smallest wins), as in pabutools.",
    },
);

pub fn texts(lang: Lang) -> &'static Texts {
    TEXTS.get(lang)
}

/// The page's address: the language, the two rules and the scenario (the app's link format).
#[derive(Clone, Debug, PartialEq)]
pub struct PageQuery {
    pub lang: Option<String>,
    pub a: Rule,
    pub b: Rule,
    /// The scenario's query, as the app writes it (without `lang`, `a`, `b`).
    pub scenario: String,
}

/// The rules shown when the address names none: what most councils use against Equal Shares as
/// cities that adopted it count (with add1).
pub const DEFAULT_RULES: (Rule, Rule) = (Rule::Greedy, Rule::MesAdd1);

/// Read the page's address (never fails: an unknown rule is the default).
pub fn read_query(query: &str) -> PageQuery {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut q = PageQuery { lang: None, a: DEFAULT_RULES.0, b: DEFAULT_RULES.1, scenario: String::new() };
    let mut rest = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "lang" => q.lang = Some(crate::share::unescape(v)),
            "a" => q.a = Rule::parse(v).unwrap_or(q.a),
            "b" => q.b = Rule::parse(v).unwrap_or(q.b),
            _ => rest.push(pair),
        }
    }
    q.scenario = rest.join("&");
    q
}

/// The page's address for `lang`, the rules and the scenario query.
pub fn write_query(lang: Lang, a: Rule, b: Rule, scenario: &str) -> String {
    let mut out = format!("lang={}&a={}&b={}", lang.code(), a.key(), b.key());
    if !scenario.is_empty() {
        out.push('&');
        out.push_str(scenario);
    }
    out
}

/// The example election for a scenario: the first vote's voters (at least 50) and its project
/// money, projects around the scenario's project cost, from the scenario's seed.
pub fn example_for(s: &Scenario) -> Election {
    let outcome = run(s);
    let first = outcome.cycles.first();
    let voters = first.map_or(0.0, |c| c.voters).round().clamp(50.0, 200_000.0) as usize;
    let pot = s.get(P::PbShare) * s.get(P::Budget) * (1.0 - s.get(P::PbProcessCost));
    let pot = if pot > 0.0 { pot } else { 10.0 * s.get(P::PbProjectCost) };
    super::example::generate(voters, pot, s.get(P::PbProjectCost), s.seed)
}

/// One rule's result, ready to show.
pub struct Side {
    pub outcome: Outcome,
    pub summary: Summary,
}

/// A bar of a chart comparing the two rules: its length in percent of the chart's width and the
/// value written beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub length: f64,
    pub text: String,
}

impl Bar {
    /// The length as SVG writes it, to a tenth of a percent (no float formatting in the browser
    /// build; see ARCHITECTURE.md).
    pub fn length_text(&self) -> String {
        let tenths = (self.length * 10.0).round() as u32;
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// The rows of a chart comparing the two rules: a label and one bar per rule. `full` is the value
/// of a bar across the whole width (1 for shares, so that they are read against all voters; the
/// largest value for money).
fn bar_rows(rows: Vec<(String, [f64; 2])>, full: f64, text: impl Fn(f64) -> String) -> Vec<(String, [Bar; 2])> {
    let bar =
        |v: f64| Bar { length: if full > 0.0 { (v / full * 100.0).clamp(0.0, 100.0) } else { 0.0 }, text: text(v) };
    rows.into_iter().map(|(label, [a, b])| (label, [bar(a), bar(b)])).collect()
}

/// Who gets something, as a chart: for all voters and each group the file has, the share with at
/// least one funded project they voted for, under each rule (bars against all of the group).
pub fn reach_bars(x: &Side, y: &Side, lang: Lang) -> Vec<(String, [Bar; 2])> {
    let mut rows =
        vec![(texts(lang).all_voters.to_string(), [x.summary.voters_with_funded, y.summary.voters_with_funded])];
    rows.extend(
        x.summary
            .groups
            .iter()
            .zip(&y.summary.groups)
            .map(|(g, h)| (format!("{}: {}", g.column, g.group), [g.with_funded, h.with_funded])),
    );
    bar_rows(rows, 1.0, |v| crate::format::percent(v, 0, lang))
}

/// The funded money by project category under each rule, as a chart (bars against the largest
/// amount; empty when the file has no categories).
pub fn category_bars(x: &Side, y: &Side, lang: Lang) -> Vec<(String, [Bar; 2])> {
    let mut names: Vec<&str> =
        x.summary.categories.iter().chain(&y.summary.categories).map(|(c, _)| c.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let of = |s: &Side, c: &str| s.summary.categories.iter().find(|(k, _)| k == c).map_or(0.0, |(_, v)| *v);
    let rows: Vec<(String, [f64; 2])> = names.iter().map(|c| (c.to_string(), [of(x, c), of(y, c)])).collect();
    let full = rows.iter().flat_map(|(_, v)| *v).fold(0.0, f64::max);
    bar_rows(rows, full, |v| crate::format::number(v, 0, lang))
}

/// Count `e` with both rules.
pub fn count_both(e: &Election, a: Rule, b: Rule) -> (Vec<Vec<u32>>, Side, Side) {
    let mut job = CountJob::new(e, a, b);
    loop {
        if let Some(done) = job.advance(e) {
            return done;
        }
    }
}

/// Counting both rules a piece at a time ([`Counting`]), for a page that shows how far it has
/// come; the same result as [`count_both`].
pub struct CountJob {
    sup: Vec<Vec<u32>>,
    rules: [Rule; 2],
    counting: Counting,
    sides: Vec<Side>,
    before: usize,
}

impl CountJob {
    pub fn new(e: &Election, a: Rule, b: Rule) -> CountJob {
        let sup = supporters(e);
        let counting = Counting::new(e, &sup, a);
        CountJob { sup, rules: [a, b], counting, sides: Vec::new(), before: 0 }
    }

    /// The countings done so far, both rules together (MES with add1 counts many times).
    pub fn done(&self) -> usize {
        self.before + self.counting.done()
    }

    /// The rule being counted: helpers may count its blocks from now on ([`Counting::help`];
    /// `None` if it is not MES with add1).
    pub fn help(&mut self, e: &Election) -> Option<Add1Job> {
        self.counting.help(e, &self.sup)
    }

    /// Whether helpers count the blocks of the rule being counted ([`Counting::helped`]).
    pub fn helped(&self) -> bool {
        self.counting.helped()
    }

    /// The helpers failed: count here again ([`Counting::unhelp`]).
    pub fn unhelp(&mut self) {
        self.counting.unhelp()
    }

    /// A helper's block ([`Counting::take_block`]).
    pub fn take_block(&mut self, block: usize, counted: usize, verdicts: Vec<Verdict>) -> bool {
        self.counting.take_block(block, counted, verdicts)
    }

    /// Waiting for a helper's block ([`Counting::waiting`]): [`CountJob::advance`] would do nothing.
    pub fn waiting(&self) -> bool {
        self.counting.waiting()
    }

    /// Count on: both rules' results when finished, `None` while there is more.
    pub fn advance(&mut self, e: &Election) -> Option<(Vec<Vec<u32>>, Side, Side)> {
        let outcome = self.counting.advance(e, &self.sup)?;
        let summary = summarise(e, &self.sup, &outcome);
        self.sides.push(Side { outcome, summary });
        if self.sides.len() < 2 {
            self.before = self.counting.done();
            self.counting = Counting::new(e, &self.sup, self.rules[1]);
            return None;
        }
        let y = self.sides.pop()?;
        let x = self.sides.pop()?;
        Some((std::mem::take(&mut self.sup), x, y))
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Whole numbers as text without float formatting (the browser build has none; see ARCHITECTURE.md).
pub fn whole(x: f64) -> String {
    super::amount_text(x.round())
}

/// A share as text with four decimals (no float formatting).
fn share_text(x: f64) -> String {
    let n = (x * 10_000.0).round() as i64;
    format!("{}.{:04}", n / 10_000, n % 10_000)
}

/// The CSV export: one row per project and rule, with the why.
pub fn export_csv(e: &Election, sup: &[Vec<u32>], sides: [&Side; 2], lang: Lang) -> String {
    let mut out = String::from("rule,project_id,name,cost,votes,funded,why\n");
    for side in sides {
        for p in 0..e.projects.len() {
            let row = [
                side.outcome.rule.key().to_string(),
                csv_field(&e.projects[p].id),
                csv_field(e.name(p)),
                whole(e.projects[p].cost),
                sup[p].len().to_string(),
                u8::from(side.outcome.funded.contains(&p)).to_string(),
                csv_field(&why(e, sup, &side.outcome, p, lang)),
            ];
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out
}

/// The JSON export: the election's size and each rule's summary (the figures as the command line
/// writes them: `onepercent ballots FILE --rule A --rule B`).
pub fn export_json(e: &Election, sides: [&Side; 2]) -> String {
    let rules: Vec<String> = sides
        .iter()
        .map(|s| {
            let funded: Vec<String> = s.summary.funded.iter().map(|id| format!("\"{}\"", id.replace('"', "\\\""))).collect();
            format!(
                "{{\"rule\":\"{}\",\"funded\":[{}],\"cost\":{},\"left\":{},\"voters_with_funded\":{},\"supported_money_funded\":{},\"gini\":{}}}",
                s.outcome.rule.key(),
                funded.join(","),
                whole(s.summary.cost),
                whole(s.summary.left),
                share_text(s.summary.voters_with_funded),
                share_text(s.summary.supported_money_funded),
                share_text(s.summary.gini)
            )
        })
        .collect();
    format!(
        "{{\"budget\":{},\"projects\":{},\"voters\":{},\"results\":[{}]}}\n",
        whole(e.budget),
        e.projects.len(),
        e.voters.len(),
        rules.join(",")
    )
}
