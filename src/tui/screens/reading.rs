//! Reading a reflection: the growth plan and every answer on one scrollable
//! page, with the selected action step ready to tick.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::dates;
use crate::export::status_line;
use crate::reflection::display_title;
use crate::text::printable_line;
use crate::tui::reading_page::page_size;
use crate::tui::state::{App, ReadOnly, Session};
use crate::tui::theme;
use crate::tui::widgets::fit;
use unicode_width::UnicodeWidthStr;

use super::chrome;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let said = app.message_for(session);
    let [header, body, message, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
        Constraint::Length(chrome::message_rows(said, area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    let (width, height) = page_size((area.width, area.height));
    let Some(doc) = app.reading_document() else {
        return;
    };
    let scroll = session.reading.scroll.min(doc.max_scroll(height));
    draw_header(
        frame,
        header,
        app,
        session,
        chrome::where_on_page(scroll, doc.lines.len(), height),
    );

    let column = Rect {
        x: body.x + 2,
        width: width.min(body.width.saturating_sub(2)),
        ..body
    };
    let shown: Vec<Line> = doc
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(shown), column);
    chrome::message(frame, message, said);
    chrome::footer(frame, footer, app);
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App, session: &Session, place: String) {
    let r = &session.reflection;
    let clock = app.clock;
    let row = |y: u16| Rect {
        y: area.y + y,
        height: 1,
        ..area
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(" rebound ", theme::heading()),
            Span::styled("· ", theme::dim()),
            Span::styled(
                fit(
                    display_title(&r.title),
                    usize::from(area.width).saturating_sub(22),
                ),
                theme::bold(),
            ),
        ]),
        row(0),
    );
    let copy = match &session.read_only {
        Some(ReadOnly::ConflictCopy { what, .. }) => Some(what),
        _ => None,
    };
    frame.render_widget(
        Line::styled(
            if copy.is_some() {
                "read only "
            } else {
                "reading "
            },
            theme::dim(),
        )
        .alignment(Alignment::Right),
        row(0),
    );
    let day = |t: time::OffsetDateTime| dates::iso(t.to_offset(app.clock.offset).date());
    let room = usize::from(area.width).saturating_sub(place.chars().count() + 2);
    // What a copy is matters more than its dates, and must not scroll away
    // or give way to another message: it takes their row.
    let (about, style) = match copy {
        Some(what) => (format!(" {}", printable_line(what)), theme::accent()),
        None => {
            // Whole parts only: a narrow window drops the dates one at a
            // time rather than cutting a date in half.
            let status = status_line(r, &session.guide, clock);
            let started = format!(" · started {}", day(r.created));
            let edited = format!(" · last edited {}", day(r.updated));
            let parts = [
                format!(" {status}{started}{edited}"),
                format!(" {status}{edited}"),
                format!(" {status}"),
            ];
            let about = parts
                .iter()
                .find(|p| p.width() <= room)
                .unwrap_or(&parts[2])
                .clone();
            (about, theme::dim())
        }
    };
    frame.render_widget(Line::styled(fit(&about, room), style), row(1));
    frame.render_widget(
        Line::styled(format!("{place} "), theme::dim()).alignment(Alignment::Right),
        row(1),
    );
    frame.render_widget(
        Line::styled("─".repeat(usize::from(area.width)), theme::dim()),
        row(2),
    );
}
