//! The open-data page: what each download holds, how big it is, and its licence.

use serde::Serialize;

use crate::domain::site::Licence;
use crate::edition::Edition;
use crate::model::columns::{self, Column};
use crate::paths;

#[derive(Serialize)]
pub struct DataView<'a> {
    pub files: Vec<FileView<'a>>,
    pub licence: Option<&'a Licence>,
    /// The counts the files hold.
    pub products: usize,
    pub producers: usize,
}

#[derive(Serialize)]
pub struct FileView<'a> {
    pub url: String,
    pub name: &'static str,
    pub format: &'static str,
    /// For CSV files; the JSON file is described in prose by the theme.
    pub columns: Vec<ColumnView<'a>>,
}

/// A column of a CSV file: its header and, in the edition's language, what it holds.
#[derive(Serialize)]
pub struct ColumnView<'a> {
    pub name: &'static str,
    pub about: &'a str,
}

/// The columns the site's download of `table` has, described in `ed`'s language.
fn described<'a, T>(ed: Edition<'a>, table: &'static [Column<T>]) -> Vec<ColumnView<'a>> {
    (columns::for_site(ed.catalogue, table))
        .map(|column| ColumnView {
            name: column.name,
            about: ed.t(column.about),
        })
        .collect()
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
            file(paths::PRODUCTS_CSV, "CSV", described(ed, columns::PRODUCTS)),
            file(
                paths::PRODUCERS_CSV,
                "CSV",
                described(ed, columns::PRODUCERS),
            ),
            file(paths::PRODUCTS_JSON, "JSON", Vec::new()),
            file(paths::ROUNDS_JSON, "JSON", Vec::new()),
        ],
        licence: catalogue.site.licence.as_ref(),
        products: catalogue.products.len(),
        producers: catalogue.producers.len(),
    }
}
