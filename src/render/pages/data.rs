//! The open-data page, which explains the downloads.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::data_view;
use super::change::Change;
use super::{Head, Kind};

pub struct Data;

impl Kind for Data {
    type Args = ();
    const TEMPLATE: &'static str = "data.html";

    fn all(_: &Catalogue) -> Vec<()> {
        vec![()]
    }

    fn path(_: &Catalogue, lang: Lang, (): ()) -> String {
        paths::data_page(lang)
    }

    fn context<'a>(ed: Edition<'a>, (): (), cx: &mut Context) -> Head<'a> {
        cx.insert("data", &data_view::view(ed));
        Head::titled(ed.t("title_data"))
    }

    /// The downloads' counts and sizes.
    fn affected(_: &Change) -> Vec<()> {
        vec![()]
    }
}
