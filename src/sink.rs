//! Where the files a stage makes go. The output stage's staging folder is one; the
//! assets stage writes through this trait, so it does not depend on the stage after it.

use std::collections::HashSet;
use std::io;
use std::path::Path;

pub trait Sink: Sync {
    /// Write `bytes` at `path`, relative to the site root.
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;

    /// Place the file at `source` at `path`, by a link where possible.
    fn link(&self, path: &str, source: &Path) -> io::Result<()>;

    /// Make ready the versioned `folder` for `files`, its files' paths: see
    /// `output::Staging::recycle_folder`.
    fn recycle_folder(&self, folder: &str, files: &HashSet<String>) -> io::Result<()>;
}
