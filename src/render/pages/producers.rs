//! The producer directory, `/chu-the/`: every producer, grouped by district, in pages
//! of [`ROWS_PER_PAGE`]: a national directory of 7,500 producers was one 2 MB page.
//!
//! Traders filter it by the star level of a producer's listed products and by
//! producer type, alone or together (`chu-the/sao/4/loai/htx/`): each filter is its
//! own paginated listing, so the filters are plain links that work without
//! JavaScript, and each district within a listing is an anchor on it.

use serde::Serialize;
use tera::Context;

use crate::domain::{Lang, ProducerType, STAR_LEVELS};
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::{district_ref, producer, ProducerView, Ref};
use super::change::{changed_pages, Change};
use super::pager::{page_of, paged_title, pages_of, pagination, ROWS_PER_PAGE};
use super::{Head, Kind};

pub struct Producers;

/// Which producers a listing of the directory shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Filter {
    /// Producers with a listed product of this star level.
    pub stars: Option<u8>,
    pub kind: Option<ProducerType>,
}

impl Filter {
    /// Every filter: none first, then by star level, each with every type.
    fn all() -> Vec<Filter> {
        let stars = std::iter::once(None).chain(STAR_LEVELS.iter().rev().map(|&s| Some(s)));
        stars
            .flat_map(|stars| {
                let kinds = std::iter::once(None).chain(ProducerType::ALL.map(Some));
                kinds.map(move |kind| Filter { stars, kind })
            })
            .collect()
    }

    fn admits(self, catalogue: &Catalogue, p: usize) -> bool {
        let producer = &catalogue.producers[p];
        self.kind.is_none_or(|k| producer.kind == k)
            && self.stars.is_none_or(|s| {
                (catalogue.index.by_producer[p].iter()).any(|&i| catalogue.products[i].stars == s)
            })
    }

    fn path(self, lang: Lang, page: usize) -> String {
        paths::producers_filtered_page(lang, self.stars, self.kind.map(ProducerType::id), page)
    }
}

#[derive(Serialize)]
struct ProducerGroup<'a> {
    district: Ref<'a>,
    /// The district's producers in this listing, on every page of it.
    count: usize,
    /// Those on this page.
    producers: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    producer: ProducerView<'a>,
    /// The star levels of its listed products, highest first.
    star_levels: Vec<u8>,
}

/// A link to where a district's producers start in the listing.
#[derive(Serialize)]
struct Chip<'a> {
    district: Ref<'a>,
    href: String,
}

/// One choice of a filter: its name, how many producers it gives with the other
/// filter kept, and its listing.
#[derive(Serialize)]
struct Choice {
    name: String,
    count: usize,
    url: String,
    current: bool,
}

/// A listing's order: the producers it admits, by district, as (district, producer).
fn directory(catalogue: &Catalogue, filter: Filter) -> Vec<(usize, usize)> {
    (catalogue.index.producers_by_district.iter().enumerate())
        .flat_map(|(d, ids)| ids.iter().map(move |&p| (d, p)))
        .filter(|&(_, p)| filter.admits(catalogue, p))
        .collect()
}

/// The filter's choices of one kind: "all", then each value.
fn choices(
    ed: Edition<'_>,
    current: Filter,
    values: Vec<(String, Filter)>,
    all: Filter,
) -> Vec<Choice> {
    let catalogue = ed.catalogue;
    std::iter::once((ed.t("producers_filter_all").to_owned(), all))
        .chain(values)
        .map(|(name, filter)| Choice {
            name,
            count: (0..catalogue.producers.len())
                .filter(|&p| filter.admits(catalogue, p))
                .count(),
            url: ed.link(&filter.path(ed.lang, 1)),
            current: filter == current,
        })
        .collect()
}

impl Kind for Producers {
    /// The filter and the page, from 1.
    type Args = (Filter, usize);
    const TEMPLATE: &'static str = "producers.html";

    fn all(catalogue: &Catalogue) -> Vec<(Filter, usize)> {
        (Filter::all().into_iter())
            .flat_map(|f| {
                let rows = directory(catalogue, f).len();
                pages_of(rows, ROWS_PER_PAGE).map(move |n| (f, n))
            })
            .collect()
    }

    fn path(_: &Catalogue, lang: Lang, (filter, n): (Filter, usize)) -> String {
        filter.path(lang, n)
    }

    fn context<'a>(ed: Edition<'a>, (filter, n): (Filter, usize), cx: &mut Context) -> Head<'a> {
        let catalogue = ed.catalogue;
        let order = directory(catalogue, filter);
        let mut per_district = vec![0; catalogue.districts.len()];
        for &(d, _) in &order {
            per_district[d] += 1;
        }
        let in_district = |d: usize| per_district[d];
        let mut groups: Vec<ProducerGroup> = Vec::new();
        let mut last = None;
        for &(d, p) in page_of(&order, n, ROWS_PER_PAGE) {
            if last != Some(d) {
                last = Some(d);
                groups.push(ProducerGroup {
                    district: district_ref(ed, d),
                    count: in_district(d),
                    producers: Vec::new(),
                });
            }
            if let Some(group) = groups.last_mut() {
                group.producers.push(Row {
                    producer: producer(ed, p, false),
                    star_levels: catalogue.producer_star_levels(p),
                });
            }
        }
        // Each district links to the page it starts on, by its heading there.
        let mut chips: Vec<Chip> = Vec::new();
        let mut start = 0;
        for d in 0..catalogue.districts.len() {
            let count = in_district(d);
            if count == 0 {
                continue;
            }
            let page = start / ROWS_PER_PAGE + 1;
            let id = &catalogue.districts[d].id;
            let href = match page == n {
                true => format!("#d-{id}"),
                false => format!("{}#d-{id}", ed.link(&filter.path(ed.lang, page))),
            };
            chips.push(Chip {
                district: district_ref(ed, d),
                href,
            });
            start += count;
        }
        let lang = ed.lang;
        let pages = pages_of(order.len(), ROWS_PER_PAGE).count();
        let by_stars = (STAR_LEVELS.iter().rev())
            .map(|&s| {
                let name = ed.strings.fill("stars_n", &[("n", &s.to_string())]);
                (
                    name,
                    Filter {
                        stars: Some(s),
                        ..filter
                    },
                )
            })
            .collect();
        let by_kind = (ProducerType::ALL.iter())
            .map(|&k| {
                (
                    ed.producer_type(k).to_owned(),
                    Filter {
                        kind: Some(k),
                        ..filter
                    },
                )
            })
            .collect();
        cx.insert(
            "stars_choices",
            &choices(
                ed,
                filter,
                by_stars,
                Filter {
                    stars: None,
                    ..filter
                },
            ),
        );
        cx.insert(
            "type_choices",
            &choices(
                ed,
                filter,
                by_kind,
                Filter {
                    kind: None,
                    ..filter
                },
            ),
        );
        cx.insert("groups", &groups);
        cx.insert("chips", &chips);
        cx.insert("total", &catalogue.producers.len());
        cx.insert("shown", &order.len());
        cx.insert("filtered", &(filter != Filter::all()[0]));
        cx.insert(
            "pagination",
            &pagination(n, pages, |n| ed.link(&filter.path(lang, n))),
        );
        let mut title: String = ed.t("title_producers").into();
        let parts: Vec<String> = (filter
            .stars
            .map(|s| ed.strings.fill("stars_n", &[("n", &s.to_string())])))
        .into_iter()
        .chain(filter.kind.map(|k| ed.producer_type(k).to_owned()))
        .collect();
        if !parts.is_empty() {
            title = format!("{title}: {}", parts.join(", "));
        }
        Head::titled(paged_title(ed, title, n))
    }

    /// The pages listing a producer whose record, product count or cards changed, or
    /// whose listing now holds other producers (a product's new star level moves its
    /// producer between the star filters).
    fn affected(change: &Change) -> Vec<(Filter, usize)> {
        let mut dirty = vec![false; change.new.producers.len().max(change.old.producers.len())];
        for &p in &change.producers {
            if let Some(d) = dirty.get_mut(p) {
                *d = true;
            }
        }
        (Filter::all().into_iter())
            .flat_map(|f| {
                let order = |c: &Catalogue| {
                    directory(c, f)
                        .into_iter()
                        .map(|(_, p)| p)
                        .collect::<Vec<_>>()
                };
                changed_pages(
                    &order(change.old),
                    &order(change.new),
                    &dirty,
                    ROWS_PER_PAGE,
                )
                .into_iter()
                .map(move |n| (f, n))
            })
            .collect()
    }
}
