//! `rebound checkin [ID]`: which reflection to look again at, before the screen opens.

use color_eyre::eyre::{Result, eyre};
use time::Date;

use crate::agenda;
use crate::dates::{parse_iso, readable};
use crate::reflection::{Status, display_title};
use crate::store::Store;

use super::naming;

/// The reflection named, or with none named, the one whose check-in has
/// waited longest (a check-in left unfinished counts as waiting).
pub(super) fn id_to_check_in(store: &Store, name: Option<&str>, today: Date) -> Result<String> {
    if let Some(name) = name {
        let id = naming::id_to_resume(store, name)?;
        // Read here, so a file that will not load is one line on stderr
        // before any screen appears.
        let r = store.load(&id)?;
        if r.status != Status::Completed {
            return Err(eyre!(
                "\"{}\" is still in progress: a check-in looks again at a finished plan (`rebound resume {id}`, then mark it complete)",
                display_title(&r.title)
            ));
        }
        return Ok(id);
    }
    let listing = store.list()?;
    // The one home's line names and `remind` points to.
    if let Some(due) = agenda::checkins_due(&listing.reflections, today).oldest {
        return Ok(due.reflection);
    }
    let next = listing
        .reflections
        .iter()
        .filter_map(|s| Some((parse_iso(&s.next_checkin)?, s.id.as_str())))
        .min();
    match next {
        Some((day, id)) => {
            let title = listing
                .reflections
                .iter()
                .find(|s| s.id == *id)
                .map_or("", |s| display_title(&s.title));
            Err(eyre!(
                "no check-in is due yet; the next is for \"{title}\" on {} (check in early with `rebound checkin {id}`)",
                readable(day)
            ))
        }
        None => Err(eyre!(
            "no check-in is due; name a reflection to look again at it: `rebound checkin ID` (choose when to look again on its growth plan with l)"
        )),
    }
}
