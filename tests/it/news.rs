//! News: `content/news/`, built into `/tin-tuc/`, the Atom feed, product pages and the
//! sitemap, on the `small` fixture (built on 2026-06-01) with news written by each test.

use crate::common::html::{links, main_text, product_slugs, tags};
use crate::common::{jpeg, Site, BASE_PATH, BASE_URL, ORIGINAL_MARKER, TODAY};

/// Write `content/news/<slug>.md` with `front` (YAML lines) and `body`.
fn news(site: &Site, slug: &str, front: &str, body: &str) {
    let dir = site.root.join("content/news");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(format!("{slug}.md")),
        format!("---\n{front}---\n{body}"),
    )
    .unwrap();
}

/// Slugs of the news pages a page links to (`/ocop/tin-tuc/<slug>/`), in order of
/// first appearance, inside `<main>`.
fn news_slugs(html: &str) -> Vec<String> {
    let main = &html[html.find("<main").unwrap()..html.rfind("</main>").unwrap()];
    let prefix = format!("{BASE_PATH}tin-tuc/");
    let mut slugs: Vec<String> = Vec::new();
    for link in links(main) {
        let Some(slug) = link.strip_prefix(&prefix).and_then(|r| r.strip_suffix('/')) else {
            continue;
        };
        if !slug.is_empty() && !slug.contains('/') && !slugs.iter().any(|s| s == slug) {
            slugs.push(slug.to_owned());
        }
    }
    slugs
}

fn build_with_drafts(site: &Site) {
    site.ocop(&[
        "build",
        "--output",
        site.output.to_str().unwrap(),
        "--today",
        TODAY,
        "--drafts",
    ])
    .assert_ok();
}

/// A published item, a draft, and one dated after the build, all about lạp sườn.
fn three_items(site: &Site) {
    let about = "products: [lap-suon-hoa-an]\n";
    news(
        site,
        "da-dang",
        &format!("title: Đã đăng\ndate: 2026-05-01\n{about}"),
        "Tin.\n",
    );
    news(
        site,
        "ban-nhap",
        &format!("title: Bản nháp\ndate: 2026-04-01\ndraft: true\n{about}"),
        "Nháp.\n",
    );
    news(
        site,
        "sap-dang",
        &format!("title: Sắp đăng\ndate: 2026-06-02\n{about}"),
        "Sau.\n",
    );
}

#[test]
fn drafts_and_future_items_stay_out_of_the_site() {
    let site = Site::from_fixture("small");
    three_items(&site);
    site.build_ok();
    assert_eq!(news_slugs(&site.page("tin-tuc/")), ["da-dang"]);
    assert!(site.output.join("tin-tuc/da-dang/index.html").is_file());
    for hidden in ["ban-nhap", "sap-dang"] {
        assert!(
            !site.output.join(format!("tin-tuc/{hidden}")).exists(),
            "{hidden} published"
        );
        assert!(
            !site.read("sitemap.xml").contains(hidden),
            "{hidden} in the sitemap"
        );
        assert!(
            !site.read("tin-tuc/atom.xml").contains(hidden),
            "{hidden} in the feed"
        );
        assert!(!site.page("san-pham/lap-suon-hoa-an/").contains(hidden));
    }
    assert!(site.read("sitemap.xml").contains(&format!(
        "<loc>{BASE_URL}tin-tuc/da-dang/</loc><lastmod>2026-05-01</lastmod>"
    )));
}

#[test]
fn drafts_flag_publishes_every_item() {
    let site = Site::from_fixture("small");
    three_items(&site);
    build_with_drafts(&site);
    assert_eq!(
        news_slugs(&site.page("tin-tuc/")),
        ["sap-dang", "da-dang", "ban-nhap"]
    );
    let draft = main_text(&site.page("tin-tuc/ban-nhap/"));
    assert!(draft.contains("Bản nháp, chưa đăng"), "{draft}");
    assert_eq!(
        news_slugs(&site.page("san-pham/lap-suon-hoa-an/")),
        ["sap-dang", "da-dang", "ban-nhap"]
    );
}

#[test]
fn the_feed_is_valid_atom_newest_first() {
    let site = Site::from_fixture("small");
    news(&site, "cu", "title: Tin cũ\ndate: 2025-12-01\n", "Cũ.\n");
    news(
        &site,
        "moi",
        "title: \"Hạt dẻ & mật ong <mới>\"\ndate: 2026-03-02\nsummary: Tóm tắt \"đặc biệt\"\nauthor: Phòng Truyền thông\ntags: [OCOP]\n",
        "Có **chữ đậm** & <script>alert(1)</script>.\n",
    );
    site.build_ok();
    let xml = site.read_bytes("tin-tuc/atom.xml");
    let feed = atom_syndication::Feed::read_from(&xml[..]).expect("the feed parses as Atom");
    assert_eq!(feed.id(), format!("{BASE_URL}tin-tuc/atom.xml"));
    assert_eq!(feed.updated().to_rfc3339(), "2026-03-02T00:00:00+00:00");
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(titles, ["Hạt dẻ & mật ong <mới>", "Tin cũ"]);
    let links: Vec<&str> = feed.entries().iter().map(|e| e.links()[0].href()).collect();
    assert_eq!(
        links,
        [
            format!("{BASE_URL}tin-tuc/moi/"),
            format!("{BASE_URL}tin-tuc/cu/")
        ]
    );
    let first = &feed.entries()[0];
    assert_eq!(first.summary().unwrap().as_str(), "Tóm tắt \"đặc biệt\"");
    assert_eq!(first.authors()[0].name(), "Phòng Truyền thông");
    assert_eq!(first.categories()[0].term(), "OCOP");
    let content = first.content().unwrap().value().unwrap();
    assert!(
        content.contains("<strong>chữ đậm</strong> &amp;"),
        "{content}"
    );
    assert!(!content.contains("<script"), "{content}");
    // Every page announces the feed.
    let feed_links: Vec<String> = tags(&site.page(""))
        .into_iter()
        .filter(|t| t.name == "link" && t.attr("type") == Some("application/atom+xml"))
        .map(|t| format!("{} {}", t.attr("rel").unwrap(), t.attr("href").unwrap()))
        .collect();
    assert_eq!(
        feed_links,
        [format!("alternate {BASE_PATH}tin-tuc/atom.xml")]
    );
}

#[test]
fn an_empty_news_folder_still_gives_a_listing_and_a_valid_feed() {
    let site = Site::from_fixture("small");
    site.build_ok();
    let feed = atom_syndication::Feed::read_from(&site.read_bytes("tin-tuc/atom.xml")[..]).unwrap();
    assert!(feed.entries().is_empty());
    assert!(main_text(&site.page("tin-tuc/")).contains("Chưa có tin nào"));
}

#[test]
fn embedded_cards_and_related_products_show_and_product_pages_list_the_news() {
    let site = Site::from_fixture("small");
    news(
        &site,
        "hoi-cho",
        "title: Hội chợ\ndate: 2026-05-10\nproducts: [hat-de-trung-khanh]\n",
        "Mở đầu.\n\n{{ product(slug=\"mat-ong-rung\") }}\n\nKết <b onclick=\"x()\">thúc</b>.\n",
    );
    site.build_ok();
    let page = site.page("tin-tuc/hoi-cho/");
    let main = &page[page.find("<main").unwrap()..];
    // The embedded card comes first, in the text; the related product after it.
    assert_eq!(
        product_slugs(main, BASE_PATH),
        ["mat-ong-rung", "hat-de-trung-khanh"]
    );
    assert!(!page.contains("{{"), "the card line was published as text");
    assert!(!page.contains("onclick"), "{page}");
    let text = main_text(&page);
    for shown in ["Mở đầu", "Mật ong rừng", "thúc"] {
        assert!(text.contains(shown), "{shown} missing: {text}");
    }
    // Mentioned either way, the item is listed on both product pages, and no other.
    for slug in ["mat-ong-rung", "hat-de-trung-khanh"] {
        assert_eq!(
            news_slugs(&site.page(&format!("san-pham/{slug}/"))),
            ["hoi-cho"],
            "{slug}"
        );
    }
    assert_eq!(
        news_slugs(&site.page("san-pham/nuoc-thach-den/")),
        Vec::<String>::new()
    );
}

#[test]
fn unknown_products_are_reported_where_they_are_written() {
    let site = Site::from_fixture("small");
    news(
        &site,
        "sai",
        "title: Sai\ndate: 2026-05-10\nproducts: [hat-de-trung-khanh, mat-ong-rng]\n",
        "Mở đầu.\n\n  {{ product(slug=\"lap-suon-hoa-ann\") }}\n{{ product(lap-suon) }}\n",
    );
    let run = site.check();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        run.stderr_lines()[..3],
        [
            "content/news/sai.md:4:32: error: unknown product `mat-ong-rng` in `products` (did you mean `mat-ong-rung`?)",
            "content/news/sai.md:8:20: error: unknown product `lap-suon-hoa-ann` in a product card (did you mean `lap-suon-hoa-an`?)",
            "content/news/sai.md:9:1: error: write a product card on its own line as {{ product(slug=\"lap-suon-hoa-an\") }}",
        ]
    );
}

#[test]
fn a_markdown_page_embeds_cards_too() {
    let site = Site::from_fixture("small");
    let page = site.root.join("content/pages/gioi-thieu.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        format!("{text}\n{{{{ product(slug=\"tra-xanh-phja-den\") }}}}\n"),
    )
    .unwrap();
    site.build_ok();
    let html = site.page("gioi-thieu/");
    let main = &html[html.find("<main").unwrap()..];
    assert_eq!(product_slugs(main, BASE_PATH), ["tra-xanh-phja-den"]);
}

#[test]
fn the_listing_is_paginated_newest_first() {
    let site = Site::from_fixture("small");
    for day in 1..=12 {
        news(
            &site,
            &format!("tin-{day:02}"),
            &format!("title: Tin {day}\ndate: 2026-03-{day:02}\n"),
            "x\n",
        );
    }
    site.build_ok();
    let expected = |days: std::ops::RangeInclusive<u32>| -> Vec<String> {
        days.rev().map(|d| format!("tin-{d:02}")).collect()
    };
    let first = site.page("tin-tuc/");
    let listed: Vec<String> = news_slugs(&first)
        .into_iter()
        .filter(|s| s != "trang")
        .collect();
    assert_eq!(listed, expected(3..=12));
    assert_eq!(news_slugs(&site.page("tin-tuc/trang/2/")), expected(1..=2));
    let next: Vec<String> = tags(&first)
        .into_iter()
        .filter(|t| t.attr("rel") == Some("next"))
        .map(|t| t.attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(next, [format!("{BASE_PATH}tin-tuc/trang/2/")]);
    assert!(site
        .read("sitemap.xml")
        .contains(&format!("<loc>{BASE_URL}tin-tuc/trang/2/</loc>")));
}

#[test]
fn a_cover_is_published_resized_without_its_metadata() {
    let site = Site::from_fixture("small");
    let dir = site.root.join("content/news/co-anh");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("anh-bia.jpg"), jpeg(1000, 750)).unwrap();
    std::fs::write(
        dir.join("index.md"),
        "---\ntitle: Có ảnh\ndate: 2026-05-01\ncover: anh-bia.jpg\n---\nTin.\n",
    )
    .unwrap();
    site.build_ok();
    for name in ["anh-bia-400.webp", "anh-bia-800.jpg", "anh-bia-1000.jpg"] {
        let bytes = site.read_bytes(&format!("tin-tuc/co-anh/{name}"));
        assert!(
            !bytes
                .windows(ORIGINAL_MARKER.len())
                .any(|w| w == ORIGINAL_MARKER),
            "{name} carries the original's metadata"
        );
    }
    assert!(!site.output.join("tin-tuc/co-anh/anh-bia.jpg").exists());
    assert!(site
        .page("tin-tuc/")
        .contains(&format!("{BASE_PATH}tin-tuc/co-anh/anh-bia-800.jpg")));
    // Link previews of the item show its own cover.
    let page = tags(&site.page("tin-tuc/co-anh/"));
    let image = page
        .iter()
        .find(|t| t.name == "meta" && t.attr("property") == Some("og:image"))
        .and_then(|t| t.attr("content"));
    assert_eq!(
        image,
        Some(format!("{BASE_URL}tin-tuc/co-anh/anh-bia-1000.jpg").as_str())
    );
}
