//! A product's page.

use chrono::NaiveDate;
use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::share_image;
use super::super::{news_view, product_view, structured_data};
use super::change::Change;
use super::{Head, Kind};

pub struct Product;

impl Kind for Product {
    /// The product's index.
    type Args = usize;
    const TEMPLATE: &'static str = "product.html";

    /// Every product, expired ones included: the page says the certificate ran out.
    fn all(catalogue: &Catalogue) -> Vec<usize> {
        (0..catalogue.products.len()).collect()
    }

    fn path(catalogue: &Catalogue, lang: Lang, i: usize) -> String {
        paths::product(lang, &catalogue.products[i].slug)
    }

    fn context<'a>(ed: Edition<'a>, i: usize, cx: &mut Context) -> Head<'a> {
        Head {
            og_type: "product",
            jsonld: Some(structured_data::product(ed, &ed.catalogue.products[i])),
            ..product_head(ed, i, cx)
        }
    }

    /// The product's latest rating.
    fn lastmod(catalogue: &Catalogue, i: usize) -> NaiveDate {
        let product = &catalogue.products[i];
        (product.history.iter())
            .map(|r| r.date)
            .chain([product.certificate.date])
            .max()
            .unwrap_or(catalogue.today)
            .min(catalogue.today)
    }

    fn affected(change: &Change) -> Vec<usize> {
        change.dirty_ids.clone()
    }
}

/// What a product's page and its print sheet share: the product, the news that
/// mention it, its name and summary as title and description, its share image.
pub(super) fn product_head<'a>(ed: Edition<'a>, i: usize, cx: &mut Context) -> Head<'a> {
    let catalogue = ed.catalogue;
    let product = &catalogue.products[i];
    cx.insert("product", &product_view::view(ed, product));
    cx.insert(
        "news",
        &news_view::items(ed, &catalogue.index.news_by_product[i]),
    );
    let (title, description) = title_and_summary(ed, i);
    Head {
        description,
        image: share_image(ed, product),
        ..Head::titled(title)
    }
}

/// A product page's title and description, in the edition's language.
pub(super) fn title_and_summary(ed: Edition<'_>, i: usize) -> (String, Option<String>) {
    let product = &ed.catalogue.products[i];
    (
        product.name_in(ed.lang).text.to_owned(),
        product.summary_in(ed.lang).map(|s| s.text.to_owned()),
    )
}
