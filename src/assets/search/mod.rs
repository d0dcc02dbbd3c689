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

use crate::edition::Edition;
use crate::paths;
use crate::sink::Sink;

/// Write the edition's `search/index.json` and the files it refers to, which live in
/// a folder named by their version.
pub fn write(ed: Edition<'_>, staging: &dyn Sink) -> std::io::Result<()> {
    let index = index::build(ed.catalogue, ed.lang);
    let files = files::files(ed, &index);
    let entry = paths::search_index(ed.lang);
    let names: HashSet<String> = files.iter().map(|(path, _)| path.clone()).collect();
    if let Some(folder) = names
        .iter()
        .find(|p| **p != entry)
        .and_then(|p| p.rsplit_once('/'))
    {
        staging.recycle_folder(folder.0, &names)?;
    }
    for (path, bytes) in files {
        staging.write(&path, &bytes)?;
    }
    Ok(())
}
