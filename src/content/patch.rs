//! Re-reading only the files an edit touched, so that `ocop serve` does not parse a
//! national catalogue's thousands of files again after each save.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::{file_stem, read_yaml, yaml, Loaded, RawContent, Source};

/// Re-read into `raw` the product and producer files among `changed`, which are paths
/// under `raw.root` as a file watcher reports them. `false` when `changed` holds
/// anything else, or a file that no longer parses: only a full load then tells the
/// whole story, with every problem. Skipped: hidden files and editors' `~` backups,
/// which the loader skips too, and files that came and went, such as the temporary
/// file an editor saves to and renames. A deleted file that mattered is a record file,
/// which is not skipped, or a photo, which validation reports as missing.
pub fn patch(raw: &mut RawContent, changed: &[PathBuf]) -> bool {
    let content = raw.root.join("content");
    let canonical = content.canonicalize().ok();
    changed.iter().all(|path| {
        let inside = path
            .strip_prefix(&content)
            .ok()
            .or_else(|| path.strip_prefix(canonical.as_ref()?).ok());
        match inside {
            Some(inside) if skipped(inside) => true,
            Some(inside) => reload(raw, path, inside),
            None => false,
        }
    })
}

/// Whether the loader skips a path inside `content/`: hidden files and folders, and
/// editors' `~` backups.
pub(crate) fn skipped(inside: &Path) -> bool {
    inside.components().any(|c| match c {
        Component::Normal(name) => {
            let name = name.to_string_lossy();
            name.starts_with('.') || name.ends_with('~')
        }
        _ => false,
    })
}

/// Re-read one known record file; `false` for a new record file, and for any other
/// file that is still there.
fn reload(raw: &mut RawContent, path: &Path, inside: &Path) -> bool {
    let parts: Vec<_> = inside.iter().map(|p| p.to_string_lossy()).collect();
    let root = raw.root.clone();
    match parts.as_slice() {
        [products, slug, file] if products == "products" && file == "product.yaml" => {
            let id = file_stem(Path::new(slug.as_ref()));
            refresh(&root, path, raw.products.iter_mut().find(|p| p.id == id))
        }
        [producers, file] if producers == "producers" && file.ends_with(".yaml") => {
            let id = file_stem(path);
            refresh(&root, path, raw.producers.iter_mut().find(|p| p.id == id))
        }
        _ => !path.exists(),
    }
}

/// Replace `loaded` with what `path` now holds, if it was loaded before and parses.
fn refresh<T: DeserializeOwned>(root: &Path, path: &Path, loaded: Option<&mut Loaded<T>>) -> bool {
    let Some(loaded) = loaded else {
        return false;
    };
    match read_yaml(root, path) {
        Ok((source, record)) => {
            loaded.source = source;
            loaded.record = record;
            true
        }
        Err(_) => false,
    }
}

/// The content `raw` was made from when its product and producer files held `texts`,
/// by path from the site root, as `ocop build` remembers them. `None` when the two do
/// not hold the same record files, or an earlier text no longer parses.
pub fn with_sources(raw: &RawContent, texts: &BTreeMap<String, String>) -> Option<RawContent> {
    if texts.len() != raw.products.len() + raw.producers.len() {
        return None;
    }
    let mut earlier = raw.clone();
    for product in &mut earlier.products {
        restore(product, texts)?;
    }
    for producer in &mut earlier.producers {
        restore(producer, texts)?;
    }
    Some(earlier)
}

/// Put back the record `texts` holds for `loaded`'s file, if that differs.
fn restore<T: DeserializeOwned>(
    loaded: &mut Loaded<T>,
    texts: &BTreeMap<String, String>,
) -> Option<()> {
    let text = texts.get(&key(&loaded.source.path))?;
    if *text != loaded.source.text {
        let source = Source {
            path: loaded.source.path.clone(),
            text: text.clone(),
        };
        loaded.record = yaml::parse(&source).ok()?;
        loaded.source = Arc::new(source);
    }
    Some(())
}

/// A path as a key: `/` between its parts on every system.
pub fn key(path: &Path) -> String {
    (path.iter())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
