//! `sitemap.xml`, so that search engines find every product, through the theme's
//! `sitemap.xml` template, and `sitemap_index.xml` for the index that points at the
//! parts past 50,000 URLs.

use chrono::NaiveDate;
use serde::Serialize;
use tera::Context;

use crate::model::Catalogue;
use crate::paths;

use super::EditionPage;

/// The most URLs one sitemap file may list; past it, a sitemap index points at parts.
pub const MAX_URLS: usize = 50_000;

/// The template that lists pages, and the one that lists sitemap files.
pub const URLSET_TEMPLATE: &str = "sitemap.xml";
pub const INDEX_TEMPLATE: &str = "sitemap_index.xml";

/// One page for search engines: its absolute URL, when it last changed, and the
/// same page in each language of a multilingual site.
#[derive(Serialize)]
pub struct Entry {
    pub url: String,
    /// `YYYY-MM-DD`.
    pub lastmod: String,
    pub alternates: Vec<Alternate>,
}

#[derive(Serialize)]
pub struct Alternate {
    pub lang: &'static str,
    pub url: String,
}

#[derive(Serialize)]
struct Part {
    url: String,
}

/// The sitemap's entries: the pages of `jobs` that search engines should find.
pub fn entries(catalogue: &Catalogue, jobs: &[EditionPage]) -> Vec<Entry> {
    let site = &catalogue.site;
    (jobs.iter())
        .filter(|(_, job)| job.in_sitemap())
        .map(|&(lang, job)| Entry {
            url: site.absolute(&job.path(catalogue, lang)),
            lastmod: job.lastmod(catalogue).to_string(),
            alternates: (job.translations(catalogue).into_iter())
                .map(|(l, path)| Alternate {
                    lang: l.code(),
                    url: site.absolute(&path),
                })
                .collect(),
        })
        .collect()
}

/// The files to write, as (path, template, context): one sitemap, or an index and
/// its parts when there are more than `max_urls` entries.
pub fn files(
    base_url: &str,
    entries: &[Entry],
    max_urls: usize,
    today: NaiveDate,
) -> Vec<(String, &'static str, Context)> {
    let urlset = |part: &[Entry]| {
        let mut cx = Context::new();
        cx.insert("entries", part);
        cx
    };
    if entries.len() <= max_urls {
        return vec![(paths::SITEMAP.to_owned(), URLSET_TEMPLATE, urlset(entries))];
    }
    let mut files = Vec::new();
    let mut parts = Vec::new();
    for (n, part) in entries.chunks(max_urls.max(1)).enumerate() {
        let path = paths::sitemap_part(n + 1);
        parts.push(Part {
            url: format!("{base_url}{path}"),
        });
        files.push((path, URLSET_TEMPLATE, urlset(part)));
    }
    let mut index = Context::new();
    index.insert("parts", &parts);
    index.insert("lastmod", &today.to_string());
    files.insert(0, (paths::SITEMAP.to_owned(), INDEX_TEMPLATE, index));
    files
}

/// `robots.txt`, through the theme's template: it names the sitemap.
pub fn robots_context(base_url: &str) -> Context {
    let mut cx = Context::new();
    cx.insert("sitemap_url", &format!("{base_url}{}", paths::SITEMAP));
    cx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(n: usize) -> Vec<Entry> {
        let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        (0..n)
            .map(|i| Entry {
                url: format!("https://example.org/san-pham/{i}/?a=1&b=2"),
                lastmod: day.to_string(),
                alternates: Vec::new(),
            })
            .collect()
    }

    /// The files as the default theme's templates write them, as (path, text).
    fn rendered(n: usize, max_urls: usize) -> Vec<(String, String)> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut tera = tera::Tera::new();
        tera.add_raw_templates([
            (
                URLSET_TEMPLATE,
                include_str!("../../themes/default/templates/sitemap.xml"),
            ),
            (
                INDEX_TEMPLATE,
                include_str!("../../themes/default/templates/sitemap_index.xml"),
            ),
        ])
        .unwrap();
        files("https://example.org/", &entries(n), max_urls, today)
            .into_iter()
            .map(|(path, template, cx)| (path, tera.render(template, &cx).unwrap()))
            .collect()
    }

    #[test]
    fn one_file_up_to_the_limit() {
        let files = rendered(3, 3);
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
        let files = rendered(7, 3);
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
