//! How much of the catalogue a translated edition has in its own language: the
//! summary `ocop check` prints for each edition.

use crate::domain::{Lang, Localized, Product};
use crate::t;

use super::Catalogue;

/// How much of the catalogue a translated edition has in its own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub lang: Lang,
    /// `(translated, of)` pairs. A product counts when its name is translated.
    pub products: (usize, usize),
    /// Products with every text the records hold translated: name, summary,
    /// description, details and photo texts.
    pub products_complete: usize,
    pub producers: (usize, usize),
    pub categories: (usize, usize),
    pub districts: (usize, usize),
    pub pages: (usize, usize),
}

impl Coverage {
    pub fn of(catalogue: &Catalogue, lang: Lang) -> Coverage {
        fn count<T>(items: &[T], translated: impl Fn(&T) -> bool) -> (usize, usize) {
            (items.iter().filter(|i| translated(i)).count(), items.len())
        }
        let translated = |l: Localized<'_>| l.is_translated();
        let opt = |l: Option<Localized<'_>>| l.is_none_or(|l| l.is_translated());
        let complete = |p: &&Product| {
            translated(p.name_in(lang))
                && opt(p.summary_in(lang))
                && p.description_in(lang).is_none_or(|d| d.is_translated())
                && (p.details.is_empty() || p.details_in(lang).1.is_none())
                && (p.photos.iter())
                    .all(|ph| translated(ph.alt_in(lang)) && opt(ph.caption_in(lang)))
        };
        Coverage {
            lang,
            products: count(&catalogue.products, |p| translated(p.name_in(lang))),
            products_complete: catalogue.products.iter().filter(complete).count(),
            producers: count(&catalogue.producers, |p| translated(p.name_in(lang))),
            categories: count(&catalogue.categories, |c| translated(c.name_in(lang))),
            districts: count(&catalogue.districts, |d| translated(d.name_in(lang))),
            pages: count(&catalogue.pages, |p| translated(p.title_in(lang))),
        }
    }
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let of = |(done, all): (usize, usize)| t!("coverage-of", done = done, all = all);
        let line = t!(
            "coverage",
            lang = self.lang.code(),
            products = of(self.products),
            complete = self.products_complete,
            producers = of(self.producers),
            categories = of(self.categories),
            districts = of(self.districts),
            pages = of(self.pages)
        );
        f.write_str(&line)
    }
}
