//! What `update` asks the I/O layer to do (an effect), and what came of it (an
//! outcome), which `apply` takes back into the state.

use std::path::{Path, PathBuf};

use crate::export::Format;
use crate::reflection::Reflection;
use crate::search::Corpus;
use crate::store::Listing;

use super::{Message, NewReflection};

/// What the app loop must do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Create a reflection with this title, in this guide, and open it.
    Create(NewReflection),
    /// Load and open the reflection with this id.
    Open(String),
    /// Read a sync tool's conflict copy, by its file name, to show it: no
    /// claim, no save.
    OpenCopy(String),
    /// Save the open reflection now, close it and show home.
    CloseReflection,
    /// Try to claim a reflection opened read-only, to edit it.
    TakeOver,
    /// Save, give the terminal back and stop until `fg`.
    Suspend,
    /// Load the text of every reflection's answers, for search.
    LoadSearch,
    /// Tick (or untick) a step of a reflection that is not open: claim it,
    /// read it, tick by the step's id, save, let go, list again.
    TickStep {
        reflection: String,
        step: String,
    },
    /// Move this reflection to the trash.
    Delete(String),
    /// Bring this trashed file back.
    Restore(String),
    /// Write the open reflection to a file; `replace` allows overwriting.
    Export {
        path: String,
        format: Format,
        replace: bool,
    },
}

/// Whether this rebound may write a reflection it opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    Writable,
    /// Another rebound has it open, by its process id when known.
    HeldElsewhere(Option<u32>),
    /// It could not be claimed for another reason, given here.
    Unclaimed(String),
    /// A sync tool's conflict copy, by its file name, and what it is: read
    /// as it is, never claimed or written.
    ConflictCopy {
        file: String,
        what: String,
    },
}

/// What came of an effect, or of a save.
#[derive(Debug)]
pub enum Outcome {
    /// A reflection was read, once its claim was settled.
    Opened {
        reflection: Reflection,
        access: Access,
    },
    /// It would not open: the reason.
    OpenFailed(String),
    /// A new reflection could not be started: its title and guide (kept,
    /// to try again) and the reason.
    CreateFailed {
        new: NewReflection,
        why: String,
    },
    /// The list as it is on disk now. `select` names the row to select;
    /// otherwise the row selected before stays selected.
    Listed {
        listing: Result<Listing, String>,
        select: Option<String>,
    },
    SearchLoaded(Corpus),
    /// Answers could not be read for search: the reason.
    SearchFailed(String),
    /// A step ticked from the agenda is saved: what it says and whether it
    /// is now done.
    Ticked {
        reflection: String,
        step: String,
        what: String,
        done: bool,
    },
    /// Nothing was ticked, and why (calm when it is only open elsewhere).
    TickRefused(Message),
    /// The open reflection is on disk as it stands.
    Saved,
    /// The save failed: the reason. The text is still here, to retry.
    SaveFailed(String),
    /// The file changed outside rebound since it was read, so it was not
    /// overwritten; the version typed here is kept at `copy`, and what is
    /// typed from now on goes there too.
    Conflict {
        file: PathBuf,
        copy: PathBuf,
    },
    /// The file changed outside rebound and the version typed here could not
    /// be kept beside it either: the reason.
    ConflictCopyFailed(String),
    /// The open reflection was saved and let go.
    Closed,
    /// Moved to the trash under `name`, which `u` can bring back.
    Trashed {
        title: String,
        name: String,
    },
    TrashFailed(String),
    /// Back from the trash; its search text, when it could be read.
    Restored {
        id: String,
        title: String,
        searchable: Option<String>,
    },
    /// Someone restored it first.
    NotInTrash,
    RestoreFailed(String),
    /// The export's file exists and replacing it was not yet agreed.
    ExportExists,
    Exported {
        format: Format,
        path: PathBuf,
    },
    ExportFailed(String),
    /// The other rebound let go: this is what it saved, now ours to edit.
    TookOver(Reflection),
    /// Still held elsewhere, or still unclaimable: the reason.
    StillReadOnly(String),
}

impl Outcome {
    /// Whether the open reflection is a fresh one from disk (or none), so
    /// autosave starts counting again.
    pub fn starts_afresh(&self) -> bool {
        matches!(
            self,
            Outcome::Opened { .. } | Outcome::TookOver(_) | Outcome::Closed
        )
    }
}

/// What happened when a file changed outside rebound while open, where the
/// person's own version is, and what to do: two rows at most on a 100-column
/// screen (the way out prints the commands, with whole paths).
pub fn conflict_notice(copy: &Path) -> String {
    format!(
        "This reflection changed outside rebound; what you type now goes to {}. Compare the two and keep one.",
        in_data_dir(copy)
    )
}

/// The same, for the way out, with whole paths and the commands to choose.
pub fn conflict_note(file: &Path, copy: &Path) -> String {
    format!(
        "{} changed outside rebound while it was open, so it was not overwritten; your version is in {}. Compare: diff -u '{}' '{}'. To keep yours: mv '{}' '{}'.",
        file.display(),
        copy.display(),
        file.display(),
        copy.display(),
        copy.display(),
        file.display()
    )
}

/// `conflicts/name.toml`: a path as its folder inside the data dir and its name.
fn in_data_dir(path: &Path) -> String {
    let part = |p: Option<&std::ffi::OsStr>| {
        p.map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    };
    format!(
        "{}/{}",
        part(path.parent().and_then(Path::file_name)),
        part(path.file_name())
    )
}

/// Who has a reflection open, in words that fit the message line.
pub fn held_elsewhere(pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!("open in another rebound (process {pid})"),
        None => "open in another rebound".to_string(),
    }
}
