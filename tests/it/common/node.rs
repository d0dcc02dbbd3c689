//! Running the theme's `js/search.js` under Node, for the checks that need no page.
//!
//! The theme ships it as `.js` for browsers; Node treats a `.js` file outside an ES
//! module package as CommonJS, so a copy named `search.mjs` is imported instead.

use std::path::Path;
use std::process::Command;

use super::repo;

/// Whether `node` can be run. When it cannot, the test skips, saying so, or fails under
/// CI ([`super::tools::skip`]).
pub fn available(what: &str) -> bool {
    let missing = super::tools::node_missing();
    if let Some(missing) = &missing {
        super::tools::skip(what, std::slice::from_ref(missing));
    }
    missing.is_none()
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
