//! The values of each search facet, named in an edition's language: the search
//! page's filters and the search index's labels list them alike.

use crate::domain::{CertificateStatus, Facet, Localized, ProducerType, STAR_LEVELS};
use crate::paths::search_params;

use super::Edition;

/// One value of a facet, named in an edition's language.
pub struct FacetName {
    pub id: String,
    pub name: String,
    pub lang: Option<&'static str>,
}

/// The facet's values in display order: the search page's filters and the search
/// index's labels list them alike.
pub fn facet_values(ed: Edition<'_>, facet: Facet) -> Vec<FacetName> {
    let catalogue = ed.catalogue;
    let named = |id: &str, name: Localized<'_>| FacetName {
        id: id.to_owned(),
        name: name.text.to_owned(),
        lang: name.lang,
    };
    match facet {
        Facet::District => (catalogue.districts.iter())
            .map(|d| named(&d.id, d.name_in(ed.lang)))
            .collect(),
        // Lowest first, as people read a scale.
        Facet::Stars => (STAR_LEVELS.iter().rev())
            .map(|s| FacetName {
                id: s.to_string(),
                name: ed.strings.fill("stars_n", &[("n", &s.to_string())]),
                lang: None,
            })
            .collect(),
        Facet::Category => (catalogue.categories.iter())
            .map(|c| named(&c.id, c.name_in(ed.lang)))
            .collect(),
        Facet::ProducerType => (ProducerType::ALL.iter())
            .map(|&t| FacetName {
                id: t.id().to_owned(),
                name: ed.producer_type(t).to_owned(),
                lang: None,
            })
            .collect(),
        Facet::Status => (CertificateStatus::ALL.iter())
            .map(|&s| FacetName {
                id: search_params::status(s).to_owned(),
                name: ed.status(s).to_owned(),
                lang: None,
            })
            .collect(),
    }
}
