//! Text from the content files is shown, never run: the `injection` overlay puts a
//! script element, an attribute break-out with an event handler and a `javascript:`
//! Markdown link into every kind of text a page shows, and the site must still build
//! with all of it inert. Data downloads keep the raw text, and spreadsheet formulas
//! are neutralised.

use crate::common::html::{self, main_text, tags, Tag};
use crate::common::safety::unsafe_output;
use crate::common::{tests_dir, Site};

const PRODUCT_NAME: &str = "Hạt dẻ <script>alert(1)</script></title><script>alert(2)</script>";
const PRODUCER_NAME: &str =
    "HTX \"><img src=https://x.invalid/ onerror=alert(1)> <script>alert(1)</script>";
const BREAK_OUT: &str = "\"><img src=https://x.invalid/ onerror=alert(1)>";

fn injected() -> Site {
    let site = Site::from_fixture("small");
    site.apply_overlay(&tests_dir().join("fixtures/injection"));
    site.build_ok();
    site
}

#[test]
fn payloads_are_shown_as_text_and_never_run() {
    let site = injected();
    let problems = unsafe_output(&site.output);
    assert!(problems.is_empty(), "{problems:#?}");

    let page = site.page("san-pham/hat-de-trung-khanh/");
    assert!(page.contains("&lt;script"), "the name is not escaped");
    let text = main_text(&page);
    for shown in [
        PRODUCT_NAME,                                                      // name
        "\"><img src=https://x.invalid/ onerror=alert(1)> [x](javascript", // summary
        "<script>alert(1)</script> \"><img src",                           // detail label
        "[x](javascript:alert(1))",                                        // detail value
        PRODUCER_NAME,
    ] {
        assert!(
            text.contains(shown),
            "`{shown}` not shown as text in:\n{text}"
        );
    }
    let title = tags(&page).into_iter().find(|t| t.name == "title").unwrap();
    assert!(title.raw_text.is_none());
    assert!(html::text(&page).contains(&format!("{PRODUCT_NAME} – ")));
    // The photo's alt text stays inside its attribute.
    assert!(
        tags(&page).iter().any(|t| t.attr("alt") == Some(BREAK_OUT)),
        "the alt text did not stay in its attribute"
    );
    // The description's Markdown link lost its `javascript:` target but kept its text.
    let description_links: Vec<Tag> = tags(&page)
        .into_iter()
        .filter(|t| t.name == "a" && t.attr("href").is_none())
        .collect();
    assert_eq!(description_links.len(), 2, "{description_links:?}");

    let producer = main_text(&site.page("chu-the/htx-dong-tam/"));
    assert!(producer.contains(PRODUCER_NAME), "{producer}");
    let home = html::text(&site.page(""));
    assert!(
        home.contains("Chú ý <script>alert(1)</script> \"><img"),
        "{home}"
    );
}

#[test]
fn data_downloads_keep_the_raw_text_and_neutralise_formulas() {
    let site = injected();
    let json: serde_json::Value =
        serde_json::from_slice(&site.read_bytes("data/products.json")).expect("valid JSON");
    let hat_de = json
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["slug"] == "hat-de-trung-khanh")
        .expect("hạt dẻ in products.json");
    assert_eq!(hat_de["name"], PRODUCT_NAME);
    assert_eq!(hat_de["producer"]["name"], PRODUCER_NAME);

    let records = |path: &str| -> Vec<csv::StringRecord> {
        let bytes = site.read_bytes(path);
        let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
        csv::Reader::from_reader(body)
            .records()
            .map(Result::unwrap)
            .collect()
    };
    let products = records("data/products.csv");
    let producers = records("data/producers.csv");
    let cell = |rows: &[csv::StringRecord], id: &str, column: usize| {
        rows.iter().find(|r| &r[0] == id).unwrap()[column].to_owned()
    };
    let header = |path: &str, name: &str| {
        let bytes = site.read_bytes(path);
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let headers = reader.headers().unwrap().clone();
        headers.iter().position(|h| h == name).unwrap()
    };
    // products.csv's summary column; producers.csv column 5 is the representative.
    let summary = header("data/products.csv", "summary");
    assert_eq!(cell(&products, "nuoc-thach-den", summary), "'=1+1");
    assert_eq!(
        cell(&producers, "htx-dong-tam", 5),
        "'=HYPERLINK(\"https://evil.example\",\"bấm vào\")"
    );
    assert_eq!(cell(&products, "hat-de-trung-khanh", 1), PRODUCT_NAME);
    for row in products.iter().chain(&producers) {
        for value in row {
            assert!(
                !value.starts_with(['=', '+', '@']),
                "live formula `{value}`"
            );
        }
    }
}

mod reader {
    //! The HTML reader the checks above rely on.

    use crate::common::html::{decode, product_slugs, table_rows, tags, text};

    #[test]
    fn reads_quoted_and_unquoted_attributes() {
        let found = tags(r#"<p class=a>x</p><a href=/ocop/san-pham/x/ title='a "b"'>y</a>"#);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].attr("class"), Some("a"));
        assert_eq!(found[1].attr("href"), Some("/ocop/san-pham/x/"));
        assert_eq!(found[1].attr("title"), Some("a \"b\""));
    }

    #[test]
    fn text_and_attribute_values_start_no_tag() {
        let found = tags(
            r#"<p title='"><img src=https://x.invalid/ onerror=alert(1)>'>&lt;script&gt;</p>"#,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].attr("title"),
            Some("\"><img src=https://x.invalid/ onerror=alert(1)>")
        );
        let title = "<title>a <script>alert(1)</script></title><p>b";
        let names: Vec<String> = tags(title).into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["title", "p"]);
        assert_eq!(text(title), "a <script>alert(1)</script> b");
    }

    #[test]
    fn keeps_script_text_and_skips_comments() {
        let found = tags("<!-- <a href=x> --><script>if (a<b) alert(1)</script><br/>");
        let names: Vec<&str> = found.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["script", "br"]);
        assert_eq!(found[0].raw_text.as_deref(), Some("if (a<b) alert(1)"));
    }

    #[test]
    fn decodes_character_references() {
        assert_eq!(
            decode("a&amp;b &#39;c&#x27; &lt;&gt; & x"),
            "a&b 'c' <> & x"
        );
    }

    #[test]
    fn reads_rows_without_end_tags() {
        let html = "<table><tr><th>Huyện<td>3<td><b>4</b><tr><th>Tổng<td>7</table><p>x";
        assert_eq!(
            table_rows(html),
            [vec!["Huyện", "3", "4"], vec!["Tổng", "7"]]
        );
    }

    #[test]
    fn finds_product_links_once_each() {
        let html = "<a href=/ocop/san-pham/b/>B</a><a href=/ocop/san-pham/a/>A</a>\
                    <a href=/ocop/san-pham/b/>again</a><a href=/ocop/san-pham/>all</a>\
                    <a href=/ocop/san-pham/trang/2/>2</a>";
        assert_eq!(product_slugs(html, "/ocop/"), ["b", "a"]);
    }
}
