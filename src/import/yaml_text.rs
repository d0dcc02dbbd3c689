//! Records as the YAML text `ocop import` writes: keys in the order the team's own
//! files use, only the fields that have a value, every text through
//! [`quote`](crate::content::yaml::quote). The importer reads each text back with the
//! loader and compares, so a quoting mistake cannot reach a file.

use std::fmt::Write;

use crate::content::yaml::quote;
use crate::domain::records::{ProducerRecord, ProductRecord};

/// Lines of `key: value`, indented by nesting level.
#[derive(Default)]
struct Lines(String);

impl Lines {
    fn comment(&mut self, text: &str) {
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(self.0, "# {one_line}");
    }

    /// A value written as it is: numbers and checked dates.
    fn raw(&mut self, depth: usize, key: &str, value: impl std::fmt::Display) {
        let _ = writeln!(self.0, "{:width$}{key}: {value}", "", width = depth * 2);
    }

    fn text(&mut self, depth: usize, key: &str, value: &str) {
        self.raw(depth, key, text_value(depth, value));
    }

    fn optional(&mut self, depth: usize, key: &str, value: &Option<String>) {
        if let Some(value) = value {
            self.text(depth, key, value);
        }
    }

    fn open(&mut self, depth: usize, key: &str) {
        let _ = writeln!(self.0, "{:width$}{key}:", "", width = depth * 2);
    }
}

/// A literal block (`|-`) for text of several lines, which keeps Markdown readable;
/// a quoted or plain scalar otherwise. A block cannot start with a space or end with
/// a line break or space without an indicator, so such text is quoted instead.
fn text_value(depth: usize, value: &str) -> String {
    let block_safe = value.contains('\n')
        && !value.starts_with(char::is_whitespace)
        && !value.ends_with(char::is_whitespace)
        && !value.contains('\r');
    if !block_safe {
        return quote(value);
    }
    let indent = " ".repeat((depth + 1) * 2);
    let mut block = String::from("|-");
    for line in value.split('\n') {
        block.push('\n');
        if !line.is_empty() {
            block.push_str(&indent);
            block.push_str(line);
        }
    }
    block
}

/// `product.yaml`, with a first comment saying where it came from.
pub fn product(record: &ProductRecord, origin: &str) -> String {
    let mut out = Lines::default();
    out.comment(origin);
    out.text(0, "name", &record.name);
    out.raw(0, "stars", record.stars);
    out.text(0, "category", &record.category);
    out.optional(0, "subcategory", &record.subcategory);
    out.text(0, "producer", &record.producer);
    out.optional(0, "district", &record.district);
    let certificate = &record.certificate;
    out.open(0, "certificate");
    out.text(1, "decision", &certificate.decision);
    // Dates are checked and written as YYYY-MM-DD, which YAML reads as text.
    out.raw(1, "date", &certificate.date);
    out.optional(1, "number", &certificate.number);
    out.optional(1, "issuer", &certificate.issuer);
    if let Some(expires) = &certificate.expires {
        out.raw(1, "expires", expires);
    }
    out.optional(0, "summary", &record.summary);
    out.optional(0, "description", &record.description);
    if let Some(price) = &record.price {
        out.open(0, "price");
        out.raw(1, "min", price.min);
        if let Some(max) = price.max {
            out.raw(1, "max", max);
        }
        out.optional(1, "unit", &price.unit);
    }
    if !record.tags.is_empty() {
        out.open(0, "tags");
        for tag in &record.tags {
            let _ = writeln!(out.0, "  - {}", quote(tag));
        }
    }
    out.0
}

/// `producers/<id>.yaml`, with a first comment saying where it came from.
pub fn producer(record: &ProducerRecord, origin: &str) -> String {
    let mut out = Lines::default();
    out.comment(origin);
    out.text(0, "name", &record.name);
    out.text(0, "type", &record.kind);
    out.text(0, "district", &record.district);
    out.optional(0, "address", &record.address);
    out.optional(0, "representative", &record.representative);
    out.optional(0, "phone", &record.phone);
    out.optional(0, "email", &record.email);
    out.optional(0, "website", &record.website);
    out.optional(0, "description", &record.description);
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_several_lines_as_a_literal_block() {
        assert_eq!(
            text_value(0, "Dòng một\n\n- dòng hai"),
            "|-\n  Dòng một\n\n  - dòng hai"
        );
        assert_eq!(text_value(1, " lề\ntrái"), "\" lề\\ntrái\"");
        assert_eq!(text_value(0, "Một dòng"), "Một dòng");
    }
}
