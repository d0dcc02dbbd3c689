//! A build killed halfway (SIGKILL, or SIGINT from Ctrl+C) leaves the previous site
//! published exactly as it was, and the next build still publishes a complete site.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common;
use crate::common::{snapshot, Site, TODAY};

/// Enough products that a build writes files for a few seconds, so that the kill
/// lands while the staging folder is being filled.
const PRODUCTS: usize = 3000;

/// A product of the `small` fixture's categories, producers and districts.
fn product(i: usize, edition: &str) -> String {
    format!(
        "name: Sản phẩm thử {i} {edition}
stars: {stars}
category: thuc-pham
subcategory: che-bien
producer: cong-ty-ha-thanh
certificate:
  decision: Quyết định số {i}/QĐ-UBND
  date: 2024-03-15
summary: Sản phẩm số {i} của danh mục lớn.
description: |
  Mô tả **sản phẩm {i}**, {edition}.

  - Nguyên liệu địa phương
price:
  min: {price}
  unit: gói
tags: [thử, số {i}]
",
        stars = 3 + i % 3,
        price = 10_000 + i * 100,
    )
}

/// The `small` fixture with [`PRODUCTS`] more products, each named with `edition`.
fn large_site() -> Site {
    let site = Site::from_fixture("small");
    write_products(&site, "bản một");
    site
}

fn write_products(site: &Site, edition: &str) {
    let products = site.root.join("content/products");
    for i in 0..PRODUCTS {
        let dir = products.join(format!("san-pham-thu-{i:04}"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("product.yaml"), product(i, edition)).unwrap();
    }
}

fn start_build(site: &Site) -> Child {
    Command::new(env!("CARGO_BIN_EXE_ocop"))
        .env("OCOP_LANG", "en")
        .args(["build", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(&site.output)
        .args(["--today", TODAY])
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot start ocop build")
}

/// Staging folders (`.ocop-build-*`) beside the output folder.
fn staging_folders(site: &Site) -> Vec<String> {
    site.scratch_entries()
        .into_iter()
        .filter(|name| name.starts_with(".ocop-build-"))
        .collect()
}

fn files_under(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

/// Wait until the running build has written `files` files into a new staging folder,
/// so that it is halfway: past loading and rendering, not yet published.
fn wait_until_staging(site: &Site, build: &mut Child, before: &[String], files: usize) {
    let scratch = site.output.parent().unwrap();
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let written: usize = staging_folders(site)
            .iter()
            .filter(|name| !before.contains(name))
            .map(|name| files_under(&scratch.join(name)))
            .sum();
        if written >= files {
            return;
        }
        if let Some(status) = build.try_wait().unwrap() {
            panic!("the build ended ({status}) before it could be interrupted: add products");
        }
        assert!(
            Instant::now() < deadline,
            "the build wrote no staging folder"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Start a build of changed content, interrupt it halfway with `interrupt`, and check
/// that the published site is the one from before, byte for byte.
fn interrupt_halfway(site: &Site, edition: &str, interrupt: impl FnOnce(&mut Child)) {
    let published = snapshot(&site.output);
    let listing = dir_listing(&site.output);
    write_products(site, edition);
    let before = staging_folders(site);

    let mut build = start_build(site);
    wait_until_staging(site, &mut build, &before, 200);
    interrupt(&mut build);
    let status = build.wait().unwrap();
    assert!(!status.success(), "the build was not interrupted: {status}");

    assert!(
        snapshot(&site.output) == published,
        "the interrupted build changed the published site"
    );
    // Also no half-written folders, which the file snapshot would not show.
    assert_eq!(dir_listing(&site.output), listing);
}

/// Every file and folder under `dir`, as relative names.
fn dir_listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| common::relative_name(dir, e.unwrap().path()))
        .collect();
    names.sort();
    names
}

#[test]
fn an_interrupted_build_leaves_the_previous_site_complete() {
    let site = large_site();
    site.build().assert_ok();
    let first = snapshot(&site.output);
    assert!(
        first.keys().filter(|k| k.ends_with("index.html")).count() > PRODUCTS,
        "the first build published too few pages"
    );
    assert!(staging_folders(&site).is_empty());

    interrupt_halfway(&site, "bản hai", |build| build.kill().unwrap());
    // SIGINT, as Ctrl+C in the terminal sends it.
    interrupt_halfway(&site, "bản ba", |build| {
        let sent = Command::new("kill")
            .args(["-INT", &build.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -INT failed");
    });
    assert_eq!(snapshot(&site.output), first);

    // The killed builds' staging folders stay behind, beside the output: the next
    // build must still publish the new content, complete, and nothing of theirs.
    let leftovers = staging_folders(&site);
    site.build().assert_ok();
    let last = snapshot(&site.output);
    let page = "san-pham/san-pham-thu-0042/index.html";
    let html = String::from_utf8_lossy(&last[page]);
    assert!(html.contains("Sản phẩm thử 42 bản ba"), "{page} is stale");
    // Search shards are named by a hash of their words, so only pages are compared.
    let pages = |site: &std::collections::BTreeMap<String, Vec<u8>>| -> Vec<String> {
        site.keys()
            .filter(|k| k.ends_with(".html"))
            .cloned()
            .collect()
    };
    assert!(
        pages(&last) == pages(&first),
        "the next build published a different set of pages"
    );
    for name in &leftovers {
        assert!(!dir_listing(&site.output).iter().any(|n| n.contains(name)));
    }
}
