//! `dangjian matter advance <id> [--date D] [--force --reason …]`: completes the current step and
//! appends it to `history`, or refuses with every unmet condition (SPEC §5).

use anyhow::Result;
use toml_edit::Value;

use super::{EditOpts, Session, push_table, refused, set_value, table_of};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::workflow::sixstep;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// Complete the step although its conditions are unmet (recorded in history)
    #[arg(long, requires = "reason")]
    pub force: bool,
    /// Why the step is forced
    #[arg(long, requires = "force", value_name = "TEXT")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub opts: EditOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let mut s = Session::open(ctx, &args.id, &args.opts)?;
    let loc = s.locale;
    let force = args
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| args.force && !r.is_empty());
    if args.force && force.is_none() {
        return Err(refused(vec![tf(loc, "matter.empty-reason", &[])]));
    }
    let rules = s.rules();
    let step = s.matter.step;
    let done = match sixstep::advance(&s.matter, &rules, &s.lookup(), s.date, force) {
        Ok(done) => done,
        Err(unmet) => {
            // A finished matter has no step to complete: its one reason says so.
            let mut reasons = Vec::new();
            if step != crate::model::Step::Done {
                reasons.push(tf(
                    loc,
                    "matter.refused",
                    &[("id", &s.matter.id), ("step", &step.label(loc))],
                ));
            }
            reasons.extend(unmet.iter().map(|u| match u.fix(&s.matter.id) {
                Some(fix) => crate::commands::records::with_help(loc, u.message(loc), fix),
                None => u.message(loc),
            }));
            return Err(refused(reasons));
        }
    };
    // A file that names its step in Chinese keeps doing so.
    let chinese = s.edit.doc.get("step").and_then(|i| i.as_str()) == Some(step.zh());
    let word = |st: crate::model::Step| if chinese { st.zh() } else { st.as_str() };
    set_value(
        s.edit.doc.as_table_mut(),
        "step",
        Value::from(word(done.next)),
    );
    let entry = table_of(vec![
        ("step", Some(Value::from(word(done.entry.step)))),
        ("completed", Some(super::date_value(done.entry.completed))),
        ("forced", done.entry.forced.as_deref().map(Value::from)),
    ]);
    push_table(&mut s.edit.doc, "history", entry, s.locale)?;
    let msg = tf(
        loc,
        if force.is_some() {
            "matter.advanced-forced"
        } else {
            "matter.advanced"
        },
        &[
            ("id", &s.matter.id),
            ("from", &step.label(loc)),
            ("to", &done.next.label(loc)),
            ("file", &s.rel),
        ],
    );
    s.save(Some(msg))
}
