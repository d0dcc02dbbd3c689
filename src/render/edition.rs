//! One edition of the site: the catalogue seen in one language, with the theme's
//! strings for it. Every view is built from an edition, so its links point into the
//! edition's paths and its texts are the edition's, or marked as falling back.

use crate::model::{Catalogue, Lang, Localized};

use super::strings::Strings;

#[derive(Clone, Copy)]
pub struct Edition<'a> {
    pub catalogue: &'a Catalogue,
    pub lang: Lang,
    pub strings: &'a Strings,
    /// Each language of the site by its own name (its strings' `language_name`), for
    /// the language switch.
    pub language_names: &'a [(Lang, String)],
}

impl<'a> Edition<'a> {
    /// The name of `lang` in itself.
    pub fn language_name(&self, lang: Lang) -> &'a str {
        (self.language_names.iter())
            .find(|(l, _)| *l == lang)
            .map_or(lang.code(), |(_, name)| name.as_str())
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

    /// A date as this edition's language writes it.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        date.format(self.t("date_format")).to_string()
    }

    /// Whether the site is published in more than one language.
    pub fn is_multilingual(&self) -> bool {
        self.catalogue.site.languages.len() > 1
    }
}

/// The text and, when it is not the page's language, the language it is in: the
/// two fields a view gives for each translatable value.
pub fn split(text: Localized<'_>) -> (&str, Option<&'static str>) {
    (text.text, text.lang)
}
