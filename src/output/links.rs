//! The built site's internal links: every `href`, `src` and `srcset` that stays on the
//! site must lead to a file of the build, and every `#anchor` to an element with that
//! `id`. A theme edit that breaks a link fails the build instead of reaching visitors.

use crate::t;
use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::path::Path;
use std::sync::{Arc, Mutex};

use lol_html::{element, HtmlRewriter, Settings};
use percent_encoding::percent_decode_str;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::domain::Site;

/// What one page holds: the ids it defines, and what its links need that only the
/// whole site can tell.
#[derive(Default)]
struct Scanned {
    ids: Ids,
    /// Links already found broken, with why.
    broken: Vec<String>,
    /// Links into another page, as (link, page, anchor), to check once every page's
    /// ids are known.
    anchors: Vec<(String, String, String)>,
    /// Links to files not yet written when the page was read, as (link, file), to
    /// look up once the build is complete.
    later: Vec<(String, String)>,
}

/// A page's ids, sorted: kept for every page of the build until the end, so as small
/// as a set can be.
#[derive(Default)]
struct Ids(Box<[Box<str>]>);

impl Ids {
    fn new(ids: HashSet<String>) -> Self {
        let mut ids: Vec<Box<str>> = ids.into_iter().map(String::into_boxed_str).collect();
        ids.sort_unstable();
        Ids(ids.into_boxed_slice())
    }

    fn contains(&self, id: &str) -> bool {
        self.0.binary_search_by(|i| (**i).cmp(id)).is_ok()
    }
}

/// Whether a file of the site exists, as far as the caller can tell yet.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Found {
    Yes,
    No,
    /// Not among the pages; the build may still write it (a photo, a style sheet).
    Later,
}

/// Where a link leads, once resolved.
enum Resolved {
    /// Another site, or a file without anchors to check.
    Done,
    /// A page and an id in it.
    Anchor(String, String),
    /// A file to look for once the build is complete.
    Later(String),
}

/// The links of a build's pages, checked as each page is rendered rather than read
/// back from disk: a national site has 40,000 pages. Links to pages resolve at once
/// against the list of pages; links to other files, and anchors in other pages, wait
/// for [`Checker::finish`].
pub struct Checker<'a> {
    site: &'a Site,
    /// Every page's file, as `paths::file_for` names it.
    pages: HashSet<String>,
    scanned: Mutex<HashMap<String, Scanned>>,
}

impl<'a> Checker<'a> {
    pub fn new(site: &'a Site, pages: impl IntoIterator<Item = String>) -> Self {
        Checker {
            site,
            pages: pages.into_iter().collect(),
            scanned: Mutex::default(),
        }
    }

    /// Read the links and ids of `html`, the page written at `page`.
    pub fn scan(&self, page: &str, html: &[u8]) {
        let pages = &self.pages;
        let found = |file: &str| {
            if pages.contains(file) {
                Found::Yes
            } else if pages.contains(&format!("{}/index.html", file.trim_end_matches('/'))) {
                // A page's folder: the next candidate is the page.
                Found::No
            } else {
                Found::Later
            }
        };
        let scanned = scan(html, page, self.site, &found);
        (self.scanned.lock().unwrap_or_else(|e| e.into_inner())).insert(page.to_owned(), scanned);
    }

    /// The broken links of the pages scanned, as (page, message), sorted, once `dir`
    /// holds the complete build. Only the names of its files are read.
    pub fn finish(self, dir: &Path) -> Vec<(String, String)> {
        let files = list_files(dir);
        let mut scanned = self.scanned.into_inner().unwrap_or_else(|e| e.into_inner());
        for found in scanned.values_mut() {
            for (link, file) in std::mem::take(&mut found.later) {
                if !files.contains(&file) {
                    found.broken.push(t!("link-no-file", link = link));
                }
            }
        }
        report(&scanned, |_| None)
    }
}

/// Every file under `dir`, as a path relative to it with `/` between folders.
fn list_files(dir: &Path) -> HashSet<String> {
    WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let relative = e.path().strip_prefix(dir).ok()?;
            Some(relative.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}

/// Broken links of `pages`, as (path, HTML), about to be written into `dir`, a
/// complete build: what they link to must be among them or already in `dir`.
pub fn broken_in(pages: &[(String, Vec<u8>)], dir: &Path, site: &Site) -> Vec<(String, String)> {
    let new: HashSet<&str> = pages.iter().map(|(path, _)| path.as_str()).collect();
    let found = |file: &str| match new.contains(file) || dir.join(file).is_file() {
        true => Found::Yes,
        false => Found::No,
    };
    let scanned: HashMap<&str, Scanned> = pages
        .par_iter()
        .map(|(page, html)| (page.as_str(), scan(html, page, site, &found)))
        .collect();
    // Many pages link to anchors of the same few pages (a listing's cards to one
    // filter page): each is read and scanned once.
    let read: Mutex<HashMap<String, Option<Arc<Ids>>>> = Mutex::default();
    report(&scanned, |file| {
        let cached = (read.lock().unwrap_or_else(|e| e.into_inner()).get(file)).cloned();
        if let Some(ids) = cached {
            return ids;
        }
        let ids = std::fs::read(dir.join(file))
            .ok()
            .map(|html| Arc::new(scan(&html, file, site, &|_| Found::Yes).ids));
        (read.lock().unwrap_or_else(|e| e.into_inner())).insert(file.to_owned(), ids.clone());
        ids
    })
}

/// The broken links of `scanned` pages, sorted, with the ids of pages not among them
/// from `ids_of`.
fn report<K: Borrow<str> + Eq + Hash + Sync>(
    scanned: &HashMap<K, Scanned>,
    ids_of: impl Fn(&str) -> Option<Arc<Ids>> + Sync,
) -> Vec<(String, String)> {
    let mut broken: Vec<(String, String)> = scanned
        .par_iter()
        .flat_map_iter(|(page, found)| {
            let missing_anchors = found.anchors.iter().filter_map(|(link, file, id)| {
                let known = match scanned.get(file.as_str()) {
                    Some(target) => target.ids.contains(id),
                    None => ids_of(file).is_some_and(|ids| ids.contains(id)),
                };
                (!known).then(|| t!("link-no-anchor", link = link, id = id, file = file))
            });
            found
                .broken
                .iter()
                .cloned()
                .chain(missing_anchors)
                .map(|why| (page.borrow().to_owned(), why))
        })
        .collect();
    broken.sort();
    broken.dedup();
    broken
}

fn scan(html: &[u8], page: &str, site: &Site, exists: &(dyn Fn(&str) -> Found + Sync)) -> Scanned {
    let mut links: HashSet<String> = HashSet::new();
    let mut ids: HashSet<String> = HashSet::new();
    // Only the four attributes are looked up, by name, so nothing is copied for the
    // many elements without them; the rewritten page goes nowhere.
    let settings = Settings::new().append_element_content_handler(element!("*", |el| {
        links.extend(el.get_attribute("href"));
        links.extend(el.get_attribute("src"));
        if let Some(srcset) = el.get_attribute("srcset") {
            links.extend(
                srcset
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .map(str::to_owned),
            );
        }
        ids.extend(el.get_attribute("id"));
        Ok(())
    }));
    {
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| ());
        // A page the parser cannot read has no links to check; minify-html wrote it.
        if rewriter.write(html).is_ok() {
            let _ = rewriter.end();
        }
    }
    let mut found = Scanned::default();
    for link in links {
        match resolve(exists, site, page, &link) {
            Err(why) => found.broken.push(why),
            Ok(Resolved::Anchor(file, id)) if file == page => {
                if !ids.contains(&id) {
                    found
                        .broken
                        .push(t!("link-no-anchor", link = link, id = id, file = file));
                }
            }
            Ok(Resolved::Anchor(file, id)) => found.anchors.push((link, file, id)),
            Ok(Resolved::Later(file)) => found.later.push((link, file)),
            Ok(Resolved::Done) => {}
        }
    }
    found.ids = Ids::new(ids);
    found
}

/// Where `link` on `page` leads: nowhere to check, a page and an anchor in it to check
/// once all pages are read, a file to look for once the build is complete, or why it
/// is broken.
fn resolve(
    exists: &(dyn Fn(&str) -> Found + Sync),
    site: &Site,
    page: &str,
    link: &str,
) -> Result<Resolved, String> {
    let (address, fragment) = link.split_once('#').unwrap_or((link, ""));
    let address = address.split('?').next().unwrap_or_default();
    let has_scheme = address
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains('/'));
    let target = if let Some(rest) = address.strip_prefix(&site.base_url) {
        rest.to_owned()
    } else if has_scheme || address.starts_with("//") {
        return Ok(Resolved::Done); // another site, mailto:, tel:, data:
    } else if address.is_empty() {
        page.to_owned()
    } else if let Some(rest) = address.strip_prefix(&site.base_path) {
        rest.to_owned()
    } else if address.starts_with('/') {
        return Err(t!("link-outside", link = link, base = &site.base_path));
    } else {
        let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
        normalize(&format!("{folder}/{address}")).ok_or_else(|| t!("link-no-file", link = link))?
    };
    let target = percent_decode_str(&target).decode_utf8_lossy().into_owned();
    let file = [
        target.clone(),
        format!("{}/index.html", target.trim_end_matches('/')),
    ]
    .into_iter()
    .map(|t| t.trim_start_matches('/').to_owned())
    .filter(|t| !t.is_empty() && !t.ends_with('/'))
    .find_map(|t| match exists(&t) {
        Found::No => None,
        found => Some((t, found)),
    })
    .or_else(|| {
        target
            .is_empty()
            .then(|| ("index.html".to_owned(), Found::Yes))
    });
    let Some((file, found)) = file else {
        return Err(t!("link-no-file", link = link));
    };
    if found == Found::Later {
        return Ok(Resolved::Later(file));
    }
    if fragment.is_empty() || !file.ends_with(".html") {
        return Ok(Resolved::Done);
    }
    let id = percent_decode_str(fragment)
        .decode_utf8_lossy()
        .into_owned();
    Ok(Resolved::Anchor(file, id))
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
        // Of the files other than pages, only the photo is written.
        std::fs::write(dir.path().join("img.jpg"), "").unwrap();
        let pages = ["index.html", "a/index.html"].map(str::to_owned);
        let site = site();
        let checker = Checker::new(&site, pages);
        checker.scan(
            "index.html",
            br##"<a href="/ocop/a/">a</a> <a href="a/#top">top</a> <a href="#missing">x</a>
            <a href="/ocop/a">no slash</a> <a href="a/#gone">gone</a>
            <img src="/ocop/img.jpg" srcset="/ocop/img.jpg 1x, /ocop/gone.jpg 2x">
            <img src="data:image/png;base64,AAAA" alt="">
            <a href="https://example.org/ocop/nope/">n</a> <a href="https://other.example/">o</a>
            <a href="mailto:a@example.org">m</a> <a href="/elsewhere/">e</a>"##,
        );
        checker.scan(
            "a/index.html",
            br#"<h1 id="top">A</h1><a href="../index.html">up</a>"#,
        );
        let found: Vec<String> = checker
            .finish(dir.path())
            .into_iter()
            .map(|(page, why)| format!("{page}: {why}"))
            .collect();
        assert_eq!(
            found,
            [
                "index.html: `#missing` points at `#missing`, which index.html does not have",
                "index.html: `/elsewhere/` is outside the site's path /ocop/",
                "index.html: `/ocop/gone.jpg` leads to no file of the site",
                "index.html: `a/#gone` points at `#gone`, which a/index.html does not have",
                "index.html: `https://example.org/ocop/nope/` leads to no file of the site",
            ]
        );
    }
}
