//! The product page's view: everything known about one product.

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde::Serialize;

use crate::model::{Catalogue, Product};
use crate::paths;

use super::context::{
    category_ref, display_date, district_ref, image, producer, ImageView, ProducerView, Ref,
};
use super::markdown;

#[derive(Serialize)]
pub struct ProductView<'a> {
    pub slug: &'a str,
    pub url: String,
    pub name: &'a str,
    pub stars: u8,
    pub category: Ref<'a>,
    pub subcategory: Option<SubcategoryView<'a>>,
    pub district: Ref<'a>,
    pub producer: ProducerView<'a>,
    pub summary: Option<&'a str>,
    pub description_html: String,
    pub photos: Vec<ImageView<'a>>,
    pub details: Vec<Detail<'a>>,
    pub price: Option<PriceView<'a>>,
    pub shops: Vec<ShopView<'a>>,
    pub tags: &'a [String],
    pub certificate: CertificateView<'a>,
    pub history: Vec<RatingView<'a>>,
    pub star_url: String,
    /// The permanent address, as printed in the QR code.
    pub permalink: String,
    pub qr: QrView,
    /// The printable sheet; none for an expired product.
    pub sheet_url: Option<String>,
    pub share: ShareView,
}

#[derive(Serialize)]
pub struct QrView {
    pub svg: String,
    pub png: String,
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
    pub status: &'static str,
    pub status_label: &'static str,
}

#[derive(Serialize)]
pub struct RatingView<'a> {
    pub stars: u8,
    pub date: String,
    pub date_display: String,
    pub decision: &'a str,
}

pub fn view<'a>(catalogue: &'a Catalogue, product: &'a Product) -> ProductView<'a> {
    let category = &catalogue.categories[product.category];
    let certificate = &product.certificate;
    let permalink = catalogue.site.absolute(&paths::product(&product.slug));
    ProductView {
        slug: &product.slug,
        url: catalogue.site.link(&paths::product(&product.slug)),
        name: &product.name,
        stars: product.stars,
        category: category_ref(catalogue, product.category),
        subcategory: product.subcategory.map(|s| SubcategoryView {
            id: &category.subcategories[s].id,
            name: &category.subcategories[s].name,
        }),
        district: district_ref(catalogue, product.district),
        producer: producer(catalogue, product.producer, false),
        summary: product.summary.as_deref(),
        description_html: product
            .description
            .as_deref()
            .map(markdown::to_html)
            .unwrap_or_default(),
        photos: product
            .photos
            .iter()
            .map(|p| image(catalogue, product, p))
            .collect(),
        details: product
            .details
            .iter()
            .map(|(label, value)| Detail { label, value })
            .collect(),
        price: product.price.as_ref().map(|p| PriceView {
            min: p.min,
            max: p.max,
            unit: p.unit.as_deref(),
            display: p.display(),
        }),
        shops: product
            .shops
            .iter()
            .map(|shop| ShopView {
                platform: &shop.platform,
                name: catalogue
                    .site
                    .platform(&shop.platform)
                    .map_or(shop.platform.as_str(), |p| p.name.as_str()),
                url: catalogue.site.outbound(&shop.url),
            })
            .collect(),
        tags: &product.tags,
        certificate: CertificateView {
            decision: &certificate.decision,
            number: certificate.number.as_deref(),
            issuer: certificate.issuer.as_deref(),
            date: certificate.date.to_string(),
            date_display: display_date(certificate.date),
            expires: certificate.expires.to_string(),
            expires_display: display_date(certificate.expires),
            status: product.status.id(),
            status_label: product.status.label(),
        },
        history: product
            .history
            .iter()
            .map(|r| RatingView {
                stars: r.stars,
                date: r.date.to_string(),
                date_display: display_date(r.date),
                decision: &r.decision,
            })
            .collect(),
        star_url: catalogue.site.link(&paths::stars(product.stars)),
        permalink: permalink.clone(),
        qr: QrView {
            svg: catalogue.site.link(&paths::qr_code(&product.slug, "svg")),
            png: catalogue.site.link(&paths::qr_code(&product.slug, "png")),
        },
        sheet_url: product
            .is_listed()
            .then(|| catalogue.site.link(&paths::product_sheet(&product.slug))),
        share: ShareView {
            facebook: format!(
                "https://www.facebook.com/sharer/sharer.php?u={}",
                utf8_percent_encode(&permalink, NON_ALPHANUMERIC)
            ),
        },
    }
}
