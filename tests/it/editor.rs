//! The browser editor's server side, without a browser: `ocop serve`'s `/admin/` and
//! Decap's local backend at `/api/v1`, spoken to as Decap speaks to it; and the
//! `/admin/` that `ocop build` publishes, or not.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::server::{dechunk, get, request, Server};
use crate::common::{jpeg, Site};

const PRODUCT: &str = "content/products/hat-de-trung-khanh/product.yaml";

/// A POST of `body` to `path` with these `Host` and `Origin` headers (none when `None`):
/// the status and the body.
fn post_raw(port: u16, host: &str, origin: Option<&str>, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut head = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(origin) = origin {
        head.push_str(&format!("Origin: {origin}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer before it has read a body it refuses.
    let _ = stream.write_all(body);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(response.len());
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let mut body = response.get(split + 4..).unwrap_or_default().to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body).unwrap_or_default();
    }
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// A call of the local backend from the editor's own page.
fn call(server: &Server, action: &str, params: Value) -> (u16, Value) {
    let host = format!("127.0.0.1:{}", server.port);
    let body = json!({"action": action, "params": params}).to_string();
    let (status, body) = post_raw(
        server.port,
        &host,
        Some(&format!("http://{host}")),
        body.as_bytes(),
    );
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

fn persist(server: &Server, path: &str, raw: &str, assets: Value) -> (u16, Value) {
    call(
        server,
        "persistEntry",
        json!({
            "branch": "main",
            "dataFiles": [{"slug": "x", "path": path, "raw": raw}],
            "assets": assets,
            "options": {"commitMessage": "save", "useWorkflow": false, "status": "draft"},
        }),
    )
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn wait_for(port: u16, path: &str, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        if let Some((_, body)) = get(port, path) {
            if done(&body) {
                return body;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{path} never changed as expected"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn serves_the_editor_and_a_config_built_from_the_sites_own_choices() {
    let site = Site::from_fixture("small");
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let page = request(server.port, "/admin/", &[]).unwrap();
    // The helper sends Host 127.0.0.1 without the port: not the serve address.
    assert_eq!(page.status, 403);

    let host = format!("127.0.0.1:{}", server.port);
    let get_with = |path: &str, gzip: bool| {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let encoding = if gzip {
            "Accept-Encoding: gzip\r\n"
        } else {
            ""
        };
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\n{encoding}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..split]).into_owned();
        let mut body = response[split + 4..].to_vec();
        if head.contains("Transfer-Encoding: chunked") {
            body = dechunk(&body).unwrap();
        }
        (head, body)
    };
    let (head, html) = get_with("/admin/", false);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("<script src=\"decap-cms.js\"></script>"));
    assert!(!html.contains("//"), "the page names another host: {html}");

    let (head, gzipped) = get_with("/admin/decap-cms.js", true);
    assert!(head.contains("Content-Encoding: gzip"), "{head}");
    let (head, plain) = get_with("/admin/decap-cms.js", false);
    assert!(!head.contains("Content-Encoding"), "{head}");
    assert_eq!(plain.len(), 5_167_389);
    assert!(gzipped.len() < plain.len() / 2);

    let (_, config) = get_with("/admin/config.yml", false);
    let config: Value = serde_yaml::from_slice(&config).unwrap();
    assert_eq!(config["locale"], "vi");
    assert_eq!(config["backend"]["name"], "proxy");
    assert_eq!(
        config["backend"]["proxy_url"],
        format!("http://{host}/api/v1")
    );
    let products = &config["collections"][0];
    assert_eq!(products["folder"], "content/products");
    assert_eq!(products["path"], "{{slug}}/product");
    let field = |name: &str| {
        products["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()
            .clone()
    };
    let values = |field: Value| -> Vec<String> {
        field["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["value"].as_str().unwrap().to_owned())
            .collect()
    };
    // The ids of a list file's entries, in its order.
    let ids = |file: &str| -> Vec<String> {
        let text = std::fs::read_to_string(site.root.join("content").join(file)).unwrap();
        let entries: Vec<serde_yaml::Value> = serde_yaml::from_str(&text).unwrap();
        (entries.iter())
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(values(field("district")), ids("districts.yaml"));
    assert_eq!(values(field("category")), ids("categories.yaml"));
    assert_eq!(values(field("stars")), ["3", "4", "5"]);
    assert_eq!(field("producer")["widget"], "relation");

    // The config follows districts.yaml: it is made again on each request.
    site.edit(
        "content/districts.yaml",
        "- id: hoa-an",
        "- id: huyen-moi\n  name: Huyện Mới\n- id: hoa-an",
    );
    let (_, config) = get_with("/admin/config.yml", false);
    assert!(String::from_utf8_lossy(&config).contains("huyen-moi"));
}

#[test]
fn a_foreign_origin_or_host_gets_403_and_nothing_is_written() {
    let site = Site::from_fixture("small");
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let before = site.content_snapshot();
    let host = format!("127.0.0.1:{}", server.port);
    let body = json!({
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "dataFiles": [{"slug": "x", "path": "content/producers/moi.yaml", "raw": "name: X\n"}],
            "assets": [],
            "options": {"commitMessage": "x", "useWorkflow": false, "status": "draft"},
        },
    })
    .to_string();
    for (host, origin) in [
        (host.as_str(), Some("http://evil.example")),
        (host.as_str(), None),
        (host.as_str(), Some("http://localhost:1")),
        ("evil.example", Some("http://evil.example")),
        ("localhost", Some(&format!("http://{host}")[..])),
    ] {
        let (status, answer) = post_raw(server.port, host, origin, body.as_bytes());
        assert_eq!(status, 403, "{host} {origin:?}: {answer}");
        assert!(answer.contains("error"), "{answer}");
    }
    assert_eq!(site.content_snapshot(), before, "a refused write wrote");
    // A read from a foreign page is refused too.
    let read = json!({"action": "getEntry", "params": {"branch": "main", "path": PRODUCT}});
    let (status, answer) = post_raw(
        server.port,
        &host,
        Some("http://evil.example"),
        read.to_string().as_bytes(),
    );
    assert_eq!(status, 403);
    assert!(!answer.contains("Hạt dẻ"));
}

#[test]
fn paths_outside_the_contract_are_refused() {
    let site = Site::from_fixture("small");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.yaml"), "name: bí mật\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), site.root.join("content/products/lien-ket"))
        .unwrap();
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let before = site.content_snapshot();
    let absolute = site.root.join("content/producers/moi.yaml");
    for path in [
        "content/producers/../../evil.yaml",
        "content/../Cargo.toml",
        absolute.to_str().unwrap(),
        "/etc/passwd",
        "content/products/lien-ket/product.yaml",
        "content/districts.yaml",
        "themes/default/templates/base.html",
        "content/products/Hạt Dẻ/product.yaml",
    ] {
        let (status, answer) = persist(&server, path, "name: X\n", json!([]));
        assert_eq!(status, 403, "{path}: {answer}");
        let (status, _) = call(&server, "getEntry", json!({"branch": "main", "path": path}));
        assert_eq!(status, 403, "read of {path}");
    }
    let (status, answer) = call(
        &server,
        "getMediaFile",
        json!({"branch": "main", "path": "content/products/lien-ket/secret.yaml"}),
    );
    assert_eq!(status, 403, "{answer}");
    assert_eq!(site.content_snapshot(), before);
    assert_eq!(
        std::fs::read_to_string(outside.path().join("secret.yaml")).unwrap(),
        "name: bí mật\n"
    );
}

#[test]
fn uploads_must_be_photos_of_a_bounded_size() {
    let site = Site::from_fixture("small");
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let dir = "content/products/hat-de-trung-khanh";
    let (status, entry) = call(
        &server,
        "getEntry",
        json!({"branch": "main", "path": PRODUCT}),
    );
    assert_eq!(status, 200);
    let raw = entry["data"].as_str().unwrap().to_owned();

    let gif = json!([{"path": format!("{dir}/anh.gif"), "content": base64(b"GIF89a\x01\0\x01\0"), "encoding": "base64"}]);
    assert_eq!(persist(&server, PRODUCT, &raw, gif).0, 403, "a .gif name");
    let text = json!([{"path": format!("{dir}/anh.jpg"), "content": base64(b"<script>x</script>"), "encoding": "base64"}]);
    let (status, answer) = persist(&server, PRODUCT, &raw, text);
    assert_eq!(status, 415, "{answer}");
    let big = vec![0xFFu8; 21 * 1024 * 1024];
    let big =
        json!([{"path": format!("{dir}/anh.jpg"), "content": base64(&big), "encoding": "base64"}]);
    let (status, answer) = persist(&server, PRODUCT, &raw, big);
    assert_eq!(status, 413, "{answer}");
    assert!(!site.root.join(dir).join("anh.jpg").exists());

    let photo = jpeg(900, 600);
    let ok = json!([{"path": format!("{dir}/anh-moi.jpg"), "content": base64(&photo), "encoding": "base64"}]);
    let (status, answer) = persist(&server, PRODUCT, &raw, ok);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer, json!({"message": "entry persisted"}));
    assert_eq!(
        std::fs::read(site.root.join(dir).join("anh-moi.jpg")).unwrap(),
        photo
    );
    let (status, media) = call(
        &server,
        "getMedia",
        json!({"branch": "main", "mediaFolder": dir}),
    );
    assert_eq!(status, 200);
    assert!(media
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["name"] == "anh-moi.jpg" && m["encoding"] == "base64"));
}

#[test]
fn a_stale_save_or_a_blind_overwrite_is_a_conflict() {
    let site = Site::from_fixture("small");
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let producer = "content/producers/htx-dong-tam.yaml";
    // Never read by the editor: a save would overwrite it blind.
    let (status, answer) = persist(&server, producer, "name: Mới\n", json!([]));
    assert_eq!(status, 409, "{answer}");

    let (_, entry) = call(
        &server,
        "getEntry",
        json!({"branch": "main", "path": PRODUCT}),
    );
    assert_eq!(entry["file"]["path"], PRODUCT);
    assert_eq!(entry["file"]["id"].as_str().unwrap().len(), 64);
    let raw = entry["data"].as_str().unwrap().to_owned();
    site.edit(PRODUCT, "stars: 4", "stars: 5");
    let changed = std::fs::read_to_string(site.root.join(PRODUCT)).unwrap();
    let (status, answer) = persist(
        &server,
        PRODUCT,
        &raw.replace("stars: 4", "stars: 3"),
        json!([]),
    );
    assert_eq!(status, 409, "{answer}");
    let message = answer["error"].as_str().unwrap();
    assert!(
        // In the site's language, Vietnamese: "reload the page".
        message.contains(PRODUCT) && message.contains("tải lại trang"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(site.root.join(PRODUCT)).unwrap(),
        changed
    );

    // Read again, the save goes through, keeping the comments above the keys.
    let (_, entry) = call(
        &server,
        "getEntry",
        json!({"branch": "main", "path": PRODUCT}),
    );
    let raw = entry["data"]
        .as_str()
        .unwrap()
        .replace("stars: 5", "stars: '3'");
    let (status, answer) = persist(&server, PRODUCT, &raw, json!([]));
    assert_eq!(status, 200, "{answer}");
    let saved = std::fs::read_to_string(site.root.join(PRODUCT)).unwrap();
    assert!(saved.contains("\nstars: 3\n"), "{saved}");
    // And a second save from the same reading is no conflict: the editor wrote it.
    let (status, _) = persist(
        &server,
        PRODUCT,
        &raw.replace("stars: '3'", "stars: 4"),
        json!([]),
    );
    assert_eq!(status, 200);
}

#[test]
fn an_invalid_entry_is_saved_and_reported_while_the_last_good_preview_stays() {
    let site = Site::from_fixture("small");
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let port = server.port;
    let page = "/san-pham/hat-de-trung-khanh/";
    let (_, entry) = call(
        &server,
        "getEntry",
        json!({"branch": "main", "path": PRODUCT}),
    );
    let raw = entry["data"]
        .as_str()
        .unwrap()
        .replace("name: Hạt dẻ Trùng Khánh", "name: Hạt dẻ Trùng Khánh mới")
        .replace("stars: 4", "stars: 9");
    let (status, answer) = persist(&server, PRODUCT, &raw, json!([]));
    assert_eq!(status, 200, "{answer}");
    let saved = std::fs::read_to_string(site.root.join(PRODUCT)).unwrap();
    assert!(
        saved.contains("\nstars: 9\n"),
        "the editor's work was not saved"
    );
    let status = wait_for(port, "/__ocop/status", |body| body.contains("error:"));
    let status: Value = serde_json::from_str(&status).unwrap();
    let first = status["errors"][0].as_str().unwrap();
    let line = saved.lines().position(|l| l == "stars: 9").unwrap() + 1;
    assert!(
        first.starts_with(&format!(
            "{PRODUCT}:{line}:8: error: stars must be 3, 4 or 5"
        )),
        "{first}"
    );
    // The last good build is still served.
    let body = get(port, page).unwrap().1;
    assert!(body.contains("Hạt dẻ Trùng Khánh") && !body.contains("Hạt dẻ Trùng Khánh mới"));
}

#[test]
fn a_new_product_is_written_in_the_contract_and_passes_check() {
    let site = Site::from_fixture("small");
    let server = Server::start(&site.root, "2026-06-01", &[]);
    let path = "content/products/banh-cuon-thit/product.yaml";
    // As Decap writes it: its own key order and quoting, decomposed text.
    let raw = "name: \"Ba\u{301}nh cuô\u{301}n thi\u{323}t\"\nproducer: htx-dong-tam\nstars: \"3\"\n\
               category: thuc-pham\ncertificate:\n  decision: Quyết định số 9/QĐ-UBND\n  date: \"2025-03-04\"\n\
               photos:\n  - file: banh-cuon.jpg\n    alt: Đĩa bánh cuốn\n    caption: \"\"\nfeatured: false\n";
    let photo = jpeg(1000, 700);
    let assets = json!([{"path": "content/products/banh-cuon-thit/banh-cuon.jpg", "content": base64(&photo), "encoding": "base64"}]);
    let (status, answer) = persist(&server, path, raw, assets);
    assert_eq!(status, 200, "{answer}");
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    assert!(unicode_normalization::is_nfc(&text));
    assert!(text.contains("\nname: Bánh cuốn thịt\n"), "{text}");
    assert!(text.contains("\nstars: 3\n"));
    assert!(text.contains("  date: 2025-03-04\n"));
    assert!(
        text.contains("photos:\n  - file: banh-cuon.jpg\n    alt: Đĩa bánh cuốn\n"),
        "{text}"
    );
    let order: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with([' ', '#', '-']) && l.contains(':'))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        &order[..6],
        [
            "name",
            "stars",
            "category",
            "subcategory",
            "producer",
            "district"
        ]
    );
    assert!(site
        .root
        .join("content/products/banh-cuon-thit/banh-cuon.jpg")
        .is_file());
    let check = site.check();
    assert_eq!(check.code, Some(0), "{}", check.stderr);
    // Saving it again as new is refused: it exists now and was not read.
    let mut server = server;
    drop(std::mem::replace(
        &mut server,
        Server::start(&site.root, "2026-06-01", &[]),
    ));
    let (status, _) = persist(&server, path, raw, json!([]));
    assert_eq!(status, 409);
}

#[test]
fn the_public_build_has_admin_only_when_site_yaml_names_a_git_host() {
    let site = Site::from_fixture("small");
    site.build_ok();
    assert!(
        !site.output.join("admin").exists(),
        "/admin/ without editor:"
    );

    site.edit(
        "content/site.yaml",
        "products_per_page: 5",
        "products_per_page: 5\neditor:\n  backend: gitlab\n  repo: so-cong-thuong/ocop\n  branch: main\n  base_url: https://git.example.gov.vn/",
    );
    site.build_ok();
    let config: Value = serde_yaml::from_str(&site.read("admin/config.yml")).unwrap();
    assert_eq!(config["backend"]["name"], "gitlab");
    assert_eq!(config["backend"]["repo"], "so-cong-thuong/ocop");
    assert_eq!(config["backend"]["branch"], "main");
    assert_eq!(
        config["backend"]["api_root"],
        "https://git.example.gov.vn/api/v4"
    );
    assert_eq!(config["collections"][0]["folder"], "content/products");
    assert!(site.read("admin/index.html").contains("decap-cms.js"));
    assert_eq!(site.read_bytes("admin/decap-cms.js").len(), 5_167_389);
    assert!(site.read("admin/LICENSE.txt").contains("MIT License"));

    site.edit("content/site.yaml", "backend: gitlab", "backend: bitbucket");
    let check = site.check();
    assert_eq!(check.code, Some(1));
    let line = std::fs::read_to_string(site.root.join("content/site.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("backend: bitbucket"))
        .unwrap()
        + 1;
    assert!(
        check.stderr.contains(&format!(
            "content/site.yaml:{line}:12: error: `editor.backend` `bitbucket`"
        )),
        "{}",
        check.stderr
    );
}
