//! The search page's values: where the index is, the URL parameter names, and the
//! facets with their counts over every listed product. The browser recounts them for
//! each query; without JavaScript the counts and links are what the page shows.

use serde::Serialize;

use crate::model::{Catalogue, Facet, STAR_LEVELS};
use crate::paths::{self, search_params as params};

#[derive(Serialize)]
pub struct SearchView {
    index_url: String,
    query_param: &'static str,
    facets: Vec<FacetView>,
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
    count: usize,
    /// The value's own listing page, if it has one.
    url: Option<String>,
}

pub fn view(catalogue: &Catalogue) -> SearchView {
    let facets = Facet::ALL
        .iter()
        .map(|&facet| FacetView {
            param: params::facet(facet),
            legend: legend(catalogue, facet),
            values: (facet.values(catalogue).into_iter())
                .zip(facet.counts(catalogue))
                .enumerate()
                .map(|(i, ((id, name), count))| FacetValue {
                    url: listing(catalogue, facet, i),
                    id,
                    name,
                    count,
                })
                .collect(),
        })
        .collect();
    SearchView {
        index_url: catalogue.site.link(paths::SEARCH_INDEX),
        query_param: params::QUERY,
        facets,
    }
}

fn legend(catalogue: &Catalogue, facet: Facet) -> String {
    match facet {
        Facet::District => catalogue.site.area_label.clone(),
        Facet::Stars => "Hạng sao".into(),
        Facet::Category => "Nhóm sản phẩm".into(),
        Facet::ProducerType => "Loại chủ thể".into(),
    }
}

/// The listing page of the facet's `i`-th value: producer types have none.
fn listing(catalogue: &Catalogue, facet: Facet, i: usize) -> Option<String> {
    let path = match facet {
        Facet::District => paths::district(&catalogue.districts.get(i)?.id),
        Facet::Stars => paths::stars(*STAR_LEVELS.iter().rev().nth(i)?),
        Facet::Category => paths::category(&catalogue.categories.get(i)?.id),
        Facet::ProducerType => return None,
    };
    Some(catalogue.site.link(&path))
}
