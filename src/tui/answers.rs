//! Where a question's answer is read from: a stage of the reflection or a
//! check-in, so one set of editors and widgets serves both.

use crate::reflection::{ActionItem, Checkin, NEXT_LOOK_KEY, NextLook, Outcome, Reflection};
use crate::stage::Stage;

pub trait Answers {
    fn text(&self, key: &str) -> &str;
    fn list(&self, key: &str) -> Vec<String>;
    fn rating(&self, key: &str) -> Option<u8>;
    fn actions(&self, key: &str) -> Vec<ActionItem>;
    fn is_answered(&self, key: &str) -> bool;
}

/// A stage's answers in a reflection.
pub struct StageAnswers<'a>(pub &'a Reflection, pub Stage);

impl Answers for StageAnswers<'_> {
    fn text(&self, key: &str) -> &str {
        self.0.text(self.1, key)
    }
    fn list(&self, key: &str) -> Vec<String> {
        self.0.list(self.1, key)
    }
    fn rating(&self, key: &str) -> Option<u8> {
        self.0.rating(self.1, key)
    }
    fn actions(&self, key: &str) -> Vec<ActionItem> {
        self.0.actions(self.1, key)
    }
    fn is_answered(&self, key: &str) -> bool {
        self.0.is_answered(self.1, key)
    }
}

impl Answers for Checkin {
    fn text(&self, key: &str) -> &str {
        Checkin::text(self, key)
    }
    fn list(&self, key: &str) -> Vec<String> {
        self.checks(key)
    }
    fn rating(&self, key: &str) -> Option<u8> {
        Checkin::rating(self, key)
    }
    fn actions(&self, _key: &str) -> Vec<ActionItem> {
        crate::checkin::rows_of(&self.steps())
    }
    /// The review always holds every step (still on, until said
    /// otherwise), so it counts once something became of one; the day to
    /// look again counts once it is a day, or settled.
    fn is_answered(&self, key: &str) -> bool {
        match key {
            crate::checkin::STEPS_KEY => self.steps().iter().any(|s| s.outcome != Outcome::On),
            NEXT_LOOK_KEY => self.next_look() != NextLook::Unset,
            _ => self.table().get(key).is_some(),
        }
    }
}
