//! An edit to product and producer records, as the page kinds read it to say which
//! of their pages it reaches. `render::affected` finds it.

use std::collections::BTreeSet;

use crate::model::Catalogue;

use super::pager::page_count;

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
    /// The news items that mention a dirty product.
    pub news: BTreeSet<usize>,
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
}

/// The pages (from 1) of a listing that now show other products, or a dirty one.
pub fn changed_pages(old: &[usize], new: &[usize], dirty: &[bool], per_page: usize) -> Vec<usize> {
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
