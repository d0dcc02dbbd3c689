//! Product cards embedded in Markdown: a line holding only
//! `{{ product(slug="lap-suon-hoa-an") }}`. Validation checks the slugs, rendering
//! puts the theme's card in the line's place; the line itself never reaches the HTML.

/// A card line found in a Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// 0-based line within the body.
    pub line: usize,
    /// 1-based column (in characters) of the slug, or of the line's start when it
    /// cannot be read.
    pub column: usize,
    /// The slug, or why the line cannot be read.
    pub slug: Result<String, String>,
}

/// A piece of a body: Markdown to render, or a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part<'a> {
    Markdown(String),
    Card(&'a str),
}

/// Every card line of `body`, skipping fenced code blocks, where the syntax may be
/// shown as an example.
pub fn embeds(body: &str) -> Vec<Embed> {
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for (line, text) in body.lines().enumerate() {
        let trimmed = text.trim();
        for marker in ["```", "~~~"] {
            if trimmed.starts_with(marker) {
                fence = match fence {
                    None => Some(marker),
                    Some(open) if open == marker => None,
                    other => other,
                };
            }
        }
        if fence.is_some() || !(trimmed.starts_with("{{") && trimmed.ends_with("}}")) {
            continue;
        }
        let indent = text.chars().count() - text.trim_start().chars().count();
        let (column, slug) = match parse(trimmed) {
            Some((offset, slug)) => (indent + offset + 1, Ok(slug.to_owned())),
            None => (indent + 1, Err(crate::t!("embed-shape"))),
        };
        found.push(Embed { line, column, slug });
    }
    found
}

/// The character offset of the slug in a `{{ product(slug="…") }}` line, and the slug.
fn parse(line: &str) -> Option<(usize, &str)> {
    let inner = line.strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let args = inner.strip_prefix("product")?.trim_start();
    let args = args.strip_prefix('(')?.strip_suffix(')')?.trim();
    let value = args
        .strip_prefix("slug")?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let slug = value.strip_prefix(quote)?.strip_suffix(quote)?;
    let byte = line.find(slug).filter(|_| !slug.is_empty())?;
    Some((line[..byte].chars().count(), slug))
}

/// `body` cut at its card lines. Lines that are not valid cards stay Markdown:
/// validation has refused them already.
pub fn parts(body: &str) -> Vec<Part<'_>> {
    let cards: Vec<(usize, &str)> = embeds(body)
        .into_iter()
        .filter_map(|e| {
            let slug = e.slug.ok()?;
            let text = body.lines().nth(e.line)?;
            let start = text.find(&slug)?;
            Some((e.line, &text[start..start + slug.len()]))
        })
        .collect();
    let mut parts = Vec::new();
    let mut markdown = String::new();
    for (i, line) in body.lines().enumerate() {
        match cards.iter().find(|(at, _)| *at == i) {
            Some((_, slug)) => {
                if !markdown.trim().is_empty() {
                    parts.push(Part::Markdown(std::mem::take(&mut markdown)));
                }
                markdown.clear();
                parts.push(Part::Card(slug));
            }
            None => {
                markdown.push_str(line);
                markdown.push('\n');
            }
        }
    }
    if !markdown.trim().is_empty() {
        parts.push(Part::Markdown(markdown));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cards_with_their_columns() {
        let body = "Mở đầu\n\n{{ product(slug=\"lap-suon\") }}\n  {{product(slug='hat-de')}}\n";
        let found = embeds(body);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].line, found[0].column), (2, 18));
        assert_eq!(found[0].slug.as_deref(), Ok("lap-suon"));
        assert_eq!((found[1].line, found[1].column), (3, 19));
        assert_eq!(found[1].slug.as_deref(), Ok("hat-de"));
    }

    #[test]
    fn reports_a_malformed_card_and_skips_code_blocks() {
        let body = "```\n{{ product(slug=\"x\") }}\n```\n{{ product(lap-suon) }}\n";
        let found = embeds(body);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (3, 1));
        assert!(found[0].slug.is_err());
    }

    #[test]
    fn cuts_the_body_at_cards() {
        let body = "A\n{{ product(slug=\"x\") }}\nB\n";
        assert_eq!(
            parts(body),
            [
                Part::Markdown("A\n".into()),
                Part::Card("x"),
                Part::Markdown("B\n".into())
            ]
        );
    }
}
