//! What the catalogue gives search engines, link previews, traders and printed
//! material: JSON-LD, Open Graph, shop links, QR codes, sitemaps, redirects for old
//! addresses, the open-data page, and a build that refuses broken links.

use std::collections::BTreeSet;

use crate::common;
use crate::common::html::{links, tags, Tag};
use crate::common::{html_files, snapshot, Site, BASE_PATH, BASE_URL};
use serde_json::Value;

fn built() -> Site {
    let site = Site::from_fixture("small");
    site.build_ok();
    site
}

/// The JSON-LD items of a page (the members of each `@graph`).
fn json_ld(html: &str) -> Vec<Value> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "script" && t.attr("type") == Some("application/ld+json"))
        .flat_map(|t| {
            let text = t.raw_text.clone().unwrap_or_default();
            let value: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}\n{text}"));
            assert_eq!(value["@context"], "https://schema.org");
            value["@graph"].as_array().cloned().unwrap_or_default()
        })
        .collect()
}

fn of_type<'a>(items: &'a [Value], kind: &str) -> &'a Value {
    items
        .iter()
        .find(|i| i["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {items:?}"))
}

fn meta<'a>(tags: &'a [Tag], key: &str) -> Option<&'a str> {
    tags.iter()
        .find(|t| {
            t.name == "meta" && (t.attr("property") == Some(key) || t.attr("name") == Some(key))
        })
        .and_then(|t| t.attr("content"))
}

#[test]
fn product_pages_describe_the_product_and_its_ocop_certificate() {
    let site = built();
    let items = json_ld(&site.page("san-pham/hat-de-trung-khanh/"));
    let product = of_type(&items, "Product");
    assert_eq!(product["name"], "Hạt dẻ Trùng Khánh");
    assert_eq!(
        product["url"],
        format!("{BASE_URL}san-pham/hat-de-trung-khanh/")
    );
    assert_eq!(product["category"], "Thực phẩm");
    assert_eq!(
        product["image"][0],
        format!("{BASE_URL}san-pham/hat-de-trung-khanh/chia-se.jpg")
    );
    let brand = &product["brand"];
    assert_eq!(brand["@type"], "Organization");
    assert_eq!(brand["name"], "HTX Nông sản Đồng Tâm");
    assert_eq!(brand["address"]["addressCountry"], "VN");
    assert_eq!(
        product["offers"],
        serde_json::json!({
            "@type": "AggregateOffer", "priceCurrency": "VND",
            "lowPrice": 180000, "highPrice": 250000, "offerCount": 2
        })
    );
    let certification = &product["hasCertification"];
    assert_eq!(certification["@type"], "Certification");
    assert_eq!(certification["name"], "OCOP");
    assert_eq!(certification["certificationRating"]["ratingValue"], 4);
    assert_eq!(certification["validFrom"], "2024-05-10");
    assert!(certification["certificationIdentification"].is_string());
    assert!(certification["issuedBy"]["name"].is_string());
    assert!(
        product.get("aggregateRating").is_none(),
        "a grade is not a review"
    );

    // No price known: no invented offer.
    let no_price = json_ld(&site.page("san-pham/mat-ong-rung/"));
    assert!(of_type(&no_price, "Product").get("offers").is_none());
}

#[test]
fn home_and_producer_pages_describe_the_site_and_the_producer() {
    let site = built();
    let home = json_ld(&site.page(""));
    assert_eq!(of_type(&home, "WebSite")["url"], BASE_URL);
    assert!(of_type(&home, "Organization")["name"].is_string());
    let producer = json_ld(&site.page("chu-the/htx-dong-tam/"));
    assert_eq!(
        of_type(&producer, "Organization")["name"],
        "HTX Nông sản Đồng Tâm"
    );
}

#[test]
fn every_page_carries_open_graph_and_a_canonical_url() {
    let site = built();
    for (file, html) in html_files(&site.output) {
        if file.ends_with("/in/index.html") || file == "404.html" {
            continue;
        }
        let page = tags(&html);
        for key in [
            "og:title",
            "og:type",
            "og:url",
            "og:description",
            "og:site_name",
            "og:image",
        ] {
            assert!(
                meta(&page, key).is_some_and(|v| !v.is_empty()),
                "{file}: no {key}"
            );
        }
        assert_eq!(meta(&page, "og:locale"), Some("vi_VN"), "{file}");
        assert_eq!(
            meta(&page, "twitter:card"),
            Some("summary_large_image"),
            "{file}"
        );
        let canonical = page
            .iter()
            .find(|t| t.name == "link" && t.attr("rel") == Some("canonical"))
            .and_then(|t| t.attr("href"))
            .unwrap_or_else(|| panic!("{file}: no canonical link"));
        assert!(canonical.starts_with(BASE_URL), "{file}: {canonical}");
    }
    let product = tags(&site.page("san-pham/hat-de-trung-khanh/"));
    assert_eq!(meta(&product, "og:type"), Some("product"));
    assert_eq!(
        meta(&product, "og:image"),
        Some(format!("{BASE_URL}san-pham/hat-de-trung-khanh/chia-se.jpg").as_str())
    );
}

fn shop_buttons(site: &Site) -> Vec<Tag> {
    tags(&site.page("san-pham/hat-de-trung-khanh/"))
        .into_iter()
        .filter(|t| t.attr("data-platform").is_some())
        .collect()
}

#[test]
fn shop_buttons_name_the_platform_and_carry_campaign_tags_when_asked() {
    let site = built();
    let buttons = shop_buttons(&site);
    assert_eq!(buttons.len(), 2);
    assert_eq!(
        buttons[0].attr("href"),
        Some("https://shopee.vn/product/1234/5678")
    );
    assert_eq!(buttons[0].attr("rel"), Some("noopener"));

    site.edit(
        "content/site.yaml",
        "province: Tỉnh Thử Nghiệm",
        "province: Tỉnh Thử Nghiệm\nsponsored_links: true\ncampaign:\n  name: tet-2027",
    );
    site.build_ok();
    let buttons = shop_buttons(&site);
    assert_eq!(buttons[0].attr("rel"), Some("noopener sponsored"));
    assert_eq!(
        buttons[0].attr("href"),
        Some(
            "https://shopee.vn/product/1234/5678?utm_source=example.org\
             &utm_medium=referral&utm_campaign=tet-2027"
        )
    );
    // The downloads keep the clean link.
    assert!(!site.read("data/products.json").contains("utm_"));
}

#[test]
fn qr_codes_decode_to_the_permanent_product_address() {
    let site = built();
    let product = "san-pham/hat-de-trung-khanh/";
    let sheet = format!("{product}in/");
    let downloads = common::sheet_qr_downloads(&site.page(&sheet));
    let png = image::load_from_memory(&downloads["ma-qr-hat-de-trung-khanh.png"])
        .unwrap()
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(png);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    let (_, content) = grids[0].decode().unwrap();
    assert_eq!(content, format!("{BASE_URL}{product}"));
    let svg = String::from_utf8(downloads["ma-qr-hat-de-trung-khanh.svg"].clone()).unwrap();
    assert!(svg.contains("<svg"));
    // The product page leads to the sheet's QR code; no QR file is written.
    assert!(links(&site.page(product)).contains(&format!("{BASE_PATH}{sheet}#qr")));
    assert!(!site.output.join(product).join("ma-qr.svg").exists());
    assert!(!site.output.join(product).join("ma-qr.png").exists());
}

#[test]
fn the_print_sheet_carries_what_a_trade_fair_needs() {
    let site = built();
    let html = site.page("san-pham/hat-de-trung-khanh/in/");
    let page = tags(&html);
    assert_eq!(meta(&page, "robots"), Some("noindex"));
    let text = common::html::text(&html);
    for expected in [
        "Hạt dẻ Trùng Khánh",
        "HTX Nông sản Đồng Tâm",
        "Shopee",
        "4 sao",
    ] {
        assert!(text.contains(expected), "no `{expected}` in {text}");
    }
    // The QR code is shown from inside the page, and prints.
    assert!(page.iter().any(|t| t.name == "img"
        && (t.attr("src")).is_some_and(|s| s.starts_with("data:image/svg+xml;base64,"))));
    assert!(links(&site.page("san-pham/hat-de-trung-khanh/"))
        .contains(&"/ocop/san-pham/hat-de-trung-khanh/in/".to_owned()));
}

/// The `<loc>` values of a sitemap file.
fn locations(xml: &str) -> Vec<String> {
    xml.split("<loc>")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("</loc>")
                .map(|(loc, _)| loc.replace("&amp;", "&"))
        })
        .collect()
}

#[test]
fn the_sitemap_lists_every_public_page_and_only_existing_ones() {
    let site = built();
    let listed = locations(&site.read("sitemap.xml"));
    for url in &listed {
        assert!(
            common::resolve(&site.output, BASE_URL, BASE_PATH, url).is_some(),
            "{url} is in the sitemap but not in the site"
        );
        assert!(!url.ends_with("/in/"), "print sheets are copies: {url}");
    }
    let listed: BTreeSet<String> = listed.into_iter().collect();
    for page in [
        "",
        "san-pham/",
        "san-pham/hat-de-trung-khanh/",
        "du-lieu/",
        "thong-ke/",
    ] {
        assert!(
            listed.contains(&format!("{BASE_URL}{page}")),
            "{page} is missing"
        );
    }
    // Product pages change with their rating; the rest with each build.
    assert!(site
        .read("sitemap.xml")
        .contains("<url><loc>https://example.org/ocop/san-pham/hat-de-trung-khanh/</loc><lastmod>2024-05-10</lastmod></url>"));
    assert_eq!(
        site.read("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/ocop/sitemap.xml\n"
    );
}

#[test]
fn an_old_slug_redirects_to_the_product_and_cannot_be_claimed_twice() {
    let site = Site::from_fixture("small");
    let yaml = "content/products/hat-de-trung-khanh/product.yaml";
    site.edit(
        yaml,
        "featured: true",
        "featured: true\naliases:\n  - hat-de",
    );
    site.build_ok();
    let page = tags(&site.page("san-pham/hat-de/"));
    let target = format!("{BASE_URL}san-pham/hat-de-trung-khanh/");
    let refresh = page
        .iter()
        .find(|t| t.attr("http-equiv") == Some("refresh"))
        .and_then(|t| t.attr("content"))
        .unwrap();
    assert_eq!(refresh, format!("0; url={target}"));
    assert!(page
        .iter()
        .any(|t| t.attr("rel") == Some("canonical") && t.attr("href") == Some(target.as_str())));
    assert!(!site.read("sitemap.xml").contains("san-pham/hat-de/"));

    // A live product's slug cannot be an alias.
    site.edit(yaml, "  - hat-de", "  - mat-ong-rung");
    let run = site.check();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains(&format!(
            "{yaml}:7:5: error: alias `mat-ong-rung` is the slug of another product"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn the_open_data_page_explains_every_download() {
    let site = built();
    let html = site.page("du-lieu/");
    for file in ["products.csv", "producers.csv", "products.json"] {
        assert!(
            links(&html).contains(&format!("{BASE_PATH}data/{file}")),
            "{file}"
        );
    }
    // Every column of the real products.csv is explained on the page.
    let csv = site.read("data/products.csv");
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    let text = common::html::text(&html);
    for column in header.split(',') {
        assert!(text.contains(column), "column `{column}` is not explained");
    }
    assert!(text.contains("Giấy phép"));
}

#[test]
fn a_broken_link_in_the_theme_fails_the_build_and_keeps_the_old_site() {
    let site = built();
    let before = snapshot(&site.output);
    site.edit(
        "themes/default/templates/stats.html",
        "{% block content %}",
        "{% block content %}<a href=\"{{ site.base_path }}khong-co/\">x</a><a href=\"#khong-co\">y</a>",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let output = site.output.display().to_string().replace('\\', "/");
    assert_eq!(
        run.stderr_lines(),
        [
            format!("{output}/thong-ke/index.html: error: broken link in the built page: `#khong-co` points at `#khong-co`, which thong-ke/index.html does not have"),
            format!("{output}/thong-ke/index.html: error: broken link in the built page: `/ocop/khong-co/` leads to no file of the site"),
            "error: 2 problems found; nothing was published".to_owned(),
        ]
    );
    assert!(snapshot(&site.output) == before);
}
