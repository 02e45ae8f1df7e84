//! Going deeper: the ten-minute guide's plan carries on in the full guide,
//! the same reflection, every answer kept.

use super::*;
use crate::guides::Catalogue;
use crate::tui::keys::{action_for, bindings_for};
use time::macros::datetime;

fn ten_minute() -> &'static Guide {
    &Catalogue::get()
        .named("ten-minute")
        .expect("built in")
        .guide
}

/// A ten-minute reflection with its first two screens answered, open on its plan.
fn on_the_ten_minute_plan() -> App {
    let guide = ten_minute();
    let mut r = Reflection::in_guide(
        "2026-11-29-a-bad-monday".into(),
        "A bad Monday".into(),
        datetime!(2026-11-29 09:00 UTC),
        "ten-minute",
        guide,
    );
    let perspective = guide.stage_keyed("perspective").expect("stage");
    let reflect = guide.stage_keyed("reflect").expect("stage");
    r.set_text(perspective, "expected", "The figures to hold".into());
    r.set_text(perspective, "what_happened", "They did not".into());
    r.set_rating(perspective, "weight_today", Some(4));
    r.set_list(perspective, "support", vec!["Sam".into()]);
    r.set_list(reflect, "strengths", vec!["Owned it at once".into()]);
    r.set_text(reflect, "differently", "Check the join".into());
    let mut app = App::new(
        Guide::builtin().expect("guide"),
        date!(2026 - 11 - 29),
        UtcOffset::UTC,
    );
    app.open_reflection(r);
    for _ in 0..5 {
        app.update(Action::NextStage);
    }
    assert_eq!(session(&app).cursor.stage, Stage::PLAN);
    app
}

fn press_shift_d(app: &App) -> Action {
    action_for(
        &KeyEvent::new(KeyCode::Char('D'), KeyModifiers::SHIFT),
        &app.contexts(),
    )
}

#[test]
fn shift_d_on_the_ten_minute_plan_continues_in_the_full_guide_with_every_answer_kept() {
    let mut app = on_the_ten_minute_plan();
    assert_eq!(app.focus(), Focus::DeeperPlan);
    assert_eq!(press_shift_d(&app), Action::GoDeeper);
    let was = session(&app).reflection.clone();
    let before = session(&app).revision;
    assert_eq!(app.update(Action::GoDeeper), Effect::None);
    let s = session(&app);
    assert_eq!(s.reflection.guide, "full");
    assert!(s.reflection.same_answers(&was), "nothing added or dropped");
    assert!(s.revision > before, "saved soon, as any change");
    assert_eq!(s.guide.stage_count(), 7);
    // On at the full guide's first question not yet answered: Perspective's
    // `hardest`, after the two it shares with the ten-minute guide.
    assert_eq!(s.cursor.stage, Stage::Perspective);
    let field = s
        .guide
        .field(s.cursor.stage, s.cursor.field)
        .expect("a question");
    assert_eq!(field.key, "hardest");
    assert_eq!(
        s.reflection.position.field, "hardest",
        "resuming comes back here"
    );
    assert_eq!(
        s.message.as_ref().map(|m| m.text.as_str()),
        Some("Continuing in the full guide; every answer is where you left it.")
    );
    assert!(matches!(app.focus(), Focus::Field(_)));
}

#[test]
fn the_full_guide_has_nowhere_deeper_so_its_plan_neither_offers_nor_answers_shift_d() {
    let mut app = app_with_open_reflection();
    for _ in 0..10 {
        app.update(Action::NextStage);
    }
    assert_eq!(app.focus(), Focus::Plan);
    assert_ne!(press_shift_d(&app), Action::GoDeeper);
    let g = action_for(
        &KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE),
        &app.contexts(),
    );
    assert_eq!(g, Action::ScrollTop, "g is the top, as on every page");
    let offered = bindings_for(&app.contexts());
    assert!(!offered.iter().any(|b| b.action == Action::GoDeeper));
    let guide = session(&app).reflection.guide.clone();
    app.update(Action::GoDeeper);
    assert_eq!(session(&app).reflection.guide, guide);
}

#[test]
fn a_completed_ten_minute_reflection_stays_completed_when_it_goes_deeper() {
    let mut app = on_the_ten_minute_plan();
    if let Some(s) = app.session.as_mut() {
        s.reflection.status = Status::Completed;
        s.as_completed = Some(s.reflection.clone());
    }
    app.update(Action::GoDeeper);
    let s = session(&app);
    assert_eq!(s.reflection.guide, "full");
    assert_eq!(s.reflection.status, Status::Completed);
    assert_eq!(
        s.as_completed.as_ref().map(|r| r.guide.as_str()),
        Some("full"),
        "an edit undone later restores it in the full guide"
    );
}
