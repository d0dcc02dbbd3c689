//! `ocop build` over its previous output updates only the pages an edit to product or
//! producer records changed, and the result is the same, byte for byte, as a cold
//! build of the same content. Anything else (a product added or removed, a theme
//! change, another build date) builds everything again, with the same result.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{copy_tree, ocop, repo, snapshot, Run, DEMO_TODAY};

/// A copy of the demo with its theme, an output folder and a cache beside it, and a
/// second output and cache for cold builds to compare with.
struct Demo {
    _dir: tempfile::TempDir,
    root: PathBuf,
    output: PathBuf,
    cache: PathBuf,
    cold_output: PathBuf,
    cold_cache: PathBuf,
}

impl Demo {
    fn new() -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_tree(&repo().join("content"), &root.join("content"));
        copy_tree(&repo().join("themes"), &root.join("themes"));
        Demo {
            root,
            output: dir.path().join("out"),
            cache: dir.path().join("cache"),
            cold_output: dir.path().join("cold"),
            cold_cache: dir.path().join("cold-cache"),
            _dir: dir,
        }
    }

    fn build_into(&self, output: &Path, cache: &Path, today: &str) -> Run {
        ocop([
            "build".as_ref(),
            "--root".as_ref(),
            self.root.as_os_str(),
            "--output".as_ref(),
            output.as_os_str(),
            "--cache-dir".as_ref(),
            cache.as_os_str(),
            "--today".as_ref(),
            today.as_ref(),
        ])
    }

    /// Build over the previous output; the summary line printed.
    fn build(&self, today: &str) -> String {
        let run = self.build_into(&self.output, &self.cache, today);
        run.assert_ok();
        run.stderr.lines().last().unwrap_or_default().to_string()
    }

    /// A build from nothing: no previous output, no manifest (photos come from a
    /// cache of their own, which changes no byte of the output).
    fn cold(&self, today: &str) -> BTreeMap<String, Vec<u8>> {
        let _ = fs::remove_dir_all(&self.cold_output);
        let _ = fs::remove_file(self.cold_cache.join("build/manifest.json"));
        self.build_into(&self.cold_output, &self.cold_cache, today)
            .assert_ok();
        snapshot(&self.cold_output)
    }

    /// Asserts that the output is what a cold build of the same content makes.
    fn assert_as_cold(&self, today: &str, after: &str) {
        let built = snapshot(&self.output);
        let cold = self.cold(today);
        let mut differ: Vec<&String> = (built.keys().chain(cold.keys()))
            .filter(|p| built.get(*p) != cold.get(*p))
            .collect();
        differ.sort();
        differ.dedup();
        assert!(
            differ.is_empty(),
            "after {after}, these files differ from a cold build: {differ:?}"
        );
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.root.join("content").join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

const PRODUCT: &str = "products/hat-de-trung-khanh/product.yaml";
const PRODUCER: &str = "producers/htx-nong-san-dong-tam.yaml";

fn updated(line: &str) -> bool {
    line.starts_with("updated ")
}

#[test]
fn edits_to_a_product_and_a_producer_update_the_output_in_place_as_a_cold_build_would() {
    let demo = Demo::new();
    let first = demo.build(DEMO_TODAY);
    assert!(first.starts_with("built "), "{first}");

    demo.edit(PRODUCT, "vỏ mỏng", "vỏ mỏng, ruột vàng");
    let line = demo.build(DEMO_TODAY);
    assert!(
        updated(&line),
        "a summary edit should update in place: {line}"
    );
    let page =
        fs::read_to_string(demo.output.join("san-pham/hat-de-trung-khanh/index.html")).unwrap();
    assert!(page.contains("ruột vàng"), "the edit is not on the page");
    demo.assert_as_cold(DEMO_TODAY, "a product edit");

    let producer = fs::read_to_string(demo.root.join("content").join(PRODUCER)).unwrap();
    let name = producer
        .lines()
        .find_map(|l| l.strip_prefix("name: "))
        .expect("the producer has a name")
        .to_string();
    demo.edit(PRODUCER, &name, &format!("{name} Mới"));
    let line = demo.build(DEMO_TODAY);
    assert!(
        updated(&line),
        "a producer edit should update in place: {line}"
    );
    demo.assert_as_cold(DEMO_TODAY, "a producer edit");

    // Nothing changed: nothing written.
    let line = demo.build(DEMO_TODAY);
    assert!(
        updated(&line) && line.contains("(0 files written)"),
        "{line}"
    );
}

#[test]
fn added_and_removed_products_a_theme_change_and_another_date_rebuild_everything_alike() {
    let demo = Demo::new();
    demo.build(DEMO_TODAY);

    // A product removed, then added back.
    let folder = demo.root.join("content/products/banh-khau-sli");
    let kept = tempfile::tempdir().unwrap();
    copy_tree(&folder, kept.path());
    fs::remove_dir_all(&folder).unwrap();
    let line = demo.build(DEMO_TODAY);
    assert!(line.starts_with("built "), "a removed product: {line}");
    assert!(!demo.output.join("san-pham/banh-khau-sli").exists());
    demo.assert_as_cold(DEMO_TODAY, "a removed product");
    copy_tree(kept.path(), &folder);
    let line = demo.build(DEMO_TODAY);
    assert!(line.starts_with("built "), "an added product: {line}");
    assert!(demo
        .output
        .join("san-pham/banh-khau-sli/index.html")
        .is_file());
    demo.assert_as_cold(DEMO_TODAY, "an added product");

    // A changed theme string.
    let strings = demo.root.join("themes/default/strings/vi.yaml");
    let text = fs::read_to_string(&strings).unwrap();
    let (from, to) = ("nav_stats: Thống kê", "nav_stats: Số liệu");
    assert!(text.contains(from), "the theme's strings have no {from:?}");
    fs::write(&strings, text.replace(from, to)).unwrap();
    let line = demo.build(DEMO_TODAY);
    assert!(line.starts_with("built "), "a theme change: {line}");
    let home = fs::read_to_string(demo.output.join("index.html")).unwrap();
    assert!(
        home.contains("Số liệu"),
        "the theme change is not on the home page"
    );
    demo.assert_as_cold(DEMO_TODAY, "a theme change");

    // Ten months later, the chestnuts' certificate (2024-09-20, for 36 months) is
    // about to expire.
    let page =
        || fs::read_to_string(demo.output.join("san-pham/hat-de-trung-khanh/index.html")).unwrap();
    assert!(!page().contains("Sắp hết hạn"));
    let later = "2027-07-01";
    let line = demo.build(later);
    assert!(line.starts_with("built "), "another date: {line}");
    assert!(
        page().contains("Sắp hết hạn"),
        "the certificate is not shown expiring"
    );
    demo.assert_as_cold(later, "another build date");
}

#[test]
fn a_failed_build_leaves_the_output_and_the_next_one_still_updates_in_place() {
    let demo = Demo::new();
    demo.build(DEMO_TODAY);
    let before = snapshot(&demo.output);

    demo.edit(PRODUCT, "stars: 4", "stars: 7");
    let run = demo.build_into(&demo.output, &demo.cache, DEMO_TODAY);
    run.assert_no_panic();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("hat-de-trung-khanh/product.yaml:2:"),
        "{}",
        run.stderr
    );
    assert!(
        snapshot(&demo.output) == before,
        "a failed build changed the output"
    );

    demo.edit(PRODUCT, "stars: 7", "stars: 4");
    demo.edit(PRODUCT, "vỏ mỏng", "vỏ rất mỏng");
    let line = demo.build(DEMO_TODAY);
    assert!(
        updated(&line),
        "the manifest of the last good build holds: {line}"
    );
    demo.assert_as_cold(DEMO_TODAY, "a fixed edit");
}
