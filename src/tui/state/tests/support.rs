//! The calm support line: when a weight calls for it, and that it is never kept.

use super::*;

#[test]
fn a_crushing_weight_gets_one_calm_line_about_support_and_nothing_is_kept() {
    let mut app = app_with_open_reflection();
    focus_on(&mut app, "weight_today");
    app.update(Action::Rate(4));
    assert_eq!(said(&app), None, "a 4 at the start is not remarked on");
    app.update(Action::Rate(5));
    let line = said(&app).expect("the support line");
    assert!(line.contains("counsellor"), "{line}");
    assert_eq!(
        session(&app).message.as_ref().map(|m| &m.tone),
        Some(&Tone::Calm)
    );
    // Moving on lets it go; coming back does not say it again.
    app.update(Action::NextField);
    app.update(Action::PrevField);
    assert_eq!(said(&app), None);
    app.update(Action::Rate(5));
    assert_eq!(said(&app), None, "the same rating again is not a new one");
    let file = session(&app)
        .reflection
        .to_toml_string(app.guide)
        .expect("saves");
    assert!(!file.contains("counsellor"), "{file}");
}

#[test]
fn a_plan_weight_no_lighter_than_at_the_start_gets_the_support_line() {
    let mut app = app_with_open_reflection();
    focus_on(&mut app, "weight_today");
    app.update(Action::Rate(3));
    focus_on(&mut app, "weight_now");
    app.update(Action::Rate(2));
    assert_eq!(said(&app), None);
    app.update(Action::Rate(4));
    assert!(said(&app).is_some_and(|l| l.contains("a friend, a doctor or a counsellor")));
    // Lowered again, the line goes with the number that called for it.
    app.update(Action::Rate(2));
    assert_eq!(said(&app), None);
}
