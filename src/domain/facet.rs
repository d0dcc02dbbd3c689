//! The facets a product is filtered by on the search page, in the order the page
//! shows them. `model::facet` says which value each product has.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    District,
    Stars,
    Category,
    ProducerType,
    /// Whether the certificate is valid, expiring or expired: the archive's facet.
    Status,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::District,
        Facet::Stars,
        Facet::Category,
        Facet::ProducerType,
        Facet::Status,
    ];
}
