//! Search in a real browser: the demo catalogue, built as of 2026-11-29 and served by
//! `ocop serve`, opened in headless Chromium, which runs `js/search.js` and hands back
//! the DOM. Every check reads the result links the page shows.
//!
//! The state lives in the URL, so each check is one URL; the share link the page
//! writes (the same URL it puts in `history.replaceState`) is opened again to check
//! the round trip. Needs Debian's `chromium` at /usr/bin/chromium (or `$CHROMIUM`);
//! without it the test says SKIPPED and passes, or fails under CI (`CI=true`).

use std::path::PathBuf;

use crate::common;
use crate::common::browser::{chromium_for, dump_dom};
use crate::common::html::{tokens, Token};
use crate::common::server::Server;
use crate::common::static_site::{browser_tools_available, run_browser_script};

/// As of this date the demo's expired products are exactly these.
const TODAY: &str = "2026-11-29";
const EXPIRED: [&str; 3] = [
    "mang-kho-bao-lam",
    "thit-lon-gac-bep-hong-phat",
    "tinh-bot-dong-rieng",
];

/// What the search page shows once its script has run.
#[derive(Debug)]
struct Shown {
    /// `data-state` of the search root: `done` once results are drawn.
    state: String,
    /// Product slugs of the result links, in order.
    results: Vec<String>,
    status: String,
    /// `param=id` → the count shown next to that facet value.
    counts: Vec<(String, usize)>,
    /// The link to the current search, as put in the address bar.
    link: String,
    /// Product slugs of the results that carry the expired badge.
    expired: Vec<String>,
    /// Links of the producer results.
    producers: Vec<String>,
}

impl Shown {
    fn count(&self, key: &str) -> usize {
        self.counts
            .iter()
            .find(|(k, _)| k == key)
            .unwrap_or_else(|| panic!("no count for {key}: {:?}", self.counts))
            .1
    }
}

struct Browser {
    binary: PathBuf,
    server: Server,
    profile: tempfile::TempDir,
}

impl Browser {
    /// Open `path_and_query` on the test server and read the search page back.
    fn open(&self, path_and_query: &str) -> Shown {
        let (dom, stderr) = dump_dom(
            &self.binary,
            self.profile.path(),
            &self.server.url(path_and_query),
        );
        assert!(
            dom.contains("data-search"),
            "no search page for {path_and_query}\n{stderr}"
        );
        read(&dom)
    }

    /// Open a search that may show the archive and check that it finished, with the
    /// expired badge on exactly the expired results.
    fn archive(&self, path_and_query: &str) -> Shown {
        let shown = self.open(path_and_query);
        assert_eq!(shown.state, "done", "{path_and_query}: {shown:?}");
        let expired: Vec<&String> = (shown.results.iter())
            .filter(|s| EXPIRED.contains(&s.as_str()))
            .collect();
        assert_eq!(
            expired,
            shown.expired.iter().collect::<Vec<_>>(),
            "{path_and_query}"
        );
        shown
    }

    /// Open a search and check that it finished, without the expired products.
    fn search(&self, path_and_query: &str) -> Shown {
        let shown = self.archive(path_and_query);
        for slug in EXPIRED {
            assert!(
                !shown.results.iter().any(|s| s == slug),
                "{path_and_query}: expired {slug} shown"
            );
        }
        shown
    }
}

fn read(dom: &str) -> Shown {
    let mut shown = Shown {
        state: String::new(),
        results: Vec::new(),
        status: String::new(),
        counts: Vec::new(),
        link: String::new(),
        expired: Vec::new(),
        producers: Vec::new(),
    };
    let mut in_results = false;
    let mut in_producers = false;
    let mut text_for: Option<String> = None;
    for token in tokens(dom) {
        match token {
            Token::Start(tag) => {
                if tag.attr("data-search").is_some() {
                    shown.state = tag.attr("data-state").unwrap_or("").to_owned();
                }
                if tag.attr("data-search-results").is_some() {
                    in_results = true;
                }
                if tag.attr("data-search-producers").is_some() {
                    in_producers = true;
                }
                if in_producers && tag.name == "a" {
                    shown
                        .producers
                        .push(tag.attr("href").unwrap_or("").to_owned());
                }
                if in_results && tag.attr("data-slot") == Some("expired") {
                    let last = shown.results.last().expect("a badge after its link");
                    shown.expired.push(last.clone());
                }
                if let Some(link) = tag.attr("data-search-link").and(tag.attr("href")) {
                    shown.link = link.to_owned();
                }
                if in_results && tag.name == "a" {
                    let href = tag.attr("href").unwrap_or("");
                    let slug = href
                        .strip_prefix("/san-pham/")
                        .and_then(|s| s.strip_suffix('/'))
                        .unwrap_or_else(|| panic!("result link {href} is not a product"));
                    shown.results.push(slug.to_owned());
                }
                if tag.attr("data-search-status").is_some() {
                    text_for = Some("status".into());
                } else if let Some(key) = tag.attr("data-count") {
                    text_for = Some(key.to_owned());
                }
            }
            Token::End(name) => {
                if name == "ol" {
                    in_results = false;
                }
                if name == "section" {
                    in_producers = false;
                }
                if name == "p" || name == "span" {
                    text_for = None;
                }
            }
            Token::Text(text) => match text_for.take() {
                Some(key) if key == "status" => shown.status = text,
                Some(key) => {
                    let count = text.trim().parse().expect("a count");
                    shown.counts.push((key, count));
                }
                None => {}
            },
        }
    }
    shown
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => char::from(b).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn search_works_in_headless_chromium() {
    let Some(binary) = chromium_for("the browser search tests") else {
        return;
    };
    let output = tempfile::tempdir().unwrap();
    let out = output.path().join("site");
    let server = Server::start(common::repo(), TODAY, &["--output", out.to_str().unwrap()]);
    let browser = Browser {
        binary,
        server,
        profile: tempfile::tempdir().unwrap(),
    };

    // Without accents; names first (the three lạp sườn), then the summary match.
    let lap_suon = browser.search("/tim-kiem/?q=lap+suon");
    let mut names = lap_suon.results[..3].to_vec();
    names.sort();
    assert_eq!(
        names,
        [
            "lap-suon-cao-bang",
            "lap-suon-hoa-an",
            "lap-suon-hun-khoi-ha-quang"
        ],
        "{lap_suon:?}"
    );
    assert!(
        lap_suon.results[3..].contains(&"qua-mac-mat-kho".to_owned()),
        "{lap_suon:?}"
    );
    assert!(lap_suon
        .status
        .contains(&lap_suon.results.len().to_string()));

    // While typing: the last word is a prefix, and one letter does not empty the list.
    let typing = browser.search("/tim-kiem/?q=lap+suo");
    assert_eq!(typing.results, lap_suon.results);
    let one_letter = browser.search("/tim-kiem/?q=lap+s");
    assert_eq!(one_letter.results, lap_suon.results, "{one_letter:?}");

    // Accented, and decomposed (NFD, as macOS keyboards send it): the same results.
    let accented = browser.search(&format!("/tim-kiem/?q={}", percent_encode("Lạp sườn")));
    assert_eq!(accented.results, lap_suon.results);
    let decomposed = browser.search(&format!(
        "/tim-kiem/?q={}",
        percent_encode("La\u{323}p su\u{31b}o\u{31b}\u{300}n")
    ));
    assert_eq!(decomposed.results, lap_suon.results);

    // "d" finds "đ": Thạch đen, Phja Đén.
    let thach_den = browser.search("/tim-kiem/?q=thach+den");
    assert_eq!(
        thach_den.results[..2],
        ["nuoc-thach-den", "thach-den-thach-an"],
        "{thach_den:?}"
    );
    let phja = browser.search("/tim-kiem/?q=phja+den");
    assert_eq!(
        phja.results.first().map(String::as_str),
        Some("tra-xanh-phja-den")
    );

    // One typo in a word of four letters or more.
    let typo = browser.search("/tim-kiem/?q=hat+de+trung+khnh");
    assert_eq!(
        typo.results.first().map(String::as_str),
        Some("hat-de-trung-khanh"),
        "{typo:?}"
    );

    // An exact accent ranks first, in either tone placement: "hoà" is "hòa" (Hòa An,
    // hòa tan) before "hoa" (flower).
    let hoa = browser.search(&format!("/tim-kiem/?q={}", percent_encode("hoà")));
    let at = |slug: &str| {
        hoa.results
            .iter()
            .position(|s| s == slug)
            .unwrap_or_else(|| panic!("{slug} missing: {hoa:?}"))
    };
    for exact in ["lap-suon-hoa-an", "ruou-ngo-hoa-an", "tra-gung-mat-ong"] {
        for folded in ["mat-ong-hoa-rung-bao-lam", "tra-hoa-vang-say-kho"] {
            assert!(at(exact) < at(folded), "{exact} after {folded}: {hoa:?}");
        }
    }

    // AND: a word that matches nothing empties the list, and the hint names it.
    let and = browser.search("/tim-kiem/?q=lap+suon+xyzzy");
    assert!(and.results.is_empty(), "{and:?}");
    assert!(and.status.contains("“xyzzy”"), "{and:?}");

    // Expired products are off by default (and `search` checks every list for them):
    // their exact names find only valid products.
    let mang = browser.search(&format!(
        "/tim-kiem/?q={}",
        percent_encode("Măng khô Bảo Lâm")
    ));
    assert!(mang.results.is_empty(), "{mang:?}");
    let dong_rieng = browser.search("/tim-kiem/?q=tinh+bot+dong+rieng");
    assert_eq!(
        dong_rieng.results,
        ["mien-dong-nguyen-binh"],
        "{dong_rieng:?}"
    );
    let gac_bep = browser.search("/tim-kiem/?q=thit+lon+gac+bep");
    assert_eq!(gac_bep.results, ["thit-lon-gac-bep-hut-chan-khong"]);

    // The archive is one click away: the status facet counts the expired product the
    // query would find, and choosing every status shows it, with its badge.
    assert_eq!(mang.count("trang-thai=het-han"), 1, "{mang:?}");
    let every_status = "&trang-thai=con-hieu-luc&trang-thai=sap-het-han&trang-thai=het-han";
    let mang_all = browser.archive(&format!(
        "/tim-kiem/?q={}{every_status}",
        percent_encode("Măng khô Bảo Lâm")
    ));
    assert_eq!(mang_all.results, ["mang-kho-bao-lam"], "{mang_all:?}");
    assert_eq!(mang_all.expired, ["mang-kho-bao-lam"]);
    let gac_bep_all = browser.archive(&format!("/tim-kiem/?q=thit+lon+gac+bep{every_status}"));
    let mut found = gac_bep_all.results.clone();
    found.sort();
    assert_eq!(
        found,
        [
            "thit-lon-gac-bep-hong-phat",
            "thit-lon-gac-bep-hut-chan-khong"
        ]
    );
    // `trang-thai=het-han` alone: only the expired, every one with its badge.
    let expired_only = browser.archive("/tim-kiem/?trang-thai=het-han");
    let mut found = expired_only.expired.clone();
    found.sort();
    assert_eq!(found, EXPIRED, "{expired_only:?}");
    assert_eq!(expired_only.results.len(), EXPIRED.len());
    // With no status chosen, the status counts still cover every product.
    let everything = browser.search("/tim-kiem/");
    assert_eq!(everything.count("trang-thai=het-han"), EXPIRED.len());
    assert_eq!(
        everything.count("trang-thai=con-hieu-luc") + everything.count("trang-thai=sap-het-han"),
        38 - EXPIRED.len()
    );

    // A decision number, as written, without diacritics, and with other spacing.
    let decision = [
        "hat-de-trung-khanh",
        "lap-suon-hun-khoi-ha-quang",
        "thit-trau-gac-bep-hoa-an",
    ];
    for typed in [
        "1873/QĐ-UBND",
        "1873/QD-UBND",
        "1873 qd ubnd",
        "Quyết định số 1873/QĐ-UBND",
    ] {
        let shown = browser.search(&format!("/tim-kiem/?q={}", percent_encode(typed)));
        let mut found = shown.results.clone();
        found.sort();
        assert_eq!(found, decision, "{typed}: {shown:?}");
    }
    // An expired product's decision, once the archive is in.
    let old = browser.archive(&format!(
        "/tim-kiem/?q={}{every_status}",
        percent_encode("1736/QD-UBND")
    ));
    assert_eq!(old.results, ["mang-kho-bao-lam"], "{old:?}");
    // A certificate number.
    for typed in ["OCOP-CB-2024-017", "ocop cb 2024 017"] {
        let shown = browser.search(&format!("/tim-kiem/?q={}", percent_encode(typed)));
        assert_eq!(shown.results, ["hat-de-trung-khanh"], "{typed}: {shown:?}");
    }

    // Producers are results of their own, by name and by district.
    let producer = browser.search(&format!(
        "/tim-kiem/?q={}",
        percent_encode("HTX Miến dong Thành Đạt")
    ));
    assert_eq!(
        producer.producers.first().map(String::as_str),
        Some("/chu-the/htx-mien-dong-thanh-dat/"),
        "{producer:?}"
    );
    let folded = browser.search("/tim-kiem/?q=mien+dong+thanh+dat");
    assert_eq!(folded.producers, producer.producers);
    let by_district = browser.search("/tim-kiem/?q=nguyen+binh");
    assert!(
        (by_district.producers.iter()).any(|p| p == "/chu-the/htx-mien-dong-thanh-dat/"),
        "{by_district:?}"
    );

    // Facet counts: what each value would give for the query.
    assert_eq!(lap_suon.count("sao=4"), 2, "{lap_suon:?}");
    assert_eq!(lap_suon.count("sao=3"), lap_suon.results.len() - 2);
    assert_eq!(lap_suon.count("huyen=hoa-an"), 1);
    assert_eq!(lap_suon.count("nhom=do-uong"), 0);

    // Facets combine: OR within one, AND across; counts of a facet ignore its own
    // selection. URL state round trip: the page's own link gives the same page.
    let filtered = browser.search("/tim-kiem/?q=lap+suon&sao=4&sao=5&huyen=ha-quang");
    assert_eq!(filtered.results, ["lap-suon-hun-khoi-ha-quang"]);
    assert_eq!(filtered.count("sao=3"), 0);
    assert_eq!(filtered.count("sao=4"), 1);
    assert_eq!(filtered.count("huyen=hoa-an"), 0);
    assert_eq!(
        filtered.link,
        "/tim-kiem/?q=lap+suon&huyen=ha-quang&sao=4&sao=5"
    );
    let again = browser.search(&filtered.link);
    assert_eq!(again.results, filtered.results);
    assert_eq!(again.counts, filtered.counts);
    assert_eq!(again.link, filtered.link);

    // Facets alone, with no query, list products; the counts cover every listed one.
    let browse = browser.search("/tim-kiem/?sao=4");
    assert!(!browse.results.is_empty());
    assert!(browse
        .results
        .iter()
        .all(|s| !EXPIRED.contains(&s.as_str())));
    let listed = browse.count("sao=3") + browse.count("sao=4") + browse.count("sao=5");
    assert_eq!(listed, 38 - EXPIRED.len());
    assert_eq!(browse.count("sao=4"), browse.results.len().min(20));
}

/// One click on "Include products whose certificate has expired" brings the archive
/// in, in a browser driven by playwright-core (`tests/browser/check.mjs click`).
#[test]
fn one_click_includes_the_expired_products() {
    if !browser_tools_available("the archive switch test") {
        return;
    }
    let output = tempfile::tempdir().unwrap();
    let out = output.path().join("site");
    let server = Server::start(common::repo(), TODAY, &["--output", out.to_str().unwrap()]);
    let result = run_browser_script(
        "check.mjs",
        &[
            "click",
            &server.url(""),
            "/tim-kiem/?q=mang+kho+bao+lam",
            "[data-search-archive]",
        ],
    );
    let links = |side: &str| -> Vec<String> {
        (result[side]["results"].as_array().expect("results").iter())
            .map(|l| l.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(result["before"]["state"], "done", "{result}");
    assert!(links("before").is_empty(), "{result}");
    assert_eq!(links("after"), ["/san-pham/mang-kho-bao-lam/"], "{result}");
    let search = result["after"]["search"].as_str().unwrap();
    assert!(search.contains("trang-thai=het-han"), "{search}");
}
