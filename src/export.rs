//! A reflection for elsewhere: Markdown for notes, JSON for scripts, and the
//! TOML file itself. The same renderers serve `rebound show`, `rebound
//! export` and the TUI's export.

use std::fmt::Write as _;

use serde_json::{Value as Json, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::checkin::{CheckinGuide, STEPS_KEY};
use crate::dates::{self, DateInput};
use crate::guide::{FieldKind, Guide};
use crate::lifecycle::Standing;
use crate::outline::{self, AnswerValue, CheckinOutline, Fact, GrowthPlan, PlanItem, PlanStep};
use crate::reflection::{
    ActionItem, Checkin, DATE_KEY, LOOK_AGAIN_FIELD, NEXT_LOOK_KEY, NEXT_STEP_ID_KEY, NextLook,
    Reflection, SCHEMA_VERSION, SETTLED, WEIGHT_KEY, display_title,
};
use crate::role::Role;
use crate::stage::Stage;
use crate::store::{Existing, Special, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Json,
    Toml,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Json, Format::Toml];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Toml => "toml",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Toml => "TOML",
        }
    }

    /// The format a file name suggests, if any.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.extension() == ext || (ext == "markdown" && *f == Format::Markdown))
    }
}

/// Dates in an export are the person's own calendar days.
pub use crate::dates::Clock;

/// Whether an export carries the free writing. It is private: left out
/// unless the person asks for it by name (`--with-writing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    LeftOut,
    Included,
}

/// A reflection in a format, its free writing left out.
pub fn render(r: &Reflection, guide: &Guide, format: Format, clock: Clock) -> String {
    render_with(r, guide, format, clock, Writing::LeftOut)
}

pub fn render_with(
    r: &Reflection,
    guide: &Guide,
    format: Format,
    clock: Clock,
    writing: Writing,
) -> String {
    match format {
        Format::Markdown => {
            let mut out = markdown(r, guide, clock);
            if writing == Writing::Included && !r.writing().trim().is_empty() {
                let _ = write!(out, "\n## Writing it out\n\n{}", paragraphs(r.writing()));
            }
            out
        }
        Format::Json => {
            let mut value = json_value(r, guide);
            if writing == Writing::Included
                && let Json::Object(map) = &mut value
            {
                map.insert("writing".into(), json!(r.writing()));
            }
            let mut text = serde_json::to_string_pretty(&value)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            text.push('\n');
            text
        }
        // A reflection that loaded always serialises; the fallback keeps the
        // function total rather than panicking on a toml bug.
        // Left out whole, whatever the table holds (a hand edit may keep a
        // draft beside the text).
        Format::Toml if writing == Writing::LeftOut => r
            .without_writing()
            .to_toml_string(guide)
            .unwrap_or_else(|e| format!("# could not write TOML: {e}\n")),
        Format::Toml => r
            .to_toml_string(guide)
            .unwrap_or_else(|e| format!("# could not write TOML: {e}\n")),
    }
}

/// Writes a reflection to a file in a format, privately and atomically: the
/// one way both front ends export to a file. A file already there is
/// replaced only with `Existing::Replace` (`--force`, or the TUI prompt's
/// second Enter); a FIFO or a device is written through only with
/// `Special::WriteThrough` (the command line; the TUI must not wait on one).
pub fn to_file(
    r: &Reflection,
    guide: &Guide,
    format: Format,
    clock: Clock,
    path: &std::path::Path,
    existing: Existing,
    special: Special,
) -> Result<(), StoreError> {
    crate::store::write_export(path, &render(r, guide, format, clock), existing, special)
}

/// Where the person stands, in words: "Completed 2026-11-28" or "In progress,
/// at stage 4 of 7 (Goals)".
pub fn status_line(r: &Reflection, guide: &Guide, clock: Clock) -> String {
    Standing::of(r, guide).sentence(guide, clock)
}

fn markdown(r: &Reflection, guide: &Guide, clock: Clock) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(display_title(&r.title)));
    let _ = writeln!(
        out,
        "{} · started {} · last edited {} · id `{}`",
        status_line(r, guide, clock),
        clock.day(r.created),
        clock.day(r.updated),
        r.id
    );
    plan_markdown(&mut out, &outline::growth_plan(r, guide, clock.today));
    for stage in outline::stage_answers(r, guide) {
        let _ = write!(
            out,
            "\n## {}. {}\n\n_{}_\n",
            stage.number,
            inline(&stage.title),
            inline(&stage.tagline)
        );
        if stage.answers.is_empty() {
            out.push_str("\nSkipped.\n");
        }
        for answer in stage.answers {
            let _ = writeln!(out, "\n### {}\n", inline(&answer.question));
            answer_markdown(&mut out, answer.value, clock);
        }
    }
    checkins_markdown(&mut out, &outline::checkin_outlines(r), clock);
    out
}

fn answer_markdown(out: &mut String, value: AnswerValue, clock: Clock) {
    match value {
        AnswerValue::Text(text) => out.push_str(&paragraphs(&text)),
        AnswerValue::List(items) | AnswerValue::Choices(items) => bullets(out, &items),
        AnswerValue::Rating(rated) => {
            let _ = writeln!(out, "{}", inline(&rated.describe()));
        }
        AnswerValue::Steps(steps) => {
            for step in &steps {
                let due = dates::parse(&step.due, clock.today);
                task(out, step, &due);
            }
        }
    }
}

/// The check-ins after the stages, in the reading page's order and words.
fn checkins_markdown(out: &mut String, checkins: &[CheckinOutline], clock: Clock) {
    if checkins.is_empty() {
        return;
    }
    out.push_str("\n## Check-ins\n");
    let fact = |out: &mut String, f: &Fact| {
        let _ = if f.value.is_empty() {
            writeln!(out, "\n**{}**", inline(&f.label))
        } else {
            writeln!(out, "\n**{}:** {}", inline(&f.label), inline(&f.value))
        };
    };
    for checkin in checkins {
        let _ = writeln!(out, "\n### {}", inline(&checkin.heading));
        if let Some(weight) = &checkin.weight {
            fact(out, weight);
        }
        if !checkin.steps.is_empty() {
            out.push('\n');
        }
        for step in &checkin.steps {
            let _ = writeln!(out, "- {}: {}", inline(&step.label), inline(&step.value));
        }
        if let Some(brave) = &checkin.brave {
            fact(out, brave);
        }
        for answer in &checkin.answers {
            let _ = writeln!(out, "\n#### {}\n", inline(&answer.question));
            answer_markdown(out, answer.value.clone(), clock);
        }
        for next in &checkin.next {
            fact(out, next);
        }
    }
}

fn plan_markdown(out: &mut String, plan: &GrowthPlan) {
    let _ = write!(
        out,
        "\n## {}\n\n_{}_\n",
        inline(&plan.title),
        inline(&plan.tagline)
    );
    for section in &plan.sections {
        // Each item is a block (a list, or a labelled paragraph); blank lines
        // between blocks keep a paragraph from joining the list above it.
        let blocks: Vec<String> = section
            .items
            .iter()
            .filter_map(|item| {
                let mut block = String::new();
                match item {
                    PlanItem::Bullets { label, items, .. } if !items.is_empty() => {
                        if let Some(label) = label {
                            let _ = writeln!(block, "**{label}:**\n");
                        }
                        bullets(&mut block, items);
                    }
                    PlanItem::Bullets { .. } => {}
                    PlanItem::Lines { lines, .. } if !lines.is_empty() => {
                        block.push_str(&paragraphs(&lines.join("\n")));
                    }
                    PlanItem::Lines { .. } => {}
                    PlanItem::Steps { steps, .. } => {
                        for PlanStep { item, due, .. } in steps {
                            task(&mut block, item, due);
                        }
                    }
                    PlanItem::Labelled { label, value } if !value.trim().is_empty() => {
                        let _ = writeln!(block, "**{label}:** {}", inline(value));
                    }
                    PlanItem::Labelled { .. } => {}
                }
                (!block.is_empty()).then_some(block)
            })
            .collect();
        let _ = writeln!(out, "\n### {}\n", section.title);
        if blocks.is_empty() {
            out.push_str("Nothing here yet.\n");
        }
        out.push_str(&blocks.join("\n"));
    }
}

fn bullets(out: &mut String, items: &[String]) {
    for item in items {
        let _ = writeln!(out, "- {}", inline(item.trim()));
    }
}

/// A task-list item: `- [ ] Interview five clinic managers (due 2026-12-13)`.
fn task(out: &mut String, step: &ActionItem, due: &DateInput) {
    let mark = if step.done { "x" } else { " " };
    let text = if step.text.trim().is_empty() {
        "(a step with no text)".to_string()
    } else {
        inline(step.text.trim())
    };
    let when = match due {
        DateInput::Valid(d) => format!(" (due {})", dates::iso(*d)),
        DateInput::Invalid => format!(" (due \"{}\")", inline(step.due.trim())),
        DateInput::Empty => String::new(),
    };
    let _ = writeln!(out, "- [{mark}] {text}{when}");
}

/// Multi-line text as Markdown paragraphs: blank lines separate paragraphs,
/// single line breaks stay breaks (two trailing spaces, which every Markdown
/// viewer honours).
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut in_paragraph = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if in_paragraph {
                out.push_str("\n\n");
            }
            in_paragraph = false;
            continue;
        }
        if in_paragraph {
            out.push_str("  \n");
        }
        out.push_str(&inline(line));
        in_paragraph = true;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// One line of the person's text, shown as typed: characters Markdown would
/// read as formatting are escaped, so a `#`, `*` or `<b>` in an answer comes
/// out literally and never breaks the document's structure.
fn inline(text: &str) -> String {
    let text = text.trim_start();
    // One line stays one line: a break in a list item (a hand edit) must not
    // start a heading or a list of its own.
    let joined;
    let text = if text.contains(['\n', '\r']) {
        joined = text.split(['\n', '\r']).collect::<Vec<_>>().join(" ");
        joined.as_str()
    } else {
        text
    };
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '<' | '>' | '[' | ']' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // Markers that only mean something at the start of a line.
    let starts_block = out.starts_with(['#', '-', '+', '=', '~'])
        || out
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if starts_block && let Some(at) = out.find(|c: char| !c.is_ascii_digit()) {
        out.insert(at, '\\');
    }
    out
}

/// The same content as Markdown, for scripts: every question's stable key is
/// present (null or empty when unanswered), grouped by stage key.
pub fn json_value(r: &Reflection, guide: &Guide) -> Json {
    let time = |t: OffsetDateTime| t.format(&Rfc3339).ok();
    let mut answers = serde_json::Map::new();
    let first_step_stage = guide.role(Role::FirstStep).map(|(s, _)| s);
    for stage in guide.walk() {
        let mut fields = serde_json::Map::new();
        for field in &guide.stage(stage).fields {
            let key = field.key.as_str();
            let text = || {
                let t = r.text(stage, key);
                (!t.trim().is_empty()).then(|| t.to_string())
            };
            let value = match field.kind {
                FieldKind::Line | FieldKind::Text | FieldKind::Date => json!(text()),
                FieldKind::List | FieldKind::Checklist => json!(r.list(stage, key)),
                FieldKind::Rating => json!(r.rating(stage, key)),
                FieldKind::Actions => Json::Array(
                    r.actions(stage, key)
                        .into_iter()
                        .filter(|s| !s.is_blank())
                        .map(|s| {
                            let done_on = s.done_on().map(dates::iso);
                            json!({
                                "id": s.id,
                                "text": s.text,
                                "due": (!s.due.trim().is_empty()).then_some(s.due),
                                "done": s.done,
                                // The day it was ticked, when rebound saw it.
                                "done_on": done_on,
                            })
                        })
                        .collect(),
                ),
            };
            fields.insert(key.to_string(), value);
        }
        if Some(stage) == first_step_stage {
            // The first brave step is a step like any other: scripts find
            // it by its id and see whether it is done.
            let first = r.first_step();
            fields.insert("first_step_id".into(), json!(first.as_ref().map(|s| &s.id)));
            fields.insert(
                "first_step_done".into(),
                json!(first.as_ref().is_some_and(|s| s.done)),
            );
            fields.insert(
                "first_step_done_on".into(),
                json!(first.and_then(|s| s.done_on()).map(dates::iso)),
            );
        }
        if stage == Stage::PLAN {
            // Not one of the plan's walked questions, yet the plan's answer.
            let look_again = r.planned_look_again().map(dates::iso);
            fields.insert(LOOK_AGAIN_FIELD.into(), json!(look_again));
        }
        answers.insert(stage.key().to_string(), Json::Object(fields));
    }
    json!({
        "schema_version": SCHEMA_VERSION,
        "id": r.id,
        "title": r.title,
        "status": r.status.as_str(),
        "guide": r.guide,
        "created": time(r.created),
        "updated": time(r.updated),
        "completed": r.completed.and_then(time),
        "position": { "stage": r.position.stage, "field": r.position.field },
        "answers": answers,
        "checkins": r.checkins().iter().map(checkin_json).collect::<Vec<_>>(),
    })
}

/// One check-in for scripts: its day, weight, what became of each step,
/// every answer by its question's key (unanswered ones null or empty, keys
/// rebound has no question for as they are), and when to look again.
fn checkin_json(c: &Checkin) -> Json {
    let table = c.table();
    let own = [
        DATE_KEY,
        crate::reflection::BRAVE_WAS_DONE_KEY,
        WEIGHT_KEY,
        STEPS_KEY,
        NEXT_LOOK_KEY,
        NEXT_STEP_ID_KEY,
    ];
    let mut answers = serde_json::Map::new();
    let questions = CheckinGuide::builtin().map_or(&[][..], |g| &g.questions.fields[..]);
    for field in questions.iter().filter(|f| !own.contains(&f.key.as_str())) {
        let key = field.key.as_str();
        let value = match field.kind {
            FieldKind::List | FieldKind::Checklist => json!(c.checks(key)),
            FieldKind::Rating => json!(c.rating(key)),
            _ => table.get(key).map_or(Json::Null, toml_json),
        };
        answers.insert(key.to_string(), value);
    }
    for (key, value) in table {
        if !own.contains(&key.as_str()) && !answers.contains_key(key) {
            answers.insert(key.clone(), toml_json(value));
        }
    }
    let steps: Vec<Json> = c
        .steps()
        .into_iter()
        .map(|s| {
            json!({
                "id": s.id,
                "text": s.text,
                "due": (!s.due.trim().is_empty()).then_some(s.due),
                "outcome": s.outcome.as_str(),
            })
        })
        .collect();
    let next_look = match c.next_look() {
        NextLook::On(day) => json!(dates::iso(day)),
        NextLook::Settled => json!(SETTLED),
        NextLook::Unset => Json::Null,
    };
    json!({
        "date": c.date().map(dates::iso),
        "weight": c.weight(),
        "steps": steps,
        "answers": answers,
        "next_step_id": table.get(NEXT_STEP_ID_KEY).and_then(toml::Value::as_str),
        "next_look": next_look,
    })
}

/// A value as it was written in the file, for an answer JSON has no
/// question for: dates as their text, tables and arrays kept whole.
fn toml_json(value: &toml::Value) -> Json {
    use toml::Value;
    match value {
        Value::String(s) => json!(s),
        Value::Integer(i) => json!(i),
        Value::Float(f) => json!(f),
        Value::Boolean(b) => json!(b),
        Value::Datetime(d) => json!(d.to_string()),
        Value::Array(items) => Json::Array(items.iter().map(toml_json).collect()),
        Value::Table(t) => Json::Object(t.iter().map(|(k, v)| (k.clone(), toml_json(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::sample_reflection;
    use crate::stage::FullStages;
    use time::macros::date;

    fn guide() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

    fn clock() -> Clock {
        Clock {
            offset: time::UtcOffset::UTC,
            today: date!(2026 - 11 - 29),
        }
    }

    /// Found in review: the TOML export kept `[writing]` when it held no
    /// text but other keys (a draft kept by hand beside it).
    #[test]
    fn the_toml_export_leaves_the_writing_out_whatever_its_table_holds() {
        let mut file = sample_reflection().to_toml_string(guide()).expect("saves");
        file.push_str("\n[writing]\ndraft = \"secret draft\"\n");
        let r = Reflection::from_toml_str(&file).expect("loads");
        let toml = render(&r, guide(), Format::Toml, clock());
        assert!(!toml.contains("secret draft"), "{toml}");
        assert!(!toml.contains("[writing]"), "{toml}");
    }

    #[test]
    fn markdown_special_characters_in_answers_come_out_literally() {
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("2. not a list"), "2\\. not a list");
        assert_eq!(inline("2026 was hard"), "2026 was hard");
        assert_eq!(inline("*bold* <b>x</b>"), "\\*bold\\* \\<b\\>x\\</b\\>");
        assert_eq!(inline("- dash"), "\\- dash");
        assert_eq!(inline("item\n# Heading"), "item # Heading");
        assert_eq!(
            paragraphs("one\ntwo\n\n\nthree  \n"),
            "one  \ntwo\n\nthree\n"
        );
    }

    #[test]
    fn an_empty_reflection_still_has_every_heading() {
        let md = render(&sample_reflection(), guide(), Format::Markdown, clock());
        assert!(md.starts_with("# The launch that slipped\n"), "{md}");
        assert_eq!(md.matches("\n## ").count(), 8, "{md}");
        assert_eq!(md.matches("Skipped.").count(), 7, "{md}");
    }

    #[test]
    fn a_dated_first_step_with_no_words_is_not_printed_as_a_bare_date() {
        let mut r = sample_reflection();
        r.set_text(Stage::Risk, "first_step_date", "2026-12-04".into());
        let md = render(&r, guide(), Format::Markdown, clock());
        assert!(
            md.contains("**First step:** not written yet (by 2026-12-04)"),
            "{md}"
        );
        assert!(!md.contains(":** (by"), "{md}");
    }

    #[test]
    fn json_keeps_every_question_key_even_unanswered() {
        let value = json_value(&sample_reflection(), guide());
        assert_eq!(value["answers"]["goals"]["steps"], json!([]));
        assert_eq!(value["answers"]["risk"]["odds"], Json::Null);
        assert_eq!(value["answers"]["perspective"]["support"], json!([]));
        assert_eq!(value["status"], "in-progress");
    }

    #[test]
    fn formats_follow_file_names() {
        assert_eq!(Format::from_path("notes/plan.MD"), Some(Format::Markdown));
        assert_eq!(Format::from_path("x.json"), Some(Format::Json));
        assert_eq!(Format::from_path("noext"), None);
    }
}
