//! All file I/O for reflections: where they live, listing, loading, atomic
//! saving, and naming a reflection by id or prefix.

mod atomic;
mod index;
mod lock;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

pub use atomic::save_atomically;
pub use index::Stamp;
pub use lock::Lock;

use crate::guide::Guide;
use crate::reflection::{FormatError, Reflection, Status, is_valid_id, slug};
use crate::search::searchable_text;
use crate::stage::{STEPS_FIELD, Stage};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no reflection matches \"{0}\" (see `rebound list`)")]
    NotFound(String),
    #[error("\"{prefix}\" matches {} reflections: {}", candidates.len(), name_some(candidates))]
    Ambiguous {
        prefix: String,
        candidates: Vec<String>,
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
}

/// What a list needs about one reflection.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub updated: OffsetDateTime,
    pub completed: Option<OffsetDateTime>,
    pub stage: String,
    /// Action steps with text that are not done yet.
    pub open_steps: usize,
}

impl Summary {
    pub fn of(r: &Reflection) -> Summary {
        Summary {
            id: r.id.clone(),
            title: r.title.clone(),
            status: r.status,
            updated: r.updated,
            completed: r.completed,
            stage: r.position.stage.clone(),
            open_steps: r
                .actions(Stage::Goals, STEPS_FIELD)
                .iter()
                .filter(|s| s.is_open())
                .count(),
        }
    }
}

/// A reflection in the trash.
#[derive(Debug, Clone, PartialEq)]
pub struct Trashed {
    /// What `rebound restore` takes: the file name without `.toml`.
    pub name: String,
    pub path: PathBuf,
    /// None when the file cannot be read.
    pub title: Option<String>,
}

/// A file in the reflections folder that could not be read; named, never touched.
#[derive(Debug, Clone, PartialEq)]
pub struct BadFile {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Listing {
    /// Unfinished first, then completed; newest first within each.
    pub reflections: Vec<Summary>,
    pub bad_files: Vec<BadFile>,
}

/// The index files, in the data dir beside `reflections/`.
const SUMMARY_FILE: &str = "summary-index.json";
const SEARCH_FILE: &str = "search-index.json";
const SEARCH_VERSION: u32 = 2;

pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Opens (creating if needed) a data dir; folders are private to the user.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        let store = Store {
            root: root.to_path_buf(),
        };
        create_private_dir(&store.reflections_dir())?;
        Ok(store)
    }

    /// The data dir itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn reflections_dir(&self) -> PathBuf {
        self.root.join("reflections")
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

    /// Keeps a version that must not be saved over its file (the file was
    /// changed elsewhere meanwhile) in `<data>/conflicts/`, and says where.
    pub fn save_conflict_copy(
        &self,
        reflection: &Reflection,
        guide: &Guide,
    ) -> Result<PathBuf, StoreError> {
        let dir = self.root.join("conflicts");
        create_private_dir(&dir)?;
        let stamp = OffsetDateTime::now_utc().unix_timestamp();
        // Never one copy over another, even two in the same second.
        let mut path = dir.join(format!("{}-{stamp}.toml", reflection.id));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{}-{stamp}-{n}.toml", reflection.id));
            n += 1;
        }
        let text = reflection
            .to_toml_string(guide)
            .map_err(|e| StoreError::Io {
                path: path.clone(),
                source: io::Error::other(e),
            })?;
        save_atomically(&path, text.as_bytes()).map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(path)
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

    /// A save cut short by a crash leaves its temp file (`.<id>.toml.<pid>.tmp`)
    /// behind. The writer's lock is ours now, so such a file from a process
    /// that no longer runs is tidied away: a torn one is deleted, and a
    /// complete one that differs from the reflection (the crash came between
    /// its fsync and its rename) is kept in `conflicts/`.
    fn remove_stale_temp_files(&self, id: &str) {
        let Ok(entries) = fs::read_dir(self.reflections_dir()) else {
            return;
        };
        let prefix = format!(".{id}.toml.");
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name
                .to_str()
                .and_then(|n| n.strip_prefix(&prefix))
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .and_then(|pid| pid.parse::<u32>().ok())
            else {
                continue;
            };
            if pid == std::process::id() || lock::process_is_running(pid) {
                continue;
            }
            let temp = fs::read_to_string(entry.path()).unwrap_or_default();
            let current = fs::read_to_string(self.path_of(id)).unwrap_or_default();
            let complete = Reflection::from_toml_str(&temp).is_ok();
            let kept = complete
                && temp != current
                && create_private_dir(&self.root.join("conflicts")).is_ok()
                && move_file(
                    &entry.path(),
                    &self
                        .root
                        .join("conflicts")
                        .join(format!("{id}-unsaved-{pid}.toml")),
                )
                .is_ok();
            if !kept {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Where the TUI writes exports unless told otherwise.
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }

    /// Creates the exports folder, private like the rest of the data dir.
    pub fn make_exports_dir(&self) -> Result<(), StoreError> {
        create_private_dir(&self.exports_dir())
    }

    /// Where deleted reflections go; nothing rebound deletes is destroyed.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.reflections_dir().join(format!("{id}.toml"))
    }

    fn ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.stamped_ids()?.into_iter().map(|(id, _)| id).collect())
    }

    /// The id of every reflection file, with what identifies its version.
    fn stamped_ids(&self) -> Result<Vec<(String, index::Stamp)>, StoreError> {
        let dir = self.reflections_dir();
        let entries = fs::read_dir(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        let mut ids = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Some(id) = name.strip_suffix(".toml") else {
                continue;
            };
            if !is_valid_id(id) {
                continue;
            }
            if let Ok(meta) = entry.metadata() {
                ids.push((id.to_string(), index::Stamp::of(&meta)));
            }
        }
        ids.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(ids)
    }

    /// Every reflection's summary. Files whose size and modification time
    /// match the summary index are not read; the rest are, and the index is
    /// brought up to date (a failure to write it never stops the listing).
    pub fn list(&self) -> Result<Listing, StoreError> {
        let entries =
            self.refreshed_index(SUMMARY_FILE, index::SUMMARY_VERSION, |id| {
                match self.load(id) {
                    Ok(r) => index::Entry::from_summary(&Summary::of(&r)),
                    Err(e) => index::Entry::Unreadable {
                        reason: match e {
                            StoreError::Unreadable { source, .. } => source.to_string(),
                            StoreError::Io { source, .. } => source.to_string(),
                            other => other.to_string(),
                        },
                    },
                }
            })?;
        let mut listing = Listing::default();
        for (id, (_, entry)) in &entries {
            match entry.to_summary(id) {
                Ok(summary) => listing.reflections.push(summary),
                Err(reason) => listing.bad_files.push(BadFile {
                    path: self.path_of(id),
                    reason,
                }),
            }
        }
        listing.reflections.sort_by(|a, b| {
            (a.status == Status::Completed)
                .cmp(&(b.status == Status::Completed))
                .then(b.updated.cmp(&a.updated))
                .then(a.id.cmp(&b.id))
        });
        Ok(listing)
    }

    /// The text of every readable reflection's answers, for search, kept in
    /// its own index so a plain listing never loads it.
    pub fn search_texts(&self, guide: &Guide) -> Result<Vec<(String, String)>, StoreError> {
        let entries = self.refreshed_index(SEARCH_FILE, SEARCH_VERSION, |id| {
            self.load(id)
                .map(|r| searchable_text(&r, guide))
                .unwrap_or_default()
        })?;
        Ok(entries
            .into_iter()
            .map(|(id, (_, text))| (id, text))
            .collect())
    }

    /// An index file brought up to date with the reflections folder: entries
    /// whose file is unchanged are kept, the rest are made again by `make`.
    fn refreshed_index<E>(
        &self,
        file: &str,
        version: u32,
        make: impl Fn(&str) -> E,
    ) -> Result<index::Files<E>, StoreError>
    where
        E: serde::Serialize + serde::de::DeserializeOwned,
    {
        let path = self.root.join(file);
        let mut cached = index::load::<E>(&path, version);
        let mut fresh = index::Files::new();
        let mut changed = false;
        for (id, stamp) in self.stamped_ids()? {
            let entry = match cached.remove(&id) {
                Some((known, entry)) if known == stamp => entry,
                _ => {
                    changed = true;
                    make(&id)
                }
            };
            fresh.insert(id, (stamp, entry));
        }
        changed |= !cached.is_empty();
        if changed {
            // A failed save only costs speed next time.
            let _ = index::save(&path, version, &fresh);
        }
        Ok(fresh)
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

    pub fn save(&self, reflection: &Reflection, guide: &Guide) -> Result<(), StoreError> {
        let path = self.path_of(&reflection.id);
        let text = reflection
            .to_toml_string(guide)
            .map_err(|e| StoreError::Io {
                path: path.clone(),
                source: io::Error::other(e),
            })?;
        save_atomically(&path, text.as_bytes()).map_err(|source| StoreError::Io { path, source })
    }

    /// Creates and saves a new reflection with a readable id that no other uses.
    pub fn create(
        &self,
        title: &str,
        now: OffsetDateTime,
        guide: &Guide,
    ) -> Result<Reflection, StoreError> {
        let stem = format!(
            "{:04}-{:02}-{:02}-{}",
            now.year(),
            u8::from(now.month()),
            now.day(),
            slug(title)
        );
        let mut id = stem.clone();
        let mut n = 2;
        while self.path_of(&id).exists() {
            id = format!("{stem}-{n}");
            n += 1;
        }
        let reflection = Reflection::new(id, title.trim().to_string(), now);
        self.save(&reflection, guide)?;
        Ok(reflection)
    }

    /// Names a reflection by its id or any unique prefix of it.
    pub fn resolve(&self, prefix: &str) -> Result<String, StoreError> {
        let ids = self.ids()?;
        if ids.iter().any(|id| id == prefix) {
            return Ok(prefix.to_string());
        }
        let candidates: Vec<String> = ids
            .into_iter()
            .filter(|id| !prefix.is_empty() && id.starts_with(prefix))
            .collect();
        match candidates.len() {
            0 => Err(StoreError::NotFound(prefix.to_string())),
            1 => Ok(candidates.into_iter().next().unwrap_or_default()),
            _ => Err(StoreError::Ambiguous {
                prefix: prefix.to_string(),
                candidates,
            }),
        }
    }

    /// Moves a reflection to the trash folder and says where it went. A name
    /// already taken there gets a number (`id.2.toml`), so nothing is replaced.
    pub fn trash(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let from = self.path_of(id);
        if !from.exists() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        // Never pull a reflection from under someone writing in it.
        let _lock = self.lock(id)?;
        let dir = self.trash_dir();
        create_private_dir(&dir)?;
        let mut to = dir.join(format!("{id}.toml"));
        let mut n = 2;
        while to.exists() {
            to = dir.join(format!("{id}.{n}.toml"));
            n += 1;
        }
        move_file(&from, &to)?;
        // Dated by the deletion, so the trash lists the latest first.
        let _ = fs::File::options()
            .write(true)
            .open(&to)
            .and_then(|f| f.set_modified(std::time::SystemTime::now()));
        Ok(to)
    }

    /// The trashed reflections, most recently deleted first. Only names
    /// rebound itself gives (`id.toml`, `id.2.toml`) are listed, so a file
    /// name can never carry anything odd to the screen.
    pub fn trashed(&self) -> Vec<Trashed> {
        let Ok(entries) = fs::read_dir(self.trash_dir()) else {
            return Vec::new();
        };
        let mut found: Vec<(std::time::SystemTime, Trashed)> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_str()?.strip_suffix(".toml")?.to_string();
                let id = match name.rsplit_once('.') {
                    Some((id, n)) if n.bytes().all(|b| b.is_ascii_digit()) => id,
                    Some(_) => return None,
                    None => name.as_str(),
                };
                if !is_valid_id(id) {
                    return None;
                }
                let modified = e.metadata().and_then(|m| m.modified()).ok()?;
                let title = fs::read_to_string(e.path())
                    .ok()
                    .and_then(|text| Reflection::from_toml_str(&text).ok())
                    .map(|r| r.title);
                let path = e.path();
                Some((modified, Trashed { name, path, title }))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
        found.into_iter().map(|(_, t)| t).collect()
    }

    /// Moves a trashed reflection (named by any unique start of its trash
    /// name) back into the list, and returns its id.
    pub fn restore(&self, prefix: &str) -> Result<String, StoreError> {
        let trashed = self.trashed();
        let path = match trashed.iter().find(|t| t.name == prefix) {
            Some(exact) => exact.path.clone(),
            None => {
                let candidates: Vec<&Trashed> = trashed
                    .iter()
                    .filter(|t| !prefix.is_empty() && t.name.starts_with(prefix))
                    .collect();
                match candidates.as_slice() {
                    [] => return Err(StoreError::NotInTrash(prefix.to_string())),
                    [one] => one.path.clone(),
                    many => {
                        return Err(StoreError::Ambiguous {
                            prefix: prefix.to_string(),
                            candidates: many.iter().map(|t| t.name.clone()).collect(),
                        });
                    }
                }
            }
        };
        let text = fs::read_to_string(&path).map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        let id = Reflection::from_toml_str(&text)
            .map_err(|source| StoreError::Unreadable {
                path: path.clone(),
                source,
            })?
            .id;
        let to = self.path_of(&id);
        if to.exists() {
            return Err(StoreError::AlreadyExists(id));
        }
        move_file(&path, &to)?;
        Ok(id)
    }

    /// The unfinished reflection edited most recently, for `rebound resume`.
    pub fn latest_unfinished(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .list()?
            .reflections
            .into_iter()
            .find(|s| s.status == Status::InProgress)
            .map(|s| s.id))
    }
}

/// Candidates for an ambiguous prefix, enough to choose from on one line.
fn name_some(candidates: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut text = candidates
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if candidates.len() > SHOWN {
        text.push_str(&format!(" and {} more", candidates.len() - SHOWN));
    }
    text
}

/// Writes an export (or any file the person names) privately and atomically;
/// a folder given where a file name belongs is refused with a clear reason.
pub fn write_export(path: &Path, text: &str) -> Result<(), StoreError> {
    let err = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(err(io::Error::other(
            "that is a folder; add a file name, e.g. plan.md",
        )));
    }
    save_atomically(path, text.as_bytes()).map_err(err)
}

/// A move within the data dir that never replaces a file: a hard link
/// fails if the name is taken (even one taken a moment ago by another
/// rebound), then the old name goes. A crash between the two leaves both
/// names, never neither. Where hard links are not supported it falls back to
/// a checked rename. Made durable in both folders.
fn move_file(from: &Path, to: &Path) -> Result<(), StoreError> {
    let err = |source| StoreError::Io {
        path: from.to_path_buf(),
        source,
    };
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from).map_err(err)?,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(err(e)),
        Err(_) if to.exists() => {
            return Err(err(io::Error::from(io::ErrorKind::AlreadyExists)));
        }
        Err(_) => fs::rename(from, to).map_err(err)?,
    }
    for dir in [from.parent(), to.parent()].into_iter().flatten() {
        // The move has happened; a folder that cannot be synced is not a failure.
        let _ = atomic::sync_dir(dir);
    }
    Ok(())
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let err = |source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(err)
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir).map_err(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::Stage;
    use time::macros::datetime;

    fn guide() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

    fn store() -> (tempfile::TempDir, Store) {
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

    #[test]
    fn prefixes_resolve_when_unique_and_list_candidates_when_not() {
        let (_dir, store) = store();
        let now = datetime!(2026-11-29 09:00 UTC);
        store.create("alpha", now, guide()).expect("create");
        store.create("alps", now, guide()).expect("create");
        assert_eq!(
            store.resolve("2026-11-29-alph").expect("unique"),
            "2026-11-29-alpha"
        );
        match store.resolve("2026-11-29-al") {
            Err(StoreError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 2),
            other => panic!("expected ambiguity, got {other:?}"),
        }
        assert!(matches!(store.resolve("zzz"), Err(StoreError::NotFound(_))));
        assert!(matches!(
            store.resolve("../x"),
            Err(StoreError::NotFound(_))
        ));
    }

    #[test]
    fn listing_puts_unfinished_first_newest_first_and_names_bad_files() {
        let (_dir, store) = store();
        let mut done = store
            .create("done", datetime!(2026-11-20 09:00 UTC), guide())
            .expect("create");
        done.status = Status::Completed;
        done.updated = datetime!(2026-11-28 09:00 UTC);
        store.save(&done, guide()).expect("save");
        store
            .create("older", datetime!(2026-11-21 09:00 UTC), guide())
            .expect("create");
        store
            .create("newer", datetime!(2026-11-22 09:00 UTC), guide())
            .expect("create");
        let broken = store.reflections_dir().join("2026-01-01-broken.toml");
        fs::write(&broken, "schema_version = [").expect("write broken");

        let listing = store.list().expect("list");
        let titles: Vec<_> = listing
            .reflections
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["newer", "older", "done"]);
        assert_eq!(listing.bad_files.len(), 1);
        assert_eq!(listing.bad_files[0].path, broken);
        assert_eq!(
            fs::read_to_string(&broken).expect("still there"),
            "schema_version = ["
        );
        assert_eq!(
            store.latest_unfinished().expect("latest").as_deref(),
            Some("2026-11-22-newer")
        );
    }

    #[test]
    fn the_index_spares_reading_unchanged_files_and_sees_every_hand_edit() {
        let (dir, store) = store();
        let r = store
            .create("Indexed", datetime!(2026-11-20 09:00 UTC), guide())
            .expect("create");
        let path = store.reflections_dir().join(format!("{}.toml", r.id));
        assert_eq!(store.list().expect("list").reflections[0].title, "Indexed");
        assert!(dir.path().join(SUMMARY_FILE).exists());

        // An unchanged file is not read: what the index says is listed.
        let original = fs::read_to_string(&path).expect("read");
        let index_path = dir.path().join(SUMMARY_FILE);
        let index = fs::read_to_string(&index_path).expect("index");
        fs::write(&index_path, index.replace("Indexed", "From the index")).expect("write");
        assert_eq!(
            store.list().expect("list").reflections[0].title,
            "From the index"
        );

        // Even an edit that keeps the size and puts the modification time
        // back is seen: the change time and inode move regardless.
        let modified = fs::metadata(&path)
            .expect("meta")
            .modified()
            .expect("mtime");
        fs::write(&path, original.replace("Indexed", "Xndexed")).expect("write");
        fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(modified))
            .expect("restore mtime");
        assert_eq!(store.list().expect("list").reflections[0].title, "Xndexed");

        // A real edit changes the stamp and is seen at once.
        fs::write(&path, original.replace("Indexed", "Edited by hand")).expect("write");
        assert_eq!(
            store.list().expect("list").reflections[0].title,
            "Edited by hand"
        );

        // A broken index is only a cache: the files still list.
        fs::write(dir.path().join(SUMMARY_FILE), "{ not json").expect("break index");
        assert_eq!(store.list().expect("list").reflections.len(), 1);

        // A removed file leaves the list, and a broken one is still named.
        fs::remove_file(&path).expect("remove");
        fs::write(store.reflections_dir().join("2026-01-01-bad.toml"), "x = ").expect("bad");
        let listing = store.list().expect("list");
        assert!(listing.reflections.is_empty());
        assert_eq!(listing.bad_files.len(), 1);
        assert_eq!(
            store.list().expect("list again").bad_files.len(),
            1,
            "bad files stay named from the index"
        );
    }

    #[test]
    fn deleting_moves_to_the_trash_and_restoring_brings_it_back() {
        let (_dir, store) = store();
        let now = datetime!(2026-11-29 09:00 UTC);
        let r = store
            .create("Lost the client", now, guide())
            .expect("create");
        let first = store.trash(&r.id).expect("trash");
        assert_eq!(first, store.trash_dir().join(format!("{}.toml", r.id)));
        assert!(store.list().expect("list").reflections.is_empty());

        // The same id trashed twice keeps both files.
        let again = store
            .create("Lost the client", now, guide())
            .expect("create");
        assert_eq!(again.id, r.id);
        let second = store.trash(&again.id).expect("trash");
        assert!(first.exists() && second.exists());
        assert_eq!(store.trashed().len(), 2);

        assert!(matches!(
            store.restore("2026-11-29-lost"),
            Err(StoreError::Ambiguous { .. })
        ));
        assert_eq!(store.restore(&r.id).expect("restore"), r.id);
        assert_eq!(store.list().expect("list").reflections.len(), 1);
        // The second copy cannot replace the restored one.
        assert!(matches!(
            store.restore("2026-11-29-lost"),
            Err(StoreError::AlreadyExists(_))
        ));
        assert!(matches!(
            store.restore("zzz"),
            Err(StoreError::NotInTrash(_))
        ));
        assert!(matches!(store.trash("../x"), Err(StoreError::NotFound(_))));
    }

    #[test]
    fn summaries_count_open_steps_and_search_text_follows_edits() {
        use crate::reflection::ActionItem;
        let (_dir, store) = store();
        let mut r = store
            .create("Counting", datetime!(2026-11-29 09:00 UTC), guide())
            .expect("create");
        let step = |text: &str, done| ActionItem {
            text: text.into(),
            due: String::new(),
            done,
            ..Default::default()
        };
        r.set_actions(
            Stage::Goals,
            STEPS_FIELD,
            vec![
                step("call Dana", false),
                step("done", true),
                step("book course", false),
            ],
        );
        r.set_text(Stage::Reflect, "went_wrong", "We lost the client".into());
        store.save(&r, guide()).expect("save");
        assert_eq!(store.list().expect("list").reflections[0].open_steps, 2);
        let texts = store.search_texts(guide()).expect("texts");
        assert!(texts[0].1.contains("We lost the client"), "{texts:?}");

        r.set_text(Stage::Reflect, "went_wrong", "Edited since".into());
        std::thread::sleep(std::time::Duration::from_millis(10));
        store.save(&r, guide()).expect("save");
        let texts = store.search_texts(guide()).expect("texts");
        assert!(texts[0].1.contains("Edited since"), "{texts:?}");
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

    #[test]
    fn claiming_a_reflection_clears_temp_files_left_by_a_crashed_save() {
        let (_dir, store) = store();
        let r = store
            .create("Crashed", datetime!(2026-11-29 09:00 UTC), guide())
            .expect("create");
        let dir = store.reflections_dir();
        // pid_max on Linux is at most 4194304, so this process cannot exist.
        let dead = dir.join(format!(".{}.toml.4194305.tmp", r.id));
        let ours = dir.join(format!(".{}.toml.{}.tmp", r.id, std::process::id()));
        let other = dir.join(".another-id.toml.4194305.tmp");
        for path in [&dead, &ours, &other] {
            fs::write(path, "partial").expect("write temp");
        }
        // A complete one that differs from the file is kept, not deleted.
        let mut newer = r.clone();
        newer.title = "Newer, saved but never renamed".into();
        let complete = dir.join(format!(".{}.toml.4194306.tmp", r.id));
        fs::write(&complete, newer.to_toml_string(guide()).expect("toml")).expect("write");
        let _lock = store.lock(&r.id).expect("claim");
        assert!(!dead.exists(), "a dead writer's torn temp file goes");
        assert!(!complete.exists());
        let kept = store
            .root()
            .join("conflicts")
            .join(format!("{}-unsaved-4194306.toml", r.id));
        assert!(
            fs::read_to_string(kept)
                .expect("kept")
                .contains("never renamed")
        );
        assert!(ours.exists() && other.exists(), "nothing else is touched");
    }
}
