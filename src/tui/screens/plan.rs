//! The growth plan: every stage's answers compiled into one page, the "how
//! heavy now" rating, and marking the reflection complete.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;

use crate::lifecycle::Standing;
use crate::outline;
use crate::reflection::Reflection;
use crate::stage::Stage;
use crate::tui::reading_page::wrap;
use crate::tui::state::{App, Session};
use crate::tui::theme;
use crate::tui::widgets::{Empty, plan_section, rating_line};

use super::chrome;

/// On a wide window the plan takes two columns: the lesson, what to do and by
/// when in the first four sections, then with whom, the risk and the weight.
const FIRST_COLUMN_SECTIONS: usize = 4;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let said = app.message_for(session);
    let [header, body, rating, message, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(chrome::message_rows(said, area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(frame, header, app, session);
    let inner = Rect {
        x: body.x + 2,
        width: body.width.saturating_sub(4),
        ..body
    };
    let (mut left, right) = compiled(&session.reflection, app);
    let scroll = (session.plan_scroll, 0);
    // Side by side when there is room, so most plans fit on one screen.
    if inner.width >= 90 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .spacing(2)
            .areas(inner);
        frame.render_widget(Paragraph::new(wrapped(left, l.width)).scroll(scroll), l);
        frame.render_widget(Paragraph::new(wrapped(right, r.width)).scroll(scroll), r);
    } else {
        left.extend(right);
        frame.render_widget(
            Paragraph::new(wrapped(left, inner.width)).scroll(scroll),
            inner,
        );
    }
    draw_rating(frame, rating, app, session);
    chrome::message(frame, message, said);
    chrome::footer(frame, footer, app);
}

fn draw_rating(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let r = &session.reflection;
    let Some(field) = app.guide.field(Stage::Plan, 0) else {
        return;
    };
    let status = match Standing::of(r) {
        Standing::InProgress(_) => "In progress: press c to mark complete".into(),
        completed => completed.sentence(app.guide, app.clock),
    };
    let lines = vec![
        Line::styled("─".repeat(usize::from(area.width)), theme::dim()),
        Line::from(vec![
            Span::styled(format!(" ▶ {}", field.label), theme::focused_label()),
            Span::styled(format!("   {status}"), theme::dim()),
        ]),
        {
            let mut line = rating_line(field, r.rating(Stage::Plan, &field.key), true);
            line.spans.insert(0, Span::raw("   "));
            line
        },
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

/// Lines wrapped at words, a step's or a label's later rows indented under
/// its text.
fn wrapped(text: Text<'static>, width: u16) -> Vec<Line<'static>> {
    text.lines
        .into_iter()
        .flat_map(|line| wrap(line, usize::from(width.max(1))))
        .collect()
}

/// The plan as two columns of text: what to do and by when; with whom, and
/// the risk to take.
fn compiled(r: &Reflection, app: &App) -> (Text<'static>, Text<'static>) {
    let plan = outline::growth_plan(r, app.guide, app.clock.today);
    let mut left = Text::default();
    left.push_line(Line::from(vec![
        Span::styled(format!("★ {}", plan.title), theme::heading()),
        Span::styled(format!("  {}", plan.tagline), theme::dim()),
    ]));
    if r.title.trim().is_empty() {
        left.push_line(Line::styled(
            "This reflection has no title yet: press t.",
            theme::warning(),
        ));
    }
    let mut right = Text::default();
    for (i, section) in plan.sections.iter().enumerate() {
        let text = if i < FIRST_COLUMN_SECTIONS {
            &mut left
        } else {
            &mut right
        };
        if !text.lines.is_empty() {
            text.push_line(Line::raw(""));
        }
        text.extend(
            plan_section(section, None, Empty::Show)
                .into_iter()
                .map(|(line, _)| line),
        );
    }
    right.push_line(Line::raw(""));
    right.push_line(Line::styled(
        app.guide.stage(Stage::Plan).intro.trim().to_string(),
        theme::dim(),
    ));
    (left, right)
}
