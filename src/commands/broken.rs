//! Record files that failed to parse, where a command needs them: a show command names the
//! file and its error instead of "not found" (exit 2), and a listing says on stderr which files
//! it left out and exits 1, because a partial listing is not a success (SPEC §7).

use super::Exit;
use crate::diag::escape;
use crate::i18n::{Locale, t, tf};
use crate::workspace::{Broken, Workspace};

/// The error for a record that is needed but whose file did not parse.
pub fn record_error(b: &Broken, locale: Locale) -> anyhow::Error {
    crate::error::Error::environment(
        crate::error::Problem::new(tf(
            locale,
            "load.broken-record",
            &[
                ("file", &format!("{}:{}:{}", b.path, b.line, b.column)),
                ("error", &escape::one_line(&b.message)),
            ],
        ))
        .help(t(locale, "load.broken-record.help")),
    )
    .into()
}

/// `err` (a name that matched no record), unless the file of the record `arg` of `folder` is
/// broken: then the error names that file and its parse error.
pub fn or_broken(
    err: anyhow::Error,
    ws: &Workspace,
    folder: &str,
    arg: &str,
    locale: Locale,
) -> anyhow::Error {
    match ws.broken_record(folder, arg) {
        Some(b) => record_error(b, locale),
        None => err,
    }
}

/// Says on stderr which files of `folders` a listing left out, and how the listing ends:
/// `Problems` (exit 1) when any was left out.
pub fn listing_exit(ws: &Workspace, folders: &[&str], locale: Locale) -> Exit {
    let skipped: Vec<&Broken> = ws
        .broken
        .iter()
        .filter(|b| folders.contains(&b.folder()))
        .collect();
    if skipped.is_empty() {
        return Exit::Success;
    }
    eprint!("{}", skipped_note(&skipped, locale));
    Exit::Problems
}

/// The note of a listing that left files out (pure, for tests).
pub fn skipped_note(skipped: &[&Broken], locale: Locale) -> String {
    let mut out = format!(
        "{}: {}\n",
        t(locale, "cli.error"),
        tf(locale, "load.skipped", &[("count", &skipped.len())])
    );
    for b in skipped {
        out.push_str(&format!(
            "  {}:{}:{}: {}\n",
            b.path,
            b.line,
            b.column,
            escape::one_line(&b.message)
        ));
    }
    out.push_str(&format!(
        "{}: {}\n",
        t(locale, "cli.help"),
        t(locale, "load.skipped.help")
    ));
    out
}
