//! Resized copies of product photos, next to each product's page.
//!
//! The camera original is never published: it is large and may carry GPS
//! coordinates of the producer's home in its EXIF data. The JPEG encoder writes
//! pixels only, so no metadata survives.

use std::io::Cursor;
use std::path::Path;

use fast_image_resize::{PixelType, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageReader, Limits};
use rayon::prelude::*;

use crate::diagnostics::{relative, Diagnostic};
use crate::model::product::{CARD_WIDTH, LARGE_WIDTH};
use crate::model::{Catalogue, Photo};
use crate::output::Staging;
use crate::paths;
use crate::validate::photos::MAX_PIXELS;

/// JPEG quality for published copies: visually clean at card and page sizes while
/// keeping a card under about 40 KB.
const QUALITY: u8 = 80;

/// Write every photo's copies; returns one diagnostic per photo that failed.
pub fn write_all(catalogue: &Catalogue, root: &Path, staging: &Staging) -> Vec<Diagnostic> {
    let photos: Vec<(&str, &Photo)> = catalogue
        .products
        .iter()
        .flat_map(|p| p.photos.iter().map(move |photo| (p.slug.as_str(), photo)))
        .collect();
    photos
        .par_iter()
        .filter_map(|(slug, photo)| {
            write_copies(slug, photo, staging)
                .err()
                .map(|why| Diagnostic::new(relative(root, &photo.source), why))
        })
        .collect()
}

fn write_copies(slug: &str, photo: &Photo, staging: &Staging) -> Result<(), String> {
    // JPEG has no alpha: flatten once, then resize RGB.
    let original = DynamicImage::ImageRgb8(decode(&photo.source)?.into_rgb8());
    let mut resizer = Resizer::new();
    for width in [LARGE_WIDTH, CARD_WIDTH] {
        let (w, h) = photo.scaled(width);
        let mut resized = fast_image_resize::images::Image::new(w, h, PixelType::U8x3);
        resizer
            .resize(&original, &mut resized, None)
            .map_err(|e| format!("cannot resize photo: {e}"))?;
        let mut bytes = Vec::new();
        JpegEncoder::new_with_quality(Cursor::new(&mut bytes), QUALITY)
            .encode(resized.buffer(), w, h, ExtendedColorType::Rgb8)
            .map_err(|e| format!("cannot encode photo: {e}"))?;
        staging
            .write(&paths::photo(slug, &photo.stem, width), &bytes)
            .map_err(|e| format!("cannot write photo: {e}"))?;
    }
    Ok(())
}

/// Decode with memory limits, upright as the camera held it.
pub fn decode(path: &Path) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(|e| format!("cannot read photo: {e}"))?;
    let mut limits = Limits::default();
    // Room for a 100-megapixel RGBA image and the decoder's working memory.
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| format!("cannot decode photo: {e}"))?;
    let orientation = decoder.orientation().ok();
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| format!("cannot decode photo: {e}"))?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(image)
}
