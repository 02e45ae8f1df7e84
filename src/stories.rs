//! The invented stories of people who came through a setback, read from
//! `assets/stories.toml` (embedded at build time) and checked.
//!
//! They are shown apart from a person's own reflection, never in it. Stories name stages by their stable keys, not by the stage type, so a
//! guide that declares its own stages can be checked against them the same way.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::guide::Guide;

const STORIES_TOML: &str = include_str!("../assets/stories.toml");

/// How long a story runs: long enough to have a low point, strategies and an
/// outcome, short enough to read on one screen.
pub const WORDS: std::ops::RangeInclusive<usize> = 90..=110;

/// One strategy a story shows, tied to the stage it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// The stage's stable key (`deconstruct`, `network`...).
    pub stage: String,
    /// What the story shows there, to follow "shows" in a sentence.
    pub shows: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// A stable slug: what `rebound stories NAME` takes.
    pub name: String,
    pub title: String,
    /// The setback in a line, for the list.
    pub situation: String,
    pub text: String,
    #[serde(rename = "strategy", default)]
    pub strategies: Vec<Strategy>,
}

impl Story {
    /// The stage keys the story fits, in the order it shows them.
    pub fn stages(&self) -> impl Iterator<Item = &str> {
        self.strategies.iter().map(|s| s.stage.as_str())
    }

    /// The story's paragraphs, each as one line of words (the file breaks
    /// lines only between paragraphs).
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text
            .trim()
            .lines()
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }

    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoriesFile {
    story: Vec<Story>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stories {
    pub all: Vec<Story>,
}

/// No stories at all: what a front end shows if the shipped ones were broken.
pub static NONE: Stories = Stories { all: Vec::new() };

impl Stories {
    /// The stories shipped inside the binary, parsed and checked once
    /// against the main guide's stage keys.
    pub fn builtin() -> Result<&'static Stories, String> {
        static STORIES: OnceLock<Result<Stories, String>> = OnceLock::new();
        STORIES
            .get_or_init(|| {
                let keys: Vec<&str> = match Guide::builtin() {
                    Ok(guide) => guide.stages().map(|s| s.key()).collect(),
                    Err(e) => return Err(e),
                };
                Stories::parse(STORIES_TOML, &keys)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses and checks stories against the stage keys they may name, so a
    /// broken asset fails in tests rather than as a strange screen.
    pub fn parse(text: &str, stage_keys: &[&str]) -> Result<Stories, String> {
        let file: StoriesFile =
            toml::from_str(text).map_err(|e| format!("assets/stories.toml: {e}"))?;
        let stories = Stories { all: file.story };
        stories.validate(stage_keys)?;
        Ok(stories)
    }

    fn validate(&self, stage_keys: &[&str]) -> Result<(), String> {
        if self.all.is_empty() {
            return Err("there are no stories".into());
        }
        let mut names = HashSet::new();
        for story in &self.all {
            let name = story.name.as_str();
            if !crate::text::is_slug(name) {
                return Err(format!(
                    "story name {name:?} must be lowercase letters, digits and single hyphens between them"
                ));
            }
            if !names.insert(name) {
                return Err(format!("story {name} appears twice"));
            }
            for (what, value) in [
                ("title", &story.title),
                ("situation", &story.situation),
                ("text", &story.text),
            ] {
                if value.trim().is_empty() {
                    return Err(format!("story {name} has an empty {what}"));
                }
            }
            if story.strategies.is_empty() {
                return Err(format!("story {name} names no strategy"));
            }
            let mut stages = HashSet::new();
            for strategy in &story.strategies {
                let stage = strategy.stage.as_str();
                if !stage_keys.contains(&stage) {
                    return Err(format!(
                        "story {name} names stage {stage:?}; the stages are {}",
                        stage_keys.join(", ")
                    ));
                }
                if !stages.insert(stage) {
                    return Err(format!("story {name} names stage {stage} twice"));
                }
                if strategy.shows.trim().is_empty() {
                    return Err(format!("story {name} says nothing it shows at {stage}"));
                }
            }
        }
        Ok(())
    }

    pub fn named(&self, name: &str) -> Option<&Story> {
        self.all.iter().find(|s| s.name == name)
    }

    /// Every story's name, for a line that says which there are.
    pub fn names(&self) -> Vec<&str> {
        self.all.iter().map(|s| s.name.as_str()).collect()
    }

    /// The first story that shows a strategy at this stage, with that
    /// strategy: one hint a stage, so it stays one line.
    pub fn for_stage(&self, stage_key: &str) -> Option<(&Story, &Strategy)> {
        self.all.iter().find_map(|story| {
            story
                .strategies
                .iter()
                .find(|s| s.stage == stage_key)
                .map(|s| (story, s))
        })
    }
}

/// How a stage key reads to a person: its title in the guide, else the key.
pub fn stage_title<'a>(guide: &'a Guide, key: &'a str) -> &'a str {
    guide
        .stage_keyed(key)
        .map_or(key, |stage| guide.stage(stage).title.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::{FullStages, Stage};

    const KEYS: &[&str] = &["perspective", "deconstruct", "network"];

    fn one(body: &str) -> String {
        format!(
            "[[story]]\nname = \"one\"\ntitle = \"One\"\nsituation = \"A setback.\"\ntext = \"Some words.\"\n{body}"
        )
    }

    const STRATEGY: &str = "[[story.strategy]]\nstage = \"network\"\nshows = \"asking\"\n";

    #[test]
    fn the_shipped_stories_parse_and_each_runs_ninety_to_a_hundred_and_ten_words() {
        let stories = Stories::builtin().expect("the shipped stories are valid");
        assert!(stories.all.len() >= 3, "at least three stories");
        for story in &stories.all {
            assert!(
                WORDS.contains(&story.word_count()),
                "{} has {} words",
                story.name,
                story.word_count()
            );
            assert!(
                story.strategies.len() >= 2,
                "{} shows two or more",
                story.name
            );
        }
    }

    #[test]
    fn every_question_stage_has_a_story_to_point_to() {
        let stories = Stories::builtin().expect("the shipped stories are valid");
        for stage in Stage::QUESTION_STAGES {
            assert!(stories.for_stage(stage.key()).is_some(), "{stage:?}");
        }
        assert!(stories.for_stage("plan").is_none());
    }

    #[test]
    fn a_story_is_found_by_name_and_its_paragraphs_end_in_its_own_voice() {
        let stories = Stories::builtin().expect("the shipped stories are valid");
        let layoff = stories.named("layoff").expect("the layoff story");
        assert!(
            layoff
                .paragraphs()
                .last()
                .is_some_and(|p| p.starts_with('"'))
        );
        assert!(stories.named("nobody").is_none());
    }

    #[test]
    fn a_well_formed_story_passes() {
        let stories = Stories::parse(&one(STRATEGY), KEYS).expect("valid");
        assert_eq!(stories.all[0].stages().collect::<Vec<_>>(), ["network"]);
    }

    #[test]
    fn two_stories_with_one_name_are_refused() {
        let text = format!("{}{}", one(STRATEGY), one(STRATEGY));
        let err = Stories::parse(&text, KEYS).expect_err("a name twice");
        assert!(err.contains("appears twice"), "{err}");
    }

    #[test]
    fn an_unknown_stage_key_is_named_with_the_known_ones() {
        let text = one("[[story.strategy]]\nstage = \"netwrok\"\nshows = \"asking\"\n");
        let err = Stories::parse(&text, KEYS).expect_err("a misspelt stage");
        assert!(err.contains("\"netwrok\""), "{err}");
        assert!(err.contains("perspective, deconstruct, network"), "{err}");
    }

    #[test]
    fn empty_text_or_a_story_with_no_strategy_is_refused() {
        let empty = one(STRATEGY).replace("Some words.", "  ");
        let err = Stories::parse(&empty, KEYS).expect_err("empty text");
        assert!(err.contains("empty text"), "{err}");
        let err = Stories::parse(&one(""), KEYS).expect_err("no strategy");
        assert!(err.contains("no strategy"), "{err}");
        let blank = one(&STRATEGY.replace("asking", " "));
        let err = Stories::parse(&blank, KEYS).expect_err("a blank strategy");
        assert!(err.contains("says nothing"), "{err}");
    }

    #[test]
    fn a_name_that_is_not_a_slug_or_a_missing_field_is_refused() {
        let spaced = one(STRATEGY).replace("name = \"one\"", "name = \"One story\"");
        let err = Stories::parse(&spaced, KEYS).expect_err("not a slug");
        assert!(err.contains("lowercase"), "{err}");
        let untitled = one(STRATEGY).replace("title = \"One\"\n", "");
        let err = Stories::parse(&untitled, KEYS).expect_err("no title");
        assert!(err.contains("title"), "{err}");
        let twice = one(&format!("{STRATEGY}{STRATEGY}"));
        let err = Stories::parse(&twice, KEYS).expect_err("a stage twice");
        assert!(err.contains("twice"), "{err}");
    }
}
