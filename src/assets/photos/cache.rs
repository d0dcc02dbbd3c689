//! A content-addressed store of processed photos.
//!
//! An entry is a folder named by a hash of the source photo's bytes and of the recipe
//! that processed it (sizes, formats, qualities). Editing a photo or changing a
//! setting gives a new name, so an entry never goes stale in place: it is either
//! reused as it is or pruned once nothing asks for it.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Entries being written start with this; they become visible by one rename.
const PARTIAL: &str = ".partial-";
/// A partial entry this old belongs to a build that died; a younger one may be
/// another build's work in progress.
const ABANDONED_AFTER: Duration = Duration::from_secs(3600);

/// The name of one cached result.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key(String);

impl Key {
    /// The key for `recipe` applied to a source whose bytes hash to `source`.
    pub fn new(source: &blake3::Hash, recipe: &str) -> Key {
        let mut hasher = blake3::Hasher::new();
        hasher.update(source.as_bytes());
        hasher.update(recipe.as_bytes());
        // 128 bits: collisions are out of reach, and the names stay short.
        Key(hasher.finalize().to_hex()[..32].to_owned())
    }
}

/// Hash a source file without holding it in memory.
pub fn hash_file(path: &Path) -> io::Result<blake3::Hash> {
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(File::open(path)?)?;
    Ok(hasher.finalize())
}

pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// A cache of photos in `dir`, created on first write.
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The folder of a complete entry, if there is one.
    pub fn get(&self, key: &Key) -> Option<PathBuf> {
        let entry = self.dir.join(&key.0);
        entry.is_dir().then_some(entry)
    }

    /// Store `files` (name, bytes) as the entry `key`, and return its folder.
    pub fn put(&self, key: &Key, files: &[(String, Vec<u8>)]) -> io::Result<PathBuf> {
        fs::create_dir_all(&self.dir)?;
        let partial = tempfile::Builder::new()
            .prefix(PARTIAL)
            .tempdir_in(&self.dir)?;
        for (name, bytes) in files {
            fs::write(partial.path().join(name), bytes)?;
        }
        let entry = self.dir.join(&key.0);
        if let Err(error) = fs::rename(partial.path(), &entry) {
            // Another build stored the same entry first; theirs is as good as ours.
            if !entry.is_dir() {
                return Err(error);
            }
        }
        Ok(entry)
    }

    /// Delete every entry not in `keep`; returns how many were deleted.
    pub fn prune(&self, keep: &HashSet<Key>) -> io::Result<usize> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        let mut deleted = 0;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let stale = if name.starts_with(PARTIAL) {
                is_older_than(&entry.path(), ABANDONED_AFTER)
            } else {
                !keep.contains(&Key(name))
            };
            if stale {
                fs::remove_dir_all(entry.path())?;
                deleted += 1;
            }
        }
        Ok(deleted)
    }
}

fn is_older_than(path: &Path, age: Duration) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|elapsed| elapsed > age)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_change_with_the_bytes_and_with_the_recipe() {
        let a = blake3::hash(b"photo a");
        let b = blake3::hash(b"photo b");
        assert_eq!(Key::new(&a, "webp q75"), Key::new(&a, "webp q75"));
        assert_ne!(Key::new(&a, "webp q75"), Key::new(&b, "webp q75"));
        assert_ne!(Key::new(&a, "webp q75"), Key::new(&a, "webp q80"));
    }

    #[test]
    fn stores_finds_and_prunes_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("photos"));
        let hash = blake3::hash(b"bytes");
        let (kept, dropped) = (Key::new(&hash, "one"), Key::new(&hash, "two"));
        assert_eq!(cache.get(&kept), None);
        let files = [("400.jpg".to_owned(), b"jpeg".to_vec())];
        let entry = cache.put(&kept, &files).unwrap();
        assert_eq!(fs::read(entry.join("400.jpg")).unwrap(), b"jpeg");
        cache.put(&dropped, &files).unwrap();
        // Storing the same entry again is not an error.
        cache.put(&kept, &files).unwrap();

        let deleted = cache.prune(&HashSet::from([kept.clone()])).unwrap();
        assert_eq!(deleted, 1);
        assert_eq!(cache.get(&kept), Some(entry));
        assert_eq!(cache.get(&dropped), None);
    }
}
