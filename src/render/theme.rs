//! Loading a theme: its Tera templates and the folder of static files it ships.

use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostics::{relative, with_suggestion, Diagnostic};

/// The theme's templates of files other than pages.
const FILE_TEMPLATES: &[&str] = &[
    "atom.xml",
    super::sitemap::URLSET_TEMPLATE,
    super::sitemap::INDEX_TEMPLATE,
    "robots.txt",
];

/// Templates every theme must have: one per kind of page the catalogue writes, as the
/// page kinds declare them, and the feed's, the sitemap's and `robots.txt`'s.
pub fn required() -> impl Iterator<Item = &'static str> {
    super::pages::TEMPLATES
        .iter()
        .chain(FILE_TEMPLATES)
        .copied()
}

pub struct Theme {
    pub tera: Tera,
    /// Copied as is to the root of the site.
    pub static_dir: PathBuf,
    /// The templates folder, relative to the site root, for error messages.
    pub templates_path: PathBuf,
    /// The UI strings of each of the site's languages, in their order: set by
    /// `with_strings` once the site's languages are known.
    pub strings: Vec<crate::edition::Strings>,
}

impl Theme {
    /// The theme with the strings of `languages` loaded from its `strings/` folder.
    pub fn with_strings(
        mut self,
        root: &Path,
        name: &str,
        languages: &[crate::domain::Lang],
    ) -> Result<Self, Vec<Diagnostic>> {
        let codes: Vec<&str> = languages.iter().map(|l| l.code()).collect();
        self.strings = crate::edition::strings::load(root, name, &codes)?;
        Ok(self)
    }
}

pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostic> {
    let themes = root.join("themes");
    let dir = themes.join(name);
    let templates = dir.join("templates");
    if !templates.is_dir() {
        let available: Vec<String> = std::fs::read_dir(&themes)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().join("templates").is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let message = format!(
            "theme `{name}` not found: there is no {}",
            relative(root, &templates).display()
        );
        return Err(Diagnostic::new(
            "content/site.yaml",
            with_suggestion(message, name, available.iter().map(String::as_str)),
        ));
    }
    let templates_path = relative(root, &templates);
    let mut files = Vec::new();
    for entry in WalkDir::new(&templates)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = path
            .strip_prefix(&templates)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).map_err(|error| {
            Diagnostic::new(
                relative(root, path),
                format!("cannot read template: {error}"),
            )
        })?;
        files.push((name, text));
    }
    let mut tera = Tera::new();
    tera.add_raw_templates(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|error| Diagnostic::new(&templates_path, template_error(&error)))?;
    if let Some(missing) = required().find(|t| !tera.contains_template(t)) {
        return Err(Diagnostic::new(
            templates_path.join(missing),
            "template is missing: every theme needs one template per kind of page",
        ));
    }
    Ok(Theme {
        tera,
        static_dir: dir.join("static"),
        templates_path,
        strings: Vec::new(),
    })
}

/// A Tera error with its chain of causes on one line.
pub fn template_error(error: &tera::Error) -> String {
    // Tera's syntax errors start with their own "error: ", which ours already says.
    let text = error.to_string();
    let mut message = text.strip_prefix("error: ").unwrap_or(&text).to_owned();
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    message
}
