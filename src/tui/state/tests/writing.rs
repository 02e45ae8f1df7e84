//! The free-writing page: opened from a stage and from reading, written into the reflection, private.

use super::*;
use crate::stage::FullStages;

#[test]
fn ctrl_o_in_a_stage_opens_the_page_and_esc_comes_back_to_the_same_field() {
    let mut app = app_with_open_reflection();
    app.update(Action::NextField);
    let field = session(&app).cursor;
    press(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(app.screen(), Screen::Writing);
    assert_eq!(app.focus(), Focus::Writing);
    // Letters type on the page; none of them is a command there.
    type_keys(&mut app, "quit? no");
    assert_eq!(session(&app).reflection.writing(), "quit? no");
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.screen(), Screen::Walk);
    assert_eq!(session(&app).cursor, field);
}

#[test]
fn what_is_typed_on_the_page_is_in_the_reflection_at_once_and_counted() {
    let mut app = app_with_open_reflection();
    let before = app.revision();
    app.update(Action::OpenWriting);
    type_keys(&mut app, "I did not see it coming");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    type_keys(&mut app, "and that hurt");
    let s = session(&app);
    assert_eq!(
        s.reflection.writing(),
        "I did not see it coming\nand that hurt"
    );
    assert!(app.revision() > before, "saved soon, like any answer");
    assert_eq!(s.writing.as_ref().map(|p| p.words), Some(9));
    // It is not an answer: the stages' counts and answers are untouched.
    assert_eq!(s.reflection.text(Stage::Perspective, "expected"), "");
}

#[test]
fn w_on_the_reading_page_opens_it_going_on_after_the_last_word() {
    let mut app = completed_app();
    if let Some(s) = app.session.as_mut() {
        s.reflection.set_writing("Day one.".into());
    }
    press(&mut app, KeyCode::Char('w'), KeyModifiers::NONE);
    assert_eq!(app.screen(), Screen::Writing);
    type_keys(&mut app, " Day two.");
    assert_eq!(session(&app).reflection.writing(), "Day one. Day two.");
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.screen(), Screen::Reading);
}

#[test]
fn a_completed_reflection_stays_completed_when_only_the_writing_changes() {
    let mut app = completed_app();
    let completed = session(&app).reflection.completed;
    app.update(Action::OpenWriting);
    type_keys(&mut app, "Still angry, and that is fine.");
    let s = session(&app);
    assert_eq!(s.reflection.status, Status::Completed);
    assert_eq!(s.reflection.completed, completed);
    // Undoing a later stray edit to an answer must not take the writing back.
    assert_eq!(
        s.as_completed.as_ref().map(|r| r.writing().to_string()),
        Some("Still angry, and that is fine.".to_string())
    );
}

#[test]
fn a_copy_or_a_reflection_held_elsewhere_opens_no_page() {
    let mut app = completed_app();
    app.make_read_only("Read only: open in another rebound.".into());
    assert_eq!(app.update(Action::OpenWriting), Effect::TakeOver);
    assert_eq!(app.screen(), Screen::Reading);

    let mut app = completed_app();
    app.make_copy_read_only("id.sync-conflict.toml".into(), "A copy".into());
    let before = app.revision();
    assert_eq!(
        press(&mut app, KeyCode::Char('w'), KeyModifiers::NONE),
        Effect::None
    );
    assert_eq!(app.screen(), Screen::Reading);
    assert_eq!(app.revision(), before);
    assert!(said(&app).is_some_and(|m| m.contains("never into a copy")));
}

#[test]
fn help_on_a_stage_offers_the_page() {
    let app = app_with_open_reflection();
    let offered = crate::tui::keys::bindings_for(&app.contexts())
        .iter()
        .any(|b| b.action == Action::OpenWriting && b.label == "Ctrl-O");
    assert!(offered);
}
