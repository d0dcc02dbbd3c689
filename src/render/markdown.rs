//! A rendered Markdown body as templates see it: its sanitised HTML pieces, and the
//! product cards between them as card views.

use serde::Serialize;

use crate::domain::markdown::{self, Markdown};

use super::context::{card, CardView};
use crate::edition::Edition;

/// A piece of a Markdown body: sanitised HTML, or a product card for the theme to draw.
/// Cards stay data, so the theme's own card markup is used and no HTML is built here.
#[derive(Serialize)]
pub struct Block<'a> {
    /// `""` for a card.
    pub html: &'a str,
    pub card: Option<CardView<'a>>,
}

/// The blocks of `body`, rendered once when the records were validated.
pub fn blocks<'a>(ed: Edition<'a>, body: &'a Markdown) -> Vec<Block<'a>> {
    (body.blocks.iter())
        .filter_map(|block| match block {
            markdown::Block::Html(html) => Some(Block { html, card: None }),
            // Validation refused unknown slugs; a miss here would only drop the card.
            markdown::Block::Card(slug) => ed.catalogue.product_by_slug(slug).map(|i| Block {
                html: "",
                card: Some(card(ed, &ed.catalogue.products[i])),
            }),
        })
        .collect()
}
