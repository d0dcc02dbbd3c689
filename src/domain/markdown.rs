//! Markdown as the content holds it, rendered once when the records are validated:
//! every page, feed and edition that shows a text reuses the same sanitised HTML.

/// A Markdown text and its rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markdown {
    /// As written, for plain-text uses such as search and summaries.
    pub source: String,
    /// Sanitised HTML pieces, with the product cards the text embeds between them.
    pub blocks: Vec<Block>,
}

/// A piece of a rendered Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Sanitised HTML, safe to publish as it is.
    Html(String),
    /// A product card, by slug, for the theme to draw with its own card markup.
    Card(String),
    /// The figures of a year's certification round.
    Round(i32),
}

impl Markdown {
    /// The HTML pieces joined, without the cards and rounds: a feed reader shows the
    /// text only.
    pub fn html(&self) -> String {
        (self.blocks.iter())
            .filter_map(|b| match b {
                Block::Html(html) => Some(html.as_str()),
                Block::Card(_) | Block::Round(_) => None,
            })
            .collect()
    }
}
