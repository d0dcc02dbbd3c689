//! The Atom feed of the news, `/tin-tuc/atom.xml` (RFC 4287), through the theme's
//! `atom.xml` template.

use serde::Serialize;
use tera::Context;

use crate::domain::Lang;
use crate::model::Catalogue;
use crate::paths;

/// Items in the feed: readers poll it, so it stays small.
pub const MAX_ENTRIES: usize = 20;

#[derive(Serialize)]
struct Feed<'a> {
    lang: &'static str,
    base_url: &'a str,
    url: String,
    listing_url: String,
    site_title: String,
    subtitle: Option<String>,
    updated: String,
    /// An entry without its own author takes the feed's.
    author: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    url: String,
    title: String,
    updated: String,
    author: Option<String>,
    tags: Vec<String>,
    summary: Option<String>,
    /// The body's HTML, which the template escapes once more: Atom's `type="html"`.
    content_html: String,
}

/// The template's values: the newest published items.
pub fn context(catalogue: &Catalogue) -> Context {
    let site = &catalogue.site;
    // Atom wants a date-time; the records know days only.
    let stamp = |date: chrono::NaiveDate| format!("{date}T00:00:00Z");
    let updated = catalogue.news.first().map_or(catalogue.today, |n| n.date);
    let entries = (catalogue.news.iter().take(MAX_ENTRIES))
        .map(|news| Entry {
            url: site.absolute(&paths::news(Lang::Vi, &news.slug)),
            title: xml_text(&news.title),
            updated: stamp(news.date),
            author: news.author.as_deref().map(xml_text),
            tags: news.tags.iter().map(|t| xml_text(t)).collect(),
            summary: news.summary.as_deref().map(xml_text),
            // Card lines are left out: a reader shows the text, the page shows the cards.
            content_html: xml_text(&news.body.html()),
        })
        .collect();
    let feed = Feed {
        lang: site.main_language().code(),
        base_url: &site.base_url,
        url: site.absolute(paths::NEWS_FEED),
        listing_url: site.absolute(&paths::news_list(Lang::Vi, 1)),
        site_title: xml_text(&site.title),
        subtitle: Some(xml_text(&site.description)).filter(|d| !d.is_empty()),
        updated: stamp(updated),
        author: xml_text(&site.title),
        entries,
    };
    let mut cx = Context::new();
    cx.insert("feed", &feed);
    cx
}

/// `text` with a space for each character XML 1.0 forbids (C0 controls but tab and
/// line ends): content loading already replaces them, but a YAML `"\v"` escape still
/// makes one, and a single one would make the whole feed unreadable. The template
/// escapes the rest.
fn xml_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{7f}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}
