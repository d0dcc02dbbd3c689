//! A producing entity ("chủ thể"): cooperative, group, enterprise or household.

use super::language::{Lang, Localized, PageText, ProducerText};
use super::taxonomy::ProducerType;
use super::Markdown;

#[derive(Debug, Clone, PartialEq)]
pub struct Producer {
    pub id: String,
    pub name: String,
    pub kind: ProducerType,
    /// Index into `Catalogue::districts`.
    pub district: usize,
    pub address: Option<String>,
    pub representative: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub description: Option<Markdown>,
    pub en: ProducerText,
}

impl Producer {
    pub fn name_in(&self, lang: Lang) -> Localized<'_> {
        lang.pick(&self.name, self.en.name.as_deref())
    }

    pub fn description_in(&self, lang: Lang) -> Option<Localized<'_, Markdown>> {
        lang.pick_opt(self.description.as_ref(), self.en.description.as_ref())
    }
}

/// A Markdown page such as "about OCOP".
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub body: Markdown,
    /// The English version, from `<slug>.en.md`.
    pub en: Option<PageText>,
}

impl Page {
    pub fn title_in(&self, lang: Lang) -> Localized<'_> {
        lang.pick(
            &self.title,
            self.translation(lang).map(|t| t.title.as_str()),
        )
    }

    pub fn description_in(&self, lang: Lang) -> Option<Localized<'_>> {
        match self.translation(lang) {
            Some(t) => t.description.as_deref().map(Localized::native),
            None => lang.pick_opt(self.description.as_deref(), None),
        }
    }

    pub fn body_in(&self, lang: Lang) -> Localized<'_, Markdown> {
        lang.pick(&self.body, self.translation(lang).map(|t| &t.body))
    }

    fn translation(&self, lang: Lang) -> Option<&PageText> {
        self.en.as_ref().filter(|_| lang == Lang::En)
    }
}
