//! The prompt that names a setback, for a new reflection or a new title.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear};

use crate::tui::state::{App, TitlePurpose};
use crate::tui::theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(prompt) = &app.title_prompt else {
        return;
    };
    let width = area.width.saturating_sub(8).min(72);
    let height = 8;
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) / 3,
        width,
        height,
    };
    let heading = match prompt.purpose {
        TitlePurpose::New => " Name this setback ",
        TitlePurpose::Rename => " A new title ",
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::accent())
        .title(Line::styled(heading, theme::heading()));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let line = |y: u16| Rect {
        x: inner.x + 1,
        y: inner.y + y,
        width: inner.width.saturating_sub(2),
        height: 1,
    };
    frame.render_widget(
        Line::styled("A few words you will recognise later.", theme::dim()),
        line(0),
    );
    frame.render_widget(Line::styled("▶", theme::accent()), line(2));
    let editor_area = Rect {
        x: inner.x + 3,
        width: inner.width.saturating_sub(4),
        ..line(2)
    };
    frame.render_widget(&prompt.editor, editor_area);
    frame.render_widget(
        Line::from(vec![
            ratatui::text::Span::styled("Enter", theme::key()),
            ratatui::text::Span::raw(" continue   "),
            ratatui::text::Span::styled("Esc", theme::key()),
            ratatui::text::Span::raw(" cancel"),
        ]),
        line(4),
    );
}
