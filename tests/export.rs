//! Export golden files: a fully answered reflection as Markdown and JSON,
//! compared with `tests/golden/`. Run with `UPDATE_GOLDEN=1` to rewrite them
//! after a deliberate change, and read the diff before committing.

mod common;

use std::path::Path;

use rebound::export::{self, Clock, Format};
use rebound::guide::Guide;
use rebound::reflection::Status;
use time::UtcOffset;
use time::macros::{date, datetime};

fn clock() -> Clock {
    Clock {
        offset: UtcOffset::UTC,
        today: date!(2026 - 11 - 29),
    }
}

fn completed() -> rebound::reflection::Reflection {
    let mut r = common::filled_reflection();
    r.status = Status::Completed;
    r.completed = Some(datetime!(2026-11-28 18:00 UTC));
    r
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden file; run with UPDATE_GOLDEN=1 and review the diff\n{actual}"
    );
}

#[test]
fn markdown_export_matches_the_golden_file() {
    let guide = Guide::builtin().expect("guide");
    let md = export::render(&completed(), guide, Format::Markdown, clock());
    golden("filled.md", &md);
}

#[test]
fn markdown_has_the_title_one_heading_per_stage_and_one_for_the_plan() {
    let guide = Guide::builtin().expect("guide");
    let md = export::render(&completed(), guide, Format::Markdown, clock());
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Growth plan",
            "## 1. Perspective",
            "## 2. Deconstruct",
            "## 3. Reflect",
            "## 4. Goals",
            "## 5. Skills",
            "## 6. Network",
            "## 7. Risk",
        ]
    );
    assert_eq!(md.lines().filter(|l| l.starts_with("# ")).count(), 1);
    assert!(md.contains("- [x] Take the pricing course (due 2026-12-01)"));
    assert!(md.contains("- [ ] Interview five clinic managers (due 2026-12-13)"));
    assert!(md.contains("- [ ] Write a one-page discovery checklist\n"));
}

#[test]
fn json_export_matches_the_golden_file_and_parses() {
    let guide = Guide::builtin().expect("guide");
    let json = export::render(&completed(), guide, Format::Json, clock());
    golden("filled.json", &json);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["status"], "completed");
    assert_eq!(value["answers"]["goals"]["steps"][1]["done"], true);
    assert_eq!(value["answers"]["risk"]["odds"], 3);
    assert_eq!(value["answers"]["plan"]["weight_now"], 2);
}

#[test]
fn toml_export_is_the_reflection_file_and_loads_back() {
    let guide = Guide::builtin().expect("guide");
    let r = completed();
    let text = export::render(&r, guide, Format::Toml, clock());
    let back = rebound::reflection::Reflection::from_toml_str(&text).expect("loads");
    assert_eq!(back, r);
}

/// Issue 11: check-ins come after the stages, in the reading page's words,
/// and JSON gives scripts each one's day, weight, steps and answers by key.
#[test]
fn check_ins_export_in_order_as_markdown_and_json() {
    let guide = Guide::builtin().expect("guide");
    let r = common::checked_in_reflection();
    let md = export::render(&r, guide, Format::Markdown, clock());
    golden("checked_in.md", &md);
    let json = export::render(&r, guide, Format::Json, clock());
    golden("checked_in.json", &json);
}

/// Issue 12: the stories are shown apart from a person's own plan; no
/// export of it carries a word of them, in any format.
#[test]
fn an_export_contains_no_story_text_in_any_format() {
    let guide = Guide::builtin().expect("guide");
    let stories = rebound::stories::Stories::builtin().expect("stories");
    for format in Format::ALL {
        let text = export::render(&completed(), guide, format, clock());
        assert!(!text.contains("A story"), "{format:?}");
        assert!(!text.contains("invented"), "{format:?}");
        for story in &stories.all {
            assert!(!text.contains(&story.title), "{format:?}: {}", story.title);
            let opening: String = story
                .paragraphs()
                .next()
                .unwrap_or_default()
                .chars()
                .take(40)
                .collect();
            assert!(!text.contains(&opening), "{format:?}: {opening}");
            for strategy in &story.strategies {
                assert!(
                    !text.contains(&strategy.shows),
                    "{format:?}: {}",
                    strategy.shows
                );
            }
        }
    }
}
