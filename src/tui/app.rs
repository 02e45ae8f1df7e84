//! The event loop: read a key, map it to an action, update, save, draw.
//! Autosave lives here because it is the one place that knows the time.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use std::io::{IsTerminal, Write};

use color_eyre::eyre::{Result, WrapErr, eyre};
use crossterm::event::{self, Event, KeyEventKind};
use time::{OffsetDateTime, UtcOffset};

use std::path::PathBuf;

use crate::export::{self, Clock, Format};
use crate::guide::Guide;
use crate::reflection::display_title;
use crate::search::{Corpus, searchable_text};
use crate::store::{Lock, Stamp, Store, StoreError, write_export};
use crate::tui::input::{self, Wait};
use crate::tui::keys::{Action, action_for};
use crate::tui::screens;
use crate::tui::state::{App, Effect, Message, Screen, Tone};
use crate::tui::terminal::TerminalSession;

/// Where the TUI starts.
pub enum Launch {
    Home,
    /// Ask for a title, then start a new reflection.
    AskTitle,
    /// Open the reflection with this id where the person stopped.
    Open(String),
}

/// A change is saved once typing pauses this long...
const QUIET_PERIOD: Duration = Duration::from_millis(300);
/// ...and never later than this after it was made.
const LONGEST_WAIT: Duration = Duration::from_millis(1000);
/// How often the loop wakes with nothing to do, to notice signals.
const TICK: Duration = Duration::from_millis(200);

/// Tracks what is on disk, so every change is written within a second.
struct Autosave {
    saved_revision: u64,
    seen_revision: u64,
    first_unsaved: Option<Instant>,
    last_change: Option<Instant>,
    last_failure: Option<Instant>,
}

impl Autosave {
    fn new() -> Autosave {
        Autosave {
            saved_revision: 0,
            seen_revision: 0,
            first_unsaved: None,
            last_change: None,
            last_failure: None,
        }
    }

    /// Notes the current revision; true when a save is due now.
    fn due(&mut self, revision: u64, now: Instant) -> bool {
        if revision == self.saved_revision {
            self.first_unsaved = None;
            self.last_change = None;
            return false;
        }
        if revision != self.seen_revision {
            self.seen_revision = revision;
            self.last_change = Some(now);
            self.first_unsaved.get_or_insert(now);
        }
        if self
            .last_failure
            .is_some_and(|t| now.duration_since(t) < LONGEST_WAIT)
        {
            return false;
        }
        let quiet = self
            .last_change
            .is_some_and(|t| now.duration_since(t) >= QUIET_PERIOD);
        let overdue = self
            .first_unsaved
            .is_some_and(|t| now.duration_since(t) >= LONGEST_WAIT);
        quiet || overdue
    }

    /// How long the loop may sleep before a save could fall due.
    fn wait(&self, now: Instant) -> Duration {
        let mut wait = TICK;
        if self.first_unsaved.is_none() || self.last_failure.is_some() {
            return wait;
        }
        if let Some(t) = self.last_change {
            wait = wait.min((t + QUIET_PERIOD).saturating_duration_since(now));
        }
        if let Some(t) = self.first_unsaved {
            wait = wait.min((t + LONGEST_WAIT).saturating_duration_since(now));
        }
        wait
    }
}

struct Runner<'a> {
    app: App,
    store: &'a Store,
    autosave: Autosave,
    /// Where the last text went when the final save failed.
    recovered_to: Option<String>,
    /// This rebound's claim on the open reflection.
    lock: Option<Lock>,
    /// The open reflection's file as last read or written here.
    disk_stamp: Option<Stamp>,
    /// Where a version that could not be saved over a changed file went.
    conflict_note: Option<String>,
    /// Ctrl-Z was pressed where it means "suspend".
    suspend_requested: bool,
    /// The reflections folder's modification time when the list was read.
    listed_at: Option<std::time::SystemTime>,
}

impl Runner<'_> {
    /// The final save failed: the latest text goes to a private file in the
    /// temp folder rather than being lost. True when that worked.
    fn save_for_recovery(&mut self) -> bool {
        let guide = self.app.guide;
        let Some(session) = self.app.session.as_ref() else {
            return true;
        };
        let Ok(text) = session.reflection.to_toml_string(guide) else {
            return false;
        };
        let path =
            std::env::temp_dir().join(format!("rebound-recovered-{}.toml", session.reflection.id));
        match crate::store::save_atomically(&path, text.as_bytes()) {
            Ok(()) => {
                self.recovered_to = Some(format!(
                    "could not save {} to the data dir; your latest text is in {} (copy it into {}/reflections/)",
                    session.reflection.id,
                    path.display(),
                    self.store
                        .reflections_dir()
                        .parent()
                        .map_or(String::new(), |p| p.display().to_string()),
                ));
                true
            }
            Err(_) => false,
        }
    }

    fn recovery_note(&self) -> String {
        match self.app.session.as_ref() {
            Some(s) => format!(
                "could not save {}; its last changes could not be written anywhere",
                s.reflection.id
            ),
            None => "could not save".to_string(),
        }
    }

    /// Saves the open reflection if it has unsaved changes.
    fn save_now(&mut self) -> bool {
        let guide = self.app.guide;
        let Some(session) = self.app.session.as_mut() else {
            return true;
        };
        // Another rebound is the writer; nothing here changes the file.
        if session.revision == self.autosave.saved_revision || session.read_only {
            return true;
        }
        session.reflection.updated = OffsetDateTime::now_utc();
        let id = session.reflection.id.clone();
        // Changed on disk since we read or wrote it (a hand edit while open):
        // neither version is lost. The file stays; ours goes beside it.
        let on_disk = self.store.file_stamp(&id);
        if on_disk.is_some() && on_disk != self.disk_stamp {
            return match self.store.save_conflict_copy(&session.reflection, guide) {
                Ok(path) => {
                    self.autosave.saved_revision = session.revision;
                    let note = format!(
                        "{} changed outside rebound, so it was not overwritten; the version typed here is in {}",
                        id,
                        path.display()
                    );
                    self.app.make_read_only(note.clone());
                    // Kept for home and for the way out, where the session's
                    // own message would be gone.
                    self.app.notice = Some(Message {
                        text: note.clone(),
                        tone: Tone::Warning,
                    });
                    self.conflict_note = Some(note);
                    true
                }
                Err(e) => {
                    self.autosave.last_failure = Some(Instant::now());
                    self.app.notice = Some(Message {
                        text: format!(
                            "The file changed outside rebound and your version could not be kept beside it ({e}); retrying."
                        ),
                        tone: Tone::Warning,
                    });
                    false
                }
            };
        }
        match self.store.save(&session.reflection, guide) {
            Ok(()) => {
                self.disk_stamp = self.store.file_stamp(&id);
                self.autosave.saved_revision = session.revision;
                self.autosave.first_unsaved = None;
                self.autosave.last_failure = None;
                if self
                    .app
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.tone == Tone::Warning)
                {
                    self.app.notice = None;
                }
                true
            }
            Err(e) => {
                self.autosave.last_failure = Some(Instant::now());
                self.app.notice = Some(Message {
                    text: format!("Could not save ({e}). Your writing is safe here; retrying."),
                    tone: Tone::Warning,
                });
                false
            }
        }
    }

    fn refresh_listing(&mut self) {
        // Taken first, so a change made while listing is seen next time.
        self.listed_at = self.store.folder_changed_at();
        match self.store.list() {
            Ok(listing) => self.app.set_listing(listing),
            Err(e) => {
                self.app.notice = Some(Message {
                    text: format!("Could not list reflections: {e}"),
                    tone: Tone::Warning,
                });
            }
        }
    }

    /// Opens a reflection, claiming it for writing; if another rebound has
    /// it open, it opens to read only, and says so. The file is read after
    /// the claim is settled, so a last save by another rebound is what opens.
    fn open(&mut self, id: &str) -> Result<(), StoreError> {
        let claimed = self.store.lock(id);
        let (reflection, stamp) = self.store.load_with_stamp(id)?;
        self.autosave = Autosave::new();
        // A note about the list (a deletion, a restore) does not belong here.
        self.app.notice = None;
        self.app.now = OffsetDateTime::now_utc();
        self.disk_stamp = stamp;
        self.app.open_reflection(reflection);
        match claimed {
            Ok(lock) => self.lock = Some(lock),
            Err(StoreError::Locked { pid, .. }) => {
                self.lock = None;
                // The id would crowd out the advice; the title is on screen.
                self.app.make_read_only(format!(
                    "Read only: {}. Close it there, then press e here.",
                    held_elsewhere(pid)
                ));
            }
            Err(e) => {
                self.lock = None;
                self.app
                    .make_read_only(format!("Read only: could not claim it for writing ({e})."));
            }
        }
        Ok(())
    }

    /// Opens a reflection, or says on home why it would not open.
    fn open_or_say_why(&mut self, id: &str) {
        if let Err(e) = self.open(id) {
            self.app.screen = Screen::Home;
            self.app.notice = Some(Message {
                text: e.to_string(),
                tone: Tone::Warning,
            });
        }
    }

    /// The person wants to edit a reflection opened read-only: if the other
    /// rebound has let go, load what it saved and carry on here.
    fn take_over(&mut self) {
        let Some(id) = self.app.session.as_ref().map(|s| s.reflection.id.clone()) else {
            return;
        };
        // A claim this session still holds (read only after a conflict) is
        // let go first: a second claim by the same process would be refused.
        self.lock = None;
        match self
            .store
            .lock(&id)
            .and_then(|lock| Ok((lock, self.store.load_with_stamp(&id)?)))
        {
            Ok((lock, (reflection, stamp))) => {
                self.disk_stamp = stamp;
                let screen = self.app.screen;
                self.autosave = Autosave::new();
                self.app.open_reflection(reflection);
                self.app.screen = screen;
                self.lock = Some(lock);
                if let Some(session) = self.app.session.as_mut() {
                    session.message = Some(Message {
                        text: "The other rebound has closed it; it is yours to edit now.".into(),
                        tone: Tone::Calm,
                    });
                }
            }
            Err(e) => {
                if let Some(session) = self.app.session.as_mut() {
                    session.message = Some(Message {
                        text: match e {
                            StoreError::Locked { pid, .. } => {
                                format!("Still read only: {}.", held_elsewhere(pid))
                            }
                            e => format!("Still read only: {e}."),
                        },
                        tone: Tone::Warning,
                    });
                }
            }
        }
    }

    /// Carries out an effect; false when the app should stop.
    fn apply(&mut self, effect: Effect) -> bool {
        match effect {
            Effect::None => {}
            Effect::Quit => return false,
            Effect::Create(title) => {
                match self
                    .store
                    .create(&title, OffsetDateTime::now_utc(), self.app.guide)
                {
                    Ok(reflection) => self.open_or_say_why(&reflection.id),
                    Err(e) => {
                        self.app.screen = Screen::Home;
                        self.app.notice = Some(Message {
                            text: format!("Could not start a reflection: {e}"),
                            tone: Tone::Warning,
                        });
                    }
                }
            }
            Effect::Open(id) => self.open_or_say_why(&id),
            Effect::LoadSearch => match crate::search::stored_texts(self.store, self.app.guide) {
                Ok(texts) => self.app.set_corpus(Corpus::new(texts)),
                Err(e) => {
                    self.app.set_corpus(Corpus::default());
                    self.app.notice = Some(Message {
                        text: format!("Search sees titles only: {e}"),
                        tone: Tone::Warning,
                    });
                }
            },
            Effect::Delete(id) => self.delete(&id),
            Effect::Restore(name) => match self.store.restore(&name) {
                Ok(id) => {
                    // Searchable again at once, answers included.
                    if let (Some(corpus), Ok(r)) = (self.app.corpus.as_mut(), self.store.load(&id))
                    {
                        corpus.insert(id.clone(), searchable_text(&r, self.app.guide));
                    }
                    self.refresh_listing();
                    self.app.select_id(&id);
                    let title = self
                        .app
                        .selected_summary()
                        .map(|s| display_title(&s.title).to_string())
                        .unwrap_or(id);
                    self.app.notice = Some(Message {
                        text: format!("Restored \"{title}\" from the trash."),
                        tone: Tone::Calm,
                    });
                }
                Err(e) => {
                    self.app.notice = Some(Message {
                        text: match e {
                            StoreError::NotInTrash(_) => {
                                "It is no longer in the trash (restored already?).".into()
                            }
                            e => format!("Could not bring it back: {e}"),
                        },
                        tone: Tone::Warning,
                    });
                }
            },
            Effect::Export {
                path,
                format,
                replace,
            } => self.export(&path, format, replace),
            Effect::TakeOver => self.take_over(),
            Effect::Suspend => self.suspend_requested = true,
            Effect::CloseReflection => {
                if self.save_now() {
                    self.autosave = Autosave::new();
                    self.lock = None;
                    let id = self.app.close_reflection().map(|r| r.id);
                    self.refresh_listing();
                    if let Some(id) = id {
                        self.app.select_id(&id);
                    }
                }
            }
        }
        true
    }
}

impl Runner<'_> {
    /// On the home screen, a list changed by another rebound, a script or a
    /// hand edit is read again (and search sees its answers). True if so.
    fn list_changed_elsewhere(&mut self) -> bool {
        if self.store.folder_changed_at() == self.listed_at {
            return false;
        }
        let selected = self.app.selected_summary().map(|s| s.id.clone());
        self.refresh_listing();
        if self.app.corpus.is_some() {
            self.apply(Effect::LoadSearch);
        }
        if let Some(id) = selected {
            self.app.select_id(&id);
        }
        true
    }

    /// Moves a reflection to the trash, saving it first if it is open.
    fn delete(&mut self, id: &str) {
        let title = self
            .app
            .listing
            .reflections
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.clone())
            .or_else(|| {
                self.app
                    .session
                    .as_ref()
                    .map(|s| s.reflection.title.clone())
            })
            .map(|t| display_title(&t).to_string())
            .unwrap_or_default();
        if self
            .app
            .session
            .as_ref()
            .is_some_and(|s| s.reflection.id == id)
        {
            // A tick not yet saved goes to the trash with the file.
            if !self.save_now() {
                return;
            }
            self.autosave = Autosave::new();
            self.app.close_reflection();
            // Let go first: trashing claims the reflection itself.
            self.lock = None;
        }
        match self.store.trash(id) {
            Ok(path) => {
                let name = path
                    .file_stem()
                    .map_or_else(|| id.to_string(), |n| n.to_string_lossy().into_owned());
                let title = crate::tui::widgets::fit(&title, 32);
                self.app.notice = Some(Message {
                    text: format!(
                        "Moved \"{title}\" to the trash. u brings it back; later, `rebound restore` does."
                    ),
                    tone: Tone::Calm,
                });
                self.app.last_trashed = Some(name);
            }
            Err(e) => {
                self.app.notice = Some(Message {
                    text: format!("Could not delete it: {e}"),
                    tone: Tone::Warning,
                });
            }
        }
        self.refresh_listing();
    }

    /// Writes the open reflection where the export prompt says, asking
    /// before replacing a file.
    fn export(&mut self, path: &str, format: Format, replace: bool) {
        let target = expand_path(path);
        let guide = self.app.guide;
        let clock = Clock {
            offset: self.app.offset,
            today: self.app.today,
        };
        let (Some(session), Some(prompt)) = (self.app.session.as_mut(), self.app.export.as_mut())
        else {
            return;
        };
        if target.exists() && !replace {
            prompt.warning = Some("That file exists. Enter again replaces it.".into());
            prompt.replace = true;
            return;
        }
        if target.parent() == Some(self.store.exports_dir().as_path()) {
            let _ = self.store.make_exports_dir();
        }
        let text = export::render(&session.reflection, guide, format, clock);
        match write_export(&target, &text) {
            Ok(()) => {
                session.message = Some(Message {
                    text: format!("Wrote {} to {}", format.name(), target.display()),
                    tone: Tone::Calm,
                });
                self.app.export = None;
            }
            Err(e) => {
                prompt.warning = Some(format!("Could not write {e}"));
                prompt.replace = false;
            }
        }
    }
}

/// Who has a reflection open, in words that fit the message line.
fn held_elsewhere(pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!("open in another rebound (process {pid})"),
        None => "open in another rebound".to_string(),
    }
}

/// A typed path made absolute: `~/` is the home folder, and a relative path
/// is taken from the folder rebound was started in.
fn expand_path(path: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let path = match path.strip_prefix("~/") {
        Some(rest) => home().map_or_else(|| PathBuf::from(path), |h| h.join(rest)),
        None => PathBuf::from(path),
    };
    if path.is_absolute() {
        path
    } else {
        std::env::current_dir().map_or(path.clone(), |cwd| cwd.join(&path))
    }
}

pub fn ensure_terminal() -> Result<()> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(eyre!("needs an interactive terminal (stdin and stdout)"))
    }
}

pub fn run(store: &Store, guide: &'static Guide, offset: UtcOffset, launch: Launch) -> Result<()> {
    let today = OffsetDateTime::now_utc().to_offset(offset).date();
    let mut runner = Runner {
        app: App::new(guide, today, offset),
        store,
        autosave: Autosave::new(),
        recovered_to: None,
        lock: None,
        disk_stamp: None,
        conflict_note: None,
        suspend_requested: false,
        listed_at: None,
    };
    runner.app.export_dir = store.exports_dir();
    runner.refresh_listing();
    match launch {
        Launch::Home => {}
        Launch::AskTitle => runner
            .app
            .open_title_prompt(crate::tui::state::TitlePurpose::New),
        Launch::Open(id) => runner.open_or_say_why(&id),
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
        event_loop(&mut runner, &mut terminal, &signals)
    }));
    // The loop is out of crossterm's read: the watchdog stands down, so a
    // slow final save (a network disk) is never cut short.
    finished.store(true, Ordering::Relaxed);
    // A title typed but not yet confirmed is kept too.
    if let Some(title) = runner.app.settle_title_prompt()
        && let Err(e) = runner
            .store
            .create(&title, OffsetDateTime::now_utc(), runner.app.guide)
    {
        runner.conflict_note = Some(format!("could not keep the title \"{title}\": {e}"));
    }
    let saved = runner.save_now() || runner.save_for_recovery();
    drop(terminal);
    let result = match outcome {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    if !saved {
        return Err(eyre!("{}", runner.recovery_note()));
    }
    if let Some(note) = runner.conflict_note.take() {
        let _ = writeln!(std::io::stderr(), "rebound: {note}");
    }
    if let Some(note) = runner.recovered_to.take() {
        let _ = writeln!(std::io::stderr(), "rebound: {note}");
    }
    result
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
    runner: &mut Runner,
    terminal: &mut TerminalSession,
    signals: &Signals,
) -> Result<()> {
    let stop = &signals.stop;
    let mut redraw = true;
    loop {
        if signals.suspend.swap(false, Ordering::Relaxed) || runner.suspend_requested {
            runner.suspend_requested = false;
            runner.save_now();
            terminal.suspend()?;
            signals.resumed.store(false, Ordering::Relaxed);
            redraw = true;
        }
        // Continued after a stop we did not see coming (SIGSTOP): repaint.
        if signals.resumed.swap(false, Ordering::Relaxed) {
            terminal.resume()?;
            redraw = true;
        }
        if let Ok(size) = terminal.terminal.size() {
            runner.app.size = (size.width, size.height);
            runner.app.too_small =
                size.width < screens::MIN_WIDTH || size.height < screens::MIN_HEIGHT;
        }
        if redraw {
            terminal
                .terminal
                .draw(|frame| screens::draw(frame, &runner.app))?;
            redraw = false;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let now = Instant::now();
        if input::wait(runner.autosave.wait(now)) == Wait::TerminalGone {
            return Ok(());
        }
        // Drain every event crossterm has (keys, pastes, and resizes, which
        // arrive through its own signal pipe rather than the terminal).
        while event::poll(Duration::ZERO)? {
            let action = match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    Some(action_for(&key, &runner.app.contexts()))
                }
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(..) => {
                    redraw = true;
                    None
                }
                _ => None,
            };
            if let Some(action) = action {
                redraw = true;
                let effect = runner.app.update(action);
                if !runner.apply(effect) {
                    return Ok(());
                }
            }
        }
        let now = Instant::now();
        let revision = runner.app.session.as_ref().map_or(0, |s| s.revision);
        if runner.autosave.due(revision, now) {
            runner.save_now();
            redraw = true;
        }
        runner.app.now = OffsetDateTime::now_utc();
        runner.app.today = runner.app.now.to_offset(runner.app.offset).date();
        if runner.app.screen == Screen::Home && runner.list_changed_elsewhere() {
            redraw = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_saved_after_a_pause_and_never_later_than_a_second() {
        let start = Instant::now();
        let mut autosave = Autosave::new();
        assert!(!autosave.due(0, start));
        assert!(!autosave.due(1, start));
        assert!(autosave.due(1, start + QUIET_PERIOD));

        // Steady typing (a change every 100 ms) still saves within a second.
        let mut autosave = Autosave::new();
        let mut saved_at = None;
        for step in 0..20u64 {
            let now = start + Duration::from_millis(100 * step);
            if autosave.due(step + 1, now) {
                saved_at = Some(step);
                break;
            }
        }
        assert_eq!(saved_at, Some(10));
    }

    #[test]
    fn the_loop_wakes_in_time_for_the_next_save() {
        let start = Instant::now();
        let mut autosave = Autosave::new();
        autosave.due(1, start);
        let later = start + Duration::from_millis(250);
        assert_eq!(
            autosave.wait(later),
            QUIET_PERIOD - Duration::from_millis(250)
        );
        assert_eq!(Autosave::new().wait(start), TICK);
    }

    #[test]
    fn after_a_save_the_loop_sleeps_a_full_tick_instead_of_spinning() {
        let start = Instant::now();
        let mut autosave = Autosave::new();
        assert!(autosave.due(1, start + QUIET_PERIOD) || autosave.due(1, start + QUIET_PERIOD * 2));
        autosave.saved_revision = 1;
        let later = start + Duration::from_secs(5);
        assert!(!autosave.due(1, later));
        assert_eq!(autosave.wait(later), TICK);
    }
}
