//! `dangjian post …`: the post process (设岗定责, SPEC §4). Writing commands read only the post,
//! the member and the organization chains they need, and write through the locked,
//! format-preserving write path; `list` and `show` load the workspace.

mod assign;
mod change;
mod claim;
pub mod edit;
mod end;
mod list;
mod log;
mod new;
mod publish;
pub mod show;
mod target;

use anyhow::Result;
use clap::Subcommand;

use super::{Ctx, Exit};

pub use edit::{WriteArgs, org_chain};

#[derive(Debug, Subcommand)]
pub enum PostCommand {
    /// Create a post with its duties (设岗)
    New(new::Args),
    /// Record that a member claims a post (认岗)
    Claim(claim::Args),
    /// Confirm a member on a post after the eligibility, capacity and window checks (定岗)
    Assign(assign::Args),
    /// Publish the confirmed holders of a post or of an organization's posts (明岗)
    Publish(publish::Args),
    /// Add an entry to a post's duty log (履岗)
    Log(log::Args),
    /// End a member's spell on a post (离岗)
    End(end::Args),
    /// List posts
    List(list::Args),
    /// Show a post with its holders and duty log
    Show(show::Args),
    /// Change a post's name, duties, capacity, log cadence, eligibility or window
    Edit(change::Args),
    /// Add a quantified target to a post, or remove one (--remove N)
    Target(target::Args),
}

pub fn run(ctx: &Ctx, cmd: PostCommand) -> Result<Exit> {
    match cmd {
        PostCommand::New(args) => new::run(ctx, args),
        PostCommand::Claim(args) => claim::run(ctx, args),
        PostCommand::Assign(args) => assign::run(ctx, args),
        PostCommand::Publish(args) => publish::run(ctx, args),
        PostCommand::Log(args) => log::run(ctx, args),
        PostCommand::End(args) => end::run(ctx, args),
        PostCommand::List(args) => list::run(ctx, args),
        PostCommand::Show(args) => show::run(ctx, args),
        PostCommand::Edit(args) => change::run(ctx, args),
        PostCommand::Target(args) => target::run(ctx, args),
    }
}
