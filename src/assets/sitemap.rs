//! `sitemap.xml` and `robots.txt`, so that search engines find every product.

use chrono::NaiveDate;

use crate::paths;

/// The most URLs one sitemap file may list; past it, a sitemap index points at parts.
pub const MAX_URLS: usize = 50_000;

/// One page for search engines: its absolute URL, when it last changed, and the
/// same page in each language of a multilingual site, as `(hreflang, URL)`.
pub struct Entry {
    pub url: String,
    pub lastmod: NaiveDate,
    pub alternates: Vec<(&'static str, String)>,
}

/// The files to write, as (path, contents): one sitemap, or an index and its parts
/// when there are more than `max_urls` entries.
pub fn sitemaps(
    base_url: &str,
    entries: &[Entry],
    max_urls: usize,
    today: NaiveDate,
) -> Vec<(String, String)> {
    if entries.len() <= max_urls {
        return vec![(paths::SITEMAP.to_owned(), urlset(entries))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, part) in entries.chunks(max_urls.max(1)).enumerate() {
        let path = paths::sitemap_part(n + 1);
        index.push_str(&format!(
            "<sitemap><loc>{}</loc><lastmod>{today}</lastmod></sitemap>\n",
            escape(&format!("{base_url}{path}"))
        ));
        files.push((path, urlset(part)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, (paths::SITEMAP.to_owned(), index));
    files
}

fn urlset(entries: &[Entry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for entry in entries {
        xml.push_str(&format!(
            "<url><loc>{}</loc><lastmod>{}</lastmod>",
            escape(&entry.url),
            entry.lastmod
        ));
        for (lang, url) in &entry.alternates {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>",
                escape(url)
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(base_url: &str) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {base_url}{}\n",
        paths::SITEMAP
    )
}

/// `text` safe inside XML text and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(n: usize) -> Vec<Entry> {
        let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        (0..n)
            .map(|i| Entry {
                url: format!("https://example.org/san-pham/{i}/?a=1&b=2"),
                lastmod: day,
                alternates: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn one_file_up_to_the_limit() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let files = sitemaps("https://example.org/", &entries(3), 3, today);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        assert_eq!(files[0].1.matches("<url>").count(), 3);
        assert!(files[0]
            .1
            .contains("<loc>https://example.org/san-pham/0/?a=1&amp;b=2</loc>"));
        assert!(files[0].1.contains("<lastmod>2026-01-02</lastmod>"));
    }

    #[test]
    fn an_index_and_parts_past_the_limit() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let files = sitemaps("https://example.org/", &entries(7), 3, today);
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0]
            .1
            .contains("<loc>https://example.org/sitemap-3.xml</loc>"));
        let counts: Vec<usize> = files[1..]
            .iter()
            .map(|f| f.1.matches("<url>").count())
            .collect();
        assert_eq!(counts, [3, 3, 1]);
    }
}
