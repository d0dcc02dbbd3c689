//! Reading a camera or phone photo into upright RGB pixels, within memory limits.

use crate::t;
use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

use crate::content::photo::{supported_format, MAX_PIXELS};

/// A decoded photo, as the camera held it.
pub struct Decoded {
    pub pixels: RgbImage,
    /// The embedded colour profile, if any; the pixels are in its colour space.
    pub icc: Option<Vec<u8>>,
}

/// Decode `bytes`, read from `path`, which names the file in messages.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Decoded, String> {
    let format = supported_format(bytes, path).map_err(|why| t!("photo-the", why = why))?;
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(t!("photo-jpeg-cut-short"));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    // Room for a 100-megapixel RGBA image and the decoder's working memory; a header
    // claiming more is refused before any pixel memory is allocated.
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| t!("photo-cannot-decode", error = e.to_string()))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(t!(
            "photo-the",
            why = t!("photo-too-many-pixels", width = width, height = height)
        ));
    }
    let orientation = decoder.orientation().ok();
    // A profile we cannot read is treated as none: the photo is then shown as sRGB,
    // which is what a browser would do with it too.
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder)
        .map_err(|e| t!("photo-cannot-decode", error = e.to_string()))?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(Decoded {
        pixels: flatten(image),
        icc,
    })
}

/// Whether the JPEG's segments run whole up to the end-of-image marker. The decoder
/// would quietly fill missing rows with grey. Bytes after the marker are allowed:
/// Android "motion photos" append a video there.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2; // after the start-of-image marker
    while let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) {
        match marker {
            0xD9 => return true,
            // Fill byte, or a marker without a length.
            0xFF => i += 1,
            0x01 | 0xD0..=0xD7 => i += 2,
            _ => {
                let Some(length) = bytes.get(i + 2..i + 4) else {
                    return false;
                };
                i += 2 + usize::from(u16::from_be_bytes([length[0], length[1]]));
                if marker == 0xDA {
                    match end_of_scan(bytes, i) {
                        Some(end) => i = end,
                        None => return false,
                    }
                }
            }
        }
    }
    false
}

/// Where the entropy-coded data starting at `i` ends: at the first marker that is
/// not a stuffed 0xFF or a restart marker.
fn end_of_scan(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += bytes.get(i..)?.iter().position(|&b| b == 0xFF)?;
        match bytes.get(i + 1)? {
            0x00 | 0xD0..=0xD7 => i += 2,
            0xFF => i += 1,
            _ => return Some(i),
        }
    }
}

/// RGB on a white background: transparent parts of a PNG become white, as on the page.
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let (c, a) = (u16::from(c), u16::from(a));
            ((c * a + 255 * (255 - a) + 127) / 255) as u8
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::codecs::png::PngEncoder;
    use image::{ImageEncoder, Rgba, RgbaImage};

    #[test]
    fn transparent_pixels_become_white() {
        let mut image = RgbaImage::new(2, 1);
        image.put_pixel(0, 0, Rgba([0, 0, 0, 0]));
        image.put_pixel(1, 0, Rgba([10, 20, 30, 255]));
        let mut png = Vec::new();
        PngEncoder::new(&mut png)
            .write_image(image.as_raw(), 2, 1, image::ExtendedColorType::Rgba8)
            .unwrap();
        let decoded = decode(&png, Path::new("a.png")).unwrap();
        assert_eq!(decoded.pixels.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(decoded.pixels.get_pixel(1, 0).0, [10, 20, 30]);
    }

    #[test]
    fn refuses_a_cut_short_jpeg() {
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
            .encode_image(&RgbImage::from_fn(64, 64, |x, y| {
                image::Rgb([x as u8 * 4, y as u8 * 4, 255])
            }))
            .unwrap();
        assert!(decode(&jpeg, Path::new("a.jpg")).is_ok());
        for keep in [10, jpeg.len() / 2, jpeg.len() - 2] {
            let message = decode(&jpeg[..keep], Path::new("a.jpg")).err().unwrap();
            assert!(message.contains("cut short"), "{keep}: {message}");
        }
        // A motion photo: a video after the end marker.
        jpeg.extend_from_slice(b"\0\0\0\x18ftypmp42 and more video");
        assert!(decode(&jpeg, Path::new("a.jpg")).is_ok());
    }
}
