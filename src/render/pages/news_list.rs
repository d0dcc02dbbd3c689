//! The news listing, `/tin-tuc/`, in pages.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::news_view::{self, items, listing_pages};
use super::change::Change;
use super::pager::{paged_title, pagination};
use super::{Head, Kind};

pub struct NewsList;

impl Kind for NewsList {
    /// The page, from 1.
    type Args = usize;
    const TEMPLATE: &'static str = "news_list.html";

    fn all(catalogue: &Catalogue) -> Vec<usize> {
        (1..=listing_pages(catalogue)).collect()
    }

    fn path(_: &Catalogue, lang: Lang, n: usize) -> String {
        paths::news_list(lang, n)
    }

    fn context<'a>(ed: Edition<'a>, n: usize, cx: &mut Context) -> Head<'a> {
        let (catalogue, lang) = (ed.catalogue, ed.lang);
        let start = ((n - 1) * news_view::PER_PAGE).min(catalogue.news.len());
        let end = (start + news_view::PER_PAGE).min(catalogue.news.len());
        let shown: Vec<usize> = (start..end).collect();
        cx.insert("news", &items(ed, &shown));
        cx.insert("total", &catalogue.news.len());
        cx.insert(
            "pagination",
            &pagination(n, listing_pages(catalogue), |n| {
                ed.link(&paths::news_list(lang, n))
            }),
        );
        Head::titled(paged_title(ed, ed.t("title_news").into(), n))
    }

    /// Items list the products they mention.
    fn affected(change: &Change) -> Vec<usize> {
        if change.news.is_empty() {
            return Vec::new();
        }
        Self::all(change.new)
    }
}
