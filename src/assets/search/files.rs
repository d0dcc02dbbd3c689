//! The index as files: a small `index.json` read first, word shards loaded for the
//! words a query needs, number shards for a query with a digit, and product and
//! producer records loaded for the results shown.
//!
//! `index.json` holds the sorted folded vocabulary, where each shard starts in it,
//! the facet labels and every product's facet values: products are numbered by
//! district, so a district is where its run starts; stars, category, producer type,
//! subcategory and certificate status are one "combination" number per product.
//! Producers are numbered after the products, also by district. With the vocabulary the browser finds prefix
//! completions and one-typo neighbours, and names a word that matches nothing,
//! before loading any shard; with the facet values it counts facets for any result.
//!
//! A shard is a JSON array with one entry per word of its range:
//! `["hòa|hoà", [doc delta, occurrences, code, code, …, doc delta, …]]`, where each
//! occurrence is `(position × 4 + field) × variants + variant`. A records file is a
//! JSON array of `[url, name, producer]`; a producers file, of `[url, name, listed
//! products]`. A number shard holds `["1873qdubnd", [doc delta, …]]` entries, sorted.

use serde::Serialize;

use crate::domain::{CertificateStatus, Facet};

use crate::edition::facets;
use crate::edition::Edition;
use crate::model::Catalogue;
use crate::paths::{self, search_params as params};

use super::index::{Entry, Index, FIELDS};

/// A shard holds words until it passes this many bytes (about 6 KB gzipped), so a
/// query for a few words loads a few small files even for a national catalogue.
const SHARD_BYTES: usize = 16 * 1024;
/// Up to this many bytes, product records ship as one file (about 600 products):
/// fewer requests. Beyond it, in files of about `SHARD_BYTES` (about 130 products,
/// 3.6 KB gzipped): a file per product made a national site 15,000 files, and the
/// 20 results a page shows, which rank ties by product number, fall in a few files of
/// neighbouring products (5 to 10 for the benchmark's queries at 15,000 products).
const RECORDS_IN_ONE_FILE: usize = 48 * 1024;
/// Producer records and number entries go in files of about this many bytes (about
/// 1 KB gzipped): a query shows a few producers from all over the list, and looks up
/// one number, so small files keep what it loads small.
const SMALL_FILE_BYTES: usize = 4 * 1024;
/// Digits of the facet-value string: characters that need no escaping in JSON.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

#[derive(Serialize)]
struct Manifest<'a> {
    version: String,
    /// The folded vocabulary, sorted, separated by spaces.
    words: String,
    /// Index in `words` of each shard's first word; shard `i` is `w<i>.json`.
    shards: Vec<usize>,
    /// Product records: `count` of them, `per_file` in each `d<j>.json`.
    records: Records,
    /// By URL parameter: `[id, label]` in display order.
    facets: Vec<(&'static str, Vec<(String, String)>)>,
    /// By URL parameter, the values taken when the URL names none: valid and
    /// expiring, so that the archive is one click away but not in the way.
    defaults: Vec<(&'static str, Vec<&'static str>)>,
    /// Subcategory names, by category.
    subcategories: Vec<Vec<&'a str>>,
    /// Distinct `[stars, category, producer type, subcategory, status]`: the value
    /// indexes of the facets after the district, with 0 for no subcategory, else its
    /// index + 1.
    combos: Vec<[usize; 5]>,
    /// Per district, the first product in it: products are numbered by district.
    district_starts: Vec<usize>,
    /// Per product, `combo_width` digits: its index in `combos`.
    doc_combos: String,
    combo_width: usize,
    producers: Producers,
    /// The first key of each number shard `c<i>.json`.
    codes: Vec<&'a str>,
}

#[derive(Serialize)]
struct Producers {
    count: usize,
    per_file: usize,
    /// Per district, the first producer in it, counted from 0.
    district_starts: Vec<usize>,
}

#[derive(Serialize)]
struct Records {
    count: usize,
    per_file: usize,
}

/// Every file of the index, by its path below the site root.
pub fn files(ed: Edition<'_>, index: &Index) -> Vec<(String, Vec<u8>)> {
    let (catalogue, lang) = (ed.catalogue, ed.lang);
    let entries: Vec<String> = index.words.values().map(encode_entry).collect();
    let shards = split(&entries, SHARD_BYTES);
    let records: Vec<String> = (index.docs.iter())
        .map(|d| serde_json::to_string(&(&d.url, &d.name, &d.producer)).unwrap_or_default())
        .collect();
    let per_file = records_per_file(&records, SHARD_BYTES);
    let producer_records: Vec<String> = (index.producers.iter())
        .map(|p| serde_json::to_string(&(&p.url, &p.name, p.products)).unwrap_or_default())
        .collect();
    let producers_per_file = records_per_file(&producer_records, SMALL_FILE_BYTES);
    let codes: Vec<String> = (index.codes.iter())
        .map(|(key, docs)| serde_json::to_string(&(key, deltas(docs))).unwrap_or_default())
        .collect();
    let code_shards = split(&codes, SMALL_FILE_BYTES);

    let mut contents: Vec<(String, String)> = Vec::new();
    for (i, range) in shards.windows(2).enumerate() {
        let body = format!("[{}]", entries[range[0]..range[1]].join(","));
        contents.push((format!("w{i}.json"), body));
    }
    for (j, chunk) in records.chunks(per_file).enumerate() {
        contents.push((format!("d{j}.json"), format!("[{}]", chunk.join(","))));
    }
    for (j, chunk) in producer_records.chunks(producers_per_file).enumerate() {
        contents.push((format!("p{j}.json"), format!("[{}]", chunk.join(","))));
    }
    for (i, range) in code_shards.windows(2).enumerate() {
        let body = format!("[{}]", codes[range[0]..range[1]].join(","));
        contents.push((format!("c{i}.json"), body));
    }
    let code_keys: Vec<&str> = index.codes.keys().map(String::as_str).collect();
    let version = version(&contents);

    let facets = facet_values(catalogue, index);
    let manifest = Manifest {
        version: version.clone(),
        words: index
            .words
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" "),
        shards: shards[..shards.len() - 1].to_vec(),
        records: Records {
            count: records.len(),
            per_file,
        },
        facets: Facet::ALL
            .iter()
            .map(|&f| {
                let values = facets::facet_values(ed, f).into_iter();
                (params::facet(f), values.map(|v| (v.id, v.name)).collect())
            })
            .collect(),
        defaults: vec![(
            params::facet(Facet::Status),
            (CertificateStatus::ALL.iter())
                .filter(|s| s.is_listed())
                .map(|&s| params::status(s))
                .collect(),
        )],
        subcategories: catalogue
            .categories
            .iter()
            .map(|c| {
                (c.subcategories.iter())
                    .map(|s| s.name_in(lang).text)
                    .collect()
            })
            .collect(),
        combos: facets.combos,
        district_starts: facets.district_starts,
        doc_combos: facets.doc_combos,
        combo_width: facets.combo_width,
        producers: Producers {
            count: producer_records.len(),
            per_file: producers_per_file,
            district_starts: producer_district_starts(catalogue, index),
        },
        // The first key of each file; none when no product has a number.
        codes: (code_shards[..code_shards.len().saturating_sub(1)].iter())
            .filter_map(|&i| code_keys.get(i).copied())
            .collect(),
    };
    let mut files = vec![(
        paths::search_index(lang),
        serde_json::to_vec(&manifest).unwrap_or_default(),
    )];
    files.extend(
        contents
            .into_iter()
            .map(|(name, body)| (paths::search_file(lang, &version, &name), body.into_bytes())),
    );
    files
}

/// How many records go in one file: all of them while they are small, else about
/// `bytes` worth.
fn records_per_file(records: &[String], bytes: usize) -> usize {
    let total: usize = records.iter().map(|r| r.len() + 1).sum();
    if total <= RECORDS_IN_ONE_FILE {
        records.len().max(1)
    } else {
        (bytes * records.len() / total).max(1)
    }
}

/// Ascending numbers as the first, then the differences.
fn deltas(docs: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    (docs.iter())
        .map(|&d| {
            let delta = d - previous;
            previous = d;
            delta
        })
        .collect()
}

/// Per district, where its producers start: a district without any starts where
/// the next one does.
fn producer_district_starts(catalogue: &Catalogue, index: &Index) -> Vec<usize> {
    let mut starts = Vec::with_capacity(catalogue.districts.len());
    let mut at = 0;
    for d in 0..catalogue.districts.len() {
        starts.push(at);
        at += (index.producers.iter().skip(at))
            .take_while(|p| catalogue.producers[p.producer].district == d)
            .count();
    }
    starts
}

/// `["variant|variant", [postings]]` for one word.
fn encode_entry(entry: &Entry) -> String {
    let variants = u32::try_from(entry.variants.len()).unwrap_or(1).max(1);
    let mut numbers: Vec<u32> = Vec::with_capacity(entry.occurrences.len() * 2);
    let mut previous = 0;
    let mut rest = entry.occurrences.as_slice();
    while let Some(first) = rest.first() {
        let same = rest.iter().take_while(|o| o.doc == first.doc).count();
        numbers.push(first.doc - previous);
        numbers.push(u32::try_from(same).unwrap_or(u32::MAX));
        for o in &rest[..same] {
            let place = o.position.saturating_mul(FIELDS) + o.field as u32;
            numbers.push(place.saturating_mul(variants) + o.variant);
        }
        previous = first.doc;
        rest = &rest[same..];
    }
    serde_json::to_string(&(entry.variants.join("|"), numbers)).unwrap_or_default()
}

/// Indexes where each shard of about `bytes` starts, then the number of entries.
fn split(entries: &[String], bytes: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let mut size = 0;
    for (i, entry) in entries.iter().enumerate() {
        if size > 0 && size + entry.len() > bytes {
            starts.push(i);
            size = 0;
        }
        size += entry.len() + 1;
    }
    starts.push(entries.len());
    starts
}

/// FNV-1a over the files, as 16 hex digits: stable across builds and toolchains.
fn version(contents: &[(String, String)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, body) in contents {
        for &byte in name.as_bytes().iter().chain(body.as_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

struct FacetValues {
    combos: Vec<[usize; 5]>,
    district_starts: Vec<usize>,
    doc_combos: String,
    combo_width: usize,
}

/// Every product's facet values, as `index.json` stores them.
fn facet_values(catalogue: &Catalogue, index: &Index) -> FacetValues {
    let mut combos: Vec<[usize; 5]> = Vec::new();
    let mut per_doc = Vec::with_capacity(index.docs.len());
    let mut district_starts = vec![0; catalogue.districts.len()];
    for (d, doc) in index.docs.iter().enumerate().rev() {
        let product = &catalogue.products[doc.product];
        let value = |facet: Facet| facet.value_of(catalogue, product);
        if let Some(start) = district_starts.get_mut(value(Facet::District)) {
            *start = d;
        }
        let combo = [
            value(Facet::Stars),
            value(Facet::Category),
            value(Facet::ProducerType),
            product.subcategory.map_or(0, |s| s + 1),
            value(Facet::Status),
        ];
        let at = combos.iter().position(|c| *c == combo).unwrap_or_else(|| {
            combos.push(combo);
            combos.len() - 1
        });
        per_doc.push(at);
    }
    per_doc.reverse();
    // A district without products starts where the next one does.
    let mut next = index.docs.len();
    for (d, start) in district_starts.iter_mut().enumerate().rev() {
        let has_products = index
            .docs
            .get(*start)
            .is_some_and(|doc| catalogue.products[doc.product].district == d);
        if !has_products {
            *start = next;
        }
        next = *start;
    }
    let combo_width = width(combos.len());
    let mut doc_combos = String::with_capacity(per_doc.len() * combo_width);
    for combo in per_doc {
        push_digits(&mut doc_combos, combo, combo_width);
    }
    FacetValues {
        combos,
        district_starts,
        doc_combos,
        combo_width,
    }
}

/// Digits needed to write every number below `count`.
fn width(count: usize) -> usize {
    let mut width = 1;
    let mut reach = DIGITS.len();
    while reach < count {
        width += 1;
        reach = reach.saturating_mul(DIGITS.len());
    }
    width
}

fn push_digits(text: &mut String, mut value: usize, width: usize) {
    let mut digits = vec![DIGITS[0]; width];
    for digit in digits.iter_mut().rev() {
        *digit = DIGITS[value % DIGITS.len()];
        value /= DIGITS.len();
    }
    text.extend(digits.into_iter().map(char::from));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_digits_are_fixed_width() {
        assert_eq!(width(10), 1);
        assert_eq!(width(64), 1);
        assert_eq!(width(65), 2);
        let mut text = String::new();
        push_digits(&mut text, 65, 2);
        push_digits(&mut text, 3, 1);
        assert_eq!(text, "113");
    }

    #[test]
    fn shards_split_by_size_and_never_leave_one_empty() {
        let big = "x".repeat(SHARD_BYTES);
        let entries = vec!["a".to_owned(), big.clone(), big, "b".to_owned()];
        assert_eq!(split(&entries, SHARD_BYTES), [0, 1, 2, 3, 4]);
        assert_eq!(split(&[], SHARD_BYTES), [0, 0]);
    }
}
