//! Command-line interface definitions.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::domain::Lang;

/// Build a fast catalogue website of a province's OCOP products
/// ("Mỗi xã một sản phẩm") from YAML records and photos.
#[derive(Debug, Parser)]
#[command(
    name = "ocop",
    version,
    after_help = "Examples:\n  ocop init ocop-ha-giang --province \"Hà Giang\"\n                             start a new site in the folder ocop-ha-giang\n  ocop serve                 preview the site in content/ at http://127.0.0.1:8000/\n  ocop check                 report every problem in the content\n  ocop build --today 2025-01-01   build as of a given date\n  ocop new product lap-suon-hoa-an --producer htx-dong-tam\n                             start a product file with every field explained\n  ocop import danh-sach.csv --dry-run\n                             show the files a spreadsheet would create"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages: vi or en [default: $OCOP_LANG, else the site's first
    /// language, else vi]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["vi", "en"])]
    pub lang: Option<String>,
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
        #[command(flatten)]
        drafts: DraftArgs,
        #[command(flatten)]
        timings: TimingsArgs,
        /// Also write a `.gz` and a `.br` copy beside each text file (HTML, CSS, JS,
        /// JSON, CSV, XML, SVG, TXT) where it pays, for nginx's gzip_static and
        /// brotli_static (deploy/nginx.conf)
        #[arg(long)]
        precompress: bool,
    },
    /// Check every content file and report all problems; writes nothing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Print every warning: without it, a warning repeated on many files is printed
        /// five times, then counted
        #[arg(long, short)]
        verbose: bool,
    },
    /// Build and serve a preview on 127.0.0.1, rebuilding whenever content/ or themes/
    /// change; open pages reload themselves, and show any errors over the page.
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
        #[command(flatten)]
        drafts: DraftArgs,
        #[command(flatten)]
        timings: TimingsArgs,
    },
    /// Start a new site in a folder: content files with every key explained in
    /// Vietnamese, editor settings, and files to publish it on GitHub Pages, GitLab
    /// Pages or nginx. It builds at once, with empty listings.
    #[command(
        after_help = "Examples:\n  ocop init ocop-ha-giang --province \"Hà Giang\"\n  ocop init . --province \"Hà Giang\" --languages vi,en\n\nDIR must be new or empty (a folder holding only .git counts as empty). With --force\nthe files are written over those already there; nothing else is changed or deleted."
    )]
    Init {
        /// The folder to create the site in
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// The province's name, as the site shows it [default: a placeholder to replace]
        #[arg(long, value_name = "NAME")]
        province: Option<String>,
        /// The site's languages, Vietnamese first: `vi`, or `vi,en` to add an English edition
        #[arg(long, value_name = "LANGS", default_value = "vi", value_parser = parse_languages)]
        languages: Languages,
        /// Write the files over those already in DIR
        #[arg(long)]
        force: bool,
    },
    /// Create a content file with every field, commented in Vietnamese; never replaces one.
    #[command(
        subcommand,
        after_help = "Examples:\n  ocop new producer htx-dong-tam --name \"HTX Nông sản Đồng Tâm\"\n  ocop new product hat-de-trung-khanh --producer htx-dong-tam\n  ocop new news hoi-cho-ocop-2025 --title \"Hội chợ OCOP 2025\"\n\nThe file passes `ocop check` as written: replace the values marked \"cần sửa\"."
    )]
    New(NewCommand),
    /// Write JSON Schemas of product.yaml, the producer files and site.yaml, so that
    /// editors complete keys and underline mistakes.
    #[command(
        after_help = "Examples:\n  ocop schema                      write schema/*.schema.json under the site root\n  ocop schema --output .vscode/ocop\n\nThe files are replaced on every run. It prints the `yaml.schemas` setting for VS Code's\nYAML extension (redhat.vscode-yaml) that maps them to the content files."
    )]
    Schema {
        /// The site's root folder, holding content/
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Where to write the schemas [default: <root>/schema]
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Create the product and producer files a spreadsheet lists: an Excel or
    /// LibreOffice workbook, or a CSV file.
    #[command(
        after_help = "Examples:\n  ocop import danh-sach-ocop.xlsx --dry-run  print the files it would write, write nothing\n  ocop import danh-sach-ocop.xlsx            create the files that do not exist yet\n  ocop import danh-sach-ocop.xlsx --sheet \"Năm 2024\"   read that sheet, not the first\n  ocop import danh-sach-ocop.csv --force     also replace the files that exist\n\nOne row per product; the README lists the columns. Every row is checked first, with the\nsame rules as `ocop check`: if any row is wrong, each problem is reported as\n`file.csv:LINE: error: ...` (or `file.xlsx:Sheet1!D7: error: ...`) and nothing is written."
    )]
    Import {
        /// The spreadsheet: .xlsx, .xlsm, .xlsb, .xls or .ods; any other name is read as
        /// CSV (UTF-8, with or without a byte-order mark, comma- or semicolon-separated)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The workbook's sheet to read [default: the first]
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        #[command(flatten)]
        site: SiteArgs,
        /// Print what would be written; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Replace files that already exist instead of leaving them as they are
        #[arg(long)]
        force: bool,
    },
    /// The site's theme. Without a themes/ folder a site uses the built-in one; a file
    /// under themes/default/ replaces the built-in file of the same name.
    #[command(
        subcommand,
        after_help = "Examples:\n  ocop theme eject           copy the built-in theme to themes/default/\n  ocop theme eject --force   bring its files back to the built-in ones\n\nTo change one file only, such as the footer, create just that file:\n  themes/default/templates/partials/footer.html"
    )]
    Theme(ThemeCommand),
}

/// What `ocop theme` does.
#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Copy the built-in theme to themes/default/, to change more of it than a few
    /// overriding files would; the site then uses the copy
    Eject {
        /// The site's root folder, holding content/
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Replace the files of an existing themes/default/ that the built-in theme has
        /// (others are kept)
        #[arg(long)]
        force: bool,
    },
}

/// What `ocop new` creates.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// content/products/<SLUG>/product.yaml
    Product {
        /// The product's slug, its address: lowercase ASCII, such as `lap-suon-hoa-an`
        slug: String,
        /// The producer's id: a file name in content/producers/ without `.yaml`
        #[arg(long, value_name = "ID")]
        producer: String,
        /// The product's name [default: a placeholder to replace]
        #[arg(long, value_name = "TEXT")]
        name: Option<String>,
        /// The site's root folder, holding content/
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// The certificate date written into the file, as YYYY-MM-DD
        /// [default: $SOURCE_DATE_EPOCH, else today]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
    },
    /// content/producers/<ID>.yaml
    Producer {
        /// The producer's id, used by products: lowercase ASCII, such as `htx-dong-tam`
        id: String,
        /// The producer's name [default: a placeholder to replace]
        #[arg(long, value_name = "TEXT")]
        name: Option<String>,
        /// The site's root folder, holding content/
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
    /// content/news/<SLUG>.md, a draft
    News {
        /// The news item's slug, its address: lowercase ASCII, such as `hoi-cho-ocop-2025`
        slug: String,
        /// The title [default: a placeholder to replace]
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// The site's root folder, holding content/
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// The publication date written into the file, as YYYY-MM-DD
        /// [default: $SOURCE_DATE_EPOCH, else today]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
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
pub struct TimingsArgs {
    /// Print the time each phase of the build took (with `serve`, of every build)
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// Also publish news marked `draft: true` or dated after the build date, to
    /// preview them
    #[arg(long)]
    pub drafts: bool,
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

/// The editions `--lang` asks for, Vietnamese first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages(pub Vec<Lang>);

fn parse_languages(text: &str) -> Result<Languages, String> {
    crate::scaffold::site::parse_languages(text).map(Languages)
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2024-06-30"))
}
