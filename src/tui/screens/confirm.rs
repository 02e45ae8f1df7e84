//! The question before a reflection goes to the trash.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::state::ConfirmDelete;
use crate::tui::theme;
use crate::tui::widgets::fit;

use super::chrome::{key_hints, modal, row};

pub fn draw(frame: &mut Frame, area: Rect, confirm: &ConfirmDelete) {
    let inner = modal(frame, area, "Delete this reflection?", 64, 8);
    let room = usize::from(inner.width).saturating_sub(24);
    frame.render_widget(
        Line::from(vec![
            Span::raw("Move "),
            Span::styled(format!("\"{}\"", fit(&confirm.title, room)), theme::bold()),
            Span::raw(" to the trash?"),
        ]),
        row(inner, 0),
    );
    frame.render_widget(
        Line::styled(
            "Nothing is destroyed: press u afterwards to bring it back.",
            theme::dim(),
        ),
        row(inner, 2),
    );
    frame.render_widget(
        key_hints(&[("y", "yes, delete"), ("n", "no, keep it")]),
        row(inner, 4),
    );
}
