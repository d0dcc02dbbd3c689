//! The certification rounds: `/data/rounds.json` and the year pages `/thong-ke/<year>/`.
//!
//! Whatever the records, the figures must reconcile: each year, start − ran out without
//! re-evaluation + new = end, a year starts where the one before ended, and the build
//! date's year ends with the products listed that day. `the_rounds_reconcile` checks
//! this of any built site; it runs here on the fixtures and in `build_demo` on the demo.

use std::path::Path;

use serde_json::Value;

use crate::common::html;
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
    let years: Vec<i64> = rounds(&site.output)
        .iter()
        .map(|y| figure(y, "year"))
        .collect();
    assert_eq!(years, [2018, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    assert!(!site.output.join("thong-ke/2019").exists());
}
