//! Which value of each search facet a product has, and how many listed products
//! have each value.

use crate::domain::{Facet, ProducerType, Product, STAR_LEVELS};

use super::Catalogue;

impl Facet {
    /// The index in `render::search::facet_values` of `product`'s value.
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

    /// How many values the facet has.
    pub fn value_count(self, catalogue: &Catalogue) -> usize {
        match self {
            Facet::District => catalogue.districts.len(),
            Facet::Stars => STAR_LEVELS.len(),
            Facet::Category => catalogue.categories.len(),
            Facet::ProducerType => ProducerType::ALL.len(),
        }
    }

    /// How many listed products have each value, in `render::search::facet_values` order.
    pub fn counts(self, catalogue: &Catalogue) -> Vec<usize> {
        let mut counts = vec![0; self.value_count(catalogue)];
        for &i in &catalogue.index.listed {
            if let Some(count) = counts.get_mut(self.value_of(catalogue, &catalogue.products[i])) {
                *count += 1;
            }
        }
        counts
    }
}
