//! `dangjian post target <post> --text … [--value N --per UNIT]` adds a quantified target
//! (目标任务) to a post; `--remove N` removes target N as `post show` numbers them.

use anyhow::Result;
use toml_edit::Value;

use super::edit;
use crate::commands::records::{refuse_if_any, with_help};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Cadence, Num};
use crate::workspace::edit::{entry_count, insert_entry, num_value, remove_entry, table_of};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Post id or name
    pub post: String,
    /// The target as written, e.g. 每月巡查不少于4次
    #[arg(long, required_unless_present = "remove", conflicts_with = "remove")]
    pub text: Option<String>,
    /// The quantity of the target
    #[arg(long, value_name = "N", requires = "per")]
    pub value: Option<Num>,
    /// Per week, month, quarter or year
    #[arg(long, value_name = "UNIT", requires = "value")]
    pub per: Option<Cadence>,
    /// Remove target N (as `post show` numbers them) instead
    #[arg(long, value_name = "N")]
    pub remove: Option<usize>,
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let (s, post) = edit::begin_post(ctx, &args.post)?;
    let l = s.locale;
    let mut file = Editable::open(&s.root, &post.path, l)?;
    let doc = file.doc.as_table_mut();
    let message = match (args.remove, &args.text) {
        (Some(n), _) => {
            let count = entry_count(doc, "target");
            if n == 0 || !remove_entry(doc, "target", n - 1) {
                refuse_if_any(vec![with_help(
                    l,
                    tf(
                        l,
                        "records.refuse.no-entry",
                        &[("n", &n), ("count", &count)],
                    ),
                    format!("dangjian post show {}", post.id),
                )])?;
            }
            tf(
                l,
                "records.target-removed",
                &[("n", &n), ("post", &post.name)],
            )
        }
        (None, Some(text)) => {
            let table = table_of(vec![
                ("text", Some(Value::from(text.trim()))),
                ("value", args.value.map(num_value)),
                ("per", args.per.map(|p| Value::from(p.as_str()))),
            ]);
            insert_entry(doc, "target", table, None)?;
            tf(
                l,
                "records.target-added",
                &[("text", &text.trim()), ("post", &post.name)],
            )
        }
        (None, None) => unreachable!("clap requires --text or --remove"),
    };
    let written = edit::save_post(&s, ctx, &file, args.dry_run)?;
    Ok(edit::report(ctx, &written, &post.path, l, &message))
}
