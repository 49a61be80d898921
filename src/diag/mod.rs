//! Findings are data: a `Diagnostic` has a severity, a stable kebab-case code, a message, the
//! file (relative to the workspace root, with `/`), a place in it and an optional help line.
//! The core reports places as key paths (`holder[1].member`); `workspace::locate` turns them into
//! line and column before rendering, so clean records never pay for spans.

mod code;
pub mod escape;
pub mod render;

pub use code::Code;

use std::fmt;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One step of a key path into a TOML document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Where in a file a finding is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The whole file.
    File,
    /// A key path, resolved to a position by `workspace::locate`.
    Path(Vec<Seg>),
    /// A byte offset into the file's text (BOM excluded).
    Offset(usize),
    /// Resolved: line and column from 1 (columns count characters).
    Pos { line: usize, column: usize },
}

/// What the rules (of `check`, the workflows and the scoring settings) need besides the records.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// "Today" for overdue and missing-letter rules.
    pub as_of: crate::model::Date,
    pub locale: crate::i18n::Locale,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub file: String,
    pub place: Place,
    pub help: Option<String>,
    /// The source line the finding points at, filled in by `workspace::locate`.
    pub source: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code, file: &str, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message,
            file: file.to_string(),
            place: Place::File,
            help: None,
            source: None,
        }
    }
    pub fn error(code: Code, file: &str, message: String) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, file, message)
    }
    pub fn warning(code: Code, file: &str, message: String) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, file, message)
    }
    pub fn info(code: Code, file: &str, message: String) -> Diagnostic {
        Diagnostic::new(Severity::Info, code, file, message)
    }
    /// Places the finding at a key path, written like `holder[1].member` or `review.weights`.
    pub fn at(mut self, path: &str) -> Diagnostic {
        self.place = Place::Path(parse_path(path));
        self
    }
    pub fn at_segs(mut self, segs: Vec<Seg>) -> Diagnostic {
        self.place = Place::Path(segs);
        self
    }
    pub fn at_offset(mut self, offset: usize) -> Diagnostic {
        self.place = Place::Offset(offset);
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
    /// Line and column, once resolved (1, 1 for the whole file).
    pub fn line_column(&self) -> (usize, usize) {
        match self.place {
            Place::Pos { line, column } => (line, column),
            _ => (1, 1),
        }
    }
}

/// Parses `a.b[2].c` into segments.
pub fn parse_path(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                segs.push(Seg::Key(rest[..open].to_string()));
            }
            rest = &rest[open..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let close = stripped.find(']').unwrap_or(stripped.len());
                if let Ok(i) = stripped[..close].parse() {
                    segs.push(Seg::Index(i));
                }
                rest = stripped.get(close + 1..).unwrap_or("");
            }
        } else {
            segs.push(Seg::Key(rest.to_string()));
        }
    }
    segs
}

impl fmt::Display for Seg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seg::Key(k) => write!(f, ".{k}"),
            Seg::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files: usize,
}

impl Summary {
    pub fn of(diags: &[Diagnostic], files: usize) -> Summary {
        let count = |s| diags.iter().filter(|d| d.severity == s).count();
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            files,
        }
    }
}

/// Sorts findings by file, then position, then code, so output is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (
            a.file.as_str(),
            a.line_column(),
            a.code.as_str(),
            &a.message,
        )
            .cmp(&(
                b.file.as_str(),
                b.line_column(),
                b.code.as_str(),
                &b.message,
            ))
    });
}

/// The Levenshtein distance, for did-you-mean suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            parse_path("holder[1].member"),
            vec![
                Seg::Key("holder".into()),
                Seg::Index(1),
                Seg::Key("member".into())
            ]
        );
        assert_eq!(
            parse_path("review.weights"),
            vec![Seg::Key("review".into()), Seg::Key("weights".into())]
        );
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("capcity", ["capacity", "kind", "org"]),
            Some("capacity")
        );
        assert_eq!(did_you_mean("zzz", ["capacity", "kind"]), None);
    }
}
