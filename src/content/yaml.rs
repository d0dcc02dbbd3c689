//! The one place that parses YAML.
//!
//! serde_yaml is deprecated upstream; keeping every call to it here means another YAML
//! crate can replace it by changing this file alone.

use serde::de::DeserializeOwned;

use super::locate::{locate, Seg};
use super::Source;
use crate::diagnostics::{with_suggestion, Diagnostic};

/// Parse `source` into `T`, turning a serde_yaml error into a located diagnostic.
pub fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, Diagnostic> {
    parse_str(source, &source.text, 0)
}

/// Parse `text`, which starts on line `line_offset + 1` of `source` (front matter).
pub fn parse_str<T: DeserializeOwned>(
    source: &Source,
    text: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    // An empty file is an empty mapping, so that missing fields are named one by one.
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|error| {
        let message = explain(&error.to_string());
        let (line, column) = match error.location() {
            Some(at) => (at.line(), at.column()),
            None => locate(text, &[Seg::Key(field_of(&message).unwrap_or(""))]),
        };
        Diagnostic::new(&source.path, message).at(line + line_offset, column)
    })
}

/// serde_yaml's message, without its trailing position and with a hint for typos.
fn explain(raw: &str) -> String {
    let message = match raw.rfind(" at line ") {
        Some(at) if raw[at..].contains(" column ") => &raw[..at],
        _ => raw,
    };
    let message = message.replace("a YAML tag starting with '!'", "a tag");
    if let Some((head, expected)) = message.split_once(", expected ") {
        if let Some(typed) = head.split("unknown field ").nth(1).and_then(backticked) {
            // "`a`, `b` or `c`": every other backtick-delimited piece is a field name.
            let known = expected.split('`').skip(1).step_by(2);
            // A likely typo needs only the right name; otherwise list them all.
            let hint = with_suggestion(String::new(), typed, known);
            return if hint.is_empty() {
                format!("{head}; expected {expected}")
            } else {
                format!("{head}{hint}")
            };
        }
    }
    message
}

fn backticked(text: &str) -> Option<&str> {
    text.trim().strip_prefix('`')?.split('`').next()
}

/// The field a "missing field `x`" message names.
fn field_of(message: &str) -> Option<&str> {
    message.split("missing field ").nth(1).and_then(backticked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Record {
        name: String,
        stars: u8,
        tags: Vec<String>,
    }

    fn source(text: &str) -> Source {
        Source {
            path: "content/x.yaml".into(),
            text: text.into(),
        }
    }

    fn error(text: &str) -> String {
        parse::<Record>(&source(text)).unwrap_err().to_string()
    }

    #[test]
    fn reports_unknown_fields_with_a_suggestion() {
        assert_eq!(
            error("name: a\nstar: 4\n"),
            "content/x.yaml:2:1: error: unknown field `star` (did you mean `stars`?)"
        );
        assert_eq!(
            error("name: a\ncolour: red\n"),
            "content/x.yaml:2:1: error: unknown field `colour`; expected one of `name`, `stars`, `tags`"
        );
    }

    #[test]
    fn reports_wrong_types_at_the_value() {
        assert_eq!(
            error("name: a\nstars: \"4\"\ntags: []\n"),
            "content/x.yaml:2:8: error: stars: invalid type: string \"4\", expected u8"
        );
    }

    #[test]
    fn reports_syntax_errors_with_their_position() {
        let message = error("name: a\n\tstars: 4\n");
        assert!(
            message.starts_with("content/x.yaml:2:1: error: "),
            "{message}"
        );
    }
}
