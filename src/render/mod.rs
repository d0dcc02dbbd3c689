//! Stage 4, render: turn the catalogue into HTML pages through the theme's templates.
//!
//! Rust decides what each page holds (`pages`, `context`); the theme decides how it
//! looks. Values are HTML-escaped by Tera; only sanitised Markdown is marked safe.

pub mod affected;
pub mod charts;
pub mod context;
pub mod data_view;
pub mod feed;
pub mod markdown;
pub mod news_view;
pub mod pages;
pub mod product_view;
pub mod round_view;
pub mod search;
pub mod sitemap;
pub mod stats;
pub mod structured_data;
pub mod theme;

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::domain::Lang;
pub use crate::edition::{Edition, Strings};
use crate::model::Catalogue;
pub use pages::{EditionPage, PageJob};
pub use theme::Theme;

/// A theme bound to one catalogue, with the values every page of an edition shares
/// set once per edition.
pub struct Renderer<'a> {
    /// Per edition, in the order of the site's languages.
    editions: Vec<(Lang, Tera)>,
    strings: Vec<Strings>,
    templates_path: std::path::PathBuf,
    catalogue: &'a Catalogue,
}

impl<'a> Renderer<'a> {
    pub fn new(theme: Theme, catalogue: &'a Catalogue) -> Self {
        let Theme {
            tera,
            strings,
            templates_path,
            ..
        } = theme;
        let languages = &catalogue.site.languages;
        let editions = (languages.iter())
            .zip(&strings)
            .map(|(&lang, own)| {
                let mut tera = tera.clone();
                theme::register_tr(&mut tera, own, &strings[0]);
                let edition = Edition {
                    catalogue,
                    lang,
                    strings: own,
                    all_strings: &strings,
                };
                let globals = tera.global_context();
                globals.insert("site", &context::SiteView::new(edition));
                globals.insert("nav", &context::NavView::new(edition));
                globals.insert("t", own);
                (lang, tera)
            })
            .collect();
        Self {
            editions,
            strings,
            templates_path,
            catalogue,
        }
    }

    /// Each edition, the main one first.
    pub fn editions(&self) -> impl Iterator<Item = Edition<'_>> {
        (0..self.editions.len()).map(|k| self.edition(k))
    }

    /// The edition of the site's first language, the records' own.
    pub fn main_edition(&self) -> Edition<'_> {
        self.edition(0)
    }

    /// The `k`-th edition, in the order of the site's languages.
    fn edition(&self, k: usize) -> Edition<'_> {
        Edition {
            catalogue: self.catalogue,
            lang: self.editions[k].0,
            strings: &self.strings[k],
            all_strings: &self.strings,
        }
    }

    pub fn catalogue(&self) -> &'a Catalogue {
        self.catalogue
    }

    pub fn render(&self, (lang, job): EditionPage) -> Result<String, Diagnostic> {
        let k = (self.editions.iter().position(|(l, _)| *l == lang)).unwrap_or(0);
        let edition = self.edition(k);
        self.render_in(k, job.template(), &job.context(edition))
    }

    /// One of the theme's other files (the feed, the sitemap, `robots.txt`), rendered
    /// with the main edition's values and `context`.
    pub fn render_file(
        &self,
        template: &str,
        context: &tera::Context,
    ) -> Result<String, Diagnostic> {
        self.render_in(0, template, context)
    }

    /// `template` rendered with the `k`-th edition's values and `context`; an error
    /// names the template.
    fn render_in(
        &self,
        k: usize,
        template: &str,
        context: &tera::Context,
    ) -> Result<String, Diagnostic> {
        (self.editions[k].1)
            .render(template, context)
            .map_err(|error| {
                Diagnostic::new(
                    self.templates_path.join(template),
                    theme::template_error(&error),
                )
            })
    }
}
