//! The prompt that names a setback, for a new reflection or a new title.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::keys::{Context, hint};
use crate::tui::state::{TitlePrompt, TitlePurpose};
use crate::tui::theme;

use super::chrome::{key_hints, modal, row};

pub fn draw(frame: &mut Frame, area: Rect, prompt: &TitlePrompt) {
    let heading = match prompt.purpose {
        TitlePurpose::New => "Name this setback",
        TitlePurpose::Rename => "A new title",
    };
    let inner = modal(frame, area, heading, 72, 8);
    frame.render_widget(
        Line::styled(
            "A few words you will recognise later, or none for now.",
            theme::dim(),
        ),
        row(inner, 0),
    );
    frame.render_widget(Line::styled("▶", theme::accent()), row(inner, 2));
    let editor = Rect {
        x: inner.x + 2,
        width: inner.width.saturating_sub(2),
        ..row(inner, 2)
    };
    frame.render_widget(&prompt.editor, editor);
    frame.render_widget(key_hints(&hint(Context::TitlePrompt)), row(inner, 4));
}
