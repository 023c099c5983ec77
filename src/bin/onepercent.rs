//! The command line: reproduces any number the app shows for the same scenario and seed.
//!
//! ```text
//! onepercent run SCENARIO.json [--seed N] [--runs N] [--format json|csv] [--lang da|en]
//! onepercent params [--format csv|json|html] [--lang da|en]
//! onepercent validate [--dir DIR] [--runs N] [--format text|json|html] [--lang da|en] [--check]
//! onepercent ballots FILE.pb [--rule RULE]... [--format json|csv] [--lang da|en]
//! ```
//! A bad scenario file exits with status 2 and the message the app would show.

use std::process::ExitCode;

use onepercent::export;
use onepercent::i18n::Lang;
use onepercent::model::montecarlo::{monte_carlo, tornado, Output, MAX_RUNS};
use onepercent::model::{run, Scenario};

const USAGE: &str = "usage:
  onepercent run SCENARIO.json [--seed N] [--runs N] [--format json|csv] [--lang da|en]
      SCENARIO.json: a scenario file ({\"version\": 1, \"params\": {...}, \"seed\": N}); - reads stdin
      --seed N      override the scenario's seed
      --runs N      add Monte Carlo bands (P10, P25, median, P75, P90) from N runs (1-10000)
  onepercent sensitivity SCENARIO.json [--output payback|trust|turnout_year3|net_cost] [--top N]
                         [--seed N] [--format json|csv]
      the tornado: each uncertain parameter at the low and high end of its range
  onepercent params [--format csv|json|html] [--lang da|en]
      print the parameter table (html: the static Sources page)
  onepercent how [--lang da|en]
      the static page \"How the model works\"
  onepercent validate [--dir DIR] [--runs N] [--format text|json|html] [--lang da|en] [--check]
      the model against published figures (DIR/cases.json, default scenarios/validation): observed,
      model, ratio, P10-P90 of N runs (default 200), inside, within tolerance; --check exits 1 when a
      case falls outside its tolerance
  onepercent ballots FILE.pb [--rule RULE]... [--format json|csv] [--lang da|en]
      count a participatory budgeting vote (a pabulib .pb file): what each rule funds, who gets
      something, and why each project was (not) funded; RULE: greedy, greedy-stop, greedy-cost, mes,
      mes-add1, mes-greedy, mes-add1-greedy, phragmen (default: greedy and mes)";

struct Options {
    file: Option<String>,
    seed: Option<u64>,
    runs: usize,
    format: String,
    lang: Lang,
    output: Output,
    top: usize,
    dir: String,
    check: bool,
    /// `ballots`: the rules to count with (`--rule`, repeatable).
    rules: Vec<onepercent::ballots::rules::Rule>,
    /// Whether `--format` was given (otherwise the command's own default).
    format_given: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        file: None,
        seed: None,
        runs: 0,
        format: "json".into(),
        lang: Lang::En,
        output: Output::Payback,
        top: 10,
        dir: "scenarios/validation".into(),
        check: false,
        rules: Vec::new(),
        format_given: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--seed" => o.seed = Some(value("--seed")?.parse().map_err(|_| "--seed takes a whole number from 0")?),
            "--runs" => {
                o.runs =
                    value("--runs")?.parse().map_err(|_| format!("--runs takes a whole number, 1 to {MAX_RUNS}"))?;
                if !(1..=MAX_RUNS).contains(&o.runs) {
                    return Err(format!("--runs takes 1 to {MAX_RUNS}"));
                }
            }
            "--format" => {
                o.format = value("--format")?;
                o.format_given = true;
            }
            "--lang" => o.lang = Lang::parse(&value("--lang")?).ok_or("--lang takes da or en")?,
            "--output" => {
                o.output = Output::parse(&value("--output")?)
                    .ok_or("--output takes payback, trust, turnout_year3 or net_cost")?
            }
            "--top" => o.top = value("--top")?.parse().map_err(|_| "--top takes a whole number")?,
            "--dir" => o.dir = value("--dir")?,
            "--check" => o.check = true,
            "--rule" => {
                use onepercent::ballots::rules::Rule;
                let keys: Vec<&str> = Rule::ALL.iter().map(|r| r.key()).collect();
                let v = value("--rule")?;
                o.rules.push(Rule::parse(&v).ok_or(format!("--rule takes {}", keys.join(", ")))?);
            }
            f if f.starts_with('-') && f != "-" => return Err(format!("unknown option {f}")),
            f => {
                if o.file.replace(f.to_string()).is_some() {
                    return Err("only one scenario file".into());
                }
            }
        }
    }
    Ok(o)
}

/// The largest input read (a scenario file or a validation manifest): anything bigger is not a
/// scenario, and reading stops there (so `/dev/zero` is refused, not read until memory runs out).
const MAX_INPUT: u64 = 10 * 1024 * 1024;

fn read_input(path: &str) -> Result<String, String> {
    read_at_most(path, MAX_INPUT, "a scenario file")
}

/// The largest ballot file read (real elections reach tens of MB).
const MAX_BALLOTS: u64 = 512 * 1024 * 1024;

fn read_at_most(path: &str, max: u64, what: &str) -> Result<String, String> {
    use std::io::Read;
    let source: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?)
    };
    let mut bytes = Vec::new();
    source.take(max + 1).read_to_end(&mut bytes).map_err(|e| format!("{path}: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!("{path}: larger than {} MB, not {what}", max / (1024 * 1024)));
    }
    String::from_utf8(bytes).map_err(|_| format!("{path}: not UTF-8 text"))
}

/// Read and validate the scenario file; on error print the app's messages and give the exit code.
fn load(opts: &Options) -> Result<Scenario, ExitCode> {
    let Some(file) = &opts.file else {
        eprintln!("onepercent: a scenario file is needed\n{USAGE}");
        return Err(ExitCode::from(2));
    };
    let text = read_input(file).map_err(|e| {
        eprintln!("onepercent: {e}");
        ExitCode::from(2)
    })?;
    Scenario::from_json(&text).map_err(|problems| {
        for p in problems {
            eprintln!("{file}: {}", p.message(opts.lang));
        }
        ExitCode::from(2)
    })
}

/// Write the result to stdout. A reader that stops early (`| head`) is not an error: the rest is
/// not wanted, so the command ends quietly with success.
fn emit(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("onepercent: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

/// The formats a command writes, the first being its default, and whether it reads a scenario file.
fn formats(cmd: &str) -> Option<(&'static [&'static str], bool)> {
    Some(match cmd {
        "run" | "sensitivity" => (&["json", "csv"], true),
        "params" => (&["csv", "json", "html"], false),
        "validate" => (&["text", "json", "html"], false),
        "how" => (&["html"], false),
        "ballots" => (&["json", "csv"], true),
        _ => return None,
    })
}

fn usage_error(e: &str) -> ExitCode {
    eprintln!("onepercent: {e}\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if matches!(cmd, "help" | "--help" | "-h") {
        return emit(&format!("{USAGE}\n"));
    }
    let Some((allowed, takes_file)) = formats(cmd) else {
        return usage_error(&format!("unknown command {cmd}"));
    };
    let mut opts = match parse(rest) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    // Every option is checked against the command: nothing given is silently ignored.
    if !opts.format_given {
        opts.format = allowed[0].to_string();
    } else if !allowed.contains(&opts.format.as_str()) {
        return usage_error(&format!("{cmd}: unknown format {} ({})", opts.format, allowed.join(", ")));
    }
    if !takes_file && opts.file.is_some() {
        return usage_error(&format!("{cmd} reads no scenario file"));
    }
    match cmd {
        "params" => emit(&match opts.format.as_str() {
            "html" => onepercent::pages::sources(opts.lang),
            "json" => {
                let rows: Vec<serde_json::Value> = onepercent::model::PARAMS
                    .iter()
                    .map(|p| {
                        serde_json::json!({"key": p.key, "default": p.default, "min": p.min, "max": p.max,
                        "uncertainty": p.uncertainty, "unit": *p.unit.label().en(), "label": *p.label.en(),
                        "grade": p.grade.key()})
                    })
                    .collect();
                serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
            }
            _ => export::params_csv(),
        }),
        "run" | "sensitivity" => {
            let mut scenario = match load(&opts) {
                Ok(s) => s,
                Err(code) => return code,
            };
            if let Some(seed) = opts.seed {
                scenario.seed = seed;
            }
            if cmd == "sensitivity" {
                let swings = tornado(&scenario, opts.output, opts.top);
                return emit(&match opts.format.as_str() {
                    "csv" => export::tornado_csv(opts.output, &swings),
                    _ => export::tornado_json(&scenario, opts.output, &swings) + "\n",
                });
            }
            let outcome = run(&scenario);
            let mc = (opts.runs > 0).then(|| monte_carlo(&scenario, opts.runs));
            emit(&match opts.format.as_str() {
                "csv" => export::to_csv(&scenario, &outcome, mc.as_ref()),
                _ => export::to_json(&scenario, &outcome, mc.as_ref()) + "\n",
            })
        }
        "validate" => validate(&opts),
        "ballots" => ballots(&opts),
        _ => emit(&onepercent::pages::how(opts.lang)),
    }
}

/// `onepercent validate`: every case of the manifest, as text, JSON or a static page.
/// `onepercent ballots FILE.pb`: what each rule funds, who gets something, and why.
fn ballots(opts: &Options) -> ExitCode {
    use onepercent::ballots::{pabulib, report, rules};
    let Some(file) = &opts.file else {
        return usage_error("ballots needs a .pb file");
    };
    let text = match read_at_most(file, MAX_BALLOTS, "a ballot file") {
        Ok(t) => t,
        Err(e) => {
            eprintln!("onepercent: {e}");
            return ExitCode::from(2);
        }
    };
    let e = match pabulib::parse(&text) {
        Ok(e) => e,
        Err(bad) => {
            eprintln!("{file}: {}", bad.message(opts.lang));
            return ExitCode::from(2);
        }
    };
    let chosen = if opts.rules.is_empty() { vec![rules::Rule::Greedy, rules::Rule::Mes] } else { opts.rules.clone() };
    let sup = rules::supporters(&e);
    let votes: Vec<usize> = sup.iter().map(Vec::len).collect();
    let outcomes: Vec<rules::Outcome> = chosen.iter().map(|&r| rules::count_with(&e, &sup, r)).collect();
    if opts.format == "csv" {
        let mut out = String::from("rule,project_id,name,cost,votes,funded,why\n");
        for o in &outcomes {
            for (p, (project, v)) in e.projects.iter().zip(&votes).enumerate() {
                let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
                out.push_str(&format!(
                    "{},{},{},{},{},{},{}\n",
                    o.rule.key(),
                    q(&project.id),
                    q(e.name(p)),
                    project.cost,
                    v,
                    u8::from(o.funded.contains(&p)),
                    q(&report::why(&e, &sup, o, p, opts.lang))
                ));
            }
        }
        return emit(&out);
    }
    let results: Vec<serde_json::Value> = outcomes
        .iter()
        .map(|o| {
            let projects: Vec<serde_json::Value> = (0..e.projects.len())
                .map(|p| {
                    serde_json::json!({"id": e.projects[p].id, "name": e.name(p), "cost": e.projects[p].cost,
                        "votes": votes[p], "funded": o.funded.contains(&p), "why": report::why(&e, &sup, o, p, opts.lang)})
                })
                .collect();
            serde_json::json!({"rule": o.rule.key(), "label": o.rule.label(opts.lang),
                "summary": report::summarise(&e, &sup, o), "share_per_voter": o.share, "shares_tried": o.rounds, "countings": o.counted,
                "projects": projects})
        })
        .collect();
    let doc = serde_json::json!({
        "election": {"budget": e.budget, "projects": e.projects.len(), "voters": e.voters.len(),
            "vote_type": e.vote_type.key(), "reading": e.vote_type.reading(opts.lang),
            "description": e.meta("description")},
        "results": results,
    });
    emit(&(serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"))
}

fn validate(opts: &Options) -> ExitCode {
    use onepercent::validation::{check, html, read_manifest, text};
    let dir = std::path::Path::new(&opts.dir);
    let manifest = match read_input(&dir.join("cases.json").to_string_lossy()).and_then(|t| read_manifest(&t)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("onepercent: {e}");
            return ExitCode::from(2);
        }
    };
    let runs = if opts.runs > 0 { opts.runs } else { 200 };
    let mut rows = Vec::new();
    for case in &manifest {
        let path = dir.join(&case.file).to_string_lossy().into_owned();
        let scenario = match read_input(&path)
            .map_err(|e| vec![e])
            .and_then(|t| Scenario::from_json(&t).map_err(|ps| ps.iter().map(|p| p.message(opts.lang)).collect()))
        {
            Ok(s) => s,
            Err(messages) => {
                for m in messages {
                    eprintln!("{path}: {m}");
                }
                return ExitCode::from(2);
            }
        };
        rows.push(check(case, &scenario, runs));
    }
    let code = emit(&match opts.format.as_str() {
        "json" => serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n",
        "html" => html(&rows, runs, opts.lang),
        _ => text(&rows, runs, opts.lang),
    });
    if opts.check && rows.iter().any(|r| !r.within) {
        return ExitCode::from(1);
    }
    code
}
