//! The trash: deleting a reflection moves its file there, and restoring moves it back.

use std::fs;
use std::path::PathBuf;

use super::paths::{create_private_dir, move_file};
use super::{Store, StoreError};
use crate::reflection::{Reflection, display_title, is_valid_id};

/// A reflection in the trash.
#[derive(Debug, Clone, PartialEq)]
pub struct Trashed {
    /// What `rebound restore` takes: the file name without `.toml`.
    pub name: String,
    pub path: PathBuf,
    /// None when the file cannot be read.
    pub title: Option<String>,
}

impl Store {
    /// Where deleted reflections go; nothing rebound deletes is destroyed.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
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
        // Any entry takes the name, a link that leads nowhere included.
        while fs::symlink_metadata(&to).is_ok() {
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
                            candidates: many
                                .iter()
                                .map(|t| {
                                    let title =
                                        t.title.as_deref().map_or("(unreadable)", display_title);
                                    (t.name.clone(), title.to_string())
                                })
                                .collect(),
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
        if fs::symlink_metadata(&to).is_ok() {
            return Err(StoreError::AlreadyExists(id));
        }
        create_private_dir(&self.reflections_dir())?;
        move_file(&path, &to)?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{guide, store};
    use time::macros::datetime;

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
}
