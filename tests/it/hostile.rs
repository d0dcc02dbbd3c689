//! Hostile content: input that is malformed on purpose or by accident (copied from
//! Word, pasted from a messaging app, crafted to attack the site or its readers) must
//! never crash `ocop`, never replace a published site, and never publish a script.
//! Each case in `tests/hostile/<case>/` is one such input on the `small` fixture; see
//! the README there for the format.

use std::fs;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::common;
use crate::common::cases::{
    assert_refused, assert_reported_in_both_languages, expected_report, folders,
};
use crate::common::html;
use crate::common::safety::unsafe_output;
use crate::common::{
    check_links, parse_assertions, snapshot, tests_dir, Assertion, Site, BASE_PATH, BASE_URL,
};

fn case_dir(case: &str) -> PathBuf {
    tests_dir().join("hostile").join(case)
}

/// Apply the case to `site`: its overlay, then the steps of its `setup.txt`.
fn apply(site: &Site, dir: &Path) {
    site.apply_overlay(dir);
    let setup = dir.join("setup.txt");
    if !setup.is_file() {
        return;
    }
    for line in common::read_text(&setup).lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (step, argument) = line.split_once(' ').unwrap_or((line, ""));
        setup_step(site, step, argument.trim());
    }
}

/// One line of a `setup.txt`: inputs that cannot be written in `edits.txt`, because
/// they are huge, not UTF-8, or not plain files.
fn setup_step(site: &Site, step: &str, argument: &str) {
    let file = site.root.join(argument);
    // In the site's root, beside content/: outside what may be published, yet inside
    // the temporary folder, whose other entries the refused cases check.
    let outside = site.root.join("elsewhere");
    match step {
        // Photos for every `photos[].file` the (edited) products name.
        "write-photos" => common::write_photos(&site.root),
        "crlf" => {
            let text = common::read_text(&file);
            fs::write(&file, text.replace('\n', "\r\n")).unwrap();
        }
        // The first `ạ` becomes the one byte Windows-1258 uses for `à`, as Notepad's
        // "ANSI" saves it.
        "latin-byte" => {
            let bytes = fs::read(&file).unwrap();
            let at = bytes
                .windows(3)
                .position(|w| w == "ạ".as_bytes())
                .expect("an `ạ` to replace");
            let mut broken = bytes[..at].to_vec();
            broken.push(0xE0);
            broken.extend_from_slice(&bytes[at + 3..]);
            fs::write(&file, broken).unwrap();
        }
        // Notepad's "Unicode": UTF-16, little-endian, with a byte-order mark.
        "utf16" => {
            let text = common::read_text(&file);
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            fs::write(&file, bytes).unwrap();
        }
        // The summary becomes one 50 MB line.
        "huge-scalar" => {
            let text = common::read_text(&file);
            let huge = "a".repeat(50 * 1024 * 1024);
            let text = text.replacen("summary: ", &format!("summary: {huge} "), 1);
            fs::write(&file, text).unwrap();
        }
        // Tags nested 10,000 levels deep, as flow sequences.
        "deep-nesting" => {
            let text = common::read_text(&file);
            let deep = format!("tags: {}{}", "[".repeat(10_000), "]".repeat(10_000));
            fs::write(&file, text.replacen("tags:\n  - hạt dẻ", &deep, 1)).unwrap();
        }
        // `rename FROM -> TO`: names with spaces need the arrow.
        "rename" => {
            let (from, to) = argument.split_once(" -> ").expect("rename FROM -> TO");
            fs::rename(site.root.join(from), site.root.join(to)).unwrap();
        }
        // The file takes its decomposed (NFD) name, as a Mac names a copied photo.
        "nfd-name" => {
            let name: String = file.file_name().unwrap().to_string_lossy().nfd().collect();
            fs::rename(&file, file.with_file_name(name)).unwrap();
        }
        // The file becomes a link to a copy of itself outside the site.
        "link-outside" => {
            fs::create_dir_all(&outside).unwrap();
            let target = outside.join(file.file_name().unwrap());
            fs::rename(&file, &target).unwrap();
            std::os::unix::fs::symlink(&target, &file).unwrap();
        }
        // A product folder that is a link to a product kept outside the site.
        "product-link-outside" => {
            let products = site.root.join("content/products");
            let target = outside.join("ngoai");
            fs::create_dir_all(&outside).unwrap();
            common::copy_tree(&products.join("hat-de-trung-khanh"), &target);
            std::os::unix::fs::symlink(&target, products.join(argument)).unwrap();
        }
        other => panic!("setup.txt: unknown step `{other}`"),
    }
}

fn run_case(case: &str) {
    let dir = case_dir(case);
    let refused = dir.join("expected.txt");
    let published = dir.join("expected-output.txt");
    assert!(
        refused.is_file() != published.is_file(),
        "{case}: needs expected.txt or expected-output.txt, not both"
    );
    let site = Site::from_fixture("small");
    if refused.is_file() {
        assert_refused(&site, &expected_report(&refused), |site| apply(site, &dir));
        assert_reported_in_both_languages(&site, &dir);
        return;
    }

    apply(&site, &dir);
    let build = site.build();
    build.assert_ok();
    let problems = unsafe_output(&site.output);
    assert!(problems.is_empty(), "{case}: {problems:#?}");
    let links = check_links(&site.output, BASE_URL, BASE_PATH);
    assert!(links.broken.is_empty(), "{case}: {:#?}", links.broken);
    let assertions = parse_assertions(&common::read_text(&published));
    assert!(
        !assertions.is_empty(),
        "{case}: expected-output.txt checks nothing"
    );
    for Assertion { file, kind, text } in assertions {
        let found = match file.as_str() {
            "stderr" => build.stderr.clone(),
            _ => String::from_utf8_lossy(&site.read_bytes(&built_name(&site, &file))).into_owned(),
        };
        let holds = match kind.as_str() {
            "has" => found.contains(&text),
            "lacks" => !found.contains(&text),
            "shows" => html::text(&found).contains(&text),
            "attribute" => html::tags(&found)
                .iter()
                .any(|tag| tag.attrs.iter().any(|(_, value)| value.contains(&text))),
            _ => unreachable!("parse_assertions knows no `{kind}`"),
        };
        assert!(holds, "{case}: {file} fails `{kind}: {text}`:\n{found}");
    }
}

/// The one built file `pattern` names, where a `*` stands for any one folder name
/// (the search index's folder is named by a hash of its contents).
fn built_name(site: &Site, pattern: &str) -> String {
    if !pattern.contains('*') {
        return pattern.to_owned();
    }
    let matches = |name: &String| {
        let (parts, wanted): (Vec<&str>, Vec<&str>) =
            (name.split('/').collect(), pattern.split('/').collect());
        parts.len() == wanted.len() && parts.iter().zip(&wanted).all(|(p, w)| *w == "*" || p == w)
    };
    let found: Vec<String> = snapshot(&site.output).into_keys().filter(matches).collect();
    assert_eq!(found.len(), 1, "`{pattern}` names {found:?}");
    found[0].clone()
}

common::cases::cases! {
    // YAML and text encoding
    invalid_utf8 => "invalid-utf8",
    markdown_crlf => "markdown-crlf",
    markdown_deep_html => "markdown-deep-html",
    markdown_deep_quotes => "markdown-deep-quotes",
    nfd_text => "nfd-text",
    utf16 => "utf16",
    yaml_billion_laughs => "yaml-billion-laughs",
    yaml_bom => "yaml-bom",
    yaml_control_char => "yaml-control-char",
    yaml_crlf => "yaml-crlf",
    yaml_crlf_error => "yaml-crlf-error",
    yaml_deep_nesting => "yaml-deep-nesting",
    yaml_duplicate_key => "yaml-duplicate-key",
    yaml_huge_scalar => "yaml-huge-scalar",
    yaml_tab => "yaml-tab",
    // Paths
    page_file_name_vietnamese => "page-file-name-vietnamese",
    page_link_outside => "page-link-outside",
    photo_absolute => "photo-absolute",
    photo_dotdot => "photo-dotdot",
    photo_link_outside => "photo-link-outside",
    photo_name_nfd => "photo-name-nfd",
    photo_name_vietnamese => "photo-name-vietnamese",
    photo_pixel_bomb => "photo-pixel-bomb",
    product_folder_link_outside => "product-folder-link-outside",
    product_folder_name_vietnamese => "product-folder-name-vietnamese",
    // Injection into pages, attributes, JSON-LD, the feed
    inject_category_name => "inject-category-name",
    inject_english_text => "inject-english-text",
    inject_description_links => "inject-description-links",
    inject_detail => "inject-detail",
    inject_news_summary => "inject-news-summary",
    inject_news_title => "inject-news-title",
    inject_page_body => "inject-page-body",
    inject_page_title => "inject-page-title",
    inject_photo_alt => "inject-photo-alt",
    inject_photo_caption => "inject-photo-caption",
    inject_producer_description => "inject-producer-description",
    inject_producer_name => "inject-producer-name",
    inject_product_name => "inject-product-name",
    inject_product_name_attribute => "inject-product-name-attribute",
    inject_site_notice => "inject-site-notice",
    inject_site_title => "inject-site-title",
    inject_summary_json_ld => "inject-summary-json-ld",
    inject_tag => "inject-tag",
    news_control_char => "news-control-char",
    news_link_data => "news-link-data",
    news_link_javascript => "news-link-javascript",
    news_title_escaped_control => "news-title-escaped-control",
    // CSV formulas
    csv_at => "csv-at",
    csv_cr => "csv-cr",
    csv_hyperlink => "csv-hyperlink",
    csv_minus => "csv-minus",
    csv_plus => "csv-plus",
    csv_tab => "csv-tab",
    // URLs
    producer_website_javascript => "producer-website-javascript",
    shop_url_data => "shop-url-data",
    shop_url_homograph => "shop-url-homograph",
    shop_url_javascript => "shop-url-javascript",
    shop_url_look_alike_host => "shop-url-look-alike-host",
    shop_url_not_https => "shop-url-not-https",
    shop_url_user_name => "shop-url-user-name",
    // Dates and numbers
    date_february_30 => "date-february-30",
    date_year_99999 => "date-year-99999",
    price_negative => "price-negative",
    price_thousands_dot => "price-thousands-dot",
    stars_as_text => "stars-as-text",
    stars_decimal => "stars-decimal",
}

#[test]
fn every_case_folder_is_run() {
    let mut listed: Vec<&str> = CASES.to_vec();
    listed.sort();
    assert_eq!(folders(&tests_dir().join("hostile")), listed);
}

#[test]
fn the_corpus_holds_at_least_40_cases() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
}
