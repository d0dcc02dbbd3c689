//! The full product listing, `/san-pham/`, in pages.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::change::Change;
use super::pager::{insert_listing, paged_title, pages_of};
use super::{Head, Kind};

pub struct Products;

impl Kind for Products {
    /// The page, from 1.
    type Args = usize;
    const TEMPLATE: &'static str = "products.html";

    fn all(catalogue: &Catalogue) -> Vec<usize> {
        let per_page = catalogue.site.products_per_page;
        pages_of(catalogue.index.listed.len(), per_page).collect()
    }

    fn path(_: &Catalogue, lang: Lang, n: usize) -> String {
        paths::products(lang, n)
    }

    fn context<'a>(ed: Edition<'a>, n: usize, cx: &mut Context) -> Head<'a> {
        let lang = ed.lang;
        insert_listing(cx, ed, &ed.catalogue.index.listed, n, |n| {
            paths::products(lang, n)
        });
        Head::titled(paged_title(ed, ed.t("title_products").into(), n))
    }

    fn affected(change: &Change) -> Vec<usize> {
        change.listing_pages(|c| &c.index.listed)
    }
}
