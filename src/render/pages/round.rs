//! A year's certification round: `/thong-ke/<year>/`. Its lists of products continue
//! on further pages when they are long: a national round has thousands.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::round_view;
use super::change::Change;
use super::pager::{paged_title, pages_of, pagination, ROWS_PER_PAGE};
use super::{Head, Kind};

pub struct Round;

impl Kind for Round {
    /// The year, and the page from 1.
    type Args = (i32, usize);
    const TEMPLATE: &'static str = "round.html";

    fn all(catalogue: &Catalogue) -> Vec<(i32, usize)> {
        (catalogue.index.rounds.iter())
            .flat_map(|r| pages_of(round_view::rows(r), ROWS_PER_PAGE).map(|n| (r.year, n)))
            .collect()
    }

    fn path(_: &Catalogue, lang: Lang, (year, n): (i32, usize)) -> String {
        paths::round_page(lang, year, n)
    }

    fn context<'a>(ed: Edition<'a>, (year, n): (i32, usize), cx: &mut Context) -> Head<'a> {
        // Every year `all` lists has its round.
        if let Some(round) = ed.catalogue.round(year) {
            let start = n.saturating_sub(1).saturating_mul(ROWS_PER_PAGE);
            let rows = start..start.saturating_add(ROWS_PER_PAGE);
            cx.insert("round", &round_view::view(ed, round, rows));
            let pages = pages_of(round_view::rows(round), ROWS_PER_PAGE).count();
            let lang = ed.lang;
            cx.insert(
                "pagination",
                &pagination(n, pages, |n| ed.link(&paths::round_page(lang, year, n))),
            );
        }
        let title = (ed.strings).fill("title_round", &[("year", &year.to_string())]);
        Head::titled(paged_title(ed, title, n))
    }

    /// A product's decisions reach the figures of every year it was valid in: all of
    /// them, which are few. A year gained or lost changes the pages that exist, which
    /// `affected` sees as a change of shape.
    fn affected(change: &Change) -> Vec<(i32, usize)> {
        Self::all(change.new)
    }
}
