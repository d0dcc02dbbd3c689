//! Broken content must be reported, every problem at once, at `path:line:column`, and
//! must never replace a published site. The cases live in `tests/invalid/<case>/`
//! (see the README there).

mod common;

use std::path::Path;

use common::{read_text, snapshot, tests_dir, Run, Site};

fn case_dir(case: &str) -> std::path::PathBuf {
    tests_dir().join("invalid").join(case)
}

/// The diagnostics of `expected.txt`, then the summary line that ends every report.
fn expected_report(case: &Path) -> Vec<String> {
    let mut lines: Vec<String> = read_text(&case.join("expected.txt"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let count = lines.len();
    let noun = if count == 1 { "problem" } else { "problems" };
    lines.push(format!(
        "error: {count} {noun} found; nothing was published"
    ));
    lines
}

fn assert_reported(command: &str, run: &Run, expected: &[String]) {
    run.assert_no_panic();
    assert_eq!(
        run.code,
        Some(1),
        "`ocop {command}` should fail with code 1\nstderr:\n{}",
        run.stderr
    );
    assert_eq!(
        run.stderr_lines(),
        expected,
        "`ocop {command}` reported something else"
    );
}

fn run_case(case: &str) {
    let dir = case_dir(case);
    let expected = expected_report(&dir);
    let site = Site::from_fixture("small");
    site.build_ok();
    let before = snapshot(&site.output);
    let scratch = site.scratch_entries();

    site.apply_overlay(&dir);
    let build = site.build();
    assert_reported("build", &build, &expected);
    let after = snapshot(&site.output);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "the failed build changed the output's files"
    );
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "the failed build changed {path}");
    }
    assert_eq!(
        site.scratch_entries(),
        scratch,
        "the failed build left files next to the output"
    );

    assert_reported("check", &site.check(), &expected);
}

macro_rules! cases {
    ($($test:ident => $case:literal,)*) => {
        $(
            #[test]
            fn $test() {
                run_case($case);
            }
        )*

        const CASES: &[&str] = &[$($case),*];
    };
}

cases! {
    yaml_syntax_error => "yaml-syntax",
    missing_required_field => "missing-name",
    unknown_key_suggests_the_right_one => "unknown-key",
    wrong_type => "wrong-type",
    star_level_outside_three_to_five => "stars-out-of-range",
    unknown_district => "unknown-district",
    unknown_category => "unknown-category",
    unknown_producer => "unknown-producer",
    photo_that_does_not_exist => "photo-missing",
    photo_outside_the_product_folder => "photo-outside-folder",
    duplicate_product_slug => "duplicate-slug",
    date_not_in_the_calendar => "invalid-date",
    shop_url_not_https => "shop-url-not-https",
    shop_url_on_a_look_alike_host => "shop-url-look-alike-host",
    photo_that_is_not_an_image => "photo-not-an-image",
    photo_in_heic_format => "photo-heic",
    photo_whose_header_claims_400_megapixels => "photo-too-large",
    several_errors_in_several_files => "several-errors",
}

#[test]
fn every_case_folder_is_run() {
    let mut folders: Vec<String> = std::fs::read_dir(tests_dir().join("invalid"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut listed: Vec<&str> = CASES.to_vec();
    listed.sort();
    assert_eq!(folders, listed);
}

#[test]
fn edits_apply_exactly_as_written() {
    let edits = common::parse_edits(
        "# comment\nin: a.yaml\nfind:   decision:\nreplace: \\tdecision:\n\nin: b.md\nfind: x\nreplace:\n",
    );
    assert_eq!(
        edits,
        [
            ("a.yaml".into(), "  decision:".into(), "\tdecision:".into()),
            ("b.md".into(), "x".into(), String::new()),
        ]
    );
}
