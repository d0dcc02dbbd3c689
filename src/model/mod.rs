//! Stage 3, model: the validated records gathered into one catalogue, with its
//! indexes by facet.
//!
//! Built once after validation and then only read, so rendering can share it across
//! threads. References between records are indexes into the catalogue's vectors.

pub mod columns;
pub mod coverage;
pub mod facet;
pub mod rounds;

use crate::domain::{Lang, Producer, Product};
use crate::validate::Validated;

/// The validated records, kept as validation handed them over (products sorted by
/// slug, news newest first), and their indexes. The records' fields read through the
/// catalogue: `catalogue.products`, `catalogue.site`.
#[derive(Debug)]
pub struct Catalogue {
    pub records: Validated,
    pub index: Index,
}

impl std::ops::Deref for Catalogue {
    type Target = Validated;

    fn deref(&self) -> &Validated {
        &self.records
    }
}

/// Listed (not expired) products by facet, each list in display order.
#[derive(Debug, Default)]
pub struct Index {
    /// Every listed product.
    pub listed: Vec<usize>,
    pub by_district: Vec<Vec<usize>>,
    pub by_category: Vec<Vec<usize>>,
    pub by_producer: Vec<Vec<usize>>,
    /// Indexed by `stars - 3`.
    pub by_stars: [Vec<usize>; 3],
    /// Every producer, listed products or not, by its district: the trader directory.
    pub producers_by_district: Vec<Vec<usize>>,
    /// News items that mention each product (related or embedded), newest first.
    pub news_by_product: Vec<Vec<usize>>,
    /// The certification round of each year with a decision, oldest first.
    pub rounds: Vec<rounds::Round>,
    /// The product whose share image stands for pages without their own: the first
    /// featured product with a photo, else the first listed one with a photo.
    pub site_image: Option<usize>,
}

impl Catalogue {
    /// The catalogue of the records that passed validation: products sorted by slug,
    /// news newest first, and the indexes.
    pub fn from_validated(mut records: Validated) -> Self {
        records.products.sort_by(|a, b| a.slug.cmp(&b.slug));
        records
            .news
            .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let mut index = Index::build(
            &records.products,
            &records.producers,
            records.districts.len(),
            records.categories.len(),
        );
        index.news_by_product = news_by_product(&records);
        index.rounds = rounds::rounds(
            &records.products,
            records.site.validity_months,
            records.today,
        );
        Self { records, index }
    }

    /// The certification round of `year`, if the year has a decision.
    pub fn round(&self, year: i32) -> Option<&rounds::Round> {
        self.index.rounds.iter().find(|r| r.year == year)
    }

    /// The index of the product with `slug`: products are sorted by slug.
    pub fn product_by_slug(&self, slug: &str) -> Option<usize> {
        self.products
            .binary_search_by(|p| p.slug.as_str().cmp(slug))
            .ok()
    }

    /// Whether the site has an English edition, whose texts the downloads then carry
    /// too.
    pub fn has_english(&self) -> bool {
        self.site.languages.contains(&Lang::En)
    }

    /// The star levels of a producer's listed products, highest first: what the
    /// directory filters producers by.
    pub fn producer_star_levels(&self, producer: usize) -> Vec<u8> {
        let products = &self.index.by_producer[producer];
        (crate::domain::STAR_LEVELS.into_iter())
            .filter(|&s| products.iter().any(|&i| self.products[i].stars == s))
            .collect()
    }

    /// Listed products of one star level (3 to 5).
    pub fn with_stars(&self, stars: u8) -> &[usize] {
        &self.index.by_stars[usize::from(stars.saturating_sub(3)).min(2)]
    }
}

impl Index {
    fn build(
        products: &[Product],
        producers: &[Producer],
        districts: usize,
        categories: usize,
    ) -> Self {
        let mut listed: Vec<usize> = (0..products.len())
            .filter(|&i| products[i].is_listed())
            .collect();
        // Listings read best by name; the folded key puts "Đ" with "D" and ignores tones.
        listed.sort_by_cached_key(|&i| (sort_key(&products[i].name), products[i].slug.clone()));
        let mut index = Index {
            by_district: vec![Vec::new(); districts],
            by_category: vec![Vec::new(); categories],
            by_producer: vec![Vec::new(); producers.len()],
            producers_by_district: vec![Vec::new(); districts],
            ..Index::default()
        };
        for (p, producer) in producers.iter().enumerate() {
            index.producers_by_district[producer.district].push(p);
        }
        for &i in &listed {
            let product = &products[i];
            index.by_district[product.district].push(i);
            index.by_category[product.category].push(i);
            index.by_producer[product.producer].push(i);
            index.by_stars[usize::from(product.stars - 3)].push(i);
        }
        let with_photo = |&&i: &&usize| !products[i].photos.is_empty();
        index.site_image = (listed.iter().filter(|&&i| products[i].featured))
            .chain(&listed)
            .find(with_photo)
            .copied();
        index.listed = listed;
        index
    }
}

/// A name folded for sorting: without tone marks, lowercase.
pub fn sort_key(name: &str) -> String {
    deunicode::deunicode(name).to_lowercase()
}

/// For each product, the news items that mention it (related or embedded), newest
/// first; `records.news` must be sorted so already.
fn news_by_product(records: &Validated) -> Vec<Vec<usize>> {
    let by_slug = |slug: &str| {
        (records.products)
            .binary_search_by(|p| p.slug.as_str().cmp(slug))
            .ok()
    };
    let mut by_product = vec![Vec::new(); records.products.len()];
    for (n, item) in records.news.iter().enumerate() {
        let mut mentioned: Vec<usize> = (item.products.iter())
            .chain(&item.embedded)
            .filter_map(|slug| by_slug(slug))
            .collect();
        mentioned.sort_unstable();
        mentioned.dedup();
        for p in mentioned {
            by_product[p].push(n);
        }
    }
    by_product
}
