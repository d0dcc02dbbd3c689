//! Content errors as values: where they are (`path:line:column`) and what is wrong.
//!
//! Every stage collects its problems into [`Diagnostics`] instead of stopping at the
//! first one, so that the communications team sees every mistake in one run.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in the content, located in a file relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place inside the file. A column
    /// of 0 means the line alone is known (a row of a CSV file).
    pub position: Option<(usize, usize)>,
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
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Forward slashes on every platform, so messages and tests read the same.
        let path = self.path.to_string_lossy().replace('\\', "/");
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.position {
            Some((line, 0)) => write!(f, "{path}:{line}: {severity}: "),
            Some((line, column)) => write!(f, "{path}:{line}:{column}: {severity}: "),
            None => write!(f, "{path}: {severity}: "),
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

/// Diagnostics as printed, a line each, in file and position order.
pub fn sorted_lines(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut sorted = diagnostics.to_vec();
    sorted.sort();
    sorted.iter().map(ToString::to_string).collect()
}

/// The closest known name to a mistyped one, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(typed, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// `message` followed by a "did you mean" hint when one of `known` is close to `typed`.
pub fn with_suggestion<'a>(
    message: String,
    typed: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> String {
    match did_you_mean(typed, known) {
        Some(candidate) => format!("{message} (did you mean `{candidate}`?)"),
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
    fn suggests_close_names_only() {
        let known = ["hoa-an", "ha-quang", "trung-khanh"];
        assert_eq!(did_you_mean("hoa-am", known), Some("hoa-an"));
        assert_eq!(did_you_mean("trung-khan", known), Some("trung-khanh"));
        assert_eq!(did_you_mean("zzz", known), None);
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
