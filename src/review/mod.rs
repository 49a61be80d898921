//! The scoring engine (SPEC §6): pure functions from records to period and annual results.
//! Arithmetic is exact (`rational::Q`); only the final score is rounded, half away from zero
//! to 2 decimals. Nothing here reads files or prints.

pub mod annual;
pub mod annual_year;
pub mod ballots;
pub mod district;
pub mod explain;
pub mod grades;
pub mod json;
pub mod objective;
pub mod period;
pub mod rational;
pub mod recorded;
mod settings_check;

pub use annual::{AnnualResult, AnnualScored, Outcome};
pub use period::{Missing, MissingReason, PeriodResult, Scored, Subject, SubjectKind};
pub use settings_check::settings as check_settings;

use crate::diag::Context;
use crate::diag::Diagnostic;
use crate::model::{Date, Period, PeriodPart};
use crate::workspace::Workspace;

/// Findings about `[review]` settings and annual outcomes (weights, grades, overdue
/// rectifications), called by `check::run`.
pub fn check(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    settings_check::check(ws, ctx)
}

/// The kind of period a command reviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    Quarter,
    Half,
    Year,
}

impl PeriodKind {
    pub fn of(p: Period) -> PeriodKind {
        match p.part {
            PeriodPart::Q(_) => PeriodKind::Quarter,
            PeriodPart::H(_) => PeriodKind::Half,
            PeriodPart::Y => PeriodKind::Year,
        }
    }
}

/// The latest period of `kind` that ended on or before `as_of`.
pub fn latest_ended(kind: PeriodKind, as_of: Date) -> Period {
    let mut p = match kind {
        PeriodKind::Quarter => Period::quarter_of(as_of),
        PeriodKind::Half => Period::half_of(as_of),
        PeriodKind::Year => Period::year(chrono::Datelike::year(&as_of.0)),
    };
    while p.end() > as_of {
        p = p.previous();
    }
    p
}

#[cfg(test)]
mod default_period_tests {
    use super::*;

    #[test]
    fn default_periods_ended_on_or_before_as_of() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            latest_ended(PeriodKind::Quarter, d("2026-11-20")).to_string(),
            "2026-Q3"
        );
        assert_eq!(
            latest_ended(PeriodKind::Quarter, d("2026-09-30")).to_string(),
            "2026-Q3"
        );
        assert_eq!(
            latest_ended(PeriodKind::Quarter, d("2026-01-01")).to_string(),
            "2025-Q4"
        );
        assert_eq!(
            latest_ended(PeriodKind::Half, d("2026-11-20")).to_string(),
            "2026-H1"
        );
        assert_eq!(
            latest_ended(PeriodKind::Year, d("2026-11-20")).to_string(),
            "2025-Y"
        );
        assert_eq!(
            latest_ended(PeriodKind::Year, d("2026-12-31")).to_string(),
            "2026-Y"
        );
    }
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
