//! Builds `tests/fixtures/small` on 2026-06-01 and checks every page, listing and data
//! file against counts worked out by hand from the fixture:
//!
//! | slug                    | stars | district    | category  | producer         | certificate            |
//! |-------------------------|-------|-------------|-----------|------------------|------------------------|
//! | banh-khao-cu            | 3     | hoa-an      | thuc-pham | ho-nong-van-an   | 2023-03-20, expired    |
//! | hat-de-trung-khanh      | 4     | trung-khanh | thuc-pham | htx-dong-tam     | 2024-05-10, valid      |
//! | lap-suon-hoa-an         | 3     | hoa-an      | thuc-pham | cong-ty-ha-thanh | 2023-09-10, expiring   |
//! | mat-ong-rung            | 3     | hoa-an (*)  | thuc-pham | htx-dong-tam     | 2024-02-02, valid      |
//! | mien-dong-trung-khanh   | 3     | trung-khanh | thuc-pham | htx-dong-tam     | 2025-06-20, valid      |
//! | nuoc-thach-den          | 3     | hoa-an      | do-uong   | cong-ty-ha-thanh | 2024-08-08, valid      |
//! | ruou-ngo-hoa-an         | 4     | hoa-an      | do-uong   | ho-be-thi-lan    | expires 2026-12-02, valid |
//! | tra-xanh-phja-den       | 5     | trung-khanh | thuc-pham | tht-che-phja-den | 2025-01-15, valid      |
//!
//! (*) set on the product; its producer is in trung-khanh. Certificates last 36 months;
//! "expiring" means expiring on or before 2026-12-01. `bao-lac` and `thu-cong` are empty.

use std::collections::BTreeSet;

use crate::common;
use crate::common::html::{
    self, links, main_text, product_slugs, shows_empty_state, table_rows, tags,
};
use crate::common::{html_files, resolve, Site, BASE_PATH, BASE_URL, ORIGINAL_MARKER};

/// Listed products in listing order: by name with tone marks folded.
const LISTED_BY_NAME: [&str; 7] = [
    "hat-de-trung-khanh",    // Hạt dẻ Trùng Khánh
    "lap-suon-hoa-an",       // Lạp sườn Hòa An
    "mat-ong-rung",          // Mật ong rừng
    "mien-dong-trung-khanh", // Miến dong Trùng Khánh
    "nuoc-thach-den",        // Nước thạch đen
    "ruou-ngo-hoa-an",       // Rượu ngô Hòa An
    "tra-xanh-phja-den",     // Trà xanh Phja Đén
];
const EXPIRED: &str = "banh-khao-cu";
const EXPIRED_NAME: &str = "Bánh khảo cũ";

fn built() -> Site {
    let site = Site::from_fixture("small");
    site.build_ok();
    site
}

/// The product slugs a page links to, in order.
fn listed_on(site: &Site, path: &str) -> Vec<String> {
    product_slugs(&site.page(path), BASE_PATH)
}

#[test]
fn check_accepts_the_fixture() {
    let site = Site::from_fixture("small");
    let run = site.check();
    run.assert_ok();
    assert!(
        run.stderr.contains("8 products, 5 producers and 1 pages"),
        "{}",
        run.stderr
    );
    assert!(!site.output.exists(), "check must not write anything");
}

#[test]
fn district_pages_list_exactly_their_listed_products() {
    let site = built();
    // Grouped from 5★ down, by name within a group.
    assert_eq!(
        listed_on(&site, "huyen/hoa-an/"),
        [
            "ruou-ngo-hoa-an",
            "lap-suon-hoa-an",
            "mat-ong-rung",
            "nuoc-thach-den"
        ]
    );
    assert_eq!(
        listed_on(&site, "huyen/trung-khanh/"),
        [
            "tra-xanh-phja-den",
            "hat-de-trung-khanh",
            "mien-dong-trung-khanh"
        ]
    );
    let hoa_an = main_text(&site.page("huyen/hoa-an/"));
    for name in ["Rượu ngô Hòa An", "Lạp sườn Hòa An", "Mật ong rừng"] {
        assert!(
            hoa_an.contains(name),
            "{name} missing from hoa-an: {hoa_an}"
        );
    }
    assert!(!hoa_an.contains("Miến dong"), "{hoa_an}");

    let empty = site.page("huyen/bao-lac/");
    assert_eq!(product_slugs(&empty, BASE_PATH), Vec::<String>::new());
    assert!(shows_empty_state(&empty), "{empty}");
    assert!(!shows_empty_state(&site.page("huyen/hoa-an/")));
}

#[test]
fn star_pages_list_exactly_their_level() {
    let site = built();
    assert_eq!(
        listed_on(&site, "sao/3/"),
        [
            "lap-suon-hoa-an",
            "mat-ong-rung",
            "mien-dong-trung-khanh",
            "nuoc-thach-den"
        ]
    );
    assert_eq!(
        listed_on(&site, "sao/4/"),
        ["hat-de-trung-khanh", "ruou-ngo-hoa-an"]
    );
    assert_eq!(listed_on(&site, "sao/5/"), ["tra-xanh-phja-den"]);
    assert!(!shows_empty_state(&site.page("sao/5/")));
}

#[test]
fn category_pages_list_exactly_their_products() {
    let site = built();
    assert_eq!(
        listed_on(&site, "nhom/thuc-pham/"),
        [
            "hat-de-trung-khanh",
            "lap-suon-hoa-an",
            "mat-ong-rung",
            "mien-dong-trung-khanh",
            "tra-xanh-phja-den"
        ]
    );
    assert_eq!(
        listed_on(&site, "nhom/do-uong/"),
        ["nuoc-thach-den", "ruou-ngo-hoa-an"]
    );
    let food = main_text(&site.page("nhom/thuc-pham/"));
    assert!(food.contains("Thực phẩm chế biến 1 sản phẩm"), "{food}");
    assert!(food.contains("Chè/trà 1 sản phẩm"), "{food}");

    let empty = site.page("nhom/thu-cong/");
    assert_eq!(product_slugs(&empty, BASE_PATH), Vec::<String>::new());
    assert!(shows_empty_state(&empty), "{empty}");
}

#[test]
fn producer_pages_list_only_listed_products() {
    let site = built();
    assert_eq!(
        listed_on(&site, "chu-the/htx-dong-tam/"),
        [
            "hat-de-trung-khanh",
            "mat-ong-rung",
            "mien-dong-trung-khanh"
        ]
    );
    // Its only product has expired.
    let page = site.page("chu-the/ho-nong-van-an/");
    assert_eq!(product_slugs(&page, BASE_PATH), Vec::<String>::new());
    assert!(shows_empty_state(&page), "{page}");
    // The directory lists every producer, with or without listed products.
    let directory = site.page("chu-the/");
    for id in [
        "htx-dong-tam",
        "tht-che-phja-den",
        "cong-ty-ha-thanh",
        "ho-be-thi-lan",
        "ho-nong-van-an",
    ] {
        let url = format!("{BASE_PATH}chu-the/{id}/");
        assert!(links(&directory).contains(&url), "{url} not in /chu-the/");
    }
}

#[test]
fn home_features_listed_products_and_the_listing_is_paginated() {
    let site = built();
    // hat-de, banh-khao-cu and tra-xanh are featured; banh-khao-cu has expired.
    assert_eq!(
        listed_on(&site, ""),
        ["hat-de-trung-khanh", "tra-xanh-phja-den"]
    );
    // Five products a page (products_per_page: 5).
    assert_eq!(listed_on(&site, "san-pham/"), LISTED_BY_NAME[..5]);
    assert_eq!(listed_on(&site, "san-pham/trang/2/"), LISTED_BY_NAME[5..]);
    assert!(!site.output.join("san-pham/trang/3").exists());
}

#[test]
fn without_featured_products_home_shows_the_most_recently_certified() {
    let site = Site::from_fixture("small");
    for slug in ["banh-khao-cu", "hat-de-trung-khanh", "tra-xanh-phja-den"] {
        site.edit(
            &format!("content/products/{slug}/product.yaml"),
            "featured: true\n",
            "",
        );
    }
    site.build_ok();
    // Six of the seven listed, newest certificate first; the expired one never.
    assert_eq!(
        listed_on(&site, ""),
        [
            "mien-dong-trung-khanh", // 2025-06-20
            "tra-xanh-phja-den",     // 2025-01-15
            "ruou-ngo-hoa-an",       // 2024-11-01
            "nuoc-thach-den",        // 2024-08-08
            "hat-de-trung-khanh",    // 2024-05-10
            "mat-ong-rung",          // 2024-02-02
        ]
    );
    let home = site.page("");
    assert!(main_text(&home).contains("Sản phẩm mới được chứng nhận"));
    assert!(!main_text(&home).contains("Sản phẩm tiêu biểu"));
    assert!(!shows_empty_state(&home));
}

#[test]
fn the_expired_product_keeps_its_page_but_leaves_every_listing() {
    let site = built();
    let own = site.page(&format!("san-pham/{EXPIRED}/"));
    let text = main_text(&own);
    assert!(text.contains(EXPIRED_NAME), "{text}");
    assert!(text.contains("Đã hết hạn"), "{text}");
    assert!(!main_text(&site.page("san-pham/hat-de-trung-khanh/")).contains("Đã hết hạn"));

    let own_file = format!("san-pham/{EXPIRED}/index.html");
    // The round of the year it was certified in is the record of that year, and names
    // it among the new products.
    let round = "thong-ke/2023/index.html".to_owned();
    assert!(product_slugs(&site.read(&round), BASE_PATH)
        .iter()
        .any(|s| s == EXPIRED));
    let pages = html_files(&site.output);
    let others: Vec<&(String, String)> = (pages.iter())
        .filter(|(f, _)| *f != own_file && *f != round)
        .collect();
    for page in [
        "index.html",
        "san-pham/index.html",
        "san-pham/trang/2/index.html",
    ] {
        assert!(others.iter().any(|(f, _)| f == page), "{page} not built");
    }
    for (file, page) in others {
        assert!(
            !product_slugs(page, BASE_PATH).iter().any(|s| s == EXPIRED),
            "{file} links to the expired product"
        );
        assert!(
            !html::text(page).contains(EXPIRED_NAME),
            "{file} names the expired product"
        );
    }
}

#[test]
fn stats_page_counts_listed_products() {
    let site = built();
    let rows = table_rows(&site.page("thong-ke/"));
    let row = |first: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r.first().is_some_and(|c| c == first))
            .unwrap_or_else(|| panic!("no row `{first}` in {rows:?}"))
            .clone()
    };
    // District, 3★, 4★, 5★, total.
    assert_eq!(row("Huyện Hòa An"), ["Huyện Hòa An", "3", "1", "0", "4"]);
    assert_eq!(
        row("Huyện Trùng Khánh"),
        ["Huyện Trùng Khánh", "1", "1", "1", "3"]
    );
    assert_eq!(row("Huyện Bảo Lạc"), ["Huyện Bảo Lạc", "0", "0", "0", "0"]);
    assert_eq!(row("Tổng"), ["Tổng", "4", "2", "1", "7"]);
    // Category, products.
    assert_eq!(row("Thực phẩm"), ["Thực phẩm", "5"]);
    assert_eq!(row("Đồ uống"), ["Đồ uống", "2"]);
    assert_eq!(row("Hàng thủ công mỹ nghệ"), ["Hàng thủ công mỹ nghệ", "0"]);
    // Producer type, producers with a listed product, listed products.
    assert_eq!(row("Hợp tác xã"), ["Hợp tác xã", "1", "3"]);
    assert_eq!(row("Tổ hợp tác"), ["Tổ hợp tác", "1", "1"]);
    assert_eq!(row("Doanh nghiệp"), ["Doanh nghiệp", "1", "2"]);
    assert_eq!(
        row("Hộ sản xuất kinh doanh"),
        ["Hộ sản xuất kinh doanh", "1", "1"]
    );
    // Expiring: only lạp sườn, 2026-09-10, 101 days after 2026-06-01 (29 + 31 + 31 + 10).
    let expiring: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.last().is_some_and(|c| c.ends_with(" ngày")))
        .collect();
    // Its producer has no phone on file.
    assert_eq!(
        expiring,
        [&vec![
            "Lạp sườn Hòa An".to_owned(),
            "Công ty TNHH Thực phẩm Hà Thanh".to_owned(),
            "Chưa có".to_owned(),
            "10/09/2026".to_owned(),
            "101 ngày".to_owned(),
        ]]
    );
}

#[test]
fn products_json_has_every_product_sorted_by_slug() {
    let site = built();
    let json: serde_json::Value = serde_json::from_slice(&site.read_bytes("data/products.json"))
        .expect("products.json is JSON");
    let products = json.as_array().expect("an array of products");
    // slug, certificate date, expiry, status.
    let expected = [
        ("banh-khao-cu", "2023-03-20", "2026-03-20", "expired"),
        ("hat-de-trung-khanh", "2024-05-10", "2027-05-10", "valid"),
        ("lap-suon-hoa-an", "2023-09-10", "2026-09-10", "expiring"),
        ("mat-ong-rung", "2024-02-02", "2027-02-02", "valid"),
        ("mien-dong-trung-khanh", "2025-06-20", "2028-06-20", "valid"),
        ("nuoc-thach-den", "2024-08-08", "2027-08-08", "valid"),
        ("ruou-ngo-hoa-an", "2024-11-01", "2026-12-02", "valid"),
        ("tra-xanh-phja-den", "2025-01-15", "2028-01-15", "valid"),
    ];
    assert_eq!(products.len(), expected.len());
    for (product, (slug, date, expires, status)) in products.iter().zip(expected) {
        assert_eq!(product["slug"], slug);
        assert_eq!(product["url"], format!("{BASE_URL}san-pham/{slug}/"));
        let certificate = &product["certificate"];
        assert_eq!(certificate["date"], date, "{slug}");
        assert_eq!(certificate["expires"], expires, "{slug}");
        assert_eq!(certificate["status"], status, "{slug}");
    }

    let hat_de = &products[1];
    assert_eq!(hat_de["name"], "Hạt dẻ Trùng Khánh");
    assert_eq!(hat_de["stars"], 4);
    assert_eq!(hat_de["district"]["id"], "trung-khanh");
    assert_eq!(hat_de["producer"]["type"], "htx");
    assert_eq!(
        hat_de["price"],
        serde_json::json!({"min": 180000, "max": 250000, "unit": "kg", "currency": "VND"})
    );
    // The tracking parameter is dropped from the Shopee link.
    assert_eq!(
        hat_de["shops"],
        serde_json::json!([
            {"platform": "shopee", "url": "https://shopee.vn/product/1234/5678"},
            {"platform": "tiki", "url": "https://tiki.vn/hat-de-trung-khanh-p99.html"},
        ])
    );
    let photos: Vec<&str> = hat_de["photos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        photos,
        [
            "https://example.org/ocop/san-pham/hat-de-trung-khanh/anh-1-800.jpg",
            "https://example.org/ocop/san-pham/hat-de-trung-khanh/anh-2-800.jpg"
        ]
    );
    for photo in photos {
        assert!(resolve(&site.output, BASE_URL, BASE_PATH, photo).is_some());
    }
    // mat-ong-rung's own district wins over its producer's.
    assert_eq!(products[3]["district"]["id"], "hoa-an");
}

/// The records of a CSV download, after checking it opens with a UTF-8 byte-order mark.
fn csv_records(site: &Site, path: &str) -> Vec<csv::StringRecord> {
    let bytes = site.read_bytes(path);
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "{path} must start with a UTF-8 BOM"
    );
    csv::Reader::from_reader(&bytes[3..])
        .records()
        .map(|r| r.expect("a well-formed CSV record"))
        .collect()
}

#[test]
fn csv_downloads_open_in_excel_with_vietnamese_text() {
    let site = built();
    let products = csv_records(&site, "data/products.csv");
    let names: Vec<&str> = products.iter().map(|r| &r[1]).collect();
    assert_eq!(names.len(), 8);
    assert_eq!(names[0], EXPIRED_NAME);
    assert!(names.contains(&"Trà xanh Phja Đén"), "{names:?}");

    let producers = csv_records(&site, "data/producers.csv");
    let by_id = |id: &str| {
        producers
            .iter()
            .find(|r| &r[0] == id)
            .unwrap_or_else(|| panic!("no producer {id}"))
            .clone()
    };
    assert_eq!(producers.len(), 5);
    let dong_tam = by_id("htx-dong-tam");
    assert_eq!(&dong_tam[1], "HTX Nông sản Đồng Tâm");
    assert_eq!(&dong_tam[2], "Hợp tác xã");
    // Listed products: three for Đồng Tâm, none for the producer whose product expired.
    assert_eq!(&dong_tam[9], "3");
    assert_eq!(&by_id("ho-nong-van-an")[9], "0");
}

#[test]
fn every_internal_link_starts_with_the_base_path_and_resolves() {
    let site = built();
    let links = common::check_links(&site.output, BASE_URL, BASE_PATH);
    assert!(links.broken.is_empty(), "{:#?}", links.broken);
    assert!(links.relative.is_empty(), "{:#?}", links.relative);
    // 29 pages, each with a dozen navigation links at least.
    assert!(links.followed > 29 * 12, "only {} followed", links.followed);

    // The checker itself notices a missing page: every page's footer links here.
    std::fs::remove_file(site.output.join("huyen/bao-lac/index.html")).unwrap();
    let links = common::check_links(&site.output, BASE_URL, BASE_PATH);
    assert!(
        links.broken.len() >= 28,
        "{} broken: {:#?}",
        links.broken.len(),
        links.broken
    );
    assert!(links
        .broken
        .iter()
        .all(|b| b.ends_with("`/ocop/huyen/bao-lac/` leads nowhere")));
}

#[test]
fn photos_are_resized_next_to_the_page_and_originals_stay_private() {
    let site = Site::from_fixture("small");
    let product = "san-pham/hat-de-trung-khanh/";
    // Wider than the middle copy and narrower than the large one; and a small one.
    let folder = site
        .root
        .join("content")
        .join(product.replace("san-pham", "products"));
    std::fs::write(folder.join("anh-1.jpg"), common::jpeg(1000, 750)).unwrap();
    std::fs::write(folder.join("anh-2.jpg"), common::jpeg(300, 225)).unwrap();
    site.build_ok();

    let size = |path: &str, format| {
        let bytes = site.read_bytes(path);
        assert_eq!(image::guess_format(&bytes).unwrap(), format, "{path}");
        let image = image::load_from_memory(&bytes).unwrap();
        (image.width(), image.height())
    };
    use image::ImageFormat::{Jpeg, WebP};
    for format in [Jpeg, WebP] {
        let ext = format.extensions_str()[0].replace("jpeg", "jpg");
        let copy = |name: &str| size(&format!("{product}{name}.{ext}"), format);
        assert_eq!(copy("anh-1-400"), (400, 300));
        assert_eq!(copy("anh-1-800"), (800, 600));
        // Never enlarged: the largest copy is the original's size.
        assert_eq!(copy("anh-1-1000"), (1000, 750));
        assert_eq!(copy("anh-2-300"), (300, 225));
    }
    for missing in ["anh-1-1600.jpg", "anh-1-1600.webp", "anh-2-400.webp"] {
        assert!(
            !site.output.join(product).join(missing).exists(),
            "{missing}"
        );
    }
    // `Ảnh bìa.jpg` is published under a slug of its name.
    assert_eq!(
        size("san-pham/tra-xanh-phja-den/anh-bia-800.webp", WebP),
        (800, 600)
    );
    // The share image has the 1.91:1 shape of link previews, as large as the cover allows.
    assert_eq!(size(&format!("{product}chia-se.jpg"), Jpeg), (1000, 525));

    // A card offers WebP first, then JPEG, each at every width, and falls back to the
    // JPEG copy at most 800 px wide, loaded lazily.
    let listing = tags(&site.page("sao/4/"));
    let card = |name: &str| {
        let url = format!("/ocop/{product}{name}");
        listing
            .iter()
            .find(|t| {
                t.attr("src")
                    .or(t.attr("srcset"))
                    .is_some_and(|v| v.starts_with(&url))
            })
            .unwrap_or_else(|| panic!("no card image starting with {url}"))
    };
    let webp = card("anh-1-400.webp");
    assert_eq!(webp.name, "source");
    assert_eq!(webp.attr("type"), Some("image/webp"));
    assert_eq!(
        webp.attr("srcset"),
        Some(
            "/ocop/san-pham/hat-de-trung-khanh/anh-1-400.webp 400w, \
             /ocop/san-pham/hat-de-trung-khanh/anh-1-800.webp 800w, \
             /ocop/san-pham/hat-de-trung-khanh/anh-1-1000.webp 1000w"
        )
    );
    assert!(webp.attr("sizes").is_some());
    assert_eq!(card("anh-1-400.jpg").attr("type"), Some("image/jpeg"));
    let img = card("anh-1-800.jpg");
    assert_eq!(img.name, "img");
    assert_eq!(
        (img.attr("width"), img.attr("height")),
        (Some("800"), Some("600"))
    );
    assert_eq!(img.attr("loading"), Some("lazy"));
    assert_eq!(img.attr("fetchpriority"), None);

    // On the product page the cover loads first; the other photo waits.
    let page = tags(&site.page(product));
    let imgs: Vec<_> = page.iter().filter(|t| t.name == "img").collect();
    assert_eq!(
        imgs[0].attr("src"),
        Some("/ocop/san-pham/hat-de-trung-khanh/anh-1-800.jpg")
    );
    // Eager is the default, so the minifier may drop `loading="eager"`.
    assert_ne!(imgs[0].attr("loading"), Some("lazy"));
    assert_eq!(imgs[0].attr("fetchpriority"), Some("high"));
    assert_eq!(imgs[1].attr("loading"), Some("lazy"));
    assert!(links(&site.page(product)).contains(&format!("{BASE_PATH}{product}anh-1-1000.jpg")));
    // Link previews in Zalo and Facebook use the share image, by absolute URL.
    let meta = |property: &str| {
        page.iter()
            .find(|t| t.name == "meta" && t.attr("property") == Some(property))
            .and_then(|t| t.attr("content"))
            .map(str::to_owned)
    };
    assert_eq!(
        meta("og:image").as_deref(),
        Some("https://example.org/ocop/san-pham/hat-de-trung-khanh/chia-se.jpg")
    );
    assert_eq!(
        (meta("og:image:width"), meta("og:image:height")),
        (Some("1000".into()), Some("525".into()))
    );

    let output = common::snapshot(&site.output);
    let originals: BTreeSet<&str> = ["anh-1.jpg", "anh-2.jpg", "Ảnh bìa.jpg"].into();
    for (path, bytes) in &output {
        let name = path.rsplit('/').next().unwrap();
        assert!(!originals.contains(name), "original published as {path}");
        assert!(
            !bytes
                .windows(ORIGINAL_MARKER.len())
                .any(|w| w == ORIGINAL_MARKER),
            "{path} carries the original photo's bytes"
        );
    }
}

#[test]
fn product_page_shows_markdown_price_and_shops() {
    let site = built();
    let lap_suon = site.page("san-pham/lap-suon-hoa-an/");
    assert!(
        lap_suon.contains("<strong>phơi nắng</strong>"),
        "{lap_suon}"
    );
    assert!(main_text(&lap_suon).contains("Sắp hết hạn"));

    let hat_de = site.page("san-pham/hat-de-trung-khanh/");
    assert!(main_text(&hat_de).contains("180.000 – 250.000 ₫ / kg"));
    let shop_links = links(&hat_de);
    for shop in [
        "https://shopee.vn/product/1234/5678",
        "https://tiki.vn/hat-de-trung-khanh-p99.html",
    ] {
        assert!(shop_links.iter().any(|l| l == shop), "{shop} not linked");
    }

    let about = site.page("gioi-thieu/");
    assert!(about.contains("<strong>OCOP</strong>"), "{about}");
    assert!(main_text(&about).contains("Giới thiệu chương trình OCOP"));
}

#[test]
fn timings_name_every_phase_with_its_time() {
    let site = Site::from_fixture("small");
    let run = site.build_with(common::TODAY, &["--timings".as_ref()]);
    run.assert_ok();
    let lines = run.stderr_lines();
    let start = lines.iter().position(|l| *l == "time per phase:").unwrap();
    let phases: Vec<&str> = lines[start + 1..]
        .iter()
        .map(|line| {
            let (name, time) = line.trim().rsplit_once("  ").unwrap();
            let seconds: f64 = time.trim().trim_end_matches(" s").parse().unwrap();
            assert!(seconds >= 0.0);
            name.trim()
        })
        .collect();
    for phase in [
        "load content",
        "validate and index",
        "render, minify and write pages",
        "photos",
        "search index",
        "check links",
        "publish",
    ] {
        assert!(phases.contains(&phase), "no `{phase}` in {phases:?}");
    }
}
