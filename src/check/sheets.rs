//! Evaluation sheets across files (SPEC §2.7): a subject has at most one row per period across
//! all sheets. Duplicates inside one sheet are reported by `single::evaluation`.

use std::collections::HashMap;

use super::{Context, Finder};
use crate::diag::Diagnostic;
use crate::model::Period;
use crate::workspace::Workspace;

pub(super) fn check(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    // (period, is_org, id) -> the sheet that has the first row.
    let mut first: HashMap<(Period, bool, &str), &str> = HashMap::new();
    for e in &ws.evaluations {
        let mut in_this_sheet: Vec<(bool, &str)> = Vec::new();
        let mut f = Finder::new(&e.path, ctx.locale);
        for (i, row) in e.scores.iter().enumerate() {
            let Some(subject) = row.subject() else {
                continue;
            };
            if in_this_sheet.contains(&subject) {
                continue;
            }
            in_this_sheet.push(subject);
            let key = (e.period, subject.0, subject.1);
            match first.get(&key) {
                Some(other) => f.error(
                    "duplicate-subject",
                    &format!("score[{i}].{}", if subject.0 { "org" } else { "member" }),
                    "check.duplicate-subject",
                    "check.duplicate-subject.help",
                    &[("id", &subject.1), ("period", &e.period), ("first", other)],
                ),
                None => {
                    first.insert(key, e.path.as_str());
                }
            }
        }
        out.extend(f.out);
    }
}
