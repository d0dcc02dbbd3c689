//! `ocop import`: create the files a spreadsheet describes, or show them (`--dry-run`).

use std::path::Path;

use chrono::NaiveDate;

use crate::content::write::{write, IfExists};
use crate::import::{self, Action, Imported};

use super::{require_content, Failure};

pub struct Options {
    /// The date certificates are checked against, as in `ocop check`.
    pub today: NaiveDate,
    /// Show what would be written; write nothing.
    pub dry_run: bool,
    /// Replace files that exist instead of keeping them.
    pub force: bool,
    /// The workbook's sheet to read, else the first.
    pub sheet: Option<String>,
}

/// Import `file` into the site at `root`. Nothing is written if any row is wrong.
pub fn run(root: &Path, file: &Path, options: &Options) -> Result<Imported, Failure> {
    require_content(root)?;
    let sheet = options.sheet.as_deref();
    let imported =
        import::read(root, file, sheet, options.today, options.force).map_err(Failure::Content)?;
    if !options.dry_run {
        for file in &imported.files {
            let if_exists = match file.action {
                Action::Keep => continue,
                Action::Replace => IfExists::Replace,
                Action::Create => IfExists::Refuse,
            };
            write(root, &file.path, &file.text, if_exists).map_err(Failure::Other)?;
        }
    }
    Ok(imported)
}
