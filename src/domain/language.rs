//! The languages a catalogue is published in, and the English text records may carry.
//!
//! Records are written in Vietnamese, the main language. A translation is optional
//! field by field: what is missing shows in Vietnamese, marked as such so that the
//! page can say `lang="vi"` on it.

use serde::Serialize;

use super::markdown::Markdown;

/// A language a site can be published in. The records' own language, Vietnamese,
/// is the main edition, at the site root; English is under `/en/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code, as in `lang` and `hreflang` attributes and in `site.yaml`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// `vi` for a text in this edition that is `translation` when there is one, and
    /// the Vietnamese `main` otherwise.
    pub fn pick<'a, T: ?Sized>(self, main: &'a T, translation: Option<&'a T>) -> Localized<'a, T> {
        match (self, translation) {
            (Lang::Vi, _) => Localized::native(main),
            (_, Some(text)) => Localized::native(text),
            (_, None) => Localized {
                text: main,
                lang: Some(Lang::Vi.code()),
            },
        }
    }

    /// Like `pick`, for an optional text: a missing translation of a present text
    /// falls back, a missing text stays missing.
    pub fn pick_opt<'a, T: ?Sized>(
        self,
        main: Option<&'a T>,
        translation: Option<&'a T>,
    ) -> Option<Localized<'a, T>> {
        match (self, main, translation) {
            (Lang::Vi, main, _) => main.map(Localized::native),
            (_, _, Some(text)) => Some(Localized::native(text)),
            (_, main, None) => main.map(|m| self.pick(m, None)),
        }
    }
}

/// A text as an edition shows it, with the code of its language when that is not
/// the page's own: plain text, or a rendered [`Markdown`](super::markdown::Markdown) text.
#[derive(Debug, PartialEq, Eq)]
pub struct Localized<'a, T: ?Sized = str> {
    pub text: &'a T,
    /// `None` when the text is in the page's language.
    pub lang: Option<&'static str>,
}

impl<T: ?Sized> Clone for Localized<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Localized<'_, T> {}

impl<'a, T: ?Sized> Localized<'a, T> {
    pub fn native(text: &'a T) -> Self {
        Localized { text, lang: None }
    }

    pub fn is_translated(&self) -> bool {
        self.lang.is_none()
    }
}

/// A photo's English alternative text and caption.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhotoText {
    pub alt: Option<String>,
    pub caption: Option<String>,
}

/// The English text of `site.yaml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteText {
    pub title: Option<String>,
    pub description: Option<String>,
    pub notice: Option<String>,
    pub area_label: Option<String>,
}

/// A Markdown page's English version, from `<slug>.en.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    pub title: String,
    pub description: Option<String>,
    pub body: Markdown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_translation_falls_back_to_vietnamese_and_says_so() {
        let vi = Lang::Vi.pick("Hạt dẻ", Some("Chestnuts"));
        assert_eq!((vi.text, vi.lang), ("Hạt dẻ", None));
        let en = Lang::En.pick("Hạt dẻ", Some("Chestnuts"));
        assert_eq!((en.text, en.lang), ("Chestnuts", None));
        let fallback = Lang::En.pick("Hạt dẻ", None);
        assert_eq!((fallback.text, fallback.lang), ("Hạt dẻ", Some("vi")));
        assert_eq!(Lang::En.pick_opt::<str>(None, None), None);
        assert_eq!(
            Lang::En.pick_opt(Some("Ngon"), None).map(|l| l.lang),
            Some(Some("vi"))
        );
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
