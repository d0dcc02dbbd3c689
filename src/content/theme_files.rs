//! A theme's files: the default theme, built into the binary, under the site's own
//! `themes/<name>/`, which replaces it file by file. A province can change only
//! `templates/partials/footer.html`, or one strings file, and keep the rest, as Hugo
//! and Zola theme overrides do; a site with no `themes/` at all uses the built-in one.
//!
//! The built-in theme is this repository's `themes/default/`, embedded at compile time,
//! so the demo and the binary never disagree.

use crate::t;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use walkdir::WalkDir;

use crate::diagnostics::{relative, with_suggestion, Diagnostic};
use crate::paths;

/// The name of the built-in theme, and the folder `ocop theme eject` writes it to.
pub const DEFAULT: &str = "default";

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// One file of a theme, from the site's folder or built in.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Below the theme's folder, with `/`: `templates/partials/footer.html`.
    pub name: String,
    /// Where it is, or would be once ejected, relative to the site root: what messages
    /// show, so the team knows which file to create to change it.
    pub shown: PathBuf,
    /// Borrowed from the binary for a built-in file, read for the site's own.
    pub bytes: Cow<'static, [u8]>,
}

impl ThemeFile {
    /// Whether it comes from the binary rather than the site's folder.
    pub fn built_in(&self) -> bool {
        matches!(self.bytes, Cow::Borrowed(_))
    }

    /// The file's text, or an error naming it when it is not UTF-8.
    pub fn text(&self) -> Result<&str, Diagnostic> {
        std::str::from_utf8(&self.bytes)
            .map_err(|_| Diagnostic::new(&self.shown, t!("load-not-utf8")))
    }
}

/// The theme a site names: its own folder, if it has one, over the built-in theme.
#[derive(Debug, Clone)]
pub struct ThemeFiles {
    /// `<root>/themes/<name>`, when that folder exists.
    own: Option<PathBuf>,
    /// `themes/<name>`, relative to the site root.
    shown: PathBuf,
    root: PathBuf,
}

impl ThemeFiles {
    /// The theme `name` of the site at `root`. `default` needs no folder; any other
    /// name must be a folder of `themes/`, which then overrides the built-in theme.
    pub fn locate(root: &Path, name: &str) -> Result<Self, Diagnostic> {
        let themes = root.join("themes");
        let dir = themes.join(name);
        let own = dir.is_dir().then(|| dir.clone());
        if own.is_none() && name != DEFAULT {
            let mut available: Vec<String> = std::fs::read_dir(&themes)
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            available.push(DEFAULT.to_owned());
            let message = t!(
                "theme-not-found",
                name = name,
                folder = relative(root, &dir).as_path(),
                built_in = DEFAULT
            );
            return Err(Diagnostic::new(
                "content/site.yaml",
                with_suggestion(message, name, available.iter().map(String::as_str)),
            ));
        }
        Ok(Self {
            own,
            shown: relative(root, &dir),
            root: root.to_path_buf(),
        })
    }

    /// Every file below `folder` (`templates`, `static`, `strings`), sorted by name:
    /// the built-in ones, each replaced by the site's file of the same name, and the
    /// site's own additions.
    pub fn list(&self, folder: &str) -> Result<Vec<ThemeFile>, Diagnostic> {
        let mut files: BTreeMap<String, ThemeFile> = BTreeMap::new();
        let built_in = BUILT_IN.get_dir(folder).map(collect).unwrap_or_default();
        for (name, bytes) in built_in {
            files.insert(name.clone(), self.built_in_file(name, bytes));
        }
        if let Some(own) = &self.own {
            for entry in WalkDir::new(own.join(folder))
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                let below = entry.path().strip_prefix(own).unwrap_or(entry.path());
                let name = below.to_string_lossy().replace('\\', "/");
                files.insert(name.clone(), self.own_file(entry.path(), name)?);
            }
        }
        Ok(files.into_values().collect())
    }

    /// The file `name` (`strings/vi.yaml`), the site's if it has it, else the
    /// built-in one; `None` when neither exists.
    pub fn read(&self, name: &str) -> Result<Option<ThemeFile>, Diagnostic> {
        if let Some(path) = self.own.as_ref().map(|own| own.join(name)) {
            if path.is_file() {
                return self.own_file(&path, name.to_owned()).map(Some);
            }
        }
        let built_in = BUILT_IN.get_file(name);
        Ok(built_in.map(|file| self.built_in_file(name.to_owned(), file.contents())))
    }

    fn built_in_file(&self, name: String, bytes: &'static [u8]) -> ThemeFile {
        ThemeFile {
            shown: self.shown.join(&name),
            name,
            bytes: Cow::Borrowed(bytes),
        }
    }

    /// The site's file at `path`, named `name` below the theme's folder.
    fn own_file(&self, path: &Path, name: String) -> Result<ThemeFile, Diagnostic> {
        let shown = relative(&self.root, path);
        match std::fs::read(path) {
            Ok(bytes) => Ok(ThemeFile {
                name,
                shown,
                bytes: Cow::Owned(bytes),
            }),
            Err(error) => Err(Diagnostic::new(
                shown,
                t!("theme-cannot-read", error = error.to_string()),
            )),
        }
    }

    /// The `static/` files, each with the name it is published under.
    pub fn static_files(&self) -> Result<Vec<StaticFile>, Diagnostic> {
        Ok(self
            .list("static")?
            .into_iter()
            .map(StaticFile::new)
            .collect())
    }

    /// Where a file of this theme is, or would be, relative to the site root.
    pub fn shown(&self, name: &str) -> PathBuf {
        self.shown.join(name)
    }
}

/// A file of the theme's `static/` folder and the path it is published under.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Below the site root: `css/site.1a2b3c4d5e.css`.
    pub published: String,
    /// Below `static/`, as templates name it: `css/site.css`.
    pub name: String,
    pub file: ThemeFile,
}

impl StaticFile {
    fn new(file: ThemeFile) -> Self {
        let name = file.name["static/".len()..].to_owned();
        Self {
            published: paths::static_file(&name, &file.bytes),
            name,
            file,
        }
    }
}

/// Every file of the built-in theme, by its name below the theme's folder, sorted:
/// what `ocop theme eject` writes.
pub fn built_in() -> Vec<(String, &'static [u8])> {
    let mut files = collect(&BUILT_IN);
    files.sort();
    files
}

/// Every file of `dir` and below, named by its path below the theme's folder
/// (include_dir keeps paths from the embedded root).
fn collect(dir: &'static Dir<'static>) -> Vec<(String, &'static [u8])> {
    let own = dir.files().map(|file| {
        let name = file.path().to_string_lossy().replace('\\', "/");
        (name, file.contents())
    });
    own.chain(dir.dirs().flat_map(collect)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_is_this_repositorys_default_theme() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let on_disk: Vec<(String, Vec<u8>)> = WalkDir::new(&folder)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let name = e.path().strip_prefix(&folder).unwrap();
                let name = name.to_string_lossy().replace('\\', "/");
                (name, std::fs::read(e.path()).unwrap())
            })
            .collect();
        let mut on_disk = on_disk;
        on_disk.sort();
        let embedded: Vec<(String, Vec<u8>)> = (built_in().into_iter())
            .map(|(name, bytes)| (name, bytes.to_vec()))
            .collect();
        assert_eq!(embedded, on_disk);
        assert!(embedded.iter().any(|(n, _)| n == "templates/base.html"));
    }

    #[test]
    fn a_sites_file_replaces_the_built_in_one_and_adds_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("themes/default/templates/partials");
        std::fs::create_dir_all(&own).unwrap();
        std::fs::write(own.join("footer.html"), "mine").unwrap();
        std::fs::write(own.join("extra.html"), "added").unwrap();
        let theme = ThemeFiles::locate(dir.path(), DEFAULT).unwrap();
        let files = theme.list("templates").unwrap();
        let footer = files
            .iter()
            .find(|f| f.name == "templates/partials/footer.html")
            .unwrap();
        assert_eq!(&*footer.bytes, b"mine");
        assert!(!footer.built_in());
        assert!(files
            .iter()
            .any(|f| f.name == "templates/partials/extra.html"));
        let base = files
            .iter()
            .find(|f| f.name == "templates/base.html")
            .unwrap();
        assert!(base.built_in());
        assert_eq!(base.shown, Path::new("themes/default/templates/base.html"));
        let built_in_templates = built_in()
            .iter()
            .filter(|(n, _)| n.starts_with("templates/"))
            .count();
        assert_eq!(files.len(), built_in_templates + 1);
    }

    #[test]
    fn an_unknown_theme_is_an_error_with_a_suggestion_and_default_needs_no_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(ThemeFiles::locate(dir.path(), DEFAULT).is_ok());
        let error = ThemeFiles::locate(dir.path(), "defualt").unwrap_err();
        let line = error.to_string();
        assert!(line.contains("theme `defualt` not found"), "{line}");
        assert!(line.contains("did you mean `default`"), "{line}");
    }
}
