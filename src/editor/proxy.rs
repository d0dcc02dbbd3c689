//! The editor's side of `ocop serve`: `/admin/` (Decap's page, its bundle and the
//! generated `config.yml`) and `/api/v1`, the JSON RPC of Decap's local backend as
//! npm's `decap-server` answers it in file-system mode (`info`, `entriesByFolder`,
//! `entriesByFiles`, `getEntry`, `persistEntry`, `getMedia`, `getMediaFile`,
//! `persistMedia`, `deleteFile`, `deleteFiles`, `getDeployPreview`), with the same
//! JSON shapes.
//!
//! A local server that writes files guards itself:
//! - every request must name the serve address as its `Host` (DNS rebinding), and every
//!   call of `/api/v1` must also come from a page of that address (`Origin`: CSRF);
//!   anything else gets 403 and nothing is read or written;
//! - paths are relative, under `content/`, without `..`, not through a link leading
//!   out, and names the content contract knows (a product's `product.yaml` and its
//!   photos, a producer, a news item, a page, `site.yaml`);
//! - uploads are photos the pipeline reads (JPEG, PNG, WebP, by their bytes), at most
//!   [`MAX_UPLOAD_BYTES`];
//! - an entry changed on disk since the editor read it, or a file the editor never
//!   read, is not overwritten: 409, with a message saying what to do.
//!
//! Not for the HTTP server itself: `commands::serve` reads the request and sends the
//! [`Reply`].

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use base64::Engine;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::config::{self, Backend};
use super::save::{self, Kind};
use super::{bundle, page};
use crate::domain::Lang;
use crate::messages::text_in;

/// The largest photo the editor accepts. A phone's photo is a few megabytes.
pub const MAX_UPLOAD_BYTES: usize = 20 * 1024 * 1024;
/// The largest request body read: an entry with one such photo, in base64, and its text.
pub const MAX_REQUEST_BYTES: usize = MAX_UPLOAD_BYTES / 3 * 4 + 1024 * 1024;

/// A request to the editor, as `ocop serve` read it.
pub struct Request<'a> {
    pub method: &'a str,
    /// The path, without the query.
    pub path: &'a str,
    pub host: Option<&'a str>,
    pub origin: Option<&'a str>,
    pub accepts_gzip: bool,
    /// `None` when the body was larger than `MAX_REQUEST_BYTES`, and so not read.
    pub body: Option<&'a [u8]>,
}

/// What to send back.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    /// Whether `body` is gzipped (sent with `Content-Encoding: gzip`).
    pub gzip: bool,
    pub body: Vec<u8>,
}

impl Reply {
    fn json(status: u16, value: &Value) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            gzip: false,
            body: value.to_string().into_bytes(),
        }
    }

    /// An error as decap-server sends it: `{"error": message}`.
    fn error(status: u16, message: String) -> Reply {
        Reply::json(status, &json!({ "error": message }))
    }

    fn text(status: u16, content_type: &'static str, text: String) -> Reply {
        Reply {
            status,
            content_type,
            gzip: false,
            body: text.into_bytes(),
        }
    }
}

/// The editor of one site, served at one address.
pub struct Editor {
    root: PathBuf,
    /// `127.0.0.1:<port>`: the only `Host` answered.
    host: String,
    /// `http://127.0.0.1:<port>`: the only `Origin` allowed to call `/api/v1`.
    origin: String,
    lang: Lang,
    /// The SHA-256 of each file as the editor last read or wrote it, by its path: what
    /// a save is compared with, to find an edit made meanwhile on disk.
    seen: Mutex<HashMap<String, String>>,
}

/// Whether a request path is the editor's.
pub fn answers(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/") || path == "/api/v1"
}

impl Editor {
    /// The editor of the site at `root`, served on 127.0.0.1:`port`, in `lang`.
    pub fn new(root: &Path, port: u16, lang: Lang) -> Editor {
        let host = format!("127.0.0.1:{port}");
        Editor {
            root: root.to_path_buf(),
            origin: format!("http://{host}"),
            host,
            lang,
            seen: Mutex::new(HashMap::new()),
        }
    }

    fn say(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, fluent_bundle::FluentValue<'static>)> = args
            .iter()
            .map(|(name, value)| (*name, value.to_string().into()))
            .collect();
        text_in(self.lang, id, &args)
    }

    pub fn respond(&self, request: &Request) -> Reply {
        if request.host != Some(self.host.as_str()) {
            return Reply::error(
                403,
                self.say("editor-forbidden-origin", &[("origin", &self.origin)]),
            );
        }
        match (request.method, request.path) {
            ("POST", "/api/v1") => {
                if request.origin != Some(self.origin.as_str()) {
                    return Reply::error(
                        403,
                        self.say("editor-forbidden-origin", &[("origin", &self.origin)]),
                    );
                }
                let Some(body) = request.body.filter(|b| b.len() <= MAX_REQUEST_BYTES) else {
                    return self.too_large("");
                };
                match serde_json::from_slice::<Value>(body) {
                    Ok(body) => self.call(&body),
                    Err(e) => Reply::error(
                        400,
                        self.say("editor-bad-request", &[("error", &e.to_string())]),
                    ),
                }
            }
            ("GET" | "HEAD", "/admin") => Reply {
                status: 301,
                content_type: "text/plain; charset=utf-8",
                gzip: false,
                body: b"/admin/".to_vec(),
            },
            ("GET" | "HEAD", path) => self.admin_file(path, request.accepts_gzip),
            _ => Reply::error(405, self.say("editor-bad-request", &[("error", "method")])),
        }
    }

    /// `/admin/`, `/admin/config.yml` and the bundle's files.
    fn admin_file(&self, path: &str, accepts_gzip: bool) -> Reply {
        let name = path.strip_prefix("/admin/").unwrap_or("");
        match name {
            "" | "index.html" => Reply::text(
                200,
                "text/html; charset=utf-8",
                page::index_html(self.lang, bundle::version()),
            ),
            "config.yml" => {
                let backend = Backend::Local {
                    origin: self.origin.clone(),
                };
                let choices = config::choices(&self.root);
                Reply::text(
                    200,
                    "text/yaml; charset=utf-8",
                    config::config_yml(&backend, &choices, self.lang),
                )
            }
            "LICENSE.txt" => {
                Reply::text(200, "text/plain; charset=utf-8", bundle::licence().into())
            }
            name => match bundle::gzipped(name) {
                Some(gzipped) if accepts_gzip => Reply {
                    status: 200,
                    content_type: bundle::content_type(name),
                    gzip: true,
                    body: gzipped.to_vec(),
                },
                Some(gzipped) => {
                    let mut body = Vec::new();
                    match flate2::read::GzDecoder::new(gzipped).read_to_end(&mut body) {
                        Ok(_) => Reply {
                            status: 200,
                            content_type: bundle::content_type(name),
                            gzip: false,
                            body,
                        },
                        Err(e) => Reply::error(500, e.to_string()),
                    }
                }
                None => Reply::error(404, format!("{path}: not found")),
            },
        }
    }

    /// One call of the local backend's JSON RPC.
    fn call(&self, body: &Value) -> Reply {
        let params = &body["params"];
        let action = body["action"].as_str().unwrap_or("");
        let outcome = match action {
            "info" => Ok(json!({
                "repo": self.root.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
                "publish_modes": ["simple"],
                "type": "local_fs",
            })),
            "entriesByFolder" => self.entries_by_folder(params),
            "entriesByFiles" => {
                let files = params["files"].as_array().cloned().unwrap_or_default();
                files
                    .iter()
                    .map(|f| self.entry(str_of(&f["path"]), f.get("label")))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Value::Array)
            }
            "getEntry" => self.entry(str_of(&params["path"]), None),
            "persistEntry" => self.persist_entry(params),
            "getMedia" => self.media_folder(str_of(&params["mediaFolder"])),
            "getMediaFile" => self.media_file(str_of(&params["path"])),
            "persistMedia" => self.persist_media(&params["asset"]),
            "deleteFile" => self.delete(&[str_of(&params["path"])]),
            "deleteFiles" => {
                let paths: Vec<&str> = params["paths"]
                    .as_array()
                    .map(|a| a.iter().map(str_of).collect())
                    .unwrap_or_default();
                self.delete(&paths)
            }
            "getDeployPreview" => Ok(Value::Null),
            other => Err(Reply::error(
                422,
                self.say("editor-unknown-action", &[("action", other)]),
            )),
        };
        match outcome {
            Ok(value) => Reply::json(200, &value),
            Err(reply) => reply,
        }
    }

    /// The file a path names, if it is a place of the contract under `content/` that
    /// no link leads out of; `Err` is the 403 to send.
    fn confine(&self, path: &str, allowed: impl Fn(&[&str]) -> bool) -> Result<PathBuf, Reply> {
        let refuse = || Reply::error(403, self.say("editor-path-refused", &[("path", path)]));
        let relative = Path::new(path);
        let parts: Option<Vec<&str>> = relative
            .components()
            .map(|c| match c {
                Component::Normal(part) => part.to_str(),
                _ => None,
            })
            .collect();
        let Some(parts) = parts else {
            return Err(refuse());
        };
        if path.contains('\\') || parts.first() != Some(&"content") || !allowed(&parts[1..]) {
            return Err(refuse());
        }
        // Links: the deepest folder that exists must lie inside content/, and the
        // file itself, if it is there, must not be a link.
        let content = fs::canonicalize(self.root.join("content")).map_err(|_| refuse())?;
        let file = self.root.join(relative);
        let mut existing = file.as_path();
        while fs::symlink_metadata(existing).is_err() {
            existing = existing.parent().ok_or_else(refuse)?;
        }
        let real = fs::canonicalize(existing).map_err(|_| refuse())?;
        if !real.starts_with(&content) {
            return Err(refuse());
        }
        if fs::symlink_metadata(&file).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(refuse());
        }
        Ok(file)
    }

    fn entries_by_folder(&self, params: &Value) -> Result<Value, Reply> {
        let folder = str_of(&params["folder"]).trim_end_matches('/');
        let extension = str_of(&params["extension"]);
        let depth = params["depth"].as_u64().unwrap_or(1).min(3) as usize;
        let dir = self.confine(folder, |parts| {
            matches!(parts, ["products" | "producers" | "news" | "pages"])
        })?;
        let mut paths: Vec<String> = walkdir::WalkDir::new(&dir)
            .max_depth(depth)
            .follow_links(false)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter(|e| e.path().to_string_lossy().ends_with(extension))
            .filter_map(|e| {
                let relative = e.path().strip_prefix(&self.root).ok()?;
                Some(relative.to_str()?.replace('\\', "/"))
            })
            .filter(|p| entry_kind(p).is_some())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| self.entry(p, None))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array)
    }

    /// An entry as decap-server gives it: its text and its SHA-256 as `id`, or nulls
    /// when it cannot be read.
    fn entry(&self, path: &str, label: Option<&Value>) -> Result<Value, Reply> {
        let file = self.confine(path, |parts| entry_kind_of(parts).is_some())?;
        let mut entry = match fs::read(&file) {
            Ok(bytes) => {
                let id = sha256(&bytes);
                self.remember(path, &id);
                json!({
                    "data": String::from_utf8_lossy(&bytes),
                    "file": {"path": path, "id": id},
                })
            }
            Err(_) => json!({"data": null, "file": {"path": path, "id": null}}),
        };
        if let Some(label) = label {
            entry["file"]["label"] = label.clone();
        }
        Ok(entry)
    }

    fn remember(&self, path: &str, id: &str) {
        self.seen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_owned(), id.to_owned());
    }

    fn persist_entry(&self, params: &Value) -> Result<Value, Reply> {
        let data_files: Vec<Value> = match params["dataFiles"].as_array() {
            Some(files) => files.clone(),
            None => vec![params["entry"].clone()],
        };
        // Everything is checked before anything is written.
        let mut writes: Vec<(PathBuf, String, Vec<u8>)> = Vec::new();
        for data_file in &data_files {
            let path = str_of(&data_file["path"]);
            if data_file.get("newPath").is_some_and(|p| !p.is_null()) {
                return Err(Reply::error(
                    403,
                    self.say(
                        "editor-path-refused",
                        &[("path", str_of(&data_file["newPath"]))],
                    ),
                ));
            }
            let file = self.confine(path, |parts| entry_kind_of(parts).is_some())?;
            let kind = entry_kind(path).ok_or_else(|| {
                Reply::error(403, self.say("editor-path-refused", &[("path", path)]))
            })?;
            let previous = self.unchanged_since_read(path, &file)?;
            let text = save::contract_text(kind, str_of(&data_file["raw"]), previous.as_deref())
                .map_err(|e| {
                    Reply::error(
                        422,
                        self.say("editor-not-yaml", &[("path", path), ("error", &e)]),
                    )
                })?;
            writes.push((file, path.to_owned(), text.into_bytes()));
        }
        let entry_dir = writes.first().and_then(|(_, p, _)| {
            Path::new(p)
                .parent()
                .map(|d| d.to_string_lossy().into_owned())
        });
        for asset in params["assets"].as_array().into_iter().flatten() {
            let (file, path, bytes) = self.upload(asset, entry_dir.as_deref())?;
            writes.push((file, path, bytes));
        }
        for (file, path, bytes) in &writes {
            self.write(file, path, bytes)?;
            if entry_kind(path).is_some() {
                self.remember(path, &sha256(bytes));
                eprintln!("{}", self.say("editor-saved", &[("path", path)]));
            }
        }
        Ok(json!({"message": "entry persisted"}))
    }

    /// The file's text if it may be replaced: it is new, or it is as the editor last
    /// read it. Otherwise the 409 to send.
    fn unchanged_since_read(&self, path: &str, file: &Path) -> Result<Option<String>, Reply> {
        let Ok(bytes) = fs::read(file) else {
            return Ok(None);
        };
        let seen = self
            .seen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
            .cloned();
        match seen {
            Some(id) if id == sha256(&bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into())),
            Some(_) => Err(Reply::error(
                409,
                self.say("editor-conflict", &[("path", path)]),
            )),
            None => Err(Reply::error(
                409,
                self.say("editor-exists", &[("path", path)]),
            )),
        }
    }

    /// A photo to write: checked for its place (beside the entry `entry_dir`, when
    /// given), its size and its format.
    fn upload(
        &self,
        asset: &Value,
        entry_dir: Option<&str>,
    ) -> Result<(PathBuf, String, Vec<u8>), Reply> {
        let path = str_of(&asset["path"]);
        let file = self.confine(path, |parts| media_place(parts).is_some())?;
        if let Some(dir) = entry_dir {
            let beside = Path::new(path).parent().map(|p| p.to_string_lossy());
            let in_media = path.starts_with("content/media/");
            if beside.as_deref() != Some(dir) && !in_media {
                return Err(Reply::error(
                    403,
                    self.say("editor-path-refused", &[("path", path)]),
                ));
            }
        }
        let content = str_of(&asset["content"]);
        if content.len() / 4 * 3 > MAX_UPLOAD_BYTES + 3 {
            return Err(self.too_large(path));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content)
            .map_err(|e| {
                Reply::error(
                    400,
                    self.say("editor-bad-request", &[("error", &e.to_string())]),
                )
            })?;
        if bytes.len() > MAX_UPLOAD_BYTES {
            return Err(self.too_large(path));
        }
        if crate::content::photo::supported_format(&bytes[..bytes.len().min(64)], Path::new(path))
            .is_err()
        {
            return Err(Reply::error(
                415,
                self.say("editor-not-a-photo", &[("path", path)]),
            ));
        }
        Ok((file, path.to_owned(), bytes))
    }

    fn too_large(&self, path: &str) -> Reply {
        let megabytes = (MAX_UPLOAD_BYTES / (1024 * 1024)).to_string();
        Reply::error(
            413,
            self.say(
                "editor-too-large",
                &[("path", path), ("megabytes", &megabytes)],
            ),
        )
    }

    fn persist_media(&self, asset: &Value) -> Result<Value, Reply> {
        let (file, path, bytes) = self.upload(asset, None)?;
        if file.exists() {
            return Err(Reply::error(
                409,
                self.say("editor-exists", &[("path", &path)]),
            ));
        }
        self.write(&file, &path, &bytes)?;
        Ok(media_value(&path, &bytes))
    }

    fn media_folder(&self, folder: &str) -> Result<Value, Reply> {
        let folder = folder.trim_end_matches('/');
        let dir = self.confine(folder, |parts| {
            // A new entry's folder is not there yet: Decap lists the collection's.
            matches!(
                parts,
                ["media" | "products" | "news"] | ["products" | "news", _]
            )
        })?;
        let mut files: Vec<Value> = Vec::new();
        let Ok(entries) = fs::read_dir(&dir) else {
            return Ok(Value::Array(files));
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|name| is_photo_name(name))
            .collect();
        names.sort();
        for name in names {
            let path = format!("{folder}/{name}");
            if let Ok(bytes) = fs::read(dir.join(&name)) {
                files.push(media_value(&path, &bytes));
            }
        }
        Ok(Value::Array(files))
    }

    fn media_file(&self, path: &str) -> Result<Value, Reply> {
        let file = self.confine(path, |parts| media_place(parts).is_some())?;
        let bytes = fs::read(&file).map_err(|e| Reply::error(404, format!("{path}: {e}")))?;
        Ok(media_value(path, &bytes))
    }

    fn delete(&self, paths: &[&str]) -> Result<Value, Reply> {
        let files = paths
            .iter()
            .map(|path| {
                self.confine(path, |parts| {
                    entry_kind_of(parts).is_some() || media_place(parts).is_some()
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        for file in files {
            let _ = fs::remove_file(file);
        }
        Ok(json!({"message": format!("deleted files {}", paths.join(", "))}))
    }

    /// Write `bytes` to `file` in one step: a temporary file beside it, renamed over it.
    fn write(&self, file: &Path, path: &str, bytes: &[u8]) -> Result<(), Reply> {
        let fail = |e: std::io::Error| {
            Reply::error(
                500,
                self.say(
                    "editor-cannot-write",
                    &[("path", path), ("error", &e.to_string())],
                ),
            )
        };
        let folder = file
            .parent()
            .ok_or_else(|| fail(std::io::ErrorKind::NotFound.into()))?;
        fs::create_dir_all(folder).map_err(fail)?;
        let mut temporary = tempfile::Builder::new()
            .prefix(".ocop-editor-")
            .tempfile_in(folder)
            .map_err(fail)?;
        temporary.write_all(bytes).map_err(fail)?;
        // The temporary file is private; the team's files are not. A replaced file
        // keeps its permissions.
        let permissions = match fs::metadata(file) {
            Ok(existing) => Some(existing.permissions()),
            Err(_) => readable_by_all(),
        };
        if let Some(permissions) = permissions {
            temporary
                .as_file()
                .set_permissions(permissions)
                .map_err(fail)?;
        }
        temporary.as_file().sync_all().map_err(fail)?;
        temporary.persist(file).map_err(|e| fail(e.error))?;
        Ok(())
    }
}

/// A new file's permissions: readable by all, as a text editor would create it
/// (elsewhere than Unix, the temporary file's own are kept).
fn readable_by_all() -> Option<fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

fn str_of(value: &Value) -> &str {
    value.as_str().unwrap_or("")
}

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn media_value(path: &str, bytes: &[u8]) -> Value {
    json!({
        "id": sha256(bytes),
        "content": base64::engine::general_purpose::STANDARD.encode(bytes),
        "encoding": "base64",
        "path": path,
        "name": path.rsplit('/').next().unwrap_or(path),
    })
}

/// The kind of entry a path under the site root names, if the contract has it.
pub fn entry_kind(path: &str) -> Option<Kind> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.split_first() {
        Some((&"content", rest)) => entry_kind_of(rest),
        _ => None,
    }
}

/// The kind of entry at `parts` below `content/`.
fn entry_kind_of(parts: &[&str]) -> Option<Kind> {
    use crate::validate::fields::is_slug;
    fn stem<'a>(name: &'a str, extension: &str) -> Option<&'a str> {
        name.strip_suffix(extension).filter(|s| is_slug(s))
    }
    match parts {
        ["site.yaml"] => Some(Kind::Site),
        ["products", slug, "product.yaml"] if is_slug(slug) => Some(Kind::Product),
        ["producers", name] => stem(name, ".yaml").map(|_| Kind::Producer),
        ["news", slug, "index.md"] if is_slug(slug) => Some(Kind::News),
        ["news", name] => stem(name, ".md").map(|_| Kind::News),
        ["pages", name] => stem(name, ".en.md")
            .or_else(|| stem(name, ".md"))
            .map(|_| Kind::Page),
        _ => None,
    }
}

/// Where photos may go: beside a product or a news item in its folder, or the
/// shared media folder.
fn media_place(parts: &[&str]) -> Option<()> {
    use crate::validate::fields::is_slug;
    match parts {
        ["products" | "news", slug, name] if is_slug(slug) && is_photo_name(name) => Some(()),
        ["media", name] if is_photo_name(name) => Some(()),
        _ => None,
    }
}

/// A photo's file name: a plain name with a photo's extension, not hidden.
fn is_photo_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && [".jpg", ".jpeg", ".png", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_contracts_places() {
        assert_eq!(
            entry_kind("content/products/hat-de/product.yaml"),
            Some(Kind::Product)
        );
        assert_eq!(
            entry_kind("content/producers/htx-a.yaml"),
            Some(Kind::Producer)
        );
        assert_eq!(entry_kind("content/news/hoi-cho.md"), Some(Kind::News));
        assert_eq!(
            entry_kind("content/news/hoi-cho/index.md"),
            Some(Kind::News)
        );
        assert_eq!(
            entry_kind("content/pages/gioi-thieu.en.md"),
            Some(Kind::Page)
        );
        assert_eq!(entry_kind("content/site.yaml"), Some(Kind::Site));
        for refused in [
            "content/products/Hạt/product.yaml",
            "content/products/a/other.yaml",
            "content/districts.yaml",
            "themes/default/x.md",
            "content/producers/.hidden.yaml",
        ] {
            assert_eq!(entry_kind(refused), None, "{refused}");
        }
        assert!(media_place(&["products", "hat-de", "anh-1.jpg"]).is_some());
        assert!(media_place(&["products", "hat-de", "anh.gif"]).is_none());
        assert!(media_place(&["products", "hat-de", ".anh.jpg"]).is_none());
    }
}
