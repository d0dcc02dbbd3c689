//! The producer directory, `/chu-the/`: every producer, grouped by district, in pages
//! of [`ROWS_PER_PAGE`]: a national directory of 7,500 producers was one 2 MB page.

use serde::Serialize;
use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::{district_ref, producer, ProducerView, Ref};
use super::change::{changed_pages, Change};
use super::pager::{page_of, paged_title, pages_of, pagination, ROWS_PER_PAGE};
use super::{Head, Kind};

pub struct Producers;

#[derive(Serialize)]
struct ProducerGroup<'a> {
    district: Ref<'a>,
    /// The district's producers, on every page of the directory.
    count: usize,
    /// Those on this page.
    producers: Vec<ProducerView<'a>>,
}

/// A link to where a district's producers start in the directory.
#[derive(Serialize)]
struct Chip<'a> {
    district: Ref<'a>,
    href: String,
}

/// The directory's order: producers by district, as (district, producer).
fn directory(catalogue: &Catalogue) -> Vec<(usize, usize)> {
    (catalogue.index.producers_by_district.iter().enumerate())
        .flat_map(|(d, ids)| ids.iter().map(move |&p| (d, p)))
        .collect()
}

impl Kind for Producers {
    /// The page, from 1.
    type Args = usize;
    const TEMPLATE: &'static str = "producers.html";

    fn all(catalogue: &Catalogue) -> Vec<usize> {
        pages_of(directory(catalogue).len(), ROWS_PER_PAGE).collect()
    }

    fn path(_: &Catalogue, lang: Lang, n: usize) -> String {
        paths::producers_page(lang, n)
    }

    fn context<'a>(ed: Edition<'a>, n: usize, cx: &mut Context) -> Head<'a> {
        let catalogue = ed.catalogue;
        let order = directory(catalogue);
        let mut groups: Vec<ProducerGroup> = Vec::new();
        let mut last = None;
        for &(d, p) in page_of(&order, n, ROWS_PER_PAGE) {
            if last != Some(d) {
                last = Some(d);
                groups.push(ProducerGroup {
                    district: district_ref(ed, d),
                    count: catalogue.index.producers_by_district[d].len(),
                    producers: Vec::new(),
                });
            }
            if let Some(group) = groups.last_mut() {
                group.producers.push(producer(ed, p, false));
            }
        }
        // Each district links to the page it starts on, by its heading there.
        let mut chips: Vec<Chip> = Vec::new();
        let mut start = 0;
        for (d, ids) in catalogue.index.producers_by_district.iter().enumerate() {
            if ids.is_empty() {
                continue;
            }
            let page = start / ROWS_PER_PAGE + 1;
            let id = &catalogue.districts[d].id;
            let href = match page == n {
                true => format!("#d-{id}"),
                false => format!("{}#d-{id}", ed.link(&paths::producers_page(ed.lang, page))),
            };
            chips.push(Chip {
                district: district_ref(ed, d),
                href,
            });
            start += ids.len();
        }
        let lang = ed.lang;
        let pages = pages_of(order.len(), ROWS_PER_PAGE).count();
        cx.insert("groups", &groups);
        cx.insert("chips", &chips);
        cx.insert("total", &catalogue.producers.len());
        cx.insert(
            "pagination",
            &pagination(n, pages, |n| ed.link(&paths::producers_page(lang, n))),
        );
        Head::titled(paged_title(ed, ed.t("title_producers").into(), n))
    }

    /// The pages listing a producer whose record, product count or cards changed; the
    /// directory's order is the same, since the edit keeps the catalogue's shape.
    fn affected(change: &Change) -> Vec<usize> {
        let order = |c: &Catalogue| directory(c).into_iter().map(|(_, p)| p).collect::<Vec<_>>();
        let mut dirty = vec![false; change.new.producers.len().max(change.old.producers.len())];
        for &p in &change.producers {
            if let Some(d) = dirty.get_mut(p) {
                *d = true;
            }
        }
        changed_pages(
            &order(change.old),
            &order(change.new),
            &dirty,
            ROWS_PER_PAGE,
        )
    }
}
