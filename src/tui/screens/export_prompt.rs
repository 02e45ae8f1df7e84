//! Where to write an export, and in which format.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::export::Format;
use crate::tui::state::ExportPrompt;
use crate::tui::theme;
use crate::tui::widgets::{draw_editor, fit};

use super::chrome::{key_hints, modal, row, wrapped_rows};

pub fn draw(frame: &mut Frame, area: Rect, prompt: &ExportPrompt) {
    let inner = modal(frame, area, "Export", 84, 10);
    let mut formats = vec![Span::styled("Format  ", theme::dim())];
    for format in Format::ALL {
        let style = if format == prompt.format {
            theme::selected_row().patch(theme::accent())
        } else {
            theme::dim()
        };
        formats.push(Span::styled(format!(" {} ", format.name()), style));
        formats.push(Span::raw(" "));
    }
    frame.render_widget(Line::from(formats), row(inner, 0));
    frame.render_widget(Line::styled("To", theme::dim()), row(inner, 2));
    let editor = Rect {
        x: inner.x + 8,
        width: inner.width.saturating_sub(8),
        ..row(inner, 2)
    };
    draw_editor(&prompt.editor, editor, frame.buffer_mut());
    if let Some(warning) = &prompt.warning {
        // Two rows, so a long reason (a path and an OS error) is read whole.
        let rows = wrapped_rows(format!("⚠ {warning}"), inner.width, 2);
        for (i, text) in rows.into_iter().enumerate() {
            frame.render_widget(
                Line::styled(text, theme::warning()),
                row(inner, 4 + i as u16),
            );
        }
    } else {
        frame.render_widget(
            Line::styled(
                fit(
                    "~/ is your home; other relative paths start where rebound ran.",
                    usize::from(inner.width),
                ),
                theme::dim(),
            ),
            row(inner, 4),
        );
    }
    frame.render_widget(
        key_hints(&[("Enter", "write"), ("Tab", "format"), ("Esc", "cancel")]),
        row(inner, 6),
    );
}
