//! A question stage: its title and questions on the left, laid out by the kind
//! of each answer, and the guidance (intro, hint, example) beside or under them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::guide::{FieldGuide, StageGuide};
use crate::tui::field::FieldFocus;
use crate::tui::stage_layout::{SIDE_PANE_WIDTH, fields_width, form_width};
use crate::tui::state::{App, GuideSection, Session};
use crate::tui::theme;
use crate::tui::widgets::{Answers, FieldView, StageAnswers};
use crate::wizard::stage_progress;

use super::{chrome, guide_pane};

/// What a form screen shows: a stage of the walk, or a check-in.
pub struct Form<'a> {
    pub content: &'a StageGuide,
    /// The title row's left part and its right part (how much is answered).
    pub title: String,
    pub counts: String,
    pub answers: &'a dyn Answers,
    pub focused: usize,
    pub focus: &'a FieldFocus,
    pub guide_first: GuideSection,
    /// The line pointing to a story that shows a strategy for this stage,
    /// and on the first stage to the writing page.
    pub story: Option<String>,
}

impl Form<'_> {
    fn field(&self) -> Option<&FieldGuide> {
        self.content.fields.get(self.focused)
    }
}

/// The stage under the walk's cursor as a form.
fn stage_form<'a>(app: &'a App, session: &'a Session, answers: &'a StageAnswers<'a>) -> Form<'a> {
    let stage = session.cursor.stage;
    let progress = stage_progress(&session.reflection, &session.guide, stage);
    let number = stage.question_index().map_or(0, |i| i + 1);
    let content = session.guide.stage(stage);
    Form {
        content,
        title: format!(" {number} · {} ", content.title),
        counts: format!("  {} of {} answered ", progress.answered, progress.total),
        answers,
        focused: session.cursor.field,
        focus: &session.focus,
        guide_first: session.guide_first,
        story: after_the_guidance(app, content),
    }
}

/// What follows the guidance: a story for the stage, and on a stage the
/// guide marks for it (the first, in the built-in guides), where the page
/// for writing it all out is: a person who needs that most is there first,
/// and may not think to open help.
fn after_the_guidance(app: &App, content: &StageGuide) -> Option<String> {
    let story = app
        .stories()
        .for_stage(&content.key)
        .map(|(story, strategy)| {
            format!(
                "A story: “{}” shows {} (s on home).",
                story.title, strategy.shows
            )
        });
    if !content.writing {
        return story;
    }
    let writing = "Ctrl-O: a private page to write it all out first, no questions.";
    Some(match story {
        Some(story) => format!("{story} {writing}"),
        None => writing.to_string(),
    })
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    let answers = StageAnswers(&session.reflection, session.cursor.stage);
    draw_form_screen(
        frame,
        area,
        app,
        session,
        &stage_form(app, session, &answers),
    );
}

/// A form screen: the header, the questions beside or above the guidance,
/// the message and the footer.
pub fn draw_form_screen(frame: &mut Frame, area: Rect, app: &App, session: &Session, form: &Form) {
    let said = app.message_for(session);
    let [header, body, message, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
        Constraint::Length(chrome::message_rows(said, area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(frame, header, session);

    let beside = form_width(area.width) < area.width;
    let (form_area, guide_pane) = if beside {
        let [form, pane] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(SIDE_PANE_WIDTH)])
                .areas(body);
        (form, pane)
    } else {
        let rows = pane_rows(app, form, body);
        let [form, pane] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(rows)]).areas(body);
        (form, pane)
    };
    draw_form(frame, form_area, app, form);
    draw_guide(frame, guide_pane, form, beside);
    chrome::message(frame, message, said);
    chrome::footer(frame, footer, app);
}

fn draw_form(frame: &mut Frame, area: Rect, app: &App, form: &Form) {
    let content = form.content;
    let counts = form.counts.as_str();
    let counts_width = counts.chars().count() as u16;
    let title = Line::styled(form.title.as_str(), theme::heading());
    let tagline = Line::styled(format!(" {}", content.tagline), theme::dim());
    frame.render_widget(
        tagline,
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
    );
    let title_row = Rect {
        height: 1,
        width: area.width.saturating_sub(counts_width),
        ..area
    };
    frame.render_widget(title, title_row);
    frame.render_widget(
        Line::styled(counts, theme::dim()).alignment(ratatui::layout::Alignment::Right),
        Rect { height: 1, ..area },
    );

    let fields_area = Rect {
        x: area.x + 1,
        y: area.y + 3,
        width: fields_width(area.width),
        height: area.height.saturating_sub(3),
    };
    let views: Vec<FieldView> = content
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| FieldView {
            answers: form.answers,
            field,
            focus: (i == form.focused).then_some(form.focus),
            today: app.clock.today,
        })
        .collect();
    let heights: Vec<u16> = views.iter().map(|v| v.height(fields_area.width)).collect();
    let first = first_visible(&heights, form.focused, fields_area.height);

    let mut y = fields_area.y;
    let bottom = fields_area.y + fields_area.height;
    let mut hidden_below = false;
    for (view, height) in views.into_iter().zip(&heights).skip(first) {
        if y >= bottom {
            hidden_below = true;
            break;
        }
        let rect = Rect {
            y,
            height: (*height).min(bottom - y),
            ..fields_area
        };
        hidden_below |= rect.height < *height;
        frame.render_widget(view, rect);
        y += height;
    }
    if first > 0 {
        let note = Line::styled(format!("↑ {first} more above "), theme::dim())
            .alignment(ratatui::layout::Alignment::Right);
        frame.render_widget(
            note,
            Rect {
                y: area.y + 2,
                height: 1,
                ..area
            },
        );
    }
    if hidden_below {
        let note = Line::styled("↓ more below (Tab) ", theme::dim())
            .alignment(ratatui::layout::Alignment::Right);
        frame.render_widget(
            note,
            Rect {
                y: bottom.saturating_sub(1),
                height: 1,
                ..area
            },
        );
    }
}

/// The first field to draw so the focused one is wholly on screen.
fn first_visible(heights: &[u16], focused: usize, available: u16) -> usize {
    let mut first = 0;
    while first < focused {
        let needed: u16 = heights[first..=focused].iter().sum();
        if needed <= available {
            break;
        }
        first += 1;
    }
    first
}

fn draw_guide(frame: &mut Frame, area: Rect, form: &Form, beside: bool) {
    let block = if beside {
        Block::new()
            .borders(Borders::LEFT)
            .border_style(theme::dim())
    } else {
        Block::new()
            .borders(Borders::TOP)
            .border_style(theme::dim())
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let lines = guide_pane::lines(
        form.content,
        form.field(),
        form.guide_first,
        form.story.as_deref(),
        inner.width,
        inner.height,
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The guide sections the pane leaves out in a window of `size`, in the
/// order Ctrl-G brings them; measured as `draw` lays the screen out.
pub fn guide_left_out(app: &App, size: (u16, u16)) -> Vec<GuideSection> {
    let Some(session) = app.session.as_ref() else {
        return Vec::new();
    };
    let answers = StageAnswers(&session.reflection, session.cursor.stage);
    form_guide_left_out(app, session, &stage_form(app, session, &answers), size)
}

/// The same for any form.
pub fn form_guide_left_out(
    app: &App,
    session: &Session,
    form: &Form,
    size: (u16, u16),
) -> Vec<GuideSection> {
    let area = Rect::new(0, 0, size.0, size.1);
    let said = chrome::message_rows(app.message_for(session), area.width);
    // The header's three rows, the message and the footer.
    let body = Rect {
        y: 3,
        height: area.height.saturating_sub(3 + said + 1),
        ..area
    };
    // The pane's text sits one column in from its border, which takes a
    // column beside the form or a row under it.
    let (width, rows) = if form_width(area.width) < area.width {
        (SIDE_PANE_WIDTH.saturating_sub(2), body.height)
    } else {
        (
            body.width.saturating_sub(1),
            pane_rows(app, form, body).saturating_sub(1),
        )
    };
    guide_pane::left_out(form.content, form.field(), form.guide_first, width, rows)
}

/// Rows for the guide under the form on a narrow window: all of it when the
/// focused question still fits above, else less, but never less than the
/// section it leads with (the intro on entering a stage).
fn pane_rows(app: &App, form: &Form, body: Rect) -> u16 {
    let stage = form.content;
    let field = form.field();
    // The pane's border, and its text one column in.
    let width = body.width.saturating_sub(1);
    let story = form.story.as_deref();
    let all = guide_pane::rows_for_all(stage, field, form.guide_first, story, width) + 1;
    let first = guide_pane::rows_for_first(stage, field, form.guide_first, width) + 2;
    let focused = field.map_or(0, |f| {
        FieldView {
            answers: form.answers,
            field: f,
            focus: Some(form.focus),
            today: app.clock.today,
        }
        .height(body.width.saturating_sub(2))
    });
    // The stage's title, tagline and a blank row above the questions.
    let room = body.height.saturating_sub(3 + focused);
    // The form keeps its title and the focused question's label at least.
    let rows = all.min(room).max(first).min(body.height.saturating_sub(4));
    // Only as tall as what shows in it: the form gets every row left over.
    let shown = guide_pane::lines(
        stage,
        field,
        form.guide_first,
        story,
        width,
        rows.saturating_sub(1),
    );
    u16::try_from(shown.len() + 1).unwrap_or(rows).min(rows)
}

#[cfg(test)]
mod tests {
    use super::first_visible;

    #[test]
    fn the_form_scrolls_just_enough_to_show_the_focused_field() {
        let heights = [5, 5, 5, 5];
        assert_eq!(first_visible(&heights, 0, 12), 0);
        assert_eq!(first_visible(&heights, 1, 12), 0);
        assert_eq!(first_visible(&heights, 2, 12), 1);
        assert_eq!(first_visible(&heights, 3, 12), 2);
        assert_eq!(first_visible(&heights, 3, 3), 3);
    }
}
