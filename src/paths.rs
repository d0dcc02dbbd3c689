//! The site's output paths. They are part of the contract: printed QR codes, other
//! tools and the tests rely on them, so every stage builds them here and nowhere else.
//!
//! Each function returns a path relative to the site root, ending in `/` for pages.
//! Pages exist once per edition: the main one (Vietnamese) at the root, English under
//! `en/` with English words. Photos and downloads are shared by both.

use crate::domain::Lang;

/// The words an edition's paths are made of.
struct Words {
    products: &'static str,
    page: &'static str,
    print: &'static str,
    districts: &'static str,
    stars: &'static str,
    categories: &'static str,
    producers: &'static str,
    /// The producer directory's filter by producer type.
    producer_type: &'static str,
    stats: &'static str,
    search: &'static str,
    news: &'static str,
    data: &'static str,
}

const VI: Words = Words {
    products: "san-pham",
    page: "trang",
    print: "in",
    districts: "huyen",
    stars: "sao",
    categories: "nhom",
    producers: "chu-the",
    producer_type: "loai",
    stats: "thong-ke",
    search: "tim-kiem",
    news: "tin-tuc",
    data: "du-lieu",
};

const EN: Words = Words {
    products: "products",
    page: "page",
    print: "print",
    districts: "districts",
    stars: "stars",
    categories: "categories",
    producers: "producers",
    producer_type: "type",
    stats: "statistics",
    search: "search",
    news: "news",
    data: "data",
};

/// The edition's folder and its words.
fn edition(lang: Lang) -> (&'static str, &'static Words) {
    match lang {
        Lang::Vi => ("", &VI),
        Lang::En => ("en/", &EN),
    }
}

/// `folder/` in the edition of `lang`.
fn section(lang: Lang, folder: fn(&Words) -> &'static str) -> String {
    let (prefix, words) = edition(lang);
    format!("{prefix}{}/", folder(words))
}

pub fn home(lang: Lang) -> String {
    edition(lang).0.to_owned()
}

pub fn products(lang: Lang, page: usize) -> String {
    paged(lang, section(lang, |w| w.products), page)
}

/// Page `page` (from 1) of a listing whose first page is `first`.
fn paged(lang: Lang, first: String, page: usize) -> String {
    match page {
        0 | 1 => first,
        n => format!("{first}{}/{n}/", edition(lang).1.page),
    }
}

pub fn product(lang: Lang, slug: &str) -> String {
    format!("{}{slug}/", section(lang, |w| w.products))
}

/// The printable product sheet, for trade fairs.
pub fn product_sheet(lang: Lang, slug: &str) -> String {
    format!("{}{}/", product(lang, slug), edition(lang).1.print)
}

pub fn district(lang: Lang, id: &str) -> String {
    format!("{}{id}/", section(lang, |w| w.districts))
}

pub fn stars(lang: Lang, stars: u8) -> String {
    stars_page(lang, stars, 1)
}

/// A page of the listing of one star level, from 1.
pub fn stars_page(lang: Lang, stars: u8, page: usize) -> String {
    paged(
        lang,
        format!("{}{stars}/", section(lang, |w| w.stars)),
        page,
    )
}

pub fn category(lang: Lang, id: &str) -> String {
    category_page(lang, id, 1)
}

/// A page of the listing of one category, from 1.
pub fn category_page(lang: Lang, id: &str, page: usize) -> String {
    paged(
        lang,
        format!("{}{id}/", section(lang, |w| w.categories)),
        page,
    )
}

pub fn producers(lang: Lang) -> String {
    section(lang, |w| w.producers)
}

/// A page of the producer directory, from 1.
pub fn producers_page(lang: Lang, page: usize) -> String {
    producers_filtered_page(lang, None, None, page)
}

/// A page of the producer directory filtered by the star level of the producers'
/// listed products and by producer type (its id), from 1:
/// `chu-the/sao/4/loai/htx/trang/2/`. Without either, the whole directory.
pub fn producers_filtered_page(
    lang: Lang,
    stars: Option<u8>,
    kind: Option<&str>,
    page: usize,
) -> String {
    let words = edition(lang).1;
    let mut first = producers(lang);
    if let Some(stars) = stars {
        first.push_str(&format!("{}/{stars}/", words.stars));
    }
    if let Some(kind) = kind {
        first.push_str(&format!("{}/{kind}/", words.producer_type));
    }
    paged(lang, first, page)
}

/// Ids a producer cannot take, in any edition: the directory's own path words.
pub fn producer_reserved_ids() -> [&'static str; 6] {
    [
        VI.page,
        VI.stars,
        VI.producer_type,
        EN.page,
        EN.stars,
        EN.producer_type,
    ]
}

pub fn producer(lang: Lang, id: &str) -> String {
    format!("{}{id}/", producers(lang))
}

pub fn stats(lang: Lang) -> String {
    section(lang, |w| w.stats)
}

/// A year's certification round, under the statistics page.
pub fn round(lang: Lang, year: i32) -> String {
    format!("{}{year}/", stats(lang))
}

/// A page of a year's round, from 1: the later ones continue its lists of products.
pub fn round_page(lang: Lang, year: i32, page: usize) -> String {
    paged(lang, round(lang, year), page)
}

/// A page of the statistics, from 1: the later ones continue the list of expiring
/// certificates.
pub fn stats_page(lang: Lang, page: usize) -> String {
    paged(lang, stats(lang), page)
}

pub fn search(lang: Lang) -> String {
    section(lang, |w| w.search)
}

/// The query-string names of the search page: `/tim-kiem/?q=lap+suon&huyen=hoa-an&sao=4`.
/// Shared links carry them, so they are as fixed as the paths.
pub mod search_params {
    use crate::domain::{CertificateStatus, Facet};

    pub const QUERY: &str = "q";

    pub fn facet(facet: Facet) -> &'static str {
        match facet {
            Facet::District => "huyen",
            Facet::Stars => "sao",
            Facet::Category => "nhom",
            Facet::ProducerType => "loai",
            Facet::Status => "trang-thai",
        }
    }

    /// The value of a certificate status in the `trang-thai` parameter.
    pub fn status(status: CertificateStatus) -> &'static str {
        match status {
            CertificateStatus::Valid => "con-hieu-luc",
            CertificateStatus::Expiring => "sap-het-han",
            CertificateStatus::Expired => "het-han",
        }
    }
}

/// An edition's search index: its entry point names the folder of its shards. Each
/// edition has its own, with its own names and addresses.
pub fn search_index(lang: Lang) -> String {
    format!("{}search/index.json", edition(lang).0)
}

/// A shard or record file of an edition's search index. `version` changes with the
/// content, so these files can be cached for good: a newer `index.json` never reads
/// older ones.
pub fn search_file(lang: Lang, version: &str, name: &str) -> String {
    format!("{}search/{version}/{name}", edition(lang).0)
}

pub fn page(lang: Lang, slug: &str) -> String {
    format!("{}{slug}/", edition(lang).0)
}

/// A page of the news listing, from 1.
pub fn news_list(lang: Lang, page: usize) -> String {
    paged(lang, section(lang, |w| w.news), page)
}

pub fn news(lang: Lang, slug: &str) -> String {
    format!("{}{slug}/", section(lang, |w| w.news))
}

/// The Atom feed of the news.
pub const NEWS_FEED: &str = "tin-tuc/atom.xml";

/// A resized copy of a news item's cover, next to the item's page.
pub fn news_photo(slug: &str, stem: &str, width: u32, format: PhotoFormat) -> String {
    format!("tin-tuc/{slug}/{stem}-{width}.{}", format.extension())
}

/// The open-data page that explains the downloads.
pub fn data_page(lang: Lang) -> String {
    section(lang, |w| w.data)
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
pub const ROUNDS_JSON: &str = "data/rounds.json";

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

/// Extensions of the theme's static files published under a name that carries a hash
/// of their bytes: pages load them by that name, so a server can let browsers keep them
/// for good (`Cache-Control: immutable`), and a changed file is a new name.
pub const HASHED_EXTENSIONS: &[&str] = &["css", "js"];

/// Hex digits of the hash in a hashed name: 40 bits, so two versions of a file clash
/// once in a trillion.
pub const HASH_DIGITS: usize = 10;

/// The path a static file of the theme is published under: `css/site.css` becomes
/// `css/site.1a2b3c4d5e.css`; other files keep their names (`favicon.svg`).
pub fn static_file(name: &str, bytes: &[u8]) -> String {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return name.to_owned();
    };
    if !HASHED_EXTENSIONS.contains(&extension) || stem.ends_with('/') {
        return name.to_owned();
    }
    let hash = blake3::hash(bytes).to_hex();
    format!("{stem}.{}.{extension}", &hash[..HASH_DIGITS])
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
    fn stylesheets_and_scripts_carry_a_hash_of_their_bytes() {
        let css = static_file("css/site.css", b"body{}");
        assert!(
            css.starts_with("css/site.") && css.ends_with(".css"),
            "{css}"
        );
        assert_eq!(css.len(), "css/site..css".len() + HASH_DIGITS);
        assert_ne!(css, static_file("css/site.css", b"body{color:red}"));
        assert_eq!(css, static_file("css/site.css", b"body{}"));
        assert_eq!(static_file("favicon.svg", b"<svg/>"), "favicon.svg");
        assert_eq!(static_file("LICENSE", b"x"), "LICENSE");
    }

    #[test]
    fn pages_are_folders_with_an_index() {
        assert_eq!(file_for(&home(Lang::Vi)), "index.html");
        assert_eq!(
            file_for(&product(Lang::Vi, "lap-suon")),
            "san-pham/lap-suon/index.html"
        );
        assert_eq!(file_for(NOT_FOUND), "404.html");
    }

    #[test]
    fn the_first_listing_page_has_no_page_number() {
        assert_eq!(products(Lang::Vi, 1), "san-pham/");
        assert_eq!(products(Lang::Vi, 2), "san-pham/trang/2/");
    }

    #[test]
    fn english_pages_live_under_en_with_english_words() {
        assert_eq!(home(Lang::En), "en/");
        assert_eq!(products(Lang::En, 2), "en/products/page/2/");
        assert_eq!(product_sheet(Lang::En, "x"), "en/products/x/print/");
        assert_eq!(district(Lang::En, "hoa-an"), "en/districts/hoa-an/");
        assert_eq!(stars_page(Lang::En, 4, 3), "en/stars/4/page/3/");
        assert_eq!(category(Lang::En, "do-uong"), "en/categories/do-uong/");
        assert_eq!(producer(Lang::En, "p"), "en/producers/p/");
        assert_eq!(stats(Lang::En), "en/statistics/");
        assert_eq!(round(Lang::En, 2023), "en/statistics/2023/");
        assert_eq!(round(Lang::Vi, 2023), "thong-ke/2023/");
        assert_eq!(search(Lang::En), "en/search/");
        assert_eq!(search_index(Lang::En), "en/search/index.json");
        assert_eq!(news(Lang::En, "n"), "en/news/n/");
        assert_eq!(data_page(Lang::En), "en/data/");
        assert_eq!(page(Lang::En, "gioi-thieu"), "en/gioi-thieu/");
    }
}
