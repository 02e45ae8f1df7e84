//! The home screen: unfinished reflections first, then completed ones.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::dates;
use crate::reflection::Status;
use crate::store::Summary;
use crate::tui::state::App;
use crate::tui::theme;
use crate::tui::widgets::fit;
use crate::wizard::Stage;
use unicode_width::UnicodeWidthStr;

use super::chrome;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let bad = app.listing.bad_files.len() as u16;
    let [header, list, notices, message, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(bad.min(4)),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = Line::from(vec![
        Span::styled(" rebound ", theme::heading()),
        Span::styled("· turn a setback into a plan", theme::dim()),
    ]);
    frame.render_widget(
        title,
        Rect {
            height: 1,
            ..header
        },
    );
    if app.listing.reflections.is_empty() {
        draw_welcome(frame, list);
    } else {
        draw_list(frame, list, app);
    }
    let notice_lines: Vec<Line> = app
        .listing
        .bad_files
        .iter()
        .take(4)
        .map(|b| {
            Line::styled(
                format!(" ⚠ skipped {}: {}", b.path.display(), b.reason),
                theme::warning(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(notice_lines), notices);
    chrome::message(frame, message, app.notice.as_ref());
    chrome::footer(frame, footer, app);
}

fn draw_welcome(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::raw(""),
        Line::styled("No reflections yet.", theme::bold()),
        Line::raw(""),
        Line::raw("A reflection walks you through a setback in seven short stages,"),
        Line::raw("from how you see it today to a dated plan and one brave first step."),
        Line::raw("Everything saves as you type; leave whenever you like and come back later."),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled("n", theme::key()),
            Span::raw(" to begin."),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// One line of the home list, before it is formatted.
enum ListLine {
    Blank,
    Heading(Status),
    Row(usize),
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    // Lay out cheap placeholders for every line, then format only the lines
    // on screen: the list may hold ten thousand reflections.
    let mut layout = Vec::with_capacity(app.listing.reflections.len() + 3);
    let mut selected_line = 0;
    let mut last_status = None;
    for (i, summary) in app.listing.reflections.iter().enumerate() {
        if last_status != Some(summary.status) {
            if last_status.is_some() {
                layout.push(ListLine::Blank);
            }
            layout.push(ListLine::Heading(summary.status));
            last_status = Some(summary.status);
        }
        if i == app.selected {
            selected_line = layout.len();
        }
        layout.push(ListLine::Row(i));
    }
    // Keep the selected row on screen in a long list.
    let visible = usize::from(area.height);
    let scroll = (selected_line + 2).saturating_sub(visible);
    let lines: Vec<Line> = layout
        .iter()
        .skip(scroll)
        .take(visible)
        .map(|line| match line {
            ListLine::Blank => Line::raw(""),
            ListLine::Heading(Status::InProgress) => Line::styled(" Unfinished", theme::heading()),
            ListLine::Heading(Status::Completed) => Line::styled(" Completed", theme::heading()),
            ListLine::Row(i) => row(
                &app.listing.reflections[*i],
                app,
                *i == app.selected,
                area.width,
            ),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn row<'a>(summary: &'a Summary, app: &App, selected: bool, width: u16) -> Line<'a> {
    let detail = match summary.status {
        Status::InProgress => {
            let stage = Stage::from_key(&summary.stage).unwrap_or(Stage::Perspective);
            match stage.question_index() {
                Some(i) => format!("stage {} of 7, {}", i + 1, app.guide.stage(stage).title),
                None => "at the growth plan".to_string(),
            }
        }
        Status::Completed => match summary.completed {
            Some(when) => format!(
                "completed {}",
                dates::iso(when.to_offset(app.offset).date())
            ),
            None => "completed".to_string(),
        },
    };
    let edited = format!(
        "edited {}",
        dates::iso(summary.updated.to_offset(app.offset).date())
    );
    let title = if summary.title.trim().is_empty() {
        "Untitled reflection"
    } else {
        summary.title.as_str()
    };
    let right = format!("{detail:<28}{edited:>18} ");
    let title_width = usize::from(width).saturating_sub(right.chars().count() + 4);
    let title = fit(title, title_width);
    let pad = title_width.saturating_sub(title.width());
    let marker = if selected { " ▶ " } else { "   " };
    let style = if selected {
        theme::selected_row()
    } else {
        ratatui::style::Style::default()
    };
    Line::from(vec![
        Span::styled(marker, theme::accent()),
        Span::styled(format!("{title}{} ", " ".repeat(pad)), style),
        Span::styled(right, theme::dim()),
    ])
}
