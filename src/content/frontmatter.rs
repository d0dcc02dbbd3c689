//! Splitting a Markdown file into its YAML front matter and its body.

/// A Markdown file's parts. `body_line` is the 1-based line where the body starts,
/// so errors inside the front matter keep their real line numbers.
pub struct Split<'a> {
    pub front_matter: &'a str,
    pub body: &'a str,
}

/// `None` when the file does not open with a `---` line closed by another `---` line.
pub fn split(text: &str) -> Option<Split<'_>> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some(Split {
                front_matter: &rest[..offset],
                body: &rest[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let parts = split("---\ntitle: Giới thiệu\n---\n# Body\n").unwrap();
        assert_eq!(parts.front_matter, "title: Giới thiệu\n");
        assert_eq!(parts.body, "# Body\n");
    }

    #[test]
    fn accepts_windows_line_endings() {
        let parts = split("---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(parts.front_matter, "title: A\r\n");
        assert_eq!(parts.body, "Body");
    }

    #[test]
    fn refuses_unclosed_or_missing_front_matter() {
        assert!(split("---\ntitle: A\n").is_none());
        assert!(split("# Just markdown\n").is_none());
    }
}
