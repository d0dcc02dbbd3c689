//! The Rust and JavaScript search keys agree: both answer every case of
//! `tests/fixtures/normalize_vectors.json`. A query folded in the browser must find
//! the words folded at build time, or search silently misses.

use ocop::assets::search::normalize::{code_keys, fold, words};
use serde_json::Value;

use crate::common;

fn cases() -> Vec<Value> {
    let path = common::tests_dir().join("fixtures/normalize_vectors.json");
    let text = std::fs::read_to_string(&path).expect("read the vectors");
    let vectors: Value = serde_json::from_str(&text).expect("the vectors are JSON");
    vectors["cases"].as_array().expect("cases").clone()
}

fn expected_words(case: &Value) -> Vec<(String, String)> {
    case["words"]
        .as_array()
        .expect("words")
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().unwrap().to_owned(),
                pair[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_rust_normaliser_passes_the_shared_vectors() {
    let cases = cases();
    assert!(cases.len() >= 15, "only {} cases", cases.len());
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        assert_eq!(fold(input), case["folded"].as_str().unwrap(), "{input:?}");
        let got: Vec<(String, String)> = words(input)
            .into_iter()
            .map(|w| (w.written, w.key))
            .collect();
        assert_eq!(got, expected_words(case), "{input:?}");
        if let Some(codes) = case["codes"].as_array() {
            let want: Vec<&str> = codes.iter().map(|c| c.as_str().unwrap()).collect();
            assert_eq!(code_keys(input), want, "{input:?}");
        }
    }
    // Numbers are among the cases, with a diacritic and without.
    assert!(cases.iter().filter(|c| c["codes"].is_array()).count() >= 3);
    // The vectors really hold decomposed text (the \u escapes survived).
    assert!(cases
        .iter()
        .any(|c| c["input"].as_str().unwrap().contains('\u{323}')));
}

const DRIVER: &str = r#"
import fs from 'node:fs';
import { codeKeys, fold, words } from './search.mjs';
const { cases } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let failures = 0;
for (const c of cases) {
  const folded = fold(c.input);
  const got = words(c.input).map((w) => [w.written, w.key]);
  const codes = c.codes === undefined ? undefined : JSON.stringify(codeKeys(c.input));
  if (folded !== c.folded || JSON.stringify(got) !== JSON.stringify(c.words)
      || (codes !== undefined && codes !== JSON.stringify(c.codes))) {
    failures++;
    console.log(`MISMATCH ${JSON.stringify(c.input)}: ${JSON.stringify(folded)} ${JSON.stringify(got)} ${codes}`);
  }
}
console.log(`checked ${cases.length} failures ${failures}`);
"#;

#[test]
fn the_javascript_normaliser_passes_the_shared_vectors() {
    if !common::node::available("the JavaScript normaliser check") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vectors = common::tests_dir().join("fixtures/normalize_vectors.json");
    let out = common::node::run(dir.path(), DRIVER, &[vectors.to_str().unwrap()]);
    let expected = format!("checked {} failures 0", cases().len());
    assert!(out.trim_end().ends_with(&expected), "{out}");
}
