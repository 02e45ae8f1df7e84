//! The agenda: every open step of every reflection in one list (overdue
//! first, in words as well as colour), and home's one line about it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use time::Date;
use unicode_width::UnicodeWidthStr;

use crate::agenda::{AgendaStep, Glance, checkins_due, glance};
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
    chrome::screen_title(frame, header, "agenda: the steps you set yourself");
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
                    " Steps come from the dated steps written in a reflection; Esc goes home.",
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

/// Home's one line about what is due, `width` columns at most: a check-in
/// whose day has come, how many steps are past their date and which is
/// next; nothing when no step is open and no check-in due. Names are cut
/// with `…` first (the step's before the check-in's), then the next step
/// gives way, so the counts and the key to the agenda stay.
pub fn glance_line(app: &App, width: usize) -> Option<String> {
    let today = app.clock.today;
    let summaries = &app.home.listing.reflections;
    let Glance {
        open,
        overdue,
        next,
    } = glance(summaries, today);
    let due = checkins_due(summaries, today);
    if open == 0 && due.count == 0 {
        return None;
    }
    let mut parts = Vec::new();
    if let Some(oldest) = &due.oldest {
        let before = match due.count {
            1 => "Check-in due: ".to_string(),
            n => format!("{n} check-ins due, oldest: "),
        };
        parts.push(Part::named(before, printable_line(&oldest.title), ""));
    }
    if overdue > 0 {
        parts.push(Part::plain(if overdue == 1 {
            "1 step past its date".to_string()
        } else {
            format!("{overdue} steps past their date")
        }));
    }
    let mut next_at = None;
    match next {
        Some(step) => {
            let when = match step.due {
                Some(due) if due == today => "today".to_string(),
                Some(due) => crate::dates::short(due, today),
                None => String::new(),
            };
            next_at = Some(parts.len());
            let text = printable_line(step.text.trim());
            parts.push(Part::named("next: ".into(), text, &format!(", {when}")));
        }
        None if open > 0 && overdue == 0 => {
            parts.push(Part::plain(format!(
                "{}, none dated",
                count(open, "open step")
            )));
        }
        None => {}
    }
    // `c` on home opens the check-in named here: with one due, that key
    // is the last words to give way.
    if due.oldest.is_some() {
        parts.push(Part::plain("c to check in".to_string()));
    }
    let agenda_at = (open > 0).then_some(parts.len());
    if agenda_at.is_some() {
        parts.push(Part::plain("a for the agenda".to_string()));
    }
    // The next step gives way first: to a check-in's title shown whole
    // (the agenda lists the step anyway), or when names would be cut to
    // nothing.
    let crowded = |parts: &[Part]| {
        !Part::fits(parts, width, MIN_NAME)
            || (due.count > 0 && !Part::fits(parts, width, usize::MAX))
    };
    let mut agenda_at = agenda_at;
    if crowded(&parts)
        && let Some(at) = next_at
    {
        parts.remove(at);
        agenda_at = agenda_at.map(|a| a - 1);
    }
    // Then the agenda's key (the footer offers it too), so the check-in's
    // stays.
    if due.count > 0
        && crowded(&parts)
        && let Some(at) = agenda_at
    {
        parts.remove(at);
    }
    let line = Part::join(&parts, width);
    Some(if line.width() > width {
        fit(&line, width)
    } else {
        line
    })
}

/// One part of home's line: words, and perhaps a name that can be cut.
struct Part {
    before: String,
    name: String,
    after: String,
}

/// A name cut shorter than this says too little.
const MIN_NAME: usize = 8;

impl Part {
    fn plain(text: String) -> Part {
        Part::named(text, std::borrow::Cow::Borrowed(""), "")
    }

    fn named(before: String, name: std::borrow::Cow<str>, after: &str) -> Part {
        Part {
            before,
            name: name.into_owned(),
            after: after.to_string(),
        }
    }

    fn fixed(parts: &[Part]) -> usize {
        let separators = 3 * parts.len().saturating_sub(1);
        parts
            .iter()
            .map(|p| p.before.width() + p.after.width())
            .sum::<usize>()
            + separators
    }

    /// Whether every part fits with its name cut to `cut` at most.
    fn fits(parts: &[Part], width: usize, cut: usize) -> bool {
        let names: usize = parts.iter().map(|p| p.name.width().min(cut)).sum();
        Part::fixed(parts) + names <= width
    }

    /// The parts joined by " · ", names cut to fit what room is left: the
    /// first (a check-in's title) keeps what it needs but the least the
    /// others need, which share the rest.
    fn join(parts: &[Part], width: usize) -> String {
        let mut room = width.saturating_sub(Part::fixed(parts));
        let mut left = parts.iter().filter(|p| !p.name.is_empty()).count();
        let mut shown = Vec::with_capacity(parts.len());
        for part in parts {
            let mut name = String::new();
            if !part.name.is_empty() {
                left -= 1;
                let share = room.saturating_sub(MIN_NAME * left).max(MIN_NAME);
                name = fit(&part.name, share);
                room = room.saturating_sub(name.width());
            }
            shown.push(format!("{}{name}{}", part.before, part.after));
        }
        shown.join(" · ")
    }
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
