//! A producing entity ("chủ thể"): cooperative, group, enterprise or household.

use super::language::{Lang, Localized, PageText};
use super::markdown::Markdown;
use super::records::ProducerRecord;
use super::taxonomy::ProducerType;

/// A producer: its file as written, kept once, with what validation resolved from it.
/// Views borrow the record's fields; a new optional field in the record needs no
/// change here.
#[derive(Debug, Clone, PartialEq)]
pub struct Producer {
    pub id: String,
    /// `producers/<id>.yaml`, checked.
    pub record: ProducerRecord,
    pub kind: ProducerType,
    /// Index into `Catalogue::districts`.
    pub district: usize,
    /// The record's website, checked to be https and without tracking parameters.
    pub website: Option<String>,
    /// The record's description, rendered.
    pub description: Option<Markdown>,
    /// Its English translation, rendered.
    pub en_description: Option<Markdown>,
}

impl Producer {
    pub fn name(&self) -> &str {
        &self.record.name
    }

    pub fn name_in(&self, lang: Lang) -> Localized<'_> {
        let en = self.record.en.as_ref().and_then(|t| t.name.as_deref());
        lang.pick(&self.record.name, en)
    }

    pub fn description_in(&self, lang: Lang) -> Option<Localized<'_, Markdown>> {
        lang.pick_opt(self.description.as_ref(), self.en_description.as_ref())
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
