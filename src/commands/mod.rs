//! The subcommands, each a short function over the pipeline's stages.

pub mod build;
pub mod check;
pub mod import;
pub mod incremental;
pub mod init;
pub mod manifest;
pub mod new;
pub mod schema;
pub mod serve;
pub mod theme;
pub mod timings;

use crate::t;
use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Catalogue;
use crate::render::{self, Theme};
use crate::validate::Options;
use crate::{content, validate};

/// Why a command did not finish.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the content or theme: exit code 1.
    Content(Diagnostics),
    /// Anything else, such as a file system error: exit code 1.
    Other(String),
}

impl Failure {
    /// What to print, a line each: every diagnostic in order, then a summary that
    /// ends with `nothing_done` ("nothing was published").
    pub fn lines(self, nothing_done: &str) -> Vec<String> {
        match self {
            Failure::Content(diagnostics) => {
                let count = diagnostics.error_count();
                let mut lines: Vec<String> = diagnostics
                    .into_sorted()
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                lines.push(t!("problems-found", count = count, outcome = nothing_done));
                lines
            }
            Failure::Other(message) => vec![t!("failure", message = message)],
        }
    }
}

/// The build date: `--today`, else `SOURCE_DATE_EPOCH` (for reproducible builds),
/// else the local clock.
pub fn build_date(today: Option<NaiveDate>) -> Result<NaiveDate, Failure> {
    if let Some(today) = today {
        return Ok(today);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => epoch
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
            .map(|t| t.date_naive())
            .ok_or_else(|| Failure::Other(t!("source-date-epoch", epoch = &epoch))),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

/// An error unless `root` holds a `content/` folder: commands that write content
/// files must not start a site in the wrong folder.
pub fn require_content(root: &Path) -> Result<(), Failure> {
    if root.join("content").is_dir() {
        return Ok(());
    }
    Err(Failure::Other(t!("no-content-folder-in", root = root)))
}

/// What the stages up to rendering produce.
pub struct Prepared {
    pub catalogue: Catalogue,
    pub theme: Theme,
    /// Printed, but they do not stop the build.
    pub warnings: Vec<Diagnostic>,
    pub timings: timings::Timings,
}

/// Load, validate and load the theme: everything up to rendering. Reports the
/// problems of all three in one go.
pub fn prepare(root: &Path, options: &Options) -> Result<Prepared, Failure> {
    let mut timings = timings::Timings::start();
    let (raw, diagnostics) = content::load(root);
    timings.lap(t!("lap-load"));
    prepare_loaded(root, &raw, diagnostics, options, timings)
}

/// `prepare` for content already loaded, with the problems found loading it.
pub fn prepare_loaded(
    root: &Path,
    raw: &content::RawContent,
    mut diagnostics: Diagnostics,
    options: &Options,
    mut timings: timings::Timings,
) -> Result<Prepared, Failure> {
    let (validated, found) = validate::validate(raw, options);
    let catalogue = validated.map(Catalogue::from_validated);
    diagnostics.extend(found);
    timings.lap(t!("lap-validate"));
    let theme_name = raw
        .site
        .as_ref()
        .map_or("default", |s| s.record.theme.as_str());
    let theme = render::theme::load(root, theme_name)
        .map_err(|d| diagnostics.push(d))
        .ok();
    // The strings follow the languages of a valid site.yaml, else the main one.
    let languages = catalogue
        .as_ref()
        .map_or(&[crate::domain::Lang::Vi][..], |c| &c.site.languages);
    let theme = theme.and_then(|theme| {
        theme
            .with_strings(languages)
            .map_err(|errors| errors.into_iter().for_each(|d| diagnostics.push(d)))
            .ok()
    });
    timings.lap(t!("lap-theme"));
    match (catalogue, theme) {
        (Some(catalogue), Some(theme)) if !diagnostics.has_errors() => Ok(Prepared {
            catalogue,
            theme,
            warnings: diagnostics.take_warnings(),
            timings,
        }),
        _ => Err(Failure::Content(diagnostics)),
    }
}
