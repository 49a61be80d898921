//! What the commands that create and edit organizations and members share (`org new|edit`,
//! `member add|edit|leave`): collecting every reason before refusing, a reason with the
//! command that fixes it, the targeted reads of names, and the validated save through the one
//! write path.

use std::path::Path;

use anyhow::Result;
use toml_edit::{TableLike, Value};

use crate::check;
use crate::commands::post::edit::Session;
use crate::commands::{Ctx, Refused};
use crate::i18n::{Locale, t};
use crate::model::{Member, Org};
use crate::workspace::edit;
use crate::workspace::resolve::resolve;
use crate::workspace::write::{self, Editable, Written};

/// A refusal reason followed by its help line, as the diagnostics print one.
pub fn with_help(locale: Locale, reason: String, help: String) -> String {
    format!("{reason}\n  = {}: {help}", t(locale, "cli.help"))
}

/// The value of `result`, or `None` with its refusal reasons added to `reasons`; any other
/// error (an unreadable file) is passed on.
pub fn gather<T>(reasons: &mut Vec<String>, result: Result<T>) -> Result<Option<T>> {
    match result {
        Ok(v) => Ok(Some(v)),
        Err(e) => match e.downcast::<Refused>() {
            Ok(r) => {
                reasons.extend(r.reasons);
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

/// Refuses with every reason when there is any.
pub fn refuse_if_any(reasons: Vec<String>) -> Result<()> {
    if reasons.is_empty() {
        Ok(())
    } else {
        Err(Refused { reasons }.into())
    }
}

/// An organization by id or unambiguous name, its refusal gathered.
pub fn org(s: &Session, reasons: &mut Vec<String>, arg: &str) -> Result<Option<Org>> {
    Ok(gather(reasons, resolve::<Org>(&s.root, arg, s.locale))?.map(|r| r.value))
}

/// A member by id or unambiguous name, its refusal gathered.
pub fn member(s: &Session, reasons: &mut Vec<String>, arg: &str) -> Result<Option<Member>> {
    Ok(gather(reasons, resolve::<Member>(&s.root, arg, s.locale))?.map(|r| r.value))
}

/// [`org`] for an optional flag: `None` when the flag is absent.
pub fn org_opt(s: &Session, reasons: &mut Vec<String>, arg: Option<&str>) -> Result<Option<Org>> {
    arg.map_or(Ok(None), |a| org(s, reasons, a))
}

/// [`member`] for an optional flag: `None` when the flag is absent.
pub fn member_opt(
    s: &Session,
    reasons: &mut Vec<String>,
    arg: Option<&str>,
) -> Result<Option<Member>> {
    arg.map_or(Ok(None), |a| member(s, reasons, a))
}

/// Sets each key of `fields` whose value is given, in that order; the others stay as they are.
pub fn set_given(table: &mut dyn TableLike, fields: Vec<(&str, Option<Value>)>) {
    for (key, value) in fields {
        if let Some(value) = value {
            edit::set_value(table, key, value);
        }
    }
}

/// Whether an id is taken by an organization or a member (they share one namespace).
pub fn id_taken(root: &Path, id: &str) -> Option<String> {
    ["orgs", "members"]
        .into_iter()
        .map(|folder| format!("{folder}/{id}.toml"))
        .find(|rel| root.join(rel).exists())
}

fn cctx(ctx: &Ctx, s: &Session) -> check::Context {
    check::Context {
        as_of: ctx.as_of,
        locale: s.locale,
    }
}

/// Validates and writes (or diffs) an organization file.
pub fn save_org(s: &Session, ctx: &Ctx, edit: &Editable, dry_run: bool) -> Result<Written> {
    let c = cctx(ctx, s);
    write::save::<Org>(&s.lock, edit, dry_run, s.locale, |o| {
        check::single::org(&edit.rel, o, &c)
    })
}

/// Validates and writes (or diffs) a member file.
pub fn save_member(s: &Session, ctx: &Ctx, edit: &Editable, dry_run: bool) -> Result<Written> {
    let c = cctx(ctx, s);
    write::save::<Member>(&s.lock, edit, dry_run, s.locale, |m| {
        check::single::member(&edit.rel, m, &c)
    })
}

/// The refusal of a date after `--as-of` for something that happened (SPEC §2.4), with the
/// help line naming the option (`--date`, `--joined`) that gives the date.
pub fn future_date(
    locale: Locale,
    what: &str,
    option: &str,
    date: crate::model::Date,
    as_of: crate::model::Date,
) -> Option<String> {
    (date > as_of).then(|| {
        with_help(
            locale,
            crate::i18n::tf(
                locale,
                "records.refuse.future-date",
                &[("what", &what), ("date", &date), ("as_of", &as_of)],
            ),
            crate::i18n::tf(
                locale,
                "records.refuse.future-date.help",
                &[("option", &option), ("as_of", &as_of)],
            ),
        )
    })
}

/// `--amend N` and `--remove N` of the commands that append an entry (`post log`, `matter
/// opinion|meeting|progress|review`, `commit progress|comment`): N is the entry's number as
/// `show` prints it, from 1.
#[derive(Debug, clap::Args)]
pub struct EntryArgs {
    /// Replace entry N (as `show` numbers it) with the values given
    #[arg(long, value_name = "N", conflicts_with = "remove")]
    pub amend: Option<usize>,
    /// Remove entry N (as `show` numbers it)
    #[arg(long, value_name = "N")]
    pub remove: Option<usize>,
}

/// Removes entry `n` (from 1) of the list `key` of `parent`; a number that names no entry is
/// refused with the `show` command that prints the numbers.
pub fn take_entry(
    parent: &mut dyn toml_edit::TableLike,
    key: &str,
    n: usize,
    locale: Locale,
    show: &str,
) -> Result<()> {
    let count = crate::workspace::edit::entry_count(parent, key);
    if n == 0 || !crate::workspace::edit::remove_entry(parent, key, n - 1) {
        return Err(Refused {
            reasons: vec![with_help(
                locale,
                crate::i18n::tf(
                    locale,
                    "records.refuse.no-entry",
                    &[("n", &n), ("count", &count)],
                ),
                show.to_string(),
            )],
        }
        .into());
    }
    Ok(())
}
