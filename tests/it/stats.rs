//! `/thong-ke/` of `tests/fixtures/stats`, built on 2026-06-01, checked figure by figure
//! against counts worked out by hand from the fixture's YAML:
//!
//! | slug          | stars | district    | category  | producer (type)      | certificate: date → expiry  | certified history (≥3★) |
//! |---------------|-------|-------------|-----------|----------------------|-----------------------------|-------------------------|
//! | banh-cuon-kho | 3     | ha-quang    | thuc-pham | ho-ly-van-tu (hộ)    | 2022-05-31 → 2025-05-31, expired | —                  |
//! | che-shan      | 3     | ha-quang(*) | thuc-pham | tht-phja-den (THT)   | 2023-12-01 → 2026-12-01, expiring | —                 |
//! | khau-sli      | 3     | ha-quang    | thuc-pham | htx-an-phu (HTX)     | 2024-03-15 → 2026-12-02, valid | (2★ 2021: not counted) |
//! | lap-suon      | 4     | ha-quang    | thuc-pham | htx-an-phu (HTX)     | 2023-09-01 → 2026-09-01, expiring | 2020-08-10        |
//! | mat-ong       | 3     | nguyen-binh | duoc-lieu | htx-ban-ngam (HTX)   | 2023-06-01 → 2026-06-01, expiring | —                 |
//! | mien-dong     | 4     | nguyen-binh | thuc-pham | htx-ban-ngam (HTX)   | 2025-02-10 → 2028-02-10, valid | 2021-12-01, 2025-02-10 (= certificate) |
//! | nuoc-mo       | 4     | ha-quang    | do-uong   | dn-kim-dong (DN)     | 2026-01-15 → 2029-01-15, valid | —                    |
//! | ruou-ngo      | 3     | ha-quang    | do-uong   | dn-kim-dong (DN)     | 2023-07-20 → 2026-07-20, expiring | —                 |
//! | tra-xanh      | 5     | nguyen-binh | thuc-pham | tht-phja-den (THT)   | 2024-11-05 → 2027-11-05, valid | 2018-06-15, 2022-01-20 |
//!
//! (*) set on the product; its producer is in nguyen-binh. Certificates last 36 months
//! unless `expires` says otherwise; "expiring" means expiring from 2026-06-01 to
//! 2026-12-01 (six months). `thach-an` and `thu-cong` have no product.

use crate::common::html::{self, rows, table_rows, tokens, Tag, Token};
use crate::common::{Site, BASE_PATH};

fn stats_page() -> String {
    let site = Site::from_fixture("stats");
    site.build_ok();
    site.page("thong-ke/")
}

/// The rows of every table of `page`, table by table, each cell's text trimmed.
fn tables(page: &str) -> Vec<Vec<Vec<String>>> {
    page.split("<table")
        .skip(1)
        .map(|rest| table_rows(&format!("<table{}", rest.split("</table>").next().unwrap())))
        .collect()
}

/// The table whose header row is `header`.
fn table<'a>(tables: &'a [Vec<Vec<String>>], header: &[&str]) -> &'a [Vec<String>] {
    tables
        .iter()
        .find(|t| t.first().is_some_and(|h| h == header))
        .unwrap_or_else(|| panic!("no table with header {header:?} in {tables:?}"))
}

/// What one chart's SVG says: its accessible name, each segment's tooltip and width,
/// and the totals written after the bars.
#[derive(Debug, Default)]
struct Chart {
    svg: Option<Tag>,
    /// (id, text) of each `<title>`: the chart's first, then one per segment.
    titles: Vec<(Option<String>, String)>,
    /// Width of each segment, in the order of `titles[1..]`.
    widths: Vec<u32>,
    totals: Vec<String>,
}

impl Chart {
    fn name(&self) -> &str {
        let svg = self.svg.as_ref().unwrap();
        let id = svg.attr("aria-labelledby").expect("the chart is labelled");
        let (_, name) = self
            .titles
            .iter()
            .find(|(i, _)| i.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("aria-labelledby `{id}` names no <title>"));
        name
    }

    fn segments(&self) -> Vec<&str> {
        self.titles[1..].iter().map(|(_, t)| t.as_str()).collect()
    }
}

/// Every inline chart of `page`, in order.
fn charts(page: &str) -> Vec<Chart> {
    let mut charts: Vec<Chart> = Vec::new();
    let (mut inside, mut reading) = (false, None::<&str>);
    for token in tokens(page) {
        match token {
            Token::Start(tag) if tag.name == "svg" => {
                inside = true;
                charts.push(Chart {
                    svg: Some(tag),
                    ..Chart::default()
                });
            }
            Token::End(name) if name == "svg" => inside = false,
            Token::Start(tag) if inside => {
                let chart = charts.last_mut().unwrap();
                match tag.name.as_str() {
                    "title" => {
                        chart
                            .titles
                            .push((tag.attr("id").map(str::to_owned), String::new()));
                        reading = Some("title");
                    }
                    "rect" => chart
                        .widths
                        .push(tag.attr("width").unwrap().parse().unwrap()),
                    "text" if tag.has_class("chart-total") => {
                        chart.totals.push(String::new());
                        reading = Some("total");
                    }
                    _ => {}
                }
            }
            Token::Text(text) if inside => {
                let chart = charts.last_mut().unwrap();
                match reading {
                    Some("title") => chart.titles.last_mut().unwrap().1.push_str(&text),
                    Some("total") => chart.totals.last_mut().unwrap().push_str(&text),
                    _ => {}
                }
            }
            Token::End(_) => reading = None,
            _ => {}
        }
    }
    charts
}

/// The entries of each chart legend, as "label: total".
fn legends(page: &str) -> Vec<Vec<String>> {
    let mut legends: Vec<Vec<String>> = Vec::new();
    let mut inside = false;
    for token in tokens(page) {
        match token {
            Token::Start(tag) if tag.name == "ul" && tag.has_class("legend") => {
                inside = true;
                legends.push(Vec::new());
            }
            Token::End(name) if name == "ul" => inside = false,
            Token::Start(tag) if inside && tag.name == "li" => {
                legends.last_mut().unwrap().push(String::new());
            }
            Token::Text(text) if inside => {
                if let Some(item) = legends.last_mut().unwrap().last_mut() {
                    item.push_str(&text);
                }
            }
            _ => {}
        }
    }
    legends
        .into_iter()
        .map(|l| l.iter().map(|i| i.trim().to_owned()).collect())
        .collect()
}

#[test]
fn every_figure_matches_the_records() {
    let page = stats_page();
    let tables = tables(&page);

    // The build date, written and machine-readable.
    let text = html::main_text(&page);
    assert!(text.contains("Số liệu tính đến ngày 01/06/2026"), "{text}");
    assert!(text.contains("8 sản phẩm của 4 chủ thể"), "{text}");
    assert!(page.contains("datetime=2026-06-01") || page.contains("datetime=\"2026-06-01\""));

    // Listed products (all but banh-cuon-kho) by district and stars:
    // ha-quang: che-shan 3, khau-sli 3, ruou-ngo 3, lap-suon 4, nuoc-mo 4 → 3, 2, 0 = 5;
    // nguyen-binh: mat-ong 3, mien-dong 4, tra-xanh 5 → 1, 1, 1 = 3; thach-an: none.
    assert_eq!(
        table(&tables, &["Huyện", "3 sao", "4 sao", "5 sao", "Tổng"]),
        rows(&[
            &["Huyện", "3 sao", "4 sao", "5 sao", "Tổng"],
            &["Huyện Hà Quảng", "3", "2", "0", "5"],
            &["Huyện Nguyên Bình", "1", "1", "1", "3"],
            &["Huyện Thạch An", "0", "0", "0", "0"],
            &["Tổng", "4", "3", "1", "8"],
        ])
    );
    // thuc-pham: che-shan, khau-sli, lap-suon, mien-dong, tra-xanh; do-uong: nuoc-mo,
    // ruou-ngo; duoc-lieu: mat-ong.
    assert_eq!(
        table(&tables, &["Nhóm sản phẩm", "Số sản phẩm"]),
        rows(&[
            &["Nhóm sản phẩm", "Số sản phẩm"],
            &["Thực phẩm", "5"],
            &["Đồ uống", "2"],
            &["Dược liệu và sản phẩm từ dược liệu", "1"],
            &["Hàng thủ công mỹ nghệ", "0"],
            &["Tổng", "8"],
        ])
    );
    // HTX: an-phu (khau-sli, lap-suon) and ban-ngam (mat-ong, mien-dong); THT: phja-den
    // (che-shan, tra-xanh); DN: kim-dong (nuoc-mo, ruou-ngo); the household's only
    // product has expired, so it counts as neither producer nor product.
    assert_eq!(
        table(&tables, &["Loại hình", "Chủ thể", "Sản phẩm"]),
        rows(&[
            &["Loại hình", "Chủ thể", "Sản phẩm"],
            &["Hợp tác xã", "2", "4"],
            &["Tổ hợp tác", "1", "2"],
            &["Doanh nghiệp", "1", "2"],
            &["Hộ sản xuất kinh doanh", "0", "0"],
            &["Tổng", "4", "8"],
        ])
    );
    // Certifications, every product (the expired one too), each decision once, the
    // first of a product "new", later ones re-evaluations in their own year:
    // 2018 tra-xanh new; 2020 lap-suon new; 2021 mien-dong new; 2022 banh-cuon-kho new,
    // tra-xanh again; 2023 mat-ong, ruou-ngo, che-shan new, lap-suon again; 2024
    // khau-sli new (its 2★ of 2021 is no certification), tra-xanh again; 2025 mien-dong
    // again (its history repeats that decision: once); 2026 nuoc-mo new. 2019 has none.
    // 9 products → 9 new; 4 re-evaluations; 13 decisions.
    assert_eq!(
        table(&tables, &["Năm", "Công nhận mới", "Đánh giá lại", "Tổng"]),
        rows(&[
            &["Năm", "Công nhận mới", "Đánh giá lại", "Tổng"],
            &["2018", "1", "0", "1"],
            &["2019", "0", "0", "0"],
            &["2020", "1", "0", "1"],
            &["2021", "1", "0", "1"],
            &["2022", "1", "1", "2"],
            &["2023", "3", "1", "4"],
            &["2024", "1", "1", "2"],
            &["2025", "0", "1", "1"],
            &["2026", "1", "0", "1"],
            &["Tổng", "9", "4", "13"],
        ])
    );
    // Expiring by 2026-12-01, soonest first. Days after 2026-06-01: mat-ong 0 (expires
    // that day); ruou-ngo 30 + 19 = 49; lap-suon 30 + 31 + 31 = 92; che-shan
    // 30 + 31 + 31 + 30 + 31 + 30 = 183. khau-sli (2026-12-02) is one day too late.
    assert_eq!(
        table(
            &tables,
            &["Sản phẩm", "Chủ thể", "Điện thoại", "Hết hạn", "Còn lại"]
        ),
        rows(&[
            &["Sản phẩm", "Chủ thể", "Điện thoại", "Hết hạn", "Còn lại"],
            &[
                "Mật ong Bản Ngậm",
                "HTX Bản Ngậm",
                "Chưa có",
                "01/06/2026",
                "0 ngày"
            ],
            &[
                "Rượu ngô Kim Đồng",
                "Công ty TNHH Kim Đồng",
                "0206 333 444",
                "20/07/2026",
                "49 ngày"
            ],
            &[
                "Lạp sườn Hà Quảng",
                "HTX Nông nghiệp An Phú",
                "0206 111 222",
                "01/09/2026",
                "92 ngày"
            ],
            &[
                "Chè Shan tuyết",
                "Tổ hợp tác Trà Phja Đén",
                "0912.345.678",
                "01/12/2026",
                "183 ngày"
            ],
        ])
    );
    let links = html::links(&page);
    for link in ["tel:0206333444", "tel:0206111222", "tel:0912345678"] {
        assert!(links.iter().any(|l| l == link), "no {link} in {links:?}");
    }
    for slug in ["mat-ong", "ruou-ngo", "lap-suon", "che-shan"] {
        let url = format!("{BASE_PATH}san-pham/{slug}/");
        assert!(links.contains(&url), "no link to {url}");
    }
    assert_eq!(tables.len(), 5, "{tables:?}");
}

#[test]
fn the_charts_draw_the_same_figures() {
    let page = stats_page();
    let charts = charts(&page);
    assert_eq!(charts.len(), 4, "{charts:?}");
    for chart in &charts {
        let svg = chart.svg.as_ref().unwrap();
        assert_eq!(svg.attr("role"), Some("img"));
        assert!(svg.attr("viewbox").is_some(), "{svg:?}");
        assert!(
            chart.name().contains("Số liệu ở bảng sau"),
            "{}",
            chart.name()
        );
    }
    let [district, category, producer_type, year] = &charts[..] else {
        unreachable!()
    };

    // The figures of the tables above, segment by segment; empty segments are not drawn.
    assert!(district.name().contains("tổng 8 sản phẩm"));
    assert_eq!(
        district.segments(),
        [
            "Huyện Hà Quảng, 3 sao: 3",
            "Huyện Hà Quảng, 4 sao: 2",
            "Huyện Nguyên Bình, 3 sao: 1",
            "Huyện Nguyên Bình, 4 sao: 1",
            "Huyện Nguyên Bình, 5 sao: 1",
        ]
    );
    assert_eq!(district.totals, ["5", "3", "0"]);
    // Bar lengths are proportional to the totals, 5 : 3, and the first bar's segments
    // 3 : 2, give or take the rounding of each end to a whole unit.
    let proportional = |a: u32, b: u32, p: u32, q: u32| (a * q).abs_diff(b * p) < p + q;
    let hq: u32 = district.widths[..2].iter().sum();
    let nb: u32 = district.widths[2..].iter().sum();
    assert!(proportional(hq, nb, 5, 3), "{:?}", district.widths);
    assert!(proportional(district.widths[0], district.widths[1], 3, 2));

    assert_eq!(
        category.segments(),
        [
            "Thực phẩm, Sản phẩm: 5",
            "Đồ uống, Sản phẩm: 2",
            "Dược liệu và sản phẩm từ dược liệu, Sản phẩm: 1",
        ]
    );
    assert_eq!(category.totals, ["5", "2", "1", "0"]);
    assert_eq!(
        producer_type.segments(),
        [
            "Hợp tác xã, Chủ thể: 2",
            "Tổ hợp tác, Chủ thể: 1",
            "Doanh nghiệp, Chủ thể: 1",
        ]
    );
    assert_eq!(producer_type.totals, ["2", "1", "1", "0"]);
    assert!(year.name().contains("tổng 13 lượt"));
    assert_eq!(
        year.segments(),
        [
            "2018, Công nhận mới: 1",
            "2020, Công nhận mới: 1",
            "2021, Công nhận mới: 1",
            "2022, Công nhận mới: 1",
            "2022, Đánh giá lại: 1",
            "2023, Công nhận mới: 3",
            "2023, Đánh giá lại: 1",
            "2024, Công nhận mới: 1",
            "2024, Đánh giá lại: 1",
            "2025, Đánh giá lại: 1",
            "2026, Công nhận mới: 1",
        ]
    );
    assert_eq!(year.totals, ["1", "0", "1", "1", "2", "4", "2", "1", "1"]);

    // Series told apart by a legend with numbers, not by colour alone.
    assert_eq!(
        legends(&page),
        [
            vec!["3 sao: 4", "4 sao: 3", "5 sao: 1"],
            vec!["Công nhận mới: 9", "Đánh giá lại: 4"],
        ]
    );
}

#[test]
fn an_empty_catalogue_shows_empty_states() {
    let site = Site::from_fixture("stats");
    std::fs::remove_dir_all(site.root.join("content/products")).unwrap();
    std::fs::create_dir(site.root.join("content/products")).unwrap();
    site.build_ok();
    let page = site.page("thong-ke/");
    assert!(charts(&page).is_empty(), "nothing to draw");
    let text = html::main_text(&page);
    for sentence in [
        "Số liệu tính đến ngày 01/06/2026",
        "0 sản phẩm của 0 chủ thể",
        "Chưa có sản phẩm nào còn hiệu lực.",
        "Chưa có chủ thể nào có sản phẩm còn hiệu lực.",
        "Chưa có quyết định công nhận nào.",
        "Không có giấy chứng nhận nào sắp hết hạn",
    ] {
        assert!(text.contains(sentence), "`{sentence}` not in {text}");
    }
    let tables = tables(&page);
    assert_eq!(
        table(&tables, &["Huyện", "3 sao", "4 sao", "5 sao", "Tổng"]).last(),
        Some(&rows(&[&["Tổng", "0", "0", "0", "0"]])[0])
    );
}

#[test]
fn expired_products_leave_the_counts_but_keep_their_year() {
    // On 2030-01-01 every certificate has expired (the last, nuoc-mo's, on 2029-01-15):
    // nothing is listed, but the 13 decisions of the years table still happened.
    let site = Site::from_fixture("stats");
    let run = site.build_on("2030-01-01");
    run.assert_ok();
    let page = site.page("thong-ke/");
    let charts = charts(&page);
    assert_eq!(charts.len(), 1, "only the years chart: {charts:?}");
    assert!(charts[0].name().contains("tổng 13 lượt"));
    let tables = tables(&page);
    let years = table(&tables, &["Năm", "Công nhận mới", "Đánh giá lại", "Tổng"]);
    assert_eq!(years.last(), Some(&rows(&[&["Tổng", "9", "4", "13"]])[0]));
    let text = html::main_text(&page);
    assert!(text.contains("Số liệu tính đến ngày 01/01/2030"), "{text}");
    assert!(text.contains("0 sản phẩm của 0 chủ thể"), "{text}");
}
