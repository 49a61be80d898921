//! `dangjian review score <subject> --period P [--self N] [--peer N,N…] [--leader N] [--masses
//! N,N…] [--adjust POINTS:REASON]… [--veto REASON] [--note …] [--org O]`: writes or updates the
//! subject's row in an evaluation sheet; the options given replace those values, the others
//! stay.

use anyhow::{Result, anyhow};
use toml_edit::{Array, Value};

use super::sheets;
use crate::commands::post::edit::{self, report};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Num, Period};
use crate::workspace::edit::{entry_at, inline_of, insert_entry, num_value, set_value, table_of};
use crate::workspace::write::Editable;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The member or organization rated (id or name)
    pub subject: String,
    /// Period of the sheet: YYYY-Qn, YYYY-Hn or YYYY-Y
    #[arg(long, value_name = "PERIOD")]
    pub period: Period,
    /// 自评: a number
    #[arg(long = "self", value_name = "N")]
    pub self_score: Option<Num>,
    /// 互评: a number, or the ballots separated by commas
    #[arg(long, value_name = "N[,N…]", value_delimiter = ',')]
    pub peer: Vec<Num>,
    /// 领导点评: a number
    #[arg(long, value_name = "N")]
    pub leader: Option<Num>,
    /// 群众评议: a number, or the ballots separated by commas
    #[arg(long, value_name = "N[,N…]", value_delimiter = ',')]
    pub masses: Vec<Num>,
    /// 加减分: points and reason, e.g. 3:抗洪救灾表现突出 or -2:缺席; repeat for several
    #[arg(long, value_name = "POINTS:REASON", value_parser = parse_adjust)]
    pub adjust: Vec<(Num, String)>,
    /// 一票否决: the reason
    #[arg(long, value_name = "REASON")]
    pub veto: Option<String>,
    /// A note on the row
    #[arg(long)]
    pub note: Option<String>,
    /// The evaluating organization whose sheet holds the row (default: the sheet that already
    /// has it, else the one of the member's organization)
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `POINTS:REASON`, e.g. `3:抗洪救灾` or `-2.5:缺席` (a full-width colon is accepted).
pub fn parse_adjust(s: &str) -> Result<(Num, String), String> {
    let s = s.replacen('：', ":", 1);
    let (points, reason) = s
        .split_once(':')
        .ok_or_else(|| format!("`{s}` is not POINTS:REASON"))?;
    let points: Num = points
        .trim()
        .parse()
        .map_err(|e| format!("`{points}`: {e}"))?;
    if reason.trim().is_empty() {
        return Err(format!("`{s}` has no reason after the colon"));
    }
    Ok((points, reason.trim().to_string()))
}

/// One number, or an array of ballots.
fn score_value(values: &[Num]) -> Option<Value> {
    match values {
        [] => None,
        [one] => Some(num_value(*one)),
        many => Some(Value::Array(
            many.iter().map(|n| num_value(*n)).collect::<Array>(),
        )),
    }
}

/// The values entered for one subject: each given one replaces what the row has.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entered {
    pub self_score: Option<Num>,
    pub peer: Vec<Num>,
    pub leader: Option<Num>,
    pub masses: Vec<Num>,
    pub adjust: Vec<(Num, String)>,
    pub veto: Option<String>,
    pub note: Option<String>,
}

/// Writes `entered` into the subject's row of the sheet document (`key` is `member` or `org`),
/// appending a row when the sheet has none for the subject.
pub fn write_row(
    doc: &mut toml_edit::Table,
    sheet: &crate::model::Evaluation,
    key: &str,
    id: &str,
    entered: &Entered,
) -> Result<()> {
    let index = sheet
        .scores
        .iter()
        .position(|r| r.subject() == Some((key == "org", id)));
    let mut values: Vec<(&str, Option<Value>)> = vec![
        ("self", entered.self_score.map(num_value)),
        ("peer", score_value(&entered.peer)),
        ("leader", entered.leader.map(num_value)),
        ("masses", score_value(&entered.masses)),
    ];
    if !entered.adjust.is_empty() {
        let list: Array = entered
            .adjust
            .iter()
            .map(|(p, r)| {
                Value::InlineTable(inline_of(vec![
                    ("points", num_value(*p)),
                    ("reason", Value::from(r.as_str())),
                ]))
            })
            .collect();
        values.push(("adjust", Some(Value::Array(list))));
    }
    values.push(("veto", entered.veto.as_deref().map(Value::from)));
    values.push(("note", entered.note.as_deref().map(Value::from)));
    match index {
        Some(i) => {
            let row = entry_at(doc, "score", i).ok_or_else(|| anyhow!("score[{i}] is missing"))?;
            for (k, v) in values {
                if let Some(v) = v {
                    set_value(row, k, v);
                }
            }
        }
        None => {
            let mut pairs = vec![(key, Some(Value::from(id)))];
            pairs.extend(values);
            insert_entry(doc, "score", table_of(pairs), None)?;
        }
    }
    Ok(())
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let l = s.locale;
    let target = sheets::target(&s, &args.subject, args.period, args.org.as_deref())?;
    let mut file = Editable::open(&s.root, &target.rel, l)?;
    let doc = file.doc.as_table_mut();
    let entered = Entered {
        self_score: args.self_score,
        peer: args.peer.clone(),
        leader: args.leader,
        masses: args.masses.clone(),
        adjust: args.adjust.clone(),
        veto: args.veto.clone(),
        note: args.note.clone(),
    };
    write_row(doc, &target.sheet, target.key, &target.id, &entered)
        .map_err(|e| anyhow!("{}: {e}", target.rel))?;
    let written = sheets::save(&s, ctx, &file, args.dry_run)?;
    let message = tf(
        l,
        "records.score-recorded",
        &[
            ("name", &target.name),
            ("period", &args.period),
            ("file", &target.rel),
        ],
    );
    Ok(report(ctx, &written, &target.rel, l, &message))
}
