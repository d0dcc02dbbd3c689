//! Writing content files for the team (`ocop new`, `ocop import`), never replacing an
//! existing one by accident.
//!
//! Not for the built site: that goes through `output`, into a staging folder.

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

/// Write `text` to `root/relative`, creating its folders. With [`IfExists::Refuse`] the
/// check and the creation are one step (`create_new`), so a file that appears between
/// a check and the write is still not replaced.
pub fn write(root: &Path, relative: &Path, text: &str, if_exists: IfExists) -> Result<(), String> {
    let path = root.join(relative);
    let shown = relative.display();
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create the folder for {shown}: {e}"))?;
    }
    let mut options = OpenOptions::new();
    match if_exists {
        IfExists::Refuse => options.write(true).create_new(true),
        IfExists::Replace => options.write(true).create(true).truncate(true),
    };
    let mut file = options.open(&path).map_err(|e| match e.kind() {
        ErrorKind::AlreadyExists => format!("{shown} already exists; it was left as it was"),
        _ => format!("cannot create {shown}: {e}"),
    })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {shown}: {e}"))
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
}
