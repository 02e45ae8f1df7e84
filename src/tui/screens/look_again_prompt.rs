//! The prompt that asks when to look again at a plan, with the day typed read
//! back as it is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::checkin::CheckinGuide;
use crate::dates::{self, DateInput};
use crate::tui::keys::{Context, hint};
use crate::tui::state::{App, LookAgainPrompt};
use crate::tui::theme;
use crate::tui::widgets::draw_editor;

use super::chrome::{key_hints, modal, row, wrapped_rows};

/// Room for a phrase like "end of next month" or an ISO date and the cursor.
const EDITOR_WIDTH: u16 = 22;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, prompt: &LookAgainPrompt) {
    let inner = modal(frame, area, "Look again", 72, 10);
    let (label, hint_text) = CheckinGuide::builtin()
        .map_or(("When will you look again?", ""), |g| {
            (g.look_again.label.as_str(), g.look_again.hint.as_str())
        });
    frame.render_widget(Line::styled(label, theme::focused_label()), row(inner, 0));
    for (i, text) in wrapped_rows(hint_text.to_string(), inner.width, 2)
        .into_iter()
        .enumerate()
    {
        frame.render_widget(Line::styled(text, theme::dim()), row(inner, 1 + i as u16));
    }
    frame.render_widget(Line::styled("▶", theme::accent()), row(inner, 4));
    let editor = Rect {
        x: inner.x + 2,
        width: EDITOR_WIDTH.min(inner.width.saturating_sub(2)),
        ..row(inner, 4)
    };
    draw_editor(&prompt.editor, editor, frame.buffer_mut());
    let note_x = editor.x + editor.width + 1;
    let note_area = Rect {
        x: note_x,
        width: (inner.x + inner.width).saturating_sub(note_x),
        ..row(inner, 4)
    };
    frame.render_widget(Line::from(meaning(app, prompt)), note_area);
    if let Some(warning) = &prompt.warning {
        for (i, text) in wrapped_rows(format!("⚠ {warning}"), inner.width, 2)
            .into_iter()
            .enumerate()
        {
            frame.render_widget(
                Line::styled(text, theme::warning()),
                row(inner, 5 + i as u16),
            );
        }
    }
    frame.render_widget(key_hints(&hint(Context::LookAgainPrompt)), row(inner, 7));
}

/// What the text typed means, read again at every key: the day and how far
/// it is, or why it is not one yet.
fn meaning(app: &App, prompt: &LookAgainPrompt) -> Span<'static> {
    let today = app.clock.today;
    let set = app
        .session
        .as_ref()
        .and_then(|s| s.reflection.next_checkin())
        .is_some();
    match dates::parse(&prompt.editor.lines().join(" "), today) {
        DateInput::Valid(day) => Span::styled(
            format!(
                "→ {} ({})",
                dates::readable(day),
                dates::how_far(day, today)
            ),
            theme::answered(),
        ),
        DateInput::Empty if set => Span::styled("empty: Enter clears the day", theme::dim()),
        DateInput::Empty => Span::styled(dates::DATE_HELP, theme::dim()),
        // Short enough to sit beside the editor; Enter's warning says more.
        DateInput::Invalid => Span::styled(
            "not a day yet: try +2w, friday, YYYY-MM-DD",
            theme::warning(),
        ),
    }
}
