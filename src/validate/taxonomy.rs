//! `districts.yaml` and `categories.yaml`: ids must be slugs and unique.

use crate::t;
use std::collections::HashSet;

use crate::content::locate::Seg::{self, Index, Key};
use crate::content::{Loaded, Source};
use crate::diagnostics::Diagnostics;
use crate::domain::records::{CategoryRecord, DistrictRecord};
use crate::domain::{Category, District, Subcategory};

use super::fields::is_slug;

pub fn districts(
    loaded: &Loaded<Vec<DistrictRecord>>,
    diagnostics: &mut Diagnostics,
) -> Vec<District> {
    let mut seen = HashSet::new();
    loaded
        .record
        .iter()
        .enumerate()
        .filter(|(i, d)| check_id(&loaded.source, &[Index(*i)], &d.id, &mut seen, diagnostics))
        .map(|(_, d)| District {
            id: d.id.clone(),
            name: d.name.clone(),
            en_name: d.en.as_ref().map(|t| t.name.clone()),
        })
        .collect()
}

pub fn categories(
    loaded: &Loaded<Vec<CategoryRecord>>,
    diagnostics: &mut Diagnostics,
) -> Vec<Category> {
    let mut seen = HashSet::new();
    let mut categories = Vec::new();
    for (i, category) in loaded.record.iter().enumerate() {
        if !check_id(
            &loaded.source,
            &[Index(i)],
            &category.id,
            &mut seen,
            diagnostics,
        ) {
            continue;
        }
        let mut seen_sub = HashSet::new();
        let subcategories = category
            .subcategories
            .iter()
            .enumerate()
            .filter(|(j, s)| {
                let at = [Index(i), Key("subcategories"), Index(*j)];
                check_id(&loaded.source, &at, &s.id, &mut seen_sub, diagnostics)
            })
            .map(|(_, s)| Subcategory {
                id: s.id.clone(),
                name: s.name.clone(),
                en_name: s.en.as_ref().map(|t| t.name.clone()),
            })
            .collect();
        categories.push(Category {
            id: category.id.clone(),
            name: category.name.clone(),
            en_name: category.en.as_ref().map(|t| t.name.clone()),
            subcategories,
        });
    }
    categories
}

/// Reports a badly formed or repeated id. Returns false only for a repeat: an item
/// with a badly formed id is kept, so records that refer to it are not also reported.
fn check_id(
    source: &Source,
    at: &[Seg],
    id: &str,
    seen: &mut HashSet<String>,
    diagnostics: &mut Diagnostics,
) -> bool {
    let mut path = at.to_vec();
    path.push(Key("id"));
    if !is_slug(id) {
        diagnostics.push(source.error(&path, t!("taxonomy-id", id = id)));
    }
    if !seen.insert(id.to_owned()) {
        diagnostics.push(source.error(&path, t!("taxonomy-duplicate-id", id = id)));
        false
    } else {
        true
    }
}
