//! The spreadsheet as a header and rows, each row with the line (or sheet row) it
//! starts on.

use crate::t;
use csv::StringRecord;

use super::columns::Header;
use super::Report;

/// The header and the non-blank rows, each with the line it starts on.
#[derive(Default)]
pub struct Table {
    pub header: Header,
    pub rows: Vec<(usize, StringRecord)>,
}

/// A CSV file's table: its first line names the columns.
pub fn read_table(text: &str, report: &mut Report) -> Table {
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
    let mut records = Vec::new();
    for (index, result) in reader.records().enumerate() {
        match result {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                records.push((line, record));
            }
            Err(error) if index == 0 => {
                report.error(1, t!("import-header-unreadable", error = error.to_string()));
                // Without the columns, every row would only repeat the problem.
                return Table::default();
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                report.error(line, t!("import-row-unreadable", error = error.to_string()));
            }
        }
    }
    from_records(records, report, false)
}

/// The table of `records`. With `find_header`, rows above the first that names at
/// least two columns are skipped: a workbook's title, often merged across the columns.
pub fn from_records(
    records: Vec<(usize, StringRecord)>,
    report: &mut Report,
    find_header: bool,
) -> Table {
    let start = match find_header {
        true => records
            .iter()
            .position(|(_, record)| Header::known_columns(record.iter()) >= 2),
        false => (!records.is_empty()).then_some(0),
    };
    let Some(start) = start else {
        report.error(
            1,
            match find_header {
                true => t!("import-no-header-row"),
                false => t!("import-empty-file"),
            },
        );
        return Table::default();
    };
    let mut records = records.into_iter().skip(start);
    let Some((header_line, header_record)) = records.next() else {
        return Table::default();
    };
    let (header, problems) = Header::read(header_record.iter());
    let unreadable = !problems.errors.is_empty();
    (problems.errors.into_iter()).for_each(|e| report.error(header_line, e));
    (problems.warnings.into_iter()).for_each(|w| report.warning(header_line, w));
    if unreadable {
        // Without the columns, every row would only repeat the header's problems.
        return Table::default();
    }

    let mut rows = Vec::new();
    for (line, record) in records {
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let extra = record.iter().skip(header_record.len());
        if extra.clone().any(|cell| !cell.trim().is_empty()) {
            report.error(
                line,
                t!(
                    "import-row-too-long",
                    cells = record.len(),
                    columns = header_record.len()
                ),
            );
            continue;
        }
        rows.push((line, record));
    }
    Table { header, rows }
}
