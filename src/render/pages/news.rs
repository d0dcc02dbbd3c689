//! A news item's page.

use chrono::NaiveDate;
use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::news_image;
use super::super::news_view;
use super::change::Change;
use super::{Head, Kind};

pub struct News;

impl Kind for News {
    /// The item's index, newest first.
    type Args = usize;
    const TEMPLATE: &'static str = "news.html";

    fn all(catalogue: &Catalogue) -> Vec<usize> {
        (0..catalogue.news.len()).collect()
    }

    fn path(catalogue: &Catalogue, lang: Lang, i: usize) -> String {
        paths::news(lang, &catalogue.news[i].slug)
    }

    fn context<'a>(ed: Edition<'a>, i: usize, cx: &mut Context) -> Head<'a> {
        let news = &ed.catalogue.news[i];
        cx.insert("news", &news_view::view(ed, news));
        Head {
            description: news.summary.clone(),
            og_type: "article",
            image: news_image(ed, news),
            ..Head::titled(news.title.clone())
        }
    }

    /// A draft previewed with `--drafts` may be dated later than the build.
    fn lastmod(catalogue: &Catalogue, i: usize) -> NaiveDate {
        catalogue.news[i].date.min(catalogue.today)
    }

    /// The items that mention an edited product.
    fn affected(change: &Change) -> Vec<usize> {
        change.news.iter().copied().collect()
    }
}
