//! Helpers shared by the integration tests: a site root in a temporary folder made from
//! a fixture and the repository's themes, photos written on the fly, running the
//! binary, and reading what it built.

pub mod browser;
pub mod camera;
pub mod cases;
pub mod html;
pub mod node;
pub mod safety;
pub mod server;
pub mod static_site;
pub mod tools;

use std::collections::BTreeMap;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use tempfile::TempDir;
use walkdir::WalkDir;

/// The demo's certificates are checked against this date.
pub const DEMO_TODAY: &str = "2026-11-29";

/// Build the demo into `scratch/public` (its photo cache beside it), panicking with the
/// build's report when it fails; returns the output folder.
pub fn build_demo(scratch: &Path) -> PathBuf {
    let output = scratch.join("public");
    let cache = scratch.join("cache");
    ocop([
        "build".as_ref(),
        "--root".as_ref(),
        repo().as_os_str(),
        "--output".as_ref(),
        output.as_os_str(),
        "--cache-dir".as_ref(),
        cache.as_os_str(),
        "--today".as_ref(),
        DEMO_TODAY.as_ref(),
    ])
    .assert_ok();
    output
}

/// The build date every fixture test uses; the fixture's certificate dates are chosen
/// against it.
pub const TODAY: &str = "2026-06-01";
/// `base_url` of the `small` fixture, and its path part.
pub const BASE_URL: &str = "https://example.org/ocop/";
pub const BASE_PATH: &str = "/ocop/";

/// Text written into a comment segment of every photo the harness makes, so that a
/// published camera original can be recognised by its bytes.
pub const ORIGINAL_MARKER: &[u8] = b"ocop-test: camera original, never publish";

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn tests_dir() -> PathBuf {
    repo().join("tests")
}

/// Copy every file under `from` to the same place under `to`, creating folders.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in WalkDir::new(from) {
        let entry = entry.unwrap_or_else(|e| panic!("cannot walk {}: {e}", from.display()));
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap_or_else(|e| {
                panic!("cannot copy {}: {e}", entry.path().display());
            });
        }
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir` (forward slashes).
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = relative_name(dir, e.path());
            (name, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// `path` relative to `dir`, with forward slashes.
pub fn relative_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// A JPEG of `width`×`height` pixels (a colour gradient), carrying [`ORIGINAL_MARKER`]
/// in a comment segment as a camera's metadata would be.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 128])
    });
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(Cursor::new(&mut bytes), 95)
        .encode_image(&image)
        .unwrap();
    with_segment(bytes, 0xFE, ORIGINAL_MARKER)
}

/// `jpeg` with a segment (`marker`, e.g. 0xFE for a comment, 0xE1 for EXIF or XMP)
/// holding `payload` right after the start-of-image marker.
pub fn with_segment(mut jpeg: Vec<u8>, marker: u8, payload: &[u8]) -> Vec<u8> {
    // FF, the marker, then a big-endian length that counts itself.
    let length = u16::try_from(payload.len() + 2).unwrap();
    let mut segment = vec![0xFF, marker];
    segment.extend_from_slice(&length.to_be_bytes());
    segment.extend_from_slice(payload);
    jpeg.splice(2..2, segment);
    jpeg
}

/// Write an 800×600 JPEG, the smallest size `ocop check` accepts without a warning, at
/// every `photos[].file` each `content/products/*/product.yaml` under `root` names.
pub fn write_photos(root: &Path) {
    let products = root.join("content/products");
    for entry in fs::read_dir(&products).unwrap() {
        let dir = entry.unwrap().path();
        let file = dir.join("product.yaml");
        let text = fs::read_to_string(&file).unwrap();
        let record: serde_yaml::Value = serde_yaml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not YAML: {e}", file.display()));
        let photos = record["photos"].as_sequence().cloned().unwrap_or_default();
        for photo in photos {
            let name = photo["file"].as_str().expect("photos[].file is text");
            fs::write(dir.join(name), jpeg(800, 600)).unwrap();
        }
    }
}

/// What a run of the binary gave back.
#[derive(Debug)]
pub struct Run {
    /// `None` when the process was killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    /// Panics, showing stderr, unless the command succeeded.
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(
            self.code,
            Some(0),
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self.assert_no_panic()
    }

    pub fn assert_no_panic(&self) -> &Self {
        assert!(
            !self.stderr.contains("panicked"),
            "the program panicked:\n{}",
            self.stderr
        );
        self
    }
}

/// Run `ocop` with `args`.
pub fn ocop<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    ocop_env(args, &[])
}

/// Run `ocop` with `args` and the environment variables `env` set.
pub fn ocop_env<I, S>(args: I, env: &[(&str, &str)]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(args)
        // The build date must come from --today only, unless `env` says otherwise.
        .env_remove("SOURCE_DATE_EPOCH")
        // Tests read the English messages unless they ask for another language.
        .env("OCOP_LANG", "en")
        .envs(env.iter().copied())
        .output()
        .expect("cannot run the ocop binary");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A site root and an output folder side by side in one temporary folder.
pub struct Site {
    dir: TempDir,
    pub root: PathBuf,
    pub output: PathBuf,
}

impl Site {
    /// `tests/fixtures/<name>`, with every photo the products name written by
    /// [`write_photos`]. It has no `themes/`: it uses the built-in theme.
    pub fn from_fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_tree(&tests_dir().join("fixtures").join(name), &root);
        write_photos(&root);
        let output = dir.path().join("out");
        Site { dir, root, output }
    }

    /// Entries of the temporary folder holding `site/` and `out/`, to spot leftovers.
    pub fn scratch_entries(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    pub fn build(&self) -> Run {
        self.build_on(TODAY)
    }

    /// Build with `today` (`YYYY-MM-DD`) as the build date instead of [`TODAY`].
    pub fn build_on(&self, today: &str) -> Run {
        self.build_with(today, &[])
    }

    /// Build on `today` with `extra` options such as `--timings`.
    pub fn build_with(&self, today: &str, extra: &[&std::ffi::OsStr]) -> Run {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "build".as_ref(),
            "--root".as_ref(),
            self.root.as_os_str(),
            "--output".as_ref(),
            self.output.as_os_str(),
            "--today".as_ref(),
            today.as_ref(),
        ];
        args.extend(extra);
        ocop(args)
    }

    /// `ocop check` in the language the site chooses, or `--lang lang`, whatever
    /// `OCOP_LANG` the tests run with.
    pub fn check_in(&self, lang: Option<&str>) -> Run {
        let mut args = vec![
            "check",
            "--root",
            self.root.to_str().unwrap(),
            "--today",
            TODAY,
        ];
        if let Some(lang) = lang {
            args.extend(["--lang", lang]);
        }
        ocop_env(args, &[("OCOP_LANG", "")])
    }

    pub fn check(&self) -> Run {
        ocop([
            "check".as_ref(),
            "--root".as_ref(),
            self.root.as_os_str(),
            "--today".as_ref(),
            TODAY.as_ref(),
        ])
    }

    /// Run `ocop` with `args` followed by `--root <the site's root>`.
    pub fn ocop(&self, args: &[&str]) -> Run {
        let mut all: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
        all.extend(["--root".as_ref(), self.root.as_os_str()]);
        ocop(all)
    }

    /// Every file under the site's `content/`, with its bytes.
    pub fn content_snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.root.join("content"))
    }

    /// Build and panic unless it succeeded.
    pub fn build_ok(&self) -> &Self {
        self.build().assert_ok();
        self
    }

    /// A built file as text, by its path in the output folder.
    pub fn read(&self, path: &str) -> String {
        read_text(&self.output.join(path))
    }

    pub fn read_bytes(&self, path: &str) -> Vec<u8> {
        fs::read(self.output.join(path)).unwrap_or_else(|e| panic!("cannot read built {path}: {e}"))
    }

    /// The page at a site path such as `huyen/hoa-an/` (its `index.html`).
    pub fn page(&self, path: &str) -> String {
        self.read(&format!("{path}index.html"))
    }

    /// Replace the one occurrence of `find` in the root's file `path` with `replace`.
    /// A file of `themes/default/` that the site does not have yet is first copied
    /// from the built-in theme's source, as a province overriding one file would do.
    pub fn edit(&self, path: &str, find: &str, replace: &str) {
        let file = self.root.join(path);
        if let (false, Some(below)) = (file.exists(), path.strip_prefix("themes/default/")) {
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::copy(repo().join("themes/default").join(below), &file).unwrap();
        }
        edit_file(&file, find, replace);
    }

    /// Apply an overlay folder, as described in `tests/invalid/README.md`: files under
    /// its `content/` are copied over the site's, then its `edits.txt` is applied.
    pub fn apply_overlay(&self, overlay: &Path) {
        let content = overlay.join("content");
        if content.is_dir() {
            copy_tree(&content, &self.root.join("content"));
        }
        let edits = overlay.join("edits.txt");
        if edits.is_file() {
            for (path, find, replace) in parse_edits(&read_text(&edits)) {
                self.edit(&path, &find, &replace);
            }
        }
    }
}

/// The substitutions of an `edits.txt`: (file, text to find, replacement).
pub fn parse_edits(text: &str) -> Vec<(String, String, String)> {
    let mut edits = Vec::new();
    let (mut file, mut find) = (None, None);
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(path) = value(line, "in:") {
            file = Some(path);
        } else if let Some(text) = value(line, "find:") {
            find = Some(text);
        } else if let Some(replace) = value(line, "replace:") {
            let file = file.clone().expect("`in:` comes before `replace:`");
            let find = find.take().expect("`find:` comes before `replace:`");
            edits.push((file, find, replace));
        } else {
            panic!("edits.txt: cannot read line `{line}`");
        }
    }
    assert!(find.is_none(), "edits.txt: a `find:` has no `replace:`");
    edits
}

/// The value of a `key: value` line of an `edits.txt` or `expected-output.txt`, with
/// its escapes read, if the line starts with `key`.
fn value(line: &str, key: &str) -> Option<String> {
    let rest = line.strip_prefix(key)?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    Some(unescape(rest))
}

/// One check of an `expected-output.txt`: the built `file` (or `stderr`) `has` or
/// `lacks` `text` in its bytes, or, for a page, `shows` it as text or holds it as an
/// `attribute` value.
#[derive(Debug, PartialEq)]
pub struct Assertion {
    pub file: String,
    pub kind: String,
    pub text: String,
}

/// The checks of an `expected-output.txt` (format: `tests/hostile/README.md`).
pub fn parse_assertions(text: &str) -> Vec<Assertion> {
    let mut assertions = Vec::new();
    let mut file = None;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(path) = value(line, "in:") {
            file = Some(path);
            continue;
        }
        let (kind, text) = ["has:", "lacks:", "shows:", "attribute:"]
            .iter()
            .find_map(|key| Some((key.trim_end_matches(':'), value(line, key)?)))
            .unwrap_or_else(|| panic!("expected-output.txt: cannot read line `{line}`"));
        assert!(!text.is_empty(), "expected-output.txt: empty `{kind}:`");
        assertions.push(Assertion {
            file: file.clone().expect("`in:` comes before `has:` or `lacks:`"),
            kind: kind.to_owned(),
            text,
        });
    }
    assertions
}

/// `\t`, `\r`, `\n` and `\\` as a tab, a carriage return, a line break and a
/// backslash, and `\u{301}` as the character U+0301.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let code: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = code.strip_prefix('{').expect("edits.txt: `\\u` needs `{`");
                let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
                out.push(c.unwrap_or_else(|| panic!("edits.txt: bad `\\u{{{hex}}}`")));
            }
            Some('\\') => out.push('\\'),
            other => panic!("edits.txt: unknown escape `\\{}`", other.unwrap_or(' ')),
        }
    }
    out
}

pub fn read_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Replace the one occurrence of `find` in the file at `path` with `replace`.
fn edit_file(path: &Path, find: &str, replace: &str) {
    let text = read_text(path);
    let count = text.matches(find).count();
    assert_eq!(
        count,
        1,
        "`{find}` must occur exactly once in {}, found {count} times",
        path.display()
    );
    fs::write(path, text.replacen(find, replace, 1)).unwrap();
}

/// Every HTML file in `dir`, by path relative to it.
pub fn html_files(dir: &Path) -> Vec<(String, String)> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| (relative_name(dir, e.path()), read_text(e.path())))
        .collect()
}

/// What following every link of a built site found.
#[derive(Debug, Default)]
pub struct Links {
    /// Links that lead to no built file, or out of the site's path.
    pub broken: Vec<String>,
    /// Links relative to their page (they are followed too).
    pub relative: Vec<String>,
    /// How many internal links were followed.
    pub followed: usize,
}

/// Follow every `href` and `src` of the HTML pages in `output` that stays on the site:
/// root-relative ones must be under `base_path`, absolute ones under `base_url`, and
/// relative ones are read from their page's folder. Each must lead to a built file.
pub fn check_links(output: &Path, base_url: &str, base_path: &str) -> Links {
    let mut links = Links::default();
    for (file, page) in html_files(output) {
        let folder = file.rsplit_once('/').map_or("", |(folder, _)| folder);
        for link in html::links(&page) {
            let path = link.split(['#', '?']).next().unwrap_or_default();
            let scheme = path.split_once(':').is_some_and(|(s, _)| !s.contains('/'));
            let target = if let Some(rest) = path.strip_prefix(base_url) {
                rest.to_owned()
            } else if path.is_empty() || scheme {
                continue;
            } else if let Some(rest) = path.strip_prefix(base_path) {
                rest.to_owned()
            } else if path.starts_with('/') {
                links
                    .broken
                    .push(format!("{file}: `{link}` is outside {base_path}"));
                continue;
            } else {
                links.relative.push(format!("{file}: `{link}`"));
                format!("{folder}/{path}")
            };
            links.followed += 1;
            if built_file(output, &target).is_none() {
                links.broken.push(format!("{file}: `{link}` leads nowhere"));
            }
        }
    }
    links
}

/// The file an internal link points at in `output`, if any: `link` is a root-relative
/// path under `base_path` or an absolute URL under `base_url`.
pub fn resolve(output: &Path, base_url: &str, base_path: &str, link: &str) -> Option<PathBuf> {
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let relative = path
        .strip_prefix(base_url)
        .or_else(|| path.strip_prefix(base_path))?;
    built_file(output, relative)
}

/// The built file for a path below the site root such as `san-pham/x/` or
/// `a/../data/x.csv` (percent-encoded, `.` and `..` allowed but not above the root).
pub fn built_file(output: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let mut parts: Vec<&str> = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let mut file = output.join(parts.join("/"));
    if decoded.is_empty() || decoded.ends_with('/') {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// The bytes of a `data:…;base64,…` address.
pub fn data_uri_bytes(uri: &str) -> Vec<u8> {
    let (_, encoded) = uri.split_once(";base64,").expect("a base64 data address");
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = encoded.bytes().filter(|&c| c != b'=').map(value).collect();
    (digits.chunks(4))
        .flat_map(|chunk| {
            let n = (chunk.iter().enumerate())
                .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
            (0..chunk.len() - 1).map(move |k| (n >> (16 - 8 * k)) as u8)
        })
        .collect()
}

/// The QR code files a print sheet offers for download, by file name.
pub fn sheet_qr_downloads(html: &str) -> BTreeMap<String, Vec<u8>> {
    (html::tags(html).into_iter())
        .filter(|t| t.name == "a")
        .filter_map(|t| Some((t.attr("download")?.to_owned(), t.attr("href")?.to_owned())))
        .map(|(name, href)| (name, data_uri_bytes(&href)))
        .collect()
}
