//! Where a reflection stands, and the rules that change it: marking it
//! complete, an edit reopening it, that edit undone making it complete again,
//! and ticking steps, which follows the plan and never reopens it. Every front
//! end goes through these, so the rules read the same everywhere.

use time::{Date, OffsetDateTime};

use crate::dates::Clock;
use crate::guide::Guide;
use crate::reflection::{Reflection, Status};
use crate::role::Role;
use crate::stage::{Stage, reached_phrase};

/// Where a reflection stands: at a stage while in progress, or completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The stage the person stopped at (an unknown key counts as the
    /// start), and how many question stages the walk has.
    InProgress(Stage, usize),
    /// Completed, on this date when the file says.
    Completed(Option<OffsetDateTime>),
}

impl Standing {
    /// From what a listing keeps of a reflection, and its guide.
    pub fn new(
        status: Status,
        stage_key: &str,
        completed: Option<OffsetDateTime>,
        guide: &Guide,
    ) -> Standing {
        match status {
            Status::Completed => Standing::Completed(completed),
            Status::InProgress => Standing::InProgress(
                guide
                    .stage_keyed(stage_key)
                    .unwrap_or_else(|| guide.first_stage()),
                guide.stage_count(),
            ),
        }
    }

    pub fn of(r: &Reflection, guide: &Guide) -> Standing {
        Standing::new(r.status, &r.position.stage, r.completed, guide)
    }

    /// A few words for a column: "stage 4 of 7", "growth plan", "done 2026-11-28".
    pub fn brief(self, clock: Clock) -> String {
        match self {
            Standing::InProgress(stage, of) => reached_phrase(stage, of),
            Standing::Completed(Some(t)) => format!("done {}", clock.day(t)),
            Standing::Completed(None) => "done".into(),
        }
    }

    /// With the stage's title, for a list row: "stage 4 of 7, Goals",
    /// "at the growth plan", "completed 2026-11-28".
    pub fn with_stage_title(self, guide: &Guide, clock: Clock) -> String {
        match self {
            Standing::InProgress(Stage::PLAN, _) => "at the growth plan".into(),
            Standing::InProgress(stage, of) => {
                format!(
                    "{}, {}",
                    reached_phrase(stage, of),
                    guide.stage(stage).title
                )
            }
            Standing::Completed(Some(t)) => format!("completed {}", clock.day(t)),
            Standing::Completed(None) => "completed".into(),
        }
    }

    /// As a sentence, for a document: "In progress, at stage 4 of 7 (Goals)",
    /// "Completed 2026-11-28".
    pub fn sentence(self, guide: &Guide, clock: Clock) -> String {
        match self {
            Standing::InProgress(Stage::PLAN, _) => "In progress, at the growth plan".into(),
            Standing::InProgress(stage, of) => format!(
                "In progress, at {} ({})",
                reached_phrase(stage, of),
                guide.stage(stage).title
            ),
            Standing::Completed(Some(t)) => format!("Completed {}", clock.day(t)),
            Standing::Completed(None) => "Completed".into(),
        }
    }
}

/// Something the growth plan needs before it can be marked complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Title,
    /// A goal or a step, or in a guide without those, the first step.
    GoalOrStep,
}

impl Missing {
    /// What it needs, and where in `guide` to give it.
    pub fn describe(self, guide: &Guide) -> String {
        match self {
            Missing::Title => "a title".into(),
            Missing::GoalOrStep => {
                let plan = guide.role(Role::Goals).or_else(|| guide.role(Role::Steps));
                let (what, at) = match plan {
                    Some((stage, _)) => ("at least one goal or action step", Some(stage)),
                    None => ("a first step", guide.role(Role::FirstStep).map(|(s, _)| s)),
                };
                match at {
                    Some(stage) => format!(
                        "{what} (stage {}, {})",
                        stage.question_index().map_or(0, |i| i + 1),
                        guide.stage(stage).title
                    ),
                    None => what.to_string(),
                }
            }
        }
    }
}

/// What stops the reflection being marked complete; empty when it can be.
/// Only completion asks for anything: moving between stages never does.
pub fn missing_for_completion(reflection: &Reflection) -> Vec<Missing> {
    let mut missing = Vec::new();
    if reflection.title.trim().is_empty() {
        missing.push(Missing::Title);
    }
    let places = reflection.places();
    let needs = if places.get(Role::Goals).is_some() || places.get(Role::Steps).is_some() {
        let has_goal = !reflection.list_of(Role::Goals).is_empty();
        let has_step = reflection
            .action_steps()
            .iter()
            .any(|step| !step.text.trim().is_empty());
        !(has_goal || has_step)
    } else {
        // A short guide's plan is its one step.
        places.get(Role::FirstStep).is_some()
            && reflection
                .first_step()
                .is_none_or(|s| s.text.trim().is_empty())
    };
    if needs {
        missing.push(Missing::GoalOrStep);
    }
    missing
}

/// What marking complete did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completion {
    /// It is complete now, dated `now`.
    Marked,
    /// It was complete already; nothing changed.
    AlreadyComplete,
    /// It cannot be complete yet; this is what it needs.
    Needs(Vec<Missing>),
}

/// Marks a reflection complete if the plan has what it needs.
pub fn mark_complete(r: &mut Reflection, now: OffsetDateTime) -> Completion {
    let missing = missing_for_completion(r);
    if !missing.is_empty() {
        return Completion::Needs(missing);
    }
    if r.status == Status::Completed {
        return Completion::AlreadyComplete;
    }
    r.status = Status::Completed;
    r.completed = Some(now);
    Completion::Marked
}

/// How a change to the answers moved the reflection's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterEdit {
    /// Nothing to say: its standing is what it was.
    Unchanged,
    /// A completed reflection was changed, so it is in progress again.
    Reopened,
    /// The change was undone, so it is complete again, with its first date.
    Restored,
}

/// Follows a change to the answers. `as_completed` is the reflection as it was
/// when last complete: answers equal to it mean complete (with that date), any
/// other answers mean in progress, so one stray key costs nothing.
pub fn after_edit(r: &mut Reflection, as_completed: Option<&Reflection>) -> AfterEdit {
    let (status, completed, said) = match as_completed.filter(|o| r.same_answers(o)) {
        Some(original) => (Status::Completed, original.completed, AfterEdit::Restored),
        None => (Status::InProgress, None, AfterEdit::Reopened),
    };
    if r.status == status {
        return AfterEdit::Unchanged;
    }
    r.status = status;
    r.completed = completed;
    said
}

/// Ticking a step done or not: following the plan, not changing it, so a
/// completed reflection stays completed. Returns the step's text and its new
/// mark, or `None` when there is no such step. `index` counts
/// [`Reflection::steps`], the first brave step among them.
pub fn tick_step(r: &mut Reflection, index: usize, today: Date) -> Option<(String, bool)> {
    let step = r.steps().into_iter().nth(index)?;
    let done = !step.done;
    r.set_done_at(index, done, today)
        .then(|| (step.text.trim().to_string(), done))
}

/// The same for the step with this id (the agenda knows steps by id, and a
/// position could have moved since it listed them). `None` when it is gone.
pub fn tick_step_id(r: &mut Reflection, id: &str, today: Date) -> Option<(String, bool)> {
    let index = r.step_index(id)?;
    tick_step(r, index, today)
}

/// What a completed reflection should come back to after a change that only
/// follows the plan (a tick, the plan's own rating): the reflection as it now
/// stands, so undoing a later edit does not undo the tick. `None` while in
/// progress.
pub fn completed_snapshot(r: &Reflection) -> Option<Reflection> {
    (r.status == Status::Completed).then(|| r.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::ActionItem;
    use crate::reflection::tests::sample_reflection;
    use crate::stage::{FullStages, GOALS_FIELD, Stage};
    use time::macros::datetime;

    fn guide() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

    fn clock() -> Clock {
        Clock::at(datetime!(2026-11-29 12:00 UTC), time::UtcOffset::UTC)
    }

    fn completable() -> Reflection {
        let mut r = sample_reflection();
        r.set_list(Stage::Goals, GOALS_FIELD, vec!["Lead a launch".into()]);
        let step = ActionItem {
            text: " Call Dana ".into(),
            ..ActionItem::default()
        };
        r.set_action_steps(vec![step]);
        r
    }

    #[test]
    fn standing_reads_the_same_in_every_form() {
        let g = guide();
        let at_goals = Standing::new(Status::InProgress, "goals", None, g);
        assert_eq!(at_goals.brief(clock()), "stage 4 of 7");
        assert_eq!(at_goals.with_stage_title(g, clock()), "stage 4 of 7, Goals");
        assert_eq!(
            at_goals.sentence(g, clock()),
            "In progress, at stage 4 of 7 (Goals)"
        );
        let at_plan = Standing::new(Status::InProgress, "plan", None, g);
        assert_eq!(at_plan.brief(clock()), "growth plan");
        assert_eq!(at_plan.with_stage_title(g, clock()), "at the growth plan");
        let done = Standing::new(
            Status::Completed,
            "risk",
            Some(datetime!(2026-11-28 23:30 -02:00)),
            g,
        );
        // The day is the person's own: 23:30 at UTC-2 is the 29th in UTC.
        assert_eq!(done.brief(clock()), "done 2026-11-29");
        assert_eq!(done.sentence(g, clock()), "Completed 2026-11-29");
        let unknown = Standing::new(Status::InProgress, "no-such-stage", None, g);
        assert_eq!(unknown, Standing::InProgress(Stage::Perspective, 7));
    }

    #[test]
    fn completion_asks_for_a_title_and_a_goal_then_dates_it() {
        let mut r = sample_reflection();
        r.title.clear();
        r.set_list(Stage::Goals, GOALS_FIELD, Vec::new());
        r.set_action_steps(Vec::new());
        let now = datetime!(2026-11-29 12:00 UTC);
        assert_eq!(
            mark_complete(&mut r, now),
            Completion::Needs(vec![Missing::Title, Missing::GoalOrStep])
        );
        assert_eq!(r.status, Status::InProgress);
        let mut r = completable();
        assert_eq!(mark_complete(&mut r, now), Completion::Marked);
        assert_eq!((r.status, r.completed), (Status::Completed, Some(now)));
        let later = datetime!(2026-12-01 12:00 UTC);
        assert_eq!(mark_complete(&mut r, later), Completion::AlreadyComplete);
        assert_eq!(r.completed, Some(now), "the first date stands");
    }

    #[test]
    fn an_edit_reopens_and_undoing_it_restores_the_original_date() {
        let mut r = completable();
        let when = datetime!(2026-11-20 09:00 UTC);
        mark_complete(&mut r, when);
        let snapshot = completed_snapshot(&r);
        let before = r.text(Stage::Perspective, "expected").to_string();
        r.set_text(Stage::Perspective, "expected", format!("{before}!"));
        assert_eq!(after_edit(&mut r, snapshot.as_ref()), AfterEdit::Reopened);
        assert_eq!((r.status, r.completed), (Status::InProgress, None));
        r.set_text(Stage::Perspective, "expected", before);
        assert_eq!(after_edit(&mut r, snapshot.as_ref()), AfterEdit::Restored);
        assert_eq!((r.status, r.completed), (Status::Completed, Some(when)));
        assert_eq!(after_edit(&mut r, snapshot.as_ref()), AfterEdit::Unchanged);
    }

    #[test]
    fn an_unfinished_reflection_stays_in_progress_whatever_is_edited() {
        let mut r = completable();
        assert_eq!(completed_snapshot(&r), None);
        r.set_text(Stage::Perspective, "expected", "more".into());
        assert_eq!(after_edit(&mut r, None), AfterEdit::Unchanged);
        assert_eq!(r.status, Status::InProgress);
    }

    #[test]
    fn a_step_is_ticked_by_its_id_wherever_it_now_is() {
        let mut r = completable();
        mark_complete(&mut r, datetime!(2026-11-20 09:00 UTC));
        let id = r.steps()[0].id.clone();
        assert_eq!(
            tick_step_id(&mut r, &id, clock().today),
            Some(("Call Dana".to_string(), true))
        );
        assert!(r.steps()[0].done);
        assert_eq!(r.status, Status::Completed);
        assert_eq!(tick_step_id(&mut r, "no-such-step", clock().today), None);
    }

    #[test]
    fn ticking_a_step_keeps_a_completed_reflection_complete() {
        let mut r = completable();
        mark_complete(&mut r, datetime!(2026-11-20 09:00 UTC));
        assert_eq!(
            tick_step(&mut r, 0, clock().today),
            Some(("Call Dana".to_string(), true))
        );
        assert_eq!(r.status, Status::Completed);
        // The snapshot taken after a tick keeps the tick through a later undo.
        let snapshot = completed_snapshot(&r);
        r.set_text(Stage::Perspective, "expected", "x".into());
        after_edit(&mut r, snapshot.as_ref());
        r.set_text(Stage::Perspective, "expected", String::new());
        let restored = after_edit(&mut r, snapshot.as_ref());
        assert!(matches!(
            restored,
            AfterEdit::Restored | AfterEdit::Unchanged
        ));
        assert!(r.action_steps()[0].done, "the tick survives");
        assert_eq!(tick_step(&mut r, 999, clock().today), None);
    }

    #[test]
    fn completion_needs_a_title_and_a_goal_or_step() {
        let mut r = sample_reflection();
        r.title = "  ".into();
        assert_eq!(
            missing_for_completion(&r),
            vec![Missing::Title, Missing::GoalOrStep]
        );
        r.title = "The launch that slipped".into();
        r.set_list(Stage::Goals, "if_then", vec!["If tired, then rest".into()]);
        r.set_actions(
            Stage::Goals,
            "steps",
            vec![ActionItem {
                text: "  ".into(),
                due: "2026-12-01".into(),
                done: true,
                ..Default::default()
            }],
        );
        assert_eq!(
            missing_for_completion(&r),
            vec![Missing::GoalOrStep],
            "if-then plans and steps without words are not a plan"
        );
        r.set_actions(
            Stage::Goals,
            "steps",
            vec![ActionItem {
                text: "Ask Dana for a review".into(),
                due: String::new(),
                done: false,
                ..Default::default()
            }],
        );
        assert!(missing_for_completion(&r).is_empty());
    }
}
