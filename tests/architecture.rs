//! The architecture invariants that a test can check: the pure modules never name a browser crate,
//! a clock or an ambient random source.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

const PURE: &[&str] = &[
    "src/model",
    "src/ballots",
    "src/report.rs",
    "src/charts",
    "src/export.rs",
    "src/format.rs",
    "src/i18n.rs",
    "src/share.rs",
    "src/saved.rs",
    "src/compare.rs",
    "src/embed.rs",
    "src/story.rs",
    "src/workshop.rs",
];
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
    for p in PURE {
        files(&root.join(p), &mut all);
    }
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
