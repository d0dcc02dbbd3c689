//! Page-weight budgets (issue 9), on the demo as built: a rural phone on slow mobile data
//! must get a product page and a listing's first screen quickly.
//!
//! - A product page's text (its HTML and every CSS, JS, SVG… it loads) at most 50 KB
//!   gzipped, each file compressed on its own as a server sends it (flate2, level 6, the
//!   usual server setting). Measured on the heaviest product page of the demo. The files a
//!   page loads are read from its tags; when the browser tools are there, the page is also
//!   loaded in Chromium and anything else it fetched is counted too.
//! - A listing's first-viewport photos at most 150 KB: `/san-pham/` opened in headless
//!   Chromium at Lighthouse's phone size (412×823 CSS pixels, 1.75 device pixels per CSS
//!   pixel), without scrolling; the bytes of every image requested (Resource Timing's
//!   encodedBodySize). Skipped, saying so, without node, Chromium or `tests/browser`'s
//!   packages (`npm ci --prefix tests/browser`); under CI (`CI=true`) that fails instead.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common;
use crate::common::build_demo;
use crate::common::html::{tags, Tag};
use crate::common::static_site::{
    browser_tools_available, file_for, run_browser_script, StaticServer,
};

/// 50 KB of gzipped HTML, CSS and JS for a product page.
const PRODUCT_TEXT_BUDGET: u64 = 50 * 1024;
/// 150 KB of photos on a listing's first screen.
const LISTING_PHOTO_BUDGET: u64 = 150 * 1024;
/// The listing measured.
const LISTING: &str = "/san-pham/";

/// The demo built once (its photo cache kept in Cargo's scratch folder between runs).
fn output() -> &'static Path {
    static OUTPUT: OnceLock<PathBuf> = OnceLock::new();
    OUTPUT.get_or_init(|| {
        let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("page_weight");
        std::fs::create_dir_all(&scratch).unwrap();
        build_demo(&scratch)
    })
}

fn gzipped(bytes: &[u8]) -> u64 {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len() as u64
}

/// Whether a file is text a server would compress.
fn is_text(file: &Path) -> bool {
    matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("html" | "css" | "js" | "mjs" | "json" | "svg" | "xml" | "txt" | "webmanifest")
    )
}

/// The site path of a URL in a page: root-relative, or absolute on the site's base URL.
fn site_path(url: &str, base_url: &str) -> Option<String> {
    if let Some(rest) = url.strip_prefix(base_url) {
        return Some(format!("/{rest}"));
    }
    (url.starts_with('/') && !url.starts_with("//")).then(|| url.to_owned())
}

/// The text files a page's tags load: stylesheets, icons, preloads, manifests, scripts.
fn loaded_by(html: &str, base_url: &str) -> Vec<String> {
    let loads = |tag: &Tag| -> Option<String> {
        match tag.name.as_str() {
            "link" => {
                let rel = tag.attr("rel")?.to_ascii_lowercase();
                let loaded = rel.split_whitespace().any(|r| {
                    matches!(
                        r,
                        "stylesheet" | "icon" | "preload" | "modulepreload" | "manifest"
                    )
                });
                loaded
                    .then(|| tag.attr("href").map(str::to_owned))
                    .flatten()
            }
            "script" => tag.attr("src").map(str::to_owned),
            _ => None,
        }
    };
    tags(html)
        .iter()
        .filter_map(loads)
        .filter_map(|url| site_path(&url, base_url))
        .collect()
}

fn base_url() -> String {
    let site: serde_yaml::Value = serde_yaml::from_str(&common::read_text(
        &common::repo().join("content/site.yaml"),
    ))
    .unwrap();
    site["base_url"].as_str().unwrap().to_owned()
}

/// Gzipped size of each text file of a page (its HTML first), by site path.
fn page_text(output: &Path, page: &str, extra: &[String]) -> BTreeMap<String, u64> {
    let html_file = file_for(output, page).unwrap_or_else(|| panic!("{page} not built"));
    let html = std::fs::read(&html_file).unwrap();
    let mut sizes = BTreeMap::new();
    sizes.insert(page.to_owned(), gzipped(&html));
    let loads = loaded_by(&String::from_utf8_lossy(&html), &base_url());
    for path in loads.iter().chain(extra) {
        let Some(file) = file_for(output, path) else {
            panic!("{page} loads {path}, which was not built");
        };
        if is_text(&file) {
            sizes.insert(path.clone(), gzipped(&std::fs::read(&file).unwrap()));
        }
    }
    sizes
}

#[test]
fn a_product_page_is_at_most_50_kb_of_gzipped_text() {
    let output = output();
    // Every product page of the demo, measured from its tags; the heaviest is checked.
    let products = output.join("san-pham");
    let mut measured: Vec<(u64, String)> = std::fs::read_dir(&products)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("index.html").is_file())
        .map(|p| {
            let page = format!("/san-pham/{}/", p.file_name().unwrap().to_string_lossy());
            (page_text(output, &page, &[]).values().sum(), page)
        })
        .collect();
    assert!(
        measured.len() >= 10,
        "only {} product pages",
        measured.len()
    );
    measured.sort();
    let (_, heaviest) = measured.last().unwrap().clone();

    // What the page fetched in the browser, beyond its tags (e.g. by script).
    let mut extra = Vec::new();
    if browser_tools_available("the browser half of the product page weight test") {
        let server = StaticServer::start(output);
        let loaded = run_browser_script("check.mjs", &["text", &server.base(), &heaviest]);
        for resource in loaded["resources"].as_array().unwrap() {
            let url = resource["url"].as_str().unwrap();
            if resource["text"] == true {
                let path = url.strip_prefix(&server.base()).unwrap_or(url);
                let path = path.split(['?', '#']).next().unwrap().to_owned();
                if path != heaviest {
                    extra.push(path);
                }
            }
        }
    }
    let sizes = page_text(output, &heaviest, &extra);
    let total: u64 = sizes.values().sum();
    eprintln!(
        "product page text, gzipped (flate2 level 6), heaviest of {} pages: {heaviest}",
        measured.len()
    );
    for (path, size) in &sizes {
        eprintln!("  {size:>7} B  {path}");
    }
    eprintln!(
        "  {total:>7} B  total ({:.1} KB of the {} KB budget); lightest page {} B",
        total as f64 / 1024.0,
        PRODUCT_TEXT_BUDGET / 1024,
        measured[0].0
    );
    assert!(
        total <= PRODUCT_TEXT_BUDGET,
        "{heaviest}: {total} bytes of gzipped HTML, CSS and JS, over the budget of {PRODUCT_TEXT_BUDGET}\n{sizes:#?}"
    );
}

#[test]
fn a_listing_loads_at_most_150_kb_of_photos_on_its_first_screen() {
    if !browser_tools_available("the listing photo weight test") {
        return;
    }
    let server = StaticServer::start(output());
    let result = run_browser_script("check.mjs", &["images", &server.base(), LISTING]);
    assert!(result["notFound"] != true, "{LISTING}: page not found");
    assert_eq!(result["scrollY"], 0, "the page scrolled");
    let images = result["images"].as_array().unwrap();
    let mut total = 0;
    let mut in_viewport = 0;
    eprintln!(
        "{LISTING} at {}, photos requested without scrolling:",
        result["viewport"]
    );
    for image in images {
        let bytes = image["encodedBodySize"]
            .as_u64()
            .filter(|&b| b > 0)
            .or_else(|| image["transferSize"].as_u64())
            .unwrap_or(0);
        total += bytes;
        let shown = image["inViewport"] == true;
        if shown {
            in_viewport += bytes;
        }
        eprintln!(
            "  {bytes:>7} B  {}{}",
            image["url"].as_str().unwrap().replace(&server.base(), ""),
            if shown {
                "  (in the first viewport)"
            } else {
                ""
            }
        );
    }
    eprintln!(
        "  {total:>7} B  total of {} images ({:.1} KB of the {} KB budget; {in_viewport} B in the viewport itself)",
        images.len(),
        total as f64 / 1024.0,
        LISTING_PHOTO_BUDGET / 1024
    );
    assert!(!images.is_empty(), "{LISTING}: no photo was loaded");
    assert!(
        total <= LISTING_PHOTO_BUDGET,
        "{LISTING}: {total} bytes of photos loaded on the first screen, over the budget of {LISTING_PHOTO_BUDGET}"
    );
}
