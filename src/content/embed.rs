//! Product cards and round figures embedded in Markdown: a line holding only
//! `{{ product(slug="lap-suon-hoa-an") }}`, or `{{ round(year=2023) }}` for a year's
//! certification round. Validation checks the slugs and years, rendering puts the
//! theme's card or figures in the line's place; the line itself never reaches the HTML.

/// An embed line found in a Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// 0-based line within the body.
    pub line: usize,
    /// 1-based column (in characters) of the slug or year, or of the line's start
    /// when it cannot be read.
    pub column: usize,
    /// What the line embeds, or why the line cannot be read.
    pub target: Result<Target, String>,
}

/// What an embed line shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A product's card, by slug.
    Product(String),
    /// The figures of a year's round.
    Round(i32),
}

/// A piece of a body: Markdown to render, a card, or a round's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part<'a> {
    Markdown(String),
    Card(&'a str),
    Round(i32),
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
        let (column, target) = match (parse(trimmed), parse_round(trimmed)) {
            (Some((offset, slug)), _) => (indent + offset + 1, Ok(Target::Product(slug.into()))),
            (None, Some(Some((offset, year)))) => (indent + offset + 1, Ok(Target::Round(year))),
            (None, Some(None)) => (indent + 1, Err(crate::t!("embed-round-shape"))),
            (None, None) => (indent + 1, Err(crate::t!("embed-shape"))),
        };
        found.push(Embed {
            line,
            column,
            target,
        });
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

/// `None` when the line is not a round (`{{ round(…) }}`); else the character offset
/// of its year and the year, or `None` when they cannot be read.
fn parse_round(line: &str) -> Option<Option<(usize, i32)>> {
    let inner = line.strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let args = inner.strip_prefix("round")?.trim_start();
    let read = || {
        let args = args.strip_prefix('(')?.strip_suffix(')')?.trim();
        let value = args.strip_prefix("year")?.trim_start().strip_prefix('=')?;
        let value = value.trim();
        let year: i32 = value
            .parse()
            .ok()
            .filter(|_| value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()))?;
        let byte = line.rfind(value)?;
        Some((line[..byte].chars().count(), year))
    };
    Some(read())
}

/// `body` cut at its embed lines. Lines that are not valid embeds stay Markdown:
/// validation has refused them already.
pub fn parts(body: &str) -> Vec<Part<'_>> {
    let embedded: Vec<(usize, Part)> = embeds(body)
        .into_iter()
        .filter_map(|e| {
            let part = match e.target.ok()? {
                Target::Round(year) => Part::Round(year),
                Target::Product(slug) => {
                    let text = body.lines().nth(e.line)?;
                    let start = text.find(&slug)?;
                    Part::Card(&text[start..start + slug.len()])
                }
            };
            Some((e.line, part))
        })
        .collect();
    let mut parts = Vec::new();
    let mut markdown = String::new();
    for (i, line) in body.lines().enumerate() {
        match embedded.iter().find(|(at, _)| *at == i) {
            Some((_, part)) => {
                if !markdown.trim().is_empty() {
                    parts.push(Part::Markdown(std::mem::take(&mut markdown)));
                }
                markdown.clear();
                parts.push(part.clone());
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
        let product = |slug: &str| Ok(Target::Product(slug.into()));
        assert_eq!((found[0].line, found[0].column), (2, 18));
        assert_eq!(found[0].target, product("lap-suon"));
        assert_eq!((found[1].line, found[1].column), (3, 19));
        assert_eq!(found[1].target, product("hat-de"));
    }

    #[test]
    fn reports_a_malformed_card_and_skips_code_blocks() {
        let body = "```\n{{ product(slug=\"x\") }}\n```\n{{ product(lap-suon) }}\n";
        let found = embeds(body);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (3, 1));
        assert!(found[0].target.is_err());
    }

    #[test]
    fn finds_rounds_with_their_years() {
        let body = "{{ round(year=2023) }}\n {{round( year = 2024 )}}\n{{ round(year=23) }}\n";
        let found = embeds(body);
        assert_eq!(found.len(), 3);
        assert_eq!(
            (found[0].column, &found[0].target),
            (15, &Ok(Target::Round(2023)))
        );
        assert_eq!(
            (found[1].column, &found[1].target),
            (18, &Ok(Target::Round(2024)))
        );
        assert_eq!(found[2].target, Err(crate::t!("embed-round-shape")));
        assert_eq!(
            parts("A\n{{ round(year=2023) }}\n"),
            [Part::Markdown("A\n".into()), Part::Round(2023)]
        );
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
