//! The growth plan: every stage's answers compiled into one page, the "how
//! heavy now" rating, the day to look again, and marking the reflection complete.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::checkin::CheckinGuide;
use crate::dates;
use crate::lifecycle::Standing;
use crate::stage::Stage;
use crate::tui::keys::{self, Action, Context};
use crate::tui::plan_page::{PlanPage, RATING_ROWS};
use crate::tui::state::{App, Session, look_again_example};
use crate::tui::theme;
use crate::tui::widgets::{fit, rating_line};

use super::chrome;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let said = app.message_for(session);
    let [header, body, rating, message, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(RATING_ROWS),
        Constraint::Length(chrome::message_rows(said, area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(frame, header, session);
    let page = PlanPage::new(&session.reflection, &session.guide, app.clock.today, body);
    // Clamped here too: the window may have shrunk since the last key.
    let scroll = session.plan_scroll.min(page.max_scroll(body.height));
    for (rect, lines) in &page.columns {
        let shown: Vec<Line> = lines
            .iter()
            .skip(scroll)
            .take(usize::from(body.height))
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(shown), *rect);
    }
    let place = chrome::where_on_page(scroll, page.rows(), body.height);
    draw_rating(frame, rating, app, session, &place);
    chrome::message(frame, message, said);
    chrome::footer(frame, footer, app);
}

fn draw_rating(frame: &mut Frame, area: Rect, app: &App, session: &Session, place: &str) {
    let r = &session.reflection;
    let guide: &crate::guide::Guide = &session.guide;
    let Some(field) = guide.field(Stage::PLAN, 0) else {
        return;
    };
    let status = match Standing::of(r, guide) {
        Standing::InProgress(..) => "In progress: press c to mark complete".into(),
        completed => completed.sentence(guide, app.clock),
    };
    let label_width = u16::try_from(3 + field.label.chars().count()).unwrap_or(u16::MAX);
    let status_room = usize::from(area.width.saturating_sub(label_width.saturating_add(3)));
    let mut label_line = Line::from(vec![
        Span::styled(" ▶ ", theme::key()),
        Span::styled(field.label.as_str(), theme::focused_label()),
    ]);
    let mut rating = rating_line(field, r.rating(Stage::PLAN, &field.key), true);
    rating.spans.insert(0, Span::raw("   "));
    // A narrow window puts the status in the rule above rather than cutting it.
    let beside_label = status.chars().count() <= status_room;
    let mut rule = "─".repeat(usize::from(area.width));
    if beside_label {
        label_line
            .spans
            .push(Span::styled(format!("   {status}"), theme::dim()));
    } else {
        let room = usize::from(area.width).saturating_sub(place.chars().count() + 6);
        rule = format!("─ {} {rule}", fit(&status, room));
    }
    frame.render_widget(Line::styled(rule, theme::dim()), Rect { height: 1, ..area });
    if !place.is_empty() {
        frame.render_widget(
            Line::styled(format!(" {place} "), theme::dim()).alignment(Alignment::Right),
            Rect {
                width: area.width.saturating_sub(1),
                height: 1,
                ..area
            },
        );
    }
    let below = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    // At the narrowest window (60) the longest form still fits whole.
    let look = look_again_line(app, session);
    frame.render_widget(Paragraph::new(vec![label_line, rating, look]), below);
}

/// "Look again: Sat 19 Dec 2026 (in 3 weeks) · l to change", or the question
/// with the key that answers it.
fn look_again_line(app: &App, session: &Session) -> Line<'static> {
    let key = keys::label(Context::Plan, &Action::SetLookAgain).unwrap_or("l");
    // Under the rating's first digit.
    let mut spans = vec![Span::raw("    ")];
    match session.reflection.next_checkin() {
        Some(day) => spans.extend([
            Span::styled("Look again: ", theme::dim()),
            Span::styled(dates::readable(day), theme::answered()),
            Span::styled(
                format!(" ({}) · ", dates::how_far(day, app.clock.today)),
                theme::dim(),
            ),
            Span::styled(key, theme::key()),
            Span::styled(" to change", theme::dim()),
        ]),
        None => {
            let question = CheckinGuide::builtin()
                .map_or("When will you look again?", |g| g.look_again.label.as_str());
            spans.extend([
                Span::styled(format!("{question} "), theme::dim()),
                Span::styled(key, theme::key()),
                Span::styled(
                    format!(" to choose a day (e.g. {})", look_again_example()),
                    theme::dim(),
                ),
            ]);
        }
    }
    Line::from(spans)
}
