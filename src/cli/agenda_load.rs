//! The agenda read from the store's summary index: every reflection's steps, in agenda order, and the files that could not be read.

use std::path::PathBuf;

use time::Date;

use crate::agenda::{self, AgendaStep, Which};
use crate::store::{Listing, Store, StoreError};

/// The agenda's steps and what could not be read on the way.
pub(super) struct Loaded {
    /// In agenda order: overdue, then by date, then undated.
    pub steps: Vec<AgendaStep>,
    /// Each file left out, and why, for the caller to name or not.
    pub skipped: Vec<(PathBuf, String)>,
}

/// The steps `which` keeps, across every reflection, read against `today`:
/// from the index alone (the files it was made from were checked by their
/// stamps), a reflection with nothing open passed over. `rebound steps` and
/// `remind` both read the agenda through here.
pub(super) fn load(store: &Store, which: Which, today: Date) -> Result<Loaded, StoreError> {
    Ok(from_listing(&store.list()?, which, today))
}

/// The same from a listing already read, for a caller that wants more of it.
pub(super) fn from_listing(listing: &Listing, which: Which, today: Date) -> Loaded {
    let skipped = listing
        .bad_files
        .iter()
        .map(|bad| (bad.path.clone(), bad.reason.clone()))
        .collect();
    let mut steps: Vec<AgendaStep> = listing
        .reflections
        .iter()
        .filter(|summary| which == Which::All || summary.open_steps > 0)
        .flat_map(|summary| agenda::listed_steps(summary, today))
        .filter(|s| which.keeps(s))
        .collect();
    // Every step there has been: those check-ins dropped too, so another
    // tool that was given one hears it was cancelled.
    if which == Which::All {
        steps.extend(listing.reflections.iter().flat_map(agenda::dropped_steps));
    }
    agenda::order(&mut steps);
    Loaded { steps, skipped }
}
