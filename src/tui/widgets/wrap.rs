//! Answer text wrapped exactly as the editor wraps it, so an answer reads the
//! same, row for row, whether its question has focus or not.
//!
//! This mirrors ratatui-textarea's `WrapMode::WordOrGlyph` (its `wrap.rs`):
//! break between Unicode word segments, and inside a segment only when it is
//! wider than a row. The editor offers no way to ask it for its rows, so the
//! rule is repeated here, and a test holds the two together.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// The editor's tab stop (ratatui-textarea's default).
const TAB: usize = 4;

/// One line of text (no newline in it) as the rows the editor shows.
pub fn rows(line: &str, width: usize) -> Vec<&str> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut end = 0;
    let mut used = 0;
    let chunks: Vec<(usize, &str)> = line.split_word_bound_indices().collect();
    let mut i = 0;
    while i < chunks.len() {
        let (at, chunk) = chunks[i];
        if end == start {
            start = at;
        }
        let w = advance(chunk, used) - used;
        if used + w <= width {
            end = at + chunk.len();
            used += w;
            i += 1;
            continue;
        }
        if end > start {
            out.push(&line[start..end]);
            start = end;
            used = 0;
            continue;
        }
        // A segment wider than a row is split between its graphemes.
        split_graphemes(line, at, at + chunk.len(), width, &mut out);
        i += 1;
        start = at + chunk.len();
        end = start;
        used = 0;
    }
    if end > start {
        out.push(&line[start..end]);
    }
    if out.is_empty() {
        out.push("");
    }
    out
}

/// Rows the text takes, every line of it.
pub fn row_count(text: &str, width: usize) -> usize {
    text.split('\n').map(|line| rows(line, width).len()).sum()
}

fn split_graphemes<'a>(
    line: &'a str,
    from: usize,
    to: usize,
    width: usize,
    out: &mut Vec<&'a str>,
) {
    let mut start = from;
    while start < to {
        let mut end = start;
        let mut used = 0;
        for (offset, grapheme) in line[start..to].grapheme_indices(true) {
            let next = advance(grapheme, used);
            if end != start && next > width {
                break;
            }
            end = start + offset + grapheme.len();
            used = next;
            if used > width {
                break;
            }
        }
        if end == start {
            end = start + line[start..].chars().next().map_or(1, char::len_utf8);
        }
        out.push(&line[start..end]);
        start = end;
    }
}

/// The column after `text` when it starts at column `from`.
fn advance(text: &str, from: usize) -> usize {
    let mut at = from;
    for c in text.chars() {
        if c == '\t' {
            at += TAB - at % TAB;
        } else if !c.is_control() {
            at += usize::from(c.encode_utf8(&mut [0; 4]).cell_width());
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the editor itself shows, row by row.
    fn editor_rows(text: &str, width: u16) -> Vec<String> {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::widgets::Widget;
        use ratatui_textarea::{TextArea, WrapMode};
        let mut editor = TextArea::from([text]);
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        let area = Rect::new(0, 0, width, 40);
        let mut buf = Buffer::empty(area);
        (&editor).render(area, &mut buf);
        let rows: Vec<String> = buf
            .content
            .chunks(usize::from(width))
            .map(|row| {
                // A wide character's second cell is filler, not text.
                let mut text = String::new();
                let mut x = 0;
                while x < row.len() {
                    text.push_str(row[x].symbol());
                    x += usize::from(row[x].symbol().cell_width().max(1));
                }
                text
            })
            .collect();
        let used = rows
            .iter()
            .rposition(|r| !r.trim().is_empty())
            .map_or(1, |i| i + 1);
        rows[..used]
            .iter()
            .map(|r| r.trim_end().to_string())
            .collect()
    }

    #[test]
    fn rows_are_the_rows_the_editor_shows() {
        let texts = [
            "The pilot (nine clinics, three months) stalled in spring, and I said nothing.",
            "Talk to the people who will pay before building for them. Then build.",
            "averyveryverylongwordthatcannotfitonarow and then some short ones",
            "日本語のテキストも折り返します。ここで確かめる。",
            "a tab and  two spaces  here, then more words to wrap around",
        ];
        for text in texts {
            for width in [7u16, 12, 20, 33] {
                let ours: Vec<String> = rows(text, usize::from(width))
                    .iter()
                    .map(|r| r.trim_end().to_string())
                    .collect();
                assert_eq!(ours, editor_rows(text, width), "{text:?} at {width}");
            }
        }
    }

    #[test]
    fn rows_break_between_words_and_split_only_a_word_too_long_for_a_row() {
        assert_eq!(rows("aaa bbb ccc", 8), ["aaa bbb ", "ccc"]);
        assert_eq!(rows("helloworld", 4), ["hell", "owor", "ld"]);
        assert_eq!(rows("", 4), [""]);
    }
}
