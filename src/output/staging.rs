//! Writing a build next to the published site and swapping it in only when complete,
//! so that a failed build leaves the previous site exactly as it was.
//!
//! `ocop serve` updates its preview in place instead: after an edit it writes the few
//! files that changed, each replaced whole by a rename. `ocop build`, after such an
//! edit, writes those files beside the site first, and moves them in only once all are
//! written: a build stopped halfway leaves the published site as it was.

use crate::t;
use std::collections::HashSet;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use tempfile::{NamedTempFile, TempDir};
use walkdir::WalkDir;

/// A folder being filled with a new build. Dropped without `publish`, it is deleted.
pub struct Staging {
    dir: Dir,
    target: PathBuf,
    /// Files written, not counting those left alone because their bytes were the same.
    written: AtomicUsize,
    /// Folders known to exist: asking the file system again for each of a national
    /// site's files costs a system call apiece.
    folders: Mutex<HashSet<PathBuf>>,
    /// Versioned folders to recycle when an overlay is published, as `recycle_folder`
    /// was asked, each with the earlier version it will be made from, if any.
    recycled: Mutex<Vec<Recycled>>,
}

struct Recycled {
    folder: String,
    files: HashSet<String>,
    /// The earlier version's folder, relative to the target.
    from: Option<PathBuf>,
}

enum Dir {
    /// A new folder next to the target, swapped in by `publish`.
    Fresh(TempDir),
    /// The target itself, updated file by file.
    Live,
    /// A new folder next to the target holding only the files that differ from it,
    /// moved into it by `publish`.
    Overlay(TempDir),
}

/// Files kept from the previous output: the placeholder that keeps `public/` in git.
const KEPT: &[&str] = &[".gitkeep"];
/// Beside the output: builds being written, and previous sites being deleted.
const BUILDING: &str = ".ocop-build-";
const REPLACED: &str = ".ocop-old-";
/// In a build folder: the process id of the build writing it.
const OWNER: &str = ".ocop-owner";
/// A build folder this old is abandoned even if its owner cannot be checked.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Delete what builds killed halfway left beside the output: their folders, and the
/// previous sites they were deleting. A build folder whose process still runs is left.
fn remove_abandoned(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let abandoned = if name.starts_with(REPLACED) {
            // Deleting it twice at once does no harm.
            true
        } else if name.starts_with(BUILDING) {
            match fs::read_to_string(path.join(OWNER)) {
                Ok(pid) => {
                    let proc = Path::new("/proc");
                    proc.join("self").exists() && !proc.join(pid.trim()).exists()
                }
                Err(_) => entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > ABANDONED_AFTER)),
            }
        } else {
            false
        };
        if abandoned && path.is_dir() {
            // Only disk is at stake if this fails.
            let _ = fs::remove_dir_all(&path);
        }
    }
}

impl Staging {
    /// Start a build that will replace `target`.
    pub fn new(target: &Path) -> io::Result<Self> {
        Ok(Self::with(Dir::Fresh(building_dir(target)?), target))
    }

    /// Update `target`, a complete earlier build, with the files whose bytes differ,
    /// written beside it and moved in by `publish`.
    pub fn overlay(target: &Path) -> io::Result<Self> {
        Ok(Self::with(Dir::Overlay(building_dir(target)?), target))
    }

    fn with(dir: Dir, target: &Path) -> Self {
        Self {
            dir,
            target: target.to_path_buf(),
            written: AtomicUsize::new(0),
            folders: Mutex::default(),
            recycled: Mutex::default(),
        }
    }

    /// Update `target`, a complete earlier build, in place: only files whose bytes
    /// differ are written, each to a temporary file renamed over the old one, so that
    /// a reader never sees half a file.
    pub fn in_place(target: &Path) -> Self {
        Self::with(Dir::Live, target)
    }

    /// The folder being filled, to read the build back before it is published.
    pub fn path(&self) -> &Path {
        match &self.dir {
            Dir::Fresh(dir) | Dir::Overlay(dir) => dir.path(),
            Dir::Live => &self.target,
        }
    }

    /// The folder this build replaces or updates.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// How many files were written so far.
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Write `bytes` at `relative` inside the build, creating folders as needed.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        if let Dir::Overlay(_) = self.dir {
            // Compared with the file as it will be once published: in a versioned
            // folder, the earlier version's file that recycling keeps.
            let recycled = self.recycled.lock().unwrap_or_else(|e| e.into_inner());
            let published = (recycled.iter())
                .find_map(|r| {
                    let rest = relative.strip_prefix(&r.folder)?.strip_prefix('/')?;
                    Some(r.from.as_ref()?.join(rest))
                })
                .unwrap_or_else(|| PathBuf::from(relative));
            drop(recycled);
            if fs::read(self.target.join(published)).is_ok_and(|old| old == bytes) {
                return Ok(());
            }
        }
        let path = self.place(relative)?;
        if let Dir::Live = self.dir {
            if fs::read(&path).is_ok_and(|old| old == bytes) {
                return Ok(());
            }
            let folder = path.parent().unwrap_or(&self.target);
            let mut file = NamedTempFile::new_in(folder)?;
            file.write_all(bytes)?;
            file.persist(&path).map_err(|e| e.error)?;
        } else {
            // The previous site's copy, if its bytes are the same, is linked instead:
            // no new file, and an unchanged file keeps its modification time for
            // tools that upload only what changed.
            let previous = self.target.join(relative);
            if fs::read(&previous).is_ok_and(|old| old == bytes)
                && fs::hard_link(&previous, &path).is_ok()
            {
                return Ok(());
            }
            fs::write(path, bytes)?;
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Make ready the versioned `folder` (such as `search/<version>`) for `files`, its
    /// files' paths. Updating in place, an earlier version beside it is renamed to it
    /// first, so that only the files whose bytes changed are written, and whatever else
    /// is beside it or in it is deleted. Nothing to do in a new build.
    pub fn recycle_folder(&self, folder: &str, files: &HashSet<String>) -> io::Result<()> {
        match self.dir {
            Dir::Fresh(_) => Ok(()),
            Dir::Live => recycle(&self.target, folder, files),
            Dir::Overlay(_) => {
                let target = self.target.join(folder);
                let from = match target.exists() {
                    true => Some(PathBuf::from(folder)),
                    // The one `recycle` will rename, on the same unchanged folder.
                    false => (earlier_versions(&target).pop())
                        .and_then(|p| Some(p.strip_prefix(&self.target).ok()?.to_path_buf())),
                };
                let mut recycled = self.recycled.lock().unwrap_or_else(|e| e.into_inner());
                recycled.push(Recycled {
                    folder: folder.to_owned(),
                    files: files.clone(),
                    from,
                });
                Ok(())
            }
        }
    }

    /// Place the file `from` at `relative` inside the build: a hard link when `from`
    /// is on the same file system, which costs no copying, else a copy.
    pub fn link(&self, relative: &str, from: &Path) -> io::Result<()> {
        let path = self.place(relative)?;
        if let Dir::Live = self.dir {
            // A link cannot replace a file; this one is about to be replaced anyway.
            let _ = fs::remove_file(&path);
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        if fs::hard_link(from, &path).is_err() {
            fs::copy(from, &path)?;
        }
        Ok(())
    }

    /// The path of `relative` inside the build, its folders created.
    fn place(&self, relative: &str) -> io::Result<PathBuf> {
        let path = self.path().join(relative);
        if let Some(parent) = path.parent() {
            let known = |folders: &HashSet<PathBuf>| folders.contains(parent);
            if !known(&self.folders.lock().unwrap_or_else(|e| e.into_inner())) {
                fs::create_dir_all(parent)?;
                (self.folders.lock().unwrap_or_else(|e| e.into_inner())).insert(parent.to_owned());
            }
        }
        Ok(path)
    }

    /// Replace the target with this build; nothing to do for an update in place. An
    /// overlay's files are moved into the target, each by a rename.
    pub fn publish(self) -> io::Result<Replaced> {
        let dir = match self.dir {
            Dir::Fresh(dir) => dir,
            Dir::Live => return Ok(Replaced(None)),
            Dir::Overlay(dir) => {
                let recycled = self
                    .recycled
                    .into_inner()
                    .unwrap_or_else(|e| e.into_inner());
                move_in(dir, &self.target, &recycled)?;
                return Ok(Replaced(None));
            }
        };
        fs::remove_file(dir.path().join(OWNER))?;
        for name in KEPT {
            let old = self.target.join(name);
            if old.is_file() {
                fs::copy(&old, dir.path().join(name))?;
            }
        }
        let built = dir.keep();
        if self.target.exists() {
            let parent = built.parent().unwrap_or(Path::new("."));
            let old = tempfile::Builder::new()
                .prefix(REPLACED)
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
            Ok(Replaced(Some(old)))
        } else {
            fs::rename(&built, &self.target)?;
            Ok(Replaced(None))
        }
    }
}

/// Recycle the versioned `folder` of the complete build in `base`, as
/// `Staging::recycle_folder` says.
fn recycle(base: &Path, folder: &str, files: &HashSet<String>) -> io::Result<()> {
    let target = base.join(folder);
    let mut earlier = earlier_versions(&target);
    if !target.exists() {
        if let Some(previous) = earlier.pop() {
            fs::rename(previous, &target)?;
        }
    }
    for other in earlier {
        fs::remove_dir_all(other)?;
    }
    for entry in WalkDir::new(&target).into_iter().flatten() {
        let path = entry.path();
        let relative = path.strip_prefix(base).unwrap_or(path);
        let name = relative.to_string_lossy().replace('\\', "/");
        if entry.file_type().is_file() && !files.contains(&name) {
            fs::remove_file(path)?;
        }
    }
    Ok(())
}

/// The folders beside the versioned folder `target`: its earlier versions.
fn earlier_versions(target: &Path) -> Vec<PathBuf> {
    let Some(parent) = target.parent() else {
        return Vec::new();
    };
    match fs::read_dir(parent) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir() && *p != target)
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Move the files of the overlay `dir` into `target`, after recycling its versioned
/// folders.
fn move_in(dir: TempDir, target: &Path, recycled: &[Recycled]) -> io::Result<()> {
    fs::remove_file(dir.path().join(OWNER))?;
    for r in recycled {
        recycle(target, &r.folder, &r.files)?;
    }
    for entry in WalkDir::new(dir.path()).min_depth(1) {
        let entry = entry?;
        if entry.file_type().is_dir() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(dir.path())
            .unwrap_or(entry.path());
        let to = target.join(relative);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::rename(entry.path(), to)?;
    }
    dir.close()
}

/// A new build folder beside `target`, in the same parent so that moving its files in
/// is a rename on one file system; abandoned ones found there are deleted first.
fn building_dir(target: &Path) -> io::Result<TempDir> {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    remove_abandoned(&parent);
    let dir = tempfile::Builder::new()
        .prefix(BUILDING)
        .tempdir_in(&parent)?;
    // Says whose build this is, so that a later build can tell an abandoned one.
    fs::write(dir.path().join(OWNER), std::process::id().to_string())?;
    Ok(dir)
}

/// The previous site, moved aside by `publish`. Deleting a national site's files takes
/// seconds, which a preview server need not wait for.
#[must_use = "the previous site stays on disk until removed"]
pub struct Replaced(Option<PathBuf>);

impl Replaced {
    pub fn remove(self) -> io::Result<()> {
        match self.0 {
            Some(old) => fs::remove_dir_all(old),
            None => Ok(()),
        }
    }
}

/// Why `target` must not be replaced by a build, if it must not: a folder that holds
/// the site's sources would be deleted with the old output.
pub fn refuse_target(root: &Path, target: &Path) -> Option<String> {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (root, target_real) = (canonical(root), canonical(target));
    if root.starts_with(&target_real) {
        return Some(t!("output-holds-sources", output = target));
    }
    if target.join("content").is_dir() || target.join("Cargo.toml").is_file() {
        return Some(t!("output-is-a-project", output = target));
    }
    None
}

impl crate::sink::Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        Staging::write(self, path, bytes)
    }

    fn link(&self, path: &str, source: &Path) -> io::Result<()> {
        Staging::link(self, path, source)
    }

    fn recycle_folder(&self, folder: &str, files: &HashSet<String>) -> io::Result<()> {
        Staging::recycle_folder(self, folder, files)
    }
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
        build.publish().unwrap().remove().unwrap();
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
    fn an_overlay_changes_the_target_only_when_published() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("public");
        fs::create_dir_all(target.join("search/v1")).unwrap();
        fs::write(target.join("same.html"), "same").unwrap();
        fs::write(target.join("page.html"), "old").unwrap();
        fs::write(target.join("search/v1/a.json"), "a").unwrap();
        fs::write(target.join("search/v1/gone.json"), "gone").unwrap();
        let listing = || -> Vec<String> {
            let mut names: Vec<String> = WalkDir::new(root.path())
                .into_iter()
                .map(|e| e.unwrap().path().display().to_string())
                .collect();
            names.sort();
            names
        };
        let before = listing();

        let write = |overlay: &Staging| {
            overlay.write("same.html", b"same").unwrap();
            overlay.write("page.html", b"new").unwrap();
            overlay.write("sub/added.html", b"added").unwrap();
            let files = ["search/v2/a.json", "search/v2/b.json"].map(String::from);
            overlay.recycle_folder("search/v2", &files.into()).unwrap();
            // The same bytes as the earlier version's file: left to recycling.
            overlay.write("search/v2/a.json", b"a").unwrap();
            overlay.write("search/v2/b.json", b"b").unwrap();
        };
        // Stopped before publishing: the target is as it was, and so is its folder.
        let stopped = Staging::overlay(&target).unwrap();
        write(&stopped);
        assert_eq!(stopped.written(), 3, "same.html has the same bytes");
        drop(stopped);
        assert_eq!(listing(), before);

        let overlay = Staging::overlay(&target).unwrap();
        write(&overlay);
        overlay.publish().unwrap().remove().unwrap();
        let read = |p: &str| fs::read_to_string(target.join(p)).unwrap();
        assert_eq!(read("page.html"), "new");
        assert_eq!(read("sub/added.html"), "added");
        assert_eq!(read("search/v2/a.json"), "a", "recycled from v1");
        assert_eq!(read("search/v2/b.json"), "b");
        assert!(!target.join("search/v1").exists());
        assert!(!target.join("search/v2/gone.json").exists());
        let beside: Vec<_> = fs::read_dir(root.path()).unwrap().collect();
        assert_eq!(beside.len(), 1, "nothing left beside the target");
    }

    #[test]
    fn a_new_build_deletes_what_killed_builds_left_and_nothing_else() {
        let root = tempfile::tempdir().unwrap();
        let folder = |name: &str, owner: Option<String>| {
            let dir = root.path().join(name);
            fs::create_dir(&dir).unwrap();
            fs::write(dir.join("index.html"), "x").unwrap();
            if let Some(pid) = owner {
                fs::write(dir.join(OWNER), pid).unwrap();
            }
            dir
        };
        // No process has an id this large on Linux (the limit is 2^22).
        let dead = folder(".ocop-build-dead", Some("4294967295".into()));
        let running = folder(".ocop-build-running", Some(std::process::id().to_string()));
        let young = folder(".ocop-build-young", None);
        let replaced = folder(".ocop-old-x", None);
        let build = Staging::new(&root.path().join("public")).unwrap();
        assert!(!replaced.exists());
        assert!(running.exists() && young.exists());
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists());
        }
        build.publish().unwrap().remove().unwrap();
        assert!(!root.path().join("public").join(OWNER).exists());
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
