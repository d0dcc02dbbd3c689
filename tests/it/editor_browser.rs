//! The browser editor end to end, in Chromium: on a copy of the demo served by
//! `ocop serve`, `tests/browser/editor.mjs` opens `/admin/`, creates a product with a
//! photo and changes an existing product's stars, and sees both in the preview; this
//! test checks what was written. Without Chromium, node or the packages of
//! `tests/browser/` it skips, saying so, except under CI, where it fails.

use std::path::Path;

use crate::common::server::Server;
use crate::common::static_site::{browser_tools_available, run_browser_script};
use crate::common::{copy_tree, jpeg, ocop, repo, DEMO_TODAY};

/// The demo product whose stars the test changes: 3 stars, no score, no history.
const EXISTING: &str = "banh-khao-hat-de";

#[test]
fn a_product_created_and_another_edited_in_the_browser_reach_the_preview() {
    if !browser_tools_available("the browser editor test") {
        return;
    }
    if crate::common::browser::chromium_for("the browser editor test").is_none() {
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let root = scratch.path().join("site");
    copy_tree(&repo().join("content"), &root.join("content"));
    copy_tree(&repo().join("themes"), &root.join("themes"));
    let photo = scratch.path().join("tra-hoa-vang.jpg");
    std::fs::write(&photo, jpeg(1200, 800)).unwrap();
    let existing = root.join(format!("content/products/{EXISTING}/product.yaml"));
    let before = std::fs::read_to_string(&existing).unwrap();
    assert!(before.contains("\nstars: 3\n"));

    let server = Server::start(&root, DEMO_TODAY, &[]);
    let report = run_browser_script(
        "editor.mjs",
        &[&server.url(""), photo.to_str().unwrap(), EXISTING],
    );

    // Nothing asked for another host than the preview's.
    assert_eq!(report["outside"], serde_json::json!([]), "{report}");

    // The new product: its folder named from its Vietnamese name, the photo beside it.
    let slug = report["slug"].as_str().unwrap();
    assert_eq!(slug, "tra-hoa-vang-dong-tam-say-lanh");
    let folder = root.join("content/products").join(slug);
    let written = std::fs::read_to_string(folder.join("product.yaml")).unwrap();
    assert!(unicode_normalization::is_nfc(&written));
    assert!(
        written.contains("\nname: Trà hoa vàng Đồng Tâm sấy lạnh\n"),
        "{written}"
    );
    assert!(written.contains("\nstars: 4\n"), "{written}");
    assert!(written.contains("\nproducer: cong-ty-tnhh-thuc-pham-ha-thanh\n"));
    assert!(written.contains("\ndistrict: trung-khanh\n"));
    assert!(written.contains("  date: 2025-03-04\n"), "{written}");
    assert!(
        written.contains(
            "\nphotos:\n  - file: tra-hoa-vang.jpg\n    alt: Chén trà hoa vàng bên cành hoa tươi\n"
        ),
        "{written}"
    );
    assert_eq!(
        std::fs::read(folder.join("tra-hoa-vang.jpg")).unwrap(),
        std::fs::read(&photo).unwrap()
    );
    let record: ocop::domain::records::ProductRecord = serde_yaml::from_str(&written).unwrap();
    assert_eq!(record.photos.len(), 1);
    assert!(report["newPage"]
        .as_str()
        .unwrap()
        .contains("Trà hoa vàng Đồng Tâm sấy lạnh"));

    // The existing product: only its stars changed in the data.
    let after = std::fs::read_to_string(&existing).unwrap();
    assert!(after.contains("\nstars: 5\n"), "{after}");
    let parse = |text: &str| serde_yaml::from_str::<serde_yaml::Value>(text).unwrap();
    let mut expected = parse(&before);
    expected["stars"] = 5.into();
    assert_eq!(parse(&after), expected);
    // This file's layout survives the edit whole: only the stars line changed.
    assert_eq!(after, before.replace("\nstars: 3\n", "\nstars: 5\n"));
    assert!(report["existingStars"].as_str().unwrap().contains("5 sao"));

    // And the site with both passes `ocop check`.
    check_passes(&root);
}

fn check_passes(root: &Path) {
    let run = ocop([
        "check".as_ref(),
        "--root".as_ref(),
        root.as_os_str(),
        "--today".as_ref(),
        DEMO_TODAY.as_ref(),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}
