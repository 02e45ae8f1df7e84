//! The reflection store: opening the data dir; loading, saving, creating and naming reflections.

mod atomic;
mod export_file;
mod index;
mod listing;
mod lock;
mod naming;
mod paths;
mod recovery;
mod strays;
mod trash;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

pub use atomic::save_atomically;
pub use export_file::{Existing, FileKind, Special, write_export};
pub use index::Stamp;
pub use listing::{BadFile, Listing, StepSummary, Summary, WeightSummary, weights};
pub use lock::Lock;
pub use strays::{ConflictCopy, Stray, conflict_copy};
pub use trash::Trashed;

use crate::guide::Guide;
use crate::reflection::{FormatError, Reflection, is_valid_id, slug};
use paths::{create_private_dir, through_links};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no reflection matches \"{0}\" (see `rebound list`)")]
    NotFound(String),
    #[error("\"{prefix}\" matches {} reflections; say which with more of an id or title:", candidates.len())]
    Ambiguous {
        prefix: String,
        /// Each one's id (or trash name) and title.
        candidates: Vec<(String, String)>,
    },
    #[error("{}: {source}", path.display())]
    Unreadable { path: PathBuf, source: FormatError },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("nothing in the trash matches \"{0}\" (see what is there with `rebound restore`)")]
    NotInTrash(String),
    #[error(
        "a reflection with the id {0} already exists; move the trashed file back by hand under another name"
    )]
    AlreadyExists(String),
    #[error("{id} is open in another rebound{}", pid.map(|p| format!(" (process {p})")).unwrap_or_default())]
    Locked { id: String, pid: Option<u32> },
    #[error("{}: that is {}, not a file; an export goes to a file, a FIFO or a terminal", path.display(), kind.what())]
    NotAFile { path: PathBuf, kind: FileKind },
    #[error(
        "\"{given}\" is only part of {}; to delete, give its id or the start of its title (see `rebound list`)",
        naming::inside(titles)
    )]
    OnlyInsideTitles { given: String, titles: Vec<String> },
    #[error("{} already exists; nothing was written", .0.display())]
    Exists(PathBuf),
    #[error("{}: not saved, because the file would not load back ({reason}); the last version that does is kept", path.display())]
    WouldNotLoad { path: PathBuf, reason: String },
}

/// A reflection as the text of its file, checked to load back as the same
/// reflection: rebound never writes a file it would then refuse to read (a
/// value nested deeper than the reader allows, say), so the last file that
/// loads stays in place instead.
pub(super) fn loadable_text(
    reflection: &Reflection,
    guide: &Guide,
    path: &Path,
) -> Result<String, StoreError> {
    let would_not_load = |reason: String| StoreError::WouldNotLoad {
        path: path.to_path_buf(),
        reason,
    };
    let text = reflection
        .to_toml_string(guide)
        .map_err(|e| would_not_load(e.to_string()))?;
    match Reflection::from_toml_str(&text) {
        Ok(_) => Ok(text),
        Err(e) => Err(would_not_load(e.to_string())),
    }
}

pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Opens (creating if needed) a data dir; folders are private to the user.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        let store = Store::at(root);
        create_private_dir(&store.reflections_dir())?;
        Ok(store)
    }

    /// A data dir that may not exist yet, and is not made by looking: a
    /// mistyped `--data-dir` must not quietly become an empty one. Starting
    /// a reflection makes it.
    pub fn at(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
        }
    }

    /// The data dir itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// When the reflections folder last gained, lost or replaced a file
    /// (every save replaces one): a cheap way to notice another rebound, a
    /// script or a hand edit changing the list.
    pub fn folder_changed_at(&self) -> Option<std::time::SystemTime> {
        fs::metadata(self.reflections_dir())
            .and_then(|m| m.modified())
            .ok()
    }

    /// Loads a reflection with the stamp of exactly the version read (tried
    /// again if the file changes while it is being read), so a later change
    /// by anyone else can be told apart from it.
    pub fn load_with_stamp(&self, id: &str) -> Result<(Reflection, Option<Stamp>), StoreError> {
        let mut attempt = 0;
        loop {
            let before = self.file_stamp(id);
            let reflection = self.load(id)?;
            let after = self.file_stamp(id);
            attempt += 1;
            if before == after || attempt == 3 {
                return Ok((reflection, after));
            }
        }
    }

    /// What identifies the reflection file's current version, if it exists.
    pub fn file_stamp(&self, id: &str) -> Option<Stamp> {
        fs::metadata(self.path_of(id)).ok().map(|m| Stamp::of(&m))
    }

    /// Claims a reflection for writing. Only one rebound at a time may hold
    /// it; a process that has ended holds nothing.
    pub fn lock(&self, id: &str) -> Result<Lock, StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let dir = self.root.join("locks");
        create_private_dir(&dir)?;
        let path = dir.join(format!("{id}.lock"));
        // A locks folder that is a link out of the data dir would have rebound
        // write pids into someone else's folder.
        if !self.is_inside(&dir) {
            return Err(StoreError::Io {
                path: dir,
                source: io::Error::other(
                    "it leads outside the data dir, where rebound will not write; make it a plain folder",
                ),
            });
        }
        let lock = lock::acquire(&path).map_err(|refused| match refused {
            lock::Refused::Held(pid) => StoreError::Locked {
                id: id.to_string(),
                pid,
            },
            lock::Refused::Io(source) => StoreError::Io { path, source },
        })?;
        self.remove_stale_temp_files(id);
        Ok(lock)
    }

    /// Whether a folder, links resolved, lies inside the data dir.
    fn is_inside(&self, dir: &Path) -> bool {
        match (fs::canonicalize(&self.root), fs::canonicalize(dir)) {
            (Ok(root), Ok(dir)) => dir.starts_with(root),
            _ => false,
        }
    }

    pub fn load(&self, id: &str) -> Result<Reflection, StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let path = self.path_of(id);
        let bytes = fs::read(&path).map_err(|source| match source.kind() {
            io::ErrorKind::NotFound => StoreError::NotFound(id.to_string()),
            _ => StoreError::Io {
                path: path.clone(),
                source,
            },
        })?;
        let unreadable = |source| StoreError::Unreadable {
            path: path.clone(),
            source,
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| unreadable(FormatError::Invalid("not UTF-8 text".into())))?;
        let reflection = Reflection::from_toml_str(&text).map_err(unreadable)?;
        if reflection.id != id {
            return Err(unreadable(FormatError::Invalid(format!(
                "its id \"{}\" does not match its file name",
                reflection.id
            ))));
        }
        Ok(reflection)
    }

    /// Saves atomically; returns the stamp of the file as written, so a
    /// caller that stats it afterwards can tell its own save from a change
    /// another hand made in between ([`Stamp::same_version`]).
    pub fn save(&self, reflection: &Reflection, guide: &Guide) -> Result<Stamp, StoreError> {
        let path = self.path_of(&reflection.id);
        let text = loadable_text(reflection, guide, &path)?;
        // A reflection kept as a link (to a synced folder, say) stays one:
        // the file it leads to is what is replaced.
        let target = through_links(&path).map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        save_atomically(&target, text.as_bytes())
            .map(|written| Stamp::of(&written))
            .map_err(|source| StoreError::Io {
                path: target,
                source,
            })
    }

    /// Creates and saves a new reflection with a readable id that no other uses.
    pub fn create(
        &self,
        title: &str,
        now: OffsetDateTime,
        guide: &Guide,
    ) -> Result<Reflection, StoreError> {
        self.create_in(title, now, crate::guide::DEFAULT_NAME, guide)
    }

    /// A new reflection walking `guide`, known as `name`.
    pub fn create_in(
        &self,
        title: &str,
        now: OffsetDateTime,
        name: &str,
        guide: &Guide,
    ) -> Result<Reflection, StoreError> {
        // The id's date is the person's own day (`now` comes in their offset);
        // times in the file stay in UTC.
        let stem = format!(
            "{:04}-{:02}-{:02}-{}",
            now.year(),
            u8::from(now.month()),
            now.day(),
            slug(title)
        );
        create_private_dir(&self.reflections_dir())?;
        // Each id is claimed by creating its file exclusively, so two rebounds
        // starting "the same" reflection at once each get their own.
        let mut n = 1;
        loop {
            let id = if n == 1 {
                stem.clone()
            } else {
                format!("{stem}-{n}")
            };
            n += 1;
            let path = self.path_of(&id);
            if path.exists() {
                continue;
            }
            let reflection = Reflection::in_guide(
                id,
                title.trim().to_string(),
                now.to_offset(time::UtcOffset::UTC),
                name,
                guide,
            );
            let text = loadable_text(&reflection, guide, &path)?;
            match atomic::create_new_atomically(&path, text.as_bytes()) {
                Ok(true) => return Ok(reflection),
                Ok(false) => continue,
                Err(source) => return Err(StoreError::Io { path, source }),
            }
        }
    }
}

/// How many candidates an ambiguous name lists before "and N more".
pub const CANDIDATES_SHOWN: usize = 10;

impl StoreError {
    /// For a name that matches several reflections, one line for each
    /// candidate (its id and title), enough to choose from.
    pub fn candidate_lines(&self) -> Option<Vec<String>> {
        let StoreError::Ambiguous { candidates, .. } = self else {
            return None;
        };
        let width = candidates
            .iter()
            .take(CANDIDATES_SHOWN)
            .map(|(id, _)| id.len())
            .max()
            .unwrap_or(0);
        let mut lines: Vec<String> = candidates
            .iter()
            .take(CANDIDATES_SHOWN)
            .map(|(id, title)| format!("  {id:<width$}  {title}").trim_end().to_string())
            .collect();
        if candidates.len() > CANDIDATES_SHOWN {
            lines.push(format!(
                "  and {} more",
                candidates.len() - CANDIDATES_SHOWN
            ));
        }
        Some(lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::FullStages;
    use crate::stage::Stage;
    use time::macros::datetime;

    pub(super) fn guide() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

    pub(super) fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("open store");
        (dir, store)
    }

    #[test]
    fn created_reflections_get_readable_unique_ids() {
        let (_dir, store) = store();
        let now = datetime!(2026-11-29 09:00 UTC);
        let a = store
            .create("Lost the Acme client", now, guide())
            .expect("create");
        let b = store
            .create("Lost the Acme client", now, guide())
            .expect("create");
        assert_eq!(a.id, "2026-11-29-lost-the-acme-client");
        assert_eq!(b.id, "2026-11-29-lost-the-acme-client-2");
        // No words for it yet is fine; the file name says so.
        let untitled = store.create("", now, guide()).expect("create");
        assert_eq!(untitled.id, "2026-11-29-untitled");
        assert_eq!(
            store.load(&b.id).expect("load").title,
            "Lost the Acme client"
        );
    }

    #[test]
    fn answers_and_position_survive_save_and_load() {
        let (_dir, store) = store();
        let mut r = store
            .create("Missed promotion", datetime!(2026-11-01 08:00 UTC), guide())
            .expect("create");
        r.set_text(Stage::Reflect, "differently", "Ask for scope early".into());
        r.position.stage = "reflect".into();
        r.position.field = "differently".into();
        store.save(&r, guide()).expect("save");
        let back = store.load(&r.id).expect("load");
        assert_eq!(back, r);
    }

    /// Found under faults (issue 9): an inline table nested 79-80 deep loads,
    /// but was saved as a dotted table header deeper than the reader allows;
    /// from then on the reflection was "skipped: recursion limit". A save
    /// that would not load back is refused and the last good file stays.
    #[test]
    fn a_save_that_would_not_load_back_keeps_the_last_good_file() {
        let (_dir, store) = store();
        let r = store
            .create("Deep", datetime!(2026-11-01 08:00 UTC), guide())
            .expect("create");
        let path = store.path_of(&r.id);
        let good = fs::read_to_string(&path).expect("read");
        let mut refused = 0;
        for depth in [60, 79, 80, 81, 100, 127] {
            let nested = format!("{}1{}", "{ a = ".repeat(depth), " }".repeat(depth));
            let text = good.replace(
                "[position]",
                &format!("[answers.perspective]\ndeep = {nested}\n\n[position]"),
            );
            let Ok(deep) = Reflection::from_toml_str(&text) else {
                continue;
            };
            match store.save(&deep, guide()) {
                Ok(_) => {
                    let saved = fs::read_to_string(&path).expect("read");
                    assert!(
                        Reflection::from_toml_str(&saved).is_ok(),
                        "depth {depth}: saved a file that does not load"
                    );
                    fs::write(&path, &good).expect("put the good file back");
                }
                Err(e) => {
                    refused += 1;
                    assert!(matches!(e, StoreError::WouldNotLoad { .. }), "{e}");
                    assert!(e.to_string().contains("would not load back"), "{e}");
                    assert_eq!(fs::read_to_string(&path).expect("read"), good);
                }
            }
        }
        assert!(refused > 0, "some depth loads but cannot be saved as it is");
        assert_eq!(store.list().expect("list").bad_files.len(), 0);
    }

    /// Found under faults (issue 9): the id carried the UTC date while every
    /// screen shows the person's own; late in the evening west of Greenwich
    /// a reflection started today was named tomorrow.
    #[test]
    fn a_new_id_carries_the_persons_own_date_and_the_file_keeps_utc() {
        let (_dir, store) = store();
        let evening_in_new_york = datetime!(2026-11-29 21:30 -05:00);
        let r = store
            .create("Late start", evening_in_new_york, guide())
            .expect("create");
        assert_eq!(r.id, "2026-11-29-late-start");
        assert_eq!(r.created, datetime!(2026-11-30 02:30 UTC));
        assert_eq!(r.created.offset(), time::UtcOffset::UTC);
    }

    #[test]
    fn looking_makes_no_data_dir_and_the_first_reflection_makes_it_private() {
        let base = tempfile::tempdir().expect("temp dir");
        let root = base.path().join("not-yet");
        let store = Store::at(&root);
        let listing = store.list().expect("an empty listing");
        assert!(listing.reflections.is_empty());
        assert_eq!(listing.missing_dir.as_deref(), Some(root.as_path()));
        assert!(matches!(store.resolve("x"), Err(StoreError::NotFound(_))));
        assert!(!root.exists(), "listing made nothing");

        store
            .create("First", datetime!(2026-11-29 09:00 UTC), guide())
            .expect("create");
        assert!(store.reflections_dir().is_dir());
        let listing = store.list().expect("list");
        assert_eq!(listing.reflections.len(), 1);
        assert_eq!(listing.missing_dir, None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&root).expect("made").permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }

    #[test]
    fn one_writer_at_a_time_and_a_released_lock_frees_the_reflection() {
        let (_dir, store) = store();
        let r = store
            .create("Shared", datetime!(2026-11-29 09:00 UTC), guide())
            .expect("create");
        let first = store.lock(&r.id).expect("first claim");
        match store.lock(&r.id) {
            Err(StoreError::Locked { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("expected the reflection to be locked, got {other:?}"),
        }
        // Nobody deletes it from under the writer either.
        assert!(matches!(store.trash(&r.id), Err(StoreError::Locked { .. })));
        drop(first);
        let _again = store.lock(&r.id).expect("free once released");
        assert!(matches!(store.lock("../x"), Err(StoreError::NotFound(_))));
    }
}
