//! Writes the content of a Hugo site equivalent to an ocop catalogue, for the build
//! benchmark (bench/build/run.sh).
//!
//! ```text
//! cargo run --release --example hugo_site -- CATALOGUE_DIR HUGO_DIR [--today YYYY-MM-DD]
//! ```
//!
//! It reads the catalogue with ocop's own loader and validator, so it works for any
//! valid catalogue, and writes `HUGO_DIR/content` and `HUGO_DIR/data/site.json`. The
//! configuration and layouts are committed under bench/build/hugo/ and copied by the
//! script. Each product becomes `content/san-pham/<slug>/index.md`, with JSON front
//! matter and its description as the Markdown body; districts, star levels, categories
//! and producers are Hugo taxonomies, each term with an `_index.md` that carries its
//! name (and, for producers, the contact fields). Expired products keep their page but
//! get no terms and `listed: false`, as ocop leaves them out of every listing. The
//! `weight` of a listed product is its place in ocop's listing order, so Hugo lists
//! products in the same order.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{json, Value};

use ocop::edition::Edition;
use ocop::model::Catalogue;
use ocop::validate::Options;

fn main() -> Result<(), Box<dyn Error>> {
    let usage = "usage: hugo_site CATALOGUE_DIR HUGO_DIR [--today YYYY-MM-DD]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 && !(args.len() == 4 && args[2] == "--today") {
        return Err(usage.into());
    }
    let root = PathBuf::from(&args[0]);
    let out = PathBuf::from(&args[1]);
    let today = match args.get(3) {
        Some(day) => day.parse::<NaiveDate>()?,
        None => chrono::Local::now().date_naive(),
    };

    let (raw, mut diagnostics) = ocop::content::load(&root);
    let options = Options {
        today,
        base_url: None,
        drafts: false,
        refuse_placeholders: true,
    };
    let (catalogue, found) = ocop::validate::validate(&raw, &options);
    diagnostics.extend(found);
    let catalogue = match catalogue {
        Some(v) if !diagnostics.has_errors() => Catalogue::from_validated(v),
        _ => {
            for d in diagnostics.into_sorted() {
                eprintln!("{d}");
            }
            return Err("the catalogue has errors".into());
        }
    };

    let content = out.join("content");
    if content.exists() {
        fs::remove_dir_all(&content)?;
    }
    write_site(&catalogue, &out)?;
    // The main edition's words, for the producer types a page names.
    let main = catalogue.site.languages[0];
    let theme = ocop::content::theme_files::ThemeFiles::locate(&root, &catalogue.site.theme)
        .map_err(|d| d.to_string())?;
    let strings = ocop::edition::strings::load(&theme, &[main.code()]).map_err(|errors| {
        for d in &errors {
            eprintln!("{d}");
        }
        "the theme's strings have errors"
    })?;
    let edition = Edition {
        catalogue: &catalogue,
        lang: main,
        strings: &strings[0],
        all_strings: &strings,
    };
    write_products(edition, &content)?;
    write_terms(edition, &content)?;
    eprintln!(
        "wrote a Hugo site of {} products into {}",
        catalogue.products.len(),
        out.display()
    );
    Ok(())
}

/// A content file: JSON front matter, then the Markdown body.
fn page(path: &Path, front: &Value, body: Option<&str>) -> Result<(), Box<dyn Error>> {
    fs::create_dir_all(path.parent().ok_or("no parent folder")?)?;
    let mut text = serde_json::to_string_pretty(front)?;
    text.push('\n');
    if let Some(body) = body {
        text.push_str(body);
        text.push('\n');
    }
    fs::write(path, text)?;
    Ok(())
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn display_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// What every page shows: the site's title, description and notice, in `data/`.
fn write_site(catalogue: &Catalogue, out: &Path) -> Result<(), Box<dyn Error>> {
    let site = &catalogue.site;
    let data = out.join("data");
    fs::create_dir_all(&data)?;
    let site_json = json!({
        "title": site.title,
        "description": site.description,
        "notice": site.notice,
        "area_label": site.area_label,
        "build_date": date(catalogue.today),
        "build_date_display": display_date(catalogue.today),
        "products": catalogue.index.listed.len(),
        "producers": catalogue.index.by_producer.iter().filter(|p| !p.is_empty()).count(),
        "districts": catalogue.districts.len(),
        "categories": catalogue.categories.len(),
        "contact": site.contact.as_ref().map(|c| json!({
            "name": c.name, "address": c.address, "phone": c.phone, "email": c.email,
        })),
    });
    fs::write(data.join("site.json"), serde_json::to_string(&site_json)?)?;
    page(
        &out.join("content/_index.md"),
        &json!({ "title": site.title, "description": site.description }),
        None,
    )?;
    page(
        &out.join("content/san-pham/_index.md"),
        &json!({ "title": "Sản phẩm OCOP" }),
        None,
    )
}

fn write_products(edition: Edition<'_>, content: &Path) -> Result<(), Box<dyn Error>> {
    let catalogue = edition.catalogue;
    let mut rank = vec![0usize; catalogue.products.len()];
    for (n, &i) in catalogue.index.listed.iter().enumerate() {
        rank[i] = n + 1;
    }
    let dir = content.join("san-pham");
    for (i, p) in catalogue.products.iter().enumerate() {
        let listed = p.is_listed();
        let category = &catalogue.categories[p.category];
        let district = &catalogue.districts[p.district];
        let producer = &catalogue.producers[p.producer];
        let c = &p.certificate;
        let mut front = json!({
            "title": p.name,
            "summary": p.summary,
            "weight": if listed { rank[i] } else { catalogue.products.len() + 1 },
            "listed": listed,
            "featured": p.featured,
            "rating": p.stars,
            "status": p.status.id(),
            "status_label": p.status.label(),
            "district": { "id": district.id, "name": district.name },
            "category": { "id": category.id, "name": category.name },
            "subcategory": p.subcategory.map(|s| category.subcategories[s].name.clone()),
            "producer": {
                "id": producer.id,
                "name": producer.name(),
                "type_label": edition.producer_type(producer.kind),
                "representative": producer.record.representative,
                "address": producer.record.address,
                "phone": producer.record.phone,
                "email": producer.record.email,
                "website": producer.website,
            },
            "certificate": {
                "decision": c.decision,
                "number": c.number,
                "issuer": c.issuer,
                "date": date(c.date),
                "date_display": display_date(c.date),
                "expires": date(c.expires),
                "expires_display": display_date(c.expires),
            },
            "price": p.price.as_ref().map(|pr| pr.display()),
            "shops": p.shops.iter().map(|s| json!({
                "name": catalogue.site.platform(&s.platform).map_or(s.platform.as_str(), |pl| pl.name.as_str()),
                "platform": s.platform,
                "url": catalogue.site.outbound(&s.url),
            })).collect::<Vec<_>>(),
            "details": p.details.iter().map(|d| json!({ "label": d.label, "value": d.value })).collect::<Vec<_>>(),
            "tags": p.tags,
        });
        // Terms only for listed products: ocop's listings leave out expired ones.
        if listed {
            front["districts"] = json!([district.id]);
            front["stars"] = json!([p.stars.to_string()]);
            front["categories"] = json!([category.id]);
            front["producers"] = json!([producer.id]);
        }
        page(
            &dir.join(&p.slug).join("index.md"),
            &front,
            p.description.as_ref().map(|d| d.source.as_str()),
        )?;
    }
    Ok(())
}

/// One `_index.md` per taxonomy term, with the term's name and, for producers, the
/// fields of the producer page.
fn write_terms(edition: Edition<'_>, content: &Path) -> Result<(), Box<dyn Error>> {
    let catalogue = edition.catalogue;
    for (d, district) in catalogue.districts.iter().enumerate() {
        page(
            &content
                .join("districts")
                .join(&district.id)
                .join("_index.md"),
            &json!({
                "title": format!("Sản phẩm OCOP {}", district.name),
                "name": district.name,
                "count": catalogue.index.by_district[d].len(),
            }),
            None,
        )?;
    }
    for stars in [3u8, 4, 5] {
        page(
            &content
                .join("stars")
                .join(stars.to_string())
                .join("_index.md"),
            &json!({
                "title": format!("Sản phẩm OCOP {stars} sao"),
                "rating": stars,
                "count": catalogue.with_stars(stars).len(),
            }),
            None,
        )?;
    }
    for (c, category) in catalogue.categories.iter().enumerate() {
        let ids = &catalogue.index.by_category[c];
        let subcategories: Vec<Value> = (category.subcategories.iter().enumerate())
            .map(|(s, sub)| {
                let count = (ids.iter())
                    .filter(|&&i| catalogue.products[i].subcategory == Some(s))
                    .count();
                json!({ "name": sub.name, "count": count })
            })
            .collect();
        page(
            &content
                .join("categories")
                .join(&category.id)
                .join("_index.md"),
            &json!({
                "title": category.name,
                "name": category.name,
                "count": ids.len(),
                "subcategories": subcategories,
            }),
            None,
        )?;
    }
    for producer in &catalogue.producers {
        let district = &catalogue.districts[producer.district];
        page(
            &content
                .join("producers")
                .join(&producer.id)
                .join("_index.md"),
            &json!({
                "title": producer.name(),
                "type_label": edition.producer_type(producer.kind),
                "district": { "id": district.id, "name": district.name },
                "representative": producer.record.representative,
                "address": producer.record.address,
                "phone": producer.record.phone,
                "email": producer.record.email,
                "website": producer.website,
            }),
            producer.description.as_ref().map(|d| d.source.as_str()),
        )?;
    }
    Ok(())
}
