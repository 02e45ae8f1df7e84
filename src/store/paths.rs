//! The data dir on disk: paths, the reflection ids in a folder, private folders, and safe moves.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::index::Stamp;
use super::{Store, StoreError, atomic};
use crate::reflection::is_valid_id;

impl Store {
    pub fn reflections_dir(&self) -> PathBuf {
        self.root.join("reflections")
    }

    /// Where the TUI writes exports unless told otherwise.
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }

    /// Creates the exports folder, private like the rest of the data dir.
    pub fn make_exports_dir(&self) -> Result<(), StoreError> {
        create_private_dir(&self.exports_dir())
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.reflections_dir().join(format!("{id}.toml"))
    }

    pub(super) fn ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.scan()?.ids.into_iter().map(|(id, _)| id).collect())
    }

    /// What the reflections folder holds: every reflection file's id with
    /// what identifies its version, and the names of the other entries
    /// (hidden ones aside). A folder not made yet holds nothing.
    pub(super) fn scan(&self) -> Result<Scan, StoreError> {
        let dir = self.reflections_dir();
        let mut scan = Scan::default();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(scan),
            Err(source) => return Err(StoreError::Io { path: dir, source }),
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let id = name
                .to_str()
                .and_then(|n| n.strip_suffix(".toml"))
                .filter(|id| is_valid_id(id));
            let Some(id) = id else {
                // Hidden names are tools' own: rebound's temp files of a save
                // in progress, a sync tool's markers and partial downloads.
                if !name.as_encoded_bytes().starts_with(b".") {
                    scan.others.push(name.to_string_lossy().into_owned());
                }
                continue;
            };
            // Links followed: a reflection kept as a link is stamped by the
            // file it leads to, so edits made there are seen.
            // A link that leads nowhere (an unmounted synced folder) is
            // still listed, so it is named as unreadable, not lost from view.
            // A plain file is stamped through the folder already open, which
            // spares a walk of the whole path for each of thousands of files.
            let plain = entry.file_type().is_ok_and(|t| !t.is_symlink());
            let meta = if plain {
                entry.metadata()
            } else {
                fs::metadata(entry.path()).or_else(|_| entry.metadata())
            };
            if let Ok(meta) = meta {
                scan.ids.push((id.to_string(), Stamp::of(&meta)));
            }
        }
        scan.ids.sort_by(|a, b| a.0.cmp(&b.0));
        scan.others.sort();
        Ok(scan)
    }
}

/// The reflections folder, read once.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// The id of every reflection file, with what identifies its version.
    pub ids: Vec<(String, Stamp)>,
    /// Names of entries that are not reflection files.
    pub others: Vec<String>,
}

/// A move within the data dir that never replaces a file: a hard link
/// fails if the name is taken (even one taken a moment ago by another
/// rebound), then the old name goes. A crash between the two leaves both
/// names, never neither. Where hard links are not supported it falls back to
/// a checked rename; across filesystems (a trash folder linked to another
/// disk) the file is copied, made durable, and only then removed here.
pub(super) fn move_file(from: &Path, to: &Path) -> Result<(), StoreError> {
    let err = |source| StoreError::Io {
        path: from.to_path_buf(),
        source,
    };
    let taken = || {
        err(io::Error::other(format!(
            "{} is there already (perhaps a link that leads nowhere); move it aside",
            to.display()
        )))
    };
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from).map_err(err)?,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(taken()),
        Err(e) if e.kind() == io::ErrorKind::CrossesDevices => copy_across(from, to, taken)?,
        // Any entry at all, a dangling link included, counts as taken.
        Err(_) if fs::symlink_metadata(to).is_ok() => return Err(taken()),
        Err(_) => match fs::rename(from, to) {
            Err(e) if e.kind() == io::ErrorKind::CrossesDevices => {
                copy_across(from, to, taken)?;
            }
            other => other.map_err(err)?,
        },
    }
    for dir in [from.parent(), to.parent()].into_iter().flatten() {
        // The move has happened; a folder that cannot be synced is not a failure.
        let _ = atomic::sync_dir(dir);
    }
    Ok(())
}

/// A move to another filesystem: the whole file appears there (never
/// replacing anything) before the original goes.
fn copy_across(from: &Path, to: &Path, taken: impl Fn() -> StoreError) -> Result<(), StoreError> {
    let err = |path: &Path, source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let contents = fs::read(from).map_err(|e| err(from, e))?;
    if !atomic::create_new_atomically(to, &contents).map_err(|e| err(to, e))? {
        return Err(taken());
    }
    fs::remove_file(from).map_err(|e| err(from, e))
}

/// Makes a folder (and any parents) only the user can open: what people
/// write in reflections is private.
pub(super) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
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

/// The file a path names, links followed: the path itself when it is not a
/// link, and where the link leads (existing yet or not) when it is.
pub(super) fn through_links(path: &Path) -> io::Result<PathBuf> {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok(path.to_path_buf());
    }
    match fs::canonicalize(path) {
        Ok(target) => Ok(target),
        Err(_) => resolve_link(path),
    }
}

/// Where a link leads, even when the file it names does not exist yet.
fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // A chain of links ends somewhere or is a loop; the system's own limit.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("its links go round in a loop"))
}
