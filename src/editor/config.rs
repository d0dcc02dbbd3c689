//! Decap CMS's `config.yml`, generated: nothing in it is written by hand.
//!
//! - The fields, in the order `ocop new` writes them (a test compares the product and
//!   producer field lists with the templates), come from the record structs of
//!   [`crate::domain::records`];
//! - their hints are the doc comments that `ocop schema` publishes as JSON Schema
//!   descriptions (Vietnamese before ` / `, English after), read from the same schemas;
//! - the labels are the message catalogue's `editor-field-*` texts;
//! - the choices are the site's own: districts, categories and subcategories from
//!   `districts.yaml` and `categories.yaml` (so the config is made again on every
//!   request), producers through a relation to their collection, stars 3, 4 or 5, the
//!   known marketplaces;
//! - the rules are the validator's: required fields, the 200-character summary, a
//!   photo's `alt`, ISO dates, https shop links.
//!
//! Not for saving: [`super::save`] puts what Decap sends back into the contract's form,
//! and the validator judges it as any other edit.

use schemars::JsonSchema;
use serde_json::{json, Value};

use crate::domain::records::{
    CategoryRecord, DistrictRecord, NewsFrontMatter, PageFrontMatter, ProducerRecord,
    ProductRecord, SiteRecord,
};
use crate::domain::shop::builtin_platforms;
use crate::domain::site::EditorBackend;
use crate::domain::{Lang, ProducerType};
use crate::messages::text_in;

/// Where Decap saves: `ocop serve`'s own local backend, or a Git host for the editor
/// published by `ocop build`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// `ocop serve` at this address (`http://127.0.0.1:8000`), answering at `/api/v1`.
    Local { origin: String },
    /// A Git hosting service (`site.yaml`'s `editor:`).
    Git(EditorBackend),
}

/// The site's current choices, from `districts.yaml` and `categories.yaml`, and its
/// extra marketplaces from `site.yaml`.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub districts: Vec<DistrictRecord>,
    pub categories: Vec<CategoryRecord>,
    /// Marketplaces of `site.yaml`'s `platforms`, by id and name.
    pub platforms: Vec<(String, String)>,
}

/// One collection's fields as Decap wants them, and the file layout they map to.
pub struct Collection {
    pub name: &'static str,
    pub fields: Vec<Value>,
}

/// The whole `config.yml`, as YAML text.
pub fn config_yml(backend: &Backend, choices: &Choices, lang: Lang) -> String {
    let config = config(backend, choices, lang);
    let yaml = serde_yaml::to_string(&config).unwrap_or_default();
    format!("# {}\n{yaml}", label(lang, "editor-config-generated"))
}

/// The whole configuration as a value.
pub fn config(backend: &Backend, choices: &Choices, lang: Lang) -> Value {
    let backend = match backend {
        Backend::Local { origin } => json!({
            "name": "proxy",
            "proxy_url": format!("{origin}/api/v1"),
            "branch": "main",
        }),
        Backend::Git(git) => {
            let mut value = json!({
                "name": git.name,
                "repo": git.repo,
                "branch": git.branch,
            });
            if let Some(base_url) = &git.base_url {
                let key = match git.name.as_str() {
                    // Decap names a self-hosted GitLab's and Gitea's address so.
                    "gitlab" | "gitea" => "api_root",
                    _ => "base_url",
                };
                value[key] = json!(api_root(&git.name, base_url));
            }
            value
        }
    };
    let collections: Vec<Value> = collections(choices, lang)
        .into_iter()
        .map(|c| c.into_value(lang))
        .collect();
    json!({
        "backend": backend,
        "locale": lang.code(),
        // Uploads not tied to an entry; the entry-relative folders of products take
        // precedence for photos.
        "media_folder": "content/media",
        "public_folder": "",
        "publish_mode": "simple",
        // Slugs as the contract wants them: lowercase ASCII, Vietnamese letters
        // without their marks ("Lạp sườn" → "lap-suon").
        "slug": {"encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-"},
        "collections": collections,
    })
}

/// A self-hosted GitLab's or Gitea's API address from its base address.
fn api_root(backend: &str, base_url: &str) -> String {
    let base = base_url.trim_end_matches('/');
    match backend {
        "gitlab" => format!("{base}/api/v4"),
        "gitea" => format!("{base}/api/v1"),
        _ => base.to_owned(),
    }
}

impl Collection {
    fn into_value(self, lang: Lang) -> Value {
        let label = label(lang, &format!("editor-collection-{}", self.name));
        let mut value = match self.name {
            "products" => json!({
                "folder": "content/products",
                "path": "{{slug}}/product",
                "extension": "yaml",
                "format": "yaml",
                "create": true,
                "identifier_field": "name",
                // Photos beside product.yaml, named in `photos` by file name only.
                "media_folder": "",
                "public_folder": "",
                "summary": "{{name}} ({{stars}}★)",
            }),
            "producers" => json!({
                "folder": "content/producers",
                "extension": "yaml",
                "format": "yaml",
                "create": true,
                "identifier_field": "name",
            }),
            "news" => json!({
                "folder": "content/news",
                "extension": "md",
                "format": "frontmatter",
                "create": true,
                "identifier_field": "title",
                "sortable_fields": ["date", "title"],
            }),
            "pages" => json!({
                "folder": "content/pages",
                "extension": "md",
                "format": "frontmatter",
                "create": true,
                "identifier_field": "title",
            }),
            _ => json!({
                "files": [{
                    "name": "site",
                    "label": label.clone(),
                    "file": "content/site.yaml",
                    "format": "yaml",
                    "fields": self.fields.clone(),
                }],
            }),
        };
        value["name"] = json!(self.name);
        value["label"] = json!(label);
        if self.name != "site" {
            value["fields"] = Value::Array(self.fields);
        }
        value
    }
}

/// Every collection, products first.
pub fn collections(choices: &Choices, lang: Lang) -> Vec<Collection> {
    vec![
        Collection {
            name: "products",
            fields: product_fields(choices, lang),
        },
        Collection {
            name: "producers",
            fields: producer_fields(choices, lang),
        },
        Collection {
            name: "news",
            fields: news_fields(lang),
        },
        Collection {
            name: "pages",
            fields: page_fields(lang),
        },
        Collection {
            name: "site",
            fields: site_fields(lang),
        },
    ]
}

/// The field names of a collection, in the order a saved file writes them: nested
/// objects and lists of objects map to their own fields' order.
pub fn key_order(collection: &str) -> Vec<Value> {
    collections(&Choices::default(), Lang::Vi)
        .into_iter()
        .find(|c| c.name == collection)
        .map(|c| c.fields)
        .unwrap_or_default()
}

/// Reads the hints of one record's JSON Schema (`ocop schema`'s descriptions).
struct Hints {
    schema: Value,
    lang: Lang,
    /// The labels' prefix in the catalogue: `editor-<prefix>-<path>`.
    prefix: &'static str,
}

impl Hints {
    fn of<T: JsonSchema>(lang: Lang, prefix: &'static str) -> Hints {
        let schema = schemars::generate::SchemaSettings::draft07()
            .into_generator()
            .into_root_schema_for::<T>();
        Hints {
            schema: serde_json::to_value(schema).unwrap_or_default(),
            lang,
            prefix,
        }
    }

    /// The description of the field at `path` in the hints' language.
    fn hint(&self, path: &[&str]) -> Option<String> {
        let mut node = &self.schema;
        for key in path {
            node = self.resolve(node);
            node = node.get("properties")?.get(key)?;
        }
        let description = node
            .get("description")
            .or_else(|| self.resolve(node).get("description"))?
            .as_str()?;
        let flat = description.split_whitespace().collect::<Vec<_>>().join(" ");
        let (vi, en) = flat.split_once(" / ").unwrap_or((&flat, &flat));
        Some(match self.lang {
            Lang::Vi => vi.to_owned(),
            Lang::En => en.to_owned(),
        })
    }

    /// `node` with a `$ref`, an `allOf` of one, or an optional's `anyOf` followed.
    fn resolve<'a>(&'a self, node: &'a Value) -> &'a Value {
        let reference = node
            .get("$ref")
            .or_else(|| node.pointer("/allOf/0/$ref"))
            .or_else(|| node.pointer("/anyOf/0/$ref"))
            .or_else(|| node.pointer("/items/$ref"))
            .and_then(Value::as_str);
        match reference.and_then(|r| r.strip_prefix('#')) {
            Some(pointer) => self.schema.pointer(pointer).unwrap_or(node),
            None => node,
        }
    }
}

/// A label from the catalogue.
fn label(lang: Lang, id: &str) -> String {
    #[cfg(test)]
    ASKED.with(|asked| asked.borrow_mut().insert(id.to_owned()));
    text_in(lang, id, &[])
}

#[cfg(test)]
thread_local! {
    static ASKED: std::cell::RefCell<std::collections::BTreeSet<String>> =
        Default::default();
}

/// Every catalogue id the configuration asks for, with every choice present: for the
/// catalogue's test, which finds other ids by reading the source.
#[cfg(test)]
pub fn label_ids() -> std::collections::BTreeSet<String> {
    ASKED.with(|asked| asked.borrow_mut().clear());
    let backend = Backend::Local {
        origin: "http://127.0.0.1:1".into(),
    };
    config_yml(&backend, &Choices::default(), Lang::Vi);
    ASKED.with(|asked| std::mem::take(&mut *asked.borrow_mut()))
}

/// One field at `path`: its name, its label (`editor-<prefix>-<path>` in the catalogue),
/// its hint from the schema, the widget and whether it is required.
fn field(lang: Lang, hints: &Hints, path: &[&str], widget: &str, required: bool) -> Value {
    let name = path.last().copied().unwrap_or_default();
    let mut value = json!({
        "name": name,
        "label": label(lang, &format!("editor-{}-{}", hints.prefix, path.join("-"))),
        "widget": widget,
        "required": required,
    });
    if let Some(hint) = hints.hint(path) {
        value["hint"] = json!(hint);
    }
    value
}

fn with(mut value: Value, extra: Value) -> Value {
    if let (Some(object), Value::Object(extra)) = (value.as_object_mut(), extra) {
        object.extend(extra);
    }
    value
}

fn options(pairs: impl IntoIterator<Item = (String, String)>) -> Value {
    Value::Array(
        pairs
            .into_iter()
            .map(|(value, label)| json!({"label": label, "value": value}))
            .collect(),
    )
}

/// An ISO date, as the validator wants it.
fn date(lang: Lang, hints: &Hints, path: &[&str], required: bool) -> Value {
    with(
        field(lang, hints, path, "datetime", required),
        json!({
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": false,
            "picker_utc": true,
        }),
    )
}

fn string(lang: Lang, hints: &Hints, path: &[&str], required: bool) -> Value {
    field(lang, hints, path, "string", required)
}

fn integer(lang: Lang, hints: &Hints, path: &[&str], min: u64, max: Option<u64>) -> Value {
    let mut value = with(
        field(lang, hints, path, "number", false),
        json!({"value_type": "int", "min": min}),
    );
    if let Some(max) = max {
        value["max"] = json!(max);
    }
    value
}

fn stars(lang: Lang, hints: &Hints, path: &[&str], levels: std::ops::RangeInclusive<u8>) -> Value {
    let levels = levels.map(|n| (n.to_string(), format!("{n} ★")));
    with(
        field(lang, hints, path, "select", true),
        json!({"options": options(levels)}),
    )
}

fn district_options(choices: &Choices) -> Value {
    options(
        choices
            .districts
            .iter()
            .map(|d| (d.id.clone(), d.name.clone())),
    )
}

fn product_fields(choices: &Choices, lang: Lang) -> Vec<Value> {
    let h = &Hints::of::<ProductRecord>(lang, "product");
    let categories = options(
        choices
            .categories
            .iter()
            .map(|c| (c.id.clone(), c.name.clone())),
    );
    let subcategories = options(choices.categories.iter().flat_map(|c| {
        c.subcategories
            .iter()
            .map(move |s| (s.id.clone(), format!("{} › {}", c.name, s.name)))
    }));
    let mut platforms: Vec<(String, String)> = builtin_platforms()
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    for (id, name) in &choices.platforms {
        platforms.retain(|(known, _)| known != id);
        platforms.push((id.clone(), name.clone()));
    }
    vec![
        string(lang, h, &["name"], true),
        stars(lang, h, &["stars"], 3..=5),
        with(
            field(lang, h, &["category"], "select", true),
            json!({"options": categories}),
        ),
        with(
            field(lang, h, &["subcategory"], "select", false),
            json!({"options": subcategories}),
        ),
        with(
            field(lang, h, &["producer"], "relation", true),
            json!({
                "collection": "producers",
                "value_field": "{{slug}}",
                "search_fields": ["name"],
                "display_fields": ["name"],
            }),
        ),
        with(
            field(lang, h, &["district"], "select", false),
            json!({"options": district_options(choices)}),
        ),
        with(
            field(lang, h, &["certificate"], "object", true),
            json!({"collapsed": false, "fields": [
                string(lang, h, &["certificate", "decision"], true),
                date(lang, h, &["certificate", "date"], true),
                string(lang, h, &["certificate", "number"], false),
                string(lang, h, &["certificate", "issuer"], false),
                date(lang, h, &["certificate", "expires"], false),
                integer(lang, h, &["certificate", "score"], 0, Some(100)),
            ]}),
        ),
        with(
            field(lang, h, &["summary"], "text", false),
            json!({"pattern": ["^[\\s\\S]{0,200}$", label(lang, "editor-summary-too-long")]}),
        ),
        field(lang, h, &["description"], "markdown", false),
        with(
            field(lang, h, &["photos"], "list", false),
            json!({
                "summary": "{{fields.file}}",
                "fields": [
                    with(
                        field(lang, h, &["photos", "file"], "image", true),
                        json!({"choose_url": false}),
                    ),
                    string(lang, h, &["photos", "alt"], true),
                    string(lang, h, &["photos", "caption"], false),
                ],
            }),
        ),
        with(
            field(lang, h, &["price"], "object", false),
            json!({"fields": [
                // Required by the contract when there is a price; Decap would demand it
                // of an optional price left empty too, so the validator says it.
                integer(lang, h, &["price", "min"], 0, None),
                integer(lang, h, &["price", "max"], 0, None),
                string(lang, h, &["price", "unit"], false),
            ]}),
        ),
        with(
            field(lang, h, &["shops"], "list", false),
            json!({
                "summary": "{{fields.platform}}",
                "fields": [
                    with(
                        field(lang, h, &["shops", "platform"], "select", true),
                        json!({"options": options(platforms)}),
                    ),
                    with(
                        string(lang, h, &["shops", "url"], true),
                        json!({"pattern": ["^https://", label(lang, "editor-https-only")]}),
                    ),
                ],
            }),
        ),
        with(
            field(lang, h, &["details"], "list", false),
            json!({
                "summary": "{{fields.label}}: {{fields.value}}",
                "fields": [
                    string(lang, h, &["details", "label"], true),
                    string(lang, h, &["details", "value"], true),
                ],
            }),
        ),
        with(
            field(lang, h, &["tags"], "list", false),
            json!({"allow_add": true}),
        ),
        with(
            field(lang, h, &["featured"], "boolean", false),
            json!({"default": false}),
        ),
        with(
            field(lang, h, &["history"], "list", false),
            json!({
                "summary": "{{fields.date}}: {{fields.stars}}★",
                "fields": [
                    stars(lang, h, &["history", "stars"], 1..=5),
                    date(lang, h, &["history", "date"], true),
                    string(lang, h, &["history", "decision"], true),
                    integer(lang, h, &["history", "score"], 0, Some(100)),
                ],
            }),
        ),
        field(lang, h, &["aliases"], "list", false),
        with(
            field(lang, h, &["en"], "object", false),
            json!({"collapsed": true, "fields": [
                string(lang, h, &["en", "name"], false),
                with(
                    field(lang, h, &["en", "summary"], "text", false),
                    json!({"pattern": ["^[\\s\\S]{0,200}$", label(lang, "editor-summary-too-long")]}),
                ),
                field(lang, h, &["en", "description"], "markdown", false),
                with(
                    field(lang, h, &["en", "details"], "list", false),
                    json!({"fields": [
                        string(lang, h, &["en", "details", "label"], true),
                        string(lang, h, &["en", "details", "value"], true),
                    ]}),
                ),
            ]}),
        ),
    ]
}

fn producer_fields(choices: &Choices, lang: Lang) -> Vec<Value> {
    let h = &Hints::of::<ProducerRecord>(lang, "producer");
    let types = ProducerType::ALL.map(|t| {
        (
            t.id().to_owned(),
            label(lang, &format!("editor-producer-type-{}", t.id())),
        )
    });
    vec![
        string(lang, h, &["name"], true),
        with(
            field(lang, h, &["type"], "select", true),
            json!({"options": options(types)}),
        ),
        with(
            field(lang, h, &["district"], "select", true),
            json!({"options": district_options(choices)}),
        ),
        string(lang, h, &["address"], false),
        string(lang, h, &["representative"], false),
        string(lang, h, &["phone"], false),
        string(lang, h, &["email"], false),
        with(
            string(lang, h, &["website"], false),
            json!({"pattern": ["^https://", label(lang, "editor-https-only")]}),
        ),
        field(lang, h, &["description"], "markdown", false),
        with(
            field(lang, h, &["en"], "object", false),
            json!({"collapsed": true, "fields": [
                string(lang, h, &["en", "name"], false),
                field(lang, h, &["en", "description"], "markdown", false),
            ]}),
        ),
    ]
}

fn news_fields(lang: Lang) -> Vec<Value> {
    let h = &Hints::of::<NewsFrontMatter>(lang, "news");
    vec![
        string(lang, h, &["title"], true),
        date(lang, h, &["date"], true),
        field(lang, h, &["summary"], "text", false),
        field(lang, h, &["tags"], "list", false),
        string(lang, h, &["author"], false),
        with(
            field(lang, h, &["products"], "relation", false),
            json!({
                "collection": "products",
                "value_field": "{{slug}}",
                "search_fields": ["name"],
                "display_fields": ["name"],
                "multiple": true,
            }),
        ),
        with(
            field(lang, h, &["draft"], "boolean", false),
            json!({"default": true}),
        ),
        json!({
            "name": "body",
            "label": label(lang, "editor-body"),
            "widget": "markdown",
        }),
    ]
}

fn page_fields(lang: Lang) -> Vec<Value> {
    let h = &Hints::of::<PageFrontMatter>(lang, "page");
    vec![
        string(lang, h, &["title"], true),
        string(lang, h, &["description"], false),
        json!({
            "name": "body",
            "label": label(lang, "editor-body"),
            "widget": "markdown",
        }),
    ]
}

/// The settings a communications team changes; the others (`platforms`, `campaign`,
/// `en`, `editor`) stay as they are in the file (see [`super::save`]).
fn site_fields(lang: Lang) -> Vec<Value> {
    let h = &Hints::of::<SiteRecord>(lang, "site");
    vec![
        string(lang, h, &["title"], true),
        field(lang, h, &["description"], "text", false),
        string(lang, h, &["base_url"], true),
        string(lang, h, &["province"], true),
        string(lang, h, &["notice"], false),
        with(
            field(lang, h, &["contact"], "object", false),
            json!({"fields": [
                string(lang, h, &["contact", "name"], false),
                string(lang, h, &["contact", "address"], false),
                string(lang, h, &["contact", "phone"], false),
                string(lang, h, &["contact", "email"], false),
            ]}),
        ),
    ]
}

/// The field names of `fields`, for tests and for ordering keys.
pub fn names(fields: &[Value]) -> Vec<&str> {
    fields
        .iter()
        .filter_map(|f| f.get("name").and_then(Value::as_str))
        .collect()
}

/// The fields nested in the field `name` of `fields` (an object's, or a list's items').
pub fn nested<'a>(fields: &'a [Value], name: &str) -> Option<&'a [Value]> {
    fields
        .iter()
        .find(|f| f.get("name").and_then(Value::as_str) == Some(name))?
        .get("fields")?
        .as_array()
        .map(Vec::as_slice)
}

/// The choices of a site: its taxonomy files and extra marketplaces, read leniently
/// (a broken file gives no choices: the validator reports it).
pub fn choices(root: &std::path::Path) -> Choices {
    let content = root.join("content");
    let read = |name: &str| crate::content::read_source(root, &content.join(name)).ok();
    let districts = read("districts.yaml")
        .and_then(|s| crate::content::yaml::parse::<Vec<DistrictRecord>>(&s).ok())
        .unwrap_or_default();
    let categories = read("categories.yaml")
        .and_then(|s| crate::content::yaml::parse::<Vec<CategoryRecord>>(&s).ok())
        .unwrap_or_default();
    let platforms = read("site.yaml")
        .and_then(|s| crate::content::yaml::parse::<SiteRecord>(&s).ok())
        .map(|site| site.platforms.into_iter().map(|p| (p.id, p.name)).collect())
        .unwrap_or_default();
    Choices {
        districts,
        categories,
        platforms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The top-level keys a template writes, in order, commented-out ones included.
    fn template_keys(template: &str) -> Vec<String> {
        template
            .lines()
            .filter_map(|line| {
                let line = line.strip_prefix("# ").unwrap_or(line);
                let (key, _) = line.split_once(':')?;
                (!key.is_empty()
                    && key != "true"
                    && key.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .then(|| key.to_owned())
            })
            .fold(Vec::new(), |mut keys, key| {
                if !keys.contains(&key) {
                    keys.push(key);
                }
                keys
            })
    }

    #[test]
    fn fields_come_in_the_order_ocop_new_writes_them() {
        let product = key_order("products");
        let expected = template_keys(include_str!("../scaffold/templates/product.yaml"));
        assert_eq!(names(&product), expected);
        let certificate = template_keys(
            &include_str!("../scaffold/templates/product.yaml")
                .lines()
                .filter_map(|l| l.strip_prefix("  "))
                .filter(|l| !l.starts_with(' ') && !l.starts_with('-'))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let nested_certificate = names(nested(&product, "certificate").unwrap());
        assert_eq!(nested_certificate, certificate[..nested_certificate.len()]);
        let producer = key_order("producers");
        let expected = template_keys(include_str!("../scaffold/templates/producer.yaml"));
        assert_eq!(names(&producer), expected);
    }

    fn choices() -> Choices {
        let districts: Vec<DistrictRecord> = serde_yaml::from_str(
            "- {id: hoa-an, name: Huyện Hòa An}\n- {id: bao-lac, name: Huyện Bảo Lạc}",
        )
        .unwrap();
        let categories: Vec<CategoryRecord> = serde_yaml::from_str(
            "- {id: thuc-pham, name: Thực phẩm, subcategories: [{id: nong-san, name: Nông sản}]}\n- {id: do-uong, name: Đồ uống}",
        )
        .unwrap();
        Choices {
            districts,
            categories,
            platforms: vec![("cho-phien".into(), "Chợ phiên".into())],
        }
    }

    fn product_field<'a>(config: &'a Value, name: &str) -> &'a Value {
        config["collections"][0]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()
    }

    #[test]
    fn offers_only_the_sites_own_choices_and_the_validators_rules() {
        let backend = Backend::Local {
            origin: "http://127.0.0.1:8000".into(),
        };
        let config = config(&backend, &choices(), Lang::Vi);
        assert_eq!(config["locale"], "vi");
        assert_eq!(
            config["backend"]["proxy_url"],
            "http://127.0.0.1:8000/api/v1"
        );
        let values = |field: &Value| -> Vec<String> {
            field["options"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["value"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(
            values(product_field(&config, "district")),
            ["hoa-an", "bao-lac"]
        );
        assert_eq!(
            values(product_field(&config, "category")),
            ["thuc-pham", "do-uong"]
        );
        assert_eq!(values(product_field(&config, "subcategory")), ["nong-san"]);
        assert_eq!(values(product_field(&config, "stars")), ["3", "4", "5"]);
        let producer = product_field(&config, "producer");
        assert_eq!(producer["widget"], "relation");
        assert_eq!(producer["collection"], "producers");
        let platforms = values(&product_field(&config, "shops")["fields"][0]);
        assert!(
            platforms.contains(&"shopee".to_owned()) && platforms.contains(&"cho-phien".to_owned())
        );
        assert_eq!(
            product_field(&config, "summary")["pattern"][0],
            "^[\\s\\S]{0,200}$"
        );
        let photos = &product_field(&config, "photos")["fields"];
        assert_eq!(photos[0]["name"], "file");
        assert_eq!(photos[0]["widget"], "image");
        assert_eq!(photos[1]["name"], "alt");
        assert_eq!(photos[1]["required"], true);
        let date = &product_field(&config, "certificate")["fields"][1];
        assert_eq!(date["format"], "YYYY-MM-DD");
        // Labels and hints are Vietnamese, from the catalogue and the schema's texts.
        assert_eq!(product_field(&config, "name")["label"], "Tên sản phẩm");
        assert_eq!(
            product_field(&config, "name")["hint"],
            "Tên sản phẩm, như trên giấy chứng nhận."
        );
        let products = &config["collections"][0];
        assert_eq!(products["folder"], "content/products");
        assert_eq!(products["path"], "{{slug}}/product");
        assert_eq!(products["media_folder"], "");
    }

    #[test]
    fn english_labels_and_git_backends() {
        let git = Backend::Git(EditorBackend {
            name: "gitlab".into(),
            repo: "so-cong-thuong/ocop".into(),
            branch: "main".into(),
            base_url: Some("https://git.example.vn/".into()),
        });
        let config = config(&git, &choices(), Lang::En);
        assert_eq!(config["locale"], "en");
        assert_eq!(config["backend"]["name"], "gitlab");
        assert_eq!(config["backend"]["repo"], "so-cong-thuong/ocop");
        assert_eq!(
            config["backend"]["api_root"],
            "https://git.example.vn/api/v4"
        );
        assert_eq!(product_field(&config, "name")["label"], "Product name");
        assert_eq!(
            product_field(&config, "name")["hint"],
            "Product name, as on the certificate."
        );
        let yml = config_yml(&git, &choices(), Lang::Vi);
        assert!(yml.contains("name: gitlab"), "{yml}");
    }

    /// Every label the fields ask the catalogue for exists in both languages.
    #[test]
    fn every_label_is_in_the_catalogue() {
        for lang in Lang::ALL {
            let config = config(
                &Backend::Local {
                    origin: "http://127.0.0.1:1".into(),
                },
                &choices(),
                lang,
            );
            let text = config.to_string();
            assert!(
                !text.contains("editor-"),
                "{lang:?}: a label is missing: {text}"
            );
        }
    }
}
