//! Recorded decisions (SPEC §6): the `[[outcome]]` rows of a year's Y sheets. A recorded decision
//! always stands: it is shown beside the computed candidates, its `due` replaces the computed
//! one, and when the computed result does not support it (an honour for a member outside the top
//! grade, a rectification for one who is not in the two lowest grades nor vetoed) it is marked
//! `supported: false`, never dropped.

use std::collections::BTreeMap;

use super::annual::Outcome;
use crate::model::{Date, OutcomeKind, Period};
use crate::workspace::Workspace;

/// One `[[outcome]]` row of a Y sheet, and whether the computed result supports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    pub member: String,
    pub kind: OutcomeKind,
    pub title: Option<String>,
    pub due: Option<Date>,
    pub verified: Option<Date>,
    /// The Y sheet holding the row, and its evaluating organization.
    pub path: String,
    pub sheet_org: String,
    pub supported: bool,
}

/// Every `[[outcome]]` row of the Y sheets of `year`, by member, sheets in path order and rows
/// in file order; `supported` is false until `judge` sets it.
pub fn of_year(ws: &Workspace, year: i32) -> BTreeMap<String, Vec<Recorded>> {
    let mut sheets: Vec<_> = ws.sheets_of(Period::year(year)).collect();
    sheets.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out: BTreeMap<String, Vec<Recorded>> = BTreeMap::new();
    for sheet in sheets {
        for o in &sheet.outcomes {
            out.entry(o.member.clone()).or_default().push(Recorded {
                member: o.member.clone(),
                kind: o.kind,
                title: o.title.clone(),
                due: o.due,
                verified: o.verified,
                path: sheet.path.clone(),
                sheet_org: sheet.org.to_string(),
                supported: false,
            });
        }
    }
    out
}

/// Whether the computed candidates support a recorded decision: an honour needs the
/// outstanding-member candidate (top grade, no veto), a rectification the rectify candidate.
pub fn supports(computed: &[Outcome], kind: OutcomeKind) -> bool {
    computed.iter().any(|o| match kind {
        OutcomeKind::Honour => *o == Outcome::OutstandingMember,
        OutcomeKind::Rectify => matches!(o, Outcome::Rectify { .. }),
    })
}

/// Marks each recorded decision as supported or not by the computed candidates, and lets the
/// first recorded rectification `due` replace the computed one.
pub fn judge(computed: &mut [Outcome], recorded: &mut [Recorded]) {
    for r in recorded.iter_mut() {
        r.supported = supports(computed, r.kind);
    }
    let due = recorded
        .iter()
        .filter(|r| r.kind == OutcomeKind::Rectify)
        .find_map(|r| r.due);
    if let Some(due) = due {
        for o in computed.iter_mut() {
            if let Outcome::Rectify { due: d } = o {
                *d = Some(due);
            }
        }
    }
}

/// The rectification deadline the rules compute: the date of the Y sheet holding the member's
/// row + `rectify_days`; `None` without a Y row.
pub fn computed_due(y_row_date: Option<Date>, rectify_days: u32) -> Option<Date> {
    y_row_date.and_then(|d| {
        d.0.checked_add_days(chrono::Days::new(u64::from(rectify_days)))
            .map(Date)
    })
}
