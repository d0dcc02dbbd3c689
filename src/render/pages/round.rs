//! A year's certification round: `/thong-ke/<year>/`.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::round_view;
use super::change::Change;
use super::{Head, Kind};

pub struct Round;

impl Kind for Round {
    /// The year.
    type Args = i32;
    const TEMPLATE: &'static str = "round.html";

    fn all(catalogue: &Catalogue) -> Vec<i32> {
        catalogue.index.rounds.iter().map(|r| r.year).collect()
    }

    fn path(_: &Catalogue, lang: Lang, year: i32) -> String {
        paths::round(lang, year)
    }

    fn context<'a>(ed: Edition<'a>, year: i32, cx: &mut Context) -> Head<'a> {
        // Every year `all` lists has its round.
        if let Some(round) = ed.catalogue.round(year) {
            cx.insert("round", &round_view::view(ed, round));
        }
        Head::titled(
            ed.strings
                .fill("title_round", &[("year", &year.to_string())]),
        )
    }

    /// A product's decisions reach the figures of every year it was valid in: all of
    /// them, which are few. A year gained or lost changes the pages that exist, which
    /// `affected` sees as a change of shape.
    fn affected(change: &Change) -> Vec<i32> {
        Self::all(change.new)
    }
}
