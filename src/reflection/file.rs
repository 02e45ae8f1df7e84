//! A reflection's TOML file, schema version 2: read, written, unknown keys kept.

use std::borrow::Cow;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use toml::{Table, Value};

use super::checkins::Checkin;
use super::id::is_valid_id;
use super::{Position, Reflection, Status, migrate, whole_seconds};
use crate::guide::Guide;
use crate::text::{printable, printable_line};

/// 2: answers live under one `[answers]` table (see `migrate`).
pub const SCHEMA_VERSION: i64 = 2;

/// Why a file's text is not a reflection this build can use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("not valid TOML: {0}")]
    Syntax(String),
    #[error("written by a newer rebound (schema_version {0}; this build reads {SCHEMA_VERSION})")]
    NewerSchema(i64),
    #[error("{0}")]
    Invalid(String),
}

impl Reflection {
    /// Parses a reflection file. Unknown keys are kept; a newer schema is refused
    /// so this build never rewrites what it does not understand.
    pub fn from_toml_str(text: &str) -> Result<Reflection, FormatError> {
        if text.trim().is_empty() {
            return Err(invalid("the file is empty"));
        }
        let mut doc: Table = text
            .parse()
            .map_err(|e: toml::de::Error| FormatError::Syntax(one_line(e.message())))?;
        let version = match doc.remove("schema_version") {
            Some(Value::Integer(v)) => v,
            Some(_) => return Err(invalid("schema_version must be a whole number")),
            None => return Err(invalid("schema_version is missing")),
        };
        if version > SCHEMA_VERSION {
            return Err(FormatError::NewerSchema(version));
        }
        if version < 1 {
            return Err(invalid("schema_version must be 1 or more"));
        }
        migrate::upgrade(&mut doc, version, SCHEMA_VERSION);
        let id = take_string(&mut doc, "id")?.ok_or_else(|| invalid("id is missing"))?;
        if !is_valid_id(&id) {
            return Err(invalid("id may hold only a-z, 0-9 and '-'"));
        }
        let title = take_string(&mut doc, "title")?
            .map(|t| printable_line(&t).trim().to_string())
            .unwrap_or_default();
        let status = match take_string(&mut doc, "status")? {
            None => Status::InProgress,
            Some(s) => Status::parse(&s)
                .ok_or_else(|| invalid("status must be \"in-progress\" or \"completed\""))?,
        };
        let created =
            take_time(&mut doc, "created")?.ok_or_else(|| invalid("created is missing"))?;
        let updated = take_time(&mut doc, "updated")?.unwrap_or(created);
        let completed = take_time(&mut doc, "completed")?;
        // Files from before guides had names were all written with the
        // default. A value of another type (a hand edit) stays in the file
        // untouched, as any key this build does not read would.
        let guide = match doc.get("guide") {
            Some(Value::String(g)) => {
                let g = crate::text::printable_line(g).into_owned();
                doc.remove("guide");
                g
            }
            _ => crate::guide::DEFAULT_NAME.to_string(),
        };
        let guide_version = match doc.get("guide_version").and_then(Value::as_integer) {
            Some(v) => {
                doc.remove("guide_version");
                u32::try_from(v).ok()
            }
            None => None,
        };
        let position = match doc.remove("position") {
            None => Position::default(),
            Some(Value::Table(mut t)) => Position {
                stage: take_string(&mut t, "stage")?.unwrap_or_default(),
                field: take_string(&mut t, "field")?.unwrap_or_default(),
            },
            Some(_) => return Err(invalid("position must be a table")),
        };
        // Keys in [answers] this build does not know are kept with the rest.
        let mut answers = match doc.remove("answers") {
            None => Table::new(),
            Some(Value::Table(t)) => t,
            Some(_) => return Err(invalid("answers must be a table")),
        };
        answers.retain(|_, v| !v.as_table().is_some_and(Table::is_empty));
        for (_, stage) in answers.iter_mut() {
            // An empty stage is no answers: saving would drop it anyway.
            if stage.is_table() {
                make_printable(stage);
            }
        }
        let checkins = match doc.remove("checkins") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|mut item| match item {
                    Value::Table(_) => {
                        make_printable(&mut item);
                        match item {
                            Value::Table(t) => Ok(Checkin::from_table(t)),
                            _ => Err(invalid("checkins must be tables")),
                        }
                    }
                    _ => Err(invalid("each of checkins must be a table")),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(invalid("checkins must be a list of tables ([[checkins]])")),
        };
        let mut writing = match doc.remove("writing") {
            None => Table::new(),
            Some(Value::Table(t)) => t,
            Some(_) => return Err(invalid("writing must be a table ([writing])")),
        };
        if writing
            .get(super::WRITING_TEXT_KEY)
            .is_some_and(|v| !v.is_str())
        {
            return Err(invalid("writing.text must be text"));
        }
        for (_, v) in writing.iter_mut() {
            make_printable(v);
        }
        let mut reflection = Reflection {
            id,
            title,
            status,
            created,
            updated,
            completed,
            position,
            places: crate::guides::places_for(&guide),
            guide,
            guide_version,
            answers,
            checkins,
            writing,
            extra: doc,
        };
        reflection.settle_step_ids();
        Ok(reflection)
    }

    /// The file text: metadata first, then each stage's answers in guide order,
    /// so the file reads like the walk through the stages.
    pub fn to_toml_string(&self, guide: &Guide) -> Result<String, toml::ser::Error> {
        let mut doc = Table::new();
        doc.insert("schema_version".into(), Value::Integer(SCHEMA_VERSION));
        doc.insert("id".into(), Value::String(self.id.clone()));
        doc.insert("title".into(), Value::String(self.title.clone()));
        doc.insert("status".into(), Value::String(self.status.as_str().into()));
        doc.insert("created".into(), time_value(self.created));
        doc.insert("updated".into(), time_value(self.updated));
        if let Some(completed) = self.completed {
            doc.insert("completed".into(), time_value(completed));
        }
        doc.insert("guide".into(), Value::String(self.guide.clone()));
        if let Some(version) = self.guide_version {
            doc.insert("guide_version".into(), Value::Integer(i64::from(version)));
        }
        for (k, v) in &self.extra {
            doc.insert(k.clone(), v.clone());
        }
        let mut position = Table::new();
        position.insert("stage".into(), Value::String(self.position.stage.clone()));
        position.insert("field".into(), Value::String(self.position.field.clone()));
        doc.insert("position".into(), Value::Table(position));
        let mut all = Table::new();
        for stage in guide.walk() {
            let Some(Value::Table(answers)) = self.answers.get(stage.key()) else {
                continue;
            };
            let mut ordered = Table::new();
            for field in &guide.stage(stage).fields {
                if let Some(v) = answers.get(&field.key) {
                    ordered.insert(field.key.clone(), v.clone());
                }
            }
            for (k, v) in answers {
                if !ordered.contains_key(k) {
                    ordered.insert(k.clone(), v.clone());
                }
            }
            if !ordered.is_empty() {
                all.insert(stage.key().into(), Value::Table(ordered));
            }
        }
        // Stages the guide does not have (a hand edit, a guide changed
        // since) stay, after its own.
        for (k, v) in &self.answers {
            if !all.contains_key(k) {
                all.insert(k.clone(), v.clone());
            }
        }
        if !all.is_empty() {
            doc.insert("answers".into(), Value::Table(all));
        }
        if !self.checkins.is_empty() {
            let items = self.checkins.iter().map(Checkin::to_value).collect();
            doc.insert("checkins".into(), Value::Array(items));
        }
        // Last, so the file reads as the walk first and the writing after it.
        if !self.writing_table().is_empty() {
            doc.insert("writing".into(), Value::Table(self.writing_table().clone()));
        }
        toml::to_string_pretty(&doc)
    }
}

/// Text is cleaned once, where it enters from the file, so escape sequences
/// written into a file by hand (or by anyone) never reach a terminal raw:
/// not the TUI, not the text editor widget, not `show` or `export`.
fn make_printable(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Cow::Owned(clean) = printable(s) {
                *s = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(make_printable),
        Value::Table(table) => table.iter_mut().for_each(|(_, v)| make_printable(v)),
        _ => {}
    }
}

fn invalid(message: &str) -> FormatError {
    FormatError::Invalid(message.to_string())
}

fn one_line(message: &str) -> String {
    printable_line(message)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn take_string(table: &mut Table, key: &str) -> Result<Option<String>, FormatError> {
    match table.remove(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(invalid(&format!("{key} must be text"))),
    }
}

fn take_time(table: &mut Table, key: &str) -> Result<Option<OffsetDateTime>, FormatError> {
    let text = match table.remove(key) {
        None => return Ok(None),
        Some(Value::Datetime(d)) => d.to_string(),
        Some(Value::String(s)) => s,
        Some(_) => return Err(invalid(&format!("{key} must be a date and time"))),
    };
    // Files keep whole seconds; a fraction (or a leap second) typed by hand
    // is read the way it will be saved.
    OffsetDateTime::parse(&text, &Rfc3339)
        .map(|t| Some(whole_seconds(t)))
        .map_err(|_| invalid(&format!("{key} must look like 2026-11-29T14:05:00Z")))
}

fn time_value(t: OffsetDateTime) -> Value {
    let text = whole_seconds(t).format(&Rfc3339).unwrap_or_default();
    text.parse::<toml::value::Datetime>()
        .map(Value::Datetime)
        .unwrap_or(Value::String(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::ActionItem;
    use crate::reflection::tests::{guide, sample_reflection};
    use crate::stage::{FullStages, Stage};
    use time::macros::datetime;

    #[test]
    fn a_version_1_file_loads_and_is_saved_in_the_version_2_layout() {
        let v1 = r#"
schema_version = 1
id = "2026-11-29-old"
title = "Written by the first rebound"
status = "completed"
created = 2026-11-01T09:00:00Z
completed = 2026-11-02T09:00:00Z
mood = "kept by hand"

[position]
stage = "goals"
field = "steps"

[perspective]
expected = "Ship in May"
weight_today = 4

[[goals.steps]]
text = "Call Dana"
due = "2026-12-01"
done = true
"#;
        let r = Reflection::from_toml_str(v1).expect("a version 1 file loads");
        assert_eq!(r.text(Stage::Perspective, "expected"), "Ship in May");
        assert_eq!(r.rating(Stage::Perspective, "weight_today"), Some(4));
        assert!(r.actions(Stage::Goals, "steps")[0].done);
        assert_eq!(r.status, Status::Completed);
        let saved = r.to_toml_string(guide()).expect("saves");
        assert!(saved.starts_with("schema_version = 2\n"), "{saved}");
        assert!(saved.contains("[answers.perspective]"), "{saved}");
        assert!(saved.contains("[[answers.goals.steps]]"), "{saved}");
        assert!(!saved.contains("\n[perspective]"), "{saved}");
        assert!(saved.contains("mood = \"kept by hand\""), "{saved}");
        assert_eq!(Reflection::from_toml_str(&saved).expect("loads"), r);
    }

    #[test]
    fn escape_sequences_in_a_file_never_reach_the_screen() {
        let text = r#"
schema_version = 1
id = "2026-11-29-x"
title = "\u001b]0;pwned\u0007Title\u001b[2J"
created = "2026-11-29T09:00:00Z"
[perspective]
expected = "line one\u001b[31m\nline two\tcell"
support = ["\u009b31mred"]
"#;
        let r = Reflection::from_toml_str(text).expect("loads");
        assert_eq!(r.title, "Title");
        assert_eq!(
            r.text(Stage::Perspective, "expected"),
            "line one\nline two\tcell"
        );
        assert_eq!(r.list(Stage::Perspective, "support"), ["red"]);
    }

    #[test]
    fn every_field_kind_survives_a_round_trip() {
        let mut r = sample_reflection();
        r.set_text(
            Stage::Perspective,
            "what_happened",
            "Line one\nLine \"two\"\n\ttabbed".into(),
        );
        r.set_text(Stage::Perspective, "ability", "Saying no early".into());
        r.set_list(
            Stage::Perspective,
            "support",
            vec!["Long walks".into(), "Sam".into()],
        );
        r.set_rating(Stage::Perspective, "weight_today", Some(4));
        r.toggle_check(Stage::Deconstruct, "causes", "decision");
        r.toggle_check(Stage::Deconstruct, "causes", "external");
        r.set_text(Stage::Risk, "first_step_date", "2026-12-15".into());
        r.set_actions(
            Stage::Goals,
            "steps",
            vec![
                ActionItem {
                    text: "Book a mentor call".into(),
                    due: "2026-12-05".into(),
                    done: true,
                    ..Default::default()
                },
                ActionItem {
                    text: "Draft the postmortem".into(),
                    due: String::new(),
                    done: false,
                    ..Default::default()
                },
            ],
        );
        r.position = Position {
            stage: "goals".into(),
            field: "steps".into(),
        };
        r.status = Status::Completed;
        r.completed = Some(datetime!(2026-12-01 10:00 UTC));

        let text = r.to_toml_string(guide()).expect("serialises");
        let back = Reflection::from_toml_str(&text).expect("own output parses");
        assert_eq!(
            back,
            Reflection::from_toml_str(&back.to_toml_string(guide()).expect("serialises"))
                .expect("stable")
        );
        assert_eq!(
            back.text(Stage::Perspective, "what_happened"),
            "Line one\nLine \"two\"\n\ttabbed"
        );
        assert_eq!(
            back.list(Stage::Perspective, "support"),
            ["Long walks", "Sam"]
        );
        assert_eq!(back.rating(Stage::Perspective, "weight_today"), Some(4));
        assert_eq!(
            back.list(Stage::Deconstruct, "causes"),
            ["decision", "external"]
        );
        assert_eq!(back.text(Stage::Risk, "first_step_date"), "2026-12-15");
        assert_eq!(back.actions(Stage::Goals, "steps").len(), 2);
        assert!(back.actions(Stage::Goals, "steps")[0].done);
        assert_eq!(back.position, r.position);
        assert_eq!(back.status, Status::Completed);
        assert_eq!(back.created, datetime!(2026-11-29 09:30:15 UTC));
    }

    #[test]
    fn the_file_starts_with_the_schema_version_and_reads_in_stage_order() {
        let mut r = sample_reflection();
        r.set_text(Stage::Risk, "risk", "Pitch the rewrite".into());
        r.set_text(Stage::Perspective, "lesson", "Ask sooner".into());
        let text = r.to_toml_string(guide()).expect("serialises");
        assert!(text.starts_with("schema_version = 2\n"), "{text}");
        let perspective = text
            .find("[answers.perspective]")
            .expect("perspective table");
        let risk = text.find("[answers.risk]").expect("risk table");
        assert!(perspective < risk);
        assert!(text.contains("status = \"in-progress\""));
        assert!(text.contains("created = 2026-11-29T09:30:15Z"));
    }

    #[test]
    fn unknown_keys_are_kept_on_save() {
        let mut r = sample_reflection();
        r.set_text(Stage::Reflect, "went_wrong", "x".into());
        let text = r.to_toml_string(guide()).expect("serialises")
            + "[answers.reflect.extra]\nnote = \"by hand\"\n[answers.later]\nmood = \"tired\"\n[elsewhere]\nkept = true\n";
        let back = Reflection::from_toml_str(&text).expect("parses");
        let again = back.to_toml_string(guide()).expect("serialises");
        assert!(again.contains("mood = \"tired\""), "{again}");
        assert!(again.contains("note = \"by hand\""), "{again}");
        assert!(again.contains("kept = true"), "{again}");
    }

    #[test]
    fn newer_schemas_and_broken_files_are_refused_with_a_reason() {
        let newer = "schema_version = 3\nid = \"a\"\ncreated = 2026-01-01T00:00:00Z\n";
        assert_eq!(
            Reflection::from_toml_str(newer),
            Err(FormatError::NewerSchema(3))
        );
        assert!(matches!(
            Reflection::from_toml_str("title = "),
            Err(FormatError::Syntax(_))
        ));
        let bad_id = "schema_version = 1\nid = \"../etc\"\ncreated = 2026-01-01T00:00:00Z\n";
        assert!(matches!(
            Reflection::from_toml_str(bad_id),
            Err(FormatError::Invalid(_))
        ));
        assert_eq!(
            Reflection::from_toml_str(" \n"),
            Err(FormatError::Invalid("the file is empty".into()))
        );
        let no_version = "id = \"a\"\n";
        assert!(matches!(
            Reflection::from_toml_str(no_version),
            Err(FormatError::Invalid(_))
        ));
    }
}
