//! Writing content files for the team (`ocop new`, `ocop import`), never replacing an
//! existing one by accident.
//!
//! Not for the built site: that goes through `output`, into a staging folder.

use crate::t;
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

/// What to do when the file is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfExists {
    /// Refuse, and leave it as it was.
    Refuse,
    /// Replace it (`--force`).
    Replace,
}

/// Write `contents` to `root/relative`, creating its folders. With [`IfExists::Refuse`] the
/// check and the creation are one step (`create_new`), so a file that appears between
/// a check and the write is still not replaced.
pub fn write(
    root: &Path,
    relative: &Path,
    contents: impl AsRef<[u8]>,
    if_exists: IfExists,
) -> Result<(), String> {
    let contents = contents.as_ref();
    let path = root.join(relative);
    let shown = relative;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| {
            t!(
                "write-cannot-create-folder",
                file = shown,
                error = e.to_string()
            )
        })?;
    }
    // What a replaced file or link leads to keeps its permissions; a new file is
    // created as below.
    if let (IfExists::Replace, Ok(existing)) = (if_exists, fs::metadata(&path)) {
        return replace(&path, contents, existing.permissions())
            .map_err(|e| t!("write-cannot-replace", file = shown, error = e.to_string()));
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            ErrorKind::AlreadyExists => t!("write-exists", file = shown),
            _ => t!("write-cannot-create", file = shown, error = e.to_string()),
        })?;
    file.write_all(contents)
        .map_err(|e| t!("write-cannot-write", file = shown, error = e.to_string()))
}

/// Replace the file at `path` in one step: the contents go into a temporary file beside
/// it, renamed over it once complete. A crash midway leaves the old file whole, and a
/// link at `path` is replaced rather than written through to wherever it points.
fn replace(path: &Path, contents: &[u8], permissions: fs::Permissions) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(contents)?;
    // The temporary file is private; the team's file was not.
    file.as_file().set_permissions(permissions)?;
    file.persist(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_replace_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let file = Path::new("content/producers/a.yaml");
        write(dir.path(), file, "first", IfExists::Refuse).unwrap();
        let error = write(dir.path(), file, "second", IfExists::Refuse).unwrap_err();
        assert!(error.contains("already exists"), "{error}");
        assert_eq!(fs::read_to_string(dir.path().join(file)).unwrap(), "first");
        write(dir.path(), file, "third", IfExists::Replace).unwrap();
        assert_eq!(fs::read_to_string(dir.path().join(file)).unwrap(), "third");
    }

    #[cfg(unix)]
    #[test]
    fn replaces_a_link_instead_of_writing_through_it() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere.yaml");
        fs::write(&elsewhere, "kept").unwrap();
        let file = Path::new("content/producers/a.yaml");
        fs::create_dir_all(dir.path().join("content/producers")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(file)).unwrap();
        write(dir.path(), file, "new", IfExists::Replace).unwrap();
        assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "kept");
        assert_eq!(fs::read_to_string(dir.path().join(file)).unwrap(), "new");
        let entries = fs::read_dir(dir.path().join("content/producers"))
            .unwrap()
            .count();
        assert_eq!(entries, 1, "the temporary file was left behind");
    }
}
