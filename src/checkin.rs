//! A check-in's questions (read from `assets/checkin.toml`, embedded at build
//! time), and how the steps a person reviewed become what happened to each.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::guide::{FieldGuide, FieldKind, StageGuide};
use crate::reflection::{
    ActionItem, BRAVE_KEY, BRAVE_TAKEN, NEXT_LOOK_KEY, NEXT_STEP_DUE_KEY, NEXT_STEP_KEY, Outcome,
    StepReview, WEIGHT_KEY,
};

const CHECKIN_TOML: &str = include_str!("../assets/checkin.toml");
/// The step review's question key.
pub const STEPS_KEY: &str = "steps";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckinFile {
    key: String,
    title: String,
    tagline: String,
    intro: String,
    fields: Vec<FieldGuide>,
    look_again: FieldGuide,
}

/// The check-in's questions in order, and the plan's "when to look again".
#[derive(Debug, Clone)]
pub struct CheckinGuide {
    pub questions: StageGuide,
    pub look_again: FieldGuide,
}

impl CheckinGuide {
    /// The questions shipped inside the binary, parsed and checked once.
    pub fn builtin() -> Result<&'static CheckinGuide, String> {
        static GUIDE: OnceLock<Result<CheckinGuide, String>> = OnceLock::new();
        GUIDE
            .get_or_init(|| CheckinGuide::parse(CHECKIN_TOML))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses and checks the content, so a broken asset fails in tests rather
    /// than as a confusing screen: rebound reads some answers itself, and
    /// needs those questions with the kinds it reads.
    pub fn parse(text: &str) -> Result<CheckinGuide, String> {
        let file: CheckinFile =
            toml::from_str(text).map_err(|e| format!("assets/checkin.toml: {e}"))?;
        let questions = StageGuide {
            writing: false,
            key: file.key,
            title: file.title,
            tagline: file.tagline,
            intro: file.intro,
            fields: file.fields,
        };
        let required = [
            (WEIGHT_KEY, FieldKind::Rating),
            (STEPS_KEY, FieldKind::Actions),
            (BRAVE_KEY, FieldKind::Checklist),
            (NEXT_STEP_KEY, FieldKind::Line),
            (NEXT_STEP_DUE_KEY, FieldKind::Date),
            (NEXT_LOOK_KEY, FieldKind::Date),
        ];
        for (key, kind) in required {
            match questions.field(key) {
                Some(f) if f.kind == kind => {}
                _ => return Err(format!("checkin.{key} must be a {kind:?} question")),
            }
        }
        let mut seen = std::collections::HashSet::new();
        for field in questions.fields.iter().chain([&file.look_again]) {
            let at = format!("checkin.{}", field.key);
            if field.label.trim().is_empty() || field.hint.trim().is_empty() {
                return Err(format!("{at} needs a label and a hint"));
            }
            if field.kind == FieldKind::Rating && field.scale.len() != 5 {
                return Err(format!("{at} is a rating and needs five scale labels"));
            }
            if field.kind == FieldKind::Checklist && field.options.is_empty() {
                return Err(format!("{at} is a checklist and needs options"));
            }
            // A check-in keeps text, ratings and ticks; lists it could not
            // keep, and steps only in its one review.
            let kept = match field.kind {
                FieldKind::List => false,
                FieldKind::Actions => field.key == STEPS_KEY,
                _ => true,
            };
            if !kept {
                return Err(format!(
                    "{at}: a check-in cannot keep a {:?} answer",
                    field.kind
                ));
            }
        }
        for field in &questions.fields {
            if !seen.insert(field.key.as_str()) {
                return Err(format!("checkin.{} appears twice", field.key));
            }
        }
        let brave = questions.field(BRAVE_KEY).map(|f| &f.options);
        if !brave.is_some_and(|o| o.iter().any(|o| o.key == BRAVE_TAKEN)) {
            return Err(format!(
                "checkin.{BRAVE_KEY} needs the option {BRAVE_TAKEN}"
            ));
        }
        if file.look_again.kind != FieldKind::Date {
            return Err("checkin.look_again must be a date question".into());
        }
        Ok(CheckinGuide {
            questions,
            look_again: file.look_again,
        })
    }
}

/// Every open step, still on: where a new check-in's review starts.
pub fn starting(open: &[ActionItem]) -> Vec<StepReview> {
    open.iter()
        .filter(|s| s.is_open())
        .map(|s| review(s, Outcome::On))
        .collect()
}

/// What became of each step, read from the rows the person left (`rows`)
/// against what the review held before them (`prior`: every step still on
/// for a new check-in, or what an unfinished one said): a row gone or with
/// its words cleared was dropped, a ticked one is done, new words changed
/// it, a new date moved it, an untouched row keeps what it was. Rows not
/// among `prior` were added.
pub fn reviews(prior: &[StepReview], rows: &[ActionItem]) -> Vec<StepReview> {
    let mut all: Vec<StepReview> = prior
        .iter()
        .map(|before| match rows.iter().find(|r| r.id == before.id) {
            _ if before.outcome == Outcome::Dropped => before.clone(),
            None => StepReview {
                outcome: Outcome::Dropped,
                ..before.clone()
            },
            // Cleared, the row stays (typing or Ctrl-Z brings it back).
            Some(row) if row.text.trim().is_empty() => StepReview {
                outcome: Outcome::Dropped,
                ..before.clone()
            },
            Some(row) => {
                let new_words = row.text.trim() != before.text;
                let new_date = row.due.trim() != before.due;
                let outcome = if row.done {
                    Outcome::Done
                } else if new_words {
                    Outcome::Changed
                } else if new_date && before.outcome != Outcome::Changed {
                    Outcome::Moved
                } else if before.outcome == Outcome::Done {
                    Outcome::On
                } else {
                    before.outcome
                };
                review(row, outcome)
            }
        })
        .collect();
    all.extend(
        rows.iter()
            .filter(|r| !r.text.trim().is_empty() && !prior.iter().any(|p| p.id == r.id))
            .map(|r| review(r, Outcome::Added)),
    );
    all
}

/// An unfinished check-in's reviews brought up to date with the plan as it
/// now stands (`steps`, with that check-in applied), so going on with it
/// keeps what changed since: a step ticked in the agenda is done, one
/// unticked is on, new words or a date typed on the Goals stage are kept,
/// a step removed there counts as dropped, and a step added there is
/// reviewed too (but not `next_step_id`, the step this check-in itself
/// adds: its own question holds it).
pub fn brought_up_to_date(
    reviews: &[StepReview],
    steps: &[ActionItem],
    next_step_id: &str,
) -> Vec<StepReview> {
    let mut all: Vec<StepReview> = reviews
        .iter()
        .map(|r| match steps.iter().find(|s| s.id == r.id) {
            _ if r.outcome == Outcome::Dropped => r.clone(),
            None => StepReview {
                outcome: Outcome::Dropped,
                ..r.clone()
            },
            Some(step) => {
                let outcome = match (step.done, r.outcome) {
                    (true, _) => Outcome::Done,
                    (false, Outcome::Done) => Outcome::On,
                    (false, kept) => kept,
                };
                review(step, outcome)
            }
        })
        .collect();
    all.extend(
        steps
            .iter()
            .filter(|s| s.is_open() && s.id != next_step_id)
            .filter(|s| !reviews.iter().any(|r| r.id == s.id))
            .map(|s| review(s, Outcome::On)),
    );
    all
}

fn review(step: &ActionItem, outcome: Outcome) -> StepReview {
    StepReview {
        id: step.id.clone(),
        text: step.text.trim().to_string(),
        due: step.due.trim().to_string(),
        outcome,
    }
}

/// The rows to review again when going on with a check-in: each step as the
/// check-in left it, the dropped ones aside (they are no longer on the plan).
pub fn rows_of(reviews: &[StepReview]) -> Vec<ActionItem> {
    reviews
        .iter()
        .filter(|r| r.outcome != Outcome::Dropped)
        .map(|r| ActionItem {
            id: r.id.clone(),
            text: r.text.clone(),
            due: r.due.clone(),
            done: r.outcome == Outcome::Done,
            extra: toml::Table::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, text: &str, due: &str, done: bool) -> ActionItem {
        ActionItem {
            id: id.into(),
            text: text.into(),
            due: due.into(),
            done,
            extra: toml::Table::new(),
        }
    }

    #[test]
    fn the_shipped_questions_parse_and_hold_what_rebound_reads() {
        let guide = CheckinGuide::builtin().expect("assets/checkin.toml is valid");
        assert_eq!(guide.questions.fields[0].key, WEIGHT_KEY);
        assert!(guide.questions.field(NEXT_LOOK_KEY).is_some());
        assert_eq!(guide.look_again.kind, FieldKind::Date);
    }

    #[test]
    fn a_question_rebound_reads_cannot_be_taken_out_or_change_kind() {
        let broken = CHECKIN_TOML.replace("key = \"next_look\"", "key = \"later\"");
        let err = CheckinGuide::parse(&broken).expect_err("next_look is needed");
        assert!(err.contains("next_look"), "{err}");
        let broken = CHECKIN_TOML.replacen("kind = \"rating\"", "kind = \"text\"", 1);
        assert!(CheckinGuide::parse(&broken).is_err());
        // A kind of answer a check-in could not keep is refused, not lost.
        let list = CHECKIN_TOML.replacen(
            "key = \"working\"\nkind = \"text\"",
            "key = \"working\"\nkind = \"list\"",
            1,
        );
        assert!(list != CHECKIN_TOML, "the question is there to change");
        let err = CheckinGuide::parse(&list).expect_err("a list cannot be kept");
        assert!(err.contains("working"), "{err}");
    }

    /// Found by a walk-through: a step ticked in the agenda while a check-in
    /// was half done was unticked again by the next key in that check-in.
    #[test]
    fn going_on_with_a_checkin_keeps_what_changed_in_the_plan_since() {
        let saved = vec![
            StepReview {
                id: "a".into(),
                text: "Call Dana".into(),
                due: "2026-12-01".into(),
                outcome: Outcome::On,
            },
            StepReview {
                id: "b".into(),
                text: "Read the notes".into(),
                due: "2027-01-10".into(),
                outcome: Outcome::Moved,
            },
            StepReview {
                id: "c".into(),
                text: "Book the course".into(),
                due: String::new(),
                outcome: Outcome::Done,
            },
            StepReview {
                id: "d".into(),
                text: "Go to the meetup".into(),
                due: String::new(),
                outcome: Outcome::On,
            },
        ];
        let now = vec![
            step("a", "Call Dana", "2026-12-01", true),
            step("b", "Read the notes", "2027-01-10", false),
            step("c", "Book the course", "", false),
            step("e", "Write it up", "", false),
        ];
        let again = brought_up_to_date(&saved, &now, "");
        let seen: Vec<(&str, Outcome)> = again.iter().map(|r| (r.id.as_str(), r.outcome)).collect();
        assert_eq!(
            seen,
            vec![
                ("a", Outcome::Done),
                ("b", Outcome::Moved),
                ("c", Outcome::On),
                ("d", Outcome::Dropped),
                ("e", Outcome::On),
            ]
        );
        // Going on with those rows as they stand changes nothing.
        let rows = rows_of(&again);
        assert_eq!(reviews(&again, &rows), again);
    }

    #[test]
    fn each_step_is_read_as_done_moved_changed_dropped_or_still_on() {
        let open = vec![
            step("a", "Call Dana", "2026-12-01", false),
            step("b", "Read the notes", "2026-12-02", false),
            step("c", "Book the course", "", false),
            step("d", "Go to the meetup", "2026-12-03", false),
            step("e", "Write it up", "", false),
        ];
        let rows = vec![
            step("a", "Call Dana", "2026-12-01", true),
            step("b", "Read the notes", "2027-01-10", false),
            step("c", "Book the evening course", "", false),
            step("e", "Write it up", "", false),
            step("f", "Share the results", "2026-12-20", false),
        ];
        let all = reviews(&starting(&open), &rows);
        assert_eq!(
            all.iter().map(|r| r.outcome).collect::<Vec<_>>(),
            vec![
                Outcome::Done,
                Outcome::Moved,
                Outcome::Changed,
                Outcome::Dropped,
                Outcome::On,
                Outcome::Added
            ]
        );
        assert_eq!(all[1].due, "2027-01-10", "the new date is kept");
        assert_eq!(
            all[3].text, "Go to the meetup",
            "a dropped step keeps its words"
        );
        assert_eq!(
            rows_of(&all)
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            vec!["a", "b", "c", "e", "f"],
            "going on with it shows every step but the dropped one"
        );
        // Going on with it later: untouched rows keep what they were, a
        // done step unticked is on again, the dropped one stays dropped.
        let mut again = rows_of(&all);
        again[0].done = false;
        let later = reviews(&all, &again);
        assert_eq!(
            later.iter().map(|r| r.outcome).collect::<Vec<_>>(),
            vec![
                Outcome::On,
                Outcome::Moved,
                Outcome::Changed,
                Outcome::Dropped,
                Outcome::On,
                Outcome::Added
            ]
        );
    }
}
