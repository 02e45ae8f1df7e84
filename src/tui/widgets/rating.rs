//! A 1-5 rating with the label of the chosen value.

use ratatui::text::{Line, Span};

use crate::guide::FieldGuide;
use crate::tui::theme;

pub fn rating_line(field: &FieldGuide, value: Option<u8>, focused: bool) -> Line<'_> {
    let mut spans = Vec::new();
    for n in 1..=5u8 {
        let style = match value {
            Some(v) if v == n => theme::selected_row().patch(theme::accent()),
            _ if focused => ratatui::style::Style::default(),
            _ => theme::dim(),
        };
        spans.push(Span::styled(format!(" {n} "), style));
    }
    let low = field.scale.first().map_or("", String::as_str);
    let high = field.scale.last().map_or("", String::as_str);
    match value.and_then(|v| field.scale.get(usize::from(v) - 1)) {
        Some(label) => spans.push(Span::styled(format!("  {label}"), theme::bold())),
        None => spans.push(Span::styled(format!("  1 {low} … 5 {high}"), theme::dim())),
    }
    Line::from(spans)
}
