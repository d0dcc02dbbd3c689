//! Data files for traders: the whole catalogue as JSON and as spreadsheets.

use std::borrow::Cow;

use serde::Serialize;

use crate::domain::{Lang, Product};
use crate::edition::Edition;
use crate::model::columns::{self, Cell, Column};
use crate::model::rounds::Direction;
use crate::model::Catalogue;
use crate::paths::{self, PhotoFormat};

#[derive(Serialize)]
struct ProductRecord<'a> {
    slug: &'a str,
    url: String,
    name: &'a str,
    stars: u8,
    category: IdName<'a>,
    district: IdName<'a>,
    producer: ProducerRef<'a>,
    certificate: CertificateRecord<'a>,
    summary: Option<&'a str>,
    price: Option<PriceRecord<'a>>,
    shops: Vec<ShopRecord<'a>>,
    photos: Vec<String>,
    /// With an English edition: the product's English texts (null when untranslated)
    /// and page.
    #[serde(skip_serializing_if = "Option::is_none")]
    en: Option<EnglishRecord<'a>>,
}

#[derive(Serialize)]
struct EnglishRecord<'a> {
    name: Option<&'a str>,
    summary: Option<&'a str>,
    url: String,
}

#[derive(Serialize)]
struct IdName<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct ProducerRef<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct CertificateRecord<'a> {
    decision: &'a str,
    date: String,
    expires: String,
    /// Out of 100; null when the record does not give it.
    score: Option<u8>,
    status: &'static str,
}

#[derive(Serialize)]
struct PriceRecord<'a> {
    min: u64,
    max: Option<u64>,
    unit: Option<&'a str>,
    currency: &'static str,
}

#[derive(Serialize)]
struct ShopRecord<'a> {
    platform: &'a str,
    url: &'a str,
}

fn record<'a>(catalogue: &'a Catalogue, product: &'a Product) -> ProductRecord<'a> {
    let category = &catalogue.categories[product.category];
    let district = &catalogue.districts[product.district];
    let producer = &catalogue.producers[product.producer];
    ProductRecord {
        slug: &product.slug,
        url: catalogue
            .site
            .absolute(&paths::product(Lang::Vi, &product.slug)),
        name: &product.name,
        stars: product.stars,
        category: IdName {
            id: &category.id,
            name: &category.name,
        },
        district: IdName {
            id: &district.id,
            name: &district.name,
        },
        producer: ProducerRef {
            id: &producer.id,
            name: producer.name(),
            kind: producer.kind.id(),
        },
        certificate: CertificateRecord {
            decision: &product.certificate.decision,
            date: product.certificate.date.to_string(),
            expires: product.certificate.expires.to_string(),
            score: product.certificate.score,
            status: product.status.id(),
        },
        summary: product.summary.as_deref(),
        price: product.price.as_ref().map(|p| PriceRecord {
            min: p.min,
            max: p.max,
            unit: p.unit.as_deref(),
            currency: "VND",
        }),
        shops: product
            .shops
            .iter()
            .map(|s| ShopRecord {
                platform: &s.platform,
                url: &s.url,
            })
            .collect(),
        photos: product
            .photos
            .iter()
            .map(|photo| {
                let largest = photo.widths().last().copied().unwrap_or(photo.width);
                catalogue.site.absolute(&paths::photo(
                    &product.slug,
                    &photo.stem,
                    largest,
                    PhotoFormat::Jpeg,
                ))
            })
            .collect(),
        en: catalogue.has_english().then(|| EnglishRecord {
            name: product.en.as_ref().and_then(|t| t.name.as_deref()),
            summary: product.en.as_ref().and_then(|t| t.summary.as_deref()),
            url: catalogue
                .site
                .absolute(&paths::product(Lang::En, &product.slug)),
        }),
    }
}

/// Every product, expired ones included, sorted by slug.
pub fn products_json(catalogue: &Catalogue) -> Vec<u8> {
    let records: Vec<ProductRecord> = catalogue
        .products
        .iter()
        .map(|p| record(catalogue, p))
        .collect();
    serde_json::to_vec_pretty(&records).unwrap_or_default()
}

/// One year's round in `rounds.json`: the figures of `model::rounds`.
#[derive(Serialize)]
struct RoundRecord {
    year: i32,
    valid_at_start: usize,
    new: usize,
    reevaluated: usize,
    reevaluated_up: usize,
    reevaluated_down: usize,
    expired_not_reevaluated: usize,
    valid_at_end: usize,
}

/// Every year's round, oldest first.
pub fn rounds_json(catalogue: &Catalogue) -> Vec<u8> {
    let records: Vec<RoundRecord> = (catalogue.index.rounds.iter())
        .map(|r| RoundRecord {
            year: r.year,
            valid_at_start: r.valid_at_start,
            new: r.new.len(),
            reevaluated: r.reevaluated.len(),
            reevaluated_up: r.count(Direction::Up),
            reevaluated_down: r.count(Direction::Down),
            expired_not_reevaluated: r.ran_out.len(),
            valid_at_end: r.valid_at_end,
        })
        .collect();
    serde_json::to_vec_pretty(&records).unwrap_or_default()
}

/// Excel reads a CSV as the local code page unless it starts with a byte-order mark.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// A cell that a spreadsheet would run as a formula is prefixed with `'`, so that a
/// value such as `=HYPERLINK(…)` is shown as text, never evaluated.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn csv<S: AsRef<str>>(header: &[&str], rows: impl Iterator<Item = Vec<S>>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|c| cell(c.as_ref())));
    }
    writer.into_inner().unwrap_or_default()
}

/// `products.csv`, its producer types named by the main edition's strings.
pub fn products_csv(main: Edition<'_>) -> Vec<u8> {
    table_csv(main, columns::PRODUCTS, &main.catalogue.products)
}

/// `producers.csv`, its producer types named by the main edition's strings.
pub fn producers_csv(main: Edition<'_>) -> Vec<u8> {
    table_csv(main, columns::PRODUCERS, &main.catalogue.producers)
}

/// A download of `records`, with this site's columns of `table`.
fn table_csv<T>(main: Edition<'_>, table: &'static [Column<T>], records: &[T]) -> Vec<u8> {
    let columns: Vec<&Column<T>> = columns::for_site(main.catalogue, table).collect();
    let header: Vec<&str> = columns.iter().map(|c| c.name).collect();
    let rows = columns::rows(main.catalogue, records).map(|row| {
        (columns.iter())
            .map(|column| match (column.value)(row) {
                Cell::Text(text) => text,
                Cell::ProducerType(kind) => Cow::Borrowed(main.producer_type(kind)),
            })
            .collect()
    });
    csv(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_in_cells() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Hạt dẻ"), "Hạt dẻ");
    }

    #[test]
    fn the_strings_loader_requires_every_column_description() {
        let keys = (columns::PRODUCTS.iter().map(|c| c.about))
            .chain(columns::PRODUCERS.iter().map(|c| c.about));
        for key in keys {
            assert!(
                crate::edition::strings::required_keys().any(|k| k == key),
                "`{key}` is not required of a theme's strings"
            );
        }
    }

    #[test]
    fn starts_with_a_byte_order_mark() {
        let bytes = csv(&["a"], std::iter::once(vec!["Lạp sườn".to_owned()]));
        assert!(bytes.starts_with(BOM));
        assert_eq!(std::str::from_utf8(&bytes[3..]).unwrap(), "a\nLạp sườn\n");
    }
}
