//! `ocop theme eject`: copy the built-in theme into the site, to change more of it
//! than a few overriding files would.

use crate::t;
use std::path::{Path, PathBuf};

use crate::content::theme_files::{self, DEFAULT};
use crate::content::write::{write, IfExists};

use super::{require_content, Failure};

/// What was written.
pub struct Ejected {
    /// The theme's folder, relative to the root: `themes/default`.
    pub folder: PathBuf,
    pub files: usize,
}

/// Write every file of the built-in theme under `<root>/themes/default/`. A folder
/// that is already there is the team's work: it is refused, unless `force`, which
/// replaces the files the built-in theme has and leaves the others alone.
pub fn eject(root: &Path, force: bool) -> Result<Ejected, Failure> {
    require_content(root)?;
    let folder = Path::new("themes").join(DEFAULT);
    if root.join(&folder).exists() && !force {
        return Err(Failure::Other(t!("eject-exists", folder = &folder)));
    }
    let files = theme_files::built_in();
    for (name, bytes) in &files {
        write(root, &folder.join(name), bytes, IfExists::Replace).map_err(Failure::Other)?;
    }
    Ok(Ejected {
        folder,
        files: files.len(),
    })
}
