//! The programs outside the Rust toolchain that some tests need (Chromium, node and the
//! packages of `tests/browser/`), and what a test does without them: it skips, saying
//! so, on a developer's machine, and fails under CI, where `.ci/run` installs them.

use std::io::Write;
use std::process::Command;

/// Whether this is a CI run: `CI=true`, as `.ci/run` is run. There a missing tool fails
/// the test instead of skipping it, so that a broken install cannot pass unseen.
pub fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| value == "true")
}

/// Give up on `what`, which cannot run because of `missing` (each entry says what is
/// absent and how to install it). Under CI this panics; otherwise it writes `SKIPPED …`
/// past the test harness's capture, so that the skip is always seen, and the caller
/// returns.
pub fn skip(what: &str, missing: &[String]) {
    let why = missing.join("; ");
    if under_ci() {
        panic!(
            "{what} cannot run: {why}. With CI=true a missing tool fails the test instead \
             of skipping it; `.ci/run` installs chromium, nodejs, npm and the packages of \
             tests/browser."
        );
    }
    let _ = writeln!(std::io::stderr(), "SKIPPED {what}: {why}");
}

/// Whether `node` can be run; when it cannot, what to say about it.
pub fn node_missing() -> Option<String> {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    (!found).then(|| "`node` is not installed (apt-get install nodejs)".to_owned())
}
