//! The six-step method (六步工作法): the effective rules of a sector, the conditions for leaving
//! each step, `advance`, completion percentages, and the cross-record findings about matters in
//! progress (SPEC §5). Pure: no I/O, no printing.

mod completion;
mod conditions;
mod rules;

pub use completion::{
    OrgCompletion, matter_percent, org_completion, task_complete, task_fraction, task_fraction_on,
};
pub use conditions::{
    Advance, Lookup, Unmet, advance, conditions, latest_value, passed, quorate, step_from_history,
    unmet_now,
};
pub use rules::Rules;

use chrono::{Days, Months};

use crate::diag::Context;
use crate::diag::Diagnostic;
use crate::i18n::tf;
use crate::model::{Cadence, Date, Matter, Sector, Settings, Step};
use crate::workspace::Workspace;

/// The sector whose defaults apply to a matter: its owning organization's, else the workspace's.
pub fn sector_of(owner_sector: Option<Sector>, settings: &Settings) -> Sector {
    owner_sector.unwrap_or(settings.sector)
}

/// The effective rules of a matter in a loaded workspace.
pub fn rules_for(ws: &Workspace, matter: &Matter) -> Rules {
    let settings = &ws.settings.value;
    let sector = sector_of(ws.org(&matter.org).map(|o| o.sector), settings);
    Rules::effective(sector, &settings.workflow)
}

/// The date a cadence after `date` (a week, a calendar month, a quarter later).
pub fn after_cadence(date: Date, every: Cadence) -> Option<Date> {
    let d = date.0;
    match every {
        Cadence::Week => d.checked_add_days(Days::new(7)),
        Cadence::Month => d.checked_add_months(Months::new(1)),
        Cadence::Quarter => d.checked_add_months(Months::new(3)),
        Cadence::Year => d.checked_add_months(Months::new(12)),
    }
    .map(Date)
}

/// Findings of this area's cross-record rules, called by `check::run`: `stale-progress`, a task
/// of a matter in `implement` without progress for longer than `progress_every`. (Forced steps
/// and step/history consistency need only the record: `check::single::matter`.)
pub fn check(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let loc = ctx.locale;
    let mut out = Vec::new();
    for rec in &ws.matters {
        let m = &rec.value;
        if m.step != Step::Implement {
            continue;
        }
        let Some(every) = rules_for(ws, m).progress_every else {
            continue;
        };
        let Some(started) = m
            .history
            .iter()
            .rev()
            .find(|h| h.step == Step::Commit)
            .or(m.history.last())
            .map(|h| h.completed)
        else {
            continue;
        };
        for (i, task) in m.tasks.iter().enumerate() {
            if task_complete(task, m.task_value_on(&task.id, ctx.as_of)) {
                continue;
            }
            let last = m
                .progress
                .iter()
                .filter(|p| p.task == task.id && p.date <= ctx.as_of)
                .map(|p| p.date)
                .max()
                .map_or(started, |d| d.max(started));
            let Some(limit) = after_cadence(last, every) else {
                continue;
            };
            if ctx.as_of > limit {
                out.push(
                    Diagnostic::warning(
                        crate::diag::Code::StaleProgress,
                        &rec.path,
                        tf(
                            loc,
                            "matter.check.stale-progress",
                            &[
                                ("task", &task.id),
                                ("since", &last),
                                ("every", &every.label(loc)),
                            ],
                        ),
                    )
                    .at(&format!("task[{i}]"))
                    .help(tf(
                        loc,
                        "matter.check.stale-progress-help",
                        &[("matter", &m.id), ("task", &task.id)],
                    )),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
