//! Which pages an edit to product and producer records changes. `ocop serve` renders
//! only those after such a file is saved, so that a national catalogue refreshes in a
//! moment instead of rebuilding tens of thousands of pages.
//!
//! This module finds what changed (`pages::change::Change`); each page kind
//! (`pages/*.rs`) says which of its pages that reaches.

use std::collections::BTreeSet;

use crate::domain::Photo;
use crate::model::Catalogue;

use super::pages::change::Change;
use super::pages::{self, PageJob};

/// The pages of `new` that differ from those of `old`, for two catalogues of the same
/// site, theme and news whose product and producer records may differ. `None` when the
/// edit reaches every page or changes which pages exist: a product or producer added,
/// removed, renamed or moved between listings in a way that changes the counts shown
/// on every page, a product's aliases or listing status changed.
pub fn affected(old: &Catalogue, new: &Catalogue) -> Option<Vec<PageJob>> {
    if old.today != new.today || !same_shape(old, new) {
        return None;
    }
    // A product page shows its producer's record and product count: when either
    // changes, so do the pages of all its products.
    let reaching_products: BTreeSet<usize> = (0..new.producers.len())
        .filter(|&p| {
            old.producers[p] != new.producers[p]
                || old.index.by_producer[p].len() != new.index.by_producer[p].len()
        })
        .collect();
    // A producer's page also changes when the cards it lists do.
    let mut producers: BTreeSet<usize> = (0..new.producers.len())
        .filter(|&p| {
            reaching_products.contains(&p) || old.index.by_producer[p] != new.index.by_producer[p]
        })
        .collect();
    let mut dirty = vec![false; new.products.len()];
    for (i, (was, is)) in old.products.iter().zip(&new.products).enumerate() {
        if was == is {
            continue;
        }
        if was.aliases != is.aliases || was.is_listed() != is.is_listed() {
            return None;
        }
        dirty[i] = true;
        producers.extend([was.producer, is.producer]);
    }
    for (i, (was, is)) in old.products.iter().zip(&new.products).enumerate() {
        if reaching_products.contains(&was.producer) || reaching_products.contains(&is.producer) {
            dirty[i] = true;
        }
    }
    let dirty_ids: Vec<usize> = (0..dirty.len()).filter(|&i| dirty[i]).collect();
    if dirty_ids.is_empty() {
        return Some(Vec::new());
    }
    let news = (dirty_ids.iter())
        .flat_map(|&i| new.index.news_by_product[i].iter().copied())
        .collect();
    let change = Change {
        old,
        new,
        dirty,
        dirty_ids,
        producers,
        news,
    };
    Some(pages::affected_by(&change))
}

/// Whether the two catalogues have the same products and producers, in the same
/// places, with the same counts in every listing: the counts appear on every page.
fn same_shape(old: &Catalogue, new: &Catalogue) -> bool {
    let lengths = |c: &Catalogue| -> Vec<usize> {
        let index = &c.index;
        [index.listed.len()]
            .into_iter()
            .chain(index.by_stars.iter().map(Vec::len))
            .chain(index.by_district.iter().map(Vec::len))
            .chain(index.by_category.iter().map(Vec::len))
            .collect()
    };
    old.products.len() == new.products.len()
        && old.producers.len() == new.producers.len()
        && old
            .products
            .iter()
            .zip(&new.products)
            .all(|(a, b)| a.slug == b.slug)
        && old
            .producers
            .iter()
            .zip(&new.producers)
            .all(|(a, b)| a.id == b.id)
        && old.index.producers_by_district == new.index.producers_by_district
        && round_years(old) == round_years(new)
        && lengths(old) == lengths(new)
        && same_site_image(old, new)
}

/// Whether pages without an image of their own show the same one: it is on every page.
fn same_site_image(old: &Catalogue, new: &Catalogue) -> bool {
    fn cover(c: &Catalogue) -> Option<&Photo> {
        c.products[c.index.site_image?].photos.first()
    }
    old.index.site_image == new.index.site_image && cover(old) == cover(new)
}

/// The years with a round page.
fn round_years(catalogue: &Catalogue) -> Vec<i32> {
    catalogue.index.rounds.iter().map(|r| r.year).collect()
}

#[cfg(test)]
mod tests {
    use super::super::pages::change::changed_pages;

    #[test]
    fn a_listing_page_changes_when_it_shows_other_or_edited_products() {
        let dirty = [false, false, true, false, false];
        let pages = |old: &[usize], new: &[usize]| changed_pages(old, new, &dirty, 2);
        // Product 2, on page 2, was edited in place.
        assert_eq!(pages(&[0, 1, 2, 3, 4], &[0, 1, 2, 3, 4]), [2]);
        // Renamed, it moved to the front: pages 1 and 2 show other products.
        assert_eq!(pages(&[0, 1, 4, 3], &[4, 0, 1, 3]), [1, 2]);
        let clean = [false; 5];
        assert!(changed_pages(&[0, 1, 3], &[0, 1, 3], &clean, 2).is_empty());
    }
}
