//! Speed targets from PRODUCT.md: every screen draws in well under a
//! millisecond, and the home list is ready quickly at ten thousand reflections.
//! Run with `cargo bench --bench screens`; prints median and worst per case.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rebound::guide::Guide;
use rebound::stage::FullStages;
use rebound::store::Store;
use rebound::tui::keys::Action;
use rebound::tui::screens::draw;
use rebound::tui::state::App;
use rebound::wizard::Stage;
use time::UtcOffset;
use time::macros::{date, datetime};

fn app_at(stage: Stage) -> App {
    let guide = Guide::builtin().expect("embedded guide is valid");
    let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
    let mut reflection = common::filled_reflection();
    reflection.position.stage = stage.key().into();
    app.open_reflection(reflection);
    app
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p99 = samples[samples.len() * 99 / 100];
    println!(
        "{name:<34} median {:>9.1} µs   p99 {:>9.1} µs",
        median.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6
    );
}

fn bench_draw(name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(100, 32)).expect("terminal");
    let samples = (0..2000)
        .map(|_| {
            let start = Instant::now();
            terminal.draw(|f| draw(f, black_box(app))).expect("draw");
            start.elapsed()
        })
        .collect();
    report(name, samples);
}

fn main() {
    println!("draw at 100x32 (TestBackend, includes buffer diff)");
    for stage in Stage::ALL {
        bench_draw(&format!("  {}", stage.key()), &app_at(stage));
    }
    let mut typing = app_at(Stage::Perspective);
    let mut samples = Vec::new();
    let mut terminal = Terminal::new(TestBackend::new(100, 32)).expect("terminal");
    for i in 0..2000 {
        let c = char::from(b'a' + (i % 26) as u8);
        let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
        let start = Instant::now();
        typing.update(Action::Edit(key));
        terminal.draw(|f| draw(f, &typing)).expect("draw");
        samples.push(start.elapsed());
    }
    report("  keystroke: update + draw", samples);

    let mut reading = app_at(Stage::PLAN);
    if let Some(session) = reading.session.as_mut() {
        session.reflection.status = rebound::reflection::Status::Completed;
    }
    let r = reading.close_reflection().expect("open");
    reading.open_reflection(r);
    bench_draw("  reading page", &reading);
    let mut samples = Vec::new();
    for i in 0..2000 {
        let action = if i % 40 < 20 {
            Action::ScrollDown
        } else {
            Action::ScrollUp
        };
        let start = Instant::now();
        reading.update(action);
        terminal.draw(|f| draw(f, &reading)).expect("draw");
        samples.push(start.elapsed());
    }
    report("  reading scroll: update + draw", samples);

    // A check-in applies each key to the reflection as it stood: typing in
    // one of its answers costs that, plus the draw.
    reading.update(Action::Checkin);
    for _ in 0..4 {
        reading.update(Action::NextField);
    }
    let mut samples = Vec::new();
    for i in 0..2000 {
        let c = char::from(b'a' + (i % 26) as u8);
        let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
        let start = Instant::now();
        reading.update(Action::Edit(key));
        terminal.draw(|f| draw(f, &reading)).expect("draw");
        samples.push(start.elapsed());
    }
    report("  check-in keystroke: update + draw", samples);
    let guide = Guide::builtin().expect("guide");
    let clock = rebound::export::Clock {
        offset: UtcOffset::UTC,
        today: date!(2026 - 11 - 29),
    };
    let filled = common::filled_reflection();
    for format in rebound::export::Format::ALL {
        let samples = (0..500)
            .map(|_| {
                let start = Instant::now();
                black_box(rebound::export::render(&filled, guide, format, clock));
                start.elapsed()
            })
            .collect();
        report(&format!("  export {}", format.name()), samples);
    }

    for count in [1_000usize, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("store");
        let template = common::filled_reflection();
        for i in 0..count {
            let mut r = template.clone();
            r.id = format!("2026-11-20-reflection-{i:05}");
            r.updated = datetime!(2026-01-01 00:00 UTC) + time::Duration::minutes(i as i64);
            store.save(&r, guide).expect("save");
        }
        // The first listing reads every file and writes the summary index;
        // later ones read the index and stat each file.
        let mut samples: Vec<Duration> = (0..6)
            .map(|_| {
                let start = Instant::now();
                let listing = store.list().expect("list");
                black_box(&listing);
                assert_eq!(listing.reflections.len(), count);
                start.elapsed()
            })
            .collect();
        report(
            &format!("list {count}, cold (builds index)"),
            vec![samples.remove(0)],
        );
        report(&format!("list {count}, warm (index)"), samples);

        let mut home = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
        home.set_listing(store.list().expect("list"));
        home.home.selected = count / 2;
        bench_draw(&format!("home with {count}, middle selected"), &home);

        // Search: the answer text comes from its own index, built on the
        // first search and read (not parsed from TOML) after that.
        let mut samples: Vec<Duration> = (0..4)
            .map(|_| {
                let start = Instant::now();
                let texts = rebound::search::stored_texts(&store).expect("texts");
                black_box(rebound::search::Corpus::new(texts));
                start.elapsed()
            })
            .collect();
        report(
            &format!("search {count}: load text, cold"),
            vec![samples.remove(0)],
        );
        report(&format!("search {count}: load text, warm"), samples);
        home.set_corpus(rebound::search::Corpus::new(
            rebound::search::stored_texts(&store).expect("texts"),
        ));
        home.update(Action::StartSearch);
        let mut terminal = Terminal::new(TestBackend::new(100, 32)).expect("terminal");
        let mut samples = Vec::new();
        for round in 0..20 {
            for c in "clinic".chars().chain(std::iter::repeat_n('\u{8}', 6)) {
                let code = if c == '\u{8}' {
                    crossterm::event::KeyCode::Backspace
                } else {
                    crossterm::event::KeyCode::Char(c)
                };
                let key = crossterm::event::KeyEvent::from(code);
                let start = Instant::now();
                home.update(Action::Edit(key));
                terminal.draw(|f| draw(f, &home)).expect("draw");
                samples.push(start.elapsed());
            }
            black_box(round);
        }
        report(&format!("search {count}: keystroke + draw"), samples);
    }
}
