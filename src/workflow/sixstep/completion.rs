//! Completion of tasks, matters and organizations at a date (SPEC §5, §6): a task's achieved
//! fraction is min(1, value/target), or value/100 when it has no target; exact decimals.

use rust_decimal::Decimal;

use crate::model::{Date, Matter, Num, Task};

/// The achieved fraction (0…1) of a task whose latest value is `value`.
pub fn task_fraction(task: &Task, value: Option<Num>) -> Decimal {
    let Some(Num(v)) = value else {
        return Decimal::ZERO;
    };
    let target = task.target.map_or(Decimal::ONE_HUNDRED, |t| t.0);
    let f = if target <= Decimal::ZERO {
        if v >= target {
            Decimal::ONE
        } else {
            Decimal::ZERO
        }
    } else {
        v.checked_div(target).unwrap_or(Decimal::ZERO)
    };
    f.clamp(Decimal::ZERO, Decimal::ONE)
}

/// Whether a task whose latest value is `value` is complete (value ≥ target, or ≥ 100).
pub fn task_complete(task: &Task, value: Option<Num>) -> bool {
    let need = task.target.map_or(Decimal::ONE_HUNDRED, |t| t.0);
    value.is_some_and(|v| v.0 >= need)
}

/// The achieved fraction of a task of `matter` at `date` (its latest progress on or before).
pub fn task_fraction_on(matter: &Matter, task: &Task, date: Date) -> Decimal {
    task_fraction(task, matter.task_value_on(&task.id, date))
}

/// The completion of a matter at `date`, in percent: the mean achieved fraction of its tasks ×
/// 100; `None` when it has no task.
pub fn matter_percent(matter: &Matter, date: Date) -> Option<Decimal> {
    if matter.tasks.is_empty() {
        return None;
    }
    let sum: Decimal = matter
        .tasks
        .iter()
        .map(|t| task_fraction_on(matter, t, date))
        .sum();
    Some(sum * Decimal::ONE_HUNDRED / Decimal::from(matter.tasks.len()))
}

/// The tasks an organization is responsible for (`org`; `assist` does not count) and how far
/// they are at a date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrgCompletion {
    pub tasks: usize,
    /// Tasks whose achieved fraction is 1.
    pub completed: usize,
    /// Sum of the achieved fractions.
    pub achieved: Decimal,
}

impl OrgCompletion {
    /// Mean achieved fraction × 100; `None` without tasks.
    pub fn percent(&self) -> Option<Decimal> {
        (self.tasks > 0).then(|| self.achieved * Decimal::ONE_HUNDRED / Decimal::from(self.tasks))
    }
}

/// The completion at `date` of the tasks `org` is responsible for, over `matters`.
pub fn org_completion<'a>(
    matters: impl IntoIterator<Item = &'a Matter>,
    org: &str,
    date: Date,
) -> OrgCompletion {
    let mut out = OrgCompletion::default();
    for m in matters {
        for t in m.tasks.iter().filter(|t| t.org.as_deref() == Some(org)) {
            let f = task_fraction_on(m, t, date);
            out.tasks += 1;
            out.achieved += f;
            if f == Decimal::ONE {
                out.completed += 1;
            }
        }
    }
    out
}
