//! Probing a photo file without decoding it: its real format, from its first bytes,
//! and its upright size, from its header. Validation checks photos with it and the
//! photo pipeline refuses the same files, so both read one definition of what is
//! accepted.

use crate::t;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use image::{ImageDecoder, ImageFormat, ImageReader};

/// The largest photo accepted, in pixels; a bigger one is most likely a decompression
/// bomb, and no phone camera produces it.
pub const MAX_PIXELS: u64 = 100_000_000;

/// The size of the photo at `path`, upright; errors read after "photo `name` ".
pub fn read_header(path: &Path) -> Result<(u32, u32), String> {
    let unreadable = |e: &dyn std::fmt::Display| t!("photo-unreadable", error = e.to_string());
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
        return Err(t!("photo-too-many-pixels", width = width, height = height));
    }
    if width == 0 || height == 0 {
        return Err(t!("photo-empty"));
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
        return Err(match brand {
            b"avif" | b"avis" => t!("photo-avif", name = &*name, stem = &*stem),
            _ => t!("photo-heic", name = &*name, stem = &*stem),
        });
    }
    match image::guess_format(start) {
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(format),
        Ok(other) => Err(t!(
            "photo-other-format",
            format = other.extensions_str().first().unwrap_or(&"").to_uppercase(),
            name = &*name,
            stem = &*stem
        )),
        Err(_) => Err(t!("photo-not-an-image")),
    }
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
