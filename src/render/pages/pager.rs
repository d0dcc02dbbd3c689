//! Listings cut into pages, and the pager that links them.

use serde::Serialize;
use tera::Context;

use crate::edition::Edition;

use super::super::context::cards;

/// Pages needed to list `items` at `per_page` a page; an empty listing still has one.
pub(super) fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// The numbers (from 1) of the pages of a listing of `items` products.
pub(super) fn pages_of(items: usize, per_page: usize) -> std::ops::RangeInclusive<usize> {
    1..=page_count(items, per_page)
}

/// Rows of a listing that is not of product cards, such as the producer directory or
/// the expiring certificates, a page: about 60 KB of HTML, so that no page grows with
/// a national catalogue.
pub(crate) const ROWS_PER_PAGE: usize = 200;

/// Page `n` (from 1) of `items` at `per_page` a page.
pub(super) fn page_of<T>(items: &[T], n: usize, per_page: usize) -> &[T] {
    let start = (n.saturating_sub(1).saturating_mul(per_page)).min(items.len());
    let end = start.saturating_add(per_page).min(items.len());
    &items[start..end]
}

/// The title of page `n` of a listing called `title`.
pub(super) fn paged_title(ed: Edition<'_>, title: String, n: usize) -> String {
    if n > 1 {
        ed.strings
            .fill("title_paged", &[("title", &title), ("n", &n.to_string())])
    } else {
        title
    }
}

/// Page `n` of a product listing: its cards, the listing's size and the pager, whose
/// page `n` is at `path(n)`.
pub(super) fn insert_listing(
    cx: &mut Context,
    ed: Edition<'_>,
    ids: &[usize],
    n: usize,
    path: impl Fn(usize) -> String,
) {
    let per_page = ed.catalogue.site.products_per_page;
    cx.insert("products", &cards(ed, page_of(ids, n, per_page)));
    cx.insert("total", &ids.len());
    cx.insert(
        "pagination",
        &pagination(n, page_count(ids.len(), per_page), |n| ed.link(&path(n))),
    );
}

#[derive(Serialize)]
pub(super) struct Pagination {
    current: usize,
    total_pages: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageNumber>,
}

#[derive(Serialize)]
struct PageNumber {
    number: usize,
    url: String,
    current: bool,
    /// Whether pages are left out between this one and the one before.
    gap_before: bool,
}

/// Page numbers shown either side of the current one.
const PAGER_REACH: usize = 2;

/// Links to the first, the last and the nearby pages of a listing of `total_pages`,
/// whose page `n` is at `url(n)`. Not every page: a national listing has hundreds, and
/// linking them all from each would make the pages grow with the square of the size.
pub(super) fn pagination(
    current: usize,
    total_pages: usize,
    url: impl Fn(usize) -> String,
) -> Pagination {
    let near = current.saturating_sub(PAGER_REACH).max(1)..=current + PAGER_REACH;
    let shown = (1..=total_pages).filter(|&n| n == 1 || n == total_pages || near.contains(&n));
    let mut previous = 0;
    let pages = shown
        .map(|number| {
            let gap_before = number > previous + 1 && previous > 0;
            previous = number;
            PageNumber {
                number,
                url: url(number),
                current: number == current,
                gap_before,
            }
        })
        .collect();
    Pagination {
        current,
        total_pages,
        prev_url: (current > 1).then(|| url(current - 1)),
        next_url: (current < total_pages).then(|| url(current + 1)),
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(current: usize, total: usize) -> Vec<(usize, bool)> {
        pagination(current, total, |n| n.to_string())
            .pages
            .iter()
            .map(|p| (p.number, p.gap_before))
            .collect()
    }

    #[test]
    fn pager_links_the_ends_and_the_neighbours_only() {
        assert_eq!(
            shown(50, 400),
            [
                (1, false),
                (48, true),
                (49, false),
                (50, false),
                (51, false),
                (52, false),
                (400, true)
            ]
        );
        assert_eq!(
            shown(1, 4),
            [(1, false), (2, false), (3, false), (4, false)]
        );
        assert_eq!(
            shown(4, 4),
            [(1, false), (2, false), (3, false), (4, false)]
        );
        assert_eq!(shown(1, 1), [(1, false)]);
    }
}
