//! A story laid out to read at a width: its paragraphs wrapped by words, then
//! what it shows at each stage, the same lines the screen draws and scrolls.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::guide::Guide;
use crate::stories::{Story, stage_title};
use crate::tui::reading_page::wrap;
use crate::tui::theme;

/// Prose wider than this is hard to follow back to the start of a line.
const MAX_TEXT_WIDTH: u16 = 76;
/// Rows the title, the "invented" label, the rule under them, the message and
/// the footer take.
pub const CHROME_ROWS: u16 = 5;

/// The page's text width and height in a window of this size.
pub fn page_size(window: (u16, u16)) -> (u16, u16) {
    (
        window.0.saturating_sub(4).clamp(10, MAX_TEXT_WIDTH),
        window.1.saturating_sub(CHROME_ROWS).max(1),
    )
}

/// The story's lines at `width`: the text, then the strategies by stage.
pub fn lines(story: &Story, guide: &Guide, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(10));
    let mut out = Vec::new();
    for paragraph in story.paragraphs() {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        // The person's own words, set apart as a quotation is.
        let style = if paragraph.starts_with('"') {
            theme::example()
        } else {
            ratatui::style::Style::default()
        };
        out.extend(wrap(Line::styled(paragraph.to_string(), style), width));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "What it shows, stage by stage",
        theme::heading(),
    ));
    let label_width = story
        .stages()
        .map(|k| stage_title(guide, k).width())
        .max()
        .unwrap_or(0);
    for strategy in &story.strategies {
        let title = stage_title(guide, &strategy.stage);
        let label = format!("{title}{}  ", " ".repeat(label_width - title.width()));
        out.extend(wrap(
            Line::from(vec![
                Span::styled(label, theme::bold()),
                Span::raw(strategy.shows.clone()),
            ]),
            width,
        ));
    }
    out
}

/// How far the page scrolls at most in a window of this size.
pub fn max_scroll(story: &Story, guide: &Guide, window: (u16, u16)) -> usize {
    let (width, height) = page_size(window);
    lines(story, guide, width)
        .len()
        .saturating_sub(usize::from(height))
}
