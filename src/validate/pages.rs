//! `pages/<slug>.md`: the slug must not take a path the catalogue already uses.

use crate::content::locate::Seg::Key;
use crate::content::{markdown, Loaded, PageSource};
use crate::diagnostics::{with_suggestion, Diagnostic};
use crate::domain::language::PageText;
use crate::domain::Page;
use crate::t;

use super::fields::{is_slug, markdown_body, slugify};
use super::news::Embeddable;

/// Top-level paths that belong to the catalogue itself.
pub const RESERVED: &[&str] = &[
    "san-pham", "huyen", "sao", "nhom", "chu-the", "thong-ke", "data", "du-lieu", "tim-kiem",
    "tin-tuc", "en", "css", "js", "img", "static", "404",
];

pub fn page(loaded: &Loaded<PageSource>, known: &Embeddable) -> Result<Page, Vec<Diagnostic>> {
    body_errors(loaded, known)?;
    page_slug(loaded).map_err(|e| vec![e])
}

/// The problems of the page's body: product cards naming no product, and nesting
/// too deep to render.
fn body_errors(loaded: &Loaded<PageSource>, known: &Embeddable) -> Result<(), Vec<Diagnostic>> {
    let PageSource {
        body, body_line, ..
    } = &loaded.record;
    let (_, mut errors) = super::news::cards(&loaded.source, body, *body_line, known);
    errors.extend(markdown_body(&loaded.source, body, *body_line));
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn page_slug(loaded: &Loaded<PageSource>) -> Result<Page, Diagnostic> {
    if !is_slug(&loaded.id) {
        return Err(loaded.source.error(
            &[Key("title")],
            t!(
                "page-file-name",
                name = &loaded.id,
                suggestion = slugify(&loaded.id)
            ),
        ));
    }
    if RESERVED.contains(&loaded.id.as_str()) {
        return Err(loaded
            .source
            .error(&[Key("title")], t!("page-slug-reserved", slug = &loaded.id)));
    }
    Ok(Page {
        slug: loaded.id.clone(),
        title: loaded.record.front.title.clone(),
        description: loaded.record.front.description.clone(),
        body: markdown::render_with_cards(&loaded.record.body),
        en: None,
    })
}

/// The page a file named `<slug>.en.md` translates: `<slug>`.
pub fn translation_of(id: &str) -> Option<&str> {
    id.strip_suffix(".en")
}

/// Checks `<slug>.en.md` and gives it to the page it translates.
pub fn attach_translation(
    loaded: &Loaded<PageSource>,
    known: &Embeddable,
    pages: &mut [Page],
) -> Result<(), Vec<Diagnostic>> {
    let slug = translation_of(&loaded.id).unwrap_or(&loaded.id);
    body_errors(loaded, known)?;
    let Some(page) = pages.iter_mut().find(|p| p.slug == slug) else {
        let message = with_suggestion(
            t!("page-translation-orphan", slug = slug),
            slug,
            pages.iter().map(|p| p.slug.as_str()),
        );
        return Err(vec![loaded.source.error(&[Key("title")], message)]);
    };
    page.en = Some(PageText {
        title: loaded.record.front.title.clone(),
        description: loaded.record.front.description.clone(),
        body: markdown::render_with_cards(&loaded.record.body),
    });
    Ok(())
}
