//! `ocop build`: the whole pipeline, published atomically.

use crate::t;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use indicatif::{ProgressBar, ProgressStyle};

use crate::assets::photos::cache::Cache;
use crate::content::{self, RawContent};
use crate::diagnostics::{warning_lines, Diagnostic, Diagnostics};
use crate::model::Catalogue;
use crate::output::precompress::{self, Compressed};
use crate::output::{self, Staging};
use crate::render::{self, pages, EditionPage, Renderer};
use crate::validate::{self, Options};
use crate::{assets, paths};

use super::manifest::{self, Inputs};
use super::timings::Timings;
use super::{incremental, prepare_loaded, Failure, Prepared};

pub struct Built {
    pub pages: usize,
    /// Pages rendered by this build: fewer than `pages` when `ocop serve` updated only
    /// what an edit changed.
    pub rendered: usize,
    /// Files written; an update in place leaves files with the same bytes alone.
    pub written: usize,
    pub products: usize,
    pub photos: usize,
    /// Photos decoded in this build; the rest came from the cache.
    pub photos_processed: usize,
    pub timings: Timings,
    pub warnings: Vec<Diagnostic>,
    /// What `--precompress` wrote.
    pub compressed: Option<Compressed>,
    pub output: PathBuf,
    pub elapsed: Duration,
}

impl Built {
    /// The warnings, sorted, then the summary line.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = warning_lines(&self.warnings, false);
        if self.rendered < self.pages {
            lines.push(t!(
                "built-updated",
                rendered = self.rendered,
                pages = self.pages,
                written = self.written,
                seconds = format!("{:.3}", self.elapsed.as_secs_f64()),
                output = self.output.as_path()
            ));
            return lines;
        }
        lines.push(t!(
            "built",
            pages = self.pages,
            products = self.products,
            photos = self.photos,
            processed = self.photos_processed,
            cached = self.photos - self.photos_processed,
            seconds = format!("{:.2}", self.elapsed.as_secs_f64()),
            output = self.output.as_path()
        ));
        if let Some(c) = self.compressed {
            lines.push(t!(
                "built-precompressed",
                files = c.files,
                gzip = c.gzip,
                brotli = c.brotli,
                skipped = c.skipped
            ));
        }
        lines
    }
}

/// Write the files made from the whole catalogue: the sitemap of `jobs`, the news
/// feed, the data downloads and the search index.
pub(super) fn write_catalogue_files(
    renderer: &Renderer,
    jobs: &[EditionPage],
    staging: &Staging,
    timings: &mut Timings,
) -> Result<(), Failure> {
    let catalogue = renderer.catalogue();
    let base = &catalogue.site.base_url;
    let entries = render::sitemap::entries(catalogue, jobs);
    let mut files =
        render::sitemap::files(base, &entries, render::sitemap::MAX_URLS, catalogue.today);
    files.push((
        paths::ROBOTS.into(),
        "robots.txt",
        render::sitemap::robots_context(base),
    ));
    // Empty when there is no news: every page links to it.
    files.push((
        paths::NEWS_FEED.into(),
        "atom.xml",
        render::feed::context(catalogue),
    ));
    for (path, template, context) in files {
        let text = renderer
            .render_file(template, &context)
            .map_err(|e| Failure::Content(e.into()))?;
        staging.write(&path, text.as_bytes()).map_err(|e| {
            Failure::Other(t!(
                "build-cannot-write",
                file = path.as_str(),
                error = e.to_string()
            ))
        })?;
    }
    assets::write_data(renderer.main_edition(), staging)
        .map_err(|e| Failure::Other(t!("build-cannot-write-data", error = e.to_string())))?;
    timings.lap(t!("lap-catalogue-files"));
    for edition in renderer.editions() {
        assets::search::write(edition, staging)
            .map_err(|e| Failure::Other(t!("build-cannot-write-search", error = e.to_string())))?;
    }
    timings.lap(t!("lap-search"));
    Ok(())
}

/// One page rendered and minified: the file it goes to, and its bytes. The time spent
/// minifying is added to `minifying`, in nanoseconds.
pub(super) fn render_page(
    renderer: &Renderer,
    (lang, job): EditionPage,
    minifying: &AtomicU64,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let html = renderer.render((lang, job))?;
    let file = paths::file_for(&job.path(renderer.catalogue(), lang));
    let started = Instant::now();
    let minified = output::minify(&html);
    minifying.fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
    Ok((file, minified))
}

/// The broken links of pages in `output`, as (page, why), as diagnostics.
pub(super) fn broken_links(
    output: &Path,
    broken: Vec<(String, String)>,
) -> impl Iterator<Item = Diagnostic> + '_ {
    (broken.into_iter())
        .map(|(page, why)| Diagnostic::new(output.join(page), t!("build-broken-link", why = why)))
}

/// Where a build writes.
pub struct Targets<'a> {
    /// The site, replaced only when the build succeeds.
    pub output: &'a Path,
    /// Processed photos kept between builds.
    pub cache: &'a Path,
    /// Whether to delete the previous site on another thread instead of waiting: for
    /// a long-running process only.
    pub remove_old_in_background: bool,
    /// Whether to write `.gz` and `.br` copies of the text files (`--precompress`).
    pub precompress: bool,
}

pub fn run(root: &Path, targets: &Targets, options: &Options) -> Result<Built, Failure> {
    let started = Instant::now();
    if let Some(why) = output::refuse_target(root, targets.output) {
        return Err(Failure::Other(why));
    }
    let mut timings = Timings::start();
    let (raw, diagnostics) = content::load(root);
    timings.lap(t!("lap-load"));
    // With `--precompress` every build is a full one: an update in place would have to
    // compress the files it changes again.
    let inputs = (!targets.precompress)
        .then(|| Inputs::of(&raw, options, targets.output))
        .flatten();
    timings.lap(t!("lap-manifest"));
    // Problems in the content stop the build before anything is written.
    let mut prepared = prepare_loaded(root, &raw, diagnostics, options, timings)?;
    let built = match update_in_place(&raw, &mut prepared, inputs.as_ref(), targets, options) {
        Some(jobs) => {
            manifest::forget(targets.cache).map_err(cannot_remember)?;
            // The changed files are written beside the output and moved in at the end.
            let staging = Staging::overlay(targets.output)
                .map_err(|e| Failure::Other(t!("build-cannot-stage", error = e.to_string())))?;
            incremental::update(staging, prepared, jobs, started, &mut |_| {})?.0
        }
        None => publish(root, targets, prepared, started)?.0,
    };
    if let Some(inputs) = inputs {
        inputs
            .save(targets.cache, targets.output)
            .map_err(cannot_remember)?;
    }
    Ok(built)
}

/// The pages to render again to update the output in place to `prepared`, when the
/// previous build, as the cache remembers it, differs only in product and producer
/// records, in ways that leave the other pages as they are.
fn update_in_place(
    raw: &RawContent,
    prepared: &mut Prepared,
    inputs: Option<&Inputs>,
    targets: &Targets,
    options: &Options,
) -> Option<Vec<EditionPage>> {
    let texts = inputs?.previous(targets.cache)?;
    let earlier = content::patch::with_sources(raw, &texts)?;
    let (validated, _) = validate::validate(&earlier, options);
    let previous = Catalogue::from_validated(validated?);
    let jobs = incremental::pages_to_update(&previous, &prepared.catalogue);
    prepared.timings.lap(t!("lap-previous"));
    jobs
}

fn cannot_remember(error: std::io::Error) -> Failure {
    Failure::Other(t!("build-cannot-remember", error = error.to_string()))
}

/// Build every page and file of a prepared catalogue and publish them, giving the
/// catalogue back so that `ocop serve` can compare the next edit with it.
pub fn publish(
    root: &Path,
    targets: &Targets,
    prepared: Prepared,
    started: Instant,
) -> Result<(Built, Catalogue), Failure> {
    let output = targets.output;
    let Prepared {
        catalogue,
        theme,
        warnings,
        timings: prepared,
    } = prepared;
    let mut timings = Timings::start();
    timings.extend(prepared);
    let staging = Staging::new(output)
        .map_err(|e| Failure::Other(t!("build-cannot-stage", error = e.to_string())))?;
    let static_files = theme.static_files.clone();
    let renderer = Renderer::new(theme, &catalogue);

    let jobs = pages::all(&catalogue);
    let mut diagnostics = Diagnostics::default();
    // Each page's links are read as it is rendered, not read back from disk.
    let links = output::links::Checker::new(
        &catalogue.site,
        (jobs.iter()).map(|(lang, job)| paths::file_for(&job.path(&catalogue, *lang))),
    );
    // Summed over threads: pages are rendered, minified and written in parallel.
    let minifying = AtomicU64::new(0);
    let page_errors: Vec<_> = jobs
        .par_iter()
        .filter_map(|&page| {
            let (file, minified) = match render_page(&renderer, page, &minifying) {
                Ok(rendered) => rendered,
                Err(error) => return Some(error),
            };
            links.scan(&file, &minified);
            staging.write(&file, &minified).err().map(|e| {
                Diagnostic::new(
                    output.join(&file),
                    t!("build-cannot-write-page", error = e.to_string()),
                )
            })
        })
        .collect();
    page_errors.into_iter().for_each(|e| diagnostics.push(e));
    timings.lap(t!("lap-render-write"));
    timings.add(
        t!("lap-minify"),
        Duration::from_nanos(minifying.into_inner()),
    );

    let photo_cache = Cache::new(targets.cache.join("photos"));
    let progress = ProgressBar::new(0).with_style(
        ProgressStyle::with_template(&t!("build-progress-template"))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    progress.set_message(t!("build-progress-photos"));
    let mut photos = assets::photos::write_all(&catalogue, root, &photo_cache, &staging, &progress);
    std::mem::take(&mut photos.errors)
        .into_iter()
        .for_each(|e| diagnostics.push(e));
    timings.lap(t!("lap-photos"));
    if let Err(error) = assets::copy_static(&static_files, &staging) {
        diagnostics.push(error);
    }
    // `/admin/`, only when site.yaml names the Git host the editor saves to.
    for (path, bytes) in crate::editor::published_files(&catalogue.site, root) {
        if let Err(e) = staging.write(&path, &bytes) {
            diagnostics.push(Diagnostic::new(
                output.join(&path),
                t!("build-cannot-write-page", error = e.to_string()),
            ));
        }
    }
    timings.lap(t!("lap-static"));
    write_catalogue_files(&renderer, &jobs, &staging, &mut timings)?;

    // Only a complete build can be checked: links point at pages, photos and data.
    if diagnostics.is_empty() {
        broken_links(output, links.finish(staging.path())).for_each(|d| diagnostics.push(d));
        timings.lap(t!("lap-links"));
    }
    if !diagnostics.is_empty() {
        warnings.into_iter().for_each(|w| diagnostics.push(w));
        // Dropping the staging folder deletes it; the published site stays as it was.
        return Err(Failure::Content(diagnostics));
    }
    // After the link check, which reads the pages, not their copies.
    let compressed = match targets.precompress {
        true => Some(
            precompress::precompress(staging.path())
                .map_err(|e| Failure::Other(t!("build-cannot-compress", error = e.to_string())))?,
        ),
        false => None,
    };
    timings.lap(t!("lap-precompress"));
    let written = staging.written();
    let replaced = staging.publish().map_err(|e| {
        Failure::Other(t!(
            "build-cannot-publish",
            output = output,
            error = e.to_string()
        ))
    })?;
    timings.lap(t!("lap-publish"));
    if targets.remove_old_in_background {
        std::thread::spawn(move || replaced.remove());
    } else {
        replaced.remove().map_err(|e| {
            Failure::Other(t!("build-cannot-delete-previous", error = e.to_string()))
        })?;
    }
    timings.lap(t!("lap-delete-previous"));
    // Only after success: a failed build must not cost the next one its cache. A
    // cache that cannot be pruned only wastes disk, so that is not an error.
    let _ = photo_cache.prune(&photos.used);
    timings.lap(t!("lap-prune"));
    let built = Built {
        pages: jobs.len(),
        rendered: jobs.len(),
        written,
        products: catalogue.products.len(),
        photos: photos.processed + photos.reused,
        photos_processed: photos.processed,
        timings,
        warnings,
        compressed,
        output: output.to_path_buf(),
        elapsed: started.elapsed(),
    };
    Ok((built, catalogue))
}
