//! `news/<slug>.md` and `news/<slug>/index.md`: dates, related products, embedded
//! cards and the cover photo. Whether an item is published (draft, future date) is
//! decided here too, so that no later stage can show an unpublished item.

use crate::t;
use std::path::Path;

use chrono::NaiveDate;

use crate::content::embed::{embeds, Target};
use crate::content::locate::{
    locate,
    Seg::{Index, Key},
};
use crate::content::{markdown, Loaded, NewsSource, Source};
use crate::diagnostics::{with_suggestion, Diagnostic};
use crate::domain::{News, Photo};

use super::fields::{date, is_slug, markdown_body, required_text, slugify};
use super::photos::inspect;

/// Folders under `tin-tuc/` that the listing's own pages use.
const RESERVED: &[&str] = &["trang"];

/// What Markdown bodies may embed: products by slug (every product folder, valid or
/// not, so that one mistake is not reported twice) and the years with a round.
pub struct Embeddable<'a> {
    pub products: &'a [&'a str],
    pub years: &'a [i32],
}

/// A checked news item, or every problem found in it.
pub fn news(
    loaded: &Loaded<NewsSource>,
    root: &Path,
    known: &Embeddable,
) -> Result<News, Vec<Diagnostic>> {
    let products = known.products;
    let (front, source) = (&loaded.record.front, &loaded.source);
    let mut errors = Vec::new();
    if !is_slug(&loaded.id) || RESERVED.contains(&loaded.id.as_str()) {
        errors.push(source.error(
            &[Key("title")],
            t!(
                "news-slug",
                slug = &loaded.id,
                suggestion = slugify(&loaded.id)
            ),
        ));
    }
    errors.extend(required_text(
        source,
        &[Key("title")],
        "title",
        &front.title,
    ));
    let published = date(source, &[Key("date")], &front.date)
        .map_err(|e| errors.push(e))
        .ok();
    for (i, slug) in front.products.iter().enumerate() {
        if !products.contains(&slug.as_str()) {
            let (line, column) = value_position(source, &[Key("products"), Index(i)], slug);
            let message = t!("news-unknown-product", slug = slug);
            errors.push(
                Diagnostic::new(
                    &source.path,
                    with_suggestion(message, slug, products.iter().copied()),
                )
                .at(line, column),
            );
        }
    }
    let (embedded, card_errors) =
        cards(source, &loaded.record.body, loaded.record.body_line, known);
    errors.extend(card_errors);
    errors.extend(markdown_body(
        source,
        &loaded.record.body,
        loaded.record.body_line,
    ));
    let cover = front.cover.as_deref().and_then(|file| {
        let dir = source
            .path
            .parent()
            .map(|p| root.join(p))
            .unwrap_or_default();
        match inspect(&dir, file, &t!("photo-folder-news")) {
            Ok(header) => Some(Photo {
                stem: slugify(
                    &Path::new(file)
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy(),
                ),
                source: header.path,
                // The title describes what a news cover shows well enough.
                alt: front.title.clone(),
                caption: None,
                en: Default::default(),
                width: header.width,
                height: header.height,
            }),
            Err(why) => {
                errors.push(source.error(&[Key("cover")], why));
                None
            }
        }
    });
    match published {
        Some(date) if errors.is_empty() => Ok(News {
            slug: loaded.id.clone(),
            title: front.title.clone(),
            date,
            summary: front.summary.clone(),
            cover,
            tags: front.tags.clone(),
            author: front.author.clone(),
            products: front.products.clone(),
            embedded,
            draft: front.draft,
            body: markdown::render_with_cards(&loaded.record.body),
        }),
        _ => Err(errors),
    }
}

/// The products embedded as cards in a Markdown `body` starting on `body_line` of
/// `source`, and an error for each card line naming no known product, and each round
/// line naming a year without a round.
pub fn cards(
    source: &Source,
    body: &str,
    body_line: usize,
    known: &Embeddable,
) -> (Vec<String>, Vec<Diagnostic>) {
    let products = known.products;
    let mut embedded = Vec::new();
    let mut errors = Vec::new();
    for embed in embeds(body) {
        let line = body_line + embed.line;
        match embed.target {
            Ok(Target::Round(year)) if known.years.contains(&year) => {}
            Ok(Target::Round(year)) => {
                let years: Vec<String> = known.years.iter().map(|y| y.to_string()).collect();
                let message = t!("round-unknown-year", year = year, years = years.join(", "));
                errors.push(Diagnostic::new(&source.path, message).at(line, embed.column));
            }
            Ok(Target::Product(slug)) if products.contains(&slug.as_str()) => embedded.push(slug),
            Ok(Target::Product(slug)) => {
                let message = t!("card-unknown-product", slug = &slug);
                errors.push(
                    Diagnostic::new(
                        &source.path,
                        with_suggestion(message, &slug, products.iter().copied()),
                    )
                    .at(line, embed.column),
                );
            }
            Err(why) => errors.push(Diagnostic::new(&source.path, why).at(line, embed.column)),
        }
    }
    (embedded, errors)
}

/// Whether an item is on the site: not a draft and not dated after the build, unless
/// drafts are asked for (to preview them).
pub fn is_published(news: &News, today: NaiveDate, drafts: bool) -> bool {
    drafts || (!news.draft && news.date <= today)
}

/// Where `text`, the value at `at`, is written: `locate` finds the list, and inside a
/// flow list (`[a, b]`) the value itself is searched for on that line.
pub fn value_position(
    source: &Source,
    at: &[crate::content::locate::Seg],
    text: &str,
) -> (usize, usize) {
    let (line, column) = locate(&source.text, at);
    let Some(written) = source.text.lines().nth(line - 1) else {
        return (line, column);
    };
    let from: usize = written.chars().take(column - 1).map(char::len_utf8).sum();
    let delimiter =
        |c: Option<char>| c.is_none_or(|c| matches!(c, '[' | ']' | ',' | ' ' | '"' | '\'' | '-'));
    let found = written[from..]
        .match_indices(text)
        .map(|(b, _)| from + b)
        .find(|&b| {
            delimiter(written[..b].chars().next_back())
                && delimiter(written[b + text.len()..].chars().next())
        });
    match found {
        Some(byte) => (line, written[..byte].chars().count() + 1),
        None => (line, column),
    }
}
