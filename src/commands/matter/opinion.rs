//! `dangjian matter opinion <id> --source S --text T [--adopted]`: records an opinion (征求意见).

use anyhow::Result;
use toml_edit::Value;

use super::{EntryOpts, Session, date_value};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::OpinionSource;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// Where the opinion came from: leader, liaison-unit, resident-unit, civil, mass, residents, members, other
    #[arg(long, required_unless_present = "remove")]
    pub source: Option<OpinionSource>,
    /// The opinion
    #[arg(long, required_unless_present = "remove")]
    pub text: Option<String>,
    /// The opinion was adopted
    #[arg(long)]
    pub adopted: bool,
    #[command(flatten)]
    pub edit: EntryOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let Some(mut s) = Session::open_entry(ctx, &args.id, "opinion", &args.edit)? else {
        return Ok(Exit::Success);
    };
    let source = s.required(args.source, "--source")?;
    let text = s.required(args.text, "--text")?;
    let mut reasons = Vec::new();
    if text.trim().is_empty() {
        reasons.push(tf(s.locale, "matter.empty-text", &[]));
    }
    s.add_entry(
        "opinion",
        reasons,
        vec![
            ("source", Some(Value::from(source.as_str()))),
            ("date", Some(date_value(s.date))),
            ("text", Some(Value::from(text.as_str()))),
            ("adopted", args.adopted.then(|| Value::from(true))),
        ],
    )
}
