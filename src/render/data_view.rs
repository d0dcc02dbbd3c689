//! The open-data page: what each download holds, how big it is, and its licence.

use serde::Serialize;

use crate::assets::data::{producer_columns, product_columns, Column};
use crate::domain::site::Licence;
use crate::paths;

use crate::edition::Edition;

#[derive(Serialize)]
pub struct DataView<'a> {
    pub files: Vec<FileView>,
    pub licence: Option<&'a Licence>,
    /// The counts the files hold.
    pub products: usize,
    pub producers: usize,
    /// The columns are described in the records' language: that language, on the
    /// other editions.
    pub columns_lang: Option<&'static str>,
}

#[derive(Serialize)]
pub struct FileView {
    pub url: String,
    pub name: &'static str,
    pub format: &'static str,
    /// For CSV files; the JSON file is described in prose by the theme.
    pub columns: Vec<&'static Column>,
}

pub fn view(ed: Edition<'_>) -> DataView<'_> {
    let catalogue = ed.catalogue;
    let file = |path: &'static str, format, columns| FileView {
        url: catalogue.site.link(path),
        name: path.rsplit('/').next().unwrap_or(path),
        format,
        columns,
    };
    DataView {
        files: vec![
            file(paths::PRODUCTS_CSV, "CSV", product_columns(catalogue)),
            file(paths::PRODUCERS_CSV, "CSV", producer_columns(catalogue)),
            file(paths::PRODUCTS_JSON, "JSON", Vec::new()),
        ],
        licence: catalogue.site.licence.as_ref(),
        products: catalogue.products.len(),
        producers: catalogue.producers.len(),
        columns_lang: ed.records_language(),
    }
}
