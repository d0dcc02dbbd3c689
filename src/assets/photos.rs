//! Resized copies of product photos, next to each product's page.
//!
//! The camera original is never published: it is large and may carry GPS
//! coordinates of the producer's home in its EXIF data. The JPEG encoder writes
//! pixels only, so no metadata survives.

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
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
    let image = decode(&photo.source)?;
    for width in [CARD_WIDTH, LARGE_WIDTH] {
        let (w, h) = photo.scaled(width);
        let resized = if (w, h) == (image.width(), image.height()) {
            image.clone()
        } else {
            image.resize_exact(w, h, FilterType::Triangle)
        };
        let mut bytes = Vec::new();
        JpegEncoder::new_with_quality(Cursor::new(&mut bytes), QUALITY)
            .encode_image(&resized.into_rgb8())
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
