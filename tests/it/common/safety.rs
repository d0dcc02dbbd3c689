//! What no built site may contain, whatever its content says: code a browser would
//! run, JSON or XML a reader cannot parse, and spreadsheet cells that would run as
//! formulas.

use std::path::Path;

use walkdir::WalkDir;

use super::html::{tags, Tag};
use super::relative_name;

/// Attributes a browser follows as a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "cite",
    "data",
    "background",
    "xlink:href",
];

/// Schemes that run code or smuggle a document in when followed.
const SCRIPT_SCHEMES: &[&str] = &["javascript:", "vbscript:", "data:"];

/// Whether `url` is a `data:` image that cannot run code, such as a print sheet's QR
/// code: a PNG, or an SVG without scripts, event handlers or `javascript:` links.
fn inert_image(url: &str) -> bool {
    if url.starts_with("data:image/png;base64,") {
        return true;
    }
    if !url.starts_with("data:image/svg+xml;base64,") {
        return false;
    }
    let svg = String::from_utf8_lossy(&super::data_uri_bytes(url)).to_ascii_lowercase();
    !["<script", " on", "javascript:", "<foreignobject", "href"]
        .iter()
        .any(|bad| svg.contains(bad))
}

/// Why `tag` could run code, if it could.
pub fn danger(tag: &Tag) -> Option<String> {
    let text = tag.raw_text.as_deref().unwrap_or("");
    if tag.name == "script" && tag.attr("type") == Some("application/ld+json") {
        // Data, not code, as long as nothing in it can end the element early.
        if text.contains('<') || serde_json::from_str::<serde_json::Value>(text).is_err() {
            return Some(format!("JSON-LD that is not plain JSON: {text}"));
        }
    } else if tag.name == "script" && text.contains("alert") {
        return Some(format!("a live script: {tag:?}"));
    }
    tag.attrs.iter().find_map(|(name, value)| {
        // Browsers ignore whitespace and control characters around a URL's scheme.
        let url: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.starts_with("on") {
            Some(format!("an event handler `{name}` on <{}>", tag.name))
        } else if URL_ATTRIBUTES.contains(&name.as_str())
            && SCRIPT_SCHEMES.iter().any(|s| url.starts_with(s))
            && !inert_image(value)
        {
            Some(format!("a `{name}` to `{value}` on <{}>", tag.name))
        } else {
            None
        }
    })
}

/// Every way the site built in `output` could run injected code or break a reader:
/// dangerous tags and attributes in HTML, JSON that does not parse, XML with
/// characters XML forbids or an Atom feed that does not parse, and CSV cells a
/// spreadsheet would evaluate.
pub fn unsafe_output(output: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in WalkDir::new(output).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let name = relative_name(output, entry.path());
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        let problem = match name.rsplit('.').next().unwrap_or_default() {
            "html" => {
                let dangers: Vec<String> = tags(&text()).iter().filter_map(danger).collect();
                (!dangers.is_empty()).then(|| dangers.join("; "))
            }
            "json" => serde_json::from_slice::<serde_json::Value>(&bytes)
                .err()
                .map(|e| format!("not JSON: {e}")),
            "xml" => xml_problem(&text(), name.ends_with("atom.xml")),
            "csv" => formula_cells(&bytes),
            _ => None,
        };
        if let Some(problem) = problem {
            found.push(format!("{name}: {problem}"));
        }
    }
    found
}

fn xml_problem(text: &str, is_feed: bool) -> Option<String> {
    // XML 1.0 allows no C0 control character but tab and the line ends.
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r') && c < '\u{80}')
    {
        return Some(format!("control character U+{:04X}", u32::from(c)));
    }
    if is_feed {
        return atom_syndication::Feed::read_from(text.as_bytes())
            .err()
            .map(|e| format!("not an Atom feed: {e}"));
    }
    None
}

/// Cells that a spreadsheet would run: those starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return.
fn formula_cells(bytes: &[u8]) -> Option<String> {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let live: Vec<String> = csv::Reader::from_reader(body)
        .records()
        .map(|r| r.expect("a CSV record"))
        .flat_map(|r| r.iter().map(str::to_owned).collect::<Vec<_>>())
        .filter(|cell| cell.starts_with(['=', '+', '-', '@', '\t', '\r']))
        .collect();
    (!live.is_empty()).then(|| format!("live formulas {live:?}"))
}
