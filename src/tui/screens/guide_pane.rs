//! The guidance beside or under a stage's questions: the stage's intro, the
//! focused question's hint and its example. Each shows whole or not at all,
//! led by the one the person is at; what did not fit is named with the key
//! that brings it to the front, so nothing is cut mid-sentence. Under them,
//! when there is room for all of it, one line points to a story that shows
//! a strategy for the stage (and, on the first stage, to the writing page).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::guide::{FieldGuide, StageGuide};
use crate::tui::reading_page::wrap;
use crate::tui::state::GuideSection;
use crate::tui::theme;

/// One section, laid out at a width.
struct Section {
    kind: GuideSection,
    lines: Vec<Line<'static>>,
}

/// The pane's lines at `width`, in at most `rows` rows (the first section
/// is always whole, even past `rows`).
pub fn lines(
    stage: &StageGuide,
    field: Option<&FieldGuide>,
    first: GuideSection,
    story: Option<&str>,
    width: u16,
    rows: u16,
) -> Vec<Line<'static>> {
    layout(stage, field, first, story, width, rows).0
}

/// The sections that do not fit in `rows`, in the order they follow the one
/// in front: Ctrl-G brings the first of them forward, so the line that names
/// them says what the key will do.
pub fn left_out(
    stage: &StageGuide,
    field: Option<&FieldGuide>,
    first: GuideSection,
    width: u16,
    rows: u16,
) -> Vec<GuideSection> {
    layout(stage, field, first, None, width, rows).1
}

fn layout(
    stage: &StageGuide,
    field: Option<&FieldGuide>,
    first: GuideSection,
    story: Option<&str>,
    width: u16,
    rows: u16,
) -> (Vec<Line<'static>>, Vec<GuideSection>) {
    let sections: Vec<Section> = [first, first.next(), first.next().next()]
        .into_iter()
        .filter_map(|kind| section(kind, stage, field, width))
        .collect();
    let rows = usize::from(rows);
    let all: usize =
        sections.iter().map(|s| s.lines.len()).sum::<usize>() + sections.len().saturating_sub(1);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut left_out = Vec::new();
    // Something is left out, so one row goes to saying what.
    let budget = if all <= rows {
        rows
    } else {
        rows.saturating_sub(1)
    };
    for (i, section) in sections.into_iter().enumerate() {
        let gap = usize::from(i > 0);
        // Once one is left out, the rest are too: the pane shows sections
        // in the order Ctrl-G brings them, never skipping one.
        if i == 0 || (left_out.is_empty() && out.len() + gap + section.lines.len() <= budget) {
            if i > 0 {
                out.push(Line::raw(""));
            }
            out.extend(section.lines);
        } else {
            left_out.push(section.kind);
        }
    }
    if !left_out.is_empty() {
        let names: Vec<&str> = left_out.iter().map(|&k| name(k)).collect();
        out.push(Line::from(vec![
            ratatui::text::Span::styled("Ctrl-G", theme::key()),
            ratatui::text::Span::styled(format!(" for {}", names.join(" and ")), theme::dim()),
        ]));
    }
    // The story comes last and only whole: it never takes a section's room.
    if let Some(story) = story.filter(|_| left_out.is_empty()) {
        // One sentence, wrapped flush: a hanging indent would double its rows.
        let story = wrap(
            Line::styled(story.to_string(), theme::dim()),
            usize::from(width.max(1)),
        );
        if out.len() + 1 + story.len() <= rows {
            out.push(Line::raw(""));
            out.extend(story);
        }
    }
    (out, left_out)
}

/// Rows the whole guidance takes at `width`.
pub fn rows_for_all(
    stage: &StageGuide,
    field: Option<&FieldGuide>,
    first: GuideSection,
    story: Option<&str>,
    width: u16,
) -> u16 {
    u16::try_from(lines(stage, field, first, story, width, u16::MAX).len()).unwrap_or(u16::MAX)
}

/// Rows the leading section takes at `width`.
pub fn rows_for_first(
    stage: &StageGuide,
    field: Option<&FieldGuide>,
    first: GuideSection,
    width: u16,
) -> u16 {
    section(first, stage, field, width)
        .map_or(0, |s| u16::try_from(s.lines.len()).unwrap_or(u16::MAX))
}

fn name(kind: GuideSection) -> &'static str {
    match kind {
        GuideSection::Intro => "the intro",
        GuideSection::Hint => "the hint",
        GuideSection::Example => "the example",
    }
}

fn section(
    kind: GuideSection,
    stage: &StageGuide,
    field: Option<&FieldGuide>,
    width: u16,
) -> Option<Section> {
    let (heading, text, style) = match (kind, field) {
        (GuideSection::Intro, _) => (
            format!("About {}", stage.title),
            stage.intro.as_str(),
            Style::default(),
        ),
        (GuideSection::Hint, Some(f)) => ("Hint".to_string(), f.hint.as_str(), Style::default()),
        (GuideSection::Example, Some(f)) => (
            "For example".to_string(),
            f.example.as_str(),
            theme::example(),
        ),
        (_, None) => return None,
    };
    if text.trim().is_empty() {
        return None;
    }
    let width = usize::from(width.max(1));
    let mut lines = vec![Line::styled(heading, theme::heading())];
    for paragraph in text.trim().split('\n') {
        // A list's example gives its items apart with " / ": shown one a
        // line, as the answer will be, rather than a row opening on a "/".
        let items: Vec<&str> = paragraph.split(" / ").map(str::trim).collect();
        if kind == GuideSection::Example && items.len() > 1 {
            for item in items {
                lines.extend(wrap(
                    Line::from(vec![
                        Span::styled("• ", theme::dim()),
                        Span::styled(item.to_string(), style),
                    ]),
                    width,
                ));
            }
        } else {
            lines.extend(wrap(
                Line::styled(paragraph.trim().to_string(), style),
                width,
            ));
        }
    }
    Some(Section { kind, lines })
}
