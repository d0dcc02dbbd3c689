//! The Atom feed of the news, `/tin-tuc/atom.xml` (RFC 4287), written by hand: it is a
//! few elements, and every text goes through [`escape`].

use crate::domain::Lang;
use crate::model::Catalogue;
use crate::paths;

use super::sitemap;

/// `text` escaped for XML, with a space for each character XML 1.0 forbids (C0
/// controls but tab and line ends): content loading already replaces them, but a YAML
/// `"\v"` escape still makes one, and a single one would make the whole feed unreadable.
fn escape(text: &str) -> String {
    let allowed = |c: char| {
        if c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{7f}') {
            ' '
        } else {
            c
        }
    };
    sitemap::escape(&text.chars().map(allowed).collect::<String>())
}

/// Items in the feed: readers poll it, so it stays small.
pub const MAX_ENTRIES: usize = 20;

/// The feed of the newest published items.
pub fn atom(catalogue: &Catalogue) -> String {
    let site = &catalogue.site;
    let feed_url = site.absolute(paths::NEWS_FEED);
    let listing = site.absolute(&paths::news_list(Lang::Vi, 1));
    // Atom wants a date-time; the records know days only.
    let stamp = |date: chrono::NaiveDate| format!("{date}T00:00:00Z");
    let updated = catalogue.news.first().map_or(catalogue.today, |n| n.date);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\" xml:base=\"{}\">\n",
        site.languages.first().copied().unwrap_or(Lang::Vi).code(),
        escape(&site.base_url)
    ));
    xml.push_str(&format!("<id>{}</id>\n", escape(&feed_url)));
    xml.push_str(&format!(
        "<title>{}</title>\n",
        escape(&format!("Tin tức – {}", site.title))
    ));
    if !site.description.is_empty() {
        xml.push_str(&format!(
            "<subtitle>{}</subtitle>\n",
            escape(&site.description)
        ));
    }
    xml.push_str(&format!("<updated>{}</updated>\n", stamp(updated)));
    // An entry without its own author takes the feed's.
    xml.push_str(&format!(
        "<author><name>{}</name></author>\n",
        escape(&site.title)
    ));
    xml.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&feed_url)
    ));
    xml.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&listing)
    ));
    for news in catalogue.news.iter().take(MAX_ENTRIES) {
        let url = site.absolute(&paths::news(Lang::Vi, &news.slug));
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<id>{}</id>\n", escape(&url)));
        xml.push_str(&format!("<title>{}</title>\n", escape(&news.title)));
        xml.push_str(&format!("<updated>{}</updated>\n", stamp(news.date)));
        xml.push_str(&format!("<published>{}</published>\n", stamp(news.date)));
        xml.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&url)
        ));
        if let Some(author) = &news.author {
            xml.push_str(&format!(
                "<author><name>{}</name></author>\n",
                escape(author)
            ));
        }
        for tag in &news.tags {
            xml.push_str(&format!("<category term=\"{}\"/>\n", escape(tag)));
        }
        if let Some(summary) = &news.summary {
            xml.push_str(&format!("<summary>{}</summary>\n", escape(summary)));
        }
        // Card lines are left out: a reader shows the text, the page shows the cards.
        let body = news.body.html();
        xml.push_str(&format!(
            "<content type=\"html\">{}</content>\n",
            escape(&body)
        ));
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
