//! Broken content must be reported, every problem at once, at `path:line:column`, and
//! must never replace a published site. The cases live in `tests/invalid/<case>/`
//! (see the README there); hostile input, malformed on purpose, is in
//! `tests/hostile/`, run by `tests/it/hostile.rs`.

use crate::common;
use crate::common::cases::{
    assert_refused, assert_reported_in_both_languages, expected_report, folders,
};
use crate::common::{tests_dir, Site};

fn run_case(case: &str) {
    let dir = tests_dir().join("invalid").join(case);
    let expected = expected_report(&dir.join("expected.txt"));
    let site = Site::from_fixture("small");
    assert_refused(&site, &expected, |site| site.apply_overlay(&dir));
    assert_reported_in_both_languages(&site, &dir);
}

common::cases::cases! {
    missing_required_field => "missing-name",
    unknown_key_suggests_the_right_one => "unknown-key",
    star_level_outside_three_to_five => "stars-out-of-range",
    unknown_district => "unknown-district",
    unknown_language_suggests_the_right_one => "unknown-language",
    translation_of_a_missing_page => "translation-of-missing-page",
    unknown_category => "unknown-category",
    unknown_producer => "unknown-producer",
    photo_that_does_not_exist => "photo-missing",
    duplicate_product_slug => "duplicate-slug",
    photo_that_is_not_an_image => "photo-not-an-image",
    photo_in_heic_format => "photo-heic",
    several_errors_in_several_files => "several-errors",
    history_listed_out_of_order => "history-out-of-order",
    two_decisions_on_one_date => "history-same-date",
    certificate_older_than_its_history => "certificate-older-than-history",
    score_outside_its_star_band => "score-outside-star-band",
    producer_named_like_a_directory_filter => "producer-id-reserved",
}

#[test]
fn every_case_folder_is_run() {
    let mut listed: Vec<&str> = CASES.to_vec();
    listed.sort();
    assert_eq!(folders(&tests_dir().join("invalid")), listed);
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
