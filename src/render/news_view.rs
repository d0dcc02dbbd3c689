//! What the news templates see: an item in a list, a whole item with its body cut at
//! the product cards, and the pagination of `/tin-tuc/`.

use serde::Serialize;

use crate::model::{Catalogue, News};
use crate::paths;

use super::context::{cards, display_date, image_at, ImageView};
use super::markdown::{blocks, Block};

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

pub fn item<'a>(catalogue: &'a Catalogue, news: &'a News) -> NewsItemView<'a> {
    NewsItemView {
        slug: &news.slug,
        url: catalogue.site.link(&paths::news(&news.slug)),
        title: &news.title,
        date: news.date.to_string(),
        date_display: display_date(news.date),
        summary: news.summary.as_deref(),
        cover: news
            .cover
            .as_ref()
            .map(|c| image_at(catalogue, &news.slug, paths::news_photo, c)),
        tags: &news.tags,
        author: news.author.as_deref(),
        draft: news.draft || news.date > catalogue.today,
    }
}

pub fn view<'a>(catalogue: &'a Catalogue, news: &'a News) -> NewsView<'a> {
    let related: Vec<usize> = news
        .products
        .iter()
        .filter_map(|slug| catalogue.product_by_slug(slug))
        .collect();
    NewsView {
        item: item(catalogue, news),
        body: blocks(catalogue, &news.body),
        products: cards(catalogue, &related),
    }
}

/// Items of a list of news indexes.
pub fn items<'a>(catalogue: &'a Catalogue, news: &[usize]) -> Vec<NewsItemView<'a>> {
    news.iter()
        .map(|&n| item(catalogue, &catalogue.news[n]))
        .collect()
}

/// Pages of `/tin-tuc/`: one, even when there is no news yet.
pub fn listing_pages(catalogue: &Catalogue) -> usize {
    catalogue.news.len().div_ceil(PER_PAGE).max(1)
}
