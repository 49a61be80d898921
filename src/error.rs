//! The one error type of the tool. Its kind decides the exit code in one place (`main.rs`):
//! a refused step is exit 1, a usage or environment error is exit 2. Messages and help lines are
//! separate fields, so a help line is never glued into a message and no line of either is lost.
//!
//! Commands return `anyhow::Result`; an `Error` travels inside it and is recovered with
//! [`Error::of`]. Any other `anyhow` error is an environment error (a file that cannot be read,
//! a folder that cannot be written).

use std::fmt;

/// What went wrong, and so which exit code the process ends with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The command ran and refused a step (a workflow condition, a record that would fail
    /// `check`): exit 1, nothing written.
    Refused,
    /// The command line is wrong: a bad argument, a name that names no record: exit 2.
    Usage,
    /// The environment is wrong: no workspace, an unreadable or unparsable file: exit 2.
    Environment,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Refused => 1,
            Kind::Usage | Kind::Environment => 2,
        }
    }
}

/// One problem: a message and, where one helps, a line saying what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub help: Option<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}

/// An error of a given kind, listing every problem found (a refusal lists every reason).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: Kind,
    pub problems: Vec<Problem>,
    /// What a caller may match on (a name that names no record …).
    pub what: Option<What>,
}

/// Errors a caller tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// A name on the command line names no record.
    UnknownName,
    /// A name on the command line names more than one record.
    AmbiguousName,
}

impl Error {
    pub fn new(kind: Kind, problems: Vec<Problem>) -> Error {
        Error {
            kind,
            problems,
            what: None,
        }
    }

    /// The same error, marked as `what`.
    pub fn what(mut self, what: What) -> Error {
        self.what = Some(what);
        self
    }

    pub fn usage(problem: Problem) -> Error {
        Error::new(Kind::Usage, vec![problem])
    }

    pub fn environment(problem: Problem) -> Error {
        Error::new(Kind::Environment, vec![problem])
    }

    pub fn refused(problems: Vec<Problem>) -> Error {
        Error::new(Kind::Refused, problems)
    }

    /// The tool's error carried by an `anyhow` error; any other error is an environment error
    /// whose message is the whole context chain.
    pub fn of(err: &anyhow::Error) -> Error {
        if let Some(r) = err.downcast_ref::<Refused>() {
            return Error::refused(r.reasons.iter().map(Problem::new).collect());
        }
        if let Some(e) = err.downcast_ref::<Error>() {
            // Context added around one of ours keeps its kind and goes first.
            let context: Vec<String> = err
                .chain()
                .take_while(|c| c.downcast_ref::<Error>().is_none())
                .map(ToString::to_string)
                .collect();
            let mut e = e.clone();
            if let Some(first) = e.problems.first_mut()
                && !context.is_empty()
            {
                first.message = format!("{}: {}", context.join(": "), first.message);
            }
            return e;
        }
        Error::environment(Problem::new(format!("{err:#}")))
    }

    /// Both errors' problems when they are of one kind (both names unknown, say), else the
    /// first error.
    pub fn merge(a: anyhow::Error, b: anyhow::Error) -> anyhow::Error {
        let (ea, eb) = (Error::of(&a), Error::of(&b));
        if ea.kind == eb.kind && ea.kind != Kind::Environment {
            let mut ea = ea;
            ea.problems.extend(eb.problems);
            return ea.into();
        }
        a
    }

    /// Whether an `anyhow` error is one of ours marked as `what`.
    pub fn is(err: &anyhow::Error, what: What) -> bool {
        err.chain()
            .find_map(|c| c.downcast_ref::<Error>())
            .is_some_and(|e| e.what == Some(what))
    }

    /// The same problems as another kind.
    pub fn with_kind(mut self, kind: Kind) -> Error {
        self.kind = kind;
        self
    }

    /// The exit code this error ends the process with.
    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<&str> = self.problems.iter().map(|p| p.message.as_str()).collect();
        f.write_str(&messages.join("; "))
    }
}

impl std::error::Error for Error {}

/// A refused step given as already-localized reasons: the short form of
/// `Error::refused`, kept for the writing commands that build their reasons as text.
#[derive(Debug)]
pub struct Refused {
    pub reasons: Vec<String>,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reasons.join("; "))
    }
}

impl std::error::Error for Refused {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_decide_the_exit_code() {
        assert_eq!(Error::refused(vec![Problem::new("x")]).exit_code(), 1);
        assert_eq!(Error::usage(Problem::new("x")).exit_code(), 2);
        assert_eq!(Error::environment(Problem::new("x")).exit_code(), 2);
    }

    #[test]
    fn anyhow_errors_are_recovered_with_their_kind() {
        let e: anyhow::Error = Error::usage(Problem::new("no such org").help("try x")).into();
        let back = Error::of(&e);
        assert_eq!(back.kind, Kind::Usage);
        assert_eq!(back.problems[0].help.as_deref(), Some("try x"));

        let r: anyhow::Error = Refused {
            reasons: vec!["a".into(), "b".into()],
        }
        .into();
        let back = Error::of(&r);
        assert_eq!(back.kind, Kind::Refused);
        assert_eq!(back.problems.len(), 2);

        let other = anyhow::anyhow!("disk full").context("cannot write x");
        let back = Error::of(&other);
        assert_eq!(back.kind, Kind::Environment);
        assert_eq!(back.problems[0].message, "cannot write x: disk full");
    }

    #[test]
    fn context_around_a_usage_error_keeps_its_kind() {
        let e = anyhow::Error::from(Error::usage(Problem::new("bad"))).context("--org");
        let back = Error::of(&e);
        assert_eq!(back.kind, Kind::Usage);
        assert_eq!(back.problems[0].message, "--org: bad");
    }
}
