//! A synthetic catalogue large enough that the producer directory (1,500 producers,
//! about 430 KB as one page) and the statistics (about 500 expiring certificates and
//! 150 districts) outgrow one page: no HTML page may pass 200 KB, every producer is
//! still in the directory, and its pages are reachable by plain `rel=next` links. The
//! search records are packed into a few files. A year's round, listing the products
//! of each of its groups, continues over pages too.

use std::collections::BTreeSet;
use std::path::Path;

use walkdir::WalkDir;

use crate::common::html::{links, tags};
use crate::common::{built_file, ocop};

#[path = "../../examples/synthetic_catalogue.rs"]
#[allow(dead_code)]
mod synthetic_catalogue;

const PRODUCTS: usize = 3000;
const MAX_PAGE_BYTES: u64 = 200 * 1024;
const BASE_URL: &str = "https://ocop.example.org/";

/// The page `rel=next` leads to from `html`, if any.
fn next(html: &str) -> Option<String> {
    (tags(html).into_iter())
        .find(|t| t.name == "a" && t.attr("rel") == Some("next"))
        .and_then(|t| t.attr("href").map(str::to_owned))
}

/// Every page of a paginated listing, from its first page, by `rel=next`.
fn chain(output: &Path, first: &str) -> Vec<String> {
    let mut pages = vec![std::fs::read_to_string(built_file(output, first).unwrap()).unwrap()];
    while let Some(link) = next(pages.last().unwrap()) {
        let file = built_file(output, link.trim_start_matches('/')).unwrap();
        pages.push(std::fs::read_to_string(file).unwrap());
        assert!(pages.len() < 1000, "rel=next loops");
    }
    pages
}

#[test]
fn no_page_passes_200_kb_and_the_directory_lists_every_producer() {
    let dir = tempfile::tempdir().unwrap();
    let (root, output) = (dir.path().join("site"), dir.path().join("out"));
    synthetic_catalogue::write(PRODUCTS, &root, false).unwrap();
    ocop([
        "build".as_ref(),
        "--root".as_ref(),
        root.as_os_str(),
        "--output".as_ref(),
        output.as_os_str(),
        "--today".as_ref(),
        "2026-11-29".as_ref(),
    ])
    .assert_ok();

    let mut largest = (0, String::new());
    for entry in WalkDir::new(&output).into_iter().map(Result::unwrap) {
        let name = entry.path().to_string_lossy().into_owned();
        if name.ends_with(".html") {
            largest = largest.max((entry.metadata().unwrap().len(), name));
        }
    }
    assert!(
        largest.0 <= MAX_PAGE_BYTES,
        "{} has {} bytes",
        largest.1,
        largest.0
    );

    // The directory in pages: every producer once, page 1 at its old address.
    let pages = chain(&output, "chu-the/");
    assert!(pages.len() > 2, "{} directory pages", pages.len());
    // Producer links: not the pages, the filters' listings or the directory itself.
    let producer_links = |pages: &[String]| -> BTreeSet<String> {
        (pages.iter())
            .flat_map(|html| links(html))
            .filter(|l| l.starts_with("/chu-the/") && !l.contains("/trang/") && l != "/chu-the/")
            .filter(|l| !l.starts_with("/chu-the/sao/") && !l.starts_with("/chu-the/loai/"))
            .filter(|l| !l.contains('#'))
            .collect()
    };
    let producers = std::fs::read_dir(root.join("content/producers"))
        .unwrap()
        .count();
    let distinct = producer_links(&pages);
    assert_eq!(distinct.len(), producers);
    // A filter is a listing of its own, paginated as the directory is: 5★ and
    // enterprises together are a few of the producers, all among the directory's.
    let five_stars = producer_links(&chain(&output, "chu-the/sao/5/"));
    let both = producer_links(&chain(&output, "chu-the/sao/5/loai/doanh-nghiep/"));
    assert!(!both.is_empty() && both.len() < five_stars.len());
    assert!(five_stars.len() < producers && five_stars.is_subset(&distinct));
    assert!(both.is_subset(&five_stars));
    // A district's chip leads to the page its producers start on.
    let chips: Vec<String> = links(&pages[1])
        .into_iter()
        .filter(|l| l.contains("#d-"))
        .collect();
    assert!(
        chips.iter().any(|l| l.starts_with("/chu-the/#d-")),
        "{chips:?}"
    );

    // The statistics continue their list of expiring certificates on later pages.
    let stats = chain(&output, "thong-ke/");
    assert!(stats.len() > 1, "{} statistics pages", stats.len());

    // A year's round lists every product of its groups, over as many pages as it needs.
    let rounds: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(output.join("data/rounds.json")).unwrap())
            .unwrap();
    let largest_round = (rounds.as_array().unwrap().iter())
        .max_by_key(|r| r["new"].as_u64().unwrap())
        .unwrap();
    let year = largest_round["year"].as_u64().unwrap();
    let rows: u64 = ["new", "reevaluated", "expired_not_reevaluated"]
        .iter()
        .map(|k| largest_round[k].as_u64().unwrap())
        .sum();
    let pages = chain(&output, &format!("thong-ke/{year}/"));
    assert!(pages.len() > 1, "{} pages for {year}", pages.len());
    let listed = (pages.iter())
        .map(|html| html.matches("<tr><th scope=row><a href=/san-pham/").count())
        .sum::<usize>();
    assert_eq!(listed as u64, rows, "rows listed for {year}");

    // Search records come in files of about 16 KB, not one per product.
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(output.join("search/index.json")).unwrap())
            .unwrap();
    let folder = output
        .join("search")
        .join(index["version"].as_str().unwrap());
    let mut records = 0;
    let mut files = 0;
    for file in std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
    {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('d') {
            let bytes = std::fs::read(&file).unwrap();
            assert!(bytes.len() <= 20 * 1024, "{name}: {} bytes", bytes.len());
            records += serde_json::from_slice::<Vec<serde_json::Value>>(&bytes)
                .unwrap()
                .len();
            files += 1;
        }
    }
    assert_eq!(
        records,
        index["records"]["count"].as_u64().unwrap() as usize
    );
    assert!(files > 1 && files < records / 50, "{files} record files");

    let sitemap = std::fs::read_to_string(output.join("sitemap.xml")).unwrap();
    let round_page = format!("thong-ke/{year}/trang/2/");
    for page in ["chu-the/trang/2/", "thong-ke/trang/2/", &round_page] {
        assert!(
            sitemap.contains(&format!("<loc>{BASE_URL}{page}</loc>")),
            "{page}"
        );
    }
}
