//! The growth plan: every stage's answers compiled into one page, the "how
//! heavy now" rating, and marking the reflection complete.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use crate::dates::{self, DateInput};
use crate::guide::Guide;
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
fn compiled<'a>(r: &'a Reflection, app: &'a App) -> (Text<'a>, Text<'a>) {
    let guide = app.guide;
    let plan = guide.stage(Stage::Plan);
    let mut text = Text::default();
    text.push_line(Line::from(vec![
        Span::styled(format!("★ {}", plan.title), theme::heading()),
        Span::styled(format!("  {}", plan.tagline), theme::dim()),
    ]));
    if r.title.trim().is_empty() {
        text.push_line(Line::styled(
            "This reflection has no title yet: press t.",
            theme::warning(),
        ));
    }

    section(&mut text, "Goals");
    bullets(&mut text, r.list(Stage::Goals, "objectives"));

    section(&mut text, "Steps, by date");
    let mut steps = r.actions(Stage::Goals, "steps");
    steps.sort_by_key(|s| match dates::parse(&s.due, app.today) {
        DateInput::Valid(d) => (0, Some(d)),
        _ => (1, None),
    });
    if steps.is_empty() {
        text.push_line(Line::styled("  none yet (stage 4, Goals)", theme::dim()));
    }
    for step in &steps {
        let (mark, mark_style) = if step.done {
            ("[x]", theme::answered())
        } else {
            ("[ ]", theme::dim())
        };
        let (when, when_style) = match dates::parse(&step.due, app.today) {
            DateInput::Valid(d) => (dates::iso(d), theme::accent()),
            DateInput::Invalid => (format!("{}?", step.due.trim()), theme::warning()),
            DateInput::Empty => ("no date".to_string(), theme::dim()),
        };
        text.push_line(Line::from(vec![
            Span::styled(format!("  {mark} "), mark_style),
            Span::styled(format!("{when:<11}"), when_style),
            Span::raw(step.text.clone()),
        ]));
    }
    labelled_list(&mut text, "If-then plans", r.list(Stage::Goals, "if_then"));

    section(&mut text, "Skills");
    bullets(&mut text, r.list(Stage::Skills, "gaps"));
    let methods = checked_labels(guide, r, Stage::Skills, "methods");
    labelled(&mut text, "How", &methods);
    labelled(&mut text, "Plan", r.text(Stage::Skills, "method_details"));
    labelled(&mut text, "Habit", r.text(Stage::Skills, "habit"));

    let left = text;
    let mut text = Text::default();
    section(&mut text, "People");
    labelled_list(
        &mut text,
        "Ask for feedback",
        r.list(Stage::Network, "feedback_from"),
    );
    labelled_list(
        &mut text,
        "What to ask",
        r.list(Stage::Network, "feedback_ask"),
    );
    labelled_list(
        &mut text,
        "Where to show up",
        r.list(Stage::Network, "communities"),
    );

    section(&mut text, "The risk");
    labelled(&mut text, "Risk", r.text(Stage::Risk, "risk"));
    let mut first_step = r.text(Stage::Risk, "first_step").to_string();
    let when = r.text(Stage::Risk, "first_step_date");
    if !when.trim().is_empty() {
        first_step = format!("{first_step} (by {})", when.trim());
    }
    labelled(&mut text, "First step", first_step.trim());
    let odds_field = guide.stage(Stage::Risk).field("odds");
    if let (Some(field), Some(v)) = (odds_field, r.rating(Stage::Risk, "odds")) {
        let label = field
            .scale
            .get(usize::from(v) - 1)
            .map_or("", String::as_str);
        labelled(&mut text, "Odds", &format!("{v} of 5, {label}"));
    }

    section(&mut text, "How heavy it feels");
    let weight = guide.stage(Stage::Perspective).field("weight_today");
    match (weight, r.rating(Stage::Perspective, "weight_today")) {
        (Some(field), Some(v)) => {
            let label = field
                .scale
                .get(usize::from(v) - 1)
                .map_or("", String::as_str);
            labelled(&mut text, "When you began", &format!("{v} of 5, {label}"));
        }
        _ => labelled(&mut text, "When you began", ""),
    }
    text.push_line(Line::raw(""));
    text.push_line(Line::styled(plan.intro.trim(), theme::dim()));
    (left, text)
}

fn section(text: &mut Text, title: &'static str) {
    if !text.lines.is_empty() {
        text.push_line(Line::raw(""));
    }
    text.push_line(Line::styled(title, theme::heading()));
}

fn bullets(text: &mut Text, items: Vec<String>) {
    if items.is_empty() {
        text.push_line(Line::styled("  none yet", theme::dim()));
    }
    for item in items {
        text.push_line(Line::from(vec![
            Span::styled("  • ", theme::dim()),
            Span::raw(item),
        ]));
    }
}

fn labelled(text: &mut Text, label: &'static str, value: &str) {
    let value_span = if value.trim().is_empty() {
        Span::styled("not answered yet", theme::dim())
    } else {
        Span::raw(value.replace('\n', " "))
    };
    text.push_line(Line::from(vec![
        Span::styled(format!("  {label}: "), theme::dim()),
        value_span,
    ]));
}

fn labelled_list(text: &mut Text, label: &'static str, items: Vec<String>) {
    labelled(text, label, &items.join("; "));
}

fn checked_labels(guide: &Guide, r: &Reflection, stage: Stage, key: &str) -> String {
    let checked = r.list(stage, key);
    guide
        .stage(stage)
        .field(key)
        .map(|f| {
            f.options
                .iter()
                .filter(|o| checked.contains(&o.key))
                .map(|o| o.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}
