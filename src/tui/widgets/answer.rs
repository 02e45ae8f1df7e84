//! An answer's text drawn in its wrapped rows, at rest or with the cursor
//! (a reversed cell, so it shows without colour too): one drawing for both,
//! so focus changes nothing but the cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::text::{grapheme_width, graphemes};
use crate::tui::editor::Editor;
use crate::tui::theme;
use crate::tui::wrap::{self, Top};

/// The rows of `lines` from `top`, as many as fit; with `cursor`, its cell
/// reversed. True when rows are left below.
fn draw_rows(
    lines: &[&str],
    cursor: Option<Top>,
    cursor_x: usize,
    top: Top,
    area: Rect,
    buf: &mut Buffer,
) -> bool {
    let width = usize::from(area.width.max(1));
    let mut y = area.y;
    let bottom = area.y + area.height;
    for (l, line) in lines.iter().enumerate().skip(top.line) {
        let rows = wrap::rows(line, width);
        let mut shown = rows.len();
        if cursor.is_some_and(|c| c.line == l && c.row >= rows.len()) {
            shown += 1;
        }
        let first = if l == top.line { top.row } else { 0 };
        for row in first..shown {
            if y >= bottom {
                return true;
            }
            if let Some(r) = rows.get(row) {
                draw_row(&line[r.start..r.end], area.x, y, width, buf);
            }
            if cursor == Some(Top { line: l, row }) {
                let x = area.x + u16::try_from(cursor_x.min(width - 1)).unwrap_or(0);
                let cell = &mut buf[(x, y)];
                cell.set_style(cell.style().add_modifier(Modifier::REVERSED));
            }
            y += 1;
        }
    }
    false
}

/// One row's graphemes, cut at the edge (spaces hanging past it are not drawn).
fn draw_row(text: &str, x: u16, y: u16, width: usize, buf: &mut Buffer) {
    let mut used = 0;
    for (_, g) in graphemes(text) {
        let w = grapheme_width(g);
        if w == 0 {
            continue;
        }
        if used + w > width {
            break;
        }
        let at = x + u16::try_from(used).unwrap_or(0);
        let symbol = if g.contains(char::is_control) { " " } else { g };
        buf[(at, y)].set_symbol(symbol);
        // The cells a wide character covers are left empty.
        for filler in 1..w {
            buf[(at + u16::try_from(filler).unwrap_or(0), y)].set_symbol("");
        }
        used += w;
    }
}

/// An answer at rest: its first rows, and a `…` when there are more.
pub fn render_resting(text: &str, area: Rect, buf: &mut Buffer) {
    let lines: Vec<&str> = text.split('\n').collect();
    let more = draw_rows(&lines, None, 0, Top::default(), area, buf);
    if more && area.width > 0 && area.height > 0 {
        let y = area.y + area.height - 1;
        buf.set_string(area.x + area.width - 1, y, "…", theme::dim());
    }
}

/// An answer being edited: the rows around the cursor, from the view's top
/// as the last key left it (moved on if the window changed since). Says
/// whether rows are out of view above and below, for the field to show it.
pub fn render_editing(editor: &Editor, area: Rect, buf: &mut Buffer) -> (bool, bool) {
    if area.width == 0 || area.height == 0 {
        return (false, false);
    }
    let reversed = Style::default().add_modifier(Modifier::REVERSED);
    if editor.is_empty() {
        buf.set_string(area.x, area.y, " ", reversed);
        let hint = editor.placeholder_text();
        buf.set_stringn(
            area.x + 1,
            area.y,
            hint,
            usize::from(area.width - 1),
            theme::dim(),
        );
        return (false, false);
    }
    let width = usize::from(area.width);
    let lines: Vec<&str> = editor.lines().iter().map(String::as_str).collect();
    let cursor = editor.cursor();
    let cursor = (cursor.0, cursor.1);
    let top = wrap::follow(
        editor.lines(),
        cursor,
        editor.top(),
        width,
        usize::from(area.height),
    );
    let line = lines.get(cursor.0).copied().unwrap_or("");
    let (row, x) = wrap::place(line, &wrap::rows(line, width), cursor.1, width);
    let at = Top {
        line: cursor.0,
        row,
    };
    let below = draw_rows(&lines, Some(at), x, top, area, buf);
    (top > Top::default(), below)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui_textarea::{CursorMove, TextArea};

    fn shown(area: Rect, buf: &Buffer) -> Vec<String> {
        (area.y..area.y + area.height)
            .map(|y| {
                let row: String = (area.x..area.x + area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect();
                row.trim_end().to_string()
            })
            .collect()
    }

    proptest! {
        /// Found by a new user (issue 10): the same answer wrapped one way
        /// while edited and another at rest. Now it is drawn by one rule,
        /// row for row, wherever the cursor is (a cursor after a full row
        /// adds the row it shows on, and nothing else changes).
        #[test]
        fn an_answer_shows_the_same_rows_focused_and_at_rest(
            text in "([a-z]{1,9}|[ .,!?]|日本|👍🏽|e\u{301}|\n){1,40}",
            width in 1u16..30,
            at in 0usize..400,
        ) {
            prop_assume!(!text.is_empty());
            // Tall enough for every row, so neither view scrolls.
            let area = Rect::new(0, 0, width, 800);
            let mut rest = Buffer::empty(area);
            render_resting(&text, area, &mut rest);
            let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
            let mut editor = Editor::from(TextArea::new(lines.clone()));
            editor.move_cursor(CursorMove::Top);
            for _ in 0..at {
                editor.move_cursor(CursorMove::Forward);
            }
            let mut focused = Buffer::empty(area);
            render_editing(&editor, area, &mut focused);
            let mut rows = shown(area, &focused);
            let cursor = editor.cursor();
            let line = &lines[cursor.0];
            let w = usize::from(width);
            let (row, _) = wrap::place(line, &wrap::rows(line, w), cursor.1, w);
            if row == wrap::rows(line, w).len() {
                let before: usize = lines[..cursor.0].iter().map(|l| wrap::rows(l, w).len()).sum();
                prop_assert_eq!(&rows[before + row], "");
                rows.remove(before + row);
                rows.push(String::new());
            }
            prop_assert_eq!(rows, shown(area, &rest));
            // The cursor's cell is reversed, whatever it holds.
            let reversed = focused.content.iter().filter(|c| c.modifier.contains(Modifier::REVERSED)).count();
            prop_assert_eq!(reversed, 1);
        }
    }
}
