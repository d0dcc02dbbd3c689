//! The columns of the CSV downloads, `products.csv` and `producers.csv`: one table per
//! file, each column its header, the theme string that describes it and how a record's
//! cell is read.
//!
//! Assets writes the files from these tables and render explains them on the
//! open-data page from the same tables, so the header, the rows and the page cannot
//! disagree. Adding a column is adding one entry here and its `column_<file>_<name>`
//! key to every strings file of the theme.

use std::borrow::Cow;

use crate::domain::records::PriceRecord;
use crate::domain::{Lang, Producer, ProducerType, Product};
use crate::paths;

use super::Catalogue;

/// A column of a CSV download of `T` records.
pub struct Column<T: 'static> {
    /// The header cell, as spreadsheets and scripts read it.
    pub name: &'static str,
    /// The key of the theme string that says what the column holds, on the open-data
    /// page.
    pub about: &'static str,
    /// Whether the column is there only when the site has an English edition.
    pub english: bool,
    /// The cell of one record.
    pub value: fn(Row<'_, T>) -> Cell<'_>,
}

/// One record of a download, with the catalogue its cells may look into.
pub struct Row<'a, T> {
    pub catalogue: &'a Catalogue,
    /// The record's index in its catalogue list (`products` or `producers`).
    pub index: usize,
    pub item: &'a T,
}

impl<T> Clone for Row<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Row<'_, T> {}

impl<'a, T> Row<'a, T> {
    /// The absolute address of a site path.
    fn address(self, path: &str) -> Cell<'a> {
        owned(self.catalogue.site.absolute(path))
    }
}

impl<'a> Row<'a, Product> {
    fn producer(self) -> &'a Producer {
        &self.catalogue.producers[self.item.producer]
    }

    fn price(self) -> Option<&'a PriceRecord> {
        self.item.price.as_ref()
    }
}

/// What a cell holds.
#[derive(Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    /// A producer type, written as the main edition's strings name it.
    ProducerType(ProducerType),
}

fn text(text: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(text))
}

fn optional(text: &Option<String>) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(text.as_deref().unwrap_or_default()))
}

fn owned<'a>(text: String) -> Cell<'a> {
    Cell::Text(Cow::Owned(text))
}

/// A number, or an empty cell.
fn number<'a>(number: Option<u64>) -> Cell<'a> {
    owned(number.map(|n| n.to_string()).unwrap_or_default())
}

/// A column written only when the site has an English edition.
const fn english_column<T>(
    name: &'static str,
    about: &'static str,
    value: fn(Row<'_, T>) -> Cell<'_>,
) -> Column<T> {
    Column {
        english: true,
        ..column(name, about, value)
    }
}

const fn column<T>(
    name: &'static str,
    about: &'static str,
    value: fn(Row<'_, T>) -> Cell<'_>,
) -> Column<T> {
    Column {
        name,
        about,
        english: false,
        value,
    }
}

/// The columns of `products.csv`, in order, the English ones last: one row per
/// product, expired ones included, sorted by slug.
pub const PRODUCTS: &[Column<Product>] = &[
    column("slug", "column_products_slug", |p| text(&p.item.slug)),
    column("name", "column_products_name", |p| text(&p.item.name)),
    column("stars", "column_products_stars", |p| {
        owned(p.item.stars.to_string())
    }),
    column("category", "column_products_category", |p| {
        text(&p.catalogue.categories[p.item.category].name)
    }),
    column("district", "column_products_district", |p| {
        text(&p.catalogue.districts[p.item.district].name)
    }),
    column("producer_id", "column_products_producer_id", |p| {
        text(&p.producer().id)
    }),
    column("producer", "column_products_producer", |p| {
        text(p.producer().name())
    }),
    column("producer_type", "column_products_producer_type", |p| {
        Cell::ProducerType(p.producer().kind)
    }),
    column(
        "certificate_decision",
        "column_products_certificate_decision",
        |p| text(&p.item.certificate.decision),
    ),
    column(
        "certificate_date",
        "column_products_certificate_date",
        |p| owned(p.item.certificate.date.to_string()),
    ),
    column(
        "certificate_expires",
        "column_products_certificate_expires",
        |p| owned(p.item.certificate.expires.to_string()),
    ),
    column(
        "certificate_score",
        "column_products_certificate_score",
        |p| number(p.item.certificate.score.map(u64::from)),
    ),
    column("status", "column_products_status", |p| {
        text(p.item.status.id())
    }),
    column("price_min", "column_products_price_min", |p| {
        number(p.price().map(|x| x.min))
    }),
    column("price_max", "column_products_price_max", |p| {
        number(p.price().and_then(|x| x.max))
    }),
    column("price_unit", "column_products_price_unit", |p| {
        text(
            p.price()
                .and_then(|x| x.unit.as_deref())
                .unwrap_or_default(),
        )
    }),
    column("summary", "column_products_summary", |p| {
        optional(&p.item.summary)
    }),
    column("url", "column_products_url", |p| {
        p.address(&paths::product(Lang::Vi, &p.item.slug))
    }),
    english_column("name_en", "column_products_name_en", |p| {
        text(
            p.item
                .en
                .as_ref()
                .and_then(|t| t.name.as_deref())
                .unwrap_or_default(),
        )
    }),
    english_column("summary_en", "column_products_summary_en", |p| {
        text(
            p.item
                .en
                .as_ref()
                .and_then(|t| t.summary.as_deref())
                .unwrap_or_default(),
        )
    }),
    english_column("url_en", "column_products_url_en", |p| {
        p.address(&paths::product(Lang::En, &p.item.slug))
    }),
];

/// The columns of `producers.csv`, in order, the English ones last: one row per
/// producer, in catalogue order.
pub const PRODUCERS: &[Column<Producer>] = &[
    column("id", "column_producers_id", |p| text(&p.item.id)),
    column("name", "column_producers_name", |p| text(p.item.name())),
    column("type", "column_producers_type", |p| {
        Cell::ProducerType(p.item.kind)
    }),
    column("district", "column_producers_district", |p| {
        text(&p.catalogue.districts[p.item.district].name)
    }),
    column("address", "column_producers_address", |p| {
        optional(&p.item.record.address)
    }),
    column("representative", "column_producers_representative", |p| {
        optional(&p.item.record.representative)
    }),
    column("phone", "column_producers_phone", |p| {
        optional(&p.item.record.phone)
    }),
    column("email", "column_producers_email", |p| {
        optional(&p.item.record.email)
    }),
    column("website", "column_producers_website", |p| {
        optional(&p.item.website)
    }),
    column("listed_products", "column_producers_listed_products", |p| {
        owned(p.catalogue.index.by_producer[p.index].len().to_string())
    }),
    column("star_levels", "column_producers_star_levels", |p| {
        let levels = p.catalogue.producer_star_levels(p.index);
        owned(
            levels
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }),
    column("url", "column_producers_url", |p| {
        p.address(&paths::producer(Lang::Vi, &p.item.id))
    }),
    english_column("name_en", "column_producers_name_en", |p| {
        text(
            p.item
                .record
                .en
                .as_ref()
                .and_then(|t| t.name.as_deref())
                .unwrap_or_default(),
        )
    }),
    english_column("url_en", "column_producers_url_en", |p| {
        p.address(&paths::producer(Lang::En, &p.item.id))
    }),
];

/// The columns of `table` that this site's download has, in order: the English ones
/// only when the site has an English edition.
pub fn for_site<T>(
    catalogue: &Catalogue,
    table: &'static [Column<T>],
) -> impl Iterator<Item = &'static Column<T>> {
    let english = catalogue.has_english();
    table.iter().filter(move |c| english || !c.english)
}

/// The rows of a download of `records`, a list of `catalogue`, in their order.
pub fn rows<'a, T>(catalogue: &'a Catalogue, records: &'a [T]) -> impl Iterator<Item = Row<'a, T>> {
    (records.iter().enumerate()).map(move |(index, item)| Row {
        catalogue,
        index,
        item,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T>(file: &str, table: &[Column<T>]) {
        for column in table {
            assert_eq!(column.about, format!("column_{file}_{}", column.name));
        }
        // The English columns end the file, after every column a one-language site has.
        let first_english = table.iter().position(|c| c.english);
        assert!(
            first_english.is_some_and(|i| table[i..].iter().all(|c| c.english)),
            "{file}: the English columns are not last"
        );
        let mut names: Vec<&str> = table.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), table.len(), "{file}: a header is repeated");
    }

    #[test]
    fn each_column_is_described_by_its_own_key_and_the_english_ones_are_last() {
        check("products", PRODUCTS);
        check("producers", PRODUCERS);
    }
}
