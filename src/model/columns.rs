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

impl<T> Column<T> {
    /// The same column, written only when the site has an English edition.
    const fn english(self) -> Self {
        Self {
            english: true,
            ..self
        }
    }
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

/// A record's English translation, if it has one.
fn english<T>(en: &Option<T>) -> Option<&T> {
    en.as_ref()
}

fn owned<'a>(text: String) -> Cell<'a> {
    Cell::Text(Cow::Owned(text))
}

/// A number, or an empty cell.
fn number<'a>(number: Option<u64>) -> Cell<'a> {
    owned(number.map(|n| n.to_string()).unwrap_or_default())
}

const fn product(
    name: &'static str,
    about: &'static str,
    value: fn(Row<'_, Product>) -> Cell<'_>,
) -> Column<Product> {
    Column {
        name,
        about,
        english: false,
        value,
    }
}

const fn producer(
    name: &'static str,
    about: &'static str,
    value: fn(Row<'_, Producer>) -> Cell<'_>,
) -> Column<Producer> {
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
    product("slug", "column_products_slug", |p| text(&p.item.slug)),
    product("name", "column_products_name", |p| text(&p.item.name)),
    product("stars", "column_products_stars", |p| {
        owned(p.item.stars.to_string())
    }),
    product("category", "column_products_category", |p| {
        text(&p.catalogue.categories[p.item.category].name)
    }),
    product("district", "column_products_district", |p| {
        text(&p.catalogue.districts[p.item.district].name)
    }),
    product("producer_id", "column_products_producer_id", |p| {
        text(&p.producer().id)
    }),
    product("producer", "column_products_producer", |p| {
        text(p.producer().name())
    }),
    product("producer_type", "column_products_producer_type", |p| {
        Cell::ProducerType(p.producer().kind)
    }),
    product(
        "certificate_decision",
        "column_products_certificate_decision",
        |p| text(&p.item.certificate.decision),
    ),
    product(
        "certificate_date",
        "column_products_certificate_date",
        |p| owned(p.item.certificate.date.to_string()),
    ),
    product(
        "certificate_expires",
        "column_products_certificate_expires",
        |p| owned(p.item.certificate.expires.to_string()),
    ),
    product("status", "column_products_status", |p| {
        text(p.item.status.id())
    }),
    product("price_min", "column_products_price_min", |p| {
        number(p.price().map(|x| x.min))
    }),
    product("price_max", "column_products_price_max", |p| {
        number(p.price().and_then(|x| x.max))
    }),
    product("price_unit", "column_products_price_unit", |p| {
        text(
            p.price()
                .and_then(|x| x.unit.as_deref())
                .unwrap_or_default(),
        )
    }),
    product("summary", "column_products_summary", |p| {
        optional(&p.item.summary)
    }),
    product("url", "column_products_url", |p| {
        p.address(&paths::product(Lang::Vi, &p.item.slug))
    }),
    product("name_en", "column_products_name_en", |p| {
        text(
            english(&p.item.en)
                .and_then(|t| t.name.as_deref())
                .unwrap_or_default(),
        )
    })
    .english(),
    product("summary_en", "column_products_summary_en", |p| {
        text(
            english(&p.item.en)
                .and_then(|t| t.summary.as_deref())
                .unwrap_or_default(),
        )
    })
    .english(),
    product("url_en", "column_products_url_en", |p| {
        p.address(&paths::product(Lang::En, &p.item.slug))
    })
    .english(),
];

/// The columns of `producers.csv`, in order, the English ones last: one row per
/// producer, in catalogue order.
pub const PRODUCERS: &[Column<Producer>] = &[
    producer("id", "column_producers_id", |p| text(&p.item.id)),
    producer("name", "column_producers_name", |p| text(p.item.name())),
    producer("type", "column_producers_type", |p| {
        Cell::ProducerType(p.item.kind)
    }),
    producer("district", "column_producers_district", |p| {
        text(&p.catalogue.districts[p.item.district].name)
    }),
    producer("address", "column_producers_address", |p| {
        optional(&p.item.record.address)
    }),
    producer("representative", "column_producers_representative", |p| {
        optional(&p.item.record.representative)
    }),
    producer("phone", "column_producers_phone", |p| {
        optional(&p.item.record.phone)
    }),
    producer("email", "column_producers_email", |p| {
        optional(&p.item.record.email)
    }),
    producer("website", "column_producers_website", |p| {
        optional(&p.item.website)
    }),
    producer("listed_products", "column_producers_listed_products", |p| {
        owned(p.catalogue.index.by_producer[p.index].len().to_string())
    }),
    producer("url", "column_producers_url", |p| {
        p.address(&paths::producer(Lang::Vi, &p.item.id))
    }),
    producer("name_en", "column_producers_name_en", |p| {
        text(
            english(&p.item.record.en)
                .and_then(|t| t.name.as_deref())
                .unwrap_or_default(),
        )
    })
    .english(),
    producer("url_en", "column_producers_url_en", |p| {
        p.address(&paths::producer(Lang::En, &p.item.id))
    })
    .english(),
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
