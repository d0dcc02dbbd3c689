//! A rendered Markdown body as templates see it: its sanitised HTML pieces, and the
//! product cards between them as card views.

use serde::Serialize;

use crate::domain::markdown::{self, Markdown};

use super::context::{card, CardView};
use super::round_view::{self, RoundView};
use crate::edition::Edition;

/// A piece of a Markdown body: sanitised HTML, or a product card or a round's figures
/// for the theme to draw. They stay data, so the theme's own markup is used and no
/// HTML is built here.
#[derive(Serialize)]
pub struct Block<'a> {
    /// `""` for a card or a round.
    pub html: &'a str,
    pub card: Option<CardView<'a>>,
    pub round: Option<RoundView<'a>>,
}

/// The blocks of `body`, rendered once when the records were validated.
pub fn blocks<'a>(ed: Edition<'a>, body: &'a Markdown) -> Vec<Block<'a>> {
    (body.blocks.iter())
        .filter_map(|block| match block {
            markdown::Block::Html(html) => Some(Block {
                html,
                card: None,
                round: None,
            }),
            // Validation refused unknown slugs and years; a miss here would only drop
            // the card or the figures.
            markdown::Block::Card(slug) => ed.catalogue.product_by_slug(slug).map(|i| Block {
                html: "",
                card: Some(card(ed, &ed.catalogue.products[i])),
                round: None,
            }),
            markdown::Block::Round(year) => ed.catalogue.round(*year).map(|round| Block {
                html: "",
                card: None,
                // The embed shows the figures only.
                round: Some(round_view::view(ed, round, 0..0)),
            }),
        })
        .collect()
}
