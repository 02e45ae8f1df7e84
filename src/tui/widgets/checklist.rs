//! A fixed set of options, each ticked or not.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::guide::FieldGuide;
use crate::tui::field::FieldFocus;
use crate::tui::theme;

pub fn render(
    field: &FieldGuide,
    checked: &[String],
    focus: Option<&FieldFocus>,
    area: Rect,
    buf: &mut Buffer,
) {
    let cursor = match focus {
        Some(FieldFocus::Checklist { index }) => Some(*index),
        _ => None,
    };
    let lines: Vec<Line> = field
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let ticked = checked.iter().any(|c| c == &option.key);
            let mark = if ticked { "[x] " } else { "[ ] " };
            let mark_style = if ticked {
                theme::answered()
            } else {
                theme::dim()
            };
            let label_style = if cursor == Some(i) {
                theme::selected_row()
            } else {
                ratatui::style::Style::default()
            };
            Line::from(vec![
                Span::styled(mark, mark_style),
                Span::styled(option.label.as_str(), label_style),
            ])
        })
        .collect();
    Paragraph::new(lines).render(area, buf);
}
