//! Ranking, run by `js/search.js` under Node against the index `ocop build` wrote for
//! the `small` fixture, with summaries changed so that one query meets a name match, a
//! phrase in a summary and the same words scattered in a summary.

use crate::common;
use crate::common::Site;

const DRIVER: &str = r#"
import fs from 'node:fs';
import path from 'node:path';
import { open } from './search.mjs';
const [dir, ...queries] = process.argv.slice(2);
const load = async (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const index = await open(load);
for (const query of queries) {
  const result = await index.search(query);
  const slugs = [];
  for (const doc of result.docs) slugs.push((await index.record(doc))[0].split('/').at(-2));
  console.log(JSON.stringify({ query, slugs, missing: result.missing }));
}
"#;

/// The ranked product slugs for each query.
fn ranked(site: &Site, queries: &[&str]) -> Vec<(Vec<String>, Option<String>)> {
    let dir = tempfile::tempdir().unwrap();
    let index = site.output.join("search");
    let mut args = vec![index.to_str().unwrap()];
    args.extend(queries);
    let out = common::node::run(dir.path(), DRIVER, &args);
    out.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let slugs = v["slugs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_owned())
                .collect();
            (slugs, v["missing"].as_str().map(str::to_owned))
        })
        .collect()
}

#[test]
fn names_beat_summaries_and_phrases_beat_scattered_words() {
    if !common::node::available("the search ranking checks") {
        return;
    }
    let site = Site::from_fixture("small");
    let summary = |slug: &str, text: &str| {
        site.edit(
            &format!("content/products/{slug}/product.yaml"),
            "certificate:",
            &format!("summary: {text}\ncertificate:"),
        );
    };
    // Records are numbered lap-suon-hoa-an, mat-ong-rung, nuoc-thach-den, ruou-ngo-hoa-an,
    // and equal scores keep that order: the ranking below holds only by the scores.
    site.edit(
        "content/products/lap-suon-hoa-an/product.yaml",
        "Lạp sườn phơi nắng, sấy than hoa.",
        "Ướp với mật, treo nơi ong không bay tới.",
    );
    summary("ruou-ngo-hoa-an", "Pha thêm mật ong cho dịu.");
    site.build_ok();

    let results = ranked(&site, &["mat ong", "mật ong", "ong mat", "mat ong xyz"]);
    // The name, then the phrase in a summary, then the scattered words.
    let expected = ["mat-ong-rung", "ruou-ngo-hoa-an", "lap-suon-hoa-an"];
    assert_eq!(results[0].0, expected);
    assert_eq!(results[1].0, expected);
    // Reversed, nothing is a phrase: the name still comes first, then record order.
    assert_eq!(
        results[2].0,
        ["mat-ong-rung", "lap-suon-hoa-an", "ruou-ngo-hoa-an"]
    );
    // AND: one unknown word empties the list and is named.
    assert!(results[3].0.is_empty());
    assert_eq!(results[3].1.as_deref(), Some("xyz"));
}
