//! Running the theme's `js/search.js` under Node, for the checks that need no page.
//!
//! The theme ships it as `.js` for browsers; Node treats a `.js` file outside an ES
//! module package as CommonJS, so a copy named `search.mjs` is imported instead.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use super::repo;

/// Whether `node` can be run. When it cannot, say so on stderr: the caller skips.
pub fn available(what: &str) -> bool {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        // Past the test harness's capture, so that the skip is always seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {what}: `node` is not installed (apt-get install nodejs)"
        );
    }
    found
}

/// Run `driver` (an ES module that may `import … from './search.mjs'`) in `dir`, with
/// `args`; returns stdout, panicking with stderr when it fails.
pub fn run(dir: &Path, driver: &str, args: &[&str]) -> String {
    let script = repo().join("themes/default/static/js/search.js");
    std::fs::copy(&script, dir.join("search.mjs")).expect("copy search.js");
    std::fs::write(dir.join("driver.mjs"), driver).expect("write the driver");
    let output = Command::new("node")
        .arg(dir.join("driver.mjs"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "node failed\nstdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
