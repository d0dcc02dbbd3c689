//! `ocop serve`: builds the preview outside `public/` and answers on 127.0.0.1.

mod common;

use common::server::{get, Server};
use common::Site;

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
