//! The search index, built at build time for the theme's `js/search.js`, which reads
//! it in the browser: there is no search server.
//!
//! `normalize` is the Vietnamese search key both sides share; `index` collects the
//! listed products' words; `files` shards them so that a national catalogue costs a
//! query only the few files its words live in.

pub mod files;
pub mod index;
pub mod normalize;

use crate::model::Catalogue;
use crate::output::Staging;

/// Write `search/index.json` and the files it refers to; returns the folder of this
/// version's files, which replaces any other.
pub fn write(catalogue: &Catalogue, staging: &Staging) -> std::io::Result<String> {
    let index = index::build(catalogue);
    let mut folder = String::new();
    for (path, bytes) in files::files(catalogue, &index) {
        staging.write(&path, &bytes)?;
        if path != crate::paths::SEARCH_INDEX {
            folder = path.rsplit_once('/').map_or("", |(f, _)| f).to_owned();
        }
    }
    Ok(folder)
}
