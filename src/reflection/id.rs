//! Reflection ids: the safe alphabet they keep to, and readable stems made from titles.

/// Ids become file names, so they are kept to a safe, readable alphabet.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A readable id stem from a title: `The launch that slipped!` → `the-launch-that-slipped`.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        // No title yet says so in the file name; a title in another script
        // is still a named reflection.
        if title.trim().is_empty() {
            "untitled".into()
        } else {
            "reflection".into()
        }
    } else {
        slug.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_readable_and_safe() {
        assert_eq!(slug("The launch that slipped!"), "the-launch-that-slipped");
        assert_eq!(slug("  ¿Qué pasó?  "), "qu-pas");
        assert_eq!(slug("///"), "reflection");
        assert_eq!(slug("失敗"), "reflection");
        assert_eq!(slug(""), "untitled");
        assert_eq!(slug("  "), "untitled");
        assert!(slug(&"word ".repeat(30)).len() <= 40);
        assert!(is_valid_id(&slug("Any title at all")));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id("a/b"));
    }
}
