//! Text entering from outside (pastes, arguments, files), made safe for a
//! terminal: no control character ever reaches the screen or stdout raw.

use std::borrow::Cow;

/// Pasted text without terminal control characters; tabs become spaces and,
/// for one-line fields, line breaks become spaces too.
pub fn clean_paste(text: &str, multi_line: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' if multi_line => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Text read from a file, safe to print: escape sequences and other control
/// characters are dropped (their printable remainder stays, harmless); line
/// breaks and tabs, which cannot take over a terminal, are kept. Borrows when
/// there is nothing to drop, the usual case.
pub fn printable(text: &str) -> Cow<'_, str> {
    let harmful = |c: char| c.is_control() && c != '\n' && c != '\t';
    if text.chars().any(harmful) {
        Cow::Owned(
            text.replace("\r\n", "\n")
                .chars()
                .filter(|&c| !harmful(c))
                .collect(),
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_control_characters_are_dropped() {
        assert_eq!(
            clean_paste("a\x1b]0;pwned\x07b\r\nc\td", true),
            "a]0;pwnedb\nc d"
        );
        assert_eq!(clean_paste("one\ntwo", false), "one two");
    }

    #[test]
    fn text_from_files_keeps_its_lines_but_loses_escapes() {
        assert!(matches!(printable("plain\ntext"), Cow::Borrowed(_)));
        assert_eq!(
            printable("\x1b[2Jred\u{9b}31m\r\nnext\tcell"),
            "[2Jred31m\nnext\tcell"
        );
        assert_eq!(printable_line("two\nlines\x07"), "two lines");
    }
}
