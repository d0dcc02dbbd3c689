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
pub mod rows;
pub mod yaml_text;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use csv::StringRecord;

use crate::content::records::{ProducerRecord, ProductRecord};
use crate::content::{self, yaml, Loaded, RawContent, Source};
use crate::diagnostics::{with_suggestion, Diagnostic, Diagnostics};
use crate::validate::{self, fields::not_a_slug, fields::slugify};

use columns::Header;
use rows::{ProducerCells, Row};

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

/// Read `csv_file` and check every row: the files it describes, or every problem,
/// each at `csv_file:LINE`. Writes nothing; files marked [`Action::Keep`] exist and
/// are to be left alone, unless `force` (then they are [`Action::Replace`]).
pub fn read(
    root: &Path,
    csv_file: &Path,
    today: NaiveDate,
    force: bool,
) -> Result<Imported, Diagnostics> {
    let source = content::read_source(Path::new(""), csv_file).map_err(|error| {
        let mut diagnostics = Diagnostics::default();
        diagnostics.push(error);
        diagnostics
    })?;
    let (content, _) = content::load(root);
    let mut report = Report {
        file: source.path.clone(),
        diagnostics: Diagnostics::default(),
    };

    let table = read_table(&source.text, &mut report);
    let mut rows = Vec::new();
    for (line, record) in &table.rows {
        match rows::read(*line, &table.header, record, &content) {
            Ok(row) => rows.push(row),
            Err(errors) => errors.into_iter().for_each(|e| report.error(*line, e)),
        }
    }
    let files = plan(root, &source.path, rows, &content, force, &mut report);
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

/// Problems found so far, each at a line of the CSV file.
struct Report {
    file: PathBuf,
    diagnostics: Diagnostics,
}

impl Report {
    fn error(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::new(&self.file, message).at_line(line));
    }

    fn warning(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::new(&self.file, message).at_line(line).warning());
    }
}

/// The header and the non-blank rows, each with the line it starts on.
struct Table {
    header: Header,
    rows: Vec<(usize, StringRecord)>,
}

fn read_table(text: &str, report: &mut Report) -> Table {
    // Excel saves CSV with `;` where the system's list separator is `;`.
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header_record = match records.next() {
        Some(Ok(record)) => record,
        Some(Err(error)) => {
            report.error(1, format!("cannot read the header row: {error}"));
            StringRecord::new()
        }
        None => {
            report.error(1, "the file is empty: the first line must name the columns");
            StringRecord::new()
        }
    };
    let (header, problems) = Header::read(header_record.iter());
    let unreadable = !problems.errors.is_empty();
    problems.errors.into_iter().for_each(|e| report.error(1, e));
    problems
        .warnings
        .into_iter()
        .for_each(|w| report.warning(1, w));
    if unreadable {
        // Without the columns, every row would only repeat the header's problems.
        return Table {
            header,
            rows: Vec::new(),
        };
    }

    let mut rows = Vec::new();
    for result in records {
        match result {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                if record.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                let extra = record.iter().skip(header_record.len());
                if extra.clone().any(|cell| !cell.trim().is_empty()) {
                    report.error(
                        line,
                        format!(
                            "this row has {} cells but the header names {} columns",
                            record.len(),
                            header_record.len()
                        ),
                    );
                    continue;
                }
                rows.push((line, record));
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                report.error(line, format!("cannot read this row: {error}"));
            }
        }
    }
    Table { header, rows }
}

/// The files the rows describe, each producer once, with problems of references
/// reported on the way.
fn plan(
    root: &Path,
    csv_path: &Path,
    rows: Vec<Row>,
    content: &RawContent,
    force: bool,
    report: &mut Report,
) -> Vec<PlannedFile> {
    let mut planner = Planner {
        root,
        // The file name only: a full path would put the editor's own folders into
        // files the team commits.
        origin: csv_path.file_name().map_or_else(
            || csv_path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        force,
        existing: content
            .producers
            .iter()
            .map(|p| (p.id.as_str(), &p.record))
            .collect(),
        producers: Vec::new(),
        products: Vec::new(),
        slugs: HashMap::new(),
    };
    for row in rows {
        if let Err(message) = planner.add(row.clone()) {
            report.error(row.line, message);
        }
    }
    planner.producers.extend(planner.products);
    planner.producers
}

/// The files planned so far.
struct Planner<'a> {
    root: &'a Path,
    /// The CSV file, as named in each written file's first comment.
    origin: String,
    force: bool,
    existing: HashMap<&'a str, &'a ProducerRecord>,
    producers: Vec<PlannedFile>,
    products: Vec<PlannedFile>,
    /// The line of each product slug seen.
    slugs: HashMap<String, usize>,
}

impl Planner<'_> {
    fn add(&mut self, mut row: Row) -> Result<(), String> {
        let line = row.line;
        if let Some(first) = self.slugs.insert(row.slug.clone(), line) {
            return Err(format!("product `{}` is also on line {first}", row.slug));
        }
        let id = producer_id(&row.producer, &self.existing)?;
        let producer_district = self.producer(&id, &row)?;
        row.product.producer = id;
        // A product in its producer's district says nothing: it is the default.
        row.product.district = row.district.filter(|d| *d != producer_district);
        let path: PathBuf = ["content", "products", &row.slug, "product.yaml"]
            .iter()
            .collect();
        self.products.push(PlannedFile {
            action: self.action(&path),
            text: yaml_text::product(&row.product, &self.comment(line)),
            path,
            line,
            record: Record::Product(row.slug, Box::new(row.product)),
        });
        Ok(())
    }

    /// Plan the producer `id` if the row describes it, and give its district.
    fn producer(&mut self, id: &str, row: &Row) -> Result<String, String> {
        let described = producer_record(&row.producer, row.district.as_deref());
        let earlier = self.producers.iter().find_map(|f| match &f.record {
            Record::Producer(planned, record) if planned == id => Some((f, record)),
            _ => None,
        });
        let existing = self.existing.get(id).copied();
        match (described, earlier, existing) {
            (Some(record), Some((first, earlier)), _) if record != **earlier => Err(format!(
                "producer `{id}` is described differently on line {}",
                first.line
            )),
            (_, Some((first, earlier)), _) => Ok(match (first.action, existing) {
                (Action::Keep, Some(kept)) => kept.district.clone(),
                _ => earlier.district.clone(),
            }),
            (Some(record), None, _) => {
                let path = producer_path(id);
                let action = self.action(&path);
                let district = match (action, existing) {
                    (Action::Keep, Some(kept)) => kept.district.clone(),
                    _ => record.district.clone(),
                };
                self.producers.push(PlannedFile {
                    action,
                    text: yaml_text::producer(&record, &self.comment(row.line)),
                    path,
                    line: row.line,
                    record: Record::Producer(id.to_owned(), Box::new(record)),
                });
                Ok(district)
            }
            (None, None, Some(kept)) => Ok(kept.district.clone()),
            (None, None, None) => Err(missing_producer(
                id,
                &row.producer,
                row.district.as_deref(),
                &self.existing,
            )),
        }
    }

    fn action(&self, path: &Path) -> Action {
        match (self.root.join(path).exists(), self.force) {
            (false, _) => Action::Create,
            (true, true) => Action::Replace,
            (true, false) => Action::Keep,
        }
    }

    /// The first line of a written file, saying where it came from.
    fn comment(&self, line: usize) -> String {
        format!("Nhập bằng `ocop import` từ {}, dòng {line}.", self.origin)
    }
}

fn producer_path(id: &str) -> PathBuf {
    ["content", "producers", &format!("{id}.yaml")]
        .iter()
        .collect()
}

/// The producer a row names: by `producer-id`, else by a producer of the same name,
/// else the slug of `producer-name`.
fn producer_id(
    cells: &ProducerCells,
    existing: &HashMap<&str, &ProducerRecord>,
) -> Result<String, String> {
    if let Some(id) = &cells.id {
        return not_a_slug("producer-id", id).map_or(Ok(id.clone()), Err);
    }
    let name = cells.name.as_deref().unwrap_or_default();
    let key = slugify(name);
    let same_name = existing
        .iter()
        .filter(|(_, record)| slugify(&record.name) == key)
        .map(|(id, _)| id.to_string())
        .min();
    match same_name {
        Some(id) => Ok(id),
        None if key.is_empty() => Err(format!(
            "producer-name `{name}` gives no id: add a producer-id column"
        )),
        None => Ok(key),
    }
}

/// The producer file a row describes, when it has all that one needs.
fn producer_record(cells: &ProducerCells, district: Option<&str>) -> Option<ProducerRecord> {
    Some(ProducerRecord {
        name: cells.name.clone()?,
        kind: cells.kind.clone()?,
        district: district?.to_owned(),
        address: cells.address.clone(),
        representative: cells.representative.clone(),
        phone: cells.phone.clone(),
        email: cells.email.clone(),
        website: None,
        description: None,
    })
}

/// Why a producer that is not in `content/producers/` cannot be created from a row.
fn missing_producer(
    id: &str,
    cells: &ProducerCells,
    district: Option<&str>,
    existing: &HashMap<&str, &ProducerRecord>,
) -> String {
    let message = with_suggestion(
        format!("unknown producer `{id}`"),
        id,
        existing.keys().copied(),
    );
    let missing: Vec<&str> = [
        ("producer-name", cells.name.is_none()),
        ("producer-type", cells.kind.is_none()),
        ("district", district.is_none()),
    ]
    .into_iter()
    .filter_map(|(column, absent)| absent.then_some(column))
    .collect();
    format!("{message}; to create it, fill in {}", missing.join(", "))
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
            Ok(_) => report.error(file.line, "internal error: the YAML written for this row reads back differently; please report it"),
            Err(error) => report.error(file.line, format!("internal error: the YAML written for this row does not read back ({error}); please report it")),
        }
        lines.insert(&file.path, file.line);
    }
    let options = validate::Options {
        today,
        base_url: None,
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
