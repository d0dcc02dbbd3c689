//! `ocop serve`: build, then serve the output on 127.0.0.1 for preview.

use std::fs;
use std::path::{Component, Path, PathBuf};

use tiny_http::{Header, Response, Server};

use super::Failure;

/// Serve `output` until the process is stopped. Only listens on loopback: this is a
/// preview for the person editing, not a public server.
pub fn serve(output: &Path, port: u16, on_ready: impl FnOnce(&str)) -> Result<(), Failure> {
    let address = format!("127.0.0.1:{port}");
    let server = Server::http(&address)
        .map_err(|e| Failure::Other(format!("cannot listen on {address}: {e}")))?;
    on_ready(&format!("http://{address}/"));
    for request in server.incoming_requests() {
        let (status, body, kind) = match resolve(output, request.url()) {
            Some(file) => match fs::read(&file) {
                Ok(body) => (200, body, content_type(&file)),
                Err(_) => not_found(output),
            },
            None => not_found(output),
        };
        let mut response = Response::from_data(body).with_status_code(status);
        if let Ok(header) = Header::from_bytes("Content-Type", kind) {
            response = response.with_header(header);
        }
        let _ = request.respond(response);
    }
    Ok(())
}

fn not_found(output: &Path) -> (u16, Vec<u8>, &'static str) {
    let body = fs::read(output.join("404.html")).unwrap_or_else(|_| b"404".to_vec());
    (404, body, "text/html; charset=utf-8")
}

/// The file a request path maps to, never outside `output`.
fn resolve(output: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = output.join(relative);
    let file = if file.is_dir() {
        file.join("index.html")
    } else {
        file
    };
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_folders_to_their_index_and_refuses_escapes() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("san-pham/x")).unwrap();
        fs::write(dir.path().join("san-pham/x/index.html"), "x").unwrap();
        assert_eq!(
            resolve(dir.path(), "/san-pham/x/?q=1"),
            Some(dir.path().join("san-pham/x/index.html"))
        );
        assert_eq!(resolve(dir.path(), "/../etc/passwd"), None);
        assert_eq!(resolve(dir.path(), "/%2e%2e/secret"), None);
        assert_eq!(resolve(dir.path(), "/missing/"), None);
    }
}
