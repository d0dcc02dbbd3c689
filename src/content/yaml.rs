//! The one place that parses YAML, and that knows how to quote text so that YAML
//! written by `ocop new` and `ocop import` reads back as the same text.
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
        let mut message = explain(&error.to_string());
        let (line, column) = match error.location() {
            Some(at) => inside(text, at.line(), at.column()),
            None => locate(text, &[Seg::Key(field_of(&message).unwrap_or(""))]),
        };
        let (line, column) = match duplicated(&message) {
            // serde_yaml points at the start of the mapping; the second key is the mistake.
            Some(key) => {
                message.push_str(": the key is written twice; keep one");
                second_key(text, &key).unwrap_or((line, column))
            }
            None => (line, column),
        };
        // The scanner's words for a tab say nothing of tabs.
        let at = text
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.chars().nth(column.saturating_sub(1)));
        if at == Some('\t') {
            message = "a tab: YAML is indented with spaces only, so replace the tab with spaces"
                .to_owned();
        }
        Diagnostic::new(&source.path, message).at(line + line_offset, column)
    })
}

/// `line` and `column` moved onto the text: at the end of a file without a final line
/// break, serde_yaml reports the line after the last one, which no editor shows.
fn inside(text: &str, line: usize, column: usize) -> (usize, usize) {
    // YAML breaks lines at CR LF, LF, CR, NEL and the Unicode line separators.
    let text = text.replace("\r\n", "\n");
    let lines: Vec<&str> = text
        .split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .collect();
    match lines.last() {
        Some(last) if line > lines.len() => (lines.len(), last.chars().count() + 1),
        _ => (line, column),
    }
}

/// `text` as a YAML scalar that reads back as exactly `text`, in block context.
///
/// Plain (unquoted) when that is certainly safe, so that files stay readable: it
/// starts with a letter (not a digit, quote or indicator such as `-`, `&`, `*`, `!`),
/// uses only letters, digits, spaces and punctuation that mean nothing to YAML inside
/// a plain scalar (never `:` or `#`), has no surrounding spaces and is not a word that
/// YAML reads as a boolean or null. Everything else is double-quoted with JSON's
/// escapes, which YAML's double-quoted style accepts as they are.
pub fn quote(text: &str) -> String {
    if is_plain_safe(text) {
        return text.to_owned();
    }
    // serde_json leaves U+0085, U+2028 and U+2029 raw; YAML 1.1 readers fold them
    // as line breaks, so escape them too.
    serde_json::to_string(text)
        .unwrap_or_default()
        .replace('\u{85}', "\\u0085")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn is_plain_safe(text: &str) -> bool {
    // YAML 1.1 booleans and null: a reader of either version takes them as text or
    // not, so never leave them plain.
    const RESERVED: [&str; 9] = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"];
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || ".,()/-–—'’&+%!?…".contains(c))
        && !RESERVED.contains(&text.to_lowercase().as_str())
}

/// serde_yaml's message, without its trailing position and with a hint for typos.
fn explain(raw: &str) -> String {
    let message = match raw.rfind(" at line ") {
        Some(at) if raw[at..].contains(" column ") => &raw[..at],
        _ => raw,
    };
    let message = message.replace("a YAML tag starting with '!'", "a tag");
    let message = whole_numbers(&message);
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

/// serde's names of Rust's integer types, in words, with what to do about the usual
/// mistakes: a number in quotes, or one with a dot, such as a price written with a
/// thousands separator (`180.000`, which YAML reads as 180).
fn whole_numbers(message: &str) -> String {
    const RANGES: [(&str, &str); 5] = [
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u16", "expected a whole number from 0 to 65535"),
        (
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        ),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected usize", "expected a whole number, 0 or more"),
    ];
    let Some((raw, words)) = RANGES.iter().find(|(raw, _)| message.ends_with(raw)) else {
        return message.to_owned();
    };
    let message = message.replacen(raw, words, 1);
    if message.contains("invalid type: string ") {
        format!("{message}, without quotes")
    } else if message.contains("invalid type: floating point ") {
        format!("{message}, without a dot or comma")
    } else {
        message
    }
}

/// The key a "duplicate field `x`" message names.
fn duplicated(message: &str) -> Option<String> {
    message
        .split("duplicate field ")
        .nth(1)
        .and_then(backticked)
        .map(str::to_owned)
}

/// The line and column of the second line that sets `key`, at the same indentation as
/// the first.
fn second_key(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut first_indent = None;
    for (i, line) in text.lines().enumerate() {
        let body = line.trim_start_matches([' ', '-']);
        let is_key = body
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'));
        if !is_key {
            continue;
        }
        let indent = line.chars().count() - body.chars().count();
        match first_indent {
            None => first_indent = Some(indent),
            Some(first) if first == indent => return Some((i + 1, indent + 1)),
            Some(_) => {}
        }
    }
    None
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
    fn reports_a_duplicate_key_at_its_second_line() {
        assert_eq!(
            error("name: a\nstars: 4\ntags: []\nstars: 5\n"),
            "content/x.yaml:4:1: error: duplicate field `stars`: the key is written twice; keep one"
        );
    }

    #[test]
    fn reports_wrong_types_at_the_value() {
        assert_eq!(
            error("name: a\nstars: \"4\"\ntags: []\n"),
            "content/x.yaml:2:8: error: stars: invalid type: string \"4\", expected a whole number from 0 to 255, without quotes"
        );
        assert_eq!(
            error("name: a\nstars: 180.000\ntags: []\n"),
            "content/x.yaml:2:8: error: stars: invalid type: floating point `180.0`, expected a whole number from 0 to 255, without a dot or comma"
        );
    }

    #[test]
    fn quoted_text_reads_back_unchanged() {
        let tricky = [
            "Lạp sườn Hòa An",
            "Tên: có dấu hai chấm",
            "C# và #hashtag",
            " khoảng trắng đầu",
            "cuối ",
            "- gạch đầu dòng",
            "0206 000 001",
            "2023-09-10",
            "yes",
            "No",
            "null",
            "~",
            "'nháy đơn'",
            "\"nháy kép\"",
            "dòng một\ndòng hai",
            "tab\there",
            "&anchor *alias !tag %percent @at `tick`",
            "{ flow: map }",
            "[flow, list]",
            "ends with colon:",
            "a\u{2028}b\u{85}c",
            "",
            "Quyết định số 124/QĐ-UBND",
        ];
        for text in tricky {
            let line = format!("value: {}\n", quote(text));
            let parsed: std::collections::BTreeMap<String, String> =
                serde_yaml::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(parsed["value"], text, "{line}");
        }
        assert_eq!(quote("Lạp sườn Hòa An"), "Lạp sườn Hòa An");
        assert_eq!(
            quote("Quyết định số 124/QĐ-UBND"),
            "Quyết định số 124/QĐ-UBND"
        );
        assert_eq!(quote("a: b"), "\"a: b\"");
    }

    #[test]
    fn reports_syntax_errors_with_their_position() {
        let message = error("name: a\nstars: 4: 5\n");
        assert!(message.starts_with("content/x.yaml:2:"), "{message}");
        assert_eq!(
            error("name: a\n\tstars: 4\n"),
            "content/x.yaml:2:1: error: a tab: YAML is indented with spaces only, so replace the tab with spaces"
        );
    }
}
