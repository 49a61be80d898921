//! `dangjian member …`: browse members and import a roster.

mod add;
mod edit;
pub mod import;
mod leave;
mod list;
mod show;

use anyhow::Result;
use clap::Subcommand;

use super::{Ctx, Exit};
use crate::i18n::Locale;
use crate::workspace::Workspace;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// List members
    List(list::Args),
    /// Show a member with the posts they hold (private data only with --private)
    Show(show::Args),
    /// Import a roster from a CSV or XLSX file
    Import(import::Args),
    /// Add one person (without an id, the pinyin of the name)
    Add(add::Args),
    /// Change a person's status (转正), office, organization (转接), community, name or private data
    Edit(edit::Args),
    /// Record that a person left the workspace (转出)
    Leave(leave::Args),
}

pub fn run(ctx: &Ctx, cmd: MemberCommand) -> Result<Exit> {
    match cmd {
        MemberCommand::List(args) => list::run(ctx, args),
        MemberCommand::Show(args) => show::run(ctx, args),
        MemberCommand::Import(args) => import::run(ctx, args),
        MemberCommand::Add(args) => add::run(ctx, args),
        MemberCommand::Edit(args) => edit::run(ctx, args),
        MemberCommand::Leave(args) => leave::run(ctx, args),
    }
}

/// A member of the loaded workspace by id or unambiguous name.
pub fn find_member(ws: &Workspace, arg: &str, locale: Locale) -> Result<String> {
    ws.find_member(arg, locale)
        .map(|m| m.id.to_string())
        .map_err(|e| super::broken::or_broken(e.into(), ws, "members", arg, locale))
}

/// The `[private]` data of a person that `add` and `edit` set.
#[derive(Debug, clap::Args)]
pub struct PrivateArgs {
    /// Phone number (kept in [private])
    #[arg(long)]
    pub phone: Option<String>,
    /// Identity card number (kept in [private])
    #[arg(long)]
    pub id_card: Option<String>,
}

impl PrivateArgs {
    /// The keys of `[private]` given, with their values trimmed.
    pub fn given(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [("phone", &self.phone), ("id_card", &self.id_card)]
            .into_iter()
            .filter_map(|(key, value)| Some((key, value.as_deref()?.trim())))
    }
}
