//! The app's rules as stories: keys in, state and effects out.

use super::*;
use crate::export::Format;
use crate::guide::FieldKind;
use crate::reflection::Status;
use crate::reflection::tests::sample_reflection;
use crate::stage::FullStages;
use crate::stage::{STEPS_FIELD, Stage};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use time::macros::date;

fn app_with_open_reflection() -> App {
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    app.open_reflection(sample_reflection());
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn session(app: &App) -> &Session {
    app.session.as_ref().expect("a reflection is open")
}

#[test]
fn typing_reaches_the_reflection_and_bumps_the_revision() {
    let mut app = app_with_open_reflection();
    let before = session(&app).revision;
    type_text(&mut app, "It was meant to ship in May");
    let s = session(&app);
    assert!(s.revision > before);
    assert_eq!(
        s.reflection.text(Stage::Perspective, "expected"),
        "It was meant to ship in May"
    );
}

#[test]
fn moving_records_the_position_for_resume() {
    let mut app = app_with_open_reflection();
    app.update(Action::NextField);
    app.update(Action::NextField);
    let s = session(&app);
    assert_eq!(s.reflection.position.stage, "perspective");
    assert_eq!(s.reflection.position.field, "weight_today");
    app.update(Action::NextStage);
    assert_eq!(session(&app).reflection.position.stage, "deconstruct");
}

/// Found in the second new-user walk: tabbing through an unfinished
/// reflection stamped it "last edited" now and moved it up the list. The
/// place is saved for resuming; only a change is an edit.
#[test]
fn moving_is_saved_for_resume_but_only_a_change_is_an_edit() {
    let mut app = app_with_open_reflection();
    let before = session(&app).reflection.updated;
    let revision = app.revision();
    app.set_now(before + time::Duration::hours(2));
    app.update(Action::NextField);
    app.update(Action::NextField);
    assert!(app.revision() > revision, "the place is saved");
    app.stamp_updated();
    assert_eq!(session(&app).reflection.updated, before, "not an edit");

    app.update(Action::Rate(3));
    app.stamp_updated();
    assert_eq!(
        session(&app).reflection.updated,
        before + time::Duration::hours(2)
    );
}

#[test]
fn nothing_blocks_moving_forward_through_empty_stages() {
    let mut app = app_with_open_reflection();
    for _ in 0..100 {
        app.update(Action::NextField);
    }
    assert_eq!(session(&app).cursor.stage, Stage::PLAN);
    assert_eq!(app.contexts()[0], Context::Plan);
}

#[test]
fn marking_complete_says_what_is_missing_then_succeeds() {
    let mut app = app_with_open_reflection();
    app.update(Action::NextStage);
    app.update(Action::NextStage);
    app.update(Action::NextStage);
    type_text(&mut app, "Lead a launch end to end");
    for _ in 0..10 {
        app.update(Action::NextStage);
    }
    if let Some(s) = app.session.as_mut() {
        s.reflection.title.clear();
    }
    app.update(Action::MarkComplete);
    let message = session(&app).message.clone().expect("a message");
    assert_eq!(message.tone, Tone::Warning);
    assert!(message.text.contains("a title"), "{}", message.text);
    assert!(!message.text.contains("goal"), "{}", message.text);

    app.update(Action::EditTitle);
    type_text(&mut app, "The launch that slipped");
    app.update(Action::ConfirmTitle);
    app.update(Action::MarkComplete);
    assert_eq!(session(&app).reflection.status, Status::Completed);
}

#[test]
fn ratings_and_checklists_change_with_their_keys() {
    let mut app = app_with_open_reflection();
    app.update(Action::PrevStage);
    for _ in 0..2 {
        app.update(Action::NextField);
    }
    assert_eq!(
        app.focused_field().map(|f| f.key.as_str()),
        Some("weight_today")
    );
    app.update(Action::Rate(4));
    app.update(Action::RateUp);
    assert_eq!(
        session(&app)
            .reflection
            .rating(Stage::Perspective, "weight_today"),
        Some(5)
    );
    app.update(Action::NextStage);
    app.update(Action::ChoiceDown);
    app.update(Action::ToggleChoice);
    assert_eq!(
        session(&app).reflection.list(Stage::Deconstruct, "causes"),
        ["decision"]
    );
}

#[test]
fn escape_leaves_the_reflection_for_home() {
    let mut app = app_with_open_reflection();
    assert_eq!(app.update(Action::BackHome), Effect::CloseReflection);
}

#[test]
fn a_new_title_is_asked_for_and_created() {
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    app.update(Action::NewReflection);
    assert_eq!(app.focus(), Focus::GuideChooser);
    app.update(Action::ChooseGuide);
    assert_eq!(app.focus(), Focus::TitlePrompt);
    type_text(&mut app, "Laid off");
    assert_eq!(
        app.update(Action::ConfirmTitle),
        Effect::Create(NewReflection {
            title: "Laid off".into(),
            guide: "full".into()
        })
    );
}

#[test]
fn looking_around_a_completed_reflection_keeps_it_completed_and_editing_says_so() {
    let mut app = app_with_open_reflection();
    if let Some(s) = app.session.as_mut() {
        s.reflection.status = Status::Completed;
    }
    for _ in 0..3 {
        app.update(Action::NextStage);
    }
    app.update(Action::NextField);
    let before = session(&app).revision;
    app.update(Action::SwitchStepColumn);
    app.update(Action::StepDown);
    app.update(Action::ClearRating);
    assert_eq!(session(&app).revision, before, "no change, no save");
    assert_eq!(session(&app).reflection.status, Status::Completed);

    type_text(&mut app, "Book the course");
    assert_eq!(session(&app).reflection.status, Status::InProgress);
    let message = session(&app).message.clone().expect("the person is told");
    assert!(
        message.text.contains("in progress again"),
        "{}",
        message.text
    );
}

#[test]
fn keys_wait_while_the_window_is_too_small_but_ctrl_c_still_quits() {
    let mut app = app_with_open_reflection();
    app.too_small = true;
    type_text(&mut app, "typed blind");
    app.update(Action::NextField);
    assert_eq!(
        session(&app)
            .reflection
            .text(Stage::Perspective, "expected"),
        ""
    );
    assert_eq!(session(&app).cursor.field, 0);
    assert_eq!(app.update(Action::Quit), Effect::Quit);
}

#[test]
fn a_date_phrase_is_stored_as_its_date_even_if_the_person_quits_in_the_field() {
    let mut app = app_with_open_reflection();
    for _ in 0..6 {
        app.update(Action::NextStage);
    }
    for _ in 0..6 {
        app.update(Action::NextField);
    }
    assert_eq!(
        app.focused_field().map(|f| f.key.as_str()),
        Some("first_step_date")
    );
    type_text(&mut app, "+2w");
    assert_eq!(app.update(Action::Quit), Effect::Quit);
    assert_eq!(
        session(&app)
            .reflection
            .text(Stage::Risk, "first_step_date"),
        "2026-12-13"
    );
}

#[test]
fn ticks_are_kept_in_the_order_of_the_options() {
    let mut app = app_with_open_reflection();
    app.update(Action::NextStage);
    app.update(Action::ChoiceDown);
    app.update(Action::ChoiceDown);
    app.update(Action::ToggleChoice);
    app.update(Action::ChoiceUp);
    app.update(Action::ChoiceUp);
    app.update(Action::ToggleChoice);
    assert_eq!(
        session(&app).reflection.list(Stage::Deconstruct, "causes"),
        ["skills", "external"]
    );
}

fn completed_app() -> App {
    use crate::reflection::ActionItem;
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    let mut r = sample_reflection();
    let step = |text: &str, due: &str, done| ActionItem {
        text: text.into(),
        due: due.into(),
        done,
        ..Default::default()
    };
    r.set_actions(
        Stage::Goals,
        STEPS_FIELD,
        vec![
            step("Interview five clinic managers", "2026-12-13", false),
            step("Take the pricing course", "2026-12-01", true),
            step("Write a checklist", "", false),
        ],
    );
    for i in 0..40 {
        r.set_list(
            Stage::Network,
            "communities",
            (0..=i).map(|n| format!("Community {n}")).collect(),
        );
    }
    r.status = Status::Completed;
    r.position.stage = "plan".into();
    app.open_reflection(r);
    app
}

#[test]
fn a_completed_reflection_opens_to_read_with_its_first_open_step_selected() {
    let app = completed_app();
    assert_eq!(app.screen(), Screen::Reading);
    // In date order the done course comes first; the interview is the
    // first step still open.
    assert_eq!(session(&app).reading.selected_step, Some(0));
    assert_eq!(app.contexts()[0], Context::Detail);
}

#[test]
fn ticking_a_step_while_reading_saves_it_and_keeps_the_reflection_complete() {
    let mut app = completed_app();
    let before = session(&app).revision;
    app.update(Action::TickStep);
    let s = session(&app);
    assert!(s.reflection.action_steps()[0].done);
    assert!(s.revision > before, "the loop will save it");
    assert_eq!(s.reflection.status, Status::Completed);
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.text.starts_with("Done:"))
    );
    app.update(Action::TickStep);
    assert!(!session(&app).reflection.action_steps()[0].done);
}

#[test]
fn tab_walks_the_steps_in_plan_order_and_wraps() {
    let mut app = completed_app();
    let mut seen = Vec::new();
    for _ in 0..4 {
        app.update(Action::NextStep);
        seen.push(session(&app).reading.selected_step);
    }
    assert_eq!(seen, [Some(2), Some(1), Some(0), Some(2)]);
    app.update(Action::PrevStep);
    assert_eq!(session(&app).reading.selected_step, Some(0));
}

#[test]
fn scrolling_the_detail_page_stops_at_its_end() {
    let mut app = completed_app();
    app.update(Action::ScrollBottom);
    let bottom = session(&app).reading.scroll;
    assert!(bottom > 0);
    for _ in 0..50 {
        app.update(Action::PageDown);
        app.update(Action::ScrollDown);
    }
    assert_eq!(session(&app).reading.scroll, bottom);
    app.update(Action::PageUp);
    assert!(session(&app).reading.scroll < bottom);
    app.update(Action::ScrollTop);
    assert_eq!(session(&app).reading.scroll, 0);
    // A step far down the page is scrolled into view when chosen.
    app.update(Action::ScrollBottom);
    app.update(Action::NextStep);
    let doc = app.reading_document().expect("a page");
    let line = doc
        .steps
        .iter()
        .find(|s| Some(s.index) == session(&app).reading.selected_step)
        .expect("selected")
        .line;
    assert!(line >= session(&app).reading.scroll);
}

#[test]
fn editing_from_the_detail_view_returns_to_it_and_only_a_change_reopens() {
    let mut app = completed_app();
    app.update(Action::EditReflection);
    assert_eq!(app.screen(), Screen::Walk);
    app.update(Action::PrevStage);
    app.update(Action::NextField);
    assert_eq!(session(&app).revision, 0, "looking around writes nothing");
    assert_eq!(app.update(Action::BackHome), Effect::None);
    assert_eq!(app.screen(), Screen::Reading);
    assert_eq!(session(&app).reflection.status, Status::Completed);

    app.update(Action::EditReflection);
    app.update(Action::PrevStage);
    type_text(&mut app, "A new thought");
    assert_eq!(session(&app).reflection.status, Status::InProgress);
    assert_eq!(app.update(Action::BackHome), Effect::CloseReflection);
}

#[test]
fn export_prompt_follows_the_format_and_asks_the_loop_to_write() {
    let mut app = completed_app();
    app.export_dir = "/data/exports".into();
    app.update(Action::StartExport);
    assert_eq!(app.contexts()[0], Context::ExportPrompt);
    app.update(Action::NextFormat);
    let effect = app.update(Action::ConfirmExport);
    assert_eq!(
        effect,
        Effect::Export {
            path: "/data/exports/2026-11-29-the-launch-that-slipped.json".into(),
            format: Format::Json,
            replace: false,
        }
    );
    app.update(Action::CancelExport);
    assert!(app.export_prompt().is_none());
}

/// Found by a new user: "Wrote Markdown to …" stayed under the delete question.
#[test]
fn a_prompt_clears_an_old_calm_line_but_not_a_save_warning() {
    let mut app = completed_app();
    app.apply(Outcome::Exported {
        format: Format::Markdown,
        path: "/data/exports/plan.md".into(),
    });
    app.update(Action::DeleteSelected);
    assert_eq!(app.contexts()[0], Context::Confirm);
    assert_eq!(app.message_for(session(&app)), None);

    // A save that is still failing is still said, under any prompt.
    app.update(Action::ConfirmNo);
    app.apply(Outcome::SaveFailed("No space left on device".into()));
    session_mut(&mut app).message = Some(Message::calm("Done: Call Dana"));
    app.update(Action::StartExport);
    assert!(app.export_prompt().is_some());
    let said = app.message_for(session(&app)).expect("the warning stays");
    assert_eq!(said.tone, Tone::Warning);
    assert!(said.text.contains("No space left"), "{said:?}");
    assert_eq!(session(&app).message, None, "the calm line went");
}

fn session_mut(app: &mut App) -> &mut Session {
    app.session.as_mut().expect("a reflection is open")
}

fn home_with(titles: &[&str]) -> App {
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    let reflections = titles
        .iter()
        .enumerate()
        .map(|(i, t)| Summary {
            id: format!("id-{i}"),
            title: (*t).into(),
            status: Status::Completed,
            created: app.now,
            updated: app.now,
            completed: None,
            stage: "plan".into(),
            guide: "full".into(),
            open_steps: 0,
            steps: Vec::new(),
            next_checkin: String::new(),
            weights: Vec::new(),
            checkins: 0,
            dropped: Vec::new(),
        })
        .collect();
    app.set_listing(Listing {
        reflections,
        ..Listing::default()
    });
    app
}

#[test]
fn search_narrows_as_you_type_opens_the_match_and_esc_clears() {
    let mut app = home_with(&["The reorg", "Lost the Acme Client", "Demo day"]);
    assert_eq!(app.update(Action::StartSearch), Effect::LoadSearch);
    app.set_corpus(Corpus::new([(
        "id-2".to_string(),
        "the client walked out".to_string(),
    )]));
    assert_eq!(app.contexts()[0], Context::HomeSearch);
    type_text(&mut app, "client");
    assert_eq!(
        app.home.visible,
        [1, 2],
        "capitals in a title do not matter"
    );
    assert_eq!(app.home.matched_in_answers, [false, true]);
    // While typing, letters are text, not commands.
    type_text(&mut app, " q");
    assert_eq!(app.home.visible, Vec::<usize>::new());
    app.update(Action::Edit(KeyEvent::new(
        KeyCode::Backspace,
        KeyModifiers::NONE,
    )));
    app.update(Action::SelectNext);
    assert_eq!(
        app.update(Action::OpenSelected),
        Effect::Open("id-2".into())
    );
    // Back on the list the filter stays until Esc.
    assert_eq!(app.contexts()[0], Context::Home);
    app.update(Action::ClearSearch);
    assert_eq!(app.home.visible, [0, 1, 2]);
    assert_eq!(app.selected_summary().map(|s| s.id.as_str()), Some("id-2"));
}

#[test]
fn delete_asks_first_and_only_yes_deletes() {
    let mut app = home_with(&["The reorg", "Demo day"]);
    app.update(Action::SelectNext);
    app.update(Action::DeleteSelected);
    assert_eq!(app.contexts()[0], Context::Confirm);
    assert_eq!(
        app.confirm_delete().map(|c| c.title.as_str()),
        Some("Demo day")
    );
    app.update(Action::ConfirmNo);
    assert!(app.confirm_delete().is_none());
    app.update(Action::DeleteSelected);
    assert_eq!(
        app.update(Action::ConfirmYes),
        Effect::Delete("id-1".into())
    );
    app.home.last_trashed = Some("id-1".into());
    assert_eq!(
        app.update(Action::UndoDelete),
        Effect::Restore("id-1".into())
    );
}

#[test]
fn an_edit_undone_leaves_a_completed_reflection_complete_with_its_date() {
    let mut app = completed_app();
    let when = time::macros::datetime!(2026-11-28 18:00 UTC);
    if let Some(s) = app.session.as_mut() {
        s.reflection.completed = Some(when);
        s.as_completed = Some(s.reflection.clone());
    }
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
    let s = session(&app);
    assert_eq!(s.reflection.status, Status::Completed);
    assert_eq!(s.reflection.completed, Some(when));
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.text.contains("complete again"))
    );
}

#[test]
fn a_rating_off_the_scale_gets_a_message_at_the_field() {
    let mut app = app_with_open_reflection();
    for _ in 0..2 {
        app.update(Action::NextField);
    }
    assert_eq!(app.focused_field().map(|f| f.kind), Some(FieldKind::Rating));
    type_text(&mut app, "7");
    let s = session(&app);
    assert_eq!(
        s.reflection.rating(Stage::Perspective, "weight_today"),
        None
    );
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.text.contains("1 to 5"))
    );
}

fn focus_on(app: &mut App, key: &str) {
    for _ in 0..60 {
        if app.focused_field().is_some_and(|f| f.key == key) {
            return;
        }
        app.update(Action::NextField);
    }
    panic!("no field {key}");
}

fn said(app: &App) -> Option<String> {
    session(app).message.as_ref().map(|m| m.text.clone())
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) -> Effect {
    app.typed(Typed::Key(KeyEvent::new(code, mods)))
}

fn type_keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn steps_of(app: &App) -> Vec<crate::reflection::ActionItem> {
    let s = session(app);
    match &s.focus {
        crate::tui::field::FieldFocus::Steps(steps) => steps.rows.clone(),
        _ => panic!("the steps field has focus"),
    }
}

mod agenda;
mod checkin;
mod chooser;
mod copies;
mod deeper;
mod look_again;
mod stories;
mod support;
mod typing;
mod writing;
