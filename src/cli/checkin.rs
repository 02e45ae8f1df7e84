//! `rebound checkin [ID]`: which reflection to look again at, before the screen opens.

use color_eyre::eyre::{Result, eyre};
use time::Date;

use crate::dates::{parse_iso, readable};
use crate::reflection::display_title;
use crate::store::Store;

use super::naming;

/// The reflection named, or with none named, the one whose check-in has
/// waited longest (a check-in left unfinished counts as waiting).
pub(super) fn id_to_check_in(store: &Store, name: Option<&str>, today: Date) -> Result<String> {
    if let Some(name) = name {
        let id = naming::id_to_resume(store, name)?;
        // Read here, so a file that will not load is one line on stderr
        // before any screen appears.
        store.load(&id)?;
        return Ok(id);
    }
    let listing = store.list()?;
    let mut due: Vec<(Date, &str)> = listing
        .reflections
        .iter()
        .filter_map(|s| Some((parse_iso(&s.next_checkin)?, s.id.as_str())))
        .collect();
    due.sort();
    match due.first() {
        Some((day, id)) if *day <= today => Ok((*id).to_string()),
        Some((day, id)) => {
            let title = listing
                .reflections
                .iter()
                .find(|s| s.id == *id)
                .map_or("", |s| display_title(&s.title));
            Err(eyre!(
                "no check-in is due yet; the next is for \"{title}\" on {} (check in early with `rebound checkin {id}`)",
                readable(*day)
            ))
        }
        None => Err(eyre!(
            "no check-in is due; name a reflection to look again at it: `rebound checkin ID` (choose when to look again on its growth plan with l)"
        )),
    }
}
