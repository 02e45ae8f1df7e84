//! The agenda read from the store: every reflection's steps, in agenda order, and the files that could not be read.

use std::path::PathBuf;

use time::Date;

use crate::agenda::{self, AgendaStep, Which};
use crate::store::{Store, StoreError};

/// The agenda's steps and what could not be read on the way.
pub(super) struct Loaded {
    /// In agenda order: overdue, then by date, then undated.
    pub steps: Vec<AgendaStep>,
    /// Each file left out, and why, for the caller to name or not.
    pub skipped: Vec<(PathBuf, String)>,
}

/// The steps `which` keeps, across every reflection, read against `today`.
/// `remind` reads the agenda through here; `rebound steps` has its own copy
/// of this loop for now and is meant to switch to it.
pub(super) fn load(store: &Store, which: Which, today: Date) -> Result<Loaded, StoreError> {
    let listing = store.list()?;
    let mut skipped: Vec<(PathBuf, String)> = listing
        .bad_files
        .iter()
        .map(|bad| (bad.path.clone(), bad.reason.clone()))
        .collect();
    let mut steps = Vec::new();
    for summary in &listing.reflections {
        // The index knows which reflections have nothing open: the agenda
        // need not read them.
        if which != Which::All && summary.open_steps == 0 {
            continue;
        }
        // Read one at a time and let go, so memory stays one reflection
        // plus the steps.
        match store.load(&summary.id) {
            Ok(r) => steps.extend(
                agenda::steps_of(&r, today)
                    .into_iter()
                    .filter(|s| which.keeps(s)),
            ),
            // Changed since it was listed: named like any unreadable file.
            Err(e) => skipped.push((store.path_of(&summary.id), reason(e))),
        }
    }
    agenda::order(&mut steps);
    Ok(Loaded { steps, skipped })
}

/// Why a file could not be read, without the path the caller names anyway.
pub(super) fn reason(e: StoreError) -> String {
    match e {
        StoreError::Unreadable { source, .. } => source.to_string(),
        StoreError::Io { source, .. } => source.to_string(),
        other => other.to_string(),
    }
}
