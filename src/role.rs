//! The parts a guide's field can play in the growth plan and the follow-through:
//! a leaf, like the stages, so the guide, the model and the plan all name them
//! without naming any one guide's questions.
//!
//! A guide gives a field a role (`role = "steps"`); the plan page, the agenda,
//! check-ins and progress find answers by role, so a guide of any shape that
//! declares them gets a plan. A guide that declares none still walks and
//! exports; its plan page then has only what it declared.

use serde::Deserialize;

use crate::guide::FieldKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// How heavy it felt at the start: check-ins and progress compare with it.
    WeightStart,
    /// How heavy it feels on the plan (asked on the plan page).
    WeightNow,
    Support,
    /// How the person tells it now, in a few calm sentences.
    Story,
    Differently,
    Goals,
    /// The action steps: the agenda, check-ins, calendars and task lists.
    Steps,
    IfThen,
    SkillGaps,
    SkillMethods,
    SkillPlan,
    Habit,
    KeepUp,
    FeedbackFrom,
    FeedbackAsk,
    Communities,
    Risk,
    /// One brave step with its date, also on the agenda.
    FirstStep,
    FirstStepDate,
    Odds,
}

impl Role {
    pub const ALL: [Role; 20] = [
        Role::WeightStart,
        Role::WeightNow,
        Role::Support,
        Role::Story,
        Role::Differently,
        Role::Goals,
        Role::Steps,
        Role::IfThen,
        Role::SkillGaps,
        Role::SkillMethods,
        Role::SkillPlan,
        Role::Habit,
        Role::KeepUp,
        Role::FeedbackFrom,
        Role::FeedbackAsk,
        Role::Communities,
        Role::Risk,
        Role::FirstStep,
        Role::FirstStepDate,
        Role::Odds,
    ];

    /// As a guide file writes it.
    pub fn name(self) -> &'static str {
        match self {
            Role::WeightStart => "weight_start",
            Role::WeightNow => "weight_now",
            Role::Support => "support",
            Role::Story => "story",
            Role::Differently => "differently",
            Role::Goals => "goals",
            Role::Steps => "steps",
            Role::IfThen => "if_then",
            Role::SkillGaps => "skill_gaps",
            Role::SkillMethods => "skill_methods",
            Role::SkillPlan => "skill_plan",
            Role::Habit => "habit",
            Role::KeepUp => "keep_up",
            Role::FeedbackFrom => "feedback_from",
            Role::FeedbackAsk => "feedback_ask",
            Role::Communities => "communities",
            Role::Risk => "risk",
            Role::FirstStep => "first_step",
            Role::FirstStepDate => "first_step_date",
            Role::Odds => "odds",
        }
    }

    /// The kinds of question that can play it: the plan reads a list as a
    /// list and a rating as a rating, whatever the guide calls them.
    pub fn kinds(self) -> &'static [FieldKind] {
        use FieldKind::*;
        match self {
            Role::WeightStart | Role::WeightNow | Role::Odds => &[Rating],
            Role::Support
            | Role::Goals
            | Role::IfThen
            | Role::SkillGaps
            | Role::FeedbackFrom
            | Role::FeedbackAsk
            | Role::Communities => &[List],
            Role::Steps => &[Actions],
            Role::SkillMethods => &[Checklist],
            Role::FirstStepDate => &[Date],
            Role::Differently
            | Role::Story
            | Role::SkillPlan
            | Role::Habit
            | Role::KeepUp
            | Role::Risk
            | Role::FirstStep => &[Text, Line],
        }
    }
}

/// Keys the model keeps beside the first step's words, in the same stage:
/// its id and done marks. No question may use them.
pub const FIRST_STEP_ID: &str = "first_step_id";
pub const FIRST_STEP_DONE: &str = "first_step_done";
pub const FIRST_STEP_DONE_ON: &str = "first_step_done_on";
/// The plan's day to look again, asked by the check-in's prompt, not a guide.
pub const LOOK_AGAIN_FIELD: &str = "look_again";

/// Whether `key` in a stage's answers is one the model keeps there (not an
/// answer to a question), in the plan if `in_plan`.
pub fn is_bookkeeping(key: &str, in_plan: bool) -> bool {
    [FIRST_STEP_ID, FIRST_STEP_DONE, FIRST_STEP_DONE_ON].contains(&key)
        || (in_plan && key == LOOK_AGAIN_FIELD)
}

/// Where a guide keeps one role's answer: a stage key and a field key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub stage: String,
    pub field: String,
}

/// Every role a guide declares and where: what the model needs of a guide
/// to find steps, the first step and the weights without the guide itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Places(Vec<(Role, Place)>);

impl Places {
    pub fn new(places: Vec<(Role, Place)>) -> Places {
        Places(places)
    }

    pub fn get(&self, role: Role) -> Option<&Place> {
        self.0.iter().find(|(r, _)| *r == role).map(|(_, p)| p)
    }

    /// The role a (stage, field) plays, if any.
    pub fn role_at(&self, stage: &str, field: &str) -> Option<Role> {
        self.0
            .iter()
            .find(|(_, p)| p.stage == stage && p.field == field)
            .map(|(r, _)| *r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_is_listed_once_with_its_file_name() {
        let names: std::collections::HashSet<&str> = Role::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(names.len(), Role::ALL.len());
        for role in Role::ALL {
            let read: Role = toml::Value::String(role.name().into())
                .try_into()
                .expect("the name reads back");
            assert_eq!(read, role);
            assert!(!role.kinds().is_empty());
        }
    }
}
