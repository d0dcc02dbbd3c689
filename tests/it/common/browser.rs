//! Debian's headless Chromium, driven from the command line: the page's DOM after its
//! scripts have run. Tests that need it skip, saying so, when it is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `$CHROMIUM`, else Debian's `/usr/bin/chromium`, if it is there.
pub fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    path.is_file().then_some(path)
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
