//! Photos as cameras, phones and editing programs save them, carrying what must never
//! be published: EXIF with a GPS position, XMP and IPTC; and a scan of a built site
//! for any of it, or for a camera original.

use std::path::Path;

use image::{Rgb, RgbImage};

use super::{jpeg, snapshot, with_segment, ORIGINAL_MARKER};

/// JPEG markers of the application segments that carry metadata.
const APP1: u8 = 0xE1;
const APP13: u8 = 0xED;

/// What betrays each kind of metadata in a file's bytes. GPS is found by the EXIF
/// entry that points at the GPS directory (tag 0x8825, type LONG, one value), in
/// either byte order: three letters such as `GPS` turn up by chance in image data.
pub const SIGNATURES: &[(&str, &[u8])] = &[
    ("EXIF", b"Exif\0\0"),
    ("GPS", &[0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00]),
    ("GPS", &[0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01]),
    ("XMP", b"http://ns.adobe.com/xap/"),
    ("XMP", b"<x:xmpmeta"),
    ("IPTC", b"Photoshop 3.0"),
    ("IPTC", b"8BIM"),
    ("camera original", ORIGINAL_MARKER),
];

/// A little-endian TIFF structure for an EXIF segment, with an orientation, a GPS
/// position and a description holding `marker`.
pub fn exif(orientation: u16, marker: &[u8]) -> Vec<u8> {
    let entry = |tag: u16, kind: u16, count: u32, value: u32| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend(kind.to_le_bytes());
        e.extend(count.to_le_bytes());
        e.extend(value.to_le_bytes());
        e
    };
    const ASCII: u16 = 2;
    const SHORT: u16 = 3;
    const LONG: u16 = 4;
    const RATIONAL: u16 = 5;
    // Layout: header (8), IFD0 with 3 entries (2 + 36 + 4 = 42), GPS IFD with 4
    // entries (2 + 48 + 4 = 54), then the description and the two coordinates.
    let ifd0 = 8;
    let gps = ifd0 + 42;
    let description = gps + 54;
    let latitude = description + marker.len() as u32 + 1;
    let longitude = latitude + 24;

    let mut tiff = b"II*\0".to_vec();
    tiff.extend(ifd0.to_le_bytes());
    tiff.extend(3u16.to_le_bytes());
    tiff.extend(entry(0x010E, ASCII, marker.len() as u32 + 1, description));
    tiff.extend(entry(0x0112, SHORT, 1, u32::from(orientation)));
    tiff.extend(entry(0x8825, LONG, 1, gps));
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(4u16.to_le_bytes());
    tiff.extend(entry(0x0001, ASCII, 2, u32::from(b'N')));
    tiff.extend(entry(0x0002, RATIONAL, 3, latitude));
    tiff.extend(entry(0x0003, ASCII, 2, u32::from(b'E')));
    tiff.extend(entry(0x0004, RATIONAL, 3, longitude));
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(marker);
    tiff.push(0);
    // 22° 40' 5" N, 106° 15' 30" E: somewhere in Cao Bằng.
    for value in [22, 40, 5, 106, 15, 30u32] {
        tiff.extend(value.to_le_bytes());
        tiff.extend(1u32.to_le_bytes());
    }
    tiff
}

/// A JPEG as a phone writes it: pixels stored sideways, an EXIF orientation saying
/// how to turn them, and the GPS position where it was taken.
pub fn phone_photo(marker: &[u8]) -> Vec<u8> {
    // Stored 800×600 with a red block in the stored top-left corner.
    let stored = RgbImage::from_fn(800, 600, |x, y| {
        if x < 200 && y < 150 {
            Rgb([220, 20, 20])
        } else {
            Rgb([40, 90, 200])
        }
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&stored)
        .unwrap();
    // Orientation 6: turn 90° clockwise to view.
    with_segment(jpeg, APP1, &exif_payload(6, marker))
}

/// An APP1 EXIF payload: the `Exif` header and [`exif`].
pub fn exif_payload(orientation: u16, marker: &[u8]) -> Vec<u8> {
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(exif(orientation, marker));
    payload
}

/// An APP1 XMP payload as Lightroom or a phone's editor writes it, with a location
/// and the photographer's name.
pub fn xmp_payload() -> Vec<u8> {
    let mut payload = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    payload.extend_from_slice(
        br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" exif:GPSLatitude="22,40.08N" exif:GPSLongitude="106,15.5E" dc:creator="Nong Van Tam"/></rdf:RDF></x:xmpmeta>"#,
    );
    payload
}

/// An APP13 IPTC payload: a Photoshop image resource block (`8BIM`, resource 0x0404)
/// holding IPTC records for the city and the photographer.
pub fn iptc_payload() -> Vec<u8> {
    let mut records = Vec::new();
    for (dataset, value) in [(90u8, &b"Cao Bang"[..]), (80, b"Nong Van Tam")] {
        records.extend([0x1C, 2, dataset]);
        records.extend(u16::try_from(value.len()).unwrap().to_be_bytes());
        records.extend(value);
    }
    let mut payload = b"Photoshop 3.0\0".to_vec();
    payload.extend(b"8BIM");
    payload.extend(0x0404u16.to_be_bytes());
    // An empty resource name, padded to an even length.
    payload.extend([0, 0]);
    payload.extend(u32::try_from(records.len()).unwrap().to_be_bytes());
    payload.extend(&records);
    if records.len() % 2 == 1 {
        payload.push(0);
    }
    payload
}

/// An 800×600 JPEG carrying everything: [`ORIGINAL_MARKER`] in a comment, EXIF with
/// a GPS position, XMP and IPTC.
pub fn tagged_photo() -> Vec<u8> {
    let photo = jpeg(800, 600);
    let photo = with_segment(photo, APP13, &iptc_payload());
    let photo = with_segment(photo, APP1, &xmp_payload());
    with_segment(photo, APP1, &exif_payload(1, ORIGINAL_MARKER))
}

/// What in the files under `dir` is private: each file that holds a [`SIGNATURES`]
/// entry, or is byte for byte one of the `originals`.
pub fn private_data(dir: &Path, originals: &[Vec<u8>]) -> Vec<String> {
    let mut found = Vec::new();
    for (name, bytes) in snapshot(dir) {
        for (what, signature) in SIGNATURES {
            if bytes.windows(signature.len()).any(|w| w == *signature) {
                found.push(format!("{name}: {what}"));
            }
        }
        if originals.contains(&bytes) {
            found.push(format!("{name}: a copy of a camera original"));
        }
    }
    found
}
