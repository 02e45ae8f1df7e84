//! A stage of a guide's walk, by its place and stable key: a leaf that the
//! guide, the model, the store and the front ends all name, so none of them
//! depends on another for it.
//!
//! Which stages there are is a guide's to say (its TOML); a `Stage` is only
//! a handle into one guide's walk, got from that guide. The growth plan that
//! ends every walk is the one stage all guides share.

use std::collections::BTreeSet;
use std::sync::Mutex;

/// The key every guide's growth plan is saved under.
pub const PLAN_KEY: &str = "plan";

/// Where a question stage sits in its guide's walk, or the plan after them.
/// Ordered by place, the plan last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Stage {
    index: u8,
    key: &'static str,
}

impl Stage {
    /// The growth plan, the last stage of every guide.
    pub const PLAN: Stage = Stage {
        index: u8::MAX,
        key: PLAN_KEY,
    };

    /// The question stage at `index` of a guide's walk. Only a guide makes
    /// these, from its own stages (see `Guide::stages`).
    pub(crate) fn question(index: usize, key: &str) -> Stage {
        Stage {
            index: u8::try_from(index).unwrap_or(u8::MAX - 1),
            key: intern(key),
        }
    }

    /// The stable key used in files; never rename one.
    pub fn key(self) -> &'static str {
        self.key
    }

    pub fn is_plan(self) -> bool {
        self == Stage::PLAN
    }

    /// Position among the guide's question stages; `None` for the plan.
    pub fn question_index(self) -> Option<usize> {
        (!self.is_plan()).then_some(usize::from(self.index))
    }
}

/// A `&'static` copy of a stage key, made once per distinct key. Keys come
/// from guides loaded once for the whole run, so the set stays as small as
/// the stages rebound knows; in return a `Stage` is `Copy` and answers can
/// be read by it without the guide at hand.
fn intern(key: &str) -> &'static str {
    static KEYS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut keys = KEYS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(known) = keys.get(key) {
        return known;
    }
    let leaked: &'static str = Box::leak(key.to_string().into_boxed_str());
    keys.insert(leaked);
    leaked
}

/// "stage 4 of 7" for a question stage of a walk of `count`, "growth plan"
/// for the plan: how far a reflection got, in the words every front end uses.
pub fn reached_phrase(stage: Stage, count: usize) -> String {
    match stage.question_index() {
        Some(i) => format!("stage {} of {count}", i + 1),
        None => "growth plan".to_string(),
    }
}

/// The full guide's keys for the plan's goals and steps and the first brave
/// step, for tests and benches only: product code finds them by role.
#[doc(hidden)]
pub const GOALS_FIELD: &str = "objectives";
#[doc(hidden)]
pub const STEPS_FIELD: &str = "steps";
#[doc(hidden)]
pub const FIRST_STEP_FIELD: &str = "first_step";
#[doc(hidden)]
pub const FIRST_STEP_DATE_FIELD: &str = "first_step_date";

/// The full guide's stages by name, for tests and benches only: product
/// code finds a stage through the guide it belongs to. A trait, so tests
/// written as `Stage::Goals` read as they did when the stages were fixed.
#[doc(hidden)]
#[allow(non_upper_case_globals)]
pub trait FullStages {
    const Perspective: Stage;
    const Deconstruct: Stage;
    const Reflect: Stage;
    const Goals: Stage;
    const Skills: Stage;
    const Network: Stage;
    const Risk: Stage;
    const Plan: Stage;
    const ALL: [Stage; 8];
    const QUESTION_STAGES: [Stage; 7];
    const QUESTION_COUNT: usize = 7;
}

#[allow(non_upper_case_globals)]
impl FullStages for Stage {
    const Perspective: Stage = Stage {
        index: 0,
        key: "perspective",
    };
    const Deconstruct: Stage = Stage {
        index: 1,
        key: "deconstruct",
    };
    const Reflect: Stage = Stage {
        index: 2,
        key: "reflect",
    };
    const Goals: Stage = Stage {
        index: 3,
        key: "goals",
    };
    const Skills: Stage = Stage {
        index: 4,
        key: "skills",
    };
    const Network: Stage = Stage {
        index: 5,
        key: "network",
    };
    const Risk: Stage = Stage {
        index: 6,
        key: "risk",
    };
    const Plan: Stage = Stage::PLAN;
    const ALL: [Stage; 8] = [
        Self::Perspective,
        Self::Deconstruct,
        Self::Reflect,
        Self::Goals,
        Self::Skills,
        Self::Network,
        Self::Risk,
        Self::PLAN,
    ];
    const QUESTION_STAGES: [Stage; 7] = [
        Self::Perspective,
        Self::Deconstruct,
        Self::Reflect,
        Self::Goals,
        Self::Skills,
        Self::Network,
        Self::Risk,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_comes_after_every_question_stage() {
        let first = Stage::question(0, "perspective");
        let seventh = Stage::question(6, "risk");
        assert!(first < seventh && seventh < Stage::PLAN);
        assert_eq!(Stage::question(3, "goals").key(), "goals");
        assert_eq!(Stage::PLAN.question_index(), None);
        assert_eq!(
            reached_phrase(Stage::question(3, "goals"), 7),
            "stage 4 of 7"
        );
        assert_eq!(reached_phrase(Stage::PLAN, 7), "growth plan");
    }

    #[test]
    fn a_key_is_kept_once_however_often_it_is_named() {
        let a = Stage::question(0, &String::from("a_stage_of_a_test"));
        let b = Stage::question(0, &String::from("a_stage_of_a_test"));
        assert!(std::ptr::eq(a.key(), b.key()));
    }
}
