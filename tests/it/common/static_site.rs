//! The repository's demo built once into a temporary folder and served as plain static
//! files on 127.0.0.1, as a web host would serve `public/`: no live-reload script, no
//! rebuilds. For the checks made in a real browser (the `accessibility` and
//! `page_weight` tests), and the Node tools that drive it (`tests/browser/`).

use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::thread::JoinHandle;

use super::repo;

/// A static file server on 127.0.0.1, stopped when dropped.
pub struct StaticServer {
    server: Arc<tiny_http::Server>,
    workers: Vec<JoinHandle<()>>,
    pub port: u16,
}

impl StaticServer {
    /// Serve `dir` on a free loopback port: `/a/` is `a/index.html`, a missing file is
    /// `404.html` with status 404, query strings are ignored.
    pub fn start(dir: &Path) -> StaticServer {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let workers = (0..4)
            .map(|_| {
                let server = Arc::clone(&server);
                let dir = dir.to_path_buf();
                std::thread::spawn(move || {
                    for request in server.incoming_requests() {
                        let response = respond(&dir, request.url());
                        let _ = request.respond(response);
                    }
                })
            })
            .collect();
        StaticServer {
            server,
            workers,
            port,
        }
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        for _ in &self.workers {
            self.server.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

/// The file a URL path names under `dir`, if it is one (no `..`, no absolute parts).
pub fn file_for(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?
        .into_owned();
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = dir.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn respond(dir: &Path, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let (status, file) = match file_for(dir, url) {
        Some(file) => (200, file),
        None => (404, dir.join("404.html")),
    };
    let body = std::fs::read(&file).unwrap_or_default();
    let header =
        tiny_http::Header::from_bytes(&b"Content-Type"[..], content_type(&file).as_bytes())
            .unwrap();
    tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header)
}

/// The media type a host gives a file, by its extension.
pub fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// `tests/browser/`, where the Node side of the browser checks lives.
pub fn browser_tools() -> PathBuf {
    repo().join("tests/browser")
}

/// Whether the browser checks can run: `node`, Chromium, and the packages of
/// `tests/browser/` (installed by `npm ci --prefix tests/browser`, as `.ci/run` does).
/// When they cannot, the test skips, saying why, or fails under CI
/// ([`super::tools::skip`]).
pub fn browser_tools_available(what: &str) -> bool {
    let mut missing = Vec::new();
    missing.extend(super::tools::node_missing());
    missing.extend(super::browser::chromium_missing());
    for package in ["axe-core", "playwright-core"] {
        if !browser_tools().join("node_modules").join(package).is_dir() {
            missing.push(format!(
                "tests/browser/node_modules/{package} is missing \
                 (npm ci --prefix tests/browser --ignore-scripts)"
            ));
        }
    }
    if !missing.is_empty() {
        super::tools::skip(what, &missing);
    }
    missing.is_empty()
}

/// Run `tests/browser/<script> args…` under Node and parse the JSON it prints; panics
/// with its stderr when it fails. Chromium is `$CHROMIUM` or /usr/bin/chromium.
pub fn run_browser_script(script: &str, args: &[&str]) -> serde_json::Value {
    let chromium = super::browser::chromium().expect("chromium");
    let output = Command::new("node")
        .arg(browser_tools().join(script))
        .args(args)
        .env("CHROMIUM", chromium)
        .current_dir(browser_tools())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "node {script} failed ({})\nstdout:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("node {script} printed no JSON ({e}):\n{stdout}\n{stderr}"))
}
