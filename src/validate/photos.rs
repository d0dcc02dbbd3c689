//! Photo references: the file must sit inside the product's own folder and be an
//! image we can read. Only the header is read here; decoding happens in `assets`.

use std::path::{Component, Path, PathBuf};

use image::{ImageDecoder, ImageReader};

/// The largest photo accepted, in pixels; a bigger one is most likely a decompression
/// bomb, and no phone camera produces it.
pub const MAX_PIXELS: u64 = 100_000_000;

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
    if !path.is_file() {
        return Err(format!(
            "photo `{file}` does not exist in the product's folder"
        ));
    }
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
    let (width, height) =
        read_header(&path).map_err(|why| format!("photo `{file}` cannot be read: {why}"))?;
    Ok(PhotoHeader {
        path,
        width,
        height,
    })
}

fn read_header(path: &Path) -> Result<(u32, u32), String> {
    let reader = ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(|e| e.to_string())?;
    if reader.format().is_none() {
        return Err("not a JPEG, PNG or WebP image".into());
    }
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "{width}×{height} pixels is larger than the 100-megapixel limit"
        ));
    }
    if width == 0 || height == 0 {
        return Err("the image is empty".into());
    }
    let turned = decoder
        .orientation()
        .map(|o| {
            use image::metadata::Orientation::*;
            matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
        })
        .unwrap_or(false);
    Ok(if turned {
        (height, width)
    } else {
        (width, height)
    })
}
