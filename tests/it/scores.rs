//! A certificate's score, and a history entry's: shown on the product page and the
//! print sheet, and written into the data downloads. A score outside its stars' band
//! is an error case of `tests/invalid/` (`score-outside-star-band`).

use crate::common::html::{self, table_rows};
use crate::common::Site;

const PRODUCT: &str = "content/products/hat-de-trung-khanh/product.yaml";

/// The small fixture with scores on `hat-de-trung-khanh` (4★, 78 points) and on an
/// earlier 3★ rating of it (61 points); its other products give none.
fn scored() -> Site {
    let site = Site::from_fixture("small");
    site.edit(
        PRODUCT,
        "  issuer: UBND tỉnh Thử Nghiệm",
        "  issuer: UBND tỉnh Thử Nghiệm\n  score: 78",
    );
    site.edit(
        PRODUCT,
        "  - hạt dẻ",
        "  - hạt dẻ\nhistory:\n  - stars: 3\n    date: 2021-03-01\n    decision: Quyết định số 88/QĐ-UBND\n    score: 61",
    );
    site.build_ok();
    site
}

#[test]
fn the_product_page_and_the_print_sheet_show_the_score() {
    let site = scored();
    let page = site.page("san-pham/hat-de-trung-khanh/");
    let text = html::main_text(&page);
    assert!(text.contains("Điểm đánh giá 78/100 điểm"), "{text}");
    // The history table gains a score column.
    let rows = table_rows(&page);
    assert!(
        rows.contains(&vec![
            "Ngày".to_owned(),
            "Hạng".to_owned(),
            "Điểm đánh giá".to_owned(),
            "Quyết định".to_owned()
        ]),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.len() == 4 && r[0] == "01/03/2021" && r[2] == "61/100 điểm"),
        "{rows:?}"
    );
    let sheet = html::main_text(&site.page("san-pham/hat-de-trung-khanh/in/"));
    assert!(sheet.contains("Điểm đánh giá 78/100 điểm"), "{sheet}");

    // A product without a score shows no score line.
    let other = html::main_text(&site.page("san-pham/mat-ong-rung/"));
    assert!(!other.contains("Điểm đánh giá"), "{other}");
}

#[test]
fn the_downloads_carry_the_score() {
    let site = scored();
    let json: serde_json::Value =
        serde_json::from_slice(&site.read_bytes("data/products.json")).unwrap();
    let score = |slug: &str| {
        let product = (json.as_array().unwrap().iter())
            .find(|p| p["slug"] == slug)
            .unwrap();
        product["certificate"]["score"].clone()
    };
    assert_eq!(score("hat-de-trung-khanh"), 78);
    assert_eq!(score("mat-ong-rung"), serde_json::Value::Null);

    let bytes = site.read_bytes("data/products.csv");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    let column = header
        .iter()
        .position(|h| h == "certificate_score")
        .expect("a certificate_score column");
    assert_eq!(header.get(column - 1), Some("certificate_expires"));
    let cells: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_owned(), r[column].to_owned())
        })
        .collect();
    assert!(cells.contains(&("hat-de-trung-khanh".into(), "78".into())));
    assert!(cells.contains(&("mat-ong-rung".into(), String::new())));
}
