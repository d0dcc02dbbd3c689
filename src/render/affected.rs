//! Which pages an edit to product and producer records changes. `ocop serve` renders
//! only those after such a file is saved, so that a national catalogue refreshes in a
//! moment instead of rebuilding tens of thousands of pages.
//!
//! This module finds what changed; each page kind (`pages/*.rs`) says which of its
//! pages that reaches.

use std::collections::BTreeSet;

use crate::model::Catalogue;

use super::pages::{self, page_count, PageJob};

/// An edit to product and producer records that keeps the catalogue's shape.
pub struct Change<'a> {
    pub old: &'a Catalogue,
    pub new: &'a Catalogue,
    /// By product index, the same in both: whether the product's pages changed.
    pub dirty: Vec<bool>,
    /// The indexes of the dirty products, in order.
    pub dirty_ids: Vec<usize>,
    /// Producers whose page changed: their record, their product count or the
    /// cards they list.
    pub producers: BTreeSet<usize>,
}

impl Change<'_> {
    /// The pages (from 1) of a listing at `per_page` that now show other products, or
    /// a dirty one.
    pub fn changed_pages(&self, old: &[usize], new: &[usize], per_page: usize) -> Vec<usize> {
        changed_pages(old, new, &self.dirty, per_page)
    }

    /// The changed pages of the product listing that `ids` picks from a catalogue.
    pub fn listing_pages(&self, ids: impl Fn(&Catalogue) -> &[usize]) -> Vec<usize> {
        let per_page = self.new.site.products_per_page;
        self.changed_pages(ids(self.old), ids(self.new), per_page)
    }

    /// The news items that mention a dirty product.
    pub fn news(&self) -> BTreeSet<usize> {
        (self.dirty_ids.iter())
            .flat_map(|&i| self.new.index.news_by_product[i].iter().copied())
            .collect()
    }
}

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
    let change = Change {
        old,
        new,
        dirty,
        dirty_ids,
        producers,
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
        && lengths(old) == lengths(new)
}

/// The pages (from 1) of a listing that now show other products, or a dirty one.
fn changed_pages(old: &[usize], new: &[usize], dirty: &[bool], per_page: usize) -> Vec<usize> {
    let slice = |ids: &[usize], n: usize| -> Vec<usize> {
        let start = ((n - 1).saturating_mul(per_page)).min(ids.len());
        ids[start..start.saturating_add(per_page).min(ids.len())].to_vec()
    };
    (1..=page_count(new.len().max(old.len()), per_page))
        .filter(|&n| {
            let shown = slice(new, n);
            slice(old, n) != shown || shown.iter().any(|&i| dirty[i])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
