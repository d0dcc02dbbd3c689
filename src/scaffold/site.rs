//! `ocop init`: the files of a new site, which builds at once with empty listings.
//!
//! The texts live in `site/`, except two that the repository already keeps: the six
//! OCOP groups are the demo's `content/categories.yaml`, and the nginx server block is
//! `deploy/nginx.conf`, so that each has one source.

use crate::t;
use std::path::PathBuf;

use crate::content::text::normalize;
use crate::content::yaml::quote;
use crate::domain::Lang;

use super::{fill, Scaffold};

const SITE: &str = include_str!("site/site.yaml");
const DISTRICTS: &str = include_str!("site/districts.yaml");
const CATEGORIES: &str = include_str!("../../content/categories.yaml");
const README: &str = include_str!("site/README.md");
const GITIGNORE: &str = include_str!("site/gitignore");
const GITHUB_WORKFLOW: &str = include_str!("site/github-workflow.yml");
const GITLAB_CI: &str = include_str!("site/gitlab-ci.yml");
const NGINX: &str = include_str!("../../deploy/nginx.conf");

/// The province when `--province` is not given: `ocop check` accepts it, with a
/// warning, so the site can be tried before it is named.
const PROVINCE_TO_FIX: &str = "Tên tỉnh (cần sửa)";

/// The `ocop` version that deployment files install: the one that wrote them, so a
/// site builds in CI exactly as it did on the team's machine.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the new site says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteOptions {
    /// As typed; normalised to NFC with its spaces collapsed here.
    pub province: Option<String>,
    /// The editions, Vietnamese first.
    pub languages: Vec<Lang>,
}

/// Parse `--lang`: `vi` or `vi,en`, the records' language first.
pub fn parse_languages(text: &str) -> Result<Vec<Lang>, String> {
    let mut languages = Vec::new();
    for code in text.split(',').map(str::trim) {
        let lang = Lang::from_code(code).ok_or_else(|| {
            let codes = Lang::ALL.map(Lang::code).join(", ");
            t!("init-unknown-language", code = code, codes = codes)
        })?;
        if languages.contains(&lang) {
            return Err(t!("site-language-twice", code = code));
        }
        languages.push(lang);
    }
    if languages.first() != Some(&Lang::Vi) {
        return Err(t!("init-first-language"));
    }
    Ok(languages)
}

/// Every file of a new site, by path relative to its folder. The schema files and
/// the editor setting come from `commands::schema`, which `ocop schema` also uses.
pub fn files(options: &SiteOptions) -> Result<Vec<Scaffold>, String> {
    let province = match &options.province {
        Some(name) => {
            let name = normalize(name)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if name.is_empty() {
                return Err(t!("init-province-empty"));
            }
            name
        }
        None => PROVINCE_TO_FIX.to_owned(),
    };
    let title = format!("Sản phẩm OCOP {province}");
    let description = format!(
        "Danh mục các sản phẩm OCOP của {province}, với hạng sao, chủ thể sản xuất và giấy chứng nhận."
    );
    let languages = options
        .languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ");
    let site = fill(
        SITE,
        &[
            ("title", quote(&title)),
            ("description", quote(&description)),
            ("languages", format!("[{languages}]")),
            ("province", quote(&province)),
            (
                "en",
                english(&province, options.languages.contains(&Lang::En)),
            ),
        ],
    );
    let readme = fill(
        README,
        &[
            ("title", markdown_text(&title)),
            ("province", markdown_text(&province)),
            ("version", VERSION.to_owned()),
        ],
    );
    let version = [("version", VERSION.to_owned())];
    let file = |path: &str, text: String| Scaffold {
        path: path.split('/').collect::<PathBuf>(),
        text,
    };
    Ok(vec![
        file("content/site.yaml", site),
        file("content/districts.yaml", DISTRICTS.to_owned()),
        file("content/categories.yaml", CATEGORIES.to_owned()),
        file("README.md", readme),
        file(".gitignore", GITIGNORE.to_owned()),
        file(
            ".github/workflows/ocop.yml",
            fill(GITHUB_WORKFLOW, &version),
        ),
        file(".gitlab-ci.yml", fill(GITLAB_CI, &version)),
        file("deploy/nginx.conf", NGINX.to_owned()),
    ])
}

/// The `en:` block of `site.yaml`: set when the site has an English edition, else
/// the same lines commented out, ready to use.
fn english(province: &str, enabled: bool) -> String {
    let block = [
        "en:".to_owned(),
        format!("  title: {}", quote(&format!("{province} OCOP Products"))),
        format!(
            "  description: {}",
            quote(&format!(
                "A catalogue of the OCOP-certified products of {province}, with their star ratings, producers and certificates."
            ))
        ),
        "  area_label: District".to_owned(),
        "  # notice: The catalogue is being updated.".to_owned(),
    ];
    match enabled {
        true => block.join("\n"),
        false => block.map(|line| format!("# {line}")).join("\n"),
    }
}

/// `text` with the characters Markdown would read as formatting escaped.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::{CategoryRecord, DistrictRecord, SiteRecord};
    use std::path::Path;
    use unicode_normalization::is_nfc;

    fn options(province: &str, languages: &[Lang]) -> SiteOptions {
        SiteOptions {
            province: Some(province.to_owned()),
            languages: languages.to_vec(),
        }
    }

    fn text_of(made: &[Scaffold], path: &str) -> String {
        made.iter()
            .find(|f| f.path == Path::new(path))
            .unwrap_or_else(|| panic!("no {path}"))
            .text
            .clone()
    }

    fn parse<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> T {
        let source = crate::content::Source {
            path: path.into(),
            text: text.to_owned(),
        };
        crate::content::yaml::parse_str(&source, text, 1)
            .unwrap_or_else(|e| panic!("{path} does not read back: {e:?}\n{text}"))
    }

    #[test]
    fn templates_are_nfc_and_every_placeholder_is_filled() {
        for template in [
            SITE,
            DISTRICTS,
            CATEGORIES,
            README,
            GITIGNORE,
            GITHUB_WORKFLOW,
            GITLAB_CI,
            NGINX,
        ] {
            assert!(is_nfc(template));
        }
        // Decomposed input, as macOS types it, is stored composed.
        let typed = "Ha\u{300} Giang";
        let made = files(&options(typed, &[Lang::Vi, Lang::En])).unwrap();
        for file in &made {
            assert!(is_nfc(&file.text), "{}", file.path.display());
            // GitHub's own `${{ expression }}` stays; a `{{key}}` is a placeholder.
            let unfilled = file
                .text
                .match_indices("{{")
                .any(|(at, _)| file.text[at + 2..].starts_with(|c: char| c.is_ascii_lowercase()));
            assert!(!unfilled, "{}", file.text);
        }
    }

    #[test]
    fn site_yaml_holds_the_province_and_reads_back() {
        let made = files(&options("  Hà   Giang ", &[Lang::Vi])).unwrap();
        let site: SiteRecord = parse("content/site.yaml", &text_of(&made, "content/site.yaml"));
        assert_eq!(site.province, "Hà Giang");
        assert_eq!(site.title, "Sản phẩm OCOP Hà Giang");
        assert!(site.description.contains("Hà Giang"));
        assert_eq!(site.languages, ["vi"]);
        assert_eq!(site.en, None);
        assert_eq!(site.theme, "default");

        let both = files(&options("Hà Giang", &[Lang::Vi, Lang::En])).unwrap();
        let site: SiteRecord = parse("content/site.yaml", &text_of(&both, "content/site.yaml"));
        assert_eq!(site.languages, ["vi", "en"]);
        let en = site.en.expect("an English block");
        assert_eq!(en.title.as_deref(), Some("Hà Giang OCOP Products"));
        assert_eq!(en.area_label.as_deref(), Some("District"));
    }

    #[test]
    fn a_province_name_yaml_would_misread_is_quoted() {
        let made = files(&options("Tỉnh: #1", &[Lang::Vi])).unwrap();
        let text = text_of(&made, "content/site.yaml");
        assert!(text.contains("province: \"Tỉnh: #1\"\n"), "{text}");
        let site: SiteRecord = parse("content/site.yaml", &text);
        assert_eq!(site.province, "Tỉnh: #1");
    }

    /// Every key of `site.yaml` is there, set or commented out, and each commented
    /// example is valid once its `# ` is removed.
    #[test]
    fn every_key_is_shown_and_the_commented_examples_are_valid() {
        let made = files(&options("Hà Giang", &[Lang::Vi])).unwrap();
        let text = text_of(&made, "content/site.yaml");
        let schema = crate::content::schema::all()
            .into_iter()
            .find(|s| s.applies_to == "content/site.yaml")
            .unwrap();
        let schema: serde_json::Value = serde_json::from_str(&schema.json).unwrap();
        let keys = schema["properties"].as_object().unwrap().keys();
        let uncommented: String = text
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest) if is_yaml_line(rest) => rest,
                _ => line,
            })
            .map(|line| format!("{line}\n"))
            .collect();
        for key in keys {
            assert!(
                uncommented
                    .lines()
                    .any(|l| l.starts_with(&format!("{key}:"))),
                "`{key}` is not in site.yaml:\n{text}"
            );
        }
        let site: SiteRecord = parse("content/site.yaml", &uncommented);
        assert!(site.contact.is_some() && site.campaign.is_some());
        assert!(site.data_licence.is_some() && !site.platforms.is_empty());
        assert!(site.notice.is_some() && site.en.is_some());
    }

    /// A commented line of YAML rather than of prose: `key: …`, `- key: …` or an
    /// indented one, the key lowercase ASCII.
    fn is_yaml_line(text: &str) -> bool {
        let text = text.trim_start();
        let text = text.strip_prefix("- ").unwrap_or(text);
        text.split_once(':').is_some_and(|(key, rest)| {
            !key.is_empty()
                && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                && (rest.is_empty() || rest.starts_with(' '))
        })
    }

    #[test]
    fn districts_start_empty_and_categories_are_the_six_groups() {
        let made = files(&options("Hà Giang", &[Lang::Vi])).unwrap();
        let districts: Vec<DistrictRecord> = parse(
            "content/districts.yaml",
            &text_of(&made, "content/districts.yaml"),
        );
        assert!(districts.is_empty());
        let categories: Vec<CategoryRecord> = parse(
            "content/categories.yaml",
            &text_of(&made, "content/categories.yaml"),
        );
        assert_eq!(categories.len(), 6);
        assert!(categories[0].subcategories.len() > 1);
    }

    #[test]
    fn deployment_files_install_this_version() {
        let made = files(&options("Hà Giang", &[Lang::Vi])).unwrap();
        for path in [".github/workflows/ocop.yml", ".gitlab-ci.yml"] {
            let text = text_of(&made, path);
            assert!(
                text.contains(&format!("OCOP_VERSION: \"{VERSION}\"\n")),
                "{text}"
            );
            assert!(text.contains("cargo install ocop --locked --version \"$OCOP_VERSION\""));
        }
    }

    #[test]
    fn without_a_province_a_marked_placeholder_is_written() {
        let made = files(&SiteOptions {
            province: None,
            languages: vec![Lang::Vi],
        })
        .unwrap();
        let site: SiteRecord = parse("content/site.yaml", &text_of(&made, "content/site.yaml"));
        assert_eq!(site.province, PROVINCE_TO_FIX);
        assert!(made[0].has_placeholders(), "{}", made[0].text);
        let empty = options(" ", &[Lang::Vi]);
        assert!(super::files(&empty).unwrap_err().contains("--province"));
    }

    #[test]
    fn languages_are_vi_first_without_repeats() {
        assert_eq!(parse_languages("vi").unwrap(), [Lang::Vi]);
        assert_eq!(parse_languages("vi, en").unwrap(), [Lang::Vi, Lang::En]);
        assert!(parse_languages("en")
            .unwrap_err()
            .contains("first language"));
        assert!(parse_languages("vi,vi").unwrap_err().contains("twice"));
        assert!(parse_languages("vi,fr").unwrap_err().contains("`fr`"));
    }

    #[test]
    fn markdown_formatting_in_a_name_is_escaped() {
        assert_eq!(markdown_text("Hà *Giang*"), "Hà \\*Giang\\*");
    }
}
