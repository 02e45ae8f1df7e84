//! The growth plan: every stage's answers compiled into one page, the "how
//! heavy now" rating, and marking the reflection complete.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use crate::dates::{self, DateInput};
use crate::outline::{self, PlanItem, PlanSection, PlanStep};
use crate::reflection::{Reflection, Status};
use crate::tui::state::{App, Session};
use crate::tui::theme;
use crate::tui::widgets::rating_line;
use crate::wizard::Stage;

use super::chrome;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let [header, body, rating, message, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(1),
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
        frame.render_widget(
            Paragraph::new(left)
                .wrap(Wrap { trim: false })
                .scroll(scroll),
            l,
        );
        frame.render_widget(
            Paragraph::new(right)
                .wrap(Wrap { trim: false })
                .scroll(scroll),
            r,
        );
    } else {
        left.extend(right);
        frame.render_widget(
            Paragraph::new(left)
                .wrap(Wrap { trim: false })
                .scroll(scroll),
            inner,
        );
    }
    draw_rating(frame, rating, app, session);
    chrome::message(
        frame,
        message,
        session.message.as_ref().or(app.notice.as_ref()),
    );
    chrome::footer(frame, footer, app);
}

fn draw_rating(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let r = &session.reflection;
    let Some(field) = app.guide.field(Stage::Plan, 0) else {
        return;
    };
    let status = match (r.status, r.completed) {
        (Status::Completed, Some(when)) => {
            let local = when.to_offset(app.offset);
            format!("Completed {}", dates::iso(local.date()))
        }
        (Status::Completed, None) => "Completed".into(),
        (Status::InProgress, _) => "In progress: press c to mark complete".into(),
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

/// The plan as two columns of text: what to do and by when; with whom, and
/// the risk to take.
fn compiled<'a>(r: &Reflection, app: &App) -> (Text<'a>, Text<'a>) {
    let plan = outline::growth_plan(r, app.guide, app.today);
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
        let text = if i < plan.first_column {
            &mut left
        } else {
            &mut right
        };
        if !text.lines.is_empty() {
            text.push_line(Line::raw(""));
        }
        text.extend(plan_section(section, None));
    }
    right.push_line(Line::raw(""));
    right.push_line(Line::styled(
        app.guide.stage(Stage::Plan).intro.trim().to_string(),
        theme::dim(),
    ));
    (left, right)
}

/// One section of the plan as lines; `selected_step` marks the step (by its
/// index in the Goals list) that the detail view would tick.
pub fn plan_section(section: &PlanSection, selected_step: Option<usize>) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(section.title, theme::heading())];
    for item in &section.items {
        match item {
            PlanItem::Bullets { items, none } => {
                if items.is_empty() {
                    lines.push(Line::styled(format!("  {none}"), theme::dim()));
                }
                for item in items {
                    lines.push(Line::from(vec![
                        Span::styled("  • ", theme::dim()),
                        Span::raw(item.clone()),
                    ]));
                }
            }
            PlanItem::Steps { steps, none } => {
                if steps.is_empty() {
                    lines.push(Line::styled(format!("  {none}"), theme::dim()));
                }
                for step in steps {
                    lines.push(step_line(step, selected_step == Some(step.index)));
                }
            }
            PlanItem::Labelled { label, value } => {
                let value_span = if value.trim().is_empty() {
                    Span::styled("not answered yet", theme::dim())
                } else {
                    Span::raw(value.clone())
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {label}: "), theme::dim()),
                    value_span,
                ]));
            }
        }
    }
    lines
}

fn step_line(step: &PlanStep, selected: bool) -> Line<'static> {
    let (mark, mark_style) = if step.item.done {
        ("[x]", theme::answered())
    } else {
        ("[ ]", theme::dim())
    };
    let when_style = match step.due {
        DateInput::Valid(_) => theme::accent(),
        DateInput::Invalid => theme::warning(),
        DateInput::Empty => theme::dim(),
    };
    let (pointer, text_style) = if selected {
        ("▶ ", theme::selected_row())
    } else {
        ("  ", ratatui::style::Style::default())
    };
    Line::from(vec![
        Span::styled(pointer, theme::accent()),
        Span::styled(format!("{mark} "), mark_style),
        Span::styled(format!("{:<11}", step.when()), when_style),
        Span::styled(step.item.text.clone(), text_style),
    ])
}
