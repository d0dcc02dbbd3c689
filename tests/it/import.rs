//! `ocop import`: a spreadsheet saved as CSV becomes producer and product files that
//! pass `ocop check`; a bad row is reported at its line and nothing is written; an
//! existing file is never replaced without `--force`.

use std::path::PathBuf;

use crate::common;
use crate::common::{read_text, tests_dir, Site, TODAY};

fn sample(name: &str) -> PathBuf {
    tests_dir().join("fixtures").join("import").join(name)
}

fn import(site: &Site, csv: &str, flags: &[&str]) -> common::Run {
    let file = sample(csv);
    let mut args = vec!["import", file.to_str().unwrap(), "--today", TODAY];
    args.extend(flags);
    site.ocop(&args)
}

/// Stderr with the CSV's full path shortened to its file name.
fn report(run: &common::Run, csv: &str) -> Vec<String> {
    shortened(run, &sample(csv).display().to_string(), csv)
}

/// Stderr's lines with the path `full` written as `short`.
fn shortened(run: &common::Run, full: &str, short: &str) -> Vec<String> {
    run.stderr_lines()
        .iter()
        .map(|l| l.replace(full, short))
        .collect()
}

#[test]
fn imports_a_sample_list_into_files_that_pass_check() {
    let site = Site::from_fixture("small");
    let before = site.content_snapshot();
    let run = import(&site, "danh-sach.csv", &[]);
    run.assert_ok();
    assert_eq!(
        report(&run, "danh-sach.csv"),
        [
            "created content/producers/htx-mien-dong-bao-lac.yaml (line 3)",
            "created content/products/tra-hoa-vang-phja-den/product.yaml (line 2)",
            "created content/products/mien-dong-bao-lac/product.yaml (line 3)",
            "created content/products/banh-da-mien-dong/product.yaml (line 7)",
            "kept content/products/hat-de-trung-khanh/product.yaml (line 8): it exists; --force replaces it",
            "imported 4 rows: 4 files created, 0 replaced, 1 kept",
        ]
    );

    let after = site.content_snapshot();
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "the import changed {path}");
    }
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert_eq!(
        added,
        [
            "producers/htx-mien-dong-bao-lac.yaml",
            "products/banh-da-mien-dong/product.yaml",
            "products/mien-dong-bao-lac/product.yaml",
            "products/tra-hoa-vang-phja-den/product.yaml",
        ]
    );

    let content = site.root.join("content");
    assert_eq!(
        read_text(&content.join("producers/htx-mien-dong-bao-lac.yaml")),
        "# Nhập bằng `ocop import` từ danh-sach.csv, dòng 3.\n\
         name: HTX Miến dong Bảo Lạc\n\
         type: htx\n\
         district: bao-lac\n"
    );
    // Found by its name among the existing producers; the district is the
    // producer's, so it is left out; text with `:` is quoted.
    let tea = read_text(&content.join("products/tra-hoa-vang-phja-den/product.yaml"));
    let tea_fields: Vec<&str> = tea.lines().skip(1).collect();
    assert_eq!(
        tea_fields,
        [
            "name: Trà hoa vàng Phja Đén",
            "stars: 4",
            "category: thuc-pham",
            "subcategory: che",
            "producer: tht-che-phja-den",
            "certificate:",
            "  decision: Quyết định số 1021/QĐ-UBND",
            "  date: 2024-05-10",
            "summary: \"Trà hoa vàng: hái tay, sấy lạnh\"",
            "price:",
            "  min: 250000",
            "  max: 400000",
            "  unit: hộp 100 g",
            "tags:",
            "  - trà",
            "  - quà biếu",
        ]
    );
    // A leading `#` is quoted, and a cell of several lines becomes a block.
    let vermicelli = read_text(&content.join("products/mien-dong-bao-lac/product.yaml"));
    assert!(
        vermicelli.contains("summary: \"# Sợi dai, không chất tẩy trắng\"\n"),
        "{vermicelli}"
    );
    assert!(
        vermicelli.contains(
            "description: |-\n  Miến làm từ củ dong riềng.\n\n  - Phơi nắng hai ngày\n  - Không chất tẩy trắng\n"
        ),
        "{vermicelli}"
    );

    site.check().assert_ok();
    let check = site.check();
    assert!(
        check.stderr.contains("ok: 11 products, 6 producers"),
        "{}",
        check.stderr
    );
}

#[test]
fn bad_rows_are_reported_at_their_lines_and_nothing_is_written() {
    let site = Site::from_fixture("small");
    let before = site.content_snapshot();
    // --force too: the valid row for an existing product must not replace it either.
    let run = import(&site, "co-loi.csv", &["--force"]);
    run.assert_no_panic();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        report(&run, "co-loi.csv"),
        [
            "co-loi.csv:2: error: stars must be 3, 4 or 5: only 3★ to 5★ products are OCOP-certified (got 6)",
            "co-loi.csv:3: error: unknown category `do-go`",
            "co-loi.csv:5: error: unknown producer `htx-dong-tm` (did you mean `htx-dong-tam`?); to create it, fill in producer-name, producer-type, district",
            "co-loi.csv:6: error: date `31/02/2024` is not a date: write 2023-02-20 or 20/02/2023",
            "co-loi.csv:6: error: slug `Lạp Sườn` is not a slug: use lowercase ASCII letters, digits and hyphens, such as `lap-suon`",
            "error: 5 problems found; nothing was written",
        ]
    );
    assert!(
        site.content_snapshot() == before,
        "a failed import wrote files"
    );
}

#[test]
fn a_dry_run_prints_the_files_and_writes_nothing() {
    let site = Site::from_fixture("small");
    let before = site.content_snapshot();
    let run = import(&site, "danh-sach.csv", &["--dry-run"]);
    run.assert_ok();
    assert!(site.content_snapshot() == before, "a dry run wrote files");
    assert!(
        run.stdout
            .contains("==> content/producers/htx-mien-dong-bao-lac.yaml <==\n# Nhập bằng"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.matches("==> ").count(), 4, "{}", run.stdout);
    assert!(
        run.stderr.ends_with(
            "dry run: 4 rows read; would create 4 files and replace 0, 1 kept; nothing was written\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn importing_again_keeps_every_file_and_force_replaces_them() {
    let site = Site::from_fixture("small");
    import(&site, "danh-sach.csv", &[]).assert_ok();
    let first = site.content_snapshot();
    let again = import(&site, "danh-sach.csv", &[]);
    again.assert_ok();
    assert!(
        again
            .stderr
            .ends_with("imported 4 rows: 0 files created, 0 replaced, 5 kept\n"),
        "{}",
        again.stderr
    );
    assert!(site.content_snapshot() == first);

    let forced = import(&site, "danh-sach.csv", &["--force"]);
    forced.assert_ok();
    assert!(
        forced
            .stderr
            .ends_with("imported 4 rows: 0 files created, 5 replaced, 0 kept\n"),
        "{}",
        forced.stderr
    );
    let hat_de = read_text(
        &site
            .root
            .join("content/products/hat-de-trung-khanh/product.yaml"),
    );
    assert!(
        hat_de.contains("summary: \"Bản ghi đã có: không được ghi đè\""),
        "{hat_de}"
    );
    // The replaced product lost its photos, as the row has none: still valid.
    site.check().assert_ok();
}

#[test]
fn reads_semicolon_separated_files_and_names_missing_columns() {
    let site = Site::from_fixture("small");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    std::fs::write(
        &csv,
        "name;stars;category;producer;decision;date;Ghi chú;Giá bán;Hình ảnh\n\
         Mật ong bạc hà;4;thuc-pham;htx-dong-tam;Quyết định số 9/QĐ-UBND;01/03/2024;x;90000;anh.jpg\n",
    )
    .unwrap();
    let file = csv.to_str().unwrap();
    let run = site.ocop(&["import", file, "--today", TODAY]);
    run.assert_ok();
    // Notes are ignored quietly; any other unknown column is named, in case it is a
    // misspelt one, and left out.
    assert_eq!(
        run.stderr_lines()[0].replace(file, "ds.csv"),
        "ds.csv:1: warning: column `Hình ảnh` is not imported"
    );
    assert!(!run.stderr.contains("Ghi chú"));
    let honey = read_text(
        &site
            .root
            .join("content/products/mat-ong-bac-ha/product.yaml"),
    );
    assert!(honey.contains("  date: 2024-03-01\n"), "{honey}");
    assert!(honey.contains("price:\n  min: 90000\n"), "{honey}");

    std::fs::write(&csv, "ten san pham,hang sao\nA,3\n").unwrap();
    let run = site.ocop(&["import", file, "--today", TODAY]);
    assert_eq!(run.code, Some(1));
    let lines = shortened(&run, file, "ds.csv");
    assert_eq!(
        lines,
        [
            "ds.csv:1: error: missing column `category` (or `nhom`, `nhom-san-pham`, `nganh-hang`)",
            "ds.csv:1: error: missing column `date` (or `ngay-quyet-dinh`, `ngay-cong-nhan`, `ngay-cap`)",
            "ds.csv:1: error: missing column `decision` (or `quyet-dinh`, `so-quyet-dinh`)",
            "ds.csv:1: error: missing column `producer-id` or `producer-name`",
            "error: 4 problems found; nothing was written",
        ]
    );
}

#[test]
fn a_file_not_saved_as_utf8_is_refused_at_its_first_bad_line() {
    let site = Site::from_fixture("small");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    // "Trà" in Windows-1258, as Excel's plain "CSV" on a Vietnamese system saves it.
    std::fs::write(&csv, b"name,stars\nTr\xe0 xanh,4\n").unwrap();
    let file = csv.to_str().unwrap();
    let run = site.ocop(&["import", file, "--today", TODAY]);
    run.assert_no_panic();
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr.replace(file, "ds.csv"),
        "ds.csv:2:3: error: file is not valid UTF-8: save it as UTF-8 (in Excel: Save As, then the type \"CSV UTF-8\")\n\
         error: 1 problem found; nothing was written\n"
    );
}

/// `danh-sach.csv` as the team's Excel file would hold it, written by a real
/// spreadsheet library: a title merged across the columns above the header, the
/// decision dates as date cells (serial numbers in the file), stars, prices and row
/// numbers as number cells (but prices written with a thousands dot, "250.000",
/// which stay text, as typed), and a blank but formatted row after the list.
fn workbook_like_the_csv(path: &std::path::Path, sheet: &str) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let text = read_text(&sample("danh-sach.csv"));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(sheet).unwrap();
    let title = Format::new().set_bold();
    let last = (records[0].len() - 1) as u16;
    worksheet
        .merge_range(0, 0, 0, last, "DANH SÁCH SẢN PHẨM OCOP (minh hoạ)", &title)
        .unwrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let date_column = records[0]
        .iter()
        .position(|h| h == "Ngày quyết định")
        .unwrap();
    for (i, record) in records.iter().enumerate() {
        let row = i as u32 + 1;
        for (j, cell) in record.iter().enumerate() {
            let column = j as u16;
            if cell.is_empty() {
                continue;
            }
            let date = chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d")
                .or_else(|_| chrono::NaiveDate::parse_from_str(cell, "%d/%m/%Y"));
            if i > 0 && j == date_column {
                let date = date.unwrap_or_else(|_| panic!("`{cell}` is not a date"));
                let day = ExcelDateTime::from_ymd(
                    chrono::Datelike::year(&date) as u16,
                    chrono::Datelike::month(&date) as u8,
                    chrono::Datelike::day(&date) as u8,
                )
                .unwrap();
                worksheet
                    .write_datetime_with_format(row, column, &day, &date_format)
                    .unwrap();
            } else if let (true, Ok(n)) = (i > 0 && !cell.contains('.'), cell.parse::<f64>()) {
                worksheet.write_number(row, column, n).unwrap();
            } else {
                worksheet.write_string(row, column, cell).unwrap();
            }
        }
    }
    // A row that looks empty but has cells: the range reaches it.
    let blank_row = records.len() as u32 + 1;
    worksheet.write_blank(blank_row, 0, &title).unwrap();
    worksheet.write_blank(blank_row, last, &title).unwrap();
    workbook.save(path).unwrap();
}

#[test]
fn an_excel_workbook_imports_the_same_files_as_the_equivalent_csv() {
    let from_csv = Site::from_fixture("small");
    let csv_dry = import(&from_csv, "danh-sach.csv", &["--dry-run"]);
    csv_dry.assert_ok();
    import(&from_csv, "danh-sach.csv", &[]).assert_ok();

    let from_xlsx = Site::from_fixture("small");
    let before = from_xlsx.content_snapshot();
    let book = tempfile::tempdir().unwrap();
    let xlsx = book.path().join("danh-sach.xlsx");
    workbook_like_the_csv(&xlsx, "Sheet1");
    let xlsx_arg = xlsx.to_str().unwrap();
    let dry = from_xlsx.ocop(&["import", xlsx_arg, "--today", TODAY, "--dry-run"]);
    dry.assert_ok();
    assert!(
        from_xlsx.content_snapshot() == before,
        "a dry run wrote files"
    );
    let run = from_xlsx.ocop(&["import", xlsx_arg, "--today", TODAY]);
    run.assert_ok();
    assert!(
        run.stderr
            .contains("imported 4 rows: 4 files created, 0 replaced, 1 kept"),
        "{}",
        run.stderr
    );

    // The same files, but for the first comment, which names where each row came
    // from: the sheet's row rather than the CSV's line.
    let body = |text: &str| text.lines().skip(1).collect::<Vec<_>>().join("\n");
    let (csv_files, xlsx_files) = (from_csv.content_snapshot(), from_xlsx.content_snapshot());
    assert_eq!(
        csv_files.keys().collect::<Vec<_>>(),
        xlsx_files.keys().collect::<Vec<_>>()
    );
    let mut imported = 0;
    for (path, bytes) in &xlsx_files {
        let (ours, theirs) = (
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&csv_files[path]),
        );
        if before.contains_key(path) {
            assert!(ours == theirs, "{path} changed");
            continue;
        }
        imported += 1;
        assert_eq!(body(&ours), body(&theirs), "{path}");
        let first = ours.lines().next().unwrap();
        assert!(
            first.starts_with(
                "# Nhập bằng `ocop import` từ danh-sach.xlsx, trang tính Sheet1, dòng "
            ),
            "{first}"
        );
    }
    assert_eq!(imported, 4);
    // The date cell became the ISO date, the number cells plain numbers.
    let tea = read_text(
        &from_xlsx
            .root
            .join("content/products/tra-hoa-vang-phja-den/product.yaml"),
    );
    assert!(
        tea.contains("  date: 2024-05-10\n") && tea.contains("  min: 250000\n"),
        "{tea}"
    );
    // The dry run printed the same texts as the CSV's, comments aside.
    let texts = |stdout: &str| {
        (stdout.lines())
            .filter(|l| !l.starts_with("# Nhập bằng") && !l.starts_with("==> "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(texts(&dry.stdout), texts(&csv_dry.stdout));
    from_xlsx.check().assert_ok();
}

#[test]
fn a_bad_cell_of_a_workbook_is_reported_at_its_sheet_and_cell() {
    let site = Site::from_fixture("small");
    let before = site.content_snapshot();
    let book = tempfile::tempdir().unwrap();
    let xlsx = book.path().join("co-loi.xlsx");
    workbook_like_the_csv(&xlsx, "Danh sách");
    let edited = book.path().join("sua.xlsx");
    // A short list whose one product gives its stars as a word, in cell B2.
    let cells = [
        [
            "Tên sản phẩm",
            "Hạng sao",
            "Nhóm",
            "Chủ thể",
            "Quyết định",
            "Ngày quyết định",
        ],
        [
            "Trà hoa vàng Phja Đén",
            "nhiều",
            "Thực phẩm",
            "Tổ hợp tác Chè Phja Đén",
            "Quyết định số 1021/QĐ-UBND",
            "10/05/2024",
        ],
    ];
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Danh sách").unwrap();
    for (row, texts) in cells.iter().enumerate() {
        for (column, text) in texts.iter().enumerate() {
            sheet
                .write_string(row as u32, column as u16, *text)
                .unwrap();
        }
    }
    workbook.save(&edited).unwrap();
    let arg = edited.to_str().unwrap();
    let run = site.ocop(&["import", arg, "--today", TODAY]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let lines = shortened(&run, arg, "sua.xlsx");
    assert!(
        lines[0].starts_with("sua.xlsx:'Danh sách'!B2: error: ") && lines[0].contains("nhiều"),
        "{lines:#?}"
    );
    assert_eq!(
        lines.last().unwrap(),
        "error: 1 problem found; nothing was written"
    );
    assert!(site.content_snapshot() == before);

    // A sheet that is not there, with the one that is suggested.
    let run = site.ocop(&[
        "import",
        xlsx.to_str().unwrap(),
        "--sheet",
        "Danh sach",
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("the workbook has no sheet `Danh sach`; its sheets are Danh sách (did you mean `Danh sách`?)"),
        "{}",
        run.stderr
    );
    let run = site.ocop(&[
        "import",
        xlsx.to_str().unwrap(),
        "--sheet",
        "Danh sách",
        "--today",
        TODAY,
        "--dry-run",
    ]);
    run.assert_ok();
}
