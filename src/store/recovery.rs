//! What a save could not finish: conflict copies, and temp files left behind by crashed saves.

use std::fs;
use std::path::PathBuf;

use time::OffsetDateTime;

use super::paths::{create_private_dir, move_file};
use super::{Store, StoreError, loadable_text, lock, save_atomically};
use crate::guide::Guide;
use crate::reflection::Reflection;

impl Store {
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
        self.update_conflict_copy(&path, reflection, guide)?;
        Ok(path)
    }

    /// Writes the latest version typed here over the conflict copy that
    /// `save_conflict_copy` made, so the copy follows the person's typing.
    pub fn update_conflict_copy(
        &self,
        path: &std::path::Path,
        reflection: &Reflection,
        guide: &Guide,
    ) -> Result<(), StoreError> {
        let text = loadable_text(reflection, guide, path)?;
        save_atomically(path, text.as_bytes())
            .map(|_| ())
            .map_err(|source| StoreError::Io {
                path: path.to_path_buf(),
                source,
            })
    }

    /// A save cut short by a crash leaves its temp file (`.<id>.toml.<pid>.<random>.tmp`)
    /// behind. The writer's lock is ours now, so such a file from a process
    /// that no longer runs is tidied away: a torn one is deleted, and a
    /// complete one that differs from the reflection (the crash came between
    /// its fsync and its rename) is kept in `conflicts/`.
    pub(super) fn remove_stale_temp_files(&self, id: &str) {
        let Ok(entries) = fs::read_dir(self.reflections_dir()) else {
            return;
        };
        let prefix = format!(".{id}.toml.");
        for entry in entries.flatten() {
            let name = entry.file_name();
            // `.<id>.toml.<pid>.<random>.tmp` (or `.<id>.toml.<pid>.tmp`,
            // as rebound named them before).
            let Some(pid) = name
                .to_str()
                .and_then(|n| n.strip_prefix(&prefix))
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .and_then(|rest| rest.split('.').next())
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{guide, store};
    use time::macros::datetime;

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
