//! Loading a theme: its Tera templates, its strings and the static files it ships.

use crate::t;
use std::path::{Path, PathBuf};

use tera::{Kwargs, State, Tera, TeraResult};

use crate::content::theme_files::{StaticFile, ThemeFiles};
use crate::diagnostics::{with_suggestion, Diagnostic};
use crate::edition::Strings;

/// The function templates fill a text of the strings with:
/// `{{ tr(key="star_lead", n=total, stars=stars) }}`.
pub const TR: &str = "tr";

/// The theme's templates of files other than pages.
const FILE_TEMPLATES: &[&str] = &[
    "atom.xml",
    super::sitemap::URLSET_TEMPLATE,
    super::sitemap::INDEX_TEMPLATE,
    "robots.txt",
];

/// Templates every theme must have: one per kind of page the catalogue writes, as the
/// page kinds declare them, and the feed's, the sitemap's and `robots.txt`'s.
pub fn required() -> impl Iterator<Item = &'static str> {
    super::pages::TEMPLATES
        .iter()
        .chain(FILE_TEMPLATES)
        .copied()
}

pub struct Theme {
    pub tera: Tera,
    /// The theme's files, the site's over the built-in ones.
    pub files: ThemeFiles,
    /// The `static/` files, each with the name it is published under: copied as they
    /// are to the root of the site.
    pub static_files: Vec<StaticFile>,
    /// The templates folder, relative to the site root, for error messages.
    pub templates_path: PathBuf,
    /// The UI strings of each of the site's languages, in their order: set by
    /// `with_strings` once the site's languages are known.
    pub strings: Vec<Strings>,
    /// Every call of [`TR`] in the templates, checked by `with_strings`.
    tr_calls: Vec<TrCall>,
}

impl Theme {
    /// The theme with the strings of `languages` loaded from its `strings/` folder.
    pub fn with_strings(
        mut self,
        languages: &[crate::domain::Lang],
    ) -> Result<Self, Vec<Diagnostic>> {
        let codes: Vec<&str> = languages.iter().map(|l| l.code()).collect();
        self.strings = crate::edition::strings::load(&self.files, &codes)?;
        // The first language's file is the reference: its placeholders include every
        // translation's.
        let errors = match self.strings.first() {
            Some(reference) => check_tr_calls(&self.tr_calls, reference, &self.templates_path),
            None => Vec::new(),
        };
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }
}

/// Load the theme `name` of the site at `root`: its own folder over the built-in theme.
pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostic> {
    let files = ThemeFiles::locate(root, name)?;
    let templates_path = files.shown("templates");
    let listed = files.list("templates")?;
    let templates = (listed.iter())
        .map(|file| Ok((&file.name["templates/".len()..], file.text()?)))
        .collect::<Result<Vec<(&str, &str)>, Diagnostic>>()?;
    let static_files = files.static_files()?;
    let mut tera = Tera::new();
    // Tera refuses a template calling a function it does not know, and the real `tr`
    // needs an edition's strings: `register_tr` replaces this one on each edition's copy.
    tera.register_function(TR, |_: Kwargs, _: &State| -> TeraResult<String> {
        Err(tera::Error::message(t!("theme-tr-too-early")))
    });
    register_asset(&mut tera, &static_files);
    tera.add_raw_templates(templates.iter().copied())
        .map_err(|error| Diagnostic::new(&templates_path, template_error(&error)))?;
    if let Some(missing) = required().find(|t| !tera.contains_template(t)) {
        return Err(Diagnostic::new(
            templates_path.join(missing),
            t!("theme-template-missing"),
        ));
    }
    let tr_calls = (templates.iter())
        .flat_map(|(name, text)| tr_calls(name, text))
        .collect();
    Ok(Theme {
        tera,
        files,
        static_files,
        templates_path,
        strings: Vec::new(),
        tr_calls,
    })
}

/// The function templates name a static file with: `{{ asset(path="css/site.css") }}`
/// is the path it is published under, below the site root. Stylesheets and scripts
/// carry a hash of their bytes in that name, so servers can let browsers keep them for
/// good; a template that wrote the plain name would load a file that is not there.
pub const ASSET: &str = "asset";

fn register_asset(tera: &mut Tera, files: &[StaticFile]) {
    let published: Vec<(String, String)> = (files.iter())
        .map(|f| (f.name.clone(), f.published.clone()))
        .collect();
    tera.register_function(
        ASSET,
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path = kwargs.must_get::<&str>("path")?;
            match published.iter().find(|(name, _)| name == path) {
                Some((_, published)) => Ok(published.clone()),
                None => Err(tera::Error::message(with_suggestion(
                    t!("theme-no-static-file", path = path),
                    path,
                    published.iter().map(|(name, _)| name.as_str()),
                ))),
            }
        },
    );
}

/// Register [`TR`] on an edition's `tera`: `tr(key="…", name=value, …)` is the text `key`
/// of `own` with each `{name}` filled with its value, in one pass as [`Strings::fill`]
/// does. Values are written as `| str` writes them. The result is not marked safe, so
/// the whole text is escaped when printed in an HTML template, the values with it.
///
/// Calls are judged by `reference`, the first language's strings, whose placeholders
/// include every translation's: an unknown key, an unfilled placeholder or an argument
/// with no placeholder is an error when the page is rendered. Calls with a literal key
/// were already checked when the theme was loaded ([`Theme::with_strings`]); this is
/// what catches the others.
pub fn register_tr(tera: &mut Tera, own: &Strings, reference: &Strings) {
    let (own, reference) = (own.clone(), reference.clone());
    tera.register_function(TR, move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
        let key = kwargs.must_get::<&str>("key")?;
        let values: Vec<(&str, String)> = (kwargs.iter())
            .filter_map(|(name, value)| Some((name.as_str()?, value)))
            .filter(|(name, _)| *name != "key")
            .map(|(name, value)| (name, value.to_string()))
            .collect();
        let names: Vec<&str> = values.iter().map(|(name, _)| *name).collect();
        let problems = reference.fill_problems(key, &names);
        if !problems.is_empty() {
            return Err(tera::Error::message(problems.join("; ")));
        }
        let values: Vec<(&str, &str)> = (values.iter())
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        Ok(own.fill(key, &values))
    });
}

/// A call of [`TR`] found in a template's source.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TrCall {
    /// The template's name, `partials/ui.html`.
    template: String,
    /// Where `tr` is written, 1-based, counting characters.
    line: usize,
    column: usize,
    key: CallKey,
    /// The names of the other arguments, as written.
    arguments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum CallKey {
    /// `key="stars_n"`: checked when the theme is loaded.
    Literal(String),
    /// `key=name ~ "_one"`: checked only when a page is rendered, by `register_tr`'s
    /// function, since its value is known only then.
    Computed,
    /// No `key=` at all.
    Missing,
}

/// The problems of `calls` as judged by the `reference` strings, at each call's place in
/// `templates_path`. A call with a computed key is left to the render.
fn check_tr_calls(calls: &[TrCall], reference: &Strings, templates_path: &Path) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for call in calls {
        let at = |message: String| {
            Diagnostic::new(templates_path.join(&call.template), message).at(call.line, call.column)
        };
        match &call.key {
            CallKey::Literal(key) => {
                let names: Vec<&str> = call.arguments.iter().map(String::as_str).collect();
                for problem in reference.fill_problems(key, &names) {
                    errors.push(at(problem));
                }
            }
            CallKey::Computed => {}
            CallKey::Missing => errors.push(at(t!("theme-tr-no-key", tr = TR))),
        }
    }
    errors
}

/// The calls of [`TR`] in a template's `source`: a small scanner, not Tera's parser, so
/// it is lenient. It looks inside `{{ }}` and `{% %}` tags only, outside string literals,
/// skipping comments and `raw` blocks, and reads each call's `key` when it is a lone
/// string literal and the names of its other arguments. A call it cannot read (Tera
/// has already refused the template then) is left out.
fn tr_calls(template: &str, source: &str) -> Vec<TrCall> {
    let bytes = source.as_bytes();
    let mut calls = Vec::new();
    let mut i = 0;
    while let Some(found) = source[i..].find('{') {
        let open = i + found;
        i = match bytes.get(open + 1) {
            Some(b'#') => source[open + 2..]
                .find("#}")
                .map_or(bytes.len(), |end| open + 2 + end + 2),
            Some(&kind @ (b'{' | b'%')) => {
                let close = if kind == b'{' { b'}' } else { b'%' };
                let end = scan_tag(source, open + 2, close, &mut |at, key, arguments| {
                    let (line, column) = line_column(source, at);
                    calls.push(TrCall {
                        template: template.to_owned(),
                        line,
                        column,
                        key,
                        arguments,
                    });
                });
                if kind == b'%' && tag_body(&source[open + 2..end]) == "raw" {
                    end_of_raw(source, end)
                } else {
                    end
                }
            }
            _ => open + 1,
        };
    }
    calls
}

/// Scan a tag from `start` (just after `{{` or `{%`) to the end of its closing `close`
/// and `}`, reporting each call of [`TR`] to `found`; returns where the tag ends.
fn scan_tag(
    source: &str,
    start: usize,
    close: u8,
    found: &mut impl FnMut(usize, CallKey, Vec<String>),
) -> usize {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut j = start;
    while j < bytes.len() {
        match bytes[j] {
            quote @ (b'"' | b'\'' | b'`') => j = end_of_string(bytes, j, quote),
            b'{' => {
                depth += 1;
                j += 1;
            }
            b'}' if depth > 0 => {
                depth -= 1;
                j += 1;
            }
            c if c == close && depth == 0 && bytes.get(j + 1) == Some(&b'}') => return j + 2,
            c if is_identifier(c) => {
                let word_end = j + bytes[j..].iter().take_while(|&&c| is_identifier(c)).count();
                let after_dot = j > 0 && bytes[j - 1] == b'.';
                if &source[j..word_end] == TR && !after_dot {
                    let paren = skip_space(bytes, word_end);
                    if bytes.get(paren) == Some(&b'(') {
                        if let Some((key, arguments)) = read_arguments(source, paren + 1) {
                            found(j, key, arguments);
                        }
                    }
                }
                j = word_end;
            }
            _ => j += 1,
        }
    }
    bytes.len()
}

/// The key and the other argument names of a call whose arguments start at `start`, just
/// after its `(`; `None` when they are not `name=value` pairs.
fn read_arguments(source: &str, start: usize) -> Option<(CallKey, Vec<String>)> {
    let bytes = source.as_bytes();
    let mut key = CallKey::Missing;
    let mut arguments = Vec::new();
    let mut j = skip_space(bytes, start);
    loop {
        if bytes.get(j) == Some(&b')') {
            return Some((key, arguments));
        }
        let name_end = j + bytes[j..].iter().take_while(|&&c| is_identifier(c)).count();
        let name = &source[j..name_end];
        let equals = skip_space(bytes, name_end);
        if name.is_empty() || bytes.get(equals) != Some(&b'=') {
            return None;
        }
        let value = skip_space(bytes, equals + 1);
        if name == "key" {
            key = CallKey::Computed;
            if let Some(&quote @ (b'"' | b'\'' | b'`')) = bytes.get(value) {
                let end = end_of_string(bytes, value, quote);
                if matches!(bytes.get(skip_space(bytes, end)), Some(b',' | b')')) {
                    key = CallKey::Literal(source[value + 1..end - 1].to_owned());
                }
            }
        } else {
            arguments.push(name.to_owned());
        }
        // The value's end: a `,` or `)` outside brackets and strings.
        let mut depth = 0usize;
        j = value;
        loop {
            match bytes.get(j)? {
                quote @ (b'"' | b'\'' | b'`') => j = end_of_string(bytes, j, *quote),
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    j += 1;
                }
                b')' | b']' | b'}' if depth > 0 => {
                    depth -= 1;
                    j += 1;
                }
                b')' => break,
                b',' if depth == 0 => {
                    j = skip_space(bytes, j + 1);
                    break;
                }
                _ => j += 1,
            }
        }
    }
}

/// Just after the string literal opened by `quote` at `open` (the end of `bytes` when it
/// is not closed).
fn end_of_string(bytes: &[u8], open: usize, quote: u8) -> usize {
    bytes[open + 1..]
        .iter()
        .position(|&c| c == quote)
        .map_or(bytes.len(), |k| open + 1 + k + 1)
}

fn is_identifier(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn skip_space(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count()
}

/// A tag's text without its closing delimiter, whitespace control and spaces: `raw` for
/// `{%- raw -%}`.
fn tag_body(tag: &str) -> &str {
    let tag = tag.strip_suffix("%}").unwrap_or(tag);
    tag.trim().trim_matches('-').trim()
}

/// Where the `raw` block whose opening tag ends at `from` ends: after its `endraw` tag.
fn end_of_raw(source: &str, from: usize) -> usize {
    let mut i = from;
    while let Some(found) = source[i..].find("{%") {
        let open = i + found;
        let end = source[open..]
            .find("%}")
            .map_or(source.len(), |e| open + e + 2);
        if tag_body(&source[open + 2..end]) == "endraw" {
            return end;
        }
        i = open + 2;
    }
    source.len()
}

/// The 1-based line and column, in characters, of the byte `at` of `source`.
fn line_column(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at];
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// A Tera error with its chain of causes on one line.
pub fn template_error(error: &tera::Error) -> String {
    // Tera's syntax errors start with their own "error: ", which ours already says.
    let text = error.to_string();
    let mut message = text.strip_prefix("error: ").unwrap_or(&text).to_owned();
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn strings(code: &str, texts: &[(&str, &str)]) -> Strings {
        let texts: BTreeMap<String, String> = (texts.iter())
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Strings::from_map(code, texts)
    }

    fn reference() -> Strings {
        strings(
            "vi",
            &[
                ("stars_n", "{n} sao"),
                ("page_of", "Trang {n}/{total}"),
                ("by_area", "Theo {area}"),
                ("nav_news", "Tin tức"),
            ],
        )
    }

    /// The load-time problems of a template `page.html` with `source`, as printed.
    fn problems(source: &str) -> Vec<String> {
        let calls = tr_calls("page.html", source);
        check_tr_calls(&calls, &reference(), Path::new("themes/t/templates"))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn right_calls_pass() {
        let source = "{{ tr(key=\"stars_n\", n=3) }}\n{{ <c label={tr(key='page_of', total=pg.total_pages, n=pg.current | str)} /> }}\n{%- set x = tr( key = \"nav_news\" ) %}";
        assert_eq!(tr_calls("page.html", source).len(), 3);
        assert_eq!(problems(source), Vec::<String>::new());
    }

    #[test]
    fn reports_an_unknown_key_with_a_suggestion() {
        assert_eq!(
            problems("<p>\n  {{ tr(key=\"star_n\", n=3) }}</p>"),
            ["themes/t/templates/page.html:2:6: error: unknown key `star_n`: vi.yaml has no such key (did you mean `stars_n`?)"]
        );
    }

    #[test]
    fn reports_a_placeholder_no_argument_fills() {
        // Columns count characters, not bytes.
        assert_eq!(
            problems("Sản phẩm {{ tr(key=\"page_of\", n=2) }}"),
            ["themes/t/templates/page.html:1:13: error: `page_of` has the placeholder `{total}` that no argument fills: add `total=…`"]
        );
    }

    #[test]
    fn reports_an_argument_with_no_placeholder() {
        assert_eq!(
            problems("{{ tr(key=\"page_of\", n=2, totl=5) }}{{ tr(key=\"nav_news\", n=1) }}"),
            [
                "themes/t/templates/page.html:1:4: error: `page_of` has the placeholder `{total}` that no argument fills: add `total=…`",
                "themes/t/templates/page.html:1:4: error: argument `totl` fills nothing: `page_of` has no placeholder `{totl}` (it has `{n}`, `{total}`) (did you mean `total`?)",
                "themes/t/templates/page.html:1:40: error: argument `n` fills nothing: `nav_news` has no placeholder `{n}` (it has none)",
            ]
        );
    }

    #[test]
    fn reports_a_call_without_key_and_leaves_computed_keys_to_the_render() {
        assert_eq!(
            problems("{{ tr(n=1) }} {{ tr(key=k ~ \"_one\", n=1) }} {{ tr(key=\"a\" ~ k) }}"),
            ["themes/t/templates/page.html:1:4: error: `tr` needs the key of its text: `tr(key=\"…\", …)`"]
        );
    }

    #[test]
    fn looks_only_inside_tags_outside_strings_and_comments() {
        let source = "<p>don't tr(key=\"x\")</p>{# {{ tr(key=\"x\") }} #}{{ \"tr(key='x')\" ~ str(a) ~ a.tr(key=\"x\") }}{% raw %}{{ tr(key=\"x\") }}{% endraw %}{{ {\"a\": tr(key=\"y\")} }}";
        let calls = tr_calls("page.html", source);
        assert_eq!(calls.len(), 1, "{calls:?}");
        assert_eq!(calls[0].key, CallKey::Literal("y".to_owned()));
        assert_eq!(problems(source).len(), 1);
    }

    /// The function fills the edition's own text, escaped as a whole when printed, and
    /// refuses at render time what the load could not check.
    #[test]
    fn tr_fills_the_editions_text_and_checks_computed_keys() {
        let en = strings(
            "en",
            &[
                ("stars_n", "{n} <stars>"),
                ("page_of", "Page {n} of {total}"),
                ("by_area", "By {area}"),
                ("nav_news", "News"),
            ],
        );
        let mut tera = Tera::new();
        register_tr(&mut tera, &en, &reference());
        tera.add_raw_templates([
            (
                "a.html",
                "{{ tr(key=\"by_area\", area=x) }}|{{ tr(key=\"stars_n\", n=3) }}",
            ),
            ("b.html", "{{ tr(key=k, n=1) }}"),
        ])
        .unwrap();
        let mut context = tera::Context::new();
        context.insert("x", "\"{n}\" & co");
        context.insert("k", "page_of");
        assert_eq!(
            tera.render("a.html", &context).unwrap(),
            "By &quot;{n}&quot; &amp; co|3 &lt;stars&gt;"
        );
        let error = template_error(&tera.render("b.html", &context).unwrap_err());
        assert!(
            error.contains("`page_of` has the placeholder `{total}` that no argument fills"),
            "{error}"
        );
    }

    /// Through the theme's loading: a wrong call, in a template the site's theme adds to
    /// the built-in ones, is reported once the strings are known.
    #[test]
    fn with_strings_reports_the_calls_problems() {
        let dir = tempfile::tempdir().unwrap();
        let theme = dir.path().join("themes/t");
        std::fs::create_dir_all(theme.join("templates/partials")).unwrap();
        std::fs::write(
            theme.join("templates/partials/extra.html"),
            "{% component c(n) %}{{ tr(key=\"stars_n\", m=n) }}{% endcomponent c %}",
        )
        .unwrap();
        let loaded = load(dir.path(), "t").unwrap();
        let found: Vec<String> = (loaded.with_strings(&[crate::domain::Lang::Vi]))
            .err()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "themes/t/templates/partials/extra.html:1:24: error: `stars_n` has the placeholder `{n}` that no argument fills: add `n=…`",
                "themes/t/templates/partials/extra.html:1:24: error: argument `m` fills nothing: `stars_n` has no placeholder `{m}` (it has `{n}`)",
            ]
        );
    }
}
