//! The list of pages a catalogue publishes, and the context each one is rendered with.

use serde::Serialize;
use tera::Context;

use crate::domain::{Lang, STAR_LEVELS};

use crate::model::Catalogue;
use crate::paths;

use super::context::{self, cards, district_link, producer, Alternate, PageMeta};
use super::{data_view, news_view, product_view, search, stats, structured_data, EditionPage};
use crate::edition::{split, Edition};

/// One page to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PageJob {
    Home,
    /// A page of the full product listing, from 1.
    Products(usize),
    Product(usize),
    /// The printable sheet of a product.
    ProductSheet(usize),
    /// A product's earlier slug (product, alias), redirecting to its page.
    Alias(usize, usize),
    District(usize),
    /// A page of a star level's listing (stars, page from 1).
    Stars(u8, usize),
    /// A page of a category's listing (category, page from 1).
    Category(usize, usize),
    Producers,
    Producer(usize),
    Stats,
    /// The open-data page.
    Data,
    Search,
    Page(usize),
    /// A page of the news listing, from 1.
    NewsList(usize),
    News(usize),
    NotFound,
}

/// Every page of every edition, the main edition first, in a stable order.
pub fn all(catalogue: &Catalogue) -> Vec<EditionPage> {
    in_editions(catalogue, &every_page(catalogue))
}

/// `jobs` in each edition that has them.
pub fn in_editions(catalogue: &Catalogue, jobs: &[PageJob]) -> Vec<EditionPage> {
    let languages = &catalogue.site.languages;
    (languages.iter().enumerate())
        .flat_map(|(k, &lang)| {
            (jobs.iter())
                .filter(move |job| k == 0 || job.in_translations())
                .map(move |&job| (lang, job))
        })
        .collect()
}

fn every_page(catalogue: &Catalogue) -> Vec<PageJob> {
    let mut jobs = vec![
        PageJob::Home,
        PageJob::Producers,
        PageJob::Stats,
        PageJob::Data,
        PageJob::Search,
        PageJob::NotFound,
    ];
    let per_page = catalogue.site.products_per_page;
    jobs.extend((1..=page_count(catalogue.index.listed.len(), per_page)).map(PageJob::Products));
    jobs.extend((0..catalogue.products.len()).map(PageJob::Product));
    // No sheet for an expired product: it must not be handed out as certified.
    jobs.extend(
        catalogue
            .index
            .listed
            .iter()
            .map(|&i| PageJob::ProductSheet(i)),
    );
    for (i, product) in catalogue.products.iter().enumerate() {
        jobs.extend((0..product.aliases.len()).map(|a| PageJob::Alias(i, a)));
    }
    jobs.extend((0..catalogue.districts.len()).map(PageJob::District));
    for &s in STAR_LEVELS.iter().rev() {
        let pages = page_count(catalogue.with_stars(s).len(), per_page);
        jobs.extend((1..=pages).map(|n| PageJob::Stars(s, n)));
    }
    for (c, ids) in catalogue.index.by_category.iter().enumerate() {
        jobs.extend((1..=page_count(ids.len(), per_page)).map(|n| PageJob::Category(c, n)));
    }
    jobs.extend((0..catalogue.producers.len()).map(PageJob::Producer));
    jobs.extend((0..catalogue.pages.len()).map(PageJob::Page));
    jobs.extend((1..=news_view::listing_pages(catalogue)).map(PageJob::NewsList));
    jobs.extend((0..catalogue.news.len()).map(PageJob::News));
    jobs
}

/// Pages needed to list `items` at `per_page` a page; an empty listing still has one.
pub(super) fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// Page `n` (from 1) of `ids` at `per_page` a page.
fn page_of(ids: &[usize], n: usize, per_page: usize) -> &[usize] {
    let start = ((n - 1) * per_page).min(ids.len());
    let end = (start + per_page).min(ids.len());
    &ids[start..end]
}

/// The title of page `n` of a listing called `title`.
fn paged_title(ed: Edition<'_>, title: String, n: usize) -> String {
    if n > 1 {
        ed.strings
            .fill("title_paged", &[("title", &title), ("n", &n.to_string())])
    } else {
        title
    }
}

impl PageJob {
    /// Whether the other editions have this page too. Old product addresses exist in
    /// the main edition only, as printed in QR codes, and one error page serves all.
    pub fn in_translations(self) -> bool {
        !matches!(self, PageJob::Alias(..) | PageJob::NotFound)
    }

    /// The page's path below the site root in the edition of `lang`, as in `paths`.
    pub fn path(self, catalogue: &Catalogue, lang: Lang) -> String {
        match self {
            PageJob::Home => paths::home(lang),
            PageJob::Products(n) => paths::products(lang, n),
            PageJob::Product(i) => paths::product(lang, &catalogue.products[i].slug),
            PageJob::ProductSheet(i) => paths::product_sheet(lang, &catalogue.products[i].slug),
            PageJob::Alias(i, a) => paths::product(lang, &catalogue.products[i].aliases[a]),
            PageJob::District(d) => paths::district(lang, &catalogue.districts[d].id),
            PageJob::Stars(s, n) => paths::stars_page(lang, s, n),
            PageJob::Category(c, n) => paths::category_page(lang, &catalogue.categories[c].id, n),
            PageJob::Producers => paths::producers(lang),
            PageJob::Producer(p) => paths::producer(lang, &catalogue.producers[p].id),
            PageJob::Stats => paths::stats(lang),
            PageJob::Data => paths::data_page(lang),
            PageJob::Search => paths::search(lang),
            PageJob::Page(i) => paths::page(lang, &catalogue.pages[i].slug),
            PageJob::NewsList(n) => paths::news_list(lang, n),
            PageJob::News(i) => paths::news(lang, &catalogue.news[i].slug),
            PageJob::NotFound => paths::NOT_FOUND.into(),
        }
    }

    /// The page's path in each of the site's languages; none on a site of one, or
    /// for a page of the main edition only.
    pub fn translations(self, catalogue: &Catalogue) -> Vec<(Lang, String)> {
        let languages = &catalogue.site.languages;
        if languages.len() < 2 || !self.in_translations() {
            return Vec::new();
        }
        (languages.iter())
            .map(|&lang| (lang, self.path(catalogue, lang)))
            .collect()
    }

    /// The page in each of the site's languages, for `hreflang` and the switch.
    fn alternates<'a>(self, ed: Edition<'a>) -> Vec<Alternate<'a>> {
        let site = &ed.catalogue.site;
        (self.translations(ed.catalogue).into_iter())
            .map(|(lang, path)| Alternate {
                code: lang.code(),
                name: ed.language_name(lang),
                url: site.link(&path),
                absolute: site.absolute(&path),
                current: lang == ed.lang,
            })
            .collect()
    }

    pub fn template(self) -> &'static str {
        match self {
            PageJob::Home => "index.html",
            PageJob::Products(_) => "products.html",
            PageJob::Product(_) => "product.html",
            PageJob::ProductSheet(_) => "product_sheet.html",
            PageJob::Alias(..) => "redirect.html",
            PageJob::District(_) => "district.html",
            PageJob::Stars(..) => "star.html",
            PageJob::Category(..) => "category.html",
            PageJob::Producers => "producers.html",
            PageJob::Producer(_) => "producer.html",
            PageJob::Stats => "stats.html",
            PageJob::Data => "data.html",
            PageJob::Search => "search.html",
            PageJob::Page(_) => "page.html",
            PageJob::NewsList(_) => "news_list.html",
            PageJob::News(_) => "news.html",
            PageJob::NotFound => "404.html",
        }
    }

    /// Whether search engines should find the page: not the redirects, the print
    /// sheets (copies of product pages) or the error page.
    pub fn in_sitemap(self) -> bool {
        !matches!(
            self,
            PageJob::Alias(..) | PageJob::ProductSheet(_) | PageJob::NotFound
        )
    }

    /// When the page last changed, as far as the records tell: a product page with its
    /// latest rating, a news item with its date, everything else (listings, counts)
    /// with the build.
    pub fn lastmod(self, catalogue: &Catalogue) -> chrono::NaiveDate {
        match self {
            // A draft previewed with `--drafts` may be dated later than the build.
            PageJob::News(i) => catalogue.news[i].date.min(catalogue.today),
            PageJob::Product(i) => {
                let product = &catalogue.products[i];
                product
                    .history
                    .iter()
                    .map(|r| r.date)
                    .chain([product.certificate.date])
                    .max()
                    .unwrap_or(catalogue.today)
                    .min(catalogue.today)
            }
            _ => catalogue.today,
        }
    }

    /// The template's own values, and the page's title and description, in the
    /// edition's language.
    pub fn context(self, ed: Edition<'_>) -> Context {
        let (catalogue, lang) = (ed.catalogue, ed.lang);
        let site = &catalogue.site;
        let mut cx = Context::new();
        let (title, description): (String, Option<String>) = match self {
            PageJob::Home => {
                let featured: Vec<usize> = catalogue
                    .index
                    .listed
                    .iter()
                    .copied()
                    .filter(|&i| catalogue.products[i].featured)
                    .collect();
                cx.insert("featured", &cards(ed, &featured));
                cx.insert(
                    "totals",
                    &Totals {
                        products: catalogue.index.listed.len(),
                        producers: catalogue
                            .index
                            .by_producer
                            .iter()
                            .filter(|p| !p.is_empty())
                            .count(),
                        districts: catalogue.districts.len(),
                        categories: catalogue.categories.len(),
                    },
                );
                (site.title_in(lang).text.to_owned(), None)
            }
            PageJob::Products(n) => {
                let listed = &catalogue.index.listed;
                insert_listing(&mut cx, ed, listed, n, |n| paths::products(lang, n));
                (paged_title(ed, ed.t("title_products").into(), n), None)
            }
            PageJob::Product(i) | PageJob::ProductSheet(i) => {
                let product = &catalogue.products[i];
                cx.insert("product", &product_view::view(ed, product));
                cx.insert(
                    "news",
                    &news_view::items(ed, &catalogue.index.news_by_product[i]),
                );
                product_title(ed, i)
            }
            PageJob::Alias(i, _) => {
                let product = &catalogue.products[i];
                cx.insert("target", &ed.absolute(&paths::product(lang, &product.slug)));
                product_title(ed, i)
            }
            PageJob::Data => {
                cx.insert("data", &data_view::view(ed));
                (ed.t("title_data").into(), None)
            }
            PageJob::District(d) => {
                let ids = &catalogue.index.by_district[d];
                let groups: Vec<StarGroup> = STAR_LEVELS
                    .iter()
                    .map(|&stars| {
                        let of_level: Vec<usize> = ids
                            .iter()
                            .copied()
                            .filter(|&i| catalogue.products[i].stars == stars)
                            .collect();
                        StarGroup {
                            stars,
                            products: cards(ed, &of_level),
                        }
                    })
                    .filter(|g| !g.products.is_empty())
                    .collect();
                cx.insert("district", &district_link(ed, d));
                cx.insert("groups", &groups);
                let name = catalogue.districts[d].name_in(lang).text;
                (ed.strings.fill("title_district", &[("name", name)]), None)
            }
            PageJob::Stars(stars, n) => {
                cx.insert("stars", &stars);
                let ids = catalogue.with_stars(stars);
                insert_listing(&mut cx, ed, ids, n, |n| paths::stars_page(lang, stars, n));
                let title = (ed.strings).fill("title_stars", &[("n", &stars.to_string())]);
                (paged_title(ed, title, n), None)
            }
            PageJob::Category(c, n) => {
                let category = &catalogue.categories[c];
                let ids = &catalogue.index.by_category[c];
                let subcategories: Vec<SubcategoryCount> = category
                    .subcategories
                    .iter()
                    .enumerate()
                    .map(|(s, sub)| SubcategoryCount {
                        id: &sub.id,
                        name: sub.name_in(lang).text,
                        lang: sub.name_in(lang).lang,
                        count: ids
                            .iter()
                            .filter(|&&i| catalogue.products[i].subcategory == Some(s))
                            .count(),
                    })
                    .collect();
                cx.insert(
                    "category",
                    &CategoryView {
                        link: context::category_link(ed, c),
                        subcategories,
                    },
                );
                insert_listing(&mut cx, ed, ids, n, |n| {
                    paths::category_page(lang, &category.id, n)
                });
                (paged_title(ed, category.name_in(lang).text.into(), n), None)
            }
            PageJob::Producers => {
                let groups: Vec<ProducerGroup> = (catalogue.index.producers_by_district.iter())
                    .enumerate()
                    .map(|(d, ids)| ProducerGroup {
                        district: context::district_ref(ed, d),
                        producers: ids.iter().map(|&p| producer(ed, p, false)).collect(),
                    })
                    .filter(|g| !g.producers.is_empty())
                    .collect();
                cx.insert("groups", &groups);
                cx.insert("total", &catalogue.producers.len());
                (ed.t("title_producers").into(), None)
            }
            PageJob::Producer(p) => {
                cx.insert("producer", &producer(ed, p, true));
                cx.insert("products", &cards(ed, &catalogue.index.by_producer[p]));
                (catalogue.producers[p].name_in(lang).text.into(), None)
            }
            PageJob::Stats => {
                cx.insert("stats", &stats::view(ed));
                (ed.t("title_stats").into(), None)
            }
            PageJob::Search => {
                cx.insert("search", &search::view(ed));
                (ed.t("title_search").into(), None)
            }
            PageJob::Page(i) => {
                let page = &catalogue.pages[i];
                let (title, title_lang) = split(page.title_in(lang));
                let body = page.body_in(lang);
                cx.insert(
                    "content",
                    &Content {
                        slug: &page.slug,
                        title,
                        lang: title_lang.or(body.lang),
                        body: super::markdown::blocks(ed, body.text),
                    },
                );
                (
                    title.into(),
                    page.description_in(lang).map(|d| d.text.into()),
                )
            }
            PageJob::NewsList(n) => {
                let start = ((n - 1) * news_view::PER_PAGE).min(catalogue.news.len());
                let end = (start + news_view::PER_PAGE).min(catalogue.news.len());
                let shown: Vec<usize> = (start..end).collect();
                cx.insert("news", &news_view::items(ed, &shown));
                cx.insert("total", &catalogue.news.len());
                cx.insert(
                    "pagination",
                    &pagination(n, news_view::listing_pages(catalogue), |n| {
                        ed.link(&paths::news_list(lang, n))
                    }),
                );
                (paged_title(ed, ed.t("title_news").into(), n), None)
            }
            PageJob::News(i) => {
                let news = &catalogue.news[i];
                cx.insert("news", &news_view::view(ed, news));
                (news.title.clone(), news.summary.clone())
            }
            PageJob::NotFound => (ed.t("title_not_found").into(), None),
        };
        let path = self.path(catalogue, lang);
        let site_title = site.title_in(lang).text;
        let full_title = if self == PageJob::Home {
            title
        } else {
            format!("{title} – {site_title}")
        };
        cx.insert(
            "page",
            &PageMeta {
                kind: self.template().trim_end_matches(".html"),
                lang: lang.code(),
                alternates: self.alternates(ed),
                title: full_title,
                description: description
                    .unwrap_or_else(|| site.description_in(lang).text.to_owned()),
                url: ed.link(&path),
                canonical: match self {
                    // A copy's canonical URL is the page it copies.
                    PageJob::ProductSheet(i) | PageJob::Alias(i, _) => {
                        ed.absolute(&paths::product(lang, &catalogue.products[i].slug))
                    }
                    _ => ed.absolute(&path),
                },
                og_type: match self {
                    PageJob::Product(_) => "product",
                    PageJob::News(_) => "article",
                    _ => "website",
                },
                image: match self {
                    PageJob::Product(i) | PageJob::ProductSheet(i) => {
                        context::share_image(ed, &catalogue.products[i])
                            .or_else(|| context::site_image(ed))
                    }
                    PageJob::News(i) => context::news_image(ed, &catalogue.news[i])
                        .or_else(|| context::site_image(ed)),
                    _ => context::site_image(ed),
                },
                jsonld: match self {
                    PageJob::Home => Some(structured_data::home(ed)),
                    PageJob::Product(i) => {
                        Some(structured_data::product(ed, &catalogue.products[i]))
                    }
                    PageJob::Producer(p) => {
                        Some(structured_data::producer(ed, &catalogue.producers[p]))
                    }
                    _ => None,
                },
            },
        );
        cx
    }
}

/// Page `n` of a product listing: its cards, the listing's size and the pager, whose
/// page `n` is at `path(n)`.
fn insert_listing(
    cx: &mut Context,
    ed: Edition<'_>,
    ids: &[usize],
    n: usize,
    path: impl Fn(usize) -> String,
) {
    let per_page = ed.catalogue.site.products_per_page;
    cx.insert("products", &cards(ed, page_of(ids, n, per_page)));
    cx.insert("total", &ids.len());
    cx.insert(
        "pagination",
        &pagination(n, page_count(ids.len(), per_page), |n| ed.link(&path(n))),
    );
}

/// A product page's title and description, in the edition's language.
fn product_title(ed: Edition<'_>, i: usize) -> (String, Option<String>) {
    let product = &ed.catalogue.products[i];
    (
        product.name_in(ed.lang).text.to_owned(),
        product.summary_in(ed.lang).map(|s| s.text.to_owned()),
    )
}

#[derive(Serialize)]
struct Totals {
    products: usize,
    producers: usize,
    districts: usize,
    categories: usize,
}

#[derive(Serialize)]
struct StarGroup<'a> {
    stars: u8,
    products: Vec<context::CardView<'a>>,
}

#[derive(Serialize)]
struct SubcategoryCount<'a> {
    id: &'a str,
    name: &'a str,
    lang: Option<&'static str>,
    count: usize,
}

#[derive(Serialize)]
struct CategoryView<'a> {
    #[serde(flatten)]
    link: context::FacetLink<'a>,
    subcategories: Vec<SubcategoryCount<'a>>,
}

#[derive(Serialize)]
struct ProducerGroup<'a> {
    district: context::Ref<'a>,
    producers: Vec<context::ProducerView<'a>>,
}

#[derive(Serialize)]
struct Content<'a> {
    slug: &'a str,
    title: &'a str,
    /// The language of the page's text, when it is not the edition's: the page has
    /// no translation.
    lang: Option<&'static str>,
    /// Sanitised HTML pieces and embedded product cards.
    body: Vec<super::markdown::Block<'a>>,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total_pages: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageNumber>,
}

#[derive(Serialize)]
struct PageNumber {
    number: usize,
    url: String,
    current: bool,
    /// Whether pages are left out between this one and the one before.
    gap_before: bool,
}

/// Page numbers shown either side of the current one.
const PAGER_REACH: usize = 2;

/// Links to the first, the last and the nearby pages of a listing of `total_pages`,
/// whose page `n` is at `url(n)`. Not every page: a national listing has hundreds, and
/// linking them all from each would make the pages grow with the square of the size.
fn pagination(current: usize, total_pages: usize, url: impl Fn(usize) -> String) -> Pagination {
    let near = current.saturating_sub(PAGER_REACH).max(1)..=current + PAGER_REACH;
    let shown = (1..=total_pages).filter(|&n| n == 1 || n == total_pages || near.contains(&n));
    let mut previous = 0;
    let pages = shown
        .map(|number| {
            let gap_before = number > previous + 1 && previous > 0;
            previous = number;
            PageNumber {
                number,
                url: url(number),
                current: number == current,
                gap_before,
            }
        })
        .collect();
    Pagination {
        current,
        total_pages,
        prev_url: (current > 1).then(|| url(current - 1)),
        next_url: (current < total_pages).then(|| url(current + 1)),
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(current: usize, total: usize) -> Vec<(usize, bool)> {
        pagination(current, total, |n| n.to_string())
            .pages
            .iter()
            .map(|p| (p.number, p.gap_before))
            .collect()
    }

    #[test]
    fn pager_links_the_ends_and_the_neighbours_only() {
        assert_eq!(
            shown(50, 400),
            [
                (1, false),
                (48, true),
                (49, false),
                (50, false),
                (51, false),
                (52, false),
                (400, true)
            ]
        );
        assert_eq!(
            shown(1, 4),
            [(1, false), (2, false), (3, false), (4, false)]
        );
        assert_eq!(
            shown(4, 4),
            [(1, false), (2, false), (3, false), (4, false)]
        );
        assert_eq!(shown(1, 1), [(1, false)]);
    }
}
