//! `dangjian matter progress <id> <task-id> --value N [--note]`: records a task's cumulative
//! progress (组织实施), refusing unknown tasks and values that would make it decrease.

use anyhow::Result;
use rust_decimal::Decimal;
use toml_edit::Value;

use super::{EntryOpts, Session, date_value, num_value, refused};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::Num;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// The task
    pub task: String,
    /// Cumulative value in the task's unit, or a percent (0–100) when the task has no target
    #[arg(
        long,
        required_unless_present = "remove",
        allow_negative_numbers = true
    )]
    pub value: Option<Num>,
    /// What was done
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub edit: EntryOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let Some(mut s) = Session::open_entry(ctx, &args.id, "progress", &args.edit)? else {
        return Ok(Exit::Success);
    };
    let value = s.required(args.value, "--value")?;
    let loc = s.locale;
    let Some(task) = s.matter.task(&args.task) else {
        return Err(refused(vec![tf(
            loc,
            "matter.unknown-task",
            &[("task", &args.task), ("id", &s.matter.id)],
        )]));
    };
    let mut reasons = Vec::new();
    let v = value;
    if v.0.is_sign_negative() && !v.0.is_zero() {
        reasons.push(tf(loc, "matter.negative", &[("value", &v)]));
    }
    if task.target.is_none() && v.0 > Decimal::ONE_HUNDRED {
        reasons.push(tf(
            loc,
            "matter.percent-over-100",
            &[("task", &task.id), ("value", &v)],
        ));
    }
    for p in s.matter.progress.iter().filter(|p| p.task == task.id) {
        let decreases = (p.date <= s.date && p.value > v) || (p.date > s.date && p.value < v);
        if decreases {
            reasons.push(tf(
                loc,
                "matter.progress-decreases",
                &[
                    ("task", &task.id),
                    ("value", &v),
                    ("date", &s.date),
                    ("other", &p.value),
                    ("other_date", &p.date),
                ],
            ));
        }
    }
    s.add_entry(
        "progress",
        reasons,
        vec![
            ("task", Some(Value::from(args.task.as_str()))),
            ("date", Some(date_value(s.date))),
            ("value", Some(num_value(v))),
            ("note", args.note.as_deref().map(Value::from)),
        ],
    )
}
