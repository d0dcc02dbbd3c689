//! From rows to files: each row's producer found, or planned once from the rows that
//! describe it, and each file's action decided by what exists.

use crate::t;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::content::RawContent;
use crate::diagnostics::with_suggestion;
use crate::domain::records::ProducerRecord;
use crate::validate::fields::{not_a_slug, slugify};

use super::rows::{ProducerCells, Row};
use super::{yaml_text, Action, PlannedFile, Record, Report};

/// The files the rows describe, each producer once, with problems of references
/// reported on the way.
pub fn plan(
    root: &Path,
    origin: String,
    rows: Vec<Row>,
    content: &RawContent,
    force: bool,
    report: &mut Report,
) -> Vec<PlannedFile> {
    let mut planner = Planner {
        root,
        origin,
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
        let line = row.line;
        if let Err(message) = planner.add(row) {
            report.error(line, message);
        }
    }
    planner.producers.extend(planner.products);
    planner.producers
}

/// The files planned so far.
struct Planner<'a> {
    root: &'a Path,
    /// The spreadsheet, as named in each written file's first comment: `danh-sach.csv`,
    /// or `danh-sach.xlsx, trang tính Sheet1`.
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
            return Err(t!("import-product-twice", slug = &row.slug, line = first));
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
            (Some(record), Some((first, earlier)), _) if record != **earlier => {
                Err(t!("import-producer-differs", id = id, line = first.line))
            }
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
        None if key.is_empty() => Err(t!("import-producer-name-no-id", name = name)),
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
        // The spreadsheet has no other producer column; a field added to the
        // records later stays empty here.
        ..ProducerRecord::default()
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
        t!("product-unknown-producer", id = id),
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
    t!(
        "import-producer-to-create",
        message = message,
        columns = missing.join(", ")
    )
}
