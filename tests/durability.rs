//! Durability and bad input: rebound killed at any moment (in the middle of
//! a save included) leaves the old or the new version of a reflection, never
//! a torn one; files it cannot read are named and never touched; ids never
//! reach outside the data dir; everything it writes is private.
//!
//! The kill loops have long variants (`#[ignore]`, `REBOUND_KILLS` rounds,
//! default 1000) that `.ci/kill-loop` runs. Unix only: signals, modes, tmux.

#![cfg(unix)]

// Each test file uses its own part of the shared tmux helper.
#[allow(dead_code)]
#[path = "common/tmux.rs"]
mod tmux;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rebound::guide::Guide;
use rebound::reflection::Reflection;
use rebound::stage::FullStages;
use rebound::store::{Store, StoreError};
use rebound::wizard::Stage;
use time::macros::datetime;

use tmux::{BIN, Tmux};

fn guide() -> &'static Guide {
    Guide::builtin().expect("embedded guide is valid")
}

/// Rounds for the long (`#[ignore]`) kill loops.
fn kills_wanted() -> usize {
    std::env::var("REBOUND_KILLS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1000)
}

/// A soft time budget for the long loops (`.ci/kill-loop` sets it below its
/// hard timeout), so they stop between rounds and still report their count.
fn kill_deadline() -> Option<Instant> {
    std::env::var("REBOUND_KILL_SECONDS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .map(|s: u64| Instant::now() + Duration::from_secs(s))
}

/// A small xorshift generator: random kill times without another crate.
/// The seed is printed and `REBOUND_SEED` replays it.
struct XorShift(u64);

impl XorShift {
    fn seeded(what: &str) -> XorShift {
        let seed = std::env::var("REBOUND_SEED")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(0x2545_f491_4f6c_dd1d)
                    ^ u64::from(std::process::id())
            });
        eprintln!("{what}: REBOUND_SEED={seed}");
        XorShift(seed | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// 0..=max, inclusive.
    fn up_to(&mut self, max: u64) -> u64 {
        self.next() % (max + 1)
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

// ---------------------------------------------------------------------------
// 1. Killed in the middle of saving, at the store level.
// ---------------------------------------------------------------------------

const SAVE_LOOP_DIR: &str = "REBOUND_SAVE_LOOP_DIR";
const SAVE_LOOP_CHILD: &str = "child_process_saving_one_reflection_until_killed";
const LOOP_ID: &str = "2026-11-29-saved-over-and-over";
const READY: &str = "rebound-save-loop-ready";

/// Two versions of one reflection, big enough (about 60 KB and 180 KB) that
/// every save spans many pages, and different on every line.
fn two_versions() -> [Reflection; 2] {
    let make = |tag: &str, kib: usize| {
        let mut r = Reflection::new(
            LOOP_ID.into(),
            format!("Saved over and over, version {tag}"),
            datetime!(2026-11-29 09:00 UTC),
        );
        for (stage, field) in [
            (Stage::Perspective, "expected"),
            (Stage::Perspective, "what_happened"),
            (Stage::Reflect, "went_wrong"),
        ] {
            let mut text = String::new();
            let mut line = 0;
            while text.len() < kib * 1024 / 3 {
                text.push_str(&format!(
                    "{tag}{line:06} {field}: one line of a long answer, written again and again.\n"
                ));
                line += 1;
            }
            r.set_text(stage, field, text);
        }
        r
    };
    [make("A", 60), make("B", 180)]
}

/// Not a test on its own: the kill loops run the test binary again with this
/// one test and `REBOUND_SAVE_LOOP_DIR` set, and kill it while it saves.
#[test]
#[ignore = "a child process of the kill loops; does nothing unless REBOUND_SAVE_LOOP_DIR is set"]
fn child_process_saving_one_reflection_until_killed() {
    let Some(dir) = std::env::var_os(SAVE_LOOP_DIR) else {
        return;
    };
    let store = Store::open(Path::new(&dir)).expect("open store");
    let versions = two_versions();
    println!("{READY}");
    // An orphan (its parent gone) stops by itself.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut n = 0usize;
    while Instant::now() < deadline {
        store.save(&versions[n % 2], guide()).expect("save");
        n += 1;
    }
}

/// Kills the child when a failed assertion unwinds past it.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[derive(Default)]
struct KillCount {
    survived: usize,
    /// The dead process's temp file was left: killed between creating it
    /// and the rename.
    mid_save: usize,
    /// tmux loop: rounds whose typing was on disk when the kill came.
    saved_before_kill: usize,
}

fn kill_while_saving(rounds: usize, deadline: Option<Instant>) -> KillCount {
    use std::os::unix::process::ExitStatusExt;

    let data = tempfile::tempdir().expect("temp dir");
    let store = Store::open(data.path()).expect("store");
    let versions = two_versions();
    let canonical: Vec<Vec<u8>> = versions
        .iter()
        .map(|r| r.to_toml_string(guide()).expect("to toml").into_bytes())
        .collect();
    let expected: Vec<Reflection> = canonical
        .iter()
        .map(|b| Reflection::from_toml_str(std::str::from_utf8(b).expect("utf8")).expect("parse"))
        .collect();
    // The file exists before the first kill, as it would for a person.
    store.save(&versions[0], guide()).expect("first save");
    let file = format!("{LOOP_ID}.toml");
    let path = store.reflections_dir().join(&file);
    let exe = std::env::current_exe().expect("the test binary");
    let mut rng = XorShift::seeded("store kill loop");
    let mut count = KillCount::default();
    for round in 0..rounds {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            eprintln!("store kill loop: time budget used after {round} rounds");
            break;
        }
        let mut child = KillOnDrop(
            Command::new(&exe)
                .args(["--exact", SAVE_LOOP_CHILD, "--ignored", "--nocapture"])
                .args(["--test-threads", "1"])
                .env(SAVE_LOOP_DIR, data.path())
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .spawn()
                .expect("start the saving child"),
        );
        let pid = child.0.id();
        // Wait until it is about to save, so the delay lands among saves.
        let mut out = BufReader::new(child.0.stdout.take().expect("child stdout"));
        let mut line = String::new();
        loop {
            line.clear();
            let n = out.read_line(&mut line).expect("read child stdout");
            assert!(n > 0, "round {round}: the child ended before it was ready");
            if line.contains(READY) {
                break;
            }
        }
        let delay = rng.up_to(80);
        sleep(Duration::from_millis(delay));
        child.0.kill().expect("SIGKILL the child");
        let status = child.0.wait().expect("wait for the child");
        assert_eq!(
            status.signal(),
            Some(libc::SIGKILL),
            "round {round}: the child ended by itself ({status}) instead of being killed"
        );

        let bytes = fs::read(&path).expect("the reflection file is still there");
        let which = canonical.iter().position(|c| *c == bytes);
        assert!(
            which.is_some(),
            "round {round} (killed after {delay} ms): the file is neither version: {} bytes, versions are {} and {}",
            bytes.len(),
            canonical[0].len(),
            canonical[1].len()
        );
        let loaded = store.load(LOOP_ID).expect("the file loads");
        assert!(
            expected.contains(&loaded),
            "round {round}: loaded answers are neither version"
        );

        // At most the dead child's own temp file is left beside it.
        let temp = only_the_file_and_the_dead_writers_temp(&store, &file, &pid.to_string(), round);
        let listing = store.list().expect("list");
        assert_eq!(
            listing.reflections.len(),
            1,
            "round {round}: {:?}",
            listing.reflections
        );
        assert!(
            listing.bad_files.is_empty(),
            "round {round}: {:?}",
            listing.bad_files
        );
        if let Some(temp) = temp {
            // Killed between creating the temp file and the rename.
            count.mid_save += 1;
            fs::remove_file(store.reflections_dir().join(&temp)).expect("remove temp");
        }
        count.survived += 1;
    }
    count
}

#[test]
fn a_reflection_killed_mid_save_is_always_the_old_or_the_new_version() {
    let count = kill_while_saving(30, None);
    eprintln!(
        "store kill loop: survived {} kills, {} mid-save",
        count.survived, count.mid_save
    );
    assert_eq!(count.survived, 30);
}

#[test]
#[ignore = "long: REBOUND_KILLS rounds (default 1000); run by .ci/kill-loop"]
fn a_reflection_killed_mid_save_is_always_the_old_or_the_new_version_many_times() {
    let count = kill_while_saving(kills_wanted(), kill_deadline());
    println!(
        "store kill loop: survived {} kills, {} mid-save",
        count.survived, count.mid_save
    );
    assert!(count.survived > 0);
}

// ---------------------------------------------------------------------------
// tmux: the real binary in a real terminal (see common/tmux.rs).
// ---------------------------------------------------------------------------

fn first_label() -> String {
    guide().stage(Stage::Perspective).fields[0].label.clone()
}

// ---------------------------------------------------------------------------
// 2. Killed while typing, through the real binary.
// ---------------------------------------------------------------------------

fn kill_while_typing(rounds: usize, deadline: Option<Instant>) -> KillCount {
    let tmux = Tmux::new();
    let focus = format!("▶ {}", first_label());
    tmux.start("new --title X");
    tmux.wait_for(&focus);
    tmux.keys(&["C-c"]);
    assert_eq!(tmux.wait_exit(), "0");
    tmux.close_window();
    let store = Store::open(tmux.data.path()).expect("store");
    let listing = store.list().expect("list");
    assert_eq!(listing.reflections.len(), 1);
    let id = listing.reflections[0].id.clone();
    let file = format!("{id}.toml");
    let path = store.reflections_dir().join(&file);
    // A long answer on a later stage makes every autosave write (and fsync)
    // a big file, so some kills land in the middle of one.
    let mut r = store.load(&id).expect("load");
    let mut big = String::new();
    while big.len() < 512 * 1024 {
        big.push_str(&format!("{:06} carried along by every save.\n", big.len()));
    }
    r.set_text(Stage::Reflect, "went_wrong", big.clone());
    store.save(&r, guide()).expect("save the long answer");

    let mut rng = XorShift::seeded("tmux kill loop");
    let mut count = KillCount::default();
    // What the file holds: everything typed and saved so far.
    let mut saved = String::new();
    for round in 0..rounds {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            eprintln!("tmux kill loop: time budget used after {round} rounds");
            break;
        }
        tmux.start("resume");
        tmux.wait_for(&focus);
        let pid = tmux.pid();
        let marker = format!("{}mark{round:05}x", if saved.is_empty() { "" } else { " " });
        let typed = format!("{saved}{marker}");
        tmux.tmux(&["send-keys", "-t", "main", "-l", &marker]);
        let typed_at = Instant::now();
        let delay = rng.up_to(1500);
        sleep(Duration::from_millis(delay));
        let killed = Command::new("kill")
            .args(["-9", &pid])
            .status()
            .expect("kill runs");
        let since = typed_at.elapsed();
        assert!(killed.success(), "round {round}: kill -9 {pid} failed");
        assert_eq!(tmux.wait_exit(), "137", "round {round}: killed by SIGKILL");

        let text = fs::read_to_string(&path).expect("the reflection file is still there");
        let r = Reflection::from_toml_str(&text)
            .unwrap_or_else(|e| panic!("round {round}: the file is not valid: {e}\n{text}"));
        store
            .load(&id)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"));
        assert!(
            r.text(Stage::Reflect, "went_wrong") == big,
            "round {round}: the long answer on another stage changed"
        );
        let now = r.text(Stage::Perspective, "expected").to_string();
        assert!(
            now.starts_with(&saved) && typed.starts_with(&now),
            "round {round} (killed {since:?} after typing): the file holds {now:?}; before it held {saved:?} and {typed:?} was typed"
        );
        if since >= Duration::from_millis(1200) {
            assert_eq!(
                now, typed,
                "round {round}: killed {since:?} after typing, yet the typing is not saved"
            );
        }
        let temp = only_the_file_and_the_dead_writers_temp(&store, &file, &pid.to_string(), round);
        let listing = store.list().expect("list");
        assert_eq!(listing.reflections.len(), 1, "round {round}");
        assert!(
            listing.bad_files.is_empty(),
            "round {round}: {:?}",
            listing.bad_files
        );
        if let Some(temp) = temp {
            count.mid_save += 1;
            fs::remove_file(store.reflections_dir().join(&temp)).expect("remove temp");
        }
        if now != saved {
            count.saved_before_kill += 1;
        }
        saved = now;
        count.survived += 1;
        tmux.close_window();
    }
    count
}

#[test]
fn killing_rebound_while_typing_keeps_the_last_save_and_everything_older_than_a_second() {
    let count = kill_while_typing(8, None);
    eprintln!(
        "tmux kill loop: survived {} kills, {} mid-save, {} after the typing was saved",
        count.survived, count.mid_save, count.saved_before_kill
    );
    assert_eq!(count.survived, 8);
}

#[test]
#[ignore = "long: REBOUND_KILLS rounds (default 1000); run by .ci/kill-loop"]
fn killing_rebound_while_typing_keeps_the_last_save_many_times() {
    let count = kill_while_typing(kills_wanted(), kill_deadline());
    println!(
        "tmux kill loop: survived {} kills, {} mid-save, {} after the typing was saved",
        count.survived, count.mid_save, count.saved_before_kill
    );
    assert!(count.survived > 0);
}

// ---------------------------------------------------------------------------
// 3. Files rebound cannot read: named, never touched.
// ---------------------------------------------------------------------------

fn run(data: &Path, args: &[&str]) -> Output {
    run_in(data, data.parent().unwrap_or(data), args)
}

/// Runs rebound from `cwd`, so a relative path can never land in the project.
fn run_in(data: &Path, cwd: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("REBOUND_DATA_DIR", data)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .expect("run rebound")
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD_ID: &str = "2026-11-20-the-good-one";

fn good_reflection() -> Reflection {
    let mut r = Reflection::new(
        GOOD_ID.into(),
        "The good one".into(),
        datetime!(2026-11-20 09:30 UTC),
    );
    let mut long = String::new();
    for i in 0..200 {
        long.push_str(&format!("Line {i} of a long answer that fills the file. "));
    }
    r.set_text(Stage::Perspective, "expected", long);
    r.set_text(Stage::Reflect, "went_wrong", "Short.".into());
    r
}

/// What a file was: its bytes and modification time.
fn fingerprint(path: &Path) -> (Vec<u8>, SystemTime) {
    let meta = fs::metadata(path).expect("metadata");
    // An unreadable file's bytes are read as root only; otherwise its size.
    let bytes = fs::read(path).unwrap_or_else(|_| meta.len().to_le_bytes().to_vec());
    (bytes, meta.modified().expect("mtime"))
}

/// One good reflection and every kind of bad file, by id.
fn bad_corpus(store: &Store) -> Vec<(String, PathBuf)> {
    store.save(&good_reflection(), guide()).expect("save good");
    let dir = store.reflections_dir();
    let good = fs::read(dir.join(format!("{GOOD_ID}.toml"))).expect("read good");
    let mut other_id = good_reflection();
    other_id.id = "2026-11-21-someone-else".into();
    let other_id = other_id.to_toml_string(guide()).expect("toml");
    let mut bad: Vec<(&str, Vec<u8>)> = vec![
        ("2026-01-01-empty", Vec::new()),
        ("2026-01-02-truncated", good[..good.len() / 2].to_vec()),
        (
            "2026-01-03-not-utf8",
            b"schema_version = 1\nid = \"2026-01-03-not-utf8\"\ntitle = \"\xff\xfe\x80\"\n".to_vec(),
        ),
        (
            "2026-01-04-broken-syntax",
            b"schema_version = 1\nid = \"2026-01-04-broken-syntax\"\ntitle = \"never closed\ncreated = \n[perspective\n".to_vec(),
        ),
        (
            "2026-01-05-from-the-future",
            b"schema_version = 99\nid = \"2026-01-05-from-the-future\"\ntitle = \"Future\"\ncreated = 2026-01-05T09:00:00Z\n".to_vec(),
        ),
        (
            "2026-01-06-wrong-type",
            b"schema_version = 1\nid = \"2026-01-06-wrong-type\"\ntitle = 3\ncreated = 2026-01-06T09:00:00Z\n".to_vec(),
        ),
        ("2026-01-07-id-of-another", other_id.into_bytes()),
    ];
    // SAFETY: geteuid has no preconditions and cannot fail.
    let unreadable = unsafe { libc::geteuid() } != 0;
    if unreadable {
        bad.push(("2026-01-08-unreadable", good.clone()));
    } else {
        eprintln!("running as root: the unreadable-file case is skipped");
    }
    let mut made = Vec::new();
    for (id, bytes) in bad {
        let path = dir.join(format!("{id}.toml"));
        fs::write(&path, bytes).expect("write bad file");
        made.push((id.to_string(), path));
    }
    if unreadable {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join("2026-01-08-unreadable.toml");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    }
    // Modification times well in the past, so any rewrite would show.
    for (_, path) in &made {
        let file = fs::File::options().write(true).open(path);
        if let Ok(f) = file {
            let _ = f.set_modified(SystemTime::now() - Duration::from_secs(3600 * 24 * 30));
        }
    }
    made
}

#[test]
fn unreadable_files_are_named_skipped_and_never_touched() {
    let tmux = Tmux::new();
    let store = Store::open(tmux.data.path()).expect("store");
    let bad = bad_corpus(&store);
    let dir = store.reflections_dir();
    let before: BTreeMap<PathBuf, _> = bad
        .iter()
        .map(|(_, p)| (p.clone(), fingerprint(p)))
        .collect();
    let names_before = names_in(&dir);

    // The store lists the good one and names every bad one with a reason.
    let listing = store.list().expect("list");
    let ids: Vec<&str> = listing.reflections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, [GOOD_ID]);
    let mut named: Vec<PathBuf> = listing.bad_files.iter().map(|b| b.path.clone()).collect();
    named.sort();
    let mut expected: Vec<PathBuf> = bad.iter().map(|(_, p)| p.clone()).collect();
    expected.sort();
    assert_eq!(named, expected, "{:#?}", listing.bad_files);
    for b in &listing.bad_files {
        assert!(
            !b.reason.trim().is_empty(),
            "no reason for {}",
            b.path.display()
        );
    }
    // Again, now from the index.
    assert_eq!(store.list().expect("list").bad_files.len(), bad.len());

    // The command line: the good one on stdout, one line per bad file on stderr.
    let out = run(tmux.data.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(GOOD_ID), "{stdout}");
    assert_eq!(
        stdout.lines().count(),
        2,
        "a header and the good one: {stdout}"
    );
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), bad.len(), "{err}");
    for (_, path) in &bad {
        let prefix = format!("skipped {}: ", path.display());
        let line = err
            .lines()
            .find(|l| l.contains(&prefix))
            .unwrap_or_else(|| panic!("no line for {}:\n{err}", path.display()));
        let reason = &line[line.find(&prefix).unwrap_or(0) + prefix.len()..];
        assert!(!reason.trim().is_empty(), "{line}");
    }
    // JSON for scripts too: only the good one, exit 0.
    let out = run(tmux.data.path(), &["list", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(value.as_array().map(Vec::len), Some(1), "{value}");

    // Showing, exporting or resuming a bad one fails in one line naming the file.
    for (id, path) in &bad {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        for args in [
            vec!["show", id.as_str()],
            vec!["export", id.as_str(), "--format", "json"],
            vec!["resume", id.as_str()],
        ] {
            let out = run(tmux.data.path(), &args);
            let err = stderr_of(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            assert!(err.contains(&name), "{args:?} does not name {name}: {err}");
            assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        }
    }

    // The home screen says what it skipped and still lists the good one.
    tmux.start("");
    let screen = tmux.wait_for("skipped");
    assert!(screen.contains("The good one"), "{screen}");
    assert!(
        bad.iter()
            .any(|(id, _)| screen.contains(&format!("{id}.toml"))),
        "no bad file named on the home screen:\n{screen}"
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0");

    // Nothing was rewritten, moved or deleted.
    for (path, (bytes, modified)) in &before {
        let (now_bytes, now_modified) = fingerprint(path);
        assert!(*bytes == now_bytes, "{} was rewritten", path.display());
        assert_eq!(*modified, now_modified, "{} was touched", path.display());
    }
    assert_eq!(
        names_in(&dir),
        names_before,
        "files in reflections/ changed"
    );
    assert!(
        names_in(&store.trash_dir()).is_empty(),
        "something went to the trash"
    );
}

// ---------------------------------------------------------------------------
// 4. Ids that try to name something outside the data dir.
// ---------------------------------------------------------------------------

/// Every file under `root`, with what it was; index and lock files aside.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            let kind = entry.file_type().expect("file type");
            if kind.is_dir() {
                if path.file_name().is_some_and(|n| n != "locks") {
                    dirs.push(path);
                }
            } else if !path.to_string_lossy().ends_with("-index.json") {
                files.insert(path.clone(), fingerprint(&path));
            }
        }
    }
    files
}

#[test]
fn ids_that_climb_out_of_the_data_dir_are_refused_and_touch_nothing() {
    let sandbox = tempfile::tempdir().expect("temp dir");
    let data = sandbox.path().join("data");
    let store = Store::open(&data).expect("store");
    store.save(&good_reflection(), guide()).expect("save");
    // Bait: valid reflections where each traversal would land.
    let bait = |path: PathBuf, id: &str| {
        let mut r = good_reflection();
        r.id = id.into();
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(&path, r.to_toml_string(guide()).expect("toml")).expect("bait");
    };
    bait(data.join("x.toml"), "x");
    bait(sandbox.path().join("x.toml"), "x");
    bait(sandbox.path().join("etc.toml"), "etc");
    bait(data.join("reflections/a/b.toml"), "b");
    bait(data.join("trash/x.toml"), "x");
    let before = snapshot(sandbox.path());
    let passwd = Path::new("/etc/passwd");
    let passwd_before = fs::metadata(passwd).ok().and_then(|m| m.modified().ok());

    for args in [
        &["show", "../x"][..],
        &["show", "/etc/passwd"],
        &["show", "a/b"],
        &["show", ".."],
        &["export", ".."],
        &["export", "../x", "-o", "out.md"],
        &["delete", "../../etc", "--yes"],
        &["delete", "../x", "--yes"],
        &["resume", "../x"],
        &["restore", "../x"],
    ] {
        let out = run_in(&data, sandbox.path(), args);
        let err = stderr_of(&out);
        assert!(
            !out.status.success(),
            "{args:?} succeeded: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    }

    for id in ["../x", "/etc/passwd", "a/b", "..", "../../etc"] {
        assert!(store.load(id).is_err(), "load {id:?} succeeded");
        assert!(
            matches!(store.trash(id), Err(StoreError::NotFound(_))),
            "trash {id:?} did not refuse"
        );
    }
    assert!(store.resolve("../x").is_err());

    assert_eq!(snapshot(sandbox.path()), before, "files changed");
    assert_eq!(
        fs::metadata(passwd).ok().and_then(|m| m.modified().ok()),
        passwd_before
    );
}

// ---------------------------------------------------------------------------
// 5. Everything written is private.
// ---------------------------------------------------------------------------

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
}

/// Runs rebound under a umask, through a shell.
fn run_with_umask(umask: &str, data: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(args)
        .env("REBOUND_DATA_DIR", data)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .expect("run rebound under a umask")
}

/// Every folder and file under `root`, and its mode.
fn modes_under(root: &Path) -> Vec<(PathBuf, u32)> {
    let mut found = vec![(root.to_path_buf(), mode(root))];
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if entry.file_type().expect("type").is_dir() {
                dirs.push(path.clone());
            }
            found.push((path.clone(), mode(&path)));
        }
    }
    found
}

#[test]
fn folders_are_0700_and_files_0600_and_a_stricter_umask_is_respected() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = tempfile::tempdir().expect("temp dir");
    // A data dir that does not exist yet, two levels deep.
    let data = sandbox.path().join("new/data");
    let store = Store::open(&data).expect("store");
    let r = store
        .create("Private", datetime!(2026-11-29 09:00 UTC), guide())
        .expect("create");
    store.list().expect("list writes the summary index");
    rebound::search::stored_texts(&store).expect("search writes its index");
    let lock = store.lock(&r.id).expect("lock");
    store.make_exports_dir().expect("exports dir");
    // A file written looser by hand becomes private when rebound saves it.
    let reflection = store.reflections_dir().join(format!("{}.toml", r.id));
    fs::set_permissions(&reflection, fs::Permissions::from_mode(0o644)).expect("chmod");
    store.save(&r, guide()).expect("save again");
    // A new export, in a folder the export makes. (One over a file of the
    // person's own keeps that file's mode: tests/cli.rs.)
    let export = sandbox.path().join("notes/plan.md");
    let out = run(&data, &["export", &r.id, "-o", &export.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));

    for dir in [
        data.clone(),
        store.reflections_dir(),
        data.join("locks"),
        store.exports_dir(),
        sandbox.path().join("notes"),
    ] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    for file in [
        reflection.clone(),
        data.join("summary-index.json"),
        data.join("search-index.json"),
        data.join(format!("locks/{}.lock", r.id)),
        export.clone(),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    drop(lock);

    // umask 077: a data dir named but not there is not made by looking;
    // once it is, an export into a folder the export makes.
    let strict = sandbox.path().join("strict/data");
    let out = run_with_umask("077", &strict, &["list"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(!strict.exists(), "listing made nothing");
    let strict_store = Store::open(&strict).expect("store");
    strict_store.save(&r, guide()).expect("save");
    let strict_export = sandbox.path().join("strict/out/plan.json");
    let out = run_with_umask(
        "077",
        &strict,
        &["export", &r.id, "-o", &strict_export.to_string_lossy()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let out = run_with_umask("077", &strict, &["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    for (path, m) in modes_under(&strict)
        .into_iter()
        .chain([(strict_export.clone(), mode(&strict_export))])
    {
        assert_eq!(m & 0o077, 0, "{} is {m:o} under umask 077", path.display());
    }
    assert_eq!(mode(&strict), 0o700);
    assert_eq!(mode(&sandbox.path().join("strict/out")), 0o700);
    assert_eq!(mode(&strict_export), 0o600);

    // umask 0277: an export can be no more than read-only for its owner.
    let readonly_export = sandbox.path().join("plan-readonly.toml");
    let out = run_with_umask(
        "0277",
        &data,
        &["export", &r.id, "-o", &readonly_export.to_string_lossy()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let m = mode(&readonly_export);
    assert_eq!(
        m & 0o277,
        0,
        "{} is {m:o} under umask 0277",
        readonly_export.display()
    );
    assert!(
        fs::read_to_string(&readonly_export).is_ok_and(|t| t.contains("Private")),
        "the export holds the reflection"
    );
}

#[test]
fn version_and_help_create_nothing() {
    let sandbox = tempfile::tempdir().expect("temp dir");
    let by_env = sandbox.path().join("by-env");
    let by_flag = sandbox.path().join("by-flag");
    let flag = by_flag.to_string_lossy().into_owned();
    for args in [
        &["--version"][..],
        &["--help"],
        &["-h"],
        &["-V"],
        &["help"],
        &["list", "--help"],
        &["path"],
        &["--data-dir", &flag, "--version"],
        &["--data-dir", &flag, "--help"],
        &["--data-dir", &flag, "path"],
    ] {
        let out = run(&by_env, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr_of(&out));
        assert!(!by_env.exists(), "{args:?} created {}", by_env.display());
        assert!(!by_flag.exists(), "{args:?} created {}", by_flag.display());
    }
    assert!(names_in(sandbox.path()).is_empty());
}

/// After a kill, reflections/ holds the file and at most the dead writer's
/// own temp file (`.<file>.<pid>.<random>.tmp`), nothing else. Returns the
/// temp file's name when the kill came mid-save.
fn only_the_file_and_the_dead_writers_temp(
    store: &Store,
    file: &str,
    pid: &str,
    round: usize,
) -> Option<String> {
    let temp_prefix = format!(".{file}.{pid}.");
    let names = names_in(&store.reflections_dir());
    let temps = names
        .iter()
        .filter(|n| n.starts_with(&temp_prefix) && n.ends_with(".tmp"))
        .count();
    assert!(temps <= 1, "round {round}: {temps} temp files ({names:?})");
    for name in &names {
        assert!(
            *name == file || (name.starts_with(&temp_prefix) && name.ends_with(".tmp")),
            "round {round}: stray file {name:?} in reflections/ ({names:?})"
        );
    }
    names.into_iter().find(|n| n.starts_with(&temp_prefix))
}

/// Found under faults (issue 9): with `locks/` pointing at another folder and
/// a link at the lock's name, an unrelated file was overwritten with a pid.
/// A planted link is refused, never followed, and a locks folder that leads
/// outside the data dir is not written in.
#[test]
fn a_link_planted_at_a_lock_is_refused_and_its_target_untouched() {
    let data = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let store = Store::open(data.path()).expect("store");
    let r = store
        .create("Planted", datetime!(2026-11-01 08:00 UTC), guide())
        .expect("create");
    let victim = elsewhere.path().join("victim.txt");
    fs::write(&victim, "precious\n").expect("victim");

    // A link at the lock's own name.
    let locks = data.path().join("locks");
    fs::create_dir_all(&locks).expect("locks");
    std::os::unix::fs::symlink(&victim, locks.join(format!("{}.lock", r.id))).expect("link");
    let refused = store
        .lock(&r.id)
        .expect_err("a planted lock link is refused");
    assert!(refused.to_string().contains("link"), "{refused}");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "precious\n");

    // The whole locks folder a link to somewhere else.
    fs::remove_dir_all(&locks).expect("remove locks");
    std::os::unix::fs::symlink(elsewhere.path(), &locks).expect("link the folder");
    let refused = store
        .lock(&r.id)
        .expect_err("a locks folder outside is refused");
    assert!(
        refused.to_string().contains("outside the data dir"),
        "{refused}"
    );
    let written: Vec<_> = fs::read_dir(elsewhere.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(written, ["victim.txt"], "nothing was written outside");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "precious\n");
}

/// Found under faults (issue 9): a save's temp file had a predictable name
/// (`.<id>.toml.<pid>.tmp`) and was opened following links, so a link planted
/// there had its target overwritten and the reflection became that link.
#[test]
fn a_link_planted_where_a_save_once_put_its_temp_file_is_never_followed() {
    let data = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let store = Store::open(data.path()).expect("store");
    let mut r = store
        .create("Planted temp", datetime!(2026-11-01 08:00 UTC), guide())
        .expect("create");
    let victim = elsewhere.path().join("victim.txt");
    fs::write(&victim, "precious\n").expect("victim");
    let dir = store.reflections_dir();
    let file = format!("{}.toml", r.id);
    for planted in [
        format!(".{file}.{}.tmp", std::process::id()),
        format!(".{file}.{}.aaaaaa.tmp", std::process::id()),
    ] {
        std::os::unix::fs::symlink(&victim, dir.join(planted)).expect("plant");
    }
    r.set_text(
        Stage::Perspective,
        "expected",
        "Saved past the links".into(),
    );
    store.save(&r, guide()).expect("save");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "precious\n");
    let meta = fs::symlink_metadata(dir.join(&file)).expect("the reflection");
    assert!(meta.file_type().is_file(), "the reflection is a plain file");
    assert!(
        store
            .load(&r.id)
            .expect("loads")
            .text(Stage::Perspective, "expected")
            .contains("Saved past the links")
    );
}

/// Found under faults (issue 9): two `rebound new --title Same` started
/// together made one reflection (6 of 8 tries): the id was checked, then
/// claimed by a rename that replaces. Each claim is now exclusive.
#[test]
fn reflections_started_at_the_same_moment_with_one_title_each_get_their_own() {
    let data = tempfile::tempdir().expect("temp dir");
    let store = std::sync::Arc::new(Store::open(data.path()).expect("store"));
    for round in 0..20 {
        let title = format!("Same {round}");
        let start = std::sync::Arc::new(std::sync::Barrier::new(8));
        let ids: Vec<String> = (0..8)
            .map(|_| {
                let (store, start, title) = (store.clone(), start.clone(), title.clone());
                std::thread::spawn(move || {
                    start.wait();
                    store
                        .create(&title, datetime!(2026-11-01 08:00 UTC), guide())
                        .expect("create")
                        .id
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().expect("thread"))
            .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 8, "round {round}: {ids:?}");
        for id in &ids {
            assert_eq!(store.load(id).expect("loads").id, *id);
        }
    }
    let listing = store.list().expect("list");
    assert_eq!(listing.reflections.len(), 160);
    assert!(listing.bad_files.is_empty(), "{:?}", listing.bad_files);
    let leftovers: Vec<String> = names_in(&store.reflections_dir())
        .into_iter()
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Found under faults (issue 9): a reflection file that is a link (into a
/// synced folder, say) was replaced by a regular file on its first save, and
/// listing stamped the link rather than its target, so edits made to the
/// target were never seen.
#[test]
fn a_reflection_kept_as_a_link_stays_a_link_and_edits_to_its_target_are_seen() {
    let data = tempfile::tempdir().expect("temp dir");
    let synced = tempfile::tempdir().expect("temp dir");
    let store = Store::open(data.path()).expect("store");
    let mut r = store
        .create("Linked", datetime!(2026-11-01 08:00 UTC), guide())
        .expect("create");
    let file = store.reflections_dir().join(format!("{}.toml", r.id));
    let target = synced.path().join("linked.toml");
    fs::rename(&file, &target).expect("move the file away");
    std::os::unix::fs::symlink(&target, &file).expect("link it back");
    assert_eq!(store.list().expect("list").reflections[0].title, "Linked");

    r.set_text(
        Stage::Perspective,
        "expected",
        "Saved through the link".into(),
    );
    store.save(&r, guide()).expect("save");
    assert!(
        fs::symlink_metadata(&file)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&target)
            .expect("read")
            .contains("Saved through the link")
    );

    // Edited where it really lives: the listing sees it.
    let text = fs::read_to_string(&target).expect("read");
    fs::write(
        &target,
        text.replace(
            "title = \"Linked\"",
            "title = \"Renamed in the synced folder\"",
        ),
    )
    .expect("edit the target");
    let listing = store.list().expect("list");
    assert_eq!(listing.reflections[0].title, "Renamed in the synced folder");
}

/// Found under faults (issue 9): a trash folder on another filesystem gave
/// "Invalid cross-device link", and a dangling link in the trash "File
/// exists". The first is copied across; the second gets the next name.
#[test]
fn the_trash_on_another_filesystem_or_with_a_dangling_link_still_takes_a_reflection() {
    let data = tempfile::tempdir().expect("temp dir");
    let store = Store::open(data.path()).expect("store");
    let r = store
        .create("Across", datetime!(2026-11-01 08:00 UTC), guide())
        .expect("create");
    let file = store.reflections_dir().join(format!("{}.toml", r.id));
    let text = fs::read_to_string(&file).expect("read");

    // A link that leads nowhere, where the trash would put it.
    fs::create_dir_all(store.trash_dir()).expect("trash");
    std::os::unix::fs::symlink(
        "/nowhere/at/all",
        store.trash_dir().join(format!("{}.toml", r.id)),
    )
    .expect("dangling link");
    let to = store.trash(&r.id).expect("trashed past the dangling link");
    assert_eq!(
        to.file_name().and_then(|n| n.to_str()),
        Some(&*format!("{}.2.toml", r.id))
    );
    assert_eq!(fs::read_to_string(&to).expect("read"), text);
    assert_eq!(
        store.restore(&format!("{}.2", r.id)).expect("restore"),
        r.id
    );

    // The trash folder a link to another filesystem (tmpfs at /dev/shm).
    use std::os::unix::fs::MetadataExt;
    let Ok(other) = tempfile::tempdir_in("/dev/shm") else {
        eprintln!("no /dev/shm here: the cross-filesystem half is not run");
        return;
    };
    let same_device = fs::metadata(other.path()).expect("meta").dev()
        == fs::metadata(data.path()).expect("meta").dev();
    if same_device {
        eprintln!(
            "/dev/shm is on the data dir's filesystem here: the cross-filesystem half is not run"
        );
        return;
    }
    fs::remove_dir_all(store.trash_dir()).expect("remove trash");
    std::os::unix::fs::symlink(other.path(), store.trash_dir()).expect("link the trash");
    let to = store.trash(&r.id).expect("trashed across filesystems");
    assert!(!file.exists(), "gone from reflections/");
    assert_eq!(
        fs::read_to_string(other.path().join(format!("{}.toml", r.id))).expect("read"),
        text
    );
    assert_eq!(store.restore(&r.id).expect("restore across"), r.id);
    assert_eq!(fs::read_to_string(&file).expect("read"), text);
    assert!(!to.exists());
}

/// Found in review: once links were followed, a reflection kept as a link
/// that leads nowhere (an unmounted synced folder) vanished from the list.
/// It is named as a file that cannot be read.
#[test]
fn a_reflection_link_that_leads_nowhere_is_named_not_hidden() {
    let data = tempfile::tempdir().expect("temp dir");
    let store = Store::open(data.path()).expect("store");
    let link = store.reflections_dir().join("2026-11-01-on-the-nas.toml");
    std::os::unix::fs::symlink("/mnt/nas-not-mounted/reflection.toml", &link).expect("link");
    let listing = store.list().expect("list");
    assert!(listing.reflections.is_empty());
    assert_eq!(listing.bad_files.len(), 1, "{:?}", listing.bad_files);
    assert!(fs::symlink_metadata(&link).is_ok(), "left as it is");
}
