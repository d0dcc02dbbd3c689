//! The site's output paths. They are part of the contract: printed QR codes, other
//! tools and the tests rely on them, so every stage builds them here and nowhere else.
//!
//! Each function returns a path relative to the site root, ending in `/` for pages.

pub fn home() -> String {
    String::new()
}

pub fn products(page: usize) -> String {
    paged("san-pham/".into(), page)
}

/// Page `page` (from 1) of a listing whose first page is `first`.
fn paged(first: String, page: usize) -> String {
    match page {
        0 | 1 => first,
        n => format!("{first}trang/{n}/"),
    }
}

pub fn product(slug: &str) -> String {
    format!("san-pham/{slug}/")
}

/// The printable product sheet, for trade fairs.
pub fn product_sheet(slug: &str) -> String {
    format!("san-pham/{slug}/in/")
}

/// The QR code of a product's permanent URL, as `svg` or `png`.
pub fn qr_code(slug: &str, extension: &str) -> String {
    format!("san-pham/{slug}/ma-qr.{extension}")
}

pub fn district(id: &str) -> String {
    format!("huyen/{id}/")
}

pub fn stars(stars: u8) -> String {
    stars_page(stars, 1)
}

/// A page of the listing of one star level, from 1.
pub fn stars_page(stars: u8, page: usize) -> String {
    paged(format!("sao/{stars}/"), page)
}

pub fn category(id: &str) -> String {
    category_page(id, 1)
}

/// A page of the listing of one category, from 1.
pub fn category_page(id: &str, page: usize) -> String {
    paged(format!("nhom/{id}/"), page)
}

pub fn producers() -> String {
    "chu-the/".into()
}

pub fn producer(id: &str) -> String {
    format!("chu-the/{id}/")
}

pub fn stats() -> String {
    "thong-ke/".into()
}

pub fn search() -> String {
    "tim-kiem/".into()
}

/// The query-string names of the search page: `/tim-kiem/?q=lap+suon&huyen=hoa-an&sao=4`.
/// Shared links carry them, so they are as fixed as the paths.
pub mod search_params {
    use crate::model::Facet;

    pub const QUERY: &str = "q";

    pub fn facet(facet: Facet) -> &'static str {
        match facet {
            Facet::District => "huyen",
            Facet::Stars => "sao",
            Facet::Category => "nhom",
            Facet::ProducerType => "loai",
        }
    }
}

/// The search index's entry point; it names the folder of its shards.
pub const SEARCH_INDEX: &str = "search/index.json";

/// A shard or record file of the search index. `version` changes with the content, so
/// these files can be cached for good: a newer `index.json` never reads older ones.
pub fn search_file(version: &str, name: &str) -> String {
    format!("search/{version}/{name}")
}

pub fn page(slug: &str) -> String {
    format!("{slug}/")
}

/// A page of the news listing, from 1.
pub fn news_list(page: usize) -> String {
    paged("tin-tuc/".into(), page)
}

pub fn news(slug: &str) -> String {
    format!("tin-tuc/{slug}/")
}

/// The Atom feed of the news.
pub const NEWS_FEED: &str = "tin-tuc/atom.xml";

/// A resized copy of a news item's cover, next to the item's page.
pub fn news_photo(slug: &str, stem: &str, width: u32, format: PhotoFormat) -> String {
    format!("tin-tuc/{slug}/{stem}-{width}.{}", format.extension())
}

/// The open-data page that explains the downloads.
pub fn data_page() -> String {
    "du-lieu/".into()
}

pub const NOT_FOUND: &str = "404.html";
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";

/// One part of a sitemap split because it passed 50,000 URLs, from 1.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}
pub const PRODUCTS_JSON: &str = "data/products.json";
pub const PRODUCTS_CSV: &str = "data/products.csv";
pub const PRODUCERS_CSV: &str = "data/producers.csv";

/// The file formats each resized photo is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoFormat {
    /// Smaller for the same quality; every current browser shows it.
    Webp,
    /// The fallback for older browsers, and for apps that do not take WebP.
    Jpeg,
}

impl PhotoFormat {
    pub const ALL: [PhotoFormat; 2] = [PhotoFormat::Webp, PhotoFormat::Jpeg];

    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Webp => "webp",
            PhotoFormat::Jpeg => "jpg",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            PhotoFormat::Webp => "image/webp",
            PhotoFormat::Jpeg => "image/jpeg",
        }
    }
}

/// A resized copy of a product photo, next to the product's page.
pub fn photo(slug: &str, stem: &str, width: u32, format: PhotoFormat) -> String {
    format!("san-pham/{slug}/{stem}-{width}.{}", format.extension())
}

/// The link-preview image of a product, made from its cover photo.
pub fn share_image(slug: &str) -> String {
    format!("san-pham/{slug}/chia-se.jpg")
}

/// The file a page path is written to: `san-pham/x/` → `san-pham/x/index.html`.
pub fn file_for(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_folders_with_an_index() {
        assert_eq!(file_for(&home()), "index.html");
        assert_eq!(
            file_for(&product("lap-suon")),
            "san-pham/lap-suon/index.html"
        );
        assert_eq!(file_for(NOT_FOUND), "404.html");
    }

    #[test]
    fn the_first_listing_page_has_no_page_number() {
        assert_eq!(products(1), "san-pham/");
        assert_eq!(products(2), "san-pham/trang/2/");
    }
}
