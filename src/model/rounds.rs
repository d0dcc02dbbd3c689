//! The certification rounds: what each year's decisions did to the count of products
//! holding a valid certificate, in the figures a province's year-end report gives.
//!
//! Every figure follows from each product's decisions (`Product::decisions`) and from
//! whether it holds a valid certificate on a day: its latest decision dated on or
//! before that day is still in force then. For a year, with its end the 31st of
//! December, or the build date in the current year:
//!
//! - valid at the start: valid on the 31st of December of the year before, so that a
//!   year starts where the one before ended;
//! - new: certified during the year (a decision dated in it) without being valid at its
//!   start. Most are first certifications; the rest return after a lapse that began in
//!   an earlier year (`returning`);
//! - re-evaluated: certified during the year while valid at its start, split by the
//!   stars of its last decision of the year against those it held at the start;
//! - ran out without re-evaluation: valid at the start or certified during the year,
//!   but not valid at the end: a certificate ran out and no later decision of the year
//!   replaced it;
//! - valid at the end.
//!
//! A product certified during the year is new or re-evaluated, never both. Since a
//! product valid at the end was valid at the start or certified during the year, the
//! figures reconcile exactly: start − ran out without re-evaluation + new = end.

use chrono::{Datelike, NaiveDate};

use crate::domain::{Decision, Product};

/// One year's round, its groups listing products by index into the catalogue, each
/// group sorted by date, then by slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub year: i32,
    /// The last day the figures cover: the 31st of December, or the build date.
    pub end: NaiveDate,
    pub valid_at_start: usize,
    pub new: Vec<New>,
    pub reevaluated: Vec<Reevaluation>,
    pub ran_out: Vec<RanOut>,
    pub valid_at_end: usize,
}

/// A product certified during the year without a valid certificate at its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct New {
    pub product: usize,
    /// Its first decision of the year.
    pub date: NaiveDate,
    /// The stars of its last decision of the year.
    pub stars: u8,
    /// Whether it had been certified before, in a certificate that had run out by the
    /// start of the year.
    pub returning: bool,
}

/// A product re-evaluated during the year while valid at its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reevaluation {
    pub product: usize,
    /// Its last decision of the year.
    pub date: NaiveDate,
    /// The stars it held at the start of the year.
    pub before: u8,
    /// The stars of its last decision of the year.
    pub after: u8,
}

/// A product whose certificate ran out during the year, with no later decision of the
/// year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RanOut {
    pub product: usize,
    /// The last day its certificate was in force.
    pub expired: NaiveDate,
    pub stars: u8,
}

/// How a re-evaluation changed the star level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Same,
    Down,
}

impl Reevaluation {
    pub fn direction(&self) -> Direction {
        match self.after.cmp(&self.before) {
            std::cmp::Ordering::Greater => Direction::Up,
            std::cmp::Ordering::Equal => Direction::Same,
            std::cmp::Ordering::Less => Direction::Down,
        }
    }
}

impl Direction {
    pub fn id(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Same => "same",
            Direction::Down => "down",
        }
    }
}

impl Round {
    /// Re-evaluations that changed the star level in `direction`.
    pub fn count(&self, direction: Direction) -> usize {
        (self.reevaluated.iter())
            .filter(|r| r.direction() == direction)
            .count()
    }
}

/// The decision in force on `day`, if the product holds a valid certificate then.
fn in_force<'a>(decisions: &'a [Decision<'a>], day: NaiveDate) -> Option<&'a Decision<'a>> {
    latest(decisions, day).filter(|d| d.expires >= day)
}

/// The latest decision dated on or before `day`.
fn latest<'a>(decisions: &'a [Decision<'a>], day: NaiveDate) -> Option<&'a Decision<'a>> {
    decisions.iter().rev().find(|d| d.date <= day)
}

/// The round of every year with a certification decision, oldest first, as of `today`.
pub fn rounds(products: &[Product], validity_months: u32, today: NaiveDate) -> Vec<Round> {
    let decisions: Vec<Vec<Decision>> = (products.iter())
        .map(|p| p.decisions(validity_months))
        .collect();
    let mut years: Vec<i32> = (decisions.iter().flatten())
        .map(|d| d.date.year())
        .filter(|&y| y <= today.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    (years.into_iter())
        .filter_map(|year| round(&decisions, year, today))
        .collect()
}

/// The round of `year`, given each product's decisions; `None` for a year a date
/// cannot be made of.
fn round(decisions: &[Vec<Decision>], year: i32, today: NaiveDate) -> Option<Round> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let before = first.pred_opt()?;
    let end = NaiveDate::from_ymd_opt(year, 12, 31)?.min(today);
    let mut round = Round {
        year,
        end,
        valid_at_start: 0,
        new: Vec::new(),
        reevaluated: Vec::new(),
        ran_out: Vec::new(),
        valid_at_end: 0,
    };
    for (product, decisions) in decisions.iter().enumerate() {
        let at_start = in_force(decisions, before);
        let at_end = in_force(decisions, end);
        let of_year: Vec<&Decision> = (decisions.iter())
            .filter(|d| first <= d.date && d.date <= end)
            .collect();
        round.valid_at_start += usize::from(at_start.is_some());
        round.valid_at_end += usize::from(at_end.is_some());
        if let (Some(earliest), Some(last)) = (of_year.first(), of_year.last()) {
            match at_start {
                Some(held) => round.reevaluated.push(Reevaluation {
                    product,
                    date: last.date,
                    before: held.stars,
                    after: last.stars,
                }),
                None => round.new.push(New {
                    product,
                    date: earliest.date,
                    stars: last.stars,
                    returning: decisions.first().is_some_and(|d| d.date < first),
                }),
            }
        }
        let held_during = at_start.is_some() || !of_year.is_empty();
        if let (true, None, Some(last)) = (held_during, at_end, latest(decisions, end)) {
            round.ran_out.push(RanOut {
                product,
                expired: last.expires,
                stars: last.stars,
            });
        }
    }
    round.new.sort_by_key(|n| (n.date, n.product));
    round.reevaluated.sort_by_key(|r| (r.date, r.product));
    round.ran_out.sort_by_key(|r| (r.expired, r.product));
    Some(round)
}
