//! Slugs: the shape of every id and folder name of the content, lowercase ASCII words
//! joined by hyphens. Validation suggests them, the import makes them from names, and
//! "did you mean" compares names and ids in this shape.

/// A slug made from any text: "Lạp sườn Hòa An" → "lap-suon-hoa-an".
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}
