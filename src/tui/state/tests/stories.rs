//! The stories screen: `s` on home, the list, a story read, and back.

use super::*;

fn home() -> App {
    let guide = Guide::builtin().expect("guide");
    App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC)
}

fn press(app: &mut App, c: char) -> Effect {
    app.typed(Typed::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

#[test]
fn s_on_home_opens_the_stories_and_the_list_stops_at_its_ends() {
    let mut app = home();
    assert_eq!(press(&mut app, 's'), Effect::None);
    assert_eq!(app.screen(), Screen::Stories);
    assert_eq!(app.focus(), Focus::Stories);
    app.update(Action::SelectPrev);
    assert_eq!(app.stories_view.as_ref().map(|v| v.selected), Some(0));
    for _ in 0..10 {
        app.update(Action::SelectNext);
    }
    let last = app.stories().all.len() - 1;
    assert_eq!(app.stories_view.as_ref().map(|v| v.selected), Some(last));
}

#[test]
fn a_story_read_scrolls_no_further_than_its_end_and_esc_goes_back_a_level_at_a_time() {
    let mut app = home();
    app.resize((60, 18), false);
    app.update(Action::OpenStories);
    app.update(Action::OpenSelected);
    assert_eq!(app.focus(), Focus::Story);
    assert_eq!(app.story_read().map(|s| s.name.as_str()), Some("layoff"));
    app.update(Action::ScrollBottom);
    let end = app.stories_view.as_ref().map_or(0, |v| v.scroll);
    assert!(end > 0, "a long story scrolls on a small window");
    app.update(Action::ScrollDown);
    assert_eq!(app.stories_view.as_ref().map(|v| v.scroll), Some(end));
    app.update(Action::BackHome);
    assert_eq!(app.focus(), Focus::Stories);
    app.update(Action::BackHome);
    assert_eq!(app.screen(), Screen::Home);
}
