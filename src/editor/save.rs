//! What a save from the editor writes: the text Decap sends, put back into the
//! contract's form before it reaches the disk.
//!
//! - Text is NFC, dates stay ISO `YYYY-MM-DD` (plain, unquoted), numbers that a select
//!   or a number field sends as text become numbers again.
//! - Keys come in the order `ocop new` writes them (the order of [`super::config`]'s
//!   fields, which a test there compares with the templates); keys the form does not
//!   show (a photo's `en`, `site.yaml`'s `platforms`) are kept from the file.
//! - Comments survive where they can be placed again: the file's opening comment, the
//!   comment block above each top-level key and above each key of a nested map (such as
//!   `certificate.date`), and the comments after the last key. A comment at the end of
//!   a line, or inside a list, is lost, as is the file's own layout of values (flow
//!   lists become block lists; text is plain when a YAML reader gives it back exactly,
//!   else quoted as [`crate::content::yaml::quote`] does).
//! - A new file starts from `ocop new`'s template: its comments, and its keys left
//!   empty, as `ocop new` would write them.
//!
//! Not for checking: whatever the entry holds is written, and the validator reports
//! it, as for any edit.

use serde_yaml::{Mapping, Value};

use super::config;
use crate::content::text::normalize;
use crate::content::yaml::quote;

/// The kinds of file the editor may write, by their place in the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Product,
    Producer,
    News,
    Page,
    Site,
}

impl Kind {
    /// The collection whose fields order this kind's keys.
    fn collection(self) -> &'static str {
        match self {
            Kind::Product => "products",
            Kind::Producer => "producers",
            Kind::News => "news",
            Kind::Page => "pages",
            Kind::Site => "site",
        }
    }

    fn is_markdown(self) -> bool {
        matches!(self, Kind::News | Kind::Page)
    }

    /// `ocop new`'s template for this kind, without its `{{placeholder}}` lines and
    /// the comment lines introducing them, and without its opening comment (which says
    /// that `ocop new` wrote the file).
    fn template(self) -> Option<String> {
        let template = match self {
            Kind::Product => include_str!("../scaffold/templates/product.yaml"),
            Kind::Producer => include_str!("../scaffold/templates/producer.yaml"),
            Kind::News => include_str!("../scaffold/templates/news.md"),
            Kind::Page | Kind::Site => return None,
        };
        let template = match self.is_markdown() {
            true => crate::content::frontmatter::split(template)?
                .front_matter
                .to_owned(),
            false => template.to_owned(),
        };
        let mut lines: Vec<&str> = Vec::new();
        for line in template.lines() {
            if line.starts_with("{{") {
                // The comment introducing a list of choices goes with the list.
                if lines.last().is_some_and(|l| l.starts_with('#')) {
                    lines.pop();
                }
                continue;
            }
            lines.push(line);
        }
        // Drop the opening comment, up to the first blank line.
        let body = match lines.iter().position(|l| l.trim().is_empty()) {
            Some(blank) => &lines[blank + 1..],
            None => &lines[..],
        };
        Some(body.join("\n") + "\n")
    }
}

/// The text to write for an entry of `kind`, from the `raw` text Decap sent and the
/// file's `previous` text, if it exists. An error is a message for the editor.
pub fn contract_text(kind: Kind, raw: &str, previous: Option<&str>) -> Result<String, String> {
    let raw = normalize(raw);
    let previous = previous.map(normalize);
    if !kind.is_markdown() {
        return yaml_text(kind, &raw, previous.as_deref(), false);
    }
    let (front, body) = split_front_matter(&raw);
    let previous_front = previous
        .as_deref()
        .and_then(crate::content::frontmatter::split)
        .map(|p| p.front_matter.to_owned());
    let front = yaml_text(kind, front, previous_front.as_deref(), previous.is_some())?;
    let body = body.trim_start_matches('\n');
    Ok(format!("---\n{front}---\n\n{body}"))
}

/// Decap's front matter and body; text without front matter is all body.
fn split_front_matter(raw: &str) -> (&str, &str) {
    match crate::content::frontmatter::split(raw) {
        Some(parts) => (parts.front_matter, parts.body),
        None => ("", raw),
    }
}

fn yaml_text(
    kind: Kind,
    raw: &str,
    previous: Option<&str>,
    existed: bool,
) -> Result<String, String> {
    let sent: Value = match raw.trim() {
        "" => Value::Mapping(Mapping::new()),
        text => serde_yaml::from_str(text).map_err(|e| e.to_string())?,
    };
    let Value::Mapping(sent) = sent else {
        return Err("not a mapping".into());
    };
    let template = match (previous, existed) {
        (None, false) => kind.template(),
        _ => None,
    };
    let layout = previous.or(template.as_deref()).unwrap_or("");
    let old: Mapping = serde_yaml::from_str(layout).unwrap_or_default();
    let fields = config::key_order(kind.collection());
    let value = shape(&Value::Mapping(sent), Some(&Value::Mapping(old)), &fields);
    let Value::Mapping(map) = value else {
        return Err("not a mapping".into());
    };
    let comments = Comments::read(layout);
    Ok(emit(&map, &comments))
}

/// `sent` in the contract's form: keys in `fields`' order (unknown ones after, and
/// those only the file had kept), empty values left out unless the file had the key
/// (then written empty, as `ocop new` does), numbers as numbers.
fn shape(sent: &Value, old: Option<&Value>, fields: &[serde_json::Value]) -> Value {
    match sent {
        Value::Mapping(map) => {
            let old_map = old.and_then(Value::as_mapping);
            let mut out = Mapping::new();
            let mut keys: Vec<String> = config::names(fields)
                .into_iter()
                .map(str::to_owned)
                .collect();
            let extra = map
                .keys()
                .chain(old_map.into_iter().flat_map(|m| m.keys()))
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect::<Vec<_>>();
            for key in extra {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            for key in keys {
                let field = fields.iter().find(|f| f["name"] == key.as_str());
                let nested = config::nested(fields, &key).unwrap_or_default();
                let previous = old_map.and_then(|m| m.get(key.as_str()));
                let value = match (map.get(key.as_str()), previous) {
                    (Some(value), _) => shape(value, previous, nested),
                    // A key Decap did not send (the form does not show it, or it was
                    // never touched) is kept as the file has it.
                    (None, Some(previous)) => {
                        out.insert(key.into(), previous.clone());
                        continue;
                    }
                    (None, None) => continue,
                };
                let value = field.map_or(value.clone(), |f| typed(value, f));
                if is_empty(&value) {
                    match previous {
                        // Kept as the file wrote it: empty, or an empty list.
                        Some(Value::Sequence(_)) => {
                            out.insert(key.into(), Value::Sequence(Vec::new()))
                        }
                        Some(_) => out.insert(key.into(), Value::Null),
                        None => continue,
                    };
                    continue;
                }
                out.insert(key.into(), value);
            }
            Value::Mapping(out)
        }
        Value::Sequence(items) => {
            let old_items = old.and_then(Value::as_sequence);
            Value::Sequence(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| shape(item, old_items.and_then(|o| o.get(i)), fields))
                    .filter(|item| !is_empty(item))
                    .collect(),
            )
        }
        Value::String(text) => Value::String(normalize(text)),
        other => other.clone(),
    }
}

/// A number field's or a numeric select's text as a number.
fn typed(value: Value, field: &serde_json::Value) -> Value {
    let numeric = field["widget"] == "number"
        || (field["widget"] == "select"
            && field["options"].as_array().is_some_and(|options| {
                !options.is_empty()
                    && options.iter().all(|o| {
                        o["value"]
                            .as_str()
                            .is_some_and(|v| v.parse::<u64>().is_ok())
                    })
            }));
    match (&value, numeric) {
        (Value::String(text), true) => match text.trim().parse::<u64>() {
            Ok(number) => Value::Number(number.into()),
            Err(_) => value,
        },
        _ => value,
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Sequence(items) => items.is_empty(),
        Value::Mapping(map) => map.is_empty(),
        _ => false,
    }
}

/// The comment blocks of a file, by the key they stand above.
#[derive(Debug, Default)]
struct Comments {
    /// Above a top-level key (`name`) or a nested one (`certificate.date`): the lines
    /// as written, blank lines included.
    above: Vec<(String, Vec<String>)>,
    /// After the last key.
    end: Vec<String>,
}

impl Comments {
    fn read(text: &str) -> Comments {
        let mut comments = Comments::default();
        let mut pending: Vec<String> = Vec::new();
        let mut top: Option<String> = None;
        for line in text.lines() {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                pending.push(line.trim_end().to_owned());
                continue;
            }
            let indent = line.len() - trimmed.len();
            let key = key_of(trimmed);
            match (indent, key, &top) {
                (0, Some(key), _) => {
                    comments
                        .above
                        .push((key.clone(), std::mem::take(&mut pending)));
                    top = Some(key);
                }
                (2, Some(key), Some(parent)) => {
                    let block = std::mem::take(&mut pending);
                    comments.above.push((format!("{parent}.{key}"), block));
                }
                _ => pending.clear(),
            }
        }
        // Trailing blank lines are the emitter's business.
        while pending.last().is_some_and(|l| l.is_empty()) {
            pending.pop();
        }
        let first = pending.iter().position(|l| !l.is_empty());
        comments.end = pending.split_off(first.unwrap_or(pending.len()));
        comments
    }

    fn above(&self, key: &str) -> &[String] {
        self.above
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&[], |(_, lines)| lines.as_slice())
    }
}

/// The key of a `key: …` line.
fn key_of(line: &str) -> Option<String> {
    let (key, _) = line.split_once(':')?;
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    .then(|| key.to_owned())
}

/// The YAML text of `map`, with the comments put back above their keys.
fn emit(map: &Mapping, comments: &Comments) -> String {
    let mut out = String::new();
    for (key, value) in map {
        let Some(key) = key.as_str() else { continue };
        for line in comments.above(key) {
            out.push_str(line);
            out.push('\n');
        }
        match value {
            Value::Mapping(nested) if !nested.is_empty() => {
                out.push_str(&format!("{key}:\n"));
                for (child, value) in nested {
                    let Some(child) = child.as_str() else {
                        continue;
                    };
                    for line in comments.above(&format!("{key}.{child}")) {
                        out.push_str(line);
                        out.push('\n');
                    }
                    entry(&mut out, 2, child, value);
                }
            }
            _ => entry(&mut out, 0, key, value),
        }
    }
    if !comments.end.is_empty() {
        out.push('\n');
        for line in &comments.end {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `key: value` at `indent` spaces, and the lines of a nested value below it.
fn entry(out: &mut String, indent: usize, key: &str, value: &Value) {
    let pad = " ".repeat(indent);
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            out.push_str(&format!("{pad}{key}:\n"));
            for (child, value) in map {
                if let Some(child) = child.as_str() {
                    entry(out, indent + 2, child, value);
                }
            }
        }
        Value::Sequence(items) if !items.is_empty() => {
            out.push_str(&format!("{pad}{key}:\n"));
            for item in items {
                list_item(out, indent + 2, item);
            }
        }
        Value::String(text) if text.contains('\n') => {
            out.push_str(&format!("{pad}{key}: {}\n", block_indicator(text)));
            for line in text.trim_end_matches('\n').lines() {
                match line.is_empty() {
                    true => out.push('\n'),
                    false => out.push_str(&format!("{pad}  {line}\n")),
                }
            }
        }
        _ => out.push_str(&format!("{pad}{key}:{}\n", scalar(value))),
    }
}

/// `- item` at `indent` spaces; a map's first key on the dash's line.
fn list_item(out: &mut String, indent: usize, item: &Value) {
    let pad = " ".repeat(indent);
    match item {
        Value::Mapping(map) if !map.is_empty() => {
            let mut first = true;
            for (key, value) in map {
                let Some(key) = key.as_str() else { continue };
                let mut line = String::new();
                entry(&mut line, indent + 2, key, value);
                if first {
                    // `    key: …` becomes `  - key: …`.
                    line.replace_range(indent..indent + 2, "- ");
                    first = false;
                }
                out.push_str(&line);
            }
        }
        Value::String(text) if text.contains('\n') => {
            out.push_str(&format!("{pad}- {}\n", block_indicator(text)));
            for line in text.trim_end_matches('\n').lines() {
                out.push_str(&format!("{pad}    {line}\n"));
            }
        }
        other => out.push_str(&format!("{pad}-{}\n", scalar(other))),
    }
}

/// `|` keeps one final line break, `|-` none.
fn block_indicator(text: &str) -> &'static str {
    match text.ends_with('\n') {
        true => "|",
        false => "|-",
    }
}

/// A one-line value with its leading space, or nothing for null.
fn scalar(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => format!(" {b}"),
        Value::Number(n) => format!(" {n}"),
        Value::String(text) if is_iso_date(text) => format!(" {text}"),
        Value::String(text) => format!(" {}", plain_or_quoted(text)),
        Value::Sequence(_) => " []".into(),
        Value::Mapping(_) => " {}".into(),
        Value::Tagged(tagged) => scalar(&tagged.value),
    }
}

/// `text` plain when a YAML reader gives it back exactly (`300 g`, a link), as people
/// write it by hand; else [`quote`]'s form. Words that YAML 1.1 reads as booleans or
/// null are always quoted, so that any reader agrees.
fn plain_or_quoted(text: &str) -> String {
    let quoted = quote(text);
    if quoted == text || text.trim() != text || text.chars().any(char::is_control) {
        return quoted;
    }
    const RESERVED: [&str; 9] = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"];
    if RESERVED.contains(&text.to_lowercase().as_str()) || text == "~" {
        return quoted;
    }
    let read_back = serde_yaml::from_str::<Mapping>(&format!(
        "k: {text}
"
    ))
    .ok()
    .and_then(|map| map.get("k").cloned());
    match read_back {
        Some(Value::String(back)) if back == text => text.to_owned(),
        _ => quoted,
    }
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    const PREVIOUS: &str = "\
# Sản phẩm OCOP của HTX.

# Tên sản phẩm. (Bắt buộc)
name: Hạt dẻ Trùng Khánh
stars: 4 # hạng sao
category: nong-san
producer: htx-dong-tam
certificate:
  # Số quyết định.
  decision: Quyết định số 124/QĐ-UBND
  date: 2023-02-20
subcategory:
photos: []
tags: [hạt dẻ, quà Tết]

# Ghi chú cuối tệp.
";

    #[test]
    fn keeps_comments_above_keys_and_orders_keys_as_ocop_new() {
        // Decap sends its own order and quoting, decomposed text and a number as text.
        let raw = "producer: htx-dong-tam\nname: \"Ha\u{323}t de\u{309} Tru\u{300}ng Kha\u{301}nh\"\nstars: '5'\ncategory: nong-san\ncertificate:\n  date: '2023-02-20'\n  decision: Quyết định số 124/QĐ-UBND\n  number: ''\nphotos:\n  - file: anh-1.jpg\n    alt: Hạt dẻ\n    caption: ''\ntags:\n  - hạt dẻ\n";
        let text = contract_text(Kind::Product, raw, Some(PREVIOUS)).unwrap();
        assert!(is_nfc(&text));
        assert_eq!(
            text,
            "\
# Sản phẩm OCOP của HTX.

# Tên sản phẩm. (Bắt buộc)
name: Hạt dẻ Trùng Khánh
stars: 5
category: nong-san
subcategory:
producer: htx-dong-tam
certificate:
  # Số quyết định.
  decision: Quyết định số 124/QĐ-UBND
  date: 2023-02-20
photos:
  - file: anh-1.jpg
    alt: Hạt dẻ
tags:
  - hạt dẻ

# Ghi chú cuối tệp.
"
        );
        // The result is a valid product record.
        let record: crate::domain::records::ProductRecord = serde_yaml::from_str(&text).unwrap();
        assert_eq!(record.stars, 5);
        assert_eq!(record.photos[0].file, "anh-1.jpg");
    }

    #[test]
    fn a_new_product_gets_the_comments_and_empty_keys_of_ocop_new() {
        let raw = "name: Lạp sườn\nstars: 3\ncategory: thuc-pham\nproducer: htx-a\ncertificate:\n  decision: QĐ 1\n  date: 2024-01-02\nphotos:\n  - file: a.jpg\n    alt: Lạp sườn gác bếp\n";
        let text = contract_text(Kind::Product, raw, None).unwrap();
        assert!(
            text.starts_with(
                "# Tên sản phẩm, đúng như trên giấy chứng nhận OCOP. (Bắt buộc)\nname: Lạp sườn\n"
            ),
            "{text}"
        );
        assert!(text.contains("\n  # Ngày ký quyết định. (Bắt buộc)\n  date: 2024-01-02\n"));
        assert!(text.contains("\nsubcategory:\n"));
        assert!(text.contains("photos:\n  - file: a.jpg\n    alt: Lạp sườn gác bếp\n"));
        assert!(text.contains("\nshops: []\n"));
        assert!(!text.contains("{{"));
        assert!(!text.contains("ocop new"), "{text}");
        let record: crate::domain::records::ProductRecord = serde_yaml::from_str(&text).unwrap();
        assert_eq!(record.certificate.date, "2024-01-02");
    }

    #[test]
    fn news_keeps_its_body_and_front_matter_comments() {
        let previous =
            "---\n# Tiêu đề.\ntitle: Cũ\ndate: 2025-01-01\ndraft: true\n---\n\nNội dung cũ.\n";
        let raw = "---\ntitle: Mới\ndate: 2025-01-02\ndraft: false\n---\nDòng một.\n\nDòng hai.\n";
        let text = contract_text(Kind::News, raw, Some(previous)).unwrap();
        assert_eq!(
            text,
            "---\n# Tiêu đề.\ntitle: Mới\ndate: 2025-01-02\ndraft: false\n---\n\nDòng một.\n\nDòng hai.\n"
        );
    }

    #[test]
    fn keys_the_form_does_not_show_are_kept() {
        let previous = "title: A\nbase_url: https://a.example/\nprovince: Cao Bằng\nplatforms:\n  - id: cho\n    name: Chợ\n    hosts: [cho.vn]\n";
        let raw = "title: B\nbase_url: https://a.example/\nprovince: Cao Bằng\n";
        let text = contract_text(Kind::Site, raw, Some(previous)).unwrap();
        assert!(text.starts_with("title: B\n"), "{text}");
        assert!(
            text.contains("platforms:\n  - id: cho\n    name: Chợ\n    hosts:\n      - cho.vn\n"),
            "{text}"
        );
    }

    #[test]
    fn text_stays_plain_when_a_reader_gives_it_back_exactly() {
        for plain in [
            "300 g",
            "https://shopee.vn/product/1/2",
            "60 ngày",
            "0206 000 022",
        ] {
            assert_eq!(plain_or_quoted(plain), plain);
        }
        for quoted in [
            "300",
            "yes",
            "a #b",
            "a: b",
            "- x",
            "[x]",
            "&a b",
            "*a",
            "!x",
            "'x",
            " x",
            "~",
            "null",
            "1.5",
            "@x",
            "`x",
            "Giá: 45.000đ",
        ] {
            let written = plain_or_quoted(quoted);
            assert_ne!(written, quoted);
            let back: Mapping = serde_yaml::from_str(&format!("k: {written}")).unwrap();
            assert_eq!(back["k"], Value::String(quoted.into()), "{quoted}");
        }
    }

    #[test]
    fn multi_line_text_is_a_block() {
        let raw = "name: A\ndescription: \"Dòng 1\\n\\nDòng 2: **đậm**\\n\"\n";
        let text = contract_text(Kind::Producer, raw, Some("name: A\n")).unwrap();
        assert!(
            text.contains("description: |\n  Dòng 1\n\n  Dòng 2: **đậm**\n"),
            "{text}"
        );
        let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(value["description"], "Dòng 1\n\nDòng 2: **đậm**\n");
    }
}
