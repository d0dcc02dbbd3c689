//! The one place that parses YAML, and that knows how to quote text so that YAML
//! written by `ocop new` and `ocop import` reads back as the same text.
//!
//! serde_yaml is deprecated upstream; keeping every call to it here means another YAML
//! crate can replace it by changing this file alone.

use serde::de::DeserializeOwned;

use super::locate::{locate, Seg};
use super::Source;
use crate::diagnostics::{did_you_mean, with_suggestion, Diagnostic};
use crate::t;

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
        let raw = error.to_string();
        let (path, said) = said(&raw);
        let mut message = explain(path, &said);
        let (line, column) = match (error.location(), &said) {
            (Some(at), _) => inside(text, at.line(), at.column()),
            (None, Said::Missing(field)) => locate(text, &[Seg::Key(field)]),
            (None, _) => locate(text, &[Seg::Key("")]),
        };
        let (line, column) = match said {
            // serde_yaml points at the start of the mapping; the second key is the mistake.
            Said::Duplicate(key) => second_key(text, key).unwrap_or((line, column)),
            _ => (line, column),
        };
        // The scanner's words for a tab say nothing of tabs.
        let at = text
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.chars().nth(column.saturating_sub(1)));
        if at == Some('\t') {
            message = t!("yaml-tab");
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

/// What serde_yaml said, in a form the catalogue can word in either language.
#[derive(Debug, PartialEq)]
enum Said<'a> {
    Missing(&'a str),
    Duplicate(&'a str),
    Unknown {
        field: &'a str,
        known: Vec<&'a str>,
    },
    UnknownVariant {
        variant: &'a str,
        known: Vec<&'a str>,
    },
    InvalidType {
        found: &'a str,
        expected: &'a str,
    },
    InvalidValue {
        found: &'a str,
        expected: &'a str,
    },
    /// A syntax error of the scanner, or anything else, as serde_yaml wrote it.
    Other(&'a str),
}

/// serde_yaml's message without its trailing position, split into the field it is
/// about (`price.min`), if it names one, and what it says.
fn said(raw: &str) -> (Option<&str>, Said<'_>) {
    let message = match raw.rfind(" at line ") {
        Some(at) if raw[at..].contains(" column ") => &raw[..at],
        _ => raw,
    };
    if let Some(said) = said_of(message) {
        return (None, said);
    }
    // serde_yaml puts the path of the field before the message: `tags[0]: invalid …`.
    if let Some((path, rest)) = message.split_once(": ") {
        let is_path = path
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.[]".contains(c));
        if let (true, Some(said)) = (is_path && !path.is_empty(), said_of(rest)) {
            return (Some(path), said);
        }
    }
    (None, Said::Other(message))
}

/// "`a`, `b` or `c`": every other backtick-delimited piece is a name.
fn names(list: &str) -> Vec<&str> {
    list.split('`').skip(1).step_by(2).collect()
}

fn said_of(message: &str) -> Option<Said<'_>> {
    if let Some(rest) = message.strip_prefix("missing field ") {
        return Some(Said::Missing(backticked(rest)?));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return Some(Said::Duplicate(backticked(rest)?));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, known) = rest.split_once(", ").unwrap_or((rest, ""));
        return Some(Said::Unknown {
            field: backticked(field)?,
            known: names(known),
        });
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (variant, known) = rest.split_once(", ").unwrap_or((rest, ""));
        return Some(Said::UnknownVariant {
            variant: backticked(variant)?,
            known: names(known),
        });
    }
    for (head, invalid_type) in [("invalid type: ", true), ("invalid value: ", false)] {
        if let Some((found, expected)) = message
            .strip_prefix(head)
            .and_then(|rest| rest.split_once(", expected "))
        {
            return Some(match invalid_type {
                true => Said::InvalidType { found, expected },
                false => Said::InvalidValue { found, expected },
            });
        }
    }
    None
}

/// The whole message, in the catalogue's words.
fn explain(path: Option<&str>, said: &Said) -> String {
    let message = match said {
        Said::Missing(field) => t!("yaml-missing-field", field = *field),
        Said::Duplicate(field) => t!("yaml-duplicate-field", field = *field),
        // A likely typo needs only the right name; otherwise list them all.
        Said::Unknown { field, known } => match did_you_mean(field, known.iter().copied()) {
            Some(_) => with_suggestion(
                t!("yaml-unknown-field", field = *field),
                field,
                known.iter().copied(),
            ),
            None => t!(
                "yaml-unknown-field-expected",
                field = *field,
                count = known.len(),
                names = backticked_list(known)
            ),
        },
        Said::UnknownVariant { variant, known } => with_suggestion(
            t!(
                "yaml-unknown-value",
                value = *variant,
                names = backticked_list(known)
            ),
            variant,
            known.iter().copied(),
        ),
        Said::InvalidType { found, expected } => t!(
            "yaml-invalid-type",
            found = found_words(found),
            expected = expected_words(expected),
            hint = number_hint(found, expected)
        ),
        Said::InvalidValue { found, expected } => t!(
            "yaml-invalid-value",
            found = found_words(found),
            expected = expected_words(expected)
        ),
        Said::Other(message) => syntax_words(message),
    };
    match path {
        Some(path) => t!("yaml-at-field", field = path, message = message),
        None => message,
    }
}

fn backticked_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// serde's words for a value found where another was expected (`string "4"`,
/// `floating point `4.5``), in the catalogue's.
fn found_words(found: &str) -> String {
    let (kind, value) = found.split_once([' ']).unwrap_or((found, ""));
    match (kind, value) {
        ("boolean", value) => return t!("yaml-found-boolean", value = value),
        ("integer", value) => return t!("yaml-found-integer", value = value),
        ("string" | "character", value) => return t!("yaml-found-text", value = value),
        _ => {}
    }
    if let Some(value) = found.strip_prefix("floating point ") {
        return t!("yaml-found-decimal", value = value);
    }
    match found {
        "sequence" => t!("yaml-found-list"),
        "map" => t!("yaml-found-mapping"),
        "unit value" => t!("yaml-found-nothing"),
        "a YAML tag starting with '!'" => t!("yaml-found-tag"),
        other => other.to_owned(),
    }
}

/// The names serde gives the value a field wants, in words: Rust's integer types
/// with their range, text, lists and mappings.
fn expected_words(expected: &str) -> String {
    match expected {
        "u8" => t!("yaml-expected-whole-number-to", max = 255u32),
        "u16" => t!("yaml-expected-whole-number-to", max = 65535u32),
        "u32" => t!("yaml-expected-whole-number-to", max = 4294967295u64),
        "u64" | "usize" => t!("yaml-expected-whole-number"),
        "i32" | "i64" => t!("yaml-expected-integer"),
        "f32" | "f64" => t!("yaml-expected-number"),
        "a string" | "a borrowed string" | "a character" => t!("yaml-expected-text"),
        "a sequence" => t!("yaml-expected-list"),
        "a boolean" => t!("yaml-expected-boolean"),
        _ if expected.starts_with("struct ") || expected == "a map" => t!("yaml-expected-mapping"),
        other => other.to_owned(),
    }
}

/// What to do about the usual mistakes with whole numbers: a number in quotes, or one
/// with a dot, such as a price written with a thousands separator (`180.000`, which
/// YAML reads as 180).
fn number_hint(found: &str, expected: &str) -> String {
    if !matches!(expected, "u8" | "u16" | "u32" | "u64" | "usize") {
        return String::new();
    }
    if found.starts_with("string ") {
        t!("yaml-hint-without-quotes")
    } else if found.starts_with("floating point ") {
        t!("yaml-hint-without-dot")
    } else {
        String::new()
    }
}

/// The scanner's common complaints in words; any other keeps serde_yaml's English,
/// introduced as a mistake in how the file is written.
fn syntax_words(message: &str) -> String {
    let starts = |start: &str| message.starts_with(start);
    if starts("mapping values are not allowed") {
        t!("yaml-syntax-colon")
    } else if starts("did not find expected key") {
        t!("yaml-syntax-indent")
    } else if starts("did not find expected '-' indicator")
        || starts("block sequence entries are not allowed")
    {
        t!("yaml-syntax-list")
    } else if starts("found unexpected end of stream") {
        t!("yaml-syntax-unclosed")
    } else if starts("found unknown escape character") {
        t!("yaml-syntax-escape")
    } else if starts("control characters are not allowed") {
        t!("yaml-syntax-control")
    } else {
        t!("yaml-syntax", detail = message)
    }
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
