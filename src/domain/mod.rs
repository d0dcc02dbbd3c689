//! The OCOP vocabulary every stage speaks: products, producers, certificates, star
//! levels, districts, categories, languages. Plain data with the behaviour that follows
//! from the programme's rules (a certificate's status, a price as Vietnamese writes
//! it), and no knowledge of the stages: validate builds these values from the
//! records, model indexes them, render and assets read them.

pub mod certificate;
pub mod facet;
pub mod language;
pub mod markdown;
pub mod news;
pub mod producer;
pub mod product;
pub mod records;
pub mod shop;
pub mod site;
pub mod slug;
pub mod taxonomy;

pub use certificate::{score_band, Certificate, CertificateStatus};
pub use facet::Facet;
pub use language::{Lang, Localized};
pub use markdown::Markdown;
pub use news::News;
pub use producer::{Page, Producer};
pub use product::{Decision, Photo, Product, Rating};
pub use shop::{Platform, Shop};
pub use site::{Contact, Site};
pub use taxonomy::{Category, District, ProducerType, Subcategory};

/// The star levels that are certified, highest first.
pub const STAR_LEVELS: [u8; 3] = [5, 4, 3];
