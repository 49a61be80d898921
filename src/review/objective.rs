//! The objective component (SPEC §6): a member's commitment rate C and post rate P, an
//! organization's task rate T and its own C; O = scale × the mean of those that exist.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};

use super::rational::Q;
use crate::model::{
    Cadence, Commitment, Date, Item, Matter, Num, Post, PostKind, Task, last_day_of_month,
};
use crate::workspace::{Rec, Workspace};

/// One commitment item due in the window and how far it was fulfilled at the window's end.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemFraction {
    pub letter: String,
    pub item: String,
    pub text: String,
    pub due: Date,
    pub target: Option<Num>,
    /// The progress entry used: its date, value and `done`.
    pub state: Option<(Date, Option<Num>, Option<bool>)>,
    pub fraction: Q,
}

/// The commitment rate C: the mean fulfilment of the items due in the window.
#[derive(Clone, Debug, PartialEq)]
pub struct Commitments {
    pub items: Vec<ItemFraction>,
    pub rate: Q,
}

/// The calendar units of one holder spell that lie wholly inside the window.
#[derive(Clone, Debug, PartialEq)]
pub struct SpellUnits {
    pub post: String,
    pub post_name: String,
    pub cadence: Cadence,
    /// The spell (confirmed … ended), clipped to the window of a temporary post.
    pub from: Date,
    pub to: Option<Date>,
    pub required: u32,
    pub met: u32,
    /// Units without a log entry.
    pub missed: Vec<(Date, Date)>,
}

/// The post rate P, pooled over every spell; `rate` is `None` when no unit is required.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Posts {
    pub spells: Vec<SpellUnits>,
    pub required: u32,
    pub met: u32,
    pub rate: Option<Q>,
}

/// One matter task of an organization due in the window.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskFraction {
    pub matter: String,
    pub task: String,
    pub text: String,
    pub due: Date,
    pub target: Option<Num>,
    pub value: Option<Num>,
    pub fraction: Q,
}

/// The task rate T of an organization.
#[derive(Clone, Debug, PartialEq)]
pub struct Tasks {
    pub items: Vec<TaskFraction>,
    pub rate: Q,
}

/// The objective component with every input that went into it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Objective {
    pub c: Option<Commitments>,
    /// Members only.
    pub p: Posts,
    /// Organizations only.
    pub t: Option<Tasks>,
    /// scale × mean of the rates that exist; `None` when none does.
    pub value: Option<Q>,
}

impl Objective {
    /// The rates that exist, in the order they are averaged.
    pub fn rates(&self) -> Vec<Q> {
        let mut v = Vec::new();
        if let Some(t) = &self.t {
            v.push(t.rate);
        }
        if let Some(c) = &self.c {
            v.push(c.rate);
        }
        if let Some(p) = self.p.rate {
            v.push(p);
        }
        v
    }
}

/// Lookups built once per workspace, so scoring 20,000 members stays linear.
#[derive(Debug)]
pub struct Index<'a> {
    letters: HashMap<&'a str, Vec<&'a Rec<Commitment>>>,
    /// Per member: (post, holder index) on posts with `log_every`.
    spells: HashMap<&'a str, Vec<(&'a Post, usize)>>,
    /// Per (post id, member): sorted log dates.
    logs: HashMap<(&'a str, &'a str), Vec<Date>>,
    tasks: HashMap<&'a str, Vec<(&'a Matter, &'a Task)>>,
}

impl<'a> Index<'a> {
    pub fn new(ws: &'a Workspace) -> Index<'a> {
        let mut letters: HashMap<&str, Vec<&Rec<Commitment>>> = HashMap::new();
        for c in &ws.commitments {
            letters.entry(c.committer.as_str()).or_default().push(c);
        }
        for v in letters.values_mut() {
            v.sort_by(|a, b| a.path.cmp(&b.path));
        }
        let mut spells: HashMap<&str, Vec<(&Post, usize)>> = HashMap::new();
        let mut logs: HashMap<(&str, &str), Vec<Date>> = HashMap::new();
        let mut posts: Vec<&Rec<Post>> = ws.posts.iter().collect();
        posts.sort_by(|a, b| a.path.cmp(&b.path));
        for p in posts {
            if p.log_every.is_none() {
                continue;
            }
            for (i, h) in p.holders.iter().enumerate() {
                spells
                    .entry(h.member.as_str())
                    .or_default()
                    .push((&p.value, i));
            }
            for l in &p.logs {
                logs.entry((p.id.as_str(), l.member.as_str()))
                    .or_default()
                    .push(l.date);
            }
        }
        for v in logs.values_mut() {
            v.sort();
        }
        let mut tasks: HashMap<&str, Vec<(&Matter, &Task)>> = HashMap::new();
        let mut matters: Vec<&Rec<Matter>> = ws.matters.iter().collect();
        matters.sort_by(|a, b| a.path.cmp(&b.path));
        for m in matters {
            for t in &m.tasks {
                if let Some(org) = &t.org {
                    tasks.entry(org.as_str()).or_default().push((&m.value, t));
                }
            }
        }
        Index {
            letters,
            spells,
            logs,
            tasks,
        }
    }

    /// C over the items of `committer`'s letters (any half) due in the window.
    pub fn commitments(&self, committer: &str, window: (Date, Date)) -> Option<Commitments> {
        let mut items = Vec::new();
        for letter in self.letters.get(committer).into_iter().flatten() {
            for item in &letter.items {
                let Some(due) = item.due else { continue };
                if due < window.0 || due > window.1 {
                    continue;
                }
                let p = item.progress_on(window.1);
                items.push(ItemFraction {
                    letter: letter.path.clone(),
                    item: item.id.to_string(),
                    text: item.text.clone(),
                    due,
                    target: item.target,
                    state: p.map(|p| (p.date, p.value, p.done)),
                    fraction: item_fraction(item, window.1),
                });
            }
        }
        let rate = Q::mean(&items.iter().map(|i| i.fraction).collect::<Vec<_>>())?;
        Some(Commitments { items, rate })
    }

    /// P over the member's spells on posts with `log_every`.
    pub fn posts(&self, member: &str, window: (Date, Date)) -> Posts {
        let mut out = Posts::default();
        for &(post, i) in self.spells.get(member).into_iter().flatten() {
            let (Some(cadence), Some(h)) = (post.log_every, post.holders.get(i)) else {
                continue;
            };
            let Some(mut from) = h.confirmed else {
                continue;
            };
            let mut to = h.ended;
            if post.kind == PostKind::Temporary {
                if let Some(f) = post.from {
                    from = from.max(f);
                }
                if let Some(u) = post.until {
                    to = Some(to.map_or(u, |t| t.min(u)));
                }
            }
            let lo = from.max(window.0);
            let hi = to.map_or(window.1, |t| t.min(window.1));
            if lo > hi {
                continue;
            }
            let dates = self.logs.get(&(post.id.as_str(), member));
            let mut spell = SpellUnits {
                post: post.id.to_string(),
                post_name: post.name.clone(),
                cadence,
                from,
                to,
                required: 0,
                met: 0,
                missed: Vec::new(),
            };
            for (us, ue) in units(cadence, lo, hi) {
                spell.required += 1;
                let hit = dates.is_some_and(|d| {
                    let k = d.partition_point(|x| *x < us);
                    d.get(k).is_some_and(|x| *x <= ue)
                });
                if hit {
                    spell.met += 1;
                } else {
                    spell.missed.push((us, ue));
                }
            }
            out.required += spell.required;
            out.met += spell.met;
            out.spells.push(spell);
        }
        if out.required > 0 {
            out.rate = Q::new(i128::from(out.met), i128::from(out.required));
        }
        out
    }

    /// T over the matter tasks whose `org` is `org`, due in the window.
    pub fn tasks(&self, org: &str, window: (Date, Date)) -> Option<Tasks> {
        let mut items = Vec::new();
        for &(m, t) in self.tasks.get(org).into_iter().flatten() {
            let Some(due) = t.due else { continue };
            if due < window.0 || due > window.1 {
                continue;
            }
            let value = m.task_value_on(&t.id, window.1);
            let fraction = match (value, t.target) {
                (None, _) => Q::ZERO,
                (Some(v), Some(target)) => ratio(v, target),
                (Some(v), None) => Q::from_dec(v.0).over(Q::int(100)).unwrap_or(Q::ZERO),
            };
            items.push(TaskFraction {
                matter: m.id.clone(),
                task: t.id.clone(),
                text: t.text.clone(),
                due,
                target: t.target,
                value,
                fraction,
            });
        }
        let rate = Q::mean(&items.iter().map(|i| i.fraction).collect::<Vec<_>>())?;
        Some(Tasks { items, rate })
    }

    /// The objective component of a member.
    pub fn member(&self, id: &str, window: (Date, Date), scale: Q) -> Objective {
        let mut o = Objective {
            c: self.commitments(id, window),
            p: self.posts(id, window),
            ..Objective::default()
        };
        o.value = combine(&o.rates(), scale);
        o
    }

    /// The objective component of an organization.
    pub fn org(&self, id: &str, window: (Date, Date), scale: Q) -> Objective {
        let mut o = Objective {
            t: self.tasks(id, window),
            c: self.commitments(id, window),
            ..Objective::default()
        };
        o.value = combine(&o.rates(), scale);
        o
    }
}

fn combine(rates: &[Q], scale: Q) -> Option<Q> {
    Q::mean(rates).map(|m| scale.times(m))
}

/// min(1, value / target); a target of 0 or less is met by any value at or above it.
fn ratio(value: Num, target: Num) -> Q {
    let (v, t) = (Q::from_dec(value.0), Q::from_dec(target.0));
    if t <= Q::ZERO {
        return if v >= t { Q::ONE } else { Q::ZERO };
    }
    v.over(t).unwrap_or(Q::ZERO).min(Q::ONE)
}

/// An item's fulfilment fraction at `date`: min(1, value/target), or 1/0 (SPEC §2.6).
pub fn item_fraction(item: &Item, date: Date) -> Q {
    let Some(p) = item.progress_on(date) else {
        return Q::ZERO;
    };
    // The same reading as `Item::status_on`: an item with a target is measured by its value
    // (a `done` there is a `check` error), one without by `done`.
    match item.target {
        Some(t) => p.value.map_or(Q::ZERO, |v| ratio(v, t)),
        None if p.done == Some(true) || p.value.is_some_and(|v| v.0 >= 100.into()) => Q::ONE,
        None => Q::ZERO,
    }
}

fn add_days(d: NaiveDate, n: u64) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(n))
}

/// The calendar units of `cadence` lying wholly inside `lo ..= hi`.
pub fn units(cadence: Cadence, lo: Date, hi: Date) -> Vec<(Date, Date)> {
    let mut out = Vec::new();
    let mut start = match cadence {
        Cadence::Week => {
            let back = lo.0.weekday().num_days_from_monday();
            let ahead = u64::from((7 - back) % 7);
            add_days(lo.0, ahead)
        }
        Cadence::Month | Cadence::Quarter | Cadence::Year => {
            let step = match cadence {
                Cadence::Month => 1,
                Cadence::Quarter => 3,
                _ => 12,
            };
            let m0 = lo.0.month0();
            let first = (m0 / step) * step;
            let mut s = NaiveDate::from_ymd_opt(lo.0.year(), first + 1, 1);
            if s.is_some_and(|s| s < lo.0) {
                s = s.and_then(|s| next_start(s, step));
            }
            s
        }
    };
    while let Some(s) = start {
        let end = match cadence {
            Cadence::Week => add_days(s, 6),
            Cadence::Month => Some(last_day_of_month(s.year(), s.month())),
            Cadence::Quarter => Some(last_day_of_month(s.year(), s.month() + 2)),
            Cadence::Year => Some(last_day_of_month(s.year(), 12)),
        };
        let Some(e) = end else { break };
        if e > hi.0 {
            break;
        }
        out.push((Date(s), Date(e)));
        start = match cadence {
            Cadence::Week => add_days(s, 7),
            Cadence::Month => next_start(s, 1),
            Cadence::Quarter => next_start(s, 3),
            Cadence::Year => next_start(s, 12),
        };
    }
    out
}

fn next_start(s: NaiveDate, months: u32) -> Option<NaiveDate> {
    let m = s.month0() + months;
    NaiveDate::from_ymd_opt(s.year() + (m / 12) as i32, m % 12 + 1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_months_quarters_wholly_inside() {
        // 2026-01-01 is a Thursday: the first whole ISO week starts Monday 2026-01-05; the last
        // whole week of Q1 is 2026-03-23 … 03-29 (03-30 … 04-05 crosses the end).
        let w = units(Cadence::Week, d("2026-01-01"), d("2026-03-31"));
        assert_eq!(w.first(), Some(&(d("2026-01-05"), d("2026-01-11"))));
        assert_eq!(w.last(), Some(&(d("2026-03-23"), d("2026-03-29"))));
        assert_eq!(w.len(), 12);
        let m = units(Cadence::Month, d("2026-01-15"), d("2026-06-30"));
        assert_eq!(m.len(), 5);
        assert_eq!(m[0], (d("2026-02-01"), d("2026-02-28")));
        let m = units(Cadence::Month, d("2026-01-01"), d("2026-01-30"));
        assert!(m.is_empty());
        let q = units(Cadence::Quarter, d("2026-01-02"), d("2026-12-31"));
        assert_eq!(
            q,
            vec![
                (d("2026-04-01"), d("2026-06-30")),
                (d("2026-07-01"), d("2026-09-30")),
                (d("2026-10-01"), d("2026-12-31")),
            ]
        );
        let q = units(Cadence::Quarter, d("2026-10-01"), d("2027-03-31"));
        assert_eq!(q.len(), 2);
        assert_eq!(q[1], (d("2027-01-01"), d("2027-03-31")));
        // A one-day window holding a Monday holds no week.
        assert!(units(Cadence::Week, d("2026-01-05"), d("2026-01-05")).is_empty());
        let y = units(Cadence::Year, d("2026-01-01"), d("2027-06-30"));
        assert_eq!(y, vec![(d("2026-01-01"), d("2026-12-31"))]);
        assert!(units(Cadence::Year, d("2026-01-02"), d("2026-12-31")).is_empty());
    }
}
