//! Action steps' stable ids, and the first brave step as one more step: both
//! found where the reflection's guide puts the `steps` and `first_step` roles.
//!
//! Every step carries an `id` in the file. A file written before ids (or a
//! step added by hand) gets one derived from the reflection's id, where the
//! step sits and its text: the same on every run and machine until the next
//! save writes it down, after which the stored id stays whatever changes.

use time::Date;
use toml::{Table, Value};

use super::{ActionItem, Reflection};
use crate::dates::{iso, parse_iso};
use crate::role::{FIRST_STEP_DONE, FIRST_STEP_DONE_ON, FIRST_STEP_ID, Role};

/// Part of every id derived for a step, since ids were first derived: a
/// step not yet saved must get the same id from every build.
const STEPS_SALT: &str = "steps";
const FIRST_STEP_SALT: &str = "first_step";
/// The day a step was ticked done, kept beside it so progress can count
/// steps done by month.
pub const DONE_ON: &str = "done_on";

/// An id as a person might write one by hand: short and safe in a URL,
/// a file name or another tool's field. Anything else is replaced.
pub fn is_valid_step_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Ten characters of lowercase base32 (50 bits) from a 64-bit FNV-1a hash:
/// short enough to read, safe anywhere, and, with the reflection's own id
/// hashed in, unlikely to meet another step's id anywhere. FNV rather than
/// std's hasher because std's may change between releases, and a derived id
/// must be the same on every run.
fn derive(parts: &[&str], attempt: u32) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let attempt = attempt.to_string();
    for part in parts.iter().copied().chain([attempt.as_str()]) {
        for b in part.bytes().chain([0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    (0..10)
        .map(|i| char::from(ALPHABET[((hash >> (i * 5)) & 31) as usize]))
        .collect()
}

/// An id not in `taken`, derived from `parts`.
pub(super) fn derive_free(parts: &[&str], taken: &[String]) -> String {
    (0..)
        .map(|attempt| derive(parts, attempt))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

fn first_step_id_for(reflection_id: &str) -> String {
    derive(&[reflection_id, FIRST_STEP_SALT], 0)
}

impl Reflection {
    /// The stage and field keys playing `role`, owned so the answers can be
    /// changed while they are held.
    fn place_of(&self, role: Role) -> Option<(String, String)> {
        let place = self.places.get(role)?;
        Some((place.stage.clone(), place.field.clone()))
    }

    /// The steps of the plan (the `steps` role), not the first brave step.
    pub fn action_steps(&self) -> Vec<ActionItem> {
        match self.place_of(Role::Steps) {
            Some((stage, field)) => self.actions_at(&stage, &field),
            None => Vec::new(),
        }
    }

    /// Replaces the plan's steps; nothing, when the guide has none.
    pub fn set_action_steps(&mut self, items: Vec<ActionItem>) {
        if let Some((stage, field)) = self.place_of(Role::Steps) {
            self.set_actions_at(&stage, &field, items);
        }
    }

    fn steps_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        let (stage, field) = self.place_of(Role::Steps)?;
        match self
            .answers
            .get_mut(&stage)
            .and_then(Value::as_table_mut)
            .and_then(|t| t.get_mut(&field))
        {
            Some(Value::Array(items)) => Some(items),
            _ => None,
        }
    }

    /// Gives every step without a usable id one (in memory; the next save
    /// writes it): a missing id, one that is not text of the safe alphabet,
    /// or one an earlier step already holds (a step copied by hand).
    pub(super) fn settle_step_ids(&mut self) {
        let first_id = self.settle_first_step();
        let reflection_id = self.id.clone();
        let Some(items) = self.steps_array_mut() else {
            return;
        };
        let mut taken: Vec<String> = first_id.into_iter().collect();
        for (ordinal, step) in items.iter_mut().filter_map(Value::as_table_mut).enumerate() {
            let id = step.get("id").and_then(Value::as_str).unwrap_or("");
            if is_valid_step_id(id) && !taken.iter().any(|t| t == id) {
                taken.push(id.to_string());
                continue;
            }
            let text = step.get("text").and_then(Value::as_str).unwrap_or("");
            let ordinal = ordinal.to_string();
            let id = derive_free(&[&reflection_id, STEPS_SALT, &ordinal, text], &taken);
            step.insert("id".into(), Value::String(id.clone()));
            taken.push(id);
        }
    }

    /// Gives the working copy of some steps ids before they are saved, so a
    /// step keeps the id it was first saved with while it is edited further.
    pub fn fill_step_ids(&self, items: &mut [ActionItem]) {
        let mut taken: Vec<String> = self.first_step().map(|s| s.id).into_iter().collect();
        for (ordinal, item) in items.iter_mut().enumerate() {
            if item.is_blank() && item.id.is_empty() {
                continue;
            }
            if !is_valid_step_id(&item.id) || taken.contains(&item.id) {
                let ordinal = ordinal.to_string();
                item.id = derive_free(&[&self.id, STEPS_SALT, &ordinal, &item.text], &taken);
            }
            taken.push(item.id.clone());
        }
    }

    /// Keeps the first brave step's id and done mark while it has words or
    /// a date, and drops them with it, so clearing it leaves nothing behind.
    fn settle_first_step(&mut self) -> Option<String> {
        let reflection_id = self.id.clone();
        let (stage, step_field) = self.place_of(Role::FirstStep)?;
        let date_field = self.place_of(Role::FirstStepDate).map(|(_, f)| f);
        let risk = self.answers.get_mut(&stage).and_then(Value::as_table_mut)?;
        let written = |key: &str| {
            risk.get(key)
                .and_then(Value::as_str)
                .is_some_and(|s| !s.trim().is_empty())
        };
        if !written(&step_field) && !date_field.as_deref().is_some_and(written) {
            if risk.get(FIRST_STEP_ID).is_some_and(Value::is_str) {
                risk.remove(FIRST_STEP_ID);
            }
            if risk.get(FIRST_STEP_DONE).is_some_and(Value::is_bool) {
                risk.remove(FIRST_STEP_DONE);
            }
            if risk.get(FIRST_STEP_DONE_ON).is_some_and(Value::is_str) {
                risk.remove(FIRST_STEP_DONE_ON);
            }
            if risk.is_empty() {
                self.answers.remove(&stage);
            }
            return None;
        }
        let id = risk
            .get(FIRST_STEP_ID)
            .and_then(Value::as_str)
            .unwrap_or("");
        if is_valid_step_id(id) {
            return Some(id.to_string());
        }
        let id = first_step_id_for(&reflection_id);
        risk.insert(FIRST_STEP_ID.into(), Value::String(id.clone()));
        Some(id)
    }

    /// The first brave step as an action step, when it has words or a date.
    pub fn first_step(&self) -> Option<ActionItem> {
        let step = self.places.get(Role::FirstStep)?;
        let date = self
            .places
            .get(Role::FirstStepDate)
            .map(|p| p.field.as_str());
        let risk = self.answers.get(&step.stage)?.as_table()?;
        let text = |key: &str| {
            risk.get(key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let item = ActionItem {
            id: risk
                .get(FIRST_STEP_ID)
                .and_then(Value::as_str)
                .map_or_else(|| first_step_id_for(&self.id), str::to_string),
            text: text(&step.field),
            due: date.map(text).unwrap_or_default(),
            done: risk
                .get(FIRST_STEP_DONE)
                .and_then(Value::as_bool)
                .unwrap_or(false),
            extra: risk
                .get(FIRST_STEP_DONE_ON)
                .filter(|v| v.is_str())
                .map(|v| Table::from_iter([(DONE_ON.to_string(), v.clone())]))
                .unwrap_or_default(),
        };
        (!item.text.trim().is_empty() || !item.due.trim().is_empty()).then_some(item)
    }

    /// Every action step: the plan's, then the first brave step.
    /// Positions in this list are what [`Reflection::set_done_at`] takes.
    pub fn steps(&self) -> Vec<ActionItem> {
        let mut steps = self.action_steps();
        steps.extend(self.first_step());
        steps
    }

    /// Where the step with this id is in [`Reflection::steps`]: what the
    /// agenda, which knows steps by id, needs to tick or show one.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps().iter().position(|s| s.id == id)
    }

    /// Marks the step at `index` of [`Reflection::steps`] done (on `today`)
    /// or not and changes nothing else. False when there is no such step.
    pub fn set_done_at(&mut self, index: usize, done: bool, today: Date) -> bool {
        let goals = self.action_steps().len();
        if index < goals {
            let done_before = self.done_step_ids();
            // Ticked in place, so keys a hand edit added to the step survive.
            let step = self
                .steps_array_mut()
                .and_then(|items| items.iter_mut().filter_map(Value::as_table_mut).nth(index));
            let ticked = match step {
                Some(step) => {
                    step.insert("done".into(), Value::Boolean(done));
                    true
                }
                None => false,
            };
            self.stamp_done_dates(&done_before, today);
            return ticked;
        }
        if index > goals || self.first_step().is_none() {
            return false;
        }
        let Some((stage, _)) = self.place_of(Role::FirstStep) else {
            return false;
        };
        let Some(risk) = self.answers.get_mut(&stage).and_then(Value::as_table_mut) else {
            return false;
        };
        risk.insert(FIRST_STEP_DONE.into(), Value::Boolean(done));
        if done {
            risk.insert(FIRST_STEP_DONE_ON.into(), Value::String(iso(today)));
        } else {
            risk.remove(FIRST_STEP_DONE_ON);
        }
        true
    }

    /// The ids of the plan's steps done now: what [`Reflection::stamp_done_dates`]
    /// compares a change with.
    pub fn done_step_ids(&self) -> Vec<String> {
        self.action_steps()
            .into_iter()
            .filter(|s| s.done)
            .map(|s| s.id)
            .collect()
    }

    /// Gives each step done by this change (not among `done_before`) the day
    /// it was done, `today`, and takes the day from a step no longer done. A
    /// step ticked before rebound kept these days simply has none: it is
    /// never given today's date by a change to another step.
    pub fn stamp_done_dates(&mut self, done_before: &[String], today: Date) {
        if let Some(items) = self.steps_array_mut() {
            for step in items.iter_mut().filter_map(Value::as_table_mut) {
                let done = step.get("done").and_then(Value::as_bool).unwrap_or(false);
                let id = step.get("id").and_then(Value::as_str).unwrap_or("");
                let just_done = !done_before.iter().any(|d| d == id);
                match (done, step.contains_key(DONE_ON)) {
                    (true, false) if just_done => {
                        step.insert(DONE_ON.into(), Value::String(iso(today)));
                    }
                    (false, true) => {
                        step.remove(DONE_ON);
                    }
                    _ => {}
                }
            }
        }
    }
}

impl ActionItem {
    /// The day it was ticked done, when rebound saw it happen.
    pub fn done_on(&self) -> Option<Date> {
        self.done
            .then(|| self.extra.get(DONE_ON)?.as_str().and_then(parse_iso))
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::{guide, sample_reflection};
    use crate::stage::{FIRST_STEP_DATE_FIELD, FIRST_STEP_FIELD, FullStages, Stage};

    const NO_IDS: &str = r#"
schema_version = 2
id = "2026-11-29-x"
created = "2026-11-29T09:00:00Z"
[[answers.goals.steps]]
text = "Call Dana"
[[answers.goals.steps]]
text = "Call Dana"
[[answers.goals.steps]]
id = "my-own_id"
text = "Read the notes"
[answers.risk]
first_step = "Email the clinics"
"#;

    fn ids(r: &Reflection) -> Vec<String> {
        r.steps().into_iter().map(|s| s.id).collect()
    }

    #[test]
    fn a_file_without_ids_gets_the_same_ids_every_run_and_keeps_them_once_saved() {
        let once = Reflection::from_toml_str(NO_IDS).expect("loads");
        let again = Reflection::from_toml_str(NO_IDS).expect("loads");
        let derived = ids(&once);
        assert_eq!(derived, ids(&again), "the same on every run");
        assert_eq!(derived.len(), 4);
        assert_ne!(derived[0], derived[1], "the same words, two steps");
        assert_eq!(derived[2], "my-own_id", "an id written by hand is kept");
        assert!(derived.iter().all(|id| is_valid_step_id(id)));
        let saved = once.to_toml_string(guide()).expect("saves");
        assert!(
            saved.contains(&format!("id = \"{}\"", derived[0])),
            "{saved}"
        );
        assert!(
            saved.contains(&format!("first_step_id = \"{}\"", derived[3])),
            "{saved}"
        );
        // Once written, an id no longer follows the words or the place.
        let edited = saved
            .replace("text = \"Call Dana\"", "text = \"Call Dana today\"")
            .replace(
                "first_step = \"Email the clinics\"",
                "first_step = \"Email\"",
            );
        assert_eq!(
            ids(&Reflection::from_toml_str(&edited).expect("loads")),
            derived
        );
    }

    #[test]
    fn a_step_keeps_its_id_through_edits_moves_and_a_neighbour_deleted() {
        let mut r = Reflection::from_toml_str(NO_IDS).expect("loads");
        let before = r.action_steps();
        let mut steps = before.clone();
        steps[2].text = "Read the notes twice".into();
        steps[2].due = "2026-12-01".into();
        steps[2].done = true;
        steps.swap(0, 2);
        steps.remove(1);
        steps.push(ActionItem {
            text: "Call Dana".into(),
            ..ActionItem::default()
        });
        r.set_action_steps(steps);
        let after = r.action_steps();
        assert_eq!(after[0].id, before[2].id);
        assert_eq!(after[1].id, before[0].id);
        let new = &after[2].id;
        assert!(
            is_valid_step_id(new) && !ids(&r)[..2].contains(new),
            "{new}"
        );
        let back = Reflection::from_toml_str(&r.to_toml_string(guide()).expect("saves"));
        assert_eq!(back.expect("loads").steps(), r.steps());
    }

    /// Found in review: ticking one step gave a step done long before
    /// (before days were kept) today's date, so progress counted it now.
    #[test]
    fn a_step_done_before_days_were_kept_is_never_given_todays_date() {
        let text = NO_IDS.replacen(
            "text = \"Call Dana\"",
            "text = \"Call Dana\"\ndone = true",
            1,
        );
        let mut r = Reflection::from_toml_str(&text).expect("loads");
        let today = time::macros::date!(2026 - 11 - 29);
        assert!(r.set_done_at(1, true, today));
        let steps = r.steps();
        assert!(steps[0].done);
        assert_eq!(steps[0].done_on(), None, "done before, day unknown");
        assert_eq!(steps[1].done_on(), Some(today), "ticked now");
        assert!(r.set_done_at(1, false, today));
        assert_eq!(r.steps()[1].done_on(), None, "unticked, no day");
    }

    #[test]
    fn a_step_copied_by_hand_with_its_id_gets_a_new_one() {
        let text = NO_IDS.replace(
            "text = \"Call Dana\"\n[[",
            "id = \"my-own_id\"\ntext = \"Call Dana\"\n[[",
        );
        let r = Reflection::from_toml_str(&text).expect("loads");
        let all = ids(&r);
        assert_eq!(all[0], "my-own_id", "the first holder keeps it");
        assert_ne!(all[2], "my-own_id");
    }

    #[test]
    fn the_first_brave_step_is_a_step_that_can_be_ticked_and_cleared() {
        let mut r = sample_reflection();
        assert!(r.steps().is_empty());
        r.set_text(Stage::Risk, FIRST_STEP_DATE_FIELD, "2026-12-04".into());
        r.set_text(Stage::Risk, FIRST_STEP_FIELD, "Email the clinics".into());
        let step = r.first_step().expect("a step");
        assert_eq!(
            (step.text.as_str(), step.due.as_str()),
            ("Email the clinics", "2026-12-04")
        );
        assert!(step.is_open());
        assert!(r.set_done_at(0, true, time::macros::date!(2026 - 11 - 29)));
        assert!(!r.set_done_at(1, true, time::macros::date!(2026 - 11 - 29)));
        let back =
            Reflection::from_toml_str(&r.to_toml_string(guide()).expect("saves")).expect("loads");
        assert_eq!(
            back.first_step().map(|s| (s.id, s.done)),
            Some((step.id, true))
        );
        r.set_text(Stage::Risk, FIRST_STEP_FIELD, String::new());
        r.set_text(Stage::Risk, FIRST_STEP_DATE_FIELD, String::new());
        assert!(r.first_step().is_none());
        assert!(
            !r.is_answered(Stage::Risk, "first_step_id"),
            "nothing left behind"
        );
        assert!(!r.to_toml_string(guide()).expect("saves").contains("risk"));
    }
}
