//! The data a person writes: one reflection, its answers, and how it maps to
//! the TOML file (schema version 1).

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use toml::{Table, Value};

use std::borrow::Cow;

use crate::guide::Guide;
use crate::stage::Stage;
use crate::text::{printable, printable_line};

/// 2: answers live under one `[answers]` table (see `migrate`).
pub const SCHEMA_VERSION: i64 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    InProgress,
    Completed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InProgress => "in-progress",
            Status::Completed => "completed",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        match text {
            "in-progress" => Some(Status::InProgress),
            "completed" => Some(Status::Completed),
            _ => None,
        }
    }
}

/// Where the person stopped, by stable stage and field keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    pub stage: String,
    pub field: String,
}

/// One step of an action plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionItem {
    pub text: String,
    /// As typed: an ISO date once normalised, or text the person is still fixing.
    pub due: String,
    pub done: bool,
    /// Keys a hand edit added to the step; they travel with it and are saved.
    pub extra: Table,
}

impl ActionItem {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
            && self.due.trim().is_empty()
            && !self.done
            && self.extra.is_empty()
    }

    /// Still to do: not done, and not an empty row.
    pub fn is_open(&self) -> bool {
        !self.done && !self.is_blank()
    }
}

/// The title to show: what the person wrote, or a quiet stand-in.
pub fn display_title(title: &str) -> &str {
    if title.trim().is_empty() {
        "Untitled reflection"
    } else {
        title.trim()
    }
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct Reflection {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub created: OffsetDateTime,
    pub updated: OffsetDateTime,
    pub completed: Option<OffsetDateTime>,
    pub position: Position,
    /// Stage key → that stage's answers; kept as TOML so keys this build does
    /// not know survive a save untouched.
    answers: Table,
    /// Top-level keys this build does not know, kept for the same reason.
    extra: Table,
}

impl Reflection {
    pub fn new(id: String, title: String, now: OffsetDateTime) -> Reflection {
        let now = whole_seconds(now);
        Reflection {
            id,
            title,
            status: Status::InProgress,
            created: now,
            updated: now,
            completed: None,
            position: Position {
                stage: Stage::Perspective.key().into(),
                field: String::new(),
            },
            answers: Table::new(),
            extra: Table::new(),
        }
    }

    fn value(&self, stage: Stage, field: &str) -> Option<&Value> {
        self.answers.get(stage.key())?.as_table()?.get(field)
    }

    fn set_value(&mut self, stage: Stage, field: &str, value: Option<Value>) {
        let Some(value) = value else {
            // Clearing the last answer of a stage leaves no empty table
            // behind: a file never holds one, so memory must not either.
            if let Some(Value::Table(table)) = self.answers.get_mut(stage.key()) {
                table.remove(field);
                if table.is_empty() {
                    self.answers.remove(stage.key());
                }
            }
            return;
        };
        let entry = self
            .answers
            .entry(stage.key())
            .or_insert_with(|| Value::Table(Table::new()));
        if !entry.is_table() {
            *entry = Value::Table(Table::new());
        }
        if let Value::Table(table) = entry {
            table.insert(field.to_string(), value);
        }
    }

    /// The stored value of one answer, whatever its type.
    pub fn answer(&self, stage: Stage, field: &str) -> Option<&Value> {
        self.value(stage, field)
    }

    /// Puts ticked options in the order the guide lists them.
    pub fn order_checks(
        &mut self,
        stage: Stage,
        field: &str,
        options: &[crate::guide::ChoiceOption],
    ) {
        let checked = self.list(stage, field);
        let ordered: Vec<String> = options
            .iter()
            .filter(|o| checked.contains(&o.key))
            .map(|o| o.key.clone())
            .chain(
                checked
                    .iter()
                    .filter(|c| !options.iter().any(|o| &o.key == *c))
                    .cloned(),
            )
            .collect();
        if ordered != checked {
            self.set_list(stage, field, ordered);
        }
    }

    pub fn text(&self, stage: Stage, field: &str) -> &str {
        self.value(stage, field)
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    pub fn set_text(&mut self, stage: Stage, field: &str, text: String) {
        let value = (!text.trim().is_empty()).then_some(Value::String(text));
        self.set_value(stage, field, value);
    }

    /// A list answer (also the ticked keys of a checklist).
    pub fn list(&self, stage: Stage, field: &str) -> Vec<String> {
        self.value(stage, field)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn set_list(&mut self, stage: Stage, field: &str, items: Vec<String>) {
        let items: Vec<Value> = items
            .into_iter()
            .filter(|i| !i.trim().is_empty())
            .map(Value::String)
            .collect();
        let value = (!items.is_empty()).then_some(Value::Array(items));
        self.set_value(stage, field, value);
    }

    pub fn toggle_check(&mut self, stage: Stage, field: &str, option: &str) {
        let mut checked = self.list(stage, field);
        match checked.iter().position(|c| c == option) {
            Some(i) => {
                checked.remove(i);
            }
            None => checked.push(option.to_string()),
        }
        self.set_list(stage, field, checked);
    }

    /// A 1..=5 rating; anything else in the file reads as unanswered.
    pub fn rating(&self, stage: Stage, field: &str) -> Option<u8> {
        let value = self.value(stage, field)?.as_integer()?;
        u8::try_from(value).ok().filter(|v| (1..=5).contains(v))
    }

    pub fn set_rating(&mut self, stage: Stage, field: &str, rating: Option<u8>) {
        let value = rating
            .filter(|v| (1..=5).contains(v))
            .map(|v| Value::Integer(i64::from(v)));
        self.set_value(stage, field, value);
    }

    pub fn actions(&self, stage: Stage, field: &str) -> Vec<ActionItem> {
        let Some(items) = self.value(stage, field).and_then(Value::as_array) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(Value::as_table)
            .map(|t| ActionItem {
                text: t.get("text").and_then(Value::as_str).unwrap_or("").into(),
                due: match t.get("due") {
                    Some(Value::Datetime(d)) => d.to_string(),
                    Some(v) => v.as_str().unwrap_or("").into(),
                    None => String::new(),
                },
                done: t.get("done").and_then(Value::as_bool).unwrap_or(false),
                // Unknown keys, and known ones holding a value of another
                // type (a hand edit), travel with the step untouched.
                extra: t
                    .iter()
                    .filter(|(k, v)| match k.as_str() {
                        "text" => !v.is_str(),
                        "due" => !(v.is_str() || v.is_datetime()),
                        "done" => !v.is_bool(),
                        _ => true,
                    })
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            })
            .collect()
    }

    pub fn set_actions(&mut self, stage: Stage, field: &str, items: Vec<ActionItem>) {
        // Entries that are not steps at all (a hand edit) stay, after them.
        let kept: Vec<Value> = self
            .value(stage, field)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter(|v| !v.is_table()).cloned().collect())
            .unwrap_or_default();
        let items: Vec<Value> = items
            .into_iter()
            .filter(|i| !i.is_blank())
            .map(|i| {
                let mut t = Table::new();
                t.insert("text".into(), Value::String(i.text.clone()));
                if !i.due.trim().is_empty() {
                    t.insert("due".into(), Value::String(i.due.clone()));
                }
                t.insert("done".into(), Value::Boolean(i.done));
                for (k, v) in i.extra {
                    // An odd value the person has not replaced stays as it was.
                    let replaced = match k.as_str() {
                        "text" => !i.text.is_empty(),
                        "due" => !i.due.trim().is_empty(),
                        "done" => i.done,
                        _ => false,
                    };
                    if !replaced {
                        t.insert(k, v);
                    }
                }
                Value::Table(t)
            })
            .chain(kept)
            .collect();
        let value = (!items.is_empty()).then_some(Value::Array(items));
        self.set_value(stage, field, value);
    }

    /// Whether two versions hold the same answers (title and dates aside).
    pub fn same_answers(&self, other: &Reflection) -> bool {
        self.answers == other.answers
    }

    /// Marks one action step done or not done and changes nothing else, so
    /// keys a hand edit added to the step survive. `index` counts steps the
    /// way [`Reflection::actions`] does. False when there is no such step.
    pub fn set_step_done(&mut self, stage: Stage, field: &str, index: usize, done: bool) -> bool {
        let Some(Value::Table(answers)) = self.answers.get_mut(stage.key()) else {
            return false;
        };
        let Some(Value::Array(items)) = answers.get_mut(field) else {
            return false;
        };
        match items.iter_mut().filter_map(Value::as_table_mut).nth(index) {
            Some(step) => {
                step.insert("done".into(), Value::Boolean(done));
                true
            }
            None => false,
        }
    }

    pub fn is_answered(&self, stage: Stage, field: &str) -> bool {
        match self.value(stage, field) {
            None => false,
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(_) => true,
        }
    }

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
        crate::migrate::upgrade(&mut doc, version, SCHEMA_VERSION);
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
        for stage in Stage::ALL {
            match answers.get_mut(stage.key()) {
                None => {}
                // An empty stage is no answers: saving would drop it anyway.
                Some(Value::Table(t)) if t.is_empty() => {
                    answers.remove(stage.key());
                }
                Some(v @ Value::Table(_)) => make_printable(v),
                Some(_) => {
                    return Err(invalid(&format!("answers.{} must be a table", stage.key())));
                }
            }
        }
        Ok(Reflection {
            id,
            title,
            status,
            created,
            updated,
            completed,
            position,
            answers,
            extra: doc,
        })
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
        for (k, v) in &self.extra {
            doc.insert(k.clone(), v.clone());
        }
        let mut position = Table::new();
        position.insert("stage".into(), Value::String(self.position.stage.clone()));
        position.insert("field".into(), Value::String(self.position.field.clone()));
        doc.insert("position".into(), Value::Table(position));
        let mut all = Table::new();
        for stage in Stage::ALL {
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
        // Whatever else [answers] held (a hand edit) stays, after the stages.
        for (k, v) in &self.answers {
            if Stage::from_key(k).is_none() {
                all.insert(k.clone(), v.clone());
            }
        }
        if !all.is_empty() {
            doc.insert("answers".into(), Value::Table(all));
        }
        toml::to_string_pretty(&doc)
    }
}

/// Ids become file names, so they are kept to a safe, readable alphabet.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A readable id stem from a title: `The launch that slipped!` → `the-launch-that-slipped`.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "reflection".into()
    } else {
        slug.into()
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

fn whole_seconds(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(0).unwrap_or(t)
}

fn time_value(t: OffsetDateTime) -> Value {
    let text = whole_seconds(t).format(&Rfc3339).unwrap_or_default();
    text.parse::<toml::value::Datetime>()
        .map(Value::Datetime)
        .unwrap_or(Value::String(text))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::macros::datetime;

    pub(crate) fn sample_reflection() -> Reflection {
        Reflection::new(
            "2026-11-29-the-launch-that-slipped".into(),
            "The launch that slipped".into(),
            datetime!(2026-11-29 09:30:15.25 UTC),
        )
    }

    fn guide() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

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
    fn ticking_a_step_keeps_what_a_hand_edit_added_to_it() {
        let text = r#"
schema_version = 1
id = "2026-11-29-x"
created = "2026-11-29T09:00:00Z"
[[goals.steps]]
text = "first"
note = "keep me"
[[goals.steps]]
text = "second"
done = false
"#;
        let mut r = Reflection::from_toml_str(text).expect("loads");
        assert!(r.set_step_done(Stage::Goals, "steps", 1, true));
        assert!(!r.set_step_done(Stage::Goals, "steps", 2, true));
        let saved = r.to_toml_string(guide()).expect("saves");
        assert!(saved.contains("note = \"keep me\""), "{saved}");
        // Editing the steps (as the stage editor does) keeps it too.
        let mut steps = r.actions(Stage::Goals, "steps");
        steps[0].text = "first, edited".into();
        steps.insert(
            0,
            ActionItem {
                text: "new".into(),
                ..Default::default()
            },
        );
        r.set_actions(Stage::Goals, "steps", steps);
        let edited = r.actions(Stage::Goals, "steps");
        assert_eq!(edited[1].text, "first, edited");
        // Odd values and entries that are not steps survive an edit too.
        let odd = r#"
schema_version = 2
id = "2026-11-29-y"
created = "2026-11-29T09:00:00Z"
[answers.goals]
steps = ["call Dana", { text = 42 }, { text = "ok", done = "yes" }]
"#;
        let mut odd_r = Reflection::from_toml_str(odd).expect("loads");
        let steps = odd_r.actions(Stage::Goals, "steps");
        odd_r.set_actions(Stage::Goals, "steps", steps);
        let odd_saved = odd_r.to_toml_string(guide()).expect("saves");
        assert!(odd_saved.contains("\"call Dana\""), "{odd_saved}");
        assert!(odd_saved.contains("text = 42"), "{odd_saved}");
        assert!(odd_saved.contains("done = \"yes\""), "{odd_saved}");
        assert_eq!(
            edited[1].extra.get("note").and_then(Value::as_str),
            Some("keep me")
        );
        let back = Reflection::from_toml_str(&saved).expect("loads");
        let done: Vec<bool> = back
            .actions(Stage::Goals, "steps")
            .iter()
            .map(|s| s.done)
            .collect();
        assert_eq!(done, [false, true]);
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
        assert_eq!(r.title, "]0;pwnedTitle[2J");
        assert_eq!(
            r.text(Stage::Perspective, "expected"),
            "line one[31m\nline two\tcell"
        );
        assert_eq!(r.list(Stage::Perspective, "support"), ["31mred"]);
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
    fn clearing_an_answer_removes_it_from_the_file() {
        let mut r = sample_reflection();
        r.set_text(Stage::Reflect, "went_wrong", "x".into());
        r.set_text(Stage::Reflect, "went_wrong", "   ".into());
        assert!(!r.is_answered(Stage::Reflect, "went_wrong"));
        r.set_rating(Stage::Perspective, "weight_today", Some(9));
        assert_eq!(r.rating(Stage::Perspective, "weight_today"), None);
        assert!(
            !r.to_toml_string(guide())
                .expect("serialises")
                .contains("reflect]")
        );
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

    #[test]
    fn slugs_are_short_readable_and_safe() {
        assert_eq!(slug("The launch that slipped!"), "the-launch-that-slipped");
        assert_eq!(slug("  ¿Qué pasó?  "), "qu-pas");
        assert_eq!(slug("///"), "reflection");
        assert!(slug(&"word ".repeat(30)).len() <= 40);
        assert!(is_valid_id(&slug("Any title at all")));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id("a/b"));
    }
}
