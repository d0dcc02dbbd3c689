//! Content errors as values: where they are (`path:line:column`) and what is wrong.
//!
//! Every stage collects its problems into [`Diagnostics`] instead of stopping at the
//! first one, so that the communications team sees every mistake in one run.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::slug::slugify;
use crate::t;

/// One problem in the content, located in a file relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place inside the file. A column
    /// of 0 means the line alone is known (a row of a CSV file).
    pub position: Option<(usize, usize)>,
    /// How the position is shown when it is not `line:column`: a spreadsheet cell,
    /// `Sheet1!D7`. The position still orders the diagnostics.
    pub place: Option<String>,
    pub severity: Severity,
    pub message: String,
}

/// Errors stop the build; warnings are printed and the site is still published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Diagnostic {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            position: None,
            place: None,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// The same finding, reported as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }

    /// At a line but no particular column, shown as `path:line:`.
    pub fn at_line(self, line: usize) -> Self {
        self.at(line, 0)
    }

    /// Shown at `place` (`Sheet1!D7`) instead of its line and column.
    pub fn shown_at(mut self, place: impl Into<String>) -> Self {
        self.place = Some(place.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Forward slashes on every platform, so messages and tests read the same.
        let path = self.path.to_string_lossy().replace('\\', "/");
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (&self.place, self.position) {
            (Some(place), _) => write!(f, "{path}:{place}: {severity}: "),
            (None, Some((line, 0))) => write!(f, "{path}:{line}: {severity}: "),
            (None, Some((line, column))) => write!(f, "{path}:{line}:{column}: {severity}: "),
            (None, None) => write!(f, "{path}: {severity}: "),
        }?;
        f.write_str(&self.message)
    }
}

/// All the problems found so far, in a stable order for printing.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether anything found stops the build; warnings alone do not.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Take the warnings out, leaving the errors.
    pub fn take_warnings(&mut self) -> Vec<Diagnostic> {
        let (warnings, errors) = std::mem::take(&mut self.0)
            .into_iter()
            .partition(|d| !d.is_error());
        self.0 = errors;
        warnings
    }

    /// Sorted by file and position, without repeats, as they will be printed.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort();
        self.0.dedup();
        self.0
    }
}

/// A single problem, such as a file that cannot be read at all.
impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self(vec![diagnostic])
    }
}

/// How many warnings of one kind are printed before the rest are only counted.
pub const SHOWN_PER_KIND: usize = 5;

/// Warnings as printed: in file and position order, but of each kind (the same message
/// but for names in backquotes and numbers, such as the small-photo warning on 146
/// photos) only the first [`SHOWN_PER_KIND`], then one line with the count of the
/// rest. `all` prints every one (`ocop check --verbose`).
pub fn warning_lines(warnings: &[Diagnostic], all: bool) -> Vec<String> {
    let mut sorted = warnings.to_vec();
    sorted.sort();
    if all {
        return sorted.iter().map(ToString::to_string).collect();
    }
    // Each kind with how many were seen, in order of first appearance.
    let mut kinds: Vec<(String, usize)> = Vec::new();
    let mut lines = Vec::new();
    for warning in &sorted {
        let kind = kind_of(&warning.message);
        let at = match kinds.iter().position(|(k, _)| *k == kind) {
            Some(at) => at,
            None => {
                kinds.push((kind, 0));
                kinds.len() - 1
            }
        };
        kinds[at].1 += 1;
        if kinds[at].1 <= SHOWN_PER_KIND {
            lines.push(warning.to_string());
        }
    }
    for (kind, count) in kinds {
        if count > SHOWN_PER_KIND {
            let more = count - SHOWN_PER_KIND;
            lines.push(t!(
                "warnings-more-like",
                more = more,
                kind = kind,
                count = count
            ));
        }
    }
    lines
}

/// A message with its particulars blanked: names in backquotes become `…` and numbers
/// `N`, so that the same warning about different photos reads the same.
fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quoted = false;
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' if quoted => {
                quoted = false;
                kind.push_str("…`");
            }
            '`' => {
                quoted = true;
                kind.push('`');
            }
            _ if quoted => {}
            '0'..='9' => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
                kind.push('N');
            }
            _ => kind.push(c),
        }
    }
    kind
}

/// The closest known name to a mistyped one, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest(typed, known.into_iter().map(|id| (id, None)))
}

/// The id, among `(id, name)` pairs, closest to a mistyped id, comparing it with both
/// the id and the name folded to an id's shape: `htx-che-shan-tuyet` finds the
/// producer named "HTX Chè Shan Tuyết" whatever its id.
pub fn did_you_mean_named<'a>(
    typed: &str,
    known: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<&'a str> {
    closest(typed, known.into_iter().map(|(id, name)| (id, Some(name))))
}

/// Edit distance (with transpositions) between texts in a slug's shape (accents and
/// case dropped, so a name and an id compare), and a candidate counts
/// only when at most a third of the longer text differs: a common prefix such as
/// `htx-` is not a likeness, and nothing is suggested when nothing is close.
fn closest<'a>(
    typed: &str,
    known: impl Iterator<Item = (&'a str, Option<&'a str>)>,
) -> Option<&'a str> {
    let typed = slugify(typed);
    let distance = |other: &str| {
        let other = slugify(other);
        let d = strsim::damerau_levenshtein(&typed, &other);
        let longer = typed.chars().count().max(other.chars().count());
        (d * 3 <= longer).then_some(d)
    };
    known
        .filter_map(|(id, name)| {
            let best = [Some(id), name]
                .into_iter()
                .flatten()
                .filter_map(distance)
                .min()?;
            Some((best, id))
        })
        // The first of equally close ones, in the order given.
        .min_by_key(|&(d, _)| d)
        .map(|(_, id)| id)
}

/// `message` followed by a "did you mean" hint when one of `known` is close to `typed`.
pub fn with_suggestion<'a>(
    message: String,
    typed: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> String {
    hint(message, did_you_mean(typed, known))
}

/// `message` with a "did you mean" for a mistyped id of something with a name.
pub fn with_named_suggestion<'a>(
    message: String,
    typed: &str,
    known: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    hint(message, did_you_mean_named(typed, known))
}

fn hint(message: String, candidate: Option<&str>) -> String {
    match candidate {
        Some(candidate) => t!("did-you-mean", message = message, candidate = candidate),
        None => message,
    }
}

/// A path shown relative to the site root, as the team sees it in their editor.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_and_without_position() {
        let located = Diagnostic::new("content/site.yaml", "bad").at(3, 7);
        assert_eq!(located.to_string(), "content/site.yaml:3:7: error: bad");
        let whole_file = Diagnostic::new("content/x.jpg", "corrupt");
        assert_eq!(whole_file.to_string(), "content/x.jpg: error: corrupt");
        let warning = Diagnostic::new("content/a.yaml", "small")
            .at(2, 3)
            .warning();
        assert_eq!(warning.to_string(), "content/a.yaml:2:3: warning: small");
        let row = Diagnostic::new("danh-sach.csv", "bad row").at_line(4);
        assert_eq!(row.to_string(), "danh-sach.csv:4: error: bad row");
    }

    #[test]
    fn repeated_warnings_print_five_then_a_count() {
        let small = |i: usize| {
            Diagnostic::new(
                format!("content/products/p{i:03}/product.yaml"),
                format!(
                    "photo `anh-{i}.jpg` is only {} px wide and will look blurry",
                    300 + i
                ),
            )
            .at(4, 11)
            .warning()
        };
        let mut warnings: Vec<Diagnostic> = (0..146).map(small).collect();
        warnings.push(
            Diagnostic::new("content/site.yaml", "`(cần sửa)` left")
                .at(2, 8)
                .warning(),
        );
        let lines = warning_lines(&warnings, false);
        assert_eq!(lines.len(), 7, "{lines:#?}");
        assert!(lines[0]
            .starts_with("content/products/p000/product.yaml:4:11: warning: photo `anh-0.jpg`"));
        assert!(lines[4].starts_with("content/products/p004/"));
        assert!(lines[5].starts_with("content/site.yaml:2:8: warning:"));
        assert_eq!(
            lines[6],
            "warning: 141 more like \"photo `…` is only N px wide and will look blurry\" (146 in all; `ocop check --verbose` lists every one)"
        );
        assert_eq!(warning_lines(&warnings, true).len(), 147);
        // Five or fewer of a kind: all printed, no count.
        assert_eq!(warning_lines(&warnings[..5], false).len(), 5);
    }

    #[test]
    fn suggests_close_names_only() {
        let known = ["hoa-an", "ha-quang", "trung-khanh"];
        assert_eq!(did_you_mean("hoa-am", known), Some("hoa-an"));
        assert_eq!(did_you_mean("trung-khan", known), Some("trung-khanh"));
        assert_eq!(did_you_mean("Hòa An", known), Some("hoa-an"));
        assert_eq!(did_you_mean("defualt", ["default"]), Some("default"));
        assert_eq!(did_you_mean("zzz", known), None);
        // A shared prefix is not a likeness.
        let producers = ["htx-thach-den-dong-tien", "htx-dong-tam"];
        assert_eq!(did_you_mean("htx-che-shan-tuyet", producers), None);
    }

    #[test]
    fn suggests_by_the_folded_name_too() {
        let producers = [
            ("htx-thach-den-dong-tien", "HTX Thạch đen Đông Tiến"),
            ("shan-tuyet-ha-quang", "HTX Chè Shan Tuyết"),
        ];
        assert_eq!(
            did_you_mean_named("htx-che-shan-tuyet", producers),
            Some("shan-tuyet-ha-quang")
        );
        assert_eq!(
            did_you_mean_named("htx-thach-den-dong-tin", producers),
            Some("htx-thach-den-dong-tien")
        );
        assert_eq!(did_you_mean_named("htx-mat-ong", producers), None);
    }

    #[test]
    fn sorts_by_file_then_position() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::new("b.yaml", "x").at(1, 1));
        all.push(Diagnostic::new("a.yaml", "y").at(9, 1));
        all.push(Diagnostic::new("a.yaml", "z").at(2, 1));
        let lines: Vec<String> = all.into_sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            [
                "a.yaml:2:1: error: z",
                "a.yaml:9:1: error: y",
                "b.yaml:1:1: error: x"
            ]
        );
    }
}
