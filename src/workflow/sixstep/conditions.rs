//! The conditions for leaving each step (SPEC §5's table) and `advance`, which completes the
//! current step or returns every unmet condition. Pure: references are checked through `Lookup`.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::Rules;
use super::completion::task_complete;
use crate::i18n::{Locale, tf};
use crate::model::{Body, Date, HistoryEntry, Matter, Meeting, Num, Step};

/// Whether the organizations and members a matter names exist.
pub trait Lookup {
    fn org_exists(&self, id: &str) -> bool;
    fn member_exists(&self, id: &str) -> bool;
}

impl Lookup for crate::workspace::Workspace {
    fn org_exists(&self, id: &str) -> bool {
        self.org(id).is_some()
    }
    fn member_exists(&self, id: &str) -> bool {
        self.member(id).is_some()
    }
}

/// One unmet condition of the step being left (or a reason the matter cannot move at all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unmet {
    /// consult: fewer opinions than `min_opinions`.
    TooFewOpinions { have: usize, need: u32 },
    /// consult: fewer distinct sources than `min_sources`.
    TooFewSources { have: usize, need: u32 },
    /// decide: no meeting of a body.
    NoMeeting { body: Body },
    /// decide: the body's meetings are all dated before the meeting of the body before it.
    OutOfOrder { body: Body, after: Body },
    /// decide: present ≤ expected × quorum.
    NotQuorate {
        body: Body,
        present: u32,
        expected: u32,
        quorum: Decimal,
    },
    /// decide: yes ≤ present / 2.
    NotPassed { body: Body, yes: u32, present: u32 },
    /// decide: the last meeting's decision is not published.
    DecisionUnpublished { body: Body },
    /// decompose: no task.
    NoTasks,
    /// decompose: a task without responsible org or member.
    NoResponsible { task: String },
    /// decompose: the responsible org or member does not exist.
    UnknownResponsible { task: String, id: String },
    /// decompose: a task without `due`.
    NoDue { task: String },
    /// commit: a task not signed.
    Unsigned { task: String },
    /// commit: `publicity.date` is not set.
    NoPublicity,
    /// implement: a task whose latest progress is below its target (or 100).
    Incomplete {
        task: String,
        value: Option<Num>,
        need: Num,
    },
    /// evaluate: no review at all.
    NoReview,
    /// evaluate: a task without review (and no review of the whole matter).
    TaskUnreviewed { task: String },
    /// evaluate: a review without `published`.
    ReviewUnpublished { index: usize, task: Option<String> },
    /// The matter is done: there is no step to complete.
    AlreadyDone,
    /// `step` disagrees with `history` (which must list the steps before it, in order).
    HistoryMismatch { step: Step, expected: Step },
    /// The date is before the completion of the previous step.
    DateBeforeHistory { date: Date, previous: Date },
}

impl Unmet {
    /// A stable kebab-case name of the condition (JSON output, tests).
    pub fn code(&self) -> &'static str {
        match self {
            Unmet::TooFewOpinions { .. } => "too-few-opinions",
            Unmet::TooFewSources { .. } => "too-few-sources",
            Unmet::NoMeeting { .. } => "no-meeting",
            Unmet::OutOfOrder { .. } => "meeting-out-of-order",
            Unmet::NotQuorate { .. } => "not-quorate",
            Unmet::NotPassed { .. } => "not-passed",
            Unmet::DecisionUnpublished { .. } => "decision-unpublished",
            Unmet::NoTasks => "no-tasks",
            Unmet::NoResponsible { .. } => "no-responsible",
            Unmet::UnknownResponsible { .. } => "unknown-responsible",
            Unmet::NoDue { .. } => "no-due",
            Unmet::Unsigned { .. } => "unsigned",
            Unmet::NoPublicity => "no-publicity",
            Unmet::Incomplete { .. } => "incomplete",
            Unmet::NoReview => "no-review",
            Unmet::TaskUnreviewed { .. } => "task-unreviewed",
            Unmet::ReviewUnpublished { .. } => "review-unpublished",
            Unmet::AlreadyDone => "already-done",
            Unmet::HistoryMismatch { .. } => "history-mismatch",
            Unmet::DateBeforeHistory { .. } => "date-before-history",
        }
    }

    /// Whether `--force` can pass over this condition (it cannot repair the record itself).
    pub fn forceable(&self) -> bool {
        !matches!(
            self,
            Unmet::AlreadyDone | Unmet::HistoryMismatch { .. } | Unmet::DateBeforeHistory { .. }
        )
    }

    /// The condition as a message in the locale.
    pub fn message(&self, locale: Locale) -> String {
        let b = |b: &Body| b.label(locale).to_string();
        match self {
            Unmet::TooFewOpinions { have, need } => tf(
                locale,
                "matter.unmet.too-few-opinions",
                &[("have", have), ("need", need)],
            ),
            Unmet::TooFewSources { have, need } => tf(
                locale,
                "matter.unmet.too-few-sources",
                &[("have", have), ("need", need)],
            ),
            Unmet::NoMeeting { body } => {
                tf(locale, "matter.unmet.no-meeting", &[("body", &b(body))])
            }
            Unmet::OutOfOrder { body, after } => tf(
                locale,
                "matter.unmet.out-of-order",
                &[("body", &b(body)), ("after", &b(after))],
            ),
            Unmet::NotQuorate {
                body,
                present,
                expected,
                quorum,
            } => tf(
                locale,
                "matter.unmet.not-quorate",
                &[
                    ("body", &b(body)),
                    ("present", present),
                    ("expected", expected),
                    ("quorum", &quorum.normalize()),
                ],
            ),
            Unmet::NotPassed { body, yes, present } => tf(
                locale,
                "matter.unmet.not-passed",
                &[("body", &b(body)), ("yes", yes), ("present", present)],
            ),
            Unmet::DecisionUnpublished { body } => tf(
                locale,
                "matter.unmet.decision-unpublished",
                &[("body", &b(body))],
            ),
            Unmet::NoTasks => tf(locale, "matter.unmet.no-tasks", &[]),
            Unmet::NoResponsible { task } => {
                tf(locale, "matter.unmet.no-responsible", &[("task", task)])
            }
            Unmet::UnknownResponsible { task, id } => tf(
                locale,
                "matter.unmet.unknown-responsible",
                &[("task", task), ("id", id)],
            ),
            Unmet::NoDue { task } => tf(locale, "matter.unmet.no-due", &[("task", task)]),
            Unmet::Unsigned { task } => tf(locale, "matter.unmet.unsigned", &[("task", task)]),
            Unmet::NoPublicity => tf(locale, "matter.unmet.no-publicity", &[]),
            Unmet::Incomplete { task, value, need } => tf(
                locale,
                "matter.unmet.incomplete",
                &[
                    ("task", task),
                    ("value", &value.map_or("-".to_string(), |v| v.to_string())),
                    ("need", need),
                ],
            ),
            Unmet::NoReview => tf(locale, "matter.unmet.no-review", &[]),
            Unmet::TaskUnreviewed { task } => {
                tf(locale, "matter.unmet.task-unreviewed", &[("task", task)])
            }
            Unmet::ReviewUnpublished { index, task } => {
                let what = match task {
                    Some(t) => t.clone(),
                    None => tf(locale, "matter.whole-matter", &[]),
                };
                tf(
                    locale,
                    "matter.unmet.review-unpublished",
                    &[("n", &(index + 1)), ("task", &what)],
                )
            }
            Unmet::AlreadyDone => tf(locale, "matter.unmet.already-done", &[]),
            Unmet::HistoryMismatch { step, expected } => tf(
                locale,
                "matter.unmet.history-mismatch",
                &[("step", step), ("expected", expected)],
            ),
            Unmet::DateBeforeHistory { date, previous } => tf(
                locale,
                "matter.unmet.date-before-history",
                &[("date", date), ("previous", previous)],
            ),
        }
    }
}

impl Unmet {
    /// The command that would meet this condition, for the help line of a refusal (the values
    /// in `<…>` are the user's to fill in); `None` where no command does it.
    pub fn fix(&self, matter: &str) -> Option<String> {
        let meeting = |body: &Body| {
            format!(
                "dangjian matter meeting {matter} --body {} --expected <n> --present <n> --yes <n> --decision <text> --date <date>",
                body.as_str()
            )
        };
        Some(match self {
            Unmet::TooFewOpinions { .. } | Unmet::TooFewSources { .. } => format!(
                "dangjian matter opinion {matter} --source <residents|members|leader|…> --text <text> --date <date>"
            ),
            Unmet::NoMeeting { body }
            | Unmet::OutOfOrder { body, .. }
            | Unmet::NotQuorate { body, .. }
            | Unmet::NotPassed { body, .. } => meeting(body),
            Unmet::DecisionUnpublished { .. } => {
                format!("dangjian matter publish {matter} --meeting <n> --date <date>")
            }
            Unmet::NoTasks => format!(
                "dangjian matter task {matter} <task> --text <text> --org <org> --due <date>"
            ),
            Unmet::NoResponsible { task }
            | Unmet::UnknownResponsible { task, .. }
            | Unmet::NoDue { task } => format!(
                "dangjian matter task {matter} {task} --text <text> --org <org> --due <date>"
            ),
            Unmet::Unsigned { task } => {
                format!("dangjian matter sign {matter} {task} --date <date>")
            }
            Unmet::NoPublicity => {
                format!("dangjian matter publicize {matter} --place <place> --date <date>")
            }
            Unmet::Incomplete { task, .. } => {
                format!("dangjian matter progress {matter} {task} --value <n> --date <date>")
            }
            Unmet::NoReview => {
                format!("dangjian matter review {matter} --score <n> --date <date>")
            }
            Unmet::TaskUnreviewed { task } => {
                format!("dangjian matter review {matter} --task {task} --score <n> --date <date>")
            }
            Unmet::ReviewUnpublished { index, .. } => format!(
                "dangjian matter publish {matter} --review {} --date <date>",
                index + 1
            ),
            Unmet::AlreadyDone => format!("dangjian matter show {matter}"),
            Unmet::HistoryMismatch { .. } | Unmet::DateBeforeHistory { .. } => return None,
        })
    }
}

/// The step that `history` says the matter is at: the one after the completed steps, when they
/// are the steps from `consult` on, in order; `None` when history is out of order.
pub fn step_from_history(history: &[HistoryEntry]) -> Option<Step> {
    for (i, entry) in history.iter().enumerate() {
        if Step::ALL.get(i) != Some(&entry.step) || entry.step == Step::Done {
            return None;
        }
    }
    Step::ALL.get(history.len()).copied()
}

/// Every unmet condition for leaving `step` (SPEC §5), whatever the matter's recorded step.
pub fn conditions(matter: &Matter, step: Step, rules: &Rules, refs: &dyn Lookup) -> Vec<Unmet> {
    match step {
        Step::Consult => consult(matter, rules),
        Step::Decide => decide(&matter.meetings, rules),
        Step::Decompose => decompose(matter, refs),
        Step::Commit => commit(matter),
        Step::Implement => implement(matter),
        Step::Evaluate => evaluate(matter, rules),
        Step::Done => vec![Unmet::AlreadyDone],
    }
}

/// The conditions for leaving the matter's current step, after its history is found consistent.
pub fn unmet_now(matter: &Matter, rules: &Rules, refs: &dyn Lookup) -> Vec<Unmet> {
    let expected = step_from_history(&matter.history);
    if expected != Some(matter.step) {
        return vec![Unmet::HistoryMismatch {
            step: matter.step,
            expected: expected.unwrap_or(Step::Consult),
        }];
    }
    conditions(matter, matter.step, rules, refs)
}

/// A completed step: the entry to append to `history` and the step the matter moves to.
#[derive(Clone, Debug, PartialEq)]
pub struct Advance {
    pub entry: HistoryEntry,
    pub next: Step,
}

/// Completes the matter's current step on `date`, or returns every reason it cannot. With a
/// `force` reason the conditions of the step are passed over and the reason is recorded; a
/// matter that is done, whose history disagrees with its step, or a date before the previous
/// completion, is refused even then.
pub fn advance(
    matter: &Matter,
    rules: &Rules,
    refs: &dyn Lookup,
    date: Date,
    force: Option<&str>,
) -> Result<Advance, Vec<Unmet>> {
    let mut unmet = unmet_now(matter, rules, refs);
    if let Some(previous) = matter.history.last().map(|h| h.completed)
        && date < previous
    {
        unmet.push(Unmet::DateBeforeHistory { date, previous });
    }
    if force.is_some() {
        unmet.retain(|u| !u.forceable());
    }
    if !unmet.is_empty() {
        return Err(unmet);
    }
    Ok(Advance {
        entry: HistoryEntry {
            step: matter.step,
            completed: date,
            forced: force.map(str::to_string),
        },
        next: matter.step.next(),
    })
}

fn consult(matter: &Matter, rules: &Rules) -> Vec<Unmet> {
    let mut out = Vec::new();
    let have = matter.opinions.len();
    if have < rules.min_opinions as usize {
        out.push(Unmet::TooFewOpinions {
            have,
            need: rules.min_opinions,
        });
    }
    let sources: BTreeSet<_> = matter.opinions.iter().map(|o| o.source).collect();
    if sources.len() < rules.min_sources as usize {
        out.push(Unmet::TooFewSources {
            have: sources.len(),
            need: rules.min_sources,
        });
    }
    out
}

/// Whether more than `expected × quorum` members were present (exact decimal comparison).
/// A quorum too large to multiply is never reached.
pub fn quorate(meeting: &Meeting, quorum: Decimal) -> bool {
    Decimal::from(meeting.expected)
        .checked_mul(quorum)
        .is_some_and(|needed| Decimal::from(meeting.present) > needed)
}

/// Whether more than half of those present voted yes.
pub fn passed(meeting: &Meeting) -> bool {
    u64::from(meeting.yes) * 2 > u64::from(meeting.present)
}

fn decide(meetings: &[Meeting], rules: &Rules) -> Vec<Unmet> {
    let mut out = Vec::new();
    // The date and body of the meeting chosen for the body before.
    let mut previous: Option<(Date, Body)> = None;
    for (i, &body) in rules.bodies.iter().enumerate() {
        let quorum = rules.quorum_of(body);
        let of_body: Vec<&Meeting> = meetings.iter().filter(|m| m.body == body).collect();
        if of_body.is_empty() {
            out.push(Unmet::NoMeeting { body });
            continue;
        }
        let in_order: Vec<&Meeting> = of_body
            .iter()
            .copied()
            .filter(|m| previous.is_none_or(|(d, _)| m.date >= d))
            .collect();
        let chosen = in_order
            .iter()
            .copied()
            .filter(|m| quorate(m, quorum) && passed(m))
            .min_by_key(|m| m.date);
        let considered = match (chosen, in_order.last()) {
            (Some(m), _) => {
                previous = Some((m.date, body));
                m
            }
            (None, Some(_)) => {
                // Report what is wrong with the latest meeting of the body in order.
                let m = in_order
                    .iter()
                    .copied()
                    .max_by_key(|m| m.date)
                    .unwrap_or(in_order[0]);
                if !quorate(m, quorum) {
                    out.push(Unmet::NotQuorate {
                        body,
                        present: m.present,
                        expected: m.expected,
                        quorum,
                    });
                }
                if !passed(m) {
                    out.push(Unmet::NotPassed {
                        body,
                        yes: m.yes,
                        present: m.present,
                    });
                }
                previous = Some((m.date, body));
                m
            }
            (None, None) => {
                let after = previous.map_or(body, |(_, b)| b);
                out.push(Unmet::OutOfOrder { body, after });
                of_body
                    .iter()
                    .copied()
                    .max_by_key(|m| m.date)
                    .unwrap_or(of_body[0])
            }
        };
        if i + 1 == rules.bodies.len() && rules.decide_publish && considered.published.is_none() {
            out.push(Unmet::DecisionUnpublished { body });
        }
    }
    out
}

fn decompose(matter: &Matter, refs: &dyn Lookup) -> Vec<Unmet> {
    let mut out = Vec::new();
    if matter.tasks.is_empty() {
        out.push(Unmet::NoTasks);
    }
    for task in &matter.tasks {
        match (&task.org, &task.member) {
            (None, None) => out.push(Unmet::NoResponsible {
                task: task.id.clone(),
            }),
            (org, member) => {
                if let Some(o) = org
                    && !refs.org_exists(o)
                {
                    out.push(Unmet::UnknownResponsible {
                        task: task.id.clone(),
                        id: o.clone(),
                    });
                }
                if let Some(m) = member
                    && !refs.member_exists(m)
                {
                    out.push(Unmet::UnknownResponsible {
                        task: task.id.clone(),
                        id: m.clone(),
                    });
                }
            }
        }
        if task.due.is_none() {
            out.push(Unmet::NoDue {
                task: task.id.clone(),
            });
        }
    }
    out
}

fn commit(matter: &Matter) -> Vec<Unmet> {
    let mut out: Vec<Unmet> = matter
        .tasks
        .iter()
        .filter(|t| t.signed.is_none())
        .map(|t| Unmet::Unsigned { task: t.id.clone() })
        .collect();
    if matter.publicity.as_ref().and_then(|p| p.date).is_none() {
        out.push(Unmet::NoPublicity);
    }
    out
}

fn implement(matter: &Matter) -> Vec<Unmet> {
    let mut out = Vec::new();
    for task in &matter.tasks {
        let value = latest_value(matter, &task.id);
        if !task_complete(task, value) {
            out.push(Unmet::Incomplete {
                task: task.id.clone(),
                value,
                need: task.target.unwrap_or(Num::int(100)),
            });
        }
    }
    out
}

/// The latest progress value of a task whatever its date (the last in the file among equal
/// dates).
pub fn latest_value(matter: &Matter, task: &str) -> Option<Num> {
    let mut best: Option<(Date, Num)> = None;
    for p in matter.progress.iter().filter(|p| p.task == task) {
        if best.is_none_or(|(d, _)| p.date >= d) {
            best = Some((p.date, p.value));
        }
    }
    best.map(|(_, v)| v)
}

fn evaluate(matter: &Matter, rules: &Rules) -> Vec<Unmet> {
    let mut out = Vec::new();
    let whole = matter.reviews.iter().any(|r| r.task.is_none());
    if matter.reviews.is_empty() {
        out.push(Unmet::NoReview);
    } else if !whole {
        for task in &matter.tasks {
            if !matter
                .reviews
                .iter()
                .any(|r| r.task.as_deref() == Some(task.id.as_str()))
            {
                out.push(Unmet::TaskUnreviewed {
                    task: task.id.clone(),
                });
            }
        }
    }
    if rules.evaluate_publish {
        for (index, r) in matter.reviews.iter().enumerate() {
            if r.published.is_none() {
                out.push(Unmet::ReviewUnpublished {
                    index,
                    task: r.task.clone(),
                });
            }
        }
    }
    out
}
