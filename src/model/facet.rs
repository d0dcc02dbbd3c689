//! The facets a product is filtered by on the search page: one place that says what
//! their values are, in what order, and which value a product has.

use super::{Catalogue, ProducerType, Product, STAR_LEVELS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    District,
    Stars,
    Category,
    ProducerType,
}

impl Facet {
    pub const ALL: [Facet; 4] = [
        Facet::District,
        Facet::Stars,
        Facet::Category,
        Facet::ProducerType,
    ];

    /// Every value as `(id, name)`, in display order.
    pub fn values(self, catalogue: &Catalogue) -> Vec<(String, String)> {
        match self {
            Facet::District => (catalogue.districts.iter())
                .map(|d| (d.id.clone(), d.name.clone()))
                .collect(),
            // Lowest first, as people read a scale.
            Facet::Stars => (STAR_LEVELS.iter().rev())
                .map(|s| (s.to_string(), format!("{s} sao")))
                .collect(),
            Facet::Category => (catalogue.categories.iter())
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
            Facet::ProducerType => (ProducerType::ALL.iter())
                .map(|t| (t.id().to_owned(), t.label().to_owned()))
                .collect(),
        }
    }

    /// The index in [`Facet::values`] of `product`'s value.
    pub fn value_of(self, catalogue: &Catalogue, product: &Product) -> usize {
        match self {
            Facet::District => product.district,
            Facet::Stars => (STAR_LEVELS.iter().rev())
                .position(|&s| s == product.stars)
                .unwrap_or(0),
            Facet::Category => product.category,
            Facet::ProducerType => {
                let kind = catalogue.producers[product.producer].kind;
                ProducerType::ALL
                    .iter()
                    .position(|&t| t == kind)
                    .unwrap_or(0)
            }
        }
    }

    /// How many listed products have each value, in [`Facet::values`] order.
    pub fn counts(self, catalogue: &Catalogue) -> Vec<usize> {
        let mut counts = vec![0; self.values(catalogue).len()];
        for &i in &catalogue.index.listed {
            if let Some(count) = counts.get_mut(self.value_of(catalogue, &catalogue.products[i])) {
                *count += 1;
            }
        }
        counts
    }
}
