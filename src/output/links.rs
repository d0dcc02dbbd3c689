//! The built site's internal links: every `href`, `src` and `srcset` that stays on the
//! site must lead to a file of the build, and every `#anchor` to an element with that
//! `id`. A theme edit that breaks a link fails the build instead of reaching visitors.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use lol_html::{element, rewrite_str, RewriteStrSettings};
use percent_encoding::percent_decode_str;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::model::Site;

/// What one page holds: its outgoing links and the ids it defines.
#[derive(Default)]
struct Scanned {
    links: Vec<String>,
    ids: HashSet<String>,
}

/// Broken links of the HTML pages under `dir`, as (page, message), sorted.
pub fn broken(dir: &Path, site: &Site) -> Vec<(String, String)> {
    let pages: Vec<String> = WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .filter_map(|e| {
            let relative = e.path().strip_prefix(dir).ok()?;
            Some(relative.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    let scanned: HashMap<&str, Scanned> = pages
        .par_iter()
        .map(|page| {
            let html = std::fs::read_to_string(dir.join(page)).unwrap_or_default();
            (page.as_str(), scan(&html))
        })
        .collect();
    let mut broken: Vec<(String, String)> = scanned
        .par_iter()
        .flat_map_iter(|(page, found)| {
            found.links.iter().filter_map(|link| {
                check(dir, site, page, link, &scanned).map(|why| (page.to_string(), why))
            })
        })
        .collect();
    broken.sort();
    broken.dedup();
    broken
}

fn scan(html: &str) -> Scanned {
    let mut found = Scanned::default();
    let settings = RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
        for attribute in el.attributes() {
            let value = attribute.value();
            match attribute.name().as_str() {
                "href" | "src" => found.links.push(value),
                "srcset" => found.links.extend(
                    value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(str::to_owned),
                ),
                "id" => {
                    found.ids.insert(value);
                }
                _ => {}
            }
        }
        Ok(())
    }));
    // A page the parser cannot read has no links to check; minify-html wrote it.
    let _ = rewrite_str(html, settings);
    found
}

/// Why `link` on `page` is broken, if it is.
fn check(
    dir: &Path,
    site: &Site,
    page: &str,
    link: &str,
    scanned: &HashMap<&str, Scanned>,
) -> Option<String> {
    let (address, fragment) = link.split_once('#').unwrap_or((link, ""));
    let address = address.split('?').next().unwrap_or_default();
    let has_scheme = address
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains('/'));
    let target = if let Some(rest) = address.strip_prefix(&site.base_url) {
        rest.to_owned()
    } else if has_scheme || address.starts_with("//") {
        return None; // another site, mailto:, tel:
    } else if address.is_empty() {
        page.to_owned()
    } else if let Some(rest) = address.strip_prefix(&site.base_path) {
        rest.to_owned()
    } else if address.starts_with('/') {
        return Some(format!(
            "`{link}` is outside the site's path {}",
            site.base_path
        ));
    } else {
        let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
        normalize(&format!("{folder}/{address}"))?
    };
    let target = percent_decode_str(&target).decode_utf8_lossy().into_owned();
    let file = [
        target.clone(),
        format!("{}/index.html", target.trim_end_matches('/')),
    ]
    .into_iter()
    .map(|t| t.trim_start_matches('/').to_owned())
    .find(|t| !t.is_empty() && !t.ends_with('/') && dir.join(t).is_file())
    .or_else(|| target.is_empty().then(|| "index.html".to_owned()));
    let Some(file) = file else {
        return Some(format!("`{link}` leads to no file of the site"));
    };
    if fragment.is_empty() || !file.ends_with(".html") {
        return None;
    }
    let id = percent_decode_str(fragment).decode_utf8_lossy();
    let ids = scanned.get(file.as_str()).map(|s| &s.ids);
    if ids.is_some_and(|ids| ids.contains(id.as_ref())) {
        None
    } else {
        Some(format!(
            "`{link}` points at `#{id}`, which {file} does not have"
        ))
    }
}

/// `a/b/../c` → `a/c`; `None` when the path climbs above the site root.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::site::fallback;

    fn site() -> Site {
        let mut site = fallback();
        site.base_url = "https://example.org/ocop/".into();
        site.base_path = "/ocop/".into();
        site
    }

    #[test]
    fn finds_missing_files_and_anchors_only() {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, html: &str| {
            let file = dir.path().join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, html).unwrap();
        };
        write(
            "index.html",
            r##"<a href="/ocop/a/">a</a> <a href="a/#top">top</a> <a href="#missing">x</a>
            <img src="/ocop/img.jpg" srcset="/ocop/img.jpg 1x, /ocop/gone.jpg 2x">
            <a href="https://example.org/ocop/nope/">n</a> <a href="https://other.example/">o</a>
            <a href="mailto:a@example.org">m</a> <a href="/elsewhere/">e</a>"##,
        );
        write(
            "a/index.html",
            r#"<h1 id="top">A</h1><a href="../index.html">up</a>"#,
        );
        write("img.jpg", "");
        let found: Vec<String> = broken(dir.path(), &site())
            .into_iter()
            .map(|(page, why)| format!("{page}: {why}"))
            .collect();
        assert_eq!(
            found,
            [
                "index.html: `#missing` points at `#missing`, which index.html does not have",
                "index.html: `/elsewhere/` is outside the site's path /ocop/",
                "index.html: `/ocop/gone.jpg` leads to no file of the site",
                "index.html: `https://example.org/ocop/nope/` leads to no file of the site",
            ]
        );
    }
}
