//! The content files as the team writes them: one struct per file kind, no checks
//! beyond types. Unknown keys are refused so that a typo such as `star:` is reported
//! rather than silently ignored.
//!
//! The same structs give the JSON Schemas of `ocop schema` (through `schemars`), so
//! the doc comments below are what an editor shows beside each key: Vietnamese first,
//! for the team, then English. `deny_unknown_fields` becomes
//! `additionalProperties: false`, and a field with a serde default is not required.
//! The schemas only help editors: `ocop check` stays the judge of every rule.

use schemars::JsonSchema;
use serde::Deserialize;

/// An ISO date as every content file writes it; a schema can only check its shape.
const DATE_PATTERN: &str = r"^\d{4}-\d{2}-\d{2}$";

/// Cấu hình trang web (content/site.yaml). / The site's settings.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteRecord {
    /// Tên trang web. / Site title.
    pub title: String,
    /// Mô tả ngắn của trang web. / Site description.
    #[serde(default)]
    pub description: String,
    /// Địa chỉ công khai, kết thúc bằng `/`, ví dụ https://ocop.example.vn/. / Public address.
    pub base_url: String,
    /// Tên tỉnh. / Province name.
    pub province: String,
    /// Thư mục giao diện trong themes/. / Theme folder under themes/.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Thời hạn giấy chứng nhận, tính bằng tháng từ ngày quyết định. / Certificate validity in months.
    #[serde(default = "default_validity")]
    pub certificate_validity_months: u32,
    /// Giấy chứng nhận hết hạn trong số tháng này được coi là "sắp hết hạn". / Expiry warning window in months.
    #[serde(default = "default_warning")]
    pub expiring_warning_months: u32,
    /// Từ chỉ đơn vị cấp huyện, ví dụ "Huyện". / The word for a district-level unit.
    #[serde(default = "default_area_label")]
    pub area_label: String,
    /// Thông báo hiện trên mọi trang (không bắt buộc). / Optional banner on every page.
    pub notice: Option<String>,
    /// Thông tin liên hệ của đơn vị quản lý. / Contact details of the publisher.
    pub contact: Option<ContactRecord>,
    /// Số sản phẩm mỗi trang danh sách. / Page size of the product list.
    #[serde(default = "default_page_size")]
    pub products_per_page: usize,
    /// Sàn thương mại điện tử ngoài danh sách có sẵn. / Marketplaces beyond the built-in list.
    #[serde(default)]
    pub platforms: Vec<PlatformRecord>,
    /// Chiến dịch quảng bá: thẻ UTM cho liên kết gian hàng. / Tags shop links so that
    /// marketplaces' reports show the campaign.
    pub campaign: Option<CampaignRecord>,
    /// Đánh dấu liên kết gian hàng là được tài trợ. / Mark shop links `rel="sponsored"`.
    #[serde(default)]
    pub sponsored_links: bool,
    /// Giấy phép của các tệp dữ liệu mở. / The licence of the open-data downloads.
    pub data_licence: Option<LicenceRecord>,
    /// Các ngôn ngữ của trang, ngôn ngữ chính trước: `[vi, en]` thêm bản tiếng Anh dưới /en/. /
    /// The site's languages, the main one first: `[vi, en]` adds an English edition under /en/.
    #[serde(default)]
    #[schemars(extend("items" = {"enum": ["vi", "en"]}))]
    pub languages: Vec<String>,
    /// Bản dịch tiếng Anh. / English translation.
    pub en: Option<SiteTextRecord>,
    /// Trình sửa nội dung trên trang công khai (/admin/), lưu vào kho Git này. /
    /// The editor published at /admin/, saving to this Git repository.
    pub editor: Option<EditorRecord>,
}

/// Kho Git mà trình sửa nội dung trên trang công khai lưu vào. / The Git host of the
/// published editor.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditorRecord {
    /// Dịch vụ Git: github, gitlab hoặc gitea. / The Git host: github, gitlab or gitea.
    #[schemars(extend("enum" = ["github", "gitlab", "gitea"]))]
    pub backend: String,
    /// Kho, dạng chủ/tên, ví dụ so-cong-thuong/ocop-cao-bang. / The repository, owner/name.
    pub repo: String,
    /// Nhánh được dựng thành trang, ví dụ main. / The branch the site is built from.
    pub branch: String,
    /// Địa chỉ máy chủ GitLab hoặc Gitea riêng, nếu có. / A self-hosted GitLab's or Gitea's address.
    pub base_url: Option<String>,
}

impl Default for SiteRecord {
    fn default() -> Self {
        Self {
            title: "OCOP".into(),
            description: String::new(),
            base_url: "http://localhost/".into(),
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
            languages: Vec::new(),
            en: None,
            editor: None,
        }
    }
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

/// Thông tin liên hệ. / Contact details.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactRecord {
    /// Tên đơn vị. / Name.
    pub name: Option<String>,
    /// Địa chỉ. / Address.
    pub address: Option<String>,
    /// Số điện thoại. / Phone.
    pub phone: Option<String>,
    /// Thư điện tử. / Email.
    pub email: Option<String>,
}

/// Một sàn thương mại điện tử. / A marketplace.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlatformRecord {
    /// Mã sàn, dùng trong `shops[].platform`. / Id used by `shops[].platform`.
    pub id: String,
    /// Tên hiển thị. / Display name.
    pub name: String,
    /// Tên miền của sàn; tên miền con cũng được chấp nhận. / The platform's hosts, subdomains included.
    pub hosts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DistrictRecord {
    pub id: String,
    pub name: String,
    /// Tên tiếng Anh. / English name.
    pub en: Option<NameRecord>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryRecord {
    pub id: String,
    pub name: String,
    /// Tên tiếng Anh. / English name.
    pub en: Option<NameRecord>,
    #[serde(default)]
    pub subcategories: Vec<SubcategoryRecord>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubcategoryRecord {
    pub id: String,
    pub name: String,
    /// Tên tiếng Anh. / English name.
    pub en: Option<NameRecord>,
}

/// Chủ thể sản xuất OCOP (content/producers/<mã>.yaml; tên tệp là mã chủ thể). /
/// An OCOP producer; the file name is its id.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProducerRecord {
    /// Tên chủ thể, ví dụ "HTX Nông sản Đồng Tâm". / Name.
    pub name: String,
    /// Loại chủ thể: htx (hợp tác xã), tht (tổ hợp tác), doanh-nghiep, ho-kinh-doanh. / Producer type.
    #[serde(rename = "type")]
    #[schemars(extend("enum" = ["htx", "tht", "doanh-nghiep", "ho-kinh-doanh"]))]
    pub kind: String,
    /// Mã huyện trong content/districts.yaml. / District id from content/districts.yaml.
    pub district: String,
    /// Địa chỉ. / Address.
    pub address: Option<String>,
    /// Người đại diện. / Representative.
    pub representative: Option<String>,
    /// Số điện thoại. / Phone.
    pub phone: Option<String>,
    /// Thư điện tử. / Email.
    pub email: Option<String>,
    /// Trang web riêng, bắt đầu bằng https://. / Own website (https only).
    pub website: Option<String>,
    /// Giới thiệu chủ thể, viết bằng Markdown. / Description in Markdown.
    pub description: Option<String>,
    /// Bản dịch tiếng Anh. / English translation.
    pub en: Option<ProducerTextRecord>,
}

/// Sản phẩm OCOP (content/products/<slug>/product.yaml; tên thư mục là slug). /
/// An OCOP product; its folder name gives its slug.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductRecord {
    /// Tên sản phẩm, như trên giấy chứng nhận. / Product name, as on the certificate.
    pub name: String,
    /// Hạng sao OCOP: 3, 4 hoặc 5. / OCOP star level: 3, 4 or 5.
    #[schemars(extend("enum" = [3, 4, 5]))]
    pub stars: u8,
    /// Mã nhóm sản phẩm trong content/categories.yaml. / Category id.
    pub category: String,
    /// Mã phân nhóm, thuộc nhóm ở trên. / Subcategory id within the category.
    pub subcategory: Option<String>,
    /// Mã chủ thể: tên tệp trong content/producers/, không có .yaml. / Producer id.
    pub producer: String,
    /// Quyết định công nhận OCOP. / The certification decision.
    pub certificate: CertificateRecord,
    /// Mã huyện; bỏ trống thì lấy huyện của chủ thể. / District id; defaults to the producer's.
    pub district: Option<String>,
    /// Mô tả ngắn, tối đa 200 ký tự, không định dạng. / Plain-text summary, at most 200 characters.
    #[schemars(length(max = 200))]
    pub summary: Option<String>,
    /// Mô tả đầy đủ, viết bằng Markdown. / Description in Markdown.
    pub description: Option<String>,
    /// Ảnh trong thư mục sản phẩm; ảnh đầu tiên là ảnh bìa. / Photos beside the file; the first is the cover.
    #[serde(default)]
    pub photos: Vec<PhotoRecord>,
    /// Giá bán (đồng). / Price in VND.
    pub price: Option<PriceRecord>,
    /// Liên kết mua hàng trên các sàn. / Marketplace links.
    #[serde(default)]
    pub shops: Vec<ShopRecord>,
    /// Thông tin thêm: khối lượng, thành phần, hạn dùng… / Extra label–value details.
    #[serde(default)]
    pub details: Vec<DetailRecord>,
    /// Từ khóa. / Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Hiện trên trang chủ. / Shown on the home page.
    #[serde(default)]
    pub featured: bool,
    /// Các lần đánh giá trước. / Earlier ratings.
    #[serde(default)]
    pub history: Vec<HistoryRecord>,
    /// Mã cũ của sản phẩm: địa chỉ cũ (đã in trong mã QR) chuyển về trang này. /
    /// Earlier slugs, whose addresses (printed in QR codes) redirect here.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Bản dịch tiếng Anh; phần không dịch hiện bằng tiếng Việt. /
    /// English translation; what is left out shows in Vietnamese.
    pub en: Option<ProductTextRecord>,
}

/// Quyết định công nhận OCOP. / The certification decision.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateRecord {
    /// Số quyết định, ví dụ "Quyết định số 124/QĐ-UBND". / Decision.
    pub decision: String,
    /// Ngày quyết định, dạng NĂM-THÁNG-NGÀY (2023-02-20). / Decision date, YYYY-MM-DD.
    #[schemars(pattern(DATE_PATTERN))]
    pub date: String,
    /// Số giấy chứng nhận. / Certificate number.
    pub number: Option<String>,
    /// Cơ quan cấp, ví dụ "UBND tỉnh Cao Bằng". / Issuer.
    pub issuer: Option<String>,
    /// Ngày hết hạn; bỏ trống thì tính từ ngày quyết định. / Expiry date; defaults from the decision date.
    #[schemars(pattern(DATE_PATTERN))]
    pub expires: Option<String>,
    /// Điểm đánh giá (0–100), khớp hạng sao theo Quyết định 148/2023/QĐ-TTg: 3 sao 50–69,
    /// 4 sao 70–89, 5 sao 90–100. / The score out of 100, matching the stars.
    #[schemars(range(min = 0, max = 100))]
    pub score: Option<u32>,
}

/// Một ảnh sản phẩm. / A product photo.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhotoRecord {
    /// Tên tệp ảnh trong thư mục sản phẩm (JPEG, PNG, WebP). / File name beside product.yaml.
    pub file: String,
    /// Mô tả ảnh cho người không nhìn thấy ảnh (bắt buộc). / Alternative text (required).
    pub alt: String,
    /// Chú thích hiện dưới ảnh. / Caption.
    pub caption: Option<String>,
    /// Bản dịch tiếng Anh. / English translation.
    pub en: Option<PhotoTextRecord>,
}

/// Giá bán (đồng). / Price in VND.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceRecord {
    /// Giá thấp nhất. / Lowest price.
    pub min: u64,
    /// Giá cao nhất. / Highest price.
    pub max: Option<u64>,
    /// Đơn vị tính, ví dụ "hộp 300 g". / Unit, e.g. "hộp 300 g".
    pub unit: Option<String>,
}

/// Liên kết mua hàng. / A marketplace link.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShopRecord {
    /// Mã sàn: shopee, lazada, tiki, sendo, postmart, voso, tiktok, website, hoặc sàn trong site.yaml. / Platform id.
    pub platform: String,
    /// Địa chỉ https trên tên miền của sàn. / An https link on the platform's host.
    pub url: String,
}

/// Một dòng thông tin thêm. / A label–value detail.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DetailRecord {
    /// Tên thông tin, ví dụ "Khối lượng tịnh". / Label.
    pub label: String,
    /// Giá trị, ví dụ "300 g". / Value.
    pub value: String,
}

/// Một lần đánh giá trước. / An earlier rating.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryRecord {
    /// Hạng sao khi đó (1 đến 5). / Stars then (1 to 5).
    #[schemars(range(min = 1, max = 5))]
    pub stars: u8,
    /// Ngày quyết định, dạng NĂM-THÁNG-NGÀY. / Decision date, YYYY-MM-DD.
    #[schemars(pattern(DATE_PATTERN))]
    pub date: String,
    /// Quyết định. / Decision.
    pub decision: String,
    /// Điểm đánh giá khi đó (0–100), khớp hạng sao. / The score then, out of 100, matching the stars.
    #[schemars(range(min = 0, max = 100))]
    pub score: Option<u32>,
}

/// Bản dịch tiếng Anh của site.yaml. / The English text of site.yaml.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteTextRecord {
    pub title: Option<String>,
    pub description: Option<String>,
    pub notice: Option<String>,
    pub area_label: Option<String>,
}

/// Tên tiếng Anh. / An English name.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NameRecord {
    pub name: String,
}

/// Bản dịch tiếng Anh của một chủ thể. / A producer's English text.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProducerTextRecord {
    pub name: Option<String>,
    /// Markdown.
    pub description: Option<String>,
}

/// Bản dịch tiếng Anh của một sản phẩm. / A product's English text.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductTextRecord {
    pub name: Option<String>,
    #[schemars(length(max = 200))]
    pub summary: Option<String>,
    /// Markdown.
    pub description: Option<String>,
    /// Thay cả danh sách `details`. / Replaces the whole `details` list.
    pub details: Option<Vec<DetailRecord>>,
}

/// Bản dịch tiếng Anh của một ảnh. / A photo's English text.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhotoTextRecord {
    pub alt: Option<String>,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    pub title: String,
    pub description: Option<String>,
}

/// Thẻ UTM gắn vào liên kết gian hàng. / UTM tags added to shop links.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignRecord {
    /// Tên chiến dịch (`utm_campaign`). / Campaign name.
    pub name: String,
    /// Nguồn (`utm_source`); mặc định là tên miền của trang. / Defaults to the site's host.
    pub source: Option<String>,
    /// Kênh (`utm_medium`); mặc định `referral`. / Defaults to `referral`.
    pub medium: Option<String>,
}

/// Giấy phép dữ liệu mở. / Licence of the open data.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LicenceRecord {
    /// Tên giấy phép. / Licence name.
    pub name: String,
    /// Địa chỉ văn bản giấy phép. / Address of the licence text.
    pub url: Option<String>,
}

/// Tin bài (content/news/<slug>.md, hoặc content/news/<slug>/index.md với ảnh bên cạnh). /
/// A news item's front matter.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewsFrontMatter {
    /// Tiêu đề tin. / Title.
    pub title: String,
    /// Ngày đăng, dạng NĂM-THÁNG-NGÀY. / Publication date, YYYY-MM-DD.
    #[schemars(pattern(DATE_PATTERN))]
    pub date: String,
    /// Tóm tắt một, hai câu. / A one- or two-sentence summary.
    pub summary: Option<String>,
    /// Ảnh bìa: tệp ảnh cạnh index.md. / Cover photo beside index.md.
    pub cover: Option<String>,
    /// Từ khóa. / Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Người viết. / Author.
    pub author: Option<String>,
    /// Sản phẩm liên quan (slug). / Related products, by slug.
    #[serde(default)]
    pub products: Vec<String>,
    /// Bản nháp, chưa đăng. / A draft, not published.
    #[serde(default)]
    pub draft: bool,
}
