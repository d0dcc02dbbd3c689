//! A category's listing, in pages, with its subcategories' counts.

use serde::Serialize;
use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::{category_link, FacetLink};
use super::change::Change;
use super::pager::{insert_listing, paged_title, pages_of};
use super::{Head, Kind};

pub struct Category;

#[derive(Serialize)]
struct SubcategoryCount<'a> {
    id: &'a str,
    name: &'a str,
    lang: Option<&'static str>,
    count: usize,
}

#[derive(Serialize)]
struct CategoryView<'a> {
    #[serde(flatten)]
    link: FacetLink<'a>,
    subcategories: Vec<SubcategoryCount<'a>>,
}

impl Kind for Category {
    /// The category's index, and the page from 1.
    type Args = (usize, usize);
    const TEMPLATE: &'static str = "category.html";

    fn all(catalogue: &Catalogue) -> Vec<(usize, usize)> {
        let per_page = catalogue.site.products_per_page;
        (catalogue.index.by_category.iter().enumerate())
            .flat_map(|(c, ids)| pages_of(ids.len(), per_page).map(move |n| (c, n)))
            .collect()
    }

    fn path(catalogue: &Catalogue, lang: Lang, (c, n): (usize, usize)) -> String {
        paths::category_page(lang, &catalogue.categories[c].id, n)
    }

    fn context<'a>(ed: Edition<'a>, (c, n): (usize, usize), cx: &mut Context) -> Head<'a> {
        let (catalogue, lang) = (ed.catalogue, ed.lang);
        let category = &catalogue.categories[c];
        let ids = &catalogue.index.by_category[c];
        let subcategories: Vec<SubcategoryCount> = (category.subcategories.iter())
            .enumerate()
            .map(|(s, sub)| SubcategoryCount {
                id: &sub.id,
                name: sub.name_in(lang).text,
                lang: sub.name_in(lang).lang,
                count: (ids.iter())
                    .filter(|&&i| catalogue.products[i].subcategory == Some(s))
                    .count(),
            })
            .collect();
        cx.insert(
            "category",
            &CategoryView {
                link: category_link(ed, c),
                subcategories,
            },
        );
        insert_listing(cx, ed, ids, n, |n| {
            paths::category_page(lang, &category.id, n)
        });
        Head::titled(paged_title(ed, category.name_in(lang).text.into(), n))
    }

    fn affected(change: &Change) -> Vec<(usize, usize)> {
        (0..change.new.categories.len())
            .flat_map(|c| {
                (change
                    .listing_pages(|cat| &cat.index.by_category[c])
                    .into_iter())
                .map(move |n| (c, n))
            })
            .collect()
    }
}
