//! A year's certification round (`model::rounds`): its figures, the sentence a
//! year-end report gives, and the products of each group.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::rounds::{Direction, Round};
use crate::paths;

use super::context::{producer_ref, Ref};
use crate::edition::{split, Edition};

#[derive(Serialize)]
pub struct RoundView<'a> {
    pub year: i32,
    pub url: String,
    /// Whether the year is the build date's, its figures ending on that date.
    pub current: bool,
    pub end: String,
    pub end_display: String,
    pub valid_at_start: usize,
    pub valid_at_end: usize,
    pub new_count: usize,
    pub reevaluated_count: usize,
    pub up: usize,
    pub same: usize,
    pub down: usize,
    pub ran_out_count: usize,
    /// The figures as a year-end report writes them.
    pub report: String,
    /// The products of each group: new, re-evaluated, ran out without re-evaluation.
    pub groups: [Group<'a>; 3],
}

/// One group of products of the round, listed on its page.
#[derive(Serialize)]
pub struct Group<'a> {
    /// `new`, `again` or `out`.
    pub id: &'static str,
    /// The strings key of its heading.
    pub title: &'static str,
    /// Products in the group, of which `entries` are the ones on this page.
    pub total: usize,
    pub entries: Vec<Entry<'a>>,
}

/// A product in one group of the round.
#[derive(Serialize)]
pub struct Entry<'a> {
    pub slug: &'a str,
    pub url: String,
    pub name: &'a str,
    pub name_lang: Option<&'static str>,
    pub producer: Ref<'a>,
    /// The date the group is about: the decision, or the last day in force.
    pub date: String,
    pub date_display: String,
    pub stars: u8,
    /// Re-evaluations: the stars held before, and `up`, `same` or `down`.
    pub before: Option<u8>,
    pub direction: Option<&'static str>,
    /// New products certified before, whose certificate had run out.
    pub returning: bool,
}

impl<'a> Entry<'a> {
    fn of(ed: Edition<'a>, product: usize, date: NaiveDate, stars: u8) -> Self {
        let product = &ed.catalogue.products[product];
        let (name, name_lang) = split(product.name_in(ed.lang));
        Entry {
            slug: &product.slug,
            url: ed.link(&paths::product(ed.lang, &product.slug)),
            name,
            name_lang,
            producer: producer_ref(ed, product.producer),
            date: date.to_string(),
            date_display: ed.date(date),
            stars,
            before: None,
            direction: None,
            returning: false,
        }
    }
}

/// Rows of the three groups together, which the year's pages share out.
pub fn rows(round: &Round) -> usize {
    round.new.len() + round.reevaluated.len() + round.ran_out.len()
}

/// The round's figures, with the products of its groups whose place in the groups
/// taken together (new, then re-evaluated, then ran out) falls in `rows`: a national
/// round lists thousands, over several pages.
pub fn view<'a>(ed: Edition<'a>, round: &Round, rows: Range<usize>) -> RoundView<'a> {
    // The part of `rows` that falls in a group starting at row `first` with `len` rows,
    // relative to the group.
    let within = |first: usize, len: usize| {
        rows.start.clamp(first, first + len) - first..rows.end.clamp(first, first + len) - first
    };
    let (new_rows, again_rows) = (
        within(0, round.new.len()),
        within(round.new.len(), round.reevaluated.len()),
    );
    let out_rows = within(
        round.new.len() + round.reevaluated.len(),
        round.ran_out.len(),
    );
    let (up, same, down) = (
        round.count(Direction::Up),
        round.count(Direction::Same),
        round.count(Direction::Down),
    );
    let (start, end, new, lapsed) = (
        round.valid_at_start,
        round.valid_at_end,
        round.new.len(),
        round.ran_out.len(),
    );
    let current = round.year == ed.catalogue.today.year();
    let n = |v: usize| v.to_string();
    let report = ed.strings.fill(
        if current {
            "round_report_current"
        } else {
            "round_report"
        },
        &[
            ("year", &round.year.to_string()),
            ("start", &n(start)),
            ("reevaluated", &n(round.reevaluated.len())),
            ("up", &n(up)),
            ("same", &n(same)),
            ("down", &n(down)),
            ("lapsed", &n(lapsed)),
            ("new", &n(new)),
            ("end", &n(end)),
            ("date", &ed.date(round.end)),
        ],
    );
    RoundView {
        year: round.year,
        url: ed.link(&paths::round(ed.lang, round.year)),
        current,
        end: round.end.to_string(),
        end_display: ed.date(round.end),
        valid_at_start: start,
        valid_at_end: end,
        new_count: new,
        reevaluated_count: round.reevaluated.len(),
        up,
        same,
        down,
        ran_out_count: lapsed,
        report,
        groups: [
            Group {
                id: "new",
                title: "round_new",
                total: round.new.len(),
                entries: (round.new[new_rows].iter())
                    .map(|e| Entry {
                        returning: e.returning,
                        ..Entry::of(ed, e.product, e.date, e.stars)
                    })
                    .collect(),
            },
            Group {
                id: "again",
                title: "round_reevaluated",
                total: round.reevaluated.len(),
                entries: (round.reevaluated[again_rows].iter())
                    .map(|e| Entry {
                        before: Some(e.before),
                        direction: Some(e.direction().id()),
                        ..Entry::of(ed, e.product, e.date, e.after)
                    })
                    .collect(),
            },
            Group {
                id: "out",
                title: "round_ran_out",
                total: round.ran_out.len(),
                entries: (round.ran_out[out_rows].iter())
                    .map(|e| Entry::of(ed, e.product, e.expired, e.stars))
                    .collect(),
            },
        ],
    }
}
