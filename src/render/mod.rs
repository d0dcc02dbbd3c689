//! Stage 4, render: turn the catalogue into HTML pages through the theme's templates.
//!
//! Rust decides what each page holds (`pages`, `context`); the theme decides how it
//! looks. Values are HTML-escaped by Tera; only sanitised Markdown is marked safe.

pub mod affected;
pub mod charts;
pub mod context;
pub mod data_view;
pub mod markdown;
pub mod news_view;
pub mod pages;
pub mod product_view;
pub mod search;
pub mod stats;
pub mod strings;
pub mod structured_data;
pub mod theme;

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::model::Catalogue;
pub use pages::PageJob;
pub use theme::Theme;

/// A theme bound to one catalogue, with the values every page shares set once.
pub struct Renderer<'a> {
    tera: Tera,
    templates_path: std::path::PathBuf,
    catalogue: &'a Catalogue,
}

impl<'a> Renderer<'a> {
    pub fn new(theme: Theme, catalogue: &'a Catalogue) -> Self {
        let mut tera = theme.tera;
        let globals = tera.global_context();
        globals.insert("site", &context::SiteView::new(catalogue));
        globals.insert("nav", &context::NavView::new(catalogue));
        Self {
            tera,
            templates_path: theme.templates_path,
            catalogue,
        }
    }

    pub fn render(&self, job: PageJob) -> Result<String, Diagnostic> {
        let template = job.template();
        self.tera
            .render(template, &job.context(self.catalogue))
            .map_err(|error| {
                Diagnostic::new(
                    self.templates_path.join(template),
                    theme::template_error(&error),
                )
            })
    }
}
