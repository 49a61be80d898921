//! `dangjian review …`: quarterly, half-year and annual scores (SPEC §6) and blank sheets.

pub mod annual;
pub mod half;
mod import;
mod outcome;
mod output;
pub mod quarterly;
mod score;
pub mod sheet;
mod sheet_file;
mod sheets;

use anyhow::Result;
use clap::Subcommand;

use super::{Ctx, Exit};

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Compute the scores of a quarter (一季一评)
    Quarterly(quarterly::Args),
    /// Compute the scores of a half-year (半年初评)
    Half(half::Args),
    /// Compute the annual scores, grades and outcomes (年终总评)
    Annual(annual::Args),
    /// Write a blank evaluation sheet with a row for every subject to be reviewed
    Sheet(sheet::Args),
    /// Write or update a subject's scores in an evaluation sheet
    Score(score::Args),
    /// Record an honour, a rectification, or its verification (复验) on the annual results
    Outcome(outcome::Args),
    /// Read a filled-in sheet (xlsx or csv, GBK too) back into the evaluation sheets
    Import(import::Args),
}

pub fn run(ctx: &Ctx, cmd: ReviewCommand) -> Result<Exit> {
    match cmd {
        ReviewCommand::Quarterly(args) => quarterly::run(ctx, args),
        ReviewCommand::Half(args) => half::run(ctx, args),
        ReviewCommand::Annual(args) => annual::run(ctx, args),
        ReviewCommand::Sheet(args) => sheet::run(ctx, args),
        ReviewCommand::Score(args) => score::run(ctx, args),
        ReviewCommand::Outcome(args) => outcome::run(ctx, args),
        ReviewCommand::Import(args) => import::run(ctx, args),
    }
}
