//! Every screen drawn on a 100x32 test terminal with real content, compared
//! against reviewed snapshots in tests/snapshots/.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rebound::guide::Guide;
use rebound::guides::Problem;
use rebound::reflection::Status;
use rebound::stage::FullStages;
use rebound::store::{BadFile, Listing, Stray, Summary, conflict_copy};
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
        insta::assert_snapshot!(
            format!(
                "stage_{}_{}",
                stage.question_index().unwrap_or(7) + 1,
                stage.key()
            ),
            shot
        );
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
    let app = app_at(Stage::PLAN);
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

/// The footer of a screen drawn `width` columns wide and 24 rows high.
fn footer(app: &App, width: u16) -> String {
    let shot = screen(app, width, 24);
    shot.lines().last().unwrap_or_default().to_string()
}

/// Found by a new user: `c mark complete` stayed after it was complete.
#[test]
fn the_plan_footer_offers_mark_complete_only_until_it_is_complete() {
    let mut app = app_at(Stage::PLAN);
    assert!(footer(&app, 80).contains("c mark complete"));
    app.update(Action::MarkComplete);
    let done = footer(&app, 80);
    assert!(!done.contains("mark complete"), "{done}");
    for key in ["1-5 how heavy now", "t edit title", "Esc back", "F1 help"] {
        assert!(done.contains(key), "{key} missing: {done}");
    }
}

/// Found by a new user: `d` on the reading page and `u` on home worked but
/// were never offered; Enter, search and delete were offered on an empty list.
#[test]
fn footers_offer_every_key_that_works_now_and_only_those() {
    let with_steps = footer(&completed_app(), 80);
    for key in [
        "Space tick",
        "Tab next step",
        "e edit",
        "x export",
        "d delete",
        "Esc home",
        "F1 help",
    ] {
        assert!(
            with_steps.contains(key),
            "{key} missing at 80 columns: {with_steps}"
        );
    }

    // Ctrl-G, which the guide pane names too, gives way before Esc does.
    let stage = footer(&app_at(Stage::Perspective), 80);
    assert!(stage.contains("Esc back"), "{stage}");

    let mut no_steps = common::filled_reflection();
    no_steps.set_actions(Stage::Goals, "steps", Vec::new());
    no_steps.set_text(Stage::Risk, "first_step", String::new());
    no_steps.set_text(Stage::Risk, "first_step_date", String::new());
    no_steps.status = Status::Completed;
    let mut reading = app();
    reading.open_reflection(no_steps);
    let nothing_to_tick = footer(&reading, 80);
    assert!(!nothing_to_tick.contains("Space"), "{nothing_to_tick}");
    assert!(!nothing_to_tick.contains("Tab"), "{nothing_to_tick}");

    let empty = footer(&app(), 80);
    assert!(empty.contains("n new reflection"), "{empty}");
    for key in ["Enter open", "/ search", "d delete", "u undo"] {
        assert!(
            !empty.contains(key),
            "{key} offered with nothing listed: {empty}"
        );
    }

    let mut home = twenty_reflections();
    let listed = footer(&home, 80);
    for key in [
        "n new reflection",
        "Enter open",
        "/ search",
        "d delete",
        "q quit",
    ] {
        assert!(listed.contains(key), "{key} missing: {listed}");
    }
    assert!(
        !listed.contains("u undo"),
        "nothing to bring back yet: {listed}"
    );
    home.home.last_trashed = Some("2026-11-20-the-launch-that-slipped.toml".into());
    let after_delete = footer(&home, 80);
    for key in ["d delete", "u undo", "q quit", "F1 help"] {
        assert!(after_delete.contains(key), "{key} missing: {after_delete}");
    }
}

fn summary(id: &str, title: &str, status: Status, stage: &str) -> Summary {
    Summary {
        id: id.into(),
        title: title.into(),
        status,
        created: datetime!(2026-09-20 18:05 UTC),
        updated: datetime!(2026-11-28 18:05 UTC),
        completed: (status == Status::Completed).then_some(datetime!(2026-10-02 12:00 UTC)),
        stage: stage.into(),
        guide: "full".into(),
        open_steps: if status == Status::Completed { 0 } else { 2 },
        steps: Vec::new(),
        next_checkin: String::new(),
        weights: Vec::new(),
        checkins: 0,
        dropped: Vec::new(),
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
        ..Listing::default()
    });
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("stage 3 of 7, Reflect"));
    insta::assert_snapshot!("home", shot);
}

/// An empty title is fine (there may be no words for it yet): the list says
/// so quietly, in a stand-in that does not look like the person's words.
#[test]
fn an_untitled_reflection_is_listed_as_untitled_and_dimmed() {
    let mut app = app();
    app.set_listing(Listing {
        reflections: vec![
            summary(
                "2026-11-29-untitled",
                "  ",
                Status::InProgress,
                "perspective",
            ),
            summary(
                "2026-11-28-demo-day",
                "Demo day",
                Status::InProgress,
                "goals",
            ),
        ],
        ..Listing::default()
    });
    let buf = buffer(&app, 100, 32);
    let dim = ratatui::style::Color::DarkGray;
    let untitled = cells_of(&buf, "Untitled reflection");
    assert!(untitled.iter().all(|c| c.fg == dim), "{untitled:?}");
    assert!(cells_of(&buf, "Demo day").iter().all(|c| c.fg != dim));
}

#[test]
fn home_welcomes_a_first_time_user() {
    insta::assert_snapshot!("home_empty", screen(&app(), 100, 32));
}

#[test]
fn home_says_a_data_dir_not_made_yet_is_made_with_the_first_reflection() {
    let mut app = app();
    app.set_listing(Listing {
        missing_dir: Some("/home/dana/notes/rebound-data".into()),
        ..Listing::default()
    });
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("No reflections yet."), "{shot}");
    assert!(
        shot.contains(
            "/home/dana/notes/rebound-data does not exist yet; your first reflection makes it."
        ),
        "{shot}"
    );
    insta::assert_snapshot!("home_missing_dir", shot);
}

#[test]
fn home_names_a_sync_conflict_copy_and_how_to_read_it() {
    let mut app = app();
    let name = "2026-11-20-the-launch-that-slipped.sync-conflict-20261129-101010-LAPTOP7.toml";
    let orphan = "2026-10-01-gone (Dana's conflicted copy 2026-11-29).toml";
    let mut copy = conflict_copy(name).expect("recognised");
    copy.title = Some("The launch that slipped".into());
    app.set_listing(Listing {
        reflections: vec![summary(
            "2026-11-20-the-launch-that-slipped",
            "The launch that slipped",
            Status::InProgress,
            "reflect",
        )],
        strays: vec![
            Stray {
                name: name.into(),
                path: format!("/data/reflections/{name}").into(),
                copy: Some(copy),
            },
            Stray {
                name: "todo.txt".into(),
                path: "/data/reflections/todo.txt".into(),
                copy: None,
            },
            Stray {
                name: orphan.into(),
                path: format!("/data/reflections/{orphan}").into(),
                copy: conflict_copy(orphan),
            },
        ],
        ..Listing::default()
    });
    let shot = screen(&app, 160, 32);
    assert!(
        shot.contains(&format!(
            "⚠ A conflict copy of \"The launch that slipped\" from LAPTOP7 (Syncthing): {name}"
        )),
        "{shot}"
    );
    assert!(
        shot.contains("⚠ Not a reflection, left as it is: todo.txt"),
        "{shot}"
    );
    assert!(
        shot.contains("Enter on a copy's row reads it; the README says how to keep one version."),
        "{shot}"
    );
    // The copy is a row of its own, dimmed under its reflection, to select
    // and open.
    app.update(Action::SelectNext);
    let shot = screen(&app, 100, 32);
    assert!(
        shot.contains(" ▶   ↳ conflict copy from LAPTOP7 (Syncthing), read only"),
        "{shot}"
    );
    assert!(
        shot.contains("   a conflict copy of 2026-10-01-gone from Dana (Dropbox), read only"),
        "a copy whose reflection is not listed is a row too: {shot}"
    );
    // At 100 columns a notice too long for the row ends with `…`.
    assert!(
        shot.lines()
            .any(|l| l.contains("(Syncthing): 2026-11-20-the-launch-tha…")),
        "{shot}"
    );
    insta::assert_snapshot!("home_with_a_conflict_copy_selected", shot);
}

/// Issue 10: a conflict copy opened from home says what it is at the top of
/// the page, where no other message can hide it, and the footer offers
/// only what works on a copy.
#[test]
fn a_conflict_copy_reads_as_the_copy_it_is() {
    let mut app = completed_app();
    let name = "2026-11-20-the-launch-that-slipped.sync-conflict-20261129-101010-LAPTOP7.toml";
    app.make_copy_read_only(
        name.into(),
        "A conflict copy of \"The launch that slipped\" from LAPTOP7 (Syncthing)".into(),
    );
    let shot = screen(&app, 100, 32);
    assert!(
        shot.contains("A conflict copy of \"The launch that slipped\" from LAPTOP7 (Syncthing)"),
        "{shot}"
    );
    assert!(shot.contains("read only"), "{shot}");
    assert!(
        shot.contains("rebound never changes a conflict copy"),
        "{shot}"
    );
    assert!(!shot.contains("tick step"), "{shot}");
    assert!(!shot.contains("▶ [ ]"), "no step chosen to tick: {shot}");
    insta::assert_snapshot!("detail_of_a_conflict_copy", shot);
    let narrow = screen(&app, 80, 24);
    assert!(
        narrow.contains("A conflict copy of \"The launch that slipped\" from LAPTOP7"),
        "{narrow}"
    );
}

#[test]
fn new_asks_for_a_title_first() {
    let mut app = app();
    app.update(Action::NewReflection);
    app.update(Action::ChooseGuide);
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
    assert!(shot.contains("more"), "a cue says keys are cut: {shot}");
}

/// Found by a new user (issue 10): on the steps field the help was cut
/// below "A taller window shows every key", with no way to see the rest.
#[test]
fn help_scrolls_to_its_last_key_at_80x24_and_at_60x18() {
    for (width, height) in [(80, 24), (60, 18)] {
        let mut app = app_at(Stage::Goals);
        app.update(Action::NextField);
        app.update(Action::ToggleHelp);
        app.resize((width, height), false);
        let first = screen(&app, width, height);
        assert!(first.contains("Enter        new step"), "{first}");
        assert!(first.contains("↓ "), "a cue says there is more: {first}");
        assert!(!first.contains("Ctrl-C       quit"), "{first}");
        assert!(first.contains("↑↓ PgDn scroll"), "{first}");
        for _ in 0..40 {
            app.update(Action::ScrollDown);
        }
        let last = screen(&app, width, height);
        assert!(last.contains("Ctrl-C       quit"), "the last key: {last}");
        assert!(
            last.contains("↑ "),
            "a cue says there is more above: {last}"
        );
        assert!(last.contains("findahelpline.com"), "{last}");
        assert!(last.contains("Esc or F1 closes this help."), "{last}");
        insta::assert_snapshot!(format!("help_on_steps_scrolled_{width}x{height}"), last);
        // Page by page from the top reaches the end too, and back.
        app.update(Action::ScrollTop);
        for _ in 0..3 {
            app.update(Action::PageDown);
        }
        assert_eq!(screen(&app, width, height), last);
        app.update(Action::PageUp);
        app.update(Action::PageUp);
        app.update(Action::PageUp);
        assert_eq!(screen(&app, width, height), first);
    }
}

/// `?` opens help where keys are commands, so there it closes it too.
#[test]
fn help_says_question_mark_closes_it_where_question_mark_opens_it() {
    let mut app = app_at(Stage::Deconstruct);
    app.update(Action::ToggleHelp);
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("Esc, F1 or ? closes this help."), "{shot}");
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

#[test]
fn the_writing_page_is_the_whole_window_with_the_stop_rule_and_a_word_count() {
    for (width, height) in [(100, 32), (60, 18)] {
        let mut app = completed_app();
        app.resize((width, height), false);
        app.update(Action::OpenWriting);
        let empty = screen(&app, width, height);
        assert!(empty.contains("Writing it out · private"), "{empty}");
        assert!(empty.contains("0 words"), "{empty}");
        type_text(&mut app, "Nobody said a word before the all-hands. ");
        type_text(
            &mut app,
            &"I keep going over it again and again. ".repeat(20),
        );
        let shot = screen(&app, width, height);
        assert!(shot.contains("167 words"), "{shot}");
        assert!(shot.contains("stop"), "the stop rule shows: {shot}");
        insta::assert_snapshot!(format!("writing_page_{width}x{height}"), shot);
    }
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
        ..Listing::default()
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
        shot.contains("▶ [ ] 2026-12-04 Email the three friendliest clinics"),
        "the first brave step is a step to tick: {shot}"
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

/// Found by a new user: after the window widened, the path stayed scrolled
/// as far as the narrow window had needed, half the field left empty.
#[test]
fn the_export_path_fills_a_field_that_grew_with_the_window() {
    let mut app = completed_app();
    app.update(Action::StartExport);
    let narrow = screen(&app, 60, 24);
    assert!(
        narrow.contains("…orts/2026-11-20-the-launch-that-slipped.md"),
        "{narrow}"
    );
    let wide = screen(&app, 100, 24);
    let to = wide
        .lines()
        .find(|l| l.contains(" To "))
        .unwrap_or_default();
    assert!(
        to.contains("…sam/.local/share/rebound/exports/2026-11-20-the-launch-that-slipped.md  │"),
        "{to}"
    );
    // The cursor is still after the last character, where typing goes.
    let buf = buffer(&app, 100, 24);
    let end = cells_of(&buf, "slipped.md ");
    let cursor = end.last().map(|c| c.modifier);
    assert!(
        cursor.is_some_and(|m| m.contains(ratatui::style::Modifier::REVERSED)),
        "{cursor:?}"
    );
}

/// Found in the second new-user walk: with the cursor at the start of a
/// long path (Ctrl-A), its end ran off the field with nothing to say so.
#[test]
fn a_path_cut_on_the_right_ends_with_an_ellipsis() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use rebound::tui::state::Typed;
    let mut app = completed_app();
    app.update(Action::StartExport);
    app.typed(Typed::Key(KeyEvent::new(
        KeyCode::Char('a'),
        KeyModifiers::CONTROL,
    )));
    let shot = screen(&app, 60, 24);
    let to = shot
        .lines()
        .find(|l| l.contains(" To "))
        .unwrap_or_default();
    assert!(to.contains("/home/"), "shown from its start: {to}");
    assert!(to.contains("… │") || to.contains("…│"), "{to}");
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

fn buffer(app: &App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| draw(frame, app)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The cells of the row showing `text`, from where it starts.
fn cells_of<'a>(buf: &'a ratatui::buffer::Buffer, text: &str) -> Vec<&'a ratatui::buffer::Cell> {
    let width = usize::from(buf.area.width);
    for row in buf.content.chunks(width) {
        let line: String = row.iter().map(|c| c.symbol()).collect();
        if let Some(at) = line.find(text) {
            let x = line[..at].chars().count();
            let len = text.chars().count();
            return row[x..x + len].iter().collect();
        }
    }
    panic!("{text:?} is not on screen");
}

fn plain(mut app: App) -> App {
    app.palette = rebound::tui::theme::Palette::Plain;
    app
}

fn no_colour_at_all(buf: &ratatui::buffer::Buffer) {
    use ratatui::style::Color;
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "a cell kept its colour under NO_COLOR"
    );
}

/// Issue 10: with NO_COLOR every colour change reset reverse video too, so
/// the selected row, the chosen rating and the checklist cursor vanished.
#[test]
fn with_no_color_the_selected_row_rating_and_checklist_cursor_stay_marked() {
    use ratatui::style::Modifier;
    let app = plain(twenty_reflections());
    let selected = app
        .selected_summary()
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let buf = buffer(&app, 100, 32);
    no_colour_at_all(&buf);
    assert!(
        cells_of(&buf, &selected)
            .iter()
            .all(|c| c.modifier.contains(Modifier::REVERSED)),
        "the selected row is in reverse video"
    );
    assert!(
        !cells_of(&buf, "Salary talk")
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED)),
        "other rows are not"
    );

    // Deconstruct opens on its checklist of causes, the cursor on the first.
    let app = plain(app_at(Stage::Deconstruct));
    let buf = buffer(&app, 100, 32);
    no_colour_at_all(&buf);
    let first = &app.guide.stage(Stage::Deconstruct).fields[0];
    let option = first.options[0].label.as_str();
    assert!(
        cells_of(&buf, option)
            .iter()
            .all(|c| c.modifier.contains(Modifier::REVERSED)),
        "the checklist cursor is in reverse video"
    );
    let label = cells_of(&buf, &first.label);
    assert!(
        label
            .iter()
            .all(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED)),
        "the focused question is bold and underlined"
    );

    // The chosen rating of the growth plan (filled with 2).
    let app = plain(app_at(Stage::PLAN));
    let buf = buffer(&app, 100, 32);
    no_colour_at_all(&buf);
    let rated = app
        .session
        .as_ref()
        .and_then(|s| s.reflection.rating(Stage::PLAN, "weight_now"))
        .expect("the plan's rating is filled in");
    let chosen = cells_of(&buf, &format!(" {rated}  "));
    assert!(
        chosen[..3]
            .iter()
            .all(|c| c.modifier.contains(Modifier::REVERSED))
    );
}

#[test]
fn with_no_color_a_warning_says_it_is_one() {
    let mut app = plain(app_at(Stage::Perspective));
    app.apply(rebound::tui::state::Outcome::SaveFailed("disk full".into()));
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("⚠ "), "{shot}");
}

/// Issue 10: forty presses of `j` scrolled the plan into a blank page, and
/// Home did nothing there.
#[test]
fn the_growth_plan_stops_at_its_end_and_home_goes_back_to_the_top() {
    let mut app = app_at(Stage::PLAN);
    app.size = (80, 24);
    let top = screen(&app, 80, 24);
    assert!(top.contains("top · more ↓"), "{top}");
    for _ in 0..40 {
        app.update(Action::ScrollDown);
    }
    let end = screen(&app, 80, 24);
    let intro = app.guide.stage(Stage::PLAN).intro.trim();
    let last_words: String = intro.split(' ').rev().take(2).collect::<Vec<_>>().join(" ");
    let last_words: String = last_words.split(' ').rev().collect::<Vec<_>>().join(" ");
    assert!(
        end.contains(&last_words),
        "the plan's end is on screen:\n{end}"
    );
    assert!(end.contains("end ↑"), "{end}");
    let at_end = app.session.as_ref().map(|s| s.plan_scroll);
    app.update(Action::ScrollUp);
    assert_eq!(
        app.session.as_ref().map(|s| s.plan_scroll + 1),
        at_end,
        "one key back is one row back, not forty"
    );
    app.update(Action::ScrollTop);
    assert!(screen(&app, 80, 24).contains("★ Growth plan"));
    app.update(Action::ScrollBottom);
    assert_eq!(app.session.as_ref().map(|s| s.plan_scroll), at_end);
    app.update(Action::ScrollTop);
    app.update(Action::PageUp);
    assert_eq!(
        app.session.as_ref().map(|s| s.cursor.stage),
        Some(Stage::Risk),
        "PgUp at the top goes back a stage, as elsewhere"
    );
}

/// Issue 10: a TUI error ended at "(os" at the window's edge.
#[test]
fn a_long_message_wraps_into_two_rows_and_what_does_not_fit_ends_with_an_ellipsis() {
    let mut app = app_at(Stage::Perspective);
    let said = "Could not write /home/sam/.local/share/rebound/exports/the-launch.md: \
                permission denied (os error 13)";
    if let Some(s) = app.session.as_mut() {
        s.message = Some(rebound::tui::state::Message::calm(said));
    }
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("(os error 13)"), "{shot}");
    let long = said.repeat(3);
    if let Some(s) = app.session.as_mut() {
        s.message = Some(rebound::tui::state::Message::warning(long));
    }
    let shot = screen(&app, 80, 24);
    let rows: Vec<&str> = shot.lines().collect();
    let second = rows[rows.len() - 2];
    assert!(second.trim_end_matches([' ', '"']).ends_with('…'), "{shot}");
    assert!(rows[rows.len() - 3].contains("⚠ Could not write"), "{shot}");
}

/// The screen's text in columns `from..`, as one run of words.
fn words_in(buf: &ratatui::buffer::Buffer, from: u16) -> String {
    let width = usize::from(buf.area.width);
    let text: Vec<String> = buf
        .content
        .chunks(width)
        .map(|row| {
            row[usize::from(from)..]
                .iter()
                .map(|c| c.symbol())
                .collect()
        })
        .collect();
    words(&text.join(" "))
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Issue 10: at 80x24 the intro and the worked example never appeared, and
/// at 100x24 intros were cut mid-sentence.
#[test]
fn entering_any_stage_shows_its_whole_intro_at_80x24_and_100x24() {
    for stage in Stage::QUESTION_STAGES {
        let mut app = app_at(stage);
        // Entering by moving, as a person does: from the stage before (the
        // first is entered by opening the reflection).
        if stage != Stage::Perspective {
            app.update(Action::PrevStage);
            app.update(Action::NextField);
            app.update(Action::NextStage);
        }
        let intro = words(&app.guide.stage(stage).intro);
        let narrow = words_in(&buffer(&app, 80, 24), 0);
        assert!(narrow.contains(&intro), "{stage:?} at 80x24:\n{narrow}");
        // Beside the form: the pane's columns only.
        let wide = words_in(&buffer(&app, 100, 24), 100 - 37);
        assert!(wide.contains(&intro), "{stage:?} at 100x24:\n{wide}");
    }
}

#[test]
fn every_hint_and_example_is_reachable_at_80x24_with_ctrl_g() {
    for stage in Stage::QUESTION_STAGES {
        let mut app = app_at(stage);
        app.resize((80, 24), false);
        let fields = &app.guide.stage(stage).fields;
        for field in fields {
            let mut seen = String::new();
            for _ in 0..3 {
                seen.push_str(&words_in(&buffer(&app, 80, 24), 0));
                app.update(Action::NextGuide);
            }
            // A list's example shows its items one a line, bulleted.
            let example = if field.example.contains(" / ") {
                format!("• {}", field.example.replace(" / ", " • "))
            } else {
                field.example.clone()
            };
            for text in [&field.hint, &example] {
                assert!(
                    seen.contains(&words(text)),
                    "{stage:?} {}: {text:?} never shown",
                    field.key
                );
            }
            app.update(Action::NextField);
        }
    }
}

#[test]
fn at_80x24_a_stage_opens_on_its_intro_and_ctrl_g_brings_the_example() {
    let mut app = app_at(Stage::Perspective);
    insta::assert_snapshot!("stage_1_entering_80x24", screen(&app, 80, 24));
    app.update(Action::NextField);
    app.update(Action::NextGuide);
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("For example"), "{shot}");
    insta::assert_snapshot!("stage_1_example_80x24", shot);
}

/// Issue 10: at 100 columns titles were cut at about 35 characters while 80
/// columns showed them whole.
#[test]
fn a_long_title_gets_the_room_at_every_width_and_a_cut_one_ends_with_an_ellipsis() {
    let long = "The quarterly review where the roadmap was cut";
    let mut app = app();
    app.set_listing(Listing {
        reflections: vec![
            summary("2026-11-20-a", long, Status::InProgress, "reflect"),
            summary("2026-11-19-b", "Short one", Status::Completed, "plan"),
        ],
        ..Listing::default()
    });
    for width in [80, 100, 120, 160] {
        let shot = screen(&app, width, 24);
        assert!(shot.contains(long), "{width} columns:\n{shot}");
    }
    let shot = screen(&app, 60, 18);
    assert!(shot.contains("The quarterly review where the"), "{shot}");
    assert!(shot.contains('…'), "a cut title says so:\n{shot}");
    // With short titles a wide window still shows every column.
    let shot = screen(&twenty_reflections(), 100, 32);
    assert!(shot.contains("edited 2026-11-28"), "{shot}");
    // Found in the second new-user walk: at 80 columns a title that fits
    // without the count of open steps was cut to keep it.
    let longer = "Laid off from Acme after eight years, the résumé gap";
    app.set_listing(Listing {
        reflections: vec![summary(
            "2026-11-20-a",
            longer,
            Status::InProgress,
            "reflect",
        )],
        ..Listing::default()
    });
    let shot = screen(&app, 80, 24);
    assert!(shot.contains(longer), "{shot}");
}

/// The rows of the answer under the question `label`, as drawn.
fn answer_rows(shot: &str, label: &str) -> Vec<String> {
    let mut rows: Vec<String> = shot
        .lines()
        .skip_while(|l| !l.contains(label))
        .skip(1)
        .take_while(|l| l.contains('│'))
        // At rest an answer shows three rows at most.
        .take(3)
        .map(|l| {
            let l = l.trim_matches('"');
            // The answer's bar, and the guide pane's border beside the form.
            let answer = l.split_once('│').map_or("", |(_, r)| r);
            answer
                .split('│')
                .next()
                .unwrap_or("")
                .trim_end()
                .to_string()
        })
        .collect();
    while rows.last().is_some_and(|r| r.trim().is_empty()) {
        rows.pop();
    }
    rows
}

/// Issue 10: the same answer wrapped one way with focus and another without,
/// and rows went on with a space.
#[test]
fn an_answer_wraps_the_same_with_and_without_focus() {
    let text = "The pilot (nine clinics, three months) stalled in spring, and I said \
                nothing until the review: too late to change course.";
    for width in [64, 80, 100] {
        let mut app = app_at(Stage::Perspective);
        if let Some(s) = app.session.as_mut() {
            s.reflection
                .set_text(Stage::Perspective, "what_happened", text.into());
        }
        let label = app.guide.stage(Stage::Perspective).fields[1].label.clone();
        let before = screen(&app, width, 40);
        let resting = answer_rows(&before, &label);
        app.update(Action::NextField);
        let focused = answer_rows(&screen(&app, width, 40), &label);
        assert!(
            resting.len() > 1,
            "it wraps at {width}: {resting:?}\n{before}"
        );
        assert_eq!(resting, focused, "at {width} columns");
        for row in &resting[1..] {
            let text = row.strip_prefix(' ').unwrap_or(row);
            assert!(!text.starts_with(' '), "a row starts with a space: {row:?}");
        }
    }
}

/// Issue 10: a focused list whose items wrap hid its first line.
#[test]
fn a_focused_list_whose_items_wrap_keeps_its_first_item_in_view() {
    let mut app = app_at(Stage::Deconstruct);
    let stage = app.guide.stage(Stage::Deconstruct);
    let index = stage
        .fields
        .iter()
        .position(|f| f.kind == rebound::guide::FieldKind::List)
        .expect("Deconstruct has a list");
    let key = stage.fields[index].key.clone();
    let label = stage.fields[index].label.clone();
    let long = "Six months of evenings spent on a launch plan that nobody read, ".repeat(2);
    if let Some(s) = app.session.as_mut() {
        s.reflection.set_list(
            Stage::Deconstruct,
            &key,
            vec![format!("First: {long}"), long.clone(), long],
        );
    }
    for _ in 0..index {
        app.update(Action::NextField);
    }
    let shot = screen(&app, 80, 32);
    let rows = answer_rows(&shot, &label);
    assert!(rows.first().is_some_and(|r| r.contains("First:")), "{shot}");
}

/// Issue 10: a one-line answer kept its sideways scroll after the text was
/// cut back, showing only its end.
#[test]
fn a_one_line_answer_cut_back_to_fit_is_shown_from_its_start() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (stage, index) = Stage::QUESTION_STAGES
        .into_iter()
        .find_map(|stage| {
            let fields = &app().guide.stage(stage).fields;
            fields
                .iter()
                .position(|f| f.kind == rebound::guide::FieldKind::Line)
                .map(|i| (stage, i))
        })
        .expect("the guide has a one-line question");
    let mut app = app_at(stage);
    for _ in 0..index {
        app.update(Action::NextField);
    }
    let key = app.guide.stage(stage).fields[index].key.clone();
    if let Some(s) = app.session.as_mut() {
        s.reflection.set_text(stage, &key, String::new());
    }
    // Focus again, so the editor starts from the emptied answer.
    app.update(Action::NextField);
    app.update(Action::PrevField);
    type_text(&mut app, "Start here, ");
    type_text(&mut app, &"then a long run of words ".repeat(5));
    let _ = screen(&app, 80, 32);
    for _ in 0..90 {
        app.update(Action::Edit(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    let shot = screen(&app, 80, 32);
    assert!(shot.contains("Start here, then"), "{shot}");
}

/// Found in the new-user walk: a due date that did not parse showed only a
/// `?` beside the step; what was wrong was said only back in the date editor.
#[test]
fn a_due_date_that_is_not_a_date_is_said_at_its_step() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use rebound::tui::state::Typed;
    let mut app = app_at(Stage::Goals);
    app.update(Action::NextField);
    let key = |code, mods| Typed::Key(KeyEvent::new(code, mods));
    app.typed(key(KeyCode::Char('d'), KeyModifiers::CONTROL));
    app.typed(key(KeyCode::Char('u'), KeyModifiers::CONTROL));
    for c in "someday soon".chars() {
        app.typed(key(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.typed(key(KeyCode::Enter, KeyModifiers::NONE));
    let shot = screen(&app, 100, 32);
    assert!(
        shot.contains("⚠ \"someday soon\" is not a date · Ctrl-D to change it"),
        "{shot}"
    );
}

/// Found in the new-user walk: the pane said "Ctrl-G for the intro" but the
/// next press brought the example, and the intro only came third. Whatever
/// the pane names first is what Ctrl-G brings to the front, at every size.
#[test]
fn ctrl_g_brings_what_the_pane_says_it_is_for() {
    for (width, height) in [(80, 24), (64, 24), (100, 32), (60, 18)] {
        for stage in Stage::ALL.into_iter().filter(|s| *s != Stage::PLAN) {
            let mut app = app();
            app.resize((width, height), false);
            let mut reflection = common::filled_reflection();
            reflection.position.stage = stage.key().into();
            reflection.position.field = String::new();
            app.open_reflection(reflection);
            let title = app.guide.stage(stage).title.clone();
            for _ in 0..app.guide.stage(stage).fields.len() {
                for _ in 0..3 {
                    let shot = screen(&app, width, height);
                    let Some(at) = shot.find("Ctrl-G for the ") else {
                        break;
                    };
                    let named = shot[at + "Ctrl-G for the ".len()..]
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or_default()
                        .to_string();
                    let heading = match named.as_str() {
                        "intro" => format!("About {title}"),
                        "hint" => "Hint".to_string(),
                        "example" => "For example".to_string(),
                        other => panic!("names {other:?}: {shot}"),
                    };
                    app.update(Action::NextGuide);
                    let after = screen(&app, width, height);
                    assert!(
                        after.contains(&heading),
                        "{width}x{height} {stage:?}: Ctrl-G for the {named}, then:\n{after}"
                    );
                }
                app.update(Action::NextField);
            }
        }
    }
}

/// Found in the new-user walk: a list item too long for its row at rest was
/// cut at the edge ("what scope it bu") with nothing to say so.
#[test]
fn a_list_item_cut_at_rest_ends_with_an_ellipsis() {
    let app = app_at(Stage::Goals);
    let shot = screen(&app, 100, 32);
    let row = shot
        .lines()
        .find(|l| l.contains("• If a date is imposed"))
        .unwrap_or_else(|| panic!("{shot}"));
    assert!(row.contains("scope it b… │"), "{row}");
}

/// Found in the new-user walk: at 80 columns the reading page's header cut
/// its last date in half ("last edited 2026-11-…").
#[test]
fn a_narrow_reading_header_drops_whole_dates_never_half_of_one() {
    let app = completed_app();
    for width in [60, 70, 80, 100] {
        let shot = screen(&app, width, 24);
        let header = shot.lines().nth(1).unwrap_or_default();
        assert!(!header.contains('…'), "{width}: {header}");
        assert!(header.contains("Completed 2026-11-28"), "{width}: {header}");
    }
    assert!(screen(&app, 100, 24).contains("started 2026-"));
}

/// Found in the second new-user walk: the date field was 16 columns, so a
/// phrase such as "End Of Next Month" could not be read whole while typed.
#[test]
fn a_date_phrase_is_shown_whole_beside_the_date_it_means() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use rebound::tui::state::Typed;
    let mut app = app_at(Stage::Risk);
    while app
        .focused_field()
        .is_some_and(|f| f.key != "first_step_date")
    {
        app.update(Action::NextField);
    }
    app.typed(Typed::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    type_text(&mut app, "End Of Next Month");
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("End Of Next Month"), "{shot}");
    assert!(shot.contains("→ Thu 31 Dec 2026"), "{shot}");
}

/// Found in the third new-user walk: the title prompt kept the sideways
/// scroll of a narrower window (its first word hidden, no `…`), and its
/// hint was cut mid-word at 60 columns.
#[test]
fn the_title_prompt_fits_its_window_as_every_field_does() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use rebound::tui::state::Typed;
    let mut app = app();
    app.update(Action::NewReflection);
    app.update(Action::ChooseGuide);
    type_text(
        &mut app,
        "A title typed before the window shrinks, long enough to scroll",
    );
    let narrow = screen(&app, 60, 24);
    assert!(narrow.contains("▶ …"), "cut on the left says so: {narrow}");
    assert!(narrow.contains("or none for n… │"), "{narrow}");
    app.typed(Typed::Key(KeyEvent::new(
        KeyCode::Char('a'),
        KeyModifiers::CONTROL,
    )));
    app.typed(Typed::Key(KeyEvent::new(
        KeyCode::Char('f'),
        KeyModifiers::ALT,
    )));
    screen(&app, 60, 24);
    let wide = screen(&app, 120, 24);
    assert!(
        wide.contains("▶ A title typed before the window shrinks, long enough to scroll"),
        "{wide}"
    );
}

/// Found in the third new-user walk: a focused answer taller than its box
/// hid its first rows with nothing to say so.
#[test]
fn an_answer_taller_than_its_box_marks_its_bar_where_rows_are_out_of_view() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use rebound::tui::state::Typed;
    let mut app = app();
    let mut reflection = common::filled_reflection();
    reflection.set_text(Stage::Perspective, "expected", String::new());
    reflection.position.stage = Stage::Perspective.key().into();
    reflection.position.field = "expected".into();
    app.open_reflection(reflection);
    let text: Vec<String> = (1..=12)
        .map(|i| format!("Line {i} of the paste."))
        .collect();
    app.typed(Typed::Paste(text.join("\n")));
    let bar = |shot: &str, row_text: &str| {
        shot.lines()
            .find(|l| l.contains(row_text))
            .map(|l| l.chars().nth(4).unwrap_or(' '))
    };
    let at_end = screen(&app, 100, 32);
    assert!(!at_end.contains("Line 1 of"), "{at_end}");
    let first_shown = at_end
        .lines()
        .find(|l| l.contains(" of the paste."))
        .unwrap_or_default();
    // Each row of the shot opens with a quote: the bar is the fifth character.
    assert_eq!(first_shown.chars().nth(4), Some('↑'), "{at_end}");
    for _ in 0..12 {
        app.typed(Typed::Key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)));
    }
    let at_top = screen(&app, 100, 32);
    assert_eq!(bar(&at_top, "Line 1 of"), Some('│'), "{at_top}");
    let last_shown = at_top
        .lines()
        .rfind(|l| l.contains(" of the paste."))
        .unwrap_or_default();
    assert_eq!(last_shown.chars().nth(4), Some('↓'), "{at_top}");
}

/// Three reflections with steps past their date, due today, later and
/// undated, as of 2026-11-29.
fn app_with_steps() -> App {
    use rebound::reflection::{ActionItem, Reflection};
    let step = |text: &str, due: &str| ActionItem {
        text: text.into(),
        due: due.into(),
        ..ActionItem::default()
    };
    let reflection = |id: &str, title: &str, status: Status, steps: Vec<ActionItem>| {
        let mut r = Reflection::new(id.into(), title.into(), datetime!(2026-11-02 09:00 UTC));
        r.set_actions(Stage::Goals, "steps", steps);
        r.status = status;
        Summary::of(&r)
    };
    let mut app = app();
    app.set_listing(Listing {
        reflections: vec![
            reflection(
                "2026-11-20-the-launch-that-slipped",
                "The launch that slipped",
                Status::InProgress,
                vec![
                    step(
                        "Ask Priya for honest feedback on the launch plan",
                        "2026-12-04",
                    ),
                    step("Read the retro notes again", ""),
                ],
            ),
            reflection(
                "2026-11-02-laid-off",
                "Laid off in the reorganisation, and what I want from the next role",
                Status::Completed,
                vec![
                    step("Call Dana", "2026-11-25"),
                    step(
                        "Update the CV with the pilot numbers and send it to Sam",
                        "2026-11-29",
                    ),
                    ActionItem {
                        done: true,
                        ..step("Sent the thank-you notes", "2026-11-10")
                    },
                    step("Apply to the clinic pilot role", "2027-01-05"),
                ],
            ),
            reflection(
                "2026-09-14-missed-the-promotion",
                "Missed the promotion",
                Status::Completed,
                vec![step("Book the course", "2026-11-27")],
            ),
        ],
        ..Listing::default()
    });
    app
}

/// Issue 11: home says in one line what is past its date and what is next,
/// in words (no colour needed), and the agenda lists every open step,
/// overdue first, with overdue, today and done as words.
#[test]
fn home_has_one_agenda_line_and_the_agenda_lists_every_open_step() {
    let mut app = app_with_steps();
    let home = screen(&app, 100, 32);
    assert!(
        home.contains("2 steps past their date · next: Update the CV with the pilot numbers an…, today · a for the agenda"),
        "{home}"
    );
    assert!(footer(&app, 100).contains("a agenda"));
    insta::assert_snapshot!("home_agenda_line", home);
    let narrow = screen(&app, 80, 24);
    let line = narrow.lines().nth(1).unwrap_or_default();
    assert!(
        line.contains("…")
            && line
                .trim_matches('"')
                .trim_end()
                .ends_with("a for the agenda"),
        "the step is cut, the key stays: {line}"
    );
    insta::assert_snapshot!("home_agenda_line_80x24", narrow);

    app.update(Action::OpenAgenda);
    let agenda = screen(&app, 100, 32);
    for row in [
        "Wed 25 Nov overdue",
        "Fri 27 Nov overdue",
        "Sun 29 Nov today",
        "5 Jan 2027",
    ] {
        assert!(agenda.contains(row), "{row} missing: {agenda}");
    }
    assert!(
        !agenda.contains("Sent the thank-you notes"),
        "done is not open"
    );
    insta::assert_snapshot!("agenda", agenda);
    insta::assert_snapshot!("agenda_80x24", screen(&app, 80, 24));
}

#[test]
fn an_agenda_with_no_open_steps_says_so_calmly() {
    let mut app = app();
    app.update(Action::OpenAgenda);
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("No open steps."), "{shot}");
    assert!(!shot.contains("Space tick"), "{shot}");
}

/// Issue 11: the plan asks when to look again, under its rating, and says
/// the day once it is chosen; the prompt reads the typed phrase back as a day.
#[test]
fn the_plan_asks_when_to_look_again_and_shows_the_day_chosen() {
    let mut app = app_at(Stage::PLAN);
    let unset = screen(&app, 100, 32);
    assert!(
        unset.contains("When will you look again? l to choose a day (e.g. +3w)"),
        "{unset}"
    );
    app.update(Action::SetLookAgain);
    let prompt = screen(&app, 100, 32);
    assert!(
        prompt.contains("▶ +3w") && prompt.contains("→ Sun 20 Dec 2026 (in 3 weeks)"),
        "{prompt}"
    );
    insta::assert_snapshot!("look_again_prompt", prompt);
    type_text(&mut app, "someday");
    let unreadable = screen(&app, 100, 32);
    assert!(unreadable.contains("not a day yet"), "{unreadable}");
    app.update(Action::ConfirmLookAgain);
    insta::assert_snapshot!("look_again_prompt_unreadable", screen(&app, 100, 32));
    app.update(Action::CancelLookAgain);
    app.update(Action::SetLookAgain);
    app.update(Action::ConfirmLookAgain);
    let set = screen(&app, 100, 32);
    assert!(
        set.contains("Look again: Sun 20 Dec 2026 (in 3 weeks) · l to change"),
        "{set}"
    );
    insta::assert_snapshot!("growth_plan_look_again_set", set);
    // The narrowest window still has the whole line.
    let narrow = screen(&app, 60, 18);
    assert!(
        narrow.contains("Look again: Sun 20 Dec 2026 (in 3 weeks) · l to change"),
        "{narrow}"
    );
}

/// A check-in on a completed reflection: its first question (how heavy it
/// feels now, with the earlier numbers in the header), then the step review.
#[test]
fn a_checkin_asks_how_heavy_now_with_the_earlier_numbers_above() {
    let mut app = completed_app();
    app.update(Action::Checkin);
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("Check-in · Sun 29 Nov 2026"), "{shot}");
    assert!(shot.contains("Before: "), "{shot}");
    insta::assert_snapshot!("checkin_weight", shot);
    app.update(Action::Rate(2));
    app.update(Action::NextField);
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("▶ What became of each open step?"), "{shot}");
    insta::assert_snapshot!("checkin_steps", shot);
    insta::assert_snapshot!("checkin_steps_narrow", screen(&app, 64, 24));
}

/// Issue 11, progress: three setbacks weighed over time and steps done on
/// known days, one done before days were kept, seen on 10 January 2027.
fn progress_app(extra_weighed: usize) -> App {
    use rebound::store::{StepSummary, WeightSummary};
    let guide = Guide::builtin().expect("embedded guide is valid");
    let mut app = App::new(guide, date!(2027 - 01 - 10), UtcOffset::UTC);
    let weights = |w: &[(&str, &str, u8)]| -> Vec<WeightSummary> {
        w.iter()
            .map(|&(when, day, weight)| WeightSummary(when.into(), day.into(), weight))
            .collect()
    };
    let done =
        |id: &str, on: &str| StepSummary(id.into(), id.into(), String::new(), true, on.into());
    let mut launch = summary(
        "2026-11-20-the-launch",
        "The launch that slipped",
        Status::Completed,
        "plan",
    );
    launch.weights = weights(&[
        ("start", "2026-11-20", 4),
        ("completion", "2026-12-02", 3),
        ("checkin", "2026-12-23", 2),
    ]);
    launch.steps = vec![
        done("ask", "2026-11-24"),
        done("notes", "2026-11-30"),
        done("cv", "2026-12-03"),
        done("old", ""),
        StepSummary(
            "pitch".into(),
            "Pitch again".into(),
            "2027-01-05".into(),
            false,
            String::new(),
        ),
    ];
    launch.checkins = 1;
    launch.next_checkin = "2027-01-09".into();
    let mut reorg = summary(
        "2026-09-15-the-reorg",
        "The reorg",
        Status::Completed,
        "plan",
    );
    reorg.weights = weights(&[
        ("start", "2026-09-15", 3),
        ("completion", "2026-10-01", 3),
        ("checkin", "2026-10-29", 2),
        ("checkin", "2026-12-10", 1),
    ]);
    reorg.steps = vec![
        done("a", "2026-09-20"),
        done("b", "2026-10-05"),
        done("c", "2026-10-06"),
    ];
    reorg.checkins = 2;
    let mut passed = summary(
        "2027-01-01-passed-over",
        "Passed over",
        Status::InProgress,
        "goals",
    );
    passed.weights = weights(&[("start", "2027-01-01", 5)]);
    let mut reflections = vec![passed, launch, reorg];
    reflections.extend((0..extra_weighed).map(|n| {
        let mut s = summary(
            &format!("2026-08-0{n}-another"),
            &format!("Another setback {n}"),
            Status::InProgress,
            "reflect",
        );
        s.weights = weights(&[("start", &format!("2026-08-0{}", n + 1), 4)]);
        s
    }));
    app.set_listing(Listing {
        reflections,
        ..Listing::default()
    });
    app.update(Action::OpenProgress);
    app
}

#[test]
fn progress_draws_how_heavy_each_setback_felt_and_steps_done_per_month() {
    let app = progress_app(0);
    let shot = screen(&app, 100, 32);
    for expected in [
        "How heavy it felt",
        // The legend names each line by its symbol, so it reads without colour.
        "● Passed over  5",
        "■ The launch that slipped  4 → 3 → 2",
        "▲ The reorg  3 → 3 → 2 → 1",
        "5 Crushing",
        "1 Light",
        "Steps done per month, Feb 2026 – Jan 2027",
        "1 done step has no day recorded",
        "Esc home",
    ] {
        assert!(shot.contains(expected), "{expected} missing:\n{shot}");
    }
    // Each weighing shows its symbol in the chart, beside the legend's.
    assert!(shot.matches('▲').count() >= 5, "{shot}");
    insta::assert_snapshot!("progress", shot);
    let small = screen(&app, 80, 24);
    assert!(small.contains("The launch that slipped"), "{small}");
    insta::assert_snapshot!("progress_80x24", small);
}

#[test]
fn progress_on_the_smallest_window_draws_fewer_lines_and_says_how_many_are_left_out() {
    let app = progress_app(4);
    let shot = screen(&app, 60, 18);
    // Seven weighed, six symbols at most; the smallest window has room for two.
    assert!(shot.contains("5 more not drawn"), "{shot}");
    // Too narrow for the scale's words: the numbers alone.
    assert!(!shot.contains("Crushing"), "{shot}");
    insta::assert_snapshot!("progress_60x18", shot);
    let tiny = screen(&app, 50, 14);
    assert!(tiny.contains("Please make the window larger."), "{tiny}");
}

#[test]
fn progress_with_nothing_weighed_says_what_will_appear_instead_of_empty_axes() {
    let mut app = app();
    app.set_listing(Listing {
        reflections: vec![summary(
            "2026-11-28-first",
            "My first one",
            Status::InProgress,
            "perspective",
        )],
        ..Listing::default()
    });
    app.update(Action::OpenProgress);
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("Nothing to draw yet."), "{shot}");
    assert!(!shot.contains('│'), "no axes: {shot}");
    insta::assert_snapshot!("progress_empty", shot);
    app.update(Action::BackHome);
    assert!(screen(&app, 80, 24).contains("My first one"));
}

/// Issue 11: after every answer, the reading page shows each check-in under
/// its day: the weight beside the earlier numbers, what became of each
/// step, the brave step, the written answers, and what comes next.
#[test]
fn the_reading_page_ends_with_each_check_in_in_order() {
    let guide = Guide::builtin().expect("embedded guide is valid");
    let mut app = App::new(guide, date!(2027 - 01 - 20), UtcOffset::UTC);
    app.open_reflection(common::checked_in_reflection());
    // Under how heavy it felt, near the plan's end: the latest check-in's
    // weight is now, and the last check-in settled it.
    let plan = screen(&app, 100, 70);
    assert!(
        plan.contains("    Look again: settled, no more check-ins"),
        "{plan}"
    );
    assert!(
        plan.contains("    Now: 2 of 5, Noticeable (check-in, Sun 17 Jan 2027)"),
        "{plan}"
    );
    app.update(Action::ScrollBottom);
    let end = screen(&app, 100, 60);
    let first = end.find("Sun 20 Dec 2026").unwrap_or(usize::MAX);
    let second = end.find("Sun 17 Jan 2027").unwrap_or(usize::MAX);
    assert!(first < second && second < usize::MAX, "{end}");
    for line in [
        "How heavy: 3 · Heavy (was 4 at the start, 2 when you made the plan)",
        "Moved to Sun 10 Jan 2027: Interview five clinic managers",
        "First brave step: taken",
        "Look again: Sun 17 Jan 2027",
        "Dropped: Interview five clinic managers",
        "mood",
        "Settled",
    ] {
        assert!(end.contains(line), "{line} missing: {end}");
    }
    insta::assert_snapshot!("reading_check_ins", end);
}

/// Issue 11: a check-in whose day has come is named first on home's line,
/// in words, and the line stays one line however narrow the window.
#[test]
fn home_says_calmly_when_a_check_in_is_due() {
    use rebound::reflection::{LOOK_AGAIN_FIELD, Reflection};
    let mut app = app_with_steps();
    let mut reflections = app.home.listing.reflections.clone();
    let mut r = Reflection::new(
        "2026-10-05-the-reorg".into(),
        "The reorganisation that moved my team".into(),
        datetime!(2026-10-05 09:00 UTC),
    );
    r.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, "2026-11-28".into());
    r.status = Status::Completed;
    reflections.push(Summary::of(&r));
    app.set_listing(Listing {
        reflections,
        ..Listing::default()
    });
    let home = screen(&app, 100, 32);
    let line = home
        .lines()
        .nth(1)
        .unwrap_or_default()
        .trim_matches('"')
        .trim_end()
        .to_string();
    assert_eq!(
        line,
        " Check-in due: The reorganisation that moved my team · 2 steps past their date \
         · c to check in",
        "the next step, then the agenda's key, give way to the title shown whole and the key \
         that opens it"
    );
    // A wide window has room for the next step too.
    let wide = screen(&app, 200, 32);
    assert!(
        wide.contains(" · next: Update the CV with the pilot numbers and send it to Sam, today · "),
        "{wide}"
    );
    insta::assert_snapshot!("home_check_in_due", home);
    for width in [80, 60] {
        let shot = screen(&app, width, 24);
        let line = shot
            .lines()
            .nth(1)
            .unwrap_or_default()
            .trim_matches('"')
            .to_string();
        assert!(line.starts_with(" Check-in due: The "), "{width}: {line}");
        assert!(
            line.chars().count() <= usize::from(width),
            "{width}: {line}"
        );
        assert!(
            shot.lines()
                .nth(3)
                .unwrap_or_default()
                .contains("Unfinished"),
            "one line, then the list as before: {shot}"
        );
    }
    insta::assert_snapshot!("home_check_in_due_80x24", screen(&app, 80, 24));

    // No step open anywhere: the check-in alone, with its key and none to an
    // empty agenda.
    let mut alone = self::app();
    alone.set_listing(Listing {
        reflections: vec![Summary::of(&r)],
        ..Listing::default()
    });
    let line = screen(&alone, 100, 32)
        .lines()
        .nth(1)
        .unwrap_or_default()
        .trim_matches('"')
        .trim_end()
        .to_string();
    assert_eq!(
        line,
        " Check-in due: The reorganisation that moved my team · c to check in"
    );

    // Settled, or not yet due: the line is about steps alone, as before.
    r.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, "2026-12-28".into());
    let mut reflections = app.home.listing.reflections.clone();
    reflections.retain(|s| s.id != r.id);
    reflections.push(Summary::of(&r));
    app.set_listing(Listing {
        reflections,
        ..Listing::default()
    });
    assert!(!screen(&app, 100, 32).contains("Check-in"));
}

/// Issue 12: `s` on home lists the invented stories, each by title, its
/// situation and the stages it shows; the selected one stays marked without
/// colour.
#[test]
fn stories_list_each_invented_story_by_title_situation_and_stages() {
    use ratatui::style::Modifier;
    let mut app = app();
    app.update(Action::OpenStories);
    let shot = screen(&app, 100, 32);
    for expected in [
        "Invented stories",
        "Fourteen years, then a short call",
        "Failed a professional licensing exam twice.",
        "Shows: Deconstruct, Network, Risk",
        "Enter read",
    ] {
        assert!(shot.contains(expected), "{expected} missing\n{shot}");
    }
    insta::assert_snapshot!("stories_list", shot);
    app.update(Action::SelectNext);
    let app = plain(app);
    let buf = buffer(&app, 80, 24);
    no_colour_at_all(&buf);
    assert!(
        cells_of(&buf, "The third sitting")
            .iter()
            .all(|c| c.modifier.contains(Modifier::REVERSED)),
        "the selected story is in reverse video"
    );
}

/// Issue 12: a story reads on its own page, labelled as invented, and
/// scrolls on a small window to the strategies it shows, stage by stage.
#[test]
fn a_story_reads_labelled_as_invented_and_scrolls_to_its_strategies() {
    let mut app = app();
    app.update(Action::OpenStories);
    app.update(Action::SelectNext);
    app.update(Action::OpenSelected);
    let shot = screen(&app, 100, 32);
    assert!(shot.contains("An invented story · Failed"), "{shot}");
    assert!(shot.contains("Deconstruct  sorting the causes"), "{shot}");
    insta::assert_snapshot!("story_page", shot);

    app.resize((60, 18), false);
    let top = screen(&app, 60, 18);
    assert!(top.contains("top · more ↓"), "{top}");
    assert!(!top.contains("What it shows"), "{top}");
    app.update(Action::ScrollBottom);
    let end = screen(&app, 60, 18);
    assert!(end.contains("end ↑"), "{end}");
    assert!(end.contains("Goals"), "{end}");
    insta::assert_snapshot!("story_page_60x18_end", end);

    app.update(Action::BackHome);
    assert!(screen(&app, 60, 18).contains("Enter read"));
    app.update(Action::BackHome);
    assert!(screen(&app, 60, 18).contains("turn a setback into a plan"));
}

/// Issue 12: a stage whose key a story fits says so in one calm line under
/// its guidance; the plan and the reading page never mention a story.
#[test]
fn a_stage_a_story_fits_points_to_it_and_the_plan_never_does() {
    let shot = screen(&app_at(Stage::Network), 100, 32);
    assert!(
        shot.contains("A story: “Fourteen years, then a"),
        "the hint is missing\n{shot}"
    );
    assert_eq!(shot.matches("A story:").count(), 1, "{shot}");
    let plan = screen(&app_at(Stage::PLAN), 100, 32);
    assert!(!plan.contains("story"), "{plan}");
    let mut reading = app();
    let mut done = common::filled_reflection();
    done.status = Status::Completed;
    reading.open_reflection(done);
    for scroll in 0..40 {
        let page = screen(&reading, 100, 32);
        assert!(!page.contains("A story"), "at {scroll}: {page}");
        reading.update(Action::PageDown);
    }
}

/// A guide file of the person's own that did not load is named once on
/// home, below the reflections, with the line and column of the mistake.
#[test]
fn home_names_a_guide_file_that_did_not_load_by_line_and_column() {
    let mut app = app();
    app.set_listing(Listing {
        reflections: vec![summary(
            "2026-11-20-the-launch",
            "The launch that slipped",
            Status::InProgress,
            "reflect",
        )],
        ..Listing::default()
    });
    app.home.broken_guides = vec![Problem {
        path: "/home/dana/.config/rebound/guides/coach.toml".into(),
        at: Some((12, 1)),
        what: "unknown field `sumary`, expected one of `title`, `summary`, `minutes`".into(),
    }];
    let shot = screen(&app, 80, 24);
    assert_eq!(
        shot.matches("⚠ guide not loaded: coach.toml:12:1: unknown field `sumary`")
            .count(),
        1,
        "{shot}"
    );
    insta::assert_snapshot!("home_broken_guide", shot);
}

/// Many unreadable files and a broken guide: the count names both commands
/// that list them in full, since `rebound list` knows nothing of guides.
#[test]
fn more_notices_than_fit_point_to_the_commands_that_name_them_all() {
    let mut app = app();
    let bad = |n: usize| BadFile {
        path: format!("/data/reflections/2026-01-0{n}-old.toml").into(),
        reason: "not valid TOML".into(),
    };
    app.set_listing(Listing {
        bad_files: (1..=4).map(bad).collect(),
        ..Listing::default()
    });
    app.home.broken_guides = vec![Problem {
        path: "/guides/coach.toml".into(),
        at: None,
        what: "today a guide has rebound's seven stages".into(),
    }];
    let shot = screen(&app, 100, 32);
    assert!(
        shot.contains("and 2 more files; `rebound list` and `rebound guides` name them all"),
        "{shot}"
    );
    app.set_listing(Listing::default());
    let shot = screen(&app, 100, 32);
    assert!(
        shot.contains("guide not loaded: coach.toml: today a guide has rebound's seven stages"),
        "{shot}"
    );
    assert!(!shot.contains("more files"), "{shot}");
}

/// `n` on home: every guide one entry, its length and summary, the full
/// guide selected so Enter takes it.
#[test]
fn the_guide_chooser_offers_every_guide_with_the_full_one_first() {
    let mut app = app();
    app.update(Action::NewReflection);
    for (width, height) in [(80, 24), (100, 32)] {
        let shot = screen(&app, width, height);
        for expected in [
            "▶ The full guide",
            "45–70 minutes",
            "Ten minutes",
            "A bad day to contain, not analyse",
            "Job loss",
            "Passed over",
            "A failed project, reviewed blamelessly",
            "Enter continue",
            "Esc cancel",
        ] {
            assert!(
                shot.contains(expected),
                "{expected} at {width}x{height}: {shot}"
            );
        }
        insta::assert_snapshot!(format!("guide_chooser_{width}x{height}"), shot);
    }
    app.update(Action::SelectNext);
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("▶ Ten minutes"), "{shot}");
}

/// At the smallest window, with more guides than have room for two rows
/// each, each takes one row and the list follows the selection; smaller
/// still, the usual "make the window larger" and nothing garbled.
#[test]
fn the_guide_chooser_fits_the_smallest_window_and_says_where_it_is_in_a_long_list() {
    use rebound::guides::{Catalogue, Origin};
    let mut catalogue = Catalogue::get().clone();
    let ten = catalogue.named("ten-minute").expect("built in").clone();
    for n in 1..=11 {
        let mut mine = ten.clone();
        mine.name = format!("coach-{n}");
        mine.origin = Origin::Yours(format!("coach-{n}.toml").into());
        catalogue.guides.push(mine);
    }
    let mut app = app();
    app.guides = Box::leak(Box::new(catalogue));
    app.update(Action::NewReflection);
    for _ in 0..15 {
        app.update(Action::SelectNext);
    }
    let shot = screen(&app, 60, 18);
    assert!(shot.contains("16 of 16"), "{shot}");
    assert!(shot.contains("▶ Ten minutes"), "the last one shows: {shot}");
    assert!(shot.contains("10 minutes · yours"), "{shot}");
    assert!(shot.contains("Enter continue"), "{shot}");
    // The box leaves the title row and the footer of keys in view.
    let rows: Vec<&str> = shot.lines().collect();
    assert!(rows[0].contains("rebound ·"), "{shot}");
    assert!(rows[1].contains("┌ Choose a guide"), "{shot}");
    assert!(rows[17].contains("Esc cancel"), "{shot}");
    insta::assert_snapshot!("guide_chooser_60x18_scrolled", shot);
    let tiny = screen(&app, 59, 17);
    assert!(tiny.contains("Please make the window larger."), "{tiny}");
    assert!(!tiny.contains("Choose a guide"), "{tiny}");
}

/// The ten-minute guide's plan offers to go deeper, in the footer and in help.
#[test]
fn the_ten_minute_plan_offers_to_go_deeper_in_the_full_guide() {
    use rebound::guides::Catalogue;
    use rebound::reflection::Reflection;
    let guide = &Catalogue::get()
        .named("ten-minute")
        .expect("built in")
        .guide;
    let mut r = Reflection::in_guide(
        "2026-11-29-a-bad-monday".into(),
        "A bad Monday".into(),
        datetime!(2026-11-29 09:00 UTC),
        "ten-minute",
        guide,
    );
    let perspective = guide.stage_keyed("perspective").expect("stage");
    r.set_text(
        perspective,
        "what_happened",
        "The quarterly figures were wrong".into(),
    );
    r.set_rating(perspective, "weight_today", Some(3));
    r.position.stage = Stage::PLAN.key().into();
    let mut app = app();
    app.open_reflection(r);
    let narrow = footer(&app, 80);
    assert!(
        narrow.starts_with("\" D go deeper   1-5 how heavy now"),
        "{narrow}"
    );
    let shot = screen(&app, 100, 32);
    insta::assert_snapshot!("ten_minute_plan_goes_deeper", shot);
    app.update(Action::ToggleHelp);
    let help = screen(&app, 100, 32);
    assert!(help.contains("go deeper"), "{help}");
}
