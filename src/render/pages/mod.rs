//! The kinds of page a catalogue publishes, one module each. A kind owns its
//! template, its addresses, the context its template is rendered with, and which of
//! its pages an edit to the records changes. [`PageJob`] names one page; the table at
//! the bottom of this file is the one list of kinds, from which the theme's required
//! templates, the list of every page and the incremental plan are all derived.

mod alias;
mod category;
pub mod change;
mod data;
mod district;
mod home;
mod news;
mod news_list;
mod not_found;
mod page;
mod pager;
mod producer;
mod producers;
mod product;
mod product_sheet;
mod products;
mod round;
mod search;
mod stars;
mod stats;

use chrono::NaiveDate;
use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;

use super::context::{self, Alternate, PageMeta, ShareImage};
use change::Change;

/// A page of one edition: the unit of rendering.
pub type EditionPage = (Lang, PageJob);

/// What a kind of page is: its template and addresses, its context, and the pages of
/// it that an edit changes. `Args` tells one page of the kind from another: a
/// product's index, a listing's page number, nothing for a page of its own.
pub trait Kind {
    type Args: Copy;
    /// The theme's template for the kind.
    const TEMPLATE: &'static str;
    /// Whether the other editions have these pages too. Old product addresses exist
    /// in the main edition only, as printed in QR codes, and one error page serves all.
    const IN_TRANSLATIONS: bool = true;
    /// Whether search engines should find these pages: not the redirects, the print
    /// sheets (copies of product pages) or the error page.
    const IN_SITEMAP: bool = true;

    /// Every page of the kind, in a stable order.
    fn all(catalogue: &Catalogue) -> Vec<Self::Args>;

    /// The page's path below the site root in the edition of `lang`, as in `paths`.
    fn path(catalogue: &Catalogue, lang: Lang, args: Self::Args) -> String;

    /// The template's own values in `cx`, and the page's head.
    fn context<'a>(ed: Edition<'a>, args: Self::Args, cx: &mut Context) -> Head<'a>;

    /// When the page last changed, as far as the records tell: by default, with the
    /// build, since listings and counts change with any record.
    fn lastmod(catalogue: &Catalogue, _args: Self::Args) -> NaiveDate {
        catalogue.today
    }

    /// The pages of the kind that differ after `change`, an edit to product and
    /// producer records that keeps the catalogue's shape (see `affected`).
    fn affected(change: &Change) -> Vec<Self::Args>;
}

/// What a page says of itself in its `<head>`, beside its template's values.
pub struct Head<'a> {
    pub title: String,
    /// The site's description when `None`.
    pub description: Option<String>,
    /// The page's own address when `None`; a copy names the page it copies.
    pub canonical: Option<String>,
    /// `og:type`.
    pub og_type: &'static str,
    /// The link-preview image; the site's when `None`.
    pub image: Option<ShareImage<'a>>,
    /// schema.org JSON-LD, already safe to place inside `<script>`.
    pub jsonld: Option<String>,
}

impl<'a> Head<'a> {
    pub fn titled(title: impl Into<String>) -> Self {
        Head {
            title: title.into(),
            description: None,
            canonical: None,
            og_type: "website",
            image: None,
            jsonld: None,
        }
    }
}

/// Declares the kinds, in the order every page is listed (the sitemap's order), and
/// derives from that one list the enum of pages and its dispatch.
macro_rules! page_kinds {
    ($($variant:ident => $kind:ty,)*) => {
        /// One page to write: a kind and what tells it from the other pages of its kind.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum PageJob {
            $($variant(<$kind as Kind>::Args),)*
        }

        /// Templates every theme must have: one per kind of page.
        pub const TEMPLATES: &[&str] = &[$(<$kind as Kind>::TEMPLATE,)*];

        impl PageJob {
            pub fn template(self) -> &'static str {
                match self {
                    $(PageJob::$variant(_) => <$kind as Kind>::TEMPLATE,)*
                }
            }

            /// See [`Kind::IN_TRANSLATIONS`].
            pub fn in_translations(self) -> bool {
                match self {
                    $(PageJob::$variant(_) => <$kind as Kind>::IN_TRANSLATIONS,)*
                }
            }

            /// See [`Kind::IN_SITEMAP`].
            pub fn in_sitemap(self) -> bool {
                match self {
                    $(PageJob::$variant(_) => <$kind as Kind>::IN_SITEMAP,)*
                }
            }

            /// The page's path below the site root in the edition of `lang`.
            pub fn path(self, catalogue: &Catalogue, lang: Lang) -> String {
                match self {
                    $(PageJob::$variant(args) => <$kind as Kind>::path(catalogue, lang, args),)*
                }
            }

            /// See [`Kind::lastmod`].
            pub fn lastmod(self, catalogue: &Catalogue) -> NaiveDate {
                match self {
                    $(PageJob::$variant(args) => <$kind as Kind>::lastmod(catalogue, args),)*
                }
            }

            fn head<'a>(self, ed: Edition<'a>, cx: &mut Context) -> Head<'a> {
                match self {
                    $(PageJob::$variant(args) => <$kind as Kind>::context(ed, args, cx),)*
                }
            }
        }

        /// Every page of the catalogue in one edition, in a stable order.
        fn every_page(catalogue: &Catalogue) -> Vec<PageJob> {
            let mut jobs = Vec::new();
            $(jobs.extend(<$kind as Kind>::all(catalogue).into_iter().map(PageJob::$variant));)*
            jobs
        }

        /// The pages that differ after `change`, sorted.
        pub(crate) fn affected_by(change: &Change) -> Vec<PageJob> {
            let mut jobs = Vec::new();
            $(jobs.extend(<$kind as Kind>::affected(change).into_iter().map(PageJob::$variant));)*
            jobs.sort();
            jobs.dedup();
            jobs
        }
    };
}

page_kinds! {
    Home => home::Home,
    Producers => producers::Producers,
    Stats => stats::Stats,
    Round => round::Round,
    Data => data::Data,
    Search => search::Search,
    NotFound => not_found::NotFound,
    Products => products::Products,
    Product => product::Product,
    ProductSheet => product_sheet::ProductSheet,
    Alias => alias::Alias,
    District => district::District,
    Stars => stars::Stars,
    Category => category::Category,
    Producer => producer::Producer,
    Page => page::Page,
    NewsList => news_list::NewsList,
    News => news::News,
}

/// Every page of every edition, the main edition first, in a stable order.
pub fn all(catalogue: &Catalogue) -> Vec<EditionPage> {
    in_editions(catalogue, &every_page(catalogue))
}

/// `jobs` in each edition that has them.
pub fn in_editions(catalogue: &Catalogue, jobs: &[PageJob]) -> Vec<EditionPage> {
    let languages = &catalogue.site.languages;
    (languages.iter().enumerate())
        .flat_map(|(k, &lang)| {
            (jobs.iter())
                .filter(move |job| k == 0 || job.in_translations())
                .map(move |&job| (lang, job))
        })
        .collect()
}

impl PageJob {
    /// The page's path in each of the site's languages; none on a site of one, or
    /// for a page of the main edition only.
    pub fn translations(self, catalogue: &Catalogue) -> Vec<(Lang, String)> {
        let languages = &catalogue.site.languages;
        if languages.len() < 2 || !self.in_translations() {
            return Vec::new();
        }
        (languages.iter())
            .map(|&lang| (lang, self.path(catalogue, lang)))
            .collect()
    }

    /// The page in each of the site's languages, for `hreflang` and the switch.
    fn alternates<'a>(self, ed: Edition<'a>) -> Vec<Alternate<'a>> {
        let site = &ed.catalogue.site;
        (self.translations(ed.catalogue).into_iter())
            .map(|(lang, path)| Alternate {
                code: lang.code(),
                name: ed.language_name(lang),
                url: site.link(&path),
                absolute: site.absolute(&path),
                current: lang == ed.lang,
            })
            .collect()
    }

    /// The template's own values, and the page's head, in the edition's language.
    pub fn context(self, ed: Edition<'_>) -> Context {
        let (catalogue, lang) = (ed.catalogue, ed.lang);
        let site = &catalogue.site;
        let mut cx = Context::new();
        let head = self.head(ed, &mut cx);
        let path = self.path(catalogue, lang);
        let full_title = if matches!(self, PageJob::Home(_)) {
            head.title
        } else {
            format!("{} – {}", head.title, site.title_in(lang).text)
        };
        cx.insert(
            "page",
            &PageMeta {
                kind: self.template().trim_end_matches(".html"),
                lang: lang.code(),
                alternates: self.alternates(ed),
                title: full_title,
                description: (head.description)
                    .unwrap_or_else(|| site.description_in(lang).text.to_owned()),
                url: ed.link(&path),
                canonical: head.canonical.unwrap_or_else(|| ed.absolute(&path)),
                og_type: head.og_type,
                image: head.image.or_else(|| context::site_image(ed)),
                jsonld: head.jsonld,
            },
        );
        cx
    }
}
