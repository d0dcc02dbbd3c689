//! What the news templates see: an item in a list, a whole item with its body cut at
//! the product cards, and the pagination of `/tin-tuc/`.

use serde::Serialize;

use crate::domain::News;

use crate::model::Catalogue;
use crate::paths;

use super::context::{cards, image_at, ImageView};
use super::markdown::{blocks, Block};
use crate::edition::Edition;

/// Items per page of `/tin-tuc/`.
pub const PER_PAGE: usize = 10;

/// A news item in a list: the listing, a product page.
#[derive(Serialize)]
pub struct NewsItemView<'a> {
    pub slug: &'a str,
    pub url: String,
    pub title: &'a str,
    pub date: String,
    pub date_display: String,
    pub summary: Option<&'a str>,
    pub cover: Option<ImageView<'a>>,
    pub tags: &'a [String],
    pub author: Option<&'a str>,
    pub draft: bool,
    /// News is written in the records' language only: that language, on the other
    /// editions.
    pub lang: Option<&'static str>,
}

/// A whole news item, for its own page.
#[derive(Serialize)]
pub struct NewsView<'a> {
    #[serde(flatten)]
    pub item: NewsItemView<'a>,
    pub body: Vec<Block<'a>>,
    /// The related products (`products:`), as cards.
    pub products: Vec<super::context::CardView<'a>>,
}

pub fn item<'a>(ed: Edition<'a>, news: &'a News) -> NewsItemView<'a> {
    let catalogue = ed.catalogue;
    let mut cover = news
        .cover
        .as_ref()
        .map(|c| image_at(ed, &news.slug, paths::news_photo, c));
    let lang = ed.records_language();
    if let Some(cover) = &mut cover {
        cover.lang = lang;
    }
    NewsItemView {
        slug: &news.slug,
        url: ed.link(&paths::news(ed.lang, &news.slug)),
        title: &news.title,
        date: news.date.to_string(),
        date_display: ed.date(news.date),
        summary: news.summary.as_deref(),
        cover,
        tags: &news.tags,
        author: news.author.as_deref(),
        draft: news.draft || news.date > catalogue.today,
        lang,
    }
}

pub fn view<'a>(ed: Edition<'a>, news: &'a News) -> NewsView<'a> {
    let related: Vec<usize> = news
        .products
        .iter()
        .filter_map(|slug| ed.catalogue.product_by_slug(slug))
        .collect();
    NewsView {
        item: item(ed, news),
        body: blocks(ed, &news.body),
        products: cards(ed, &related),
    }
}

/// Items of a list of news indexes.
pub fn items<'a>(ed: Edition<'a>, news: &[usize]) -> Vec<NewsItemView<'a>> {
    news.iter()
        .map(|&n| item(ed, &ed.catalogue.news[n]))
        .collect()
}

/// Pages of `/tin-tuc/`: one, even when there is no news yet.
pub fn listing_pages(catalogue: &Catalogue) -> usize {
    catalogue.news.len().div_ceil(PER_PAGE).max(1)
}
