//! QR codes of each product's permanent address, for posters and packaging: SVG for
//! print at any size, PNG for office software that does not take SVG.
//!
//! Both are written by hand from the code's modules, because at national scale there
//! are tens of thousands of them: the SVG is one path of row runs (about 2 KB, where a
//! rectangle per module made 8 KB), and the PNG has one bit per pixel.
//!
//! They live inside the product's print sheet as `data:` addresses, which the sheet
//! shows and offers for download, rather than as two files per product: a national
//! site wrote 30,000 of them.

use crate::t;
use std::fmt::Write as _;

use base64::Engine as _;
use fast_qr::{QRBuilder, ECL};

/// Size of one QR module in the PNG: 8 px gives about 300 px for a product URL,
/// sharp when printed at 3 cm.
const PNG_MODULE: u32 = 8;
/// The blank border the QR standard asks for, in modules.
const QUIET_ZONE: u32 = 4;
/// The SVG's displayed size is at least this many pixels square.
const SVG_MIN_PX: u32 = 240;

/// The QR code of `url` as (SVG, PNG). Level M survives a smudge or a fold on
/// packaging and keeps the code small enough to scan from a poster.
pub fn encode(url: &str) -> Result<(Vec<u8>, Vec<u8>), String> {
    let modules = Modules::of(url)?;
    Ok((svg(&modules).into_bytes(), png(&modules)?))
}

/// A product's QR code as `data:` addresses, for a page to show and offer for download.
#[derive(serde::Serialize)]
pub struct QrData {
    pub svg: String,
    pub png: String,
}

/// The QR code of `url` as `data:` addresses.
pub fn data_uris(url: &str) -> Result<QrData, String> {
    let (svg, png) = encode(url)?;
    Ok(QrData {
        svg: data_uri("image/svg+xml", &svg),
        png: data_uri("image/png", &png),
    })
}

/// `data:<mime>;base64,…`: base64 has no character that HTML or a URL must escape.
fn data_uri(mime: &str, bytes: &[u8]) -> String {
    let mut out = format!("data:{mime};base64,");
    base64::engine::general_purpose::STANDARD.encode_string(bytes, &mut out);
    out
}

struct Modules {
    width: u32,
    /// Row by row, without the quiet zone.
    dark: Vec<bool>,
}

impl Modules {
    /// The modules of `url`'s code. fast_qr picks the mask by the standard's penalty
    /// rules as qrcode did, at a sixth of its time: scoring the masks took an eighth
    /// of the build's CPU time at 15,000 products.
    fn of(url: &str) -> Result<Self, String> {
        let code = QRBuilder::new(url.as_bytes())
            .ecl(ECL::M)
            .build()
            .map_err(|e| t!("qr-cannot-make", url = url, error = e.to_string()))?;
        let width = code.size;
        Ok(Modules {
            width: width as u32,
            dark: (0..width)
                .flat_map(|y| code[y].iter().map(|m| m.value()))
                .collect(),
        })
    }

    fn is_dark(&self, x: u32, y: u32) -> bool {
        self.dark[(y * self.width + x) as usize]
    }

    /// Each row's runs of dark modules, as (x, y, length).
    fn runs(&self) -> impl Iterator<Item = (u32, u32, u32)> + '_ {
        (0..self.width).flat_map(move |y| {
            let mut runs = Vec::new();
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                runs.push((start, y, x - start));
            }
            runs
        })
    }
}

/// One path in module units, the quiet zone included in the view box: each run of dark
/// modules a horizontal line one module thick, drawn through the middle of its row,
/// each move relative to the end of the last run. Crisp edges, so that neighbouring
/// runs print as one black area.
fn svg(modules: &Modules) -> String {
    let side = modules.width + 2 * QUIET_ZONE;
    let px = side * SVG_MIN_PX.div_ceil(side);
    let mut path = String::with_capacity(modules.dark.len());
    // The pen, in modules: where the last run ended.
    let mut pen: Option<(i64, i64)> = None;
    for (x, y, length) in modules.runs() {
        let (x, y) = (i64::from(x + QUIET_ZONE), i64::from(y + QUIET_ZONE));
        let _ = match pen {
            None => write!(path, "M{x} {y}.5h{length}"),
            Some((px, py)) => write!(path, "m{} {}h{length}", x - px, y - py),
        };
        pen = Some((x + i64::from(length), y));
    }
    format!(
        "<?xml version=\"1.0\" standalone=\"yes\"?>\
         <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{px}\" height=\"{px}\" \
         viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path stroke=\"#000\" d=\"{path}\"/></svg>"
    )
}

/// Black and white at one bit per pixel: a fifth of the bytes of an 8-bit grey PNG,
/// and less to compress. A module is 8 pixels wide, so one byte of a row.
fn png(modules: &Modules) -> Result<Vec<u8>, String> {
    const _: () = assert!(PNG_MODULE == 8);
    let side_modules = modules.width + 2 * QUIET_ZONE;
    let side = side_modules * PNG_MODULE;
    let row_bytes = side_modules as usize;
    // In a 1-bit grey PNG, 1 is white.
    let mut pixels = vec![0xFFu8; row_bytes * side as usize];
    for y in 0..modules.width {
        let top = ((y + QUIET_ZONE) * PNG_MODULE) as usize * row_bytes;
        let (row, below) =
            pixels[top..top + PNG_MODULE as usize * row_bytes].split_at_mut(row_bytes);
        for x in 0..modules.width {
            if modules.is_dark(x, y) {
                row[(x + QUIET_ZONE) as usize] = 0;
            }
        }
        for copy in below.chunks_exact_mut(row_bytes) {
            copy.copy_from_slice(row);
        }
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    let failed = |e: png::EncodingError| t!("qr-cannot-encode", error = e.to_string());
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&pixels).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://ocop.example.gov.vn/san-pham/hat-de-trung-khanh/";

    fn code() -> Modules {
        Modules::of(URL).unwrap()
    }

    #[test]
    fn data_uris_are_base64() {
        assert_eq!(
            data_uri("text/plain", b"Man"),
            "data:text/plain;base64,TWFu"
        );
        assert_eq!(data_uri("text/plain", b"Ma"), "data:text/plain;base64,TWE=");
        assert_eq!(data_uri("text/plain", b"M"), "data:text/plain;base64,TQ==");
        assert_eq!(data_uri("text/plain", b""), "data:text/plain;base64,");
    }

    #[test]
    fn the_svg_path_covers_exactly_the_dark_modules() {
        let code = code();
        let (svg, _) = encode(URL).unwrap();
        let svg = String::from_utf8(svg).unwrap();
        let width = code.width;
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut dark = vec![false; (width * width) as usize];
        // Replay the path: "M x y.5", then "m dx dy", each followed by "h length".
        let (mut x, mut y) = (0i64, 0i64);
        let mut rest = d;
        while !rest.is_empty() {
            let absolute = rest.starts_with('M');
            let (mv, after) = rest[1..].split_once('h').unwrap();
            let (a, b) = mv.split_once(' ').unwrap();
            let (a, b): (i64, i64) = (
                a.parse().unwrap(),
                b.trim_end_matches(".5").parse().unwrap(),
            );
            (x, y) = if absolute { (a, b) } else { (x + a, y + b) };
            let end = after.find(['m', 'M']).unwrap_or(after.len());
            let length: i64 = after[..end].parse().unwrap();
            for i in 0..length {
                let (mx, my) = (x + i - i64::from(QUIET_ZONE), y - i64::from(QUIET_ZONE));
                dark[(my * i64::from(width) + mx) as usize] = true;
            }
            x += length;
            rest = &after[end..];
        }
        assert_eq!(dark, code.dark);
        let side = width + 2 * QUIET_ZONE;
        assert!(
            svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")),
            "{svg}"
        );
        assert!(svg.len() < 3000, "{} bytes", svg.len());
    }

    #[test]
    fn the_png_is_one_bit_and_decodes_to_the_modules() {
        let code = code();
        let (_, png) = encode(URL).unwrap();
        let image = image::load_from_memory(&png).unwrap().to_luma8();
        let width = code.width;
        assert_eq!(image.width(), (width + 2 * QUIET_ZONE) * PNG_MODULE);
        for y in 0..width {
            for x in 0..width {
                // The middle of the module.
                let px = (x + QUIET_ZONE) * PNG_MODULE + PNG_MODULE / 2;
                let py = (y + QUIET_ZONE) * PNG_MODULE + PNG_MODULE / 2;
                let dark = image.get_pixel(px, py).0[0] < 128;
                assert_eq!(dark, code.is_dark(x, y), "({x}, {y})");
            }
        }
        // The quiet zone is white.
        assert!(image.get_pixel(1, 1).0[0] > 128);
        // Bit depth 1, grey: byte 24 of the header is the depth, 25 the colour type.
        assert_eq!((png[24], png[25]), (1, 0));
    }
}
