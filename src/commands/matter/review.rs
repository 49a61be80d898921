//! `dangjian matter review <id> [--task T] --score N [--result …] [--published D]`: records a
//! review of a task or of the whole matter (考评奖惩).

use anyhow::Result;
use toml_edit::Value;

use super::{EntryOpts, Session, check_order, date_value, num_value};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Date, Num};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// The task reviewed (default: the whole matter)
    #[arg(long)]
    pub task: Option<String>,
    /// Score, from 0 to the review scale
    #[arg(
        long,
        required_unless_present = "remove",
        allow_negative_numbers = true
    )]
    pub score: Option<Num>,
    /// Result: reward or penalty decided
    #[arg(long)]
    pub result: Option<String>,
    /// Date the result was made public (实施结果公开)
    #[arg(long, value_name = "DATE")]
    pub published: Option<Date>,
    #[command(flatten)]
    pub edit: EntryOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let Some(mut s) = Session::open_entry(ctx, &args.id, "review", &args.edit)? else {
        return Ok(Exit::Success);
    };
    let score = s.required(args.score, "--score")?;
    let loc = s.locale;
    let mut reasons = Vec::new();
    if let Some(task) = &args.task
        && s.matter.task(task).is_none()
    {
        reasons.push(tf(
            loc,
            "matter.unknown-task",
            &[("task", task), ("id", &s.matter.id)],
        ));
    }
    let scale = s.settings.review.scale;
    if score.0.is_sign_negative() && !score.0.is_zero() || score > scale {
        reasons.push(tf(
            loc,
            "matter.score-range",
            &[("score", &score), ("scale", &scale)],
        ));
    }
    if let Some(p) = args.published {
        check_order(&mut reasons, loc, ("date", s.date), ("published", p));
    }
    s.add_entry(
        "review",
        reasons,
        vec![
            ("task", args.task.as_deref().map(Value::from)),
            ("date", Some(date_value(s.date))),
            ("score", Some(num_value(score))),
            ("result", args.result.as_deref().map(Value::from)),
            ("published", args.published.map(date_value)),
        ],
    )
}
