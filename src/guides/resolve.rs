//! The guide each reflection is read with: the one it names, fitted to its
//! answers, or the default when that guide is no longer installed.

use std::borrow::Cow;

use super::Catalogue;
use crate::guide::{DEFAULT_NAME, Guide};
use crate::reflection::Reflection;
use crate::role::Places;

/// A reflection's guide, ready to walk, read or export it with.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub guide: Cow<'static, Guide>,
    /// The guide the reflection names is not installed (its file removed or
    /// broken), so the default stands in; every answer still shows.
    pub missing: bool,
}

/// The guide named `name` in `catalogue`, or the default when there is
/// none by that name; and whether it was missing.
fn guide_or_default(catalogue: &'static Catalogue, name: &str) -> (&'static Guide, bool) {
    match catalogue
        .named(name)
        .or_else(|| catalogue.named(DEFAULT_NAME))
    {
        Some(entry) => (&*entry.guide, entry.name != name),
        None => (fallback(), true),
    }
}

/// The built-in default, parsed from the binary; it is tested to parse.
fn fallback() -> &'static Guide {
    static EMPTY: std::sync::OnceLock<Guide> = std::sync::OnceLock::new();
    Guide::builtin().unwrap_or_else(|_| EMPTY.get_or_init(Guide::empty))
}

impl Catalogue {
    /// A number that changes when any guide's roles move: what the summary
    /// index, which keeps steps and weights found by role, is valid for.
    /// Zero bits where the index keeps its own version (the low byte).
    pub fn places_fingerprint(&self) -> u32 {
        let mut hash: u32 = 0x811c_9dc5;
        for entry in &self.guides {
            let places = format!("{}{:?}", entry.name, entry.guide.places());
            for b in places.bytes() {
                hash ^= u32::from(b);
                hash = hash.wrapping_mul(0x0100_0193);
            }
        }
        hash & !0xff
    }
}

/// The guide named `name`, or the default when it is not installed.
pub fn named_or_default(name: &str) -> &'static Guide {
    guide_or_default(Catalogue::get(), name).0
}

/// Where the guide named `name` keeps steps, the first step and the
/// weights; the default guide's when it is not installed, as a guide
/// copied from the default usually keeps its keys.
pub fn places_for(name: &str) -> std::sync::Arc<Places> {
    named_or_default(name).places()
}

/// The guide to show `r` with: its own, or the default when that is not
/// installed, with a question added for every answer the guide does not
/// ask for, so no answer is ever hidden.
pub fn guide_for(r: &Reflection) -> Resolved {
    let (guide, missing) = guide_or_default(Catalogue::get(), &r.guide);
    let unasked = r.unasked(guide);
    Resolved {
        guide: if unasked.is_empty() {
            Cow::Borrowed(guide)
        } else {
            Cow::Owned(guide.with_unasked(&unasked))
        },
        missing,
    }
}
