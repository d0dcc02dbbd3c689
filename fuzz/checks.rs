//! What each fuzz target feeds to `ocop` and the properties it checks on the result.
//!
//! Shared by the fuzz targets (fuzz/fuzz_targets/) and by the regression test
//! (tests/it/fuzz_regressions.rs), which replays every input kept in fuzz/regressions/.
//! Each function panics when a property does not hold, which libFuzzer reports as a
//! crash and `cargo test` as a failure.

// Each fuzz target uses one of these functions.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ocop::content::{embed, frontmatter, read_yaml, yaml, Source};
use ocop::diagnostics::Diagnostic;
use ocop::domain::records::{
    CategoryRecord, DistrictRecord, NewsFrontMatter, PageFrontMatter, ProducerRecord,
    ProductRecord, SiteRecord,
};

/// Reads the content file at a path under a site root, keeping only its error.
type Load = fn(&Path, &Path) -> Option<Diagnostic>;

/// The content files the YAML target can be, chosen by the input's first byte: where
/// the file sits under the site root, and its loader.
const KINDS: &[(&str, Load)] = &[
    ("content/products/x/product.yaml", |r, p| {
        read_yaml::<ProductRecord>(r, p).err()
    }),
    ("content/producers/x.yaml", |r, p| {
        read_yaml::<ProducerRecord>(r, p).err()
    }),
    ("content/site.yaml", |r, p| {
        read_yaml::<SiteRecord>(r, p).err()
    }),
    ("content/districts.yaml", |r, p| {
        read_yaml::<Vec<DistrictRecord>>(r, p).err()
    }),
    ("content/categories.yaml", |r, p| {
        read_yaml::<Vec<CategoryRecord>>(r, p).err()
    }),
];

/// A site root with the folders of every kind, made once per process: the loader
/// reads files, so the input is written to one and read back as the build does.
fn site_root() -> &'static Path {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary folder");
        for (relative, _) in KINDS {
            let path = dir.path().join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).expect("content folders");
        }
        dir
    })
    .path()
}

/// A product, producer, site, districts or categories file, through the loader's
/// per-file entry (UTF-8 check, NFC, YAML into the record type).
pub fn content_yaml(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let (relative, load) = KINDS[usize::from(selector) % KINDS.len()];
    let root = site_root();
    let path = root.join(relative);
    std::fs::write(&path, bytes).expect("write the input");
    if let Some(error) = load(root, &path) {
        assert_eq!(error.path, PathBuf::from(relative), "{error}");
        let (line, column) = error
            .position
            .unwrap_or_else(|| panic!("a content error without a position: {error}"));
        assert_line_inside(&String::from_utf8_lossy(bytes), line, column, &error);
    }
}

/// A page or news file: front matter split and parsed, then the body cut at product
/// cards and rendered to sanitised HTML, as the build renders pages, news and
/// product descriptions.
pub fn markdown(data: &[u8]) {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let text = ocop::content::text::normalize(raw);
    let body = match frontmatter::split(&text) {
        Some(parts) => {
            check_split(&text, parts.front_matter, parts.body);
            let source = Source {
                path: "content/news/x.md".into(),
                text: text.clone(),
            };
            // The loader parses front matter as starting on the file's second line.
            for error in [
                yaml::parse_str::<PageFrontMatter>(&source, parts.front_matter, 1).err(),
                yaml::parse_str::<NewsFrontMatter>(&source, parts.front_matter, 1).err(),
            ]
            .into_iter()
            .flatten()
            {
                let (line, column) = error.position.expect("front matter errors have a place");
                assert!(
                    line >= 2,
                    "front matter error before its first line: {error}"
                );
                assert_line_inside(&text, line, column, &error);
            }
            parts.body
        }
        None => text.as_str(),
    };
    assert_safe_html(&ocop::content::markdown::to_html(body));
    for part in embed::parts(body) {
        match part {
            embed::Part::Markdown(markdown) => {
                assert_safe_html(&ocop::content::markdown::to_html(&markdown))
            }
            embed::Part::Card(slug) => {
                assert!(!slug.is_empty() && !slug.contains('\n'), "card {slug:?}")
            }
            embed::Part::Round(year) => assert!((0..=9999).contains(&year), "round {year}"),
        }
    }
}

/// The search key and the words of any text: the key is folded for good (folding it
/// again changes nothing), has no combining mark and nothing left to lowercase, and
/// canonically equivalent texts get the same key.
pub fn search_normalize(data: &[u8]) {
    use ocop::assets::search::normalize::{fold, words};
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::{is_nfc, UnicodeNormalization};

    let text = String::from_utf8_lossy(data);
    let key = fold(&text);
    assert_eq!(fold(&key), key, "fold is not idempotent on {text:?}");
    assert_eq!(key.to_lowercase(), key, "key of {text:?} is not lowercase");
    assert!(
        !key.chars().any(is_combining_mark),
        "key of {text:?} keeps a combining mark: {key:?}"
    );
    let composed: String = text.nfc().collect();
    let decomposed: String = text.nfd().collect();
    assert_eq!(fold(&composed), key, "NFC changes the key of {text:?}");
    assert_eq!(fold(&decomposed), key, "NFD changes the key of {text:?}");

    for word in words(&text) {
        assert!(!word.key.is_empty(), "{word:?}");
        assert_eq!(word.key, fold(&word.written), "{word:?}");
        assert!(is_nfc(&word.written), "{word:?} is not NFC");
        assert!(
            word.written
                .chars()
                .all(|c| c.is_alphanumeric() || is_combining_mark(c)),
            "{word:?} holds a separator"
        );
    }
}

/// `front` and `body` are the file's own text, split at the first closing `---` line.
fn check_split(text: &str, front: &str, body: &str) {
    let opener = ["---\n", "---\r\n"]
        .into_iter()
        .find(|o| text.starts_with(o))
        .expect("front matter opens with a --- line");
    let after = &text[opener.len()..];
    assert!(
        after.starts_with(front),
        "front matter is not the text after ---"
    );
    assert!(text.ends_with(body), "body is not the end of the file");
    let closing = &after[front.len()..after.len() - body.len()];
    assert_eq!(closing.trim_end(), "---", "closing line {closing:?}");
    assert!(
        closing.ends_with('\n') || body.is_empty(),
        "body starts inside the closing line"
    );
    assert!(
        front.split_inclusive('\n').all(|l| l.trim_end() != "---"),
        "front matter holds an earlier closing line"
    );
}

/// A located error points inside the file: at a line the file has (or the one after
/// its last line break, where YAML reports an unexpected end) and a column from 1.
/// YAML also breaks lines at a lone CR, NEL and the Unicode separators, so those
/// count too.
fn assert_line_inside(text: &str, line: usize, column: usize, error: &Diagnostic) {
    let breaks = text.replace("\r\n", "\n");
    let lines = 1 + breaks
        .chars()
        .filter(|c| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
        .count();
    assert!(
        (1..=lines).contains(&line),
        "line {line} outside 1..={lines}: {error}"
    );
    assert!(column >= 1, "column 0: {error}");
}

/// Elements that run code or load another document, none of which the sanitiser may
/// let through.
const ACTIVE_ELEMENTS: &[&str] = &[
    "script", "style", "iframe", "frame", "object", "embed", "form", "input", "button", "svg",
    "math", "link", "meta", "base",
];

/// No element, attribute or URL in `html` can run script.
fn assert_safe_html(html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "script tag in {html}");
    let mut problems = Vec::new();
    let settings = lol_html::RewriteStrSettings::new().append_element_content_handler(
        lol_html::element!("*", |el| {
            let tag = el.tag_name();
            if ACTIVE_ELEMENTS.contains(&tag.as_str()) {
                problems.push(format!("<{tag}>"));
            }
            for attribute in el.attributes() {
                let name = attribute.name();
                if name.starts_with("on") || name == "style" || name == "srcdoc" {
                    problems.push(format!("attribute {name}"));
                }
                // Browsers skip whitespace and control characters inside a scheme.
                let value: String = attribute
                    .value()
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_lowercase();
                if ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|scheme| value.starts_with(scheme))
                {
                    problems.push(format!("{name}={value}"));
                }
            }
            Ok(())
        }),
    );
    lol_html::rewrite_str(html, settings).expect("the sanitiser writes readable HTML");
    assert!(problems.is_empty(), "{problems:?} in {html}");
}
