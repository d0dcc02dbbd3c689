//! `ocop new`: write a scaffolded content file, never over an existing one.

use crate::t;
use std::path::{Path, PathBuf};

use crate::cli::NewCommand;
use crate::content::write::{write, IfExists};
use crate::content::{self, RawContent};
use crate::scaffold;

use super::{build_date, require_content, Failure};

/// What was created.
pub struct Created {
    /// Relative to the root.
    pub path: PathBuf,
    /// Whether it holds placeholders marked "(cần sửa)" to replace.
    pub has_placeholders: bool,
}

/// Create the file `command` asks for.
pub fn run(command: &NewCommand) -> Result<Created, Failure> {
    let (root, scaffold) = match command {
        NewCommand::Product {
            slug,
            producer,
            name,
            root,
            today,
        } => {
            let today = build_date(*today)?;
            let content = load(root)?;
            let made = scaffold::product(&content, slug, producer, name.as_deref(), today);
            (root, made)
        }
        NewCommand::Producer { id, name, root } => {
            let content = load(root)?;
            (root, scaffold::producer(&content, id, name.as_deref()))
        }
        NewCommand::News {
            slug,
            title,
            root,
            today,
        } => {
            let today = build_date(*today)?;
            load(root)?;
            (root, scaffold::news(slug, title.as_deref(), today))
        }
    };
    let scaffold = scaffold.map_err(Failure::Other)?;
    if let Some(existing) = scaffold::equivalents(&scaffold)
        .into_iter()
        .find(|path| root.join(path).exists())
    {
        return Err(Failure::Other(t!("new-exists", file = &existing)));
    }
    write(root, &scaffold.path, &scaffold.text, IfExists::Refuse).map_err(Failure::Other)?;
    Ok(Created {
        has_placeholders: scaffold.has_placeholders(),
        path: scaffold.path,
    })
}

/// The site's content as it is, broken files or not: a scaffold only needs the ids
/// of categories, districts and producers.
fn load(root: &Path) -> Result<RawContent, Failure> {
    require_content(root)?;
    Ok(content::load(root).0)
}
