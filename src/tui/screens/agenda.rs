//! The agenda: every open step of every reflection in one list (overdue
//! first, in words as well as colour), and home's one line about it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use time::Date;
use unicode_width::UnicodeWidthStr;

use crate::agenda::{AgendaStep, Glance, glance};
use crate::text::printable_line;
use crate::tui::state::{Agenda, App};
use crate::tui::theme;
use crate::tui::widgets::fit;

use super::chrome;

/// Room for the DUE column: "Wed 30 Dec overdue".
const DUE_WIDTH: usize = 19;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, agenda: &Agenda) {
    let [header, heads, list, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(chrome::message_rows(app.notice.as_ref(), area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Line::from(vec![
            Span::styled(" rebound ", theme::heading()),
            Span::styled("· agenda: the steps you set yourself", theme::dim()),
        ]),
        header,
    );
    let open = agenda.steps.iter().filter(|s| !s.done).count();
    frame.render_widget(
        Line::styled(format!("{} ", count(open, "open step")), theme::dim())
            .alignment(Alignment::Right),
        header,
    );
    if agenda.steps.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::raw(""),
                Line::raw(" No open steps."),
                Line::styled(
                    " Steps come from a reflection's Goals stage; Esc goes home.",
                    theme::dim(),
                ),
            ]),
            list,
        );
    } else {
        let (step_w, title_w) = widths(area.width);
        frame.render_widget(
            Line::styled(
                format!(
                    " {}{}REFLECTION",
                    pad("DUE", DUE_WIDTH + 2),
                    pad("STEP", step_w + 2)
                ),
                theme::dim(),
            ),
            heads,
        );
        let rows = usize::from(list.height);
        let today = app.clock.today;
        let lines: Vec<Line> = agenda
            .steps
            .iter()
            .enumerate()
            .skip(agenda.first_shown(rows))
            .take(rows)
            .map(|(at, s)| row(s, today, at == agenda.selected, step_w, title_w))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }
    chrome::message(frame, message, app.notice.as_ref());
    chrome::footer(frame, footer, app);
}

/// The STEP and REFLECTION columns share what the DUE column leaves, the
/// step getting the larger part.
fn widths(width: u16) -> (usize, usize) {
    let room = usize::from(width).saturating_sub(DUE_WIDTH + 2 + 2 + 2);
    let step = room * 3 / 5;
    (step, room - step)
}

fn row(
    s: &AgendaStep,
    today: Date,
    selected: bool,
    step_w: usize,
    title_w: usize,
) -> Line<'static> {
    let due_style = if s.overdue {
        theme::warning()
    } else {
        theme::dim()
    };
    let base = if selected {
        theme::selected_row()
    } else {
        Style::default()
    };
    let text = fit(&printable_line(&s.text), step_w);
    let title = fit(&printable_line(&s.title), title_w);
    Line::from(vec![
        Span::styled(if selected { "›" } else { " " }, base),
        Span::styled(
            pad(&due_cell(s, today), DUE_WIDTH + 2),
            base.patch(due_style),
        ),
        Span::styled(pad(&text, step_w + 2), base),
        Span::styled(title, base.patch(theme::dim())),
    ])
}

/// What the DUE column says, the meaning in a word so it reads without colour.
pub fn due_cell(s: &AgendaStep, today: Date) -> String {
    let word = s.state_word(today);
    match s.due {
        Some(due) => format!("{}{word}", crate::dates::short(due, today)),
        None if s.due_text.trim().is_empty() => format!("-{word}"),
        None => format!("{}{word}", fit(&printable_line(&s.due_text), 10)),
    }
}

/// Home's one line about the agenda, `width` columns at most: how many steps
/// are past their date and which is next, or nothing when no step is open.
/// A long step is cut with `…` first, so the key to the agenda stays.
pub fn glance_line(app: &App, width: usize) -> Option<String> {
    let today = app.clock.today;
    let Glance {
        open,
        overdue,
        next,
    } = glance(&app.home.listing.reflections, today);
    if open == 0 {
        return None;
    }
    let mut parts = Vec::new();
    if overdue > 0 {
        parts.push(if overdue == 1 {
            "1 step past its date".to_string()
        } else {
            format!("{overdue} steps past their date")
        });
    }
    let mut step_text = None;
    match next {
        Some(step) => {
            let when = match step.due {
                Some(due) if due == today => "today".to_string(),
                Some(due) => crate::dates::short(due, today),
                None => String::new(),
            };
            step_text = Some((
                parts.len(),
                printable_line(step.text.trim()).into_owned(),
                when,
            ));
            parts.push(String::new());
        }
        None if overdue == 0 => parts.push(format!("{}, none dated", count(open, "open step"))),
        None => {}
    }
    parts.push("a for the agenda".to_string());
    if let Some((at, text, when)) = step_text {
        let separators = 3 * (parts.len() - 1);
        let others: usize = parts.iter().map(|p| p.width()).sum::<usize>() + separators;
        let room = width.saturating_sub(others + "next: , ".len() + when.width());
        parts[at] = format!("next: {}, {when}", fit(&text, room.max(8)));
    }
    let line = parts.join(" · ");
    Some(if line.width() > width {
        fit(&line, width)
    } else {
        line
    })
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}
