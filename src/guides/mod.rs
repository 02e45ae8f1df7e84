//! The catalogue of guides: the built-in ones and people's own guide files, checked once.
//!
//! An own guide is any `*.toml` in the guides folder (`REBOUND_GUIDES_DIR`,
//! else `<config dir>/rebound/guides/`), named by its file stem. A broken
//! file is reported in one line and skipped: it never hides the other guides, never
//! replaces a built-in one, and never stops the program.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::guide::{self, Guide, GuideError};

mod resolve;

pub use resolve::{Resolved, guide_for, named_or_default, places_for};

/// Far more than any guide written by hand; a file this large in the folder
/// is something else, reported rather than read into memory.
const LARGEST_GUIDE_BYTES: u64 = 1 << 20;
/// Own guides read at most: a folder of thousands (a mistaken copy, a
/// synced archive) must not hold up every start or fill memory.
const MOST_OWN_GUIDES: usize = 200;

/// Long enough for "passed-over-interview", short enough to list in a column.
const LONGEST_NAME: usize = 40;

/// The guides shipped in the binary, by name, the default first.
const BUILT_IN: [(&str, &str); 5] = [
    (guide::DEFAULT_NAME, guide::GUIDE_TOML),
    (
        "ten-minute",
        include_str!("../../assets/guides/ten-minute.toml"),
    ),
    (
        "job-loss",
        include_str!("../../assets/guides/job-loss.toml"),
    ),
    (
        "passed-over",
        include_str!("../../assets/guides/passed-over.toml"),
    ),
    (
        "failed-project",
        include_str!("../../assets/guides/failed-project.toml"),
    ),
];

/// Where a guide came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    /// A file in the person's guides folder.
    Yours(PathBuf),
}

/// A guide that loaded, with the text it was read from.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub origin: Origin,
    /// The TOML exactly as stored: what `rebound guides show` prints.
    pub text: Cow<'static, str>,
    pub guide: Cow<'static, Guide>,
}

impl Entry {
    /// How long it takes: the guide's own word on it, or else how much it asks.
    pub fn length(&self) -> String {
        match &self.guide.minutes {
            // A person's own file: cleaned and kept to one short line, like
            // the title, before it reaches a terminal.
            Some(minutes) => format!(
                "{} minutes",
                crate::text::fit(&crate::text::printable_line(minutes.trim()), 20)
            ),
            None => match self.guide.question_count() {
                1 => "1 question".to_string(),
                n => format!("{n} questions"),
            },
        }
    }
}

/// A guide file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// Line and column, counted from 1, when the mistake has a place in the text.
    pub at: Option<(usize, usize)>,
    pub what: String,
}

impl Problem {
    /// The same line with the file's name in place of its path: on home,
    /// where every guide file is in the one folder and room is short.
    pub fn brief(&self) -> String {
        let file = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match self.at {
            Some((line, column)) => format!("{file}:{line}:{column}: {}", self.what),
            None => format!("{file}: {}", self.what),
        }
    }
}

impl fmt::Display for Problem {
    /// `path:line:column: what`, the form editors and terminals jump to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => {
                write!(f, "{}:{line}:{column}: {}", self.path.display(), self.what)
            }
            None => write!(f, "{}: {}", self.path.display(), self.what),
        }
    }
}

/// Every guide rebound knows, and the files in the guides folder that are not guides.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// The built-in guides first, the default leading; then own guides by name.
    pub guides: Vec<Entry>,
    pub problems: Vec<Problem>,
    /// The folder own guides are read from, if there is a home to put it in.
    pub dir: Option<PathBuf>,
}

impl Catalogue {
    /// The catalogue for this run, read the first time it is asked for.
    pub fn get() -> &'static Catalogue {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| Catalogue::load(own_dir()))
    }

    /// The built-in guides and every guide file in `dir` (none if it is not there).
    pub fn load(dir: Option<PathBuf>) -> Catalogue {
        let mut catalogue = Catalogue {
            dir,
            ..Catalogue::default()
        };
        for (name, text) in BUILT_IN {
            // The default is already parsed for the stages; read it once.
            let guide = if name == guide::DEFAULT_NAME {
                Guide::builtin().map(Cow::Borrowed)
            } else {
                Guide::parse(text).map(Cow::Owned)
            };
            match guide {
                Ok(guide) => catalogue.guides.push(Entry {
                    name: name.to_string(),
                    origin: Origin::BuiltIn,
                    text: Cow::Borrowed(text),
                    guide,
                }),
                Err(what) => catalogue.problems.push(Problem {
                    path: PathBuf::from(format!("assets/guides/{name}.toml")),
                    at: None,
                    what,
                }),
            }
        }
        if let Some(dir) = catalogue.dir.clone() {
            catalogue.read_own(&dir);
        }
        catalogue.check_deeper();
        catalogue
    }

    /// A guide that goes deeper in another must name one that is there and
    /// asks all its questions; one that does not is set aside and named.
    fn check_deeper(&mut self) {
        // Setting one aside can break another that goes deeper in it: again
        // until none is.
        while self.set_aside_broken_deeper() {}
    }

    /// One pass of `check_deeper`; whether it set any guide aside.
    fn set_aside_broken_deeper(&mut self) -> bool {
        let mut wrong = Vec::new();
        for entry in &self.guides {
            let Some(deeper) = &entry.guide.deeper else {
                continue;
            };
            let why = match self.named(deeper) {
                None => format!("it goes deeper in \"{deeper}\", which is not a guide here"),
                Some(there) => match entry.guide.continues_in(&there.guide) {
                    Ok(()) => continue,
                    Err(e) => format!("it goes deeper in \"{deeper}\", but {e}"),
                },
            };
            wrong.push((entry.name.clone(), why));
        }
        let any = !wrong.is_empty();
        for (name, what) in wrong {
            let Some(at) = self.guides.iter().position(|g| g.name == name) else {
                continue;
            };
            let entry = self.guides.remove(at);
            let path = match entry.origin {
                Origin::Yours(path) => path,
                Origin::BuiltIn => PathBuf::from(format!("assets/guides/{name}.toml")),
            };
            self.problems.push(Problem {
                path,
                at: None,
                what,
            });
        }
        any
    }

    /// The guide with this name.
    pub fn named(&self, name: &str) -> Option<&Entry> {
        self.guides.iter().find(|g| g.name == name)
    }

    pub fn names(&self) -> Vec<&str> {
        self.guides.iter().map(|g| g.name.as_str()).collect()
    }

    /// The problem with the own guide file of this name, if it did not load.
    pub fn problem_named(&self, name: &str) -> Option<&Problem> {
        self.problems
            .iter()
            .find(|p| p.path.file_stem().and_then(|s| s.to_str()) == Some(name))
    }

    fn read_own(&mut self, dir: &Path) {
        let listed = match std::fs::read_dir(dir) {
            Ok(listed) => listed,
            // No folder is the usual case: nobody has written a guide.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(e) => {
                self.problems.push(Problem {
                    path: dir.to_path_buf(),
                    at: None,
                    what: format!("the guides folder could not be read: {e}"),
                });
                return;
            }
        };
        let mut paths: Vec<PathBuf> = listed
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            // Hidden files are an editor's or a sync tool's, not the person's.
            .filter(|path| {
                !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        if paths.len() > MOST_OWN_GUIDES {
            self.problems.push(Problem {
                path: dir.to_path_buf(),
                at: None,
                what: format!(
                    "{} guide files; the first {MOST_OWN_GUIDES} by name are read, the rest are not",
                    paths.len()
                ),
            });
            paths.truncate(MOST_OWN_GUIDES);
        }
        for path in paths {
            match read_guide_file(&path, &self.names()) {
                Ok(Some(entry)) => self.guides.push(entry),
                Ok(None) => {}
                Err((at, what)) => self.problems.push(Problem { path, at, what }),
            }
        }
    }
}

/// The guides folder: `REBOUND_GUIDES_DIR` (empty counts as unset), else the
/// platform's config folder (which honours `XDG_CONFIG_HOME` on Linux).
pub fn own_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("REBOUND_GUIDES_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "rebound")
                .map(|dirs| dirs.config_dir().join("guides"))
        })?;
    // Absolute, so a problem names the file wherever rebound was started.
    Some(std::path::absolute(&dir).unwrap_or(dir))
}

type Located = (Option<(usize, usize)>, String);

/// One guide file read and checked; `None` for what is not a file at all.
fn read_guide_file(path: &Path, taken: &[&str]) -> Result<Option<Entry>, Located> {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| is_slug(s))
        .ok_or_else(|| {
            (
                None,
                format!(
                    "a guide's file name is its name: lower-case letters, digits and hyphens (at most {LONGEST_NAME}), like my-guide.toml"
                ),
            )
        })?;
    if taken.contains(&name) {
        return Err((
            None,
            format!("a built-in guide is already named \"{name}\"; rename the file to use it"),
        ));
    }
    let meta = std::fs::metadata(path).map_err(|e| (None, format!("could not be read: {e}")))?;
    if !meta.is_file() {
        return Ok(None);
    }
    if meta.len() > LARGEST_GUIDE_BYTES {
        return Err((None, "too large to be a guide (over 1 MB)".to_string()));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::InvalidData {
            "it is not UTF-8 text".to_string()
        } else {
            e.to_string()
        };
        (None, format!("could not be read: {why}"))
    })?;
    let guide = Guide::read(&text).map_err(|e| match e {
        GuideError::Syntax { message, span } => {
            (span.map(|s| line_and_column(&text, s.start)), message)
        }
        GuideError::Invalid(what) => (None, what),
    })?;
    Ok(Some(Entry {
        name: name.to_string(),
        origin: Origin::Yours(path.to_path_buf()),
        text: Cow::Owned(text),
        guide: Cow::Owned(guide),
    }))
}

/// A name safe in a file name, a command line and a reflection file:
/// lower-case ASCII letters, digits and single inner hyphens.
fn is_slug(name: &str) -> bool {
    name.len() <= LONGEST_NAME && crate::text::is_slug(name)
}

/// Line and column (from 1, the column in characters) of a byte offset.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("write guide");
        }
        dir
    }

    fn catalogue(dir: &tempfile::TempDir) -> Catalogue {
        Catalogue::load(Some(dir.path().to_path_buf()))
    }

    fn own_guide(title: &str) -> String {
        guide::GUIDE_TOML.replacen(
            "title = \"The full guide\"",
            &format!("title = \"{title}\""),
            1,
        )
    }

    /// Every built-in guide's name, then `own`: the order `names` lists them.
    fn built_in_and<'a>(own: &[&'a str]) -> Vec<&'a str> {
        BUILT_IN
            .iter()
            .map(|(name, _)| *name)
            .chain(own.iter().copied())
            .collect()
    }

    fn problem_for<'a>(catalogue: &'a Catalogue, file: &str) -> &'a Problem {
        catalogue
            .problems
            .iter()
            .find(|p| p.path.file_name().is_some_and(|n| n == file))
            .unwrap_or_else(|| panic!("{file} is reported: {:?}", catalogue.problems))
    }

    #[test]
    fn with_no_guides_folder_there_is_the_full_guide_and_nothing_to_report() {
        let dir = tempfile::tempdir().expect("temp dir");
        let catalogue = Catalogue::load(Some(dir.path().join("not-made-yet")));
        assert_eq!(catalogue.names(), built_in_and(&[]));
        assert!(catalogue.problems.is_empty(), "{:?}", catalogue.problems);
        let full = catalogue.named("full").expect("full");
        assert_eq!(full.origin, Origin::BuiltIn);
        assert_eq!(full.text, guide::GUIDE_TOML);
        assert_eq!(full.length(), "45–70 minutes");
    }

    #[test]
    fn an_own_guide_is_named_by_its_file_and_listed_after_the_built_in_ones() {
        let dir = folder(&[
            ("coach.toml", &own_guide("From my coach")),
            ("notes.txt", "not a guide, not looked at"),
        ]);
        let catalogue = catalogue(&dir);
        assert_eq!(catalogue.names(), built_in_and(&["coach"]));
        let coach = catalogue.named("coach").expect("coach");
        assert_eq!(coach.guide.title.as_deref(), Some("From my coach"));
        assert_eq!(coach.origin, Origin::Yours(dir.path().join("coach.toml")));
        assert!(catalogue.problems.is_empty(), "{:?}", catalogue.problems);
    }

    /// Found in review: a folder of thousands of guide files was read whole
    /// at every start.
    #[test]
    fn a_folder_of_too_many_guides_is_read_only_so_far_and_says_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = own_guide("Copy");
        for i in 0..=MOST_OWN_GUIDES {
            std::fs::write(dir.path().join(format!("copy-{i:04}.toml")), &text).expect("write");
        }
        let catalogue = catalogue(&dir);
        assert_eq!(catalogue.names().len(), BUILT_IN.len() + MOST_OWN_GUIDES);
        assert!(
            catalogue
                .problems
                .iter()
                .any(|p| p.what.contains("the rest are not")),
            "{:?}",
            catalogue.problems
        );
    }

    /// Found in review: a guide's length was printed as written, escape
    /// sequences and line breaks included.
    #[test]
    fn a_guides_length_reaches_the_terminal_cleaned_and_on_one_line() {
        let text = own_guide("Odd").replacen(
            "minutes = \"45–70\"",
            "minutes = \"\\u001b]0;PWNED\\u0007\\u001b[31m1\\nsecond line\"",
            1,
        );
        let dir = folder(&[("odd.toml", &text)]);
        let length = catalogue(&dir).named("odd").expect("odd").length();
        assert!(!length.chars().any(char::is_control), "{length:?}");
        assert!(length.ends_with(" minutes"), "{length:?}");
    }

    #[test]
    fn a_guide_without_minutes_is_as_long_as_its_questions() {
        let text = own_guide("Short").replacen("minutes = \"45–70\"\n", "", 1);
        let dir = folder(&[("short.toml", &text)]);
        let catalogue = catalogue(&dir);
        assert_eq!(
            catalogue.named("short").expect("short").length(),
            "34 questions"
        );
    }

    #[test]
    fn a_toml_mistake_is_named_by_line_and_column_and_the_others_still_load() {
        let broken = "title = \"Mine\"\nminutes = 45–70\n";
        let dir = folder(&[("broken.toml", broken), ("good.toml", &own_guide("Good"))]);
        let catalogue = catalogue(&dir);
        assert_eq!(catalogue.names(), built_in_and(&["good"]));
        let problem = problem_for(&catalogue, "broken.toml");
        assert_eq!(problem.at, Some((2, 11)), "{problem}");
        let line = problem.to_string();
        assert!(
            line.starts_with(&format!(
                "{}:2:11: ",
                dir.path().join("broken.toml").display()
            )),
            "{line}"
        );
        assert!(!line.contains('\n'), "one line: {line}");
        assert!(
            problem.brief().starts_with("broken.toml:2:11: "),
            "{problem}"
        );
    }

    #[test]
    fn a_missing_plan_or_an_unknown_key_is_named_where_toml_finds_it() {
        let typo = own_guide("Typo").replacen("summary =", "sumary =", 1);
        let dir = folder(&[("typo.toml", &typo)]);
        let catalogue = catalogue(&dir);
        let problem = problem_for(&catalogue, "typo.toml");
        let line = typo
            .lines()
            .position(|l| l.starts_with("sumary"))
            .expect("typo")
            + 1;
        assert_eq!(problem.at.map(|(l, _)| l), Some(line), "{problem}");
        assert!(problem.what.contains("sumary"), "{problem}");
    }

    #[test]
    fn a_role_on_the_wrong_kind_of_question_is_reported_with_the_rule_and_no_place() {
        let text = own_guide("Mine").replacen("role = \"goals\"", "role = \"odds\"", 1);
        let dir = folder(&[("mine.toml", &text)]);
        let catalogue = catalogue(&dir);
        let problem = problem_for(&catalogue, "mine.toml");
        assert_eq!(problem.at, None);
        assert!(
            problem.what.contains("goals.objectives has role odds"),
            "{problem}"
        );
        assert_eq!(
            problem.to_string(),
            format!(
                "{}: {}",
                dir.path().join("mine.toml").display(),
                problem.what
            )
        );
        assert_eq!(catalogue.names(), built_in_and(&[]));
    }

    #[test]
    fn a_file_name_that_is_not_a_safe_name_is_reported_not_loaded() {
        let good = own_guide("Fine");
        let dir = folder(&[
            ("My Guide.toml", &good),
            ("coach (conflicted copy).toml", &good),
            ("UPPER.toml", &good),
            (".hidden.toml", "ignored"),
            ("fine-2.toml", &good),
        ]);
        let catalogue = catalogue(&dir);
        assert_eq!(catalogue.names(), built_in_and(&["fine-2"]));
        for file in [
            "My Guide.toml",
            "coach (conflicted copy).toml",
            "UPPER.toml",
        ] {
            let problem = problem_for(&catalogue, file);
            assert!(problem.what.contains("lower-case letters"), "{problem}");
        }
        assert_eq!(
            catalogue.problems.len(),
            3,
            "a hidden file is not the person's"
        );
    }

    #[test]
    fn an_own_guide_named_like_a_built_in_one_is_reported_and_does_not_replace_it() {
        let dir = folder(&[("full.toml", &own_guide("Impostor"))]);
        let catalogue = catalogue(&dir);
        assert_eq!(catalogue.names(), built_in_and(&[]));
        let full = catalogue.named("full").expect("full");
        assert_eq!(full.origin, Origin::BuiltIn);
        assert_eq!(full.guide.title.as_deref(), Some("The full guide"));
        assert!(
            problem_for(&catalogue, "full.toml")
                .what
                .contains("built-in")
        );
    }

    #[test]
    fn a_file_that_is_not_text_is_reported_and_a_folder_is_passed_over() {
        let dir = folder(&[("binary.toml", "")]);
        std::fs::write(dir.path().join("binary.toml"), [0xff, 0xfe, 0x00]).expect("write");
        std::fs::create_dir(dir.path().join("folder.toml")).expect("mkdir");
        let catalogue = catalogue(&dir);
        assert!(
            problem_for(&catalogue, "binary.toml")
                .what
                .contains("UTF-8")
        );
        assert_eq!(catalogue.problems.len(), 1, "{:?}", catalogue.problems);
    }

    /// The README's example is what people copy first; it must load as it stands.
    #[test]
    fn the_readme_example_is_a_guide() {
        let readme = include_str!("../../README.md");
        let section = &readme[readme.find("\n## Guides\n").expect("a Guides section")..];
        let start = section.find("```toml\n").expect("a TOML example") + "```toml\n".len();
        let example = &section[start..start + section[start..].find("```").expect("its end")];
        let guide = Guide::parse(example).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(guide.minutes.as_deref(), Some("15"));
        let dir = folder(&[("after-an-interview.toml", example)]);
        let catalogue = catalogue(&dir);
        assert!(catalogue.problems.is_empty(), "{:?}", catalogue.problems);
        let entry = catalogue.named("after-an-interview").expect("listed");
        assert_eq!(entry.length(), "15 minutes");
    }

    /// The summary index keeps steps found by role; moving a role in a
    /// guide file must make it stale, and reading the same files must not.
    #[test]
    fn the_places_fingerprint_moves_only_when_a_role_moves() {
        let dir = folder(&[("mine.toml", &own_guide("Mine"))]);
        let before = catalogue(&dir).places_fingerprint();
        assert_eq!(catalogue(&dir).places_fingerprint(), before);
        let moved = own_guide("Mine").replacen("role = \"goals\"\n", "", 1);
        std::fs::write(dir.path().join("mine.toml"), moved).expect("write");
        assert_ne!(catalogue(&dir).places_fingerprint(), before);
        assert_eq!(before & 0xff, 0, "the index's own version keeps its byte");
    }

    /// Found in review: a guide going deeper in one that was itself set
    /// aside stayed listed, its "go deeper" never working.
    #[test]
    fn a_chain_of_guides_going_deeper_in_one_that_is_not_there_is_set_aside_whole() {
        let quick = BUILT_IN
            .iter()
            .find(|(name, _)| *name == "ten-minute")
            .map(|(_, text)| *text)
            .expect("ten-minute is built in");
        let chain = quick.replacen("deeper = \"full\"", "deeper = \"middle\"", 1);
        let middle = quick.replacen("deeper = \"full\"", "deeper = \"nowhere\"", 1);
        let dir = folder(&[("chain.toml", &chain), ("middle.toml", &middle)]);
        let catalogue = catalogue(&dir);
        assert_eq!(catalogue.names(), built_in_and(&[]));
        assert!(
            problem_for(&catalogue, "middle.toml")
                .what
                .contains("\"nowhere\"")
        );
        assert!(
            problem_for(&catalogue, "chain.toml")
                .what
                .contains("\"middle\"")
        );
    }

    /// Going deeper must not move a tick or a weight out of sight: a role
    /// on another question, or none, in the longer guide is refused.
    #[test]
    fn a_guide_going_deeper_keeps_its_roles_there() {
        let quick = BUILT_IN
            .iter()
            .find(|(name, _)| *name == "ten-minute")
            .map(|(_, text)| *text)
            .expect("ten-minute is built in");
        let moved = quick.replacen("role = \"differently\"\n", "", 1);
        assert_ne!(moved, quick);
        let dir = folder(&[("short.toml", &moved)]);
        let catalogue = catalogue(&dir);
        let problem = problem_for(&catalogue, "short.toml");
        assert!(problem.what.contains("another role"), "{problem}");
    }

    #[test]
    fn lines_and_columns_count_characters_from_one() {
        let text = "a = 1\nné = x";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, text.find('x').expect("x")), (2, 6));
        assert_eq!(line_and_column(text, 10_000), (2, 7));
    }
}
