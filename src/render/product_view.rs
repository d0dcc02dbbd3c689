//! The product page's view: everything known about one product.

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde::Serialize;

use crate::domain::Product;
use crate::paths;

use super::context::{
    category_ref, district_ref, image, producer, status_label, ImageView, ProducerView, Ref,
};
use crate::edition::{split, Edition};

#[derive(Serialize)]
pub struct ProductView<'a> {
    pub slug: &'a str,
    pub url: String,
    pub name: &'a str,
    pub name_lang: Option<&'static str>,
    pub stars: u8,
    pub category: Ref<'a>,
    pub subcategory: Option<SubcategoryView<'a>>,
    pub district: Ref<'a>,
    pub producer: ProducerView<'a>,
    pub summary: Option<&'a str>,
    pub summary_lang: Option<&'static str>,
    pub description_html: String,
    pub description_lang: Option<&'static str>,
    pub photos: Vec<ImageView<'a>>,
    pub details: Vec<Detail<'a>>,
    pub details_lang: Option<&'static str>,
    pub price: Option<PriceView<'a>>,
    pub shops: Vec<ShopView<'a>>,
    pub tags: &'a [String],
    /// Tags are written in the records' language.
    pub tags_lang: Option<&'static str>,
    pub certificate: CertificateView<'a>,
    pub history: Vec<RatingView<'a>>,
    /// Whether any rating of the history gives its score: the table then has a column.
    pub history_scores: bool,
    pub star_url: String,
    /// The permanent address, as printed in the QR code.
    pub permalink: String,
    /// The printable sheet; none for an expired product.
    pub sheet_url: Option<String>,
    pub share: ShareView,
}

/// Plain share links: no third-party script is loaded to share a product.
#[derive(Serialize)]
pub struct ShareView {
    pub facebook: String,
}

#[derive(Serialize)]
pub struct SubcategoryView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub lang: Option<&'static str>,
}

#[derive(Serialize)]
pub struct Detail<'a> {
    pub label: &'a str,
    pub value: &'a str,
}

#[derive(Serialize)]
pub struct PriceView<'a> {
    pub min: u64,
    pub max: Option<u64>,
    pub unit: Option<&'a str>,
    pub display: String,
    /// The unit is written in the records' language: that language, on the other
    /// editions.
    pub lang: Option<&'static str>,
}

#[derive(Serialize)]
pub struct ShopView<'a> {
    pub platform: &'a str,
    pub name: &'a str,
    /// With the campaign's UTM tags, when `site.yaml` sets a campaign.
    pub url: String,
}

#[derive(Serialize)]
pub struct CertificateView<'a> {
    pub decision: &'a str,
    pub number: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub date: String,
    pub date_display: String,
    pub expires: String,
    pub expires_display: String,
    /// The score out of 100, when the record gives it.
    pub score: Option<u8>,
    pub status: &'static str,
    pub status_label: &'a str,
    /// Decisions and issuers are official Vietnamese text: the language when it is
    /// not the page's.
    pub lang: Option<&'static str>,
}

#[derive(Serialize)]
pub struct RatingView<'a> {
    pub stars: u8,
    pub date: String,
    pub date_display: String,
    pub decision: &'a str,
    pub score: Option<u8>,
}

pub fn view<'a>(ed: Edition<'a>, product: &'a Product) -> ProductView<'a> {
    let (catalogue, lang) = (ed.catalogue, ed.lang);
    let category = &catalogue.categories[product.category];
    let certificate = &product.certificate;
    let page = paths::product(lang, &product.slug);
    let permalink = ed.absolute(&page);
    let (name, name_lang) = split(product.name_in(lang));
    let summary = product.summary_in(lang);
    let description = product.description_in(lang);
    let (details, details_lang) = product.details_in(lang);
    let in_records_language = ed.records_language();
    ProductView {
        slug: &product.slug,
        url: ed.link(&page),
        name,
        name_lang,
        stars: product.stars,
        category: category_ref(ed, product.category),
        subcategory: product.subcategory.map(|s| {
            let sub = &category.subcategories[s];
            let (name, lang) = split(sub.name_in(lang));
            SubcategoryView {
                id: &sub.id,
                name,
                lang,
            }
        }),
        district: district_ref(ed, product.district),
        producer: producer(ed, product.producer, false),
        summary: summary.map(|s| s.text),
        summary_lang: summary.and_then(|s| s.lang),
        description_html: description.map(|d| d.text.html()).unwrap_or_default(),
        description_lang: description.and_then(|d| d.lang),
        photos: product
            .photos
            .iter()
            .map(|p| image(ed, product, p))
            .collect(),
        details: details
            .iter()
            .map(|d| Detail {
                label: &d.label,
                value: &d.value,
            })
            .collect(),
        details_lang,
        price: product.price.as_ref().map(|p| PriceView {
            min: p.min,
            max: p.max,
            unit: p.unit.as_deref(),
            display: p.display_grouped(ed.t("thousands_separator").chars().next().unwrap_or('.')),
            lang: p.unit.as_ref().and(in_records_language),
        }),
        shops: product
            .shops
            .iter()
            .map(|shop| ShopView {
                platform: &shop.platform,
                // The built-in "website" is a description, not a brand: it is translated.
                name: match catalogue.site.platform(&shop.platform) {
                    Some(p) if p.id == "website" => ed.t("shop_website"),
                    Some(p) => &p.name,
                    None => &shop.platform,
                },
                url: catalogue.site.outbound(&shop.url),
            })
            .collect(),
        tags: &product.tags,
        tags_lang: in_records_language,
        certificate: CertificateView {
            decision: &certificate.decision,
            number: certificate.number.as_deref(),
            issuer: certificate.issuer.as_deref(),
            date: certificate.date.to_string(),
            date_display: ed.date(certificate.date),
            expires: certificate.expires.to_string(),
            expires_display: ed.date(certificate.expires),
            score: certificate.score,
            status: product.status.id(),
            status_label: status_label(ed, product.status),
            lang: in_records_language,
        },
        history: product
            .history
            .iter()
            .map(|r| RatingView {
                stars: r.stars,
                date: r.date.to_string(),
                date_display: ed.date(r.date),
                decision: &r.decision,
                score: r.score,
            })
            .collect(),
        history_scores: product.history.iter().any(|r| r.score.is_some()),
        star_url: ed.link(&paths::stars(lang, product.stars)),
        permalink: permalink.clone(),
        sheet_url: product
            .is_listed()
            .then(|| ed.link(&paths::product_sheet(lang, &product.slug))),
        share: ShareView {
            facebook: format!(
                "https://www.facebook.com/sharer/sharer.php?u={}",
                utf8_percent_encode(&permalink, NON_ALPHANUMERIC)
            ),
        },
    }
}
