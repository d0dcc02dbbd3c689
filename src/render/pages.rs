//! The list of pages a catalogue publishes, and the context each one is rendered with.

use serde::Serialize;
use tera::Context;

use crate::model::{Catalogue, STAR_LEVELS};
use crate::paths;

use super::context::{self, cards, district_link, producer, PageMeta};
use super::{data_view, news_view, product_view, search, stats, structured_data};

/// One page to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    Stars(u8),
    Category(usize),
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

/// Every page of the site, in a stable order.
pub fn all(catalogue: &Catalogue) -> Vec<PageJob> {
    let mut jobs = vec![
        PageJob::Home,
        PageJob::Producers,
        PageJob::Stats,
        PageJob::Data,
        PageJob::Search,
        PageJob::NotFound,
    ];
    jobs.extend((1..=listing_pages(catalogue)).map(PageJob::Products));
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
    jobs.extend(STAR_LEVELS.iter().rev().map(|&s| PageJob::Stars(s)));
    jobs.extend((0..catalogue.categories.len()).map(PageJob::Category));
    jobs.extend((0..catalogue.producers.len()).map(PageJob::Producer));
    jobs.extend((0..catalogue.pages.len()).map(PageJob::Page));
    jobs.extend((1..=news_view::listing_pages(catalogue)).map(PageJob::NewsList));
    jobs.extend((0..catalogue.news.len()).map(PageJob::News));
    jobs
}

fn listing_pages(catalogue: &Catalogue) -> usize {
    catalogue
        .index
        .listed
        .len()
        .div_ceil(catalogue.site.products_per_page)
        .max(1)
}

impl PageJob {
    /// The page's path below the site root, as in `paths`.
    pub fn path(self, catalogue: &Catalogue) -> String {
        match self {
            PageJob::Home => paths::home(),
            PageJob::Products(n) => paths::products(n),
            PageJob::Product(i) => paths::product(&catalogue.products[i].slug),
            PageJob::ProductSheet(i) => paths::product_sheet(&catalogue.products[i].slug),
            PageJob::Alias(i, a) => paths::product(&catalogue.products[i].aliases[a]),
            PageJob::District(d) => paths::district(&catalogue.districts[d].id),
            PageJob::Stars(s) => paths::stars(s),
            PageJob::Category(c) => paths::category(&catalogue.categories[c].id),
            PageJob::Producers => paths::producers(),
            PageJob::Producer(p) => paths::producer(&catalogue.producers[p].id),
            PageJob::Stats => paths::stats(),
            PageJob::Data => paths::data_page(),
            PageJob::Search => paths::search(),
            PageJob::Page(i) => paths::page(&catalogue.pages[i].slug),
            PageJob::NewsList(n) => paths::news_list(n),
            PageJob::News(i) => paths::news(&catalogue.news[i].slug),
            PageJob::NotFound => paths::NOT_FOUND.into(),
        }
    }

    pub fn template(self) -> &'static str {
        match self {
            PageJob::Home => "index.html",
            PageJob::Products(_) => "products.html",
            PageJob::Product(_) => "product.html",
            PageJob::ProductSheet(_) => "product_sheet.html",
            PageJob::Alias(..) => "redirect.html",
            PageJob::District(_) => "district.html",
            PageJob::Stars(_) => "star.html",
            PageJob::Category(_) => "category.html",
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

    /// The template's own values, and the page's title and description.
    pub fn context(self, catalogue: &Catalogue) -> Context {
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
                cx.insert("featured", &cards(catalogue, &featured));
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
                (site.title.clone(), None)
            }
            PageJob::Products(n) => {
                let per_page = site.products_per_page;
                let listed = &catalogue.index.listed;
                let start = ((n - 1) * per_page).min(listed.len());
                let end = (start + per_page).min(listed.len());
                cx.insert("products", &cards(catalogue, &listed[start..end]));
                cx.insert("total", &listed.len());
                cx.insert(
                    "pagination",
                    &pagination(n, listing_pages(catalogue), |n| {
                        catalogue.site.link(&paths::products(n))
                    }),
                );
                let title = if n > 1 {
                    format!("Sản phẩm OCOP – trang {n}")
                } else {
                    "Sản phẩm OCOP".into()
                };
                (title, None)
            }
            PageJob::Product(i) | PageJob::ProductSheet(i) => {
                let product = &catalogue.products[i];
                cx.insert("product", &product_view::view(catalogue, product));
                cx.insert(
                    "news",
                    &news_view::items(catalogue, &catalogue.index.news_by_product[i]),
                );
                (product.name.clone(), product.summary.clone())
            }
            PageJob::Alias(i, _) => {
                let product = &catalogue.products[i];
                cx.insert("target", &site.absolute(&paths::product(&product.slug)));
                (product.name.clone(), product.summary.clone())
            }
            PageJob::Data => {
                cx.insert("data", &data_view::view(catalogue));
                ("Dữ liệu mở về sản phẩm OCOP".into(), None)
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
                            products: cards(catalogue, &of_level),
                        }
                    })
                    .filter(|g| !g.products.is_empty())
                    .collect();
                cx.insert("district", &district_link(catalogue, d));
                cx.insert("groups", &groups);
                let name = &catalogue.districts[d].name;
                (format!("Sản phẩm OCOP {name}"), None)
            }
            PageJob::Stars(stars) => {
                cx.insert("stars", &stars);
                cx.insert("products", &cards(catalogue, catalogue.with_stars(stars)));
                (format!("Sản phẩm OCOP {stars} sao"), None)
            }
            PageJob::Category(c) => {
                let category = &catalogue.categories[c];
                let ids = &catalogue.index.by_category[c];
                let subcategories: Vec<SubcategoryCount> = category
                    .subcategories
                    .iter()
                    .enumerate()
                    .map(|(s, sub)| SubcategoryCount {
                        id: &sub.id,
                        name: &sub.name,
                        count: ids
                            .iter()
                            .filter(|&&i| catalogue.products[i].subcategory == Some(s))
                            .count(),
                    })
                    .collect();
                cx.insert(
                    "category",
                    &CategoryView {
                        link: context::category_link(catalogue, c),
                        subcategories,
                    },
                );
                cx.insert("products", &cards(catalogue, ids));
                (category.name.clone(), None)
            }
            PageJob::Producers => {
                let groups: Vec<ProducerGroup> = (catalogue.index.producers_by_district.iter())
                    .enumerate()
                    .map(|(d, ids)| ProducerGroup {
                        district: context::district_ref(catalogue, d),
                        producers: ids.iter().map(|&p| producer(catalogue, p, false)).collect(),
                    })
                    .filter(|g| !g.producers.is_empty())
                    .collect();
                cx.insert("groups", &groups);
                cx.insert("total", &catalogue.producers.len());
                ("Danh bạ chủ thể OCOP".into(), None)
            }
            PageJob::Producer(p) => {
                cx.insert("producer", &producer(catalogue, p, true));
                cx.insert(
                    "products",
                    &cards(catalogue, &catalogue.index.by_producer[p]),
                );
                (catalogue.producers[p].name.clone(), None)
            }
            PageJob::Stats => {
                cx.insert("stats", &stats::view(catalogue));
                ("Thống kê sản phẩm OCOP".into(), None)
            }
            PageJob::Search => {
                cx.insert("search", &search::view(catalogue));
                ("Tìm kiếm sản phẩm OCOP".into(), None)
            }
            PageJob::Page(i) => {
                let page = &catalogue.pages[i];
                cx.insert(
                    "content",
                    &Content {
                        slug: &page.slug,
                        title: &page.title,
                        body: super::markdown::blocks(catalogue, &page.body),
                    },
                );
                (page.title.clone(), page.description.clone())
            }
            PageJob::NewsList(n) => {
                let start = ((n - 1) * news_view::PER_PAGE).min(catalogue.news.len());
                let end = (start + news_view::PER_PAGE).min(catalogue.news.len());
                let shown: Vec<usize> = (start..end).collect();
                cx.insert("news", &news_view::items(catalogue, &shown));
                cx.insert("total", &catalogue.news.len());
                cx.insert(
                    "pagination",
                    &pagination(n, news_view::listing_pages(catalogue), |n| {
                        catalogue.site.link(&paths::news_list(n))
                    }),
                );
                let title = if n > 1 {
                    format!("Tin tức OCOP – trang {n}")
                } else {
                    "Tin tức OCOP".into()
                };
                (title, None)
            }
            PageJob::News(i) => {
                let news = &catalogue.news[i];
                cx.insert("news", &news_view::view(catalogue, news));
                (news.title.clone(), news.summary.clone())
            }
            PageJob::NotFound => ("Không tìm thấy trang".into(), None),
        };
        let path = self.path(catalogue);
        let full_title = if self == PageJob::Home {
            title
        } else {
            format!("{title} – {}", site.title)
        };
        cx.insert(
            "page",
            &PageMeta {
                kind: self.template().trim_end_matches(".html"),
                title: full_title,
                description: description.unwrap_or_else(|| site.description.clone()),
                url: site.link(&path),
                canonical: match self {
                    // A copy's canonical URL is the page it copies.
                    PageJob::ProductSheet(i) | PageJob::Alias(i, _) => {
                        site.absolute(&paths::product(&catalogue.products[i].slug))
                    }
                    _ => site.absolute(&path),
                },
                og_type: match self {
                    PageJob::Product(_) => "product",
                    PageJob::News(_) => "article",
                    _ => "website",
                },
                image: match self {
                    PageJob::Product(i) | PageJob::ProductSheet(i) => {
                        context::share_image(catalogue, &catalogue.products[i])
                            .or_else(|| context::site_image(catalogue))
                    }
                    PageJob::News(i) => context::news_image(catalogue, &catalogue.news[i])
                        .or_else(|| context::site_image(catalogue)),
                    _ => context::site_image(catalogue),
                },
                jsonld: match self {
                    PageJob::Home => Some(structured_data::home(catalogue)),
                    PageJob::Product(i) => {
                        Some(structured_data::product(catalogue, &catalogue.products[i]))
                    }
                    PageJob::Producer(p) => Some(structured_data::producer(
                        catalogue,
                        &catalogue.producers[p],
                    )),
                    _ => None,
                },
            },
        );
        cx
    }
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
}

/// Links to every page of a listing of `total_pages`, whose page `n` is at `url(n)`.
fn pagination(current: usize, total_pages: usize, url: impl Fn(usize) -> String) -> Pagination {
    Pagination {
        current,
        total_pages,
        prev_url: (current > 1).then(|| url(current - 1)),
        next_url: (current < total_pages).then(|| url(current + 1)),
        pages: (1..=total_pages)
            .map(|number| PageNumber {
                number,
                url: url(number),
                current: number == current,
            })
            .collect(),
    }
}
