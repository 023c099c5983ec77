//! Saved scenarios: a named list kept in the browser's storage, as versioned JSON:
//! `{"version": 1, "scenarios": [{"name": "Plan A", "link": "v=1&pb.share=0.01&seed=42"}]}`.
//!
//! Each scenario is stored as its share link ([`crate::share`]), so saved scenarios, links and their
//! migrations are one format. Reading never loses anything: text that is not a library of a version
//! this build reads (corrupt, or written by a newer or foreign program) and entries that cannot be
//! read are returned as `aside`, for the web layer to keep under another key and offer as a
//! download. Pure: the web layer does the storage calls.

use crate::model::json::Json;

/// The storage format this build writes.
pub const SAVED_VERSION: u64 = 1;

/// At most this many saved scenarios (a full list asks the user to delete one first).
pub const MAX_SAVED: usize = 50;

/// Longest name kept, in characters.
pub const MAX_NAME: usize = 80;

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    /// The scenario as a share-link query (without `?`).
    pub link: String,
}

/// The saved scenarios, in the order they were saved.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
}

/// What reading the stored text gave: the library, and whatever could not be read (to keep aside).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Loaded {
    pub library: Library,
    pub aside: Option<String>,
}

/// Why storing failed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StoreError {
    /// Storage is switched off or blocked.
    Unavailable,
    /// The browser's storage quota is used up.
    Full,
}

/// Why a library change was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Refusal {
    EmptyName,
    NameTaken,
    Full,
    NoSuchEntry,
}

/// A name as kept: control characters removed, at most [`MAX_NAME`] characters, trimmed (after
/// cutting, so a cut never leaves a space that the next load would trim: cleaning twice changes
/// nothing).
pub fn clean_name(name: &str) -> String {
    let cut: String = name.trim().chars().filter(|c| !c.is_control()).take(MAX_NAME).collect();
    cut.trim().to_string()
}

impl Library {
    /// Read the stored text (`None`: nothing stored yet). Migrates older versions.
    pub fn load(text: Option<&str>) -> Loaded {
        let Some(text) = text else { return Loaded::default() };
        let Ok(json) = Json::parse(text) else {
            return Loaded { library: Library::default(), aside: Some(text.to_string()) };
        };
        let version = json.get("version").and_then(Json::as_u64);
        let list = match (version, json.get("scenarios")) {
            (Some(v), Some(Json::Array(list))) if (1..=SAVED_VERSION).contains(&v) => list,
            _ => return Loaded { library: Library::default(), aside: Some(text.to_string()) },
        };
        let mut library = Library::default();
        // At most MAX_SAVED entries are loaded (the most the app saves); any beyond go aside with
        // the unreadable ones. So the duplicate check looks at no more than MAX_SAVED names, and
        // loading stays linear however much is stored (no hash set: it would cost the page ~3 KB).
        let (mut bad, mut changed) = (Vec::new(), Vec::new());
        for item in list {
            let (name, raw) = match item.get("name") {
                Some(Json::Str(s)) => (clean_name(s), Some(s)),
                _ => (String::new(), None),
            };
            match item.get("link") {
                Some(Json::Str(link))
                    if !name.is_empty() && library.entries.len() < MAX_SAVED && !library.has(&name) =>
                {
                    // Kept, but if anything of it is not kept as it was (a longer name, fields this
                    // build does not know), the original goes aside too.
                    let extra = matches!(item, Json::Object(m) if m.iter().any(|(k, _)| k != "name" && k != "link"));
                    if extra || raw.map(String::as_str) != Some(name.as_str()) {
                        changed.push(item.clone());
                    }
                    library.entries.push(Entry { name, link: link.clone() })
                }
                _ => bad.push(item.clone()),
            }
        }
        let mut aside = Vec::new();
        if !bad.is_empty() {
            aside.push(("unreadable_saved_scenarios".to_string(), Json::Array(bad)));
        }
        if !changed.is_empty() {
            aside.push(("saved_scenarios_as_stored".to_string(), Json::Array(changed)));
        }
        if let Json::Object(m) = &json {
            let unknown: Vec<(String, Json)> =
                m.iter().filter(|(k, _)| k != "version" && k != "scenarios").cloned().collect();
            if !unknown.is_empty() {
                aside.push(("unknown_fields".to_string(), Json::Object(unknown)));
            }
        }
        let aside = (!aside.is_empty()).then(|| Json::Object(aside).to_pretty());
        Loaded { library, aside }
    }

    /// The text to store.
    pub fn to_text(&self) -> String {
        let list = self
            .entries
            .iter()
            .map(|e| {
                Json::Object(vec![
                    ("name".into(), Json::Str(e.name.clone())),
                    ("link".into(), Json::Str(e.link.clone())),
                ])
            })
            .collect();
        Json::Object(vec![
            ("version".into(), Json::Number(SAVED_VERSION as f64, SAVED_VERSION.to_string())),
            ("scenarios".into(), Json::Array(list)),
        ])
        .to_text()
    }

    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// Save under `name`; a scenario of the same name is replaced (returns `true` then).
    pub fn save(&mut self, name: &str, link: &str) -> Result<bool, Refusal> {
        let name = clean_name(name);
        if name.is_empty() {
            return Err(Refusal::EmptyName);
        }
        if let Some(e) = self.entries.iter_mut().find(|e| e.name == name) {
            e.link = link.to_string();
            return Ok(true);
        }
        if self.entries.len() >= MAX_SAVED {
            return Err(Refusal::Full);
        }
        self.entries.push(Entry { name, link: link.to_string() });
        Ok(false)
    }

    pub fn rename(&mut self, index: usize, name: &str) -> Result<(), Refusal> {
        let name = clean_name(name);
        if name.is_empty() {
            return Err(Refusal::EmptyName);
        }
        if self.entries.iter().enumerate().any(|(i, e)| i != index && e.name == name) {
            return Err(Refusal::NameTaken);
        }
        self.entries.get_mut(index).ok_or(Refusal::NoSuchEntry)?.name = name;
        Ok(())
    }

    pub fn delete(&mut self, index: usize) -> Result<Entry, Refusal> {
        (index < self.entries.len()).then(|| self.entries.remove(index)).ok_or(Refusal::NoSuchEntry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_rename_delete_and_reload() {
        let mut lib = Library::default();
        assert_eq!(lib.save("  Plan A ", "v=1&seed=1"), Ok(false));
        assert_eq!(lib.save("Plan B", "v=1&pb.share=0.01&seed=2"), Ok(false));
        assert_eq!(lib.save("Plan A", "v=1&seed=3"), Ok(true));
        assert_eq!(lib.save(" \n", "v=1"), Err(Refusal::EmptyName));
        assert_eq!(lib.rename(1, "Plan A"), Err(Refusal::NameTaken));
        assert_eq!(lib.rename(1, "Plan \"C\" – æøå"), Ok(()));
        assert_eq!(lib.rename(7, "x"), Err(Refusal::NoSuchEntry));
        let loaded = Library::load(Some(&lib.to_text()));
        assert_eq!(loaded, Loaded { library: lib.clone(), aside: None });
        assert_eq!(loaded.library.entries[0].link, "v=1&seed=3");
        assert_eq!(lib.delete(0).unwrap().name, "Plan A");
        assert_eq!(lib.entries.len(), 1);
        assert_eq!(lib.delete(3), Err(Refusal::NoSuchEntry));
    }

    #[test]
    fn a_full_library_refuses_new_names_but_replaces_old_ones() {
        let mut lib = Library::default();
        for i in 0..MAX_SAVED {
            lib.save(&format!("s{i}"), "v=1").unwrap();
        }
        assert_eq!(lib.save("one more", "v=1"), Err(Refusal::Full));
        assert_eq!(lib.save("s3", "v=1&seed=9"), Ok(true));
    }

    #[test]
    fn version_1_text_still_loads() {
        let text = r#"{"version":1,"scenarios":[{"name":"Plan A","link":"v=1&pb.share=0.01&seed=42"}]}"#;
        let loaded = Library::load(Some(text));
        assert_eq!(loaded.aside, None);
        assert_eq!(
            loaded.library.entries,
            vec![Entry { name: "Plan A".into(), link: "v=1&pb.share=0.01&seed=42".into() }]
        );
    }

    #[test]
    fn corrupt_or_foreign_text_is_kept_aside_whole() {
        for text in ["{not json", "[1,2]", r#"{"version":2,"scenarios":[]}"#, r#"{"scenarios":[]}"#, "\u{0}"] {
            let loaded = Library::load(Some(text));
            assert!(loaded.library.entries.is_empty());
            assert_eq!(loaded.aside.as_deref(), Some(text));
        }
        assert_eq!(Library::load(None), Loaded::default());
    }

    #[test]
    fn unreadable_entries_are_kept_aside_and_the_rest_load() {
        let text = r#"{"version":1,"scenarios":[{"name":"ok","link":"v=1"},{"name":5},{"link":"v=1"},{"name":"ok","link":"v=1&seed=2"}]}"#;
        let loaded = Library::load(Some(text));
        assert_eq!(loaded.library.entries.len(), 1);
        let aside = loaded.aside.unwrap();
        let kept = Json::parse(&aside).unwrap();
        match kept.get("unreadable_saved_scenarios") {
            Some(Json::Array(items)) => assert_eq!(items.len(), 3),
            other => panic!("{other:?}"),
        }
    }
}
