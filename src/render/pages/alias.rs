//! A product's earlier address, printed in QR codes, redirecting to its page.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::change::Change;
use super::product::title_and_summary;
use super::{Head, Kind};

pub struct Alias;

impl Kind for Alias {
    /// The product's index, and which of its aliases.
    type Args = (usize, usize);
    const TEMPLATE: &'static str = "redirect.html";
    const IN_TRANSLATIONS: bool = false;
    const IN_SITEMAP: bool = false;

    fn all(catalogue: &Catalogue) -> Vec<(usize, usize)> {
        (catalogue.products.iter().enumerate())
            .flat_map(|(i, product)| (0..product.aliases.len()).map(move |a| (i, a)))
            .collect()
    }

    fn path(catalogue: &Catalogue, lang: Lang, (i, a): (usize, usize)) -> String {
        paths::product(lang, &catalogue.products[i].aliases[a])
    }

    fn context<'a>(ed: Edition<'a>, (i, _): (usize, usize), cx: &mut Context) -> Head<'a> {
        let target = ed.absolute(&paths::product(ed.lang, &ed.catalogue.products[i].slug));
        cx.insert("target", &target);
        let (title, description) = title_and_summary(ed, i);
        Head {
            description,
            canonical: Some(target),
            ..Head::titled(title)
        }
    }

    fn affected(change: &Change) -> Vec<(usize, usize)> {
        (change.dirty_ids.iter())
            .flat_map(|&i| (0..change.new.products[i].aliases.len()).map(move |a| (i, a)))
            .collect()
    }
}
