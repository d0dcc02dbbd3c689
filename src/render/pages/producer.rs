//! A producer's page: its record and its listed products.

use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::{cards, producer};
use super::super::structured_data;
use super::change::Change;
use super::{Head, Kind};

pub struct Producer;

impl Kind for Producer {
    /// The producer's index.
    type Args = usize;
    const TEMPLATE: &'static str = "producer.html";

    fn all(catalogue: &Catalogue) -> Vec<usize> {
        (0..catalogue.producers.len()).collect()
    }

    fn path(catalogue: &Catalogue, lang: Lang, p: usize) -> String {
        paths::producer(lang, &catalogue.producers[p].id)
    }

    fn context<'a>(ed: Edition<'a>, p: usize, cx: &mut Context) -> Head<'a> {
        let catalogue = ed.catalogue;
        cx.insert("producer", &producer(ed, p, true));
        cx.insert("products", &cards(ed, &catalogue.index.by_producer[p]));
        let record = &catalogue.producers[p];
        Head {
            jsonld: Some(structured_data::producer(ed, record)),
            ..Head::titled(record.name_in(ed.lang).text)
        }
    }

    fn affected(change: &Change) -> Vec<usize> {
        change.producers.iter().copied().collect()
    }
}
