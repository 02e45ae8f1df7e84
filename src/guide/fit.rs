//! A guide fitted to one reflection: an answer the guide no longer asks for
//! (a question renamed or removed, a stage gone, a guide file deleted) gets a
//! question of its own, so nothing a person wrote is ever hidden or dropped
//! because the guide around it changed.

use toml::Value;

use super::{FieldGuide, FieldKind, Guide, StageGuide};

/// One answer in a reflection that its guide does not ask for.
#[derive(Debug, Clone, Copy)]
pub struct Unasked<'a> {
    pub stage: &'a str,
    pub field: &'a str,
    pub value: &'a Value,
}

/// Said beside every question a fitted guide adds.
const KEPT_HINT: &str = "Kept from an earlier version of this guide, which no longer asks it. Change or clear it as you like.";

/// Words for a rating whose guide no longer says what its numbers mean.
const PLAIN_SCALE: [&str; 5] = ["lowest", "low", "middle", "high", "highest"];

impl Guide {
    /// This guide with a question added for each answer in `unasked`: in the
    /// stage it was saved under, or in a stage of its own after the others.
    pub fn with_unasked(&self, unasked: &[Unasked]) -> Guide {
        let mut guide = self.clone();
        for answer in unasked {
            let field = inferred(answer.field, answer.value);
            match guide.stages.iter_mut().find(|s| s.key == answer.stage) {
                Some(stage) => stage.fields.push(field),
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
