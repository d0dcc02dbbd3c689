//! Finding where a field sits in a YAML file, so that errors found after parsing
//! (an unknown district, a bad date) can still point at `path:line:column`.
//!
//! serde_yaml gives positions only for its own errors, so this reads the text again.
//! It understands the block style people write by hand (`key: value`, `- item`) and
//! falls back to searching inside flow style (`{file: a.jpg}`). When part of a path
//! cannot be found it returns the deepest place it did find.

/// One step of a path into a YAML document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// A 1-based line and column (in characters).
pub type Position = (usize, usize);

#[derive(Clone)]
struct Line<'t> {
    number: usize,
    /// The text, with list markers already consumed replaced by spaces.
    text: std::borrow::Cow<'t, str>,
}

impl Line<'_> {
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    fn is_content(&self) -> bool {
        let trimmed = self.text.trim_start();
        !trimmed.is_empty() && !trimmed.starts_with('#') && trimmed != "---"
    }

    fn position(&self, byte: usize) -> Position {
        (self.number, self.text[..byte].chars().count() + 1)
    }
}

/// Where the value at `path` is written in `text`: the start of the value when it is
/// on the key's line, else the key itself.
pub fn locate(text: &str, path: &[Seg]) -> Position {
    let lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, text)| Line {
            number: i + 1,
            text: text.into(),
        })
        .collect();
    let first = lines
        .iter()
        .find(|l| l.is_content())
        .map(|l| (l.number, l.indent() + 1));
    find(lines, path).or(first).unwrap_or((1, 1))
}

fn find(lines: Vec<Line>, path: &[Seg]) -> Option<Position> {
    let (step, rest) = path.split_first()?;
    match *step {
        Seg::Key(key) => {
            let (index, key_byte, value_byte) = find_key(&lines, key)?;
            let line = &lines[index];
            let here = if value_byte < line.text.trim_end().len() {
                line.position(value_byte)
            } else {
                line.position(key_byte)
            };
            if rest.is_empty() {
                return Some(here);
            }
            let inline = line.text[value_byte..].trim();
            if let ([Seg::Index(n)], true) = (rest, inline.starts_with('[')) {
                if let Some(item) = flow_item(&line.text, value_byte, *n) {
                    return Some(line.position(item));
                }
            }
            if !inline.is_empty() && !inline.starts_with('#') {
                return Some(find_in_flow(&lines[index..], value_byte, rest).unwrap_or(here));
            }
            let body = block_body(&lines, index, key_byte);
            Some(find(body, rest).unwrap_or(here))
        }
        Seg::Index(n) => {
            let (item, marker_byte) = find_item(&lines, n)?;
            let mut body = item;
            let here = body[0].position(marker_byte);
            // Turn "- key: v" into "  key: v" so the item reads as a plain mapping.
            let mut first = body[0].text.to_string();
            first.replace_range(marker_byte..marker_byte + 1, " ");
            body[0].text = first.into();
            if rest.is_empty() {
                let value_byte = marker_byte + 1 + body[0].text[marker_byte + 1..].len()
                    - body[0].text[marker_byte + 1..].trim_start().len();
                return Some(body[0].position(value_byte));
            }
            let flow = find_in_flow(&body, marker_byte, rest);
            Some(find(body, rest).or(flow).unwrap_or(here))
        }
    }
}

/// The first mapping key `key` at the shallowest indentation: (line index, key byte,
/// value byte).
fn find_key(lines: &[Line], key: &str) -> Option<(usize, usize, usize)> {
    let depth = lines
        .iter()
        .filter(|l| l.is_content())
        .map(Line::indent)
        .min()?;
    lines.iter().enumerate().find_map(|(i, line)| {
        if !line.is_content() || line.indent() != depth {
            return None;
        }
        let rest = &line.text[depth..];
        let unquoted = rest
            .strip_prefix(key)
            .or_else(|| rest.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| rest.strip_prefix(&format!("'{key}'")))?;
        let after_colon = unquoted.strip_prefix(':')?;
        if !(after_colon.is_empty() || after_colon.starts_with([' ', '\t'])) {
            return None;
        }
        let value_byte = line.text.len() - after_colon.trim_start().len();
        Some((i, depth, value_byte))
    })
}

/// The lines that make up the block value of the key on line `index` at column `key_col`.
fn block_body<'t>(lines: &[Line<'t>], index: usize, key_col: usize) -> Vec<Line<'t>> {
    lines[index + 1..]
        .iter()
        .take_while(|l| {
            !l.is_content()
                || l.indent() > key_col
                // A sequence may sit at the same indentation as its key.
                || (l.indent() == key_col && l.text[key_col..].starts_with("- "))
                || (l.indent() == key_col && l.text[key_col..].trim_end() == "-")
        })
        .cloned()
        .collect()
}

/// The lines of the `n`-th sequence item at the shallowest indentation, and the byte
/// of its `-` marker.
fn find_item<'t>(lines: &[Line<'t>], n: usize) -> Option<(Vec<Line<'t>>, usize)> {
    let is_marker = |l: &Line| {
        let rest = &l.text[l.indent()..];
        l.is_content() && (rest.starts_with("- ") || rest.trim_end() == "-")
    };
    let depth = lines
        .iter()
        .filter(|l| is_marker(l))
        .map(Line::indent)
        .min()?;
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_marker(l) && l.indent() == depth)
        .map(|(i, _)| i)
        .collect();
    let start = *starts.get(n)?;
    let end = starts.get(n + 1).copied().unwrap_or_else(|| {
        lines[start + 1..]
            .iter()
            .position(|l| l.is_content() && l.indent() <= depth && !is_marker(l))
            .map_or(lines.len(), |p| start + 1 + p)
    });
    Some((lines[start..end].to_vec(), depth))
}

/// The byte where item `n` of the one-line flow list `[a, b, c]` starting at `open`
/// begins. Quoted items may hold commas; nested lists are not looked into.
fn flow_item(text: &str, open: usize, n: usize) -> Option<usize> {
    let mut item = 0;
    let mut start = open + 1;
    let mut quote = None;
    for (i, c) in text[open + 1..].char_indices() {
        let at = open + 1 + i;
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, ',' | ']') => {
                if item == n {
                    let written = &text[start..at];
                    return Some(start + written.len() - written.trim_start().len());
                }
                if c == ']' {
                    return None;
                }
                item += 1;
                start = at + 1;
            }
            _ => {}
        }
    }
    None
}

/// Inside flow style, find the next key of `rest` as `key:` text on or after `byte`.
fn find_in_flow(lines: &[Line], byte: usize, rest: &[Seg]) -> Option<Position> {
    let key = rest.iter().rev().find_map(|s| match s {
        Seg::Key(k) => Some(*k),
        Seg::Index(_) => None,
    })?;
    let needle = format!("{key}:");
    let nth = rest
        .iter()
        .find_map(|s| match s {
            Seg::Index(n) => Some(*n),
            Seg::Key(_) => None,
        })
        .unwrap_or(0);
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        let from = if i == 0 { byte } else { 0 };
        for (offset, _) in line.text[from..].match_indices(&needle) {
            let at = from + offset;
            let boundary = line.text[..at]
                .chars()
                .last()
                .is_none_or(|c| matches!(c, ' ' | '{' | ','));
            if boundary {
                if seen == nth {
                    let value = &line.text[at + needle.len()..];
                    return Some(line.position(line.text.len() - value.trim_start().len()));
                }
                seen += 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Seg::{Index, Key};
    use super::*;

    const PRODUCT: &str = "\
# A comment
name: Lạp sườn Hòa An
stars: 7
certificate:
  decision: 12/QĐ-UBND
  date: 2023-02-30
photos:
  - file: anh-1.jpg
    alt: Lạp sườn
  - file: ../secret.jpg
    alt: x
shops:
- platform: shopee
  url: http://shopee.vn/x
- {platform: tiki, url: http://tiki.vn/y}
tags: [a, b]
";

    #[test]
    fn finds_an_item_of_a_one_line_flow_list() {
        let text = "title: x\nlanguages: [vi, 'e,n', eng]\n";
        assert_eq!(locate(text, &[Key("languages"), Index(0)]), (2, 13));
        assert_eq!(locate(text, &[Key("languages"), Index(1)]), (2, 17));
        assert_eq!(locate(text, &[Key("languages"), Index(2)]), (2, 24));
        // Past the end: the list itself.
        assert_eq!(locate(text, &[Key("languages"), Index(3)]), (2, 12));
    }

    #[test]
    fn finds_top_level_values() {
        assert_eq!(locate(PRODUCT, &[Key("stars")]), (3, 8));
        assert_eq!(locate(PRODUCT, &[Key("name")]), (2, 7));
    }

    #[test]
    fn finds_nested_mapping_values() {
        assert_eq!(locate(PRODUCT, &[Key("certificate"), Key("date")]), (6, 9));
    }

    #[test]
    fn finds_fields_of_sequence_items() {
        assert_eq!(
            locate(PRODUCT, &[Key("photos"), Index(1), Key("file")]),
            (10, 11)
        );
        assert_eq!(
            locate(PRODUCT, &[Key("photos"), Index(0), Key("alt")]),
            (9, 10)
        );
        assert_eq!(
            locate(PRODUCT, &[Key("shops"), Index(0), Key("url")]),
            (14, 8)
        );
    }

    #[test]
    fn finds_inside_flow_style() {
        assert_eq!(
            locate(PRODUCT, &[Key("shops"), Index(1), Key("url")]),
            (15, 25)
        );
    }

    #[test]
    fn falls_back_to_the_deepest_known_place() {
        assert_eq!(
            locate(PRODUCT, &[Key("certificate"), Key("issuer")]),
            (4, 1)
        );
        assert_eq!(locate(PRODUCT, &[Key("missing")]), (2, 1));
    }

    #[test]
    fn counts_columns_in_characters() {
        let text = "tên: \"Hạt dẻ\"\ndistrict: hòa-an\n";
        assert_eq!(locate(text, &[Key("district")]), (2, 11));
    }
}
