//! The search page and index as built, without a browser: the search box in every
//! header, the no-JavaScript fallback, and an index that leaves expired products out.

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
fn the_index_holds_listed_products_only() {
    let site = Site::from_fixture("small");
    site.build_ok();
    let manifest: serde_json::Value =
        serde_json::from_slice(&site.read_bytes("search/index.json")).unwrap();
    let version = manifest["version"].as_str().unwrap();
    assert_eq!(manifest["records"]["count"], 7);
    let records: serde_json::Value =
        serde_json::from_slice(&site.read_bytes(&format!("search/{version}/d0.json"))).unwrap();
    let urls: Vec<&str> = records
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap())
        .collect();
    // By district (hoa-an, then trung-khanh), then by name; banh-khao-cu has expired.
    let slugs: Vec<&str> = urls
        .iter()
        .map(|u| {
            u.trim_start_matches("/ocop/san-pham/")
                .trim_end_matches('/')
        })
        .collect();
    assert_eq!(
        slugs,
        [
            "lap-suon-hoa-an",
            "mat-ong-rung",
            "nuoc-thach-den",
            "ruou-ngo-hoa-an",
            "hat-de-trung-khanh",
            "mien-dong-trung-khanh",
            "tra-xanh-phja-den"
        ]
    );
    // hoa-an, trung-khanh, bao-lac (empty: it starts at the end).
    assert_eq!(manifest["district_starts"], serde_json::json!([0, 4, 7]));
    // "khảo" occurs only in the expired product's name.
    let words: Vec<&str> = manifest["words"].as_str().unwrap().split(' ').collect();
    assert!(words.contains(&"lap") && words.contains(&"suon"));
    assert!(!words.contains(&"khao"), "{words:?}");
}
