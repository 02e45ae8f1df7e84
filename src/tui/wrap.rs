//! Answer text wrapped by words, the one rule for an answer at rest and
//! being edited: rows break at spaces, the spaces at a break stay at the end
//! of the row above (so no row starts with one), punctuation stays with its
//! word, and a word is split only when it is wider than a whole row. Widths
//! are display columns (CJK and emoji take two, combining marks none).
//!
//! Also here: where a cursor shows in those rows, moving it a row up or
//! down as the eye sees rows, and which row the view starts at so the
//! cursor stays in sight. A cursor after a row that is exactly full shows at
//! the start of the next row (a row of its own at the end of a line), where
//! the next character typed will go.

use crate::text::{columns, grapheme_width, graphemes};

/// One row of a line: a byte range. A line's rows cover it end to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

fn is_space(g: &str) -> bool {
    g.chars().next().is_some_and(char::is_whitespace)
}

/// One line of text (no newline in it) as rows of at most `width` columns,
/// not counting the spaces that hang at the end of a row.
pub fn rows(line: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (space, from, to, w) in tokens(line) {
        if space || used + w <= width {
            used += w;
            continue;
        }
        if from > start {
            out.push(Row { start, end: from });
            start = from;
        }
        used = 0;
        // A word wider than a row is split between its graphemes.
        for (at, g) in graphemes(&line[from..to]) {
            let gw = grapheme_width(g);
            if used > 0 && used + gw > width {
                out.push(Row {
                    start,
                    end: from + at,
                });
                start = from + at;
                used = 0;
            }
            used += gw;
        }
    }
    out.push(Row {
        start,
        end: line.len(),
    });
    out
}

/// Runs of spaces and of everything else: (is space, from, to, columns).
fn tokens(line: &str) -> Vec<(bool, usize, usize, usize)> {
    let mut out: Vec<(bool, usize, usize, usize)> = Vec::new();
    for (at, g) in graphemes(line) {
        let space = is_space(g);
        let w = grapheme_width(g);
        match out.last_mut() {
            Some(last) if last.0 == space => {
                last.2 = at + g.len();
                last.3 += w;
            }
            _ => out.push((space, at, at + g.len(), w)),
        }
    }
    out
}

/// Rows the text takes, every line of it.
pub fn row_count(text: &str, width: usize) -> usize {
    text.split('\n').map(|line| rows(line, width).len()).sum()
}

fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(b, _)| b)
}

/// Where the cursor at character `col` of a line shows: (row, column).
/// The row can be one past the line's last: after a full last row.
pub fn place(line: &str, rows: &[Row], col: usize, width: usize) -> (usize, usize) {
    let at = byte_at(line, col);
    let row = rows.iter().rposition(|r| r.start <= at).unwrap_or(0);
    let start = rows.get(row).map_or(0, |r| r.start);
    let x = columns(&line[start..at]);
    if x >= width.max(1) {
        (row + 1, 0)
    } else {
        (row, x)
    }
}

/// The character column on `row` of a line nearest to display column `x`,
/// among the ones that show on that row.
pub fn column_at(line: &str, rows: &[Row], row: usize, x: usize, width: usize) -> usize {
    let Some(r) = rows.get(row) else {
        return line.chars().count();
    };
    let last = row + 1 == rows.len();
    let mut best = r.start;
    let mut used = 0;
    for (at, g) in graphemes(&line[r.start..r.end]) {
        used += grapheme_width(g);
        let next = r.start + at + g.len();
        if used > x || used >= width.max(1) || (next == r.end && !last) {
            break;
        }
        best = next;
    }
    line[..best].chars().count()
}

/// The cursor moved a row up (or down) as rows show; `None` at the top (or
/// the bottom). The column is kept as near as the row allows to `goal` when
/// one is given (the column a run of ups and downs started from, so a short
/// row on the way does not pull the cursor left for good), else to where the
/// cursor is; the column aimed at comes back too.
pub fn step_toward(
    lines: &[String],
    cursor: (usize, usize),
    down: bool,
    width: usize,
    goal: Option<usize>,
) -> Option<(usize, usize, usize)> {
    let (line, col) = cursor;
    let text = lines.get(line)?;
    let here = rows(text, width);
    let (row, x) = place(text, &here, col, width);
    let x = goal.unwrap_or(x);
    let (to_line, to_row) = if down {
        if row + 1 < here.len() {
            (line, row + 1)
        } else if line + 1 < lines.len() {
            (line + 1, 0)
        } else {
            return None;
        }
    } else if row > 0 {
        (line, row.min(here.len()) - 1)
    } else if line > 0 {
        let above = rows(&lines[line - 1], width).len();
        (line - 1, above - 1)
    } else {
        return None;
    };
    let text = &lines[to_line];
    let to = if to_line == line {
        here
    } else {
        rows(text, width)
    };
    Some((to_line, column_at(text, &to, to_row, x, width), x))
}

/// The first row in view: a line and a row of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Top {
    pub line: usize,
    pub row: usize,
}

/// Rows line `l` shows: one more after it when the cursor shows there.
pub fn shown_rows(lines: &[String], l: usize, cursor_at: Top, width: usize) -> usize {
    let n = lines.get(l).map_or(1, |t| rows(t, width).len());
    if cursor_at.line == l && cursor_at.row >= n {
        n + 1
    } else {
        n
    }
}

/// Where the cursor shows, as a line and a row of it.
pub fn cursor_row(lines: &[String], cursor: (usize, usize), width: usize) -> Top {
    let text = lines.get(cursor.0).map_or("", String::as_str);
    let (row, _) = place(text, &rows(text, width), cursor.1, width);
    Top {
        line: cursor.0,
        row,
    }
}

/// The view's first row after a change: the one before if the cursor is
/// still in view, else just far enough for it; and never leaving blank rows
/// at the bottom while text is hidden above. Costs rows of a view's height,
/// not of the whole text.
pub fn follow(
    lines: &[String],
    cursor: (usize, usize),
    top: Top,
    width: usize,
    height: usize,
) -> Top {
    let height = height.max(1);
    let at = cursor_row(lines, cursor, width);
    let mut top = if top > at || top.line >= lines.len() {
        at
    } else {
        top
    };
    if rows_between(lines, top, at, at, width, height + 1) > height {
        top = back(lines, at, height - 1, at, width);
    }
    let last_line = lines.len().saturating_sub(1);
    let end = Top {
        line: last_line,
        row: shown_rows(lines, last_line, at, width) - 1,
    };
    if rows_between(lines, top, end, at, width, height) < height {
        top = back(lines, end, height - 1, at, width);
    }
    top
}

/// Rows from `from` to `to`, both counted; stops counting at `most`.
fn rows_between(lines: &[String], from: Top, to: Top, at: Top, width: usize, most: usize) -> usize {
    let mut count = 0;
    for l in from.line..=to.line {
        let first = if l == from.line { from.row } else { 0 };
        let last = if l == to.line {
            to.row + 1
        } else {
            shown_rows(lines, l, at, width)
        };
        count += last.saturating_sub(first);
        if count >= most {
            return count;
        }
    }
    count
}

/// The row `n` rows above `from` (or the very first).
fn back(lines: &[String], from: Top, mut n: usize, at: Top, width: usize) -> Top {
    let mut top = from;
    while n > 0 {
        if top.row >= n {
            top.row -= n;
            break;
        }
        n -= top.row + 1;
        if top.line == 0 {
            top.row = 0;
            break;
        }
        top.line -= 1;
        top.row = shown_rows(lines, top.line, at, width) - 1;
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(
        lines: &[String],
        cursor: (usize, usize),
        down: bool,
        width: usize,
    ) -> Option<(usize, usize)> {
        step_toward(lines, cursor, down, width, None).map(|(line, col, _)| (line, col))
    }

    fn texts(line: &str, width: usize) -> Vec<&str> {
        rows(line, width)
            .into_iter()
            .map(|r| &line[r.start..r.end])
            .collect()
    }

    fn owned(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| (*l).to_string()).collect()
    }

    /// Found by a new user (issue 10): the full stop after "them" wrapped
    /// onto a row of its own, and rows started with a space.
    #[test]
    fn punctuation_stays_with_its_word_and_no_row_starts_with_a_space() {
        let line = "Talk to the people who will pay before building for them. Then build.";
        for width in 5..70 {
            let rows = texts(line, width);
            for (i, row) in rows.iter().enumerate() {
                assert!(!row.starts_with(' '), "{row:?} at {width}");
                // Below eight columns "building" itself must be split.
                if width >= 8 {
                    assert!(!row.starts_with('.'), "{row:?} at {width}");
                }
                if i + 1 < rows.len() {
                    assert!(row.trim_end().len() <= width, "{row:?} at {width}");
                }
            }
            assert!(rows.iter().any(|r| r.contains("them.")), "{rows:?}");
            assert_eq!(rows.concat(), line, "nothing lost at {width}");
        }
        assert_eq!(
            texts(line, 56),
            [
                "Talk to the people who will pay before building for ",
                "them. Then build."
            ]
        );
    }

    #[test]
    fn spaces_at_a_break_hang_at_the_end_of_the_row_above() {
        assert_eq!(texts("aaa   bbb ccc", 5), ["aaa   ", "bbb ", "ccc"]);
        assert_eq!(texts("  indented line", 9), ["  ", "indented ", "line"]);
    }

    #[test]
    fn only_a_word_wider_than_a_row_is_split() {
        assert_eq!(
            texts("see averyveryverylongword ok", 8),
            ["see ", "averyver", "yverylon", "gword ok"]
        );
        assert_eq!(texts("helloworld", 4), ["hell", "owor", "ld"]);
        assert_eq!(texts("", 4), [""]);
    }

    /// The core measures without ratatui; what it measures must be what
    /// ratatui draws, or rows would overrun or leave gaps.
    #[test]
    fn widths_are_the_ones_ratatui_draws_with() {
        use ratatui::buffer::CellWidth;
        let sample = "a \u{e9}e\u{301}日\u{1f44d}\u{1f3fd}\u{1f1eb}\u{1f1f7}\
            \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{ff76}\u{ff9e}\u{ff9f}\u{200b}\
            \u{301}\u{2764}\u{fe0f}\u{fdfa}\u{ac00}\u{1100}\u{1161}x\u{20e3}";
        for (_, g) in graphemes(sample) {
            assert_eq!(grapheme_width(g), usize::from(g.cell_width()), "{g:?}");
        }
    }

    #[test]
    fn wide_characters_take_two_columns_and_marks_none() {
        assert_eq!(grapheme_width("日"), 2);
        assert_eq!(grapheme_width("👍🏽"), 2);
        assert_eq!(grapheme_width("e\u{301}"), 1);
        // Five CJK characters are ten columns: two rows of two at width 5.
        assert_eq!(texts("日本語のテ", 5), ["日本", "語の", "テ"]);
        assert_eq!(
            texts("cafe\u{301} cafe\u{301}", 5),
            ["cafe\u{301} ", "cafe\u{301}"]
        );
        assert_eq!(texts("ok 👍🏽 ok", 5), ["ok 👍🏽 ", "ok"]);
    }

    #[test]
    fn a_cursor_after_a_full_row_shows_at_the_start_of_the_next() {
        let line = "hello world";
        let r = rows(line, 5);
        assert_eq!(place(line, &r, 4, 5), (0, 4));
        assert_eq!(place(line, &r, 5, 5), (1, 0), "after hello");
        assert_eq!(place(line, &r, 6, 5), (1, 0), "before world");
        assert_eq!(
            place(line, &r, 11, 5),
            (2, 0),
            "after world, a row of its own"
        );
        assert_eq!(place("日本語", &rows("日本語", 4), 1, 4), (0, 2));
    }

    #[test]
    fn up_and_down_move_by_the_rows_that_show() {
        let lines = owned(&["one two three four", "five"]);
        // "one two " / "three " / "four" at width 8, then "five".
        assert_eq!(step(&lines, (0, 2), true, 8), Some((0, 10)));
        assert_eq!(step(&lines, (0, 10), true, 8), Some((0, 16)));
        assert_eq!(step(&lines, (0, 16), true, 8), Some((1, 2)));
        assert_eq!(step(&lines, (1, 2), true, 8), None);
        assert_eq!(step(&lines, (1, 4), false, 8), Some((0, 18)));
        assert_eq!(
            step(&lines, (0, 18), false, 8),
            Some((0, 12)),
            "a row shorter than the column: its end"
        );
        assert_eq!(step(&lines, (0, 2), false, 8), None);
    }

    #[test]
    fn the_view_follows_the_cursor_and_stays_put_while_it_is_in_view() {
        let lines: Vec<String> = (0..20).map(|i| format!("line {i}")).collect();
        let top = follow(&lines, (19, 0), Top::default(), 40, 6);
        assert_eq!(top, Top { line: 14, row: 0 });
        assert_eq!(follow(&lines, (16, 0), top, 40, 6), top, "in view: no move");
        assert_eq!(follow(&lines, (3, 0), top, 40, 6), Top { line: 3, row: 0 });
        // Text cut back: no blank rows below while text is hidden above.
        let short = owned(&["a", "b", "c"]);
        assert_eq!(
            follow(&short, (2, 0), Top { line: 2, row: 0 }, 40, 6),
            Top::default()
        );
    }
}
