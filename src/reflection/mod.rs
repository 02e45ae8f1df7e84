//! The data a person writes: one reflection, its status, and its answers by stage and field.

mod checkins;
mod file;
mod id;
mod migrate;
mod steps;
mod writing;

use time::OffsetDateTime;
use toml::{Table, Value};

use crate::guide::Guide;
use crate::role::{Places, Role};
use crate::stage::Stage;

#[doc(hidden)]
pub use crate::stage::{FIRST_STEP_DATE_FIELD, FIRST_STEP_FIELD};
pub use checkins::{
    BRAVE_KEY, BRAVE_RESULT_KEY, BRAVE_TAKEN, BRAVE_WAS_DONE_KEY, Checkin, DATE_KEY,
    LOOK_AGAIN_FIELD, NEXT_LOOK_KEY, NEXT_STEP_DUE_KEY, NEXT_STEP_ID_KEY, NEXT_STEP_KEY, NextLook,
    Outcome, SETTLED, StepReview, WEIGHT_KEY,
};
pub use file::{FormatError, SCHEMA_VERSION};
pub use id::{is_valid_id, slug};
pub use steps::is_valid_step_id;
pub use writing::WRITING_TEXT_KEY;

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
    /// Stable through edits and moves: other tools know the step by it.
    /// Empty only on a new row not yet saved.
    pub id: String,
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

#[derive(Debug, Clone, PartialEq)]
pub struct Reflection {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub created: OffsetDateTime,
    pub updated: OffsetDateTime,
    pub completed: Option<OffsetDateTime>,
    pub position: Position,
    /// The guide it is written with, by name (`full` for files from before
    /// guides had names), and that guide's version when it was last saved.
    pub guide: String,
    pub guide_version: Option<u32>,
    /// Where that guide keeps the steps, the first step and the weights:
    /// what the model reads without the guide at hand. Not saved.
    places: std::sync::Arc<Places>,
    /// Stage key → that stage's answers; kept as TOML so keys this build does
    /// not know survive a save untouched.
    answers: Table,
    /// Looking again after the plan, oldest first.
    checkins: Vec<checkins::Checkin>,
    /// `[writing]`: the free writing, and any keys a hand edit added to it.
    writing: Table,
    /// Top-level keys this build does not know, kept for the same reason.
    extra: Table,
}

impl Reflection {
    /// Marks it edited at `now`. A clock set back (a dead RTC battery, a
    /// wrong NTP answer) never moves `updated` backwards or before `created`:
    /// "the one edited last" must not jump to another reflection.
    pub fn touch(&mut self, now: OffsetDateTime) {
        self.updated = whole_seconds(now).max(self.updated).max(self.created);
    }

    /// A new reflection in the default guide.
    pub fn new(id: String, title: String, now: OffsetDateTime) -> Reflection {
        match Guide::builtin() {
            Ok(guide) => Reflection::in_guide(id, title, now, crate::guide::DEFAULT_NAME, guide),
            Err(_) => {
                Reflection::in_guide(id, title, now, crate::guide::DEFAULT_NAME, &Guide::empty())
            }
        }
    }

    /// A new reflection walking `guide`, known as `name`.
    pub fn in_guide(
        id: String,
        title: String,
        now: OffsetDateTime,
        name: &str,
        guide: &Guide,
    ) -> Reflection {
        let now = whole_seconds(now);
        Reflection {
            id,
            title,
            status: Status::InProgress,
            created: now,
            updated: now,
            completed: None,
            position: Position {
                stage: guide.first_stage().key().into(),
                field: String::new(),
            },
            guide: name.to_string(),
            guide_version: Some(guide.version),
            places: guide.places(),
            answers: Table::new(),
            checkins: Vec::new(),
            writing: Table::new(),
            extra: Table::new(),
        }
    }

    /// Walks on in `guide` (named `name`) from here: the same answers,
    /// read by that guide's keys and roles. Going deeper from a short guide
    /// into the long one it belongs to is this.
    pub fn follow_guide(&mut self, name: &str, guide: &Guide) {
        self.guide = name.to_string();
        self.guide_version = Some(guide.version);
        self.places = guide.places();
        self.settle_step_ids();
    }

    /// Where its guide keeps what the plan and the follow-through read.
    pub fn places(&self) -> &Places {
        &self.places
    }

    fn value(&self, stage: Stage, field: &str) -> Option<&Value> {
        self.value_at(stage.key(), field)
    }

    fn value_at(&self, stage: &str, field: &str) -> Option<&Value> {
        self.answers.get(stage)?.as_table()?.get(field)
    }

    /// The answer playing `role` in its guide, whatever its type.
    pub fn answer_of(&self, role: Role) -> Option<&Value> {
        let place = self.places.get(role)?;
        self.value_at(&place.stage, &place.field)
    }

    /// The rating playing `role`: a weight, the odds.
    pub fn rating_of(&self, role: Role) -> Option<u8> {
        as_rating(self.answer_of(role))
    }

    /// The list playing `role`: the goals, the support.
    pub fn list_of(&self, role: Role) -> Vec<String> {
        as_list(self.answer_of(role))
    }

    /// Every answer its guide does not ask for (a question renamed or
    /// removed, a stage gone), for a guide fitted to show them. Keys the
    /// model keeps beside answers are not answers.
    /// An answer of another shape than its question now asks for (a text
    /// answer to what became a list) counts too: read as the question asks,
    /// it would show as nothing.
    pub fn unasked(&self, guide: &Guide) -> Vec<crate::guide::Unasked<'_>> {
        let mut unasked = Vec::new();
        for (stage, table) in &self.answers {
            let Some(table) = table.as_table() else {
                continue;
            };
            let in_plan = stage == crate::stage::PLAN_KEY;
            // The plan page asks one rating and shows nothing else: a
            // weight kept from a guide that asked one is that rating when
            // the guide asks none; any other plan answer stays in the file.
            if in_plan {
                let kept = table
                    .iter()
                    .find(|(k, v)| v.is_integer() && !crate::role::is_bookkeeping(k, true));
                if let Some((field, value)) = kept
                    && guide.stage(Stage::PLAN).fields.is_empty()
                {
                    unasked.push(crate::guide::Unasked {
                        stage,
                        field,
                        value,
                    });
                }
                continue;
            }
            let asked = guide.stage_keyed(stage).map(|s| guide.stage(s));
            for (field, value) in table {
                let fits = asked
                    .and_then(|s| s.field(field))
                    .is_some_and(|f| crate::guide::fits(f.kind, value));
                if !fits && !crate::role::is_bookkeeping(field, in_plan) {
                    unasked.push(crate::guide::Unasked {
                        stage,
                        field,
                        value,
                    });
                }
            }
        }
        unasked
    }

    fn set_value(&mut self, stage: Stage, field: &str, value: Option<Value>) {
        self.set_value_at(stage.key(), field, value);
    }

    fn set_value_at(&mut self, stage: &str, field: &str, value: Option<Value>) {
        let Some(value) = value else {
            // Clearing the last answer of a stage leaves no empty table
            // behind: a file never holds one, so memory must not either.
            if let Some(Value::Table(table)) = self.answers.get_mut(stage) {
                table.remove(field);
                if table.is_empty() {
                    self.answers.remove(stage);
                }
            }
            return;
        };
        let entry = self
            .answers
            .entry(stage)
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
        if matches!(
            self.places.role_at(stage.key(), field),
            Some(Role::FirstStep | Role::FirstStepDate)
        ) {
            self.settle_step_ids();
        }
    }

    /// A list answer (also the ticked keys of a checklist).
    pub fn list(&self, stage: Stage, field: &str) -> Vec<String> {
        as_list(self.value(stage, field))
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
        as_rating(self.value(stage, field))
    }

    pub fn set_rating(&mut self, stage: Stage, field: &str, rating: Option<u8>) {
        let value = rating
            .filter(|v| (1..=5).contains(v))
            .map(|v| Value::Integer(i64::from(v)));
        self.set_value(stage, field, value);
    }

    pub fn actions(&self, stage: Stage, field: &str) -> Vec<ActionItem> {
        self.actions_at(stage.key(), field)
    }

    fn actions_at(&self, stage: &str, field: &str) -> Vec<ActionItem> {
        let Some(items) = self.value_at(stage, field).and_then(Value::as_array) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(Value::as_table)
            .map(|t| ActionItem {
                id: t.get("id").and_then(Value::as_str).unwrap_or("").into(),
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
                        "id" => !v.is_str(),
                        _ => true,
                    })
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            })
            .collect()
    }

    pub fn set_actions(&mut self, stage: Stage, field: &str, items: Vec<ActionItem>) {
        self.set_actions_at(stage.key(), field, items);
    }

    fn set_actions_at(&mut self, stage: &str, field: &str, mut items: Vec<ActionItem>) {
        self.fill_step_ids(&mut items);
        // Entries that are not steps at all (a hand edit) stay, after them.
        let kept: Vec<Value> = self
            .value_at(stage, field)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter(|v| !v.is_table()).cloned().collect())
            .unwrap_or_default();
        let items: Vec<Value> = items
            .into_iter()
            .filter(|i| !i.is_blank())
            .map(|i| {
                let mut t = Table::new();
                if !i.id.is_empty() {
                    t.insert("id".into(), Value::String(i.id.clone()));
                }
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
                        "id" => !i.id.is_empty(),
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
        self.set_value_at(stage, field, value);
        self.settle_step_ids();
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
}

/// A list answer's text items; anything else in the file reads as none.
fn as_list(value: Option<&Value>) -> Vec<String> {
    value
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

/// A 1..=5 rating; anything else in the file reads as unanswered.
fn as_rating(value: Option<&Value>) -> Option<u8> {
    let value = value?.as_integer()?;
    u8::try_from(value).ok().filter(|v| (1..=5).contains(v))
}

/// Files keep whole seconds; holding no more in memory keeps a reflection
/// equal to itself saved and read back.
fn whole_seconds(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(0).unwrap_or(t)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::guide::Guide;
    use crate::stage::FullStages;
    use time::macros::datetime;

    pub(crate) fn sample_reflection() -> Reflection {
        Reflection::new(
            "2026-11-29-the-launch-that-slipped".into(),
            "The launch that slipped".into(),
            datetime!(2026-11-29 09:30:15.25 UTC),
        )
    }

    /// A plan to check in on: Goals steps of (id, words, due), a first brave
    /// step and a day to look again.
    pub(crate) fn planned_with(steps: &[(&str, &str, &str)]) -> Reflection {
        let mut r = sample_reflection();
        let items = steps
            .iter()
            .map(|(id, text, due)| ActionItem {
                id: (*id).into(),
                text: (*text).into(),
                due: (*due).into(),
                ..ActionItem::default()
            })
            .collect();
        r.set_actions(Stage::Goals, crate::stage::STEPS_FIELD, items);
        r.set_text(Stage::Risk, "first_step", "Send the proposal".into());
        r.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, "2026-12-19".into());
        r
    }

    /// What a check-in says became of one step.
    pub(crate) fn review(id: &str, text: &str, due: &str, outcome: Outcome) -> StepReview {
        StepReview {
            id: id.into(),
            text: text.into(),
            due: due.into(),
            outcome,
        }
    }

    pub(super) fn guide() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

    /// Found under faults (issue 9): a clock moved backwards wrote `updated`
    /// before `created` (1966), so `rebound resume` opened another reflection.
    #[test]
    fn a_clock_set_back_never_moves_updated_backwards() {
        let mut r = sample_reflection();
        let created = r.created;
        r.touch(datetime!(1966-01-01 00:00 UTC));
        assert_eq!(r.updated, created);
        r.touch(datetime!(2026-12-01 10:00 UTC));
        assert_eq!(r.updated, datetime!(2026-12-01 10:00 UTC));
        r.touch(datetime!(2026-11-30 10:00 UTC));
        assert_eq!(
            r.updated,
            datetime!(2026-12-01 10:00 UTC),
            "never backwards"
        );
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
}
