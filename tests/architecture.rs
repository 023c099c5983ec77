//! The architecture invariants that a test can check: the core crate depends on no browser crate
//! and never names one, a clock or an ambient random source; no import circle; the glue is a leaf.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// Where the core's files are (the crate `onepercent-core`) and where the shell's are (this package).
const CORE: &str = "crates/core/src";
const SHELL: &str = "src";
const FORBIDDEN: &[&str] =
    &["yew", "web_sys", "js_sys", "wasm_bindgen", "gloo", "Instant::now", "SystemTime", "getrandom", "thread_rng"];

fn files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn pure_modules_know_nothing_of_the_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join(CORE), &mut all);
    assert!(all.len() >= 10, "expected the pure modules, found {all:?}");
    for f in all {
        let text = std::fs::read_to_string(&f).unwrap();
        for word in FORBIDDEN {
            for (i, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                assert!(!code.contains(word), "{}:{}: a pure module names `{word}`", f.display(), i + 1);
            }
        }
    }
}

/// The rule as a compile-time fact: the core's manifest names no browser crate and not the shell
/// (in any dependency table), so a core module that imports either does not compile.
#[test]
fn the_core_crate_depends_on_no_browser_crate_and_not_on_the_shell() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("crates/core/Cargo.toml")).unwrap();
    let mut section = String::new();
    let mut deps = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.trim_matches(|c| c == '[' || c == ']').to_string();
        } else if section.ends_with("dependencies") {
            if let Some((name, _)) = line.split_once('=') {
                deps.push((section.clone(), name.trim().trim_matches('"').to_string()));
            }
        }
    }
    assert!(deps.iter().any(|(_, d)| d == "plotters"), "read no dependency from {manifest}");
    for (section, dep) in &deps {
        let browser = ["yew", "web-sys", "js-sys", "wasm-bindgen", "wasm-bindgen-futures", "gloo", "plotters-canvas"]
            .iter()
            .any(|b| dep == b || dep.starts_with(&format!("{b}-")) || dep.starts_with("gloo"));
        assert!(!browser && dep != "onepercent", "[{section}] {dep}: the core may not depend on it");
    }
}

/// The app's crate compiles the core's files as its own modules (`#[path]` in src/lib.rs) and the
/// core crate compiles them alone: both must name the same modules, each from its own file, or a
/// core file could live in the app without the core crate's compiler seeing it.
#[test]
fn the_app_includes_exactly_the_core_crates_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let core_lib = std::fs::read_to_string(root.join(CORE).join("lib.rs")).unwrap();
    let app_lib = std::fs::read_to_string(root.join(SHELL).join("lib.rs")).unwrap();
    let declared = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim().strip_prefix("pub mod "))
            .map(|m| m.trim_end_matches(';').to_string())
            .collect()
    };
    let core: Vec<String> = declared(&core_lib);
    assert!(core.len() >= 10, "read no modules from the core's lib.rs");
    let mut from_core = Vec::new();
    let lines: Vec<&str> = app_lib.lines().map(str::trim).collect();
    for pair in lines.windows(2) {
        if let Some(path) = pair[0].strip_prefix("#[path = \"").and_then(|p| p.strip_suffix("\"]")) {
            let name = pair[1].strip_prefix("pub mod ").unwrap_or("?").trim_end_matches(';').to_string();
            let file = root.join(SHELL).join(path);
            assert!(file.exists(), "{name}: {} does not exist", file.display());
            let expected = [format!("../crates/core/src/{name}.rs"), format!("../crates/core/src/{name}/mod.rs")];
            assert!(expected.contains(&path.to_string()), "{name} is included from {path}");
            from_core.push(name);
        }
    }
    let shell: Vec<String> = declared(&app_lib).into_iter().filter(|m| !from_core.contains(m)).collect();
    assert_eq!(from_core, core, "src/lib.rs must include every module of crates/core/src/lib.rs, in its order");
    assert_eq!(shell, ["app", "web"], "the shell's own modules");
}

/// One way to write a text twice (ARCHITECTURE.md, "A text"): words are an `i18n::Both`, a
/// sentence built from values a `match` on the language (or an `if`/`else`), where the compiler
/// asks for both. A match arm guarded by the language (`X if da =>` beside `X =>`) is the form it
/// does not ask for: the English arm alone compiles and shows English to a Dane.
#[test]
fn no_match_arm_is_guarded_by_the_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join(CORE), &mut all);
    files(&root.join(SHELL), &mut all);
    assert!(all.len() >= 40, "read the source: {all:?}");
    let mut found = Vec::new();
    for f in all {
        let code = graph::code_only(&std::fs::read_to_string(&f).unwrap());
        for line in code.lines() {
            let Some((left, _)) = line.split_once("=>") else { continue };
            let Some((_, guard)) = left.split_once(" if ") else { continue };
            let words: Vec<&str> = guard.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).collect();
            if words.iter().any(|w| matches!(*w, "da" | "en" | "Lang::Da" | "Lang::En")) {
                found.push(format!("{}: {}", f.display(), line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "match arms guarded by the language:\n{}", found.join("\n"));
}

/// The crate's modules and what each imports, read from the source: every `use` (trees expanded)
/// and every inline `crate::`/`super::`/`self::` path, outside comments, strings and
/// `#[cfg(test)]` modules (a test may reach anywhere). A path that ends in a module's re-export
/// (`pub use child::Name` in a `mod.rs`) counts as an import of the child it comes from.
mod graph {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    pub type Module = Vec<String>;

    pub struct Graph {
        pub edges: BTreeMap<Module, BTreeSet<Module>>,
    }

    fn module_of(rel: &Path) -> Module {
        let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
        let last = parts.pop().unwrap();
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" && stem != "lib" {
            parts.push(stem.to_string());
        }
        parts
    }

    /// The code without comments, string and char literals, and `#[cfg(test)]` items.
    pub fn code_only(text: &str) -> String {
        let b = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < b.len() {
            if b[i..].starts_with(b"//") {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            } else if b[i..].starts_with(b"/*") {
                let end = text[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
                i = end;
            } else if b[i] == b'"' {
                // Raw strings are not used with quotes inside in this code base; plain ones escape.
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
                // A char literal ('x' or '\n'); a lifetime has no closing quote.
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            } else if b[i..].starts_with(b"#[cfg(test)]") {
                // Skip the attribute and the item after it: up to its `;` or its matching `}`.
                i += "#[cfg(test)]".len();
                let mut depth = 0;
                while i < b.len() {
                    match b[i] {
                        b'{' => depth += 1,
                        b'}' => {
                            depth -= 1;
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        b';' if depth == 0 => {
                            i += 1;
                            break;
                        }
                        _ => {}
                    }
                    i += 1;
                }
            } else {
                let c = text[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
        out
    }

    /// `a::{b, c::{d, e}}` as `a::b`, `a::c::d`, `a::c::e` (whitespace already removed).
    pub fn expand(tree: &str, out: &mut Vec<String>) {
        let Some(open) = tree.find('{') else {
            out.push(tree.to_string());
            return;
        };
        let prefix = &tree[..open];
        let inner = &tree[open + 1..tree.len() - 1];
        let mut depth = 0;
        let mut start = 0;
        let bytes = inner.as_bytes();
        for (k, &c) in bytes.iter().enumerate() {
            match c {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                b',' if depth == 0 => {
                    expand(&format!("{prefix}{}", &inner[start..k]), out);
                    start = k + 1;
                }
                _ => {}
            }
        }
        if start < inner.len() {
            expand(&format!("{prefix}{}", &inner[start..]), out);
        }
    }

    fn is_ident(c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '_'
    }

    /// Every path a file names: its `use` trees (with `pub use` marked, and the name it is brought
    /// in as) and its inline paths.
    pub fn paths(code: &str) -> Vec<(String, bool, String)> {
        let mut out = Vec::new();
        let mut rest = code;
        // The code without its `use` statements, for the inline paths.
        let mut inline = String::with_capacity(code.len());
        // `use` statements.
        while let Some(k) = rest.find("use ") {
            let before = rest[..k].chars().last();
            let after = &rest[k + 4..];
            if before.is_some_and(is_ident) {
                inline.push_str(&rest[..k + 4]);
                rest = after;
                continue;
            }
            let Some(end) = after.find(';') else { break };
            inline.push_str(&rest[..k]);
            let public = rest[..k].trim_end().ends_with("pub") || rest[..k].trim_end().ends_with(')');
            // `x as y` kept as `x@y` through the removal of whitespace.
            let tree: String = after[..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace(" as ", "@")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let mut expanded = Vec::new();
            expand(&tree, &mut expanded);
            for item in expanded {
                let (p, alias) = item.split_once('@').unwrap_or((&item, ""));
                let name = if alias.is_empty() { p.rsplit("::").next().unwrap_or(p) } else { alias };
                out.push((p.to_string(), public, name.to_string()));
            }
            rest = &after[end..];
        }
        inline.push_str(rest);
        let code = inline.as_str();
        // Inline paths.
        for root in ["crate::", "super::", "self::"] {
            let mut from = 0;
            while let Some(k) = code[from..].find(root) {
                let at = from + k;
                from = at + root.len();
                if code[..at].chars().last().is_some_and(|c| is_ident(c) || c == ':') {
                    continue;
                }
                let tail: String = code[at..].chars().take_while(|&c| is_ident(c) || c == ':').collect();
                let tail = tail.trim_end_matches(':').to_string();
                let name = tail.rsplit("::").next().unwrap_or("").to_string();
                out.push((tail, false, name));
            }
        }
        out
    }

    /// The core's files and the shell's as one tree, as the app's crate compiles them (its root
    /// includes each core module by path under its own name); the two roots read as one.
    pub fn read(root: &Path) -> Graph {
        let mut modules: BTreeMap<Module, String> = BTreeMap::new();
        for dir in [super::CORE, super::SHELL] {
            let mut files = Vec::new();
            super::files(&root.join(dir), &mut files);
            for f in &files {
                let rel = f.strip_prefix(root.join(dir)).unwrap();
                if rel.starts_with("bin") {
                    continue;
                }
                let code = code_only(&std::fs::read_to_string(f).unwrap());
                modules.entry(module_of(rel)).or_default().push_str(&code);
            }
        }
        // Re-exports: (module, name) -> the path it stands for.
        let mut reexports: BTreeMap<(Module, String), Vec<String>> = BTreeMap::new();
        for (m, code) in &modules {
            for (p, public, name) in paths(code) {
                if public {
                    let segs: Vec<String> = p.split("::").map(str::to_string).collect();
                    reexports.insert((m.clone(), name), absolute(m, &segs, &modules));
                }
            }
        }
        let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
        for (m, code) in &modules {
            let set = edges.entry(m.clone()).or_default();
            for (p, _, _) in paths(code) {
                let segs: Vec<String> = p.split("::").map(str::to_string).collect();
                let abs = absolute(m, &segs, &modules);
                if abs.is_empty() {
                    continue;
                }
                let target = resolve(&abs, &modules, &reexports);
                if let Some(t) = target.filter(|t| t != m && !t.is_empty()) {
                    set.insert(t);
                }
            }
        }
        Graph { edges }
    }

    /// A path as seen from module `m`, from the crate root (empty when it names another crate).
    fn absolute(m: &Module, segs: &[String], modules: &BTreeMap<Module, String>) -> Vec<String> {
        let mut base: Vec<String> = match segs.first().map(String::as_str) {
            Some("crate") => Vec::new(),
            Some("super") => m[..m.len().saturating_sub(1)].to_vec(),
            Some("self") => m.clone(),
            Some(first) => {
                // A child module named without a prefix (2018 paths) or another crate.
                let mut child = m.clone();
                child.push(first.to_string());
                if modules.contains_key(&child) {
                    m.clone()
                } else {
                    return Vec::new();
                }
            }
            None => return Vec::new(),
        };
        let mut rest = &segs[usize::from(matches!(segs[0].as_str(), "crate" | "super" | "self"))..];
        while rest.first().map(String::as_str) == Some("super") {
            base.pop();
            rest = &rest[1..];
        }
        base.extend(rest.iter().filter(|s| *s != "*").cloned());
        base
    }

    /// The module a path lands in: its longest module prefix, through re-exports.
    fn resolve(
        path: &[String],
        modules: &BTreeMap<Module, String>,
        reexports: &BTreeMap<(Module, String), Vec<String>>,
    ) -> Option<Module> {
        let mut n = path.len();
        while n > 0 && !modules.contains_key(&path[..n].to_vec()) {
            n -= 1;
        }
        let m = path[..n].to_vec();
        if let Some(name) = path.get(n) {
            if let Some(target) = reexports.get(&(m.clone(), name.clone())) {
                if target.as_slice() != path {
                    return resolve(target, modules, reexports);
                }
            }
        }
        Some(m)
    }

    /// The strongly connected components with more than one module (Tarjan).
    pub fn circles(g: &Graph) -> Vec<Vec<Module>> {
        struct S<'a> {
            g: &'a Graph,
            index: BTreeMap<Module, usize>,
            low: BTreeMap<Module, usize>,
            stack: Vec<Module>,
            on: BTreeSet<Module>,
            out: Vec<Vec<Module>>,
        }
        fn visit(s: &mut S, v: &Module) {
            let i = s.index.len();
            s.index.insert(v.clone(), i);
            s.low.insert(v.clone(), i);
            s.stack.push(v.clone());
            s.on.insert(v.clone());
            for w in s.g.edges.get(v).into_iter().flatten() {
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low[v];
                    s.low.insert(v.clone(), lv.min(lw));
                } else if s.on.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low[v];
                    s.low.insert(v.clone(), lv.min(iw));
                }
            }
            if s.low[v] == s.index[v] {
                let mut comp = Vec::new();
                loop {
                    let w = s.stack.pop().unwrap();
                    s.on.remove(&w);
                    let done = &w == v;
                    comp.push(w);
                    if done {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    s.out.push(comp);
                }
            }
        }
        let mut s = S {
            g,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on: BTreeSet::new(),
            out: Vec::new(),
        };
        for v in g.edges.keys() {
            if !s.index.contains_key(v) {
                visit(&mut s, v);
            }
        }
        s.out
    }
}

/// The shell: the Yew components and hooks (`app`) and the browser glue (`web`).
fn in_shell(m: &[String]) -> bool {
    matches!(m.first().map(String::as_str), Some("app" | "web"))
}

#[test]
fn no_import_circle() {
    let g = graph::read(Path::new(env!("CARGO_MANIFEST_DIR")));
    for (m, to) in &g.edges {
        println!("{} -> {}", m.join("::"), to.iter().map(|t| t.join("::")).collect::<Vec<_>>().join(", "));
    }
    assert!(g.edges.len() >= 50, "expected the crate's modules, found {}", g.edges.len());
    let circles = graph::circles(&g);
    let shown: Vec<String> =
        circles.iter().map(|c| c.iter().map(|m| m.join("::")).collect::<Vec<_>>().join(" <-> ")).collect();
    assert!(circles.is_empty(), "import circles:\n{}", shown.join("\n"));
}

/// The dependency rule (lib.rs, ARCHITECTURE.md): the core never imports the shell, and within the
/// shell the glue (`web`) imports nothing of the components (`app`).
#[test]
fn the_core_never_imports_the_shell_and_the_glue_is_a_leaf() {
    let g = graph::read(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut wrong = Vec::new();
    for (m, to) in &g.edges {
        for t in to {
            let glue_to_app = m.first().is_some_and(|s| s == "web") && t.first().is_some_and(|s| s == "app");
            if (!in_shell(m) && in_shell(t)) || glue_to_app {
                wrong.push(format!("{} imports {}", m.join("::"), t.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The reader of the import graph sees what it must: `use` trees, inline paths, re-exports,
/// and not comments, strings or tests.
#[test]
fn the_graph_reader_reads_paths_as_the_compiler_does() {
    let mut out = Vec::new();
    graph::expand("crate::model::{casework::{Tier,Tiers},sim::Month}", &mut out);
    assert_eq!(out, ["crate::model::casework::Tier", "crate::model::casework::Tiers", "crate::model::sim::Month"]);
    let uses = graph::paths("pub use crate::format::param as display;\nuse super::{a::B as C, d};\nfn f() {}");
    assert_eq!(
        uses,
        [
            ("crate::format::param".to_string(), true, "display".to_string()),
            ("super::a::B".to_string(), false, "C".to_string()),
            ("super::d".to_string(), false, "d".to_string()),
        ]
    );
    let inline = graph::paths("fn f() { crate::model::run(x); self::g(); }");
    assert_eq!(inline.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["crate::model::run", "self::g"]);
    let code = graph::code_only(
        "let a = \"crate::app\"; // crate::web\nx(); #[cfg(test)]\nmod tests { use crate::app; }\ny();",
    );
    assert!(!code.contains("crate::"), "{code}");
    assert!(code.contains("x();") && code.contains("y();"), "{code}");
}

/// A function longer than this (in lines, comments included) needs a reason in [`LONG_BECAUSE`].
const LONG: usize = 85;

/// The long functions, and why each is one function: (file, name, reason).
const LONG_BECAUSE: &[(&str, &str, &str)] = &[
    ("crates/core/src/workshop_state.rs", "reduced", "the workshop's reducer: one short arm per action, tested per action"),
    (
        "crates/core/src/model/sim.rs",
        "simulate_months",
        "the monthly loop, its steps in the order docs/MODEL.md writes them; the time and costs of a month are functions of their own",
    ),
    ("crates/core/src/model/pb.rs", "step", "one PB cycle, its steps in the order docs/MODEL.md writes them"),
    ("crates/core/src/model/scenario.rs", "message_of", "one arm per problem with a scenario, each a sentence in both languages"),
    ("crates/core/src/ballots/pabulib.rs", "message", "one arm per problem with a ballots file, each a sentence in both languages"),
    ("crates/core/src/export.rs", "to_csv", "the CSV's columns, a line per column"),
];

/// Every function's name and length in lines: from its `fn` to its body's closing brace.
fn function_lengths(code: &str) -> Vec<(String, usize)> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = code[i..].find("fn ").map(|k| i + k) {
        i = at + 3;
        if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_') {
            continue;
        }
        let name: String = code[i..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let Some(body) = code[i..].find(['{', ';']).map(|k| i + k) else { break };
        if name.is_empty() || b[body] == b';' {
            continue;
        }
        let mut depth = 0;
        let mut end = body;
        for (k, c) in code[body..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = body + k;
                break;
            }
        }
        out.push((name, code[at..=end].lines().count()));
    }
    out
}

#[test]
fn no_function_is_longer_than_about_80_lines_without_a_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut long = Vec::new();
    for dir in [CORE, SHELL] {
        let mut all = Vec::new();
        files(&root.join(dir), &mut all);
        for f in all {
            let code = graph::code_only(&std::fs::read_to_string(&f).unwrap());
            let rel = f.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            for (name, lines) in function_lengths(&code) {
                if lines > LONG {
                    long.push((rel.clone(), name, lines));
                }
            }
        }
    }
    let unexplained: Vec<_> =
        long.iter().filter(|(f, n, _)| !LONG_BECAUSE.iter().any(|(lf, ln, _)| lf == f && ln == n)).collect();
    assert!(unexplained.is_empty(), "split these, or say in LONG_BECAUSE why not: {unexplained:?}");
    for (f, n, _) in LONG_BECAUSE {
        assert!(long.iter().any(|(lf, ln, _)| lf == f && ln == n), "{f} {n} is no longer long: take it off the list");
    }
}

#[test]
fn the_length_reader_measures_a_function_from_its_fn_to_its_closing_brace() {
    let code = "fn a() {\n    x;\n}\nfn b(y: impl Fn(u8)) -> u8 {\n    if y { {} }\n    0\n}\ntrait T { fn c(); }\n";
    assert_eq!(function_lengths(code), vec![("a".to_string(), 3), ("b".to_string(), 4)]);
}
