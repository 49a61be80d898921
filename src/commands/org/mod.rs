//! `dangjian org list|tree|show`: browse organizations (SPEC §7). Also the lookup of a record by
//! id or unambiguous name in a loaded workspace, shared by the listing commands.

mod edit;
mod list;
mod new;
mod show;
mod tree;

use anyhow::Result;
use clap::Subcommand;

use super::{Ctx, Exit, Refused};
use crate::i18n::{Locale, t, tf};
use crate::workspace::Workspace;

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// List organizations
    List(list::Args),
    /// Print the organization tree with member counts
    Tree(tree::Args),
    /// Show an organization with its sub-organizations, members and posts
    Show(show::Args),
    /// Add an organization
    New(new::Args),
    /// Change an organization's name, parent (move), kind, sector, role or secretary
    Edit(edit::Args),
}

pub fn run(ctx: &Ctx, cmd: OrgCommand) -> Result<Exit> {
    match cmd {
        OrgCommand::List(args) => list::run(ctx, args),
        OrgCommand::Tree(args) => tree::run(ctx, args),
        OrgCommand::Show(args) => show::run(ctx, args),
        OrgCommand::New(args) => new::run(ctx, args),
        OrgCommand::Edit(args) => edit::run(ctx, args),
    }
}

/// Picks a record by id, else by unambiguous name, among `(id, name, context)` triples. An
/// unknown or ambiguous name is a refusal listing the candidates.
pub fn pick<'a>(
    items: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
    arg: &str,
    kind_key: &'static str,
    locale: Locale,
) -> Result<String> {
    let items: Vec<(&str, &str, &str)> = items.collect();
    if items.iter().any(|(id, _, _)| *id == arg) {
        return Ok(arg.to_string());
    }
    let found: Vec<&(&str, &str, &str)> = items.iter().filter(|(_, n, _)| *n == arg).collect();
    let kind = t(locale, kind_key);
    match found.as_slice() {
        [one] => Ok(one.0.to_string()),
        [] => Err(Refused {
            reasons: vec![tf(
                locale,
                "resolve.unknown",
                &[("kind", &kind), ("name", &arg)],
            )],
        }
        .into()),
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|(id, _, ctx)| format!("{id} ({ctx})"))
                .collect();
            Err(Refused {
                reasons: vec![tf(
                    locale,
                    "resolve.ambiguous",
                    &[
                        ("kind", &kind),
                        ("name", &arg),
                        ("candidates", &list.join(", ")),
                    ],
                )],
            }
            .into())
        }
    }
}

/// The locale a listing is built in: the user's for tables; English for json and csv, so that
/// scripts see the canonical keyword values (`full`, `branch`) and stable keys.
pub fn doc_locale(format: crate::report::Format, locale: Locale) -> Locale {
    if format == crate::report::Format::Table {
        locale
    } else {
        Locale::En
    }
}

/// An organization of the loaded workspace by id or unambiguous name.
pub fn find_org(ws: &Workspace, arg: &str, locale: Locale) -> Result<String> {
    pick(
        ws.orgs.iter().map(|r| {
            (
                r.id.as_str(),
                r.name.as_str(),
                r.parent.as_deref().unwrap_or(""),
            )
        }),
        arg,
        "resolve.org",
        locale,
    )
}

/// Party members (full and probationary) present on `as_of` whose `org` is `id`.
pub fn party_members_of(ws: &Workspace, id: &str, as_of: crate::model::Date) -> usize {
    ws.members
        .iter()
        .filter(|m| m.org == id && m.is_party_member() && m.present_on(as_of))
        .count()
}
