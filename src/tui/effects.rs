//! The I/O layer: carries out an effect against the store and says what came
//! of it, as outcomes for `App::apply`. It reads the app but never changes
//! it; what it keeps is its own: this rebound's claim on the open reflection
//! and what the file looked like when last read or written here.

use std::path::PathBuf;
use std::time::SystemTime;

use time::OffsetDateTime;

use crate::export::{self, Format};
use crate::lifecycle;
use crate::reflection::{Reflection, display_title};
use crate::search::{Corpus, searchable_text};
use crate::store::{Existing, Lock, Special, Stamp, Store, StoreError};
use crate::tui::state::{
    Access, App, Effect, Message, NewReflection, Outcome, conflict_note, held_elsewhere,
};

pub struct Effects<'a> {
    pub store: &'a Store,
    /// This rebound's claim on the open reflection.
    lock: Option<Lock>,
    /// The open reflection's file as last read or written here.
    disk_stamp: Option<Stamp>,
    /// The conflict copy as last written here: one changed since (the person
    /// merging by hand) is never written over.
    copy_stamp: Option<Stamp>,
    /// The reflections folder's modification time when the list was read.
    listed_at: Option<SystemTime>,
    /// Where each version that could not be saved over a changed file went,
    /// to say again on the way out.
    pub conflict_notes: Vec<String>,
}

impl<'a> Effects<'a> {
    pub fn new(store: &'a Store) -> Effects<'a> {
        Effects {
            store,
            lock: None,
            disk_stamp: None,
            copy_stamp: None,
            listed_at: None,
            conflict_notes: Vec::new(),
        }
    }

    /// Creates a reflection in the guide it names. The catalogue is read
    /// once a run, so a chosen guide is there; were it not, the default
    /// stands in rather than losing the title.
    pub fn create(&self, new: &NewReflection, app: &App) -> Result<Reflection, StoreError> {
        let now = OffsetDateTime::now_utc().to_offset(app.clock.offset);
        match app.guides.named(&new.guide) {
            Some(entry) => self
                .store
                .create_in(&new.title, now, &entry.name, &entry.guide),
            None => self.store.create(&new.title, now, app.guide),
        }
    }

    /// Carries out an effect. `Quit`, `Suspend` and `None` are the loop's own
    /// and come back with no outcome; so does a save the loop must make first.
    pub fn run(&mut self, effect: Effect, app: &App) -> Vec<Outcome> {
        match effect {
            Effect::None | Effect::Quit | Effect::Suspend => Vec::new(),
            Effect::Create(new) => match self.create(&new, app) {
                Ok(reflection) => vec![self.open(&reflection.id)],
                Err(e) => vec![Outcome::CreateFailed {
                    new,
                    why: e.to_string(),
                }],
            },
            Effect::Open(id) => vec![self.open(&id)],
            Effect::OpenCopy(file) => vec![self.open_copy(&file)],
            Effect::LoadSearch => vec![self.load_search()],
            Effect::CloseReflection => {
                self.let_go();
                // Back on home, the row that was opened is selected: a
                // copy's own row, not its original's.
                let row = app.session.as_ref().map(|s| {
                    s.copy_file()
                        .map_or_else(|| s.reflection.id.clone(), String::from)
                });
                vec![Outcome::Closed, self.relist(row)]
            }
            Effect::Delete(id) => self.delete(&id, app),
            Effect::Restore(name) => match self.store.restore(&name) {
                Ok(id) => {
                    let loaded = self.store.load(&id).ok();
                    let title = loaded
                        .as_ref()
                        .map_or_else(|| id.clone(), |r| display_title(&r.title).to_string());
                    let searchable =
                        loaded.map(|r| searchable_text(&r, &crate::guides::guide_for(&r).guide));
                    vec![
                        self.relist(Some(id.clone())),
                        Outcome::Restored {
                            id,
                            title,
                            searchable,
                        },
                    ]
                }
                Err(StoreError::NotInTrash(_)) => vec![Outcome::NotInTrash],
                Err(e) => vec![Outcome::RestoreFailed(e.to_string())],
            },
            Effect::Export {
                path,
                format,
                replace,
            } => vec![self.export(app, &path, format, replace)],
            Effect::TakeOver => vec![self.take_over(app)],
            Effect::TickStep { reflection, step } => {
                vec![self.tick(app, &reflection, &step), self.relist(None)]
            }
        }
    }

    /// Saves the open reflection as it stands in the app. Nothing on disk is
    /// ever overwritten that changed since it was read or written here.
    pub fn save(&mut self, app: &App) -> Outcome {
        let Some(session) = app.session.as_ref() else {
            return Outcome::Saved;
        };
        let reflection = &session.reflection;
        let guide: &crate::guide::Guide = &session.guide;
        let file = self.store.path_of(&reflection.id);
        let stamp_of = |path: &std::path::Path| std::fs::metadata(path).ok().map(|m| Stamp::of(&m));
        // The copy follows the typing, unless it was changed since it was
        // written here: then a new copy starts, and both stay.
        if let Some(copy) = &session.conflict_copy
            && stamp_of(copy) == self.copy_stamp
        {
            return match self.store.update_conflict_copy(copy, reflection, guide) {
                Ok(()) => {
                    self.copy_stamp = stamp_of(copy);
                    Outcome::Conflict {
                        file,
                        copy: copy.clone(),
                    }
                }
                Err(e) => Outcome::ConflictCopyFailed(e.to_string()),
            };
        }
        let on_disk = self.store.file_stamp(&reflection.id);
        if session.conflict_copy.is_some() || (on_disk.is_some() && on_disk != self.disk_stamp) {
            return match self.store.save_conflict_copy(reflection, guide) {
                Ok(copy) => {
                    self.copy_stamp = stamp_of(&copy);
                    self.conflict_notes.push(conflict_note(&file, &copy));
                    Outcome::Conflict { file, copy }
                }
                Err(e) => Outcome::ConflictCopyFailed(e.to_string()),
            };
        }
        match self.store.save(reflection, guide) {
            Ok(written) => {
                // Read just after the save; another hand that wrote in
                // between (an append, a sync) must not be taken for ours, or
                // the next save would write over it. A length other than what
                // was written says so, and the next save keeps a copy instead.
                self.disk_stamp = own_stamp(self.store, &reflection.id, &written);
                Outcome::Saved
            }
            Err(e) => Outcome::SaveFailed(e.to_string()),
        }
    }

    /// The final save failed: the latest text goes to a private file in the
    /// temp folder rather than being lost. Says where, or `None` if even
    /// that failed.
    pub fn save_for_recovery(&self, app: &App) -> Option<String> {
        let Some(session) = app.session.as_ref() else {
            return Some(String::new());
        };
        let text = session.reflection.to_toml_string(&session.guide).ok()?;
        let id = &session.reflection.id;
        let path = std::env::temp_dir().join(format!("rebound-recovered-{id}.toml"));
        crate::store::save_atomically(&path, text.as_bytes()).ok()?;
        Some(format!(
            "could not save {id} to the data dir; your latest text is in {} (copy it into {}/reflections/)",
            path.display(),
            self.store
                .reflections_dir()
                .parent()
                .map_or(String::new(), |p| p.display().to_string()),
        ))
    }

    /// The list as it is on disk now.
    pub fn relist(&mut self, select: Option<String>) -> Outcome {
        // Taken first, so a change made while listing is seen next time.
        self.listed_at = self.store.folder_changed_at();
        Outcome::Listed {
            listing: self.store.list().map_err(|e| e.to_string()),
            select,
        }
    }

    /// Whether another rebound, a script or a hand edit changed the list
    /// since it was read here.
    pub fn list_changed_elsewhere(&self) -> bool {
        self.store.folder_changed_at() != self.listed_at
    }

    pub fn load_search(&self) -> Outcome {
        match crate::search::stored_texts(self.store) {
            Ok(texts) => Outcome::SearchLoaded(Corpus::new(texts)),
            Err(e) => Outcome::SearchFailed(e.to_string()),
        }
    }

    /// Opens a reflection, claiming it for writing; if another rebound has
    /// it open, it opens to read only. The file is read after the claim is
    /// settled, so a last save by another rebound is what opens.
    fn open(&mut self, id: &str) -> Outcome {
        let claimed = self.store.lock(id);
        let (reflection, stamp) = match self.store.load_with_stamp(id) {
            Ok(loaded) => loaded,
            Err(e) => return Outcome::OpenFailed(e.to_string()),
        };
        self.disk_stamp = stamp;
        let access = match claimed {
            Ok(lock) => {
                self.lock = Some(lock);
                Access::Writable
            }
            Err(StoreError::Locked { pid, .. }) => {
                self.lock = None;
                Access::HeldElsewhere(pid)
            }
            Err(e) => {
                self.lock = None;
                Access::Unclaimed(e.to_string())
            }
        };
        Outcome::Opened { reflection, access }
    }

    /// Reads a sync tool's conflict copy to show it. Nothing is claimed: the
    /// copy carries its original's id, and a claim by that id would keep the
    /// original from being edited, here or in another rebound.
    fn open_copy(&mut self, file: &str) -> Outcome {
        self.let_go();
        match self.store.load_stray(file) {
            Ok((stray, reflection)) => {
                let what = stray.copy.as_ref().map_or_else(
                    || "Not one of your reflections".to_string(),
                    |copy| copy.heading(),
                );
                Outcome::Opened {
                    reflection,
                    access: Access::ConflictCopy {
                        file: stray.name,
                        what,
                    },
                }
            }
            Err(StoreError::NotFound(_)) => {
                Outcome::OpenFailed(format!("{file} is no longer in the reflections folder."))
            }
            // The name, not the whole path, so the reason fits on screen.
            Err(StoreError::Unreadable { source, .. }) => {
                Outcome::OpenFailed(format!("Could not read {file}: {source}"))
            }
            Err(e) => Outcome::OpenFailed(format!("Could not read {file}: {e}")),
        }
    }

    fn let_go(&mut self) {
        self.lock = None;
        self.disk_stamp = None;
    }

    /// The person wants to edit a reflection opened read-only: if the other
    /// rebound has let go, load what it saved and carry on here.
    fn take_over(&mut self, app: &App) -> Outcome {
        let Some(session) = app.session.as_ref() else {
            return Outcome::StillReadOnly("Nothing is open.".into());
        };
        // `update` never asks this of a copy; were it to, the claim and the
        // load would be the original's, swapped in for the copy unasked.
        if session.copy_file().is_some() {
            return Outcome::StillReadOnly("A conflict copy is only read.".into());
        }
        let id = session.reflection.id.clone();
        // A claim this rebound still holds (read only after a conflict) is
        // let go first: a second claim by the same process would be refused.
        self.lock = None;
        match self
            .store
            .lock(&id)
            .and_then(|lock| Ok((lock, self.store.load_with_stamp(&id)?)))
        {
            Ok((lock, (reflection, stamp))) => {
                self.disk_stamp = stamp;
                self.lock = Some(lock);
                Outcome::TookOver(reflection)
            }
            Err(StoreError::Locked { pid, .. }) => {
                Outcome::StillReadOnly(format!("Still read only: {}.", held_elsewhere(pid)))
            }
            Err(e) => Outcome::StillReadOnly(format!("Still read only: {e}.")),
        }
    }

    /// Ticks a step of a reflection that is not open here, as the reading
    /// page would: claimed first, so a reflection open in another rebound is
    /// left alone, and never reopened when complete.
    fn tick(&mut self, app: &App, id: &str, step: &str) -> Outcome {
        let _claim = match self.store.lock(id) {
            Ok(lock) => lock,
            Err(StoreError::Locked { pid, .. }) => {
                return Outcome::TickRefused(Message::calm(format!(
                    "Not ticked: it is {}. Tick it there, or close it there first.",
                    held_elsewhere(pid)
                )));
            }
            Err(e) => return Outcome::TickRefused(Message::warning(format!("Not ticked: {e}"))),
        };
        let mut reflection = match self.store.load(id) {
            Ok(r) => r,
            Err(e) => return Outcome::TickRefused(Message::warning(format!("Not ticked: {e}"))),
        };
        let Some((what, done)) = lifecycle::tick_step_id(&mut reflection, step, app.clock.today)
        else {
            return Outcome::TickRefused(Message::calm(
                "That step is no longer in its reflection; the list is fresh now.",
            ));
        };
        reflection.touch(OffsetDateTime::now_utc().to_offset(app.clock.offset));
        let guide = crate::guides::guide_for(&reflection).guide;
        match self.store.save(&reflection, &guide) {
            Ok(_) => Outcome::Ticked {
                reflection: id.to_string(),
                step: step.to_string(),
                what,
                done,
            },
            Err(e) => Outcome::TickRefused(Message::warning(format!("Not ticked: {e}"))),
        }
    }

    /// Moves a reflection to the trash; the open one is let go first (the
    /// loop has saved it), since trashing claims the reflection itself.
    fn delete(&mut self, id: &str, app: &App) -> Vec<Outcome> {
        // The copy open here shares the original's id; `update` never asks
        // to delete from it, and the original is not trashed behind it.
        if app
            .session
            .as_ref()
            .is_some_and(|s| s.copy_file().is_some())
        {
            return vec![Outcome::TrashFailed(
                "a conflict copy is open; rebound deletes neither it nor its original from there"
                    .into(),
            )];
        }
        let open = app.session.as_ref().filter(|s| s.reflection.id == id);
        let title = app
            .home
            .listing
            .reflections
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.clone())
            .or_else(|| open.map(|s| s.reflection.title.clone()))
            .map(|t| display_title(&t).to_string())
            .unwrap_or_default();
        let mut outcomes = Vec::new();
        if open.is_some() {
            self.let_go();
            outcomes.push(Outcome::Closed);
        }
        outcomes.push(match self.store.trash(id) {
            Ok(path) => Outcome::Trashed {
                title,
                name: path
                    .file_stem()
                    .map_or_else(|| id.to_string(), |n| n.to_string_lossy().into_owned()),
            },
            Err(e) => Outcome::TrashFailed(e.to_string()),
        });
        outcomes.push(self.relist(None));
        outcomes
    }

    /// Writes the open reflection where the export prompt says, asking
    /// before replacing a file.
    fn export(&mut self, app: &App, path: &str, format: Format, replace: bool) -> Outcome {
        let Some(session) = app.session.as_ref() else {
            return Outcome::ExportFailed("nothing is open".into());
        };
        let target = expand_path(path);
        if target.parent() == Some(self.store.exports_dir().as_path()) {
            let _ = self.store.make_exports_dir();
        }
        // Replaced only once the person has seen "exists" and pressed Enter
        // again: a file that appears after they pressed Enter the first time
        // is asked about, not replaced.
        let existing = if replace {
            Existing::Replace
        } else {
            Existing::Refuse
        };
        // Here the screen is the terminal and the loop must not wait: a FIFO
        // with no reader would hang it, a device could draw over the screen.
        match export::to_file(
            &session.reflection,
            &session.guide,
            format,
            app.clock,
            &target,
            existing,
            Special::Refuse,
        ) {
            Ok(()) => Outcome::Exported {
                format,
                path: target,
            },
            Err(StoreError::Exists(_)) => Outcome::ExportExists,
            Err(StoreError::NotAFile { path, kind }) if kind.written_through() => {
                Outcome::ExportFailed(format!(
                    "{}: that is {}, not a plain file; use `rebound export -o` for those",
                    path.display(),
                    kind.what()
                ))
            }
            Err(e) => Outcome::ExportFailed(e.to_string()),
        }
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

/// The file's stamp as this save left it, or `None` when it is no longer
/// the version written: someone else wrote in between.
fn own_stamp(store: &Store, id: &str, written: &Stamp) -> Option<Stamp> {
    store.file_stamp(id).filter(|s| s.same_version(written))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guide;
    use crate::stage::FullStages;
    use crate::stage::Stage;
    use time::macros::{date, datetime};

    fn typed(app: &mut App, text: &str) {
        if let Some(session) = app.session.as_mut() {
            let before = session
                .reflection
                .text(Stage::Perspective, "expected")
                .to_string();
            session
                .reflection
                .set_text(Stage::Perspective, "expected", format!("{before}{text}"));
            session.changed();
        }
    }

    /// Found by an e2e test under load: a change that landed between a save
    /// and the stat after it was taken for the save's own, so the next save
    /// wrote over it. Only the very version written is ours.
    #[test]
    fn a_change_landing_right_after_a_save_is_never_taken_for_its_own() {
        let guide = Guide::builtin().expect("guide");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("store");
        let r = crate::reflection::Reflection::new(
            "2026-11-29-x".into(),
            "X".into(),
            datetime!(2026-11-29 09:00 UTC),
        );
        let written = store.save(&r, guide).expect("save");
        assert!(own_stamp(&store, &r.id, &written).is_some(), "just ours");
        let path = store.path_of(&r.id);
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open");
        std::io::Write::write_all(&mut file, b"synced = true\n").expect("append");
        assert_eq!(
            own_stamp(&store, &r.id, &written),
            None,
            "someone else's too"
        );
        // The same length, other words (a sync turning a 3 into a 4): still
        // not ours.
        let again = store.save(&r, guide).expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.replacen("X", "Y", 1)).expect("rewrite");
        assert_eq!(
            own_stamp(&store, &r.id, &again),
            None,
            "same length, not ours"
        );
    }

    /// Issue 11: a tick from the agenda claims the reflection first, so one
    /// open in another rebound is left as it is, and the person is told why.
    #[test]
    fn the_agenda_never_ticks_a_reflection_open_in_another_rebound() {
        use crate::reflection::ActionItem;
        let guide = Guide::builtin().expect("guide");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("store");
        let mut r = store
            .create("Held", datetime!(2026-11-29 09:00 UTC), guide)
            .expect("create");
        let step = ActionItem {
            text: "Call Dana".into(),
            due: "2026-11-20".into(),
            ..ActionItem::default()
        };
        r.set_actions(Stage::Goals, crate::stage::STEPS_FIELD, vec![step]);
        store.save(&r, guide).expect("save");
        let id = store.load(&r.id).expect("load").steps()[0].id.clone();
        let before = std::fs::read_to_string(store.path_of(&r.id)).expect("read");
        let mut effects = Effects::new(&store);
        let app = App::new(guide, date!(2026 - 11 - 29), time::UtcOffset::UTC);
        let tick = || Effect::TickStep {
            reflection: r.id.clone(),
            step: id.clone(),
        };
        let held = store.lock(&r.id).expect("held elsewhere");
        let outcomes = effects.run(tick(), &app);
        assert!(
            matches!(&outcomes[0], Outcome::TickRefused(m)
                if m.text.contains("open in another rebound") && m.tone == crate::tui::state::Tone::Calm),
            "{outcomes:?}"
        );
        let after = std::fs::read_to_string(store.path_of(&r.id)).expect("read");
        assert_eq!(before, after);
        drop(held);
        let outcomes = effects.run(tick(), &app);
        assert!(
            matches!(&outcomes[0], Outcome::Ticked { done: true, .. }),
            "{outcomes:?}"
        );
        assert!(store.load(&r.id).expect("load").steps()[0].done);
    }

    /// The conflict copy follows the typing; a copy the person changed by
    /// hand (merging the two, as the notice suggests) is never written over:
    /// a new copy starts and both stay. Found in review.
    #[test]
    fn the_conflict_copy_follows_typing_but_never_overwrites_a_hand_merge() {
        let guide = Guide::builtin().expect("guide");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("store");
        let r = store
            .create("Merged by hand", datetime!(2026-11-29 09:00 UTC), guide)
            .expect("create");
        let mut effects = Effects::new(&store);
        let mut app = App::new(guide, date!(2026 - 11 - 29), time::UtcOffset::UTC);
        for outcome in effects.run(Effect::Open(r.id.clone()), &app) {
            app.apply(outcome);
        }
        let file = store.path_of(&r.id);
        let on_disk = std::fs::read_to_string(&file).expect("read") + "synced = true\n";
        std::fs::write(&file, on_disk).expect("changed elsewhere");

        typed(&mut app, "First");
        let Outcome::Conflict { copy: first, .. } = effects.save(&app) else {
            panic!("a conflict");
        };
        app.apply(Outcome::Conflict {
            file: file.clone(),
            copy: first.clone(),
        });
        typed(&mut app, " and second");
        let Outcome::Conflict { copy, .. } = effects.save(&app) else {
            panic!("still a conflict");
        };
        assert_eq!(copy, first, "the same copy follows the typing");
        assert!(
            std::fs::read_to_string(&first)
                .expect("read")
                .contains("First and second")
        );

        let merged = std::fs::read_to_string(&first).expect("read") + "merged = true\n";
        std::fs::write(&first, &merged).expect("a hand merge in the copy");
        typed(&mut app, " and third");
        let Outcome::Conflict { copy: next, .. } = effects.save(&app) else {
            panic!("still a conflict");
        };
        assert_ne!(next, first, "a new copy");
        assert_eq!(std::fs::read_to_string(&first).expect("read"), merged);
        assert!(
            std::fs::read_to_string(&next)
                .expect("read")
                .contains("and third")
        );
        assert!(
            std::fs::read_to_string(&file)
                .expect("read")
                .contains("synced = true")
        );
        assert_eq!(effects.conflict_notes.len(), 2, "the way out names both");
    }

    /// Issue 10: a conflict copy that will not load is named, with why,
    /// as an unreadable reflection is; nothing is claimed for it.
    #[test]
    fn a_conflict_copy_that_will_not_load_is_named_with_the_reason() {
        let guide = Guide::builtin().expect("guide");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("store");
        let r = store
            .create("The reorg", datetime!(2026-11-29 09:00 UTC), guide)
            .expect("create");
        let name = format!("{}.sync-conflict-20261129-101010-LAPTOP7.toml", r.id);
        std::fs::write(store.reflections_dir().join(&name), "title = \"half a fi")
            .expect("a copy cut short");
        let mut effects = Effects::new(&store);
        let app = App::new(guide, date!(2026 - 11 - 29), time::UtcOffset::UTC);
        let outcomes = effects.run(Effect::OpenCopy(name.clone()), &app);
        let [Outcome::OpenFailed(why)] = outcomes.as_slice() else {
            panic!("{outcomes:?}");
        };
        assert!(why.contains(&name), "{why}");
        assert!(why.contains("TOML"), "{why}");
        assert!(!why.contains(&*dir.path().to_string_lossy()), "{why}");
        drop(store.lock(&r.id).expect("the original is free to claim"));
    }

    /// Found in review: the TUI checked that the file was not there, then
    /// exported with "replace"; a file made in between was replaced without
    /// asking. Without the second Enter nothing there is replaced, and the
    /// prompt asks; a FIFO is refused at once, never waited on.
    #[test]
    fn an_export_replaces_a_file_only_after_the_second_enter() {
        let guide = Guide::builtin().expect("guide");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("store");
        let r = store
            .create("Laid off", datetime!(2026-11-29 09:00 UTC), guide)
            .expect("create");
        let mut effects = Effects::new(&store);
        let mut app = App::new(guide, date!(2026 - 11 - 29), time::UtcOffset::UTC);
        for outcome in effects.run(Effect::Open(r.id.clone()), &app) {
            app.apply(outcome);
        }
        let target = dir.path().join("plan.md");
        std::fs::write(&target, "notes made meanwhile\n").expect("write");
        let path = target.to_string_lossy().into_owned();
        let asked = effects.export(&app, &path, Format::Markdown, false);
        assert!(matches!(asked, Outcome::ExportExists), "{asked:?}");
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "notes made meanwhile\n"
        );
        let replaced = effects.export(&app, &path, Format::Markdown, true);
        assert!(matches!(replaced, Outcome::Exported { .. }), "{replaced:?}");
        assert!(
            std::fs::read_to_string(&target)
                .expect("read")
                .starts_with("# Laid off")
        );

        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe");
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .expect("mkfifo runs");
            assert!(made.success());
            let refused = effects.export(&app, &fifo.to_string_lossy(), Format::Markdown, true);
            let Outcome::ExportFailed(why) = refused else {
                panic!("{refused:?}");
            };
            assert!(why.contains("rebound export -o"), "{why}");
        }
    }
}
