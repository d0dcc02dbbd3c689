//! `products/<slug>/product.yaml`: star level, references, certificate dates,
//! photos, prices and shop links.

use crate::t;
use std::collections::HashMap;
use std::path::Path;

use crate::content::locate::Seg::{self, Index, Key};
use crate::content::{markdown, Loaded, Source};
use crate::diagnostics::{with_named_suggestion, with_suggestion, Diagnostic};
use crate::domain::language::PhotoText;
use crate::domain::records::ProductRecord;
use crate::domain::{
    score_band, Category, Certificate, District, Photo, Producer, Product, Rating, Shop, Site,
};

use super::fields::{date, descriptions, is_slug, reference, required_text, slugify};
use super::photos::inspect;
use super::shops::check_url;

/// The catalogue so far, which products refer to.
pub struct Context<'a> {
    pub site: &'a Site,
    pub today: chrono::NaiveDate,
    pub root: &'a Path,
    pub districts: &'a [District],
    pub categories: &'a [Category],
    pub producers: &'a [Producer],
    /// The producers' positions by id: a national catalogue has thousands.
    pub producer_ids: HashMap<&'a str, usize>,
}

/// The longest summary that still fits a card and a meta description.
const SUMMARY_MAX_CHARS: usize = 200;

pub fn product(loaded: &Loaded<ProductRecord>, cx: &Context) -> Result<Product, Vec<Diagnostic>> {
    let (record, source) = (&loaded.record, &loaded.source);
    let mut errors = Vec::new();
    let slug = slugify(&loaded.id);
    if slug.is_empty() {
        errors.push(source.error(&[Key("name")], t!("product-folder-name")));
    }
    errors.extend(required_text(source, &[Key("name")], "name", &record.name));

    if !(3..=5).contains(&record.stars) {
        errors.push(source.error(&[Key("stars")], t!("product-stars", stars = record.stars)));
    }

    let category = reference(
        source,
        &[Key("category")],
        &t!("noun-category"),
        &record.category,
        cx.categories.iter().map(|c| c.id.as_str()),
    )
    .map_err(|e| errors.push(e))
    .ok();
    let subcategory = match (category, &record.subcategory) {
        (Some(c), Some(typed)) => {
            let known = &cx.categories[c].subcategories;
            let found = known.iter().position(|s| &s.id == typed);
            if found.is_none() {
                let message = t!(
                    "product-unknown-subcategory",
                    typed = typed,
                    category = &cx.categories[c].id
                );
                let hint = with_suggestion(message, typed, known.iter().map(|s| s.id.as_str()));
                errors.push(source.error(&[Key("subcategory")], hint));
            }
            found
        }
        _ => None,
    };
    let producer = match cx.producer_ids.get(record.producer.as_str()) {
        Some(&p) => Some(p),
        None => {
            // Suggested by id and by name: the team often types the name as an id.
            let message = with_named_suggestion(
                t!("product-unknown-producer", id = &record.producer),
                &record.producer,
                cx.producers.iter().map(|p| (p.id.as_str(), p.name())),
            );
            errors.push(source.error(&[Key("producer")], message));
            None
        }
    };
    let district = match (&record.district, producer) {
        (Some(typed), _) => reference(
            source,
            &[Key("district")],
            &t!("noun-district"),
            typed,
            cx.districts.iter().map(|d| d.id.as_str()),
        )
        .map_err(|e| errors.push(e))
        .ok(),
        (None, Some(p)) => Some(cx.producers[p].district),
        (None, None) => None,
    };

    let certificate = certificate(loaded, cx, &mut errors);

    let en_summary = record.en.as_ref().and_then(|t| t.summary.as_ref());
    for (at, summary) in [
        (&[Key("summary")][..], record.summary.as_ref()),
        (&[Key("en"), Key("summary")][..], en_summary),
    ] {
        let length = summary.map_or(0, |s| s.chars().count());
        if length > SUMMARY_MAX_CHARS {
            errors.push(source.error(
                at,
                t!(
                    "product-summary-long",
                    length = length,
                    max = SUMMARY_MAX_CHARS
                ),
            ));
        }
    }

    let en_description = record.en.as_ref().and_then(|t| t.description.as_deref());
    errors.extend(descriptions(
        source,
        record.description.as_deref(),
        en_description,
    ));

    let photos = photos(loaded, cx, &mut errors);

    if let Some(price) = &record.price {
        if price.max.is_some_and(|max| max < price.min) {
            errors.push(source.error(&[Key("price"), Key("max")], t!("product-price-range")));
        }
    }

    let shops = shops(loaded, cx, &mut errors);

    let history = history(loaded, certificate.as_ref(), &mut errors);

    for (i, alias) in record.aliases.iter().enumerate() {
        let at = [Key("aliases"), Index(i)];
        if !is_slug(alias) {
            errors.push(source.error(&at, t!("alias-not-a-slug", alias = alias)));
        } else if *alias == slug {
            errors.push(source.error(&at, t!("alias-own-slug", alias = alias)));
        }
    }

    match (category, producer, district, certificate) {
        (Some(category), Some(producer), Some(district), Some(certificate))
            if errors.is_empty() =>
        {
            let status = certificate.status(cx.today, cx.site.warning_months);
            // Kept as written, but for a blank summary, which reads as none.
            let mut record = record.clone();
            let blank = |s: &String| s.trim().is_empty();
            record.summary = record.summary.filter(|s| !blank(s));
            if let Some(en) = &mut record.en {
                en.summary = en.summary.take().filter(|s| !blank(s));
            }
            Ok(Product {
                slug,
                category,
                subcategory,
                producer,
                district,
                certificate,
                status,
                description: record.description.as_deref().map(markdown::render),
                en_description: en_description.map(markdown::render),
                photos,
                shops,
                history,
                record,
            })
        }
        _ => Err(errors),
    }
}

fn certificate(
    loaded: &Loaded<ProductRecord>,
    cx: &Context,
    errors: &mut Vec<Diagnostic>,
) -> Option<Certificate> {
    let (record, source) = (&loaded.record.certificate, &loaded.source);
    if let Some(error) = required_text(
        source,
        &[Key("certificate"), Key("decision")],
        "decision",
        &record.decision,
    ) {
        errors.push(error);
    }
    let issued = date(source, &[Key("certificate"), Key("date")], &record.date)
        .map_err(|e| errors.push(e))
        .ok()?;
    if issued > cx.today {
        errors.push(source.error(
            &[Key("certificate"), Key("date")],
            t!(
                "certificate-in-future",
                issued = issued.to_string(),
                today = cx.today.to_string()
            ),
        ));
    }
    let expires = match &record.expires {
        Some(text) => {
            let expires = date(source, &[Key("certificate"), Key("expires")], text)
                .map_err(|e| errors.push(e))
                .ok()?;
            if expires < issued {
                errors.push(source.error(
                    &[Key("certificate"), Key("expires")],
                    t!("certificate-expires-first"),
                ));
            }
            expires
        }
        None => Certificate::default_expiry(issued, cx.site.validity_months)?,
    };
    let score = score(
        source,
        &[Key("certificate"), Key("score")],
        loaded.record.stars,
        record.score,
        errors,
    );
    Some(Certificate {
        decision: record.decision.clone(),
        number: record.number.clone(),
        issuer: record.issuer.clone(),
        date: issued,
        expires,
        score,
    })
}

/// The photos, each checked to be a readable image inside the product's folder.
fn photos(
    loaded: &Loaded<ProductRecord>,
    cx: &Context,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Photo> {
    let (record, source) = (&loaded.record, &loaded.source);
    let dir = source
        .path
        .parent()
        .map(|p| cx.root.join(p))
        .unwrap_or_default();
    let mut photos = Vec::new();
    for (i, photo) in record.photos.iter().enumerate() {
        match inspect(&dir, &photo.file, &t!("photo-folder-product")) {
            Ok(header) => photos.push(Photo {
                stem: slugify(
                    Path::new(&photo.file)
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .as_ref(),
                ),
                source: header.path,
                alt: photo.alt.clone(),
                caption: photo.caption.clone(),
                en: photo
                    .en
                    .as_ref()
                    .map(|t| PhotoText {
                        alt: t.alt.clone(),
                        caption: t.caption.clone(),
                    })
                    .unwrap_or_default(),
                width: header.width,
                height: header.height,
            }),
            Err(message) => {
                errors.push(source.error(&[Key("photos"), Index(i), Key("file")], message))
            }
        }
        let en_alt = photo.en.as_ref().and_then(|t| t.alt.as_deref());
        for (at, alt) in [
            (
                &[Key("photos"), Index(i), Key("alt")][..],
                Some(photo.alt.as_str()),
            ),
            (
                &[Key("photos"), Index(i), Key("en"), Key("alt")][..],
                en_alt,
            ),
        ] {
            if alt.is_some_and(|a| a.trim().is_empty()) {
                errors.push(source.error(at, t!("photo-alt-empty")));
            }
        }
    }
    let mut stems: Vec<&str> = photos.iter().map(|p| p.stem.as_str()).collect();
    stems.sort_unstable();
    if let Some(pair) = stems.windows(2).find(|w| w[0] == w[1]) {
        errors.push(source.error(&[Key("photos")], t!("photo-same-name", name = pair[0])));
    }
    photos
}

/// The shop links, on known platforms and their own hosts, without tracking.
fn shops(loaded: &Loaded<ProductRecord>, cx: &Context, errors: &mut Vec<Diagnostic>) -> Vec<Shop> {
    let (record, source) = (&loaded.record, &loaded.source);
    let mut shops = Vec::new();
    for (i, shop) in record.shops.iter().enumerate() {
        let Some(platform) = cx.site.platform(&shop.platform) else {
            let known = cx.site.platforms.iter().map(|p| p.id.as_str());
            let message = t!("shop-unknown-platform", platform = &shop.platform);
            errors.push(source.error(
                &[Key("shops"), Index(i), Key("platform")],
                with_suggestion(message, &shop.platform, known),
            ));
            continue;
        };
        match check_url(platform, &shop.url) {
            Ok(clean) => shops.push(clean),
            Err(why) => errors.push(source.error(
                &[Key("shops"), Index(i), Key("url")],
                t!("shop-url", why = why),
            )),
        }
    }
    shops
}

/// Earlier ratings, with their dates checked, and checked against each other and the
/// current certificate: oldest first, one a day, none after the certificate. A last
/// entry on the certificate's date is that decision written twice, so it must agree
/// with the certificate.
fn history(
    loaded: &Loaded<ProductRecord>,
    certificate: Option<&Certificate>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Rating> {
    let (record, source) = (&loaded.record, &loaded.source);
    let mut history: Vec<Rating> = Vec::new();
    for (i, rating) in record.history.iter().enumerate() {
        let at = [Key("history"), Index(i), Key("date")];
        if !(1..=5).contains(&rating.stars) {
            errors.push(source.error(
                &[Key("history"), Index(i), Key("stars")],
                t!("history-stars"),
            ));
        }
        let score = score(
            source,
            &[Key("history"), Index(i), Key("score")],
            rating.stars,
            rating.score,
            errors,
        );
        let date = match date(source, &at, &rating.date) {
            Ok(date) => date,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let previous = history.last().map(|r| r.date);
        if previous.is_some_and(|p| date < p) {
            let previous = previous.unwrap_or(date);
            errors.push(source.error(
                &at,
                t!(
                    "history-out-of-order",
                    date = date.to_string(),
                    previous = previous.to_string()
                ),
            ));
        }
        let repeats_certificate = certificate.is_some_and(|c| {
            c.date == date && c.decision == rating.decision && record.stars == rating.stars
        });
        let same_day = previous == Some(date)
            || certificate.is_some_and(|c| c.date == date && !repeats_certificate);
        if same_day {
            errors.push(source.error(&at, t!("history-same-day", date = date.to_string())));
        }
        history.push(Rating {
            stars: rating.stars,
            date,
            decision: rating.decision.clone(),
            score,
        });
    }
    let latest = history.iter().map(|r| r.date).max();
    if let (Some(certificate), Some(latest)) = (certificate, latest) {
        if certificate.date < latest {
            errors.push(source.error(
                &[Key("certificate"), Key("date")],
                t!(
                    "certificate-older-than-history",
                    date = certificate.date.to_string(),
                    latest = latest.to_string()
                ),
            ));
        }
    }
    history
}

/// A score out of 100 in the band of `stars` (Decision 148/QĐ-TTg); an error for any
/// other. Stars outside 1 to 5 are reported on their own, so their score is not judged.
fn score(
    source: &Source,
    at: &[Seg],
    stars: u8,
    score: Option<u32>,
    errors: &mut Vec<Diagnostic>,
) -> Option<u8> {
    let score = score?;
    let Some(points) = u8::try_from(score).ok().filter(|&s| s <= 100) else {
        errors.push(source.error(at, t!("score-range", score = score)));
        return None;
    };
    match score_band(stars) {
        Some((low, high)) if !(low..=high).contains(&points) => {
            errors.push(source.error(
                at,
                t!(
                    "score-band",
                    points = points,
                    stars = stars,
                    low = low,
                    high = high
                ),
            ));
            None
        }
        _ => Some(points),
    }
}
