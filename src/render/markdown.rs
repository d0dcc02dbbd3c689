//! Markdown from the content files, turned into HTML that is safe to publish.

use serde::Serialize;

use super::edition::Edition;
use crate::content;
use crate::content::embed::{parts, Part};

use super::context::{card, CardView};

/// A piece of a Markdown body: sanitised HTML, or a product card for the theme to draw.
/// Cards stay data, so the theme's own card markup is used and no HTML is built here.
#[derive(Serialize)]
pub struct Block<'a> {
    /// `""` for a card.
    pub html: String,
    pub card: Option<CardView<'a>>,
}

/// `markdown` rendered, cut at its `{{ product(slug="…") }}` lines. Each Markdown piece
/// is sanitised on its own, so content never adds HTML around a card.
pub fn blocks<'a>(ed: Edition<'a>, markdown: &str) -> Vec<Block<'a>> {
    parts(markdown)
        .into_iter()
        .filter_map(|part| match part {
            Part::Markdown(text) => Some(Block {
                html: to_html(&text),
                card: None,
            }),
            // Validation refused unknown slugs; a miss here would only drop the card.
            Part::Card(slug) => ed.catalogue.product_by_slug(slug).map(|i| Block {
                html: String::new(),
                card: Some(card(ed, &ed.catalogue.products[i])),
            }),
        })
        .collect()
}

/// Render Markdown and sanitise the result: raw HTML in the content is allowed only
/// as far as ammonia's allow-list goes, so `<script>`, event handlers and
/// `javascript:` links never reach a page.
///
/// Text nested deeper than `content::markdown::MAX_DEPTH`, which validation refuses,
/// is shown as plain text: the sanitiser would overflow the stack on it.
pub fn to_html(markdown: &str) -> String {
    let unsafe_html = content::markdown::unsanitised_html(markdown);
    if content::markdown::html_depth(&unsafe_html) > content::markdown::MAX_DEPTH {
        return format!("<p>{}</p>\n", ammonia::clean_text(markdown));
    }
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
