//! Just enough HTML reading for the tests: start tags with their attributes (quoted or
//! not, character references decoded), end tags, and text.
//!
//! It follows the HTML tokenizer where it matters for the checks made here, and for
//! minified output that leaves out optional end tags: text and attribute values never
//! start a tag, comments are skipped, script and style contents are raw text, and
//! title and textarea contents are text even when a minifier leaves `<` unescaped.

/// A start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Lowercase.
    pub name: String,
    /// Names lowercase, values with character references decoded.
    pub attrs: Vec<(String, String)>,
    /// For `script` and `style`: the raw text up to the end tag.
    pub raw_text: Option<String>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Start(Tag),
    /// The lowercase name of an end tag.
    End(String),
    /// Text between tags, character references decoded.
    Text(String),
}

/// The tokens of `html`, in order.
pub fn tokens(html: &str) -> Vec<Token> {
    let bytes = html.as_bytes();
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let flush = |text: &mut String, tokens: &mut Vec<Token>| {
        if !text.is_empty() {
            tokens.push(Token::Text(decode(text)));
            text.clear();
        }
    };
    while i < html.len() {
        let Some(offset) = html[i..].find('<') else {
            text.push_str(&html[i..]);
            break;
        };
        text.push_str(&html[i..i + offset]);
        i += offset + 1;
        let rest = &html[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(['!', '?']) {
            i += rest.find('>').map_or(rest.len(), |end| end + 1);
            continue;
        }
        let closing = rest.starts_with('/');
        let start = i + usize::from(closing);
        if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            // A bare `<` in text, as a minifier may leave it.
            text.push('<');
            continue;
        }
        flush(&mut text, &mut tokens);
        i = start;
        let name = take_while(html, &mut i, |b| !is_space(b) && b != b'/' && b != b'>')
            .to_ascii_lowercase();
        let attrs = attributes(html, &mut i);
        if closing {
            tokens.push(Token::End(name));
            continue;
        }
        // Raw text runs to the element's end tag: nothing in it is a tag. Escapable
        // raw text (`title`, `textarea`) is the same, but is text with references.
        let escapable = matches!(name.as_str(), "title" | "textarea");
        let mut raw_text = None;
        if escapable || matches!(name.as_str(), "script" | "style") {
            let end_tag = format!("</{name}");
            let end = html[i..]
                .to_ascii_lowercase()
                .find(&end_tag)
                .map_or(html.len(), |e| i + e);
            raw_text = Some(html[i..end].to_owned());
            i = end;
        }
        let text = raw_text.take_if(|_| escapable);
        tokens.push(Token::Start(Tag {
            name,
            attrs,
            raw_text,
        }));
        tokens.extend(text.map(|t| Token::Text(decode(&t))));
    }
    flush(&mut text, &mut tokens);
    tokens
}

/// The attributes of a tag whose name ends at `i`, leaving `i` after its `>`.
fn attributes(html: &str, i: &mut usize) -> Vec<(String, String)> {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        take_while(html, i, |b| is_space(b) || b == b'/');
        match bytes.get(*i) {
            None => break,
            Some(b'>') => {
                *i += 1;
                break;
            }
            _ => {}
        }
        let name = take_while(html, i, |b| {
            !is_space(b) && b != b'=' && b != b'>' && b != b'/'
        })
        .to_ascii_lowercase();
        if name.is_empty() {
            // A stray `=`: skip it as the tokenizer would.
            *i += 1;
            continue;
        }
        take_while(html, i, is_space);
        let mut value = String::new();
        if bytes.get(*i) == Some(&b'=') {
            *i += 1;
            take_while(html, i, is_space);
            value = match bytes.get(*i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    *i += 1;
                    let quoted = take_while(html, i, |b| b != quote);
                    // Past the closing quote, if there is one.
                    *i = (*i + 1).min(html.len());
                    quoted
                }
                _ => take_while(html, i, |b| !is_space(b) && b != b'>'),
            };
        }
        attrs.push((name, decode(&value)));
    }
    attrs
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn take_while(text: &str, i: &mut usize, keep: impl Fn(u8) -> bool) -> String {
    let start = *i;
    while text.as_bytes().get(*i).is_some_and(|&b| keep(b)) {
        *i += 1;
    }
    text[start..*i].to_owned()
}

/// `text` with character references decoded: the named ones HTML escaping produces
/// and every numeric one.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| Some((character(&rest[1..end])?, end)));
        match reference {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference such as `amp` or `#x27` stands for.
fn character(reference: &str) -> Option<char> {
    let named = match reference {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    };
    named.or_else(|| {
        let number = reference.strip_prefix('#')?;
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)
    })
}

/// Every start tag of `html`, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Token::Start(tag) => Some(tag),
            _ => None,
        })
        .collect()
}

/// The text a reader sees, whitespace collapsed to single spaces.
pub fn text(html: &str) -> String {
    let joined: String = tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Token::Text(text) => Some(text),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the `<main>` element.
pub fn main_text(html: &str) -> String {
    let start = html.find("<main").expect("the page has a <main>");
    let end = html.rfind("</main>").unwrap_or(html.len());
    text(&html[start..end])
}

/// Whether the page's main content shows the theme's empty state (`class="empty"`).
pub fn shows_empty_state(html: &str) -> bool {
    let start = html.find("<main").expect("the page has a <main>");
    tags(&html[start..]).iter().any(|t| t.has_class("empty"))
}

/// Expected table rows, written as string slices, in the shape of [`table_rows`].
pub fn rows(expected: &[&[&str]]) -> Vec<Vec<String>> {
    (expected.iter())
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// Every table row of `html` as the texts of its cells (`th` and `td`), whitespace
/// collapsed.
pub fn table_rows(html: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_cell = false;
    for token in tokens(html) {
        match token {
            Token::Start(tag) if tag.name == "tr" => {
                rows.push(Vec::new());
                in_cell = false;
            }
            Token::Start(tag) if tag.name == "td" || tag.name == "th" => {
                if let Some(row) = rows.last_mut() {
                    row.push(String::new());
                    in_cell = true;
                }
            }
            Token::End(name) if matches!(name.as_str(), "td" | "th" | "tr" | "table") => {
                in_cell = false;
            }
            Token::Text(text) if in_cell => {
                let cell = rows.last_mut().and_then(|r| r.last_mut()).unwrap();
                cell.push(' ');
                cell.push_str(&text);
            }
            _ => {}
        }
    }
    for cell in rows.iter_mut().flatten() {
        *cell = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    rows
}

/// The values of every `href` and `src` attribute, and every URL of a `srcset`, in
/// order.
pub fn links(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .flat_map(|tag| tag.attrs)
        .flat_map(|(name, value)| match name.as_str() {
            "href" | "src" => vec![value],
            "srcset" => srcset_urls(&value),
            _ => Vec::new(),
        })
        .collect()
}

/// The URLs of a `srcset`: `a.webp 400w, b.webp 800w` gives `a.webp`, `b.webp`.
pub fn srcset_urls(srcset: &str) -> Vec<String> {
    srcset
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// Slugs of the product pages a page links to (`<base_path>san-pham/<slug>/`), in
/// order of first appearance.
pub fn product_slugs(html: &str, base_path: &str) -> Vec<String> {
    let prefix = format!("{base_path}san-pham/");
    let mut slugs: Vec<String> = Vec::new();
    for link in links(html) {
        let Some(slug) = link
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix('/'))
        else {
            continue;
        };
        if !slug.is_empty() && !slug.contains('/') && !slugs.iter().any(|s| s == slug) {
            slugs.push(slug.to_owned());
        }
    }
    slugs
}
