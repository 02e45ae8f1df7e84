//! Index files beside the reflections, each entry trusted only while its file is unchanged.
//!
//! An index (summaries for the list, answer text for search) lets a list of
//! thousands read one file and a stat of each reflection instead of parsing
//! every file. The files stay the single source of truth: an entry is trusted
//! only while its file's stamp matches, and is rebuilt from the file whenever
//! they disagree, so hand edits are always seen.

use std::collections::BTreeMap;
use std::fs::{self, Metadata};
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, save_atomically};
use crate::reflection::Reflection;

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

/// Entries by reflection id, each with the stamp of the file it came from.
pub type Files<E> = BTreeMap<String, (Stamp, E)>;

#[derive(Serialize, Deserialize)]
struct IndexFile<E> {
    version: u32,
    files: Files<E>,
}

/// The saved entries, or none if the file is missing, unreadable or of
/// another version: an index is only ever a cache.
fn load<E: DeserializeOwned>(path: &Path, version: u32) -> Files<E> {
    fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<IndexFile<E>>(&bytes).ok())
        .filter(|index| index.version == version)
        .map(|index| index.files)
        .unwrap_or_default()
}

fn save<E: Serialize>(path: &Path, version: u32, files: &Files<E>) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct IndexFileRef<'a, E> {
        version: u32,
        files: &'a Files<E>,
    }
    let bytes =
        serde_json::to_vec(&IndexFileRef { version, files }).map_err(std::io::Error::other)?;
    save_atomically(path, &bytes)
}

impl Store {
    /// What `text_of` makes of each readable reflection (empty for one that
    /// cannot be read), by id. It is kept in the index file `name` in the data
    /// dir, so only reflections changed since are read again; an index saved
    /// under another `version` is rebuilt, so a caller bumps it whenever
    /// `text_of` changes what it makes. `name` must not be another index's.
    pub fn indexed_texts(
        &self,
        name: &str,
        version: u32,
        text_of: impl Fn(&Reflection) -> String,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let entries = self.refreshed_index(name, version, self.scan()?.ids, |id| {
            self.load(id).map(|r| text_of(&r)).unwrap_or_default()
        });
        Ok(entries
            .into_iter()
            .map(|(id, (_, text))| (id, text))
            .collect())
    }

    /// An index file brought up to date with the reflection files found
    /// (`ids`): entries whose file is unchanged are kept, the rest are made
    /// again by `make`.
    pub(super) fn refreshed_index<E>(
        &self,
        file: &str,
        version: u32,
        ids: Vec<(String, Stamp)>,
        make: impl Fn(&str) -> E,
    ) -> Files<E>
    where
        E: Serialize + DeserializeOwned,
    {
        let path = self.root.join(file);
        let mut cached = load::<E>(&path, version);
        let mut fresh = Files::new();
        let mut changed = false;
        for (id, stamp) in ids {
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
        // A data dir not made yet is left unmade: only a new reflection makes it.
        if changed && self.root.is_dir() {
            // A failed save only costs speed next time.
            let _ = save(&path, version, &fresh);
        }
        fresh
    }
}

#[cfg(test)]
mod tests {
    use crate::reflection::Reflection;
    use crate::stage::{STEPS_FIELD, Stage};
    use crate::store::tests::{guide, store};
    use time::macros::datetime;

    fn went_wrong(r: &Reflection) -> String {
        r.text(Stage::Reflect, "went_wrong").to_string()
    }

    #[test]
    fn summaries_count_open_steps_and_indexed_text_follows_edits() {
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
        // Issue 11: the risk stage's first brave step is counted as a step.
        r.set_text(Stage::Risk, "first_step", "Email Dana".into());
        store.save(&r, guide()).expect("save");
        assert_eq!(store.list().expect("list").reflections[0].open_steps, 3);
        let texts = store
            .indexed_texts("texts-index.json", 1, went_wrong)
            .expect("texts");
        assert!(texts[0].1.contains("We lost the client"), "{texts:?}");

        r.set_text(Stage::Reflect, "went_wrong", "Edited since".into());
        std::thread::sleep(std::time::Duration::from_millis(10));
        store.save(&r, guide()).expect("save");
        let texts = store
            .indexed_texts("texts-index.json", 1, went_wrong)
            .expect("texts");
        assert!(texts[0].1.contains("Edited since"), "{texts:?}");
    }
}
