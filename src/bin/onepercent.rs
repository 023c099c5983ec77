//! The command line: reproduces any number the app shows for the same scenario and seed.
//!
//! ```text
//! onepercent run SCENARIO.json [--seed N] [--runs N] [--format json|csv] [--lang da|en]
//! onepercent params [--format csv|json]
//! ```
//! A bad scenario file exits with status 2 and the message the app would show.

use std::process::ExitCode;

use onepercent::export;
use onepercent::i18n::Lang;
use onepercent::model::montecarlo::{monte_carlo, MAX_RUNS};
use onepercent::model::{run, Scenario};

const USAGE: &str = "usage:
  onepercent run SCENARIO.json [--seed N] [--runs N] [--format json|csv] [--lang da|en]
      SCENARIO.json: a scenario file ({\"version\": 1, \"params\": {...}, \"seed\": N}); - reads stdin
      --seed N      override the scenario's seed
      --runs N      add Monte Carlo bands from N runs (1-10000; JSON only)
  onepercent params [--format csv|json]
      print the parameter table";

struct Options {
    file: Option<String>,
    seed: Option<u64>,
    runs: usize,
    format: String,
    lang: Lang,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options { file: None, seed: None, runs: 0, format: "json".into(), lang: Lang::En };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--seed" => o.seed = Some(value("--seed")?.parse().map_err(|_| "--seed takes a whole number from 0")?),
            "--runs" => {
                o.runs = value("--runs")?.parse().map_err(|_| "--runs takes a whole number")?;
                if o.runs > MAX_RUNS {
                    return Err(format!("--runs: at most {MAX_RUNS}"));
                }
            }
            "--format" => o.format = value("--format")?,
            "--lang" => o.lang = Lang::parse(&value("--lang")?).ok_or("--lang takes da or en")?,
            f if f.starts_with("--") => return Err(format!("unknown option {f}")),
            f => {
                if o.file.replace(f.to_string()).is_some() {
                    return Err("only one scenario file".into());
                }
            }
        }
    }
    Ok(o)
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| e.to_string())?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
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
    let opts = match parse(rest) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("onepercent: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match cmd {
        "params" => {
            if opts.format == "json" {
                let rows: Vec<serde_json::Value> = onepercent::model::PARAMS
                    .iter()
                    .map(|p| {
                        serde_json::json!({"key": p.key, "default": p.default, "min": p.min, "max": p.max,
                        "uncertainty": p.uncertainty, "unit": p.unit.label()[1], "label": p.label[1]})
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
            } else {
                print!("{}", export::params_csv());
            }
            ExitCode::SUCCESS
        }
        "run" => {
            let Some(file) = opts.file else {
                eprintln!("onepercent: run needs a scenario file\n{USAGE}");
                return ExitCode::from(2);
            };
            let text = match read_input(&file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("onepercent: {e}");
                    return ExitCode::from(2);
                }
            };
            let mut scenario = match Scenario::from_json(&text) {
                Ok(s) => s,
                Err(problems) => {
                    for p in problems {
                        eprintln!("{file}: {}", p.message(opts.lang));
                    }
                    return ExitCode::from(2);
                }
            };
            if let Some(seed) = opts.seed {
                scenario.seed = seed;
            }
            let outcome = run(&scenario);
            match opts.format.as_str() {
                "csv" => print!("{}", export::to_csv(&scenario, &outcome)),
                "json" => {
                    let mc = (opts.runs > 0).then(|| monte_carlo(&scenario, opts.runs));
                    println!("{}", export::to_json(&scenario, &outcome, mc.as_ref()));
                }
                other => {
                    eprintln!("onepercent: unknown format {other} (json or csv)");
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("onepercent: unknown command {other}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
