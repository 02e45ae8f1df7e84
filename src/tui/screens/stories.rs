//! The stories screen: the invented stories listed by title and situation,
//! and one read as a scrollable page, labelled as invented wherever it shows.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::stories::{Story, stage_title};
use crate::tui::state::{App, StoriesView};
use crate::tui::story_page;
use crate::tui::theme;
use crate::tui::widgets::fit;

use super::chrome;

/// What the list says before the stories, so none is read as a measure.
const ABOUT: &str = "Invented stories of people who came through a setback: a few ways through, \
                     not a measure for yours. Each names the stages whose strategies it shows.";

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &StoriesView) {
    match app.story_read() {
        Some(story) => draw_story(frame, area, app, view, story),
        None => draw_list(frame, area, app, view),
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, view: &StoriesView) {
    let [header, body, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(chrome::message_rows(app.notice.as_ref(), area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::screen_title(frame, header, "stories");
    let inset = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let room = usize::from(inset.width).saturating_sub(4);
    let mut lines = vec![Line::raw("")];
    let about = chrome::wrapped_rows(ABOUT.to_string(), inset.width, 3);
    lines.extend(about.into_iter().map(|r| Line::styled(r, theme::dim())));
    lines.push(Line::raw(""));
    let first_story = lines.len();
    for (at, story) in app.stories().all.iter().enumerate() {
        let selected = at == view.selected;
        let (marker, style) = if selected {
            ("▶ ", theme::selected_row())
        } else {
            ("  ", Style::default())
        };
        lines.push(Line::from(vec![
            Span::styled(marker, theme::accent()),
            Span::styled(fit(&story.title, room), style.patch(theme::bold())),
        ]));
        lines.push(Line::styled(
            format!("  {}", fit(&story.situation, room)),
            theme::dim(),
        ));
        lines.push(Line::styled(
            format!("  {}", fit(&fits(app, story), room)),
            theme::dim(),
        ));
        lines.push(Line::raw(""));
    }
    // Keep the selected story on screen in a short window.
    let bottom = first_story + 4 * view.selected + 3;
    let scroll = bottom.saturating_sub(usize::from(inset.height));
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inset);
    chrome::message(frame, message, app.notice.as_ref());
    chrome::footer(frame, footer, app);
}

/// The stages a story fits, in a few words.
fn fits(app: &App, story: &Story) -> String {
    let stages: Vec<&str> = story.stages().map(|k| stage_title(app.guide, k)).collect();
    format!("Shows: {}", stages.join(", "))
}

fn draw_story(frame: &mut Frame, area: Rect, app: &App, view: &StoriesView, story: &Story) {
    let [title, label, rule, body, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(chrome::message_rows(app.notice.as_ref(), area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    let (width, height) = story_page::page_size((area.width, area.height));
    let lines = story_page::lines(story, app.guide, width);
    let max = lines.len().saturating_sub(usize::from(height));
    let scroll = view.scroll.min(max);
    let place = chrome::where_on_page(scroll, lines.len(), body.height);
    let room = usize::from(area.width).saturating_sub(place.chars().count() + 13);
    frame.render_widget(
        Line::from(vec![
            Span::styled(" rebound ", theme::heading()),
            Span::styled("· ", theme::dim()),
            Span::styled(fit(&story.title, room), theme::bold()),
        ]),
        title,
    );
    frame.render_widget(
        Line::styled(format!("{place} "), theme::dim()).alignment(Alignment::Right),
        title,
    );
    let room = usize::from(area.width).saturating_sub(22);
    frame.render_widget(
        Line::from(vec![
            Span::styled(" An invented story", theme::heading()),
            Span::styled(format!(" · {}", fit(&story.situation, room)), theme::dim()),
        ]),
        label,
    );
    frame.render_widget(
        Line::styled(
            "─".repeat(usize::from(area.width.saturating_sub(2))),
            theme::dim(),
        ),
        Rect {
            x: rule.x + 1,
            width: rule.width.saturating_sub(2),
            ..rule
        },
    );
    let column = Rect {
        x: body.x + 2,
        width: width.min(body.width.saturating_sub(2)),
        ..body
    };
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), column);
    chrome::message(frame, message, app.notice.as_ref());
    chrome::footer(frame, footer, app);
}
