//! F1: every key of the current screen, drawn from the binding table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::support::CRISIS_LINE;
use crate::tui::keys::{Context, bindings_for};
use crate::tui::reading_page::wrap;
use crate::tui::state::App;
use crate::tui::theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    // Help describes the screen underneath it, not itself.
    let contexts: Vec<Context> = {
        let mut under = app.contexts_without_help();
        under.retain(|c| *c != Context::Help);
        under
    };
    let bindings = bindings_for(&contexts);
    let mut lines = vec![Line::raw("")];
    let mut shown: Vec<&str> = Vec::new();
    for b in &bindings {
        // A key listed twice does only what its first (most specific) entry
        // says: Ctrl-Z undoes in a text field and suspends elsewhere.
        if shown.contains(&b.label) {
            continue;
        }
        shown.push(b.label);
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<13}", b.label), theme::key()),
            Span::raw(b.does),
        ]));
    }
    let width = 54.min(area.width);
    let mut closing = vec![
        Line::raw(""),
        Line::styled("  Everything you type is saved as you go.", theme::dim()),
    ];
    let crisis = Line::from(vec![Span::raw("  "), Span::raw(CRISIS_LINE)]);
    closing.extend(wrap(crisis, usize::from(width.saturating_sub(4))));
    closing.push(Line::styled("  Esc or F1 closes this help.", theme::dim()));
    // The crisis line must never be the part a short window cuts off, so
    // the list of keys gives way first.
    let room = usize::from(area.height.saturating_sub(2)).saturating_sub(closing.len());
    if lines.len() > room {
        lines.truncate(room.saturating_sub(1));
        lines.push(Line::styled(
            "  A taller window shows every key.",
            theme::dim(),
        ));
    }
    lines.extend(closing);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::accent())
        .title(Line::styled(" Keys on this screen ", theme::heading()));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
