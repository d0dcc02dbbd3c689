//! The search page's values: where the index is, the URL parameter names, and the
//! facets with their counts over every listed product. The browser recounts them for
//! each query; without JavaScript the counts and links are what the page shows.

use serde::Serialize;

use crate::domain::{CertificateStatus, STAR_LEVELS};
use crate::edition::facets::facet_values;

use crate::domain::Facet;
use crate::paths::{self, search_params as params};

use crate::edition::Edition;

#[derive(Serialize)]
pub struct SearchView {
    index_url: String,
    query_param: &'static str,
    facets: Vec<FacetView>,
    /// The one-click switch to the archive: the status facet's parameter and its
    /// expired value, which the search shows only when asked.
    status_param: &'static str,
    expired_value: &'static str,
}

#[derive(Serialize)]
struct FacetView {
    param: &'static str,
    legend: String,
    values: Vec<FacetValue>,
}

#[derive(Serialize)]
struct FacetValue {
    id: String,
    name: String,
    /// The name's language, when it is not the page's.
    lang: Option<&'static str>,
    count: usize,
    /// The value's own listing page, if it has one.
    url: Option<String>,
}

pub fn view(ed: Edition<'_>) -> SearchView {
    let facets = Facet::ALL
        .iter()
        .map(|&facet| FacetView {
            param: params::facet(facet),
            legend: legend(ed, facet),
            values: (facet_values(ed, facet).into_iter())
                .zip(facet.counts(ed.catalogue))
                .enumerate()
                .map(|(i, (value, count))| FacetValue {
                    url: listing(ed, facet, i),
                    id: value.id,
                    name: value.name,
                    lang: value.lang,
                    count,
                })
                .collect(),
        })
        .collect();
    SearchView {
        index_url: ed.link(&paths::search_index(ed.lang)),
        query_param: params::QUERY,
        facets,
        status_param: params::facet(Facet::Status),
        expired_value: params::status(CertificateStatus::Expired),
    }
}

fn legend(ed: Edition<'_>, facet: Facet) -> String {
    match facet {
        Facet::District => ed.catalogue.site.area_label_in(ed.lang).text.to_owned(),
        Facet::Stars => ed.t("facet_stars").to_owned(),
        Facet::Category => ed.t("facet_category").to_owned(),
        Facet::ProducerType => ed.t("facet_producer_type").to_owned(),
        Facet::Status => ed.t("facet_status").to_owned(),
    }
}

/// The listing page of the facet's `i`-th value: producer types have none.
fn listing(ed: Edition<'_>, facet: Facet, i: usize) -> Option<String> {
    let catalogue = ed.catalogue;
    let path = match facet {
        Facet::District => paths::district(ed.lang, &catalogue.districts.get(i)?.id),
        Facet::Stars => paths::stars(ed.lang, *STAR_LEVELS.iter().rev().nth(i)?),
        Facet::Category => paths::category(ed.lang, &catalogue.categories.get(i)?.id),
        Facet::ProducerType | Facet::Status => return None,
    };
    Some(ed.link(&path))
}
