//! Keys in text: readline meanings, `?` for help, the due date editor, the search line.

use super::*;
use crate::stage::FullStages;

/// Found by a new user (issue 10): Ctrl-D, a date, Enter on an existing
/// step inserted an empty step. Enter (or Esc) confirms the date and goes
/// back to that step; Esc does not leave the stage.
#[test]
fn confirming_a_due_date_returns_to_its_step_and_adds_none() {
    let mut app = app_with_open_reflection();
    while app.focused_field().is_none_or(|f| f.key != STEPS_FIELD) {
        app.update(Action::NextField);
    }
    type_keys(&mut app, "Ask Dana for feedback");
    press(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(app.focus(), Focus::DueDate);
    type_keys(&mut app, "friday");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.focus(), Focus::Field(FieldKind::Actions));
    let steps = steps_of(&app);
    assert_eq!(steps.len(), 1, "no empty step was added");
    assert_eq!(steps[0].due, "2026-12-04", "the date as it means today");
    // Esc in the date editor leaves the date editor, not the stage.
    press(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    type_keys(&mut app, "x");
    assert_eq!(
        press(&mut app, KeyCode::Esc, KeyModifiers::NONE),
        Effect::None
    );
    assert_eq!(app.focus(), Focus::Field(FieldKind::Actions));
    assert_eq!(session(&app).cursor.stage, Stage::Goals);
    assert_eq!(
        steps_of(&app)[0].due,
        "2026-12-04x",
        "what was typed is kept"
    );
    // Enter on the step's text still makes a new step.
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(steps_of(&app).len(), 2);
}

/// Found by a new user (issue 10): Ctrl-U undid a character in the search
/// line. Every text field reads the editing keys as readline does.
#[test]
fn readline_keys_work_in_the_search_line_and_the_prompts() {
    let mut app = home_with(&["The reorg", "Lost the Acme Client"]);
    app.update(Action::StartSearch);
    app.set_corpus(Corpus::new([]));
    type_keys(&mut app, "acme client");
    press(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    let search_text = |app: &App| app.home.search.as_ref().map(|s| s.editor.lines().join(""));
    assert_eq!(search_text(&app).as_deref(), Some("acme "));
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(search_text(&app).as_deref(), Some(""));
    assert_eq!(app.home.visible, [0, 1]);
    // Ctrl-Z is undo here, not suspend.
    assert_eq!(
        press(&mut app, KeyCode::Char('z'), KeyModifiers::CONTROL),
        Effect::None
    );
    assert_eq!(search_text(&app).as_deref(), Some("acme "));
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);

    press(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    type_keys(&mut app, "The launch that slipped");
    press(&mut app, KeyCode::Char('b'), KeyModifiers::ALT);
    press(&mut app, KeyCode::Char('k'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('a'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('d'), KeyModifiers::ALT);
    let prompt = app.title_prompt().expect("the title prompt");
    assert_eq!(prompt.editor.lines().join(""), " launch that ");
}

/// `?` opens help wherever keys are commands, and is typed in text.
#[test]
fn a_question_mark_opens_help_except_where_it_is_typed() {
    let mut app = home_with(&["The reorg"]);
    press(&mut app, KeyCode::Char('?'), KeyModifiers::NONE);
    assert_eq!(app.focus(), Focus::Help);
    press(&mut app, KeyCode::Char('?'), KeyModifiers::NONE);
    assert_eq!(app.focus(), Focus::Home);

    let mut app = app_with_open_reflection();
    type_keys(&mut app, "why?");
    assert_eq!(app.focus(), Focus::Field(FieldKind::Text));
    assert_eq!(
        session(&app)
            .reflection
            .text(Stage::Perspective, "expected"),
        "why?"
    );
    while app
        .focused_field()
        .is_none_or(|f| f.kind != FieldKind::Checklist)
    {
        app.update(Action::NextField);
    }
    press(&mut app, KeyCode::Char('?'), KeyModifiers::NONE);
    assert_eq!(app.focus(), Focus::Help);
}

/// Esc in the search line, with words or without, shows the whole list again
/// and leaves the line; Ctrl-U only empties it.
#[test]
fn esc_in_the_search_line_clears_it_and_closes_it_words_or_not() {
    let mut app = home_with(&["The reorg", "Demo day"]);
    for words in ["demo", ""] {
        app.update(Action::StartSearch);
        type_text(&mut app, words);
        press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(app.focus(), Focus::Search, "Ctrl-U keeps the line open");
        type_text(&mut app, words);
        press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(app.focus(), Focus::Home, "after {words:?}");
        assert!(app.home.search.is_none());
        assert_eq!(app.home.visible, [0, 1]);
    }
}
