//! Older reflection files lifted to the current schema as they are read.
//!
//! Each step lifts a parsed file from one schema version to the next, so the
//! loader only ever reads the current layout. A file is rewritten in the new
//! layout only when it is next saved; reading never changes it.
//!
//! - 1 → 2: the stage tables (`[perspective]`, `[[goals.steps]]`, ...) move
//!   under one `[answers]` table, so a stage key can never collide with the
//!   file's own keys (`status`, `title`, ...) and hand-added top-level keys
//!   are never mistaken for answers.

use toml::{Table, Value};

/// The key a version-1 file's own `answers` key (a hand edit) is kept under.
const OLD_ANSWERS_KEY: &str = "answers_from_version_1";

/// Lifts `doc` from `version` to `target`, one step at a time.
pub fn upgrade(doc: &mut Table, version: i64, target: i64) {
    for from in version..target {
        if from == 1 {
            version_1_to_2(doc);
        }
    }
}

/// The stages a version 1 file could hold, at its top level: version 1
/// was written before guides were data, by the one guide there was.
const VERSION_1_STAGES: [&str; 8] = [
    "perspective",
    "deconstruct",
    "reflect",
    "goals",
    "skills",
    "network",
    "risk",
    "plan",
];

fn version_1_to_2(doc: &mut Table) {
    if let Some(kept) = doc.remove("answers") {
        doc.insert(OLD_ANSWERS_KEY.into(), kept);
    }
    let mut answers = Table::new();
    for stage in VERSION_1_STAGES {
        if let Some(table) = doc.remove(stage) {
            answers.insert(stage.into(), table);
        }
    }
    doc.insert("answers".into(), Value::Table(answers));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_stage_tables_move_under_answers_and_other_keys_stay() {
        let mut doc: Table = "id = \"a\"\nanswers = \"by hand\"\n[perspective]\nexpected = \"x\"\n[[goals.steps]]\ntext = \"s\"\n[elsewhere]\nkept = true\n"
            .parse()
            .expect("toml");
        upgrade(&mut doc, 1, 2);
        let answers = doc["answers"].as_table().expect("answers table");
        assert_eq!(answers["perspective"]["expected"].as_str(), Some("x"));
        assert_eq!(answers["goals"]["steps"][0]["text"].as_str(), Some("s"));
        assert!(doc.get("perspective").is_none());
        assert_eq!(doc["elsewhere"]["kept"].as_bool(), Some(true));
        assert_eq!(doc[OLD_ANSWERS_KEY].as_str(), Some("by hand"));
    }

    #[test]
    fn a_current_file_is_left_as_it_is() {
        let mut doc: Table = "[answers.perspective]\nexpected = \"x\"\n"
            .parse()
            .expect("toml");
        let before = doc.clone();
        upgrade(&mut doc, 2, 2);
        assert_eq!(doc, before);
    }
}
