//! The search page and index as built, without a browser: the search box in every
//! header, the no-JavaScript fallback, and an index that holds the expired products
//! too (the browser leaves them out by default), the producers and the numbers.

use crate::common;
use crate::common::html::{tags, text};
use crate::common::{html_files, Site, BASE_PATH};

#[test]
fn every_page_has_a_search_box_leading_to_the_search_page() {
    let site = Site::from_fixture("small");
    site.build_ok();
    let pages = html_files(&site.output);
    assert!(pages.len() > 20);
    for (file, page) in &pages {
        // Print sheets and redirects have no header.
        if file.ends_with("/in/index.html") || page.contains("http-equiv=refresh") {
            continue;
        }
        let tags = tags(page);
        let form = tags
            .iter()
            .find(|t| t.name == "form" && t.attr("role") == Some("search"))
            .unwrap_or_else(|| panic!("{file} has no search form"));
        assert_eq!(form.attr("action"), Some("/ocop/tim-kiem/"), "{file}");
        // GET, the default, which the minifier leaves implicit.
        assert!(matches!(form.attr("method"), None | Some("get")), "{file}");
        assert!(
            tags.iter()
                .any(|t| t.name == "input" && t.attr("name") == Some("q")),
            "{file}"
        );
    }
}

#[test]
fn without_javascript_the_page_says_so_and_links_to_the_listings() {
    let site = Site::from_fixture("small");
    site.build_ok();
    let page = site.page("tim-kiem/");
    let start = page.find("<noscript>").expect("a noscript fallback");
    let end = page[start..].find("</noscript>").unwrap() + start;
    let fallback = &page[start..end];
    assert!(text(fallback).contains("JavaScript"), "{fallback}");
    let links = common::html::links(fallback);
    for path in ["huyen/hoa-an/", "sao/4/", "nhom/do-uong/"] {
        let url = format!("{BASE_PATH}{path}");
        assert!(links.contains(&url), "{url} not in {links:?}");
    }
    let results = tags(&page)
        .into_iter()
        .find(|t| t.attr("data-search-results").is_some())
        .expect("a result list");
    assert_eq!(results.name, "ol");
}

#[test]
fn the_index_holds_the_archive_and_the_producers() {
    let site = Site::from_fixture("small");
    site.build_ok();
    let manifest: serde_json::Value =
        serde_json::from_slice(&site.read_bytes("search/index.json")).unwrap();
    let version = manifest["version"].as_str().unwrap();
    let file = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&site.read_bytes(&format!("search/{version}/{name}"))).unwrap()
    };
    assert_eq!(manifest["records"]["count"], 8);
    let records = file("d0.json");
    let slugs: Vec<&str> = (records.as_array().unwrap().iter())
        .map(|r| {
            (r[0].as_str().unwrap())
                .trim_start_matches("/ocop/san-pham/")
                .trim_end_matches('/')
        })
        .collect();
    // By district (hoa-an, then trung-khanh), then by name, the expired banh-khao-cu
    // after the listed products of its district.
    assert_eq!(
        slugs,
        [
            "lap-suon-hoa-an",
            "mat-ong-rung",
            "nuoc-thach-den",
            "ruou-ngo-hoa-an",
            "banh-khao-cu",
            "hat-de-trung-khanh",
            "mien-dong-trung-khanh",
            "tra-xanh-phja-den"
        ]
    );
    // hoa-an, trung-khanh, bao-lac (empty: it starts at the end).
    assert_eq!(manifest["district_starts"], serde_json::json!([0, 5, 8]));
    // The status facet: its values, its default without the expired, and each
    // product's status (the fifth value of its combination).
    let facets = manifest["facets"].as_array().unwrap();
    let status = facets
        .iter()
        .find(|f| f[0] == "trang-thai")
        .expect("a status facet");
    let ids: Vec<&str> = (status[1].as_array().unwrap().iter())
        .map(|v| v[0].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["con-hieu-luc", "sap-het-han", "het-han"]);
    assert_eq!(
        manifest["defaults"],
        serde_json::json!([["trang-thai", ["con-hieu-luc", "sap-het-han"]]])
    );
    let width = manifest["combo_width"].as_u64().unwrap() as usize;
    let doc_combos = manifest["doc_combos"].as_str().unwrap();
    let digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    let status_of = |doc: usize| {
        let combo = doc_combos[doc * width..(doc + 1) * width]
            .chars()
            .fold(0, |n, c| n * 64 + digits.find(c).unwrap());
        manifest["combos"][combo][4].as_u64().unwrap()
    };
    assert_eq!(status_of(4), 2, "banh-khao-cu is expired");
    assert!((0..8).filter(|&d| d != 4).all(|d| status_of(d) < 2));
    // "khảo" occurs only in the expired product's name, and is searchable.
    let words: Vec<&str> = manifest["words"].as_str().unwrap().split(' ').collect();
    assert!(words.contains(&"lap") && words.contains(&"suon"));
    assert!(words.contains(&"khao"), "{words:?}");
    // Producers, numbered after the products by district, with their pages.
    assert_eq!(manifest["producers"]["count"], 5);
    assert_eq!(
        manifest["producers"]["district_starts"],
        serde_json::json!([0, 3, 5])
    );
    let producers = file("p0.json");
    assert!(producers
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p[0] == "/ocop/chu-the/htx-dong-tam/" && p[1] == "HTX Nông sản Đồng Tâm"));
    // Decision numbers, each one key: "Quyết định số 210/QĐ-UBND" finds product 4.
    let codes = manifest["codes"].as_array().unwrap();
    assert_eq!(codes[0], "1021qdubnd");
    let shard = file("c0.json");
    let entry = (shard.as_array().unwrap().iter())
        .find(|e| e[0] == "210qdubnd")
        .expect("the expired product's decision");
    assert_eq!(entry[1], serde_json::json!([4]));
}
