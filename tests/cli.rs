//! The scriptable command line, run as the real binary against a temp data
//! dir: what it prints, where, and with which exit code.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use rebound::guide::Guide;
use rebound::reflection::{Reflection, Status};
use rebound::store::Store;
use time::macros::datetime;

const BIN: &str = env!("CARGO_BIN_EXE_rebound");

fn rebound(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("REBOUND_DATA_DIR", data)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .expect("run rebound")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Three reflections: one completed (the fully answered one), two unfinished.
fn seeded() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let guide = Guide::builtin().expect("guide");
    let mut done = common::filled_reflection();
    done.status = Status::Completed;
    done.completed = Some(datetime!(2026-11-28 18:00 UTC));
    store.save(&done, guide).expect("save");
    for (id, title, updated) in [
        (
            "2026-11-25-the-client-we-lost",
            "The client we lost",
            datetime!(2026-11-29 08:00 UTC),
        ),
        (
            "2026-11-26-the-reorg",
            "The reorg",
            datetime!(2026-11-27 08:00 UTC),
        ),
    ] {
        let mut r = Reflection::new(id.into(), title.into(), datetime!(2026-11-25 08:00 UTC));
        r.updated = updated;
        store.save(&r, guide).expect("save");
    }
    (dir, store)
}

#[test]
fn list_prints_a_table_newest_first_and_filters_by_status() {
    let (dir, _store) = seeded();
    let out = rebound(dir.path(), &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID"), "{text}");
    assert!(
        lines[1].starts_with("2026-11-25-the-client-we-lost"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("2026-11-20-the-launch-that-slipped"),
        "{text}"
    );
    assert!(lines[2].contains("done 2026-11-28"), "{text}");
    assert!(lines[3].starts_with("2026-11-26-the-reorg"), "{text}");
    assert_eq!(lines.len(), 4);

    let out = rebound(dir.path(), &["list", "--status", "completed"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("The launch that slipped"));

    let out = rebound(dir.path(), &["list", "--status", "in-progress"]);
    assert_eq!(stdout(&out).lines().count(), 3);
}

#[test]
fn list_json_is_one_array_for_scripts() {
    let (dir, _store) = seeded();
    let out = rebound(dir.path(), &["list", "--json", "--status", "completed"]);
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let items = value.as_array().expect("an array");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], "2026-11-20-the-launch-that-slipped");
    assert_eq!(items[0]["status"], "completed");
    // Two Goals steps and the first brave step, all still to do.
    assert_eq!(items[0]["open_steps"], 3);
    assert_eq!(items[0]["completed"], "2026-11-28T18:00:00Z");

    let out = rebound(dir.path(), &["list", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = value
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|v| v["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "2026-11-25-the-client-we-lost",
            "2026-11-20-the-launch-that-slipped",
            "2026-11-26-the-reorg"
        ]
    );
}

/// Issue 11: `list --json` writes each row as it is made. A reader that
/// stops early (`| head`) leaves it mid-stream, which ends quietly: no
/// error, no message, as when the whole list was one string.
#[test]
fn list_json_piped_into_head_ends_quietly_mid_stream() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    for i in 0..1000 {
        let id = format!("2026-11-20-reflection-{i:04}");
        let file = format!(
            "schema_version = 2\nid = \"{id}\"\ntitle = \"Reflection {i} about the launch\"\n\
             status = \"in-progress\"\ncreated = 2026-11-20T09:00:00Z\n\
             updated = 2026-11-20T09:{:02}:00Z\n",
            i % 60
        );
        std::fs::write(store.reflections_dir().join(format!("{id}.toml")), file).expect("write");
    }
    let whole = rebound(dir.path(), &["list", "--json"]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    let rows: serde_json::Value = serde_json::from_slice(&whole.stdout).expect("JSON");
    assert_eq!(rows.as_array().map(Vec::len), Some(1000));
    // Far more than a pipe holds: rebound is still writing when the reader goes.
    assert!(whole.stdout.len() > 4 * 65536, "{}", whole.stdout.len());

    let mut child = Command::new(BIN)
        .args(["list", "--json"])
        .env("REBOUND_DATA_DIR", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rebound");
    let mut head = [0; 100];
    child
        .stdout
        .take()
        .expect("piped")
        .read_exact(&mut head)
        .expect("the first rows");
    assert_eq!(&head[..], &whole.stdout[..100]);
    let done = child.wait_with_output().expect("rebound ends");
    assert!(
        done.status.success(),
        "{:?}: {}",
        done.status,
        stderr(&done)
    );
    assert_eq!(stderr(&done), "");
}

#[test]
fn show_prints_markdown_for_a_unique_prefix() {
    let (dir, _store) = seeded();
    let out = rebound(dir.path(), &["show", "2026-11-20"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("# The launch that slipped\n"), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("## ")).count(), 8);
}

#[test]
fn unknown_and_ambiguous_ids_fail_with_one_line() {
    let (dir, _store) = seeded();
    for command in ["show", "export", "delete", "resume"] {
        let out = rebound(dir.path(), &[command, "2027"]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{command}: {err}");
        assert!(err.contains("no reflection matches \"2027\""), "{err}");
    }
    let out = rebound(dir.path(), &["show", "2026-11-2"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "a line, then each candidate: {err}");
    assert!(lines[0].contains("matches 3 reflections"), "{err}");
    assert!(
        lines.contains(&"  2026-11-25-the-client-we-lost       The client we lost"),
        "{err}"
    );
    assert!(err.contains("2026-11-26-the-reorg"), "{err}");
}

#[test]
fn a_reflection_can_be_named_by_the_start_of_its_title_or_words_in_it() {
    let (dir, _store) = seeded();
    // Case aside, the start of a title; else words anywhere in it.
    for (given, title) in [
        ("the CLIENT", "# The client we lost\n"),
        ("reorg", "# The reorg\n"),
        ("launch  that", "# The launch that slipped\n"),
    ] {
        let out = rebound(dir.path(), &["show", given]);
        assert!(out.status.success(), "{given}: {}", stderr(&out));
        assert!(stdout(&out).starts_with(title), "{given}: {}", stdout(&out));
    }
    let out = rebound(dir.path(), &["export", "the reorg", "-f", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // An id (or the start of one) wins over a title.
    let out = rebound(dir.path(), &["show", "2026-11-26"]);
    assert!(stdout(&out).starts_with("# The reorg\n"));

    // "The" starts every title: each is listed with its id, to choose from.
    let out = rebound(dir.path(), &["show", "the"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("rebound: \"the\" matches 3 reflections"),
        "{err}"
    );
    for line in [
        "2026-11-20-the-launch-that-slipped  The launch that slipped",
        "2026-11-26-the-reorg                The reorg",
    ] {
        assert!(err.contains(line), "{err}");
    }
    let out = rebound(dir.path(), &["resume", "nothing like it"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no reflection matches"));
}

/// Found in review: `delete --yes off` trashed "Laid off" by a word inside
/// its title, and `show resume` missed "Résumé gaps" that home's search
/// finds. Deleting takes the start of a title; titles are matched as
/// search matches them.
#[test]
fn delete_never_goes_by_a_word_inside_a_title_and_accents_never_hide_one() {
    let (dir, store) = seeded();
    let guide = Guide::builtin().expect("guide");
    for (id, title) in [
        ("2026-11-27-laid-off", "Laid off"),
        ("2026-11-27-resume-gaps", "Résumé gaps"),
    ] {
        let r = Reflection::new(id.into(), title.into(), datetime!(2026-11-27 08:00 UTC));
        store.save(&r, guide).expect("save");
    }
    let out = rebound(dir.path(), &["delete", "off", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("only part of the title \"Laid off\""), "{err}");
    assert!(store.path_of("2026-11-27-laid-off").exists(), "kept");

    let out = rebound(dir.path(), &["show", "resume"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("# Résumé gaps\n"));
    let out = rebound(dir.path(), &["delete", "laid", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!store.path_of("2026-11-27-laid-off").exists(), "trashed");
}

#[test]
fn many_candidates_are_cut_at_ten_and_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let guide = Guide::builtin().expect("guide");
    for n in 0..14 {
        let id = format!("2026-11-{:02}-missed-again", n + 1);
        let r = Reflection::new(
            id,
            format!("Missed again {n}"),
            datetime!(2026-11-01 08:00 UTC),
        );
        store.save(&r, guide).expect("save");
    }
    let out = rebound(dir.path(), &["resume", "missed"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 12, "{err}");
    assert!(err.ends_with("  and 4 more\n"), "{err}");
}

#[test]
fn export_writes_each_format_to_stdout_or_a_private_file() {
    let (dir, _store) = seeded();
    let out = rebound(dir.path(), &["export", "2026-11-20", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(value["title"], "The launch that slipped");

    let out = rebound(dir.path(), &["export", "2026-11-20", "-f", "toml"]);
    let back = Reflection::from_toml_str(&stdout(&out)).expect("TOML loads");
    assert_eq!(back.id, "2026-11-20-the-launch-that-slipped");

    let target = dir.path().join("plan.json");
    let target_arg = target.to_string_lossy().into_owned();
    let out = rebound(dir.path(), &["export", "2026-11-20", "-o", &target_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("plan.json (JSON)"),
        "{}",
        stderr(&out)
    );
    let written = std::fs::read_to_string(&target).expect("written");
    assert!(serde_json::from_str::<serde_json::Value>(&written).is_ok());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // A folder that cannot be made (its parent is a file) is one line.
    let under_a_file = target.join("x.md");
    let out = rebound(
        dir.path(),
        &[
            "export",
            "2026-11-20",
            "-o",
            &under_a_file.to_string_lossy(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1);
}

#[test]
fn the_private_writing_stays_out_of_show_and_export_unless_asked_for() {
    let (dir, store) = seeded();
    let guide = Guide::builtin().expect("guide");
    let mut r = store
        .load("2026-11-20-the-launch-that-slipped")
        .expect("load");
    r.set_writing("Nobody told me until the all-hands.\n\nI was furious.".into());
    store.save(&r, guide).expect("save");
    let private = "Nobody told me";

    for args in [
        &["show", "2026-11-20"][..],
        &["export", "2026-11-20"],
        &["export", "2026-11-20", "-f", "json"],
        &["export", "2026-11-20", "-f", "toml"],
    ] {
        let out = rebound(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            !text.contains(private),
            "{args:?} leaked the writing: {text}"
        );
        assert!(!text.contains("Writing it out"), "{args:?}: {text}");
    }
    let target = dir.path().join("plan.md");
    let target_arg = target.to_string_lossy().into_owned();
    let out = rebound(dir.path(), &["export", "2026-11-20", "-o", &target_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&target).expect("written");
    assert!(!written.contains(private), "{written}");

    let out = rebound(dir.path(), &["show", "2026-11-20", "--with-writing"]);
    let text = stdout(&out);
    let section = text.find("\n## Writing it out\n").expect("a section");
    assert!(text[section..].contains(private), "{text}");
    assert!(text[section..].contains("I was furious."), "{text}");
    let out = rebound(
        dir.path(),
        &["export", "2026-11-20", "-f", "json", "--with-writing"],
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(value["writing"], r.writing());
    let out = rebound(
        dir.path(),
        &["export", "2026-11-20", "-f", "toml", "--with-writing"],
    );
    let back = Reflection::from_toml_str(&stdout(&out)).expect("TOML loads");
    assert_eq!(back.writing(), r.writing());
    let out = rebound(
        dir.path(),
        &[
            "export",
            "2026-11-20",
            "-o",
            &target_arg,
            "--force",
            "--with-writing",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&target).expect("written");
    assert!(written.contains("## Writing it out"), "{written}");
}

#[cfg(unix)]
#[test]
fn export_never_replaces_a_file_unless_forced_and_a_forced_one_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _store) = seeded();
    let out_dir = tempfile::tempdir().expect("temp dir");
    let notes = out_dir.path().join("notes.md");
    std::fs::write(&notes, "My own notes\n").expect("write");
    std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let notes_arg = notes.to_string_lossy().into_owned();

    let out = rebound(dir.path(), &["export", "the reorg", "-o", &notes_arg]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("{notes_arg} already exists")),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&notes).expect("read"),
        "My own notes\n"
    );

    let out = rebound(
        dir.path(),
        &["export", "the reorg", "-o", &notes_arg, "--force"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&notes)
            .expect("read")
            .starts_with("# The reorg")
    );
    let mode = std::fs::metadata(&notes)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644, "the person's file keeps its mode");
}

#[cfg(unix)]
#[test]
fn export_makes_the_folders_a_new_file_needs_privately() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _store) = seeded();
    let work = tempfile::tempdir().expect("temp dir");
    let out = Command::new(BIN)
        .args(["export", "2026-11-20", "-o", "notes/2026/plan.md"])
        .env("REBOUND_DATA_DIR", dir.path())
        .current_dir(work.path())
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let plan = work.path().join("notes/2026/plan.md");
    assert!(
        std::fs::read_to_string(&plan)
            .expect("written")
            .starts_with("# The launch")
    );
    for folder in ["notes", "notes/2026"] {
        let mode = std::fs::metadata(work.path().join(folder))
            .expect("made")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{folder}");
    }
}

#[test]
fn delete_moves_to_the_trash_and_restore_brings_it_back() {
    let (dir, store) = seeded();
    let file = store.reflections_dir().join("2026-11-26-the-reorg.toml");

    // No terminal to ask at: refused as bad usage, nothing touched.
    let out = rebound(dir.path(), &["delete", "2026-11-26"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert!(file.exists());

    let out = rebound(dir.path(), &["delete", "2026-11-26", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("rebound restore 2026-11-26-the-reorg"));
    assert!(!file.exists());
    assert!(store.trash_dir().join("2026-11-26-the-reorg.toml").exists());
    assert_eq!(store.list().expect("list").reflections.len(), 2);

    let out = rebound(dir.path(), &["restore"]);
    assert!(stdout(&out).contains("2026-11-26-the-reorg  The reorg"));
    let out = rebound(dir.path(), &["restore", "2026-11-26"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(file.exists());
    let out = rebound(dir.path(), &["restore", "2026-11-26"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_empty_data_dir_variable_counts_as_unset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(BIN)
        .args(["--data-dir", &dir.path().to_string_lossy(), "path"])
        .env("REBOUND_DATA_DIR", "")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = Command::new(BIN)
        .arg("path")
        .env("REBOUND_DATA_DIR", "")
        .env("HOME", dir.path())
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("rebound"), "{}", stdout(&out));
}

#[test]
fn path_prints_the_data_dir_without_creating_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("not-yet");
    let out = rebound(&data, &["path"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).trim_end(), data.to_string_lossy());
    assert!(!data.exists());
}

#[test]
fn escape_sequences_in_a_file_are_dropped_whole_when_printed() {
    let (dir, store) = seeded();
    let hostile = "schema_version = 1\nid = \"2026-11-01-hostile\"\ntitle = \"\\u001b]0;pwned\\u0007Evil\\u001b[2J\"\ncreated = \"2026-11-01T08:00:00Z\"\n[perspective]\nexpected = \"red \\u001b[31mtext\"\n";
    std::fs::write(
        store.reflections_dir().join("2026-11-01-hostile.toml"),
        hostile,
    )
    .expect("write");
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", "2026-11-01"],
        &["export", "2026-11-01", "-f", "json"],
        &["export", "2026-11-01", "-f", "toml"],
    ] {
        let out = rebound(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(
            !out.stdout.iter().any(|&b| b == 0x1b || b == 0x07),
            "{args:?} printed a raw control character"
        );
    }
    // Found by a new user (issue 10): only the ESC byte went, and `show`
    // printed `[31mtext`. Whole sequences go, the text between them stays.
    let shown = stdout(&rebound(dir.path(), &["show", "2026-11-01"]));
    assert!(shown.starts_with("# Evil\n"), "{shown}");
    assert!(shown.contains("red text"), "{shown}");
    assert!(
        !shown.contains("[31m") && !shown.contains("pwned"),
        "{shown}"
    );
}

#[test]
fn bad_usage_exits_2_with_one_line() {
    let (dir, _store) = seeded();
    for args in [
        &["list", "--status", "someday"][..],
        &["export", "2026-11-20", "--format", "pdf"],
        &["show"],
        &["frobnicate"],
    ] {
        let out = rebound(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out).lines().count(),
            1,
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn every_subcommand_explains_itself_with_an_example() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("untouched");
    for command in [
        "new", "resume", "list", "steps", "show", "export", "delete", "restore", "path",
    ] {
        let out = rebound(&data, &[command, "--help"]);
        assert!(out.status.success(), "{command}");
        let text = stdout(&out);
        assert!(text.contains("Example"), "{command}: {text}");
        assert!(text.contains(&format!("rebound {command}")) || command == "path");
    }
    assert!(!data.exists(), "--help never touches the data dir");
}

#[test]
fn a_broken_file_is_named_once_and_the_others_still_list() {
    let (dir, store) = seeded();
    let broken = store.reflections_dir().join("2026-01-01-broken.toml");
    std::fs::write(&broken, "title = [").expect("write");
    let out = rebound(dir.path(), &["show", "2026-01-01"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("2026-01-01-broken.toml"), "{err}");
    assert_eq!(err.matches("not valid TOML").count(), 1, "{err}");

    let out = rebound(dir.path(), &["list"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("skipped"), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 4);
    assert_eq!(
        std::fs::read_to_string(&broken).expect("untouched"),
        "title = ["
    );
}

#[test]
fn odd_names_in_the_trash_are_never_printed() {
    let (dir, store) = seeded();
    let trash = store.trash_dir();
    std::fs::create_dir_all(&trash).expect("trash dir");
    std::fs::write(trash.join("a\u{1b}]0;pwn\u{7}b.toml"), "x").expect("write");
    let out = rebound(dir.path(), &["delete", "2026-11-26", "--yes"]);
    assert!(out.status.success());
    let out = rebound(dir.path(), &["restore"]);
    let listed = stdout(&out);
    assert_eq!(listed, "2026-11-26-the-reorg  The reorg\n");
}

/// Found under faults (issue 9): `export -o` replaced whatever it was given
/// with a regular file: a link to a file was broken, and a FIFO or a device
/// node was replaced (as root, `-o /dev/stdout` would replace the real one).
/// A link is followed and its target replaced; a FIFO or a device is written
/// through.
#[cfg(unix)]
#[test]
fn export_follows_a_link_and_writes_through_a_fifo_or_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, _store) = seeded();
    let id = "2026-11-25-the-client-we-lost";
    let out = tempfile::tempdir().expect("temp dir");

    // Through a link to a file, and to a file not there yet: the file the
    // link leads to gets the export, and the link stays a link.
    let through = |link: &Path, real: &Path| {
        let done = rebound(
            dir.path(),
            &["export", id, "-o", &link.to_string_lossy(), "--force"],
        );
        assert!(done.status.success(), "{}", stderr(&done));
        let meta = std::fs::symlink_metadata(link).expect("link");
        assert!(meta.file_type().is_symlink(), "{link:?} is still a link");
        let text = std::fs::read_to_string(real).expect("read");
        assert!(text.contains("# The client we lost"), "{text}");
    };
    let real = out.path().join("real.md");
    std::fs::write(&real, "old\n").expect("write");
    let link = out.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    // The file the link leads to exists: replaced only when asked.
    let refused = rebound(dir.path(), &["export", id, "-o", &link.to_string_lossy()]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&real).expect("read"), "old\n");
    through(&link, &real);
    let dangling = out.path().join("later.md");
    let later = out.path().join("later-real.md");
    std::os::unix::fs::symlink(&later, &dangling).expect("link");
    through(&dangling, &later);

    // A FIFO: a reader gets the export and the FIFO is still a FIFO.
    let fifo = out.path().join("pipe");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the fifo"))
    };
    // A FIFO is not a file to refuse: it works without --force.
    let done = rebound(dir.path(), &["export", id, "-o", &fifo.to_string_lossy()]);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        reader
            .join()
            .expect("reader")
            .contains("# The client we lost")
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("fifo")
            .file_type()
            .is_fifo()
    );

    // /dev/stdout: the export arrives on stdout.
    let done = rebound(dir.path(), &["export", id, "-o", "/dev/stdout"]);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(stdout(&done).contains("# The client we lost"));
    assert!(
        std::fs::metadata("/dev/null")
            .expect("null")
            .file_type()
            .is_char_device()
    );
}

/// Found in review: what `-o` leads to is decided by what is opened, so a
/// FIFO nobody reads yet is waited on (the reader may come later, as with
/// `echo > fifo`), and a socket, like a disk, is refused in one line
/// without --force or with it.
#[cfg(unix)]
#[test]
fn export_waits_for_a_fifos_reader_and_refuses_a_socket() {
    let (dir, _store) = seeded();
    let id = "2026-11-25-the-client-we-lost";
    let out = tempfile::tempdir().expect("temp dir");
    let fifo = out.path().join("pipe");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let writer = Command::new(BIN)
        .args(["export", id, "-o", &fifo.to_string_lossy()])
        .env("REBOUND_DATA_DIR", dir.path())
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rebound");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let read = std::fs::read_to_string(&fifo).expect("read the fifo");
    let done = writer.wait_with_output().expect("rebound ends");
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(read.contains("# The client we lost"), "{read}");

    let socket = out.path().join("sock");
    let _listening = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    for force in [false, true] {
        let mut args = vec!["export", id, "-o"];
        let path = socket.to_string_lossy();
        args.push(&path);
        if force {
            args.push("--force");
        }
        let refused = rebound(dir.path(), &args);
        assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
        let err = stderr(&refused);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("that is a socket, not a file"), "{err}");
    }
}

/// Found under faults (issue 9): `REBOUND_DATA_DIR` with a trailing newline
/// silently used a folder whose name ends in a newline, and a relative one
/// depended on the current folder (`rebound path` printed it relative).
#[test]
fn a_data_dir_with_a_newline_is_refused_and_a_relative_one_made_absolute() {
    let base = tempfile::tempdir().expect("temp dir");
    let with_newline = format!("{}/data\n", base.path().display());
    let out = Command::new(BIN)
        .args(["list"])
        .env("REBOUND_DATA_DIR", &with_newline)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("control character"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_dir(base.path()).expect("list").count(),
        0,
        "nothing made"
    );

    let out = Command::new(BIN)
        .args(["path"])
        .env("REBOUND_DATA_DIR", "relative/data")
        .current_dir(base.path())
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim_end(),
        base.path().join("relative/data").to_string_lossy()
    );
}

/// Found in review: `export ID -o /dev/stdout >> journal.md` replaced the
/// journal with the export (the path led to a regular file, which was
/// swapped out). It means this process's own stdout, appended to as the
/// shell opened it.
#[cfg(unix)]
#[test]
fn export_to_dev_stdout_appends_where_the_shell_sends_it() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _store) = seeded();
    let out = tempfile::tempdir().expect("temp dir");
    let journal = out.path().join("journal.md");
    std::fs::write(&journal, "Earlier entries\n").expect("write");
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let appending = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .expect("open to append");
    let done = Command::new(BIN)
        .args([
            "export",
            "2026-11-25-the-client-we-lost",
            "-o",
            "/dev/stdout",
        ])
        .env("REBOUND_DATA_DIR", dir.path())
        .stdin(Stdio::null())
        .stdout(appending)
        .output()
        .expect("run");
    assert!(done.status.success(), "{}", stderr(&done));
    let text = std::fs::read_to_string(&journal).expect("read");
    assert!(
        text.starts_with("Earlier entries\n# The client we lost"),
        "{text}"
    );
    let mode = std::fs::metadata(&journal)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644, "the journal is the same file");
}

#[test]
fn a_mistyped_data_dir_is_named_not_created() {
    let base = tempfile::tempdir().expect("temp dir");
    let typo = base.path().join("reboudn");
    let by_flag = |args: &[&str]| {
        Command::new(BIN)
            .arg("--data-dir")
            .arg(&typo)
            .args(args)
            .env_remove("REBOUND_DATA_DIR")
            .stdin(Stdio::null())
            .output()
            .expect("run")
    };
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["steps"],
        &["steps", "--json"],
        &["show", "x"],
        &["export", "x"],
        &["delete", "x", "--yes"],
        &["restore"],
        &["resume"],
    ] {
        for out in [by_flag(args), rebound(&typo, args)] {
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let err = stderr(&out);
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            assert!(
                err.contains(&format!("{} does not exist", typo.display())),
                "{args:?}: {err}"
            );
            assert!(stdout(&out).is_empty(), "{args:?}");
        }
    }
    // `path` still prints it, bare, for scripts; the note goes to stderr.
    let out = rebound(&typo, &["path"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), format!("{}\n", typo.display()));
    assert!(
        stderr(&out).contains("does not exist yet"),
        "{}",
        stderr(&out)
    );
    assert!(!typo.exists(), "nothing was made");
}

#[test]
fn a_first_run_with_no_data_dir_yet_lists_nothing_calmly_and_makes_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .env_remove("REBOUND_DATA_DIR")
            .env_remove("XDG_DATA_HOME")
            .env("HOME", home.path())
            .stdin(Stdio::null())
            .output()
            .expect("run")
    };
    let out = run(&["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("No reflections yet"),
        "{}",
        stderr(&out)
    );
    let out = run(&["list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "[]");
    let out = run(&["steps"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "No open steps.\n");
    // Asking for one reflection before there are any says so, not "no match".
    for args in [
        &["show", "2026"][..],
        &["resume", "laid off"],
        &["export", "2026"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let said = stderr(&out);
        assert!(
            said.contains("there are no reflections yet"),
            "{args:?}: {said}"
        );
        assert_eq!(said.lines().count(), 1, "{said}");
    }
    assert_eq!(
        std::fs::read_dir(home.path()).expect("home").count(),
        0,
        "nothing made in the home folder"
    );
}

#[test]
fn list_json_keeps_the_title_as_written_and_says_how_it_is_shown() {
    let (dir, store) = seeded();
    let guide = Guide::builtin().expect("guide");
    let untitled = Reflection::new(
        "2026-11-27-reflection".into(),
        String::new(),
        datetime!(2026-11-27 08:00 UTC),
    );
    store.save(&untitled, guide).expect("save");
    let out = rebound(dir.path(), &["list", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let item = value
        .as_array()
        .expect("array")
        .iter()
        .find(|v| v["id"] == "2026-11-27-reflection")
        .expect("listed")
        .clone();
    assert_eq!(item["title"], "");
    assert_eq!(item["display_title"], "Untitled reflection");
    let table = stdout(&rebound(dir.path(), &["list"]));
    assert!(table.contains("Untitled reflection"), "{table}");
}

#[test]
fn a_piped_list_keeps_long_titles_whole() {
    let (dir, store) = seeded();
    let guide = Guide::builtin().expect("guide");
    let long = "A title much longer than any terminal is wide, kept whole for scripts that read it";
    let r = Reflection::new(
        "2026-11-27-long".into(),
        long.into(),
        datetime!(2026-11-27 08:00 UTC),
    );
    store.save(&r, guide).expect("save");
    let out = Command::new(BIN)
        .arg("list")
        .env("REBOUND_DATA_DIR", dir.path())
        .env("COLUMNS", "40")
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(
        stdout(&out).contains(&format!("{long}\n")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_sync_tools_conflict_copy_is_named_and_can_be_read_but_is_never_touched() {
    let (dir, store) = seeded();
    let reflections = store.reflections_dir();
    let original =
        std::fs::read_to_string(reflections.join("2026-11-26-the-reorg.toml")).expect("read");
    let theirs = original.replace(
        "title = \"The reorg\"",
        "title = \"The reorg, from the laptop\"",
    );
    let syncthing = "2026-11-26-the-reorg.sync-conflict-20261129-101010-LAPTOP7.toml";
    let dropbox = "2026-11-26-the-reorg (Dana's conflicted copy 2026-11-29).toml";
    for name in [syncthing, dropbox] {
        std::fs::write(reflections.join(name), &theirs).expect("write copy");
    }
    std::fs::write(reflections.join("todo.txt"), "buy milk").expect("write");

    let out = rebound(dir.path(), &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{syncthing} is a conflict copy of \"The reorg\" from LAPTOP7 (Syncthing)"
        )),
        "{err}"
    );
    assert!(
        err.contains("a conflict copy of \"The reorg\" from Dana (Dropbox)"),
        "{err}"
    );
    assert!(err.contains("todo.txt is not a reflection"), "{err}");
    assert_eq!(
        stdout(&out).lines().count(),
        4,
        "the list itself is unchanged"
    );

    let out = rebound(dir.path(), &["show", dropbox]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("# The reorg, from the laptop\n"));
    assert!(stderr(&out).contains("conflict copy"), "{}", stderr(&out));
    for name in [syncthing, dropbox] {
        assert_eq!(
            std::fs::read_to_string(reflections.join(name)).expect("kept"),
            theirs
        );
    }
}

/// Found in review and in a new-user walk: a file beside the reflections
/// was tried before ids and titles, so a folder or a note named like one
/// hid it behind an I/O or TOML error; a broken reflection named by its
/// file name was "no reflection matches"; a note was parsed as TOML; and
/// deleting a conflict copy said "no reflection matches". Reflections come
/// first, and every other file is named for what it is.
#[test]
fn a_file_beside_the_reflections_never_hides_one_and_is_named_for_what_it_is() {
    let (dir, store) = seeded();
    let reflections = store.reflections_dir();
    std::fs::create_dir(reflections.join("2026-11-26")).expect("a folder");
    std::fs::write(reflections.join("reorg"), "a note\n").expect("a note");
    std::fs::write(reflections.join("notes.txt"), "buy milk\n").expect("notes");
    std::fs::write(reflections.join("2026-11-01-broken.toml"), "steps = [\n").expect("broken");
    let dropbox = "2026-11-26-the-reorg (Dana's conflicted copy 2026-11-29).toml";
    let original =
        std::fs::read_to_string(reflections.join("2026-11-26-the-reorg.toml")).expect("read");
    std::fs::write(reflections.join(dropbox), &original).expect("a copy");

    for given in ["2026-11-26", "reorg", "2026-11-26-the-reorg.toml"] {
        let out = rebound(dir.path(), &["show", given]);
        assert!(out.status.success(), "{given}: {}", stderr(&out));
        assert!(stdout(&out).starts_with("# The reorg\n"), "{given}");
    }

    let by_id = rebound(dir.path(), &["show", "2026-11-01-broken"]);
    let by_name = rebound(dir.path(), &["show", "2026-11-01-broken.toml"]);
    assert_eq!(by_name.status.code(), Some(1));
    assert!(stderr(&by_name).contains("TOML"), "{}", stderr(&by_name));
    assert_eq!(stderr(&by_name), stderr(&by_id));

    let out = rebound(dir.path(), &["show", "notes.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "rebound: notes.txt is not a reflection (rebound only reads <id>.toml files and sync tools' conflict copies)\n"
    );

    let out = rebound(dir.path(), &["delete", dropbox, "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("rebound never deletes a conflict copy. When you are done with it, remove its file by hand"),
        "{err}"
    );
    assert!(reflections.join(dropbox).exists(), "kept");

    let out = rebound(dir.path(), &["resume", dropbox]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("read it with `rebound show"),
        "{}",
        stderr(&out)
    );
}

/// Two reflections with steps far enough from today that what is overdue
/// does not depend on the day the test runs.
fn with_steps() -> (tempfile::TempDir, Store) {
    use rebound::reflection::ActionItem;
    use rebound::stage::{FullStages, Stage};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let guide = Guide::builtin().expect("guide");
    let step = |text: &str, due: &str, done: bool| ActionItem {
        text: text.into(),
        due: due.into(),
        done,
        ..ActionItem::default()
    };
    let mut launch = Reflection::new(
        "2026-11-20-the-launch".into(),
        "The launch that slipped".into(),
        datetime!(2026-11-20 09:00 UTC),
    );
    launch.set_actions(
        Stage::Goals,
        "steps",
        vec![
            step("Read the discovery book", "", false),
            step("Update the CV", "2099-03-01", false),
            step("Take the pricing course", "2001-02-01", true),
            step("Plan the next pilot", "after the reorg", false),
        ],
    );
    let mut reorg = Reflection::new(
        "2026-11-26-the-reorg".into(),
        "The reorg".into(),
        datetime!(2026-11-26 09:00 UTC),
    );
    reorg.set_actions(
        Stage::Goals,
        "steps",
        vec![step("Ask Ana for a reference", "2001-01-15", false)],
    );
    reorg.set_text(
        Stage::Risk,
        "first_step",
        "Tell my manager what I want next".into(),
    );
    reorg.set_text(Stage::Risk, "first_step_date", "2099-01-10".into());
    store.save(&launch, guide).expect("save");
    store.save(&reorg, guide).expect("save");
    (dir, store)
}

#[test]
fn steps_lists_open_steps_across_reflections_overdue_first_marked_in_words() {
    let (dir, _store) = with_steps();
    let out = rebound(dir.path(), &["steps"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let table = stdout(&out);
    let rows: Vec<&str> = table.lines().collect();
    assert!(
        rows[0].starts_with("DUE") && rows[0].contains("STEP"),
        "{table}"
    );
    assert!(rows[0].contains("REFLECTION"), "{table}");
    let order = [
        ("2001-01-15 overdue", "Ask Ana for a reference", "The reorg"),
        (
            "2099-01-10 ",
            "Tell my manager what I want next",
            "The reorg",
        ),
        ("2099-03-01 ", "Update the CV", "The launch that slipped"),
        ("- ", "Read the discovery book", "The launch that slipped"),
        (
            "after the reorg ",
            "Plan the next pilot",
            "The launch that slipped",
        ),
    ];
    assert_eq!(
        rows.len(),
        order.len() + 1,
        "done steps are left out: {table}"
    );
    for (row, (due, text, title)) in rows[1..].iter().zip(order) {
        assert!(row.starts_with(due), "{row}");
        assert!(row.contains(text) && row.ends_with(title), "{row}");
    }
    assert_eq!(table.matches("overdue").count(), 1, "{table}");

    let out = rebound(dir.path(), &["steps", "--all"]);
    let table = stdout(&out);
    assert!(table.contains("2001-02-01 done"), "{table}");
    assert_eq!(table.lines().count(), 7, "{table}");

    let out = rebound(dir.path(), &["steps", "--overdue"]);
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
    assert!(stdout(&out).contains("Ask Ana"));

    let out = rebound(dir.path(), &["steps", "--all", "--overdue"]);
    assert_eq!(out.status.code(), Some(2), "one or the other");
}

#[test]
fn steps_json_is_one_array_with_stable_keys_and_null_for_no_date() {
    let (dir, store) = with_steps();
    let out = rebound(dir.path(), &["steps", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let steps: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let steps = steps.as_array().expect("an array");
    assert_eq!(steps.len(), 5);
    let first = &steps[0];
    let keys: Vec<&str> = first
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "reflection",
            "title",
            "id",
            "text",
            "due",
            "due_text",
            "done",
            "overdue"
        ]
    );
    assert_eq!(first["reflection"], "2026-11-26-the-reorg");
    assert_eq!(first["title"], "The reorg");
    assert_eq!(first["text"], "Ask Ana for a reference");
    assert_eq!(first["due"], "2001-01-15");
    assert_eq!(first["done"], false);
    assert_eq!(first["overdue"], true);
    let reorg = store.load("2026-11-26-the-reorg").expect("load");
    assert_eq!(first["id"], reorg.steps()[0].id.as_str());
    // The first brave step is a step like any other.
    assert_eq!(steps[1]["id"], reorg.steps()[1].id.as_str());
    assert_eq!(steps[1]["overdue"], false);
    let undated = &steps[3];
    assert_eq!(undated["due"], serde_json::Value::Null);
    assert_eq!(undated["due_text"], "");
    let unparsed = &steps[4];
    assert_eq!(unparsed["due"], serde_json::Value::Null);
    assert_eq!(unparsed["due_text"], "after the reorg");
    // The same ids on a second run.
    assert_eq!(stdout(&rebound(dir.path(), &["steps", "--json"])), text);
}

#[test]
fn steps_names_an_unreadable_file_and_lists_the_rest() {
    let (dir, store) = with_steps();
    let broken = store.reflections_dir().join("2026-01-01-broken.toml");
    std::fs::write(&broken, "title = [").expect("write");
    for args in [&["steps"][..], &["steps", "--json"]] {
        let out = rebound(dir.path(), args);
        assert!(out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("skipped") && err.contains("2026-01-01-broken.toml"),
            "{err}"
        );
        assert!(stdout(&out).contains("Ask Ana for a reference"), "{args:?}");
    }
    assert_eq!(
        std::fs::read_to_string(&broken).expect("untouched"),
        "title = ["
    );
}

#[test]
fn steps_come_from_the_index_as_the_files_say_and_a_hand_edit_is_seen_at_once() {
    let (dir, store) = with_steps();
    let agenda_json = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = rebound(dir.path(), args);
        assert!(out.status.success(), "{}", stderr(&out));
        let steps: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        steps.as_array().expect("an array").clone()
    };
    // Built once from the files; the second run reads the index.
    agenda_json(&["steps", "--all", "--json"]);
    let from_index = agenda_json(&["steps", "--all", "--json"]);
    let today = time::OffsetDateTime::now_utc().date();
    let loaded =
        ["2026-11-20-the-launch", "2026-11-26-the-reorg"].map(|id| store.load(id).expect("load"));
    let mut from_files = rebound::agenda::collect(&loaded, today);
    rebound::agenda::order(&mut from_files);
    assert_eq!(from_index.len(), from_files.len());
    for (json, step) in from_index.iter().zip(&from_files) {
        assert_eq!(json["reflection"], step.reflection.as_str());
        assert_eq!(json["title"], step.title.as_str());
        assert_eq!(json["id"], step.id.as_str());
        assert_eq!(json["text"], step.text.as_str());
        assert_eq!(json["due_text"], step.due_text.as_str());
        assert_eq!(json["done"], step.done);
        assert_eq!(json["overdue"], step.overdue);
    }

    // The files are not read while their stamps match: what the index
    // says is listed.
    let index = dir.path().join("summary-index.json");
    let saved = std::fs::read_to_string(&index).expect("index");
    std::fs::write(
        &index,
        saved.replace("Read the discovery", "Indexed: read the"),
    )
    .expect("w");
    let texts = |steps: &[serde_json::Value]| -> Vec<String> {
        steps
            .iter()
            .map(|s| s["text"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert!(texts(&agenda_json(&["steps", "--json"])).contains(&"Indexed: read the book".into()));

    // A hand edit after the index was built is on the agenda at once: a
    // step renamed, one ticked, one added.
    let path = store.reflections_dir().join("2026-11-20-the-launch.toml");
    let file = std::fs::read_to_string(&path).expect("read");
    let edited = file
        .replace("Update the CV", "Update the CV and the portfolio")
        .replacen("done = false", "done = true", 1)
        + "\n[[answers.goals.steps]]\ntext = \"Call Sam\"\ndue = \"2001-03-01\"\n";
    assert_ne!(edited, file);
    std::fs::write(&path, edited).expect("hand edit");
    let steps = agenda_json(&["steps", "--json"]);
    let texts = texts(&steps);
    assert!(
        texts.contains(&"Update the CV and the portfolio".into()),
        "{texts:?}"
    );
    assert!(texts.contains(&"Call Sam".into()), "{texts:?}");
    assert!(
        !texts.contains(&"Indexed: read the book".into()),
        "{texts:?}"
    );
    assert!(
        !texts.contains(&"Read the discovery book".into()),
        "ticked: {texts:?}"
    );
    let mut from_files = rebound::agenda::collect(
        &[
            store.load("2026-11-20-the-launch").expect("load"),
            store.load("2026-11-26-the-reorg").expect("load"),
        ],
        today,
    );
    from_files.retain(|s| !s.done);
    rebound::agenda::order(&mut from_files);
    let ids: Vec<&str> = steps
        .iter()
        .map(|s| s["id"].as_str().unwrap_or(""))
        .collect();
    let file_ids: Vec<&str> = from_files.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, file_ids);
}

#[test]
fn an_empty_agenda_says_so_calmly_and_succeeds() {
    let empty = tempfile::tempdir().expect("temp dir");
    Store::open(empty.path()).expect("store");
    let out = rebound(empty.path(), &["steps"]);
    assert!(out.status.success());
    assert!(stdout(&out).is_empty());
    assert_eq!(stderr(&out), "No open steps.\n");
    let out = rebound(empty.path(), &["steps", "--json"]);
    assert_eq!(stdout(&out).trim(), "[]");
}

/// Issue 11, steps in other tools: each format written to stdout or a file,
/// the same ids on a second run, a file there refused without --force, and
/// nothing written (an empty calendar is not a valid one) when no step is open.
#[test]
fn steps_go_to_a_calendar_taskwarrior_or_todo_txt_with_the_same_ids_each_time() {
    let (dir, _store) = with_steps();
    let ics = stdout(&rebound(dir.path(), &["steps", "--format", "ics"]));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VTODO").count(), 5, "{ics}");
    assert!(ics.contains("DUE;VALUE=DATE:20010115"), "{ics}");
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    let again = stdout(&rebound(dir.path(), &["steps", "--format", "ics"]));
    assert_eq!(uids(&ics), uids(&again));

    let tasks = stdout(&rebound(dir.path(), &["steps", "--format", "taskwarrior"]));
    let tasks: serde_json::Value = serde_json::from_str(&tasks).expect("JSON");
    let tasks = tasks.as_array().expect("an array");
    assert_eq!(tasks.len(), 5);
    assert!(
        tasks
            .iter()
            .all(|t| t["uuid"].is_string() && t["status"] == "pending")
    );

    let todo = stdout(&rebound(dir.path(), &["steps", "--format", "todotxt"]));
    assert_eq!(todo.lines().count(), 5, "{todo}");
    assert!(todo.contains("due:2001-01-15"), "{todo}");

    let file = dir.path().join("out/steps.ics");
    let file_arg = file.to_string_lossy().to_string();
    let out = rebound(dir.path(), &["steps", "--format", "ics", "-o", &file_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Wrote 5 steps to"),
        "{}",
        stderr(&out)
    );
    let out = rebound(dir.path(), &["steps", "--format", "ics", "-o", &file_arg]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    let out = rebound(
        dir.path(),
        &["steps", "--format", "ics", "-o", &file_arg, "--force"],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let out = rebound(dir.path(), &["steps", "--json", "--format", "ics"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--json and --format are one or the other"
    );

    let empty = tempfile::tempdir().expect("temp dir");
    let nothing = empty.path().join("x.ics").to_string_lossy().to_string();
    let out = rebound(empty.path(), &["steps", "--format", "ics", "-o", &nothing]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Nothing was written."),
        "{}",
        stderr(&out)
    );
    assert!(!empty.path().join("x.ics").exists());
}

/// Issue 11, reminders: `rebound remind` run on a fixed day (REBOUND_TODAY).
fn remind_on(data: &Path, today: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("remind")
        .args(args)
        .env("REBOUND_DATA_DIR", data)
        .env("REBOUND_TODAY", today)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .expect("run rebound")
}

/// "Passed over", with steps due on 1, 5 and 10 December 2026, one undated,
/// and one done; `extra` more steps due on 30 November, each with a long text.
fn passed_over(extra: usize) -> (tempfile::TempDir, Store) {
    use rebound::reflection::ActionItem;
    use rebound::stage::{FullStages, Stage};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let guide = Guide::builtin().expect("guide");
    let step = |text: &str, due: &str, done: bool| ActionItem {
        text: text.into(),
        due: due.into(),
        done,
        ..ActionItem::default()
    };
    let mut r = Reflection::new(
        "2026-11-20-passed-over".into(),
        "Passed over".into(),
        datetime!(2026-11-20 09:00 UTC),
    );
    let mut steps = vec![
        step("Ask Dana for input", "2026-12-01", false),
        step("Write to Sam", "2026-12-05", false),
        step("Update my portfolio", "2026-12-10", false),
        step("Read the book", "", false),
        step("Book the course", "2026-11-25", true),
    ];
    steps.extend(
        (0..extra).map(|n| step(&format!("{n} {}", "word ".repeat(40)), "2026-11-30", false)),
    );
    r.set_actions(Stage::Goals, "steps", steps);
    store.save(&r, guide).expect("save");
    (dir, store)
}

#[test]
fn remind_says_nothing_at_all_when_nothing_is_due() {
    let (dir, store) = passed_over(0);
    // An unreadable file is not worth a warning on every new shell...
    let broken = store.reflections_dir().join("2026-01-01-broken.toml");
    std::fs::write(&broken, "title = [").expect("write");
    let out = remind_on(dir.path(), "2026-11-30", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "");
    // ...but it is named when asked for.
    let out = remind_on(dir.path(), "2026-11-30", &["--verbose"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("2026-01-01-broken.toml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn remind_names_what_is_overdue_and_what_is_due_today() {
    let (dir, _store) = passed_over(0);
    let out = remind_on(dir.path(), "2026-12-10", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert_eq!(
        stdout(&out),
        "Past their date: Ask Dana for input (Passed over), and 1 more, \
         listed by `rebound steps --overdue`.\n\
         Due today: Update my portfolio (Passed over).\n"
    );
    let out = remind_on(dir.path(), "2026-12-05", &[]);
    assert_eq!(
        stdout(&out),
        "Past its date: Ask Dana for input (Passed over).\n\
         Due today: Write to Sam (Passed over).\n"
    );
    // The same day that `rebound steps` reads.
    let out = Command::new(BIN)
        .args(["steps", "--overdue"])
        .env("REBOUND_DATA_DIR", dir.path())
        .env("REBOUND_TODAY", "2026-12-05")
        .output()
        .expect("run rebound");
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
}

#[test]
fn remind_stays_within_three_short_lines_however_much_is_due() {
    let (dir, _store) = passed_over(30);
    let out = remind_on(dir.path(), "2026-12-05", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!((1..=3).contains(&lines.len()), "{text}");
    // Not a terminal: each line cut at 100 columns, so a cron mail stays short.
    for line in &lines {
        assert!(line.chars().count() <= 100, "{line}");
    }
    // The oldest is named, cut, and the rest counted.
    assert!(
        lines[0].starts_with("Past their date: 0 word word")
            && lines[0].ends_with("…, and 30 more, listed by `rebound steps --overdue`."),
        "{text}"
    );
    assert_eq!(lines[1], "Due today: Write to Sam (Passed over).");
}

#[test]
fn remind_on_a_first_run_prints_nothing_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("not-yet");
    let out = remind_on(&data, "2026-12-10", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "");
    assert!(!data.exists());
}

#[test]
fn a_mistyped_rebound_today_is_a_usage_error() {
    let (dir, _store) = passed_over(0);
    let out = remind_on(dir.path(), "10/12/2026", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("REBOUND_TODAY"), "{}", stderr(&out));
}

/// Issue 11, progress: two reflections as files written by hand. "The launch"
/// was weighed at its start (4), at completion (3) and at one of its two
/// check-ins (2); three of its steps were done on known days, one before
/// days were kept, and one is open and past its date. "Passed over" was
/// weighed once (5) and its brave step is open.
fn progress_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let reflections = dir.path().join("reflections");
    std::fs::create_dir_all(&reflections).expect("mkdir");
    std::fs::write(
        reflections.join("2026-11-20-the-launch.toml"),
        r#"schema_version = 2
id = "2026-11-20-the-launch"
title = "The launch that slipped"
status = "completed"
created = 2026-11-20T09:00:00Z
updated = 2027-01-06T09:00:00Z
completed = 2026-12-02T20:00:00Z

[answers.perspective]
weight_today = 4

[[answers.goals.steps]]
id = "ask"
text = "Ask Dana what she saw"
due = "2026-11-25"
done = true
done_on = "2026-11-24"

[[answers.goals.steps]]
id = "notes"
text = "Write the launch notes"
done = true
done_on = "2026-11-30"

[[answers.goals.steps]]
id = "cv"
text = "Update the CV"
done = true
done_on = "2026-12-03"

[[answers.goals.steps]]
id = "old"
text = "Read the old plan"
done = true

[[answers.goals.steps]]
id = "pitch"
text = "Pitch the idea again"
due = "2027-01-05"

[answers.plan]
weight_now = 3
look_again = "2026-12-23"

[[checkins]]
date = 2026-12-23
weight = 2
next_look = "2027-01-06"

[[checkins]]
date = 2027-01-06
next_look = "2027-01-09"
"#,
    )
    .expect("write");
    std::fs::write(
        reflections.join("2027-01-01-passed-over.toml"),
        r#"schema_version = 2
id = "2027-01-01-passed-over"
title = "Passed over"
status = "in-progress"
created = 2027-01-01T09:00:00Z
updated = 2027-01-01T09:00:00Z

[answers.perspective]
weight_today = 5

[answers.risk]
first_step = "Ask for the lead role"
"#,
    )
    .expect("write");
    dir
}

fn stats_on(data: &Path, today: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("stats")
        .args(args)
        .env("REBOUND_DATA_DIR", data)
        .env("REBOUND_TODAY", today)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .expect("run rebound")
}

#[test]
fn stats_json_gives_every_weighing_and_steps_done_by_month_from_known_files() {
    let dir = progress_files();
    let out = stats_on(dir.path(), "2027-01-10", &["--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!({
            "reflections": [
                {
                    "id": "2027-01-01-passed-over",
                    "title": "Passed over",
                    "status": "in-progress",
                    "weights": [{"when": "start", "day": "2027-01-01", "weight": 5}],
                },
                {
                    "id": "2026-11-20-the-launch",
                    "title": "The launch that slipped",
                    "status": "completed",
                    "weights": [
                        {"when": "start", "day": "2026-11-20", "weight": 4},
                        {"when": "completion", "day": "2026-12-02", "weight": 3},
                        {"when": "checkin", "day": "2026-12-23", "weight": 2},
                    ],
                },
            ],
            "steps": {
                "done": 4,
                "open": 2,
                "overdue": 1,
                "done_by_month": {"2026-11": 2, "2026-12": 1},
                "done_without_day": 1,
            },
            "checkins": {"made": 2, "due": 1},
        })
    );
}

#[test]
fn stats_for_people_reads_as_a_few_plain_lines() {
    let dir = progress_files();
    let out = stats_on(dir.path(), "2027-01-10", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "How heavy it felt (1 light … 5 crushing):\n\
         \x20 Passed over              start 5\n\
         \x20 The launch that slipped  start 4 → completion 3 → check-in 2\n\
         Steps done by month: 2026-11 2, 2026-12 1\n\
         1 done step has no day recorded.\n\
         Steps: 4 done, 2 open, 1 past its date.\n\
         Check-ins: 2 made, 1 due.\n"
    );
}

#[test]
fn stats_on_an_empty_data_dir_is_one_calm_line_and_success() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = stats_on(dir.path(), "2027-01-10", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).starts_with("No reflections yet."));
    // Scripts still get the shape, all zeros.
    let out = stats_on(dir.path(), "2027-01-10", &["--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["reflections"], serde_json::json!([]));
    assert_eq!(json["steps"]["done"], 0);
    // A data dir named by hand that is not there is said to be missing.
    let out = stats_on(&dir.path().join("typo"), "2027-01-10", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

/// "Passed over", its plan saying to look again on 19 December;
/// with `settled`, a check-in on the 20th that said there is nothing more
/// to look at.
fn looking_again(settled: bool) -> tempfile::TempDir {
    use rebound::reflection::{Checkin, LOOK_AGAIN_FIELD, NEXT_LOOK_KEY, WEIGHT_KEY};
    use rebound::stage::Stage;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let guide = Guide::builtin().expect("guide");
    let mut r = Reflection::new(
        "2026-11-29-passed-over".into(),
        "Passed over".into(),
        datetime!(2026-11-29 09:00 UTC),
    );
    r.status = Status::Completed;
    r.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, "2026-12-19".into());
    if settled {
        let day = time::macros::date!(2026 - 12 - 20);
        let mut c = Checkin::new(day);
        c.set_rating(WEIGHT_KEY, Some(2));
        c.set_text(NEXT_LOOK_KEY, "settled".into());
        r.record_checkin(c, day);
    }
    store.save(&r, guide).expect("save");
    dir
}

#[test]
fn remind_says_a_check_in_is_due_from_its_day_on_and_how_to_open_it() {
    let dir = looking_again(false);
    let before = remind_on(dir.path(), "2026-12-18", &[]);
    assert!(before.status.success(), "{}", stderr(&before));
    assert_eq!(stdout(&before), "", "not due yet: nothing at all");
    let on_the_day = remind_on(dir.path(), "2026-12-19", &[]);
    assert_eq!(
        stdout(&on_the_day),
        "Check-in due for \"Passed over\" (today): `rebound checkin 2026-11-29`.\n"
    );
    let after = remind_on(dir.path(), "2026-12-24", &[]);
    assert_eq!(
        stdout(&after),
        "Check-in due for \"Passed over\" (since Sat 19 Dec): `rebound checkin 2026-11-29`.\n"
    );
    // The shortest start of the id that names it: every command takes one.
    let show = Command::new(BIN)
        .args(["show", "2026-11-29"])
        .env("REBOUND_DATA_DIR", dir.path())
        .output()
        .expect("run rebound");
    assert!(show.status.success(), "{}", stderr(&show));
    assert!(
        stdout(&show).starts_with("# Passed over\n"),
        "{}",
        stdout(&show)
    );
}

#[test]
fn remind_is_silent_about_a_reflection_whose_check_in_settled_it() {
    let dir = looking_again(true);
    let out = remind_on(dir.path(), "2027-03-01", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn remind_with_steps_and_check_ins_due_says_three_lines_at_most() {
    use rebound::reflection::LOOK_AGAIN_FIELD;
    use rebound::stage::Stage;
    let (dir, store) = passed_over(30);
    let guide = Guide::builtin().expect("guide");
    for (id, look_again) in [
        ("2026-10-01-laid-off", "2026-12-01"),
        ("2026-10-02-the-reorg", "2026-11-20"),
    ] {
        let mut r = Reflection::new(id.into(), id[11..].into(), datetime!(2026-10-01 09:00 UTC));
        r.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, look_again.into());
        r.status = Status::Completed;
        store.save(&r, guide).expect("save");
    }
    let out = remind_on(dir.path(), "2026-12-05", &[]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(
        lines[2],
        "2 check-ins due, oldest \"the-reorg\" (since Fri 20 Nov): \
         `rebound checkin 2026-10-02`."
    );
}

/// `rebound checkin` with no name, when nothing is due yet, says which is
/// next and how to check in early; one still in progress is refused.
#[test]
fn checkin_names_the_next_day_when_none_is_due_and_refuses_an_unfinished_plan() {
    let dir = looking_again(false);
    let early = Command::new(env!("CARGO_BIN_EXE_rebound"))
        .args(["--data-dir", &dir.path().display().to_string(), "checkin"])
        .env("REBOUND_TODAY", "2026-12-01")
        .stdin(Stdio::null())
        .output()
        .expect("run rebound");
    assert_eq!(early.status.code(), Some(1));
    assert_eq!(
        stderr(&early),
        "rebound: no check-in is due yet; the next is for \"Passed over\" on Sat 19 Dec 2026 \
         (check in early with `rebound checkin 2026-11-29-passed-over`)\n"
    );
    let store = Store::open(dir.path()).expect("store");
    let guide = Guide::builtin().expect("guide");
    let mut r = store.load("2026-11-29-passed-over").expect("load");
    r.status = Status::InProgress;
    store.save(&r, guide).expect("save");
    let named = rebound(dir.path(), &["checkin", "passed"]);
    assert_eq!(named.status.code(), Some(1));
    assert!(
        stderr(&named).contains("is still in progress"),
        "{}",
        stderr(&named)
    );
}

/// A step a check-in dropped is listed with `--all` as dropped, and other
/// tools are told it was cancelled under the id they know it by.
#[test]
fn steps_all_lists_a_step_a_checkin_dropped_and_taskwarrior_hears_it_was_deleted() {
    use rebound::reflection::{ActionItem, Checkin, NEXT_LOOK_KEY, Outcome, StepReview};
    use rebound::stage::{FullStages, Stage};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let guide = Guide::builtin().expect("guide");
    let mut r = Reflection::new(
        "2026-11-29-passed-over".into(),
        "Passed over".into(),
        datetime!(2026-11-29 09:00 UTC),
    );
    r.status = Status::Completed;
    let step = |id: &str, text: &str| ActionItem {
        id: id.into(),
        text: text.into(),
        ..ActionItem::default()
    };
    r.set_actions(
        Stage::Goals,
        "steps",
        vec![step("call", "Call Dana"), step("meet", "Go to the meetup")],
    );
    store.save(&r, guide).expect("save");
    let before = rebound(dir.path(), &["steps", "--all", "--format", "taskwarrior"]);
    let before: serde_json::Value = serde_json::from_str(&stdout(&before)).expect("json");
    let day = time::macros::date!(2026 - 12 - 20);
    let mut c = Checkin::new(day);
    c.set_steps(&[StepReview {
        id: "meet".into(),
        text: "Go to the meetup".into(),
        due: String::new(),
        outcome: Outcome::Dropped,
    }]);
    c.set_text(NEXT_LOOK_KEY, "settled".into());
    r.record_checkin(c, day);
    store.save(&r, guide).expect("save");

    let open = rebound(dir.path(), &["steps", "--json"]);
    assert!(!stdout(&open).contains("meetup"), "{}", stdout(&open));
    let all = rebound(dir.path(), &["steps", "--all", "--json"]);
    let all: serde_json::Value = serde_json::from_str(&stdout(&all)).expect("json");
    let gone = all
        .as_array()
        .and_then(|a| a.iter().find(|s| s["id"] == "meet"))
        .expect("listed");
    assert_eq!(gone["dropped"], true);
    assert_eq!(gone["done"], false);
    let after = rebound(dir.path(), &["steps", "--all", "--format", "taskwarrior"]);
    let after: serde_json::Value = serde_json::from_str(&stdout(&after)).expect("json");
    let uuid = |tasks: &serde_json::Value, step: &str| {
        tasks
            .as_array()
            .and_then(|a| a.iter().find(|t| t["rebound_step"] == step))
            .map(|t| (t["uuid"].clone(), t["status"].clone()))
            .expect("the task")
    };
    let (was, status_before) = uuid(&before, "meet");
    let (now, status_after) = uuid(&after, "meet");
    assert_eq!(was, now, "the same task, so an import updates it");
    assert_eq!(
        (status_before.as_str(), status_after.as_str()),
        (Some("pending"), Some("deleted"))
    );
}

#[test]
fn stories_lists_each_story_with_the_stages_it_fits_and_touches_no_data_dir() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("not-made-yet");
    let out = rebound(&missing, &["stories"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("layoff "), "{text}");
    assert!(lines[0].ends_with("Perspective, Network, Skills"), "{text}");
    assert!(lines[1].starts_with("exam-twice "), "{text}");
    assert!(lines[2].starts_with("startup-closed "), "{text}");
    assert!(!missing.exists(), "reading stories makes no data dir");
}

#[test]
fn a_story_prints_labelled_as_invented_wrapped_at_eighty_when_piped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = rebound(dir.path(), &["stories", "startup-closed"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "The app that ran out of money");
    assert!(lines[1].starts_with("An invented story · "), "{text}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{text}");
    assert!(
        lines.iter().any(|l| l.len() > 70),
        "wrapped to 80, not less: {text}"
    );
    assert!(
        text.contains("\"We were wrong early and found out late.\""),
        "{text}"
    );
    assert!(
        text.contains("\n  Risk         a side project with a fixed budget"),
        "{text}"
    );
}

#[test]
fn an_unknown_story_fails_with_one_line_naming_the_stories() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = rebound(dir.path(), &["stories", "layof"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("\"layof\""), "{err}");
    assert!(err.contains("layoff, exam-twice, startup-closed"), "{err}");
}

/// `rebound guides ...` with its own guides folder and data dir, so what a
/// developer keeps in their config folder never reaches a test.
fn rebound_with_guides(guides: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("REBOUND_DATA_DIR", guides.join("no-data-here"))
        .env("REBOUND_GUIDES_DIR", guides)
        .stdin(Stdio::null())
        .output()
        .expect("run rebound")
}

/// Whether `rebound guides` printed a row for `name` titled `title`.
fn listed_as(list: &str, name: &str, title: &str) -> bool {
    list.lines().any(|l| {
        let mut words = l.split("  ").map(str::trim).filter(|w| !w.is_empty());
        words.next() == Some(name) && words.next() == Some(title)
    })
}

fn full_guide_titled(title: &str) -> String {
    rebound::guide::GUIDE_TOML.replacen(
        "title = \"The full guide\"",
        &format!("title = \"{title}\""),
        1,
    )
}

#[test]
fn guides_lists_the_built_in_guide_and_the_persons_own_and_touches_no_data_dir() {
    let dir = tempfile::tempdir().expect("temp dir");
    let coach =
        full_guide_titled("From my coach").replacen("minutes = \"45–70\"", "minutes = 20", 1);
    std::fs::write(dir.path().join("coach.toml"), coach).expect("write");
    let out = rebound_with_guides(dir.path(), &["guides"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "full            The full guide                          45–70 minutes  built-in\n\
         ten-minute      Ten minutes                             10 minutes     built-in\n\
         job-loss        Job loss                                20–25 minutes  built-in\n\
         passed-over     Passed over                             20–25 minutes  built-in\n\
         failed-project  A failed project, reviewed blamelessly  30–40 minutes  built-in\n\
         coach           From my coach                           20 minutes     yours\n"
    );
    assert_eq!(stderr(&out), "");
    assert!(!dir.path().join("no-data-here").exists());
}

#[test]
fn a_broken_guide_is_named_on_stderr_by_line_and_column_while_the_rest_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.toml"), full_guide_titled("Good")).expect("write");
    std::fs::write(
        dir.path().join("broken.toml"),
        "title = \"Mine\"\nminutes = 20 to 30\n",
    )
    .expect("write");
    let out = rebound_with_guides(dir.path(), &["guides"]);
    assert!(out.status.success(), "a broken guide never stops the list");
    assert!(listed_as(&stdout(&out), "good", "Good"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("broken"), "{}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    let at = format!("{}:2:11: ", dir.path().join("broken.toml").display());
    assert!(err.starts_with(&at), "{err}");
}

#[test]
fn guides_show_full_prints_the_asset_exactly_and_it_reads_back_as_a_guide() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = rebound_with_guides(dir.path(), &["guides", "show", "full"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text, rebound::guide::GUIDE_TOML);
    let guide = Guide::parse(&text).expect("a valid start for one's own guide");
    assert_eq!(guide.title.as_deref(), Some("The full guide"));
}

#[test]
fn a_copy_of_the_full_guide_in_the_guides_folder_lists_and_shows_as_yours() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = rebound_with_guides(dir.path(), &["guides", "--path"]);
    assert_eq!(stdout(&folder).trim(), dir.path().display().to_string());
    let full = rebound_with_guides(dir.path(), &["guides", "show", "full"]);
    let mine = String::from_utf8_lossy(&full.stdout).replacen(
        "title = \"The full guide\"",
        "title = \"Mine\"",
        1,
    );
    std::fs::write(dir.path().join("mine.toml"), &mine).expect("write");
    let out = rebound_with_guides(dir.path(), &["guides"]);
    assert!(listed_as(&stdout(&out), "mine", "Mine"), "{}", stdout(&out));
    let shown = rebound_with_guides(dir.path(), &["guides", "show", "mine"]);
    assert_eq!(stdout(&shown), mine);
}

#[test]
fn guides_show_an_unknown_name_fails_with_one_line_naming_the_guides() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("broken.toml"), "title = 1\n").expect("write");
    let out = rebound_with_guides(dir.path(), &["guides", "show", "ful"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "rebound: no guide is named \"ful\"; the guides are full, ten-minute, job-loss, passed-over, failed-project\n"
    );
    let out = rebound_with_guides(dir.path(), &["guides", "show", "broken"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("did not load") && err.contains("broken.toml:1:9: "),
        "{err}"
    );
}

/// `new --guide` with a name that is no guide says so as `guides show`
/// does, before anything is made, with or without a title; a good name
/// gets as far as needing a terminal.
#[test]
fn new_with_a_guide_that_is_not_there_fails_in_one_line_naming_the_guides() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("broken.toml"), "title = 1\n").expect("write");
    for args in [
        &["new", "--guide", "ful"][..],
        &["new", "--guide", "ful", "--title", "Missed it"][..],
    ] {
        let out = rebound_with_guides(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out),
            "rebound: no guide is named \"ful\"; the guides are full, ten-minute, job-loss, passed-over, failed-project\n"
        );
    }
    let out = rebound_with_guides(dir.path(), &["new", "--guide", "broken"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("did not load") && err.contains("broken.toml:1:9: "),
        "{err}"
    );
    let out = rebound_with_guides(dir.path(), &["new", "--guide", "ten-minute", "-t", "A"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("needs an interactive terminal"));
    assert!(!dir.path().join("no-data-here").exists(), "nothing made");
}

/// Each row of `list --json` names the guide its reflection follows.
#[test]
fn list_json_names_each_reflections_guide() {
    let (dir, store) = seeded();
    let quick = rebound::guides::Catalogue::get()
        .named("ten-minute")
        .expect("built in");
    store
        .create_in(
            "A bad Monday",
            datetime!(2026-11-27 09:00 UTC),
            &quick.name,
            &quick.guide,
        )
        .expect("create");
    let out = rebound(dir.path(), &["list", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let guides: Vec<(&str, &str)> = value
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|v| Some((v["title"].as_str()?, v["guide"].as_str()?)))
        .collect();
    assert_eq!(guides.len(), 4, "{guides:?}");
    assert!(
        guides.contains(&("A bad Monday", "ten-minute")),
        "{guides:?}"
    );
    assert!(guides.contains(&("The reorg", "full")), "{guides:?}");
}
