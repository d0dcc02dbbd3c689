//! Replays the inputs kept in fuzz/regressions/<target>/ through the same checks as
//! the fuzz targets, so that CI covers past crashes and nasty seeds without cargo fuzz.

#[path = "../../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Feed every file of `fuzz/regressions/<target>/` to `check`; returns how many.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("fuzz/regressions/{target}: {e}"))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if let Err(panic) = std::panic::catch_unwind(|| check(&bytes)) {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("fuzz/regressions/{target}/{name}: {why}");
        }
    }
    files.len()
}

#[test]
fn content_yaml_regressions() {
    assert!(replay("content_yaml", checks::content_yaml) > 0);
}

#[test]
fn markdown_regressions() {
    assert!(replay("markdown", checks::markdown) > 0);
}

#[test]
fn search_normalize_regressions() {
    assert!(replay("search_normalize", checks::search_normalize) > 0);
}
