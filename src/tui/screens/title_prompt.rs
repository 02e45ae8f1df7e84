//! The prompt that names a setback, for a new reflection or a new title.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::text::printable_line;
use crate::tui::keys::{Context, hint};
use crate::tui::state::{App, TitlePrompt, TitlePurpose};
use crate::tui::theme;
use crate::tui::widgets::{draw_editor, fit};

use super::chrome::{key_hints, modal, row};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, prompt: &TitlePrompt) {
    let heading = match &prompt.purpose {
        // The guide chosen a moment ago, named where the title is typed:
        // a wrong one is one Esc away, before anything is created.
        TitlePurpose::New(name) if app.guides.guides.len() > 1 => {
            let title = app
                .guides
                .named(name)
                .and_then(|e| e.guide.title.as_deref())
                .unwrap_or(name);
            let room = usize::from(area.width.min(72)).saturating_sub(28);
            format!(
                "Name this setback · {}",
                fit(&printable_line(title.trim()), room)
            )
        }
        TitlePurpose::New(_) => "Name this setback".to_string(),
        TitlePurpose::Rename => "A new title".to_string(),
    };
    let inner = modal(frame, area, &heading, 72, 8);
    frame.render_widget(
        Line::styled(
            fit(
                "A few words you will recognise later, or none for now.",
                usize::from(inner.width),
            ),
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
    // As every one-line field: never left scrolled further than it needs
    // after the window changes, and a cut says so with `…`.
    draw_editor(&prompt.editor, editor, frame.buffer_mut());
    frame.render_widget(key_hints(&hint(Context::TitlePrompt)), row(inner, 4));
}
