//! `dangjian org list|tree|show`: browse organizations (SPEC §7). Also the lookup of a record by
//! id or unambiguous name in a loaded workspace, shared by the listing commands.

mod edit;
mod list;
mod new;
mod show;
mod tree;

use anyhow::Result;
use clap::Subcommand;

use super::{Ctx, Exit};
use crate::i18n::Locale;
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

/// The locale a listing is built in: the user's for tables; English for json and csv, so that
/// scripts see the canonical keyword values (`full`, `branch`) and stable keys.
pub fn doc_locale(format: crate::report::Format, locale: Locale) -> Locale {
    if format == crate::report::Format::Table {
        locale
    } else {
        Locale::En
    }
}

/// [`find_org`] for an optional flag: `None` when it is absent.
pub fn find_org_opt(ws: &Workspace, arg: Option<&str>, locale: Locale) -> Result<Option<String>> {
    arg.map(|a| find_org(ws, a, locale)).transpose()
}

/// An organization of the loaded workspace by id or unambiguous name.
pub fn find_org(ws: &Workspace, arg: &str, locale: Locale) -> Result<String> {
    ws.find_org(arg, locale)
        .map(|o| o.id.clone())
        .map_err(|e| super::broken::or_broken(e.into(), ws, "orgs", arg, locale))
}
