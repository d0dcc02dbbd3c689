//! Stage 1, load: read the files under `content/` into typed records.
//!
//! Nothing here knows the rules of OCOP; it only reads, normalises text to NFC and
//! parses. Every file that cannot be read or parsed becomes a diagnostic, and loading
//! goes on with the rest so that one run reports every broken file.

pub mod embed;
pub mod frontmatter;
pub mod locate;
pub mod markdown;
pub mod patch;
pub mod photo;
pub mod schema;
pub mod text;
pub mod theme_files;
pub mod write;
pub mod yaml;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostics::{relative, Diagnostic, Diagnostics};
use crate::domain::records::*;
use crate::domain::Lang;
use crate::t;
use locate::{locate, Seg};

/// A content file's text, kept so later stages can point at lines inside it.
#[derive(Debug)]
pub struct Source {
    /// Relative to the site root, as shown in diagnostics.
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// An error located at the value found by following `at` into this file.
    pub fn error(&self, at: &[Seg], message: impl Into<String>) -> Diagnostic {
        let (line, column) = locate(&self.text, at);
        Diagnostic::new(&self.path, message).at(line, column)
    }
}

/// A record with the file it came from and the id its file or folder name gives it.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub id: String,
    pub source: Arc<Source>,
    pub record: T,
}

/// A Markdown page: front matter and body.
#[derive(Debug, Clone)]
pub struct PageSource {
    pub front: PageFrontMatter,
    pub body: String,
    /// The 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// A news item: front matter and Markdown body.
#[derive(Debug, Clone)]
pub struct NewsSource {
    pub front: NewsFrontMatter,
    pub body: String,
    /// The 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Everything read from `content/`, before any rule is checked.
#[derive(Debug, Default, Clone)]
pub struct RawContent {
    pub root: PathBuf,
    pub site: Option<Loaded<SiteRecord>>,
    pub districts: Option<Loaded<Vec<DistrictRecord>>>,
    pub categories: Option<Loaded<Vec<CategoryRecord>>>,
    pub producers: Vec<Loaded<ProducerRecord>>,
    /// `id` is the product folder's name; photos are looked up beside the file.
    pub products: Vec<Loaded<ProductRecord>>,
    pub pages: Vec<Loaded<PageSource>>,
    /// `id` is the file's stem, or the folder's name for `<slug>/index.md`.
    pub news: Vec<Loaded<NewsSource>>,
}

impl RawContent {
    /// The categories as read, or none if `categories.yaml` could not be.
    pub fn category_records(&self) -> &[CategoryRecord] {
        self.categories
            .as_ref()
            .map_or(&[], |c| c.record.as_slice())
    }

    /// The districts as read, or none if `districts.yaml` could not be.
    pub fn district_records(&self) -> &[DistrictRecord] {
        self.districts.as_ref().map_or(&[], |d| d.record.as_slice())
    }
}

/// Read every content file under `root/content`.
pub fn load(root: &Path) -> (RawContent, Diagnostics) {
    let content = root.join("content");
    let mut diagnostics = Diagnostics::default();
    let mut raw = RawContent {
        root: root.to_path_buf(),
        ..RawContent::default()
    };
    if !content.is_dir() {
        diagnostics.push(Diagnostic::new(
            relative(root, &content),
            t!("load-no-content-folder"),
        ));
        return (raw, diagnostics);
    }

    raw.site = load_one(root, &content.join("site.yaml"), "site", &mut diagnostics);
    raw.districts = load_one(
        root,
        &content.join("districts.yaml"),
        "districts",
        &mut diagnostics,
    );
    raw.categories = load_one(
        root,
        &content.join("categories.yaml"),
        "categories",
        &mut diagnostics,
    );

    let producer_files = files_in(&content.join("producers"), 1, |p| has_extension(p, "yaml"));
    let product_dirs = files_in(&content.join("products"), 1, Path::is_dir);
    let page_files = files_in(&content.join("pages"), 1, |p| has_extension(p, "md"));

    let (producers, errors) = load_all(&producer_files, |path| {
        let id = file_stem(path);
        read_yaml(root, path).map(|(source, record)| Loaded { id, source, record })
    });
    raw.producers = producers;
    diagnostics.extend(errors);

    let (products, errors) = load_all(&product_dirs, |dir| {
        let file = dir.join("product.yaml");
        if !file.is_file() {
            return Err(Diagnostic::new(
                relative(root, dir),
                t!("load-product-folder-empty"),
            ));
        }
        let id = file_stem(dir);
        read_yaml(root, &file).map(|(source, record)| Loaded { id, source, record })
    });
    raw.products = products;
    diagnostics.extend(errors);

    let (pages, errors) = load_all(&page_files, |path| read_page(root, path));
    raw.pages = pages;
    diagnostics.extend(errors);

    // A news item is `<slug>.md`, or `<slug>/index.md` with its photos beside it.
    let news_entries = files_in(&content.join("news"), 1, |p| {
        p.is_dir() || has_extension(p, "md")
    });
    let (news, errors) = load_all(&news_entries, |entry| {
        if !entry.is_dir() {
            return read_news(root, entry, file_stem(entry));
        }
        let file = entry.join("index.md");
        if !file.is_file() {
            return Err(Diagnostic::new(
                relative(root, entry),
                t!("load-news-folder-empty"),
            ));
        }
        read_news(
            root,
            &file,
            text::normalize(&entry.file_name().unwrap_or_default().to_string_lossy()),
        )
    });
    raw.news = news;
    diagnostics.extend(errors);

    (raw, diagnostics)
}

fn load_one<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    id: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Loaded<T>> {
    if !path.is_file() {
        diagnostics.push(Diagnostic::new(
            relative(root, path),
            t!("load-file-missing"),
        ));
        return None;
    }
    match read_yaml(root, path) {
        Ok((source, record)) => Some(Loaded {
            id: id.to_owned(),
            source,
            record,
        }),
        Err(error) => {
            diagnostics.push(error);
            None
        }
    }
}

/// Load many files in parallel, keeping their order and every error.
fn load_all<T: Send>(
    paths: &[PathBuf],
    load: impl Fn(&Path) -> Result<T, Diagnostic> + Sync,
) -> (Vec<T>, Diagnostics) {
    let results: Vec<Result<T, Diagnostic>> = paths.par_iter().map(|p| load(p)).collect();
    let mut loaded = Vec::with_capacity(results.len());
    let mut diagnostics = Diagnostics::default();
    for result in results {
        match result {
            Ok(item) => loaded.push(item),
            Err(error) => diagnostics.push(error),
        }
    }
    (loaded, diagnostics)
}

/// The most a content file may hold. The longest real record is a few kilobytes; a
/// bigger file is a photo or a document pasted in by mistake, or an attack on the
/// YAML parser, and is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// A file of the site's `content/`, read as [`read_source`] does, unless it is larger
/// than [`MAX_FILE_BYTES`] or lies outside `content/` behind a link: only what is in
/// the folder the team edits may be published.
fn read_content(root: &Path, path: &Path) -> Result<Source, Diagnostic> {
    let shown = relative(root, path);
    let content = root.join("content");
    // A link anywhere between content/ and the file; cheaper than resolving the whole
    // path, for each of a national catalogue's files.
    let linked = path
        .ancestors()
        .take_while(|folder| *folder != content)
        .any(|p| {
            p.symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
        });
    if linked {
        let outside = match (path.canonicalize(), content.canonicalize()) {
            (Ok(real), Ok(content)) => !real.starts_with(content),
            _ => true,
        };
        if outside {
            return Err(Diagnostic::new(&shown, t!("load-link-outside")));
        }
    }
    let mut start = Vec::new();
    let size = std::fs::File::open(path)
        .and_then(|file| {
            let size = file.metadata()?.len();
            file.take(MAX_FILE_BYTES as u64 + 1)
                .read_to_end(&mut start)?;
            Ok(size)
        })
        .map_err(|error| {
            Diagnostic::new(&shown, t!("load-cannot-read", error = error.to_string()))
        })?;
    if start.len() > MAX_FILE_BYTES {
        // Point at the line where the file passes the limit: that is the one to cut.
        let before = &start[..MAX_FILE_BYTES];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let megabytes = size as f64 / (1024.0 * 1024.0);
        return Err(Diagnostic::new(
            &shown,
            t!("load-file-too-large", megabytes = format!("{megabytes:.1}")),
        )
        .at(line, 1));
    }
    decode(shown, start)
}

/// A text file, checked to be UTF-8 (an error names the line of the first bad byte) and
/// normalised to NFC, with its path shown relative to `root`.
pub fn read_source(root: &Path, path: &Path) -> Result<Source, Diagnostic> {
    let shown = relative(root, path);
    let bytes = std::fs::read(path).map_err(|error| {
        Diagnostic::new(&shown, t!("load-cannot-read", error = error.to_string()))
    })?;
    decode(shown, bytes)
}

/// The text of a file's `bytes`, as [`read_source`] describes; `shown` is its path.
pub fn decode(shown: PathBuf, bytes: Vec<u8>) -> Result<Source, Diagnostic> {
    // Windows Notepad's "Unicode" is UTF-16; name it rather than report a bad byte.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::new(&shown, t!("load-utf16")).at(1, 1));
    }
    let raw = String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        let valid = &error.as_bytes()[..at];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(valid.rsplit(|&b| b == b'\n').next().unwrap_or(&[]))
            .chars()
            .count()
            + 1;
        Diagnostic::new(&shown, t!("load-not-utf8")).at(line, column)
    })?;
    Ok(Source {
        path: shown,
        text: text::normalize(&raw),
    })
}

/// The first language `content/site.yaml` lists, read leniently: only to choose the
/// language of messages before anything is checked.
pub fn site_language(root: &Path) -> Option<Lang> {
    #[derive(serde::Deserialize)]
    struct Languages {
        #[serde(default)]
        languages: Vec<String>,
    }
    let source = read_source(root, &root.join("content").join("site.yaml")).ok()?;
    let site: Languages = yaml::parse(&source).ok()?;
    Lang::from_code(site.languages.first()?)
}

pub fn read_yaml<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
) -> Result<(Arc<Source>, T), Diagnostic> {
    let source = read_content(root, path)?;
    let record = yaml::parse(&source)?;
    Ok((Arc::new(source), record))
}

fn read_page(root: &Path, path: &Path) -> Result<Loaded<PageSource>, Diagnostic> {
    let (source, front, body, body_line) = read_markdown(root, path, t!("load-page-front-matter"))?;
    Ok(Loaded {
        id: file_stem(path),
        source,
        record: PageSource {
            front,
            body,
            body_line,
        },
    })
}

fn read_news(root: &Path, path: &Path, id: String) -> Result<Loaded<NewsSource>, Diagnostic> {
    let (source, front, body, body_line) = read_markdown(root, path, t!("load-news-front-matter"))?;
    Ok(Loaded {
        id,
        source,
        record: NewsSource {
            front,
            body,
            body_line,
        },
    })
}

/// A Markdown file's source, front matter, body and the line its body starts on.
fn read_markdown<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    no_front_matter: String,
) -> Result<(Arc<Source>, T, String, usize), Diagnostic> {
    let source = read_content(root, path)?;
    let parts = frontmatter::split(&source.text)
        .ok_or_else(|| Diagnostic::new(&source.path, no_front_matter).at(1, 1))?;
    // The front matter starts on line 2, after the opening `---`.
    let front: T = yaml::parse_str(&source, parts.front_matter, 1)?;
    let body = parts.body.to_owned();
    let body_line = source.text[..source.text.len() - body.len()]
        .matches('\n')
        .count()
        + 1;
    Ok((Arc::new(source), front, body, body_line))
}

/// Entries of `dir` up to `depth` deep that match `keep`, sorted by name. Links are not
/// followed, so nothing outside `content/` can be pulled in.
fn files_in(dir: &Path, depth: usize, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(dir)
        .min_depth(1)
        .max_depth(depth)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| entry.into_path())
        .filter(|path| keep(path))
        .collect()
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.is_file()
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

fn file_stem(path: &Path) -> String {
    text::normalize(&path.file_stem().unwrap_or_default().to_string_lossy())
}
