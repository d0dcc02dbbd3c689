//! `ocop serve`: builds the preview outside `public/` and answers on 127.0.0.1.

use crate::common;
use crate::common::server::{get, Server};
use crate::common::Site;

#[test]
fn serves_the_preview_on_loopback_with_local_links() {
    let site = Site::from_fixture("small");
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let port = server.port;
    let home = get(port, "/").unwrap();
    assert_eq!(home.0, "HTTP/1.1 200 OK");
    // Links point at the preview, not at the public base_url and its /ocop/ sub-path.
    assert!(home.1.contains("/san-pham/"), "{}", home.1);
    assert!(!home.1.contains("/ocop/san-pham/"));

    let product = get(port, "/san-pham/hat-de-trung-khanh/").unwrap();
    assert_eq!(product.0, "HTTP/1.1 200 OK");

    let missing = get(port, "/khong-co/").unwrap();
    assert_eq!(missing.0, "HTTP/1.1 404 Not Found");
    let escape = get(port, "/../Cargo.toml").unwrap();
    assert_eq!(escape.0, "HTTP/1.1 404 Not Found");

    assert!(site.root.join(".ocop-cache/preview/index.html").is_file());
    assert!(
        !site.root.join("public").exists(),
        "the preview must not land in public/"
    );
}

/// Poll `GET path` until `done` holds for its body, for up to a minute (a rebuild
/// of the fixture takes a fraction of that).
fn wait_for(port: u16, path: &str, done: impl Fn(&str) -> bool) -> String {
    let started = std::time::Instant::now();
    loop {
        if let Some((_, body)) = get(port, path) {
            if done(&body) {
                return body;
            }
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "{path} never changed as expected"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[test]
fn an_edit_is_rebuilt_and_served_and_an_error_shows_over_the_last_good_page() {
    let site = Site::from_fixture("small");
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let port = server.port;
    let page = "/san-pham/hat-de-trung-khanh/";
    let yaml = "content/products/hat-de-trung-khanh/product.yaml";

    let first = get(port, page).unwrap().1;
    // Served pages ask for reloads; the files written stay as a build makes them.
    assert!(first.contains("<script src=\"/__ocop/live.js\"></script>"));
    assert!(!std::fs::read_to_string(
        site.root
            .join(".ocop-cache/preview/san-pham/hat-de-trung-khanh/index.html")
    )
    .unwrap()
    .contains("__ocop"));
    let status: serde_json::Value =
        serde_json::from_str(&get(port, "/__ocop/status").unwrap().1).unwrap();
    let version = status["version"].as_u64().unwrap();
    assert_eq!(status["errors"], serde_json::json!([]));

    site.edit(
        yaml,
        "name: Hạt dẻ Trùng Khánh",
        "name: Hạt dẻ Trùng Khánh vụ mới",
    );
    wait_for(port, page, |body| {
        body.contains("Hạt dẻ Trùng Khánh vụ mới")
    });
    // Pages learn of the rebuild, which makes them reload.
    wait_for(port, "/__ocop/status", |body| {
        let status: serde_json::Value = serde_json::from_str(body).unwrap();
        status["version"].as_u64().unwrap() > version
    });

    site.edit(yaml, "stars: 4", "stars: 9");
    let status = wait_for(port, "/__ocop/status", |body| body.contains("error:"));
    let status: serde_json::Value = serde_json::from_str(&status).unwrap();
    let errors: Vec<&str> = status["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(
        errors[0].starts_with(&format!("{yaml}:2:8: error: stars must be 3, 4 or 5")),
        "{errors:?}"
    );
    // The last good build stays up underneath.
    assert!(get(port, page)
        .unwrap()
        .1
        .contains("Hạt dẻ Trùng Khánh vụ mới"));

    // In a browser, the page shows the errors over itself.
    let Some(chromium) = common::browser::chromium_for("the error overlay check") else {
        return;
    };
    let profile = tempfile::tempdir().unwrap();
    let (dom, stderr) = common::browser::dump_dom(&chromium, profile.path(), &server.url(page));
    let overlay = dom
        .split("id=\"ocop-errors\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no error overlay\n{stderr}"));
    assert!(overlay.contains(&format!("{yaml}:2:8: error: stars must be 3, 4 or 5")));
}

#[test]
fn an_edit_rewrites_only_the_files_it_changes_and_matches_a_full_build() {
    use std::os::unix::fs::MetadataExt;

    let site = Site::from_fixture("small");
    // With an English edition, whose pages show the untranslated name too.
    site.edit(
        "content/site.yaml",
        "products_per_page: 5",
        "products_per_page: 5\nlanguages: [vi, en]",
    );
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let port = server.port;
    let preview = site.root.join(".ocop-cache/preview");
    let inode = |path: &str| std::fs::metadata(preview.join(path)).unwrap().ino();
    // The version moves on when the pages are ready; the build goes on with the
    // search index and the downloads.
    let version = |body: &str| {
        let status: serde_json::Value = serde_json::from_str(body).unwrap();
        match status["building"].as_bool().unwrap() {
            true => 0,
            false => status["version"].as_u64().unwrap(),
        }
    };
    let before = version(&get(port, "/__ocop/status").unwrap().1);
    let edited = "san-pham/hat-de-trung-khanh/index.html";
    let edited_en = "en/products/hat-de-trung-khanh/index.html";
    // The stylesheet's name carries a hash of its bytes.
    let css = std::fs::read_dir(preview.join("css"))
        .unwrap()
        .map(|e| format!("css/{}", e.unwrap().file_name().to_string_lossy()))
        .find(|name| name.ends_with(".css"))
        .unwrap();
    let elsewhere = [
        "404.html",
        "tin-tuc/index.html",
        "en/news/index.html",
        css.as_str(),
    ];
    let inodes: Vec<u64> = elsewhere.iter().map(|p| inode(p)).collect();
    let edited_inode = inode(edited);

    site.edit(
        "content/products/hat-de-trung-khanh/product.yaml",
        "name: Hạt dẻ Trùng Khánh",
        "name: Hạt dẻ Trùng Khánh vụ mới",
    );
    wait_for(port, "/__ocop/status", |body| version(body) > before);

    assert_ne!(
        inode(edited),
        edited_inode,
        "the edited page was not replaced"
    );
    for (path, &old) in elsewhere.iter().zip(&inodes) {
        assert_eq!(
            inode(path),
            old,
            "{path} was written again, yet it did not change"
        );
    }
    // The preview updated in place is the site a full build makes of the same content.
    let base_url = format!("http://127.0.0.1:{port}/");
    let matches_a_full_build = || {
        site.build_with("2026-06-01", &["--base-url".as_ref(), base_url.as_ref()])
            .assert_ok();
        let full = common::snapshot(&site.output);
        let updated = common::snapshot(&preview);
        assert_eq!(
            updated.keys().collect::<Vec<_>>(),
            full.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &full {
            assert!(updated[path] == *bytes, "{path} differs from a full build");
        }
        full
    };
    let full = matches_a_full_build();
    for page in [edited, edited_en] {
        assert!(String::from_utf8_lossy(&full[page]).contains("Hạt dẻ Trùng Khánh vụ mới"));
    }

    // A producer's edit reaches its products' pages and every listing that shows them.
    let before = version(&get(port, "/__ocop/status").unwrap().1);
    site.edit(
        "content/producers/htx-dong-tam.yaml",
        "name: HTX Nông sản Đồng Tâm",
        "name: HTX Nông sản Đồng Tâm Mới",
    );
    wait_for(port, "/__ocop/status", |body| version(body) > before);
    assert_eq!(
        inode("404.html"),
        inodes[0],
        "the producer's edit rebuilt everything"
    );
    let full = matches_a_full_build();
    assert!(String::from_utf8_lossy(&full[edited]).contains("HTX Nông sản Đồng Tâm Mới"));
}
