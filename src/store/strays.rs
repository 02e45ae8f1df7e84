//! Files in the reflections folder that are not reflections: sync tools' conflict copies, recognised by name, and anything else.
//!
//! Syncthing, Dropbox and Nextcloud keep the other machine's version of a
//! file beside it under a name of their own. rebound lists only `<id>.toml`
//! names, so without this the other machine's words would silently drop out
//! of view. They are named wherever the list is shown and can be read, never
//! changed: which version to keep is the person's call.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Store, StoreError};
use crate::reflection::{FormatError, Reflection};

/// An entry in the reflections folder that is not a reflection file.
#[derive(Debug, Clone, PartialEq)]
pub struct Stray {
    /// The file name, as `rebound show` takes it.
    pub name: String,
    pub path: PathBuf,
    /// Set when the name is a sync tool's conflict copy.
    pub copy: Option<ConflictCopy>,
}

/// What a sync tool's conflict-copy name says.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictCopy {
    /// The name of the file it is a copy of, without `.toml`: usually a
    /// reflection's id.
    pub of: String,
    /// The title of that reflection, when it is in the list.
    pub title: Option<String>,
    /// The machine the copy came from, where the name carries one.
    pub device: Option<String>,
    pub tool: &'static str,
}

impl Stray {
    pub(super) fn named(name: String, dir: &Path) -> Stray {
        Stray {
            path: dir.join(&name),
            copy: conflict_copy(&name),
            name,
        }
    }

    /// The file read as a reflection, as it is (never saved).
    pub fn read(&self) -> Result<Reflection, StoreError> {
        let unreadable = |source| StoreError::Unreadable {
            path: self.path.clone(),
            source,
        };
        let bytes = fs::read(&self.path).map_err(|source| StoreError::Io {
            path: self.path.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes)
            .map_err(|_| unreadable(FormatError::Invalid("not UTF-8 text".into())))?;
        Reflection::from_toml_str(&text).map_err(unreadable)
    }

    /// Whether rebound reads it at all: a conflict copy, or another `.toml`
    /// file, is shown as it is; a note, a folder, anything else is not.
    pub fn is_readable(&self) -> bool {
        (self.copy.is_some() || self.name.ends_with(".toml")) && self.path.is_file()
    }

    /// Its name as it can be pasted into a shell command.
    pub fn quoted(&self) -> String {
        shell_quoted(&self.name)
    }

    /// One line on what this file is and what can be done with it.
    pub fn describe(&self) -> String {
        match &self.copy {
            Some(copy) => format!(
                "{} is {}; read it with `rebound show {}`",
                self.name,
                copy.what(),
                shell_quoted(&self.name)
            ),
            None => format!(
                "{} is not a reflection (only <id>.toml files are); left as it is",
                self.name
            ),
        }
    }

    /// What this file is, the words that matter first, for a line on screen
    /// that may be cut.
    pub fn brief(&self) -> String {
        match &self.copy {
            Some(copy) => format!("{}: {}", capitalised(&copy.what()), self.name),
            None => format!("Not a reflection, left as it is: {}", self.name),
        }
    }
}

impl ConflictCopy {
    /// "a conflict copy of "The reorg" from LAPTOP7 (Syncthing)".
    pub fn what(&self) -> String {
        let of = self
            .title
            .as_deref()
            .map_or_else(|| self.of.clone(), |t| format!("\"{t}\""));
        let from = self
            .device
            .as_deref()
            .map(|d| format!(" from {d}"))
            .unwrap_or_default();
        format!("a conflict copy of {of}{from} ({})", self.tool)
    }

    /// The same, to head a page: "A conflict copy of ...".
    pub fn heading(&self) -> String {
        capitalised(&self.what())
    }
}

/// A file name as it can be pasted into a shell: Dropbox names carry an
/// apostrophe ("Dana's conflicted copy"), so single quotes alone will not do.
fn shell_quoted(name: &str) -> String {
    if !name.contains('\'') {
        format!("'{name}'")
    } else if !name.contains(['"', '$', '`', '\\', '!']) {
        format!("\"{name}\"")
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Recognises the conflict-copy names of the sync tools people use.
pub fn conflict_copy(name: &str) -> Option<ConflictCopy> {
    let base = name.strip_suffix(".toml")?;
    let copy = |of: &str, device: Option<&str>, tool| {
        Some(ConflictCopy {
            of: of.trim().to_string(),
            title: None,
            device: device
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(String::from),
            tool,
        })
    };
    // Syncthing: `<stem>.sync-conflict-YYYYMMDD-HHMMSS-DEVICE`.
    if let Some((of, when)) = base.rsplit_once(".sync-conflict-") {
        return copy(of, when.splitn(3, '-').nth(2), "Syncthing");
    }
    // Dropbox: `<stem> (<Device>'s conflicted copy YYYY-MM-DD)`, or without
    // the device; Nextcloud and ownCloud: `<stem> (conflicted copy
    // YYYY-MM-DD HHMMSS)`.
    if let Some((of, inner)) = base
        .strip_suffix(')')
        .and_then(|b| b.rsplit_once(" ("))
        .filter(|(_, inner)| inner.contains("onflicted copy"))
    {
        let before = inner
            .split_once("conflicted copy")
            .or_else(|| inner.split_once("Conflicted copy"))
            .map_or("", |(before, _)| before.trim());
        if before.is_empty() {
            // Both tools write it so; the time says which.
            let nextcloud =
                inner.trim_end().rsplit(' ').next().is_some_and(|last| {
                    last.len() == 6 && last.bytes().all(|b| b.is_ascii_digit())
                });
            let tool = if nextcloud { "Nextcloud" } else { "Dropbox" };
            return copy(of, None, tool);
        }
        let device = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("’s"))
            .unwrap_or(before);
        return copy(of, Some(device), "Dropbox");
    }
    // ownCloud and older Nextcloud: `<stem>_conflict-YYYYMMDD-HHMMSS`.
    if let Some((of, _)) = base.rsplit_once("_conflict-") {
        return copy(of, None, "Nextcloud");
    }
    None
}

impl Store {
    /// The file of the reflections folder that is not a reflection (a
    /// conflict copy, a note, a sub-folder) that a name given names: its
    /// file name as `rebound list` says it, or a path to that very file.
    pub fn stray_named(&self, name: &str) -> Result<Option<Stray>, StoreError> {
        let Some(file_name) = Path::new(name).file_name().and_then(|n| n.to_str()) else {
            return Ok(None);
        };
        let Some(mut stray) = self
            .scan()?
            .others
            .into_iter()
            .find(|other| other == file_name)
            .map(|other| Stray::named(other, &self.reflections_dir()))
        else {
            return Ok(None);
        };
        // A path given must lead to this very file, not one of the same
        // name elsewhere.
        if file_name != name {
            let same = fs::canonicalize(name)
                .ok()
                .zip(fs::canonicalize(&stray.path).ok())
                .is_some_and(|(a, b)| a == b);
            if !same {
                return Ok(None);
            }
        }
        // Named by its original's title, as the list names it.
        if let Some(copy) = stray.copy.as_mut() {
            copy.title = self
                .load(&copy.of)
                .ok()
                .map(|r| crate::reflection::display_title(&r.title).to_string());
        }
        Ok(Some(stray))
    }

    /// Reads a file of the reflections folder that is not a reflection (a
    /// conflict copy, named as `rebound list` names it), to be shown and
    /// never saved. A path to it works too.
    pub fn load_stray(&self, name: &str) -> Result<(Stray, Reflection), StoreError> {
        let stray = self
            .stray_named(name)?
            .ok_or_else(|| StoreError::NotFound(name.to_string()))?;
        let reflection = stray.read()?;
        Ok((stray, reflection))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{guide, store};
    use time::macros::datetime;

    #[test]
    fn sync_tools_conflict_copies_are_recognised_with_their_device() {
        let id = "2026-11-25-the-reorg";
        let cases = [
            (
                format!("{id}.sync-conflict-20261129-101010-ABCDEFG.toml"),
                "Syncthing",
                Some("ABCDEFG"),
            ),
            (
                format!("{id} (Dana's conflicted copy 2026-11-29).toml"),
                "Dropbox",
                Some("Dana"),
            ),
            (
                format!("{id} (Dana’s MacBook’s conflicted copy 2026-11-29).toml"),
                "Dropbox",
                Some("Dana’s MacBook"),
            ),
            (
                format!("{id} (conflicted copy 2026-11-29).toml"),
                "Dropbox",
                None,
            ),
            (
                format!("{id} (conflicted copy 2026-11-29 101010).toml"),
                "Nextcloud",
                None,
            ),
            (
                format!("{id}_conflict-20261129-101010.toml"),
                "Nextcloud",
                None,
            ),
        ];
        for (name, tool, device) in cases {
            let copy = conflict_copy(&name).unwrap_or_else(|| panic!("{name} not recognised"));
            assert_eq!(copy.of, id, "{name}");
            assert_eq!(copy.tool, tool, "{name}");
            assert_eq!(copy.device.as_deref(), device, "{name}");
        }
        for other in ["notes.txt", "My Plan.toml", "2026-11-25-x (1).toml"] {
            assert_eq!(conflict_copy(other), None, "{other}");
        }
    }

    #[test]
    fn the_command_to_read_a_copy_can_be_pasted_even_with_an_apostrophe() {
        assert_eq!(shell_quoted("a b.toml"), "'a b.toml'");
        assert_eq!(
            shell_quoted("x (Dana's conflicted copy 2026-11-29).toml"),
            "\"x (Dana's conflicted copy 2026-11-29).toml\""
        );
        assert_eq!(shell_quoted("it's $5.toml"), "'it'\\''s $5.toml'");
    }

    #[test]
    fn files_that_are_not_reflections_are_named_and_conflict_copies_read_as_they_are() {
        let (_dir, store) = store();
        let r = store
            .create("The reorg", datetime!(2026-11-29 09:00 UTC), guide())
            .expect("create");
        let dir = store.reflections_dir();
        let copy_name = format!("{}.sync-conflict-20261129-101010-LAPTOP1.toml", r.id);
        let mut theirs = r.clone();
        theirs.title = "The reorg, as the laptop has it".into();
        let text = theirs.to_toml_string(guide()).expect("toml");
        fs::write(dir.join(&copy_name), &text).expect("write copy");
        fs::write(dir.join("notes.txt"), "mine").expect("write notes");
        // rebound's own temp file of a save in progress is not a stranger.
        fs::write(dir.join(format!(".{}.toml.4194305.x.tmp", r.id)), "x").expect("temp");

        let listing = store.list().expect("list");
        assert_eq!(listing.reflections.len(), 1);
        let names: Vec<_> = listing.strays.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, [copy_name.as_str(), "notes.txt"]);
        let line = listing.strays[0].describe();
        assert!(
            line.contains("a conflict copy of \"The reorg\" from LAPTOP1 (Syncthing)"),
            "{line}"
        );
        assert!(listing.strays[1].describe().contains("not a reflection"));

        let (_, read) = store.load_stray(&copy_name).expect("read the copy");
        assert_eq!(read.title, "The reorg, as the laptop has it");
        let by_path = dir.join(&copy_name);
        assert!(store.load_stray(&by_path.to_string_lossy()).is_ok());
        assert_eq!(
            fs::read_to_string(dir.join(&copy_name)).expect("kept"),
            text
        );
        assert!(matches!(
            store.load_stray("../summary-index.json"),
            Err(StoreError::NotFound(_))
        ));
    }
}
