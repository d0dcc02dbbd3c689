//! Data files for traders: the whole catalogue as JSON and as spreadsheets.

use serde::Serialize;

use crate::domain::{Lang, Product};

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
        en: has_english(catalogue).then(|| EnglishRecord {
            name: product.en.as_ref().and_then(|t| t.name.as_deref()),
            summary: product.en.as_ref().and_then(|t| t.summary.as_deref()),
            url: catalogue
                .site
                .absolute(&paths::product(Lang::En, &product.slug)),
        }),
    }
}

/// Whether the site has an English edition, whose texts the downloads then carry too.
fn has_english(catalogue: &Catalogue) -> bool {
    catalogue.site.languages.contains(&Lang::En)
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

/// A column of a CSV download, with what it holds, shown on the open-data page.
#[derive(Debug, Serialize)]
pub struct Column {
    pub name: &'static str,
    pub about: &'static str,
}

const fn column(name: &'static str, about: &'static str) -> Column {
    Column { name, about }
}

/// The columns of `products.csv`, in order.
pub const PRODUCT_COLUMNS: &[Column] = &[
    column("slug", "mã sản phẩm, phần cuối địa chỉ trang sản phẩm"),
    column("name", "tên sản phẩm"),
    column("stars", "hạng sao OCOP: 3, 4 hoặc 5"),
    column("category", "nhóm sản phẩm"),
    column("district", "huyện, thành phố nơi sản xuất"),
    column("producer_id", "mã chủ thể, như cột id của producers.csv"),
    column("producer", "tên chủ thể"),
    column(
        "producer_type",
        "loại chủ thể: HTX, tổ hợp tác, doanh nghiệp, hộ kinh doanh",
    ),
    column("certificate_decision", "số quyết định công nhận"),
    column("certificate_date", "ngày công nhận (năm-tháng-ngày)"),
    column("certificate_expires", "ngày hết hiệu lực (năm-tháng-ngày)"),
    column(
        "status",
        "trạng thái: valid (còn hạn), expiring (sắp hết hạn), expired (hết hạn)",
    ),
    column("price_min", "giá thấp nhất, đồng"),
    column("price_max", "giá cao nhất, đồng (trống nếu chỉ có một giá)"),
    column("price_unit", "đơn vị tính giá"),
    column("summary", "mô tả ngắn"),
    column("url", "địa chỉ trang sản phẩm"),
];

/// The columns of `producers.csv`, in order.
pub const PRODUCER_COLUMNS: &[Column] = &[
    column("id", "mã chủ thể"),
    column("name", "tên chủ thể"),
    column("type", "loại chủ thể"),
    column("district", "huyện, thành phố"),
    column("address", "địa chỉ"),
    column("representative", "người đại diện"),
    column("phone", "điện thoại"),
    column("email", "thư điện tử"),
    column("website", "trang web"),
    column("listed_products", "số sản phẩm còn hiệu lực"),
    column("url", "địa chỉ trang chủ thể"),
];

/// The columns added at the end of `products.csv` when the site has an English edition.
pub const ENGLISH_PRODUCT_COLUMNS: &[Column] = &[
    column("name_en", "tên tiếng Anh (trống nếu chưa dịch)"),
    column("summary_en", "mô tả ngắn tiếng Anh (trống nếu chưa dịch)"),
    column("url_en", "địa chỉ trang sản phẩm tiếng Anh"),
];

/// The columns added at the end of `producers.csv` when the site has an English edition.
pub const ENGLISH_PRODUCER_COLUMNS: &[Column] = &[
    column("name_en", "tên tiếng Anh (trống nếu chưa dịch)"),
    column("url_en", "địa chỉ trang chủ thể tiếng Anh"),
];

/// The columns of `products.csv` for this site, in order.
pub fn product_columns(catalogue: &Catalogue) -> Vec<&'static Column> {
    with_english(catalogue, PRODUCT_COLUMNS, ENGLISH_PRODUCT_COLUMNS)
}

/// The columns of `producers.csv` for this site, in order.
pub fn producer_columns(catalogue: &Catalogue) -> Vec<&'static Column> {
    with_english(catalogue, PRODUCER_COLUMNS, ENGLISH_PRODUCER_COLUMNS)
}

fn with_english(
    catalogue: &Catalogue,
    columns: &'static [Column],
    english: &'static [Column],
) -> Vec<&'static Column> {
    let english = if has_english(catalogue) { english } else { &[] };
    columns.iter().chain(english).collect()
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

fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|c| cell(c)));
    }
    writer.into_inner().unwrap_or_default()
}

pub fn products_csv(catalogue: &Catalogue) -> Vec<u8> {
    let header: Vec<&str> = product_columns(catalogue).iter().map(|c| c.name).collect();
    let rows = catalogue.products.iter().map(|p| {
        let producer = &catalogue.producers[p.producer];
        let price = p.price.as_ref();
        let mut row = vec![
            p.slug.clone(),
            p.name.clone(),
            p.stars.to_string(),
            catalogue.categories[p.category].name.clone(),
            catalogue.districts[p.district].name.clone(),
            producer.id.clone(),
            producer.name().to_owned(),
            producer.kind.label().to_owned(),
            p.certificate.decision.clone(),
            p.certificate.date.to_string(),
            p.certificate.expires.to_string(),
            p.status.id().to_owned(),
            price.map(|x| x.min.to_string()).unwrap_or_default(),
            price
                .and_then(|x| x.max)
                .map(|m| m.to_string())
                .unwrap_or_default(),
            price.and_then(|x| x.unit.clone()).unwrap_or_default(),
            p.summary.clone().unwrap_or_default(),
            catalogue.site.absolute(&paths::product(Lang::Vi, &p.slug)),
        ];
        if has_english(catalogue) {
            row.extend([
                p.en.as_ref()
                    .and_then(|t| t.name.clone())
                    .unwrap_or_default(),
                p.en.as_ref()
                    .and_then(|t| t.summary.clone())
                    .unwrap_or_default(),
                catalogue.site.absolute(&paths::product(Lang::En, &p.slug)),
            ]);
        }
        row
    });
    csv(&header, rows)
}

pub fn producers_csv(catalogue: &Catalogue) -> Vec<u8> {
    let header: Vec<&str> = producer_columns(catalogue).iter().map(|c| c.name).collect();
    let rows = catalogue.producers.iter().enumerate().map(|(i, p)| {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let mut row = vec![
            p.id.clone(),
            p.name().to_owned(),
            p.kind.label().to_owned(),
            catalogue.districts[p.district].name.clone(),
            text(&p.record.address),
            text(&p.record.representative),
            text(&p.record.phone),
            text(&p.record.email),
            text(&p.website),
            catalogue.index.by_producer[i].len().to_string(),
            catalogue.site.absolute(&paths::producer(Lang::Vi, &p.id)),
        ];
        if has_english(catalogue) {
            row.extend([
                p.record
                    .en
                    .as_ref()
                    .and_then(|t| t.name.clone())
                    .unwrap_or_default(),
                catalogue.site.absolute(&paths::producer(Lang::En, &p.id)),
            ]);
        }
        row
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
    fn starts_with_a_byte_order_mark() {
        let bytes = csv(&["a"], std::iter::once(vec!["Lạp sườn".to_owned()]));
        assert!(bytes.starts_with(BOM));
        assert_eq!(std::str::from_utf8(&bytes[3..]).unwrap(), "a\nLạp sườn\n");
    }
}
