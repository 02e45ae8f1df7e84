//! `rebound stories [NAME]`: the invented stories listed one a line, or one
//! printed to read, wrapped for the terminal.

use std::fmt::Write as _;

use color_eyre::eyre::{Result, eyre};
use unicode_width::UnicodeWidthStr;

use super::list::terminal_width;
use super::print;
use crate::guide::Guide;
use crate::stories::{Stories, Story, stage_title};
use crate::text::printable_line;

/// Wider than this, lines of prose get hard to follow back to their start.
const READING_WIDTH: usize = 80;

pub(super) fn stories(name: Option<&str>, guide: &Guide) -> Result<()> {
    let stories = Stories::builtin().map_err(|e| eyre!("the built-in stories are broken: {e}"))?;
    match name {
        None => print(&listed(stories, guide)),
        Some(name) => {
            let story = stories.named(name.trim()).ok_or_else(|| {
                eyre!(
                    "no story is named \"{}\"; the stories are {}",
                    printable_line(name),
                    stories.names().join(", ")
                )
            })?;
            let width = terminal_width().map_or(READING_WIDTH, |w| w.clamp(20, READING_WIDTH));
            print(&page(story, guide, width))
        }
    }
}

/// One line a story: its name, its title and the stages it fits.
fn listed(stories: &Stories, guide: &Guide) -> String {
    let name_width = stories
        .all
        .iter()
        .map(|s| s.name.width())
        .max()
        .unwrap_or(0);
    let title_width = stories
        .all
        .iter()
        .map(|s| s.title.width())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for story in &stories.all {
        let stages: Vec<&str> = story.stages().map(|k| stage_title(guide, k)).collect();
        let _ = writeln!(
            out,
            "{}{}  {}{}  {}",
            story.name,
            " ".repeat(name_width - story.name.width()),
            story.title,
            " ".repeat(title_width - story.title.width()),
            stages.join(", ")
        );
    }
    out
}

/// A story to read: the title, the label that says it is invented, the
/// text, and what it shows at each stage.
fn page(story: &Story, guide: &Guide, width: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", story.title);
    for row in wrapped("An invented story · ", &story.situation, width) {
        let _ = writeln!(out, "{row}");
    }
    for paragraph in story.paragraphs() {
        out.push('\n');
        for row in wrapped("", paragraph, width) {
            let _ = writeln!(out, "{row}");
        }
    }
    let _ = writeln!(out, "\nWhat it shows, stage by stage:");
    let label_width = story
        .stages()
        .map(|k| stage_title(guide, k).width())
        .max()
        .unwrap_or(0);
    for strategy in &story.strategies {
        let title = stage_title(guide, &strategy.stage);
        let label = format!("  {title}{}  ", " ".repeat(label_width - title.width()));
        for row in wrapped(&label, &strategy.shows, width) {
            let _ = writeln!(out, "{row}");
        }
    }
    out
}

/// `text` wrapped at spaces to `width` columns after `prefix`, later rows
/// lined up under the text; a word wider than a row keeps a row to itself.
fn wrapped(prefix: &str, text: &str, width: usize) -> Vec<String> {
    let indent = " ".repeat(prefix.width());
    let mut rows = Vec::new();
    let mut row = prefix.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if empty {
            row.push_str(word);
        } else if row.width() + 1 + word.width() <= width {
            row.push(' ');
            row.push_str(word);
        } else {
            rows.push(std::mem::replace(&mut row, format!("{indent}{word}")));
        }
        empty = false;
    }
    rows.push(row);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_page_keeps_to_its_width_and_hangs_strategies_under_their_text() {
        let guide = Guide::builtin().expect("the built-in guide");
        let stories = Stories::builtin().expect("the built-in stories");
        let story = stories.named("exam-twice").expect("the exam story");
        let text = page(story, guide, 40);
        assert!(text.lines().all(|l| l.width() <= 40), "{text}");
        assert!(text.contains("An invented story"), "{text}");
        let shows = text
            .lines()
            .skip_while(|l| !l.starts_with("What it shows"))
            .skip(1)
            .collect::<Vec<_>>();
        assert!(shows[0].starts_with("  Deconstruct  sorting"), "{shows:?}");
        assert!(shows[1].starts_with("               "), "{shows:?}");
    }

    #[test]
    fn words_wrap_at_spaces() {
        assert_eq!(wrapped("", "one two three", 7), ["one two", "three"]);
        assert_eq!(wrapped("- ", "a bb", 4), ["- a", "  bb"]);
    }
}
