//! An action plan: steps with a done mark, text and an optional due date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use time::Date;

use crate::dates::{self, DateInput};
use crate::reflection::ActionItem;
use crate::tui::field::{FieldFocus, StepColumn};
use crate::tui::theme;

use super::unanswered;

const MAX_ROWS: u16 = 8;
const RESTING_ROWS: usize = 3;
const DUE_WIDTH: u16 = 16;

pub fn height(focus: Option<&FieldFocus>, saved: &[ActionItem], focused: bool) -> u16 {
    match focus {
        Some(FieldFocus::Steps(steps)) if focused => {
            (steps.rows.len() as u16 + 2).clamp(3, MAX_ROWS)
        }
        _ => {
            let more = u16::from(saved.len() > RESTING_ROWS);
            (saved.len().min(RESTING_ROWS) as u16 + more).max(1)
        }
    }
}

/// A step as one line of text: `[x] text  due 2026-12-01`.
pub fn step_line(step: &ActionItem) -> Line<'static> {
    let mark = if step.done { "[x] " } else { "[ ] " };
    let mut spans = vec![
        Span::styled(
            mark,
            if step.done {
                theme::answered()
            } else {
                theme::dim()
            },
        ),
        Span::raw(step.text.clone()),
    ];
    if !step.due.trim().is_empty() {
        spans.push(Span::styled(
            format!("  due {}", step.due.trim()),
            theme::dim(),
        ));
    }
    Line::from(spans)
}

pub fn render(
    saved: &[ActionItem],
    focus: Option<&FieldFocus>,
    today: Date,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(FieldFocus::Steps(steps)) = focus else {
        if saved.is_empty() {
            unanswered().render(area, buf);
            return;
        }
        let mut lines: Vec<Line> = saved.iter().take(RESTING_ROWS).map(step_line).collect();
        if saved.len() > RESTING_ROWS {
            lines.push(Line::styled(
                format!("    and {} more", saved.len() - RESTING_ROWS),
                theme::dim(),
            ));
        }
        Paragraph::new(lines).render(area, buf);
        return;
    };
    // The last row of the area is for the selected step's due-date feedback.
    let list_rows = area.height.saturating_sub(1).max(1) as usize;
    let first = (steps.row + 1).saturating_sub(list_rows);
    let text_width = area.width.saturating_sub(4 + DUE_WIDTH + 1);
    let blank = ActionItem::default();
    for (screen_row, row) in (first..=steps.rows.len()).take(list_rows).enumerate() {
        let y = area.y + screen_row as u16;
        let step = steps.rows.get(row).unwrap_or(&blank);
        let selected = row == steps.row;
        let is_new = row == steps.rows.len();
        let mark = match (is_new, step.done) {
            (true, _) => "  + ",
            (false, true) => "[x] ",
            (false, false) => "[ ] ",
        };
        buf.set_string(
            area.x,
            y,
            mark,
            if step.done {
                theme::answered()
            } else {
                theme::dim()
            },
        );
        let text_area = Rect {
            x: area.x + 4,
            y,
            width: text_width,
            height: 1,
        };
        let due_area = Rect {
            x: area.x + 4 + text_width + 1,
            y,
            width: DUE_WIDTH.min(area.width),
            height: 1,
        };
        if selected && steps.column == StepColumn::Text {
            steps.editor.render(text_area, buf);
        } else if is_new {
            Line::styled(if selected { "" } else { "new step…" }, theme::dim())
                .render(text_area, buf);
        } else {
            Line::styled(step.text.as_str(), Style::default()).render(text_area, buf);
        }
        if selected && steps.column == StepColumn::Due {
            steps.editor.render(due_area, buf);
        } else if !step.due.trim().is_empty() {
            Line::styled(step.due.trim(), theme::dim()).render(due_area, buf);
        } else if selected && !is_new {
            Line::styled("no date", theme::dim()).render(due_area, buf);
        }
    }
    let feedback_y = area.y + area.height.saturating_sub(1);
    if area.height < 2 {
        return;
    }
    let feedback = match (steps.rows.get(steps.row), steps.column) {
        (Some(step), StepColumn::Due) => match dates::parse(&step.due, today) {
            DateInput::Valid(d) => {
                Line::styled(format!("due → {}", dates::readable(d)), theme::answered())
            }
            DateInput::Invalid => Line::styled(
                format!("not a date: {}", dates::DATE_HELP),
                theme::warning(),
            ),
            DateInput::Empty => {
                Line::styled(format!("due date: {}", dates::DATE_HELP), theme::dim())
            }
        },
        _ => Line::styled(
            "Enter new step · Ctrl-D due date · Ctrl-T done",
            theme::dim(),
        ),
    };
    feedback.render(
        Rect {
            x: area.x,
            y: feedback_y,
            width: area.width,
            height: 1,
        },
        buf,
    );
}
