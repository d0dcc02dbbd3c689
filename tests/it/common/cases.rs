//! Case folders of broken or hostile content (`tests/invalid/`, `tests/hostile/`): the
//! report a refused case must print, and the run that proves a refused build left the
//! published site alone.

use std::path::Path;

use super::{read_text, snapshot, Run, Site};

/// The diagnostics of an `expected.txt`, then the summary line that ends every report.
pub fn expected_report(file: &Path) -> Vec<String> {
    let mut lines: Vec<String> = read_text(file)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
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

/// The report of `expected.txt` in Vietnamese, from `expected.vi.txt` beside it, with
/// the Vietnamese summary line.
fn expected_report_vi(file: &Path) -> Vec<String> {
    let mut lines: Vec<String> = read_text(file)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    lines.push(format!(
        "error: tìm thấy {} lỗi; chưa xuất bản gì",
        lines.len()
    ));
    lines
}

/// On a broken `site` whose first language is Vietnamese, `ocop check` with no language
/// asked for prints the case's `expected.vi.txt`, and `ocop check --lang en` its
/// `expected.txt`. With `OCOP_BLESS=1` the Vietnamese file is written from the run,
/// to be read over before it is committed.
pub fn assert_reported_in_both_languages(site: &Site, case_dir: &Path) {
    let vi = site.check_in(None);
    let vi_file = case_dir.join("expected.vi.txt");
    if std::env::var_os("OCOP_BLESS").is_some() {
        let lines = vi.stderr_lines();
        let body = lines[..lines.len().saturating_sub(1)].join("\n");
        std::fs::write(&vi_file, body + "\n").unwrap();
    }
    assert_reported("check (vi)", &vi, &expected_report_vi(&vi_file));
    let en = site.check_in(Some("en"));
    assert_reported(
        "check --lang en",
        &en,
        &expected_report(&case_dir.join("expected.txt")),
    );
}

/// Build `site`, break it with `break_it`, then require `ocop build` and `ocop check`
/// to print exactly `expected` and exit with code 1, and the failed build to leave the
/// previous output byte for byte as it was, with nothing left beside it.
pub fn assert_refused(site: &Site, expected: &[String], break_it: impl FnOnce(&Site)) {
    site.build_ok();
    let before = snapshot(&site.output);
    let scratch = site.scratch_entries();

    break_it(site);
    let build = site.build();
    assert_reported("build", &build, expected);
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

    assert_reported("check", &site.check(), expected);
}

/// The names of the folders in `dir`, sorted.
pub fn folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// One `#[test]` per case folder, each calling the test module's own `run_case`, and
/// `CASES`, the list of them, which the module checks against the folders on disk.
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
pub(crate) use cases;
