//! The content files as the team writes them: one struct per file kind, no checks
//! beyond types. Unknown keys are refused so that a typo such as `star:` is reported
//! rather than silently ignored.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteRecord {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    pub province: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default = "default_validity")]
    pub certificate_validity_months: u32,
    #[serde(default = "default_warning")]
    pub expiring_warning_months: u32,
    #[serde(default = "default_area_label")]
    pub area_label: String,
    pub notice: Option<String>,
    pub contact: Option<ContactRecord>,
    #[serde(default = "default_page_size")]
    pub products_per_page: usize,
    /// Marketplaces beyond the built-in list.
    #[serde(default)]
    pub platforms: Vec<PlatformRecord>,
    /// Tags outbound shop links so that marketplaces' reports show the campaign.
    pub campaign: Option<CampaignRecord>,
    /// Mark shop links `rel="sponsored"`, e.g. when the province is paid for them.
    #[serde(default)]
    pub sponsored_links: bool,
    /// The licence of the open-data downloads.
    pub data_licence: Option<LicenceRecord>,
}

impl Default for SiteRecord {
    fn default() -> Self {
        Self {
            title: "OCOP".into(),
            description: String::new(),
            base_url: "http://localhost/".into(),
            language: default_language(),
            province: String::new(),
            theme: default_theme(),
            certificate_validity_months: default_validity(),
            expiring_warning_months: default_warning(),
            area_label: default_area_label(),
            notice: None,
            contact: None,
            products_per_page: default_page_size(),
            platforms: Vec::new(),
            campaign: None,
            sponsored_links: false,
            data_licence: None,
        }
    }
}

fn default_language() -> String {
    "vi".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_validity() -> u32 {
    36
}
fn default_warning() -> u32 {
    6
}
fn default_area_label() -> String {
    "Huyện".into()
}
fn default_page_size() -> usize {
    24
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRecord {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformRecord {
    pub id: String,
    pub name: String,
    pub hosts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistrictRecord {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryRecord {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub subcategories: Vec<SubcategoryRecord>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubcategoryRecord {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProducerRecord {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub district: String,
    pub address: Option<String>,
    pub representative: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductRecord {
    pub name: String,
    pub stars: u8,
    pub category: String,
    pub subcategory: Option<String>,
    pub producer: String,
    pub certificate: CertificateRecord,
    pub district: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub photos: Vec<PhotoRecord>,
    pub price: Option<PriceRecord>,
    #[serde(default)]
    pub shops: Vec<ShopRecord>,
    #[serde(default)]
    pub details: Vec<DetailRecord>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub featured: bool,
    #[serde(default)]
    pub history: Vec<HistoryRecord>,
    /// Earlier slugs of the product, whose URLs (printed in QR codes) must keep working.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateRecord {
    pub decision: String,
    pub date: String,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub expires: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoRecord {
    pub file: String,
    pub alt: String,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceRecord {
    pub min: u64,
    pub max: Option<u64>,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShopRecord {
    pub platform: String,
    pub url: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetailRecord {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryRecord {
    pub stars: u8,
    pub date: String,
    pub decision: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    pub title: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignRecord {
    /// `utm_campaign`
    pub name: String,
    /// `utm_source`; the site's host when absent.
    pub source: Option<String>,
    /// `utm_medium`; `referral` when absent.
    pub medium: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenceRecord {
    pub name: String,
    pub url: Option<String>,
}
