//! The browser editor: Decap CMS at `/admin/`, configured from ocop's own content
//! contract, saving through `ocop serve` into `content/`.
//!
//! - [`bundle`]: the vendored Decap CMS bundle, embedded in the binary;
//! - [`config`]: Decap's `config.yml`, generated from the record structs, the
//!   districts and the categories;
//! - [`proxy`]: Decap's local backend protocol (`/api/v1`), confined to `content/`;
//! - [`save`]: what a save writes: the contract's key order, NFC, comments kept.
//!
//! Not for building pages: the editor only writes content files, and `ocop serve`'s
//! usual rebuild follows.

pub mod bundle;
pub mod config;
pub mod page;
pub mod proxy;
pub mod save;

use std::io::Read;
use std::path::Path;

use crate::domain::Site;

/// The files of `/admin/` that `ocop build` publishes when `site.yaml` names a Git host
/// (`editor:`), by their path in the output: the page, `config.yml` saving to that
/// host, the bundle (as plain files: `--precompress` compresses them like the rest)
/// and its licence. Without `editor:`, none: the public site has no `/admin/`.
pub fn published_files(site: &Site, root: &Path) -> Vec<(String, Vec<u8>)> {
    let Some(backend) = &site.editor else {
        return Vec::new();
    };
    let lang = site.main_language();
    let choices = config::choices(root);
    let backend = config::Backend::Git(backend.clone());
    let mut files = vec![
        (
            "admin/index.html".to_owned(),
            page::index_html(lang, bundle::version()).into_bytes(),
        ),
        (
            "admin/config.yml".to_owned(),
            config::config_yml(&backend, &choices, lang).into_bytes(),
        ),
        (
            "admin/LICENSE.txt".to_owned(),
            bundle::licence().as_bytes().to_vec(),
        ),
    ];
    for (name, gzipped) in bundle::files() {
        let mut bytes = Vec::new();
        if flate2::read::GzDecoder::new(gzipped)
            .read_to_end(&mut bytes)
            .is_ok()
        {
            files.push((format!("admin/{name}"), bytes));
        }
    }
    files
}
