//! Turning a decoded photo into the files the site publishes: resized copies in WebP
//! and JPEG, and a share image. Encoders write pixels only, so no metadata (EXIF,
//! GPS, XMP, the camera's colour profile) survives.

use crate::t;
use std::sync::Arc;

use fast_image_resize::images::Image;
use fast_image_resize::{PixelType, ResizeOptions, Resizer};
use moxcms::{ColorProfile, DataColorSpace, Layout, TransformExecutor, TransformOptions};

use crate::paths::PhotoFormat;

use super::decode::Decoded;

/// WebP quality: libwebp's default, where artefacts stay invisible on photos of food
/// and crafts at their display size. About 30 % smaller than the JPEG below.
pub const WEBP_QUALITY: f32 = 75.0;
/// JPEG quality for the fallback and the share image: the usual point where a
/// baseline JPEG looks clean. Chroma is subsampled 4:2:0, as cameras do.
pub const JPEG_QUALITY: u8 = 80;

/// One encoded file.
pub struct Encoded {
    pub width: u32,
    pub format: PhotoFormat,
    pub bytes: Vec<u8>,
}

/// Pixels ready to resize: the decoded photo plus what converts them to sRGB.
pub struct Prepared {
    decoded: Decoded,
    to_srgb: Option<Arc<dyn TransformExecutor<u8> + Send + Sync>>,
}

impl Prepared {
    pub fn new(decoded: Decoded) -> Prepared {
        let to_srgb = decoded.icc.as_deref().and_then(srgb_transform);
        Prepared { decoded, to_srgb }
    }

    pub fn width(&self) -> u32 {
        self.decoded.pixels.width()
    }

    pub fn height(&self) -> u32 {
        self.decoded.pixels.height()
    }

    /// A copy `width`×`height`, from the centre crop of the photo with that shape.
    pub fn resize(&self, width: u32, height: u32) -> Result<Image<'static>, String> {
        let mut resized = shrink(&self.decoded.pixels, width, height)?;
        if let Some(transform) = &self.to_srgb {
            let converted = convert(transform.as_ref(), resized.buffer())?;
            resized.buffer_mut().copy_from_slice(&converted);
        }
        Ok(resized)
    }
}

/// Resize `source` to `width`×`height`, cropping from the centre if the shape differs.
/// A smaller copy can be made from a larger copy: that is much faster than from the
/// camera original and looks the same.
pub fn shrink(
    source: &impl fast_image_resize::IntoImageView,
    width: u32,
    height: u32,
) -> Result<Image<'static>, String> {
    let mut resized = Image::new(width, height, PixelType::U8x3);
    let options = ResizeOptions::new().fit_into_destination(Some((0.5, 0.5)));
    Resizer::new()
        .resize(source, &mut resized, &options)
        .map_err(|e| t!("photo-cannot-resize", error = e.to_string()))?;
    Ok(resized)
}

impl Prepared {}

/// Encode `image` in `format`.
pub fn encode(image: &Image<'_>, format: PhotoFormat) -> Result<Encoded, String> {
    let (width, height) = (image.width(), image.height());
    let bytes = match format {
        PhotoFormat::Webp => {
            let mut config =
                webp::WebPConfig::new().map_err(|_| "cannot set up the WebP encoder")?;
            config.quality = WEBP_QUALITY;
            // libwebp's default effort. Effort 2 halves the time for files about 6 %
            // larger; photos are processed once and then cached, while every visitor
            // pays for the bytes.
            config.method = 4;
            webp::Encoder::from_rgb(image.buffer(), width, height)
                .encode_advanced(&config)
                .map_err(|e| {
                    t!(
                        "photo-cannot-encode",
                        format = "WebP",
                        error = format!("{e:?}")
                    )
                })?
                .to_vec()
        }
        PhotoFormat::Jpeg => {
            let mut bytes = Vec::new();
            let (w, h) = (to_u16(width)?, to_u16(height)?);
            let mut encoder = jpeg_encoder::Encoder::new(&mut bytes, JPEG_QUALITY);
            // Tables fitted to the photo: about a fifth smaller than the standard
            // tables, for some 15 % more time. Progressive scans made our photos
            // larger, not smaller.
            encoder.set_optimized_huffman_tables(true);
            encoder
                .encode(image.buffer(), w, h, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| {
                    t!(
                        "photo-cannot-encode",
                        format = "JPEG",
                        error = e.to_string()
                    )
                })?;
            bytes
        }
    };
    Ok(Encoded {
        width,
        format,
        bytes,
    })
}

fn to_u16(side: u32) -> Result<u16, String> {
    u16::try_from(side).map_err(|_| format!("{side} px is too large for a JPEG"))
}

/// The transform from an embedded RGB profile to sRGB, the colour space browsers
/// assume for untagged images. Photos from recent iPhones are in Display P3 and
/// would look dull without it.
fn srgb_transform(icc: &[u8]) -> Option<Arc<dyn TransformExecutor<u8> + Send + Sync>> {
    let profile = ColorProfile::new_from_slice(icc).ok()?;
    if profile.color_space != DataColorSpace::Rgb {
        return None;
    }
    let transform = profile
        .create_transform_8bit(
            Layout::Rgb,
            &ColorProfile::new_srgb(),
            Layout::Rgb,
            TransformOptions::default(),
        )
        .ok()?;
    Some(transform)
}

fn convert(
    transform: &(dyn TransformExecutor<u8> + Send + Sync),
    rgb: &[u8],
) -> Result<Vec<u8>, String> {
    let mut out = vec![0; rgb.len()];
    transform
        .transform(rgb, &mut out)
        .map_err(|e| t!("photo-cannot-convert-profile", error = e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::RgbImage;

    fn prepared(width: u32, height: u32, icc: Option<Vec<u8>>) -> Prepared {
        let pixels = RgbImage::from_fn(width, height, |x, _| {
            image::Rgb(if x < width / 2 {
                [0, 200, 0]
            } else {
                [200, 0, 0]
            })
        });
        Prepared::new(Decoded { pixels, icc })
    }

    #[test]
    fn crops_from_the_centre_to_the_asked_shape() {
        // A wide photo, green on the left half and red on the right.
        let photo = prepared(400, 100, None);
        let square = photo.resize(50, 50).unwrap();
        assert_eq!((square.width(), square.height()), (50, 50));
        let pixel = |x: u32| {
            let i = (x * 3) as usize;
            square.buffer()[i..i + 3].to_vec()
        };
        // The centre crop keeps the boundary in the middle.
        assert_eq!(pixel(5), [0, 200, 0]);
        assert_eq!(pixel(45), [200, 0, 0]);
    }

    #[test]
    fn converts_display_p3_to_srgb() {
        let p3 = ColorProfile::new_display_p3().encode().unwrap();
        let plain = prepared(8, 8, None).resize(8, 8).unwrap();
        let tagged = prepared(8, 8, Some(p3)).resize(8, 8).unwrap();
        // The same numbers mean a more vivid green in P3, so in sRGB they grow.
        assert_eq!(&plain.buffer()[..3], [0, 200, 0]);
        let green = &tagged.buffer()[..3];
        assert!(green[0] == 0 && green[1] > 200, "{green:?}");
    }

    #[test]
    fn encodes_both_formats_without_metadata() {
        let image = prepared(40, 30, None).resize(40, 30).unwrap();
        let webp = encode(&image, PhotoFormat::Webp).unwrap();
        assert_eq!(&webp.bytes[..4], b"RIFF");
        assert_eq!(&webp.bytes[8..16], b"WEBPVP8 ");
        let jpeg = encode(&image, PhotoFormat::Jpeg).unwrap();
        assert_eq!(&jpeg.bytes[..2], [0xFF, 0xD8]);
        assert!(!jpeg.bytes.windows(4).any(|w| w == b"Exif"));
    }
}
