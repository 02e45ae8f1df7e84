//! Finding a reflection: every word typed must appear in its title or in any
//! of its answers, ignoring case and accents; titles also match loosely
//! ("clnt" finds "the client we lost"), since a title is what people half
//! remember.
//!
//! Text is compared folded: each character decomposed (NFKD), its accents
//! and other combining marks dropped, then case-folded, so `resume` finds
//! `Résumé` whether the file holds it composed or decomposed. Every folded
//! character remembers the character it came from, so snippets and
//! highlights show the text as written.

use std::collections::HashMap;

use caseless::Caseless;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::guide::{FieldKind, Guide};
use crate::reflection::Reflection;
use crate::store::{Store, StoreError};

/// The search index, in the data dir beside `reflections/`, kept apart from
/// the summary index so a plain listing never loads answer text.
const INDEX_FILE: &str = "search-index.json";
/// An index saved under another version is rebuilt: bump it whenever
/// `searchable_text` changes what it holds.
const INDEX_VERSION: u32 = 2;

/// Everything a person wrote in a reflection, one answer (or list item) a
/// line, for searching. Ticked options count by their labels.
pub fn searchable_text(r: &Reflection, guide: &Guide) -> String {
    let mut lines: Vec<String> = Vec::new();
    for stage in guide.walk() {
        for field in &guide.stage(stage).fields {
            let key = field.key.as_str();
            match field.kind {
                FieldKind::Line | FieldKind::Text | FieldKind::Date => {
                    lines.extend(r.text(stage, key).lines().map(str::to_string));
                }
                FieldKind::List => lines.extend(r.list(stage, key)),
                FieldKind::Checklist => {
                    let checked = r.list(stage, key);
                    lines.extend(
                        field
                            .options
                            .iter()
                            .filter(|o| checked.contains(&o.key))
                            .map(|o| o.label.clone()),
                    );
                }
                FieldKind::Actions => {
                    lines.extend(r.actions(stage, key).into_iter().map(|a| a.text));
                }
                FieldKind::Rating => {}
            }
        }
    }
    lines.retain(|l| !l.trim().is_empty());
    lines.join("\n")
}

/// Every readable reflection's searchable text, by id, through the search
/// index, so only reflections changed since it was last brought up to date
/// are read.
pub fn stored_texts(store: &Store) -> Result<Vec<(String, String)>, StoreError> {
    store.indexed_texts(INDEX_FILE, INDEX_VERSION, |r| {
        searchable_text(r, &crate::guides::guide_for(r).guide)
    })
}

/// What a search line asks for: folded words, all of which must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

/// Why a reflection matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Every word was found in the title (exactly or loosely).
    pub title_only: bool,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        Query {
            // Split again after folding: a spacing accent (`´`, `¨`) folds to
            // a space, and a space in a term would match, and highlight,
            // every space. A lone accent folds to nothing, which would match
            // anything; split_whitespace drops both.
            terms: text
                .split_whitespace()
                .flat_map(|word| {
                    fold(word)
                        .split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether a reflection matches, given its title and its answers already
    /// folded (once, not on every keystroke; see [`Corpus`] and [`fold`]).
    pub fn matches(&self, title_lower: &str, answers_lower: &str) -> Option<Hit> {
        let mut title_only = true;
        for term in &self.terms {
            if title_lower.contains(term.as_str()) || loosely_in(term, title_lower) {
                continue;
            }
            if answers_lower.contains(term.as_str()) {
                title_only = false;
                continue;
            }
            return None;
        }
        Some(Hit { title_only })
    }

    /// The line of the answers that holds the most of the searched words the
    /// title does not, cut to about `width` characters around the longest of
    /// them: it shows why a reflection matched.
    pub fn snippet(&self, title_lower: &str, answers: &str, width: usize) -> Option<String> {
        let in_title = |t: &&String| title_lower.contains(t.as_str()) || loosely_in(t, title_lower);
        let mut terms: Vec<&String> = self.terms.iter().filter(|t| !in_title(t)).collect();
        if terms.is_empty() {
            terms = self.terms.iter().collect();
        }
        let (line, lower, _) = answers
            .lines()
            .map(|line| {
                let lower = fold(line);
                let found = terms.iter().filter(|t| lower.contains(t.as_str())).count();
                (line, lower, found)
            })
            .filter(|(_, _, found)| *found > 0)
            // The first of the best lines: max_by_key would keep the last.
            .fold(
                None,
                |best: Option<(&str, String, usize)>, next| match best {
                    Some(b) if b.2 >= next.2 => Some(b),
                    _ => Some(next),
                },
            )?;
        let term = terms
            .iter()
            .filter(|t| lower.contains(t.as_str()))
            .max_by_key(|t| t.chars().count())?;
        // Found in the folded line, then mapped back to the characters as
        // written (a folded character may come from a longer or shorter one).
        let chars: Vec<char> = line.trim_end().chars().collect();
        let folded = Folded::of(&chars);
        let (_, at, end_of_match) = folded
            .find(&term.chars().collect::<Vec<_>>(), 0)
            .unwrap_or((0, 0, 0));
        let term_len = end_of_match - at;
        let start = at.saturating_sub(width / 3);
        let end = (start + width).min(chars.len());
        let mut start = end.saturating_sub(width).min(start);
        let mut end = end;
        // Whole words at both ends, where that still shows the match.
        let word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
        if start > 0
            && word(start - 1)
            && let Some(space) = (start..at).find(|&i| chars[i] == ' ')
        {
            start = space + 1;
        }
        if end < chars.len() && word(end) {
            let match_end = (at + term_len).min(end);
            if let Some(space) = (match_end..end).rev().find(|&i| chars[i] == ' ') {
                end = space;
            }
        }
        let mut cut: String = chars[start..end].iter().collect();
        if start > 0 {
            cut.insert(0, '…');
        }
        if end < chars.len() {
            cut.push('…');
        }
        Some(cut.trim().to_string())
    }
}

impl Query {
    /// Where the searched words occur in `text`, as character ranges in
    /// order, for showing them in bold.
    pub fn highlights(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let chars: Vec<char> = text.chars().collect();
        let folded = Folded::of(&chars);
        let mut marked = vec![false; chars.len()];
        for term in &self.terms {
            let wanted: Vec<char> = term.chars().collect();
            let mut from = 0;
            while let Some((at, start, end)) = folded.find(&wanted, from) {
                marked[start..end].fill(true);
                from = at + 1;
            }
        }
        let mut ranges = Vec::new();
        let mut open = None;
        for (i, &m) in marked.iter().chain(std::iter::once(&false)).enumerate() {
            match (m, open) {
                (true, None) => open = Some(i),
                (false, Some(start)) => {
                    ranges.push(start..i);
                    open = None;
                }
                _ => {}
            }
        }
        ranges
    }
}

/// Text as search compares it: decomposed, without accents, case-folded.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// One character folded: none (an accent), one, or several (`ß` is `ss`).
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            for f in std::iter::once(d).default_case_fold() {
                if !is_combining_mark(f) {
                    emit(f);
                }
            }
        }
    });
}

/// A line folded, with the character each folded one came from.
struct Folded {
    chars: Vec<char>,
    origin: Vec<usize>,
    /// How many characters the original has.
    len: usize,
}

impl Folded {
    fn of(original: &[char]) -> Folded {
        let mut folded = Folded {
            chars: Vec::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len()),
            len: original.len(),
        };
        for (i, &c) in original.iter().enumerate() {
            fold_char(c, |f| {
                folded.chars.push(f);
                folded.origin.push(i);
            });
        }
        folded
    }

    /// The first match of `wanted` at folded position `from` or later: that
    /// position, and the start and end of the original characters it covers.
    /// The end runs to the next character that folds to something, so
    /// accents written apart from their letter are part of the match.
    fn find(&self, wanted: &[char], from: usize) -> Option<(usize, usize, usize)> {
        if wanted.is_empty() || wanted.len() > self.chars.len() {
            return None;
        }
        let at = (from..=self.chars.len() - wanted.len())
            .find(|&i| self.chars[i..i + wanted.len()] == *wanted)?;
        let end = self
            .origin
            .get(at + wanted.len())
            .copied()
            .unwrap_or(self.len);
        Some((at, self.origin[at], end.max(self.origin[at] + 1)))
    }
}

/// A loose title match: the word's letters appear in order, starting at the
/// beginning of a word and spread over no more than twice the word's length.
/// Short words must match exactly, or they would match almost anything.
fn loosely_in(term: &str, title: &str) -> bool {
    let length = term.chars().count();
    let Some(first) = term.chars().next().filter(|_| length >= 3) else {
        return false;
    };
    // No allocation: this runs for every title on every keystroke.
    let mut previous_was_letter = false;
    for (at, c) in title.char_indices() {
        let word_start = !previous_was_letter;
        previous_was_letter = c.is_alphanumeric();
        if c != first || !word_start {
            continue;
        }
        let mut wanted = term.chars().peekable();
        for c in title[at..].chars().take(length * 2) {
            if wanted.peek() == Some(&c) {
                wanted.next();
            }
            if wanted.peek().is_none() {
                return true;
            }
        }
    }
    false
}

/// The answers of every reflection, ready to search: the text as written
/// (for snippets) and folded (for matching).
#[derive(Debug, Default)]
pub struct Corpus {
    texts: HashMap<String, (String, String)>,
}

impl Corpus {
    pub fn new(texts: impl IntoIterator<Item = (String, String)>) -> Corpus {
        let mut corpus = Corpus::default();
        for (id, text) in texts {
            corpus.insert(id, text);
        }
        corpus
    }

    pub fn insert(&mut self, id: String, text: String) {
        let folded = fold(&text);
        self.texts.insert(id, (text, folded));
    }

    pub fn text(&self, id: &str) -> &str {
        self.texts.get(id).map_or("", |(text, _)| text)
    }

    pub fn folded(&self, id: &str) -> &str {
        self.texts.get(id).map_or("", |(_, lower)| lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::sample_reflection;
    use crate::stage::{FullStages, Stage};

    #[test]
    fn every_word_must_match_the_title_or_an_answer() {
        let q = Query::parse("Client  LOST");
        assert_eq!(
            q.matches("the client we lost", ""),
            Some(Hit { title_only: true })
        );
        assert_eq!(
            q.matches("q3 review", "we lost the big client in march"),
            Some(Hit { title_only: false })
        );
        assert_eq!(q.matches("the client", "nothing here"), None);
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn titles_match_loosely_but_answers_and_short_words_do_not() {
        assert!(
            Query::parse("clnt")
                .matches("the client we lost", "")
                .is_some()
        );
        assert!(
            Query::parse("promo")
                .matches("missed promotion", "")
                .is_some()
        );
        assert!(Query::parse("clnt").matches("other", "client").is_none());
        // Letters scattered across the title are not a match.
        assert!(
            Query::parse("tcwl")
                .matches("the client we lost", "")
                .is_none()
        );
        assert!(Query::parse("xy").matches("x and y", "").is_none());
    }

    #[test]
    fn a_snippet_shows_the_matching_words_in_the_original_case() {
        let q = Query::parse("client");
        let text = "First line\nIn March we lost the Acme Client after a long and slow decline";
        assert_eq!(
            q.snippet("", text, 24).as_deref(),
            Some("…Acme Client after a…")
        );
        assert_eq!(q.snippet("", "no match", 24), None);
        // Characters whose lower case is longer never shift or break the cut.
        let turkish = format!("{}client", "İ".repeat(50));
        assert!(
            q.snippet("", &turkish, 24)
                .is_some_and(|s| s.contains("client"))
        );
        assert_eq!(
            q.snippet("", "İİİİİİİİ we lost the client today", 40)
                .as_deref(),
            Some("İİİİİİİİ we lost the client today")
        );
        // The line holding most of the words wins over the first one that has any.
        let q = Query::parse("the client we lost");
        assert_eq!(
            q.snippet("", "Launch the scheduler\nWe lost the client", 40)
                .as_deref(),
            Some("We lost the client")
        );
        // Words the title already holds do not choose the line.
        let q = Query::parse("acme forty");
        let answers = "Stay at Acme through the Series C\nLaid off with forty others";
        assert_eq!(
            q.snippet("layoff at acme corp", answers, 60).as_deref(),
            Some("Laid off with forty others")
        );
    }

    #[test]
    fn matched_words_are_found_for_highlighting() {
        let q = Query::parse("lost CLIENT");
        assert_eq!(q.highlights("We lost the Client"), [3..7, 12..18]);
        assert!(Query::parse("zebra").highlights("no").is_empty());
    }

    /// Found by a new user (issue 10): `cafe` found a decomposed `Café` but
    /// not the composed one, `resume` did not find `résumé`, and snippets
    /// dropped the accent.
    #[test]
    fn accents_and_case_are_ignored_and_shown_as_written() {
        let composed = "Lunch at the Caf\u{e9} with my r\u{e9}sum\u{e9}";
        let decomposed = "Lunch at the Cafe\u{301} with my re\u{301}sume\u{301}";
        for text in [composed, decomposed] {
            let folded = fold(text);
            for words in ["cafe", "CAFÉ", "resume", "Résumé", "cafe\u{301}"] {
                assert!(
                    Query::parse(words).matches("", &folded).is_some(),
                    "{words} in {text:?}"
                );
            }
            let q = Query::parse("resume");
            let snippet = q.snippet("", text, 60).expect("a snippet");
            assert_eq!(snippet, text, "the snippet keeps the accents");
            let chars: Vec<char> = text.chars().collect();
            let marked: Vec<String> = q
                .highlights(text)
                .into_iter()
                .map(|r| chars[r].iter().collect())
                .collect();
            let resume = if text == composed {
                "r\u{e9}sum\u{e9}"
            } else {
                "re\u{301}sume\u{301}"
            };
            assert_eq!(
                marked,
                [resume],
                "the highlight covers the word and its accents"
            );
        }
        // Full case folding, not only lower case; titles too.
        assert!(
            Query::parse("strasse")
                .matches(&fold("Die Stra\u{df}e"), "")
                .is_some()
        );
        assert!(
            Query::parse("\u{3c3}\u{3bf}\u{3c6}\u{3bf}\u{3c2}")
                .matches("", &fold("\u{3a3}\u{39f}\u{3a6}\u{39f}\u{3a3}"))
                .is_some()
        );
        assert!(
            Query::parse("naive")
                .matches(&fold("Na\u{ef}ve plans"), "")
                .is_some()
        );
        // A word that is only an accent asks for nothing.
        assert!(Query::parse("\u{301}").is_empty());
        // Highlights land on the right characters after a longer folding.
        let q = Query::parse("lost");
        assert_eq!(q.highlights("Stra\u{df}e lost"), vec![7..11_usize]);
    }

    /// Found in review (issue 10): NFKD turns a spacing accent (`´`, `¨`,
    /// `¯`) into a space and a combining mark, so searching for `´` looked
    /// for a space: every answer matched and every space was highlighted.
    #[test]
    fn a_lone_spacing_accent_searches_for_nothing() {
        for accent in ["\u{b4}", "\u{a8}", "\u{af}", "\u{b4} \u{a8}\u{af}  \u{2d8}"] {
            let q = Query::parse(accent);
            assert!(q.is_empty(), "{accent:?} asks for {:?}", q.terms);
            assert!(q.highlights("we lost the client").is_empty());
        }
        // Beside a real word it changes nothing.
        let q = Query::parse("client \u{b4}");
        assert_eq!(q.terms, ["client"]);
        assert_eq!(q.highlights("we lost the client"), vec![12..18_usize]);
        assert!(q.matches("", "client").is_some());
        // Compatibility forms still fold to what they look like, and a
        // ligature that stands for several words becomes those words.
        assert!(Query::parse("\u{fb01}le").matches("", "file").is_some());
        assert!(Query::parse("q\u{b2}").matches("", "q2 review").is_some());
        assert!(
            Query::parse("\u{fdfa}")
                .terms
                .iter()
                .all(|t| !t.contains(char::is_whitespace))
        );
    }

    proptest::proptest! {
        #[test]
        fn no_searched_word_is_empty_or_holds_a_space(text in "\\PC*") {
            for term in &Query::parse(&text).terms {
                proptest::prop_assert!(!term.is_empty());
                proptest::prop_assert!(!term.contains(char::is_whitespace), "{:?}", term);
            }
        }
    }

    #[test]
    fn the_private_writing_is_never_searched() {
        // A search result shows a snippet on home, where anyone nearby reads it.
        let guide = Guide::builtin().expect("guide");
        let mut r = sample_reflection();
        r.set_writing("furious about the all-hands".into());
        assert!(!searchable_text(&r, guide).contains("furious"));
    }

    #[test]
    fn searchable_text_holds_every_kind_of_answer() {
        let guide = Guide::builtin().expect("guide");
        let mut r = sample_reflection();
        r.set_text(Stage::Perspective, "expected", "Ship in May".into());
        r.set_list(
            Stage::Network,
            "communities",
            vec!["Clinic ops forum".into()],
        );
        r.toggle_check(Stage::Deconstruct, "causes", "external");
        let text = searchable_text(&r, guide);
        assert!(text.contains("Ship in May"));
        assert!(text.contains("Clinic ops forum"));
        assert!(text.contains("Things outside my control"));
    }

    #[test]
    fn stored_texts_are_the_searchable_text_kept_in_the_search_index() {
        let guide = Guide::builtin().expect("guide");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("open store");
        let mut r = sample_reflection();
        r.set_text(Stage::Perspective, "expected", "Ship in May".into());
        store.save(&r, guide).expect("save");
        let texts = stored_texts(&store).expect("texts");
        assert_eq!(texts, [(r.id.clone(), searchable_text(&r, guide))]);
        assert!(dir.path().join("search-index.json").exists());
    }
}
