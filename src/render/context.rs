//! What templates see: small serialisable views of the catalogue, each holding only
//! what a page shows. `themes/README.md` documents every field for theme authors.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Catalogue, Contact, News, Photo, Producer, Product, STAR_LEVELS};
use crate::paths::{self, PhotoFormat};

use super::markdown;

/// `20/02/2023`, as dates are written in Vietnam.
pub fn display_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub province: &'a str,
    pub language: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub area_label: &'a str,
    pub notice: Option<&'a str>,
    pub contact: Option<&'a Contact>,
    pub build_date: String,
    pub build_date_display: String,
    /// Shop links get `rel="sponsored"`.
    pub sponsored_links: bool,
}

impl<'a> SiteView<'a> {
    pub fn new(catalogue: &'a Catalogue) -> Self {
        let site = &catalogue.site;
        Self {
            title: &site.title,
            description: &site.description,
            province: &site.province,
            language: &site.language,
            base_url: &site.base_url,
            base_path: &site.base_path,
            area_label: &site.area_label,
            notice: site.notice.as_deref(),
            sponsored_links: site.sponsored_links,
            contact: site.contact.as_ref(),
            build_date: catalogue.today.to_string(),
            build_date_display: display_date(catalogue.today),
        }
    }
}

/// A link to a facet value, with the number of listed products behind it.
#[derive(Serialize)]
pub struct FacetLink<'a> {
    #[serde(flatten)]
    pub link: Ref<'a>,
    pub count: usize,
}

#[derive(Serialize)]
pub struct StarLink {
    pub stars: u8,
    pub url: String,
    pub count: usize,
}

#[derive(Serialize)]
pub struct PageLink<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct DataUrls {
    pub products_json: String,
    pub products_csv: String,
    pub producers_csv: String,
}

#[derive(Serialize)]
pub struct NavView<'a> {
    pub stars: Vec<StarLink>,
    pub districts: Vec<FacetLink<'a>>,
    pub categories: Vec<FacetLink<'a>>,
    pub pages: Vec<PageLink<'a>>,
    pub products_url: String,
    pub producers_url: String,
    pub stats_url: String,
    /// The open-data page, which explains the downloads.
    pub data_url: String,
    pub search_url: String,
    /// The news listing, `/tin-tuc/`.
    pub news_url: String,
    /// The news' Atom feed, for `<link rel="alternate">` in every head.
    pub news_feed_url: String,
    /// The search page's query parameter, for the search box in every header.
    pub search_param: &'static str,
    pub data_urls: DataUrls,
}

impl<'a> NavView<'a> {
    pub fn new(catalogue: &'a Catalogue) -> Self {
        let site = &catalogue.site;
        Self {
            // Lowest first, as people read a scale.
            stars: STAR_LEVELS
                .iter()
                .rev()
                .map(|&s| star_link(catalogue, s))
                .collect(),
            districts: (0..catalogue.districts.len())
                .map(|d| district_link(catalogue, d))
                .collect(),
            categories: (0..catalogue.categories.len())
                .map(|c| category_link(catalogue, c))
                .collect(),
            pages: catalogue
                .pages
                .iter()
                .map(|p| PageLink {
                    slug: &p.slug,
                    title: &p.title,
                    url: site.link(&paths::page(&p.slug)),
                })
                .collect(),
            products_url: site.link(&paths::products(1)),
            producers_url: site.link(&paths::producers()),
            stats_url: site.link(&paths::stats()),
            data_url: site.link(&paths::data_page()),
            search_url: site.link(&paths::search()),
            news_url: site.link(&paths::news_list(1)),
            news_feed_url: site.link(paths::NEWS_FEED),
            search_param: paths::search_params::QUERY,
            data_urls: DataUrls {
                products_json: site.link(paths::PRODUCTS_JSON),
                products_csv: site.link(paths::PRODUCTS_CSV),
                producers_csv: site.link(paths::PRODUCERS_CSV),
            },
        }
    }
}

pub fn star_link(catalogue: &Catalogue, stars: u8) -> StarLink {
    StarLink {
        stars,
        url: catalogue.site.link(&paths::stars(stars)),
        count: catalogue.with_stars(stars).len(),
    }
}

pub fn district_link(catalogue: &Catalogue, d: usize) -> FacetLink<'_> {
    FacetLink {
        link: district_ref(catalogue, d),
        count: catalogue.index.by_district[d].len(),
    }
}

pub fn category_link(catalogue: &Catalogue, c: usize) -> FacetLink<'_> {
    FacetLink {
        link: category_ref(catalogue, c),
        count: catalogue.index.by_category[c].len(),
    }
}

/// The head of every page: title, description and addresses.
#[derive(Serialize)]
pub struct PageMeta<'a> {
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub url: String,
    pub canonical: String,
    /// `og:type`: `product` on product pages, else `website`.
    pub og_type: &'static str,
    /// The link-preview image: the product's own, else the site's.
    pub image: Option<ShareImage<'a>>,
    /// schema.org JSON-LD, already safe to place inside `<script>`.
    pub jsonld: Option<String>,
}

/// A product's share image, for `og:image`: link previews need an absolute URL.
#[derive(Serialize)]
pub struct ShareImage<'a> {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: &'a str,
}

/// A news item's link-preview image: the largest JPEG copy of its cover, which
/// previews crop as they need.
pub fn news_image<'a>(catalogue: &Catalogue, item: &'a News) -> Option<ShareImage<'a>> {
    let cover = item.cover.as_ref()?;
    let largest = cover.widths().last().copied()?;
    let (width, height) = cover.scaled(largest);
    Some(ShareImage {
        url: catalogue.site.absolute(&paths::news_photo(
            &item.slug,
            &cover.stem,
            largest,
            PhotoFormat::Jpeg,
        )),
        width,
        height,
        alt: &cover.alt,
    })
}

/// The image for pages that have none of their own: the share image of the first
/// featured product with a photo, else of any listed product with one.
pub fn site_image(catalogue: &Catalogue) -> Option<ShareImage<'_>> {
    let listed = || {
        catalogue
            .index
            .listed
            .iter()
            .map(|&i| &catalogue.products[i])
    };
    listed()
        .filter(|p| p.featured)
        .chain(listed())
        .find_map(|p| share_image(catalogue, p))
}

pub fn share_image<'a>(catalogue: &Catalogue, product: &'a Product) -> Option<ShareImage<'a>> {
    let cover = product.photos.first()?;
    let (width, height) = cover.share_size();
    Some(ShareImage {
        url: catalogue.site.absolute(&paths::share_image(&product.slug)),
        width,
        height,
        alt: &cover.alt,
    })
}

#[derive(Serialize)]
pub struct Ref<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct Size {
    pub src: String,
    pub width: u32,
    pub height: u32,
}

/// A product photo as `<picture>` needs it: every published copy as a `srcset` per
/// format, the best first, and a JPEG `src` for browsers without `<picture>`.
#[derive(Serialize)]
pub struct ImageView<'a> {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: &'a str,
    pub caption: Option<&'a str>,
    pub sources: Vec<SourceView>,
    /// The largest JPEG copy, to open on its own.
    pub large: Size,
}

#[derive(Serialize)]
pub struct SourceView {
    /// The MIME type, for `<source type>`.
    #[serde(rename = "type")]
    pub mime: &'static str,
    /// `url 400w, url 800w, …`
    pub srcset: String,
}

/// The copy served to browsers that ignore `srcset`: a card on a sharp phone screen
/// or the product photo on a phone, so it is never absurdly large.
const FALLBACK_WIDTH: u32 = 800;

pub fn image<'a>(catalogue: &Catalogue, product: &Product, photo: &'a Photo) -> ImageView<'a> {
    image_at(catalogue, &product.slug, paths::photo, photo)
}

/// A photo published by `copy_path` next to the page of `slug`: a product's or a news
/// item's.
pub fn image_at<'a>(
    catalogue: &Catalogue,
    slug: &str,
    copy_path: fn(&str, &str, u32, PhotoFormat) -> String,
    photo: &'a Photo,
) -> ImageView<'a> {
    let widths = photo.widths();
    let url = |width, format| {
        catalogue
            .site
            .link(&copy_path(slug, &photo.stem, width, format))
    };
    let size = |width| {
        let (w, h) = photo.scaled(width);
        Size {
            src: url(width, PhotoFormat::Jpeg),
            width: w,
            height: h,
        }
    };
    let sources = PhotoFormat::ALL
        .iter()
        .map(|&format| SourceView {
            mime: format.mime(),
            srcset: widths
                .iter()
                .map(|&w| format!("{} {}w", url(w, format), photo.scaled(w).0))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let fallback = widths
        .iter()
        .copied()
        .filter(|&w| w <= FALLBACK_WIDTH)
        .max()
        .unwrap_or(widths[0]);
    let Size { src, width, height } = size(fallback);
    ImageView {
        src,
        width,
        height,
        alt: &photo.alt,
        caption: photo.caption.as_deref(),
        sources,
        large: size(widths[widths.len() - 1]),
    }
}

#[derive(Serialize)]
pub struct CardView<'a> {
    pub slug: &'a str,
    pub url: String,
    pub name: &'a str,
    pub stars: u8,
    pub summary: Option<&'a str>,
    pub cover: Option<ImageView<'a>>,
    pub producer: Ref<'a>,
    pub district: Ref<'a>,
    pub category: Ref<'a>,
    pub status: &'static str,
    pub status_label: &'static str,
}

pub fn card<'a>(catalogue: &'a Catalogue, product: &'a Product) -> CardView<'a> {
    CardView {
        slug: &product.slug,
        url: catalogue.site.link(&paths::product(&product.slug)),
        name: &product.name,
        stars: product.stars,
        summary: product.summary.as_deref(),
        cover: product.photos.first().map(|p| image(catalogue, product, p)),
        producer: producer_ref(catalogue, product.producer),
        district: district_ref(catalogue, product.district),
        category: category_ref(catalogue, product.category),
        status: product.status.id(),
        status_label: product.status.label(),
    }
}

/// Cards for a list of product indexes.
pub fn cards<'a>(catalogue: &'a Catalogue, products: &[usize]) -> Vec<CardView<'a>> {
    products
        .iter()
        .map(|&i| card(catalogue, &catalogue.products[i]))
        .collect()
}

pub fn producer_ref(catalogue: &Catalogue, p: usize) -> Ref<'_> {
    let producer = &catalogue.producers[p];
    Ref {
        id: &producer.id,
        name: &producer.name,
        url: catalogue.site.link(&paths::producer(&producer.id)),
    }
}

pub fn district_ref(catalogue: &Catalogue, d: usize) -> Ref<'_> {
    let district = &catalogue.districts[d];
    Ref {
        id: &district.id,
        name: &district.name,
        url: catalogue.site.link(&paths::district(&district.id)),
    }
}

pub fn category_ref(catalogue: &Catalogue, c: usize) -> Ref<'_> {
    let category = &catalogue.categories[c];
    Ref {
        id: &category.id,
        name: &category.name,
        url: catalogue.site.link(&paths::category(&category.id)),
    }
}

#[derive(Serialize)]
pub struct ProducerView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub type_label: &'static str,
    pub district: Ref<'a>,
    pub address: Option<&'a str>,
    pub representative: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub website: Option<&'a str>,
    pub product_count: usize,
    /// Only on the producer's own page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description_html: Option<String>,
}

pub fn producer(catalogue: &Catalogue, p: usize, with_description: bool) -> ProducerView<'_> {
    let producer: &Producer = &catalogue.producers[p];
    ProducerView {
        id: &producer.id,
        name: &producer.name,
        url: catalogue.site.link(&paths::producer(&producer.id)),
        kind: producer.kind.id(),
        type_label: producer.kind.label(),
        district: district_ref(catalogue, producer.district),
        address: producer.address.as_deref(),
        representative: producer.representative.as_deref(),
        phone: producer.phone.as_deref(),
        email: producer.email.as_deref(),
        website: producer.website.as_deref(),
        product_count: catalogue.index.by_producer[p].len(),
        description_html: with_description.then(|| {
            producer
                .description
                .as_deref()
                .map(markdown::to_html)
                .unwrap_or_default()
        }),
    }
}
