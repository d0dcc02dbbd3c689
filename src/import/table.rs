//! The CSV text as a header and rows, each row with the line it starts on.

use csv::StringRecord;

use super::columns::Header;
use super::Report;

/// The header and the non-blank rows, each with the line it starts on.
pub struct Table {
    pub header: Header,
    pub rows: Vec<(usize, StringRecord)>,
}

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
