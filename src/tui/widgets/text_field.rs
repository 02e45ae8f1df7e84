//! One-line text, multi-line text, lists and dates.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use time::Date;

use crate::dates::{self, DateInput};
use crate::tui::field::FieldFocus;
use crate::tui::theme;

use super::{answer, unanswered};
use crate::tui::stage_layout::FOCUSED_TEXT_ROWS;
use crate::tui::wrap;

const RESTING_ROWS: u16 = 3;

/// Rows the text takes when wrapped at `width`, focused or not.
fn rows_needed(text: &str, width: u16) -> usize {
    wrap::row_count(text, usize::from(width.max(1)))
}

pub fn text_height(text: &str, width: u16, focused: bool) -> u16 {
    if focused {
        return FOCUSED_TEXT_ROWS;
    }
    u16::try_from(rows_needed(text, width))
        .unwrap_or(u16::MAX)
        .clamp(1, RESTING_ROWS)
}

pub fn list_height(items: &[String], width: u16, focused: bool) -> u16 {
    if focused {
        // Items that wrap take every row they wrap to, so the first stays in view.
        let rows: usize = items.iter().map(|i| rows_needed(i, width)).sum();
        return u16::try_from(rows + 1).unwrap_or(u16::MAX).clamp(4, 8);
    }
    let shown = items.len().min(RESTING_ROWS as usize) as u16;
    let more = u16::from(items.len() > RESTING_ROWS as usize);
    (shown + more).max(1)
}

pub fn render_text(text: &str, area: Rect, buf: &mut Buffer) {
    if text.trim().is_empty() {
        unanswered().render(area, buf);
        return;
    }
    answer::render_resting(text, area, buf);
}

pub fn render_list(items: &[String], area: Rect, buf: &mut Buffer) {
    if items.is_empty() {
        unanswered().render(area, buf);
        return;
    }
    let shown = RESTING_ROWS as usize;
    let mut lines: Vec<Line> = items
        .iter()
        .take(shown)
        .map(|item| {
            // One row an item at rest: one too long says so with `…`.
            Line::from(vec![
                Span::styled("• ", theme::dim()),
                Span::raw(super::fit(item, usize::from(area.width.saturating_sub(2)))),
            ])
        })
        .collect();
    if items.len() > shown {
        lines.push(Line::styled(
            format!("  and {} more", items.len() - shown),
            theme::dim(),
        ));
    }
    Paragraph::new(lines).render(area, buf);
}

/// A date: the editor (or the text), then what it means or why it does not parse.
/// `or_settled`: the check-in's "when will you look again", which also
/// takes the word `settled`.
pub fn render_date(
    text: &str,
    focus: Option<&FieldFocus>,
    today: Date,
    or_settled: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    // Wide enough for the phrase as typed ("end of next month"), so it can
    // be read whole beside the date it means; never more than half the row.
    let typed = match focus {
        Some(FieldFocus::Text(editor)) => editor.lines().join(" "),
        _ => text.to_string(),
    };
    let wanted = u16::try_from(unicode_width::UnicodeWidthStr::width(typed.as_str()) + 2)
        .unwrap_or(u16::MAX);
    let editor_width = wanted.max(16).min((area.width / 2).max(16)).min(area.width);
    let editor_area = Rect {
        width: editor_width,
        height: 1,
        ..area
    };
    let current = match focus {
        Some(FieldFocus::Text(editor)) => {
            super::draw_editor(editor, editor_area, buf);
            editor.lines().join(" ")
        }
        _ => {
            if text.trim().is_empty() {
                unanswered().render(area, buf);
                return;
            }
            Line::raw(text).render(editor_area, buf);
            text.to_string()
        }
    };
    let help = if or_settled {
        "a date (+3w, friday, YYYY-MM-DD) or settled".to_string()
    } else {
        dates::DATE_HELP.to_string()
    };
    let settled = or_settled
        && current
            .trim()
            .eq_ignore_ascii_case(crate::reflection::SETTLED);
    let note = match dates::parse(&current, today) {
        _ if settled => Span::styled("→ settled: no more check-ins", theme::answered()),
        DateInput::Empty => Span::styled(help, theme::dim()),
        DateInput::Valid(date) => {
            Span::styled(format!("→ {}", dates::readable(date)), theme::answered())
        }
        DateInput::Invalid => Span::styled(format!("not a date: {help}"), theme::warning()),
    };
    let note_area = Rect {
        x: area.x + editor_width + 1,
        width: area.width.saturating_sub(editor_width + 1),
        height: 1,
        ..area
    };
    Line::from(note).render(note_area, buf);
}
