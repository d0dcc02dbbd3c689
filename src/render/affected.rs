//! Which pages an edit to product and producer records changes. `ocop serve` renders
//! only those after such a file is saved, so that a national catalogue refreshes in a
//! moment instead of rebuilding tens of thousands of pages.

use std::collections::BTreeSet;

use crate::domain::STAR_LEVELS;

use crate::model::Catalogue;

use super::news_view;
use super::pages::{page_count, PageJob};

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

    // The pages that show counts, totals or samples of the whole catalogue.
    let mut jobs = vec![
        PageJob::Home,
        PageJob::Stats,
        PageJob::Data,
        PageJob::Search,
    ];
    for &i in &dirty_ids {
        jobs.push(PageJob::Product(i));
        if new.products[i].is_listed() {
            jobs.push(PageJob::ProductSheet(i));
        }
        jobs.extend((0..new.products[i].aliases.len()).map(|a| PageJob::Alias(i, a)));
    }
    jobs.push(PageJob::Producers);
    jobs.extend(producers.iter().map(|&p| PageJob::Producer(p)));

    let per_page = new.site.products_per_page;
    let changed = |old_ids: &[usize], new_ids: &[usize]| {
        changed_pages(old_ids, new_ids, &dirty, per_page).into_iter()
    };
    jobs.extend(changed(&old.index.listed, &new.index.listed).map(PageJob::Products));
    for &s in STAR_LEVELS.iter().rev() {
        jobs.extend(changed(old.with_stars(s), new.with_stars(s)).map(|n| PageJob::Stars(s, n)));
    }
    for (c, ids) in new.index.by_category.iter().enumerate() {
        jobs.extend(changed(&old.index.by_category[c], ids).map(|n| PageJob::Category(c, n)));
    }
    for (d, ids) in new.index.by_district.iter().enumerate() {
        // One page per district, however many products it has.
        if !changed_pages(&old.index.by_district[d], ids, &dirty, usize::MAX).is_empty() {
            jobs.push(PageJob::District(d));
        }
    }

    // News and Markdown pages can show product cards.
    let news: BTreeSet<usize> = dirty_ids
        .iter()
        .flat_map(|&i| new.index.news_by_product[i].iter().copied())
        .collect();
    if !news.is_empty() {
        jobs.extend(news.iter().map(|&n| PageJob::News(n)));
        jobs.extend((1..=news_view::listing_pages(new)).map(PageJob::NewsList));
    }
    jobs.extend((0..new.pages.len()).map(PageJob::Page));
    jobs.sort();
    jobs.dedup();
    Some(jobs)
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
