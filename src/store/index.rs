//! Index files beside the reflections, each entry trusted only while its file is unchanged.
//!
//! An index (summaries for the list, answer text for search) lets a list of
//! thousands read one file and a stat of each reflection instead of parsing
//! every file. The files stay the single source of truth: an entry is trusted
//! only while its file's stamp matches, and is rebuilt from the file whenever
//! they disagree, so hand edits are always seen.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, Metadata};
use std::io::BufReader;
use std::marker::PhantomData;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

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
    /// The same version of the same file: all but the change time, which a
    /// rename into place moves on.
    pub fn same_version(&self, other: &Stamp) -> bool {
        (
            self.size,
            self.modified_secs,
            self.modified_nanos,
            self.inode,
        ) == (
            other.size,
            other.modified_secs,
            other.modified_nanos,
            other.inode,
        )
    }

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

/// Whether the index file at `path` is current for `ids` (every reflection
/// file found, in id order, as `scan` gives them). Each entry is handed to
/// `visit` as it is read, so neither the file nor its entries are ever held
/// whole: at a hundred thousand reflections the file alone is 40 MB. On
/// false (no index, another version, a file added, changed or gone) some
/// entries may have been visited already, and the caller starts again from
/// `refreshed_index`.
pub(super) fn visit_if_current<E: DeserializeOwned>(
    path: &Path,
    version: u32,
    ids: &[(String, Stamp)],
    visit: impl FnMut(String, E),
) -> bool {
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    let mut json = serde_json::Deserializer::from_reader(BufReader::new(file));
    let streamed = Streamed {
        version,
        ids,
        visit,
        entry: PhantomData,
    };
    streamed.deserialize(&mut json).is_ok() && json.end().is_ok()
}

/// The index file read as it streams: `version` first, as `save` writes
/// it, then `files`, each checked against the files found. Anything else
/// ends the reading, and the index is rebuilt.
struct Streamed<'a, E, F> {
    version: u32,
    ids: &'a [(String, Stamp)],
    visit: F,
    entry: PhantomData<E>,
}

impl<'de, E: DeserializeOwned, F: FnMut(String, E)> DeserializeSeed<'de> for Streamed<'_, E, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, E: DeserializeOwned, F: FnMut(String, E)> Visitor<'de> for Streamed<'_, E, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a summary index")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let stale = || de::Error::custom("the index is not current");
        if map.next_key::<String>()?.as_deref() != Some("version")
            || map.next_value::<u32>()? != self.version
            || map.next_key::<String>()?.as_deref() != Some("files")
        {
            return Err(stale());
        }
        map.next_value_seed(Entries(&mut self))?;
        match map.next_key::<String>()? {
            Some(_) => Err(stale()),
            None => Ok(()),
        }
    }
}

/// The `files` of a streamed index: in id order, as the files were found.
struct Entries<'s, 'a, E, F>(&'s mut Streamed<'a, E, F>);

impl<'de, E: DeserializeOwned, F: FnMut(String, E)> DeserializeSeed<'de> for Entries<'_, '_, E, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, E: DeserializeOwned, F: FnMut(String, E)> Visitor<'de> for Entries<'_, '_, E, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the index's files")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut found = self.0.ids.iter();
        while let Some(id) = map.next_key::<String>()? {
            let (stamp, entry): (Stamp, E) = map.next_value()?;
            match found.next() {
                Some((name, known)) if *name == id && *known == stamp => (self.0.visit)(id, entry),
                _ => return Err(de::Error::custom("a file changed since the index")),
            }
        }
        match found.next() {
            Some(_) => Err(de::Error::custom("a file is new since the index")),
            None => Ok(()),
        }
    }
}

fn save<E: Serialize>(path: &Path, version: u32, files: &Files<E>) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct IndexFileRef<'a, E> {
        version: u32,
        files: &'a Files<E>,
    }
    let bytes =
        serde_json::to_vec(&IndexFileRef { version, files }).map_err(std::io::Error::other)?;
    save_atomically(path, &bytes).map(|_| ())
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
    use crate::stage::FullStages;
    use crate::stage::{STEPS_FIELD, Stage};
    use crate::store::tests::{guide, store};
    use time::macros::datetime;

    fn went_wrong(r: &Reflection) -> String {
        r.text(Stage::Reflect, "went_wrong").to_string()
    }

    #[test]
    fn an_index_streams_only_while_every_file_it_names_is_as_it_was() {
        let (dir, store) = store();
        for title in ["one", "two"] {
            store
                .create(title, datetime!(2026-11-20 09:00 UTC), guide())
                .expect("create");
        }
        let ids = store.scan().expect("scan").ids;
        let path = dir.path().join("texts-index.json");
        assert!(!super::visit_if_current::<String>(
            &path,
            1,
            &ids,
            |_, _| {}
        ));
        store
            .indexed_texts("texts-index.json", 1, went_wrong)
            .expect("texts");

        let mut seen = Vec::new();
        let current = super::visit_if_current::<String>(&path, 1, &ids, |id, _| seen.push(id));
        assert!(current);
        assert_eq!(seen, ["2026-11-20-one", "2026-11-20-two"]);

        let stale = |ids: &[(String, super::Stamp)], version| {
            !super::visit_if_current::<String>(&path, version, ids, |_, _| {})
        };
        assert!(stale(&ids, 2), "another version");
        assert!(stale(&ids[..1], 1), "a file gone");
        let mut added = ids.clone();
        added.push(("2026-11-21-three".into(), ids[0].1));
        assert!(stale(&added, 1), "a file new");
        let mut changed = ids.clone();
        changed[1].1.size += 1;
        assert!(stale(&changed, 1), "a file changed");
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
