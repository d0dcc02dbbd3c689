//! The statistics page: every figure computed from the records, never typed in.

use serde::Serialize;

use crate::model::{Catalogue, CertificateStatus, ProducerType};

use super::context::{card, category_ref, display_date, district_ref, CardView, Ref};

/// Star levels as columns, lowest first.
const COLUMNS: [u8; 3] = [3, 4, 5];

#[derive(Serialize)]
pub struct StatsView<'a> {
    pub as_of_display: String,
    pub total_products: usize,
    pub total_producers: usize,
    pub star_levels: [u8; 3],
    pub by_district: Vec<DistrictRow<'a>>,
    pub star_totals: [usize; 3],
    pub by_category: Vec<CategoryRow<'a>>,
    pub by_producer_type: Vec<ProducerTypeRow>,
    pub expiring: Vec<ExpiringRow<'a>>,
    pub warning_months: u32,
}

#[derive(Serialize)]
pub struct DistrictRow<'a> {
    pub district: Ref<'a>,
    pub counts: [usize; 3],
    pub total: usize,
}

#[derive(Serialize)]
pub struct CategoryRow<'a> {
    pub category: Ref<'a>,
    pub count: usize,
}

#[derive(Serialize)]
pub struct ProducerTypeRow {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label: &'static str,
    /// Producers of this type with at least one listed product.
    pub producers: usize,
    pub products: usize,
}

#[derive(Serialize)]
pub struct ExpiringRow<'a> {
    pub card: CardView<'a>,
    pub expires: String,
    pub expires_display: String,
    pub days_left: i64,
}

pub fn view(catalogue: &Catalogue) -> StatsView<'_> {
    let products = &catalogue.products;
    let listed = &catalogue.index.listed;
    let count_stars =
        |ids: &[usize], stars: u8| ids.iter().filter(|&&i| products[i].stars == stars).count();

    let by_district = catalogue
        .index
        .by_district
        .iter()
        .enumerate()
        .map(|(d, ids)| DistrictRow {
            district: district_ref(catalogue, d),
            counts: COLUMNS.map(|s| count_stars(ids, s)),
            total: ids.len(),
        })
        .collect();

    let by_producer_type = ProducerType::ALL
        .into_iter()
        .map(|kind| {
            let of_kind: Vec<usize> = (0..catalogue.producers.len())
                .filter(|&p| catalogue.producers[p].kind == kind)
                .collect();
            ProducerTypeRow {
                kind: kind.id(),
                label: kind.label(),
                producers: of_kind
                    .iter()
                    .filter(|&&p| !catalogue.index.by_producer[p].is_empty())
                    .count(),
                products: of_kind
                    .iter()
                    .map(|&p| catalogue.index.by_producer[p].len())
                    .sum(),
            }
        })
        .collect();

    let mut expiring: Vec<ExpiringRow> = listed
        .iter()
        .map(|&i| &products[i])
        .filter(|p| p.status == CertificateStatus::Expiring)
        .map(|p| ExpiringRow {
            card: card(catalogue, p),
            expires: p.certificate.expires.to_string(),
            expires_display: display_date(p.certificate.expires),
            days_left: (p.certificate.expires - catalogue.today).num_days(),
        })
        .collect();
    expiring.sort_by(|a, b| a.expires.cmp(&b.expires).then(a.card.slug.cmp(b.card.slug)));

    StatsView {
        as_of_display: display_date(catalogue.today),
        total_products: listed.len(),
        total_producers: catalogue
            .index
            .by_producer
            .iter()
            .filter(|ids| !ids.is_empty())
            .count(),
        star_levels: COLUMNS,
        by_district,
        star_totals: COLUMNS.map(|s| catalogue.with_stars(s).len()),
        by_category: catalogue
            .index
            .by_category
            .iter()
            .enumerate()
            .map(|(c, ids)| CategoryRow {
                category: category_ref(catalogue, c),
                count: ids.len(),
            })
            .collect(),
        by_producer_type,
        expiring,
        warning_months: catalogue.site.warning_months,
    }
}
