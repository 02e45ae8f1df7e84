//! The stages a reflection walks through, and their stable keys: a leaf that
//! the guide, the model, the store and the front ends all name, so none of
//! them depends on another for it.

/// The seven question stages, then the growth plan that compiles them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Perspective,
    Deconstruct,
    Reflect,
    Goals,
    Skills,
    Network,
    Risk,
    Plan,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Perspective,
        Stage::Deconstruct,
        Stage::Reflect,
        Stage::Goals,
        Stage::Skills,
        Stage::Network,
        Stage::Risk,
        Stage::Plan,
    ];

    /// How many stages ask questions (the plan only gathers them).
    pub const QUESTION_COUNT: usize = 7;

    pub const QUESTION_STAGES: [Stage; Stage::QUESTION_COUNT] = [
        Stage::Perspective,
        Stage::Deconstruct,
        Stage::Reflect,
        Stage::Goals,
        Stage::Skills,
        Stage::Network,
        Stage::Risk,
    ];

    /// The stable key used in files; never rename one.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Perspective => "perspective",
            Stage::Deconstruct => "deconstruct",
            Stage::Reflect => "reflect",
            Stage::Goals => "goals",
            Stage::Skills => "skills",
            Stage::Network => "network",
            Stage::Risk => "risk",
            Stage::Plan => "plan",
        }
    }

    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// Position among the seven question stages; `None` for the plan.
    pub fn question_index(self) -> Option<usize> {
        (self != Stage::Plan).then_some(self.index())
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Stage> {
        self.index().checked_sub(1).map(|i| Stage::ALL[i])
    }
}

/// The Goals answers that make a plan: the objectives list and the action
/// steps. Other front ends and the store find them by these keys.
pub const GOALS_FIELD: &str = "objectives";
pub const STEPS_FIELD: &str = "steps";

/// "stage 4 of 7" for a question stage, "growth plan" for the plan: how far
/// a reflection got, in the words every front end uses.
pub fn reached_phrase(stage: Stage) -> String {
    match stage.question_index() {
        Some(i) => format!("stage {} of {}", i + 1, Stage::QUESTION_COUNT),
        None => "growth plan".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_walk_in_order_and_stop_at_both_ends() {
        assert_eq!(Stage::Perspective.prev(), None);
        assert_eq!(Stage::Risk.next(), Some(Stage::Plan));
        assert_eq!(Stage::Plan.next(), None);
        for stage in Stage::ALL {
            assert_eq!(Stage::from_key(stage.key()), Some(stage));
        }
    }

    #[test]
    fn the_count_of_question_stages_matches_the_list() {
        assert_eq!(Stage::QUESTION_STAGES.len(), Stage::QUESTION_COUNT);
        assert_eq!(reached_phrase(Stage::Goals), "stage 4 of 7");
        assert_eq!(reached_phrase(Stage::Plan), "growth plan");
    }
}
