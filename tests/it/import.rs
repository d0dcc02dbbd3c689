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
    let full = sample(csv).display().to_string();
    run.stderr_lines()
        .iter()
        .map(|l| l.replace(&full, csv))
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
    let lines: Vec<String> = run
        .stderr_lines()
        .iter()
        .map(|l| l.replace(file, "ds.csv"))
        .collect();
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
