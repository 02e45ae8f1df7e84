//! End-to-end: the real binary in a real terminal (tmux), typed at like a
//! person would, with the files checked on disk afterwards.

mod common;
// Each test file uses its own part of the shared tmux helper.
#[allow(dead_code)]
#[path = "common/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

use rebound::guide::Guide;
use rebound::stage::FullStages;
use rebound::wizard::Stage;

use tmux::{BIN, Tmux};

impl Tmux {
    /// `rebound new --title TITLE`, waiting until the first question has focus.
    fn start_new(&self, title: &str) {
        self.start(&format!("new --title '{title}'"));
        self.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    }

    /// Ctrl-C, and rebound exits cleanly.
    fn quit(&self) {
        self.keys(&["C-c"]);
        assert_eq!(self.wait_exit(), "0");
    }

    fn only_file(&self) -> String {
        let files = self.reflection_files();
        assert_eq!(
            files.len(),
            1,
            "expected one reflection file, found {files:?}"
        );
        read(&files[0])
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("reflection file is readable")
}

fn label(stage: Stage, index: usize) -> String {
    Guide::builtin().expect("guide").stage(stage).fields[index]
        .label
        .clone()
}

fn wait_for_file_containing(tmux: &Tmux, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let files = tmux.reflection_files();
        if let Some(content) = files.iter().map(|f| read(f)).find(|c| c.contains(text)) {
            return content;
        }
        assert!(Instant::now() < deadline, "no file holds {text:?}");
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn typed_answers_are_on_disk_after_quitting_and_resume_returns_to_the_same_field() {
    let tmux = Tmux::new();
    tmux.start_new("Lost the Acme account");
    tmux.type_text("We expected to renew in March");
    tmux.keys(&["Tab"]);
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 1)));
    tmux.type_text("They moved to a competitor");
    tmux.quit();

    let file = tmux.only_file();
    assert!(file.contains("title = \"Lost the Acme account\""), "{file}");
    assert!(
        file.contains("expected = \"We expected to renew in March\""),
        "{file}"
    );
    assert!(
        file.contains("what_happened = \"They moved to a competitor\""),
        "{file}"
    );
    assert!(file.contains("field = \"what_happened\""), "{file}");
    tmux.close_window();

    tmux.start("resume");
    let screen = tmux.wait_for("They moved to a competitor");
    assert!(
        screen.contains(&format!("▶ {}", label(Stage::Perspective, 1))),
        "{screen}"
    );
    assert!(screen.contains("We expected to renew in March"), "{screen}");
    tmux.quit();
}

#[test]
fn words_written_out_on_the_private_page_are_on_disk_after_ctrl_c() {
    let tmux = Tmux::new();
    tmux.start_new("Laid off on Tuesday");
    tmux.keys(&["C-o"]);
    tmux.wait_for("Writing it out · private");
    tmux.type_text("Nobody warned us");
    tmux.keys(&["Enter"]);
    tmux.type_text("and I am still shaking");
    tmux.wait_for("8 words");
    tmux.quit();

    let file = tmux.only_file();
    let back = rebound::reflection::Reflection::from_toml_str(&file).expect("the file loads");
    assert_eq!(back.writing(), "Nobody warned us\nand I am still shaking");
    assert!(file.contains("[writing]"), "{file}");
    // Writing is not an answer: the first question is still unanswered.
    assert!(!file.contains("expected ="), "{file}");
}

#[test]
fn kill_9_two_seconds_after_the_last_keystroke_loses_nothing() {
    let tmux = Tmux::new();
    tmux.start_new("Killed mid-thought");
    tmux.type_text("Every word of this must survive");
    sleep(Duration::from_secs(2));
    let pid = tmux.pid();
    let killed = Command::new("kill")
        .args(["-9", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    assert_eq!(tmux.wait_exit(), "137", "killed by SIGKILL");
    assert!(tmux.only_file().contains("Every word of this must survive"));
}

#[test]
fn sigterm_and_a_closed_terminal_save_what_was_just_typed() {
    for (signal, text) in [
        ("-TERM", "written just before TERM"),
        ("-HUP", "written just before HUP"),
    ] {
        let tmux = Tmux::new();
        tmux.start_new("Signals");
        tmux.type_text(text);
        tmux.wait_for(text);
        let pid = tmux.pid();
        Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("kill runs");
        assert_eq!(
            tmux.wait_exit(),
            "0",
            "{signal} is a clean exit after saving"
        );
        assert!(tmux.only_file().contains(text), "{signal}");
    }
}

#[test]
fn closing_the_terminal_window_saves_and_leaves_no_process_behind() {
    let tmux = Tmux::new();
    tmux.start_new("Closed window");
    tmux.type_text("typed a moment before the window closed");
    tmux.wait_for("a moment before");
    let pid = tmux.pid();
    tmux.tmux(&["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            Instant::now() < deadline,
            "rebound {pid} is still running after its terminal closed"
        );
        sleep(Duration::from_millis(50));
    }
    assert!(
        tmux.only_file()
            .contains("typed a moment before the window closed")
    );
}

#[test]
fn a_new_person_starts_from_home_names_the_setback_and_finds_it_listed() {
    let tmux = Tmux::new();
    tmux.start("");
    tmux.wait_for("No reflections yet");
    tmux.keys(&["n"]);
    tmux.wait_for("Choose a guide");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Name this setback");
    tmux.type_text("Missed the promotion");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    tmux.type_text("A senior title by spring");
    tmux.keys(&["PageDown", "PageDown", "PageDown"]);
    tmux.wait_for("Stage 4 of 7");
    tmux.type_text("Lead the next planning cycle");
    tmux.keys(&["Tab"]);
    tmux.type_text("Ask my manager for the criteria");
    tmux.keys(&["C-d"]);
    tmux.type_text("+1w");
    tmux.wait_for("due → ");
    // Found by a new user (issue 10): Enter here inserted an empty step, and
    // Esc left the stage. Both go back to the step.
    tmux.keys(&["Enter"]);
    let stage = tmux.wait_for("Enter new step");
    assert_eq!(stage.matches("[ ]").count(), 1, "no empty step: {stage}");
    tmux.keys(&["C-d"]);
    tmux.wait_for("back to the step");
    tmux.keys(&["Escape"]);
    let stage = tmux.wait_for("Enter new step");
    assert!(
        stage.contains("Stage 4 of 7"),
        "still in the stage: {stage}"
    );
    tmux.keys(&["Escape"]);
    let home = tmux.wait_for("Unfinished");
    assert!(home.contains("Missed the promotion"), "{home}");
    assert!(home.contains("stage 4 of 7, Goals"), "{home}");
    let file = tmux.only_file();
    assert!(
        file.contains("text = \"Ask my manager for the criteria\""),
        "{file}"
    );
    assert!(
        file.contains("due = \"20"),
        "the +1w phrase is saved as a date: {file}"
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0");
}

#[test]
fn the_growth_plan_marks_complete_or_says_what_is_missing() {
    let tmux = Tmux::new();
    tmux.start_new("Plan test");
    for _ in 0..7 {
        tmux.keys(&["PageDown"]);
    }
    tmux.wait_for("Growth plan ·");
    tmux.keys(&["c"]);
    tmux.wait_for("at least one goal or action step");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Unfinished");
    assert!(
        wait_for_file_containing(&tmux, "status = \"in-progress\"").contains("stage = \"plan\"")
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("Growth plan ·");
    for _ in 0..4 {
        tmux.keys(&["PageUp"]);
    }
    tmux.wait_for("Stage 4 of 7");
    tmux.type_text("Run a launch that lands");
    for _ in 0..4 {
        tmux.keys(&["PageDown"]);
    }
    tmux.wait_for("Growth plan ·");
    tmux.keys(&["2", "c"]);
    tmux.wait_for("Marked complete");
    let file = wait_for_file_containing(&tmux, "status = \"completed\"");
    assert!(file.contains("weight_now = 2"), "{file}");
    tmux.quit();
}

/// Issue 11: after marking a plan complete, `l` asks when to look again;
/// "+3w" is saved as the day three weeks on, and the plan stays complete.
#[test]
fn a_completed_plan_is_given_a_day_to_look_again_three_weeks_on() {
    let tmux = Tmux::new();
    tmux.start_new("Look again test");
    for _ in 0..3 {
        tmux.keys(&["PageDown"]);
    }
    tmux.wait_for("Stage 4 of 7");
    tmux.type_text("Run a launch that lands");
    for _ in 0..4 {
        tmux.keys(&["PageDown"]);
    }
    tmux.wait_for("When will you look again? l to choose a day");
    tmux.keys(&["c"]);
    tmux.wait_for("Press l to choose a day to look again");
    tmux.keys(&["l"]);
    tmux.wait_for("Enter save");
    tmux.type_text("+3w");
    tmux.wait_for("(in 3 weeks)");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Look again: ");
    let file = wait_for_file_containing(&tmux, "look_again = ");
    // rebound's day is the local one; near midnight it may differ from UTC's.
    let today = time::OffsetDateTime::now_utc().date();
    let days: Vec<String> = [-1, 0, 1]
        .iter()
        .map(|d| today + time::Duration::days(21 + d))
        .map(|d| format!("look_again = \"{d}\""))
        .collect();
    assert!(days.iter().any(|d| file.contains(d)), "{days:?} in {file}");
    assert!(file.contains("status = \"completed\""), "{file}");
    tmux.quit();
}

#[test]
fn a_tiny_window_asks_to_be_larger_and_recovers_on_resize() {
    let tmux = Tmux::new();
    tmux.start_new("Resize");
    tmux.tmux(&["resize-window", "-t", "main", "-x", "40", "-y", "12"]);
    tmux.wait_for("make the window larger");
    tmux.tmux(&["resize-window", "-t", "main", "-x", "100", "-y", "32"]);
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    tmux.quit();
}

#[test]
fn the_terminal_is_restored_after_rebound_exits() {
    let tmux = Tmux::new();
    let command = format!(
        "REBOUND_DATA_DIR='{}' '{}' new --title Restore; echo; echo SHELL-IS-BACK; sleep 30",
        tmux.data.path().display(),
        BIN
    );
    tmux.launch(&command);
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    tmux.keys(&["C-c"]);
    // Leaving the alternate screen brings back the normal one, where the shell prints.
    let screen = tmux.wait_for("SHELL-IS-BACK");
    assert!(!screen.contains(&label(Stage::Perspective, 0)), "{screen}");
}

fn run(args: &[&str], data: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .env("REBOUND_DATA_DIR", data)
        .output()
        .expect("rebound runs")
}

#[test]
fn resuming_an_unknown_id_exits_non_zero_with_one_clear_line() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = run(&["resume", "no-such-thing"], data.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no reflection matches \"no-such-thing\""),
        "{err}"
    );

    let out = run(&["resume"], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rebound new"));
}

#[test]
fn a_wrong_argument_exits_with_usage_code_2() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = run(&["--no-such-flag"], data.path());
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--version"], data.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("rebound "));
}

/// Twenty past reflections in the data dir, the one to find among them.
fn seed_twenty(tmux: &Tmux) {
    use rebound::reflection::{Reflection, Status};
    use time::macros::datetime;
    let guide = Guide::builtin().expect("guide");
    let store = rebound::store::Store::open(tmux.data.path()).expect("store");
    for i in 0..19 {
        let mut r = Reflection::new(
            format!("2026-10-{:02}-setback-{i}", i + 1),
            format!("Setback number {i}"),
            datetime!(2026-10-01 09:00 UTC),
        );
        r.status = Status::Completed;
        r.set_text(Stage::Reflect, "went_wrong", format!("Reason {i}"));
        store.save(&r, guide).expect("save");
    }
    let mut target = common::filled_reflection();
    target.title = "Quarterly account review".into();
    target.set_text(
        Stage::Perspective,
        "what_happened",
        "We lost the client after the pilot stalled.".into(),
    );
    target.status = Status::Completed;
    target.completed = Some(datetime!(2026-11-28 18:00 UTC));
    store.save(&target, guide).expect("save");
}

#[test]
fn find_the_client_we_lost_read_it_tick_a_step_export_and_delete_it() {
    let tmux = Tmux::new();
    seed_twenty(&tmux);
    let file = tmux
        .data
        .path()
        .join("reflections/2026-11-20-the-launch-that-slipped.toml");
    tmux.start("");
    tmux.wait_for("20 reflections");

    // A few keystrokes find it, by words from an answer.
    tmux.keys(&["/"]);
    tmux.type_text("the client we lost");
    let screen = tmux.wait_for("1 of 20");
    assert!(screen.contains("Quarterly account review"), "{screen}");
    assert!(screen.contains("We lost the client"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("reading");
    // The first brave step is a step like the others, and the first due.
    tmux.wait_for("▶ [ ] 2026-12-04 Email the three friendliest clinics");

    // Tick the selected step; it is saved and the reflection stays complete.
    tmux.keys(&["Space"]);
    tmux.wait_for("Done: Email the three friendliest clinics");
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let text = read(&file);
        let r = rebound::reflection::Reflection::from_toml_str(&text).expect("valid file");
        if r.first_step().is_some_and(|s| s.done) {
            assert!(text.contains("first_step_done = true"), "{text}");
            assert!(!r.actions(Stage::Goals, "steps")[0].done, "{text}");
            assert!(text.contains("status = \"completed\""), "{text}");
            break;
        }
        assert!(Instant::now() < deadline, "the tick was not saved:\n{text}");
        sleep(Duration::from_millis(50));
    }

    // Export it as Markdown next to the data.
    tmux.keys(&["x"]);
    tmux.wait_for("Enter write");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Wrote Markdown to");
    let exported = tmux
        .data
        .path()
        .join("exports/2026-11-20-the-launch-that-slipped.md");
    let markdown = read(&exported);
    assert!(
        markdown.starts_with("# Quarterly account review"),
        "{markdown}"
    );
    assert!(markdown.contains("- [x] Email the three friendliest clinics (due 2026-12-04)"));

    // The reading page offers d; its question is not crowded by the old line.
    let screen = tmux.wait_for("d delete");
    assert!(screen.contains("Wrote Markdown to"), "{screen}");
    tmux.keys(&["d"]);
    let asking = tmux.wait_for("Move \"Quarterly account review\" to the trash?");
    assert!(!asking.contains("Wrote Markdown"), "{asking}");
    tmux.keys(&["n"]);
    tmux.wait_for("x export");

    // Back home, delete it (after a question), then undo.
    tmux.keys(&["Escape"]);
    tmux.wait_for("1 of 20");
    tmux.keys(&["d"]);
    tmux.wait_for("Move \"Quarterly account review\" to the trash?");
    tmux.keys(&["y"]);
    tmux.wait_for("to the trash. u brings it back");
    assert!(!file.exists());
    assert!(
        tmux.data
            .path()
            .join("trash/2026-11-20-the-launch-that-slipped.toml")
            .exists()
    );
    tmux.keys(&["u"]);
    tmux.wait_for("Restored \"Quarterly account review\" from the trash.");
    assert!(file.exists());
    tmux.keys(&["Escape"]);
    tmux.wait_for("20 reflections");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0");
}

#[test]
fn an_escape_sequence_in_a_title_cannot_retitle_the_terminal() {
    let tmux = Tmux::new();
    let dir = tmux.data.path().join("reflections");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("2026-11-01-hostile.toml"),
        "schema_version = 1\nid = \"2026-11-01-hostile\"\ntitle = \"\\u001b]2;pwned\\u0007Evil\\u001b[2J title\"\nstatus = \"completed\"\ncreated = \"2026-11-01T08:00:00Z\"\n[perspective]\nexpected = \"\\u001b]2;pwned-too\\u0007calm\"\n",
    )
    .expect("write");
    tmux.start("");
    tmux.wait_for("Evil title");
    tmux.keys(&["Enter"]);
    tmux.wait_for("reading");
    tmux.keys(&["End"]);
    tmux.wait_for("calm");
    let out = tmux.tmux(&["display-message", "-p", "-t", "main", "#{pane_title}"]);
    let title = String::from_utf8_lossy(&out.stdout);
    assert!(
        !title.contains("pwned"),
        "the pane title changed to {title:?}"
    );
    tmux.quit();
}

#[test]
fn home_sees_a_reflection_added_by_another_program_while_it_is_open() {
    let tmux = Tmux::new();
    seed_twenty(&tmux);
    tmux.start("");
    tmux.wait_for("20 reflections");
    let guide = Guide::builtin().expect("guide");
    let store = rebound::store::Store::open(tmux.data.path()).expect("store");
    let mut r = rebound::reflection::Reflection::new(
        "2026-11-29-written-by-a-script".into(),
        "Written by a script".into(),
        time::OffsetDateTime::now_utc(),
    );
    r.set_text(
        Stage::Perspective,
        "expected",
        "A zebra in the answers".into(),
    );
    store.save(&r, guide).expect("save");
    tmux.wait_for("21 reflections");
    tmux.wait_for("Written by a script");
    tmux.keys(&["/"]);
    tmux.type_text("zebra");
    tmux.wait_for("1 of 21");
    tmux.quit();
}

/// A second rebound on the same data dir, in its own tmux server.
fn second_window(first: &Tmux, args: &str) -> Tmux {
    let second = Tmux::new();
    let command = format!(
        "REBOUND_DATA_DIR='{}' '{}' {args}; echo $? > '{}'",
        first.data.path().display(),
        BIN,
        second.status_file().display()
    );
    second.launch(&command);
    second
}

#[test]
fn a_reflection_open_in_another_rebound_opens_read_only_until_that_one_closes() {
    let first = Tmux::new();
    first.start_new("Shared setback");
    first.type_text("Written in the first window");
    let second = second_window(&first, "resume");
    second.wait_for("Read only:");
    second.wait_for("open in another rebound (process");
    // Trying to change it asks the other rebound's leave first.
    second.keys(&["e"]);
    second.wait_for("Still read only");
    first.quit();
    second.keys(&["e"]);
    second.wait_for("it is yours to edit now");
    let screen = second.screen();
    assert!(screen.contains("Written in the first window"), "{screen}");
    second.keys(&["e"]);
    second.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    second.keys(&["End"]);
    second.type_text(", then the second");
    second.keys(&["C-c"]);
    assert_eq!(second.wait_exit(), "0");
    let file = first.only_file();
    assert!(
        file.contains("Written in the first window, then the second"),
        "{file}"
    );
}

#[test]
fn a_lock_left_by_a_killed_rebound_does_not_block() {
    let first = Tmux::new();
    first.start_new("Killed holder");
    first.type_text("Before the crash");
    sleep(Duration::from_millis(1500));
    Command::new("kill")
        .args(["-9", &first.pid()])
        .status()
        .expect("kill runs");
    first.wait_exit();
    let second = second_window(&first, "resume");
    second.wait_for("Before the crash");
    let screen = second.screen();
    assert!(!screen.contains("Read only"), "{screen}");
    second.keys(&["C-c"]);
    assert_eq!(second.wait_exit(), "0");
}

fn process_state(pid: &str) -> String {
    let out = Command::new("ps")
        .args(["-o", "stat=", "-p", pid])
        .output()
        .expect("ps runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn wait_until(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        sleep(Duration::from_millis(50));
    }
}

impl Tmux {
    /// rebound typed into an interactive bash, as a person would: bash has
    /// job control, so Ctrl-Z stops rebound and `fg` brings it back.
    fn start_in_a_shell(&self, args: &str) {
        let _ = std::fs::remove_file(self.status_file());
        self.launch("env -i PATH=/usr/bin:/bin TERM=xterm-256color PS1='shell$ ' bash --norc --noprofile -i");
        self.wait_for("shell$");
        // No exit-status file here: bash runs the rest of a command line as
        // soon as a job stops, so the tests watch the process instead.
        self.type_text(&format!(
            "REBOUND_DATA_DIR='{}' '{}' {args}",
            self.data.path().display(),
            BIN
        ));
        self.keys(&["Enter"]);
    }

    fn alternate_screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .tmux(&["display-message", "-p", "-t", "main", "#{alternate_on}"])
                .stdout,
        )
        .trim()
        .to_string()
    }
}

#[test]
fn a_stop_saves_and_gives_the_terminal_back_and_fg_brings_the_screen_back() {
    let tmux = Tmux::new();
    tmux.start_in_a_shell("new --title Suspended");
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    tmux.type_text("Typed before the stop");
    let pid = tmux.pid();
    Command::new("kill")
        .args(["-TSTP", &pid])
        .status()
        .expect("kill runs");
    wait_until("rebound is stopped", || {
        process_state(&pid).starts_with('T')
    });
    wait_until("the shell has the screen", || {
        tmux.alternate_screen() == "0"
    });
    tmux.wait_for("Stopped");
    let file = tmux.only_file();
    assert!(file.contains("Typed before the stop"), "{file}");

    tmux.type_text("fg");
    tmux.keys(&["Enter"]);
    wait_until("the full screen is back", || tmux.alternate_screen() == "1");
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    tmux.type_text(" and after");
    tmux.keys(&["C-c"]);
    wait_until("rebound has exited", || process_state(&pid).is_empty());
    tmux.wait_for("shell$");
    assert!(tmux.only_file().contains("Typed before the stop and after"));
}

/// Found under faults (issue 9): a SIGSTOP from outside (not Ctrl-Z), then
/// `fg`, killed rebound with "The cursor position could not be read within a
/// normal duration" and left `;1R` on the prompt. Continuing after any stop
/// repaints and carries on.
#[test]
fn a_sigstop_from_outside_then_fg_repaints_and_carries_on() {
    let tmux = Tmux::new();
    tmux.start_in_a_shell("new --title Stopped");
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    tmux.type_text("Before the stop");
    let pid = tmux.pid();
    wait_until("the typing is saved", || {
        tmux.only_file().contains("Before the stop")
    });
    Command::new("kill")
        .args(["-STOP", &pid])
        .status()
        .expect("kill runs");
    wait_until("rebound is stopped", || {
        process_state(&pid).starts_with('T')
    });
    tmux.wait_for("Stopped");
    tmux.type_text("fg");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    tmux.type_text(", and after it");
    wait_until("the typing after fg is saved", || {
        tmux.only_file().contains("Before the stop, and after it")
    });
    assert!(!process_state(&pid).is_empty(), "rebound died after fg");
    tmux.keys(&["C-c"]);
    wait_until("rebound has exited", || process_state(&pid).is_empty());
    let shell = tmux.wait_for("shell$");
    assert!(
        !shell.contains(";1R"),
        "a terminal reply was left behind:\n{shell}"
    );
    assert!(!shell.contains("cursor position"), "{shell}");
}

#[test]
fn ctrl_z_outside_a_text_field_suspends_and_fg_returns() {
    let tmux = Tmux::new();
    tmux.start_in_a_shell("");
    tmux.wait_for("No reflections yet");
    let pid = tmux.pid();
    tmux.keys(&["C-z"]);
    wait_until("rebound is stopped", || {
        process_state(&pid).starts_with('T')
    });
    tmux.type_text("fg");
    tmux.keys(&["Enter"]);
    tmux.wait_for("No reflections yet");
    tmux.keys(&["q"]);
    wait_until("rebound has exited", || process_state(&pid).is_empty());
}

#[test]
fn ctrl_z_without_a_shell_to_come_back_to_never_freezes_rebound() {
    let tmux = Tmux::new();
    // Started straight from tmux, as `xterm -e rebound` would be: no job
    // control, so a stop could never be undone.
    tmux.start("");
    tmux.wait_for("No reflections yet");
    let pid = tmux.pid();
    tmux.keys(&["C-z"]);
    sleep(Duration::from_millis(500));
    assert!(!process_state(&pid).starts_with('T'), "rebound froze");
    tmux.wait_for("No reflections yet");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0");
}

#[test]
fn a_one_megabyte_paste_arrives_whole_and_rebound_stays_responsive() {
    let tmux = Tmux::new();
    tmux.start_new("Big paste");
    let line = "All work and no play makes a long reflection, pasted in one go. ";
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 1_000_000 {
        text.push_str(&format!("{n:05} {line}\n"));
        n += 1;
    }
    text.push_str("THE END");
    let buffer = tmux.data.path().join("paste.txt");
    std::fs::write(&buffer, &text).expect("write paste");
    let path = buffer.to_string_lossy().into_owned();
    tmux.tmux(&["load-buffer", "-b", "big", &path]);
    let start = Instant::now();
    // -p: as a bracketed paste, the way a terminal delivers one.
    tmux.tmux(&["paste-buffer", "-p", "-b", "big", "-t", "main"]);
    tmux.wait_for("THE END");
    let pasted_in = start.elapsed();
    // Still responsive: a key typed now shows at once.
    tmux.type_text("!");
    tmux.wait_for("THE END!");
    tmux.quit();
    let r = rebound::reflection::Reflection::from_toml_str(&tmux.only_file()).expect("loads");
    let saved = r.text(Stage::Perspective, "expected");
    assert_eq!(saved.len(), text.len() + 1, "every byte arrived");
    assert!(saved.starts_with("00000 All work"));
    assert!(saved.ends_with("THE END!"));
    eprintln!("1 MB paste shown after {pasted_in:?}");
}

#[test]
fn a_hand_edit_made_while_open_is_not_overwritten_and_nothing_typed_is_lost() {
    let tmux = Tmux::new();
    tmux.start_new("Hand edited");
    tmux.type_text("Typed here");
    let file = wait_for_file_containing(&tmux, "Typed here");
    let path = tmux.reflection_files()[0].clone();
    std::fs::write(
        &path,
        file.replace("title = \"Hand edited\"", "title = \"Edited by hand\""),
    )
    .expect("hand edit");
    tmux.type_text(" and more");
    tmux.wait_for("changed outside rebound");
    tmux.quit();
    let on_disk = read(&path);
    assert!(on_disk.contains("Edited by hand"), "{on_disk}");
    assert!(!on_disk.contains("and more"), "{on_disk}");
    let conflicts: Vec<PathBuf> = std::fs::read_dir(tmux.data.path().join("conflicts"))
        .expect("a conflicts folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(read(&conflicts[0]).contains("Typed here and more"));
}

/// Found under faults (issue 9): a file changed outside rebound (a sync
/// tool, `sed -i`, `>>`) while the person typed switched them to the reading
/// page, where "so I did yell" moved the reflection to the trash and every
/// word after the switch was saved nowhere. They stay where they are, every
/// word is kept (in the conflict copy), and a notice says where.
#[test]
fn typing_through_a_conflict_stays_typing_and_every_word_is_kept() {
    let tmux = Tmux::new();
    tmux.start_new("Synced elsewhere");
    tmux.type_text("Before the sync");
    wait_for_file_containing(&tmux, "Before the sync");
    let path = tmux.reflection_files()[0].clone();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open to append");
    std::io::Write::write_all(&mut file, b"\nsynced = true\n").expect("append");
    drop(file);
    // Typed straight on, a word at a time, as a person would, across the
    // moment the next save finds the change.
    for word in [
        " so",
        " I",
        " did",
        " yell",
        " until",
        " everyone",
        " had",
        " gone",
    ] {
        tmux.type_text(word);
        sleep(Duration::from_millis(150));
    }
    let screen = tmux.wait_for("changed outside rebound");
    assert!(
        screen.contains(&format!("▶ {}", label(Stage::Perspective, 0))),
        "{screen}"
    );
    assert!(screen.contains("conflicts/"), "{screen}");
    tmux.type_text(" and more after the notice");
    sleep(Duration::from_millis(1500));
    tmux.quit();
    assert!(
        !tmux.data.path().join("trash").exists(),
        "nothing was deleted"
    );
    let on_disk = read(&path);
    assert!(
        on_disk.contains("synced = true"),
        "the other hand's file stays: {on_disk}"
    );
    let conflicts: Vec<PathBuf> = std::fs::read_dir(tmux.data.path().join("conflicts"))
        .expect("a conflicts folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(
        conflicts.len(),
        1,
        "one copy follows the typing: {conflicts:?}"
    );
    assert!(
        read(&conflicts[0]).contains(
            "Before the sync so I did yell until everyone had gone and more after the notice"
        ),
        "{}",
        read(&conflicts[0])
    );
}

#[test]
fn a_title_typed_before_ctrl_c_is_kept() {
    let tmux = Tmux::new();
    tmux.start("new");
    // In the guide chosen before it, too.
    tmux.wait_for("Choose a guide");
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("Name this setback · Ten minutes");
    tmux.type_text("Typed then quit");
    tmux.quit();
    let file = tmux.only_file();
    assert!(file.contains("title = \"Typed then quit\""), "{file}");
    assert!(file.contains("guide = \"ten-minute\""), "{file}");
}

/// Found under faults (issue 9): a delete the person confirmed was refused,
/// because the reflection's latest change could not be saved first, and
/// nothing said so.
#[test]
fn a_delete_refused_because_saving_fails_says_so() {
    let tmux = Tmux::new();
    seed_twenty(&tmux);
    let reflections = tmux.data.path().join("reflections");
    tmux.start("resume 2026-11-20");
    // The first brave step is a step like the others, and the first due.
    tmux.wait_for("▶ [ ] 2026-12-04 Email the three friendliest clinics");
    // Saving fails from now on: the folder is not where it was (even root
    // cannot write into a folder that is a plain file).
    let away = tmux.data.path().join("reflections-away");
    std::fs::rename(&reflections, &away).expect("move the folder away");
    std::fs::write(&reflections, "not a folder").expect("a file in its place");
    tmux.keys(&["Space"]);
    tmux.wait_for("Could not save");
    tmux.keys(&["d"]);
    tmux.wait_for("to the trash?");
    tmux.keys(&["y"]);
    let screen = tmux.wait_for("Could not delete it");
    assert!(screen.contains("could not be saved first"), "{screen}");
    // Put right, it saves and nothing was lost or deleted.
    std::fs::remove_file(&reflections).expect("remove the file");
    std::fs::rename(&away, &reflections).expect("the folder back");
    tmux.quit();
    let text = read(&reflections.join("2026-11-20-the-launch-that-slipped.toml"));
    let r = rebound::reflection::Reflection::from_toml_str(&text).expect("valid");
    assert!(r.first_step().is_some_and(|s| s.done), "the tick was kept");
    assert!(!tmux.data.path().join("trash").exists());
}

#[test]
fn a_data_dir_not_made_yet_is_made_when_the_first_reflection_starts() {
    let tmux = Tmux::new();
    let fresh = tmux.data.path().join("first-time");
    tmux.launch(&format!("REBOUND_DATA_DIR='{}' '{BIN}'", fresh.display()));
    let home = tmux.wait_for("No reflections yet");
    assert!(
        home.contains("first-time does not exist yet; your first reflection makes it."),
        "{home}"
    );
    assert!(!fresh.exists(), "opening the home screen made nothing");
    tmux.keys(&["n"]);
    tmux.wait_for("Choose a guide");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Name this setback");
    tmux.type_text("Missed the promotion");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("▶ {}", label(Stage::Perspective, 0)));
    assert!(
        fresh.join("reflections").is_dir(),
        "made by the first reflection"
    );
    tmux.keys(&["Escape"]);
    let home = tmux.wait_for("Unfinished");
    assert!(!home.contains("does not exist yet"), "{home}");
    tmux.keys(&["q"]);
}

#[test]
fn rebound_list_in_a_terminal_cuts_long_titles_to_fit() {
    let tmux = Tmux::new();
    let store = rebound::store::Store::open(tmux.data.path()).expect("store");
    let guide = Guide::builtin().expect("guide");
    let long =
        "The client we lost after eleven years, and everything it taught me about asking early";
    let r = rebound::reflection::Reflection::new(
        "2026-11-25-the-client".into(),
        long.into(),
        time::macros::datetime!(2026-11-25 08:00 UTC),
    );
    store.save(&r, guide).expect("save");
    tmux.launch(&format!(
        "REBOUND_DATA_DIR='{}' '{BIN}' list; sleep 30",
        tmux.data.path().display()
    ));
    let screen = tmux.wait_for("2026-11-25-the-client");
    let row = screen
        .lines()
        .find(|l| l.starts_with("2026-11-25-the-client"))
        .expect("the row");
    assert!(row.trim_end().ends_with('…'), "{screen}");
    assert!(row.contains("The client we lost"), "{screen}");
    assert!(!screen.contains("asking early"), "{screen}");
}

/// Issue 10: under NO_COLOR each colour change went out as a full reset,
/// which also took reverse video off the selected row.
#[test]
fn with_no_color_the_selected_home_row_is_in_reverse_video() {
    let tmux = Tmux::new();
    seed_twenty(&tmux);
    let command = format!(
        "NO_COLOR=1 REBOUND_DATA_DIR='{}' '{}'",
        tmux.data.path().display(),
        BIN
    );
    tmux.launch(&command);
    tmux.wait_for("20 reflections");
    let styled = String::from_utf8_lossy(
        &tmux
            .tmux(&["capture-pane", "-p", "-e", "-t", "main"])
            .stdout,
    )
    .into_owned();
    let row = styled
        .lines()
        .find(|l| l.contains('▶'))
        .unwrap_or_else(|| panic!("no selected row:\n{styled}"));
    assert!(row.contains("\u{1b}[7m"), "not reversed: {row:?}");
    // tmux writes the default colours (39, 49) after a reset; any other
    // foreground or background would be a colour.
    let coloured = (0..8).any(|c| {
        styled.contains(&format!("\u{1b}[3{c}"))
            || styled.contains(&format!("\u{1b}[4{c}"))
            || styled.contains(&format!("\u{1b}[9{c}"))
    });
    assert!(!coloured, "a colour was sent: {styled:?}");
    tmux.keys(&["C-c"]);
}

/// Issue 10: Syncthing left the laptop's version beside the reflection. On
/// home it is a row under its reflection; Enter reads the laptop's words,
/// and nothing pressed there changes the copy or, through the id inside
/// it, the original.
#[test]
fn a_syncthing_copy_is_read_from_home_and_neither_file_changes() {
    use rebound::reflection::Status;
    use time::macros::datetime;
    let tmux = Tmux::new();
    let guide = Guide::builtin().expect("guide");
    let store = rebound::store::Store::open(tmux.data.path()).expect("store");
    let mut ours = common::filled_reflection();
    ours.status = Status::Completed;
    ours.completed = Some(datetime!(2026-11-28 18:00 UTC));
    store.save(&ours, guide).expect("save");
    let mut theirs = ours.clone();
    theirs.title = "The launch, as the laptop has it".into();
    let mut steps = theirs.actions(Stage::Goals, "steps");
    steps[0].text = "Call Dana from the laptop".into();
    theirs.set_actions(Stage::Goals, "steps", steps);
    let dir = tmux.data.path().join("reflections");
    let original = dir.join(format!("{}.toml", ours.id));
    let copy = dir.join(format!(
        "{}.sync-conflict-20261129-101010-LAPTOP7.toml",
        ours.id
    ));
    std::fs::write(&copy, theirs.to_toml_string(guide).expect("toml")).expect("copy");
    let before = (read(&original), read(&copy));

    tmux.start("");
    tmux.wait_for("↳ conflict copy from LAPTOP7 (Syncthing), read only");
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("A conflict copy of \"The launch that slipped\" from LAPTOP7 (Syncthing)");
    let screen = tmux.wait_for("Call Dana from the laptop");
    assert!(
        screen.contains("The launch, as the laptop has it"),
        "{screen}"
    );
    assert!(screen.contains("read only"), "{screen}");
    for key in ["e", "Space", "Tab", "Space"] {
        tmux.keys(&[key]);
    }
    tmux.wait_for("A copy is only read here.");
    tmux.keys(&["d"]);
    tmux.wait_for("rebound never deletes a conflict copy.");
    tmux.keys(&["y", "Escape"]);
    tmux.wait_for("Enter on a copy's row reads it");
    tmux.keys(&["d"]);
    tmux.wait_for("rebound never deletes a conflict copy.");
    tmux.keys(&["y"]);
    tmux.quit();
    assert_eq!(read(&original), before.0, "the original is as it was");
    assert_eq!(read(&copy), before.1, "the copy is as it was");
    assert!(store.trashed().is_empty(), "nothing went to the trash");
}

/// Found by a new user (issue 10): a long sentence wrapped one way while
/// typed and another after, and Up in a wrapped answer did not go to the
/// row above as it showed. At 100x32 an answer is 56 columns wide.
#[test]
fn up_in_a_wrapped_answer_goes_to_the_row_above_as_it_shows() {
    let tmux = Tmux::new();
    tmux.start_new("The launch that slipped");
    tmux.type_text(
        "We planned the launch for March and told every client it would land on time, then the pilot stalled and nobody owned the fix.",
    );
    let screen = tmux.wait_for("owned the fix.");
    assert!(
        screen.contains("│ would land on time, then the pilot stalled and nobody"),
        "{screen}"
    );
    assert!(screen.contains("│ owned the fix."), "{screen}");
    // From the end of the last row, up a row and up again, typing at each.
    tmux.keys(&["Up"]);
    tmux.type_text("X");
    tmux.keys(&["Up"]);
    tmux.type_text("Y");
    let file = wait_for_file_containing(&tmux, "Ylaunch");
    assert!(
        file.contains(
            "We planned the Ylaunch for March and told every client it would land on Xtime,"
        ),
        "{file}"
    );
    // Down comes back to the row below, where the X is.
    tmux.keys(&["Down"]);
    tmux.type_text("Z");
    let screen = tmux.wait_for("Z");
    let row = screen
        .lines()
        .find(|l| l.contains('Z'))
        .unwrap_or_default()
        .to_string();
    assert!(
        row.contains("Xtime"),
        "Z is typed on the row with the X: {screen}"
    );
    tmux.quit();
}

/// Issue 11: home says a step is past its date; `a` lists it first, marked
/// overdue in words; Space ticks it and the file says so at once, while the
/// completed reflection stays completed.
#[test]
fn home_to_the_agenda_space_ticks_an_overdue_step_and_the_reflection_stays_complete() {
    use rebound::reflection::{ActionItem, Reflection, Status};
    use time::macros::datetime;
    let tmux = Tmux::new();
    let guide = Guide::builtin().expect("guide");
    let store = rebound::store::Store::open(tmux.data.path()).expect("store");
    let mut r = Reflection::new(
        "2020-01-02-the-launch".into(),
        "The launch that slipped".into(),
        datetime!(2020-01-02 09:00 UTC),
    );
    let step = |text: &str, due: &str| ActionItem {
        text: text.into(),
        due: due.into(),
        ..ActionItem::default()
    };
    r.set_actions(
        Stage::Goals,
        "steps",
        vec![
            step("Write the retro", "2999-01-01"),
            step("Call Dana", "2020-01-15"),
        ],
    );
    r.status = Status::Completed;
    r.completed = Some(datetime!(2020-01-03 09:00 UTC));
    store.save(&r, guide).expect("save");
    let file = tmux
        .data
        .path()
        .join("reflections/2020-01-02-the-launch.toml");

    tmux.start("");
    tmux.wait_for("1 step past its date · next: Write the retro");
    tmux.keys(&["a"]);
    let agenda = tmux.wait_for("15 Jan 2020 overdue");
    assert!(agenda.contains("›"), "the overdue step is chosen: {agenda}");
    tmux.keys(&["Space"]);
    tmux.wait_for("Done: Call Dana");
    let text = read(&file);
    let saved = Reflection::from_toml_str(&text).expect("valid file");
    let call = saved
        .steps()
        .into_iter()
        .find(|s| s.text == "Call Dana")
        .expect("the step is still there");
    assert!(call.done, "{text}");
    assert_eq!(saved.status, Status::Completed, "{text}");
    assert!(text.contains("done = true"), "{text}");
    tmux.wait_for("15 Jan 2020 done");

    tmux.keys(&["Escape"]);
    let home = tmux.wait_for("a for the agenda");
    assert!(!home.contains("past its date"), "{home}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0");
}

/// Three weeks after the plan: `rebound checkin` opens the check-in that is
/// due; how heavy it feels now, one step moved to a new date, one dropped,
/// a day to look again; and the file holds all of it, still complete.
#[test]
fn a_checkin_moves_one_step_drops_another_and_is_kept_in_the_file() {
    let tmux = Tmux::new();
    let dir = tmux.data.path().join("reflections");
    std::fs::create_dir_all(&dir).expect("reflections dir");
    let file = dir.join("2020-01-01-the-launch.toml");
    std::fs::write(
        &file,
        r#"schema_version = 2
id = "2020-01-01-the-launch"
title = "The launch that slipped"
status = "completed"
created = 2020-01-01T09:00:00Z
completed = 2020-01-02T09:00:00Z

[answers.perspective]
weight_today = 4

[answers.goals]
objectives = ["Plan launches with customers"]

[[answers.goals.steps]]
id = "read-notes"
text = "Read the notes"
due = "2020-01-20"
done = false

[[answers.goals.steps]]
id = "meetup"
text = "Go to the meetup"
done = false

[answers.plan]
weight_now = 3
look_again = "2020-01-23"
"#,
    )
    .expect("seed file");
    tmux.start("checkin");
    let screen = tmux.wait_for("▶ How heavy does it feel now?");
    assert!(
        screen.contains("Before: 4 Very heavy at the start · 3 Heavy on completion"),
        "{screen}"
    );
    tmux.keys(&["2", "Tab"]);
    tmux.wait_for("▶ What became of each open step?");
    // The first step gets a new date; the second is cleared and dropped.
    tmux.keys(&["C-d", "C-u"]);
    tmux.type_text("2030-01-15");
    tmux.keys(&["Enter", "Down", "C-u", "BSpace"]);
    for _ in 0..10 {
        if tmux.screen().contains("▶ When will you look again?") {
            break;
        }
        tmux.keys(&["Tab"]);
    }
    tmux.wait_for("▶ When will you look again?");
    tmux.type_text("2030-02-01");
    tmux.keys(&["Tab"]);
    tmux.wait_for("Check-in saved. Next look: Fri 1 Feb 2030");

    let text = wait_for_file_containing(&tmux, "next_look = \"2030-02-01\"");
    let r = rebound::reflection::Reflection::from_toml_str(&text).expect("valid file");
    assert_eq!(r.status, rebound::reflection::Status::Completed, "{text}");
    let checkin = &r.checkins()[0];
    assert_eq!(checkin.weight(), Some(2), "{text}");
    let became: Vec<(String, &str, String)> = checkin
        .steps()
        .iter()
        .map(|s| (s.id.clone(), s.outcome.as_str(), s.due.clone()))
        .collect();
    assert_eq!(
        became,
        vec![
            ("read-notes".into(), "moved", "2030-01-15".into()),
            ("meetup".into(), "dropped", String::new()),
        ],
        "{text}"
    );
    let steps = r.actions(Stage::Goals, "steps");
    assert_eq!(steps.len(), 1, "the dropped step left the plan: {text}");
    assert_eq!(steps[0].due, "2030-01-15");
    tmux.quit();
}

/// Issue 11: `p` on home opens the progress screen, which draws how heavy
/// the setback felt at its start and at completion, names the line in its
/// legend, and Esc goes back home.
#[test]
fn p_on_home_opens_the_progress_chart_with_its_legend_and_esc_goes_back() {
    use rebound::reflection::{Reflection, Status};
    use time::macros::datetime;
    let tmux = Tmux::new();
    let guide = Guide::builtin().expect("guide");
    let store = rebound::store::Store::open(tmux.data.path()).expect("store");
    let mut r = Reflection::new(
        "2020-01-02-the-launch".into(),
        "The launch that slipped".into(),
        datetime!(2020-01-02 09:00 UTC),
    );
    r.set_rating(Stage::Perspective, "weight_today", Some(4));
    r.set_rating(Stage::PLAN, "weight_now", Some(2));
    r.status = Status::Completed;
    r.completed = Some(datetime!(2020-01-20 09:00 UTC));
    store.save(&r, guide).expect("save");

    tmux.start("");
    tmux.wait_for("The launch that slipped");
    tmux.keys(&["p"]);
    let screen = tmux.wait_for("How heavy it felt");
    assert!(
        screen.contains("● The launch that slipped  4 → 2"),
        "the legend names the line: {screen}"
    );
    assert!(screen.contains("Steps done per month"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("n new reflection");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0");
}

/// Issue 12: a person on the empty home screen presses `s`, reads a story
/// labelled as invented, and Esc takes them back to the list, then home;
/// reading stories writes nothing to the data dir.
#[test]
fn s_on_home_lists_the_stories_enter_reads_one_and_esc_goes_back_home() {
    let tmux = Tmux::new();
    tmux.start("");
    tmux.wait_for("No reflections yet.");
    tmux.keys(&["s"]);
    tmux.wait_for("The app that ran out of money");
    tmux.keys(&["j", "Enter"]);
    let story = tmux.wait_for("An invented story · Failed a professional licensing exam");
    assert!(
        story.contains("Ines failed her surveying licence exam"),
        "{story}"
    );
    assert!(story.contains("What it shows, stage by stage"), "{story}");
    tmux.keys(&["Escape"]);
    let list = tmux.wait_for("Enter read");
    assert!(
        list.contains("▶ The third sitting"),
        "the story read stays selected: {list}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("No reflections yet.");
    assert!(tmux.reflection_files().is_empty());
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0");
}

#[test]
fn a_broken_guide_file_is_named_on_home_and_everything_else_works() {
    let tmux = Tmux::new();
    std::fs::create_dir_all(tmux.guides_dir()).expect("guides folder");
    std::fs::write(
        tmux.guides_dir().join("coach.toml"),
        "title = \"From my coach\"\nminutes = twenty\n",
    )
    .expect("write guide");
    tmux.start("");
    let home = tmux.wait_for("No reflections yet.");
    assert_eq!(
        home.matches("guide not loaded: coach.toml:2:11:").count(),
        1,
        "{home}"
    );
    tmux.keys(&["n"]);
    let chooser = tmux.wait_for("Choose a guide");
    assert!(!chooser.contains("From my coach"), "{chooser}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Name this setback");
    tmux.keys(&["Escape"]);
    tmux.wait_for("No reflections yet.");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0");
}

/// `n` on home offers the guides; one chosen further down is the one the
/// new reflection follows, from its first screen to its file.
#[test]
fn a_guide_chosen_on_home_is_the_one_the_new_reflection_follows() {
    let tmux = Tmux::new();
    tmux.start("");
    tmux.wait_for("No reflections yet");
    tmux.keys(&["n"]);
    let chooser = tmux.wait_for("Choose a guide");
    assert!(chooser.contains("▶ The full guide"), "{chooser}");
    tmux.keys(&["Down"]);
    tmux.wait_for("▶ Ten minutes");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Name this setback · Ten minutes");
    tmux.type_text("A bad Monday");
    tmux.keys(&["Enter"]);
    let stage = tmux.wait_for("Keep and change");
    assert!(stage.contains("A bad Monday"), "{stage}");
    let file = wait_for_file_containing(&tmux, "guide = \"ten-minute\"");
    assert!(file.contains("title = \"A bad Monday\""), "{file}");
    tmux.quit();
}

/// `rebound new --guide NAME` skips the chooser: the title, then that guide.
#[test]
fn new_with_a_guide_asks_only_the_title_and_walks_that_guide() {
    let tmux = Tmux::new();
    tmux.start("new --guide job-loss");
    let prompt = tmux.wait_for("Name this setback · Job loss");
    assert!(!prompt.contains("Choose a guide"), "{prompt}");
    tmux.type_text("Let go in the reorg");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Steady first");
    wait_for_file_containing(&tmux, "guide = \"job-loss\"");
    tmux.quit();
}

/// The ten-minute guide's plan: `D` carries the same reflection on in the
/// full guide, every answer kept, and the file says so once saved.
#[test]
fn the_quick_guide_goes_deeper_in_the_full_guide_with_every_answer_kept() {
    let tmux = Tmux::new();
    tmux.start("new --guide ten-minute --title 'Figures were wrong'");
    tmux.wait_for("What happened");
    tmux.keys(&["Tab"]);
    tmux.type_text("The join dropped a region");
    tmux.keys(&["PageDown", "PageDown", "PageDown"]);
    let plan = tmux.wait_for("D go deeper");
    assert!(plan.contains("Growth plan"), "{plan}");
    tmux.keys(&["D"]);
    let stage = tmux.wait_for("Continuing in the full guide");
    assert!(stage.contains("Stage 1 of 7"), "{stage}");
    let file = wait_for_file_containing(&tmux, "guide = \"full\"");
    assert!(
        file.contains("what_happened = \"The join dropped a region\""),
        "{file}"
    );
    tmux.quit();
}

/// A coach's guide end to end: `guides show full` copied into the guides
/// folder, cut to its own shape (two stages gone, a question reworded),
/// started with `new --guide`, answered, saved under its keys, and its
/// growth plan gathered from the roles it kept.
#[test]
fn an_own_guide_is_copied_edited_walked_and_gives_a_plan() {
    let tmux = Tmux::new();
    let guides = tmux.guides_dir();
    std::fs::create_dir_all(&guides).expect("mkdir guides");
    let shown = Command::new(BIN)
        .args(["guides", "show", "full"])
        .env("REBOUND_GUIDES_DIR", &guides)
        .output()
        .expect("run rebound");
    let full = String::from_utf8(shown.stdout).expect("utf-8");
    let cut_from = full
        .find("[[stages]]\nkey = \"deconstruct\"")
        .expect("deconstruct");
    let cut_to = full.find("[[stages]]\nkey = \"goals\"").expect("goals");
    let mine = format!("{}{}", &full[..cut_from], &full[cut_to..])
        .replacen("title = \"The full guide\"", "title = \"From my coach\"", 1)
        .replacen(
            "label = \"What was supposed to happen?\"",
            "label = \"What did you hope for?\"",
            1,
        );
    std::fs::write(guides.join("coach.toml"), &mine).expect("write coach.toml");

    tmux.start("new --guide coach --title 'Coached'");
    tmux.wait_for("▶ What did you hope for?");
    let screen = tmux.wait_for("of 5");
    assert!(
        screen.contains("Stage 1 of 5"),
        "five stages now:\n{screen}"
    );
    tmux.type_text("A team of my own");
    // Goals is the second stage now.
    tmux.keys(&["PageDown"]);
    tmux.wait_for("▶ What are your career objectives now?");
    tmux.type_text("Lead a small team by summer");
    tmux.keys(&["PageDown", "PageDown", "PageDown", "PageDown"]);
    let plan = tmux.wait_for("Lead a small team by summer");
    assert!(plan.contains("Goals"), "the plan gathers the goal:\n{plan}");
    tmux.quit();

    let file = tmux.only_file();
    assert!(file.contains("guide = \"coach\""), "{file}");
    assert!(file.contains("expected = \"A team of my own\""), "{file}");
    assert!(
        file.contains("objectives = [\"Lead a small team by summer\"]"),
        "{file}"
    );
}
