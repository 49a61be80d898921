//! `dangjian matter publicize <id> --place …`: records that the tasks were made public (公开承诺).

use anyhow::Result;
use toml_edit::{Item, Table, Value};

use super::{EditOpts, Session, date_value, refused, set_value};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// Where the tasks were made public (e.g. 社区公开栏)
    #[arg(long)]
    pub place: String,
    #[command(flatten)]
    pub opts: EditOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let mut s = Session::open(ctx, &args.id, &args.opts)?;
    if args.place.trim().is_empty() {
        return Err(refused(vec![tf(s.locale, "matter.empty-text", &[])]));
    }
    let date = s.date;
    let root = s.edit.doc.as_table_mut();
    if !root.contains_key("publicity") {
        root.insert("publicity", Item::Table(Table::new()));
    }
    let Some(t) = root.get_mut("publicity").and_then(Item::as_table_like_mut) else {
        return Err(anyhow::anyhow!(tf(
            s.locale,
            "matter.not-a-table",
            &[("file", &s.rel), ("key", &"publicity")]
        )));
    };
    set_value(t, "date", date_value(date));
    set_value(t, "place", Value::from(args.place.as_str()));
    s.save(None)
}
