//! The walk through the stages: where the person is (a cursor over stages and
//! fields), moving between fields and stages, and progress as answers counted.

use crate::guide::Guide;
use crate::reflection::Reflection;
pub use crate::stage::Stage;
#[doc(hidden)]
pub use crate::stage::{GOALS_FIELD, STEPS_FIELD};

/// Where the person is: a stage and the index of a field in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub stage: Stage,
    pub field: usize,
}

impl Cursor {
    /// The first question of the guide's walk.
    pub fn start(guide: &Guide) -> Cursor {
        Cursor {
            stage: guide.first_stage(),
            field: 0,
        }
    }

    /// The saved position of a reflection, clamped to what the guide has, so a
    /// hand-edited or outdated position still opens somewhere sensible.
    pub fn of(reflection: &Reflection, guide: &Guide) -> Cursor {
        let Some(stage) = guide.stage_keyed(&reflection.position.stage) else {
            return Cursor::start(guide);
        };
        let field = guide
            .stage(stage)
            .field_index(&reflection.position.field)
            .unwrap_or(0);
        Cursor { stage, field }
    }

    /// The first question with no answer yet, in walking order; the first
    /// question when every one has an answer.
    pub fn first_unanswered(reflection: &Reflection, guide: &Guide) -> Cursor {
        guide
            .stages()
            .find_map(|stage| {
                let fields = &guide.stage(stage).fields;
                fields
                    .iter()
                    .position(|f| !reflection.is_answered(stage, &f.key))
                    .map(|field| Cursor { stage, field })
            })
            .unwrap_or_else(|| Cursor::start(guide))
    }

    /// Tab: the next field, or the first field of the next stage.
    pub fn next_field(self, guide: &Guide) -> Cursor {
        if self.field + 1 < guide.stage(self.stage).fields.len() {
            Cursor {
                field: self.field + 1,
                ..self
            }
        } else {
            self.next_stage(guide).unwrap_or(self)
        }
    }

    /// Shift-Tab: the previous field, or the last field of the previous stage.
    pub fn prev_field(self, guide: &Guide) -> Cursor {
        if self.field > 0 {
            Cursor {
                field: self.field - 1,
                ..self
            }
        } else {
            match guide.prev(self.stage) {
                Some(stage) => Cursor {
                    stage,
                    field: guide.stage(stage).fields.len().saturating_sub(1),
                },
                None => self,
            }
        }
    }

    pub fn next_stage(self, guide: &Guide) -> Option<Cursor> {
        guide
            .next(self.stage)
            .map(|stage| Cursor { stage, field: 0 })
    }

    pub fn prev_stage(self, guide: &Guide) -> Option<Cursor> {
        guide
            .prev(self.stage)
            .map(|stage| Cursor { stage, field: 0 })
    }
}

/// How many questions have an answer, in one stage or overall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

pub fn stage_progress(reflection: &Reflection, guide: &Guide, stage: Stage) -> Progress {
    let fields = &guide.stage(stage).fields;
    Progress {
        answered: fields
            .iter()
            .filter(|f| reflection.is_answered(stage, &f.key))
            .count(),
        total: fields.len(),
    }
}

pub fn overall_progress(reflection: &Reflection, guide: &Guide) -> Progress {
    guide
        .walk()
        .map(|s| stage_progress(reflection, guide, s))
        .fold(
            Progress {
                answered: 0,
                total: 0,
            },
            |a, b| Progress {
                answered: a.answered + b.answered,
                total: a.total + b.total,
            },
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::sample_reflection;
    use crate::stage::FullStages;

    fn guide() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

    #[test]
    fn tab_past_the_last_field_enters_the_next_stage_and_shift_tab_returns() {
        let g = guide();
        let last = g.stage(Stage::Perspective).fields.len() - 1;
        let at_last = Cursor {
            stage: Stage::Perspective,
            field: last,
        };
        let next = at_last.next_field(g);
        assert_eq!(
            next,
            Cursor {
                stage: Stage::Deconstruct,
                field: 0
            }
        );
        assert_eq!(next.prev_field(g), at_last);
    }

    #[test]
    fn tab_on_the_plan_and_shift_tab_on_the_first_field_stay_put() {
        let g = guide();
        let plan_last = Cursor {
            stage: Stage::PLAN,
            field: g.stage(Stage::PLAN).fields.len() - 1,
        };
        assert_eq!(plan_last.next_field(g), plan_last);
        assert_eq!(Cursor::start(g).prev_field(g), Cursor::start(g));
    }

    #[test]
    fn walking_every_field_visits_each_question_once() {
        let g = guide();
        let mut cursor = Cursor::start(g);
        let mut seen = 1;
        loop {
            let next = cursor.next_field(g);
            if next == cursor {
                break;
            }
            cursor = next;
            seen += 1;
        }
        assert_eq!(seen, g.all_fields().count());
        assert_eq!(cursor.stage, Stage::PLAN);
    }

    #[test]
    fn saved_position_is_restored_and_unknown_positions_fall_back_to_the_start() {
        let g = guide();
        let mut r = sample_reflection();
        r.position.stage = "reflect".into();
        r.position.field = "strengths".into();
        let cursor = Cursor::of(&r, g);
        assert_eq!(cursor.stage, Stage::Reflect);
        assert_eq!(
            g.stage(Stage::Reflect).fields[cursor.field].key,
            "strengths"
        );

        r.position.stage = "nowhere".into();
        assert_eq!(Cursor::of(&r, g), Cursor::start(g));
    }

    #[test]
    fn progress_counts_answered_questions() {
        let g = guide();
        let mut r = sample_reflection();
        assert_eq!(stage_progress(&r, g, Stage::Reflect).answered, 0);
        r.set_text(Stage::Reflect, "went_wrong", "We shipped late.".into());
        r.set_list(
            Stage::Reflect,
            "strengths",
            vec!["Calm under pressure".into()],
        );
        let p = stage_progress(&r, g, Stage::Reflect);
        assert_eq!(p.answered, 2);
        assert_eq!(p.total, g.stage(Stage::Reflect).fields.len());
        assert_eq!(overall_progress(&r, g).answered, 2);
    }
}
