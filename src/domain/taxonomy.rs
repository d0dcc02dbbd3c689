//! The facets products are grouped by: district-level units and OCOP product groups.

use super::language::{Lang, Localized};

#[derive(Debug, Clone)]
pub struct District {
    pub id: String,
    pub name: String,
    pub en_name: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub en_name: Option<String>,
    pub subcategories: Vec<Subcategory>,
}

#[derive(Debug, Clone)]
pub struct Subcategory {
    pub id: String,
    pub name: String,
    pub en_name: Option<String>,
}

/// The name of a district, category or subcategory in an edition's language.
macro_rules! name_in {
    ($($facet:ty),*) => {$(
        impl $facet {
            pub fn name_in(&self, lang: Lang) -> Localized<'_> {
                lang.pick(&self.name, self.en_name.as_deref())
            }
        }
    )*};
}
name_in!(District, Category, Subcategory);

/// The four kinds of producing entity ("chủ thể") OCOP recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProducerType {
    Cooperative,
    CooperativeGroup,
    Enterprise,
    Household,
}

impl ProducerType {
    pub const ALL: [ProducerType; 4] = [
        ProducerType::Cooperative,
        ProducerType::CooperativeGroup,
        ProducerType::Enterprise,
        ProducerType::Household,
    ];

    /// The id written in producer files.
    pub fn id(self) -> &'static str {
        match self {
            ProducerType::Cooperative => "htx",
            ProducerType::CooperativeGroup => "tht",
            ProducerType::Enterprise => "doanh-nghiep",
            ProducerType::Household => "ho-kinh-doanh",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }
}
