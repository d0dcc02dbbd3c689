//! A producing entity ("chủ thể"): cooperative, group, enterprise or household.

use super::taxonomy::ProducerType;

#[derive(Debug, Clone, PartialEq)]
pub struct Producer {
    pub id: String,
    pub name: String,
    pub kind: ProducerType,
    /// Index into `Catalogue::districts`.
    pub district: usize,
    pub address: Option<String>,
    pub representative: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// Markdown.
    pub description: Option<String>,
}

/// A Markdown page such as "about OCOP".
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub body: String,
}
