//! `ocop import`: the product and producer files a province's spreadsheet lists,
//! one row per product, saved as a UTF-8 CSV file.
//!
//! Nothing is written unless every row is right. Rows are read ([`rows`]), their
//! producers found or planned, the files rendered ([`yaml_text`]) and read back, and
//! then the whole content, planned files included, goes through `validate`, the same
//! rules as `ocop check`. Every problem is reported at its row, `file.csv:LINE`.
//! All or nothing, because a half-imported list is harder to fix than a list that is
//! fixed and imported again; files that already exist are kept, so importing the same
//! list twice changes nothing.

pub mod cells;
pub mod columns;
pub mod plan;
pub mod rows;
pub mod sheet;
pub mod table;
pub mod yaml_text;

use crate::t;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::content::{self, yaml, Loaded, RawContent, Source};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::domain::records::{ProducerRecord, ProductRecord};
use crate::validate;

/// What happens to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    /// It exists and `--force` was given.
    Replace,
    /// It exists and is left as it is.
    Keep,
}

/// A file the spreadsheet describes.
#[derive(Debug, Clone)]
pub struct PlannedFile {
    /// Relative to the site root.
    pub path: PathBuf,
    pub action: Action,
    pub text: String,
    /// The row it comes from (the first, for a producer of several products).
    pub line: usize,
    /// What the text must read back as.
    pub record: Record,
}

/// The record a planned file holds (boxed: records are a few hundred bytes each).
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// With its id.
    Producer(String, Box<ProducerRecord>),
    /// With its slug.
    Product(String, Box<ProductRecord>),
}

/// The outcome of an import, or of a dry run.
#[derive(Debug)]
pub struct Imported {
    pub files: Vec<PlannedFile>,
    pub rows: usize,
    pub warnings: Vec<Diagnostic>,
}

/// Read `file`, a CSV file or a workbook's sheet (`sheet`, else the first), and check
/// every row: the files it describes, or every problem, each at `file.csv:LINE` or
/// `file.xlsx:Sheet1!D7`. Writes nothing; files marked [`Action::Keep`] exist and
/// are to be left alone, unless `force` (then they are [`Action::Replace`]).
pub fn read(
    root: &Path,
    file: &Path,
    sheet: Option<&str>,
    today: NaiveDate,
    force: bool,
) -> Result<Imported, Diagnostics> {
    let (table, mut report) = match sheet::is_workbook(file) {
        true => read_sheet(file, sheet)?,
        false => read_csv(file)?,
    };
    let (content, _) = content::load(root);
    let mut rows = Vec::new();
    for (line, record) in &table.rows {
        match rows::read(*line, &table.header, record, &content) {
            Ok(row) => rows.push(row),
            Err(errors) => (errors.into_iter()).for_each(|(column, e)| {
                let index = column.and_then(|c| table.header.position(c));
                report.error_in(*line, index, e)
            }),
        }
    }
    // The file name only: a full path would put the editor's own folders into files
    // the team commits.
    let name = file
        .file_name()
        .unwrap_or(file.as_os_str())
        .to_string_lossy();
    let origin = match &report.sheet {
        Some(sheet) => format!("{name}, trang tính {sheet}"),
        None => name.into_owned(),
    };
    let files = plan::plan(root, origin, rows, &content, force, &mut report);
    check(content, &files, today, &mut report);

    let mut diagnostics = report.diagnostics;
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(Imported {
        files,
        rows: table.rows.len(),
        warnings: diagnostics.take_warnings(),
    })
}

fn read_sheet(file: &Path, wanted: Option<&str>) -> Result<(table::Table, Report), Diagnostics> {
    let sheet = sheet::read(file, wanted).map_err(|why| Diagnostic::new(file, why))?;
    let mut report = Report {
        file: file.to_path_buf(),
        sheet: Some(sheet.name.clone()),
        diagnostics: Diagnostics::default(),
    };
    for (row, column, why) in sheet.errors {
        report.error_in(row, Some(column), why);
    }
    let table = table::from_records(sheet.rows, &mut report, true);
    Ok((table, report))
}

fn read_csv(csv_file: &Path) -> Result<(table::Table, Report), Diagnostics> {
    let source = content::read_source(Path::new(""), csv_file).map_err(|mut error| {
        // Excel's plain "CSV" is in the Windows code page (1258 for Vietnamese).
        if error.message.contains("UTF-8") {
            error.message += &t!("import-csv-utf8-hint");
        }
        error
    })?;
    let mut report = Report {
        file: source.path.clone(),
        sheet: None,
        diagnostics: Diagnostics::default(),
    };
    let table = table::read_table(&source.text, &mut report);
    Ok((table, report))
}

/// Problems found so far, each at a line of the CSV file, or a row (and cell) of the
/// workbook's sheet.
pub struct Report {
    file: PathBuf,
    /// The sheet's name, for a workbook.
    sheet: Option<String>,
    diagnostics: Diagnostics,
}

impl Report {
    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.error_in(line, None, message);
    }

    /// An error in a cell: at its column (counted from 0), when known. A CSV file's
    /// errors stay at their line, as `file.csv:LINE:`.
    pub fn error_in(&mut self, line: usize, column: Option<usize>, message: impl Into<String>) {
        let diagnostic = self.at(Diagnostic::new(&self.file, message), line, column);
        self.diagnostics.push(diagnostic);
    }

    pub fn warning(&mut self, line: usize, message: impl Into<String>) {
        let diagnostic = self.at(Diagnostic::new(&self.file, message), line, None);
        self.diagnostics.push(diagnostic.warning());
    }

    fn at(&self, diagnostic: Diagnostic, line: usize, column: Option<usize>) -> Diagnostic {
        match &self.sheet {
            None => diagnostic.at_line(line),
            Some(sheet) => diagnostic
                .at(line, column.map_or(0, |c| c + 1))
                .shown_at(sheet::place(sheet, line, column)),
        }
    }
}

/// Read every planned file back and run the whole content, planned files included,
/// through `validate`: the files must mean what the rows say and pass `ocop check`.
fn check(mut content: RawContent, files: &[PlannedFile], today: NaiveDate, report: &mut Report) {
    let mut lines: HashMap<&Path, usize> = HashMap::new();
    for file in files.iter().filter(|f| f.action != Action::Keep) {
        let source = Arc::new(Source {
            path: file.path.clone(),
            text: file.text.clone(),
        });
        let read_back = match &file.record {
            Record::Producer(id, _) => yaml::parse::<ProducerRecord>(&source).map(|record| {
                let again = Record::Producer(id.clone(), Box::new(record.clone()));
                content.producers.retain(|p| p.id != *id);
                content.producers.push(loaded(id, &source, record));
                again
            }),
            Record::Product(slug, _) => yaml::parse::<ProductRecord>(&source).map(|record| {
                let again = Record::Product(slug.clone(), Box::new(record.clone()));
                content.products.retain(|p| p.id != *slug);
                content.products.push(loaded(slug, &source, record));
                again
            }),
        };
        match read_back {
            Ok(record) if record == file.record => {}
            Ok(_) => report.error(file.line, t!("import-internal-differs")),
            Err(error) => report.error(
                file.line,
                t!("import-internal-unreadable", error = error.to_string()),
            ),
        }
        lines.insert(&file.path, file.line);
    }
    let options = validate::Options {
        today,
        base_url: None,
        drafts: false,
        // The rows are checked as `ocop check` would.
        refuse_placeholders: false,
    };
    let (_, found) = validate::validate(&content, &options);
    for diagnostic in found.into_sorted() {
        // Problems of files the import does not write are for `ocop check`.
        if let Some(&line) = lines.get(diagnostic.path.as_path()) {
            match diagnostic.is_error() {
                true => report.error(line, diagnostic.message),
                false => report.warning(line, diagnostic.message),
            }
        }
    }
}

fn loaded<T>(id: &str, source: &Arc<Source>, record: T) -> Loaded<T> {
    Loaded {
        id: id.to_owned(),
        source: source.clone(),
        record,
    }
}
