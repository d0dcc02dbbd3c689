//! A news item of the communications team, as published.

use chrono::NaiveDate;

use super::markdown::Markdown;
use super::product::Photo;

#[derive(Debug, Clone)]
pub struct News {
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
    pub summary: Option<String>,
    /// Published resized next to the item's page, like a product photo.
    pub cover: Option<Photo>,
    pub tags: Vec<String>,
    pub author: Option<String>,
    /// Related products (`products:`), by slug, in the order written.
    pub products: Vec<String>,
    /// Products shown as cards inside the body, by slug.
    pub embedded: Vec<String>,
    pub draft: bool,
    /// Markdown, rendered and sanitised at render time.
    pub body: Markdown,
}
