//! Every screen drawn on a 100x32 test terminal with real content, compared
//! against reviewed snapshots in tests/snapshots/.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rebound::guide::Guide;
use rebound::reflection::Status;
use rebound::store::{BadFile, Listing, Summary};
use rebound::tui::keys::Action;
use rebound::tui::screens::draw;
use rebound::tui::state::App;
use rebound::wizard::Stage;
use time::UtcOffset;
use time::macros::{date, datetime};

fn app() -> App {
    let guide = Guide::builtin().expect("embedded guide is valid");
    App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC)
}

fn app_at(stage: Stage) -> App {
    let mut app = app();
    let mut reflection = common::filled_reflection();
    reflection.position.stage = stage.key().into();
    reflection.position.field = String::new();
    app.open_reflection(reflection);
    app
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| draw(frame, app)).expect("draw");
    terminal.backend().to_string()
}

#[test]
fn each_stage_screen_shows_its_questions_answers_and_guidance() {
    for stage in Stage::QUESTION_STAGES {
        let app = app_at(stage);
        let shot = screen(&app, 100, 32);
        let title = &app.guide.stage(stage).title;
        assert!(shot.contains(title.as_str()), "{title} missing");
        insta::assert_snapshot!(format!("stage_{}_{}", stage.index() + 1, stage.key()), shot);
    }
}

#[test]
fn focus_deep_in_a_stage_scrolls_the_form_and_keeps_the_field_visible() {
    let mut app = app_at(Stage::Risk);
    for _ in 0..6 {
        app.update(Action::NextField);
    }
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("▶ "), "a focused label is on screen");
    insta::assert_snapshot!("stage_7_risk_last_field", shot);
}

#[test]
fn the_growth_plan_compiles_every_stage() {
    let app = app_at(Stage::Plan);
    let shot = screen(&app, 100, 32);
    for expected in [
        "Interview five clinic managers",
        "Lead a launch that lands",
        "Propose a small paid pilot",
    ] {
        assert!(shot.contains(expected), "{expected} missing from the plan");
    }
    insta::assert_snapshot!("growth_plan", shot);
}

fn summary(id: &str, title: &str, status: Status, stage: &str) -> Summary {
    Summary {
        id: id.into(),
        title: title.into(),
        status,
        updated: datetime!(2026-11-28 18:05 UTC),
        completed: (status == Status::Completed).then_some(datetime!(2026-10-02 12:00 UTC)),
        stage: stage.into(),
        open_steps: if status == Status::Completed { 0 } else { 2 },
    }
}

#[test]
fn home_lists_unfinished_first_with_the_stage_reached() {
    let mut app = app();
    app.set_listing(Listing {
        reflections: vec![
            summary(
                "2026-11-20-the-launch-that-slipped",
                "The launch that slipped",
                Status::InProgress,
                "reflect",
            ),
            summary(
                "2026-11-02-laid-off",
                "Laid off in the reorganisation",
                Status::InProgress,
                "plan",
            ),
            summary(
                "2026-09-14-missed-the-promotion",
                "Missed the promotion",
                Status::Completed,
                "plan",
            ),
        ],
        bad_files: vec![BadFile {
            path: "/data/reflections/2026-01-01-old.toml".into(),
            reason: "not valid TOML: expected `=`".into(),
        }],
    });
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("stage 3 of 7, Reflect"));
    insta::assert_snapshot!("home", shot);
}

#[test]
fn home_welcomes_a_first_time_user() {
    insta::assert_snapshot!("home_empty", screen(&app(), 100, 32));
}

#[test]
fn new_asks_for_a_title_first() {
    let mut app = app();
    app.update(Action::NewReflection);
    insta::assert_snapshot!("title_prompt", screen(&app, 100, 32));
}

#[test]
fn help_lists_every_key_of_the_screen_underneath() {
    let mut app = app_at(Stage::Goals);
    app.update(Action::NextField);
    app.update(Action::ToggleHelp);
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("Ctrl-T"), "the steps keys are listed");
    assert!(shot.contains("findahelpline.com"), "{shot}");
    insta::assert_snapshot!("help_on_steps", shot);
}

/// The crisis pointer is the one line of help a short window must not cut.
#[test]
fn help_in_the_shortest_window_still_points_to_a_crisis_line() {
    let mut app = app_at(Stage::Goals);
    app.update(Action::NextField);
    app.update(Action::ToggleHelp);
    let shot = screen(&app, 60, 18);
    assert!(shot.contains("harming yourself"), "{shot}");
    assert!(shot.contains("findahelpline.com"), "{shot}");
    assert!(shot.contains("A taller window shows every key."), "{shot}");
}

/// A weight of 5 gets one calm line in the message area, nothing more.
#[test]
fn a_crushing_weight_gets_one_calm_line_about_support() {
    let mut app = app_at(Stage::Perspective);
    while app.focused_field().is_some_and(|f| f.key != "weight_today") {
        app.update(Action::NextField);
    }
    app.update(Action::Rate(5));
    let shot = screen(&app, 100, 32);
    assert!(
        shot.contains("a friend, a doctor or a counsellor"),
        "{shot}"
    );
    insta::assert_snapshot!("stage_1_weight_of_five", shot);
    // Whole in any window rebound runs in, not cut after "a doctor".
    for (width, height) in [(80, 24), (60, 18)] {
        let shot = screen(&app, width, height);
        assert!(shot.contains("counsellor."), "{width}x{height}:\n{shot}");
    }
}

#[test]
fn a_tiny_terminal_gets_a_message_instead_of_a_garbled_screen() {
    let app = app_at(Stage::Reflect);
    let shot = screen(&app, 40, 10);
    assert!(shot.contains("larger"), "{shot}");
}

#[test]
fn a_narrow_terminal_puts_the_hint_below_the_form() {
    let app = app_at(Stage::Perspective);
    insta::assert_snapshot!("stage_1_narrow", screen(&app, 64, 24));
}

fn completed_app() -> App {
    let mut app = app();
    let mut r = common::filled_reflection();
    r.status = Status::Completed;
    r.completed = Some(datetime!(2026-11-28 18:00 UTC));
    app.export_dir = "/home/sam/.local/share/rebound/exports".into();
    app.open_reflection(r);
    app
}

fn type_text(app: &mut App, text: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        app.update(Action::Edit(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

/// Twenty past reflections, one of them about a lost client.
fn twenty_reflections() -> App {
    let mut app = app();
    let titles = [
        "Missed the promotion",
        "The reorg",
        "Quarterly review went badly",
        "Conference talk rejected",
        "Laid off in March",
        "The launch that slipped",
        "Hiring freeze",
        "Burned out on the migration",
        "Lost the budget fight",
        "Team lead role went elsewhere",
        "Pitch to the board",
        "Certification exam",
        "Side project stalled",
        "Mentor moved on",
        "Negotiation went wrong",
        "Demo day",
        "Performance plan",
        "Return from leave",
        "The account review",
        "Salary talk",
    ];
    let reflections = titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let status = if i < 3 {
                Status::InProgress
            } else {
                Status::Completed
            };
            summary(
                &format!("2026-{:02}-01-r{i}", 11 - i / 2),
                title,
                status,
                "goals",
            )
        })
        .collect();
    app.set_listing(Listing {
        reflections,
        bad_files: Vec::new(),
    });
    app.set_corpus(rebound::search::Corpus::new([(
        "2026-02-01-r18".to_string(),
        "Quarterly account review\nWe lost the client after the pilot stalled in spring"
            .to_string(),
    )]));
    app
}

#[test]
fn search_narrows_the_list_and_shows_why_a_row_matched() {
    let mut app = twenty_reflections();
    app.update(Action::StartSearch);
    type_text(&mut app, "the client we lost");
    assert_eq!(
        app.home.visible.len(),
        1,
        "only one reflection has every word"
    );
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("The account review"), "{shot}");
    assert!(shot.contains("We lost the client"), "{shot}");
    assert!(!shot.contains("Salary talk"), "{shot}");
    insta::assert_snapshot!("home_search", shot);
}

#[test]
fn a_search_that_matches_nothing_says_so() {
    let mut app = twenty_reflections();
    app.update(Action::StartSearch);
    type_text(&mut app, "zebra");
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("Nothing matches \"zebra\""), "{shot}");
}

#[test]
fn the_detail_view_shows_the_plan_then_every_stage() {
    let app = completed_app();
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("Completed 2026-11-28"), "{shot}");
    assert!(
        shot.contains("▶ [ ] 2026-12-13 Interview five clinic managers"),
        "{shot}"
    );
    insta::assert_snapshot!("detail", shot);

    let mut app = completed_app();
    app.update(Action::ScrollBottom);
    let end = screen(&app, 100, 32);
    assert!(end.contains("7 · Risk"), "{end}");
    assert!(end.contains("end ↑"), "{end}");
    insta::assert_snapshot!("detail_end", end);
}

#[test]
fn deleting_asks_first_and_names_the_reflection() {
    let mut app = completed_app();
    app.update(Action::DeleteSelected);
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("\"The launch that slipped\""), "{shot}");
    insta::assert_snapshot!("confirm_delete", shot);
}

#[test]
fn export_offers_a_path_and_a_format() {
    let mut app = completed_app();
    app.update(Action::StartExport);
    app.update(Action::NextFormat);
    let shot = screen(&app, 100, 32);
    assert!(
        shot.contains("exports/2026-11-20-the-launch-that-slipped.json"),
        "{shot}"
    );
    insta::assert_snapshot!("export_prompt", shot);
}

#[test]
fn a_narrow_home_keeps_titles_readable() {
    let app = twenty_reflections();
    let shot = screen(&app, 64, 24);
    assert!(shot.contains("Missed the promotion"), "{shot}");
    insta::assert_snapshot!("home_narrow", shot);
}

/// Found under faults (issue 9): at large counts the home row ran its columns
/// together (`13333 open stepsedited`).
#[test]
fn home_columns_stay_apart_at_large_counts() {
    let mut app = app();
    let mut many = summary(
        "2026-11-20-many",
        "Many steps",
        Status::InProgress,
        "deconstruct",
    );
    many.open_steps = 13_333;
    let mut some = summary("2026-11-19-some", "Some steps", Status::InProgress, "goals");
    some.open_steps = 999;
    app.set_listing(Listing {
        reflections: vec![many, some],
        ..Listing::default()
    });
    let shot = screen(&app, 100, 32);
    let row = |title: &str| {
        shot.lines()
            .find(|l| l.contains(title))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert!(row("Many steps").contains("13333 open "), "{shot}");
    assert!(row("Some steps").contains("999 open steps "), "{shot}");
    for line in [row("Many steps"), row("Some steps")] {
        assert!(
            !line.contains("stepsedited") && !line.contains("openedited"),
            "{line}"
        );
        assert!(line.contains(" edited 2026-11-28"), "{line}");
    }
}

/// After a conflict the stage stays on screen and a two-row notice says
/// what happened, where the typing goes now, and what to do, whole.
#[test]
fn a_conflict_notice_is_shown_whole_under_the_stage() {
    let mut app = app_at(Stage::Perspective);
    app.apply(rebound::tui::state::Outcome::Conflict {
        file: "/data/reflections/2026-11-20-the-launch-that-slipped.toml".into(),
        copy: "/data/conflicts/2026-11-20-the-launch-that-slipped-1795967750.toml".into(),
    });
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("▶ "), "the stage is still there:\n{shot}");
    assert!(
        shot.contains("This reflection changed outside rebound"),
        "{shot}"
    );
    assert!(
        shot.contains("conflicts/2026-11-20-the-launch-that-slipped-1795967750.toml"),
        "{shot}"
    );
    assert!(shot.contains("keep one."), "{shot}");
    insta::assert_snapshot!("stage_with_a_conflict_notice", shot);
}
