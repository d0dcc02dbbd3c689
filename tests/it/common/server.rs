//! `ocop serve` as a child process, and plain HTTP requests to it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server process, stopped when the test ends however it ends.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Start `ocop serve --root root --today today` with `extra` arguments on a free
    /// port, and wait until it answers `/`.
    pub fn start(root: &Path, today: &str, extra: &[&str]) -> Server {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_ocop"))
            .args(["serve", "--today", today, "--port", &port.to_string()])
            .args(extra)
            .arg("--root")
            .arg(root)
            .env_remove("SOURCE_DATE_EPOCH")
            .env("OCOP_LANG", "en")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start ocop serve");
        let mut server = Server { child, port };
        let started = Instant::now();
        while get(port, "/").is_none() {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("ocop serve stopped before answering: {status}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The status line and body of `GET path`, or `None` while nothing listens.
pub fn get(port: u16, path: &str) -> Option<(String, String)> {
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

/// A response as it came over the wire: status code, headers in order, and the body's
/// bytes (de-chunked when sent in chunks).
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The value of the header `name` (any case), if sent; panics if it was sent
    /// twice, as two `Cache-Control` headers from two levels of a configuration would be.
    pub fn header(&self, name: &str) -> Option<&str> {
        let values = self.all(name);
        assert!(
            values.len() < 2,
            "header {name} sent twice: {:?}",
            self.headers
        );
        values.first().copied()
    }

    /// Every value sent for the header `name` (any case).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// `GET path` on 127.0.0.1:`port` with the extra request `headers`, or `None` while
/// nothing listens there.
pub fn request(port: u16, path: &str, headers: &[(&str, &str)]) -> Option<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let split = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let mut body = response[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body)?;
    }
    Some(Response {
        status,
        headers,
        body,
    })
}

/// The bytes of a chunked body, or `None` if it is cut short.
pub fn dechunk(mut chunked: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let end = chunked.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&chunked[..end]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        chunked = &chunked[end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(chunked.get(..size)?);
        chunked = chunked.get(size + 2..)?;
    }
}
