//! `ocop schema`: JSON Schemas that editors can use, matching what `ocop check`
//! accepts, and the copies committed at the repository root kept current.

use std::fs;

use serde_json::Value;

use crate::common;
use crate::common::{read_text, repo, Site};

fn schemas(site: &Site) -> (std::path::PathBuf, common::Run) {
    let output = site.root.join("schema");
    let run = site.ocop(&["schema"]);
    (output, run)
}

fn load(path: &std::path::Path) -> Value {
    serde_json::from_str(&read_text(path))
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn writes_the_three_schemas_and_the_vscode_setting() {
    let site = Site::from_fixture("small");
    let (output, run) = schemas(&site);
    run.assert_ok();
    let mut names: Vec<String> = fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "producer.schema.json",
            "product.schema.json",
            "site.schema.json"
        ]
    );
    let setting: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        setting["yaml.schemas"]["./schema/product.schema.json"],
        "content/products/*/product.yaml"
    );
    assert_eq!(
        setting["yaml.schemas"]["./schema/producer.schema.json"],
        "content/producers/*.yaml"
    );
    assert_eq!(
        setting["yaml.schemas"]["./schema/site.schema.json"],
        "content/site.yaml"
    );
}

#[test]
fn schemas_require_what_check_requires_and_refuse_unknown_keys() {
    let site = Site::from_fixture("small");
    let (output, run) = schemas(&site);
    run.assert_ok();

    let product = load(&output.join("product.schema.json"));
    assert_eq!(
        product["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    assert_eq!(product["additionalProperties"], false);
    assert_eq!(
        strings(&product["required"]),
        ["name", "stars", "category", "producer", "certificate"]
    );
    assert_eq!(
        product["properties"]["stars"]["enum"],
        serde_json::json!([3, 4, 5])
    );
    let certificate = &product["definitions"]["CertificateRecord"];
    assert_eq!(certificate["additionalProperties"], false);
    assert_eq!(strings(&certificate["required"]), ["decision", "date"]);
    assert!(product["properties"]["name"]["description"]
        .as_str()
        .unwrap()
        .starts_with("Tên sản phẩm"));

    let producer = load(&output.join("producer.schema.json"));
    assert_eq!(producer["additionalProperties"], false);
    assert_eq!(strings(&producer["required"]), ["name", "type", "district"]);
    assert_eq!(
        strings(&producer["properties"]["type"]["enum"]),
        ["htx", "tht", "doanh-nghiep", "ho-kinh-doanh"]
    );

    let site_schema = load(&output.join("site.schema.json"));
    assert_eq!(site_schema["additionalProperties"], false);
    assert_eq!(
        strings(&site_schema["required"]),
        ["title", "base_url", "province"]
    );
    assert_eq!(
        site_schema["properties"]["certificate_validity_months"]["default"],
        36
    );
}

/// Every key the demo's files use is allowed by the schema (a schema stricter than
/// `ocop check` would underline valid content), and a misspelt key is not.
#[test]
fn the_demo_content_fits_its_schemas() {
    let site = Site::from_fixture("small");
    let (output, run) = schemas(&site);
    run.assert_ok();
    let product = load(&output.join("product.schema.json"));
    let allowed = product["properties"].as_object().unwrap();
    let products = repo().join("content/products");
    let mut checked = 0;
    for entry in fs::read_dir(products).unwrap() {
        let file = entry.unwrap().path().join("product.yaml");
        let record: serde_yaml::Value = serde_yaml::from_str(&read_text(&file)).unwrap();
        for key in record.as_mapping().unwrap().keys() {
            let key = key.as_str().unwrap();
            assert!(allowed.contains_key(key), "{}: `{key}`", file.display());
        }
        let stars = record["stars"].as_u64().unwrap();
        assert!(product["properties"]["stars"]["enum"]
            .as_array()
            .unwrap()
            .contains(&stars.into()));
        checked += 1;
    }
    assert!(checked > 10);
    assert!(!allowed.contains_key("star"));
}

/// The schemas committed under `schema/` (which the committed `.vscode/settings.json`
/// points at) are what `ocop schema` writes now.
#[test]
fn the_committed_schemas_are_current() {
    let site = Site::from_fixture("small");
    let (output, run) = schemas(&site);
    run.assert_ok();
    for entry in fs::read_dir(&output).unwrap() {
        let entry = entry.unwrap();
        let committed = repo().join("schema").join(entry.file_name());
        assert_eq!(
            fs::read_to_string(&committed).unwrap_or_default(),
            read_text(&entry.path()),
            "{} is out of date: run `cargo run -- schema` and commit it",
            committed.display()
        );
    }
    let settings = load(&repo().join(".vscode/settings.json"));
    let generated: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(settings["yaml.schemas"], generated["yaml.schemas"]);
}
