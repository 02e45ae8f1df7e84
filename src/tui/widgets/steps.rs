//! An action plan: steps with a done mark, text and an optional due date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use time::Date;

use crate::dates::{self, DateInput};
use crate::reflection::ActionItem;
use crate::text::printable_line;
use crate::tui::field::{FieldFocus, StepColumn};
use crate::tui::theme;

use super::{fit, unanswered};

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
        let text_width = area.width.saturating_sub(4 + DUE_WIDTH + 1);
        for (i, step) in saved.iter().take(RESTING_ROWS).enumerate() {
            let y = area.y + i as u16;
            if y >= area.y + area.height {
                return;
            }
            draw_mark(step, false, area.x, y, buf);
            let text = fit(&step.text, usize::from(text_width));
            buf.set_string(area.x + 4, y, text, Style::default());
            draw_due(step, today, area.x + 4 + text_width + 1, y, buf);
        }
        if saved.len() > RESTING_ROWS && area.height > RESTING_ROWS as u16 {
            let more = format!("    and {} more", saved.len() - RESTING_ROWS);
            buf.set_string(area.x, area.y + RESTING_ROWS as u16, more, theme::dim());
        }
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
        draw_mark(step, is_new, area.x, y, buf);
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
            super::draw_editor(&steps.editor, text_area, buf);
        } else if is_new {
            Line::styled(if selected { "" } else { "new step…" }, theme::dim())
                .render(text_area, buf);
        } else {
            let text = fit(&step.text, usize::from(text_width));
            Line::styled(text, Style::default()).render(text_area, buf);
        }
        if selected && steps.column == StepColumn::Due {
            super::draw_editor(&steps.editor, due_area, buf);
        } else if !step.due.trim().is_empty() {
            draw_due(step, today, due_area.x, y, buf);
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
        // A date that did not parse is said at its step, not only as a `?`.
        (Some(step), StepColumn::Text) if dates::parse(&step.due, today) == DateInput::Invalid => {
            let said = format!(
                "⚠ \"{}\" is not a date · Ctrl-D to change it: {}",
                printable_line(step.due.trim()),
                dates::DATE_HELP
            );
            Line::styled(fit(&said, usize::from(area.width)), theme::warning())
        }
        _ => Line::styled(
            "Enter new step · Ctrl-D date · Ctrl-T done · F1 more",
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

fn draw_mark(step: &ActionItem, is_new: bool, x: u16, y: u16, buf: &mut Buffer) {
    let (mark, style) = match (is_new, step.done) {
        (true, _) => ("  + ", theme::dim()),
        (false, true) => ("[x] ", theme::answered()),
        (false, false) => ("[ ] ", theme::dim()),
    };
    buf.set_string(x, y, mark, style);
}

/// The due date, flagged when it is not a date, so a typo is seen at rest too.
fn draw_due(step: &ActionItem, today: Date, x: u16, y: u16, buf: &mut Buffer) {
    let due = step.due.trim();
    match dates::parse(due, today) {
        DateInput::Invalid => buf.set_string(x, y, format!("{due} ?"), theme::warning()),
        _ => buf.set_string(x, y, due, theme::dim()),
    };
}
