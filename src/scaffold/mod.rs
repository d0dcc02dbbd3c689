//! `ocop new`: content files with every field, commented in Vietnamese, that pass
//! `ocop check` as written so the team starts from something that works.
//!
//! The files' text lives in `templates/`, readable and editable without Rust; this
//! module only fills in their `{{placeholders}}`. Not for writing: the command does
//! that through `content::write`, which never replaces a file.
//!
//! [`site`] does the same for `ocop init`: every file of a new site.

pub mod site;

use crate::t;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::content::text::normalize;
use crate::content::yaml::quote;
use crate::content::RawContent;
use crate::diagnostics::with_suggestion;
use crate::validate::fields::{not_a_slug, slugify};

const PRODUCT: &str = include_str!("templates/product.yaml");
const PRODUCER: &str = include_str!("templates/producer.yaml");
const NEWS: &str = include_str!("templates/news.md");

/// Values the team must replace; `ocop check` accepts them so that the file can be
/// tried at once, and the words "cần sửa" ("to be fixed") make them easy to find.
const NAME_TO_FIX: &str = "Tên sản phẩm (cần sửa)";
const PRODUCER_NAME_TO_FIX: &str = "Tên chủ thể (cần sửa)";
const TITLE_TO_FIX: &str = "Tiêu đề tin (cần sửa)";
const DECISION_TO_FIX: &str = "Quyết định số …/QĐ-UBND (cần sửa)";

/// A file to create: where, relative to the site root, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scaffold {
    pub path: PathBuf,
    pub text: String,
}

impl Scaffold {
    /// Whether a placeholder is left for the team to replace. (The comments quote
    /// "cần sửa" too, but never in brackets.)
    pub fn has_placeholders(&self) -> bool {
        self.text.contains(crate::validate::fields::PLACEHOLDER)
    }
}

/// `content/products/<slug>/product.yaml` for a product of `producer`, certified
/// `today` (a placeholder date that `ocop check` accepts).
pub fn product(
    content: &RawContent,
    slug: &str,
    producer: &str,
    name: Option<&str>,
    today: NaiveDate,
) -> Result<Scaffold, String> {
    require_slug("product slug", slug)?;
    let producers = content.producers.iter().map(|p| p.id.as_str());
    if !producers.clone().any(|id| id == producer) {
        let message = with_suggestion(
            t!("product-unknown-producer", id = producer),
            producer,
            producers,
        );
        return Err(t!(
            "new-producer-first",
            message = message,
            id = slugify(producer)
        ));
    }
    let categories = content.category_records();
    let first = categories.first().ok_or_else(|| t!("new-no-category"))?;
    let choices = categories
        .iter()
        .map(|c| {
            let subcategories: Vec<&str> = c.subcategories.iter().map(|s| s.id.as_str()).collect();
            match subcategories.is_empty() {
                true => choice(&c.id, &c.name),
                false => format!(
                    "{} (phân nhóm: {})",
                    choice(&c.id, &c.name),
                    subcategories.join(", ")
                ),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let text = fill(
        PRODUCT,
        &[
            ("name", quote(&normalize(name.unwrap_or(NAME_TO_FIX)))),
            ("category_choices", choices),
            ("category", quote(&first.id)),
            ("producer", quote(producer)),
            ("decision", quote(DECISION_TO_FIX)),
            ("today", today.to_string()),
        ],
    );
    Ok(Scaffold {
        path: ["content", "products", slug, "product.yaml"]
            .iter()
            .collect(),
        text,
    })
}

/// `content/producers/<id>.yaml`, in the first district of `districts.yaml`.
pub fn producer(content: &RawContent, id: &str, name: Option<&str>) -> Result<Scaffold, String> {
    require_slug("producer id", id)?;
    let districts = content.district_records();
    let first = districts.first().ok_or_else(|| t!("new-no-district"))?;
    let choices = districts
        .iter()
        .map(|d| choice(&d.id, &d.name))
        .collect::<Vec<_>>()
        .join("\n");
    let text = fill(
        PRODUCER,
        &[
            (
                "name",
                quote(&normalize(name.unwrap_or(PRODUCER_NAME_TO_FIX))),
            ),
            ("district_choices", choices),
            ("district", quote(&first.id)),
        ],
    );
    Ok(Scaffold {
        path: ["content", "producers", &format!("{id}.yaml")]
            .iter()
            .collect(),
        text,
    })
}

/// `content/news/<slug>.md`, a draft dated `today`.
pub fn news(slug: &str, title: Option<&str>, today: NaiveDate) -> Result<Scaffold, String> {
    require_slug("news slug", slug)?;
    let text = fill(
        NEWS,
        &[
            ("title", quote(&normalize(title.unwrap_or(TITLE_TO_FIX)))),
            ("today", today.to_string()),
        ],
    );
    Ok(Scaffold {
        path: ["content", "news", &format!("{slug}.md")].iter().collect(),
        text,
    })
}

/// Other files that would give the same address as `scaffold`: a news item may also
/// be a folder with an `index.md`.
pub fn equivalents(scaffold: &Scaffold) -> Vec<PathBuf> {
    let mut paths = vec![scaffold.path.clone()];
    if scaffold.path.starts_with("content/news") {
        if let Some(stem) = scaffold.path.file_stem() {
            paths.push(
                ["content", "news"]
                    .iter()
                    .collect::<PathBuf>()
                    .join(stem)
                    .join("index.md"),
            );
        }
    }
    paths
}

/// An error suggesting the slug form of `text` when it is not a slug already.
fn require_slug(what: &str, text: &str) -> Result<(), String> {
    not_a_slug(what, text).map_or(Ok(()), Err)
}

/// One id a field accepts, with its name, as a line of comment.
fn choice(id: &str, name: &str) -> String {
    // A name with a line break would end the comment and become YAML.
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("#   {id}: {name}")
}

/// `template` with each `{{key}}` replaced by its value.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{{{key}}}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn templates_are_nfc_and_every_placeholder_is_filled() {
        for template in [PRODUCT, PRODUCER, NEWS] {
            assert!(is_nfc(template));
        }
        let news = news(
            "hoi-cho",
            None,
            NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        )
        .unwrap();
        assert!(!news.text.contains("{{"), "{}", news.text);
        assert!(news.text.contains("date: 2026-06-01\n"));
        assert_eq!(news.path, PathBuf::from("content/news/hoi-cho.md"));
    }

    /// The news loader is not part of this module; the front matter must at least be
    /// YAML with the required keys, and nothing else uncommented but `draft`.
    #[test]
    fn news_front_matter_is_yaml_with_title_date_and_draft() {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Front {
            title: String,
            date: String,
            draft: bool,
        }
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let news = news("hoi-cho", Some("Hội chợ: OCOP"), today).unwrap();
        let parts = crate::content::frontmatter::split(&news.text).unwrap();
        let source = crate::content::Source {
            path: news.path.clone(),
            text: news.text.clone(),
        };
        let front: Front = crate::content::yaml::parse_str(&source, parts.front_matter, 1).unwrap();
        assert_eq!(
            (front.title.as_str(), front.date.as_str(), front.draft),
            ("Hội chợ: OCOP", "2026-06-01", true)
        );
        assert!(parts.body.contains("Markdown"));
    }

    #[test]
    fn refuses_text_that_is_not_a_slug_and_suggests_one() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        assert_eq!(
            news("Hội chợ OCOP", None, today).unwrap_err(),
            "news slug `Hội chợ OCOP` is not a slug: use lowercase ASCII letters, digits and hyphens, such as `hoi-cho-ocop`"
        );
    }

    #[test]
    fn quotes_names_that_yaml_would_misread() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let news = news("x", Some("OCOP: 12 sản phẩm mới"), today).unwrap();
        assert!(news.text.contains("title: \"OCOP: 12 sản phẩm mới\"\n"));
    }
}
