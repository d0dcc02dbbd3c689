//! Photo references: the file must sit inside the product's own folder and be an
//! image we can read. Only the header is read here; decoding happens in `assets`.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Component, Path, PathBuf};

use image::{ImageDecoder, ImageFormat, ImageReader};

use crate::content::locate::Seg::{Index, Key};
use crate::content::records::ProductRecord;
use crate::content::text;
use crate::content::Loaded;
use crate::diagnostics::Diagnostic;
use crate::domain::Product;

/// The largest photo accepted, in pixels; a bigger one is most likely a decompression
/// bomb, and no phone camera produces it.
pub const MAX_PIXELS: u64 = 100_000_000;

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

/// The size of the photo at `path`, upright; errors read after "photo `name` ".
fn read_header(path: &Path) -> Result<(u32, u32), String> {
    let unreadable = |e: &dyn std::fmt::Display| format!("cannot be read: {e}");
    let mut start = Vec::with_capacity(32);
    File::open(path)
        .and_then(|f| f.take(32).read_to_end(&mut start))
        .map_err(|e| unreadable(&e))?;
    let format = supported_format(&start, path)?;
    let file = File::open(path).map_err(|e| unreadable(&e))?;
    let mut reader = ImageReader::with_format(BufReader::new(file), format);
    // Only the header is read; the size check below gives a clearer message than
    // the decoder's own limits would.
    reader.no_limits();
    let mut decoder = reader.into_decoder().map_err(|e| unreadable(&e))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "is {width}×{height} pixels, more than the limit of 100 megapixels; no camera \
             takes such photos, so the file is probably damaged or malicious"
        ));
    }
    if width == 0 || height == 0 {
        return Err("is empty (0 pixels)".into());
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

/// The format of a photo from its first bytes, whatever its name says; an error that
/// says how to convert anything that is not JPEG, PNG or WebP. Errors read after
/// "photo `name` ".
pub fn supported_format(start: &[u8], path: &Path) -> Result<ImageFormat, String> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    // HEIF and AVIF are ISO media files: a `ftyp` box naming the brand.
    if start.get(4..8) == Some(&b"ftyp"[..]) {
        let brand = start.get(8..12).unwrap_or_default();
        let kind = match brand {
            b"avif" | b"avis" => "is an AVIF image",
            _ => "is a HEIC/HEIF photo (the iPhone's default format)",
        };
        return Err(format!(
            "{kind}, which browsers cannot show everywhere; only JPEG, PNG and WebP are \
             supported. Convert it to JPEG first, e.g. `heif-convert \"{name}\" \"{stem}.jpg\"` \
             (package libheif-examples), or set the iPhone's Settings → Camera → Formats to \
             Most Compatible"
        ));
    }
    match image::guess_format(start) {
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(format),
        Ok(other) => Err(format!(
            "is a {} image; only JPEG, PNG and WebP are supported. Convert it to JPEG first, \
             e.g. with ImageMagick: `convert \"{name}\" \"{stem}.jpg\"`",
            other.extensions_str().first().unwrap_or(&"").to_uppercase()
        )),
        Err(_) => Err(
            "is not an image: it does not start like a JPEG, PNG or WebP file \
             (is it a renamed document, or was it cut short while copying?)"
                .into(),
        ),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_format_and_the_tool_for_unsupported_photos() {
        let path = Path::new("IMG_0001.HEIC");
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        let message = supported_format(heic, path).unwrap_err();
        assert!(message.contains("HEIC"), "{message}");
        assert!(
            message.contains("heif-convert \"IMG_0001.HEIC\" \"IMG_0001.jpg\""),
            "{message}"
        );
        let gif = supported_format(b"GIF89a\x01\0\x01\0", Path::new("a.gif")).unwrap_err();
        assert!(
            gif.starts_with("is a GIF image; only JPEG, PNG and WebP"),
            "{gif}"
        );
        let text = supported_format(b"hello, world", Path::new("a.jpg")).unwrap_err();
        assert!(text.starts_with("is not an image"), "{text}");
        assert_eq!(
            supported_format(b"\xFF\xD8\xFF\xE0", path),
            Ok(ImageFormat::Jpeg)
        );
    }
}
