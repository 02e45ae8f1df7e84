//! The free writing kept with a reflection, `[writing]`: private, and left out of exports unless asked for.

use toml::{Table, Value};

use super::Reflection;

/// The key in `[writing]` that holds what was written; any other key a
/// hand edit put there is kept beside it.
pub const WRITING_TEXT_KEY: &str = "text";

impl Reflection {
    /// What the person wrote on the writing page ("" when nothing).
    pub fn writing(&self) -> &str {
        self.writing
            .get(WRITING_TEXT_KEY)
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// Emptied writing leaves no `text` key, so a page opened and left
    /// adds nothing to the file.
    pub fn set_writing(&mut self, text: String) {
        if text.is_empty() {
            self.writing.remove(WRITING_TEXT_KEY);
        } else {
            self.writing
                .insert(WRITING_TEXT_KEY.into(), Value::String(text));
        }
    }

    /// The same reflection with its writing taken out, for exports that
    /// were not asked to carry it.
    pub fn without_writing(&self) -> Reflection {
        Reflection {
            writing: Table::new(),
            ..self.clone()
        }
    }

    pub(super) fn writing_table(&self) -> &Table {
        &self.writing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::{guide, sample_reflection};

    #[test]
    fn writing_and_keys_beside_it_survive_a_save_and_load() {
        let mut r = sample_reflection();
        r.set_writing("First line.\nSecond, \"quoted\" and '''odd'''.\n".into());
        let text = r.to_toml_string(guide()).expect("serialises");
        assert!(text.contains("[writing]"), "{text}");
        let with_mood = text.replace("[writing]\n", "[writing]\nmood = \"kept by hand\"\n");
        let back = Reflection::from_toml_str(&with_mood).expect("loads");
        assert_eq!(back.writing(), r.writing());
        let again = back.to_toml_string(guide()).expect("serialises");
        assert!(again.contains("mood = \"kept by hand\""), "{again}");
        assert_eq!(Reflection::from_toml_str(&again).expect("loads"), back);
    }

    #[test]
    fn escape_sequences_in_written_text_are_cleaned_on_load() {
        let mut r = sample_reflection();
        r.set_writing("calm".into());
        let text = r.to_toml_string(guide()).expect("serialises").replace(
            "text = \"calm\"",
            "text = \"a \\u001b]0;owned\\u0007b \\u001b[31mred\"",
        );
        let back = Reflection::from_toml_str(&text).expect("loads");
        assert!(!back.writing().contains('\u{1b}'), "{:?}", back.writing());
        assert!(back.writing().contains("red"), "{:?}", back.writing());
    }

    #[test]
    fn no_writing_leaves_no_table_and_emptied_writing_leaves_the_file_as_it_was() {
        let mut r = sample_reflection();
        let before = r.to_toml_string(guide()).expect("serialises");
        assert!(!before.contains("[writing]"));
        r.set_writing("for a moment".into());
        r.set_writing(String::new());
        assert_eq!(r.to_toml_string(guide()).expect("serialises"), before);
    }

    #[test]
    fn writing_that_is_not_text_is_named_not_dropped() {
        let text = sample_reflection()
            .to_toml_string(guide())
            .expect("serialises")
            + "\n[writing]\ntext = 3\n";
        let e = Reflection::from_toml_str(&text).expect_err("refused");
        assert!(e.to_string().contains("writing.text"), "{e}");
    }
}
