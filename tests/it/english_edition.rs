//! The demo's English edition: its paths under `/en/`, translated texts with the
//! untranslated ones marked `lang="vi"`, the links between the two editions, its own
//! search index, and `ocop check`'s report of how much is translated.
//!
//! What is expected is read from the demo's content files, not from the build.

use std::fs;
use std::path::Path;

use crate::common;
use crate::common::html::{tags, tokens, Tag, Token};
use crate::common::{build_demo, html_files, ocop, read_text, repo, DEMO_TODAY};

fn content_yaml(path: &Path) -> serde_yaml::Value {
    serde_yaml::from_str(&read_text(path)).unwrap()
}

/// Every demo product as (slug, Vietnamese name, English name if any).
fn products() -> Vec<(String, String, Option<String>)> {
    let dir = repo().join("content/products");
    let mut all: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("product.yaml").is_file())
        .map(|p| {
            let record = content_yaml(&p.join("product.yaml"));
            let slug = p.file_name().unwrap().to_string_lossy().into_owned();
            let name = record["name"].as_str().unwrap().to_owned();
            let en = record["en"]["name"].as_str().map(str::to_owned);
            (slug, name, en)
        })
        .collect();
    all.sort();
    all
}

fn list_ids(file: &str) -> Vec<String> {
    let list = content_yaml(&repo().join("content").join(file));
    (list.as_sequence().unwrap().iter())
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The text of the page's `<h1>`, and whether it (or an element inside it) is marked
/// as Vietnamese.
fn heading(html: &str) -> (String, bool) {
    let mut inside = 0;
    let mut text = String::new();
    let mut vietnamese = false;
    for token in tokens(html) {
        match token {
            Token::Start(tag) if tag.name == "h1" || inside > 0 => {
                inside += 1;
                vietnamese |= tag.attr("lang") == Some("vi");
            }
            Token::End(name) if inside > 0 => {
                inside -= 1;
                if name == "h1" {
                    break;
                }
            }
            Token::Text(t) if inside > 0 => text.push_str(&t),
            _ => {}
        }
    }
    (
        text.split_whitespace().collect::<Vec<_>>().join(" "),
        vietnamese,
    )
}

fn html_lang(html: &str) -> Option<String> {
    tags(html)
        .into_iter()
        .find(|t| t.name == "html")
        .and_then(|t| t.attr("lang").map(str::to_owned))
}

/// The site file a root-relative or absolute link of the demo points at.
fn target(output: &Path, href: &str) -> std::path::PathBuf {
    let path = href
        .strip_prefix("https://ocop.example.org")
        .unwrap_or(href)
        .trim_start_matches('/');
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if path.is_empty() || path.ends_with('/') {
        output.join(path).join("index.html")
    } else {
        output.join(path)
    }
}

fn alternates(html: &str) -> Vec<Tag> {
    tags(html)
        .into_iter()
        .filter(|t| {
            t.name == "link" && t.attr("rel") == Some("alternate") && t.attr("hreflang").is_some()
        })
        .collect()
}

#[test]
fn the_demo_has_an_english_edition() {
    let scratch = tempfile::tempdir().unwrap();
    let output = build_demo(scratch.path());

    let products = products();
    let translated = products.iter().filter(|p| p.2.is_some()).count();
    assert!(
        translated >= 10,
        "only {translated} demo products have an English name"
    );
    english_paths_exist(&output, &products);
    product_pages_show_english_or_marked_vietnamese(&output, &products);
    the_editions_link_to_each_other(&output);
    the_english_search_index_is_its_own(&output);
    the_sitemap_names_both_languages(&output);
    the_downloads_carry_the_english_names(&output, &products);
    the_data_page_explains_the_columns_in_english(&output);
    the_error_page_speaks_english_too(&output);
    check_reports_the_translated_share(translated, products.len());
}

fn english_paths_exist(output: &Path, products: &[(String, String, Option<String>)]) {
    let mut expected: Vec<String> = [
        "en/index.html",
        "en/products/index.html",
        "en/stars/3/index.html",
        "en/stars/4/index.html",
        "en/stars/5/index.html",
        "en/producers/index.html",
        "en/statistics/index.html",
        "en/search/index.html",
        "en/data/index.html",
        "en/news/index.html",
        "en/search/index.json",
    ]
    .map(String::from)
    .into();
    expected.extend(
        products
            .iter()
            .map(|p| format!("en/products/{}/index.html", p.0)),
    );
    expected.extend(
        list_ids("districts.yaml")
            .iter()
            .map(|d| format!("en/districts/{d}/index.html")),
    );
    expected.extend(
        list_ids("categories.yaml")
            .iter()
            .map(|c| format!("en/categories/{c}/index.html")),
    );
    let missing: Vec<&String> = expected
        .iter()
        .filter(|path| !output.join(path).is_file())
        .collect();
    assert!(missing.is_empty(), "not built: {missing:#?}");
    for (name, html) in html_files(&output.join("en")) {
        assert_eq!(html_lang(&html).as_deref(), Some("en"), "en/{name}");
    }
    assert_eq!(
        html_lang(&read_text(&output.join("index.html"))).as_deref(),
        Some("vi")
    );
}

fn product_pages_show_english_or_marked_vietnamese(
    output: &Path,
    products: &[(String, String, Option<String>)],
) {
    for (slug, name, en) in products {
        let page = read_text(&output.join(format!("en/products/{slug}/index.html")));
        let (h1, marked_vietnamese) = heading(&page);
        match en {
            Some(en) => {
                assert_eq!(&h1, en, "{slug}: the English name is the heading");
                assert!(
                    !marked_vietnamese,
                    "{slug}: a translated name is marked lang=vi"
                );
            }
            None => {
                assert_eq!(&h1, name, "{slug}: the Vietnamese name stands in");
                assert!(
                    marked_vietnamese,
                    "{slug}: the Vietnamese name is not marked lang=vi"
                );
            }
        }
        let vi_page = read_text(&output.join(format!("san-pham/{slug}/index.html")));
        assert_eq!(
            heading(&vi_page),
            (name.clone(), false),
            "{slug} in Vietnamese"
        );
    }
}

/// Every page of both editions names both in `hreflang` alternates that exist, plus
/// `x-default`; and each offers a visible link to the other language.
fn the_editions_link_to_each_other(output: &Path) {
    let pages: Vec<_> = html_files(output)
        .into_iter()
        // The error page and the old addresses exist in the main edition only.
        .filter(|(name, html)| name != "404.html" && !html.contains("http-equiv=refresh"))
        .collect();
    assert!(pages.len() > 100, "only {} pages", pages.len());
    for (name, html) in pages {
        let links = alternates(&html);
        let langs: Vec<&str> = links.iter().filter_map(|t| t.attr("hreflang")).collect();
        for code in ["vi", "en", "x-default"] {
            assert!(
                langs.contains(&code),
                "{name}: no hreflang={code} in {langs:?}"
            );
        }
        for link in &links {
            let href = link.attr("href").unwrap();
            assert!(
                target(output, href).is_file(),
                "{name}: alternate {href} is not built"
            );
        }
        let other = if name.starts_with("en/") { "vi" } else { "en" };
        let switch = tags(&html)
            .into_iter()
            .find(|t| t.name == "a" && t.attr("hreflang") == Some(other))
            .unwrap_or_else(|| panic!("{name}: no link to the {other} edition"));
        let href = switch.attr("href").unwrap();
        assert!(
            target(output, href).is_file(),
            "{name}: switch to {href} is not built"
        );
    }
}

fn the_english_search_index_is_its_own(output: &Path) {
    let en: serde_json::Value =
        serde_json::from_str(&read_text(&output.join("en/search/index.json"))).unwrap();
    let vi: serde_json::Value =
        serde_json::from_str(&read_text(&output.join("search/index.json"))).unwrap();
    let version = en["version"].as_str().unwrap();
    assert_ne!(Some(version), vi["version"].as_str());
    let records = read_text(&output.join(format!("en/search/{version}/d0.json")));
    let records: Vec<serde_json::Value> = serde_json::from_str(&records).unwrap();
    assert!(!records.is_empty());
    for record in &records {
        let url = record[0].as_str().unwrap();
        assert!(url.starts_with("/en/products/"), "{url}");
    }
    // English words are in the English vocabulary only; the Vietnamese names stay
    // findable in English.
    let words = |index: &serde_json::Value| -> Vec<String> {
        index["words"]
            .as_str()
            .unwrap()
            .split(' ')
            .map(str::to_owned)
            .collect()
    };
    let (en_words, vi_words) = (words(&en), words(&vi));
    assert!(en_words.iter().any(|w| w == "chestnuts"));
    assert!(!vi_words.iter().any(|w| w == "chestnuts"));
    assert!(
        en_words.iter().any(|w| w == "suon"),
        "lạp sườn is findable in English"
    );
}

fn the_sitemap_names_both_languages(output: &Path) {
    let sitemap = read_text(&output.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://ocop.example.org/en/products/"));
    assert!(sitemap.contains(r#"hreflang="en""#) && sitemap.contains(r#"hreflang="vi""#));
}

/// Traders abroad download the data: each record carries its English name and page.
fn the_downloads_carry_the_english_names(
    output: &Path,
    products: &[(String, String, Option<String>)],
) {
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&read_text(&output.join("data/products.json"))).unwrap();
    assert_eq!(json.len(), products.len());
    for ((slug, _, en), record) in products.iter().zip(&json) {
        assert_eq!(record["slug"].as_str(), Some(slug.as_str()));
        assert_eq!(record["en"]["name"].as_str(), en.as_deref(), "{slug}");
        let url = record["en"]["url"].as_str().unwrap();
        assert!(target(output, url).is_file(), "{slug}: {url} is not built");
    }
    let csv = read_text(&output.join("data/products.csv"));
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",url,name_en,summary_en,url_en"),
        "{header}"
    );
    let producers = read_text(&output.join("data/producers.csv"));
    assert!(producers
        .lines()
        .next()
        .unwrap()
        .ends_with(",url,name_en,url_en"));
}

/// The open-data page explains every column of the downloads with the theme's English
/// `column_<file>_<header>` strings, none of them marked as Vietnamese.
fn the_data_page_explains_the_columns_in_english(output: &Path) {
    let strings = content_yaml(&repo().join("themes/default/strings/en.yaml"));
    let page = read_text(&output.join("en/data/index.html"));
    let text = common::html::text(&page);
    for file in ["products", "producers"] {
        let csv = read_text(&output.join(format!("data/{file}.csv")));
        let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
        for column in header.split(',') {
            let key = format!("column_{file}_{column}");
            let about = strings[key.as_str()].as_str();
            let about = about.unwrap_or_else(|| panic!("en.yaml has no `{key}`"));
            assert!(text.contains(about), "{file}.csv `{column}`: {about}");
        }
    }
    assert!(
        tags(&page)
            .iter()
            .all(|t| t.name != "td" || t.attr("lang").is_none()),
        "a column description is marked as another language"
    );
}

/// One 404 page serves both editions, so it says it in English as well, marked so.
fn the_error_page_speaks_english_too(output: &Path) {
    let strings = content_yaml(&repo().join("themes/default/strings/en.yaml"));
    let title = strings["title_not_found"].as_str().unwrap();
    let page = read_text(&output.join("404.html"));
    let english = page.find(r#"lang="en""#).or_else(|| page.find("lang=en"));
    let english = english.expect("404.html has no English part");
    assert!(common::html::text(&page[english..]).contains(title));
    assert!(tags(&page[english..])
        .iter()
        .any(|t| t.name == "a" && t.attr("href") == Some("/en/")));
}

fn check_reports_the_translated_share(translated: usize, total: usize) {
    let run = ocop([
        "check".as_ref(),
        "--root".as_ref(),
        repo().as_os_str(),
        "--today".as_ref(),
        DEMO_TODAY.as_ref(),
    ]);
    run.assert_ok();
    let expected = format!("en: translated {translated} of {total} products");
    assert!(
        run.stderr.lines().any(|l| l.starts_with(&expected)),
        "expected `{expected}` in:\n{}",
        run.stderr
    );
}
