//! The built-in theme: a site without `themes/` uses it, a site's own file replaces
//! the built-in one of the same name and nothing else, `ocop theme eject` copies it
//! out byte for byte, and `--precompress` writes copies nginx can send as they are.

use std::fs;
use std::io::Read as _;

use crate::common::{html_files, repo, snapshot, Site};

/// Built from the `small` fixture, which has no `themes/` folder.
fn built() -> Site {
    let site = Site::from_fixture("small");
    assert!(!site.root.join("themes").exists());
    site.build_ok();
    site
}

#[test]
fn a_site_overriding_one_partial_shows_it_and_keeps_the_rest_of_the_built_in_theme() {
    let site = built();
    let before = snapshot(&site.output);
    // No attribute: the minifier would drop its quotes.
    let added = "<strong>Sở Công Thương tỉnh Hà Giang</strong>";
    site.edit(
        "themes/default/templates/partials/footer.html",
        "<footer class=\"foot\">",
        &format!("<footer class=\"foot\">{added}"),
    );
    // Only that one file exists in the site's theme folder.
    assert_eq!(
        snapshot(&site.root.join("themes"))
            .into_keys()
            .collect::<Vec<_>>(),
        ["default/templates/partials/footer.html"]
    );
    site.build_ok();
    let after = snapshot(&site.output);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "the same files are published"
    );
    let pages = html_files(&site.output);
    let mut with_footer = 0;
    for (name, html) in &pages {
        // The print sheet has a footer of its own.
        if html.contains("<footer class=foot>") {
            with_footer += 1;
            assert_eq!(
                html.matches(added).count(),
                1,
                "{name} lacks the province's footer"
            );
        }
        // Everything else, the rest of the page included, is the built-in theme's.
        let without = html.replacen(added, "", 1);
        assert!(
            without.as_bytes() == before[name].as_slice(),
            "{name} differs from the built-in theme's page by more than the footer"
        );
    }
    assert!(with_footer > 30, "only {with_footer} pages have a footer");
    for (name, bytes) in &after {
        if !name.ends_with(".html") {
            assert!(bytes == &before[name], "{name} changed");
        }
    }
}

#[test]
fn eject_reproduces_the_built_in_theme_byte_for_byte_and_the_site_stays_the_same() {
    let site = built();
    let before = snapshot(&site.output);
    let run = site.ocop(&["theme", "eject"]);
    run.assert_ok();
    let ejected = snapshot(&site.root.join("themes/default"));
    let source = snapshot(&repo().join("themes/default"));
    assert_eq!(
        ejected.keys().collect::<Vec<_>>(),
        source.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &source {
        assert!(
            &ejected[name] == bytes,
            "{name} differs from the built-in file"
        );
    }
    assert!(ejected.contains_key("templates/partials/footer.html"));
    site.build_ok();
    assert!(
        snapshot(&site.output) == before,
        "the ejected theme builds another site"
    );

    // A second eject would overwrite the team's work: refused, nothing touched.
    site.edit(
        "themes/default/static/css/site.css",
        ":root {",
        ":root { --province: 1;",
    );
    fs::write(
        site.root
            .join("themes/default/templates/partials/mine.html"),
        "x",
    )
    .unwrap();
    let edited = snapshot(&site.root.join("themes"));
    let run = site.ocop(&["theme", "eject"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("themes/default already exists"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert!(snapshot(&site.root.join("themes")) == edited);

    // --force brings the built-in files back and keeps the team's own.
    site.ocop(&["theme", "eject", "--force"]).assert_ok();
    let forced = snapshot(&site.root.join("themes/default"));
    assert!(forced["static/css/site.css"] == source["static/css/site.css"]);
    assert!(forced["templates/partials/mine.html"] == b"x");
}

#[test]
fn eject_refuses_a_folder_that_is_not_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let run = crate::common::ocop(["theme", "eject", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("no content folder"), "{}", run.stderr);
    assert!(
        fs::read_dir(dir.path()).unwrap().next().is_none(),
        "it wrote something"
    );
}

#[test]
fn css_and_js_are_published_under_content_hashed_names() {
    let site = built();
    let files = snapshot(&site.output);
    let hashed = |prefix: &str, ext: &str| -> Vec<String> {
        files
            .keys()
            .filter(|n| n.starts_with(prefix) && n.ends_with(ext))
            .cloned()
            .collect()
    };
    let css = hashed("css/site.", ".css");
    let js = hashed("js/search.", ".js");
    for (names, source) in [(&css, "static/css/site.css"), (&js, "static/js/search.js")] {
        assert_eq!(names.len(), 1, "{names:?}");
        let digest = names[0].rsplit('.').nth(1).unwrap();
        assert!(
            digest.len() == 10 && digest.bytes().all(|b| b.is_ascii_hexdigit()),
            "{}",
            names[0]
        );
        let built_in = fs::read(repo().join("themes/default").join(source)).unwrap();
        assert!(files[&names[0]] == built_in, "{} is not {source}", names[0]);
    }
    let home = site.page("");
    assert!(
        home.contains(&format!("/ocop/{}", css[0])),
        "the page links another stylesheet"
    );
    assert!(site.page("tim-kiem/").contains(&format!("/ocop/{}", js[0])));

    // A changed stylesheet gets a new name, so a browser holding the old one for a
    // year still fetches it.
    site.edit(
        "themes/default/static/css/site.css",
        ":root {",
        ":root { --x: 1;",
    );
    site.build_ok();
    let renamed: Vec<String> = snapshot(&site.output)
        .into_keys()
        .filter(|n| n.starts_with("css/site.") && n.ends_with(".css"))
        .collect();
    assert_eq!(renamed.len(), 1);
    assert_ne!(renamed, css);
}

#[test]
fn precompress_writes_gzip_and_brotli_copies_that_decompress_to_each_text_file() {
    let site = Site::from_fixture("small");
    site.build_with(crate::common::TODAY, &["--precompress".as_ref()])
        .assert_ok();
    let files = snapshot(&site.output);
    let mut pairs = 0;
    for (name, bytes) in &files {
        let original = match (name.strip_suffix(".gz"), name.strip_suffix(".br")) {
            (Some(original), _) | (_, Some(original)) => original,
            _ => continue,
        };
        let mut plain = Vec::new();
        if name.ends_with(".gz") {
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut plain)
                .unwrap();
        } else {
            brotli::Decompressor::new(&bytes[..], 4096)
                .read_to_end(&mut plain)
                .unwrap();
        }
        assert!(
            plain == files[original],
            "{name} is not {original} compressed"
        );
        assert!(bytes.len() < files[original].len(), "{name} is not smaller");
        pairs += 1;
    }
    for must in [
        "index.html",
        "data/products.csv",
        "data/products.json",
        "sitemap.xml",
    ] {
        for suffix in ["gz", "br"] {
            assert!(
                files.contains_key(&format!("{must}.{suffix}")),
                "no {must}.{suffix}"
            );
        }
    }
    let css = files
        .keys()
        .find(|n| n.starts_with("css/site.") && n.ends_with(".css.br"));
    assert!(css.is_some(), "the stylesheet has no brotli copy");
    // Photos are compressed already: no copy.
    assert!(!files
        .keys()
        .any(|n| n.contains(".jpg.") || n.contains(".webp.")));
    assert!(pairs > 60, "only {pairs} compressed copies");

    // Without the option, none.
    site.build_ok();
    assert!(!snapshot(&site.output)
        .keys()
        .any(|n| n.ends_with(".gz") || n.ends_with(".br")));
}
