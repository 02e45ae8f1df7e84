//! F1: every key of the current screen, drawn from the binding table and
//! scrolled when the window is too short for all of them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::help_page::HelpPage;
use crate::tui::state::App;
use crate::tui::theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let page = HelpPage::new(&app.contexts_without_help(), area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::accent())
        .title(Line::styled(" Keys on this screen ", theme::heading()));
    frame.render_widget(Clear, page.rect);
    frame.render_widget(
        Paragraph::new(page.lines(app.help_scroll)).block(block),
        page.rect,
    );
}
