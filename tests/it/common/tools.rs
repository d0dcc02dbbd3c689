//! The programs outside the Rust toolchain that some tests need (Chromium, node and the
//! packages of `tests/browser/`, nginx, check-jsonschema), and what a test does
//! without them: it skips, saying so, on a developer's machine, and fails under CI,
//! where `.ci/run` installs them.

use std::io::Write;
use std::path::{Path, PathBuf};
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
             of skipping it; `.ci/run` installs chromium, nodejs, npm, nginx, \
             libnginx-mod-http-brotli-static, the packages of tests/browser and \
             check-jsonschema (in target/ci-venv)."
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

/// Whether `program --version` (or `-v`) runs.
fn runs(program: &Path, flag: &str) -> bool {
    Command::new(program)
        .arg(flag)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// nginx: `$NGINX`, else Debian's `/usr/sbin/nginx`, else `nginx` on the PATH; or what
/// to say about it when it cannot be run.
pub fn nginx() -> Result<PathBuf, String> {
    let candidates = match std::env::var_os("NGINX") {
        Some(path) => vec![PathBuf::from(path)],
        None => vec![PathBuf::from("/usr/sbin/nginx"), PathBuf::from("nginx")],
    };
    candidates
        .into_iter()
        .find(|path| runs(path, "-v"))
        .ok_or_else(|| {
            "`nginx` is not installed (apt-get install nginx libnginx-mod-http-brotli-static; \
             or set $NGINX)"
                .to_owned()
        })
}

/// Debian's module for `brotli_static`, if installed; otherwise what to say about it.
pub fn brotli_static_module() -> Result<PathBuf, String> {
    let module = PathBuf::from("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so");
    match module.is_file() {
        true => Ok(module),
        false => Err(format!(
            "{} is missing (apt-get install libnginx-mod-http-brotli-static)",
            module.display()
        )),
    }
}

/// check-jsonschema: `$CHECK_JSONSCHEMA`, else the one `.ci/run` installs in
/// `target/ci-venv`, else on the PATH; or what to say about it.
pub fn check_jsonschema() -> Result<PathBuf, String> {
    let venv = super::repo().join("target/ci-venv/bin/check-jsonschema");
    let candidates = match std::env::var_os("CHECK_JSONSCHEMA") {
        Some(path) => vec![PathBuf::from(path)],
        None => vec![venv, PathBuf::from("check-jsonschema")],
    };
    candidates
        .into_iter()
        .find(|path| runs(path, "--version"))
        .ok_or_else(|| {
            "`check-jsonschema` is not installed (python3 -m venv target/ci-venv && \
             target/ci-venv/bin/pip install check-jsonschema==0.39.0; or set \
             $CHECK_JSONSCHEMA)"
                .to_owned()
        })
}
