//! Check-ins: one question at a time, applied as typed, never reopening a
//! completed reflection, and kept to go on with when left half done.

use super::*;
use crate::reflection::{NextLook, Outcome as Became};
use crate::stage::FullStages;

fn checkin(app: &App) -> &CheckinForm {
    session(app).checkin.as_ref().expect("a check-in is open")
}

fn review_rows(app: &App) -> usize {
    match &checkin(app).focus {
        crate::tui::field::FieldFocus::Steps(steps) => steps.rows.len(),
        _ => panic!("the step review has focus"),
    }
}

/// Tab until the question with this key has focus.
fn go_to_question(app: &mut App, key: &str) {
    for _ in 0..20 {
        if checkin(app).field().key == key {
            return;
        }
        app.update(Action::NextField);
    }
    panic!("no question {key}");
}

#[test]
fn a_checkin_ticks_moves_and_drops_steps_and_the_reflection_stays_complete() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    assert_eq!(app.screen(), Screen::Checkin);
    assert_eq!(app.focus(), Focus::Checkin(FieldKind::Rating));
    app.update(Action::Rate(2));
    go_to_question(&mut app, "steps");
    // The review opens on the first open step (the done course is not in it).
    assert_eq!(review_rows(&app), 2);
    app.update(Action::ToggleDone);
    app.update(Action::StepDown);
    app.update(Action::Text(
        crate::tui::editor::TextEdit::DeleteToLineStart,
    ));
    app.update(Action::DeleteStep);
    go_to_question(&mut app, "next_look");
    type_text(&mut app, "+3w");
    app.update(Action::NextField);

    let s = session(&app);
    assert_eq!(app.screen(), Screen::Reading, "back where it began");
    assert!(s.checkin.is_none());
    assert_eq!(s.reflection.status, Status::Completed);
    let done = s.reflection.checkins();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].weight(), Some(2));
    assert_eq!(done[0].next_look(), NextLook::On(date!(2026 - 12 - 20)));
    let outcomes: Vec<Became> = done[0].steps().iter().map(|r| r.outcome).collect();
    assert_eq!(outcomes, vec![Became::Done, Became::Dropped]);
    let steps = s.reflection.action_steps();
    assert_eq!(
        steps.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        vec!["Interview five clinic managers", "Take the pricing course"],
        "the checklist step was dropped from the plan"
    );
    assert!(steps[0].done);
    assert!(said(&app).is_some_and(|m| m.contains("Sun 20 Dec 2026")));
}

#[test]
fn esc_keeps_a_checkin_half_done_and_c_goes_on_with_it() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    app.update(Action::Rate(3));
    go_to_question(&mut app, "working");
    type_text(&mut app, "The Friday review");
    app.update(Action::BackHome);
    assert_eq!(app.screen(), Screen::Reading);
    let r = &session(&app).reflection;
    assert_eq!(r.checkins().len(), 1, "kept, to go on with");
    assert!(r.unfinished_checkin().is_some());
    assert_eq!(r.checkins()[0].text("working"), "The Friday review");

    app.update(Action::Checkin);
    assert!(said(&app).is_some_and(|m| m.contains("Going on")));
    assert_eq!(checkin(&app).draft.weight(), Some(3));
    // Past the last question without a day: it asks for one and stays.
    go_to_question(&mut app, "next_look");
    app.update(Action::NextField);
    assert_eq!(app.screen(), Screen::Checkin);
    assert!(said(&app).is_some_and(|m| m.contains("settled")));
    type_text(&mut app, "settled");
    app.update(Action::NextField);
    let r = &session(&app).reflection;
    assert_eq!(r.checkins().len(), 1, "the same check-in, finished");
    assert_eq!(r.next_checkin(), None);
}

#[test]
fn a_reflection_open_to_read_only_is_not_checked_in() {
    let mut app = completed_app();
    app.make_read_only("Read only: open in another rebound.".into());
    let effect = app.update(Action::Checkin);
    assert_eq!(effect, Effect::TakeOver, "asks to claim it, as a tick does");
    assert!(session(&app).checkin.is_none());
    assert!(session(&app).read_only.is_some());
}

#[test]
fn the_next_step_joins_the_plan_with_one_id_however_often_it_is_edited() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    go_to_question(&mut app, "next_step");
    type_text(&mut app, "Share the results");
    go_to_question(&mut app, "next_step_due");
    app.update(Action::PrevField);
    type_text(&mut app, " today");
    let steps = session(&app).reflection.action_steps();
    let added: Vec<_> = steps
        .iter()
        .filter(|s| s.text.starts_with("Share"))
        .collect();
    assert_eq!(added.len(), 1, "{steps:?}");
    assert_eq!(added[0].text, "Share the results today");
    assert_eq!(
        checkin(&app)
            .draft
            .text(crate::reflection::NEXT_STEP_ID_KEY),
        added[0].id
    );
}

#[test]
fn home_c_opens_the_selected_reflection_at_a_checkin() {
    let mut app = home_with(&["The launch"]);
    let effect = app.update(Action::Checkin);
    assert_eq!(effect, Effect::Open("id-0".into()));
    let mut r = sample_reflection();
    r.status = Status::Completed;
    app.apply(Outcome::Opened {
        reflection: r,
        access: Access::Writable,
    });
    assert_eq!(app.screen(), Screen::Checkin);
    // Opened from home, it goes back home, saying what was kept.
    app.update(Action::Rate(2));
    assert_eq!(app.update(Action::BackHome), Effect::CloseReflection);
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("go on with it"))
    );
}

#[test]
fn a_checkin_as_heavy_as_at_the_start_gets_the_support_line_once() {
    let mut app = completed_app();
    session_mut(&mut app)
        .reflection
        .set_rating(Stage::Perspective, "weight_today", Some(4));
    app.update(Action::Checkin);
    app.update(Action::Rate(2));
    assert_eq!(said(&app), None, "lighter than at the start");
    app.update(Action::Rate(4));
    assert_eq!(said(&app).as_deref(), Some(crate::support::SUPPORT_LINE));
    app.update(Action::NextField);
    assert_eq!(said(&app), None, "moving on lets it go");
    app.update(Action::PrevField);
    assert_eq!(said(&app), None, "coming back does not say it again");
    app.update(Action::Rate(3));
    assert_eq!(said(&app), None);
}

#[test]
fn home_c_opens_the_checkin_that_is_due_whichever_row_is_selected() {
    let mut app = home_with(&["Selected first", "Due since Friday", "Due later"]);
    let mut reflections = app.home.listing.reflections.clone();
    reflections[1].next_checkin = "2026-11-27".into();
    reflections[2].next_checkin = "2026-12-24".into();
    app.set_listing(crate::store::Listing {
        reflections,
        ..Default::default()
    });
    assert_eq!(app.update(Action::Checkin), Effect::Open("id-1".into()));
    assert!(app.opening_checkin);
}

/// Found by a walk-through: a step ticked while a check-in was half done
/// was unticked again by the next key typed in that check-in.
#[test]
fn going_on_with_a_checkin_keeps_a_tick_made_since() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    app.update(Action::Rate(3));
    app.update(Action::BackHome);
    // Ticked on the reading page meanwhile (the agenda does the same on disk).
    app.update(Action::TickStep);
    let ticked = |app: &App| session(app).reflection.action_steps()[0].done;
    assert!(ticked(&app));
    app.update(Action::Checkin);
    go_to_question(&mut app, "working");
    type_text(&mut app, "x");
    assert!(ticked(&app), "the tick made since is kept");
    let reviews = checkin(&app).draft.steps();
    assert_eq!(reviews[0].outcome, Became::Done, "and the check-in says so");
}

/// Found in review: two steps added in one check-in could get one id, and
/// the second's words then replaced the first's on the plan.
#[test]
fn steps_added_in_a_checkin_each_get_their_own_id() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    go_to_question(&mut app, "steps");
    // To the empty row at the end, a step typed, then another.
    app.update(Action::StepDown);
    app.update(Action::StepDown);
    type_text(&mut app, "New A");
    app.update(Action::NewStep);
    type_text(&mut app, "New B");
    app.update(Action::NextField);
    let steps = session(&app).reflection.action_steps();
    let added: Vec<&str> = steps
        .iter()
        .filter(|s| s.text.starts_with("New"))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(added.len(), 2, "{steps:?}");
    assert_ne!(added[0], added[1]);
}

#[test]
fn a_reflection_still_in_progress_is_not_checked_in() {
    let mut app = app_with_open_reflection();
    app.start_checkin(false);
    assert!(session(&app).checkin.is_none());
    assert!(said(&app).is_some_and(|m| m.contains("mark this one complete")));
}

/// Found by a walk-through: going on with a check-in began again at its
/// first question rather than where the person stopped.
#[test]
fn going_on_with_a_checkin_starts_after_the_last_question_answered() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    app.update(Action::Rate(3));
    go_to_question(&mut app, "people_said");
    type_text(&mut app, "Dana liked the write-up");
    app.update(Action::NextField);
    app.update(Action::BackHome);
    app.update(Action::Checkin);
    assert_eq!(checkin(&app).field().key, "working");
}

/// Found in review: opening a check-in and leaving at once kept an empty
/// one, dated that day, to be gone on with weeks later.
#[test]
fn a_checkin_left_with_nothing_said_keeps_nothing() {
    let mut app = completed_app();
    let before = session(&app).reflection.clone();
    let revision = session(&app).revision;
    app.update(Action::Checkin);
    app.update(Action::NextField);
    app.update(Action::NextField);
    app.update(Action::BackHome);
    assert_eq!(app.screen(), Screen::Reading);
    assert_eq!(session(&app).reflection, before, "no check-in, no change");
    assert_eq!(session(&app).revision, revision, "nothing to save");
}

/// Found in review: after going on with a check-in, saying the brave step
/// did not happen after all left it ticked on the plan.
#[test]
fn the_brave_step_can_be_unticked_after_going_on_with_a_checkin() {
    let mut app = completed_app();
    session_mut(&mut app).reflection.set_text(
        Stage::Risk,
        "first_step",
        "Send the proposal".into(),
    );
    app.update(Action::Checkin);
    go_to_question(&mut app, "brave");
    app.update(Action::ToggleChoice);
    let brave = |app: &App| session(app).reflection.first_step().is_some_and(|s| s.done);
    assert!(brave(&app));
    app.update(Action::BackHome);
    app.update(Action::Checkin);
    assert_eq!(
        checkin(&app).field().key,
        "brave_result",
        "after the brave step"
    );
    app.update(Action::PrevField);
    app.update(Action::ToggleChoice);
    assert!(!brave(&app), "back as the check-in found it");
}

/// Found by a walk-through: holding Backspace to reword a step dropped it
/// for good and went on deleting the step above.
#[test]
fn backspace_held_on_a_step_drops_it_but_keeps_its_row_and_ctrl_z_brings_it_back() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    go_to_question(&mut app, "steps");
    app.update(Action::StepDown);
    for _ in 0..60 {
        app.update(Action::DeleteStep);
    }
    assert_eq!(review_rows(&app), 2, "no row is taken away");
    let steps = session(&app).reflection.action_steps();
    assert!(
        steps
            .iter()
            .any(|s| s.text == "Interview five clinic managers"),
        "the step above is untouched: {steps:?}"
    );
    let reviews = checkin(&app).draft.steps();
    assert_eq!(reviews[1].outcome, Became::Dropped);
    assert!(said(&app).is_some_and(|m| m.contains("Ctrl-Z")));
    for _ in 0..60 {
        app.update(Action::Undo);
    }
    let reviews = checkin(&app).draft.steps();
    assert_eq!(reviews[1].outcome, Became::On, "{reviews:?}");
    assert_eq!(reviews[1].text, "Write a checklist");
}

/// Found in review: each key re-applies the check-in, and with the clock's
/// day, so a tick made before midnight moved to the next day after it.
#[test]
fn a_tick_in_a_checkin_keeps_the_checkins_day_past_midnight() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    go_to_question(&mut app, "steps");
    app.update(Action::ToggleDone);
    app.set_now(app.now + time::Duration::days(1));
    app.update(Action::NextField);
    type_text(&mut app, "x");
    let steps = session(&app).reflection.action_steps();
    assert_eq!(steps[0].done_on(), Some(date!(2026 - 11 - 29)));
}

/// Found in review: a check-in on a ten-minute reflection asked for a next
/// step its guide had nowhere to keep, and what was typed went nowhere.
#[test]
fn a_checkin_in_a_guide_without_plan_steps_asks_no_next_step() {
    let catalogue = crate::guides::Catalogue::load(None);
    let quick = &catalogue.named("ten-minute").expect("built in").guide;
    let mut r = crate::reflection::Reflection::in_guide(
        "2026-11-20-quick".into(),
        "A bad day".into(),
        time::macros::datetime!(2026-11-20 09:00 UTC),
        "ten-minute",
        quick,
    );
    r.set_text(Stage::Risk, "first_step", "Call Sam".into());
    r.status = crate::reflection::Status::Completed;
    r.completed = Some(time::macros::datetime!(2026-11-21 09:00 UTC));
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    app.open_reflection(r);
    app.update(Action::Checkin);
    let keys: Vec<&str> = checkin(&app)
        .questions
        .fields
        .iter()
        .map(|f| f.key.as_str())
        .collect();
    assert!(!keys.contains(&"next_step"), "{keys:?}");
    assert!(!keys.contains(&"steps"), "{keys:?}");
    assert!(
        keys.contains(&crate::reflection::BRAVE_KEY),
        "the one step is asked about: {keys:?}"
    );
}
