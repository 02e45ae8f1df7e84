//! Naming a reflection: by its id, any unique start of it, its file name, or its title.

use std::fs;
use std::path::Path;

use super::{Store, StoreError};
use crate::reflection::display_title;
use crate::search::fold;

/// How far into titles a name may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// The start of a title, else words anywhere in it.
    Inside,
    /// Only the start of a title: deleting on a word that merely appears
    /// somewhere ("off" in "Laid off") would trash what was not meant.
    Start,
}

impl Store {
    /// Names a reflection by its id, any unique start of its id, its file
    /// name (`<id>.toml`, or a path to it), or its title: first a title that
    /// starts with the words given, then one that contains them (accents,
    /// case and spacing aside, as home's search sees them). An id wins over
    /// a title.
    pub fn resolve(&self, given: &str) -> Result<String, StoreError> {
        self.resolve_reaching(given, Reach::Inside)
    }

    /// As `resolve`, for deleting: an id, the start of one, its file name or
    /// the start of a title; never words found inside a title.
    pub fn resolve_to_delete(&self, given: &str) -> Result<String, StoreError> {
        self.resolve_reaching(given, Reach::Start)
    }

    fn resolve_reaching(&self, given: &str, reach: Reach) -> Result<String, StoreError> {
        let ids = self.ids()?;
        if ids.iter().any(|id| id == given) {
            return Ok(given.to_string());
        }
        if let Some(id) = self.own_file(given, &ids) {
            return Ok(id);
        }
        let by_id: Vec<&String> = ids
            .iter()
            .filter(|id| !given.is_empty() && id.starts_with(given))
            .collect();
        if let [one] = by_id.as_slice() {
            return Ok((*one).clone());
        }
        // Titles come from the summary index, so this reads no reflection
        // that has not changed.
        let listing = self.list()?;
        let title_of = |id: &str| {
            listing
                .reflections
                .iter()
                .find(|s| s.id == id)
                .map_or_else(String::new, |s| display_title(&s.title).to_string())
        };
        let choose = |found: Vec<(String, String)>| match found.len() {
            0 => None,
            1 => Some(Ok(found
                .into_iter()
                .next()
                .map(|(id, _)| id)
                .unwrap_or_default())),
            _ => Some(Err(StoreError::Ambiguous {
                prefix: given.to_string(),
                candidates: found,
            })),
        };
        let not_found = || StoreError::NotFound(given.to_string());
        if !by_id.is_empty() {
            let found = by_id
                .into_iter()
                .map(|id| (id.clone(), title_of(id)))
                .collect();
            return choose(found).unwrap_or_else(|| Err(not_found()));
        }
        let words = normalized(given);
        if words.is_empty() {
            return Err(not_found());
        }
        let titled = |matches: &dyn Fn(&str) -> bool| -> Vec<(String, String)> {
            listing
                .reflections
                .iter()
                .filter(|s| matches(&normalized(&s.title)))
                .map(|s| (s.id.clone(), display_title(&s.title).to_string()))
                .collect()
        };
        if let Some(found) = choose(titled(&|t| t.starts_with(&words))) {
            return found;
        }
        let inside = titled(&|t| t.contains(&words));
        match reach {
            Reach::Inside => choose(inside).unwrap_or_else(|| Err(not_found())),
            Reach::Start if inside.is_empty() => Err(not_found()),
            Reach::Start => Err(StoreError::OnlyInsideTitles {
                given: given.to_string(),
                titles: inside.into_iter().map(|(_, title)| title).collect(),
            }),
        }
    }

    /// The id whose own file the name is: `<id>.toml`, or a path leading to
    /// that very file.
    fn own_file(&self, given: &str, ids: &[String]) -> Option<String> {
        let name = Path::new(given).file_name()?.to_str()?;
        let id = name.strip_suffix(".toml")?;
        if !ids.iter().any(|known| known == id) {
            return None;
        }
        let same = name == given
            || fs::canonicalize(given)
                .ok()
                .zip(fs::canonicalize(self.path_of(id)).ok())
                .is_some_and(|(a, b)| a == b);
        same.then(|| id.to_string())
    }
}

/// Text as a title match sees it: folded as search folds it (case and
/// accents aside, so "resume" finds "Résumé"), single spaces.
fn normalized(text: &str) -> String {
    // Folded first: a spacing accent (´) folds to a space, which would
    // otherwise be "in" every title of two words.
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The titles a word is only inside of, for the line that says so.
pub(super) fn inside(titles: &[String]) -> String {
    match titles {
        [one] => format!("the title \"{one}\""),
        [first, ..] => format!("{} titles (\"{first}\", …)", titles.len()),
        [] => "no title".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{guide, store};
    use time::macros::datetime;

    #[test]
    fn prefixes_resolve_when_unique_and_list_candidates_when_not() {
        let (_dir, store) = store();
        let now = datetime!(2026-11-29 09:00 UTC);
        store.create("alpha", now, guide()).expect("create");
        store.create("alps", now, guide()).expect("create");
        assert_eq!(
            store.resolve("2026-11-29-alph").expect("unique"),
            "2026-11-29-alpha"
        );
        match store.resolve("2026-11-29-al") {
            Err(StoreError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 2),
            other => panic!("expected ambiguity, got {other:?}"),
        }
        assert!(matches!(store.resolve("zzz"), Err(StoreError::NotFound(_))));
        assert!(matches!(
            store.resolve("../x"),
            Err(StoreError::NotFound(_))
        ));
    }

    #[test]
    fn a_title_names_a_reflection_when_no_id_starts_so() {
        let (_dir, store) = store();
        let now = datetime!(2026-11-29 09:00 UTC);
        store
            .create("Missed the promotion", now, guide())
            .expect("create");
        store
            .create("Missed the deadline", now, guide())
            .expect("create");
        store.create("Laid off", now, guide()).expect("create");
        // Case and spacing aside; the start of a title first.
        assert_eq!(
            store.resolve("MISSED  the p").expect("by title"),
            "2026-11-29-missed-the-promotion"
        );
        assert_eq!(
            store.resolve("off").expect("words inside"),
            "2026-11-29-laid-off"
        );
        assert_eq!(
            store.resolve("the deadline").expect("words inside"),
            "2026-11-29-missed-the-deadline"
        );
        match store.resolve("missed") {
            Err(e @ StoreError::Ambiguous { .. }) => {
                let lines = e.candidate_lines().expect("candidates");
                assert_eq!(lines.len(), 2, "{lines:?}");
                assert!(lines.iter().any(|l| l.ends_with("Missed the deadline")));
                assert!(lines.iter().any(|l| l.ends_with("Missed the promotion")));
            }
            other => panic!("expected ambiguity, got {other:?}"),
        }
        assert!(matches!(store.resolve("  "), Err(StoreError::NotFound(_))));
    }

    /// Found in review: `delete --yes off` trashed "Laid off", found by a
    /// word inside its title. Deleting takes an id, the start of one, the
    /// file name or the start of a title, and says why it stops otherwise.
    #[test]
    fn delete_takes_the_start_of_a_title_never_a_word_inside_it() {
        let (_dir, store) = store();
        let now = datetime!(2026-11-29 09:00 UTC);
        store.create("Laid off", now, guide()).expect("create");
        match store.resolve_to_delete("off") {
            Err(e @ StoreError::OnlyInsideTitles { .. }) => {
                let line = e.to_string();
                assert!(line.contains("the title \"Laid off\""), "{line}");
                assert!(line.contains("start of its title"), "{line}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        for given in ["laid", "2026-11-29-la", "2026-11-29-laid-off.toml"] {
            assert_eq!(
                store.resolve_to_delete(given).expect(given),
                "2026-11-29-laid-off"
            );
        }
        assert!(matches!(
            store.resolve_to_delete("hired"),
            Err(StoreError::NotFound(_))
        ));
    }

    /// Found in review: `show résumé` worked and `show resume` did not,
    /// while home's search finds both. Titles are folded as search folds.
    #[test]
    fn a_title_is_named_without_its_accents_or_case() {
        let (_dir, store) = store();
        let now = datetime!(2026-11-29 09:00 UTC);
        let resume = store.create("Résumé gaps", now, guide()).expect("create");
        let strasse = store.create("Die Straße", now, guide()).expect("create");
        for given in ["resume", "RÉSUMÉ  gaps", "gaps"] {
            assert_eq!(store.resolve(given).expect(given), resume.id, "{given}");
        }
        assert_eq!(store.resolve("strasse").expect("ß as ss"), strasse.id);
        // A lone spacing accent folds to nothing, not to a space that is in
        // every title of two words (third new-user walk).
        assert!(matches!(
            store.resolve("\u{b4}"),
            Err(StoreError::NotFound(_))
        ));
    }

    /// A reflection's own file name (as `ls` shows it), or a path to it,
    /// names that reflection, even when the file will not load.
    #[test]
    fn a_reflections_file_name_or_path_names_it() {
        let (_dir, store) = store();
        let r = store
            .create("Broken", datetime!(2026-11-01 09:00 UTC), guide())
            .expect("create");
        fs::write(store.path_of(&r.id), "steps = [").expect("broken");
        let name = format!("{}.toml", r.id);
        assert_eq!(store.resolve(&name).expect("by name"), r.id);
        let path = store.path_of(&r.id);
        assert_eq!(store.resolve(&path.to_string_lossy()).expect("path"), r.id);
        assert!(matches!(
            store.resolve("/elsewhere/2026-11-01-broken.toml"),
            Err(StoreError::NotFound(_))
        ));
    }
}
