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
                    crate::diag::Code::DuplicateSubject,
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

#[cfg(test)]
mod tests {
    use crate::check::tests::{ctx, org, ws_with};
    use crate::workspace::{Rec, Records};

    fn sheet(org: &str, period: &str, members: &[&str]) -> Rec<crate::model::Evaluation> {
        let rows: String = members
            .iter()
            .map(|m| format!("[[score]]\nmember = \"{m}\"\n"))
            .collect();
        let text = format!("org = \"{org}\"\nperiod = \"{period}\"\ndate = 2026-04-01\n{rows}");
        Rec {
            path: format!("evaluations/{period}/{org}.toml"),
            value: toml::from_str(&text).unwrap(),
        }
    }

    #[test]
    fn one_row_per_subject_and_period_across_sheets() {
        let mut r = Records::default();
        r.orgs.push(org("root", None));
        r.orgs.push(org("a", Some("root")));
        r.evaluations.push(sheet("a", "2026-Q1", &["x", "y", "y"]));
        r.evaluations.push(sheet("root", "2026-Q1", &["x"]));
        r.evaluations.push(sheet("root", "2026-Q2", &["x"]));
        let ws = ws_with(r);
        let mut out = Vec::new();
        super::check(&ws, &ctx(), &mut out);
        // The repeat inside one sheet is `single::evaluation`'s; across sheets it is reported
        // on the later sheet only, and another period is no repeat.
        let got: Vec<(&str, &str)> = out
            .iter()
            .map(|d| (d.file.as_str(), d.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [("evaluations/2026-Q1/root.toml", "duplicate-subject")]
        );
        assert!(out[0].message.contains("evaluations/2026-Q1/a.toml"));
    }
}
