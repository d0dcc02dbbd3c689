//! The Decap CMS bundle, vendored gzipped in `vendor/decap-cms/` by
//! `tools/vendor-decap-cms.sh` and embedded in the binary, so that the editor works
//! offline and asks no other host for anything.
//!
//! Not for the editor's page or configuration: [`super::page`] and [`super::config`].

use include_dir::{include_dir, Dir};

static VENDORED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/vendor/decap-cms");

/// The Decap CMS version vendored, from `vendor/decap-cms/VERSION`.
pub fn version() -> &'static str {
    VENDORED
        .get_file("VERSION")
        .and_then(|f| f.contents_utf8())
        .map(str::trim)
        .unwrap_or("")
}

/// The gzipped bytes of a file the bundle loads, by its name in the bundle's folder
/// (`decap-cms.js`, `2598.decap-cms.js`, `f728….wasm`), or `None` for any other name.
pub fn gzipped(name: &str) -> Option<&'static [u8]> {
    // Only plain names: the folder's own notes (LICENSE, SHA256SUMS) are not served.
    if name.contains('/') || !(name.ends_with(".js") || name.ends_with(".wasm")) {
        return None;
    }
    VENDORED
        .get_file(format!("{name}.gz"))
        .map(|file| file.contents())
}

/// Every file the bundle may load: its name (without `.gz`) and gzipped bytes.
pub fn files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    VENDORED.files().filter_map(|file| {
        let name = file.path().to_str()?.strip_suffix(".gz")?;
        Some((name, file.contents()))
    })
}

/// The licence of the bundle, published beside it.
pub fn licence() -> &'static str {
    VENDORED
        .get_file("LICENSE")
        .and_then(|f| f.contents_utf8())
        .unwrap_or("")
}

/// The bundle's content type by its name.
pub fn content_type(name: &str) -> &'static str {
    match name.ends_with(".wasm") {
        true => "application/wasm",
        false => "text/javascript; charset=utf-8",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};
    use std::io::Read;

    /// SHA256SUMS, written by the vendoring script, matches every vendored file, and
    /// names them all: a file edited or added by hand fails here.
    #[test]
    fn vendored_files_match_their_checksums() {
        let sums = VENDORED
            .get_file("SHA256SUMS")
            .and_then(|f| f.contents_utf8())
            .expect("vendor/decap-cms/SHA256SUMS");
        let mut listed = 0;
        for line in sums.lines() {
            let (sum, name) = line.split_once("  ").expect("sha256sum format");
            let file = VENDORED.get_file(name).unwrap_or_else(|| panic!("{name}"));
            let actual = format!("{:x}", Sha256::digest(file.contents()));
            assert_eq!(actual, sum, "{name} does not match SHA256SUMS");
            listed += 1;
        }
        assert_eq!(listed, VENDORED.files().count() - 1, "a file is not listed");
        assert_eq!(version(), "3.16.3");
        assert!(licence().contains("MIT License"));
    }

    #[test]
    fn serves_the_bundle_and_its_chunks_but_not_the_notes() {
        let bundle = gzipped("decap-cms.js").expect("the bundle");
        let mut text = String::new();
        flate2::read::GzDecoder::new(bundle)
            .read_to_string(&mut text)
            .unwrap();
        assert!(text.contains("decap-cms-app 3.16.3"));
        // The chunks it loads on demand are named `<n>.decap-cms.js`.
        assert!(text.contains(r#".decap-cms.js""#));
        assert!(files().count() > 90);
        for refused in ["LICENSE", "SHA256SUMS", "../Cargo.toml", "x/decap-cms.js"] {
            assert!(gzipped(refused).is_none(), "{refused}");
        }
    }
}
