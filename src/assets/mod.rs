//! Stage 5, assets: everything besides pages that the site ships — resized photos,
//! data downloads, QR codes, the search index and the theme's static files.

pub mod data;
pub mod photos;
pub mod qr;
pub mod search;

use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostics::{relative, Diagnostic};
use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;
use crate::sink::Sink;

/// Write the data downloads: one set for every edition, whose words (producer types)
/// are the main edition's.
pub fn write_data(main: Edition<'_>, staging: &dyn Sink) -> std::io::Result<()> {
    staging.write(paths::PRODUCTS_JSON, &data::products_json(main.catalogue))?;
    staging.write(paths::PRODUCTS_CSV, &data::products_csv(main))?;
    staging.write(paths::PRODUCERS_CSV, &data::producers_csv(main))
}

/// Write each product's QR code, in parallel: at national scale there are thousands.
pub fn write_qr_codes(catalogue: &Catalogue, staging: &dyn Sink) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    catalogue
        .products
        .par_iter()
        .filter_map(|product| {
            // The main edition's address: it is the one printed on packaging.
            let url = catalogue
                .site
                .absolute(&paths::product(Lang::Vi, &product.slug));
            let written = qr::encode(&url).and_then(|(svg, png)| {
                staging
                    .write(&paths::qr_code(&product.slug, "svg"), &svg)
                    .and_then(|()| staging.write(&paths::qr_code(&product.slug, "png"), &png))
                    .map_err(|e| format!("cannot write the QR code: {e}"))
            });
            written
                .err()
                .map(|why| Diagnostic::new(paths::qr_code(&product.slug, "svg"), why))
        })
        .collect()
}

/// Copy the theme's `static/` folder to the site root.
pub fn copy_static(root: &Path, static_dir: &Path, staging: &dyn Sink) -> Result<(), Diagnostic> {
    if !static_dir.is_dir() {
        return Ok(());
    }
    for entry in WalkDir::new(static_dir).into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let target = path
            .strip_prefix(static_dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        std::fs::read(path)
            .and_then(|bytes| staging.write(&target, &bytes))
            .map_err(|e| {
                Diagnostic::new(
                    relative(root, path),
                    format!("cannot copy static file: {e}"),
                )
            })?;
    }
    Ok(())
}
