//! The theme's words: one strings file per language, `strings/<code>.yaml` of the theme,
//! a flat map `key: text` that templates read as `t` (`{{ t.nav_products }}`) or fill with
//! the `tr` function (`{{ tr(key="stars_n", n=3) }}`, see `render::theme`), and the Rust
//! side reads through [`Strings::get`] and [`Strings::fill`].
//!
//! The first language's file is the reference: every other file must have exactly its
//! keys, so that a page never shows a key's name instead of its text. Placeholders such
//! as `{n}` or `{name}` of a translation must be ones the reference text has.

use crate::t;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Serialize, Serializer};

use crate::content::locate::Seg;
use crate::content::theme_files::{ThemeFile, ThemeFiles};
use crate::content::{decode, yaml, Source};
use crate::diagnostics::{with_suggestion, Diagnostic};
use crate::model::columns;

/// The keys `ocop` itself reads (page titles, labels computed in Rust): the reference
/// file must have every one of them.
pub const RUST_KEYS: &[&str] = &[
    "language_name",
    "og_locale",
    "date_format",
    "title_products",
    "title_paged",
    "title_district",
    "title_stars",
    "title_producers",
    "title_stats",
    "title_round",
    "round_report",
    "round_report_current",
    "title_search",
    "title_data",
    "title_news",
    "title_not_found",
    "status_valid",
    "status_expiring",
    "status_expired",
    "producer_type_htx",
    "producer_type_tht",
    "producer_type_doanh-nghiep",
    "producer_type_ho-kinh-doanh",
    "facet_stars",
    "facet_category",
    "facet_producer_type",
    "facet_status",
    "stats_series_products",
    "stats_series_producers",
    "stats_series_new",
    "stats_series_again",
    "stars_n",
    "shop_website",
    "thousands_separator",
    // What each CSV column holds, on the open-data page (model::columns).
];

/// Every key `ocop` reads: [`RUST_KEYS`] and the description of each CSV column,
/// which the column table names.
pub fn required_keys() -> impl Iterator<Item = &'static str> {
    let columns = (columns::PRODUCTS.iter().map(|c| c.about))
        .chain(columns::PRODUCERS.iter().map(|c| c.about));
    RUST_KEYS.iter().copied().chain(columns)
}

/// One language's strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strings {
    code: String,
    texts: BTreeMap<String, String>,
}

/// A flat map, `key: text`, so that the whole value can be given to Tera as `t`.
impl Serialize for Strings {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.texts.serialize(serializer)
    }
}

impl Strings {
    /// The language code, as in `site.yaml` (`vi`, `en`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The text of `key`; the key itself when the file has no such key, which cannot
    /// happen for the [`RUST_KEYS`] once [`load`] has succeeded.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts.get(key).map_or(key, String::as_str)
    }

    /// The text of `key` with its placeholders filled: `values` are `(name, value)`
    /// pairs, `("n", "2")` filling `{n}`. Filled in one pass, so a value that itself
    /// contains braces is written as it is; an unknown placeholder is left as written.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let text = self.get(key);
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v, close))
            });
            match value {
                Some((value, close)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// What is wrong with filling `key` with arguments named `names`, judged by this
    /// file's text: give it the reference strings, whose placeholders include those of
    /// every translation. Empty when nothing is: the key exists, every placeholder of its
    /// text has an argument, and every argument a placeholder. Each problem is a message,
    /// an unknown key's with a "did you mean".
    pub fn fill_problems(&self, key: &str, names: &[&str]) -> Vec<String> {
        let Some(text) = self.texts.get(key) else {
            let message = t!(
                "strings-unknown-key",
                key = key,
                file = format!("{}.yaml", self.code)
            );
            return vec![with_suggestion(
                message,
                key,
                self.texts.keys().map(String::as_str),
            )];
        };
        let wanted = placeholders(text);
        let unfilled: Vec<&str> = (wanted.iter().copied())
            .filter(|p| !names.contains(p))
            .collect();
        let mut problems: Vec<String> = (unfilled.iter())
            .map(|p| t!("strings-unfilled", key = key, placeholder = *p))
            .collect();
        let mut extra: Vec<&str> = (names.iter().copied())
            .filter(|n| !wanted.contains(n))
            .collect();
        extra.sort_unstable();
        for name in extra {
            let message = t!(
                "strings-extra-argument",
                name = name,
                key = key,
                placeholders = listed(&wanted)
            );
            problems.push(with_suggestion(message, name, unfilled.iter().copied()));
        }
        problems
    }

    /// Built from a map, for tests that need strings without files.
    #[cfg(test)]
    pub fn from_map(code: &str, texts: BTreeMap<String, String>) -> Self {
        Self {
            code: code.to_owned(),
            texts,
        }
    }
}

/// The strings of each language in `codes`, in that order, from the theme's
/// `strings/<code>.yaml`, the site's own file or else the built-in one. The first is the reference: it must have
/// every key of [`required_keys`], and every other file exactly its keys, with no placeholder
/// the reference text lacks. Every problem of every file is reported in one run.
pub fn load(theme: &ThemeFiles, codes: &[&str]) -> Result<Vec<Strings>, Vec<Diagnostic>> {
    load_from(|name| Ok((theme.read(name)?, theme.shown(name))), codes)
}

/// [`load`] with the files `read` gives by name (`strings/vi.yaml`): the file, if there
/// is one, and where it would be.
fn load_from(
    read: impl Fn(&str) -> Result<(Option<ThemeFile>, PathBuf), Diagnostic>,
    codes: &[&str],
) -> Result<Vec<Strings>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for code in codes {
        match read_file(&read, code) {
            Ok(file) => files.push(file),
            Err(error) => errors.push(error),
        }
    }
    let Some((reference, others)) = files.split_first() else {
        return Err(errors);
    };
    // Compared only when the reference itself could be read.
    if reference.code == codes[0] {
        for key in required_keys() {
            if !reference.strings.texts.contains_key(key) {
                errors.push(at_end(
                    &reference.source,
                    t!("strings-missing-own-key", key = key),
                ));
            }
        }
        for other in others {
            compare(reference, other, &mut errors);
        }
    }
    if errors.is_empty() {
        Ok(files.into_iter().map(|f| f.strings).collect())
    } else {
        errors.sort();
        Err(errors)
    }
}

/// A strings file as read, with its text for positions.
struct File {
    code: String,
    source: Source,
    strings: Strings,
}

fn read_file(
    read: impl Fn(&str) -> Result<(Option<ThemeFile>, PathBuf), Diagnostic>,
    code: &str,
) -> Result<File, Diagnostic> {
    let (file, shown) = read(&format!("strings/{code}.yaml"))?;
    let Some(file) = file else {
        return Err(Diagnostic::new(
            shown,
            format!(
                "strings file is missing: the theme needs one per language of site.yaml, and `{code}` is one"
            ),
        ));
    };
    let source = decode(file.shown, file.bytes.into_owned())?;
    let texts: BTreeMap<String, String> = yaml::parse(&source)?;
    Ok(File {
        code: code.to_owned(),
        strings: Strings {
            code: code.to_owned(),
            texts,
        },
        source,
    })
}

/// Check that `other` has the keys of `reference`, and the same placeholders in each.
fn compare(reference: &File, other: &File, errors: &mut Vec<Diagnostic>) {
    let known = &reference.strings.texts;
    let mine = &other.strings.texts;
    let reference_name = reference
        .source
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    // Missing keys in the order the reference file lists them.
    let mut missing: Vec<(usize, &str)> = known
        .keys()
        .filter(|key| !mine.contains_key(*key))
        .map(|key| {
            (
                reference
                    .source
                    .error(&[Seg::Key(key)], "")
                    .position
                    .map_or(0, |p| p.0),
                key.as_str(),
            )
        })
        .collect();
    missing.sort();
    for (_, key) in missing {
        errors.push(at_end(
            &other.source,
            t!(
                "strings-missing-key",
                key = key,
                reference = &reference_name
            ),
        ));
    }
    for (key, text) in mine {
        let Some(original) = known.get(key) else {
            let message = t!("strings-unknown-key", key = key, file = &reference_name);
            let (line, column) = key_position(&other.source, key);
            let message = with_suggestion(message, key, known.keys().map(String::as_str));
            errors.push(Diagnostic::new(&other.source.path, message).at(line, column));
            continue;
        };
        // A translation may leave a placeholder out ("See all" for "Tất cả {n} huyện"),
        // but one the reference does not have is never filled and would show as written.
        let wanted = placeholders(original);
        let unknown: Vec<String> = placeholders(text)
            .difference(&wanted)
            .map(|p| format!("`{{{p}}}`"))
            .collect();
        if !unknown.is_empty() {
            errors.push(other.source.error(
                &[Seg::Key(key)],
                t!(
                    "strings-unknown-placeholder",
                    key = key,
                    unknown = unknown.join(", "),
                    file = &reference_name,
                    placeholders = listed(&wanted)
                ),
            ));
        }
    }
}

/// Where `key` is written, at the start of its line in a flat map.
fn key_position(source: &Source, key: &str) -> (usize, usize) {
    let found = source.text.lines().position(|line| {
        let line = line.trim_start_matches(['"', '\'']);
        line.strip_prefix(key).is_some_and(|rest| {
            rest.trim_start_matches(['"', '\''])
                .trim_start()
                .starts_with(':')
        })
    });
    match found {
        Some(index) => (index + 1, 1),
        None => source
            .error(&[Seg::Key(key)], "")
            .position
            .unwrap_or((1, 1)),
    }
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    out.insert(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Placeholders as a message lists them: "`{n}`, `{total}`", or "none".
fn listed(placeholders: &BTreeSet<&str>) -> String {
    if placeholders.is_empty() {
        return t!("strings-no-placeholders");
    }
    (placeholders.iter())
        .map(|p| format!("`{{{p}}}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An error at the end of `source`'s text, where a missing key would be added; 1:1 for
/// an empty file.
fn at_end(source: &Source, message: String) -> Diagnostic {
    let lines: Vec<&str> = source.text.lines().collect();
    let diagnostic = Diagnostic::new(&source.path, message);
    match lines.last() {
        Some(last) => diagnostic.at(lines.len(), last.chars().count() + 1),
        None => diagnostic.at(1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strings of `codes` from a theme `t` holding only `files`.
    fn load_files(files: &[(&str, &str)], codes: &[&str]) -> Result<Vec<Strings>, Vec<Diagnostic>> {
        let read = |name: &str| {
            let shown = PathBuf::from("themes/t").join(name);
            let found = (files.iter())
                .find(|(file, _)| format!("strings/{file}") == name)
                .map(|(_, text)| ThemeFile {
                    name: name.to_owned(),
                    shown: shown.clone(),
                    bytes: text.as_bytes().to_vec().into(),
                });
            Ok((found, shown))
        };
        load_from(read, codes)
    }

    /// A reference file with every key the Rust code reads, plus `extra`.
    fn reference(extra: &str) -> String {
        let mut text: String = required_keys().map(|k| format!("{k}: x\n")).collect();
        text.push_str(extra);
        text
    }

    fn errors(files: &[(&str, &str)], codes: &[&str]) -> Vec<String> {
        load_files(files, codes)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn loads_every_language_in_order() {
        let vi = reference("nav_products: Sản phẩm\n");
        let en = reference("nav_products: Products\n");
        let strings = load_files(&[("vi.yaml", &vi), ("en.yaml", &en)], &["vi", "en"]).unwrap();
        assert_eq!(strings.len(), 2);
        assert_eq!(strings[0].code(), "vi");
        assert_eq!(strings[1].code(), "en");
        assert_eq!(strings[1].get("nav_products"), "Products");
        assert_eq!(strings[1].get("no_such_key"), "no_such_key");
        let json = serde_json::to_value(&strings[0]).unwrap();
        assert_eq!(json["nav_products"], "Sản phẩm");
    }

    #[test]
    fn reports_missing_keys_at_the_end_and_unknown_ones_at_their_place() {
        let vi = reference("nav_products: Sản phẩm\nnav_news: Tin tức\n");
        let mut en = reference("nav_product: Products\n");
        en.push_str("nav_news: News\n");
        let found = errors(&[("vi.yaml", &vi), ("en.yaml", &en)], &["vi", "en"]);
        let last = en.lines().count();
        let unknown_line = required_keys().count() + 1;
        assert_eq!(
            found,
            [
                format!(
                    "themes/t/strings/en.yaml:{unknown_line}:1: error: unknown key `nav_product`: vi.yaml has no such key (did you mean `nav_products`?)"
                ),
                format!(
                    "themes/t/strings/en.yaml:{last}:15: error: missing key `nav_products`: every strings file needs the keys of vi.yaml"
                ),
            ]
        );
    }

    #[test]
    fn reports_missing_files_and_rust_keys_in_one_run() {
        let found = errors(&[("vi.yaml", "title_products: Sản phẩm\n")], &["vi", "en"]);
        assert!(
            found.contains(&"themes/t/strings/en.yaml: error: strings file is missing: the theme needs one per language of site.yaml, and `en` is one".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"themes/t/strings/vi.yaml:1:25: error: missing key `og_locale`: ocop itself reads it".to_owned()),
            "{found:?}"
        );
        assert_eq!(found.len(), 1 + required_keys().count() - 1, "{found:?}");
    }

    #[test]
    fn reports_yaml_errors_with_their_position() {
        let vi = reference("count: {n} sản phẩm\n");
        let found = errors(&[("vi.yaml", &vi)], &["vi"]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(&format!(
                "themes/t/strings/vi.yaml:{}:",
                required_keys().count() + 1
            )),
            "{found:?}"
        );
    }

    #[test]
    fn placeholders_must_be_the_reference_ones() {
        let vi = reference("count: \"{n} sản phẩm\"\n");
        let en = reference("count: \"{count} products\"\n");
        let found = errors(&[("vi.yaml", &vi), ("en.yaml", &en)], &["vi", "en"]);
        assert_eq!(
            found,
            [format!(
                "themes/t/strings/en.yaml:{}:8: error: `count` has the placeholder `{{count}}` that vi.yaml does not have (it has `{{n}}`), so nothing would fill it",
                required_keys().count() + 1
            )]
        );
    }

    #[test]
    fn fill_replaces_placeholders() {
        let mut texts = BTreeMap::new();
        texts.insert("title_paged".to_owned(), "{title} – trang {n}".to_owned());
        texts.insert("odd".to_owned(), "{a} {b} {} {".to_owned());
        let strings = Strings::from_map("vi", texts);
        assert_eq!(
            strings.fill("title_paged", &[("title", "Sản phẩm OCOP"), ("n", "2")]),
            "Sản phẩm OCOP – trang 2"
        );
        // A value is not filled again, unknown placeholders and lone braces stay.
        assert_eq!(strings.fill("odd", &[("a", "{b}")]), "{b} {b} {} {");
        assert_eq!(strings.fill("absent", &[]), "absent");
    }
}
