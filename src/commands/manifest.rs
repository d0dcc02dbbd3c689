//! What the last `ocop build` was made from, kept in the cache folder, so that the next
//! build can tell whether only product and producer records changed, and update the
//! output in place instead of building every page again.
//!
//! The manifest is trusted only when everything but those records is as it was: the
//! same program, the same site theme, the same options, the same output folder (not
//! replaced or deleted since), and every other content file with the same length and
//! modification time. Anything else, or a manifest that cannot be read, means a full
//! build. It holds the records' texts, from which the previous catalogue is rebuilt to
//! compare with the new one (`render::affected`).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::content::patch::{self, key};
use crate::content::RawContent;
use crate::validate::Options;

/// In the cache folder.
const FILE: &str = "build/manifest.json";

/// What, besides the content, the output depends on.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Settings {
    /// The running program: its version, path, length and modification time.
    program: String,
    /// A hash of the site's own `themes/` folder; the built-in theme is in the program.
    theme: String,
    /// The options of the build, such as the date and the base URL.
    options: String,
    /// The output folder: its path, device and inode. A build that publishes replaces
    /// the folder, so another inode means the output is not the one described here.
    output: String,
}

/// The inputs of one build.
#[derive(Debug, Serialize, Deserialize)]
pub struct Inputs {
    settings: Settings,
    /// Every content file but the records, by path from the site root: its length and
    /// modification time in nanoseconds.
    files: BTreeMap<String, (u64, i128)>,
    /// The product and producer files' texts, by path from the site root.
    records: BTreeMap<String, String>,
}

impl Inputs {
    /// The inputs of a build of `raw` with `options` into `output`; `None` when a file
    /// cannot be read, in which case the build is a full one, and remembered as none.
    pub fn of(raw: &RawContent, options: &Options, output: &Path) -> Option<Inputs> {
        let root = &raw.root;
        let records: BTreeMap<String, String> = (raw.products.iter().map(|p| &p.source))
            .chain(raw.producers.iter().map(|p| &p.source))
            .map(|source| (key(&source.path), source.text.clone()))
            .collect();
        let mut files = BTreeMap::new();
        let content = root.join("content");
        let walk = WalkDir::new(&content).into_iter().filter_entry(|e| {
            e.path()
                .strip_prefix(&content)
                .is_ok_and(|inside| !patch::skipped(inside))
        });
        for entry in walk {
            let entry = entry.ok()?;
            if entry.file_type().is_dir() {
                continue;
            }
            let path = key(entry.path().strip_prefix(root).ok()?);
            if !records.contains_key(&path) {
                files.insert(path, stamp(entry.path())?);
            }
        }
        Some(Inputs {
            settings: Settings {
                program: program()?,
                theme: theme_hash(&root.join("themes"))?,
                options: format!("{options:?}"),
                output: identity(output).unwrap_or_default(),
            },
            files,
            records,
        })
    }

    /// The record texts of the build `cache` remembers, if it was made from the same
    /// inputs as these but for records, and `output` is still what it wrote.
    pub fn previous(&self, cache: &Path) -> Option<BTreeMap<String, String>> {
        let text = fs::read(cache.join(FILE)).ok()?;
        let previous: Inputs = serde_json::from_slice(&text).ok()?;
        let same = previous.settings == self.settings
            && !self.settings.output.is_empty()
            && previous.files == self.files;
        same.then_some(previous.records)
    }

    /// Remember these inputs as those of the build now in `output`. Written to a
    /// temporary file and renamed, so that a manifest is never half written.
    pub fn save(mut self, cache: &Path, output: &Path) -> io::Result<()> {
        self.settings.output = identity(output)?;
        let path = cache.join(FILE);
        let folder = path.parent().unwrap_or(cache);
        fs::create_dir_all(folder)?;
        let mut file = tempfile::NamedTempFile::new_in(folder)?;
        serde_json::to_writer(io::BufWriter::new(&mut file), &self)?;
        file.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Forget the build `cache` remembers, before its output is changed in place: if that
/// is interrupted, the next build is a full one.
pub fn forget(cache: &Path) -> io::Result<()> {
    match fs::remove_file(cache.join(FILE)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// A file's length and modification time.
fn stamp(path: &Path) -> Option<(u64, i128)> {
    let metadata = fs::metadata(path).ok()?;
    let modified = metadata.modified().ok()?;
    let nanos = match modified.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    };
    Some((metadata.len(), nanos))
}

/// The running program, told apart from any other build of it.
fn program() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let (len, modified) = stamp(&exe)?;
    Some(format!(
        "{} {} {len} {modified}",
        env!("CARGO_PKG_VERSION"),
        exe.display()
    ))
}

/// A hash of every file under `themes`, with its path; "none" without the folder.
fn theme_hash(themes: &Path) -> Option<String> {
    if !themes.exists() {
        return Some("none".into());
    }
    let mut hasher = blake3::Hasher::new();
    for entry in WalkDir::new(themes).sort_by_file_name() {
        let entry = entry.ok()?;
        let relative = entry.path().strip_prefix(themes).ok()?;
        hasher.update(key(relative).as_bytes());
        hasher.update(&[0]);
        if entry.file_type().is_file() {
            hasher.update(&fs::read(entry.path()).ok()?);
            hasher.update(&[0]);
        }
    }
    Some(hasher.finalize().to_hex().to_string())
}

/// The output folder's path, device and inode.
fn identity(output: &Path) -> io::Result<String> {
    let canonical: PathBuf = output.canonicalize()?;
    let metadata = fs::metadata(&canonical)?;
    #[cfg(unix)]
    let node = {
        use std::os::unix::fs::MetadataExt;
        format!("{} {}", metadata.dev(), metadata.ino())
    };
    #[cfg(not(unix))]
    let node = format!("{:?}", metadata.created().ok());
    Ok(format!("{} {node}", canonical.display()))
}
