//! The statistics page: every figure computed from the records, never typed in.
//!
//! The counts are laid out as charts by `charts`; the template draws them and repeats
//! every figure in a table.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Serialize;

use crate::domain::{CertificateStatus, ProducerType, Product};
use crate::paths;

use super::charts::{self, Bar, Chart};
use super::context::{card, category_ref, district_ref, CardView, Ref};
use crate::edition::Edition;
use crate::model::Catalogue;

/// Star levels as columns, lowest first.
const COLUMNS: [u8; 3] = [3, 4, 5];

#[derive(Serialize)]
pub struct StatsView<'a> {
    /// The build date the figures are computed on, ISO and as displayed.
    pub as_of: String,
    pub as_of_display: String,
    pub total_products: usize,
    pub total_producers: usize,
    pub star_levels: [u8; 3],
    pub by_district: Vec<DistrictRow<'a>>,
    pub star_totals: [usize; 3],
    pub by_category: Vec<CategoryRow<'a>>,
    pub by_producer_type: Vec<ProducerTypeRow<'a>>,
    pub by_year: Vec<YearRow>,
    pub year_totals: YearTotals,
    /// The year pages, oldest first.
    pub rounds: Vec<RoundLink>,
    pub expiring: Vec<ExpiringRow<'a>>,
    /// Expiring certificates on every page.
    pub expiring_total: usize,
    pub warning_months: u32,
    pub charts: Charts,
}

/// The figures above, laid out for drawing.
#[derive(Serialize)]
pub struct Charts {
    pub by_district: Chart,
    pub by_category: Chart,
    pub by_producer_type: Chart,
    pub by_year: Chart,
}

/// Certification decisions of one calendar year, over every product (expired ones too:
/// they were certified then). A product's first certification is `new`; each later one
/// is a re-evaluation, counted in the year of its own decision.
#[derive(Serialize)]
pub struct YearRow {
    pub year: i32,
    /// The year's round page, when the year has a certification decision.
    pub url: Option<String>,
    pub new: usize,
    pub reevaluated: usize,
    pub total: usize,
}

#[derive(Serialize)]
pub struct RoundLink {
    pub year: i32,
    pub url: String,
}

#[derive(Serialize, Default)]
pub struct YearTotals {
    pub new: usize,
    pub reevaluated: usize,
    pub total: usize,
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
pub struct ProducerTypeRow<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label: &'a str,
    /// Producers of this type with at least one listed product.
    pub producers: usize,
    pub products: usize,
}

#[derive(Serialize)]
pub struct ExpiringRow<'a> {
    pub card: CardView<'a>,
    /// The producer's phone, to invite it to re-evaluation.
    pub phone: Option<&'a str>,
    pub expires: String,
    pub expires_display: String,
    pub days_left: i64,
}

/// The listed products whose certificate expires soon, in no order.
pub fn expiring(catalogue: &Catalogue) -> Vec<&Product> {
    (catalogue.index.listed.iter())
        .map(|&i| &catalogue.products[i])
        .filter(|p| p.status == CertificateStatus::Expiring)
        .collect()
}

/// The figures, with the expiring certificates `rows` (soonest first) of them all: a
/// national catalogue has thousands, which the statistics list over several pages.
pub fn view<'a>(ed: Edition<'a>, rows: std::ops::Range<usize>) -> StatsView<'a> {
    let catalogue = ed.catalogue;
    let products = &catalogue.products;
    let listed = &catalogue.index.listed;
    let count_stars =
        |ids: &[usize], stars: u8| ids.iter().filter(|&&i| products[i].stars == stars).count();

    let by_district: Vec<DistrictRow> = catalogue
        .index
        .by_district
        .iter()
        .enumerate()
        .map(|(d, ids)| DistrictRow {
            district: district_ref(ed, d),
            counts: COLUMNS.map(|s| count_stars(ids, s)),
            total: ids.len(),
        })
        .collect();

    let by_category: Vec<CategoryRow> = catalogue
        .index
        .by_category
        .iter()
        .enumerate()
        .map(|(c, ids)| CategoryRow {
            category: category_ref(ed, c),
            count: ids.len(),
        })
        .collect();

    let by_producer_type: Vec<ProducerTypeRow<'a>> = ProducerType::ALL
        .into_iter()
        .map(|kind| {
            let of_kind: Vec<usize> = (0..catalogue.producers.len())
                .filter(|&p| catalogue.producers[p].kind == kind)
                .collect();
            ProducerTypeRow {
                kind: kind.id(),
                label: ed.producer_type(kind),
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

    let round_url = |year: i32| {
        (catalogue.round(year).is_some()).then(|| ed.link(&paths::round(ed.lang, year)))
    };
    let mut by_year = certifications_by_year(products, catalogue.site.validity_months);
    for row in &mut by_year {
        row.url = round_url(row.year);
    }
    let rounds = (catalogue.index.rounds.iter())
        .map(|r| RoundLink {
            year: r.year,
            url: ed.link(&paths::round(ed.lang, r.year)),
        })
        .collect();
    let year_totals = by_year
        .iter()
        .fold(YearTotals::default(), |sum, y| YearTotals {
            new: sum.new + y.new,
            reevaluated: sum.reevaluated + y.reevaluated,
            total: sum.total + y.total,
        });

    let mut expiring: Vec<&Product> = expiring(ed.catalogue);
    expiring.sort_by(|a, b| {
        (a.certificate.expires.cmp(&b.certificate.expires)).then(a.slug.cmp(&b.slug))
    });
    let expiring_total = expiring.len();
    let shown = rows.start.min(expiring_total)..rows.end.min(expiring_total);
    let expiring: Vec<ExpiringRow> = expiring[shown]
        .iter()
        .map(|p| ExpiringRow {
            card: card(ed, p),
            phone: catalogue.producers[p.producer].record.phone.as_deref(),
            expires: p.certificate.expires.to_string(),
            expires_display: ed.date(p.certificate.expires),
            days_left: (p.certificate.expires - catalogue.today).num_days(),
        })
        .collect();

    let charts = Charts {
        by_district: charts::stacked(
            &STAR_CLASSES.map(|(class, n)| (class, ed.strings.fill("stars_n", &[("n", n)]))),
            by_district
                .iter()
                .map(|r| bar(r.district.name, r.counts.to_vec()))
                .collect(),
        ),
        by_category: charts::stacked(
            &[("bar", ed.t("stats_series_products").to_owned())],
            by_category
                .iter()
                .map(|r| bar(r.category.name, vec![r.count]))
                .collect(),
        ),
        by_producer_type: charts::stacked(
            &[("bar", ed.t("stats_series_producers").to_owned())],
            by_producer_type
                .iter()
                .map(|r| bar(r.label, vec![r.producers]))
                .collect(),
        ),
        by_year: charts::stacked(
            &[
                ("new", ed.t("stats_series_new").to_owned()),
                ("again", ed.t("stats_series_again").to_owned()),
            ],
            by_year
                .iter()
                .map(|y| bar(&y.year.to_string(), vec![y.new, y.reevaluated]))
                .collect(),
        ),
    };

    StatsView {
        as_of: catalogue.today.to_string(),
        as_of_display: ed.date(catalogue.today),
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
        by_category,
        by_producer_type,
        by_year,
        year_totals,
        rounds,
        expiring,
        expiring_total,
        warning_months: catalogue.site.warning_months,
        charts,
    }
}

/// The star-level series of a chart, in the order of `COLUMNS`: the CSS class its
/// segments are drawn with, and the star level.
const STAR_CLASSES: [(&str, &str); 3] = [("s3", "3"), ("s4", "4"), ("s5", "5")];

fn bar(label: &str, values: Vec<usize>) -> Bar {
    Bar {
        label: label.to_owned(),
        values,
    }
}

/// Certifications per year, from the first year with one to the last, years without
/// any included so that the chart's time axis has no gaps.
fn certifications_by_year(products: &[Product], validity_months: u32) -> Vec<YearRow> {
    let mut years: BTreeMap<i32, (usize, usize)> = BTreeMap::new();
    for product in products {
        for (n, decision) in product.decisions(validity_months).iter().enumerate() {
            let year = years.entry(decision.date.year()).or_default();
            if n == 0 {
                year.0 += 1;
            } else {
                year.1 += 1;
            }
        }
    }
    let (Some(&first), Some(&last)) = (years.keys().next(), years.keys().next_back()) else {
        return Vec::new();
    };
    (first..=last)
        .map(|year| {
            let (new, reevaluated) = years.get(&year).copied().unwrap_or_default();
            YearRow {
                year,
                url: None,
                new,
                reevaluated,
                total: new + reevaluated,
            }
        })
        .collect()
}
