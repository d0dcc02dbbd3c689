//! Command-line interface definitions.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

/// Build a fast catalogue website of a province's OCOP products
/// ("Mỗi xã một sản phẩm") from YAML records and photos.
#[derive(Debug, Parser)]
#[command(
    name = "ocop",
    version,
    after_help = "Examples:\n  ocop serve                 preview the site in content/ at http://127.0.0.1:8000/\n  ocop check                 report every problem in the content\n  ocop build --today 2025-01-01   build as of a given date"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced only if the build succeeds).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: <root>/public]
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Override `base_url` from site.yaml, e.g. for a staging server
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        #[command(flatten)]
        cache: CacheArgs,
    },
    /// Check every content file and report all problems; writes nothing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Build, then serve the site on 127.0.0.1 for preview.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on
        #[arg(long, short, default_value_t = 8000)]
        port: u16,
        /// Where to write the preview [default: <root>/.ocop-cache/preview]
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[command(flatten)]
        cache: CacheArgs,
    },
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's root folder, holding content/ and themes/
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// The date certificates are checked against, as YYYY-MM-DD
    /// [default: $SOURCE_DATE_EPOCH, else today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct CacheArgs {
    /// Where processed photos are kept between builds, so unchanged photos are not
    /// processed again [default: <root>/.ocop-cache]
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

impl CacheArgs {
    pub fn dir(&self, site: &SiteArgs) -> PathBuf {
        self.cache_dir
            .clone()
            .unwrap_or_else(|| site.root.join(".ocop-cache"))
    }
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2024-06-30"))
}
