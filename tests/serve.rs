//! `ocop serve`: builds the preview outside `public/` and answers on 127.0.0.1.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;

/// The server process, stopped when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The status line and body of `GET path`, or `None` while nothing listens.
fn get(port: u16, path: &str) -> Option<(String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    Some((head.lines().next()?.to_owned(), body.to_owned()))
}

#[test]
fn serves_the_preview_on_loopback_with_local_links() {
    let site = Site::from_fixture("small");
    let port = free_port();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_ocop"))
            .args([
                "serve",
                "--today",
                "2026-06-01",
                "--port",
                &port.to_string(),
                "--root",
            ])
            .arg(&site.root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    let home = loop {
        if let Some(response) = get(port, "/") {
            break response;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
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
