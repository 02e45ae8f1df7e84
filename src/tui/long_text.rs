//! A very long answer (a pasted log, a book chapter) edited through a
//! window: the editor holds a few hundred lines around the cursor and the
//! rest wait on either side, so a key costs what the window costs, not what
//! the whole answer does. The text editor re-wraps everything it holds on
//! every change, which at 50 MB took over a second a key.
//!
//! The window moves when the cursor comes near an edge with more beyond it;
//! moving it starts a fresh editor, so undo reaches back only to that move
//! (a paste that made the answer long can be undone until then).

use crate::tui::editor::Editor;

/// The most lines the editor holds at once...
pub const WINDOW_LINES: usize = 600;
/// ...and about the most text, so long lines make a shorter window.
const WINDOW_BYTES: usize = 48 * 1024;
/// From this many lines, or this much text, an answer is edited through a window.
const LONG_LINES: usize = 2 * WINDOW_LINES;
const LONG_BYTES: usize = 2 * WINDOW_BYTES;

/// Whether pasting `text` into these lines could make them long.
pub fn would_be_long(lines: &[String], text: &str) -> bool {
    lines.len() + text.matches('\n').count() > LONG_LINES
        || lines.iter().map(|l| l.len() + 1).sum::<usize>() + text.len() > LONG_BYTES
}

/// Whether an answer of these lines is long enough to need a window.
pub fn is_long(lines: &[String]) -> bool {
    lines.len() > LONG_LINES || lines.iter().map(|l| l.len() + 1).sum::<usize>() > LONG_BYTES
}

pub struct LongText {
    pub area: Editor,
    above: Vec<String>,
    below: Vec<String>,
    /// `above` joined, ending in a line break (empty when nothing is above).
    above_text: String,
    /// `below` joined, starting with a line break (empty when nothing is below).
    below_text: String,
    /// Makes an editor styled like every field's.
    make: fn(Vec<String>) -> Editor,
    /// The editor as it was before a paste made the answer long, so that
    /// paste can still be undone.
    pub before: Option<Box<Editor>>,
}

impl LongText {
    /// The cursor starts at the end, as in every field.
    pub fn new(lines: Vec<String>, make: fn(Vec<String>) -> Editor) -> LongText {
        let last = lines.len().saturating_sub(1);
        let end = lines.last().map_or(0, |l| l.chars().count());
        LongText::at(lines, (last, end), make)
    }

    /// An editor that has grown long (a paste), taken over with its cursor
    /// where it was.
    pub fn from_editor(area: &Editor, make: fn(Vec<String>) -> Editor) -> LongText {
        let cursor = area.cursor();
        LongText::at(area.lines().to_vec(), (cursor.0, cursor.1), make)
    }

    fn at(
        lines: Vec<String>,
        (row, col): (usize, usize),
        make: fn(Vec<String>) -> Editor,
    ) -> LongText {
        let mut long = LongText {
            area: make(Vec::new()),
            above: Vec::new(),
            below: Vec::new(),
            above_text: String::new(),
            below_text: String::new(),
            make,
            before: None,
        };
        long.place(lines, row, col);
        long
    }

    /// The whole answer, as the reflection keeps it.
    pub fn text(&self) -> String {
        let window = self.area.lines();
        let mut text = String::with_capacity(
            self.above_text.len()
                + self.below_text.len()
                + window.iter().map(|l| l.len() + 1).sum::<usize>(),
        );
        text.push_str(&self.above_text);
        for (i, line) in window.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(line);
        }
        text.push_str(&self.below_text);
        text
    }

    /// After any key: keeps the cursor away from an edge with more beyond
    /// it, and the window small after a long paste.
    pub fn settle(&mut self) {
        let row = self.area.cursor().0;
        let lines = self.area.lines();
        let len = lines.len();
        // A sixth of the window on either side is room enough to move in.
        let margin = (len / 6).max(1);
        let near_top = row < margin && !self.above.is_empty();
        let near_bottom = row + margin >= len && !self.below.is_empty();
        let too_big =
            len > LONG_LINES || lines.iter().map(|l| l.len() + 1).sum::<usize>() > LONG_BYTES;
        if near_top || near_bottom || too_big {
            self.rewindow();
        }
    }

    /// The window centred on the cursor again. The new editor starts with no
    /// history, and the editor from before a long paste is let go with it:
    /// going back to it now would undo what was typed since, unasked.
    fn rewindow(&mut self) {
        self.before = None;
        let cursor = self.area.cursor();
        let (row, col) = (cursor.0, cursor.1);
        let row = self.above.len() + row;
        let mut all = std::mem::take(&mut self.above);
        all.extend(self.area.lines().iter().cloned());
        all.append(&mut self.below);
        // Held ↓ carries on aiming at the column it started from.
        let goal = self.area.goal();
        self.place(all, row, col);
        self.area.aim(goal);
    }

    /// Splits the lines into above, the window around `row`, and below, with
    /// the cursor at `row` and `col` of the whole text.
    fn place(&mut self, mut all: Vec<String>, row: usize, col: usize) {
        let (start, end) = window_around(&all, row);
        self.below = all.split_off(end);
        let window = all.split_off(start);
        self.above = all;
        self.above_text = if self.above.is_empty() {
            String::new()
        } else {
            let mut text = self.above.join("\n");
            text.push('\n');
            text
        };
        self.below_text = if self.below.is_empty() {
            String::new()
        } else {
            format!("\n{}", self.below.join("\n"))
        };
        self.area = (self.make)(window);
        self.area.jump(row - start, col);
    }
}

/// The lines of a window around `row`: growing on both sides in turn until
/// it holds `WINDOW_LINES` lines or `WINDOW_BYTES` of text.
fn window_around(all: &[String], row: usize) -> (usize, usize) {
    let row = row.min(all.len().saturating_sub(1));
    // Whatever the lines weigh, one line on either side of the cursor (where
    // there is one), so it can always step out of the window and Backspace
    // can always join a line to the one above.
    let (mut start, mut end) = (row.saturating_sub(1), (row + 2).min(all.len()));
    let mut bytes: usize = all[start..end].iter().map(|l| l.len() + 1).sum();
    while end - start < WINDOW_LINES && bytes < WINDOW_BYTES && (start > 0 || end < all.len()) {
        if end < all.len() {
            bytes += all[end].len() + 1;
            end += 1;
        }
        if start > 0 && end - start < WINDOW_LINES {
            start -= 1;
            bytes += all[start].len() + 1;
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_textarea::{Input, Key, TextArea};

    fn plain(lines: Vec<String>) -> Editor {
        Editor::from(TextArea::new(lines))
    }

    fn numbered(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("line {i}")).collect()
    }

    fn key(long: &mut LongText, key: Key) -> bool {
        let changed = long.area.key(
            Input {
                key,
                ..Input::default()
            },
            false,
        );
        long.settle();
        changed
    }

    /// Found in review: held ↓ through a long answer forgot the column it
    /// aimed for each time the window moved on, when that happened on a
    /// blank row.
    #[test]
    fn held_down_keeps_its_column_as_the_window_moves_on() {
        let lines: Vec<String> = (0..3000)
            .map(|i| {
                if i % 2 == 0 {
                    "0123456789".to_string()
                } else {
                    String::new()
                }
            })
            .collect();
        let mut long = LongText::at(lines, (0, 10), plain);
        for i in 0..1500 {
            long.area.move_by_rows(true, 80);
            long.settle();
            let c = long.area.cursor();
            if !long.area.lines()[c.0].is_empty() {
                assert_eq!(c.1, 10, "after {} downs", i + 1);
            }
        }
    }

    #[test]
    fn the_whole_text_comes_back_as_it_was_and_the_editor_holds_a_window() {
        let lines = numbered(10_000);
        let long = LongText::new(lines.clone(), plain);
        assert_eq!(long.text(), lines.join("\n"));
        assert!(long.area.lines().len() <= WINDOW_LINES);
        assert_eq!(
            long.area.lines().last().map(String::as_str),
            Some("line 9999")
        );
    }

    #[test]
    fn typing_at_the_end_and_walking_to_the_top_keeps_every_line_in_order() {
        let lines = numbered(5_000);
        let mut long = LongText::new(lines.clone(), plain);
        assert!(key(&mut long, Key::Char('!')));
        let mut expected = lines.clone();
        expected[4_999].push('!');
        assert_eq!(long.text(), expected.join("\n"));
        // Up through every window to the first line, then type there.
        for _ in 0..5_000 {
            key(&mut long, Key::Up);
        }
        key(&mut long, Key::Home);
        assert!(key(&mut long, Key::Char('>')));
        expected[0].insert(0, '>');
        assert_eq!(long.text(), expected.join("\n"));
        assert!(long.area.lines().len() <= WINDOW_LINES);
        // A new line in the middle of a window lands where it was typed.
        for _ in 0..2_500 {
            key(&mut long, Key::Down);
        }
        key(&mut long, Key::End);
        assert!(key(&mut long, Key::Enter));
        expected.insert(2_501, String::new());
        assert_eq!(long.text(), expected.join("\n"));
    }

    #[test]
    fn long_lines_make_a_shorter_window_and_still_come_back_whole() {
        let lines: Vec<String> = (0..400)
            .map(|i| format!("{i} {}", "word ".repeat(200)))
            .collect();
        assert!(is_long(&lines), "400 KB in 400 lines");
        let mut long = LongText::new(lines.clone(), plain);
        let held: usize = long.area.lines().iter().map(|l| l.len() + 1).sum();
        assert!(held <= WINDOW_BYTES + 1_100, "{held} bytes held");
        for _ in 0..400 {
            key(&mut long, Key::Up);
        }
        assert!(key(&mut long, Key::Char('#')));
        let text = long.text();
        assert_eq!(text.lines().count(), 400);
        assert!(
            text.lines().next().is_some_and(|l| l.contains('#')),
            "typed on the first line"
        );
    }

    /// Found in review: a line of 48 KB or more made a one-line window, and
    /// the cursor could never leave it.
    #[test]
    fn a_giant_line_never_traps_the_cursor() {
        let mut lines = numbered(3_000);
        lines[1_500] = "x".repeat(60_000);
        let mut long = LongText::new(lines.clone(), plain);
        for _ in 0..3_000 {
            key(&mut long, Key::Up);
        }
        key(&mut long, Key::Home);
        assert!(key(&mut long, Key::Char('^')));
        assert!(
            long.text().starts_with("^line 0\n"),
            "walked past the giant line to the top"
        );
        for _ in 0..3_000 {
            key(&mut long, Key::Down);
        }
        key(&mut long, Key::End);
        assert!(key(&mut long, Key::Char('$')));
        assert!(
            long.text().ends_with("line 2999$"),
            "and past it to the end"
        );
        // Backspace at the start of the giant line joins it to the line above.
        for _ in 0..1_499 {
            key(&mut long, Key::Up);
        }
        key(&mut long, Key::Home);
        assert_eq!(long.text().lines().count(), 3_000);
        assert!(key(&mut long, Key::Backspace));
        let text = long.text();
        assert_eq!(text.lines().count(), 2_999);
        assert!(text.contains(&format!("line 1499{}", "x".repeat(10))));
    }

    /// Found in review: the cursor went to column 65,535 of a longer line,
    /// so the next word typed landed in the middle of it.
    #[test]
    fn a_line_longer_than_a_jump_still_opens_with_the_cursor_at_its_end() {
        let line = "x".repeat(70_000);
        let mut long = LongText::new(vec![line.clone()], plain);
        assert_eq!(long.area.cursor(), (0usize, 70_000usize));
        assert!(key(&mut long, Key::Char('!')));
        assert_eq!(long.text(), format!("{line}!"));
    }

    #[test]
    fn a_long_paste_is_split_into_a_window_again() {
        let mut long = LongText::new(numbered(LONG_LINES + 1), plain);
        assert!(is_long(&numbered(LONG_LINES + 1)));
        let pasted = numbered(20_000).join("\n");
        long.area.insert_str(&pasted);
        long.settle();
        assert!(long.area.lines().len() <= WINDOW_LINES);
        let text = long.text();
        assert!(text.contains(&format!("\nline {LONG_LINES}line 0\nline 1\n")));
        assert!(text.ends_with("\nline 19999"));
        assert_eq!(text.lines().count(), LONG_LINES + 20_000);
    }
}
