//! A certified product, with its references resolved to indexes into the catalogue.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::certificate::{Certificate, CertificateStatus};
use super::language::{Lang, Localized, PhotoText};
use super::markdown::Markdown;
use super::records::{DetailRecord, PriceRecord, ProductRecord};
use super::shop::Shop;

/// A product: its file as written, kept once, with what validation resolved from it.
/// The record's own fields read through the product (`product.name`, `product.tags`);
/// the fields below take the place of the record's references and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    pub slug: String,
    /// `products/<slug>/product.yaml`, checked; a blank summary reads as none.
    pub record: ProductRecord,
    /// Index into `Catalogue::categories`.
    pub category: usize,
    /// Index into that category's `subcategories`.
    pub subcategory: Option<usize>,
    /// Index into `Catalogue::producers`.
    pub producer: usize,
    /// Index into `Catalogue::districts`: the record's, else its producer's.
    pub district: usize,
    pub certificate: Certificate,
    pub status: CertificateStatus,
    /// The record's description, rendered.
    pub description: Option<Markdown>,
    /// Its English translation, rendered.
    pub en_description: Option<Markdown>,
    pub photos: Vec<Photo>,
    /// The shop links, checked and without tracking parameters.
    pub shops: Vec<Shop>,
    /// Earlier ratings, dated.
    pub history: Vec<Rating>,
}

impl std::ops::Deref for Product {
    type Target = ProductRecord;

    fn deref(&self) -> &ProductRecord {
        &self.record
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// The camera original, inside the product's folder.
    pub source: PathBuf,
    /// File name without extension, used to name the resized copies.
    pub stem: String,
    pub alt: String,
    pub caption: Option<String>,
    pub en: PhotoText,
    /// Size after EXIF orientation is applied.
    pub width: u32,
    pub height: u32,
}

/// An earlier OCOP rating of the same product.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    pub stars: u8,
    pub date: NaiveDate,
    pub decision: String,
    /// The score out of 100, when the record gives it.
    pub score: Option<u8>,
}

/// One certification decision of a product: a rating of 3★ or more, from its history
/// or its current certificate. See [`Product::decisions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision<'a> {
    pub stars: u8,
    pub date: NaiveDate,
    /// The last day the certificate it grants is in force, unless a later decision
    /// replaces it first.
    pub expires: NaiveDate,
    pub decision: &'a str,
}

impl Product {
    pub fn is_listed(&self) -> bool {
        self.status.is_listed()
    }

    /// The product's certification decisions, oldest first, on dates strictly
    /// increasing (validation refuses a history that contradicts itself): the ratings of
    /// its history of 3★ or more, each in force for `validity_months` (the history has
    /// no expiry dates), then its current certificate with its own expiry. A 1★ or 2★
    /// rating certifies nothing, so it is not a decision here. A history entry on the
    /// certificate's own date is the certificate written twice, and is left out.
    pub fn decisions(&self, validity_months: u32) -> Vec<Decision<'_>> {
        let certificate = &self.certificate;
        (self.history.iter())
            .filter(|r| r.stars >= 3 && r.date < certificate.date)
            .map(|r| Decision {
                stars: r.stars,
                date: r.date,
                expires: Certificate::default_expiry(r.date, validity_months)
                    .unwrap_or(NaiveDate::MAX),
                decision: &r.decision,
            })
            .chain([Decision {
                stars: self.stars,
                date: certificate.date,
                expires: certificate.expires,
                decision: &certificate.decision,
            }])
            .collect()
    }

    pub fn name_in(&self, lang: Lang) -> Localized<'_> {
        let en = self.record.en.as_ref().and_then(|t| t.name.as_deref());
        lang.pick(&self.record.name, en)
    }

    pub fn summary_in(&self, lang: Lang) -> Option<Localized<'_>> {
        let en = self.record.en.as_ref().and_then(|t| t.summary.as_deref());
        lang.pick_opt(self.record.summary.as_deref(), en)
    }

    pub fn description_in(&self, lang: Lang) -> Option<Localized<'_, Markdown>> {
        lang.pick_opt(self.description.as_ref(), self.en_description.as_ref())
    }

    /// The label–value details in `lang`, and their language when it is not `lang`.
    pub fn details_in(&self, lang: Lang) -> (&[DetailRecord], Option<&'static str>) {
        let en = self.record.en.as_ref().and_then(|t| t.details.as_ref());
        match (lang, en) {
            (Lang::En, Some(details)) => (details, None),
            (Lang::Vi, _) => (&self.record.details, None),
            _ => (&self.record.details, Some(Lang::Vi.code())),
        }
    }
}

impl Photo {
    pub fn alt_in(&self, lang: Lang) -> Localized<'_> {
        lang.pick(&self.alt, self.en.alt.as_deref())
    }

    pub fn caption_in(&self, lang: Lang) -> Option<Localized<'_>> {
        lang.pick_opt(self.caption.as_deref(), self.en.caption.as_deref())
    }
}

impl PriceRecord {
    /// "120.000 ₫" or "120.000 – 150.000 ₫", with the unit after a slash, as
    /// Vietnamese writes it.
    pub fn display(&self) -> String {
        self.display_grouped('.')
    }

    /// `display` with thousands grouped by `separator`: English writes 120,000.
    pub fn display_grouped(&self, separator: char) -> String {
        let group = |value| group_thousands(value, separator);
        let amount = match self.max {
            Some(max) if max != self.min => format!("{} – {} ₫", group(self.min), group(max)),
            _ => format!("{} ₫", group(self.min)),
        };
        match &self.unit {
            Some(unit) => format!("{amount} / {unit}"),
            None => amount,
        }
    }
}

/// Digits in groups of three: 1.250.000 in Vietnamese, 1,250,000 in English.
fn group_thousands(value: u64, separator: char) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(group_thousands(0, '.'), "0");
        assert_eq!(group_thousands(999, '.'), "999");
        assert_eq!(group_thousands(1000, '.'), "1.000");
        assert_eq!(group_thousands(1250000, '.'), "1.250.000");
    }

    #[test]
    fn displays_ranges_and_units() {
        let price = |min, max, unit: Option<&str>| PriceRecord {
            min,
            max,
            unit: unit.map(Into::into),
        };
        assert_eq!(price(120000, None, None).display(), "120.000 ₫");
        assert_eq!(
            price(120000, Some(150000), Some("gói 500 g")).display(),
            "120.000 – 150.000 ₫ / gói 500 g"
        );
        assert_eq!(price(5000, Some(5000), None).display(), "5.000 ₫");
        assert_eq!(
            price(1250000, Some(1500000), None).display_grouped(','),
            "1,250,000 – 1,500,000 ₫"
        );
    }
}

/// Widths of the resized copies of each photo: a card in a phone's listing, a card
/// on a sharp screen or a phone's product page, and the large view. Browsers pick one
/// from `srcset`.
pub const PHOTO_WIDTHS: [u32; 3] = [400, 800, 1600];

/// Size of the link-preview image made from each product's cover: the 1.91:1 shape
/// Facebook and Zalo crop to.
pub const SHARE_SIZE: (u32, u32) = (1200, 630);

impl Photo {
    /// The widths actually published: those of [`PHOTO_WIDTHS`] the original can
    /// fill, plus the original's own width when it is smaller than the largest, so the
    /// sharpest copy is never an enlargement.
    pub fn widths(&self) -> Vec<u32> {
        let mut widths: Vec<u32> = PHOTO_WIDTHS
            .iter()
            .copied()
            .filter(|&w| w < self.width)
            .collect();
        if widths.len() < PHOTO_WIDTHS.len() {
            widths.push(self.width.min(PHOTO_WIDTHS[PHOTO_WIDTHS.len() - 1]));
        }
        widths
    }

    /// The size of the copy `width` wide, never larger than the original.
    pub fn scaled(&self, width: u32) -> (u32, u32) {
        if width >= self.width {
            return (self.width, self.height);
        }
        let height = (u64::from(self.height) * u64::from(width) + u64::from(self.width) / 2)
            / u64::from(self.width);
        (width, (height as u32).max(1))
    }

    /// The share image's size: [`SHARE_SIZE`], or less when the original cannot fill
    /// it, keeping the shape.
    pub fn share_size(&self) -> (u32, u32) {
        let (w, h) = SHARE_SIZE;
        let fit = f64::min(
            1.0,
            f64::min(
                f64::from(self.width) / f64::from(w),
                f64::from(self.height) / f64::from(h),
            ),
        );
        let scale = |v: u32| ((f64::from(v) * fit).round() as u32).max(1);
        (scale(w), scale(h))
    }
}

#[cfg(test)]
mod photo_tests {
    use super::*;

    fn photo(width: u32, height: u32) -> Photo {
        Photo {
            source: PathBuf::new(),
            stem: "anh".into(),
            alt: String::new(),
            caption: None,
            en: PhotoText::default(),
            width,
            height,
        }
    }

    #[test]
    fn scales_down_keeping_the_aspect_ratio() {
        assert_eq!(photo(2000, 1500).scaled(480), (480, 360));
        assert_eq!(photo(1500, 2000).scaled(1600), (1500, 2000));
        assert_eq!(photo(3001, 1).scaled(480), (480, 1));
    }

    #[test]
    fn widths_never_enlarge() {
        assert_eq!(photo(4000, 3000).widths(), [400, 800, 1600]);
        assert_eq!(photo(1600, 1200).widths(), [400, 800, 1600]);
        assert_eq!(photo(1000, 750).widths(), [400, 800, 1000]);
        assert_eq!(photo(800, 600).widths(), [400, 800]);
        assert_eq!(photo(64, 48).widths(), [64]);
    }

    #[test]
    fn share_image_keeps_its_shape_when_the_original_is_small() {
        assert_eq!(photo(4000, 3000).share_size(), (1200, 630));
        assert_eq!(photo(600, 800).share_size(), (600, 315));
        assert_eq!(photo(1200, 315).share_size(), (600, 315));
    }
}
