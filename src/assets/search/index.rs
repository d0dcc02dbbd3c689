//! The search index as data: one record per product, expired ones included, and per
//! producer; the folded vocabulary, and for every word the records and places it
//! occurs in; and the decision and certificate numbers, each as one key. `files` turns
//! this into files; nothing here knows about JSON.

use std::collections::BTreeMap;

use crate::domain::Lang;

use crate::model::{sort_key, Catalogue};
use crate::paths;

use super::normalize::{code_keys, words, Word};

/// The product fields with postings. District, category and subcategory are not
/// among them: their names are facet labels, which the browser matches itself, so
/// that "huyện" or "thực phẩm" do not cost a posting for nearly every product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name = 0,
    Producer = 1,
    Tags = 2,
    Summary = 3,
}

pub const FIELDS: u32 = 4;

/// What a product result shows; its stars, district and status are facet values.
pub struct Doc {
    /// Index in the catalogue's products.
    pub product: usize,
    pub url: String,
    pub name: String,
    pub producer: String,
}

/// What a producer result shows. Producers are numbered after the products in the
/// postings: producer `k` is record `docs.len() + k`.
pub struct ProducerDoc {
    /// Index in the catalogue's producers.
    pub producer: usize,
    pub url: String,
    pub name: String,
    /// How many listed (not expired) products it has.
    pub products: usize,
}

/// One place a word occurs: which product, which field, which word of the field, and
/// which written form (an index into the word's `variants`).
#[derive(Debug, Clone, Copy)]
pub struct Occurrence {
    pub doc: u32,
    pub field: Field,
    pub position: u32,
    pub variant: u32,
}

/// Everything known about one folded word.
#[derive(Default)]
pub struct Entry {
    /// The written forms met, in order of first appearance: "hòa", "hoà", "họa".
    pub variants: Vec<String>,
    /// In document order, then field and position order.
    pub occurrences: Vec<Occurrence>,
}

pub struct Index {
    /// By district, then by folded name as the listings are, expired products after
    /// the listed ones. Equal scores keep this order, and so does browsing by facets
    /// alone.
    pub docs: Vec<Doc>,
    /// By district, then as the directory lists them.
    pub producers: Vec<ProducerDoc>,
    /// Number key (see `normalize::code_keys`) → the products whose decisions or
    /// certificate carry it, in product order.
    pub codes: BTreeMap<String, Vec<u32>>,
    /// Folded word → entry, sorted by word. Words of facet labels are included with
    /// no occurrences, so that the browser knows they exist.
    pub words: BTreeMap<String, Entry>,
}

/// The index of every product and producer in the edition of `lang`. Expired
/// products are in it, for the archive; the browser leaves them out unless asked.
pub fn build(catalogue: &Catalogue, lang: Lang) -> Index {
    let mut index = Index {
        docs: Vec::with_capacity(catalogue.products.len()),
        producers: Vec::with_capacity(catalogue.producers.len()),
        codes: BTreeMap::new(),
        words: BTreeMap::new(),
    };
    // By district, then in listing order: each district is then one run of products,
    // which index.json stores as where it starts rather than a value per product.
    let mut expired: Vec<usize> = (0..catalogue.products.len())
        .filter(|&i| !catalogue.products[i].is_listed())
        .collect();
    expired.sort_by_cached_key(|&i| {
        let product = &catalogue.products[i];
        (sort_key(&product.name), product.slug.clone())
    });
    let mut order = catalogue.index.listed.clone();
    order.extend(expired);
    order.sort_by_key(|&i| catalogue.products[i].district);
    for (doc, &i) in order.iter().enumerate() {
        let doc = u32::try_from(doc).unwrap_or(u32::MAX);
        index.add_product(catalogue, lang, doc, i);
    }
    let producers = catalogue.index.producers_by_district.iter().flatten();
    for (k, &p) in producers.enumerate() {
        let doc = u32::try_from(order.len() + k).unwrap_or(u32::MAX);
        index.add_producer(catalogue, lang, doc, p);
    }
    let labels = (catalogue.districts.iter())
        .map(|d| d.name_in(lang).text)
        .chain(catalogue.categories.iter().flat_map(|c| {
            std::iter::once(c.name_in(lang).text)
                .chain(c.subcategories.iter().map(move |s| s.name_in(lang).text))
        }));
    for label in labels {
        for word in words(label) {
            index.words.entry(word.key).or_default();
        }
    }
    index
}

impl Index {
    fn add_product(&mut self, catalogue: &Catalogue, lang: Lang, doc: u32, i: usize) {
        let product = &catalogue.products[i];
        let producer = &catalogue.producers[product.producer];
        let name = product.name_in(lang);
        let producer_name = producer.name_in(lang);
        self.docs.push(Doc {
            product: i,
            url: catalogue.site.link(&paths::product(lang, &product.slug)),
            name: name.text.to_owned(),
            producer: producer_name.text.to_owned(),
        });
        let numbers = [
            Some(&product.certificate.decision),
            product.certificate.number.as_ref(),
        ];
        let history = product.history.iter().map(|r| Some(&r.decision));
        for number in numbers.into_iter().chain(history).flatten() {
            for key in code_keys(number) {
                let docs = self.codes.entry(key).or_default();
                if docs.last() != Some(&doc) {
                    docs.push(doc);
                }
            }
        }
        // A translated name keeps the Vietnamese one searchable after it, a position
        // apart: buyers abroad also type the names on the packaging.
        for (field, text, original) in [
            (Field::Name, name.text, product.name.as_str()),
            (Field::Producer, producer_name.text, producer.name()),
        ] {
            let end = self.add_field(doc, field, 0, text);
            if text != original {
                self.add_field(doc, field, end + 1, original);
            }
        }
        // Tags continue one field, a position apart, so that the last word of one tag
        // and the first of the next never read as a phrase.
        let mut position = 0;
        for tag in &product.tags {
            position = self.add_field(doc, Field::Tags, position, tag) + 1;
        }
        if let Some(summary) = product.summary_in(lang) {
            self.add_field(doc, Field::Summary, 0, summary.text);
        }
    }

    fn add_producer(&mut self, catalogue: &Catalogue, lang: Lang, doc: u32, p: usize) {
        let producer = &catalogue.producers[p];
        let name = producer.name_in(lang);
        self.producers.push(ProducerDoc {
            producer: p,
            url: catalogue.site.link(&paths::producer(lang, &producer.id)),
            name: name.text.to_owned(),
            products: catalogue.index.by_producer[p].len(),
        });
        let end = self.add_field(doc, Field::Name, 0, name.text);
        if name.text != producer.name() {
            self.add_field(doc, Field::Name, end + 1, producer.name());
        }
    }

    /// Add the words of `text` from `position` on; returns the position after them.
    fn add_field(&mut self, doc: u32, field: Field, mut position: u32, text: &str) -> u32 {
        for Word { written, key } in words(text) {
            let entry = self.words.entry(key).or_default();
            let variant = match entry.variants.iter().position(|v| *v == written) {
                Some(v) => v,
                None => {
                    entry.variants.push(written);
                    entry.variants.len() - 1
                }
            };
            entry.occurrences.push(Occurrence {
                doc,
                field,
                position,
                variant: u32::try_from(variant).unwrap_or(0),
            });
            position += 1;
        }
        position
    }
}
