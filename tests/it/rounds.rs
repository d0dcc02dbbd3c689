//! The certification rounds: `/data/rounds.json` and the year pages `/thong-ke/<year>/`.
//!
//! Whatever the records, the figures must reconcile: each year, start − ran out without
//! re-evaluation + new = end, a year starts where the one before ended, and the build
//! date's year ends with the products listed that day. `the_rounds_reconcile` checks
//! this of any built site; it runs here on the fixtures and in `build_demo` on the demo.

use std::path::Path;

use serde_json::Value;

use crate::common::html::{self, rows, table_rows};
use crate::common::{read_text, Site, TODAY};

/// Each year of `rounds.json`, after checking its fields.
fn rounds(output: &Path) -> Vec<Value> {
    let json: Value = serde_json::from_str(&read_text(&output.join("data/rounds.json")))
        .expect("rounds.json is JSON");
    let years = json.as_array().expect("an array of years").clone();
    for year in &years {
        let mut keys: Vec<&str> = year
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "expired_not_reevaluated",
                "new",
                "reevaluated",
                "reevaluated_down",
                "reevaluated_up",
                "valid_at_end",
                "valid_at_start",
                "year"
            ]
        );
    }
    years
}

fn figure(year: &Value, key: &str) -> i64 {
    year[key]
        .as_i64()
        .unwrap_or_else(|| panic!("{key} of {year}"))
}

/// The years of `rounds.json`, each with a page.
pub fn years(output: &Path) -> Vec<i64> {
    rounds(output).iter().map(|y| figure(y, "year")).collect()
}

/// The property every build must have, for a site built into `output` on `today`.
pub fn the_rounds_reconcile(output: &Path, today: &str) {
    let years = rounds(output);
    assert!(!years.is_empty(), "no round in {}", output.display());
    let products: Value =
        serde_json::from_str(&read_text(&output.join("data/products.json"))).unwrap();
    let listed = (products.as_array().unwrap().iter())
        .filter(|p| p["certificate"]["status"] != "expired")
        .count() as i64;
    let stats = html::links(&read_text(&output.join("thong-ke/index.html")));
    let this_year: i64 = today[..4].parse().unwrap();
    for (i, year) in years.iter().enumerate() {
        let n = figure(year, "year");
        let start = figure(year, "valid_at_start");
        let end = figure(year, "valid_at_end");
        let (new, lapsed) = (figure(year, "new"), figure(year, "expired_not_reevaluated"));
        assert_eq!(start - lapsed + new, end, "{year}");
        assert!(
            figure(year, "reevaluated_up") + figure(year, "reevaluated_down")
                <= figure(year, "reevaluated"),
            "{year}"
        );
        assert!(figure(year, "reevaluated") <= start, "{year}");
        if let Some(before) = i.checked_sub(1).map(|b| &years[b]) {
            assert!(figure(before, "year") < n, "years out of order");
            if figure(before, "year") == n - 1 {
                assert_eq!(figure(before, "valid_at_end"), start, "{year}");
            }
        }
        if n == this_year {
            assert_eq!(
                end, listed,
                "the build date's year ends with the listed products"
            );
        }
        // Its page exists, says the same, and the statistics page links it.
        let page = html::main_text(&read_text(&output.join(format!("thong-ke/{n}/index.html"))));
        let line = format!("{start} − {lapsed} + {new} = {end}");
        assert!(page.contains(&line), "no `{line}` in {page}");
        let link = format!("thong-ke/{n}/");
        assert!(stats.iter().any(|l| l.ends_with(&link)), "no link to {n}");
    }
}

#[test]
fn the_statistics_fixture_reconciles() {
    let site = Site::from_fixture("stats");
    site.build_ok();
    the_rounds_reconcile(&site.output, TODAY);
    // Its years with a decision, 2019 having none.
    assert_eq!(
        years(&site.output),
        [2018, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    );
    assert!(!site.output.join("thong-ke/2019").exists());
}

/// `tests/fixtures/rounds`, built on 2025-09-30, its certificates lasting 12 months
/// (a history entry's from its date; the current certificate's to its default expiry).
/// Every figure below is worked out by hand from its files:
///
/// | slug      | decisions (≥3★: date stars → last day in force)                          |
/// |-----------|---------------------------------------------------------------------------|
/// | che-xanh  | 2023-03-01 3★ → 2024-03-01; 2024-02-15 4★ → 2025-02-15; 2025-02-10 4★ → 2026-02-10 |
/// | mien-dong | 2023-05-10 4★ → 2024-05-10; 2024-05-01 3★ → 2025-05-01                   |
/// | mat-ong   | 2023-04-20 3★ → 2024-04-20                                                |
/// | ruou-ngo  | 2023-06-01 3★ → 2024-06-01; 2024-09-15 3★ → 2025-09-15                   |
/// | lap-suon  | 2023-08-01 3★ → 2024-08-01; 2025-03-01 4★ → 2026-03-01                   |
/// | hat-de    | 2024-11-20 5★ → 2025-11-20                                                |
/// | banh-khao | (2★ on 2023-02-01 certifies nothing) 2025-06-15 3★ → 2026-06-15           |
///
/// - 2023: valid at the start (2022-12-31) none; new che-xanh, mat-ong, mien-dong,
///   ruou-ngo, lap-suon (5); nothing ran out; valid at 2023-12-31 those 5.
///   0 − 0 + 5 = 5.
/// - 2024: valid at the start the 5; re-evaluated che-xanh 3★→4★ (up, before its
///   certificate ran out), mien-dong 4★→3★ (down), ruou-ngo 3★→3★ (same, after its
///   certificate ran out on 2024-06-01: a re-evaluation after a lapse); new hat-de;
///   ran out without re-evaluation mat-ong (2024-04-20) and lap-suon (2024-08-01);
///   valid at 2024-12-31 che-xanh, mien-dong, ruou-ngo, hat-de. 5 − 2 + 1 = 4.
/// - 2025, to the build date: valid at the start those 4; re-evaluated che-xanh
///   4★→4★ (same); new lap-suon (certified again after its 2024 lapse) and banh-khao;
///   ran out without re-evaluation mien-dong (2025-05-01) and ruou-ngo (2025-09-15);
///   valid on 2025-09-30 che-xanh, lap-suon, hat-de, banh-khao. 4 − 2 + 2 = 4.
const ROUNDS_TODAY: &str = "2025-09-30";

fn rounds_site() -> Site {
    let site = Site::from_fixture("rounds");
    site.build_on(ROUNDS_TODAY).assert_ok();
    site
}

#[test]
fn rounds_json_gives_the_hand_counted_figures() {
    let site = rounds_site();
    let years = rounds(&site.output);
    let expected = serde_json::json!([
        {"year": 2023, "valid_at_start": 0, "new": 5, "reevaluated": 0, "reevaluated_up": 0,
         "reevaluated_down": 0, "expired_not_reevaluated": 0, "valid_at_end": 5},
        {"year": 2024, "valid_at_start": 5, "new": 1, "reevaluated": 3, "reevaluated_up": 1,
         "reevaluated_down": 1, "expired_not_reevaluated": 2, "valid_at_end": 4},
        {"year": 2025, "valid_at_start": 4, "new": 2, "reevaluated": 1, "reevaluated_up": 0,
         "reevaluated_down": 0, "expired_not_reevaluated": 2, "valid_at_end": 4},
    ]);
    assert_eq!(Value::Array(years), expected);
    the_rounds_reconcile(&site.output, ROUNDS_TODAY);
}

/// The rows of the `<table>` after the heading whose id is `id`.
fn group(page: &str, id: &str) -> Vec<Vec<String>> {
    let start = page
        .find(&format!("id={id}>"))
        .or_else(|| page.find(&format!("id=\"{id}\">")))
        .unwrap_or_else(|| panic!("no heading {id}"));
    let section = &page[start..];
    let section = &section[..section.find("</section>").unwrap()];
    table_rows(section)
}

#[test]
fn each_year_page_gives_the_figures_and_the_products_of_each_group() {
    let site = rounds_site();

    let page = site.page("thong-ke/2024/");
    let text = html::main_text(&page);
    for sentence in [
        "Kết quả đánh giá, phân hạng sản phẩm OCOP năm 2024",
        "Số liệu từ ngày 01/01/2024 đến ngày 31/12/2024.",
        "Đầu năm 2024 có 5 sản phẩm OCOP còn hiệu lực. Trong năm, 3 sản phẩm được đánh giá \
         lại (1 tăng hạng, 1 giữ hạng, 1 hạ hạng), 2 sản phẩm hết hạn mà không được đánh giá \
         lại và 1 sản phẩm được công nhận mới. Vậy 5 − 2 + 1 = 4 sản phẩm còn hiệu lực cuối \
         năm; các sản phẩm đánh giá lại chỉ tính một lần.",
        "= còn hiệu lực cuối năm: 5 − 2 + 1 = 4",
    ] {
        assert!(text.contains(sentence), "`{sentence}` not in {text}");
    }
    assert_eq!(
        group(&page, "r-sum"),
        rows(&[
            &["Số liệu", "Sản phẩm"],
            &["Còn hiệu lực đầu năm", "5"],
            &["Công nhận mới", "1"],
            &["Đánh giá lại", "3"],
            &["Đánh giá lại: tăng hạng", "1"],
            &["Đánh giá lại: giữ hạng", "1"],
            &["Đánh giá lại: hạ hạng", "1"],
            &["Hết hạn, không được đánh giá lại", "2"],
            &["Còn hiệu lực cuối năm", "4"],
        ])
    );
    assert_eq!(
        group(&page, "r-new"),
        rows(&[
            &["Sản phẩm", "Chủ thể", "Hạng", "Ngày quyết định"],
            &[
                "Hạt dẻ Trùng Khánh",
                "Công ty TNHH Kim Đồng",
                "5 sao",
                "20/11/2024"
            ],
        ])
    );
    assert_eq!(
        group(&page, "r-again"),
        rows(&[
            &[
                "Sản phẩm",
                "Chủ thể",
                "Hạng trước",
                "Hạng mới",
                "Thay đổi",
                "Ngày quyết định"
            ],
            &[
                "Chè xanh An Phú",
                "HTX Nông nghiệp An Phú",
                "3 sao",
                "4 sao",
                "Tăng hạng",
                "15/02/2024"
            ],
            &[
                "Miến dong Nguyên Bình",
                "Công ty TNHH Kim Đồng",
                "4 sao",
                "3 sao",
                "Hạ hạng",
                "01/05/2024"
            ],
            &[
                "Rượu ngô Kim Đồng",
                "Công ty TNHH Kim Đồng",
                "3 sao",
                "3 sao",
                "Giữ hạng",
                "15/09/2024"
            ],
        ])
    );
    assert_eq!(
        group(&page, "r-out"),
        rows(&[
            &["Sản phẩm", "Chủ thể", "Hạng", "Hiệu lực đến"],
            &[
                "Mật ong bạc hà",
                "HTX Nông nghiệp An Phú",
                "3 sao",
                "20/04/2024"
            ],
            &[
                "Lạp sườn Hà Quảng",
                "HTX Nông nghiệp An Phú",
                "3 sao",
                "01/08/2024"
            ],
        ])
    );
    // Every product of a group links to its page, expired ones too.
    let links = html::links(&page);
    for slug in [
        "hat-de",
        "che-xanh",
        "mien-dong",
        "ruou-ngo",
        "mat-ong",
        "lap-suon",
    ] {
        assert!(
            links
                .iter()
                .any(|l| l.ends_with(&format!("san-pham/{slug}/"))),
            "no link to {slug}"
        );
    }

    let page = site.page("thong-ke/2023/");
    assert_eq!(
        group(&page, "r-sum")[1..],
        rows(&[
            &["Còn hiệu lực đầu năm", "0"],
            &["Công nhận mới", "5"],
            &["Đánh giá lại", "0"],
            &["Đánh giá lại: tăng hạng", "0"],
            &["Đánh giá lại: giữ hạng", "0"],
            &["Đánh giá lại: hạ hạng", "0"],
            &["Hết hạn, không được đánh giá lại", "0"],
            &["Còn hiệu lực cuối năm", "5"],
        ])
    );
    let new: Vec<String> = group(&page, "r-new")[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(
        new,
        [
            "Chè xanh An Phú",
            "Mật ong bạc hà",
            "Miến dong Nguyên Bình",
            "Rượu ngô Kim Đồng",
            "Lạp sườn Hà Quảng"
        ]
    );
    assert!(html::main_text(&page).contains("0 − 0 + 5 = 5"));

    // The build date's year ends on the build date.
    let page = site.page("thong-ke/2025/");
    let text = html::main_text(&page);
    assert!(
        text.contains("Số liệu từ ngày 01/01/2025 đến ngày 30/09/2025"),
        "{text}"
    );
    assert_eq!(
        group(&page, "r-sum")[1..],
        rows(&[
            &["Còn hiệu lực đầu năm", "4"],
            &["Công nhận mới", "2"],
            &["Đánh giá lại", "1"],
            &["Đánh giá lại: tăng hạng", "0"],
            &["Đánh giá lại: giữ hạng", "1"],
            &["Đánh giá lại: hạ hạng", "0"],
            &["Hết hạn, không được đánh giá lại", "2"],
            &["Còn hiệu lực đến nay", "4"],
        ])
    );
    assert_eq!(
        group(&page, "r-new")[1..],
        rows(&[
            &[
                "Lạp sườn Hà Quảng công nhận lại sau khi hết hạn",
                "HTX Nông nghiệp An Phú",
                "4 sao",
                "01/03/2025"
            ],
            &[
                "Bánh khảo Hà Quảng",
                "HTX Nông nghiệp An Phú",
                "3 sao",
                "15/06/2025"
            ],
        ])
    );
    assert_eq!(
        group(&page, "r-again")[1..],
        rows(&[&[
            "Chè xanh An Phú",
            "HTX Nông nghiệp An Phú",
            "4 sao",
            "4 sao",
            "Giữ hạng",
            "10/02/2025"
        ]])
    );
    assert_eq!(
        group(&page, "r-out")[1..],
        rows(&[
            &[
                "Miến dong Nguyên Bình",
                "Công ty TNHH Kim Đồng",
                "3 sao",
                "01/05/2025"
            ],
            &[
                "Rượu ngô Kim Đồng",
                "Công ty TNHH Kim Đồng",
                "3 sao",
                "15/09/2025"
            ],
        ])
    );
    assert!(text.contains("4 − 2 + 2 = 4"), "{text}");
}

#[test]
fn the_english_edition_has_the_year_pages_too() {
    let site = rounds_site();
    let page = site.page("en/statistics/2024/");
    let text = html::main_text(&page);
    for sentence in [
        "OCOP certification round of 2024",
        "Valid at the start of 2024: 5 OCOP products. During the year: 3 re-evaluated \
         (1 up, 1 at the same level, 1 down), 2 ran out without re-evaluation, 1 newly \
         certified. Valid at the end of the year: 5 − 2 + 1 = 4",
    ] {
        assert!(text.contains(sentence), "`{sentence}` not in {text}");
    }
    assert_eq!(
        group(&page, "r-sum")[1..],
        rows(&[
            &["Valid at the start of the year", "5"],
            &["Newly certified", "1"],
            &["Re-evaluated", "3"],
            &["Re-evaluated: up", "1"],
            &["Re-evaluated: same level", "1"],
            &["Re-evaluated: down", "1"],
            &["Ran out without re-evaluation", "2"],
            &["Valid at the end of the year", "4"],
        ])
    );
    let links = html::links(&site.page("en/statistics/"));
    for year in [2023, 2024, 2025] {
        let link = format!("en/statistics/{year}/");
        assert!(
            links.iter().any(|l| l.ends_with(&link)),
            "no link to {link}"
        );
    }
    // Each year page names its other-language version.
    let alternates: Vec<String> = html::tags(&page)
        .into_iter()
        .filter(|t| t.name == "link" && t.attr("hreflang") == Some("vi"))
        .filter_map(|t| t.attr("href").map(str::to_owned))
        .collect();
    assert!(
        alternates.iter().any(|h| h.ends_with("thong-ke/2024/")),
        "{alternates:?}"
    );
}

#[test]
fn a_news_item_embeds_a_years_figures() {
    let site = Site::from_fixture("rounds");
    let news = site.root.join("content/news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(
        news.join("ket-qua-2024.md"),
        "---\ntitle: Kết quả đánh giá năm 2024\ndate: 2025-01-10\n---\nMở đầu.\n\n{{ round(year=2024) }}\n\nKết thúc.\n",
    )
    .unwrap();
    site.build_on(ROUNDS_TODAY).assert_ok();
    let page = site.page("tin-tuc/ket-qua-2024/");
    let text = html::main_text(&page);
    for sentence in [
        "Mở đầu.",
        "Kết quả đánh giá, phân hạng sản phẩm OCOP năm 2024",
        "Đầu năm 2024 có 5 sản phẩm OCOP còn hiệu lực.",
        "5 − 2 + 1 = 4",
        "Kết thúc.",
    ] {
        assert!(text.contains(sentence), "`{sentence}` not in {text}");
    }
    assert!(!text.contains("round(year"), "{text}");
    let links = html::links(&page);
    assert!(
        links.iter().any(|l| l.ends_with("thong-ke/2024/")),
        "{links:?}"
    );

    // A year without a decision is refused where it is written, naming the years
    // that have one; so is a line that is not a round.
    std::fs::write(
        news.join("ket-qua-2024.md"),
        "---\ntitle: Kết quả đánh giá năm 2022\ndate: 2025-01-10\n---\n{{ round(year=2022) }}\n\n{{ round(2023) }}\n",
    )
    .unwrap();
    let run = site.build_on(ROUNDS_TODAY);
    assert_eq!(
        run.stderr_lines(),
        [
            "content/news/ket-qua-2024.md:5:15: error: no round for 2022: no certification decision is dated in that year (years with one: 2023, 2024, 2025)",
            "content/news/ket-qua-2024.md:7:1: error: write a year's round on its own line as {{ round(year=2023) }}",
            "error: 2 problems found; nothing was published",
        ]
    );
}
