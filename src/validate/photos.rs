//! Photo references: the file must sit inside the product's own folder and be an
//! image we can read. Only the header is read here; decoding happens in `assets`.

use std::path::{Component, Path, PathBuf};

use crate::content::locate::Seg::{Index, Key};
use crate::content::photo::read_header;
use crate::content::text;
use crate::content::Loaded;
use crate::diagnostics::Diagnostic;
use crate::domain::records::ProductRecord;
use crate::domain::Product;

/// Narrower than this, a photo looks blurry on a phone's product page, which shows the
/// 800 px copy on most screens.
pub const MIN_WIDTH: u32 = 800;

/// What we learn from a photo without decoding it.
pub struct PhotoHeader {
    pub path: PathBuf,
    /// After EXIF orientation: a portrait phone photo reports portrait sizes.
    pub width: u32,
    pub height: u32,
}

/// Check `file`, as written in `product.yaml`, against the product folder `dir`.
pub fn inspect(dir: &Path, file: &str) -> Result<PhotoHeader, String> {
    let relative = Path::new(file);
    let escapes = relative.is_absolute()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if file.trim().is_empty() || escapes {
        return Err(format!(
            "photo `{file}` must be a file inside the product's folder (no `..` or absolute paths)"
        ));
    }
    let path = dir.join(relative);
    let path = if path.is_file() {
        path
    } else {
        composed_match(&path)
            .ok_or_else(|| format!("photo `{file}` does not exist in the product's folder"))?
    };
    // A link may still point elsewhere; what counts is where the bytes really live.
    let (real, real_dir) = (path.canonicalize(), dir.canonicalize());
    match (real, real_dir) {
        (Ok(real), Ok(real_dir)) if real.starts_with(&real_dir) => {}
        _ => {
            return Err(format!(
                "photo `{file}` points outside the product's folder"
            ))
        }
    }
    let (width, height) = read_header(&path).map_err(|why| format!("photo `{file}` {why}"))?;
    Ok(PhotoHeader {
        path,
        width,
        height,
    })
}

/// The file beside `path` whose name is the same text once both are NFC. The YAML is
/// read as NFC, but a photo copied from a Mac keeps its decomposed (NFD) name, so
/// `Ảnh bìa.jpg` in product.yaml must find the file a Mac named `A\u{309}nh bi\u{300}a.jpg`.
fn composed_match(path: &Path) -> Option<PathBuf> {
    let wanted = text::normalize(&path.file_name()?.to_string_lossy());
    std::fs::read_dir(path.parent()?)
        .ok()?
        .filter_map(Result::ok)
        .find(|entry| text::normalize(&entry.file_name().to_string_lossy()) == wanted)
        .map(|entry| entry.path())
        .filter(|found| found.is_file())
}

/// Warnings for photos too small to look sharp; the product is valid without them.
pub fn budget_warnings(loaded: &Loaded<ProductRecord>, product: &Product) -> Vec<Diagnostic> {
    product
        .photos
        .iter()
        .enumerate()
        .filter(|(_, photo)| photo.width < MIN_WIDTH)
        .map(|(i, photo)| {
            loaded
                .source
                .error(
                    &[Key("photos"), Index(i), Key("file")],
                    format!(
                        "photo `{}` is only {} px wide and will look blurry; use one at \
                         least {MIN_WIDTH} px wide (1600 px is best)",
                        loaded.record.photos[i].file, photo.width
                    ),
                )
                .warning()
        })
        .collect()
}
