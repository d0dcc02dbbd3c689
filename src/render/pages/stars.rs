//! A star level's listing, `/sao/<n>/`, in pages.

use tera::Context;

use crate::domain::{Lang, STAR_LEVELS};
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::change::Change;
use super::pager::{insert_listing, paged_title, pages_of};
use super::{Head, Kind};

pub struct Stars;

impl Kind for Stars {
    /// The star level, and the page from 1.
    type Args = (u8, usize);
    const TEMPLATE: &'static str = "star.html";

    /// Lowest level first.
    fn all(catalogue: &Catalogue) -> Vec<(u8, usize)> {
        let per_page = catalogue.site.products_per_page;
        (STAR_LEVELS.iter().rev())
            .flat_map(|&s| pages_of(catalogue.with_stars(s).len(), per_page).map(move |n| (s, n)))
            .collect()
    }

    fn path(_: &Catalogue, lang: Lang, (stars, n): (u8, usize)) -> String {
        paths::stars_page(lang, stars, n)
    }

    fn context<'a>(ed: Edition<'a>, (stars, n): (u8, usize), cx: &mut Context) -> Head<'a> {
        let lang = ed.lang;
        cx.insert("stars", &stars);
        insert_listing(cx, ed, ed.catalogue.with_stars(stars), n, |n| {
            paths::stars_page(lang, stars, n)
        });
        let title = (ed.strings).fill("title_stars", &[("n", &stars.to_string())]);
        Head::titled(paged_title(ed, title, n))
    }

    fn affected(change: &Change) -> Vec<(u8, usize)> {
        (STAR_LEVELS.iter().rev())
            .flat_map(|&s| {
                (change.listing_pages(|c| c.with_stars(s)).into_iter()).map(move |n| (s, n))
            })
            .collect()
    }
}
