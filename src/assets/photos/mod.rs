//! Product photos as the site serves them: resized copies in WebP and JPEG next to
//! each product's page, and a share image for link previews.
//!
//! The camera original is never published: it is large and may carry the GPS
//! coordinates of the producer's home. Processing is cached by content (see
//! [`cache`]), so a rebuild decodes only the photos that changed.

pub mod cache;
pub mod decode;
pub mod process;

use crate::t;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::diagnostics::{relative, Diagnostic};
use crate::domain::product::{PHOTO_WIDTHS, SHARE_SIZE};
use crate::domain::Photo;
use crate::model::Catalogue;
use crate::paths::{self, PhotoFormat};
use crate::sink::Sink;

use cache::{hash_file, Cache, Key};
use process::{encode, shrink, Prepared, JPEG_QUALITY, WEBP_QUALITY};

/// Bump when processing changes in a way the settings below do not show, such as a
/// new resize filter, so that old cache entries are not reused.
const RECIPE_VERSION: u32 = 1;

/// What the photo stage did.
#[derive(Debug, Default)]
pub struct PhotoRun {
    /// Photos decoded and processed in this run.
    pub processed: usize,
    /// Photos whose every output came from the cache.
    pub reused: usize,
    /// Cache entries this build used; everything else may be pruned.
    pub used: HashSet<Key>,
    pub errors: Vec<Diagnostic>,
}

/// One source photo and what must be made of it.
struct Job<'a> {
    slug: &'a str,
    photo: &'a Photo,
    /// Where a copy goes: beside a product's page or a news item's.
    copy_path: fn(&str, &str, u32, PhotoFormat) -> String,
    /// Only a product's cover gets a share image.
    share: bool,
}

/// One cached result a job needs: the copies, or the share image.
struct Need {
    key: Key,
    share: bool,
    entry: Option<PathBuf>,
}

/// Make or reuse every photo's (and news cover's) published files, and copy them into the build.
pub fn write_all(
    catalogue: &Catalogue,
    root: &Path,
    cache: &Cache,
    staging: &dyn Sink,
    progress: &ProgressBar,
) -> PhotoRun {
    let product_photos = catalogue.products.iter().flat_map(|p| {
        p.photos.iter().enumerate().map(|(i, photo)| Job {
            slug: &p.slug,
            photo,
            copy_path: paths::photo,
            share: i == 0,
        })
    });
    // A news cover gets the same copies; the site's share image stays a product's.
    let news_covers = catalogue.news.iter().filter_map(|n| {
        n.cover.as_ref().map(|photo| Job {
            slug: &n.slug,
            photo,
            copy_path: paths::news_photo,
            share: false,
        })
    });
    let jobs: Vec<Job> = product_photos.chain(news_covers).collect();
    let error = |job: &Job, why: String| Diagnostic::new(relative(root, &job.photo.source), why);

    // Hashing is cheap next to decoding: find the work first, so the progress bar
    // counts only photos that really need processing.
    let planned: Vec<Result<Vec<Need>, Diagnostic>> = jobs
        .par_iter()
        .map(|job| plan(job, cache).map_err(|why| error(job, why)))
        .collect();
    let to_process = planned
        .iter()
        .filter(|p| {
            p.as_ref()
                .is_ok_and(|needs| needs.iter().any(|n| n.entry.is_none()))
        })
        .count();
    progress.set_length(to_process as u64);

    let results: Vec<Result<(Vec<Need>, bool), Diagnostic>> = jobs
        .par_iter()
        .zip(planned)
        .map(|(job, needs)| {
            let mut needs = needs?;
            let missing = needs.iter().any(|n| n.entry.is_none());
            if missing {
                fill(job, cache, &mut needs).map_err(|why| error(job, why))?;
                progress.inc(1);
            }
            publish(job, &needs, staging).map_err(|why| error(job, why))?;
            Ok((needs, missing))
        })
        .collect();
    progress.finish_and_clear();

    let mut run = PhotoRun::default();
    for result in results {
        match result {
            Ok((needs, processed)) => {
                if processed {
                    run.processed += 1;
                } else {
                    run.reused += 1;
                }
                run.used.extend(needs.into_iter().map(|n| n.key));
            }
            Err(error) => run.errors.push(error),
        }
    }
    run
}

/// The cache entries a job needs, and which of them exist.
fn plan(job: &Job, cache: &Cache) -> Result<Vec<Need>, String> {
    let hash =
        hash_file(&job.photo.source).map_err(|e| t!("photo-cannot-read", error = e.to_string()))?;
    let copies = format!(
        "copies v{RECIPE_VERSION} widths {PHOTO_WIDTHS:?} webp q{WEBP_QUALITY} jpeg q{JPEG_QUALITY} srgb"
    );
    let share = format!("share v{RECIPE_VERSION} {SHARE_SIZE:?} jpeg q{JPEG_QUALITY} srgb");
    let mut needs = vec![(copies, false)];
    if job.share {
        needs.push((share, true));
    }
    Ok(needs
        .into_iter()
        .map(|(recipe, share)| {
            let key = Key::new(&hash, &recipe);
            let entry = cache.get(&key);
            Need { key, share, entry }
        })
        .collect())
}

/// Decode the photo once and make every missing entry.
fn fill(job: &Job, cache: &Cache, needs: &mut [Need]) -> Result<(), String> {
    let bytes =
        fs::read(&job.photo.source).map_err(|e| t!("photo-cannot-read", error = e.to_string()))?;
    let prepared = Prepared::new(decode::decode(&bytes, &job.photo.source)?);
    drop(bytes);
    // The header read during validation gave the size; the pixels must agree.
    if (prepared.width(), prepared.height()) != (job.photo.width, job.photo.height) {
        return Err(t!("photo-changed"));
    }
    for need in needs.iter_mut().filter(|n| n.entry.is_none()) {
        let files = if need.share {
            share_files(job.photo, &prepared)?
        } else {
            copy_files(job.photo, &prepared)?
        };
        let entry = cache
            .put(&need.key, &files)
            .map_err(|e| t!("photo-cannot-cache", error = e.to_string()))?;
        need.entry = Some(entry);
    }
    Ok(())
}

fn copy_files(photo: &Photo, prepared: &Prepared) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    let widths = photo.widths();
    let (largest, smaller) = widths.split_last().ok_or("photo has no size")?;
    let (w, h) = photo.scaled(*largest);
    let large = prepared.resize(w, h)?;
    for &width in smaller.iter().chain([largest]) {
        let resized = if width == *largest {
            None
        } else {
            let (w, h) = photo.scaled(width);
            Some(shrink(&large, w, h)?)
        };
        let image = resized.as_ref().unwrap_or(&large);
        for format in PhotoFormat::ALL {
            files.push((copy_name(width, format), encode(image, format)?.bytes));
        }
    }
    Ok(files)
}

fn share_files(photo: &Photo, prepared: &Prepared) -> Result<Vec<(String, Vec<u8>)>, String> {
    let (w, h) = photo.share_size();
    let image = encode(&prepared.resize(w, h)?, PhotoFormat::Jpeg)?;
    Ok(vec![(SHARE_NAME.to_owned(), image.bytes)])
}

const SHARE_NAME: &str = "share.jpg";

fn copy_name(width: u32, format: PhotoFormat) -> String {
    format!("{width}.{}", format.extension())
}

/// Link or copy a job's cached files to their places in the build.
fn publish(job: &Job, needs: &[Need], staging: &dyn Sink) -> Result<(), String> {
    let place = |entry: &Path, name: &str, target: &str| {
        staging
            .link(target, &entry.join(name))
            .map_err(|e| t!("photo-cannot-write", file = target, error = e.to_string()))
    };
    for need in needs {
        let entry = need.entry.as_deref().ok_or("photo was not processed")?;
        if need.share {
            place(entry, SHARE_NAME, &paths::share_image(job.slug))?;
            continue;
        }
        for width in job.photo.widths() {
            for format in PhotoFormat::ALL {
                let target = (job.copy_path)(job.slug, &job.photo.stem, width, format);
                place(entry, &copy_name(width, format), &target)?;
            }
        }
    }
    Ok(())
}
