//! `dangjian matter publish <id> (--meeting N | --review N) [--date D]`: records that a meeting's
//! decision (决议公开) or a review's result (实施结果公开) was made public after it was recorded.

use anyhow::Result;

use super::{EditOpts, Session, check_order, date_value, refused, set_value, table_at};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::Date;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["meeting", "review"])))]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// The meeting, counted from 1 in the file (as `matter show` lists them)
    #[arg(long, value_name = "N")]
    pub meeting: Option<usize>,
    /// The review, counted from 1 in the file (as `matter show` lists them)
    #[arg(long, value_name = "N")]
    pub review: Option<usize>,
    #[command(flatten)]
    pub opts: EditOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let mut s = Session::open(ctx, &args.id, &args.opts)?;
    let loc = s.locale;
    let (key, n, records): (&str, usize, Vec<(Date, Option<Date>)>) = match args.meeting {
        Some(n) => (
            "meeting",
            n,
            s.matter
                .meetings
                .iter()
                .map(|m| (m.date, m.published))
                .collect(),
        ),
        None => (
            "review",
            args.review.unwrap_or(0),
            s.matter
                .reviews
                .iter()
                .map(|r| (r.date, r.published))
                .collect(),
        ),
    };
    let Some(&(held, published)) = n.checked_sub(1).and_then(|i| records.get(i)) else {
        return Err(refused(vec![tf(
            loc,
            "matter.no-such-record",
            &[("key", &key), ("n", &n), ("count", &records.len())],
        )]));
    };
    if published.is_some() {
        return s.save(None);
    }
    let mut reasons = Vec::new();
    check_order(&mut reasons, loc, ("date", held), ("published", s.date));
    if !reasons.is_empty() {
        return Err(refused(reasons));
    }
    let date = s.date;
    if let Some(t) = table_at(&mut s.edit.doc, key, n - 1) {
        set_value(t, "published", date_value(date));
    }
    s.save(None)
}
