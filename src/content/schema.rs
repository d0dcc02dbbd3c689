//! JSON Schemas of the content files, generated from their record structs, so that an
//! editor (VS Code's YAML extension, for one) can complete keys and underline mistakes
//! while the team types. `ocop schema` writes them.
//!
//! A schema checks shapes only: that `stars` is 3, 4 or 5, that no key is unknown,
//! that a date looks like one. References (a producer that exists, a category id) and
//! photos are for `ocop check`.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;

use crate::domain::records::{ProducerRecord, ProductRecord, SiteRecord};

/// One schema file and the content files it describes.
#[derive(Debug, Clone)]
pub struct SchemaFile {
    /// File name in the schema folder, such as `product.schema.json`.
    pub file_name: &'static str,
    /// The content files it applies to, as a glob relative to the site root.
    pub applies_to: &'static str,
    /// Pretty-printed JSON, ending with a line break.
    pub json: String,
}

/// The schemas of `product.yaml`, the producer files and `site.yaml`.
pub fn all() -> Vec<SchemaFile> {
    vec![
        schema_file::<ProductRecord>(
            "product.schema.json",
            "content/products/*/product.yaml",
            "OCOP product.yaml",
        ),
        schema_file::<ProducerRecord>(
            "producer.schema.json",
            "content/producers/*.yaml",
            "OCOP producer",
        ),
        schema_file::<SiteRecord>("site.schema.json", "content/site.yaml", "OCOP site.yaml"),
    ]
}

fn schema_file<T: JsonSchema>(
    file_name: &'static str,
    applies_to: &'static str,
    title: &str,
) -> SchemaFile {
    // Draft 7: the newest draft that every YAML editor extension reads fully.
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    let json = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
    SchemaFile {
        file_name,
        applies_to,
        json,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn parsed(file_name: &str) -> Value {
        let file = all()
            .into_iter()
            .find(|f| f.file_name == file_name)
            .unwrap();
        serde_json::from_str(&file.json).unwrap()
    }

    #[test]
    fn product_schema_mirrors_the_serde_rules() {
        let schema = parsed("product.schema.json");
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            required,
            ["name", "stars", "category", "producer", "certificate"]
        );
        assert_eq!(
            schema["properties"]["stars"]["enum"],
            serde_json::json!([3, 4, 5])
        );
        let certificate = &schema["definitions"]["CertificateRecord"];
        assert_eq!(certificate["additionalProperties"], Value::Bool(false));
    }

    #[test]
    fn producer_types_match_the_model() {
        let schema = parsed("producer.schema.json");
        let ids = crate::domain::ProducerType::ALL.map(crate::domain::ProducerType::id);
        assert_eq!(schema["properties"]["type"]["enum"], serde_json::json!(ids));
    }
}
