//! The event loop and what surrounds it: the terminal session, signals, the
//! watchdog, and the glue that feeds keys to `update`, effects to the I/O
//! layer and outcomes back to `apply`. No rule of the app is decided here.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use color_eyre::eyre::{Result, WrapErr, eyre};
use crossterm::event::{self, Event, KeyEventKind};
use time::{OffsetDateTime, UtcOffset};

use crate::guide::Guide;
use crate::guides::Catalogue;
use crate::store::Store;
use crate::tui::autosave::{Autosave, TICK};
use crate::tui::effects::Effects;
use crate::tui::input::{self, Wait};
use crate::tui::screens;
use crate::tui::state::{App, Effect, Outcome, Screen, TitlePurpose, Typed};
use crate::tui::terminal::TerminalSession;
use crate::tui::theme::Palette;

/// Where the TUI starts.
pub enum Launch {
    Home,
    /// Ask for a title, then start a new reflection: in the guide named,
    /// or the one chosen first from every guide there is.
    AskTitle(Option<String>),
    /// Open the reflection with this id where the person stopped.
    Open(String),
    /// Open the reflection with this id at a check-in.
    Checkin(String),
}

/// The app, the I/O layer and the save policy, wired together.
struct Runtime<'a> {
    app: App,
    effects: Effects<'a>,
    autosave: Autosave,
    /// Ctrl-Z was pressed where it means "suspend".
    suspend_requested: bool,
}

impl Runtime<'_> {
    /// Takes outcomes back into the app.
    fn apply(&mut self, outcomes: Vec<Outcome>) {
        for outcome in outcomes {
            if outcome.starts_afresh() {
                self.autosave = Autosave::new();
            }
            self.app.apply(outcome);
        }
    }

    /// Carries out an effect; false when the app should stop.
    fn perform(&mut self, effect: Effect) -> bool {
        if effect == Effect::Quit {
            return false;
        }
        if effect == Effect::Suspend {
            self.suspend_requested = true;
        }
        // What is typed reaches the disk before the reflection is let go (a
        // tick not yet saved goes to the trash with the file).
        let lets_go = match &effect {
            Effect::CloseReflection => true,
            Effect::Delete(id) => self
                .app
                .session
                .as_ref()
                .is_some_and(|s| &s.reflection.id == id),
            _ => false,
        };
        if lets_go && let Err(why) = self.try_save() {
            // Said, not silent: the delete the person confirmed did not happen.
            if let Effect::Delete(_) = effect {
                self.app.apply(Outcome::TrashFailed(format!(
                    "its latest changes could not be saved first, so it stays where it is ({why})"
                )));
            }
            return true;
        }
        let outcomes = self.effects.run(effect, &self.app);
        self.apply(outcomes);
        true
    }

    /// Saves the open reflection if it has unsaved changes; true when what is
    /// on screen is safe (saved, or not this rebound's to write).
    fn save_now(&mut self) -> bool {
        self.try_save().is_ok()
    }

    /// As `save_now`, with why it failed.
    fn try_save(&mut self) -> Result<(), String> {
        let revision = self.app.revision();
        let writable = self
            .app
            .session
            .as_ref()
            .is_some_and(|s| s.read_only.is_none());
        if !writable || !self.autosave.unsaved(revision) {
            return Ok(());
        }
        self.app.set_now(OffsetDateTime::now_utc());
        self.app.stamp_updated();
        let outcome = self.effects.save(&self.app);
        let safe = match &outcome {
            Outcome::Saved | Outcome::Conflict { .. } => {
                self.autosave.saved(revision);
                Ok(())
            }
            Outcome::SaveFailed(why) | Outcome::ConflictCopyFailed(why) => {
                self.autosave.failed(Instant::now());
                Err(why.clone())
            }
            _ => {
                self.autosave.failed(Instant::now());
                Err("it could not be saved".into())
            }
        };
        self.app.apply(outcome);
        safe
    }

    /// On the home screen, a list changed by another rebound, a script or a
    /// hand edit is read again (and search sees its answers). True if so.
    fn list_changed_elsewhere(&mut self) -> bool {
        if !self.effects.list_changed_elsewhere() {
            return false;
        }
        let mut outcomes = vec![self.effects.relist(None)];
        if self.app.home.corpus.is_some() {
            outcomes.push(self.effects.load_search());
        }
        self.apply(outcomes);
        true
    }
}

pub fn run(store: &Store, guide: &'static Guide, offset: UtcOffset, launch: Launch) -> Result<()> {
    let now = OffsetDateTime::now_utc();
    let mut app = App::new(guide, now.to_offset(offset).date(), offset);
    app.set_now(now);
    app.export_dir = store.exports_dir();
    app.palette = Palette::for_no_color(std::env::var_os("NO_COLOR").as_deref());
    app.home.broken_guides = Catalogue::get().problems.clone();
    let mut runtime = Runtime {
        app,
        effects: Effects::new(store),
        autosave: Autosave::new(),
        suspend_requested: false,
    };
    let listed = runtime.effects.relist(None);
    runtime.apply(vec![listed]);
    match launch {
        Launch::Home => {}
        Launch::AskTitle(None) => runtime.app.start_new_reflection(),
        Launch::AskTitle(Some(guide)) => runtime.app.open_title_prompt(TitlePurpose::New(guide)),
        Launch::Open(id) => {
            runtime.perform(Effect::Open(id));
        }
        Launch::Checkin(id) => {
            runtime.app.opening_checkin = true;
            runtime.perform(Effect::Open(id));
        }
    }

    // Closing the terminal (SIGHUP) or a polite kill (SIGTERM) saves first;
    // a stop (SIGTSTP) saves and hands the terminal back before stopping.
    let signals = Signals::default();
    for (signal, flag) in [
        (signal_hook::consts::SIGTERM, &signals.stop),
        (signal_hook::consts::SIGHUP, &signals.stop),
        (signal_hook::consts::SIGTSTP, &signals.suspend),
        (signal_hook::consts::SIGCONT, &signals.resumed),
    ] {
        signal_hook::flag::register(signal, Arc::clone(flag))
            .wrap_err("could not listen for signals")?;
    }
    let stop = Arc::clone(&signals.stop);

    let mut terminal =
        TerminalSession::start().wrap_err("rebound needs an interactive terminal")?;
    // A panic still saves what was typed; the hook has already restored the
    // terminal and printed the message.
    let finished = Arc::new(AtomicBool::new(false));
    watch_for_a_stuck_exit(Arc::clone(&stop), Arc::clone(&finished));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut runtime, &mut terminal, &signals)
    }));
    // The loop is out of crossterm's read: the watchdog stands down, so a
    // slow final save (a network disk) is never cut short.
    finished.store(true, Ordering::Relaxed);
    // Keys still waiting for a larger window are what the person typed:
    // they count, read as they would have been (up to a quit among them).
    let size = runtime.app.size;
    let waiting = if outcome.is_ok() {
        runtime.app.resize(size, false)
    } else {
        Vec::new()
    };
    for typed in waiting {
        let effect = runtime.app.typed(typed);
        if !runtime.perform(effect) {
            break;
        }
    }
    // A day to look again typed but not yet confirmed is kept, and saved below.
    runtime.app.settle_look_again_prompt();
    // A title typed but not yet confirmed is kept too.
    if let Some(new) = runtime.app.settle_title_prompt()
        && let Err(e) = runtime.effects.create(&new, &runtime.app)
    {
        runtime
            .effects
            .conflict_notes
            .push(format!("could not keep the title \"{}\": {e}", new.title));
    }
    // Saved, or kept in a recovery file (with a note saying where), or lost.
    let recovered_to = if runtime.save_now() {
        Some(String::new())
    } else {
        runtime.effects.save_for_recovery(&runtime.app)
    };
    drop(terminal);
    let result = match outcome {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    let Some(recovered_to) = recovered_to else {
        return Err(eyre!("{}", recovery_failed(&runtime.app)));
    };
    for note in std::mem::take(&mut runtime.effects.conflict_notes)
        .into_iter()
        .chain([recovered_to])
        .filter(|n| !n.is_empty())
    {
        let _ = writeln!(std::io::stderr(), "rebound: {note}");
    }
    result
}

fn recovery_failed(app: &App) -> String {
    match app.session.as_ref() {
        Some(s) => format!(
            "could not save {}; its last changes could not be written anywhere",
            s.reflection.id
        ),
        None => "could not save".to_string(),
    }
}

/// A last resort: crossterm can get stuck reading a terminal that hangs up in
/// the instant between our check and its read, ignoring signals. If the loop
/// has not returned two seconds after a signal or a hang-up, end the process
/// rather than spin forever (autosave has kept all but the last second).
fn watch_for_a_stuck_exit(stop: Arc<AtomicBool>, finished: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(TICK);
            if finished.load(Ordering::Relaxed) {
                return;
            }
            if stop.load(Ordering::Relaxed) || input::wait(Duration::ZERO) == Wait::TerminalGone {
                std::thread::sleep(Duration::from_secs(2));
                if !finished.load(Ordering::Relaxed) {
                    std::process::exit(1);
                }
                return;
            }
        }
    });
}

/// Flags the signal handlers raise for the loop to act on.
#[derive(Default)]
struct Signals {
    stop: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

fn event_loop(
    runtime: &mut Runtime,
    terminal: &mut TerminalSession,
    signals: &Signals,
) -> Result<()> {
    let stop = &signals.stop;
    let mut redraw = true;
    loop {
        if signals.suspend.swap(false, Ordering::Relaxed) || runtime.suspend_requested {
            runtime.suspend_requested = false;
            runtime.save_now();
            let _ = terminal.suspend();
            signals.resumed.store(false, Ordering::Relaxed);
            redraw = true;
        }
        // Continued after a stop we did not see coming (SIGSTOP): repaint.
        // A terminal that is slow to come back is set up again on the next
        // continue or draw; it is never a reason to stop.
        if signals.resumed.swap(false, Ordering::Relaxed) {
            let _ = terminal.resume();
            redraw = true;
        }
        if let Ok(size) = terminal.terminal.size() {
            let too_small = size.width < screens::MIN_WIDTH || size.height < screens::MIN_HEIGHT;
            for typed in runtime.app.resize((size.width, size.height), too_small) {
                redraw = true;
                let effect = runtime.app.typed(typed);
                if !runtime.perform(effect) {
                    return Ok(());
                }
            }
        }
        if redraw {
            terminal
                .terminal
                .draw(|frame| screens::draw(frame, &runtime.app))?;
            redraw = false;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let now = Instant::now();
        if input::wait(runtime.autosave.wait(now)) == Wait::TerminalGone {
            return Ok(());
        }
        // Drain every event crossterm has (keys, pastes, and resizes, which
        // arrive through its own signal pipe rather than the terminal).
        while event::poll(Duration::ZERO)? {
            let typed = match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => Some(Typed::Key(key)),
                Event::Paste(text) => Some(Typed::Paste(text)),
                Event::Resize(..) => {
                    redraw = true;
                    None
                }
                _ => None,
            };
            if let Some(typed) = typed {
                redraw = true;
                let effect = runtime.app.typed(typed);
                if !runtime.perform(effect) {
                    return Ok(());
                }
            }
        }
        let now = Instant::now();
        if runtime.autosave.due(runtime.app.revision(), now) {
            runtime.save_now();
            redraw = true;
        }
        runtime.app.set_now(OffsetDateTime::now_utc());
        if runtime.app.screen() == Screen::Home && runtime.list_changed_elsewhere() {
            redraw = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::{ActionItem, Status};
    use crate::stage::FullStages;
    use crate::stage::{STEPS_FIELD, Stage};
    use crate::tui::state::Focus;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use time::macros::datetime;

    fn press(runtime: &mut Runtime, code: KeyCode, mods: KeyModifiers) {
        let effect = runtime.app.typed(Typed::Key(KeyEvent::new(code, mods)));
        assert!(runtime.perform(effect), "{code:?} quit");
        // As the loop does when a save falls due, and on the way out.
        assert!(runtime.save_now());
    }

    /// Issue 10: a sync tool's conflict copy carries its original's id, so
    /// a save, a tick, a claim or a trip to the trash by that id would land
    /// on the original. Every key that changes a reflection is pressed on a
    /// copy opened from home, through the loop's own glue, and both files
    /// stay as they were, byte for byte.
    #[test]
    fn a_conflict_copy_opened_from_home_is_never_written_whatever_is_pressed() {
        let guide = Guide::builtin().expect("guide");
        for status in [Status::Completed, Status::InProgress] {
            let dir = tempfile::tempdir().expect("temp dir");
            let store = Store::open(dir.path()).expect("store");
            let mut ours = store
                .create("The reorg", datetime!(2026-11-25 09:00 UTC), guide)
                .expect("create");
            ours.set_actions(
                Stage::Goals,
                STEPS_FIELD,
                vec![ActionItem {
                    text: "Ask Dana for feedback".into(),
                    ..ActionItem::default()
                }],
            );
            store.save(&ours, guide).expect("save");
            let mut theirs = ours.clone();
            theirs.title = "The reorg, as the laptop has it".into();
            theirs.status = status;
            let copy_name = format!("{}.sync-conflict-20261129-101010-LAPTOP7.toml", ours.id);
            let copy = store.reflections_dir().join(&copy_name);
            std::fs::write(&copy, theirs.to_toml_string(guide).expect("toml")).expect("copy");
            let original = store.path_of(&ours.id);
            let before = (std::fs::read(&original), std::fs::read(&copy));

            let mut runtime = Runtime {
                app: App::new(guide, time::macros::date!(2026 - 11 - 29), UtcOffset::UTC),
                effects: Effects::new(&store),
                autosave: Autosave::new(),
                suspend_requested: false,
            };
            let listed = runtime.effects.relist(None);
            runtime.apply(vec![listed]);
            let none = KeyModifiers::NONE;
            press(&mut runtime, KeyCode::Down, none);
            press(&mut runtime, KeyCode::Enter, none);
            assert_eq!(runtime.app.focus(), Focus::ReadingCopy, "{status:?}");
            let session = runtime.app.session.as_ref().expect("open");
            assert_eq!(session.reflection.title, "The reorg, as the laptop has it");
            for code in [
                KeyCode::Char('e'),
                KeyCode::Char(' '),
                KeyCode::Tab,
                KeyCode::Char(' '),
                KeyCode::Char('d'),
                KeyCode::Char('y'),
                KeyCode::Delete,
                KeyCode::Char('y'),
                KeyCode::Char('c'),
                KeyCode::Char('t'),
                KeyCode::Char('u'),
                KeyCode::Enter,
                KeyCode::Backspace,
                KeyCode::Char('1'),
            ] {
                press(&mut runtime, code, none);
                assert_eq!(runtime.app.focus(), Focus::ReadingCopy, "{code:?}");
            }
            let effect = runtime.app.typed(Typed::Paste("pasted words".into()));
            assert!(runtime.perform(effect));
            assert!(runtime.save_now());
            // Nothing claimed the original: another rebound could edit it.
            drop(store.lock(&ours.id).expect("the original is free to claim"));
            press(&mut runtime, KeyCode::Esc, none);
            assert!(runtime.app.session.is_none(), "back home");
            assert_eq!(
                runtime.app.home.selected_copy().map(|s| s.name.as_str()),
                Some(copy_name.as_str()),
                "the copy's row is selected again"
            );
            press(&mut runtime, KeyCode::Char('d'), none);
            press(&mut runtime, KeyCode::Char('y'), none);
            let after = (std::fs::read(&original), std::fs::read(&copy));
            assert_eq!(
                before.0.as_ref().ok(),
                after.0.as_ref().ok(),
                "{status:?}: original"
            );
            assert_eq!(
                before.1.as_ref().ok(),
                after.1.as_ref().ok(),
                "{status:?}: copy"
            );
            assert!(store.trashed().is_empty(), "{status:?}: nothing trashed");
        }
    }
}
