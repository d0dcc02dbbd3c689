//! Checks shared by every kind of record: slugs, dates, references by id.

use crate::t;
use chrono::NaiveDate;

use crate::content::locate::Seg;
use crate::content::markdown::{self, MAX_DEPTH};
use crate::content::Source;
use crate::diagnostics::{with_suggestion, Diagnostic};

/// Why Markdown `text` cannot be rendered, if it nests too deeply to sanitise, and
/// the byte where it does.
pub fn too_deep(text: &str) -> Option<(String, usize)> {
    let found = markdown::nesting(text);
    let message = t!("markdown-too-deep", depth = found.deepest, max = MAX_DEPTH);
    found.too_deep_at.map(|at| (message, at))
}

/// Errors for a record's Markdown `description` and `en: {description}` that nest
/// too deeply.
pub fn descriptions<'a>(
    source: &'a Source,
    description: Option<&'a str>,
    en_description: Option<&'a str>,
) -> impl Iterator<Item = Diagnostic> + 'a {
    [
        (&[Seg::Key("description")][..], description),
        (
            &[Seg::Key("en"), Seg::Key("description")][..],
            en_description,
        ),
    ]
    .into_iter()
    .filter_map(|(at, text)| too_deep(text?).map(|(message, _)| source.error(at, message)))
}

/// An error where a Markdown file's body, starting on `body_line`, nests too deeply.
pub fn markdown_body(source: &Source, body: &str, body_line: usize) -> Option<Diagnostic> {
    let (message, at) = too_deep(body)?;
    let before = &body[..at];
    let line = body_line + before.matches('\n').count();
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    Some(Diagnostic::new(&source.path, message).at(line, column))
}

/// Whether `text` is a lowercase ASCII slug such as `hoa-an` or `lap-suon-2`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Why `text` cannot be a slug, suggesting its slug form, or `None` if it is one.
pub fn not_a_slug(what: &str, text: &str) -> Option<String> {
    if is_slug(text) {
        return None;
    }
    Some(match slugify(text) {
        suggestion if suggestion.is_empty() => t!("not-a-slug", what = what, text = text),
        suggestion => t!(
            "not-a-slug-such-as",
            what = what,
            text = text,
            suggestion = suggestion
        ),
    })
}

pub use crate::domain::slug::slugify;

/// An ISO `YYYY-MM-DD` date, or an error pointing at the field.
pub fn date(source: &Source, at: &[Seg], text: &str) -> Result<NaiveDate, Diagnostic> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let parsed = shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten();
    parsed.ok_or_else(|| {
        let message = match shaped {
            true => t!("date-no-such-day", text = text),
            false => t!("date-shape", text = text),
        };
        source.error(at, message)
    })
}

/// The position of `typed` among `ids`, or an error with a "did you mean".
pub fn reference<'a>(
    source: &Source,
    at: &[Seg],
    what: &str,
    typed: &str,
    ids: impl Iterator<Item = &'a str> + Clone,
) -> Result<usize, Diagnostic> {
    ids.clone().position(|id| id == typed).ok_or_else(|| {
        let message = t!("unknown-reference", what = what, typed = typed);
        source.error(at, with_suggestion(message, typed, ids))
    })
}

/// Text that must not be blank.
pub fn required_text(source: &Source, at: &[Seg], what: &str, text: &str) -> Option<Diagnostic> {
    text.trim()
        .is_empty()
        .then(|| source.error(at, t!("required-text", what = what)))
}

/// What `ocop new` writes where the team must put a real value.
pub const PLACEHOLDER: &str = "(cần sửa)";

/// The placeholders left in a file: warnings, so that `ocop check` accepts a new file
/// at once, or errors when `refuse`, so that none is published.
pub fn placeholders(source: &Source, refuse: bool) -> Vec<Diagnostic> {
    source
        .text
        .lines()
        .enumerate()
        // Comments quote the words too, to explain them.
        .filter(|(_, line)| !line.trim_start().starts_with('#'))
        .filter_map(|(i, line)| {
            let at = line.find(PLACEHOLDER)?;
            let column = line[..at].chars().count() + 1;
            let message = match refuse {
                true => t!("placeholder-refused", placeholder = PLACEHOLDER),
                false => t!("placeholder-left", placeholder = PLACEHOLDER),
            };
            let found = Diagnostic::new(&source.path, message).at(i + 1, column);
            Some(match refuse {
                true => found,
                false => found.warning(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> Source {
        Source {
            path: "p.yaml".into(),
            text: "date: x\n".into(),
        }
    }

    #[test]
    fn slugifies_vietnamese() {
        assert_eq!(slugify("Lạp sườn Hòa An"), "lap-suon-hoa-an");
        assert_eq!(slugify("Đặc sản  Đồng Khê!"), "dac-san-dong-khe");
        assert!(is_slug(&slugify("Trà hoa vàng — Phja Đén")));
    }

    #[test]
    fn recognises_slugs() {
        assert!(is_slug("hoa-an"));
        assert!(is_slug("lap-suon-2"));
        assert!(!is_slug("Hoa-An"));
        assert!(!is_slug("hòa-an"));
        assert!(!is_slug("-x"));
        assert!(!is_slug(""));
    }

    #[test]
    fn parses_only_real_iso_dates() {
        let at = [Seg::Key("date")];
        assert!(date(&source(), &at, "2024-02-29").is_ok());
        let bad_day = date(&source(), &at, "2023-02-30").unwrap_err();
        assert_eq!(
            bad_day.message,
            "invalid date `2023-02-30`: no such day in the calendar"
        );
        assert!(date(&source(), &at, "20/02/2023").is_err());
        assert!(date(&source(), &at, "99999-01-01").is_err());
        assert!(date(&source(), &at, "2023-2-3").is_err());
    }
}
