//! The facets a product is filtered by on the search page, in the order the page
//! shows them. `model::facet` says which value each product has.

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
}
