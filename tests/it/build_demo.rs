//! Builds the repository's own demo catalogue (its `content/` and `themes/`) into a
//! temporary folder, and checks that it publishes every path of the contract.
//!
//! The demo's 46 full-size photos make a build slow in the unoptimised test profile,
//! so one build serves every check.

use std::fs;
use std::path::Path;

use crate::common;
use crate::common::html::{product_slugs, shows_empty_state, text};
use crate::common::{build_demo, check_links, html_files, read_text, repo};

/// A `content/` YAML file of the demo.
fn content_yaml(path: &str) -> serde_yaml::Value {
    serde_yaml::from_str(&read_text(&repo().join("content").join(path))).unwrap()
}

/// The `id` of every item of a list file such as `districts.yaml`.
fn ids(path: &str) -> Vec<String> {
    content_yaml(path)
        .as_sequence()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

/// File stems in a `content/` folder, for files ending in `extension`.
fn stems(folder: &str, extension: &str) -> Vec<String> {
    fs::read_dir(repo().join("content").join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == extension))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn the_demo_builds() {
    let scratch = tempfile::tempdir().unwrap();
    // The photo cache is in the scratch folder too: the test starts from a cold cache.
    let output = build_demo(scratch.path());
    every_contract_path_exists(&output);
    the_five_star_page_shows_an_empty_state(&output);
    every_page_carries_the_demo_notice(&output);
    the_data_covers_every_certificate_status(&output);
    every_internal_link_resolves(&output);
    machine_readable_output_is_valid(&output);
    crate::rounds::the_rounds_reconcile(&output, common::DEMO_TODAY);
    // The demo's histories reach back to 2019: a page for each year since.
    assert_eq!(
        crate::rounds::years(&output),
        [2019, 2020, 2021, 2022, 2023, 2024, 2025]
    );
}

/// JSON-LD parses on every page that has it, every product page has a Product with its
/// certification, every sitemap URL is a built file, and every QR code decodes to its
/// product's address.
fn machine_readable_output_is_valid(output: &Path) {
    let (base_url, base_path) = base();
    let mut products_described = 0;
    for (file, html) in html_files(output) {
        for tag in common::html::tags(&html) {
            if tag.name != "script" || tag.attr("type") != Some("application/ld+json") {
                continue;
            }
            let text = tag.raw_text.clone().unwrap_or_default();
            let value: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{file}: JSON-LD does not parse: {e}"));
            for item in value["@graph"].as_array().unwrap() {
                if item["@type"] == "Product" {
                    assert!(
                        item["hasCertification"]["certificationRating"]["ratingValue"].is_u64()
                    );
                    assert!(item["brand"]["name"].is_string(), "{file}");
                    products_described += 1;
                }
            }
        }
    }
    let products = fs::read_dir(repo().join("content/products"))
        .unwrap()
        .count();
    // Each product's page in each edition.
    let languages = content_yaml("site.yaml")["languages"]
        .as_sequence()
        .map_or(1, Vec::len);
    assert_eq!(products_described, products * languages);

    let sitemap = read_text(&output.join("sitemap.xml"));
    let urls: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>").map(|(loc, _)| loc))
        .collect();
    assert!(urls.len() > products);
    for url in urls {
        assert!(
            common::resolve(output, &base_url, &base_path, url).is_some(),
            "{url}"
        );
    }

    // Each print sheet's QR code, as offered for download, leads to its product.
    let mut decoded = 0;
    for entry in fs::read_dir(output.join("san-pham")).unwrap() {
        let folder = entry.unwrap().path();
        let Ok(sheet) = fs::read_to_string(folder.join("in/index.html")) else {
            continue;
        };
        let slug = folder.file_name().unwrap().to_string_lossy();
        let downloads = common::sheet_qr_downloads(&sheet);
        let png = &downloads[&format!("ma-qr-{slug}.png")];
        let image = image::load_from_memory(png).unwrap().to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(image);
        let grids = prepared.detect_grids();
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, format!("{base_url}san-pham/{slug}/"));
        decoded += 1;
    }
    assert!(decoded > 0);
}

/// The demo's `base_url` and its path, which prefixes every internal link.
fn base() -> (String, String) {
    let base_url = content_yaml("site.yaml")["base_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = url::Url::parse(&base_url).unwrap().path().to_owned();
    (base_url, path)
}

fn every_contract_path_exists(output: &Path) {
    let mut expected: Vec<String> = [
        "index.html",
        "san-pham/index.html",
        "sao/3/index.html",
        "sao/4/index.html",
        "sao/5/index.html",
        "chu-the/index.html",
        "thong-ke/index.html",
        "404.html",
        "data/products.json",
        "data/products.csv",
        "data/producers.csv",
    ]
    .map(String::from)
    .into();
    let folders = [
        ("huyen", ids("districts.yaml")),
        ("nhom", ids("categories.yaml")),
        ("chu-the", stems("producers", "yaml")),
    ];
    for (folder, ids) in folders {
        assert!(!ids.is_empty(), "the demo has no {folder} pages");
        expected.extend(ids.iter().map(|id| format!("{folder}/{id}/index.html")));
    }
    // `<slug>.en.md` is the English version of `<slug>.md`, not a page of its own.
    let mut pages = stems("pages", "md");
    pages.retain(|p| !p.ends_with(".en"));
    assert!(!pages.is_empty(), "the demo has no Markdown pages");
    expected.extend(pages.iter().map(|slug| format!("{slug}/index.html")));

    let missing: Vec<&String> = expected
        .iter()
        .filter(|path| !output.join(path).is_file())
        .collect();
    assert!(missing.is_empty(), "not built: {missing:#?}");
}

/// No demo product has five stars: the page says so rather than showing nothing.
fn the_five_star_page_shows_an_empty_state(output: &Path) {
    let five = read_text(&output.join("sao/5/index.html"));
    assert_eq!(product_slugs(&five, &base().1), Vec::<String>::new());
    assert!(shows_empty_state(&five), "{five}");
    // The other levels do list products, in the same markup.
    let four = read_text(&output.join("sao/4/index.html"));
    assert!(!product_slugs(&four, &base().1).is_empty());
    assert!(!shows_empty_state(&four));
}

/// The banner saying the data is illustrative.
fn every_page_carries_the_demo_notice(output: &Path) {
    let site = content_yaml("site.yaml");
    let notice = |value: &serde_yaml::Value| {
        value["notice"]
            .as_str()
            .expect("the demo's site.yaml has a notice in each language")
            .to_owned()
    };
    let (vi, en) = (notice(&site), notice(&site["en"]));
    let pages = html_files(output);
    assert!(pages.len() > 30, "only {} pages", pages.len());
    for (page, html) in pages {
        // Redirects from old product addresses show nothing of their own.
        if html.contains("http-equiv=refresh") {
            continue;
        }
        let notice = if page.starts_with("en/") { &en } else { &vi };
        assert!(text(&html).contains(notice), "{page} lacks the demo notice");
    }
}

fn every_internal_link_resolves(output: &Path) {
    let (base_url, base_path) = base();
    let links = check_links(output, &base_url, &base_path);
    assert!(links.broken.is_empty(), "{:#?}", links.broken);
    assert!(links.followed > 1000, "only {} followed", links.followed);
}

fn the_data_covers_every_certificate_status(output: &Path) {
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(output.join("data/products.json")).unwrap()).unwrap();
    let products = json.as_array().unwrap();
    assert!(products.len() >= 30, "only {} products", products.len());
    let count = |status: &str| {
        products
            .iter()
            .filter(|p| p["certificate"]["status"] == status)
            .count()
    };
    assert!(count("expired") >= 2, "{} expired", count("expired"));
    assert!(count("expiring") >= 2, "{} expiring", count("expiring"));
    assert_eq!(
        count("valid") + count("expiring") + count("expired"),
        products.len()
    );
}
