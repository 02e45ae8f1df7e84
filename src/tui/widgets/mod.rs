//! How each kind of field is drawn, focused (with its editor) or at rest.

mod answer;
mod checklist;
mod plan_section;
mod rating;
mod steps;
mod text_field;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use time::Date;
use unicode_width::UnicodeWidthStr;

use crate::guide::{FieldGuide, FieldKind};
pub use crate::tui::answers::{Answers, StageAnswers};
use crate::tui::field::FieldFocus;
use crate::tui::stage_layout::{INDENT, answer_width};
use crate::tui::theme;

pub use answer::render_editing;
pub use plan_section::{Empty, plan_section};
pub use rating::rating_line;

/// One question on a stage screen: its label and its answer.
pub struct FieldView<'a> {
    pub answers: &'a dyn Answers,
    pub field: &'a FieldGuide,
    /// The editing state when this field has focus.
    pub focus: Option<&'a FieldFocus>,
    pub today: Date,
}

impl FieldView<'_> {
    /// Rows needed: the label, the answer, and a blank line after.
    pub fn height(&self, width: u16) -> u16 {
        let inner = answer_width(width);
        let r = self.answers;
        let key = &self.field.key;
        let focused = self.focus.is_some();
        let body = match self.field.kind {
            FieldKind::Line | FieldKind::Rating => 1,
            FieldKind::Date => 1,
            FieldKind::Text => text_field::text_height(r.text(key), inner, focused),
            FieldKind::List => text_field::list_height(&r.list(key), inner, focused),
            FieldKind::Checklist => self.field.options.len() as u16,
            FieldKind::Actions => steps::height(self.focus, &r.actions(key), focused),
        };
        1 + body + 1
    }

    fn label(&self) -> Line<'_> {
        let answered = self.answers.is_answered(&self.field.key);
        let (mark, mark_style) = match (self.focus.is_some(), answered) {
            (true, _) => ("▶ ", theme::key()),
            (false, true) => ("✓ ", theme::answered()),
            (false, false) => ("  ", theme::dim()),
        };
        let label_style = if self.focus.is_some() {
            theme::focused_label()
        } else {
            theme::bold()
        };
        Line::from(vec![
            Span::styled(mark, mark_style),
            Span::styled(self.field.label.as_str(), label_style),
        ])
    }
}

impl Widget for FieldView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        self.label().render(Rect { height: 1, ..area }, buf);
        let body = Rect {
            x: area.x + INDENT,
            y: area.y + 1,
            width: area.width.saturating_sub(INDENT),
            height: area.height.saturating_sub(2),
        };
        if body.height == 0 || body.width == 0 {
            return;
        }
        // A bar beside the answer shows which field has focus at a glance.
        let bar_style = if self.focus.is_some() {
            theme::accent()
        } else {
            theme::dim()
        };
        for y in body.y..body.y + body.height {
            buf.set_string(area.x + 2, y, "│", bar_style);
        }
        let r = self.answers;
        let key = &self.field.key;
        match (self.field.kind, self.focus) {
            (FieldKind::Checklist, focus) => {
                checklist::render(self.field, &r.list(key), focus, body, buf);
            }
            (FieldKind::Rating, focus) => {
                rating_line(self.field, r.rating(key), focus.is_some()).render(body, buf);
            }
            (FieldKind::Actions, focus) => {
                steps::render(&r.actions(key), focus, self.today, body, buf);
            }
            (FieldKind::Date, focus) => {
                let or_settled = key == crate::reflection::NEXT_LOOK_KEY;
                text_field::render_date(r.text(key), focus, self.today, or_settled, body, buf);
            }
            (FieldKind::List, None) => text_field::render_list(&r.list(key), body, buf),
            (FieldKind::Text, Some(FieldFocus::Text(editor))) => {
                let hidden = answer::render_editing(editor, body, buf);
                mark_hidden_rows(hidden, area.x + 2, body, buf);
            }
            (_, Some(FieldFocus::Text(editor))) => draw_editor(editor, body, buf),
            (_, Some(FieldFocus::Long(long))) => {
                let hidden = answer::render_editing(&long.area, body, buf);
                mark_hidden_rows(hidden, area.x + 2, body, buf);
            }
            (_, _) => text_field::render_text(r.text(key), body, buf),
        }
    }
}

/// An editor drawn where it fits; when its text runs off the left edge (a
/// long path, the end of a long line) a `…` says there is more before it.
///
/// The textarea scrolls sideways only as far as its cursor pushes it, and
/// stays there after the text is cut back or the field grows (a wider
/// window): a one-line text is shown scrolled no further than it needs,
/// filling the field, and whole once it fits. That fix-up is made here, on
/// a copy of the text alone, rather than where the keys are handled: the
/// field's width is only known here (four kinds of owner lay out their
/// editors, and a resize changes them all), and the textarea's own scroll
/// moves the cursor by the width of its last drawing, which a resize makes
/// stale.
pub fn draw_editor(editor: &TextArea<'_>, area: Rect, buf: &mut Buffer) {
    // Drawn once to give the editor the field's width now: that is when the
    // textarea works out how far it is scrolled.
    editor.render(area, buf);
    let scrolled = editor.scroll_offset().1;
    let least = match editor.lines() {
        [line] if editor.wrap_mode() == WrapMode::None => {
            // The cursor after the last character takes a column too.
            (line.width() + 1).saturating_sub(usize::from(area.width))
        }
        _ => usize::from(scrolled),
    };
    let mut shown_from = scrolled;
    if usize::from(scrolled) > least
        && let Some(less) = scrolled_to(editor, least)
    {
        Clear.render(area, buf);
        less.render(area, buf);
        shown_from = less.scroll_offset().1;
    }
    if shown_from > 0 && area.width > 1 && area.height > 0 {
        buf.set_string(area.x, area.y, "…", theme::dim());
    }
    // Text running on past the right edge says so too (a path with the
    // cursor at its start).
    if let [line] = editor.lines()
        && editor.wrap_mode() == WrapMode::None
        && area.width > 1
        && area.height > 0
        && line.width() > usize::from(shown_from) + usize::from(area.width)
    {
        buf.set_string(area.x + area.width - 1, area.y, "…", theme::dim());
    }
}

/// A one-line editor's text and look, scrolled `col` columns sideways, with
/// its cursor where it was; none of its undo history, which a clone would
/// copy on every frame.
fn scrolled_to<'a>(editor: &'a TextArea<'_>, col: usize) -> Option<TextArea<'a>> {
    let cursor = editor.cursor();
    let (row, cursor_col) = (u16::try_from(cursor.0).ok()?, u16::try_from(cursor.1).ok()?);
    let mut view = TextArea::new(editor.lines().to_vec());
    view.set_max_histories(0);
    view.set_style(editor.style());
    view.set_cursor_style(editor.cursor_style());
    view.set_cursor_line_style(editor.cursor_line_style());
    view.set_styled_placeholder(editor.placeholder().clone());
    if let Some(style) = editor.placeholder_style() {
        view.set_placeholder_style(style);
    }
    if let Some(style) = editor.line_number_style() {
        view.set_line_number_style(style);
    }
    if let Some(mask) = editor.mask_char() {
        view.set_mask_char(mask);
    }
    view.set_tab_length(editor.tab_length());
    view.set_alignment(editor.alignment());
    view.set_wrap_mode(editor.wrap_mode());
    view.scroll((0, i16::try_from(col).ok()?));
    // Scrolling an editor never drawn puts its cursor in the corner.
    view.move_cursor(CursorMove::Jump(row, cursor_col));
    Some(view)
}

/// A quiet placeholder for a question not answered yet.
pub use crate::text::fit;

/// An answer taller than its box says so on its bar: ↑ where rows are out of
/// view above, ↓ where more follow below.
fn mark_hidden_rows((above, below): (bool, bool), bar_x: u16, body: Rect, buf: &mut Buffer) {
    if above {
        buf.set_string(bar_x, body.y, "↑", theme::accent());
    }
    if below && body.height > 1 {
        buf.set_string(bar_x, body.y + body.height - 1, "↓", theme::accent());
    }
}

fn unanswered() -> Line<'static> {
    Line::styled("not answered yet", theme::dim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::editor::TextEdit;
    use crate::tui::field::one_line_editor;

    /// Found in review: the sideways fix-up cloned the whole editor, up to
    /// 10,000 edits of undo history, on every frame it was needed.
    #[test]
    fn the_sideways_fix_up_draws_the_text_and_its_look_without_the_history() {
        let mut editor = one_line_editor(String::new());
        editor.insert_str(&"a long path/".repeat(12));
        let area = Rect::new(0, 0, 30, 1);
        editor.render(area, &mut Buffer::empty(area));
        for _ in 0..60 {
            editor.command(TextEdit::DeleteCharBefore);
        }
        let mut drawn = Buffer::empty(area);
        editor.render(area, &mut drawn);
        let least = editor.lines()[0].len() + 1 - 30;
        assert!(
            usize::from(editor.scroll_offset().1) > least,
            "stale scroll"
        );

        let copy = scrolled_to(&editor, least).expect("a short line");
        assert_eq!(copy.max_histories(), 0);
        assert_eq!(copy.cursor(), editor.cursor());
        let mut from_copy = Buffer::empty(area);
        copy.render(area, &mut from_copy);
        // What a full clone, history and all, scrolled back the same way shows.
        let mut clone = (*editor).clone();
        let back = usize::from(editor.scroll_offset().1) - least;
        clone.scroll((0, -i16::try_from(back).unwrap_or(0)));
        let mut from_clone = Buffer::empty(area);
        clone.render(area, &mut from_clone);
        assert_eq!(from_copy, from_clone);
        assert_eq!(copy.scroll_offset().1, u16::try_from(least).unwrap_or(0));
    }
}
