//! `dangjian review outcome <member> --year Y --honour TITLE | --rectify [--due D] |
//! --verified D`: records a decision taken on the annual results in the year's sheet — an
//! honour (党员先锋岗, 优秀共产党员), a rectification with its deadline (限期整改), or the
//! verification of an existing rectification (复验).

use anyhow::{Result, anyhow};
use toml_edit::Value;

use super::sheets;
use crate::commands::post::edit::{self, report};
use crate::commands::records::{future_date, refuse_if_any, with_help};
use crate::commands::{Ctx, Exit};
use crate::i18n::{t, tf};
use crate::model::{Date, OutcomeKind, Period, PeriodPart};
use crate::workspace::edit::{date_value, entry_at, insert_entry, set_value, table_of};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("decision").required(true).args(["honour", "rectify", "verified"])))]
pub struct Args {
    /// The member (id or name)
    pub member: String,
    /// Year of the annual review
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=9999))]
    pub year: i32,
    /// Record an honour with its title, e.g. 优秀共产党员
    #[arg(long, value_name = "TITLE")]
    pub honour: Option<String>,
    /// Record a rectification (限期整改)
    #[arg(long)]
    pub rectify: bool,
    /// Deadline of the rectification
    #[arg(long, value_name = "DATE", requires = "rectify")]
    pub due: Option<Date>,
    /// Record that the member's rectification was verified on this date (复验)
    #[arg(long, value_name = "DATE")]
    pub verified: Option<Date>,
    /// The evaluating organization whose Y sheet holds the decision
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let l = s.locale;
    let period = Period {
        year: args.year,
        part: PeriodPart::Y,
    };
    let target = sheets::target(&s, &args.member, period, args.org.as_deref())?;
    let mut file = Editable::open(&s.root, &target.rel, l)?;
    let doc = file.doc.as_table_mut();
    let message = if let Some(date) = args.verified {
        let open = target.sheet.outcomes.iter().rposition(|o| {
            o.member == target.id && o.kind == OutcomeKind::Rectify && o.verified.is_none()
        });
        let mut reasons: Vec<String> = future_date(
            l,
            t(l, "records.what.verified"),
            "--verified",
            date,
            ctx.as_of,
        )
        .into_iter()
        .collect();
        let Some(i) = open else {
            reasons.push(with_help(
                l,
                tf(
                    l,
                    "records.refuse.no-rectification",
                    &[("member", &target.name), ("year", &args.year)],
                ),
                format!(
                    "dangjian review outcome {} --year {} --rectify",
                    target.id, args.year
                ),
            ));
            return refuse_if_any(reasons).map(|()| Exit::Success);
        };
        refuse_if_any(reasons)?;
        let row = entry_at(doc, "outcome", i)
            .ok_or_else(|| anyhow!("{}: outcome[{i}] is missing", target.rel))?;
        set_value(row, "verified", date_value(date));
        tf(
            l,
            "records.outcome-verified",
            &[("member", &target.name), ("date", &date)],
        )
    } else {
        let (kind, title) = match &args.honour {
            Some(title) => (OutcomeKind::Honour, Some(title.trim())),
            None => (OutcomeKind::Rectify, None),
        };
        let table = table_of(vec![
            ("member", Some(Value::from(target.id.as_str()))),
            ("kind", Some(Value::from(kind.as_str()))),
            ("title", title.map(Value::from)),
            ("due", args.due.map(date_value)),
        ]);
        insert_entry(doc, "outcome", table, None)?;
        tf(
            l,
            "records.outcome-recorded",
            &[
                ("member", &target.name),
                ("kind", &kind.label(l)),
                ("year", &args.year),
            ],
        )
    };
    let written = sheets::save(&s, ctx, &file, args.dry_run)?;
    Ok(report(ctx, &written, &target.rel, l, &message))
}
