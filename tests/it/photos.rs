//! The photo pipeline end to end: what a published photo may carry, what the cache
//! saves, and what happens to photos that cannot be used.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common;
use crate::common::camera::phone_photo;
use crate::common::{snapshot, Run, Site};
use image::GenericImageView;

const PRODUCT: &str = "content/products/hat-de-trung-khanh";

/// How many photos a build says it processed, from its summary line.
fn processed(run: &Run) -> usize {
    run.assert_ok();
    let line = run.stderr.lines().last().unwrap_or_default();
    // A build over the previous output with no file changed updates it in place, and
    // processes no photo.
    if line.starts_with("updated ") {
        return 0;
    }
    let (before, _) = line
        .split_once(" processed")
        .unwrap_or_else(|| panic!("no count of processed photos in `{line}`"));
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

/// The names of the entries in a photo cache folder.
fn entries(cache: &Path) -> BTreeSet<String> {
    fs::read_dir(cache.join("photos"))
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn default_cache(site: &Site) -> PathBuf {
    site.root.join(".ocop-cache")
}

#[test]
fn an_unchanged_rebuild_processes_no_photo_and_a_changed_photo_only_itself() {
    let site = Site::from_fixture("small");
    let first = processed(&site.build());
    assert!(
        first >= 4,
        "the fixture has several photos, {first} processed"
    );
    let cached = entries(&default_cache(&site));
    assert!(!cached.is_empty());

    assert_eq!(processed(&site.build()), 0, "nothing changed");
    assert_eq!(entries(&default_cache(&site)), cached);

    // anh-2 is not a cover, so only its copies change; nothing else is redone.
    let anh_2 = site.root.join(PRODUCT).join("anh-2.jpg");
    fs::write(&anh_2, common::jpeg(900, 600)).unwrap();
    assert_eq!(processed(&site.build()), 1);
    assert!(site
        .output
        .join("san-pham/hat-de-trung-khanh/anh-2-900.webp")
        .is_file());
    let with_900: BTreeSet<String> = entries(&default_cache(&site));
    let added: Vec<_> = with_900.difference(&cached).collect();
    assert_eq!(added.len(), 1, "one new entry");

    // Changed again: the 900 px version is no longer used anywhere and is pruned.
    fs::write(&anh_2, common::jpeg(1000, 600)).unwrap();
    assert_eq!(processed(&site.build()), 1);
    let now = entries(&default_cache(&site));
    assert!(!now.contains(added[0]), "the stale entry is pruned");
    assert_eq!(now.len(), with_900.len());
}

#[test]
fn the_cache_folder_can_be_moved_and_a_failed_build_keeps_it() {
    let site = Site::from_fixture("small");
    let elsewhere = site.root.parent().unwrap().join("photo-cache");
    let build = |extra: &[&std::ffi::OsStr]| site.build_with(common::TODAY, extra);
    let moved = [std::ffi::OsStr::new("--cache-dir"), elsewhere.as_os_str()];
    assert!(processed(&build(&moved)) > 0);
    assert!(!entries(&elsewhere).is_empty());
    assert!(!default_cache(&site).exists());
    let cached = entries(&elsewhere);

    // A build that fails must not prune what the next good build will need.
    site.edit(&format!("{PRODUCT}/product.yaml"), "stars: 4", "stars: 9");
    assert_eq!(build(&moved).code, Some(1));
    assert_eq!(entries(&elsewhere), cached);
    site.edit(&format!("{PRODUCT}/product.yaml"), "stars: 9", "stars: 4");
    assert_eq!(processed(&build(&moved)), 0);
}

#[test]
fn progress_is_not_drawn_when_stderr_is_not_a_terminal() {
    let site = Site::from_fixture("small");
    let run = site.build();
    run.assert_ok();
    // Only the summary: no progress bar, no control characters.
    assert_eq!(run.stderr_lines().len(), 1, "{}", run.stderr);
    assert!(!run.stderr.contains(['\r', '\x1b']), "{:?}", run.stderr);
}

/// The JPEG segments before the image data, as (marker, contents).
fn jpeg_segments(bytes: &[u8]) -> Vec<(u8, &[u8])> {
    let mut segments = Vec::new();
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let marker = bytes[i + 1];
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        segments.push((marker, &bytes[i + 4..i + 2 + length]));
        if marker == 0xDA {
            break;
        }
        i += 2 + length;
    }
    segments
}

/// The chunk names of a RIFF (WebP) file.
fn webp_chunks(bytes: &[u8]) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut i = 12;
    while i + 8 <= bytes.len() {
        chunks.push(String::from_utf8_lossy(&bytes[i..i + 4]).into_owned());
        let size = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().unwrap()) as usize;
        i += 8 + size + size % 2;
    }
    chunks
}

#[test]
fn published_photos_are_upright_and_carry_no_exif_or_gps() {
    let site = Site::from_fixture("small");
    let marker = b"ocop-test: producer's home";
    let original = phone_photo(marker);
    // The fixture photo really has what must be removed.
    assert!(original.windows(4).any(|w| w == b"Exif"));
    assert!(original.windows(marker.len()).any(|w| w == marker));
    fs::write(site.root.join(PRODUCT).join("anh-1.jpg"), &original).unwrap();
    site.build_ok();

    let folder = site.output.join("san-pham/hat-de-trung-khanh");
    let published: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("anh-1-") || name == "chia-se.jpg"
        })
        .collect();
    // 400 and 600 wide in two formats, and the share image.
    assert_eq!(published.len(), 5, "{published:?}");
    for path in &published {
        let bytes = fs::read(path).unwrap();
        let name = path.display();
        assert!(!bytes.windows(marker.len()).any(|w| w == marker), "{name}");
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif" || w == b"EXIF"),
            "{name}"
        );
        if bytes.starts_with(&[0xFF, 0xD8]) {
            let markers: Vec<u8> = jpeg_segments(&bytes).iter().map(|s| s.0).collect();
            // Nothing from APP1 (EXIF, XMP) to APP15, nor comments.
            assert!(
                !markers
                    .iter()
                    .any(|&m| (0xE1..=0xEF).contains(&m) || m == 0xFE),
                "{name}: segments {markers:02X?}"
            );
        } else {
            let chunks = webp_chunks(&bytes);
            assert!(
                chunks
                    .iter()
                    .all(|c| c == "VP8 " || c == "VP8L" || c == "VP8X"),
                "{name}: chunks {chunks:?}"
            );
        }
    }

    // Turned as the phone was held: 600×800, with the red corner now top right.
    let copy = image::open(folder.join("anh-1-600.webp")).unwrap();
    assert_eq!(copy.dimensions(), (600, 800));
    let red = |x, y| {
        let [r, _, b, _] = copy.get_pixel(x, y).0;
        r > 150 && b < 100
    };
    assert!(red(560, 40), "the stored top-left corner is now top right");
    assert!(!red(40, 40));
    assert!(!red(560, 760));
}

/// Overwrite a photo of a built fixture with `bytes`; the build must fail with
/// exactly `expected` about it and leave the published site as it was.
fn assert_build_refuses(file: &str, bytes: &[u8], expected: &str) {
    let site = Site::from_fixture("small");
    site.build_ok();
    let before = snapshot(&site.output);
    fs::write(site.root.join(PRODUCT).join(file), bytes).unwrap();
    let run = site.build();
    run.assert_no_panic();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        run.stderr_lines(),
        [
            format!("{PRODUCT}/{file}: error: {expected}").as_str(),
            "error: 1 problem found; nothing was published"
        ]
    );
    assert!(
        snapshot(&site.output) == before,
        "the failed build changed the site"
    );
}

#[test]
fn a_cut_short_jpeg_fails_the_build() {
    let whole = common::jpeg(800, 600);
    assert_build_refuses(
        "anh-2.jpg",
        &whole[..whole.len() * 2 / 3],
        "the JPEG is cut short or damaged (it never reaches its end marker); it was \
         probably copied incompletely: copy it again from the camera or phone",
    );
}

#[test]
fn check_warns_about_photos_too_small_to_look_sharp() {
    let site = Site::from_fixture("small");
    fs::write(
        site.root.join(PRODUCT).join("anh-2.jpg"),
        common::jpeg(640, 480),
    )
    .unwrap();
    let run = site.check();
    run.assert_ok();
    let lines = run.stderr_lines();
    assert_eq!(
        lines[0],
        format!(
            "{PRODUCT}/product.yaml:15:11: warning: photo `anh-2.jpg` is only 640 px wide and \
             will look blurry; use one at least 800 px wide (1600 px is best)"
        )
    );
    assert!(lines[1].ends_with(", 1 warning"), "{}", lines[1]);
    // The build warns the same way, and still publishes.
    let build = site.build();
    build.assert_ok();
    assert_eq!(build.stderr_lines()[0], lines[0]);
}

#[test]
fn a_warning_repeated_on_many_photos_prints_five_times_then_a_count() {
    let site = Site::from_fixture("small");
    let mut photos = Vec::new();
    for entry in fs::read_dir(site.root.join("content/products")).unwrap() {
        let dir = entry.unwrap().path();
        for file in fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "jpg") {
                fs::write(&path, common::jpeg(400, 300)).unwrap();
                photos.push(path);
            }
        }
    }
    let n = photos.len();
    assert!(n > 6, "the fixture has only {n} photos");
    let run = site.check();
    run.assert_ok();
    let lines = run.stderr_lines();
    let blurry = |lines: &[&str]| {
        (lines.iter())
            .filter(|l| l.starts_with("content/") && l.contains("will look blurry"))
            .count()
    };
    assert_eq!(blurry(&lines), 5, "{lines:#?}");
    assert!(
        lines.contains(&format!(
            "warning: {} more like \"photo `…` is only N px wide and will look blurry; use one at least N px wide (N px is best)\" ({n} in all; `ocop check --verbose` lists every one)",
            n - 5
        ).as_str()),
        "{lines:#?}"
    );
    // The summary still counts them all.
    assert!(
        lines.last().unwrap().ends_with(&format!(", {n} warnings")),
        "{lines:#?}"
    );
    let verbose = site.ocop(&["check", "--verbose", "--today", common::TODAY]);
    verbose.assert_ok();
    let all = verbose.stderr_lines();
    assert_eq!(blurry(&all), n);
    assert!(!all.iter().any(|l| l.contains("more like")));
    // The build prints them the same way as check.
    let build = site.build();
    build.assert_ok();
    let built = build.stderr_lines();
    assert_eq!(blurry(&built), 5);
    assert!(built
        .iter()
        .any(|l| l.starts_with(&format!("warning: {} more like", n - 5))));
}
