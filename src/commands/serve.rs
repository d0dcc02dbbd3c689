//! `ocop serve`: build, serve the output on 127.0.0.1, and rebuild whenever
//! `content/` or `themes/` changes. Open pages reload themselves after a rebuild, and
//! a build that fails shows its errors over the last good page instead of a dead one.

use crate::t;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Request, Response, Server};

use super::build::Built;
use super::Failure;
use crate::editor::proxy::{self, Editor};

/// Where pages ask whether they are stale; no site path can start with `__`.
const STATUS: &str = "/__ocop/status";
const LIVE_JS: &str = "/__ocop/live.js";
/// The script added to every HTML page served, never to the files written.
const LIVE_SCRIPT: &str = include_str!("live.js");
/// Editors save a file in several steps; wait for them to settle before rebuilding.
const SETTLE: Duration = Duration::from_millis(100);

/// What open pages need to know about the latest build.
#[derive(Default)]
struct Live {
    /// Bumped after every rebuild, good or bad, so that pages reload.
    version: u64,
    /// The lines of the last build's failure, shown over the page; empty when it
    /// succeeded.
    errors: Vec<String>,
    /// Whether a build is under way: pages may be ready before the search index.
    building: bool,
}

/// Called by a build as soon as its pages are in place, before it writes the files made
/// from the whole catalogue (search index, downloads): open pages can reload then.
pub type PagesReady<'a> = &'a mut dyn FnMut(&Built);

/// Build with `rebuild`, serve `output` on 127.0.0.1 until the process is stopped,
/// and rebuild when anything under `watched` changes. `rebuild` is told which files
/// changed (none for the first build), and may say early that its pages are ready.
///
/// With an `editor`, `/admin/` and `/api/v1` are its own: Decap CMS, and the local
/// backend that saves into `content/`, whose writes the usual rebuild follows.
pub fn preview<F>(
    output: &Path,
    port: u16,
    watched: &[PathBuf],
    editor: Option<Editor>,
    mut rebuild: F,
) -> Result<(), Failure>
where
    F: FnMut(&[PathBuf], PagesReady) -> Result<Built, Failure> + Send + 'static,
{
    let live = Arc::new(Mutex::new(Live::default()));
    run_build(&live, &mut rebuild, &[]);

    let address = format!("127.0.0.1:{port}");
    let server = Server::http(&address).map_err(|e| {
        Failure::Other(t!(
            "serve-cannot-listen",
            address = &address,
            error = e.to_string()
        ))
    })?;

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        match event {
            // The kernel's queue overflowed: at national scale the build's own reads
            // of tens of thousands of files do that, and rebuilding everything for it
            // would only read them all again.
            Ok(event) if event.need_rescan() => eprintln!("{}", t!("serve-rescan")),
            Ok(event) if !event.kind.is_access() => {
                let _ = tx.send(event.paths);
            }
            Ok(_) => {}
            // Events were lost: say that anything may have changed.
            Err(_) => {
                let _ = tx.send(Vec::new());
            }
        }
    })
    .map_err(|e| Failure::Other(t!("serve-cannot-watch", error = e.to_string())))?;
    for dir in watched.iter().filter(|d| d.is_dir()) {
        watcher.watch(dir, RecursiveMode::Recursive).map_err(|e| {
            Failure::Other(t!(
                "serve-cannot-watch-dir",
                dir = dir,
                error = e.to_string()
            ))
        })?;
    }
    let rebuilding = Arc::clone(&live);
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut changed = vec![first];
            while let Ok(more) = rx.recv_timeout(SETTLE) {
                changed.push(more);
            }
            // An empty list stands for changes unknown, which call for a full build.
            let changed: Vec<PathBuf> = if changed.iter().any(Vec::is_empty) {
                Vec::new()
            } else {
                let mut paths: Vec<PathBuf> = changed.into_iter().flatten().collect();
                paths.sort();
                paths.dedup();
                paths
            };
            eprintln!("{}", t!("serve-rebuilding"));
            run_build(&rebuilding, &mut rebuild, &changed);
        }
    });

    eprintln!(
        "{}",
        t!("serve-serving", output = output, address = &address)
    );
    if editor.is_some() {
        eprintln!("{}", t!("editor-serving", address = &address));
    }
    for request in server.incoming_requests() {
        match &editor {
            Some(editor) if proxy::answers(request_path(request.url())) => {
                respond_editor(request, editor)
            }
            _ => respond(request, output, &live),
        }
    }
    drop(watcher);
    Ok(())
}

/// Run one build and tell the pages when there is something new to see: once its pages
/// are ready, or at its end.
fn run_build<F>(live: &Mutex<Live>, rebuild: &mut F, changed: &[PathBuf])
where
    F: FnMut(&[PathBuf], PagesReady) -> Result<Built, Failure>,
{
    let set_building = |building: bool| {
        live.lock().unwrap_or_else(|e| e.into_inner()).building = building;
    };
    set_building(true);
    let mut told = false;
    let outcome = rebuild(changed, &mut |pages| {
        record(live, Ok(pages));
        told = true;
    });
    match outcome {
        Ok(built) if told => eprintln!(
            "{}",
            t!(
                "serve-rest-updated",
                seconds = format!("{:.3}", built.elapsed.as_secs_f64())
            )
        ),
        Ok(built) => record(live, Ok(&built)),
        Err(failure) => record(live, Err(failure)),
    }
    set_building(false);
}

/// Print the outcome of a build and tell the pages.
fn record(live: &Mutex<Live>, outcome: Result<&Built, Failure>) {
    let errors = match outcome {
        Ok(built) => {
            built.lines().iter().for_each(|l| eprintln!("{l}"));
            Vec::new()
        }
        Err(failure) => {
            let lines = failure.lines(&t!("serve-last-good"));
            lines.iter().for_each(|l| eprintln!("{l}"));
            lines
        }
    };
    let mut live = live.lock().unwrap_or_else(|e| e.into_inner());
    live.version += 1;
    live.errors = errors;
}

fn request_path(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or("/")
}

/// A request for the editor: its headers and body read here, answered by `editor`.
fn respond_editor(mut request: Request, editor: &Editor) {
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    let (host, origin) = (header("Host"), header("Origin"));
    let accepts_gzip = header("Accept-Encoding").is_some_and(|v| {
        v.split(',')
            .any(|coding| coding.split(';').next().is_some_and(|c| c.trim() == "gzip"))
    });
    let method = request.method().as_str().to_owned();
    let path = request_path(request.url()).to_owned();
    // A body larger than any save is not read at all.
    let mut body = Vec::new();
    let too_large = request
        .body_length()
        .is_some_and(|n| n > proxy::MAX_REQUEST_BYTES)
        || std::io::Read::read_to_end(
            &mut std::io::Read::take(request.as_reader(), proxy::MAX_REQUEST_BYTES as u64 + 1),
            &mut body,
        )
        .is_err()
        || body.len() > proxy::MAX_REQUEST_BYTES;
    let reply = editor.respond(&proxy::Request {
        method: &method,
        path: &path,
        host: host.as_deref(),
        origin: origin.as_deref(),
        accepts_gzip,
        body: (!too_large).then_some(body.as_slice()),
    });
    let mut response = Response::from_data(reply.body).with_status_code(reply.status);
    let mut headers = vec![
        ("Content-Type", reply.content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Vary", "Accept-Encoding"),
    ];
    if reply.gzip {
        headers.push(("Content-Encoding", "gzip"));
    }
    if reply.status == 301 {
        headers.push(("Location", "/admin/"));
    }
    for (name, value) in headers {
        if let Ok(header) = Header::from_bytes(name, value) {
            response = response.with_header(header);
        }
    }
    let _ = request.respond(response);
}

fn respond(request: Request, output: &Path, live: &Mutex<Live>) {
    let path = request_path(request.url());
    let (status, body, kind) = if path == STATUS {
        let live = live.lock().unwrap_or_else(|e| e.into_inner());
        let status = serde_json::json!({
            "version": live.version,
            "errors": live.errors,
            "building": live.building,
        });
        (200, status.to_string().into_bytes(), "application/json")
    } else if path == LIVE_JS {
        (
            200,
            LIVE_SCRIPT.as_bytes().to_vec(),
            content_type(Path::new("a.js")),
        )
    } else {
        match resolve(output, request.url()).and_then(|f| Some((fs::read(&f).ok()?, f))) {
            Some((body, file)) => (200, with_live_script(body, &file), content_type(&file)),
            None => not_found(output),
        }
    };
    let mut response = Response::from_data(body).with_status_code(status);
    for (name, value) in [("Content-Type", kind), ("Cache-Control", "no-store")] {
        if let Ok(header) = Header::from_bytes(name, value) {
            response = response.with_header(header);
        }
    }
    let _ = request.respond(response);
}

/// An HTML page with the live-reload script at its end.
fn with_live_script(mut body: Vec<u8>, file: &Path) -> Vec<u8> {
    if file.extension().is_some_and(|e| e == "html") {
        body.extend_from_slice(format!("<script src=\"{LIVE_JS}\"></script>").as_bytes());
    }
    body
}

fn not_found(output: &Path) -> (u16, Vec<u8>, &'static str) {
    let file = output.join("404.html");
    // Before any good build there is no 404 page: the live script still shows why.
    let body = fs::read(&file).unwrap_or_else(|_| b"<!DOCTYPE html><title>ocop</title>".to_vec());
    (
        404,
        with_live_script(body, &file),
        "text/html; charset=utf-8",
    )
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
