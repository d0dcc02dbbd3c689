//! A workbook's sheet (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) read into the same
//! rows as a CSV file, through calamine, so that the team can import the list they
//! keep in Excel without saving it as CSV first.
//!
//! Cells become the text a CSV file would hold: a date cell (a serial number in the
//! file) becomes `YYYY-MM-DD`, a whole number loses Excel's `.0`, and text stays as
//! typed, numbers typed as text included.

use crate::t;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use csv::StringRecord;

use crate::diagnostics::with_suggestion;

/// File names read as workbooks; any other is read as CSV.
pub const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// One sheet's rows, each with its row number as Excel shows it, and its cells
/// placed at their column (A is 0), so that positions name the real cell.
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(usize, StringRecord)>,
    /// Cells that hold an Excel error (`#N/A`, `#REF!`): row, column, why.
    pub errors: Vec<(usize, usize, String)>,
}

/// Read the sheet `wanted`, or the first one.
pub fn read(path: &Path, wanted: Option<&str>) -> Result<Sheet, String> {
    let mut workbook = open_workbook_auto(path)
        .map_err(|e| t!("import-workbook-unreadable", error = e.to_string()))?;
    let names = workbook.sheet_names();
    let name = match wanted {
        Some(wanted) => names
            .iter()
            .find(|n| *n == wanted)
            .cloned()
            .ok_or_else(|| {
                let message = t!(
                    "import-no-such-sheet",
                    wanted = wanted,
                    sheets = names.join(", ")
                );
                with_suggestion(message, wanted, names.iter().map(String::as_str))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| t!("import-no-sheet"))?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| {
        t!(
            "import-sheet-unreadable",
            name = &name,
            error = e.to_string()
        )
    })?;
    // The range starts at its first filled cell, not always A1.
    let (top, left) = range.start().unwrap_or((0, 0));
    let (top, left) = (top as usize, left as usize);
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let row = top + i + 1;
        let mut record = StringRecord::new();
        (0..left).for_each(|_| record.push_field(""));
        for (j, cell) in cells.iter().enumerate() {
            match text(cell) {
                Ok(text) => record.push_field(&text),
                Err(why) => {
                    errors.push((row, left + j, why));
                    record.push_field("");
                }
            }
        }
        rows.push((row, record));
    }
    Ok(Sheet { name, rows, errors })
}

/// The text a CSV file would hold for the cell.
fn text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        // Stars, prices and years typed as numbers: 3, not 3.0.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(serial) => match serial.as_datetime() {
            Some(moment) => moment.date().format("%Y-%m-%d").to_string(),
            None => return Err(t!("import-date-cell", value = serial.as_f64().to_string())),
        },
        // ODS stores dates as ISO text already.
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_owned(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => return Err(t!("import-excel-error", error = error.to_string())),
    })
}

/// `D7` on sheet `Sheet1`, as Excel's Name Box takes it: `Sheet1!D7`, the sheet's
/// name quoted when it has spaces or marks (`'Danh sách'!D7`). Without a column,
/// the row: `Sheet1!7`.
pub fn place(sheet: &str, row: usize, column: Option<usize>) -> String {
    let sheet = match sheet.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        true => sheet.to_owned(),
        false => format!("'{}'", sheet.replace('\'', "''")),
    };
    match column {
        Some(column) => format!("{sheet}!{}{row}", letters(column)),
        None => format!("{sheet}!{row}"),
    }
}

/// A column's letters: 0 is A, 25 Z, 26 AA.
fn letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(b'A' + rest as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_as_excel_does() {
        assert_eq!(place("Sheet1", 7, Some(3)), "Sheet1!D7");
        assert_eq!(place("Danh sách", 12, Some(27)), "'Danh sách'!AB12");
        assert_eq!(place("Sheet1", 7, None), "Sheet1!7");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }

    #[test]
    fn cells_read_as_a_csv_file_would_hold_them() {
        assert_eq!(text(&Data::Float(3.0)).unwrap(), "3");
        assert_eq!(text(&Data::Float(120000.0)).unwrap(), "120000");
        assert_eq!(text(&Data::Float(2.5)).unwrap(), "2.5");
        assert_eq!(
            text(&Data::String("0206 123 456".into())).unwrap(),
            "0206 123 456"
        );
        assert_eq!(
            text(&Data::DateTimeIso("2024-03-01T00:00:00".into())).unwrap(),
            "2024-03-01"
        );
        assert!(text(&Data::Error(calamine::CellErrorType::NA)).is_err());
    }
}
