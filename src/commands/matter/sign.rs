//! `dangjian matter sign <id> <task-id>|--all`: records that tasks' responsibility letters
//! (责任状) are signed (公开承诺).

use anyhow::Result;

use super::{EditOpts, Session, date_value, refused, set_value, table_at};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["task", "all"])))]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// The task signed
    pub task: Option<String>,
    /// Every task not signed yet
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub opts: EditOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let mut s = Session::open(ctx, &args.id, &args.opts)?;
    let loc = s.locale;
    let indexes: Vec<usize> = match &args.task {
        Some(task) => match s.matter.tasks.iter().position(|t| &t.id == task) {
            Some(i) => vec![i],
            None => {
                return Err(refused(vec![tf(
                    loc,
                    "matter.unknown-task",
                    &[("task", task), ("id", &s.matter.id)],
                )]));
            }
        },
        None => {
            if s.matter.tasks.is_empty() {
                return Err(refused(vec![tf(
                    loc,
                    "matter.no-tasks",
                    &[("id", &s.matter.id)],
                )]));
            }
            (0..s.matter.tasks.len()).collect()
        }
    };
    let date = s.date;
    for i in indexes {
        if s.matter.tasks[i].signed.is_some() {
            continue;
        }
        let Some(t) = table_at(&mut s.edit.doc, "task", i) else {
            continue;
        };
        set_value(t, "signed", date_value(date));
    }
    s.save(None)
}
