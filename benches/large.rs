//! Large answers: what a key costs in a 1 MB and a 50 MB answer, and what
//! scrolling the reading page of a 50 MB reflection costs. The targets (under
//! 5 ms a key at 1 MB, under 50 ms at 50 MB) are checked here, never in timed
//! unit tests. Run with `cargo bench --bench large`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rebound::guide::Guide;
use rebound::reflection::{Reflection, Status};
use rebound::stage::FullStages;
use rebound::tui::keys::Action;
use rebound::tui::screens::draw;
use rebound::tui::state::{App, Typed};
use rebound::wizard::Stage;
use time::UtcOffset;
use time::macros::{date, datetime};

/// An answer of about `bytes`, in lines a person might write (or, with
/// `paragraphs`, in paragraphs of about 2 KB each).
fn answer(bytes: usize, paragraphs: bool) -> String {
    let sentence = "We shipped late because the pilot stalled and nobody owned the fix. ";
    let line = if paragraphs {
        sentence.repeat(30)
    } else {
        sentence.to_string()
    };
    let mut text = String::with_capacity(bytes + line.len());
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(&format!("{n:07} {line}\n"));
        n += 1;
    }
    text
}

fn reflection_with(bytes: usize, status: Status) -> Reflection {
    reflection_of(bytes, status, false)
}

fn reflection_of(bytes: usize, status: Status, paragraphs: bool) -> Reflection {
    let mut r = Reflection::new(
        "2026-11-20-a-long-story".into(),
        "A long story".into(),
        datetime!(2026-11-20 09:00 UTC),
    );
    r.set_text(Stage::Perspective, "expected", answer(bytes, paragraphs));
    r.set_list(
        Stage::Goals,
        "objectives",
        vec!["Lead a launch that lands".into()],
    );
    r.status = status;
    r.position.stage = "perspective".into();
    r.position.field = "expected".into();
    r
}

fn report(name: &str, mut samples: Vec<Duration>, target: Duration) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let worst = samples[samples.len() - 1];
    println!(
        "{name:<38} median {:>9.2} ms   worst {:>9.2} ms   target {:>4} ms  {}",
        median.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3,
        target.as_millis(),
        if median <= target { "ok" } else { "OVER" }
    );
}

/// Peak memory of this process so far, from the kernel.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn keys_in_an_answer(bytes: usize, paragraphs: bool, keys: usize, target: Duration) {
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    app.open_reflection(reflection_of(bytes, Status::InProgress, paragraphs));
    let mut terminal = Terminal::new(TestBackend::new(100, 32)).expect("terminal");
    terminal.draw(|f| draw(f, &app)).expect("draw");
    let samples = (0..keys)
        .map(|i| {
            let c = if i % 10 == 9 { ' ' } else { 'x' };
            let start = Instant::now();
            app.update(Action::Edit(KeyEvent::from(KeyCode::Char(c))));
            terminal.draw(|f| draw(f, &app)).expect("draw");
            start.elapsed()
        })
        .collect();
    let mb = bytes / 1_000_000;
    let lines = if paragraphs {
        "2 KB lines"
    } else {
        "short lines"
    };
    report(
        &format!("key in {mb} MB of {lines}: update + draw"),
        samples,
        target,
    );
}

/// Alt-B and Alt-F across one word as long as the whole answer (a pasted
/// hash, a paragraph of CJK, which has no spaces): the cursor goes from one
/// end to the other each key. Typing in the same line, for comparison, is
/// what any key costs in a line that long (it is wrapped whole to be drawn).
fn keys_in_one_long_word(chars: usize, word_keys: bool, keys: usize, target: Duration) {
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    let mut r = reflection_of(0, Status::InProgress, false);
    r.set_text(Stage::Perspective, "expected", "x".repeat(chars));
    app.open_reflection(r);
    let mut terminal = Terminal::new(TestBackend::new(100, 32)).expect("terminal");
    terminal.draw(|f| draw(f, &app)).expect("draw");
    let samples = (0..keys)
        .map(|i| {
            let key = match (word_keys, i % 2) {
                (true, 0) => KeyEvent::new(KeyCode::Char('b'), KeyModifiers::ALT),
                (true, _) => KeyEvent::new(KeyCode::Char('f'), KeyModifiers::ALT),
                (false, _) => KeyEvent::from(KeyCode::Char('x')),
            };
            let start = Instant::now();
            app.typed(Typed::Key(key));
            terminal.draw(|f| draw(f, &app)).expect("draw");
            start.elapsed()
        })
        .collect();
    let size = if chars >= 1_000_000 {
        format!("{} MB", chars / 1_000_000)
    } else {
        format!("{} KB", chars / 1_000)
    };
    let what = if word_keys {
        "Alt-B/F over"
    } else {
        "typing in"
    };
    report(
        &format!("{what} a {size} word: update + draw"),
        samples,
        target,
    );
}

fn scroll_the_reading_page(bytes: usize, target: Duration) {
    let guide = Guide::builtin().expect("guide");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    app.open_reflection(reflection_with(bytes, Status::Completed));
    let mut terminal = Terminal::new(TestBackend::new(100, 32)).expect("terminal");
    terminal.draw(|f| draw(f, &app)).expect("draw");
    let samples = (0..10)
        .map(|_| {
            let start = Instant::now();
            app.update(Action::PageDown);
            terminal.draw(|f| draw(f, &app)).expect("draw");
            black_box(&app);
            start.elapsed()
        })
        .collect();
    let mb = bytes / 1_000_000;
    report(
        &format!("reading page of {mb} MB: PgDn + draw"),
        samples,
        target,
    );
}

/// Not a target, but what typing waits for while autosave writes: a save of
/// a 50 MB reflection (read back before it replaces the file, then fsynced).
fn save_a_reflection(bytes: usize) {
    let guide = Guide::builtin().expect("guide");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = rebound::store::Store::open(dir.path()).expect("store");
    let r = reflection_with(bytes, Status::InProgress);
    let samples: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            store.save(&r, guide).expect("save");
            start.elapsed()
        })
        .collect();
    let mut sorted = samples;
    sorted.sort();
    println!(
        "save a {} MB reflection                median {:>9.2} ms",
        bytes / 1_000_000,
        sorted[1].as_secs_f64() * 1e3
    );
}

fn main() {
    keys_in_an_answer(1_000_000, false, 50, Duration::from_millis(5));
    keys_in_an_answer(1_000_000, true, 50, Duration::from_millis(5));
    keys_in_an_answer(50_000_000, false, 10, Duration::from_millis(50));
    keys_in_one_long_word(1_000_000, true, 10, Duration::from_millis(5));
    keys_in_one_long_word(1_000_000, false, 10, Duration::from_millis(5));
    scroll_the_reading_page(50_000_000, Duration::from_millis(50));
    save_a_reflection(50_000_000);
    println!("peak memory: {:.0} MB", peak_rss_mb());
}
