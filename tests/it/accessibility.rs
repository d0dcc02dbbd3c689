//! Accessibility in a real browser (issue 9): the demo, built and served as static files
//! on 127.0.0.1, opened in headless Chromium (Debian's /usr/bin/chromium, or `$CHROMIUM`)
//! through playwright-core, with axe-core run on seven page kinds in each language; the
//! same pages with JavaScript off; and a product page as printed.
//!
//! The Node side is `tests/browser/check.mjs`, its packages pinned in
//! `tests/browser/package-lock.json` and installed by `npm ci --prefix tests/browser`
//! (`.ci/run` does it). Without node, Chromium or those packages the tests say SKIPPED on
//! stderr and pass, or fail under CI (`CI=true`).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::common::build_demo;
use crate::common::static_site::{browser_tools_available, run_browser_script, StaticServer};
use serde_json::Value;

/// One page of each kind: the seven the issue names (home, a listing, a product, a
/// producer, search with results, statistics, a news item), then every other template:
/// a district, a category, the producer directory, the news listing, a Markdown page,
/// the open-data page, the print sheet and the error page.
const VIETNAMESE: &[&str] = &[
    "/",
    "/sao/3/",
    "/san-pham/hat-de-trung-khanh/",
    "/chu-the/htx-nong-san-dong-tam/",
    "/tim-kiem/?q=hat+de",
    "/thong-ke/",
    "/tin-tuc/ket-qua-danh-gia-ocop-2023/",
    "/huyen/trung-khanh/",
    "/nhom/thuc-pham/",
    "/chu-the/",
    "/tin-tuc/",
    "/gioi-thieu-ocop/",
    "/du-lieu/",
    "/san-pham/hat-de-trung-khanh/in/",
    "/404.html",
];

/// The same pages in the English edition (README, "The English edition"), and an
/// untranslated product, whose texts are marked Vietnamese. The error page is shared.
const ENGLISH: &[&str] = &[
    "/en/",
    "/en/stars/3/",
    "/en/products/hat-de-trung-khanh/",
    "/en/producers/htx-nong-san-dong-tam/",
    "/en/search/?q=chestnut",
    "/en/statistics/",
    "/en/news/ket-qua-danh-gia-ocop-2023/",
    "/en/districts/trung-khanh/",
    "/en/categories/thuc-pham/",
    "/en/producers/",
    "/en/news/",
    "/en/gioi-thieu-ocop/",
    "/en/data/",
    "/en/products/hat-de-trung-khanh/print/",
    "/en/products/banh-khao-hat-de/",
];

/// The product page the JavaScript-off and print checks open.
const PRODUCT: &str = "/san-pham/hat-de-trung-khanh/";

/// The demo, built once for every test of this file (into Cargo's scratch folder for
/// integration tests, its photo cache kept there between runs), and served.
struct Demo {
    server: StaticServer,
}

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("accessibility");
        std::fs::create_dir_all(&scratch).unwrap();
        let output = build_demo(&scratch);
        Demo {
            server: StaticServer::start(&output),
        }
    })
}

/// axe's serious and critical violations on `paths`, as a report (empty when none),
/// with a line for each page that is not there.
fn axe_report(paths: &[&str]) -> String {
    let base = demo().server.base();
    let mut args = vec![base.as_str()];
    args.extend(paths);
    let result = run_browser_script("check.mjs", &[&["axe"], &args[..]].concat());
    let mut report = String::new();
    let version = result["axe"].as_str().unwrap_or("?");
    for page in result["pages"].as_array().expect("pages") {
        let path = page["path"].as_str().unwrap();
        if page["notFound"] == true {
            let hint = if path.starts_with("/en/") {
                ": the English edition (/en/) is not built"
            } else {
                ""
            };
            writeln!(report, "{path}: page not found (HTTP 404){hint}").unwrap();
            continue;
        }
        if let Some(state) = page.get("searchState") {
            let results = page["searchResults"].as_u64().unwrap_or(0);
            if state != "done" || results == 0 {
                writeln!(
                    report,
                    "{path}: the search did not show results before axe ran (state {state}, {results} results)"
                )
                .unwrap();
            }
        }
        let mut serious = 0;
        for violation in page["violations"].as_array().unwrap() {
            let impact = violation["impact"].as_str().unwrap_or("");
            if !matches!(impact, "serious" | "critical") {
                continue;
            }
            serious += 1;
            writeln!(
                report,
                "{path}: {} ({impact}): {}\n    {}",
                violation["id"].as_str().unwrap(),
                violation["help"].as_str().unwrap_or(""),
                violation["helpUrl"].as_str().unwrap_or(""),
            )
            .unwrap();
            for node in violation["nodes"].as_array().unwrap() {
                writeln!(report, "    - {}", node["target"].as_str().unwrap_or("")).unwrap();
            }
        }
        let minor = page["violations"].as_array().unwrap().len() - serious;
        eprintln!(
            "axe-core {version} {path}: {serious} serious or critical, {minor} moderate or minor"
        );
    }
    report
}

fn assert_accessible(language: &str, paths: &[&str]) {
    if !browser_tools_available(&format!("the {language} axe-core tests")) {
        return;
    }
    let report = axe_report(paths);
    assert!(
        report.is_empty(),
        "axe-core found serious or critical problems in the {language} edition:\n{report}"
    );
}

#[test]
fn vietnamese_pages_pass_axe() {
    assert_accessible("Vietnamese", VIETNAMESE);
}

#[test]
fn english_pages_pass_axe() {
    assert_accessible("English", ENGLISH);
}

#[test]
fn pages_work_without_javascript() {
    if !browser_tools_available("the JavaScript-off tests") {
        return;
    }
    let base = demo().server.base();
    let result = run_browser_script(
        "check.mjs",
        &["nojs", &base, PRODUCT, "/sao/3/", "/san-pham/"],
    );
    let pages = result["pages"].as_array().unwrap();
    let mut problems = Vec::new();
    for page in pages {
        let path = page["path"].as_str().unwrap();
        eprintln!("without JavaScript {path}: {page}");
        if page["notFound"] == true {
            problems.push(format!("{path}: page not found"));
            continue;
        }
        let number = |key: &str| page[key].as_u64().unwrap_or(0);
        if page["h1"].as_str().unwrap_or("").is_empty() {
            problems.push(format!("{path}: no heading"));
        }
        if number("photos") == 0 || number("photosLoaded") < number("photos").min(4) {
            problems.push(format!(
                "{path}: {} of {} photos shown",
                number("photosLoaded"),
                number("photos")
            ));
        }
        if path == PRODUCT {
            if page["certificate"] != true {
                problems.push(format!("{path}: the certificate is not shown"));
            }
            if number("mainText") < 500 {
                problems.push(format!(
                    "{path}: only {} characters of text",
                    number("mainText")
                ));
            }
        } else if number("productLinks") < 3 {
            problems.push(format!("{path}: {} product links", number("productLinks")));
        }
    }
    assert!(
        problems.is_empty(),
        "with JavaScript off:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_product_page_prints_cleanly() {
    if !browser_tools_available("the print test") {
        return;
    }
    let hidden = [
        ("header navigation", ".top nav"),
        ("header search form", ".top form"),
        ("footer", "footer"),
        ("skip link", ".skip"),
        ("buy buttons", ".shops a"),
        ("share and copy buttons", ".share .btn"),
    ];
    let visible = [
        ("product name", "main h1"),
        ("photo", "main .gallery .cover img"),
        ("certificate", "main .cert"),
        ("producer", "main .pname"),
    ];
    let selectors: serde_json::Map<String, Value> = hidden
        .iter()
        .chain(&visible)
        .map(|(name, selector)| ((*name).to_owned(), Value::from(*selector)))
        .collect();
    let base = demo().server.base();
    let result = run_browser_script(
        "check.mjs",
        &[
            "print",
            &base,
            PRODUCT,
            &Value::Object(selectors).to_string(),
        ],
    );
    assert!(result["notFound"] != true, "{PRODUCT}: page not found");
    let shown = &result["shown"];
    eprintln!("printed {PRODUCT}: {shown}");
    let mut problems = Vec::new();
    for (name, selector) in hidden {
        let s = &shown[name];
        let count = s["count"].as_u64().unwrap();
        if count == 0 {
            problems.push(format!(
                "{name} ({selector}): not on the page; the test needs updating"
            ));
        } else if s["displayNone"].as_u64() != Some(count) {
            problems.push(format!(
                "{name} ({selector}): {} of {count} hidden with display:none",
                s["displayNone"]
            ));
        }
    }
    for (name, selector) in visible {
        if shown[name]["visible"].as_u64().unwrap_or(0) == 0 {
            problems.push(format!("{name} ({selector}): not printed"));
        }
    }
    let page = &shown["$page"];
    if page["color"] != "rgb(0, 0, 0)" || page["background"] != "rgb(255, 255, 255)" {
        problems.push(format!("the page is not printed black on white: {page}"));
    }
    assert!(
        problems.is_empty(),
        "printing {PRODUCT}:\n{}",
        problems.join("\n")
    );
}

/// The phone-first layout (issue 18) on a 390×844 screen, in both languages: on every
/// page kind the header (brand, language, search, navigation) takes at most 30 % of
/// the first screen and nothing is wider than the screen; and home, search and a
/// product page show what a visitor came for: a product card, the first result, and
/// the product's name, stars, certificate status and first shop button.
#[test]
fn a_phones_first_screen_shows_products_results_and_the_buy_button() {
    if !browser_tools_available("the phone layout test") {
        return;
    }
    const SCREEN: f64 = 844.0;
    // A card or a result shows its top and at least this much of it; the rest of what
    // is named shows whole.
    const PEEK: f64 = 100.0;
    /// What must show on a page: name, selector, and whether its top and [`PEEK`] of it
    /// are enough.
    type Shown = &'static [(&'static str, &'static str, bool)];
    const CARD: Shown = &[("first product card", "main .grid .card", true)];
    const RESULT: Shown = &[("first result", "[data-search-results] .card", true)];
    const PRODUCT: Shown = &[
        ("name", "main h1", false),
        ("stars", ".summary .rating .stars", false),
        ("certificate status", ".summary .rating .badge", false),
        ("first shop button", ".summary .shops .btn", false),
    ];
    let mut wanted: Vec<(&str, Shown)> = vec![
        ("/", CARD),
        ("/en/", CARD),
        ("/tim-kiem/?q=hat+de", RESULT),
        ("/en/search/?q=chestnut", RESULT),
        ("/san-pham/hat-de-trung-khanh/", PRODUCT),
        ("/en/products/hat-de-trung-khanh/", PRODUCT),
    ];
    // Every other page kind, in both languages: the header and the width only. The
    // print sheet is laid out for A5 paper, and has no header.
    for path in VIETNAMESE.iter().chain(ENGLISH) {
        let printed = path.ends_with("/in/") || path.ends_with("/print/");
        if !printed && !wanted.iter().any(|(p, _)| p == path) {
            wanted.push((path, &[]));
        }
    }
    let by_path: serde_json::Map<String, Value> = (wanted.iter())
        .map(|(path, named)| {
            let mut selectors = serde_json::Map::new();
            selectors.insert("header".into(), Value::from("body > header.top"));
            for (name, selector, _) in named.iter() {
                selectors.insert((*name).into(), Value::from(*selector));
            }
            ((*path).to_owned(), Value::Object(selectors))
        })
        .collect();
    let base = demo().server.base();
    let result = run_browser_script(
        "check.mjs",
        &["layout", &base, &Value::Object(by_path).to_string()],
    );
    let measured = result["pages"].as_array().expect("pages");
    assert_eq!(measured.len(), wanted.len(), "{result}");
    let mut problems = Vec::new();
    for (path, named) in &wanted {
        // The JSON object's keys come back sorted, not in this order.
        let page = (measured.iter())
            .find(|p| p["path"].as_str() == Some(*path))
            .unwrap_or_else(|| panic!("{path} was not measured: {result}"));
        let boxes = &page["boxes"];
        // A page wider than the screen is shown zoomed out: it must be 390 px wide.
        if boxes["$viewport"]["width"].as_f64() != Some(390.0) {
            problems.push(format!(
                "{path} is wider than the screen: {}",
                boxes["$viewport"]
            ));
            continue;
        }
        assert_eq!(
            boxes["$viewport"]["height"].as_f64(),
            Some(SCREEN),
            "{page}"
        );
        let header = boxes["header"]["bottom"].as_f64().expect("no header");
        eprintln!("{path}: header ends at {header:.0} px of {SCREEN}");
        if header > SCREEN * 0.3 {
            problems.push(format!(
                "{path}: the header takes {header:.0} px, over 30 % of {SCREEN} px"
            ));
        }
        for (name, _, peek) in named.iter() {
            let Some(top) = boxes[*name]["top"].as_f64() else {
                problems.push(format!("{path}: no {name}"));
                continue;
            };
            let bottom = boxes[*name]["bottom"].as_f64().unwrap();
            eprintln!("{path}: {name} from {top:.0} to {bottom:.0} px");
            let end = if *peek { top + PEEK } else { bottom };
            if top < header || end > SCREEN {
                problems.push(format!(
                    "{path}: the {name} ({top:.0}–{bottom:.0} px) is not on the first screen"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
