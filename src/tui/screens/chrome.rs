//! What frames every screen: the header with progress, the footer of keys that
//! work now, the message line, and the notice for a terminal that is too small.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::reflection::display_title;
use crate::stage::Stage;
use crate::text::printable_line;
use crate::tui::keys::{Action, bindings_for};
use crate::tui::reading_page::wrap;
use crate::tui::state::{App, Message, Session, Tone};
use crate::tui::theme;
use crate::tui::widgets::fit;
use crate::wizard::{overall_progress, stage_progress};

use super::{MIN_HEIGHT, MIN_WIDTH};

pub fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::styled("Please make the window larger.", theme::bold()),
        Line::raw(format!(
            "rebound needs {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}.",
            area.width, area.height
        )),
        Line::styled("Everything is saved. Ctrl-C quits.", theme::dim()),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let rect = Rect {
        y: area.y + y,
        height: area.height.saturating_sub(y),
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// A screen over home named in its first row: " rebound · agenda: …".
pub fn screen_title(frame: &mut Frame, area: Rect, what: &str) {
    frame.render_widget(
        Line::from(vec![
            Span::styled(" rebound ", theme::heading()),
            Span::styled(format!("· {what}"), theme::dim()),
        ]),
        area,
    );
}

/// Two rows: the app and reflection title with overall progress, then the stages.
pub fn header(frame: &mut Frame, area: Rect, session: &Session) {
    let r = &session.reflection;
    let title = display_title(&r.title);
    let guide: &crate::guide::Guide = &session.guide;
    let progress = overall_progress(r, guide);
    let stage = session.cursor.stage;
    let where_ = match stage.question_index() {
        Some(i) => format!("Stage {} of {} · ", i + 1, guide.stage_count()),
        None => "Growth plan · ".to_string(),
    };
    let checkin = session.checkin.as_ref();
    let right = match checkin {
        Some(_) => "Check-in ".to_string(),
        None => format!(
            "{where_}{} of {} answered ",
            progress.answered, progress.total
        ),
    };
    let row = Rect { height: 1, ..area };
    let right_width = right.chars().count() as u16;
    // " rebound · " and a space before the progress.
    let room = usize::from(row.width.saturating_sub(right_width + 12));
    let left = Line::from(vec![
        Span::styled(" rebound ", theme::heading()),
        Span::styled("· ", theme::dim()),
        Span::styled(fit(title, room), theme::bold()),
    ]);
    frame.render_widget(
        left,
        Rect {
            width: row.width.saturating_sub(right_width + 1),
            ..row
        },
    );
    frame.render_widget(
        Line::styled(right, theme::dim()).alignment(Alignment::Right),
        row,
    );
    let second = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    // A check-in has no stages to show: how heavy it felt before goes there.
    if let Some(form) = checkin {
        let room = usize::from(area.width.saturating_sub(2));
        let before = super::checkin::earlier_weights(form, room);
        frame.render_widget(Line::styled(format!(" {before}"), theme::dim()), second);
        return;
    }

    let names: Vec<(Stage, String)> = guide
        .walk()
        .map(|s| {
            let name = &guide.stage(s).title;
            let label = match s.question_index() {
                Some(i) => format!("{} {name}", i + 1),
                None => format!("★ {name}"),
            };
            (s, label)
        })
        .collect();
    let full_width: usize = 1 + names
        .iter()
        .map(|(_, l)| l.chars().count() + 2)
        .sum::<usize>();
    // In a narrow window only the current stage keeps its name.
    let short = full_width > usize::from(area.width);
    let mut strip = vec![Span::raw(" ")];
    for (s, label) in names {
        let p = stage_progress(r, guide, s);
        let style = if s == stage {
            theme::selected_row().patch(theme::accent())
        } else if p.answered > 0 {
            theme::answered()
        } else {
            theme::dim()
        };
        let label = if short && s != stage {
            label.split(' ').next().unwrap_or_default().to_string()
        } else {
            label
        };
        // Answered or not shows as a mark too, not by colour alone.
        let mark = if p.answered > 0 { '✓' } else { ' ' };
        strip.push(Span::styled(format!("{mark}{label} "), style));
    }
    let strip_row = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    frame.render_widget(Line::from(strip), strip_row);
}

/// The keys that work now, as many as fit; help is always offered at the right.
pub fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let help = Line::from(vec![Span::styled("F1", theme::key()), Span::raw(" help ")]);
    let room = usize::from(area.width).saturating_sub(help.width() + 2);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    let mut shown: Vec<&Action> = vec![&Action::ToggleHelp];
    for binding in bindings_for(&app.contexts())
        .into_iter()
        .filter(|b| b.in_footer && app.offers(b.when))
    {
        if shown.contains(&&binding.action) {
            continue;
        }
        let width = binding.label.chars().count() + binding.does.chars().count() + 4;
        // The three spaces after the last one may run into the gap before F1.
        if used + width - 3 > room {
            continue;
        }
        used += width;
        shown.push(&binding.action);
        spans.push(Span::styled(binding.label, theme::key()));
        spans.push(Span::raw(format!(" {}   ", binding.does)));
    }
    frame.render_widget(Line::from(spans), area);
    frame.render_widget(help.alignment(Alignment::Right), area);
}

pub fn message(frame: &mut Frame, area: Rect, message: Option<&Message>) {
    let Some(message) = message else { return };
    let style = match message.tone {
        Tone::Calm => theme::answered(),
        Tone::Warning => theme::warning(),
    };
    // Every row starts one column in, as a single row does.
    let inset = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    let lines = message_lines(message, inset.width, inset.height);
    frame.render_widget(
        Paragraph::new(
            lines
                .into_iter()
                .map(|l| Line::styled(l, style))
                .collect::<Vec<_>>(),
        ),
        inset,
    );
}

/// A message wrapped at words into the rows it has, a warning marked as one
/// in words as well as colour.
fn message_lines(message: &Message, width: u16, rows: u16) -> Vec<String> {
    let text = match message.tone {
        Tone::Calm => printable_line(&message.text).into_owned(),
        Tone::Warning => format!("⚠ {}", printable_line(&message.text)),
    };
    wrapped_rows(text, width, rows)
}

/// Text wrapped at words into at most `rows` rows; what still does not fit
/// ends with `…`, so a cut is never silent.
pub fn wrapped_rows(text: String, width: u16, rows: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut lines: Vec<String> = wrap(Line::raw(text), width)
        .iter()
        .map(ToString::to_string)
        .collect();
    let rows = usize::from(rows.max(1));
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            // `fit` cuts only what is too wide: make sure the `…` shows.
            let cut = fit(&format!("{last}…"), width);
            *last = if cut.ends_with('…') {
                cut
            } else {
                format!("{cut}…")
            };
        }
    }
    lines
}

/// Rows for the message line: none taken when there is nothing to say
/// would make the screen jump, so at least one.
pub fn message_rows(message: Option<&Message>, width: u16) -> u16 {
    message.map_or(1, |m| m.rows(width))
}

/// Where a scrolled page is, for a cue beside it: nothing when it all fits.
pub fn where_on_page(scroll: usize, total: usize, height: u16) -> String {
    let height = usize::from(height);
    if total <= height {
        String::new()
    } else if scroll == 0 {
        "top · more ↓".into()
    } else if scroll + height >= total {
        "end ↑".into()
    } else {
        format!("{}% ↕", scroll * 100 / (total - height))
    }
}

/// A bordered box over the screen for a prompt or a question; returns the
/// area inside it.
pub fn modal(frame: &mut Frame, area: Rect, title: &str, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(4));
    let height = height.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) / 3,
        width,
        height,
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::accent())
        .title(Line::styled(format!(" {title} "), theme::heading()));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// One row of a modal's inside, counted from its top.
pub fn row(inner: Rect, y: u16) -> Rect {
    Rect {
        y: inner.y + y.min(inner.height.saturating_sub(1)),
        height: 1,
        ..inner
    }
}

/// Keys written as in the footer: `Enter write   Esc cancel`.
pub fn key_hints(pairs: &[(&'static str, &'static str)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, does) in pairs {
        spans.push(Span::styled(*key, theme::key()));
        spans.push(Span::raw(format!(" {does}   ")));
    }
    Line::from(spans)
}
