//! Nothing a camera or an editing program records may be published: every file of a
//! built site is scanned for EXIF, GPS, XMP and IPTC metadata and for camera
//! originals, from photos that carry all of them.

use std::collections::BTreeSet;
use std::fs;

use crate::common::camera::{private_data, tagged_photo};
use crate::common::{snapshot, Site};

/// The small fixture with every product photo, and a news cover, carrying metadata.
fn tagged_site() -> Site {
    let site = Site::from_fixture("small");
    for (name, _) in snapshot(&site.root.join("content/products")) {
        if name.ends_with(".jpg") {
            let path = site.root.join("content/products").join(&name);
            fs::write(path, tagged_photo()).unwrap();
        }
    }
    let news = site.root.join("content/news/hoi-cho");
    fs::create_dir_all(&news).unwrap();
    fs::write(
        news.join("index.md"),
        "---\ntitle: Hội chợ OCOP\ndate: 2026-05-01\ncover: anh-bia.jpg\n---\nHội chợ mở cửa.\n",
    )
    .unwrap();
    fs::write(news.join("anh-bia.jpg"), tagged_photo()).unwrap();
    site
}

#[test]
fn the_source_photos_carry_every_kind_of_metadata() {
    // Otherwise the scan below could pass by finding nothing to find.
    let site = tagged_site();
    let kinds: BTreeSet<String> = private_data(&site.root.join("content"), &[])
        .iter()
        .map(|found| found.rsplit(": ").next().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["EXIF", "GPS", "IPTC", "XMP", "camera original"].map(String::from))
    );
}

#[test]
fn no_built_file_carries_metadata_or_a_camera_original() {
    let site = tagged_site();
    site.build_ok();
    let originals: Vec<Vec<u8>> = snapshot(&site.root.join("content"))
        .into_iter()
        .filter(|(name, _)| name.ends_with(".jpg"))
        .map(|(_, bytes)| bytes)
        .collect();
    assert!(originals.len() >= 5, "{} photos", originals.len());
    // The build did publish the photos, resized, and the news cover.
    let output = snapshot(&site.output);
    assert!(output.keys().any(
        |p| p.starts_with("tin-tuc/hoi-cho/") && (p.ends_with(".jpg") || p.ends_with(".webp"))
    ));
    let photos = output
        .keys()
        .filter(|p| p.ends_with(".jpg") || p.ends_with(".webp"))
        .count();
    assert!(photos > originals.len(), "{photos} published photos");

    let found = private_data(&site.output, &originals);
    assert!(found.is_empty(), "{found:#?}");
}
