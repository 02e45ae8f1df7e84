//! The plan's day to look again: asked in a prompt, saved at once, and
//! never reopening a completed reflection.

use super::*;
use crate::reflection::LOOK_AGAIN_FIELD;
use crate::tui::state::Typed;

fn prompt_text(app: &App) -> Option<String> {
    match &app.modal {
        Some(Modal::LookAgain(prompt)) => Some(prompt.editor.lines().join("")),
        _ => None,
    }
}

fn look_again(app: &App) -> String {
    session(app)
        .reflection
        .text(Stage::PLAN, LOOK_AGAIN_FIELD)
        .to_string()
}

fn on_the_plan() -> App {
    let mut app = app_with_open_reflection();
    for _ in 0..10 {
        app.update(Action::NextStage);
    }
    assert_eq!(app.focus(), Focus::Plan);
    app
}

#[test]
fn l_on_the_plan_offers_the_example_and_a_phrase_typed_over_it_is_saved_as_its_date() {
    let mut app = on_the_plan();
    let before = session(&app).revision;
    app.update(Action::SetLookAgain);
    assert_eq!(app.focus(), Focus::LookAgainPrompt);
    assert_eq!(prompt_text(&app).as_deref(), Some("+3w"));
    // Typing replaces the example rather than landing after it.
    type_text(&mut app, "+2w");
    assert_eq!(prompt_text(&app).as_deref(), Some("+2w"));
    app.update(Action::ConfirmLookAgain);
    assert!(app.modal.is_none());
    // Today is 2026-11-29.
    assert_eq!(look_again(&app), "2026-12-13");
    assert!(session(&app).revision > before, "the loop saves it");
    assert_eq!(
        said(&app).as_deref(),
        Some("You will look again on Sun 13 Dec 2026 (in 2 weeks).")
    );
}

#[test]
fn enter_keeps_the_day_offered_and_esc_changes_nothing() {
    let mut app = on_the_plan();
    app.update(Action::SetLookAgain);
    app.update(Action::ConfirmLookAgain);
    assert_eq!(look_again(&app), "2026-12-20", "+3w from 2026-11-29");

    // Opened again, it offers the day chosen; Esc leaves it be.
    app.update(Action::SetLookAgain);
    assert_eq!(prompt_text(&app).as_deref(), Some("2026-12-20"));
    let before = session(&app).revision;
    type_text(&mut app, "friday");
    app.update(Action::CancelLookAgain);
    assert!(app.modal.is_none());
    assert_eq!(look_again(&app), "2026-12-20");
    assert_eq!(session(&app).revision, before);
}

#[test]
fn an_unreadable_day_keeps_the_prompt_open_and_says_it_was_not_saved() {
    let mut app = on_the_plan();
    app.update(Action::SetLookAgain);
    type_text(&mut app, "someday");
    app.update(Action::ConfirmLookAgain);
    assert_eq!(app.focus(), Focus::LookAgainPrompt);
    let warning = match &app.modal {
        Some(Modal::LookAgain(p)) => p.warning.clone(),
        _ => None,
    };
    assert!(
        warning
            .as_deref()
            .is_some_and(|w| w.contains("not a day yet")),
        "{warning:?}"
    );
    assert_eq!(look_again(&app), "");
    // Mending the text takes the warning away.
    app.update(Action::Text(
        crate::tui::editor::TextEdit::DeleteToLineStart,
    ));
    assert!(matches!(&app.modal, Some(Modal::LookAgain(p)) if p.warning.is_none()));
}

#[test]
fn enter_with_nothing_typed_clears_the_day() {
    let mut app = on_the_plan();
    app.update(Action::SetLookAgain);
    app.update(Action::ConfirmLookAgain);
    assert!(!look_again(&app).is_empty());
    app.update(Action::SetLookAgain);
    app.update(Action::Text(
        crate::tui::editor::TextEdit::DeleteToLineStart,
    ));
    assert_eq!(prompt_text(&app).as_deref(), Some(""));
    app.update(Action::ConfirmLookAgain);
    assert_eq!(look_again(&app), "");
    assert_eq!(
        session(&app).reflection.planned_look_again(),
        None,
        "cleared, not left as an empty date"
    );
}

#[test]
fn choosing_the_day_while_reading_keeps_a_completed_reflection_completed() {
    let mut app = completed_app();
    assert_eq!(app.focus(), Focus::Reading);
    app.update(Action::SetLookAgain);
    type_text(&mut app, "2027-01-09");
    app.update(Action::ConfirmLookAgain);
    let s = session(&app);
    assert_eq!(look_again(&app), "2027-01-09");
    assert_eq!(s.reflection.status, Status::Completed);
    assert!(s.revision > 0, "saved like a tick");
    // Like a tick, it is part of the completed plan: an edit undone later
    // comes back complete, with the day kept.
    app.update(Action::EditReflection);
    for _ in 0..4 {
        app.update(Action::PrevStage);
    }
    type_text(&mut app, "x");
    assert_eq!(session(&app).reflection.status, Status::InProgress);
    app.update(Action::Edit(KeyEvent::new(
        KeyCode::Backspace,
        KeyModifiers::NONE,
    )));
    assert_eq!(session(&app).reflection.status, Status::Completed);
    assert_eq!(look_again(&app), "2027-01-09");
}

#[test]
fn a_day_chosen_while_an_edit_has_reopened_it_is_kept_when_the_edit_is_undone() {
    let mut app = completed_app();
    app.update(Action::EditReflection);
    for _ in 0..4 {
        app.update(Action::PrevStage);
    }
    type_text(&mut app, "x");
    assert_eq!(session(&app).reflection.status, Status::InProgress);
    for _ in 0..10 {
        app.update(Action::NextStage);
    }
    app.update(Action::SetLookAgain);
    app.update(Action::ConfirmLookAgain);
    // What undoing the stray "x" would come back to holds the day too, so
    // undoing it both restores completion and keeps the day.
    let snapshot = session(&app)
        .as_completed
        .as_ref()
        .map(|r| r.text(Stage::PLAN, LOOK_AGAIN_FIELD).to_string());
    assert_eq!(snapshot.as_deref(), Some("2026-12-20"));
    assert_eq!(session(&app).reflection.status, Status::InProgress);
}

#[test]
fn a_copy_or_a_reflection_held_elsewhere_is_not_given_a_day() {
    let mut app = completed_app();
    app.make_read_only("Read only: open in another rebound.".into());
    assert_eq!(app.update(Action::SetLookAgain), Effect::TakeOver);
    assert!(app.modal.is_none());

    let mut app = completed_app();
    app.make_copy_read_only("id.sync-conflict.toml".into(), "A copy".into());
    let before = session(&app).revision;
    let key = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::NONE);
    assert_eq!(app.typed(Typed::Key(key)), Effect::None);
    assert!(app.modal.is_none());
    assert_eq!(session(&app).revision, before);
    assert!(said(&app).is_some_and(|m| m.contains("only read")));
}

/// The plan of a reflection with a goal, so it can be marked complete.
fn completable_on_the_plan() -> App {
    let mut app = app_with_open_reflection();
    for _ in 0..3 {
        app.update(Action::NextStage);
    }
    type_text(&mut app, "Lead a launch end to end");
    for _ in 0..10 {
        app.update(Action::NextStage);
    }
    app
}

#[test]
fn marking_complete_without_a_day_says_how_to_choose_one() {
    let mut app = completable_on_the_plan();
    app.update(Action::MarkComplete);
    assert_eq!(session(&app).reflection.status, Status::Completed);
    assert!(said(&app).is_some_and(|m| m.contains("Press l to choose a day to look again")));

    let mut app = completable_on_the_plan();
    if let Some(s) = app.session.as_mut() {
        s.reflection
            .set_text(Stage::PLAN, LOOK_AGAIN_FIELD, "2026-12-20".into());
    }
    app.update(Action::MarkComplete);
    assert_eq!(session(&app).reflection.status, Status::Completed);
    assert!(said(&app).is_some_and(|m| !m.contains("look again")));
}

#[test]
fn a_day_typed_but_not_confirmed_is_kept_on_the_way_out() {
    let mut app = on_the_plan();
    app.update(Action::SetLookAgain);
    // Opened and left as offered: nothing was chosen, nothing is kept.
    app.settle_look_again_prompt();
    assert_eq!(look_again(&app), "");
    type_text(&mut app, "+1w");
    app.settle_look_again_prompt();
    assert!(app.modal.is_none());
    assert_eq!(look_again(&app), "2026-12-06");
}
