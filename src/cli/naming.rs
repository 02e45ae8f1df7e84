//! A name given on the command line: a reflection (id, file name, title) first, then any other file, said for what it is.

use std::io::Write;

use color_eyre::eyre::{Result, eyre};

use crate::reflection::Reflection;
use crate::store::{Store, StoreError, Stray};
use crate::text::printable_line;

/// A reflection by its id, id prefix, file name or title; or else, read as
/// it is and never saved, a conflict copy (or another `.toml` file beside
/// the reflections) by its file name, said so on stderr. Reflections come
/// first, so a file or folder named like an id or a title never hides one.
pub(super) fn load_named(store: &Store, name: &str) -> Result<Reflection> {
    let missing = match store.resolve(name) {
        Ok(id) => return Ok(store.load(&id)?),
        Err(e @ StoreError::NotFound(_)) => e,
        Err(e) => return Err(e.into()),
    };
    let Some(stray) = store.stray_named(name)? else {
        return Err(missing.into());
    };
    if !stray.is_readable() {
        return Err(eyre!("{}", not_a_reflection(&stray)));
    }
    let reflection = stray.read()?;
    let _ = writeln!(
        std::io::stderr(),
        "rebound: {}",
        printable_line(&shown_as_it_is(&stray))
    );
    Ok(reflection)
}

/// The reflection to delete; a file beside the reflections is never one,
/// and the line says what to do instead.
pub(super) fn id_to_delete(store: &Store, name: &str) -> Result<String> {
    match store.resolve_to_delete(name) {
        Err(missing @ StoreError::NotFound(_)) => Err(match store.stray_named(name)? {
            Some(stray) => match &stray.copy {
                // As the TUI says it.
                Some(copy) => eyre!(
                    "{} is {}: rebound never deletes a conflict copy. When you are done with it, remove its file by hand ({})",
                    stray.name,
                    copy.what(),
                    stray.path.display()
                ),
                None if stray.is_readable() => eyre!(
                    "{} is not one of your reflections (only <id>.toml files are); rebound deletes only those",
                    stray.name
                ),
                None => eyre!("{}", not_a_reflection(&stray)),
            },
            None => missing.into(),
        }),
        found => Ok(found?),
    }
}

/// The reflection to resume; a conflict copy is only ever read.
pub(super) fn id_to_resume(store: &Store, name: &str) -> Result<String> {
    match store.resolve(name) {
        Err(missing @ StoreError::NotFound(_)) => Err(match store.stray_named(name)? {
            Some(stray) if stray.copy.is_some() => eyre!("{}", stray.describe()),
            Some(stray) if stray.is_readable() => eyre!(
                "{} is not one of your reflections (only <id>.toml files are); read it with `rebound show {}`",
                stray.name,
                stray.quoted()
            ),
            Some(stray) => eyre!("{}", not_a_reflection(&stray)),
            None => missing.into(),
        }),
        found => Ok(found?),
    }
}

fn not_a_reflection(stray: &Stray) -> String {
    format!(
        "{} is not a reflection (rebound only reads <id>.toml files and sync tools' conflict copies)",
        stray.name
    )
}

/// What a file shown by name is, said before it is shown.
fn shown_as_it_is(stray: &Stray) -> String {
    match &stray.copy {
        Some(copy) => format!(
            "{} is a {} conflict copy of {}, shown as it is; rebound never changes it",
            stray.name, copy.tool, copy.of
        ),
        None => format!(
            "{} is not one of your reflections, shown as it is",
            stray.name
        ),
    }
}
