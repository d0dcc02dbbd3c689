//! Writing a build next to the published site and swapping it in only when complete,
//! so that a failed build leaves the previous site exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// A folder being filled with a new build. Dropped without `publish`, it is deleted.
pub struct Staging {
    dir: TempDir,
    target: PathBuf,
}

/// Files kept from the previous output: the placeholder that keeps `public/` in git.
const KEPT: &[&str] = &[".gitkeep"];

impl Staging {
    /// Start a build that will replace `target`.
    pub fn new(target: &Path) -> io::Result<Self> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        // In the same parent, so the final swap is a rename on one file system.
        let dir = tempfile::Builder::new()
            .prefix(".ocop-build-")
            .tempdir_in(&parent)?;
        Ok(Self {
            dir,
            target: target.to_path_buf(),
        })
    }

    /// The folder being filled, to read the build back before it is published.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Write `bytes` at `relative` inside the build, creating folders as needed.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        fs::write(self.place(relative)?, bytes)
    }

    /// Place the file `from` at `relative` inside the build: a hard link when `from`
    /// is on the same file system, which costs no copying, else a copy.
    pub fn link(&self, relative: &str, from: &Path) -> io::Result<()> {
        let path = self.place(relative)?;
        if fs::hard_link(from, &path).is_err() {
            fs::copy(from, &path)?;
        }
        Ok(())
    }

    /// The path of `relative` inside the build, its folders created.
    fn place(&self, relative: &str) -> io::Result<PathBuf> {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        Ok(path)
    }

    /// Replace the target with this build.
    pub fn publish(self) -> io::Result<()> {
        for name in KEPT {
            let old = self.target.join(name);
            if old.is_file() {
                fs::copy(&old, self.dir.path().join(name))?;
            }
        }
        let built = self.dir.keep();
        if self.target.exists() {
            let parent = built.parent().unwrap_or(Path::new("."));
            let old = tempfile::Builder::new()
                .prefix(".ocop-old-")
                .tempdir_in(parent)?
                .keep();
            fs::remove_dir(&old)?;
            fs::rename(&self.target, &old)?;
            if let Err(error) = fs::rename(&built, &self.target) {
                // Put the previous site back rather than leave nothing published.
                let _ = fs::rename(&old, &self.target);
                let _ = fs::remove_dir_all(&built);
                return Err(error);
            }
            fs::remove_dir_all(&old)?;
        } else {
            fs::rename(&built, &self.target)?;
        }
        Ok(())
    }
}

/// Why `target` must not be replaced by a build, if it must not: a folder that holds
/// the site's sources would be deleted with the old output.
pub fn refuse_target(root: &Path, target: &Path) -> Option<String> {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (root, target_real) = (canonical(root), canonical(target));
    if root.starts_with(&target_real) {
        return Some(format!(
            "output folder {} contains the site's sources",
            target.display()
        ));
    }
    if target.join("content").is_dir() || target.join("Cargo.toml").is_file() {
        return Some(format!(
            "output folder {} looks like a project, not a built site",
            target.display()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishes_only_on_success_and_keeps_the_placeholder() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("public");
        fs::create_dir(&target).unwrap();
        fs::write(target.join(".gitkeep"), "").unwrap();
        fs::write(target.join("old.html"), "old").unwrap();

        let failed = Staging::new(&target).unwrap();
        failed.write("index.html", b"half").unwrap();
        drop(failed);
        assert_eq!(fs::read_to_string(target.join("old.html")).unwrap(), "old");

        let build = Staging::new(&target).unwrap();
        build.write("a/index.html", b"new").unwrap();
        build.publish().unwrap();
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new"
        );
        assert!(target.join(".gitkeep").is_file());
        assert!(!target.join("old.html").exists());
        let leftovers: Vec<_> = fs::read_dir(root.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn refuses_to_replace_the_sources() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join("content")).unwrap();
        assert!(refuse_target(root.path(), root.path()).is_some());
        assert!(refuse_target(&root.path().join("site"), root.path()).is_some());
        assert!(refuse_target(root.path(), &root.path().join("public")).is_none());
    }
}
