//! `producers/<id>.yaml`: type and district must be known.

use crate::content::locate::Seg::Key;
use crate::content::{markdown, Loaded};
use crate::diagnostics::{with_suggestion, Diagnostic};
use crate::domain::records::ProducerRecord;
use crate::domain::{District, Platform, Producer, ProducerType};
use crate::t;

use super::fields::{descriptions, is_slug, reference, required_text};
use super::shops::check_url;

/// The producer, and the problems found in its file. A producer with problems is
/// still returned, so that its products do not also report it as unknown; the build
/// stops on the problems anyway.
pub fn producer(
    loaded: &Loaded<ProducerRecord>,
    districts: &[District],
    platforms: &[Platform],
) -> (Producer, Vec<Diagnostic>) {
    let (record, source) = (&loaded.record, &loaded.source);
    let mut errors = Vec::new();
    if !is_slug(&loaded.id) {
        errors.push(source.error(
            &[Key("name")],
            t!(
                "producer-file-name",
                name = &loaded.id,
                suggestion = super::fields::slugify(&loaded.id)
            ),
        ));
    } else if crate::paths::producer_reserved_ids().contains(&loaded.id.as_str()) {
        // The directory's filter and page addresses live beside the producer pages.
        errors.push(source.error(
            &[Key("name")],
            t!("producer-file-name-reserved", name = &loaded.id),
        ));
    }
    errors.extend(required_text(source, &[Key("name")], "name", &record.name));
    let en_description = record.en.as_ref().and_then(|t| t.description.as_deref());
    errors.extend(descriptions(
        source,
        record.description.as_deref(),
        en_description,
    ));
    let kind = ProducerType::from_id(&record.kind).unwrap_or_else(|| {
        let ids = ProducerType::ALL.map(ProducerType::id);
        let message = with_suggestion(
            t!("producer-unknown-type", kind = &record.kind),
            &record.kind,
            ids,
        );
        errors.push(source.error(
            &[Key("type")],
            t!("expected-one-of", message = message, names = ids.join(", ")),
        ));
        ProducerType::Household
    });
    let district = reference(
        source,
        &[Key("district")],
        &t!("noun-district"),
        &record.district,
        districts.iter().map(|d| d.id.as_str()),
    )
    .unwrap_or_else(|error| {
        errors.push(error);
        0
    });
    // The website becomes a link: only https, never `javascript:` or similar.
    let website = record.website.as_ref().and_then(|url| {
        let own_site = platforms.iter().find(|p| p.id == "website")?;
        check_url(own_site, url)
            .map_err(|message| {
                errors.push(source.error(&[Key("website")], t!("producer-website", why = message)))
            })
            .ok()
            .map(|shop| shop.url)
    });
    let producer = Producer {
        id: loaded.id.clone(),
        record: record.clone(),
        kind,
        district,
        website,
        description: record.description.as_deref().map(markdown::render),
        en_description: en_description.map(markdown::render),
    };
    (producer, errors)
}
