//! The builds of `ocop serve`: the first one whole, then, after an edit to product or
//! producer files, only the pages the edit changed, written in place. A national
//! catalogue has tens of thousands of pages; the communications team waits for one.

use crate::t;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::time::Instant;

use rayon::prelude::*;

use crate::content::{self, patch::patch, RawContent};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Catalogue;
use crate::output::{self, Staging};
use crate::render::{affected::affected, pages, EditionPage, PageJob, Renderer};
use crate::validate::Options;

use super::build::{self, broken_links, render_page, write_catalogue_files, Built, Targets};
use super::serve::PagesReady;
use super::timings::Timings;
use super::{prepare_loaded, Failure, Prepared};

/// One preview's builds, and what they were made from.
pub struct Session {
    root: PathBuf,
    output: PathBuf,
    cache: PathBuf,
    options: Options,
    /// The content as last read, patched edit by edit.
    raw: Option<RawContent>,
    /// The catalogue the published preview shows; none before the first success.
    shown: Option<Catalogue>,
}

impl Session {
    pub fn new(root: &Path, output: &Path, cache: &Path, options: Options) -> Self {
        Self {
            root: root.to_path_buf(),
            output: output.to_path_buf(),
            cache: cache.to_path_buf(),
            options,
            raw: None,
            shown: None,
        }
    }

    /// Build again after the files `changed` changed; with none named, or with any
    /// but product and producer files among them, everything is rebuilt.
    pub fn rebuild(
        &mut self,
        changed: &[PathBuf],
        pages_ready: PagesReady,
    ) -> Result<Built, Failure> {
        let started = Instant::now();
        let mut timings = Timings::start();
        let patched = !changed.is_empty()
            && self.shown.is_some()
            && self.raw.as_mut().is_some_and(|raw| patch(raw, changed));
        let mut diagnostics = Diagnostics::default();
        if !patched {
            if let Some(why) = output::refuse_target(&self.root, &self.output) {
                return Err(Failure::Other(why));
            }
            let (raw, found) = content::load(&self.root);
            self.raw = Some(raw);
            diagnostics = found;
        }
        timings.lap(t!("lap-load"));
        let Some(raw) = &self.raw else {
            return Err(Failure::Other(t!("build-nothing-loaded")));
        };
        let prepared = prepare_loaded(&self.root, raw, diagnostics, &self.options, timings)?;
        let shown = self.shown.as_ref().filter(|_| patched);
        if let Some(jobs) = shown.and_then(|shown| pages_to_update(shown, &prepared.catalogue)) {
            let staging = Staging::in_place(&self.output);
            let (built, catalogue) = update(staging, prepared, jobs, started, pages_ready)?;
            self.shown = Some(catalogue);
            return Ok(built);
        }
        let targets = Targets {
            output: &self.output,
            cache: &self.cache,
            remove_old_in_background: true,
            // A preview is read on this machine: compressing it would only slow it.
            precompress: false,
        };
        let (built, catalogue) = build::publish(&self.root, &targets, prepared, started)?;
        self.shown = Some(catalogue);
        Ok(built)
    }
}

/// The pages to render again to turn the output of `shown` into that of `next`, if an
/// update in place can: the two differ only in product and producer records, and no
/// photo changed.
pub(super) fn pages_to_update(shown: &Catalogue, next: &Catalogue) -> Option<Vec<EditionPage>> {
    let photos_changed = shown
        .products
        .iter()
        .zip(&next.products)
        .any(|(was, is)| was.photos != is.photos);
    if photos_changed {
        return None;
    }
    let jobs: Vec<PageJob> = affected(shown, next)?;
    Some(pages::in_editions(next, &jobs))
}

/// Render `jobs`, check their links, and write the pages and whole-catalogue files
/// whose bytes changed through `staging`, over a complete earlier build; give back the
/// catalogue it now shows. Nothing is written when a page fails or a link breaks.
pub(super) fn update(
    staging: Staging,
    prepared: Prepared,
    jobs: Vec<EditionPage>,
    started: Instant,
    pages_ready: PagesReady,
) -> Result<(Built, Catalogue), Failure> {
    let Prepared {
        catalogue,
        theme,
        warnings,
        mut timings,
    } = prepared;
    let output = staging.target().to_path_buf();
    let output = output.as_path();
    let renderer = Renderer::new(theme, &catalogue);
    let minifying = AtomicU64::new(0);
    let rendered: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
        .par_iter()
        .map(|&page| render_page(&renderer, page, &minifying))
        .collect();
    let mut diagnostics = Diagnostics::default();
    let mut pages_written = Vec::with_capacity(rendered.len());
    for result in rendered {
        match result {
            Ok(page) => pages_written.push(page),
            Err(error) => diagnostics.push(error),
        }
    }
    timings.lap(t!("lap-render"));
    let broken = output::links::broken_in(&pages_written, output, &catalogue.site);
    broken_links(output, broken).for_each(|d| diagnostics.push(d));
    timings.lap(t!("lap-links"));
    if !diagnostics.is_empty() {
        warnings.into_iter().for_each(|w| diagnostics.push(w));
        return Err(Failure::Content(diagnostics));
    }

    let cannot_write = |e: std::io::Error| {
        Failure::Other(t!(
            "build-cannot-write",
            file = output,
            error = e.to_string()
        ))
    };
    for (file, bytes) in &pages_written {
        staging.write(file, bytes).map_err(cannot_write)?;
    }
    timings.lap(t!("lap-write"));
    let all = pages::all(&catalogue);
    let built = |timings: Timings, warnings: Vec<Diagnostic>| Built {
        pages: all.len(),
        rendered: jobs.len(),
        written: staging.written(),
        products: catalogue.products.len(),
        photos: catalogue.products.iter().map(|p| p.photos.len()).sum(),
        photos_processed: 0,
        timings,
        warnings,
        compressed: None,
        output: output.to_path_buf(),
        elapsed: started.elapsed(),
    };
    // The pages are what the team looks at: show them before the search index.
    pages_ready(&built(timings.clone(), warnings.clone()));
    write_catalogue_files(&renderer, &all, &staging, &mut timings)?;
    let mut built = built(timings, warnings);
    // Nothing is replaced: the previous output is updated.
    staging
        .publish()
        .and_then(|old| old.remove())
        .map_err(|e| {
            Failure::Other(t!(
                "build-cannot-publish",
                output = output,
                error = e.to_string()
            ))
        })?;
    built.timings.lap(t!("lap-publish"));
    drop(renderer);
    Ok((built, catalogue))
}
