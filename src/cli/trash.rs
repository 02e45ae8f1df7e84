//! `rebound delete` and `rebound restore`: moving a reflection to the trash
//! folder, listing the trash, and bringing one back.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};

use color_eyre::eyre::Result;

use super::{UsageError, naming, print};
use crate::reflection::display_title;
use crate::store::Store;
use crate::text::printable_line;

pub(super) fn delete(store: &Store, prefix: &str, yes: bool) -> Result<()> {
    let id = naming::id_to_delete(store, prefix)?;
    // A file that will not load can still be deleted; it is named by its id.
    let title = store
        .load(&id)
        .map(|r| display_title(&r.title).to_string())
        .unwrap_or_else(|_| id.clone());
    if !yes {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(UsageError(
                "delete asks for confirmation at a terminal; add --yes to delete without asking"
                    .into(),
            )
            .into());
        }
        let mut err = std::io::stderr();
        let _ = write!(err, "Move \"{title}\" ({id}) to the trash? [y/N] ");
        let _ = err.flush();
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            // Declining is a choice, not a failure.
            let _ = writeln!(err, "Kept it; nothing was deleted.");
            return Ok(());
        }
    }
    let to = store.trash(&id)?;
    let name = to
        .file_stem()
        .map_or_else(|| id.clone(), |n| n.to_string_lossy().into_owned());
    print(&format!(
        "Moved \"{title}\" to the trash: {}\nTo restore it: rebound restore {name}\n",
        to.display()
    ))
}

pub(super) fn restore(store: &Store, prefix: Option<&str>) -> Result<()> {
    let Some(prefix) = prefix else {
        let trashed = store.trashed();
        if trashed.is_empty() {
            let _ = writeln!(std::io::stderr(), "The trash is empty.");
            return Ok(());
        }
        let mut out = String::new();
        for item in trashed {
            let title = item.title.as_deref().map_or("(unreadable)", display_title);
            let _ = writeln!(out, "{}  {}", item.name, printable_line(title));
        }
        return print(&out);
    };
    let id = store.restore(prefix)?;
    print(&format!("Restored {id}; it is back in your list.\n"))
}
