//! Text entering from outside (pastes, arguments), made safe for a terminal.

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
}
