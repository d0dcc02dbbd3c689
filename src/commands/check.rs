//! `ocop check`: validate everything, write nothing.

use crate::cli::SiteArgs;
use crate::diagnostics::Diagnostic;
use crate::model::coverage::Coverage;
use crate::validate::Options;

use super::{build_date, prepare, Failure, Prepared};

pub struct Checked {
    pub warnings: Vec<Diagnostic>,
    pub products: usize,
    pub producers: usize,
    pub pages: usize,
    /// How much each edition after the main one is translated.
    pub translations: Vec<Coverage>,
}

pub fn run(args: &SiteArgs) -> Result<Checked, Failure> {
    let options = Options {
        today: build_date(args.today)?,
        base_url: None,
        // Drafts are checked all the same: validation covers every file.
        drafts: false,
        refuse_placeholders: false,
    };
    let Prepared {
        catalogue,
        warnings,
        ..
    } = prepare(&args.root, &options)?;
    Ok(Checked {
        warnings,
        products: catalogue.products.len(),
        producers: catalogue.producers.len(),
        pages: catalogue.pages.len(),
        translations: (catalogue.site.translations().iter())
            .map(|&lang| Coverage::of(&catalogue, lang))
            .collect(),
    })
}
