//! The producer directory, `/chu-the/`: every producer, grouped by district.

use serde::Serialize;
use tera::Context;

use crate::domain::Lang;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths;

use super::super::context::{district_ref, producer, ProducerView, Ref};
use super::change::Change;
use super::{Head, Kind};

pub struct Producers;

#[derive(Serialize)]
struct ProducerGroup<'a> {
    district: Ref<'a>,
    producers: Vec<ProducerView<'a>>,
}

impl Kind for Producers {
    type Args = ();
    const TEMPLATE: &'static str = "producers.html";

    fn all(_: &Catalogue) -> Vec<()> {
        vec![()]
    }

    fn path(_: &Catalogue, lang: Lang, (): ()) -> String {
        paths::producers(lang)
    }

    fn context<'a>(ed: Edition<'a>, (): (), cx: &mut Context) -> Head<'a> {
        let catalogue = ed.catalogue;
        let groups: Vec<ProducerGroup> = (catalogue.index.producers_by_district.iter())
            .enumerate()
            .map(|(d, ids)| ProducerGroup {
                district: district_ref(ed, d),
                producers: ids.iter().map(|&p| producer(ed, p, false)).collect(),
            })
            .filter(|g| !g.producers.is_empty())
            .collect();
        cx.insert("groups", &groups);
        cx.insert("total", &catalogue.producers.len());
        Head::titled(ed.t("title_producers"))
    }

    /// Product counts of every producer.
    fn affected(_: &Change) -> Vec<()> {
        vec![()]
    }
}
