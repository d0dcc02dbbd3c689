//! `ocop build`: the whole pipeline, published atomically.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostics::Diagnostics;
use crate::output::{self, Staging};
use crate::render::{pages, Renderer};
use crate::validate::Options;
use crate::{assets, paths};

use super::{prepare, Failure};

pub struct Built {
    pub pages: usize,
    pub products: usize,
    pub photos: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
}

pub fn run(root: &Path, output: &Path, options: &Options) -> Result<Built, Failure> {
    let started = Instant::now();
    if let Some(why) = output::refuse_target(root, output) {
        return Err(Failure::Other(why));
    }
    let (catalogue, theme) = prepare(root, options)?;
    let staging = Staging::new(output)
        .map_err(|e| Failure::Other(format!("cannot create a build folder: {e}")))?;
    let static_dir = theme.static_dir.clone();
    let renderer = Renderer::new(theme, &catalogue);

    let jobs = pages::all(&catalogue);
    let mut diagnostics = Diagnostics::default();
    let page_errors: Vec<_> = jobs
        .par_iter()
        .filter_map(|&job| {
            let html = match renderer.render(job) {
                Ok(html) => html,
                Err(error) => return Some(error),
            };
            let file = paths::file_for(&job.path(&catalogue));
            staging.write(&file, &output::minify(&html)).err().map(|e| {
                crate::diagnostics::Diagnostic::new(
                    output.join(&file),
                    format!("cannot write: {e}"),
                )
            })
        })
        .collect();
    page_errors.into_iter().for_each(|e| diagnostics.push(e));

    assets::photos::write_all(&catalogue, root, &staging)
        .into_iter()
        .for_each(|e| diagnostics.push(e));
    if let Err(error) = assets::copy_static(root, &static_dir, &staging) {
        diagnostics.push(error);
    }
    assets::write_data(&catalogue, &staging)
        .map_err(|e| Failure::Other(format!("cannot write data files: {e}")))?;
    assets::search::write(&catalogue, &staging)
        .map_err(|e| Failure::Other(format!("cannot write the search index: {e}")))?;

    if !diagnostics.is_empty() {
        // Dropping the staging folder deletes it; the published site stays as it was.
        return Err(Failure::Content(diagnostics));
    }
    staging
        .publish()
        .map_err(|e| Failure::Other(format!("cannot publish to {}: {e}", output.display())))?;
    Ok(Built {
        pages: jobs.len(),
        products: catalogue.products.len(),
        photos: catalogue.products.iter().map(|p| p.photos.len()).sum(),
        output: output.to_path_buf(),
        elapsed: started.elapsed(),
    })
}
