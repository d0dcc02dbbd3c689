//! QR codes of each product's permanent address, for posters and packaging: SVG for
//! print at any size, PNG for office software that does not take SVG.

use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Size of one QR module in the PNG: 8 px gives about 300 px for a product URL,
/// sharp when printed at 3 cm.
const PNG_MODULE: u32 = 8;
/// The blank border the QR standard asks for, in modules.
const QUIET_ZONE: u32 = 4;

/// The QR code of `url` as (SVG, PNG). Level M survives a smudge or a fold on
/// packaging and keeps the code small enough to scan from a poster.
pub fn encode(url: &str) -> Result<(Vec<u8>, Vec<u8>), String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|e| format!("cannot make a QR code of {url}: {e}"))?;
    let svg = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .min_dimensions(240, 240)
        .build()
        .into_bytes();
    Ok((svg, png(&code)?))
}

fn png(code: &QrCode) -> Result<Vec<u8>, String> {
    let modules = code.width() as u32;
    let side = (modules + 2 * QUIET_ZONE) * PNG_MODULE;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; (side * side) as usize];
    for (i, color) in colors.iter().enumerate() {
        if *color != qrcode::Color::Dark {
            continue;
        }
        let (mx, my) = (i as u32 % modules, i as u32 / modules);
        for dy in 0..PNG_MODULE {
            let y = (my + QUIET_ZONE) * PNG_MODULE + dy;
            let start = (y * side + (mx + QUIET_ZONE) * PNG_MODULE) as usize;
            pixels[start..start + PNG_MODULE as usize].fill(0);
        }
    }
    let mut bytes = Vec::new();
    PngEncoder::new(&mut bytes)
        .write_image(&pixels, side, side, ExtendedColorType::L8)
        .map_err(|e| format!("cannot encode the QR code: {e}"))?;
    Ok(bytes)
}
