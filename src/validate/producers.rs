//! `producers/<id>.yaml`: type and district must be known.

use crate::content::locate::Seg::Key;
use crate::content::records::ProducerRecord;
use crate::content::Loaded;
use crate::diagnostics::{with_suggestion, Diagnostic};
use crate::model::{District, Producer, ProducerType};

use super::fields::{is_slug, reference, required_text};

pub fn producer(
    loaded: &Loaded<ProducerRecord>,
    districts: &[District],
) -> Result<Producer, Vec<Diagnostic>> {
    let (record, source) = (&loaded.record, &loaded.source);
    let mut errors = Vec::new();
    if !is_slug(&loaded.id) {
        errors.push(source.error(
            &[Key("name")],
            format!(
                "file name `{}` must be a lowercase ASCII slug, such as `{}.yaml`",
                loaded.id,
                super::fields::slugify(&loaded.id)
            ),
        ));
    }
    errors.extend(required_text(source, &[Key("name")], "name", &record.name));
    let kind = ProducerType::from_id(&record.kind).ok_or_else(|| {
        let ids = ProducerType::ALL.map(ProducerType::id);
        let message = format!(
            "unknown producer type `{}`; expected one of {}",
            record.kind,
            ids.join(", ")
        );
        source.error(&[Key("type")], with_suggestion(message, &record.kind, ids))
    });
    let district = reference(
        source,
        &[Key("district")],
        "district",
        &record.district,
        districts.iter().map(|d| d.id.as_str()),
    );
    let (kind, district) = match (kind, district) {
        (Ok(kind), Ok(district)) if errors.is_empty() => (kind, district),
        (kind, district) => {
            errors.extend(kind.err());
            errors.extend(district.err());
            return Err(errors);
        }
    };
    Ok(Producer {
        id: loaded.id.clone(),
        name: record.name.clone(),
        kind,
        district,
        address: record.address.clone(),
        representative: record.representative.clone(),
        phone: record.phone.clone(),
        email: record.email.clone(),
        website: record.website.clone(),
        description: record.description.clone(),
    })
}
