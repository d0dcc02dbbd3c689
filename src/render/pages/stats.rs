//! The statistics page.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::stats;
use super::change::Change;
use super::{Head, Kind};

pub struct Stats;

impl Kind for Stats {
    type Args = ();
    const TEMPLATE: &'static str = "stats.html";

    fn all(_: &Catalogue) -> Vec<()> {
        vec![()]
    }

    fn path(_: &Catalogue, lang: Lang, (): ()) -> String {
        paths::stats(lang)
    }

    fn context<'a>(ed: Edition<'a>, (): (), cx: &mut Context) -> Head<'a> {
        cx.insert("stats", &stats::view(ed));
        Head::titled(ed.t("title_stats"))
    }

    /// Counts of the whole catalogue.
    fn affected(_: &Change) -> Vec<()> {
        vec![()]
    }
}
