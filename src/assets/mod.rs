//! Stage 5, assets: everything besides pages that the site ships — resized photos,
//! data downloads, QR codes, the search index and the theme's static files.

pub mod data;
pub mod photos;
pub mod qr;
pub mod search;

use crate::content::theme_files::StaticFile;
use crate::diagnostics::Diagnostic;
use crate::edition::Edition;
use crate::paths;
use crate::sink::Sink;
use crate::t;

/// Write the data downloads: one set for every edition, whose words (producer types)
/// are the main edition's.
pub fn write_data(main: Edition<'_>, staging: &dyn Sink) -> std::io::Result<()> {
    staging.write(paths::PRODUCTS_JSON, &data::products_json(main.catalogue))?;
    staging.write(paths::PRODUCTS_CSV, &data::products_csv(main))?;
    staging.write(paths::PRODUCERS_CSV, &data::producers_csv(main))?;
    staging.write(paths::ROUNDS_JSON, &data::rounds_json(main.catalogue))
}

/// Copy the theme's static files to the site root, each under its published name.
pub fn copy_static(files: &[StaticFile], staging: &dyn Sink) -> Result<(), Diagnostic> {
    for file in files {
        staging
            .write(&file.published, &file.file.bytes)
            .map_err(|e| {
                Diagnostic::new(
                    &file.file.shown,
                    t!("static-cannot-copy", error = e.to_string()),
                )
            })?;
    }
    Ok(())
}
