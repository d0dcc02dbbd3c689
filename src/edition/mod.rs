//! One edition of the site: the catalogue seen in one language, with the theme's
//! strings for it. Every page view is built from an edition, so its links point into
//! the edition's paths and its texts are the edition's, or marked as falling back.
//!
//! Shared vocabulary of the last two stages: render draws the pages of an edition and
//! assets writes its search index, and neither imports the other.

pub mod facets;
pub mod strings;

use crate::domain::{CertificateStatus, Lang, Localized, ProducerType};
use crate::model::Catalogue;

pub use strings::Strings;

#[derive(Clone, Copy)]
pub struct Edition<'a> {
    pub catalogue: &'a Catalogue,
    pub lang: Lang,
    pub strings: &'a Strings,
    /// The strings of every edition of the site, for what one page says of the others.
    pub all_strings: &'a [Strings],
}

impl<'a> Edition<'a> {
    /// The name of `lang` in itself: its strings' `language_name`.
    pub fn language_name(&self, lang: Lang) -> &'a str {
        (self.all_strings.iter())
            .find(|s| s.code() == lang.code())
            .map_or(lang.code(), |s| s.get("language_name"))
    }

    /// The marker of text kept in the records' own language (official decisions,
    /// tags, news): `None` on the main edition, whose language that is.
    pub fn records_language(&self) -> Option<&'static str> {
        (self.lang != self.catalogue.site.main_language()).then_some(Lang::Vi.code())
    }

    /// A root-relative link to a site path.
    pub fn link(&self, path: &str) -> String {
        self.catalogue.site.link(path)
    }

    pub fn absolute(&self, path: &str) -> String {
        self.catalogue.site.absolute(path)
    }

    /// The UI string `key` in this edition's language.
    pub fn t(&self, key: &'static str) -> &'a str {
        self.strings.get(key)
    }

    /// A producer type's name in this edition's language.
    pub fn producer_type(&self, kind: ProducerType) -> &'a str {
        self.t(match kind {
            ProducerType::Cooperative => "producer_type_htx",
            ProducerType::CooperativeGroup => "producer_type_tht",
            ProducerType::Enterprise => "producer_type_doanh-nghiep",
            ProducerType::Household => "producer_type_ho-kinh-doanh",
        })
    }

    /// A certificate status as this edition writes it.
    pub fn status(&self, status: CertificateStatus) -> &'a str {
        self.t(match status {
            CertificateStatus::Valid => "status_valid",
            CertificateStatus::Expiring => "status_expiring",
            CertificateStatus::Expired => "status_expired",
        })
    }

    /// A date as this edition's language writes it.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        date.format(self.t("date_format")).to_string()
    }
}

/// The text and, when it is not the page's language, the language it is in: the
/// two fields a view gives for each translatable value.
pub fn split(text: Localized<'_>) -> (&str, Option<&'static str>) {
    (text.text, text.lang)
}
