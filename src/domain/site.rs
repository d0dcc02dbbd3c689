//! Site-wide settings, resolved from `site.yaml` with defaults filled in.

use super::language::{Lang, Localized, SiteText};
use super::shop::Platform;

#[derive(Debug, Clone)]
pub struct Site {
    pub title: String,
    pub description: String,
    /// Absolute, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url`, always starting and ending in `/`.
    pub base_path: String,
    pub province: String,
    pub theme: String,
    pub validity_months: u32,
    pub warning_months: u32,
    pub area_label: String,
    pub notice: Option<String>,
    pub contact: Option<Contact>,
    pub products_per_page: usize,
    pub platforms: Vec<Platform>,
    pub campaign: Option<Campaign>,
    pub sponsored_links: bool,
    pub licence: Option<Licence>,
    /// The editions, the main one (the records' language) first.
    pub languages: Vec<Lang>,
    pub en: SiteText,
    /// `editor:`: the Git host the editor published at `/admin/` saves to; none, and
    /// the public site has no `/admin/`.
    pub editor: Option<EditorBackend>,
}

/// The Git host of the editor published at `/admin/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorBackend {
    /// `github`, `gitlab` or `gitea`, Decap CMS's names for them.
    pub name: String,
    /// `owner/name`.
    pub repo: String,
    pub branch: String,
    /// A self-hosted GitLab's or Gitea's address.
    pub base_url: Option<String>,
}

/// The Git hosts the published editor can save to.
pub const EDITOR_BACKENDS: [&str; 3] = ["github", "gitlab", "gitea"];

/// UTM tags added to outbound shop links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub source: String,
    pub medium: String,
    pub name: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Licence {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Contact {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl Site {
    pub fn title_in(&self, lang: Lang) -> Localized<'_> {
        lang.pick(&self.title, self.text(lang, |t| &t.title))
    }

    pub fn description_in(&self, lang: Lang) -> Localized<'_> {
        lang.pick(&self.description, self.text(lang, |t| &t.description))
    }

    pub fn notice_in(&self, lang: Lang) -> Option<Localized<'_>> {
        lang.pick_opt(self.notice.as_deref(), self.text(lang, |t| &t.notice))
    }

    pub fn area_label_in(&self, lang: Lang) -> Localized<'_> {
        lang.pick(&self.area_label, self.text(lang, |t| &t.area_label))
    }

    fn text(&self, lang: Lang, field: fn(&SiteText) -> &Option<String>) -> Option<&str> {
        (lang == Lang::En)
            .then(|| field(&self.en).as_deref())
            .flatten()
    }

    /// The main edition's language, the records' own, at the site root.
    pub fn main_language(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::Vi)
    }

    /// The editions after the main one, each under `/<code>/`.
    pub fn translations(&self) -> &[Lang] {
        self.languages.get(1..).unwrap_or_default()
    }

    /// `base_url` with the given site path appended: `san-pham/x/` → `https://…/san-pham/x/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }

    /// A root-relative link to a site path, including any sub-path of `base_url`.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.id == id)
    }

    /// A shop link as the site publishes it: with the campaign's UTM tags, if any.
    pub fn outbound(&self, url: &str) -> String {
        let Some(campaign) = &self.campaign else {
            return url.to_owned();
        };
        match url::Url::parse(url) {
            Ok(mut url) => {
                url.query_pairs_mut()
                    .append_pair("utm_source", &campaign.source)
                    .append_pair("utm_medium", &campaign.medium)
                    .append_pair("utm_campaign", &campaign.name);
                url.into()
            }
            Err(_) => url.to_owned(),
        }
    }
}
