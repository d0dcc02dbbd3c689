//! The error page, `404.html`: one for every edition, which speaks each language.

use serde::Serialize;
use tera::Context;

use crate::domain::Lang;
use crate::edition::{Edition, Strings};
use crate::model::Catalogue;
use crate::paths;

use super::change::Change;
use super::{Head, Kind};

pub struct NotFound;

/// Another edition, as the error page shows it: its language, home page and strings.
#[derive(Serialize)]
struct OtherEdition<'a> {
    code: &'static str,
    home_url: String,
    t: &'a Strings,
}

impl Kind for NotFound {
    type Args = ();
    const TEMPLATE: &'static str = "404.html";
    const IN_TRANSLATIONS: bool = false;
    const IN_SITEMAP: bool = false;

    fn all(_: &Catalogue) -> Vec<()> {
        vec![()]
    }

    fn path(_: &Catalogue, _: Lang, (): ()) -> String {
        paths::NOT_FOUND.into()
    }

    fn context<'a>(ed: Edition<'a>, (): (), cx: &mut Context) -> Head<'a> {
        let site = &ed.catalogue.site;
        let others: Vec<OtherEdition> = (site.languages.iter())
            .zip(ed.all_strings)
            .filter(|(&l, _)| l != ed.lang)
            .map(|(&l, strings)| OtherEdition {
                code: l.code(),
                home_url: site.link(&paths::home(l)),
                t: strings,
            })
            .collect();
        cx.insert("other_editions", &others);
        Head::titled(ed.t("title_not_found"))
    }

    fn affected(_: &Change) -> Vec<()> {
        Vec::new()
    }
}
