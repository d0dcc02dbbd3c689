//! Stage 2, validate: check every rule of the content contract and resolve the raw
//! records into domain values, collecting every problem rather than stopping at the
//! first. The model stage gathers what passes into the catalogue.

pub mod fields;
pub mod news;
pub mod pages;
pub mod photos;
pub mod producers;
pub mod products;
pub mod shops;
pub mod site;
pub mod taxonomy;

use crate::t;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::content::locate::Seg;
use crate::content::{Loaded, RawContent};
use crate::diagnostics::Diagnostics;
use crate::domain::{Category, District, News, Page, Producer, Product, Site};

/// Settings that come from the command line rather than the content.
#[derive(Debug, Clone)]
pub struct Options {
    pub today: NaiveDate,
    /// Replaces `site.yaml`'s `base_url`, e.g. for a local preview.
    pub base_url: Option<String>,
    /// Publish draft and future-dated news too, to preview them.
    pub drafts: bool,
    /// Whether a value still marked `(cần sửa)` is an error: in `ocop build`, which
    /// publishes, but not in `check`, `serve` or `build --drafts`, where a new file is
    /// being tried.
    pub refuse_placeholders: bool,
}

/// The records of a content root that passed every check, resolved into domain
/// values: what the model stage indexes.
#[derive(Debug)]
pub struct Validated {
    pub site: Site,
    /// The date certificate status was computed against.
    pub today: NaiveDate,
    pub districts: Vec<District>,
    pub categories: Vec<Category>,
    pub producers: Vec<Producer>,
    pub products: Vec<Product>,
    pub pages: Vec<Page>,
    /// Published news only.
    pub news: Vec<News>,
}

/// The validated records, if the content has no errors, and everything found on the
/// way: errors and warnings.
pub fn validate(raw: &RawContent, options: &Options) -> (Option<Validated>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();

    let site = match &raw.site {
        Some(loaded) => site::site(loaded, options.base_url.as_deref(), &mut diagnostics),
        None => site::fallback(),
    };
    let districts = raw
        .districts
        .as_ref()
        .map(|d| taxonomy::districts(d, &mut diagnostics))
        .unwrap_or_default();
    let categories = raw
        .categories
        .as_ref()
        .map(|c| taxonomy::categories(c, &mut diagnostics))
        .unwrap_or_default();

    let mut producers = Vec::with_capacity(raw.producers.len());
    for loaded in &raw.producers {
        let (producer, errors) = producers::producer(loaded, &districts, &site.platforms);
        errors.into_iter().for_each(|e| diagnostics.push(e));
        producers.push(producer);
    }

    let cx = products::Context {
        site: &site,
        today: options.today,
        root: &raw.root,
        districts: &districts,
        categories: &categories,
        producers: &producers,
        producer_ids: (producers.iter().enumerate())
            .map(|(i, p)| (p.id.as_str(), i))
            .collect(),
    };
    // Two folders whose names give the same slug would publish to one address.
    let mut first_with_slug: HashMap<String, &Loaded<_>> = HashMap::new();
    let mut unique = Vec::with_capacity(raw.products.len());
    for loaded in &raw.products {
        let slug = fields::slugify(&loaded.id);
        match first_with_slug.get(&slug) {
            Some(first) => diagnostics.push(loaded.source.error(
                &[Seg::Key("name")],
                t!(
                    "duplicate-product-slug",
                    slug = &slug,
                    other = first.source.path.as_path()
                ),
            )),
            None => {
                first_with_slug.insert(slug, loaded);
                unique.push(loaded);
            }
        }
    }
    let results: Vec<_> = unique
        .par_iter()
        .map(|p| products::product(p, &cx))
        .collect();
    let mut products = Vec::with_capacity(results.len());
    // An old slug may redirect to one product only, and never hide a live product.
    let mut aliases: HashMap<String, String> = HashMap::new();
    for (result, loaded) in results.into_iter().zip(&unique) {
        match result {
            Ok(product) => {
                for (i, alias) in product.aliases.iter().enumerate() {
                    let taken = if first_with_slug.contains_key(alias) {
                        Some(t!("alias-of-another-product", alias = alias))
                    } else {
                        aliases
                            .insert(alias.clone(), product.slug.clone())
                            .map(|other| t!("alias-taken", alias = alias, other = other))
                    };
                    if let Some(message) = taken {
                        diagnostics.push(
                            loaded
                                .source
                                .error(&[Seg::Key("aliases"), Seg::Index(i)], message),
                        );
                    }
                }
                photos::budget_warnings(loaded, &product)
                    .into_iter()
                    .for_each(|w| diagnostics.push(w));
                products.push(product)
            }
            Err(errors) => errors.into_iter().for_each(|e| diagnostics.push(e)),
        }
    }

    // Every product folder counts, valid or not, so one mistake is not reported twice.
    let mut slugs: Vec<&str> = first_with_slug.keys().map(String::as_str).collect();
    slugs.sort_unstable();
    // The years with a round: those of the valid products' decisions.
    let mut years: Vec<i32> = (products.iter())
        .flat_map(|p| p.decisions(site.validity_months))
        .map(|d| d.date.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    let known = news::Embeddable {
        products: &slugs,
        years: &years,
    };
    let mut pages = Vec::with_capacity(raw.pages.len());
    let (translations, originals): (Vec<_>, Vec<_>) =
        (raw.pages.iter()).partition(|p| pages::translation_of(&p.id).is_some());
    for loaded in originals {
        match pages::page(loaded, &known) {
            Ok(page) => pages.push(page),
            Err(errors) => errors.into_iter().for_each(|e| diagnostics.push(e)),
        }
    }
    for loaded in translations {
        if let Err(errors) = pages::attach_translation(loaded, &known, &mut pages) {
            errors.into_iter().for_each(|e| diagnostics.push(e));
        }
    }

    let mut news = Vec::with_capacity(raw.news.len());
    let mut first_news: HashMap<&str, &Loaded<_>> = HashMap::new();
    for loaded in &raw.news {
        if let Some(first) = first_news.insert(&loaded.id, loaded) {
            diagnostics.push(loaded.source.error(
                &[Seg::Key("title")],
                t!(
                    "duplicate-news-slug",
                    slug = &loaded.id,
                    other = first.source.path.as_path()
                ),
            ));
            continue;
        }
        match news::news(loaded, &raw.root, &known) {
            Ok(item) if news::is_published(&item, options.today, options.drafts) => news.push(item),
            Ok(_) => {}
            Err(errors) => errors.into_iter().for_each(|e| diagnostics.push(e)),
        }
    }

    // site.yaml too: `ocop init` without `--province` leaves one there.
    let sources = raw.site.iter().map(|l| &l.source);
    let sources = sources.chain(raw.producers.iter().map(|l| &l.source));
    for source in sources.chain(raw.products.iter().map(|l| &l.source)) {
        fields::placeholders(source, options.refuse_placeholders)
            .into_iter()
            .for_each(|w| diagnostics.push(w));
    }

    if diagnostics.has_errors() || raw.site.is_none() {
        return (None, diagnostics);
    }
    let validated = Validated {
        site,
        today: options.today,
        districts,
        categories,
        producers,
        products,
        pages,
        news,
    };
    (Some(validated), diagnostics)
}
