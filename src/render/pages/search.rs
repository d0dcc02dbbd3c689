//! The search page: the box, the facets and the index's address.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::search;
use super::change::Change;
use super::{Head, Kind};

pub struct Search;

impl Kind for Search {
    type Args = ();
    const TEMPLATE: &'static str = "search.html";

    fn all(_: &Catalogue) -> Vec<()> {
        vec![()]
    }

    fn path(_: &Catalogue, lang: Lang, (): ()) -> String {
        paths::search(lang)
    }

    fn context<'a>(ed: Edition<'a>, (): (), cx: &mut Context) -> Head<'a> {
        cx.insert("search", &search::view(ed));
        Head::titled(ed.t("title_search"))
    }

    /// The facets' counts.
    fn affected(_: &Change) -> Vec<()> {
        vec![()]
    }
}
