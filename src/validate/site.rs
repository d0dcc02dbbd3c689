//! `site.yaml`: the base URL, the theme and the certificate rules.

use crate::t;
use url::Url;

use crate::content::locate::Seg::{Index, Key};
use crate::content::Loaded;
use crate::diagnostics::{with_suggestion, Diagnostics};
use crate::domain::language::SiteText;
use crate::domain::records::SiteRecord;
use crate::domain::shop::builtin_platforms;
use crate::domain::site::{Campaign, EditorBackend, Licence, EDITOR_BACKENDS};
use crate::domain::{Contact, Lang, Platform, Site};

use super::fields::{is_slug, required_text};

pub fn site(
    loaded: &Loaded<SiteRecord>,
    base_url: Option<&str>,
    diagnostics: &mut Diagnostics,
) -> Site {
    let (record, source) = (&loaded.record, &loaded.source);
    let (base_url, base_path) = match normalize_base_url(base_url.unwrap_or(&record.base_url)) {
        Ok(parts) => parts,
        Err(message) => {
            diagnostics.push(source.error(&[Key("base_url")], message));
            ("/".to_owned(), "/".to_owned())
        }
    };
    for (field, text) in [("title", &record.title), ("province", &record.province)] {
        if let Some(error) = required_text(source, &[Key(field)], field, text) {
            diagnostics.push(error);
        }
    }
    if record.certificate_validity_months == 0 {
        diagnostics.push(source.error(
            &[Key("certificate_validity_months")],
            t!("site-at-least-one", field = "certificate_validity_months"),
        ));
    }
    if record.products_per_page == 0 {
        diagnostics.push(source.error(
            &[Key("products_per_page")],
            t!("site-at-least-one", field = "products_per_page"),
        ));
    }
    let mut platforms = builtin_platforms();
    for (i, extra) in record.platforms.iter().enumerate() {
        if !is_slug(&extra.id) {
            diagnostics.push(source.error(
                &[Key("platforms"), Index(i), Key("id")],
                t!("site-platform-id", id = &extra.id),
            ));
        }
        platforms.retain(|p| p.id != extra.id);
        platforms.push(Platform {
            id: extra.id.clone(),
            name: extra.name.clone(),
            hosts: extra.hosts.iter().map(|h| h.to_ascii_lowercase()).collect(),
        });
    }
    let mut site = resolve(record, base_url, base_path, platforms);
    site.languages = languages(loaded, diagnostics);
    site.editor = editor(loaded, diagnostics);
    site
}

/// `editor:`, the Git host of the editor published at `/admin/`.
fn editor(loaded: &Loaded<SiteRecord>, diagnostics: &mut Diagnostics) -> Option<EditorBackend> {
    let (record, source) = (&loaded.record, &loaded.source);
    let editor = record.editor.as_ref()?;
    let at = |key| [Key("editor"), Key(key)];
    let mut valid = true;
    if !EDITOR_BACKENDS.contains(&editor.backend.as_str()) {
        let message = with_suggestion(
            t!("site-editor-backend", backend = &editor.backend),
            &editor.backend,
            EDITOR_BACKENDS,
        );
        diagnostics.push(source.error(&at("backend"), message));
        valid = false;
    }
    let parts: Vec<&str> = editor.repo.split('/').collect();
    let part_ok = |p: &&str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    if parts.len() < 2 || !parts.iter().all(part_ok) {
        diagnostics.push(source.error(&at("repo"), t!("site-editor-repo", repo = &editor.repo)));
        valid = false;
    }
    if editor.branch.trim().is_empty() || editor.branch.chars().any(char::is_whitespace) {
        diagnostics.push(source.error(&at("branch"), t!("site-editor-branch")));
        valid = false;
    }
    if let Some(base_url) = &editor.base_url {
        let https = Url::parse(base_url).is_ok_and(|u| u.scheme() == "https" && u.host().is_some());
        if !https {
            diagnostics.push(source.error(
                &at("base_url"),
                t!("site-editor-base-url", url = base_url.as_str()),
            ));
            valid = false;
        }
    }
    valid.then(|| EditorBackend {
        name: editor.backend.clone(),
        repo: editor.repo.clone(),
        branch: editor.branch.clone(),
        base_url: editor.base_url.clone(),
    })
}

/// `languages`, the main one first. The records are written in Vietnamese, so it
/// must be the first, and the others must be languages the records can carry.
fn languages(loaded: &Loaded<SiteRecord>, diagnostics: &mut Diagnostics) -> Vec<Lang> {
    let (record, source) = (&loaded.record, &loaded.source);
    let mut languages = vec![Lang::Vi];
    for (i, code) in record.languages.iter().enumerate() {
        let at = [Key("languages"), Index(i)];
        match Lang::from_code(code) {
            Some(Lang::Vi) if i == 0 => {}
            Some(lang) if i > 0 && !languages.contains(&lang) => languages.push(lang),
            Some(lang) if languages.contains(&lang) && i > 0 => {
                diagnostics.push(source.error(&at, t!("site-language-twice", code = code)))
            }
            Some(_) => diagnostics.push(source.error(&at, t!("site-language-first"))),
            None => {
                let codes = Lang::ALL.map(Lang::code);
                let message =
                    with_suggestion(t!("site-language-unknown", code = code), code, codes);
                let message = t!(
                    "site-supported",
                    message = message,
                    codes = codes.join(", ")
                );
                diagnostics.push(source.error(&at, message));
            }
        }
    }
    languages
}

/// The settings of a `site.yaml` that could not be read, so that every other file is
/// still checked in the same run.
pub fn fallback() -> Site {
    let record = SiteRecord::default();
    resolve(
        &record,
        record.base_url.clone(),
        "/".into(),
        builtin_platforms(),
    )
}

fn resolve(
    record: &SiteRecord,
    base_url: String,
    base_path: String,
    platforms: Vec<Platform>,
) -> Site {
    // Marketplace reports show where a visitor came from: this site's host by default.
    let host = Url::parse(&base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "ocop".into());
    Site {
        title: record.title.clone(),
        description: record.description.clone(),
        base_url,
        base_path,
        province: record.province.clone(),
        theme: record.theme.clone(),
        validity_months: record.certificate_validity_months,
        warning_months: record.expiring_warning_months,
        area_label: record.area_label.clone(),
        notice: record.notice.clone().filter(|n| !n.trim().is_empty()),
        contact: record.contact.clone().map(|c| Contact {
            name: c.name,
            address: c.address,
            phone: c.phone,
            email: c.email,
        }),
        products_per_page: record.products_per_page.max(1),
        platforms,
        campaign: record.campaign.as_ref().map(|c| Campaign {
            source: c.source.clone().unwrap_or(host),
            medium: c.medium.clone().unwrap_or_else(|| "referral".into()),
            name: c.name.clone(),
        }),
        sponsored_links: record.sponsored_links,
        licence: record.data_licence.as_ref().map(|l| Licence {
            name: l.name.clone(),
            url: l.url.clone(),
        }),
        languages: vec![Lang::Vi],
        editor: None,
        en: record
            .en
            .as_ref()
            .map(|t| SiteText {
                title: t.title.clone(),
                description: t.description.clone(),
                notice: t.notice.clone().filter(|n| !n.trim().is_empty()),
                area_label: t.area_label.clone(),
            })
            .unwrap_or_default(),
    }
}

/// `(base_url, base_path)`, both ending in `/`.
pub fn normalize_base_url(raw: &str) -> Result<(String, String), String> {
    let url = Url::parse(raw.trim())
        .map_err(|error| t!("base-url-invalid", raw = raw, error = error.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(t!("base-url-scheme", raw = raw));
    }
    let mut base = url
        .as_str()
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_owned();
    if !base.ends_with('/') {
        base.push('/');
    }
    let mut path = url.path().to_owned();
    if !path.ends_with('/') {
        path.push('/');
    }
    Ok((base, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_sub_paths_and_adds_the_trailing_slash() {
        assert_eq!(
            normalize_base_url("https://example.org/ocop").unwrap(),
            ("https://example.org/ocop/".into(), "/ocop/".into())
        );
        assert_eq!(
            normalize_base_url("http://127.0.0.1:8000").unwrap(),
            ("http://127.0.0.1:8000/".into(), "/".into())
        );
    }

    #[test]
    fn refuses_non_web_addresses() {
        assert!(normalize_base_url("ftp://example.org/").is_err());
        assert!(normalize_base_url("example.org").is_err());
    }
}
