//! The search index, built at build time for the theme's `js/search.js`, which reads
//! it in the browser: there is no search server.
//!
//! `normalize` is the Vietnamese search key both sides share; `index` collects the
//! listed products' words; `files` shards them so that a national catalogue costs a
//! query only the few files its words live in.

pub mod files;
pub mod index;
pub mod normalize;

use std::collections::HashSet;

use crate::model::Catalogue;
use crate::output::Staging;
use crate::paths;

/// Write `search/index.json` and the files it refers to, which live in a folder named
/// by their version.
pub fn write(catalogue: &Catalogue, staging: &Staging) -> std::io::Result<()> {
    let index = index::build(catalogue);
    let files = files::files(catalogue, &index);
    let names: HashSet<String> = files.iter().map(|(path, _)| path.clone()).collect();
    if let Some(folder) = names
        .iter()
        .find(|p| *p != paths::SEARCH_INDEX)
        .and_then(|p| p.rsplit_once('/'))
    {
        staging.recycle_folder(folder.0, &names)?;
    }
    for (path, bytes) in files {
        staging.write(&path, &bytes)?;
    }
    Ok(())
}
