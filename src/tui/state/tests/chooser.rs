//! Starting a reflection: the guide first (the default offered, Enter takes
//! it), then the title, then the reflection in the guide chosen.

use super::*;
use crate::guides::{Catalogue, Origin};

fn home() -> App {
    let guide = Guide::builtin().expect("guide");
    App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC)
}

fn chooser(app: &App) -> &GuideChooser {
    app.guide_chooser().expect("the chooser is open")
}

fn chosen(app: &App) -> String {
    chooser(app)
        .chosen()
        .expect("a guide is selected")
        .name
        .clone()
}

fn purpose(app: &App) -> Option<TitlePurpose> {
    app.title_prompt().map(|p| p.purpose.clone())
}

#[test]
fn n_offers_every_guide_with_the_full_one_selected_so_enter_takes_it() {
    let mut app = home();
    app.update(Action::NewReflection);
    assert_eq!(app.focus(), Focus::GuideChooser);
    let names: Vec<&str> = chooser(&app)
        .choices
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, Catalogue::get().names());
    assert_eq!(chosen(&app), "full");
    let full = &chooser(&app).choices[0];
    assert_eq!(full.title, "The full guide");
    assert_eq!(full.length, "45–70 minutes");
    assert!(full.summary.is_some() && !full.yours);
    assert_eq!(app.update(Action::ChooseGuide), Effect::None);
    assert_eq!(purpose(&app), Some(TitlePurpose::New("full".into())));
}

#[test]
fn a_guide_chosen_further_down_is_the_one_the_reflection_follows() {
    let mut app = home();
    app.update(Action::NewReflection);
    // j and ↓ both move, as in every list here.
    for key in [KeyCode::Char('j'), KeyCode::Down] {
        app.typed(Typed::Key(KeyEvent::new(key, KeyModifiers::NONE)));
    }
    assert_eq!(chosen(&app), "job-loss");
    app.typed(Typed::Key(KeyEvent::new(
        KeyCode::Char('k'),
        KeyModifiers::NONE,
    )));
    assert_eq!(chosen(&app), "ten-minute");
    app.update(Action::ChooseGuide);
    type_text(&mut app, "A bad Monday");
    assert_eq!(
        app.update(Action::ConfirmTitle),
        Effect::Create(NewReflection {
            title: "A bad Monday".into(),
            guide: "ten-minute".into()
        })
    );
}

#[test]
fn the_selection_stops_at_either_end_of_the_list() {
    let mut app = home();
    app.update(Action::NewReflection);
    app.update(Action::SelectPrev);
    assert_eq!(chooser(&app).selected, 0);
    for _ in 0..20 {
        app.update(Action::SelectNext);
    }
    assert_eq!(chooser(&app).selected, chooser(&app).choices.len() - 1);
}

#[test]
fn esc_in_the_chooser_goes_back_home_with_nothing_started() {
    let mut app = home();
    app.update(Action::NewReflection);
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.typed(Typed::Key(esc)), Effect::None);
    assert!(app.modal.is_none());
    assert_eq!(app.focus(), Focus::Home);
}

#[test]
fn with_a_single_guide_there_is_nothing_to_choose_and_the_title_comes_first() {
    let mut app = home();
    let full = Catalogue::get().named("full").expect("full").clone();
    app.guides = Box::leak(Box::new(Catalogue {
        guides: vec![full],
        ..Catalogue::default()
    }));
    app.update(Action::NewReflection);
    assert_eq!(app.focus(), Focus::TitlePrompt);
    assert_eq!(purpose(&app), Some(TitlePurpose::New("full".into())));
}

#[test]
fn a_guide_of_ones_own_is_marked_yours_and_known_by_its_name_without_a_title() {
    let mut app = home();
    let mut mine = Catalogue::get()
        .named("ten-minute")
        .expect("built in")
        .clone();
    mine.name = "coach".into();
    mine.origin = Origin::Yours("coach.toml".into());
    let mut guide = mine.guide.as_ref().clone();
    guide.title = None;
    guide.summary = Some("  \u{1b}[31mred\u{1b}[0m and calm  ".into());
    mine.guide = std::borrow::Cow::Owned(guide);
    let mut catalogue = Catalogue::get().clone();
    catalogue.guides.push(mine);
    app.guides = Box::leak(Box::new(catalogue));
    app.update(Action::NewReflection);
    let coach = chooser(&app).choices.last().expect("listed last").clone();
    assert!(coach.yours);
    assert_eq!(coach.title, "coach");
    let summary = coach.summary.expect("a summary");
    assert!(!summary.contains('\u{1b}'), "{summary:?}");
    assert!(summary.ends_with("and calm"), "{summary:?}");
}

#[test]
fn the_chooser_keys_are_in_help_and_its_hint() {
    let listed: Vec<Action> = crate::tui::keys::bindings_for(&Focus::GuideChooser.contexts())
        .iter()
        .map(|b| b.action.clone())
        .collect();
    for action in [
        Action::SelectNext,
        Action::SelectPrev,
        Action::ChooseGuide,
        Action::CancelGuide,
        Action::Quit,
    ] {
        assert!(listed.contains(&action), "{action:?}");
    }
}
