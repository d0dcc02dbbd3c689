//! schema.org JSON-LD for search engines: the product with its OCOP certification,
//! the producer as an organisation, and the site itself.
//!
//! The OCOP star grade is a government certification, not a review, so it goes into
//! `hasCertification`, never `aggregateRating`. Without a known price there is no
//! offer: an invented one would be a false statement to search engines.

use serde_json::{json, Map, Value};

use crate::domain::{Producer, Product};
use crate::paths::{self, PhotoFormat};

use crate::edition::Edition;

/// JSON that can sit inside `<script>`: `<`, `>` and `&` are written as `\u` escapes,
/// so no value can close the script element or open a comment, and the line
/// separators JavaScript treats as line ends are escaped too.
pub fn script_json(value: &Value) -> String {
    let text = value.to_string();
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            c => safe.push(c),
        }
    }
    safe
}

/// `{"@context": …, "@graph": [...]}` for several items on one page.
fn graph(items: Vec<Value>) -> Value {
    json!({ "@context": "https://schema.org", "@graph": items })
}

/// Drop `null` members, which schema.org validators report as errors.
fn compact(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, compact(v)))
                .collect::<Map<_, _>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(compact).collect()),
        other => other,
    }
}

pub fn product(ed: Edition<'_>, product: &Product) -> String {
    let (catalogue, lang) = (ed.catalogue, ed.lang);
    let site = &catalogue.site;
    let images: Vec<String> = product
        .photos
        .first()
        .map(|cover| {
            let largest = cover.widths().last().copied().unwrap_or(cover.width);
            vec![
                site.absolute(&paths::share_image(&product.slug)),
                site.absolute(&paths::photo(
                    &product.slug,
                    &cover.stem,
                    largest,
                    PhotoFormat::Jpeg,
                )),
            ]
        })
        .unwrap_or_default();
    let certificate = &product.certificate;
    let offers = product.price.as_ref().map(|price| {
        json!({
            "@type": "AggregateOffer",
            "priceCurrency": "VND",
            "lowPrice": price.min,
            "highPrice": price.max.unwrap_or(price.min),
            "offerCount": product.shops.len().max(1),
        })
    });
    let category = &catalogue.categories[product.category];
    let item = json!({
        "@type": "Product",
        "@id": format!("{}#product", site.absolute(&paths::product(lang, &product.slug))),
        "name": product.name_in(lang).text,
        "url": site.absolute(&paths::product(lang, &product.slug)),
        "image": images,
        "description": product.summary_in(lang).map(|s| s.text),
        "category": category.name_in(lang).text,
        "brand": organization(ed, &catalogue.producers[product.producer]),
        "offers": offers,
        "hasCertification": {
            "@type": "Certification",
            "name": "OCOP",
            "certificationRating": {
                "@type": "Rating",
                "ratingValue": product.stars,
                "bestRating": 5,
                "worstRating": 1,
            },
            "certificationIdentification": certificate.number.as_deref().unwrap_or(&certificate.decision),
            "issuedBy": {
                "@type": "Organization",
                "name": certificate.issuer.clone().unwrap_or_else(|| format!("UBND {}", site.province)),
            },
            "validFrom": certificate.date.to_string(),
            "expires": certificate.expires.to_string(),
        },
    });
    script_json(&compact(graph(vec![item])))
}

fn organization(ed: Edition<'_>, producer: &Producer) -> Value {
    let (catalogue, lang) = (ed.catalogue, ed.lang);
    let site = &catalogue.site;
    let district = &catalogue.districts[producer.district];
    json!({
        "@type": "Organization",
        "@id": format!("{}#org", site.absolute(&paths::producer(lang, &producer.id))),
        "name": producer.name_in(lang).text,
        "url": site.absolute(&paths::producer(lang, &producer.id)),
        "telephone": producer.record.phone,
        "email": producer.record.email,
        "sameAs": producer.website.as_ref().map(|w| vec![w]),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": producer.record.address,
            "addressLocality": district.name_in(lang).text,
            "addressRegion": site.province,
            "addressCountry": "VN",
        },
    })
}

pub fn producer(ed: Edition<'_>, producer: &Producer) -> String {
    script_json(&compact(graph(vec![organization(ed, producer)])))
}

/// The home page: the site, and the organisation that publishes it.
pub fn home(ed: Edition<'_>) -> String {
    let (site, lang) = (&ed.catalogue.site, ed.lang);
    let home = site.absolute(&paths::home(lang));
    let contact = site.contact.as_ref();
    let publisher = json!({
        "@type": "Organization",
        "@id": format!("{}#publisher", site.base_url),
        "name": contact.and_then(|c| c.name.clone()).unwrap_or_else(|| site.title.clone()),
        "url": site.base_url,
        "telephone": contact.and_then(|c| c.phone.clone()),
        "email": contact.and_then(|c| c.email.clone()),
        "address": contact.and_then(|c| c.address.clone()).map(|address| json!({
            "@type": "PostalAddress",
            "streetAddress": address,
            "addressRegion": site.province,
            "addressCountry": "VN",
        })),
    });
    let website = json!({
        "@type": "WebSite",
        "name": site.title_in(lang).text,
        "description": site.description_in(lang).text,
        "url": home,
        "inLanguage": lang.code(),
        "publisher": { "@id": format!("{}#publisher", site.base_url) },
    });
    script_json(&compact(graph(vec![website, publisher])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_value_can_close_the_script_element() {
        let hostile = json!({ "name": "</script><script>alert(1)</script> & <!--" });
        let safe = script_json(&hostile);
        assert!(!safe.contains('<') && !safe.contains('>'), "{safe}");
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, hostile);
    }

    #[test]
    fn drops_missing_values() {
        let value = compact(json!({ "a": null, "b": { "c": null, "d": 1 } }));
        assert_eq!(value, json!({ "b": { "d": 1 } }));
    }
}
