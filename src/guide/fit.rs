//! A guide fitted to one reflection: an answer the guide no longer asks for
//! (a question renamed or removed, a stage gone, a guide file deleted) gets a
//! question of its own, so nothing a person wrote is ever hidden or dropped
//! because the guide around it changed.

use toml::Value;

use super::{FieldGuide, FieldKind, Guide, StageGuide};
use crate::stage::PLAN_KEY;

/// One answer in a reflection that its guide does not ask for.
#[derive(Debug, Clone, Copy)]
pub struct Unasked<'a> {
    pub stage: &'a str,
    pub field: &'a str,
    pub value: &'a Value,
}

/// Said beside every question a fitted guide adds.
const KEPT_HINT: &str = "Kept from an earlier version of this guide, which no longer asks it. Change or clear it as you like.";

/// Said instead of the hint where a question now asks for another kind of answer.
const RESHAPED_HINT: &str = "Saved as another kind of answer than this question now asks for, and kept as it was. Change or clear it as you like.";

/// Whether `value` has the shape `kind` asks for: text, a list or a
/// number. An odd value of the right shape (a rating of 9, a list holding
/// a number) reads as its question always read it, so it is not counted.
pub fn fits(kind: FieldKind, value: &Value) -> bool {
    match kind {
        FieldKind::Line | FieldKind::Text => value.is_str(),
        FieldKind::Date => value.is_str() || value.is_datetime(),
        FieldKind::List | FieldKind::Checklist | FieldKind::Actions => value.is_array(),
        FieldKind::Rating => value.is_integer(),
    }
}

/// Words for a rating whose guide no longer says what its numbers mean.
const PLAIN_SCALE: [&str; 5] = ["lowest", "low", "middle", "high", "highest"];

impl Guide {
    /// This guide with a question added for each answer in `unasked`: in the
    /// stage it was saved under, or in a stage of its own after the others.
    pub fn with_unasked(&self, unasked: &[Unasked]) -> Guide {
        let mut guide = self.clone();
        // A question reshaped here loses its role, and a stage may be added.
        guide.places = std::sync::OnceLock::new();
        guide.handles = std::sync::OnceLock::new();
        for answer in unasked {
            let mut field = inferred(answer.field, answer.value);
            let stage = if answer.stage == PLAN_KEY {
                Some(&mut guide.plan)
            } else {
                guide.stages.iter_mut().find(|s| s.key == answer.stage)
            };
            match stage {
                // The question is there but asks for another kind of
                // answer: it shows the one saved, under its own words.
                Some(stage) => match stage.fields.iter_mut().find(|f| f.key == answer.field) {
                    Some(asked) => {
                        field.label = asked.label.clone();
                        field.hint = RESHAPED_HINT.into();
                        *asked = field;
                    }
                    None => stage.fields.push(field),
                },
                None => guide.stages.push(StageGuide {
                    key: answer.stage.to_string(),
                    title: readable(answer.stage),
                    tagline: "Answers kept from an earlier version of this guide.".into(),
                    intro: "This guide no longer has this stage. Your answers to it are kept here, to read, change or clear.".into(),
                    writing: false,
                    fields: vec![field],
                }),
            }
        }
        guide
    }
}

/// A question that shows the answer as it was saved: its kind read from
/// the value, its label from the key.
fn inferred(key: &str, value: &Value) -> FieldGuide {
    let kind = match value {
        Value::Integer(1..=5) => FieldKind::Rating,
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_table) => {
            FieldKind::Actions
        }
        Value::Array(_) => FieldKind::List,
        _ => FieldKind::Text,
    };
    FieldGuide {
        key: key.to_string(),
        kind,
        label: readable(key),
        hint: KEPT_HINT.into(),
        example: String::new(),
        options: Vec::new(),
        scale: if kind == FieldKind::Rating {
            PLAIN_SCALE.iter().map(|s| s.to_string()).collect()
        } else {
            Vec::new()
        },
        role: None,
        plan_label: None,
    }
}

/// "cause_details" → "Cause details": a key as a heading, cleaned like
/// any text from a file.
fn readable(key: &str) -> String {
    let words = crate::text::printable_line(&key.replace(['_', '-'], " "))
        .trim()
        .to_string();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Unnamed".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::FullStages;
    use crate::stage::Stage;

    /// Found in review: a text answer to a question that became a list
    /// showed as nothing, and typing in the list replaced it.
    #[test]
    fn an_answer_of_another_kind_than_its_question_now_asks_shows_as_saved() {
        let guide = Guide::builtin().expect("guide");
        let mut r = crate::reflection::Reflection::new(
            "2026-11-29-x".into(),
            "x".into(),
            time::macros::datetime!(2026-11-29 09:00 UTC),
        );
        // `support` is a list; a guide once asked it as text.
        r.set_text(Stage::Perspective, "support", "My sister, most days".into());
        r.set_rating(Stage::PLAN, "weight_now", Some(2));
        let unasked = r.unasked(guide);
        assert_eq!(unasked.len(), 1, "only the reshaped answer: {unasked:?}");
        let fitted = guide.with_unasked(&unasked);
        let support = fitted
            .stage(Stage::Perspective)
            .field("support")
            .expect("kept");
        assert_eq!(support.kind, FieldKind::Text);
        assert_eq!(
            support.label,
            guide
                .stage(Stage::Perspective)
                .field("support")
                .expect("asked")
                .label
        );
        assert_eq!(
            fitted.stage(Stage::Perspective).fields.len(),
            guide.stage(Stage::Perspective).fields.len()
        );
        let shown = crate::outline::stage_answers(&r, &fitted);
        assert!(format!("{shown:?}").contains("My sister, most days"));
    }

    /// Found in review: a weight kept on the plan was hidden once the
    /// guide stopped asking it; and in a second review, a plan answer added
    /// as a second plan question was hidden and still took keys.
    #[test]
    fn a_plan_weight_the_guide_no_longer_asks_is_the_plans_rating_and_nothing_else_is_added() {
        let mut guide = Guide::builtin().expect("guide").clone();
        let mut r = crate::reflection::Reflection::new(
            "2026-11-29-x".into(),
            "x".into(),
            time::macros::datetime!(2026-11-29 09:00 UTC),
        );
        r.set_rating(Stage::PLAN, "weight_now", Some(2));
        r.set_text(Stage::PLAN, "plan_note", "by hand".into());
        assert!(r.unasked(&guide).is_empty(), "the plan asks its rating");
        guide.plan.fields.clear();
        let fitted = guide.with_unasked(&r.unasked(&guide));
        let plan = &fitted.stage(Stage::PLAN).fields;
        assert_eq!(plan.len(), 1, "{plan:?}");
        assert_eq!(
            (plan[0].key.as_str(), plan[0].kind),
            ("weight_now", FieldKind::Rating)
        );
    }

    #[test]
    fn an_answer_to_a_question_no_longer_asked_gets_a_question_of_its_own() {
        let guide = Guide::builtin().expect("guide");
        let text = Value::String("by hand".into());
        let steps = Value::Array(vec![Value::Table(toml::Table::new())]);
        let guide = guide.with_unasked(&[
            Unasked {
                stage: "reflect",
                field: "old_question",
                value: &text,
            },
            Unasked {
                stage: "later_stage",
                field: "more_steps",
                value: &steps,
            },
        ]);
        let reflect = guide.stage(Stage::Reflect);
        let kept = reflect.field("old_question").expect("added to its stage");
        assert_eq!(
            (kept.kind, kept.label.as_str()),
            (FieldKind::Text, "Old question")
        );
        let later = guide
            .stage_keyed("later_stage")
            .expect("a stage of its own");
        assert_eq!(guide.stage(later).title, "Later stage");
        assert_eq!(guide.stage(later).fields[0].kind, FieldKind::Actions);
        assert_eq!(guide.next(Stage::Risk), Some(later), "after the others");
        assert_eq!(guide.next(later), Some(Stage::PLAN));
    }
}
