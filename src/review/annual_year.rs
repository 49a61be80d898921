//! The year `review annual` and `report annual` show when none is given: both the same. The last
//! year that has ended; when no evaluation sheet belongs to it (no `Y` sheet nor any quarter or
//! half-year sheet of that year) — a workspace in its first year — the workspace's `year`, and
//! the command says so.

use crate::model::Date;
use crate::workspace::Workspace;

/// The default year, and the ended year it replaces when it fell back to the workspace year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnnualYear {
    pub year: i32,
    /// `Some(last)` when the last ended year had no sheet and the workspace year is shown.
    pub instead_of: Option<i32>,
}

pub fn default_year(ws: &Workspace, as_of: Date) -> AnnualYear {
    let last = super::latest_ended(super::PeriodKind::Year, as_of).year;
    let workspace_year = ws.settings.year;
    let has_sheet = ws.evaluations.iter().any(|e| e.period.year == last);
    if has_sheet || workspace_year == last {
        AnnualYear {
            year: last,
            instead_of: None,
        }
    } else {
        AnnualYear {
            year: workspace_year,
            instead_of: Some(last),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::fixture;

    fn year_of(settings_year: i32, sheets: &[(&str, &str)], as_of: &str) -> AnnualYear {
        let mut ws = fixture::workspace("", sheets);
        ws.settings.value.year = settings_year;
        default_year(&ws, as_of.parse().unwrap())
    }

    #[test]
    fn last_ended_year_with_a_sheet() {
        let sheet = "org = \"root\"\nperiod = \"2025-Q4\"\ndate = 2026-01-05\n";
        let got = year_of(
            2026,
            &[("evaluations/2025-Q4/root.toml", sheet)],
            "2026-11-20",
        );
        assert_eq!(
            got,
            AnnualYear {
                year: 2025,
                instead_of: None
            }
        );
    }

    #[test]
    fn first_year_of_a_workspace_falls_back_to_its_year() {
        let sheet = "org = \"root\"\nperiod = \"2026-Q1\"\ndate = 2026-04-05\n";
        let got = year_of(
            2026,
            &[("evaluations/2026-Q1/root.toml", sheet)],
            "2026-11-20",
        );
        assert_eq!(
            got,
            AnnualYear {
                year: 2026,
                instead_of: Some(2025)
            }
        );
        // Nothing to fall back to: the workspace year is the last ended one.
        assert_eq!(year_of(2025, &[], "2026-11-20").instead_of, None);
    }
}
