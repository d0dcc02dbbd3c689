//! The built site's internal links: every `href`, `src` and `srcset` that stays on the
//! site must lead to a file of the build, and every `#anchor` to an element with that
//! `id`. A theme edit that breaks a link fails the build instead of reaching visitors.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use lol_html::{element, rewrite_str, RewriteStrSettings};
use percent_encoding::percent_decode_str;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::domain::Site;

/// What one page holds: the ids it defines, and what its links need that only the
/// whole site can tell.
#[derive(Default)]
struct Scanned {
    ids: HashSet<String>,
    /// Links already found broken, with why.
    broken: Vec<String>,
    /// Links into another page, as (link, page, anchor), to check once every page's
    /// ids are known.
    anchors: Vec<(String, String, String)>,
}

/// Broken links of the HTML pages under `dir`, as (page, message), sorted.
pub fn broken(dir: &Path, site: &Site) -> Vec<(String, String)> {
    // Every file, listed once: looking each link up on disk costs a system call, and
    // a national site has millions of links.
    let files: HashSet<String> = WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let relative = e.path().strip_prefix(dir).ok()?;
            Some(relative.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    let pages: Vec<&str> = files
        .iter()
        .map(String::as_str)
        .filter(|f| f.ends_with(".html"))
        .collect();
    let exists = |file: &str| files.contains(file);
    let scanned: HashMap<&str, Scanned> = pages
        .par_iter()
        .map(|&page| {
            let html = std::fs::read_to_string(dir.join(page)).unwrap_or_default();
            (page, scan(&html, page, site, &exists))
        })
        .collect();
    report(&scanned, |_| None)
}

/// Broken links of `pages`, as (path, HTML), about to be written into `dir`, a
/// complete build: what they link to must be among them or already in `dir`.
pub fn broken_in(pages: &[(String, Vec<u8>)], dir: &Path, site: &Site) -> Vec<(String, String)> {
    let new: HashSet<&str> = pages.iter().map(|(path, _)| path.as_str()).collect();
    let exists = |file: &str| new.contains(file) || dir.join(file).is_file();
    let scanned: HashMap<&str, Scanned> = pages
        .par_iter()
        .map(|(page, html)| {
            let html = String::from_utf8_lossy(html);
            (page.as_str(), scan(&html, page, site, &exists))
        })
        .collect();
    report(&scanned, |file| {
        let html = std::fs::read_to_string(dir.join(file)).ok()?;
        Some(scan(&html, file, site, &|_| true).ids)
    })
}

/// The broken links of `scanned` pages, sorted, with the ids of pages not among them
/// from `ids_of`.
fn report(
    scanned: &HashMap<&str, Scanned>,
    ids_of: impl Fn(&str) -> Option<HashSet<String>> + Sync,
) -> Vec<(String, String)> {
    let mut broken: Vec<(String, String)> = scanned
        .par_iter()
        .flat_map_iter(|(page, found)| {
            let missing_anchors = found.anchors.iter().filter_map(|(link, file, id)| {
                let known = match scanned.get(file.as_str()) {
                    Some(target) => target.ids.contains(id),
                    None => ids_of(file).is_some_and(|ids| ids.contains(id)),
                };
                (!known).then(|| format!("`{link}` points at `#{id}`, which {file} does not have"))
            });
            found
                .broken
                .iter()
                .cloned()
                .chain(missing_anchors)
                .map(|why| (page.to_string(), why))
        })
        .collect();
    broken.sort();
    broken.dedup();
    broken
}

fn scan(html: &str, page: &str, site: &Site, exists: &(dyn Fn(&str) -> bool + Sync)) -> Scanned {
    let mut links: HashSet<String> = HashSet::new();
    let mut ids: HashSet<String> = HashSet::new();
    let settings = RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
        for attribute in el.attributes() {
            let value = attribute.value();
            match attribute.name().as_str() {
                "href" | "src" => {
                    links.insert(value);
                }
                "srcset" => links.extend(
                    value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(str::to_owned),
                ),
                "id" => {
                    ids.insert(value);
                }
                _ => {}
            }
        }
        Ok(())
    }));
    // A page the parser cannot read has no links to check; minify-html wrote it.
    let _ = rewrite_str(html, settings);
    let mut found = Scanned::default();
    for link in links {
        match resolve(exists, site, page, &link) {
            Err(why) => found.broken.push(why),
            Ok(Some((file, id))) if file == page => {
                if !ids.contains(&id) {
                    found.broken.push(format!(
                        "`{link}` points at `#{id}`, which {file} does not have"
                    ));
                }
            }
            Ok(Some((file, id))) => found.anchors.push((link, file, id)),
            Ok(None) => {}
        }
    }
    found.ids = ids;
    found
}

/// Where `link` on `page` leads: nowhere to check (`None`), a page and an anchor in it
/// to check once all pages are read, or why it is broken.
fn resolve(
    exists: &(dyn Fn(&str) -> bool + Sync),
    site: &Site,
    page: &str,
    link: &str,
) -> Result<Option<(String, String)>, String> {
    let (address, fragment) = link.split_once('#').unwrap_or((link, ""));
    let address = address.split('?').next().unwrap_or_default();
    let has_scheme = address
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains('/'));
    let target = if let Some(rest) = address.strip_prefix(&site.base_url) {
        rest.to_owned()
    } else if has_scheme || address.starts_with("//") {
        return Ok(None); // another site, mailto:, tel:
    } else if address.is_empty() {
        page.to_owned()
    } else if let Some(rest) = address.strip_prefix(&site.base_path) {
        rest.to_owned()
    } else if address.starts_with('/') {
        return Err(format!(
            "`{link}` is outside the site's path {}",
            site.base_path
        ));
    } else {
        let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
        normalize(&format!("{folder}/{address}"))
            .ok_or_else(|| format!("`{link}` leads to no file of the site"))?
    };
    let target = percent_decode_str(&target).decode_utf8_lossy().into_owned();
    let file = [
        target.clone(),
        format!("{}/index.html", target.trim_end_matches('/')),
    ]
    .into_iter()
    .map(|t| t.trim_start_matches('/').to_owned())
    .find(|t| !t.is_empty() && !t.ends_with('/') && exists(t))
    .or_else(|| target.is_empty().then(|| "index.html".to_owned()));
    let Some(file) = file else {
        return Err(format!("`{link}` leads to no file of the site"));
    };
    if fragment.is_empty() || !file.ends_with(".html") {
        return Ok(None);
    }
    let id = percent_decode_str(fragment)
        .decode_utf8_lossy()
        .into_owned();
    Ok(Some((file, id)))
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
