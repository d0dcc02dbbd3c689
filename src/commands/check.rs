//! `ocop check`: validate everything, write nothing.

use crate::cli::SiteArgs;
use crate::validate::Options;

use super::{build_date, prepare, Failure};

pub struct Checked {
    pub products: usize,
    pub producers: usize,
    pub pages: usize,
}

pub fn run(args: &SiteArgs) -> Result<Checked, Failure> {
    let options = Options {
        today: build_date(args.today)?,
        base_url: None,
    };
    let (catalogue, _theme) = prepare(&args.root, &options)?;
    Ok(Checked {
        products: catalogue.products.len(),
        producers: catalogue.producers.len(),
        pages: catalogue.pages.len(),
    })
}
