//! A product's printable sheet, for trade fairs: a copy of its page on one A5 sheet.

use tera::Context;

use crate::assets::qr;
use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::change::Change;
use super::product::product_head;
use super::{Head, Kind};

pub struct ProductSheet;

impl Kind for ProductSheet {
    /// The product's index.
    type Args = usize;
    const TEMPLATE: &'static str = "product_sheet.html";
    const IN_SITEMAP: bool = false;

    /// No sheet for an expired product: it must not be handed out as certified.
    fn all(catalogue: &Catalogue) -> Vec<usize> {
        catalogue.index.listed.clone()
    }

    fn path(catalogue: &Catalogue, lang: Lang, i: usize) -> String {
        paths::product_sheet(lang, &catalogue.products[i].slug)
    }

    fn context<'a>(ed: Edition<'a>, i: usize, cx: &mut Context) -> Head<'a> {
        let slug = &ed.catalogue.products[i].slug;
        // The main edition's address: it is the one printed on packaging. An address
        // too long for a QR code leaves the sheet without one.
        let permanent = ed.catalogue.site.absolute(&paths::product(Lang::Vi, slug));
        if let Ok(qr) = qr::data_uris(&permanent) {
            cx.insert("qr", &qr);
        }
        Head {
            // A copy's canonical address is the page it copies.
            canonical: Some(ed.absolute(&paths::product(ed.lang, slug))),
            ..product_head(ed, i, cx)
        }
    }

    fn affected(change: &Change) -> Vec<usize> {
        (change.dirty_ids.iter().copied())
            .filter(|&i| change.new.products[i].is_listed())
            .collect()
    }
}
