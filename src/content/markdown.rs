//! Markdown as the content holds it: the one place its syntax options are set, how
//! deeply it nests, and its rendering into sanitised HTML.
//!
//! Validation refuses text that nests too deeply before it is rendered, because the
//! sanitiser's HTML parser recurses per level: a few thousand nested quotes, lists or
//! `<div>`s overflow a thread's stack and abort the process.

use pulldown_cmark::{html, Event, Options, Parser};

use crate::domain::markdown::{Block, Markdown};

use super::embed::{parts, Part};

/// A description, rendered whole: its card lines, if any, stay text.
pub fn render(source: &str) -> Markdown {
    Markdown {
        source: source.to_owned(),
        blocks: vec![Block::Html(to_html(source))],
    }
}

/// A page or news body, cut at its `{{ product(slug="…") }}` lines. Each Markdown
/// piece is sanitised on its own, so content never adds HTML around a card.
pub fn render_with_cards(source: &str) -> Markdown {
    let blocks = (parts(source).into_iter())
        .map(|part| match part {
            Part::Markdown(text) => Block::Html(to_html(&text)),
            Part::Card(slug) => Block::Card(slug.to_owned()),
            Part::Round(year) => Block::Round(year),
        })
        .collect();
    Markdown {
        source: source.to_owned(),
        blocks,
    }
}

/// Render Markdown and sanitise the result: raw HTML in the content is allowed only
/// as far as ammonia's allow-list goes, so `<script>`, event handlers and
/// `javascript:` links never reach a page.
///
/// Text nested deeper than [`MAX_DEPTH`], which validation refuses, is shown as plain
/// text: the sanitiser would overflow the stack on it.
pub fn to_html(markdown: &str) -> String {
    let unsafe_html = unsanitised_html(markdown);
    if html_depth(&unsafe_html) > MAX_DEPTH {
        return format!("<p>{}</p>\n", ammonia::clean_text(markdown));
    }
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

/// The deepest nesting of elements Markdown may produce. A description needs a list
/// in a quote at most; measured, 3,000 levels abort the build.
pub const MAX_DEPTH: usize = 40;

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// `markdown` as HTML, before sanitising: raw HTML in it passes through.
pub fn unsanitised_html(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html, Parser::new_ext(markdown, OPTIONS));
    html
}

/// How deeply a Markdown text nests elements: quotes, lists and raw HTML tags alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nesting {
    pub deepest: usize,
    /// The byte of the text where the nesting first passes `MAX_DEPTH`.
    pub too_deep_at: Option<usize>,
}

pub fn nesting(markdown: &str) -> Nesting {
    let mut depth = 0usize;
    let mut nesting = Nesting {
        deepest: 0,
        too_deep_at: None,
    };
    let mut step = |depth: usize, at: usize| {
        nesting.deepest = nesting.deepest.max(depth);
        if depth > MAX_DEPTH && nesting.too_deep_at.is_none() {
            nesting.too_deep_at = Some(at);
        }
    };
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                for opens in tags(&html) {
                    depth = if opens {
                        depth + 1
                    } else {
                        depth.saturating_sub(1)
                    };
                    step(depth, range.start);
                }
            }
            _ => {}
        }
        step(depth, range.start);
    }
    nesting
}

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The deepest element nesting of `html`, counted from its tags.
pub fn html_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for opens in tags(html) {
        depth = if opens {
            depth + 1
        } else {
            depth.saturating_sub(1)
        };
        deepest = deepest.max(depth);
    }
    deepest
}

/// For each start or end tag of `html` in order, whether it opens an element. Text
/// never holds a bare `<` in the renderer's output: every `<` starts a tag, a comment
/// or a declaration. Unclosed tags count as open, which errs on the deep side.
fn tags(html: &str) -> impl Iterator<Item = bool> + '_ {
    let mut rest = html;
    std::iter::from_fn(move || loop {
        let at = rest.find('<')?;
        rest = &rest[at + 1..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        if let Some(closing) = tag.strip_prefix('/') {
            if closing.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return Some(false);
            }
            continue;
        }
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if !VOID.contains(&name.as_str()) && !tag.trim_end_matches('>').ends_with('/') {
            return Some(true);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deepest(markdown: &str) -> usize {
        nesting(markdown).deepest
    }

    #[test]
    fn counts_quotes_lists_and_raw_html_alike() {
        assert_eq!(deepest("Hạt dẻ **bùi**"), 2);
        assert_eq!(deepest("> > > x"), 4);
        assert_eq!(deepest("- a\n  - b\n    - c"), 6);
        // The HTML block around raw HTML counts as a level too.
        assert_eq!(deepest("<div><div><div>x</div></div></div>"), 4);
        assert_eq!(deepest("a<br>b<img src=x><hr/>"), 1);
        assert_eq!(deepest("`<div><div>` and 1 < 2"), 1);
        assert_eq!(html_depth("<p><b>x</b><br></p><div></div>"), 2);
    }

    #[test]
    fn finds_where_a_hostile_depth_starts_without_recursing() {
        let text = format!("ok\n\n{}x", "> ".repeat(100_000));
        let found = nesting(&text);
        assert!(found.deepest > 100_000);
        // Where the quote one level too deep starts, on the third line.
        assert_eq!(found.too_deep_at, Some(4 + 2 * MAX_DEPTH));
        let divs = format!("ok\n\n{}", "<div>".repeat(100_000));
        assert_eq!(nesting(&divs).too_deep_at, Some(4));
        assert_eq!(html_depth(&"<div>".repeat(100_000)), 100_000);
        assert_eq!(nesting("> > x").too_deep_at, None);
    }

    #[test]
    fn renders_markdown() {
        assert_eq!(
            to_html("**Hạt dẻ** ngon"),
            "<p><strong>Hạt dẻ</strong> ngon</p>\n"
        );
    }

    #[test]
    fn too_deep_a_text_shows_as_plain_text() {
        let html = to_html(&"<div>".repeat(5_000));
        assert!(html.starts_with("<p>&lt;div&gt;"), "{}", &html[..40]);
    }

    #[test]
    fn removes_scripts_handlers_and_javascript_links() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <a href=\"data:text/html,x\">y</a>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
    }
}
