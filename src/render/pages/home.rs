//! The home page: featured products, or the most recently certified ones when none is
//! featured, and the catalogue's totals.

use serde::Serialize;
use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::cards;
use super::super::structured_data;
use super::change::Change;
use super::{Head, Kind};

pub struct Home;

/// How many recently certified products the home page shows when none is featured:
/// two rows of three on a wide screen.
const RECENT: usize = 6;

#[derive(Serialize)]
struct Totals {
    products: usize,
    producers: usize,
    districts: usize,
    categories: usize,
}

impl Kind for Home {
    type Args = ();
    const TEMPLATE: &'static str = "index.html";

    fn all(_: &Catalogue) -> Vec<()> {
        vec![()]
    }

    fn path(_: &Catalogue, lang: Lang, (): ()) -> String {
        paths::home(lang)
    }

    fn context<'a>(ed: Edition<'a>, (): (), cx: &mut Context) -> Head<'a> {
        let catalogue = ed.catalogue;
        let mut featured: Vec<usize> = (catalogue.index.listed.iter())
            .copied()
            .filter(|&i| catalogue.products[i].featured)
            .collect();
        // A new catalogue has chosen none yet: a visitor on a phone should still
        // meet products on the first screen, not an empty section.
        let recent = featured.is_empty();
        if recent {
            featured = catalogue.index.listed.clone();
            // Newest certificate first; the listing's order (by name) breaks ties.
            featured.sort_by_key(|&i| std::cmp::Reverse(catalogue.products[i].certificate.date));
            featured.truncate(RECENT);
        }
        cx.insert("featured", &cards(ed, &featured));
        cx.insert("featured_recent", &recent);
        cx.insert(
            "totals",
            &Totals {
                products: catalogue.index.listed.len(),
                producers: (catalogue.index.by_producer.iter())
                    .filter(|p| !p.is_empty())
                    .count(),
                districts: catalogue.districts.len(),
                categories: catalogue.categories.len(),
            },
        );
        Head {
            jsonld: Some(structured_data::home(ed)),
            ..Head::titled(catalogue.site.title_in(ed.lang).text)
        }
    }

    /// Counts and featured cards of the whole catalogue.
    fn affected(_: &Change) -> Vec<()> {
        vec![()]
    }
}
