//! The same content and build date give the same site, byte for byte: however many
//! threads build it, and whether the date comes from `--today` or from
//! `SOURCE_DATE_EPOCH`. Nothing in the output may depend on the clock, on the order
//! threads finish in, or on a hash map's order.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;

use crate::common::{ocop_env, repo, snapshot, Site, TODAY};

/// Build the site at `root` into `dir/out`, with a cold photo cache in `dir/cache` so
/// that every photo is processed again, and the environment `env`.
fn build(
    root: &Path,
    dir: &Path,
    date: &[&str],
    env: &[(&str, &str)],
) -> BTreeMap<String, Vec<u8>> {
    let output = dir.join("out");
    let cache = dir.join("cache");
    let mut args: Vec<&OsStr> = vec![
        "build".as_ref(),
        "--root".as_ref(),
        root.as_os_str(),
        "--output".as_ref(),
        output.as_os_str(),
        "--cache-dir".as_ref(),
        cache.as_os_str(),
    ];
    args.extend(date.iter().map(OsStr::new));
    ocop_env(args, env).assert_ok();
    snapshot(&output)
}

/// The paths whose bytes differ, or that only one tree has.
fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut paths: Vec<&String> = a.keys().chain(b.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| a.get(*p) != b.get(*p))
        .cloned()
        .collect()
}

#[test]
fn the_demo_builds_the_same_on_one_thread_and_on_many() {
    let scratch = tempfile::tempdir().unwrap();
    let date = ["--today", "2026-11-29"];
    let one = build(
        repo(),
        &scratch.path().join("one"),
        &date,
        &[("RAYON_NUM_THREADS", "1")],
    );
    let many = build(repo(), &scratch.path().join("many"), &date, &[]);
    assert!(one.len() > 100, "{} files", one.len());
    assert!(
        one.keys().any(|p| p.ends_with(".webp")),
        "the demo's photos were published"
    );
    let differ = differences(&one, &many);
    assert!(
        differ.is_empty(),
        "differ between thread counts: {differ:#?}"
    );
}

#[test]
fn source_date_epoch_is_the_build_date_when_there_is_no_today() {
    let site = Site::from_fixture("small");
    let scratch = tempfile::tempdir().unwrap();
    let given = build(
        &site.root,
        &scratch.path().join("today"),
        &["--today", TODAY],
        &[],
    );
    // 2026-06-01 13:00:00 UTC.
    let epoch = [("SOURCE_DATE_EPOCH", "1780318800")];
    let from_epoch = build(&site.root, &scratch.path().join("epoch"), &[], &epoch);
    let differ = differences(&given, &from_epoch);
    assert!(differ.is_empty(), "differ: {differ:#?}");
    // The date reaches the output, so another one would have been seen.
    let day_after = [("SOURCE_DATE_EPOCH", "1780405200")];
    let later = build(&site.root, &scratch.path().join("later"), &[], &day_after);
    assert!(!differences(&given, &later).is_empty());
}
