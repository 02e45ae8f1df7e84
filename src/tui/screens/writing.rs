//! The free-writing page: a calm header, the stop rule, a word count, and the whole window to write in.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::field::FieldFocus;
use crate::tui::state::{App, Session, WritingPage};
use crate::tui::theme;
use crate::tui::widgets::render_editing;

use super::chrome;

/// What the page is for and when to stop, in one breath.
const STOP_RULE: &str = "Write freely for about fifteen minutes, with no structure. If it gets too \
                         upsetting, stop or write about something else. Private: left out of \
                         exports unless you ask.";

/// Most rows the stop rule may take in a narrow window.
const RULE_ROWS: u16 = 3;

/// Where each part of the page goes in a window this size.
struct Areas {
    header: Rect,
    rule: Rect,
    text: Rect,
    message: Rect,
    footer: Rect,
}

fn areas(area: Rect, message_rows: u16) -> Areas {
    let inner = area.width.saturating_sub(2);
    let rule_rows = chrome::wrapped_rows(STOP_RULE.to_string(), inner, RULE_ROWS).len();
    let rule_rows = u16::try_from(rule_rows).unwrap_or(RULE_ROWS);
    let [header, rule, _gap, text, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(rule_rows),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(message_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let inset = |r: Rect| Rect {
        x: r.x + 1,
        width: r.width.saturating_sub(2),
        ..r
    };
    Areas {
        header,
        rule: inset(rule),
        text: inset(text),
        message,
        footer,
    }
}

/// The text's columns and rows in a window of `size`, for keeping the
/// cursor in view as keys move it (a message line is assumed).
pub fn text_size(size: (u16, u16)) -> (u16, u16) {
    let text = areas(Rect::new(0, 0, size.0, size.1), 1).text;
    (text.width.max(1), text.height.max(1))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, session: &Session, page: &WritingPage) {
    let said = app.message_for(session);
    let at = areas(area, chrome::message_rows(said, area.width));
    let count = match page.words {
        1 => "1 word ".to_string(),
        n => format!("{n} words "),
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(" rebound ", theme::heading()),
            Span::styled("· ", theme::dim()),
            Span::styled("Writing it out", theme::bold()),
            Span::styled(" · private", theme::dim()),
        ]),
        at.header,
    );
    frame.render_widget(
        Line::styled(count, theme::dim()).alignment(Alignment::Right),
        at.header,
    );
    let rule: Vec<Line> = chrome::wrapped_rows(STOP_RULE.to_string(), at.rule.width, RULE_ROWS)
        .into_iter()
        .map(|row| Line::styled(row, theme::dim()))
        .collect();
    frame.render_widget(Paragraph::new(rule), at.rule);
    let editor = match &page.focus {
        FieldFocus::Text(editor) => Some(editor),
        FieldFocus::Long(long) => Some(&long.area),
        _ => None,
    };
    if let Some(editor) = editor {
        let (above, below) = render_editing(editor, at.text, frame.buffer_mut());
        // The page uses the whole width, so the cue sits in the margin.
        let x = at.text.x.saturating_sub(1);
        if above {
            frame
                .buffer_mut()
                .set_string(x, at.text.y, "↑", theme::accent());
        }
        if below && at.text.height > 1 {
            let y = at.text.y + at.text.height - 1;
            frame.buffer_mut().set_string(x, y, "↓", theme::accent());
        }
    }
    chrome::message(frame, at.message, said);
    chrome::footer(frame, at.footer, app);
}
