//! `ocop schema`: write the content files' JSON Schemas for editors.

use crate::t;
use std::fs;
use std::path::{Path, PathBuf};

use crate::content::schema;

use super::Failure;

/// What was written, and the VS Code setting that uses it.
pub struct Written {
    pub files: Vec<PathBuf>,
    /// The `yaml.schemas` setting of VS Code's YAML extension, as JSON.
    pub vscode_setting: String,
}

/// Write every schema into `output`, replacing older copies: they are generated, and
/// a stale one would underline valid content.
pub fn run(root: &Path, output: &Path) -> Result<Written, Failure> {
    fs::create_dir_all(output).map_err(|e| {
        Failure::Other(t!(
            "write-cannot-create",
            file = output,
            error = e.to_string()
        ))
    })?;
    let planned = plan(root, output);
    let mut files = Vec::new();
    for (path, json) in planned.files {
        fs::write(&path, json).map_err(|e| {
            Failure::Other(t!(
                "write-cannot-write",
                file = &path,
                error = e.to_string()
            ))
        })?;
        files.push(path);
    }
    Ok(Written {
        files,
        vscode_setting: planned.vscode_setting,
    })
}

/// The schemas to write into `output`, and the setting naming them; `ocop init` writes
/// the same files and puts the setting in the new site's `.vscode/settings.json`.
pub struct Planned {
    /// Each schema's path (`output` joined with its file name) and its JSON.
    pub files: Vec<(PathBuf, String)>,
    /// The `yaml.schemas` setting of VS Code's YAML extension, as JSON.
    pub vscode_setting: String,
}

/// What [`run`] writes, without writing it.
pub fn plan(root: &Path, output: &Path) -> Planned {
    let mut files = Vec::new();
    let mut mapping = serde_json::Map::new();
    for file in schema::all() {
        let path = output.join(file.file_name);
        mapping.insert(setting_path(root, &path), file.applies_to.into());
        files.push((path, file.json));
    }
    let setting = serde_json::json!({ "yaml.schemas": mapping });
    Planned {
        files,
        vscode_setting: serde_json::to_string_pretty(&setting).unwrap_or_default(),
    }
}

/// How the setting names a schema file: relative to the site root (the VS Code
/// workspace) when it is inside it, so that the setting works on every checkout.
fn setting_path(root: &Path, path: &Path) -> String {
    let inside = match path.strip_prefix(root) {
        Ok(relative) => Some(relative),
        Err(_) if root == Path::new(".") && path.is_relative() => Some(path),
        Err(_) => None,
    };
    match inside {
        Some(relative) => {
            let relative = relative.strip_prefix(".").unwrap_or(relative);
            format!("./{}", relative.to_string_lossy().replace('\\', "/"))
        }
        None => path.to_string_lossy().replace('\\', "/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_schemas_relative_to_the_root_when_inside_it() {
        let at = |root: &str, path: &str| setting_path(Path::new(root), Path::new(path));
        assert_eq!(at(".", "./schema/a.json"), "./schema/a.json");
        assert_eq!(at(".", "schema/a.json"), "./schema/a.json");
        assert_eq!(at("site", "site/schema/a.json"), "./schema/a.json");
        assert_eq!(at("site", "/elsewhere/a.json"), "/elsewhere/a.json");
    }
}
