//! `ocop init`: write a new site into a folder, and nothing outside it.

use crate::t;
use std::fs;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use crate::content::write::{write, IfExists};
use crate::domain::Lang;
use crate::scaffold::site::{self, SiteOptions};
use crate::scaffold::Scaffold;

use super::{schema, Failure};

/// What `ocop init` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub dir: PathBuf,
    pub province: Option<String>,
    pub languages: Vec<Lang>,
    /// Write over files already in `dir` (nothing is deleted).
    pub force: bool,
}

/// What was written.
#[derive(Debug)]
pub struct Initialised {
    /// Relative to the new site's folder, in the order written.
    pub files: Vec<PathBuf>,
    /// Whether a placeholder marked "(cần sửa)" is left to replace (no `--province`).
    pub has_placeholders: bool,
}

/// The folder names `ocop init` ignores when it decides whether a folder is empty:
/// a clone of a new repository holds only `.git`, and starting a site there is the
/// usual first step.
const IGNORED_WHEN_EMPTY: &[&str] = &[".git"];

/// Write the new site's files into `options.dir`, creating it if needed.
pub fn run(options: &Options) -> Result<Initialised, Failure> {
    let mut files = site::files(&SiteOptions {
        province: options.province.clone(),
        languages: options.languages.clone(),
    })
    .map_err(Failure::Other)?;
    files.extend(editor_files());
    let dir = &options.dir;
    prepare(dir, options.force)?;
    let if_exists = match options.force {
        true => IfExists::Replace,
        false => IfExists::Refuse,
    };
    for file in &files {
        inside(dir, &file.path)?;
    }
    for file in &files {
        write(dir, &file.path, &file.text, if_exists)
            .map_err(|e| Failure::Other(t!("init-in", dir = dir, error = e)))?;
    }
    Ok(Initialised {
        // The README quotes the marker; only content files hold values to replace.
        has_placeholders: files
            .iter()
            .any(|f| f.path.starts_with("content") && f.has_placeholders()),
        files: files.into_iter().map(|f| f.path).collect(),
    })
}

/// The content files' JSON Schemas and the VS Code settings that use them: the same
/// files and setting as `ocop schema` run in the new site.
fn editor_files() -> Vec<Scaffold> {
    let planned = schema::plan(Path::new("."), Path::new("schema"));
    let mut files: Vec<Scaffold> = planned
        .files
        .into_iter()
        .map(|(path, text)| Scaffold { path, text })
        .collect();
    files.push(Scaffold {
        path: [".vscode", "settings.json"].iter().collect(),
        text: format!("{}\n", planned.vscode_setting),
    });
    // VS Code offers to install the YAML extension that reads the setting.
    files.push(Scaffold {
        path: [".vscode", "extensions.json"].iter().collect(),
        text: "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n".to_owned(),
    });
    files
}

/// Create `dir` if it is missing; refuse it if it is a file, or if it holds anything
/// (but `.git`) and `force` is off.
fn prepare(dir: &Path, force: bool) -> Result<(), Failure> {
    let cannot_read = |e: std::io::Error| {
        Failure::Other(t!("init-cannot-read", dir = dir, error = e.to_string()))
    };
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => return Err(Failure::Other(t!("init-is-a-file", dir = dir))),
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return fs::create_dir_all(dir).map_err(|e| {
                Failure::Other(t!("init-cannot-create", dir = dir, error = e.to_string()))
            });
        }
        Err(e) => return Err(cannot_read(e)),
    }
    let entries = fs::read_dir(dir).map_err(cannot_read)?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(cannot_read)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !IGNORED_WHEN_EMPTY.contains(&name.as_str()) {
            names.push(name);
        }
    }
    if names.is_empty() || force {
        return Ok(());
    }
    names.sort();
    Err(Failure::Other(t!(
        "init-not-empty",
        dir = dir,
        first = &names[0],
        more = names.len() - 1
    )))
}

/// An error unless writing `relative` under `dir` stays inside `dir`: the name goes
/// down only, and no folder on the way is a link, which could lead elsewhere. (The
/// file itself may be a link: `content::write` replaces a link, never writes through.)
fn inside(dir: &Path, relative: &Path) -> Result<(), Failure> {
    let outside = || Failure::Other(t!("init-outside", file = relative, dir = dir));
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(outside());
    }
    let mut folder = dir.to_path_buf();
    let parents: Vec<_> = relative
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .collect();
    for component in parents {
        folder.push(component);
        match fs::symlink_metadata(&folder) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(Failure::Other(t!("init-link", link = &folder, dir = dir)))
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_going_down_are_inside() {
        let dir = tempfile::tempdir().unwrap();
        assert!(inside(dir.path(), Path::new("content/site.yaml")).is_ok());
        assert!(inside(dir.path(), Path::new("../x")).is_err());
        assert!(inside(dir.path(), Path::new("/etc/x")).is_err());
        assert!(inside(dir.path(), Path::new("./x")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_is_refused_and_nothing_written_through_it() {
        let scratch = tempfile::tempdir().unwrap();
        let (dir, elsewhere) = (
            scratch.path().join("site"),
            scratch.path().join("elsewhere"),
        );
        fs::create_dir_all(&dir).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.join("content")).unwrap();
        let options = Options {
            dir: dir.clone(),
            province: Some("Hà Giang".into()),
            languages: vec![Lang::Vi],
            force: true,
        };
        let Err(Failure::Other(message)) = run(&options) else {
            panic!("a linked content folder was accepted");
        };
        assert!(message.contains("is a link"), "{message}");
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    }

    #[test]
    fn schema_files_are_named_as_the_setting_names_them() {
        let files = editor_files();
        let setting = &files
            .iter()
            .find(|f| f.path.ends_with("settings.json"))
            .unwrap()
            .text;
        let setting: serde_json::Value = serde_json::from_str(setting).unwrap();
        let mapping = setting["yaml.schemas"].as_object().unwrap();
        assert_eq!(mapping.len(), 3);
        for schema in mapping.keys() {
            let path = Path::new(schema.strip_prefix("./").unwrap());
            assert!(
                files.iter().any(|f| f.path == path),
                "{schema} is not written"
            );
        }
    }
}
