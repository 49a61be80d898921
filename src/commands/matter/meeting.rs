//! `dangjian matter meeting <id> --body B --expected N --present N --yes N …`: records a meeting
//! and its vote (议事决策), refusing impossible counts.

use anyhow::Result;
use toml_edit::Value;

use super::{EntryOpts, Session, check_order, date_value};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Body, Date};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// The body that met: branch, committees, members, representatives, joint, leadership, workers, board, owner
    #[arg(long, required_unless_present = "remove")]
    pub body: Option<Body>,
    /// Members expected (应到)
    #[arg(long, required_unless_present = "remove")]
    pub expected: Option<u32>,
    /// Members present (实到)
    #[arg(long, required_unless_present = "remove")]
    pub present: Option<u32>,
    /// Votes for
    #[arg(long, required_unless_present = "remove")]
    pub yes: Option<u32>,
    /// Votes against
    #[arg(long, default_value_t = 0)]
    pub no: u32,
    /// Abstentions
    #[arg(long, default_value_t = 0)]
    pub abstain: u32,
    /// The decision taken
    #[arg(long, required_unless_present = "remove")]
    pub decision: Option<String>,
    /// Date the decision was made public (决议公开)
    #[arg(long, value_name = "DATE")]
    pub published: Option<Date>,
    #[command(flatten)]
    pub edit: EntryOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let Some(mut s) = Session::open_entry(ctx, &args.id, "meeting", &args.edit)? else {
        return Ok(Exit::Success);
    };
    let loc = s.locale;
    let body = s.required(args.body, "--body")?;
    let expected = s.required(args.expected, "--expected")?;
    let present = s.required(args.present, "--present")?;
    let yes = s.required(args.yes, "--yes")?;
    let decision = s.required(args.decision, "--decision")?;
    let mut reasons = Vec::new();
    if present > expected {
        reasons.push(tf(
            loc,
            "matter.present-over-expected",
            &[("present", &present), ("expected", &expected)],
        ));
    }
    let votes = u64::from(yes) + u64::from(args.no) + u64::from(args.abstain);
    if votes > u64::from(present) {
        reasons.push(tf(
            loc,
            "matter.votes-over-present",
            &[("votes", &votes), ("present", &present)],
        ));
    }
    if let Some(p) = args.published {
        check_order(&mut reasons, loc, ("date", s.date), ("published", p));
    }
    s.add_entry(
        "meeting",
        reasons,
        vec![
            ("body", Some(Value::from(body.as_str()))),
            ("date", Some(date_value(s.date))),
            ("expected", Some(Value::from(i64::from(expected)))),
            ("present", Some(Value::from(i64::from(present)))),
            ("yes", Some(Value::from(i64::from(yes)))),
            ("no", Some(Value::from(i64::from(args.no)))),
            ("abstain", Some(Value::from(i64::from(args.abstain)))),
            ("decision", Some(Value::from(decision.as_str()))),
            ("published", args.published.map(date_value)),
        ],
    )
}
