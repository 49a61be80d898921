//! The diagnostic codes: one enum with the stable kebab-case word of each code and its default
//! severity. `[check] allow/deny` are parsed into it, so a mistyped code is itself a finding.

use std::fmt;

use serde::Serialize;

use super::Severity;

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $word:literal, $severity:ident; )*) => {
        /// A stable diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in the order of the README's table.
            pub const ALL: &[Code] = &[ $( Code::$variant, )* ];

            /// The kebab-case word printed and matched in `[check]`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $word, )* }
            }

            /// The severity a finding of this code has unless `[check]` changes it.
            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$severity, )* }
            }
        }
    };
}

codes! {
    Syntax = "syntax", Error;
    Encoding = "encoding", Error;
    Schema = "schema", Error;
    EmptyFile = "empty-file", Error;
    TooLarge = "too-large", Error;
    Unreadable = "unreadable", Error;
    FileName = "file-name", Error;
    StrayFile = "stray-file", Warning;
    InvalidId = "invalid-id", Error;
    IdMismatch = "id-mismatch", Error;
    DuplicateId = "duplicate-id", Error;
    UnknownReference = "unknown-reference", Error;
    MissingParent = "missing-parent", Error;
    RootParent = "root-parent", Error;
    Cycle = "cycle", Error;
    OutsideSubtree = "outside-subtree", Error;
    PeriodMismatch = "period-mismatch", Error;
    DateOutside = "date-outside", Warning;
    DateOrder = "date-order", Error;
    Capacity = "capacity", Error;
    Window = "window", Error;
    LogHolder = "log-holder", Error;
    LongTenure = "long-tenure", Info;
    OutOfRange = "out-of-range", Error;
    DuplicateSubject = "duplicate-subject", Error;
    StepHistory = "step-history", Error;
    ForcedStep = "forced-step", Info;
    ExposedPrivate = "exposed-private", Warning;
    Eligibility = "eligibility", Error;
    MemberLeft = "member-left", Error;
    Unquantified = "unquantified", Warning;
    /// Opt-in: reported only when denied.
    OverdueItem = "overdue-item", Warning;
    MissingLetter = "missing-letter", Warning;
    UnpublishedLetter = "unpublished-letter", Warning;
    Weights = "weights", Error;
    Grades = "grades", Error;
    Overdue = "overdue", Warning;
    StaleProgress = "stale-progress", Warning;
    /// A date of something that happened lies after `--as-of`.
    FutureDate = "future-date", Warning;
    /// `[[include]]` names a missing folder, a folder without a workspace, itself, or loops.
    Include = "include", Error;
    /// A record of an included workspace names a record of a workspace including it.
    IncludeReference = "include-reference", Error;
    /// A code named in `[check] allow/deny` that does not exist.
    UnknownCode = "unknown-code", Warning;
}

impl Code {
    /// The code a word names, if any.
    pub fn parse(word: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == word)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_unique_kebab_case_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            let w = c.as_str();
            assert!(seen.insert(w), "{w} twice");
            assert!(
                w.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{w}"
            );
            assert_eq!(Code::parse(w), Some(*c));
        }
        assert_eq!(Code::parse("unquantifed"), None);
    }

    #[test]
    fn every_code_is_in_the_readme() {
        let readme = include_str!("../../README.md");
        for c in Code::ALL {
            assert!(
                readme.contains(&format!("`{}`", c.as_str())),
                "README lacks `{c}`"
            );
        }
    }
}
