//! A summary index beside the reflections, so a list of thousands reads one
//! small file and a stat of each reflection instead of parsing every file.
//! The files stay the single source of truth: an entry is trusted only while
//! its file's size and modification time match, and is rebuilt from the file
//! whenever they disagree, so hand edits are always seen.

use std::collections::BTreeMap;
use std::fs::{self, Metadata};
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{Summary, save_atomically};
use crate::reflection::Status;

/// Bumped when the layout changes; an index of another version is rebuilt.
const INDEX_VERSION: u32 = 1;

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    size: u64,
    modified_secs: u64,
    modified_nanos: u32,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .unwrap_or_default();
        Stamp {
            size: meta.len(),
            modified_secs: modified.as_secs(),
            modified_nanos: modified.subsec_nanos(),
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
                })
            }
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    version: u32,
    pub files: BTreeMap<String, (Stamp, Entry)>,
}

/// The saved index, or an empty one if it is missing, unreadable or stale in
/// format: it is only ever a cache.
pub fn load(path: &Path) -> Index {
    fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
        .filter(|index| index.version == INDEX_VERSION)
        .unwrap_or_default()
}

pub fn save(path: &Path, files: BTreeMap<String, (Stamp, Entry)>) -> std::io::Result<()> {
    let index = Index {
        version: INDEX_VERSION,
        files,
    };
    let bytes = serde_json::to_vec(&index).map_err(std::io::Error::other)?;
    save_atomically(path, &bytes)
}
