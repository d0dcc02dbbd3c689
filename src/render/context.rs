//! What templates see: small serialisable views of the catalogue, each holding only
//! what a page shows. `themes/README.md` documents every field for theme authors.

use serde::Serialize;

use crate::domain::{
    CertificateStatus, Contact, Localized, News, Photo, Producer, Product, STAR_LEVELS,
};
use crate::paths::{self, PhotoFormat};

use crate::edition::{split, Edition};

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub province: &'a str,
    /// The edition's language.
    pub language: &'static str,
    pub og_locale: &'a str,
    pub base_url: &'a str,
    /// The site root, for the theme's files and the shared downloads.
    pub base_path: &'a str,
    /// The edition's home page.
    pub home_url: String,
    pub area_label: &'a str,
    pub notice: Option<&'a str>,
    pub notice_lang: Option<&'static str>,
    pub contact: Option<&'a Contact>,
    pub build_date: String,
    pub build_date_display: String,
    /// Shop links get `rel="sponsored"`.
    pub sponsored_links: bool,
}

impl<'a> SiteView<'a> {
    pub fn new(ed: Edition<'a>) -> Self {
        let (catalogue, lang) = (ed.catalogue, ed.lang);
        let site = &catalogue.site;
        let notice = site.notice_in(lang);
        Self {
            title: site.title_in(lang).text,
            description: site.description_in(lang).text,
            province: &site.province,
            language: lang.code(),
            og_locale: ed.t("og_locale"),
            base_url: &site.base_url,
            base_path: &site.base_path,
            home_url: ed.link(&paths::home(lang)),
            area_label: site.area_label_in(lang).text,
            notice: notice.map(|n| n.text),
            notice_lang: notice.and_then(|n| n.lang),
            sponsored_links: site.sponsored_links,
            contact: site.contact.as_ref(),
            build_date: catalogue.today.to_string(),
            build_date_display: ed.date(catalogue.today),
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
    pub lang: Option<&'static str>,
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
    pub fn new(ed: Edition<'a>) -> Self {
        let (catalogue, lang) = (ed.catalogue, ed.lang);
        let site = &catalogue.site;
        Self {
            // Lowest first, as people read a scale.
            stars: STAR_LEVELS
                .iter()
                .rev()
                .map(|&s| star_link(ed, s))
                .collect(),
            districts: (0..catalogue.districts.len())
                .map(|d| district_link(ed, d))
                .collect(),
            categories: (0..catalogue.categories.len())
                .map(|c| category_link(ed, c))
                .collect(),
            pages: catalogue
                .pages
                .iter()
                .map(|p| {
                    let (title, lang) = split(p.title_in(ed.lang));
                    PageLink {
                        slug: &p.slug,
                        title,
                        lang,
                        url: ed.link(&paths::page(ed.lang, &p.slug)),
                    }
                })
                .collect(),
            products_url: ed.link(&paths::products(lang, 1)),
            producers_url: ed.link(&paths::producers(lang)),
            stats_url: ed.link(&paths::stats(lang)),
            data_url: ed.link(&paths::data_page(lang)),
            search_url: ed.link(&paths::search(lang)),
            news_url: ed.link(&paths::news_list(lang, 1)),
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

pub fn star_link(ed: Edition<'_>, stars: u8) -> StarLink {
    StarLink {
        stars,
        url: ed.link(&paths::stars(ed.lang, stars)),
        count: ed.catalogue.with_stars(stars).len(),
    }
}

pub fn district_link(ed: Edition<'_>, d: usize) -> FacetLink<'_> {
    FacetLink {
        link: district_ref(ed, d),
        count: ed.catalogue.index.by_district[d].len(),
    }
}

pub fn category_link(ed: Edition<'_>, c: usize) -> FacetLink<'_> {
    FacetLink {
        link: category_ref(ed, c),
        count: ed.catalogue.index.by_category[c].len(),
    }
}

/// The same page in one of the site's languages, for `hreflang` and the language switch.
#[derive(Serialize)]
pub struct Alternate<'a> {
    pub code: &'static str,
    /// The language's own name, from its strings file.
    pub name: &'a str,
    pub url: String,
    pub absolute: String,
    pub current: bool,
}

/// The head of every page: title, description and addresses.
#[derive(Serialize)]
pub struct PageMeta<'a> {
    pub kind: &'static str,
    /// The edition's language.
    pub lang: &'static str,
    /// The page in every language of the site; empty when there is one.
    pub alternates: Vec<Alternate<'a>>,
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
pub fn news_image<'a>(ed: Edition<'_>, item: &'a News) -> Option<ShareImage<'a>> {
    let cover = item.cover.as_ref()?;
    let largest = cover.widths().last().copied()?;
    let (width, height) = cover.scaled(largest);
    Some(ShareImage {
        url: ed.absolute(&paths::news_photo(
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

/// The image for pages that have none of their own (see `Index::site_image`).
pub fn site_image(ed: Edition<'_>) -> Option<ShareImage<'_>> {
    let catalogue = ed.catalogue;
    let product = &catalogue.products[catalogue.index.site_image?];
    share_image(ed, product)
}

pub fn share_image<'a>(ed: Edition<'_>, product: &'a Product) -> Option<ShareImage<'a>> {
    let cover = product.photos.first()?;
    let (width, height) = cover.share_size();
    Some(ShareImage {
        url: ed.absolute(&paths::share_image(&product.slug)),
        width,
        height,
        alt: cover.alt_in(ed.lang).text,
    })
}

#[derive(Serialize)]
pub struct Ref<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The name's language, when it is not the page's.
    pub lang: Option<&'static str>,
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
    /// The language of `alt` and `caption`, when it is not the page's.
    pub lang: Option<&'static str>,
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

pub fn image<'a>(ed: Edition<'_>, product: &Product, photo: &'a Photo) -> ImageView<'a> {
    image_at(ed, &product.slug, paths::photo, photo)
}

/// A photo published by `copy_path` next to the page of `slug`: a product's or a news
/// item's.
pub fn image_at<'a>(
    ed: Edition<'_>,
    slug: &str,
    copy_path: fn(&str, &str, u32, PhotoFormat) -> String,
    photo: &'a Photo,
) -> ImageView<'a> {
    let widths = photo.widths();
    let url = |width, format| ed.link(&copy_path(slug, &photo.stem, width, format));
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
    let alt = photo.alt_in(ed.lang);
    ImageView {
        src,
        width,
        height,
        alt: alt.text,
        caption: photo.caption_in(ed.lang).map(|c| c.text),
        lang: alt.lang,
        sources,
        large: size(widths[widths.len() - 1]),
    }
}

#[derive(Serialize)]
pub struct CardView<'a> {
    pub slug: &'a str,
    pub url: String,
    pub name: &'a str,
    pub name_lang: Option<&'static str>,
    pub stars: u8,
    pub summary: Option<&'a str>,
    pub summary_lang: Option<&'static str>,
    pub cover: Option<ImageView<'a>>,
    pub producer: Ref<'a>,
    pub district: Ref<'a>,
    pub category: Ref<'a>,
    pub status: &'static str,
    pub status_label: &'a str,
}

pub fn card<'a>(ed: Edition<'a>, product: &'a Product) -> CardView<'a> {
    let (name, name_lang) = split(product.name_in(ed.lang));
    let summary = product.summary_in(ed.lang);
    CardView {
        slug: &product.slug,
        url: ed.link(&paths::product(ed.lang, &product.slug)),
        name,
        name_lang,
        stars: product.stars,
        summary: summary.map(|s| s.text),
        summary_lang: summary.and_then(|s| s.lang),
        cover: product.photos.first().map(|p| image(ed, product, p)),
        producer: producer_ref(ed, product.producer),
        district: district_ref(ed, product.district),
        category: category_ref(ed, product.category),
        status: product.status.id(),
        status_label: status_label(ed, product.status),
    }
}

/// A certificate status as the edition writes it.
pub fn status_label<'a>(ed: Edition<'a>, status: CertificateStatus) -> &'a str {
    ed.status(status)
}

/// Cards for a list of product indexes.
pub fn cards<'a>(ed: Edition<'a>, products: &[usize]) -> Vec<CardView<'a>> {
    products
        .iter()
        .map(|&i| card(ed, &ed.catalogue.products[i]))
        .collect()
}

pub fn producer_ref(ed: Edition<'_>, p: usize) -> Ref<'_> {
    let producer = &ed.catalogue.producers[p];
    let url = paths::producer(ed.lang, &producer.id);
    named_ref(ed, &producer.id, producer.name_in(ed.lang), &url)
}

pub fn district_ref(ed: Edition<'_>, d: usize) -> Ref<'_> {
    let district = &ed.catalogue.districts[d];
    let url = paths::district(ed.lang, &district.id);
    named_ref(ed, &district.id, district.name_in(ed.lang), &url)
}

pub fn category_ref(ed: Edition<'_>, c: usize) -> Ref<'_> {
    let category = &ed.catalogue.categories[c];
    let url = paths::category(ed.lang, &category.id);
    named_ref(ed, &category.id, category.name_in(ed.lang), &url)
}

fn named_ref<'a>(ed: Edition<'_>, id: &'a str, name: Localized<'a>, path: &str) -> Ref<'a> {
    Ref {
        id,
        name: name.text,
        lang: name.lang,
        url: ed.link(path),
    }
}

#[derive(Serialize)]
pub struct ProducerView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub name_lang: Option<&'static str>,
    pub url: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub type_label: &'a str,
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
    pub description_lang: Option<&'static str>,
}

pub fn producer(ed: Edition<'_>, p: usize, with_description: bool) -> ProducerView<'_> {
    let catalogue = ed.catalogue;
    let producer: &Producer = &catalogue.producers[p];
    let (name, name_lang) = split(producer.name_in(ed.lang));
    let description = producer.description_in(ed.lang);
    ProducerView {
        id: &producer.id,
        name,
        name_lang,
        url: ed.link(&paths::producer(ed.lang, &producer.id)),
        kind: producer.kind.id(),
        type_label: ed.producer_type(producer.kind),
        district: district_ref(ed, producer.district),
        address: producer.record.address.as_deref(),
        representative: producer.record.representative.as_deref(),
        phone: producer.record.phone.as_deref(),
        email: producer.record.email.as_deref(),
        website: producer.website.as_deref(),
        product_count: catalogue.index.by_producer[p].len(),
        description_html: with_description
            .then(|| description.map(|d| d.text.html()).unwrap_or_default()),
        description_lang: description.and_then(|d| d.lang),
    }
}
