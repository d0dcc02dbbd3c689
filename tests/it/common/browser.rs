//! Debian's headless Chromium, driven from the command line: the page's DOM after its
//! scripts have run. Tests that need it skip, saying so, when it is not installed, and
//! fail under CI ([`super::tools::skip`]).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where Chromium is looked for: `$CHROMIUM`, else Debian's `/usr/bin/chromium`.
fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Chromium, if it is there.
pub fn chromium() -> Option<PathBuf> {
    let path = chromium_path();
    path.is_file().then_some(path)
}

/// When Chromium is not there, what to say about it.
pub fn chromium_missing() -> Option<String> {
    chromium().is_none().then(|| {
        format!(
            "no Chromium at {} (apt-get install chromium, or set CHROMIUM to its path)",
            chromium_path().display()
        )
    })
}

/// Chromium for `what`; without it the test skips, saying so, or fails under CI.
pub fn chromium_for(what: &str) -> Option<PathBuf> {
    if let Some(missing) = chromium_missing() {
        super::tools::skip(what, &[missing]);
    }
    chromium()
}

/// The DOM of `url` once the page's requests and timers have run (virtual time), and
/// Chromium's stderr.
pub fn dump_dom(binary: &Path, profile: &Path, url: &str) -> (String, String) {
    let output = Command::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-dev-shm-usage",
            "--no-first-run",
            // Virtual time waits for the page's requests, then runs its timers.
            "--virtual-time-budget=15000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run chromium");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
