//! Photo references: the file must sit inside the product's own folder and be an
//! image we can read. Only the header is read here; decoding happens in `assets`.

use crate::t;
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
/// `folder` names the folder in messages: the product's, or the news item's.
pub fn inspect(dir: &Path, file: &str, folder: &str) -> Result<PhotoHeader, String> {
    let relative = Path::new(file);
    let escapes = relative.is_absolute()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if file.trim().is_empty() || escapes {
        return Err(t!("photo-escapes", file = file, folder = folder));
    }
    let path = dir.join(relative);
    let path = if path.is_file() {
        path
    } else {
        composed_match(&path).ok_or_else(|| t!("photo-missing", file = file, folder = folder))?
    };
    // A link may still point elsewhere; what counts is where the bytes really live.
    let (real, real_dir) = (path.canonicalize(), dir.canonicalize());
    match (real, real_dir) {
        (Ok(real), Ok(real_dir)) if real.starts_with(&real_dir) => {}
        _ => return Err(t!("photo-points-outside", file = file, folder = folder)),
    }
    let (width, height) =
        read_header(&path).map_err(|why| t!("photo-problem", file = file, why = why))?;
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
                    t!(
                        "photo-small",
                        file = &loaded.record.photos[i].file,
                        width = photo.width,
                        min = MIN_WIDTH
                    ),
                )
                .warning()
        })
        .collect()
}
