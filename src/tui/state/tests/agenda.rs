//! The agenda screen: every open step, ticked by id through an effect, and
//! Enter opening the reflection at that step.

use super::*;
use crate::reflection::ActionItem;
use crate::stage::FullStages;

fn with_steps(id: &str, status: Status, steps: &[(&str, &str)]) -> Reflection {
    let mut r = Reflection::new(
        id.into(),
        format!("About {id}"),
        sample_reflection().created,
    );
    let items = steps
        .iter()
        .map(|&(text, due)| ActionItem {
            text: text.into(),
            due: due.into(),
            ..ActionItem::default()
        })
        .collect();
    r.set_action_steps(items);
    r.status = status;
    r
}

fn reflections() -> Vec<Reflection> {
    vec![
        with_steps(
            "2026-11-20-launch",
            Status::Completed,
            &[
                ("Call Dana", "2026-11-25"),
                ("Write the retro", "2026-12-04"),
            ],
        ),
        with_steps(
            "2026-11-22-review",
            Status::InProgress,
            &[("Ask for feedback", "2026-12-01"), ("Update the CV", "")],
        ),
    ]
}

fn app_with(reflections: &[Reflection]) -> App {
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    app.set_listing(listing_of(reflections));
    app
}

fn listing_of(reflections: &[Reflection]) -> Listing {
    Listing {
        reflections: reflections.iter().map(Summary::of).collect(),
        ..Listing::default()
    }
}

fn agenda_texts(app: &App) -> Vec<String> {
    let agenda = app.agenda.as_ref().expect("the agenda is open");
    agenda.steps.iter().map(|s| s.text.clone()).collect()
}

#[test]
fn a_opens_the_agenda_overdue_first_and_esc_goes_home() {
    let mut app = app_with(&reflections());
    assert!(app.offers(When::OpenSteps));
    app.update(Action::OpenAgenda);
    assert_eq!(app.screen(), Screen::Agenda);
    assert_eq!(
        agenda_texts(&app),
        [
            "Call Dana",
            "Ask for feedback",
            "Write the retro",
            "Update the CV"
        ]
    );
    app.update(Action::ScrollBottom);
    assert_eq!(app.agenda.as_ref().map(|a| a.selected), Some(3));
    app.update(Action::SelectNext);
    assert_eq!(app.agenda.as_ref().map(|a| a.selected), Some(3));
    app.update(Action::PageUp);
    assert_eq!(app.agenda.as_ref().map(|a| a.selected), Some(0));
    app.update(Action::BackHome);
    assert_eq!(app.screen(), Screen::Home);
}

#[test]
fn space_asks_to_tick_by_id_and_the_ticked_step_stays_listed_as_done() {
    let mut rs = reflections();
    let mut app = app_with(&rs);
    app.update(Action::OpenAgenda);
    let id = rs[0].steps()[0].id.clone();
    assert_eq!(
        app.update(Action::TickStep),
        Effect::TickStep {
            reflection: "2026-11-20-launch".into(),
            step: id.clone(),
        }
    );
    // What the effect does on disk, then what comes back.
    crate::lifecycle::tick_step_id(&mut rs[0], &id, app.clock.today);
    app.apply(Outcome::Ticked {
        reflection: "2026-11-20-launch".into(),
        step: id,
        what: "Call Dana".into(),
        done: true,
    });
    app.apply(Outcome::Listed {
        listing: Ok(listing_of(&rs)),
        select: None,
    });
    let agenda = app.agenda.as_ref().expect("still open");
    assert_eq!(agenda.steps[0].text, "Call Dana");
    assert!(agenda.steps[0].done && !agenda.steps[0].overdue);
    assert_eq!(agenda.selected, 0, "the ticked step keeps the cursor");
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.text == "Done: Call Dana")
    );
}

#[test]
fn a_reflection_open_elsewhere_is_not_ticked_and_says_so_calmly() {
    let mut app = app_with(&reflections());
    app.update(Action::OpenAgenda);
    app.apply(Outcome::TickRefused(Message::calm(
        "Not ticked: it is open in another rebound.",
    )));
    assert_eq!(app.notice.as_ref().map(|n| &n.tone), Some(&Tone::Calm));
    assert_eq!(agenda_texts(&app).len(), 4);
}

#[test]
fn enter_reads_a_completed_reflection_with_that_step_chosen() {
    let rs = reflections();
    let mut app = app_with(&rs);
    app.update(Action::OpenAgenda);
    app.update(Action::ScrollBottom);
    app.update(Action::SelectPrev);
    assert_eq!(
        app.update(Action::OpenSelected),
        Effect::Open("2026-11-20-launch".into())
    );
    app.apply(Outcome::Opened {
        reflection: rs[0].clone(),
        access: Access::Writable,
    });
    let s = session(&app);
    assert_eq!(s.view, View::Reading);
    assert_eq!(s.reading.selected_step, Some(1), "Write the retro");
}

#[test]
fn enter_walks_an_unfinished_reflection_to_that_steps_row() {
    let rs = reflections();
    let mut app = app_with(&rs);
    app.update(Action::OpenAgenda);
    app.update(Action::ScrollBottom);
    assert_eq!(
        app.update(Action::OpenSelected),
        Effect::Open("2026-11-22-review".into())
    );
    app.apply(Outcome::Opened {
        reflection: rs[1].clone(),
        access: Access::Writable,
    });
    let s = session(&app);
    assert_eq!((s.view, s.cursor.stage), (View::Walk, Stage::Goals));
    assert_eq!(
        app.focused_field().map(|f| f.key.as_str()),
        Some(STEPS_FIELD)
    );
    match &s.focus {
        crate::tui::field::FieldFocus::Steps(steps) => assert_eq!(steps.row, 1, "Update the CV"),
        _ => panic!("the steps field has the keys"),
    }
    assert_eq!(s.reflection.position.field, STEPS_FIELD);
}

#[test]
fn no_open_steps_means_no_agenda_key_in_the_footer_and_a_calm_empty_agenda() {
    let mut app = app_with(&[with_steps("2026-11-20-a", Status::Completed, &[])]);
    assert!(!app.offers(When::OpenSteps));
    app.update(Action::OpenAgenda);
    assert!(agenda_texts(&app).is_empty());
    assert!(!app.offers(When::StepsListed));
    assert_eq!(app.update(Action::TickStep), Effect::None);
    assert_eq!(app.update(Action::OpenSelected), Effect::None);
}

#[test]
fn enter_on_the_first_brave_step_walks_to_risk() {
    use crate::reflection::{FIRST_STEP_DATE_FIELD, FIRST_STEP_FIELD};
    let mut r = with_steps("2026-11-22-review", Status::InProgress, &[]);
    r.set_text(
        Stage::Risk,
        FIRST_STEP_FIELD,
        "Ask for the stretch project".into(),
    );
    r.set_text(Stage::Risk, FIRST_STEP_DATE_FIELD, "2026-11-28".into());
    let mut app = app_with(std::slice::from_ref(&r));
    assert_eq!(app.home.listing.reflections[0].steps.len(), 1);
    app.update(Action::OpenAgenda);
    assert_eq!(app.update(Action::OpenSelected), Effect::Open(r.id.clone()));
    app.apply(Outcome::Opened {
        reflection: r,
        access: Access::Writable,
    });
    assert_eq!(session(&app).cursor.stage, Stage::Risk);
    assert_eq!(
        app.focused_field().map(|f| f.key.as_str()),
        Some(FIRST_STEP_FIELD)
    );
}
