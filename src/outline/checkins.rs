//! A reflection's check-ins as something to read, in the words the reading
//! page and the Markdown export both use.

use toml::Value;

use super::{Answer, AnswerValue, rated};
use crate::checkin::{CheckinGuide, STEPS_KEY};
use crate::dates::{self, parse_iso};
use crate::guide::{FieldGuide, FieldKind};
use crate::reflection::{
    BRAVE_KEY, Checkin, DATE_KEY, NEXT_LOOK_KEY, NEXT_STEP_DUE_KEY, NEXT_STEP_ID_KEY,
    NEXT_STEP_KEY, NextLook, Outcome, Reflection, StepReview, WEIGHT_KEY,
};
use crate::role::Role;

/// One labelled line: "Done: Call Dana", "Look again: Sun 17 Jan 2027", or
/// a label alone ("Settled") when `value` is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

impl std::fmt::Display for Fact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.value.is_empty() {
            write!(f, "{}", self.label)
        } else {
            write!(f, "{}: {}", self.label, self.value)
        }
    }
}

fn fact(label: impl Into<String>, value: impl Into<String>) -> Fact {
    Fact {
        label: label.into(),
        value: value.into(),
    }
}

/// One check-in, in the order it is read: its day, how heavy it felt beside
/// the earlier numbers, what became of each step, the brave step, the
/// written answers, then what comes next.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckinOutline {
    /// Its day, with "(in progress)" while it is still being written.
    pub heading: String,
    pub weight: Option<Fact>,
    /// One line a step.
    pub steps: Vec<Fact>,
    pub brave: Option<Fact>,
    pub answers: Vec<Answer>,
    /// The next step, and when to look again (or that it is settled).
    pub next: Vec<Fact>,
}

/// Keys a check-in answers in lines of their own (or keeps for rebound's
/// use), so they are not repeated among the written answers.
const NOT_WRITTEN_ANSWERS: [&str; 9] = [
    DATE_KEY,
    crate::reflection::BRAVE_WAS_DONE_KEY,
    WEIGHT_KEY,
    STEPS_KEY,
    BRAVE_KEY,
    NEXT_STEP_KEY,
    NEXT_STEP_DUE_KEY,
    NEXT_STEP_ID_KEY,
    NEXT_LOOK_KEY,
];

/// Every check-in of a reflection, oldest first (the order they were made).
pub fn checkin_outlines(r: &Reflection) -> Vec<CheckinOutline> {
    // A broken asset fails the tests; should one ever ship, answers are
    // still shown, under their keys.
    let guide = CheckinGuide::builtin().ok();
    let questions: &[FieldGuide] = guide.map_or(&[], |g| &g.questions.fields);
    let mut before = Earlier {
        start: r.rating_of(Role::WeightStart),
        last: r
            .rating_of(Role::WeightNow)
            .map(|w| (w, "when you made the plan")),
    };
    r.checkins()
        .iter()
        .map(|c| {
            let outline = outline(r, c, questions, &before);
            if let Some(w) = c.weight() {
                before.last = Some((w, "at the check-in before"));
            }
            outline
        })
        .collect()
}

/// The numbers a check-in's weight is read beside.
struct Earlier {
    start: Option<u8>,
    last: Option<(u8, &'static str)>,
}

fn outline(
    r: &Reflection,
    c: &Checkin,
    questions: &[FieldGuide],
    before: &Earlier,
) -> CheckinOutline {
    let day = c
        .date()
        .map_or_else(|| "A check-in with no date".into(), dates::readable);
    let heading = if c.is_finished() {
        day
    } else {
        format!("{day} (in progress)")
    };
    CheckinOutline {
        heading,
        weight: c
            .weight()
            .map(|w| fact("How heavy", weight(w, questions, before))),
        steps: c.steps().iter().map(step_line).collect(),
        brave: brave(r, c),
        answers: written_answers(c, questions),
        next: next(c),
    }
}

/// "2 · Noticeable (was 4 at the start, 3 when you made the plan)".
fn weight(w: u8, questions: &[FieldGuide], before: &Earlier) -> String {
    let scale = questions
        .iter()
        .find(|f| f.key == WEIGHT_KEY)
        .map(|f| rated(f, w).label)
        .unwrap_or_default();
    let mut text = if scale.is_empty() {
        w.to_string()
    } else {
        format!("{w} · {scale}")
    };
    let earlier: Vec<String> = [
        before.start.map(|s| format!("{s} at the start")),
        before.last.map(|(l, when)| format!("{l} {when}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !earlier.is_empty() {
        text.push_str(&format!(" (was {})", earlier.join(", ")));
    }
    text
}

fn step_line(s: &StepReview) -> Fact {
    let text = match s.text.trim() {
        "" => "(a step with no words)".to_string(),
        t => t.to_string(),
    };
    let by = |text: String| match due_words(&s.due) {
        Some(due) => format!("{text} (by {due})"),
        None => text,
    };
    match s.outcome {
        Outcome::On => fact("Still on", text),
        Outcome::Done => fact("Done", text),
        Outcome::Moved => match due_words(&s.due) {
            Some(due) => fact(format!("Moved to {due}"), text),
            None => fact("Moved, no date now", text),
        },
        Outcome::Changed => fact("Changed", by(text)),
        Outcome::Dropped => fact("Dropped", text),
        Outcome::Added => fact("Added", by(text)),
    }
}

/// A date as read ("Sun 10 Jan 2027"), or as typed when it is not one.
fn due_words(due: &str) -> Option<String> {
    let due = due.trim();
    if due.is_empty() {
        return None;
    }
    Some(parse_iso(due).map_or_else(|| due.to_string(), dates::readable))
}

/// Whether the first brave step happened. Said only while there is one to
/// take: a step already taken before this check-in needs no "not yet".
fn brave(r: &Reflection, c: &Checkin) -> Option<Fact> {
    let first = r.first_step();
    // Named, so the record reads on its own years later.
    let said = |how: &str| match first.as_ref().map(|s| s.text.trim()) {
        Some(words) if !words.is_empty() => format!("{how} ({words})"),
        _ => how.to_string(),
    };
    if c.brave_taken() {
        return Some(fact("First brave step", said("taken")));
    }
    let step = first.as_ref()?;
    let taken_before = step.done && step.done_on().is_none_or(|d| Some(d) <= c.date());
    (!taken_before).then(|| fact("First brave step", said("not yet")))
}

/// Written answers in the questions' order, then any a later version or a
/// hand edit added, under their keys: never dropped.
fn written_answers(c: &Checkin, questions: &[FieldGuide]) -> Vec<Answer> {
    let table = c.table();
    let known = questions
        .iter()
        .filter(|f| !NOT_WRITTEN_ANSWERS.contains(&f.key.as_str()))
        .filter_map(|f| {
            let value = match f.kind {
                FieldKind::Line | FieldKind::Text | FieldKind::Date => text_value(c.text(&f.key)),
                FieldKind::List => list_value(c.checks(&f.key)),
                FieldKind::Checklist => list_value(
                    c.checks(&f.key)
                        .into_iter()
                        .map(|k| option_label(f, k))
                        .collect(),
                )
                .map(|v| match v {
                    AnswerValue::List(items) => AnswerValue::Choices(items),
                    other => other,
                }),
                FieldKind::Rating => c.rating(&f.key).map(|v| AnswerValue::Rating(rated(f, v))),
                FieldKind::Actions => None,
            }?;
            Some(Answer {
                question: f.label.clone(),
                value,
            })
        });
    let unknown = table
        .iter()
        .filter(|(key, _)| {
            !NOT_WRITTEN_ANSWERS.contains(&key.as_str())
                && !questions.iter().any(|f| &f.key == *key)
        })
        .filter_map(|(key, value)| {
            Some(Answer {
                // Values were cleaned as the file was read; a key a hand
                // edit made is shown too, so it is cleaned here.
                question: crate::text::printable_line(key).into_owned(),
                value: any_value(value)?,
            })
        });
    known.chain(unknown).collect()
}

fn option_label(field: &FieldGuide, key: String) -> String {
    field
        .options
        .iter()
        .find(|o| o.key == key)
        .map_or(key, |o| o.label.clone())
}

fn text_value(text: &str) -> Option<AnswerValue> {
    let text = text.trim_end();
    (!text.trim().is_empty()).then(|| AnswerValue::Text(text.to_string()))
}

fn list_value(items: Vec<String>) -> Option<AnswerValue> {
    (!items.is_empty()).then_some(AnswerValue::List(items))
}

/// An answer rebound has no question for, shown as near to how it was
/// written as reading allows.
fn any_value(value: &Value) -> Option<AnswerValue> {
    match value {
        Value::String(s) => text_value(s),
        Value::Array(items) => list_value(
            items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), String::from))
                .collect(),
        ),
        other => Some(AnswerValue::Text(other.to_string())),
    }
}

fn next(c: &Checkin) -> Vec<Fact> {
    let mut next = Vec::new();
    let step = c.text(NEXT_STEP_KEY).trim();
    if !step.is_empty() {
        let value = match due_words(c.text(NEXT_STEP_DUE_KEY)) {
            Some(due) => format!("{step} (by {due})"),
            None => step.to_string(),
        };
        next.push(fact("Next step", value));
    }
    match c.next_look() {
        NextLook::On(day) => next.push(fact("Look again", dates::readable(day))),
        NextLook::Settled => next.push(fact("Settled", "")),
        NextLook::Unset => {}
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::{planned_with, review};
    use crate::reflection::{BRAVE_TAKEN, LOOK_AGAIN_FIELD};
    use crate::stage::{FullStages, Stage};
    use time::Date;
    use time::macros::date;

    const DAY: Date = date!(2026 - 12 - 20);

    fn planned() -> Reflection {
        let mut r = planned_with(&[
            ("call", "Call Dana", "2026-12-01"),
            ("read", "Read the notes", "2026-12-05"),
            ("meet", "Go to the meetup", ""),
            ("blog", "Write it up", ""),
        ]);
        r.set_rating(Stage::Perspective, "weight_today", Some(4));
        r.set_rating(Stage::PLAN, "weight_now", Some(3));
        r
    }

    fn lines(facts: &[Fact]) -> Vec<String> {
        facts.iter().map(ToString::to_string).collect()
    }

    /// Found in review: values are cleaned as a file is read, keys were not,
    /// and a check-in shows the keys it does not know.
    #[test]
    fn a_key_written_with_escape_sequences_never_reaches_the_terminal_raw() {
        let text = "schema_version = 2\nid = \"2026-11-29-x\"\ncreated = \"2026-11-29T09:00:00Z\"\n\
                    [[checkins]]\ndate = \"2026-12-20\"\n\"\\u001b]0;PWNED\\u0007\\u001b[31mevil\" = \"x\"\n";
        let r = Reflection::from_toml_str(text).expect("loads");
        let shown = format!("{:?}", checkin_outlines(&r));
        assert!(shown.contains("evil"), "{shown}");
        assert!(
            !shown.contains('\u{1b}') && !shown.contains("\\u{1b}"),
            "{shown}"
        );
    }

    #[test]
    fn a_checkin_reads_as_its_day_weight_steps_brave_step_answers_and_what_next() {
        let mut r = planned();
        let mut c = Checkin::new(DAY);
        c.set_rating(WEIGHT_KEY, Some(2));
        c.set_steps(&[
            review("call", "Call Dana", "2026-12-01", Outcome::Done),
            review("read", "Read the notes", "2027-01-10", Outcome::Moved),
            review("meet", "Go to the meetup", "", Outcome::Dropped),
            review("blog", "Write it up", "", Outcome::On),
            review("new", "Book the course", "2027-01-04", Outcome::Added),
        ]);
        c.set_text("working", "The Friday review".into());
        c.set_text(NEXT_STEP_KEY, "Share the results".into());
        c.set_text(NEXT_STEP_DUE_KEY, "2027-01-08".into());
        c.set_text(NEXT_LOOK_KEY, "2027-01-17".into());
        r.record_checkin(c, DAY);

        let [one] = checkin_outlines(&r).try_into().expect("one check-in");
        assert_eq!(one.heading, "Sun 20 Dec 2026");
        assert_eq!(
            one.weight.map(|w| w.to_string()).as_deref(),
            Some("How heavy: 2 · Noticeable (was 4 at the start, 3 when you made the plan)")
        );
        assert_eq!(
            lines(&one.steps),
            [
                "Done: Call Dana",
                "Moved to Sun 10 Jan 2027: Read the notes",
                "Dropped: Go to the meetup",
                "Still on: Write it up",
                "Added: Book the course (by Mon 4 Jan 2027)",
            ]
        );
        assert_eq!(
            one.brave.map(|b| b.to_string()).as_deref(),
            Some("First brave step: not yet (Send the proposal)")
        );
        assert_eq!(
            one.answers,
            [Answer {
                question: "What is working?".into(),
                value: AnswerValue::Text("The Friday review".into()),
            }]
        );
        assert_eq!(
            lines(&one.next),
            [
                "Next step: Share the results (by Fri 8 Jan 2027)",
                "Look again: Sun 17 Jan 2027"
            ]
        );
    }

    #[test]
    fn a_later_checkin_is_read_beside_the_one_before_and_can_be_settled() {
        let mut r = planned();
        let mut first = Checkin::new(DAY);
        first.set_rating(WEIGHT_KEY, Some(3));
        first.toggle_check(BRAVE_KEY, BRAVE_TAKEN);
        first.set_text(NEXT_LOOK_KEY, "2027-01-17".into());
        r.record_checkin(first, DAY);
        let mut second = Checkin::new(date!(2027 - 01 - 17));
        second.set_rating(WEIGHT_KEY, Some(1));
        second.set_text(NEXT_LOOK_KEY, "settled".into());
        r.record_checkin(second, date!(2027 - 01 - 17));

        let all = checkin_outlines(&r);
        assert_eq!(
            all.iter().map(|c| c.heading.as_str()).collect::<Vec<_>>(),
            ["Sun 20 Dec 2026", "Sun 17 Jan 2027"],
            "oldest first"
        );
        assert_eq!(
            all[0].brave.as_ref().map(ToString::to_string).as_deref(),
            Some("First brave step: taken (Send the proposal)")
        );
        assert_eq!(
            all[1].weight.as_ref().map(|w| w.value.as_str()),
            Some("1 · Light (was 4 at the start, 3 at the check-in before)")
        );
        assert_eq!(all[1].brave, None, "taken before: no \"not yet\"");
        assert_eq!(lines(&all[1].next), ["Settled"]);
    }

    #[test]
    fn an_unfinished_checkin_is_in_progress_and_answers_without_a_question_are_kept() {
        let text = r#"
schema_version = 2
id = "2026-11-29-x"
created = "2026-11-29T09:00:00Z"
[[checkins]]
date = 2026-12-20
people_said = "Dana: clearest write-up she had read"
mood = "sunny"
tags = ["calm", "busy"]
energy = 4
"#;
        let r = Reflection::from_toml_str(text).expect("loads");
        let [one] = checkin_outlines(&r).try_into().expect("one check-in");
        assert_eq!(one.heading, "Sun 20 Dec 2026 (in progress)");
        assert_eq!(one.weight, None);
        assert!(one.next.is_empty());
        let answers: Vec<(&str, &AnswerValue)> = one
            .answers
            .iter()
            .map(|a| (a.question.as_str(), &a.value))
            .collect();
        assert_eq!(
            answers,
            [
                (
                    "What did people say?",
                    &AnswerValue::Text("Dana: clearest write-up she had read".into())
                ),
                ("mood", &AnswerValue::Text("sunny".into())),
                (
                    "tags",
                    &AnswerValue::List(vec!["calm".into(), "busy".into()])
                ),
                ("energy", &AnswerValue::Text("4".into())),
            ],
            "in the file's order, after the questions rebound asks"
        );
    }

    #[test]
    fn the_plan_says_when_to_look_again_beside_how_heavy_it_feels() {
        let guide = crate::guide::Guide::builtin().expect("guide");
        let heavy = |r: &Reflection| {
            let plan = super::super::growth_plan(r, guide, DAY);
            plan.sections
                .last()
                .map(|s| s.items.clone())
                .unwrap_or_default()
        };
        let mut r = planned();
        let look_again = super::super::PlanItem::Labelled {
            label: "Look again".into(),
            value: "Sat 19 Dec 2026".into(),
        };
        assert!(!heavy(&r).contains(&look_again), "not until it is complete");
        r.status = crate::reflection::Status::Completed;
        assert!(heavy(&r).contains(&look_again));
        r.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, String::new());
        assert_eq!(
            heavy(&r).len(),
            2,
            "not asked yet: left out, not \"not answered\""
        );
    }
}
