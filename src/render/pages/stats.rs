//! The statistics page. The list of expiring certificates continues on further pages
//! when it is long: a national catalogue has thousands.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::stats;
use super::change::Change;
use super::pager::{paged_title, pages_of, pagination, ROWS_PER_PAGE};
use super::{Head, Kind};

pub struct Stats;

impl Kind for Stats {
    /// The page, from 1.
    type Args = usize;
    const TEMPLATE: &'static str = "stats.html";

    fn all(catalogue: &Catalogue) -> Vec<usize> {
        pages_of(stats::expiring(catalogue).len(), ROWS_PER_PAGE).collect()
    }

    fn path(_: &Catalogue, lang: Lang, n: usize) -> String {
        paths::stats_page(lang, n)
    }

    fn context<'a>(ed: Edition<'a>, n: usize, cx: &mut Context) -> Head<'a> {
        let start = n.saturating_sub(1).saturating_mul(ROWS_PER_PAGE);
        let view = stats::view(ed, start..start.saturating_add(ROWS_PER_PAGE));
        let pages = pages_of(view.expiring_total, ROWS_PER_PAGE).count();
        let lang = ed.lang;
        cx.insert(
            "pagination",
            &pagination(n, pages, |n| ed.link(&paths::stats_page(lang, n))),
        );
        cx.insert("stats", &view);
        Head::titled(paged_title(ed, ed.t("title_stats").into(), n))
    }

    /// Counts of the whole catalogue.
    fn affected(change: &Change) -> Vec<usize> {
        Self::all(change.new)
    }
}
