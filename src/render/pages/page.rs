//! A Markdown page of the team's, such as "about OCOP".

use serde::Serialize;
use tera::Context;

use crate::domain::Lang;
use crate::edition::{split, Edition};
use crate::model::Catalogue;
use crate::paths;

use super::super::markdown::{blocks, Block};
use super::change::Change;
use super::{Head, Kind};

pub struct Page;

#[derive(Serialize)]
struct Content<'a> {
    slug: &'a str,
    title: &'a str,
    /// The language of the page's text, when it is not the edition's: the page has
    /// no translation.
    lang: Option<&'static str>,
    /// Sanitised HTML pieces and embedded product cards.
    body: Vec<Block<'a>>,
}

impl Kind for Page {
    /// The page's index.
    type Args = usize;
    const TEMPLATE: &'static str = "page.html";

    fn all(catalogue: &Catalogue) -> Vec<usize> {
        (0..catalogue.pages.len()).collect()
    }

    fn path(catalogue: &Catalogue, lang: Lang, i: usize) -> String {
        paths::page(lang, &catalogue.pages[i].slug)
    }

    fn context<'a>(ed: Edition<'a>, i: usize, cx: &mut Context) -> Head<'a> {
        let page = &ed.catalogue.pages[i];
        let (title, title_lang) = split(page.title_in(ed.lang));
        let body = page.body_in(ed.lang);
        cx.insert(
            "content",
            &Content {
                slug: &page.slug,
                title,
                lang: title_lang.or(body.lang),
                body: blocks(ed, body.text),
            },
        );
        Head {
            description: page.description_in(ed.lang).map(|d| d.text.into()),
            ..Head::titled(title)
        }
    }

    /// Any page may show a product's card.
    fn affected(change: &Change) -> Vec<usize> {
        (0..change.new.pages.len()).collect()
    }
}
