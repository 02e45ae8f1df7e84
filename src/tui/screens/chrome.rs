//! What frames every screen: the header with progress, the footer of keys that
//! work now, the message line, and the notice for a terminal that is too small.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::reflection::display_title;
use crate::stage::Stage;
use crate::tui::keys::{Action, bindings_for};
use crate::tui::state::{App, Message, Session, Tone};
use crate::tui::theme;
use crate::wizard::{overall_progress, stage_progress};
use unicode_width::UnicodeWidthStr;

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

/// Two rows: the app and reflection title with overall progress, then the stages.
pub fn header(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let r = &session.reflection;
    let title = display_title(&r.title);
    let progress = overall_progress(r, app.guide);
    let stage = session.cursor.stage;
    let where_ = match stage.question_index() {
        Some(i) => format!("Stage {} of {} · ", i + 1, Stage::QUESTION_COUNT),
        None => "Growth plan · ".to_string(),
    };
    let right = format!(
        "{where_}{} of {} answered ",
        progress.answered, progress.total
    );
    let left = Line::from(vec![
        Span::styled(" rebound ", theme::heading()),
        Span::styled("· ", theme::dim()),
        Span::styled(title, theme::bold()),
    ]);
    let row = Rect { height: 1, ..area };
    let right_width = right.chars().count() as u16;
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

    let names: Vec<(Stage, String)> = Stage::ALL
        .into_iter()
        .map(|s| {
            let name = &app.guide.stage(s).title;
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
        let p = stage_progress(r, app.guide, s);
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
        strip.push(Span::styled(format!(" {label} "), style));
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
        .filter(|b| b.in_footer)
    {
        if shown.contains(&&binding.action) {
            continue;
        }
        let width = binding.label.chars().count() + binding.does.chars().count() + 4;
        if used + width > room {
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
    if area.height > 1 {
        // Both rows start one column in, as a single row does.
        let inset = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        };
        let text = Line::styled(message.text.as_str(), style);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inset);
    } else {
        frame.render_widget(Line::styled(format!(" {}", message.text), style), area);
    }
}

/// Rows for the message line: a message too long for one row (a conflict
/// says what happened, where the person's version is and what to do; the
/// support line names who to talk to) gets a second rather than being cut off.
pub fn message_rows(message: Option<&Message>, width: u16) -> u16 {
    match message {
        Some(m) if m.text.width() + 1 > usize::from(width) => 2,
        _ => 1,
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
