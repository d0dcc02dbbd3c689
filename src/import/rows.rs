//! One spreadsheet row read into a product record and its producer's cells.

use crate::t;
use csv::StringRecord;

use crate::content::RawContent;
use crate::domain::records::{CertificateRecord, PriceRecord, ProductRecord};
use crate::validate::fields::{not_a_slug, slugify};

use super::cells;
use super::columns::{Column, Header};

/// A row that could be read: the product, and what it says of its producer.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line of the row in the CSV file.
    pub line: usize,
    pub slug: String,
    /// `producer` is filled in once the producer is resolved.
    pub product: ProductRecord,
    pub producer: ProducerCells,
    /// The district the row names, by id, if any.
    pub district: Option<String>,
}

/// The producer columns of a row.
#[derive(Debug, Clone, Default)]
pub struct ProducerCells {
    pub id: Option<String>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub address: Option<String>,
    pub representative: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The cells of one row, by column.
struct Cells<'a> {
    header: &'a Header,
    record: &'a StringRecord,
}

impl Cells<'_> {
    /// The cell's text, or `None` when the column is absent or the cell blank.
    fn get(&self, column: Column) -> Option<&str> {
        let index = self.header.position(column)?;
        Some(self.record.get(index)?.trim()).filter(|text| !text.is_empty())
    }

    fn owned(&self, column: Column) -> Option<String> {
        self.get(column).map(str::to_owned)
    }

    /// A required cell, or an error naming its column.
    fn required(&self, column: Column, errors: &mut Vec<CellError>) -> Option<&str> {
        let cell = self.get(column);
        if cell.is_none() {
            errors.push((
                Some(column),
                t!("import-cell-empty", column = column.name()),
            ));
        }
        cell
    }
}

/// A problem with a row, and the column of the cell it is in, when it is in one.
pub type CellError = (Option<Column>, String);

/// Read one row, or every problem with it.
pub fn read(
    line: usize,
    header: &Header,
    record: &StringRecord,
    content: &RawContent,
) -> Result<Row, Vec<CellError>> {
    let cells = Cells { header, record };
    let mut errors = Vec::new();

    let name = cells
        .required(Column::Name, &mut errors)
        .unwrap_or_default();
    let slug = match cells.get(Column::Slug) {
        Some(slug) => match not_a_slug("slug", slug) {
            Some(error) => {
                errors.push((Some(Column::Slug), error));
                String::new()
            }
            None => slug.to_owned(),
        },
        None => {
            let slug = slugify(name);
            if slug.is_empty() && !name.is_empty() {
                errors.push((Some(Column::Name), t!("import-name-no-slug", name = name)));
            }
            slug
        }
    };

    let stars = cells.required(Column::Stars, &mut errors).and_then(|text| {
        (cells::stars(text).map_err(|e| errors.push((Some(Column::Stars), e)))).ok()
    });

    let categories = content.category_records();
    let category = cells.required(Column::Category, &mut errors).map(|text| {
        cells::id_of(
            text,
            categories.iter().map(|c| (c.id.as_str(), c.name.as_str())),
        )
    });
    let subcategory = cells.get(Column::Subcategory).map(|text| {
        let known = categories
            .iter()
            .filter(|c| Some(&c.id) == category.as_ref())
            .flat_map(|c| &c.subcategories);
        cells::id_of(text, known.map(|s| (s.id.as_str(), s.name.as_str())))
    });

    let districts = content.district_records();
    let district = cells.get(Column::District).map(|text| {
        cells::id_of(
            text,
            districts.iter().map(|d| (d.id.as_str(), d.name.as_str())),
        )
    });

    let decision = cells.required(Column::Decision, &mut errors);
    let mut date = |column: Column, required: bool| {
        let text = match required {
            true => cells.required(column, &mut errors),
            false => cells.get(column),
        }?;
        cells::date(column.name(), text)
            .map(|d| d.to_string())
            .map_err(|e| errors.push((Some(column), e)))
            .ok()
    };
    let issued = date(Column::Date, true);
    let expires = date(Column::Expires, false);

    let price = price(&cells, &mut errors);

    let producer = ProducerCells {
        id: cells.owned(Column::ProducerId),
        name: cells.owned(Column::ProducerName),
        kind: cells.get(Column::ProducerType).map(cells::producer_type),
        address: cells.owned(Column::Address),
        representative: cells.owned(Column::Representative),
        phone: cells.owned(Column::Phone),
        email: cells.owned(Column::Email),
    };
    if producer.id.is_none() && producer.name.is_none() {
        errors.push((None, t!("import-producer-empty")));
    }

    match (stars, category, decision, issued) {
        (Some(stars), Some(category), Some(decision), Some(date)) if errors.is_empty() => Ok(Row {
            line,
            slug,
            product: ProductRecord {
                name: name.to_owned(),
                stars,
                category,
                subcategory,
                producer: String::new(),
                certificate: CertificateRecord {
                    score: None,
                    decision: decision.to_owned(),
                    date,
                    number: cells.owned(Column::Number),
                    issuer: cells.owned(Column::Issuer),
                    expires,
                },
                district: None,
                summary: cells.owned(Column::Summary),
                description: cells.owned(Column::Description),
                photos: Vec::new(),
                price,
                shops: Vec::new(),
                details: Vec::new(),
                tags: cells.get(Column::Tags).map(cells::tags).unwrap_or_default(),
                featured: false,
                history: Vec::new(),
                aliases: Vec::new(),
                en: None,
            },
            producer,
            district,
        }),
        _ => Err(errors),
    }
}

/// `price: {min, max, unit}`, which needs a lowest price if it has anything.
fn price(cells: &Cells, errors: &mut Vec<CellError>) -> Option<PriceRecord> {
    let mut amount = |column: Column| {
        let text = cells.get(column)?;
        cells::price(column.name(), text)
            .map_err(|e| errors.push((Some(column), e)))
            .ok()
    };
    let min = amount(Column::PriceMin);
    let max = amount(Column::PriceMax);
    let unit = cells.owned(Column::Unit);
    match min {
        Some(min) => Some(PriceRecord { min, max, unit }),
        None => {
            if cells.get(Column::PriceMin).is_none() && (max.is_some() || unit.is_some()) {
                errors.push((Some(Column::PriceMin), t!("import-price-min-needed")));
            }
            None
        }
    }
}
