//! Indexes beside the reflections (summaries for the list, answer text for
//! search), so a list of thousands reads one file and a stat of each
//! reflection instead of parsing every file.
//! The files stay the single source of truth: an entry is trusted only while
//! its file's size and modification time match, and is rebuilt from the file
//! whenever they disagree, so hand edits are always seen.

use std::collections::BTreeMap;
use std::fs::{self, Metadata};
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Summary, save_atomically};
use crate::reflection::Status;

/// Bumped when the layout changes; an index of another version is rebuilt.
/// 2: summaries count open action steps, and titles are cleaned at load.
/// 3: schema 2 files, and clearer reasons for files that cannot be read.
/// 4: stamps hold the inode and change time.
pub const SUMMARY_VERSION: u32 = 4;

/// What identifies one version of a file without reading it. Besides size
/// and modification time it holds the inode and the change time, which no
/// edit can keep as they were: every atomic save makes a new inode, and an
/// edit in place moves the change time even where modification times are
/// coarse (FAT, some network mounts) or set back by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    size: u64,
    modified_secs: u64,
    modified_nanos: u32,
    inode: u64,
    changed_secs: i64,
    changed_nanos: i64,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .unwrap_or_default();
        #[cfg(unix)]
        let (inode, changed_secs, changed_nanos) = {
            use std::os::unix::fs::MetadataExt;
            (meta.ino(), meta.ctime(), meta.ctime_nsec())
        };
        #[cfg(not(unix))]
        let (inode, changed_secs, changed_nanos) = (0, 0, 0);
        Stamp {
            size: meta.len(),
            modified_secs: modified.as_secs(),
            modified_nanos: modified.subsec_nanos(),
            inode,
            changed_secs,
            changed_nanos,
        }
    }
}

/// One file as the index remembers it: its summary, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    Readable {
        title: String,
        completed: bool,
        updated: i64,
        completed_at: Option<i64>,
        stage: String,
        open_steps: usize,
    },
    Unreadable {
        reason: String,
    },
}

impl Entry {
    pub fn from_summary(s: &Summary) -> Entry {
        Entry::Readable {
            title: s.title.clone(),
            completed: s.status == Status::Completed,
            updated: s.updated.unix_timestamp(),
            completed_at: s.completed.map(OffsetDateTime::unix_timestamp),
            stage: s.stage.clone(),
            open_steps: s.open_steps,
        }
    }

    /// The summary again, or the reason the file could not be read.
    pub fn to_summary(&self, id: &str) -> Result<Summary, String> {
        match self {
            Entry::Unreadable { reason } => Err(reason.clone()),
            Entry::Readable {
                title,
                completed,
                updated,
                completed_at,
                stage,
                open_steps,
            } => {
                let time = |t: i64| {
                    OffsetDateTime::from_unix_timestamp(t).unwrap_or(OffsetDateTime::UNIX_EPOCH)
                };
                Ok(Summary {
                    id: id.to_string(),
                    title: title.clone(),
                    status: if *completed {
                        Status::Completed
                    } else {
                        Status::InProgress
                    },
                    updated: time(*updated),
                    completed: completed_at.map(time),
                    stage: stage.clone(),
                    open_steps: *open_steps,
                })
            }
        }
    }
}

/// Entries by reflection id, each with the stamp of the file it came from.
pub type Files<E> = BTreeMap<String, (Stamp, E)>;

#[derive(Serialize, Deserialize)]
struct IndexFile<E> {
    version: u32,
    files: Files<E>,
}

/// The saved entries, or none if the file is missing, unreadable or of
/// another version: an index is only ever a cache.
pub fn load<E: DeserializeOwned>(path: &Path, version: u32) -> Files<E> {
    fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<IndexFile<E>>(&bytes).ok())
        .filter(|index| index.version == version)
        .map(|index| index.files)
        .unwrap_or_default()
}

pub fn save<E: Serialize>(path: &Path, version: u32, files: &Files<E>) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct IndexFileRef<'a, E> {
        version: u32,
        files: &'a Files<E>,
    }
    let bytes =
        serde_json::to_vec(&IndexFileRef { version, files }).map_err(std::io::Error::other)?;
    save_atomically(path, &bytes)
}
