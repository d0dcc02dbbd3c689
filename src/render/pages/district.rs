//! A district's page: its listed products, grouped by star level.

use serde::Serialize;
use tera::Context;

use crate::domain::{Lang, STAR_LEVELS};
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::{cards, district_link, CardView};
use super::change::Change;
use super::{Head, Kind};

pub struct District;

#[derive(Serialize)]
struct StarGroup<'a> {
    stars: u8,
    products: Vec<CardView<'a>>,
}

impl Kind for District {
    /// The district's index.
    type Args = usize;
    const TEMPLATE: &'static str = "district.html";

    fn all(catalogue: &Catalogue) -> Vec<usize> {
        (0..catalogue.districts.len()).collect()
    }

    fn path(catalogue: &Catalogue, lang: Lang, d: usize) -> String {
        paths::district(lang, &catalogue.districts[d].id)
    }

    fn context<'a>(ed: Edition<'a>, d: usize, cx: &mut Context) -> Head<'a> {
        let catalogue = ed.catalogue;
        let ids = &catalogue.index.by_district[d];
        let groups: Vec<StarGroup> = (STAR_LEVELS.iter())
            .map(|&stars| {
                let of_level: Vec<usize> = (ids.iter().copied())
                    .filter(|&i| catalogue.products[i].stars == stars)
                    .collect();
                StarGroup {
                    stars,
                    products: cards(ed, &of_level),
                }
            })
            .filter(|g| !g.products.is_empty())
            .collect();
        cx.insert("district", &district_link(ed, d));
        cx.insert("groups", &groups);
        let name = catalogue.districts[d].name_in(ed.lang).text;
        Head::titled(ed.strings.fill("title_district", &[("name", name)]))
    }

    /// One page per district, however many products it lists.
    fn affected(change: &Change) -> Vec<usize> {
        (0..change.new.districts.len())
            .filter(|&d| {
                let (old, new) = (&change.old.index, &change.new.index);
                !(change.changed_pages(&old.by_district[d], &new.by_district[d], usize::MAX))
                    .is_empty()
            })
            .collect()
    }
}
