//! Which value of each search facet a product has, and how many listed products
//! have each value.

use crate::domain::{CertificateStatus, Facet, ProducerType, Product, STAR_LEVELS};

use super::Catalogue;

impl Facet {
    /// The index in `edition::facets::facet_values` of `product`'s value.
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
            Facet::Status => (CertificateStatus::ALL.iter())
                .position(|&s| s == product.status)
                .unwrap_or(0),
        }
    }

    /// How many values the facet has.
    pub fn value_count(self, catalogue: &Catalogue) -> usize {
        match self {
            Facet::District => catalogue.districts.len(),
            Facet::Stars => STAR_LEVELS.len(),
            Facet::Category => catalogue.categories.len(),
            Facet::ProducerType => ProducerType::ALL.len(),
            Facet::Status => CertificateStatus::ALL.len(),
        }
    }

    /// How many products the search shows by default have each value, in
    /// `edition::facets::facet_values` order: the listed ones, except for the status
    /// facet, which counts the expired too, one click away.
    pub fn counts(self, catalogue: &Catalogue) -> Vec<usize> {
        let mut counts = vec![0; self.value_count(catalogue)];
        let products: Box<dyn Iterator<Item = usize>> = match self {
            Facet::Status => Box::new(0..catalogue.products.len()),
            _ => Box::new(catalogue.index.listed.iter().copied()),
        };
        for i in products {
            if let Some(count) = counts.get_mut(self.value_of(catalogue, &catalogue.products[i])) {
                *count += 1;
            }
        }
        counts
    }
}
