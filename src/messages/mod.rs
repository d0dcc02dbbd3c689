//! What `ocop` says to the people who run it, in Vietnamese and in English.
//!
//! Every message of the command line and of the preview's overlay is a Fluent message
//! in `src/messages/<lang>/*.ftl`, one file per area, the same ids in both languages
//! (a unit test below fails otherwise). Code asks for a message with [`t!`]; the
//! language is chosen once, at start, by the binary ([`set_language`]). The site's
//! own texts are not here: they are the theme's, in `edition::strings`.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{include_dir, Dir};

use crate::domain::Lang;

static CATALOGUE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/messages");

/// The language messages are written in; English until the binary says otherwise, so
/// that the library's own tests read the same wherever they run.
static LANGUAGE: AtomicU8 = AtomicU8::new(1);

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| Lang::ALL.map(bundle));

/// Speak `lang` from now on, for the whole process.
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang as u8, Ordering::Relaxed);
}

pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        0 => Lang::Vi,
        _ => Lang::En,
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.code().parse().unwrap_or_default()]);
    // Messages go to a terminal or a log, not to mixed-direction text: no isolation
    // marks around the values.
    bundle.set_use_isolating(false);
    for (_, source) in sources(lang) {
        // A broken file is reported by the unit tests; here what parsed is kept.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Each catalogue file of `lang`, by name, in name order.
pub fn sources(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut files: Vec<_> = CATALOGUE
        .get_dir(lang.code())
        .into_iter()
        .flat_map(|dir| dir.files())
        .filter(|f| f.path().extension().is_some_and(|e| e == "ftl"))
        .filter_map(|f| Some((f.path().to_str()?, f.contents_utf8()?)))
        .collect();
    files.sort();
    files
}

/// The message `id` in the current language, with `args` put in. An unknown id, which
/// the tests rule out, shows as itself rather than stopping the program.
pub fn text(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    text_in(language(), id, args)
}

/// The message `id` in `lang`, whatever the process speaks.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let bundle = &BUNDLES[lang as usize];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// A message of the catalogue: `t!("id")`, or `t!("id", name = value, …)` where each
/// value is text, a number or a path.
#[macro_export]
macro_rules! t {
    ($id:literal $(,)?) => {
        $crate::messages::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::messages::text(
            $id,
            &[$((stringify!($name), $crate::messages::Arg::arg($value))),+],
        )
    };
}

/// A value a message can show.
pub trait Arg {
    fn arg(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_owned()))
    }
}

impl Arg for String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self))
    }
}

impl Arg for &String {
    fn arg(self) -> FluentValue<'static> {
        self.as_str().arg()
    }
}

impl Arg for char {
    fn arg(self) -> FluentValue<'static> {
        self.to_string().arg()
    }
}

/// Paths with forward slashes on every platform, as diagnostics show them.
impl Arg for &Path {
    fn arg(self) -> FluentValue<'static> {
        self.to_string_lossy().replace('\\', "/").arg()
    }
}

impl Arg for &PathBuf {
    fn arg(self) -> FluentValue<'static> {
        self.as_path().arg()
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
numbers!(u8, u16, u32, u64, usize, i32, i64);

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast;

    use super::*;

    /// Each message id of `lang` with the variables its text uses.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let mut found = BTreeMap::new();
        for (name, source) in sources(lang) {
            let resource = FluentResource::try_new(source.to_owned())
                .unwrap_or_else(|(_, errors)| panic!("{name}: {errors:?}"));
            for entry in resource.entries() {
                if let ast::Entry::Message(message) = entry {
                    let id = message.id.name.to_owned();
                    let variables = message.value.as_ref().map(variables).unwrap_or_default();
                    assert!(
                        found.insert(id.clone(), variables).is_none(),
                        "{name}: `{id}` is defined twice"
                    );
                }
            }
        }
        found
    }

    fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, &mut names);
            }
        }
        names
    }

    fn expression_variables(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
        let inline = match expression {
            ast::Expression::Select { selector, variants } => {
                for variant in variants {
                    names.extend(variables(&variant.value));
                }
                selector
            }
            ast::Expression::Inline(inline) => inline,
        };
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                names.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, names)
            }
            _ => {}
        }
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_variables() {
        let vi = messages(Lang::Vi);
        let en = messages(Lang::En);
        assert!(
            vi.len() > 100,
            "the catalogue was not found: {} messages",
            vi.len()
        );
        let only = |a: &BTreeMap<_, _>, b: &BTreeMap<_, _>| -> Vec<String> {
            a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
        };
        assert_eq!(only(&vi, &en), Vec::<String>::new(), "in Vietnamese only");
        assert_eq!(only(&en, &vi), Vec::<String>::new(), "in English only");
        for (id, names) in &vi {
            assert_eq!(
                Some(names),
                en.get(id),
                "`{id}` uses other variables in English"
            );
        }
    }

    /// Each `t!("id"` in the source, so that a message asked for but missing from the
    /// catalogue, or left in the catalogue and asked for nowhere, fails here.
    #[test]
    fn the_code_asks_for_exactly_the_messages_of_the_catalogue() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut asked = BTreeSet::new();
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(entry.path()).unwrap();
                // `t!(` everywhere; `say(` in the editor, which speaks the site's
                // language rather than the process's.
                let calls = code.match_indices("t!(").chain(code.match_indices("say("));
                for (at, call) in calls {
                    // Not `format!(` or another macro ending in `t!`.
                    let before = code[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = code[at + call.len()..].trim_start();
                    let id = rest.strip_prefix('"').and_then(|r| r.split_once('"'));
                    let is_id = |id: &str| {
                        !id.is_empty()
                            && id
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    };
                    if let Some((id, _)) = id.filter(|(id, _)| is_id(id)) {
                        asked.insert(id.to_owned());
                    }
                }
            }
        }
        asked.remove("id"); // the macro's own documentation
                            // The editor's labels are asked for by field path (`editor-product-name`);
                            // src/editor/config.rs checks them both ways.
        asked.extend(crate::editor::config::label_ids());
        asked.insert("editor-index-title".to_owned());
        let defined: BTreeSet<String> = messages(Lang::En).into_keys().collect();
        let missing: Vec<_> = asked.difference(&defined).collect();
        let unused: Vec<_> = defined.difference(&asked).collect();
        assert!(
            missing.is_empty(),
            "asked for but not in the catalogue: {missing:?}"
        );
        assert!(
            unused.is_empty(),
            "in the catalogue but never asked for: {unused:?}"
        );
    }

    #[test]
    fn values_are_put_in_without_isolation_marks_and_plurals_follow_the_language() {
        let count = |lang, n: usize| text_in(lang, "warnings-count", &[("count", n.arg())]);
        assert_eq!(count(Lang::En, 1), "1 warning");
        assert_eq!(count(Lang::En, 146), "146 warnings");
        assert_eq!(count(Lang::Vi, 146), "146 cảnh báo");
    }

    #[test]
    fn an_unknown_id_shows_as_itself() {
        assert_eq!(text("no-such-message", &[]), "no-such-message");
    }
}
