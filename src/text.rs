//! Text for a terminal: what enters from outside (pastes, arguments, files)
//! made safe, so no control character reaches the screen or stdout raw; and
//! how many columns text takes there, and cutting it to fit.
//!
//! Escape sequences go whole, as ECMA-48 frames them, so `ESC[31mRED` leaves
//! `RED`, not `[31mRED`. A control string (OSC, DCS, SOS, PM, APC) left open
//! ends at the line break: a terminal would swallow everything after it, but
//! the person's text after a stray byte in a hand-edited file is theirs.

use std::borrow::Cow;
use std::str::Chars;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// The 8-bit forms of CSI and of the string terminator ST.
const CSI: char = '\u{9b}';
const ST: char = '\u{9c}';

/// Pasted text without terminal control characters; tabs become spaces and,
/// for one-line fields, line breaks become spaces too.
pub fn clean_paste(text: &str, multi_line: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    scrub(&text, |c| match c {
        '\n' if multi_line => Some('\n'),
        '\n' | '\t' => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    })
}

/// Text read from a file, safe to print: escape sequences and other control
/// characters are dropped; line breaks and tabs, which cannot take over a
/// terminal, are kept. Borrows when there is nothing to drop, the usual case.
pub fn printable(text: &str) -> Cow<'_, str> {
    let harmful = |c: char| c.is_control() && c != '\n' && c != '\t';
    if text.chars().any(harmful) {
        // A lone carriage return (an old Mac file, a hand edit) ends a line
        // too; dropping it would run the words on either side together.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        Cow::Owned(scrub(&text, |c| (!harmful(c)).then_some(c)))
    } else {
        Cow::Borrowed(text)
    }
}

/// Like [`printable`], on one line.
pub fn printable_line(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_control) {
        Cow::Owned(clean_paste(text, false))
    } else {
        Cow::Borrowed(text)
    }
}

/// Columns one grapheme takes, the rule ratatui draws by (its `CellWidth`,
/// which the core cannot name): a tab is drawn as one blank, other control
/// characters not at all, and halfwidth (han)dakuten take a column of their
/// own, as terminals draw them. A test in `tui::wrap` holds the two together.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        return usize::from(g == "\t");
    }
    if g.len() == 1 {
        return 1;
    }
    let sound_marks = g
        .chars()
        .filter(|&c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
        .count();
    g.width() + sound_marks
}

/// Columns text takes on one line.
pub fn columns(text: &str) -> usize {
    graphemes(text).map(|(_, g)| grapheme_width(g)).sum()
}

/// Grapheme clusters with their byte offsets. ASCII text (most answers, and
/// a pasted blob of a megabyte) is split by bytes without running the
/// segmenter, which would cost tens of milliseconds a key on such a line.
pub fn graphemes(text: &str) -> Graphemes<'_> {
    if text.is_ascii() {
        Graphemes::Ascii { text, at: 0 }
    } else {
        Graphemes::Unicode(text.grapheme_indices(true))
    }
}

/// See [`graphemes`].
pub enum Graphemes<'a> {
    Ascii { text: &'a str, at: usize },
    Unicode(unicode_segmentation::GraphemeIndices<'a>),
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            Graphemes::Ascii { text, at } => {
                let start = *at;
                let bytes = text.as_bytes();
                if start >= bytes.len() {
                    return None;
                }
                // CR LF is the one ASCII pair that is a single grapheme.
                let len = if bytes[start] == b'\r' && bytes.get(start + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                *at = start + len;
                text.get(start..start + len).map(|g| (start, g))
            }
            Graphemes::Unicode(inner) => inner.next(),
        }
    }
}

/// Text cut to `width` display columns, ending in `…` when it was cut: for
/// tables on the command line and rows on screen alike. It cuts between
/// graphemes only, so a flag, an emoji sequence or a letter and its accent
/// goes whole or not at all.
pub fn fit(text: &str, width: usize) -> String {
    // One pass that stops once the text is known too wide: a row may be
    // fitted from a very long answer.
    let mut cut = 0;
    let mut cut_found = false;
    let mut used = 0;
    for (at, g) in graphemes(text) {
        let w = grapheme_width(g);
        if !cut_found && used + w + 1 > width {
            cut = at;
            cut_found = true;
        }
        used += w;
        if used > width {
            return format!("{}…", &text[..cut]);
        }
    }
    text.to_string()
}

/// The text without its escape sequences, every other character passed
/// through `keep`.
fn scrub(text: &str, keep: impl Fn(char) -> Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            ESC => skip_escape(&mut chars),
            CSI => skip_control_sequence(&mut chars),
            // DCS, SOS, OSC, PM and APC in their 8-bit forms.
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_control_string(&mut chars),
            c => out.extend(keep(c)),
        }
    }
    out
}

/// What follows an ESC: a control sequence, a control string, or an escape
/// sequence of intermediate bytes and one final byte (`ESC c`, `ESC ( B`).
/// An ESC followed by anything else is dropped alone.
fn skip_escape(chars: &mut Chars) {
    let mut ahead = chars.clone();
    match ahead.next() {
        Some('[') => {
            *chars = ahead;
            skip_control_sequence(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            *chars = ahead;
            skip_control_string(chars);
        }
        Some('\u{20}'..='\u{2f}') => {
            *chars = ahead;
            let mut ahead = chars.clone();
            loop {
                match ahead.next() {
                    Some('\u{20}'..='\u{2f}') => *chars = ahead.clone(),
                    Some('\u{30}'..='\u{7e}') => {
                        *chars = ahead;
                        return;
                    }
                    _ => return,
                }
            }
        }
        Some('\u{30}'..='\u{7e}') => *chars = ahead,
        _ => {}
    }
}

/// A CSI's parameter and intermediate bytes, then its final byte. A byte
/// that cannot be part of it ends it and is read as text again.
fn skip_control_sequence(chars: &mut Chars) {
    let mut ahead = chars.clone();
    loop {
        match ahead.next() {
            Some('\u{20}'..='\u{3f}') => *chars = ahead.clone(),
            Some('\u{40}'..='\u{7e}') => {
                *chars = ahead;
                return;
            }
            _ => return,
        }
    }
}

/// A control string, up to its terminator (ST as `ESC \` or U+009C, or BEL
/// as xterm allows). Another ESC ends it and starts a sequence of its own;
/// an unterminated one ends at the line break, which stays.
fn skip_control_string(chars: &mut Chars) {
    let mut ahead = chars.clone();
    loop {
        match ahead.next() {
            None => {
                *chars = ahead;
                return;
            }
            Some(BEL | ST) => {
                *chars = ahead;
                return;
            }
            Some(ESC) => {
                let mut after = ahead.clone();
                if after.next() == Some('\\') {
                    *chars = after;
                }
                return;
            }
            Some('\n') => return,
            Some(_) => *chars = ahead.clone(),
        }
    }
}

/// A name a person types on the command line and a file can carry:
/// lowercase letters, digits and single hyphens between them (`job-loss`).
pub fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest::proptest! {
        /// The fast path for ASCII splits exactly as the segmenter does.
        #[test]
        fn ascii_graphemes_are_the_segmenters(text in "[\\x00-\\x7f]{0,40}") {
            let fast: Vec<(usize, &str)> = graphemes(&text).collect();
            let slow: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn fitting_counts_display_columns_not_characters() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a longer title", 8), "a longe…");
        let wide = fit("日本語のタイトル", 7);
        assert!(wide.width() <= 7, "{wide}");
        assert!(wide.ends_with('…'));
    }

    /// Found in review (issue 10): fit counted characters, so it could keep
    /// half a flag or the start of an emoji sequence.
    #[test]
    fn fitting_cuts_between_graphemes_never_inside_one() {
        // Flags: two regional indicators each, two columns.
        let flags = "\u{1f1eb}\u{1f1f7}\u{1f1e9}\u{1f1ea}\u{1f1ef}\u{1f1f5}";
        assert_eq!(columns(flags), 6);
        assert_eq!(fit(flags, 4), "\u{1f1eb}\u{1f1f7}…");
        assert_eq!(fit(flags, 6), flags);
        // A family joined by zero-width joiners is one emoji of two columns.
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(columns(family), 2);
        assert_eq!(fit(&format!("{family}{family}"), 3), format!("{family}…"));
        assert_eq!(fit(&format!("{family} ok"), 5), format!("{family} ok"));
        // A letter and its accent written apart stay together.
        assert_eq!(fit("Cafe\u{301} noir", 5), "Cafe\u{301}…");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        // Wide characters: the cut leaves a column free rather than half one.
        assert_eq!(fit("日本語のタイトル", 7), "日本語…");
        assert_eq!(fit("日本語のタイトル", 6), "日本…");
        assert_eq!(fit("日本語", 6), "日本語");
        assert_eq!(fit("anything", 0), "…");
    }

    proptest! {
        #[test]
        fn a_fitted_text_is_a_whole_grapheme_prefix_within_the_width(
            text in "\\PC{0,12}",
            width in 1_usize..16,
        ) {
            let fitted = fit(&text, width);
            prop_assert!(columns(&fitted) <= width, "{:?} at {}: {:?}", text, width, fitted);
            let kept = fitted.strip_suffix('…').filter(|_| fitted != text).unwrap_or(&fitted);
            prop_assert!(text.starts_with(kept));
            let boundaries: Vec<usize> = text.grapheme_indices(true).map(|(at, _)| at).collect();
            prop_assert!(kept.len() == text.len() || boundaries.contains(&kept.len()));
        }
    }

    #[test]
    fn pasted_escape_sequences_vanish_whole() {
        assert_eq!(clean_paste("a\x1b]0;pwned\x07b\r\nc\td", true), "ab\nc d");
        assert_eq!(clean_paste("one\ntwo", false), "one two");
        assert_eq!(clean_paste("\x1b[1;31mbold red\x1b[0m", false), "bold red");
    }

    #[test]
    fn text_from_files_keeps_its_lines_but_loses_escapes() {
        assert!(matches!(printable("plain\ntext"), Cow::Borrowed(_)));
        assert_eq!(
            printable("\x1b[2Jred\u{9b}31m\r\nnext\tcell"),
            "red\nnext\tcell"
        );
        assert_eq!(printable_line("two\nlines\x07"), "two lines");
        assert_eq!(printable("line\rover"), "line\nover");
        assert_eq!(printable_line("line\rover"), "line over");
    }

    /// Found by a new user (issue 10): `show` printed `[31mRED[0m`.
    #[test]
    fn escape_sequences_in_a_hand_edited_file_go_whole() {
        let cases = [
            // CSI, 7-bit and 8-bit, with intermediates and private parameters.
            ("\x1b[31mRED\x1b[0m", "RED"),
            ("\x1b[?1049hscreen\x1b[?1049l", "screen"),
            ("a\x1b[1 qb", "ab"),
            ("\u{9b}2Jclear", "clear"),
            // OSC ended by BEL, by ESC \ and by U+009C; a hyperlink keeps its text.
            ("\x1b]0;title\x07after", "after"),
            ("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"),
            ("\u{9d}0;title\u{9c}after", "after"),
            // DCS, SOS, PM and APC, 7-bit and 8-bit.
            ("\x1bPq#0;2;0;0;0\x1b\\x", "x"),
            ("\u{90}1$r\u{9c}x", "x"),
            ("\x1bXsos\x1b\\x\u{98}sos\u{9c}y", "xy"),
            ("\x1b^pm\x1b\\x\u{9e}pm\u{9c}y", "xy"),
            ("\x1b_apc\x1b\\x\u{9f}apc\u{9c}y", "xy"),
            // ESC with one final byte, or intermediates then a final byte.
            ("\x1bcreset", "reset"),
            ("\x1b(Bascii\x1b7saved\x1b8", "asciisaved"),
            ("\x1b#8fill", "fill"),
            // Cut short by the end of the text.
            ("end\x1b[31", "end"),
            ("end\x1b]0;no terminator", "end"),
            ("end\x1b", "end"),
            ("end\x1b(", "end"),
            // An open string ends at the line break, so the next line stays.
            ("a\x1b]0;open\nnext line", "a\nnext line"),
            // An ESC inside a string ends it and starts its own sequence.
            ("\x1b]0;t\x1b[1mbold", "bold"),
            // An ESC before something no sequence starts with goes alone.
            ("\x1b\u{e9}t\u{e9}", "\u{e9}t\u{e9}"),
            // Other C1 controls go too, and accents stay.
            ("caf\u{e9}\u{85}\u{9a}!", "caf\u{e9}!"),
        ];
        for (raw, shown) in cases {
            assert_eq!(printable(raw), shown, "{raw:?}");
        }
    }

    proptest! {
        #[test]
        fn no_control_character_ever_comes_through(text in "(\\PC|[\\x00-\\x1f\\x7f-\\u{9f}\\[\\]P_^X\\\\;0-9])*") {
            let harmful = |c: char| c.is_control() && c != '\n' && c != '\t';
            prop_assert!(!printable(&text).chars().any(harmful));
            prop_assert!(!printable_line(&text).chars().any(char::is_control));
            prop_assert!(!clean_paste(&text, true).chars().any(|c| c.is_control() && c != '\n'));
            prop_assert!(!clean_paste(&text, false).chars().any(char::is_control));
        }

        #[test]
        fn text_without_controls_is_left_alone(text in "[^\\p{Cc}]*") {
            prop_assert!(matches!(printable(&text), Cow::Borrowed(_)));
            prop_assert_eq!(clean_paste(&text, true), text);
        }
    }
}
