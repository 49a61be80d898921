//! Rules that need only one record (and the settings): used by `check` over the whole
//! workspace, and by the write path to refuse writing a record that would fail `check`.
//! Cross-record rules (references, capacity against members, quotas …) live in the other files.
//!
//! Each function takes the record's path relative to the workspace root (with `/`), because the
//! file name and folder are part of a record's identity (SPEC §1).

use std::collections::HashMap;
use std::fmt::Display;

use chrono::Months;

use super::{Context, Finder};
use crate::diag::{Diagnostic, Severity};
use crate::model::{
    Commitment, Date, Evaluation, Matter, Member, Org, Period, PeriodPart, Post, PostKind,
    ScoreValue, Settings, Step, is_valid_id,
};

/// Days after a period's end within which its review meeting (or a matter's review) may be held.
pub const REVIEW_GRACE_DAYS: u64 = 90;

/// The years a matter may be for; outside them its dates are not checked (and no calendar
/// arithmetic overflows).
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 9999;

pub fn settings(path: &str, s: &Settings, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    if s.format != 1 {
        f.error(
            "schema",
            "format",
            "check.format",
            "check.format.help",
            &[("format", &s.format)],
        );
    }
    if !is_valid_id(&s.root) {
        f.error(
            "invalid-id",
            "root",
            "check.invalid-id",
            "check.invalid-id.help",
            &[("id", &s.root)],
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, role) in s.roles.iter().enumerate() {
        if !is_valid_id(&role.id) {
            f.error(
                "invalid-id",
                &format!("role[{i}].id"),
                "check.invalid-id",
                "check.invalid-id.help",
                &[("id", &role.id)],
            );
        }
        if let Some(first) = seen.insert(&role.id, i) {
            f.error(
                "duplicate-id",
                &format!("role[{i}].id"),
                "check.duplicate-role",
                "check.duplicate-entry.help",
                &[("id", &role.id), ("first", &format!("role[{first}]"))],
            );
            seen.insert(&role.id, first);
        }
    }
    f.out
}

pub fn org(path: &str, o: &Org, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &o.id, "id");
    if o.parent.as_deref() == Some(o.id.as_str()) {
        f.error(
            "cycle",
            "parent",
            "check.cycle-self",
            "check.cycle.help",
            &[("id", &o.id)],
        );
    }
    f.out
}

pub fn member(path: &str, m: &Member, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &m.id, "id");
    if let (Some(joined), Some(left)) = (m.joined, m.left)
        && left < joined
    {
        f.error(
            "date-order",
            "left",
            "check.date-order",
            "check.date-order.help",
            &[
                ("later", &"left"),
                ("later_date", &left),
                ("earlier", &"joined"),
                ("earlier_date", &joined),
            ],
        );
    }
    f.out
}

pub fn post(path: &str, p: &Post, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &p.id, "id");
    if p.duties.iter().all(|d| d.trim().is_empty()) {
        f.error(
            "schema",
            "duties",
            "check.post.no-duty",
            "check.post.no-duty.help",
            &[],
        );
    }
    if p.capacity == Some(0) {
        f.error(
            "out-of-range",
            "capacity",
            "check.post.capacity-zero",
            "check.post.capacity-zero.help",
            &[],
        );
    }
    let window = post_window(&mut f, p);
    for (i, h) in p.holders.iter().enumerate() {
        holder_dates(&mut f, i, h);
        if let (Some((from, until)), Some(confirmed)) = (window, h.confirmed)
            && (confirmed < from || confirmed > until)
        {
            f.error(
                "window",
                &format!("holder[{i}].confirmed"),
                "check.post.window",
                "check.post.window.help",
                &[
                    ("member", &h.member),
                    ("date", &confirmed),
                    ("from", &from),
                    ("until", &until),
                ],
            );
        }
    }
    capacity(&mut f, p);
    for (i, log) in p.logs.iter().enumerate() {
        if !p
            .holders
            .iter()
            .any(|h| h.member == log.member && h.serving_on(log.date))
        {
            f.error(
                "log-holder",
                &format!("log[{i}].member"),
                "check.post.log-holder",
                "check.post.log-holder.help",
                &[("member", &log.member), ("date", &log.date)],
            );
        }
        if log
            .hours
            .is_some_and(|h| h.0.is_sign_negative() && !h.0.is_zero())
        {
            f.error(
                "out-of-range",
                &format!("log[{i}].hours"),
                "check.negative",
                "check.negative.help",
                &[("key", &"hours")],
            );
        }
    }
    for (i, t) in p.targets.iter().enumerate() {
        if t.value
            .is_some_and(|v| v.0.is_sign_negative() && !v.0.is_zero())
        {
            f.error(
                "out-of-range",
                &format!("target[{i}].value"),
                "check.negative",
                "check.negative.help",
                &[("key", &"value")],
            );
        }
    }
    long_tenure(&mut f, p, ctx.as_of);
    f.out
}

pub fn matter(path: &str, m: &Matter, settings: &Settings, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &m.id, "id");
    if let Some(folder) = folder_of(path)
        && folder != m.year.to_string()
    {
        f.error(
            "period-mismatch",
            "year",
            "check.matter.folder",
            "check.folder.help",
            &[
                ("key", &"year"),
                ("value", &m.year),
                ("folder", &folder),
                ("expected", &format!("matters/{}/", m.year)),
            ],
        );
    }
    history(&mut f, m);
    if !(MIN_YEAR..=MAX_YEAR).contains(&m.year) {
        f.error(
            "out-of-range",
            "year",
            "check.matter.year",
            "check.matter.year.help",
            &[("year", &m.year)],
        );
        return f.out;
    }
    let year = Period::year(m.year);
    let (start, end) = year.window();
    let grace_end = plus_days(end, REVIEW_GRACE_DAYS);
    let mut dated: Vec<(String, Date, Date)> = Vec::new();
    for (i, o) in m.opinions.iter().enumerate() {
        dated.push((format!("opinion[{i}].date"), o.date, end));
    }
    for (i, mt) in m.meetings.iter().enumerate() {
        dated.push((format!("meeting[{i}].date"), mt.date, end));
        meeting_numbers(&mut f, i, mt);
        if let Some(p) = mt.published
            && p < mt.date
        {
            f.error(
                "date-order",
                &format!("meeting[{i}].published"),
                "check.date-order",
                "check.date-order.help",
                &[
                    ("later", &"published"),
                    ("later_date", &p),
                    ("earlier", &"date"),
                    ("earlier_date", &mt.date),
                ],
            );
        }
    }
    tasks(&mut f, m, &mut dated, end);
    if let Some(d) = m.publicity.as_ref().and_then(|p| p.date) {
        dated.push(("publicity.date".into(), d, end));
    }
    let scale = settings.review.scale;
    for (i, p) in m.progress.iter().enumerate() {
        dated.push((format!("progress[{i}].date"), p.date, end));
        let task = unknown_task(&mut f, m, &p.task, &format!("progress[{i}].task"));
        if p.value.0.is_sign_negative() && !p.value.0.is_zero() {
            f.error(
                "out-of-range",
                &format!("progress[{i}].value"),
                "check.negative",
                "check.negative.help",
                &[("key", &"value")],
            );
        } else if let Some(t) = task
            && t.target.is_none()
            && p.value.0 > 100.into()
        {
            f.error(
                "out-of-range",
                &format!("progress[{i}].value"),
                "check.matter.percent",
                "check.matter.percent.help",
                &[("task", &t.id), ("value", &p.value)],
            );
        }
    }
    for (i, r) in m.reviews.iter().enumerate() {
        dated.push((format!("review[{i}].date"), r.date, grace_end));
        if let Some(p) = r.published {
            dated.push((format!("review[{i}].published"), p, grace_end));
        }
        if let Some(task) = &r.task {
            unknown_task(&mut f, m, task, &format!("review[{i}].task"));
        }
        if let Some(score) = r.score
            && (score.0.is_sign_negative() && !score.0.is_zero() || score > scale)
        {
            f.error(
                "out-of-range",
                &format!("review[{i}].score"),
                "check.score-range",
                "check.score-range.help",
                &[("value", &score), ("scale", &scale)],
            );
        }
    }
    for (at, date, last) in dated {
        if date < start || date > last {
            f.warning(
                "date-outside",
                &at,
                "check.date-outside",
                "check.date-outside.help",
                &[
                    ("date", &date),
                    ("what", &format!("{} {}", t_year(ctx), m.year)),
                    ("from", &start),
                    ("until", &last),
                ],
            );
        }
    }
    f.out
}

pub fn commitment(path: &str, c: &Commitment, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &c.committer, "committer");
    let is_half = matches!(c.half.part, PeriodPart::H(_));
    if !is_half {
        f.error(
            "schema",
            "half",
            "check.commitment.not-half",
            "check.commitment.not-half.help",
            &[("value", &c.half)],
        );
    }
    if let Some(folder) = folder_of(path)
        && folder != c.half.to_string()
    {
        f.error(
            "period-mismatch",
            "half",
            "check.commitment.folder",
            "check.folder.help",
            &[
                ("key", &"half"),
                ("value", &c.half),
                ("folder", &folder),
                ("expected", &format!("commitments/{}/", c.half)),
            ],
        );
    }
    let (start, end) = c.half.window();
    let mut dated: Vec<(String, Date)> = Vec::new();
    dated.extend(c.signed.map(|d| ("signed".to_string(), d)));
    dated.extend(c.published.map(|d| ("published".to_string(), d)));
    if let (Some(s), Some(p)) = (c.signed, c.published)
        && p < s
    {
        f.error(
            "date-order",
            "published",
            "check.date-order",
            "check.date-order.help",
            &[
                ("later", &"published"),
                ("later_date", &p),
                ("earlier", &"signed"),
                ("earlier_date", &s),
            ],
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, item) in c.items.iter().enumerate() {
        if let Some(first) = seen.get(item.id.as_str()) {
            f.error(
                "duplicate-id",
                &format!("item[{i}].id"),
                "check.duplicate-item",
                "check.duplicate-entry.help",
                &[("id", &item.id), ("first", &format!("item[{first}]"))],
            );
        } else {
            seen.insert(&item.id, i);
        }
        if let Some(t) = item.target
            && t.0 <= 0.into()
        {
            f.error(
                "out-of-range",
                &format!("item[{i}].target"),
                "check.positive",
                "check.positive.help",
                &[("key", &"target"), ("value", &t)],
            );
        }
        dated.extend(item.due.map(|d| (format!("item[{i}].due"), d)));
        for (j, p) in item.progress.iter().enumerate() {
            let at = format!("item[{i}].progress[{j}]");
            dated.push((format!("{at}.date"), p.date));
            match (item.target.is_some(), p.value, p.done) {
                (_, Some(_), Some(_)) => f.error(
                    "schema",
                    &at,
                    "check.commitment.value-and-done",
                    "check.commitment.value-and-done.help",
                    &[("item", &item.id)],
                ),
                (true, None, _) => f.error(
                    "schema",
                    &at,
                    "check.commitment.needs-value",
                    "check.commitment.needs-value.help",
                    &[("item", &item.id)],
                ),
                (false, _, None) => f.error(
                    "schema",
                    &at,
                    "check.commitment.needs-done",
                    "check.commitment.needs-done.help",
                    &[("item", &item.id)],
                ),
                (_, Some(v), None) if v.0.is_sign_negative() && !v.0.is_zero() => f.error(
                    "out-of-range",
                    &format!("{at}.value"),
                    "check.negative",
                    "check.negative.help",
                    &[("key", &"value")],
                ),
                _ => {}
            }
        }
    }
    for (i, cm) in c.comments.iter().enumerate() {
        dated.push((format!("comment[{i}].date"), cm.date));
    }
    if is_half {
        for (at, date) in dated {
            if !c.half.contains(date) {
                f.warning(
                    "date-outside",
                    &at,
                    "check.date-outside",
                    "check.date-outside.help",
                    &[
                        ("date", &date),
                        ("what", &c.half),
                        ("from", &start),
                        ("until", &end),
                    ],
                );
            }
        }
    }
    f.out
}

pub fn evaluation(
    path: &str,
    e: &Evaluation,
    settings: &Settings,
    ctx: &Context,
) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &e.org, "org");
    if let Some(folder) = folder_of(path)
        && folder != e.period.to_string()
    {
        f.error(
            "period-mismatch",
            "period",
            "check.evaluation.folder",
            "check.folder.help",
            &[
                ("key", &"period"),
                ("value", &e.period),
                ("folder", &folder),
                ("expected", &format!("evaluations/{}/", e.period)),
            ],
        );
    }
    let (start, end) = e.period.window();
    let last = plus_days(end, REVIEW_GRACE_DAYS);
    if e.date < start || e.date > last {
        f.warning(
            "date-outside",
            "date",
            "check.evaluation.date",
            "check.evaluation.date.help",
            &[
                ("date", &e.date),
                ("period", &e.period),
                ("from", &start),
                ("until", &last),
            ],
        );
    }
    let scale = settings.review.scale;
    let mut seen: HashMap<(bool, &str), usize> = HashMap::new();
    for (i, row) in e.scores.iter().enumerate() {
        let Some(subject) = row.subject() else {
            f.error(
                "schema",
                &format!("score[{i}]"),
                "check.evaluation.subject",
                "check.evaluation.subject.help",
                &[],
            );
            continue;
        };
        if let Some(first) = seen.get(&subject) {
            f.error(
                "duplicate-subject",
                &format!("score[{i}].{}", if subject.0 { "org" } else { "member" }),
                "check.duplicate-subject.same-sheet",
                "check.duplicate-subject.help",
                &[("id", &subject.1), ("first", &format!("score[{first}]"))],
            );
        } else {
            seen.insert(subject, i);
        }
        let sources = [
            ("self", &row.self_score),
            ("peer", &row.peer),
            ("leader", &row.leader),
            ("masses", &row.masses),
        ];
        for (key, value) in sources {
            let values: Vec<(String, crate::model::Num)> = match value {
                None => Vec::new(),
                Some(ScoreValue::One(v)) => vec![(format!("score[{i}].{key}"), *v)],
                Some(ScoreValue::Ballots(b)) => b
                    .iter()
                    .enumerate()
                    .map(|(j, v)| (format!("score[{i}].{key}[{j}]"), *v))
                    .collect(),
            };
            for (at, v) in values {
                if v.0.is_sign_negative() && !v.0.is_zero() || v > scale {
                    f.error(
                        "out-of-range",
                        &at,
                        "check.score-range",
                        "check.score-range.help",
                        &[("value", &v), ("scale", &scale)],
                    );
                }
            }
        }
    }
    if !e.outcomes.is_empty() && e.period.part != PeriodPart::Y {
        f.error(
            "period-mismatch",
            "outcome[0]",
            "check.evaluation.outcome-period",
            "check.evaluation.outcome-period.help",
            &[("period", &e.period), ("year", &e.period.year)],
        );
    }
    f.out
}

// ---------------------------------------------------------------------------------------------

/// The file's stem: `posts/pingan-1.toml` → `pingan-1`.
pub(crate) fn stem_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// The folder directly holding the file, for records whose folder carries a period
/// (`matters/2026/x.toml` → `2026`); `None` for a path without one.
fn folder_of(path: &str) -> Option<&str> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [_, folder, _] => Some(folder),
        _ => None,
    }
}

fn id_and_stem(f: &mut Finder, id: &str, key: &str) {
    let stem = stem_of(f.file);
    if !is_valid_id(id) {
        f.error(
            "invalid-id",
            key,
            "check.invalid-id",
            "check.invalid-id.help",
            &[("id", &id)],
        );
    } else if id != stem {
        f.error(
            "id-mismatch",
            key,
            "check.id-mismatch",
            "check.id-mismatch.help",
            &[("id", &id), ("stem", &stem)],
        );
    }
}

fn plus_days(d: Date, days: u64) -> Date {
    Date(d.0.checked_add_days(chrono::Days::new(days)).unwrap_or(d.0))
}

fn t_year(ctx: &Context) -> &'static str {
    crate::i18n::t(ctx.locale, "check.word.year")
}

/// The window of a temporary post, after reporting a missing or inverted one, and any window
/// on a standing post.
fn post_window(f: &mut Finder, p: &Post) -> Option<(Date, Date)> {
    match p.kind {
        PostKind::Standing => {
            for (key, v) in [("from", p.from), ("until", p.until)] {
                if v.is_some() {
                    f.error(
                        "schema",
                        key,
                        "check.post.standing-window",
                        "check.post.standing-window.help",
                        &[("key", &key)],
                    );
                }
            }
            None
        }
        PostKind::Temporary => match (p.from, p.until) {
            (Some(from), Some(until)) => {
                if until < from {
                    f.error(
                        "date-order",
                        "until",
                        "check.date-order",
                        "check.date-order.help",
                        &[
                            ("later", &"until"),
                            ("later_date", &until),
                            ("earlier", &"from"),
                            ("earlier_date", &from),
                        ],
                    );
                    None
                } else {
                    Some((from, until))
                }
            }
            (from, until) => {
                let missing = match (from, until) {
                    (None, None) => "from, until",
                    (None, _) => "from",
                    _ => "until",
                };
                f.error(
                    "schema",
                    "kind",
                    "check.post.temporary-window",
                    "check.post.temporary-window.help",
                    &[("keys", &missing)],
                );
                None
            }
        },
    }
}

fn holder_dates(f: &mut Finder, i: usize, h: &crate::model::Holder) {
    let steps = [
        ("claimed", h.claimed),
        ("confirmed", h.confirmed),
        ("published", h.published),
        ("ended", h.ended),
    ];
    let mut last: Option<(&str, Date)> = None;
    for (key, date) in steps {
        let Some(date) = date else { continue };
        if let Some((prev_key, prev)) = last
            && date < prev
        {
            f.error(
                "date-order",
                &format!("holder[{i}].{key}"),
                "check.date-order",
                "check.date-order.help",
                &[
                    ("later", &key),
                    ("later_date", &date),
                    ("earlier", &prev_key),
                    ("earlier_date", &prev),
                ],
            );
            continue;
        }
        last = Some((key, date));
    }
}

fn capacity(f: &mut Finder, p: &Post) {
    let Some(cap) = p.capacity.filter(|c| *c > 0) else {
        return;
    };
    for (i, h) in p.holders.iter().enumerate() {
        let Some(confirmed) = h.confirmed else {
            continue;
        };
        let serving = p.holders.iter().filter(|o| o.serving_on(confirmed)).count();
        if serving > cap as usize {
            f.error(
                "capacity",
                &format!("holder[{i}].confirmed"),
                "check.post.capacity",
                "check.post.capacity.help",
                &[
                    ("member", &h.member),
                    ("date", &confirmed),
                    ("count", &serving),
                    ("capacity", &cap),
                ],
            );
        }
    }
}

fn long_tenure(f: &mut Finder, p: &Post, as_of: Date) {
    for (i, h) in p.holders.iter().enumerate() {
        let Some(confirmed) = h.confirmed else {
            continue;
        };
        if h.ended.is_some_and(|e| e < as_of) {
            continue;
        }
        let Some(three) = confirmed.0.checked_add_months(Months::new(36)) else {
            continue;
        };
        if three < as_of.0 {
            f.info(
                "long-tenure",
                &format!("holder[{i}]"),
                "check.post.long-tenure",
                "check.post.long-tenure.help",
                &[("member", &h.member), ("since", &confirmed)],
            );
        }
    }
}

fn history(f: &mut Finder, m: &Matter) {
    let mut prev: Option<Date> = None;
    let mut in_order = true;
    for (i, h) in m.history.iter().enumerate() {
        let expected = Step::ALL.get(i).copied().filter(|s| *s != Step::Done);
        if Some(h.step) != expected {
            in_order = false;
            let expected_word = expected.map_or("-", |s| s.as_str());
            f.error(
                "step-history",
                &format!("history[{i}].step"),
                "check.matter.history-order",
                "check.matter.history-order.help",
                &[("step", &h.step), ("expected", &expected_word)],
            );
        }
        if let Some(p) = prev
            && h.completed < p
        {
            f.error(
                "step-history",
                &format!("history[{i}].completed"),
                "check.matter.history-date",
                "check.matter.history-date.help",
                &[("date", &h.completed), ("previous", &p)],
            );
        }
        prev = Some(h.completed);
        if let Some(reason) = &h.forced {
            f.info(
                "forced-step",
                &format!("history[{i}].forced"),
                "check.matter.forced",
                "check.matter.forced.help",
                &[("step", &h.step), ("reason", reason)],
            );
        }
    }
    if in_order
        && let Some(expected) = Step::ALL.get(m.history.len()).copied()
        && m.step != expected
    {
        f.error(
            "step-history",
            "step",
            "check.matter.step",
            "check.matter.step.help",
            &[
                ("step", &m.step),
                ("expected", &expected),
                ("count", &m.history.len()),
            ],
        );
    }
}

fn meeting_numbers(f: &mut Finder, i: usize, mt: &crate::model::Meeting) {
    let votes = u64::from(mt.yes) + u64::from(mt.no) + u64::from(mt.abstain);
    if u64::from(mt.present) > u64::from(mt.expected) {
        f.error(
            "out-of-range",
            &format!("meeting[{i}].present"),
            "check.matter.present",
            "check.matter.present.help",
            &[("present", &mt.present), ("expected", &mt.expected)],
        );
    }
    if votes > u64::from(mt.present) {
        f.error(
            "out-of-range",
            &format!("meeting[{i}].yes"),
            "check.matter.votes",
            "check.matter.votes.help",
            &[("votes", &votes), ("present", &mt.present)],
        );
    }
}

fn tasks(f: &mut Finder, m: &Matter, dated: &mut Vec<(String, Date, Date)>, end: Date) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, t) in m.tasks.iter().enumerate() {
        if let Some(first) = seen.get(t.id.as_str()) {
            f.error(
                "duplicate-id",
                &format!("task[{i}].id"),
                "check.duplicate-task",
                "check.duplicate-entry.help",
                &[("id", &t.id), ("first", &format!("task[{first}]"))],
            );
        } else {
            seen.insert(&t.id, i);
        }
        if t.org.is_none() && t.member.is_none() {
            f.error(
                "schema",
                &format!("task[{i}]"),
                "check.matter.task-owner",
                "check.matter.task-owner.help",
                &[("task", &t.id)],
            );
        }
        if let Some(target) = t.target
            && target.0 <= 0.into()
        {
            f.error(
                "out-of-range",
                &format!("task[{i}].target"),
                "check.positive",
                "check.positive.help",
                &[("key", &"target"), ("value", &target)],
            );
        }
        if let Some(d) = t.signed {
            dated.push((format!("task[{i}].signed"), d, end));
        }
        if let Some(d) = t.due {
            dated.push((format!("task[{i}].due"), d, end));
        }
    }
}

fn unknown_task<'m>(
    f: &mut Finder,
    m: &'m Matter,
    id: &str,
    at: &str,
) -> Option<&'m crate::model::Task> {
    let task = m.task(id);
    if task.is_none() {
        f.unknown(
            at,
            "check.word.task",
            id,
            m.tasks.iter().map(|t| t.id.as_str()),
        );
    }
    task
}

/// Shorthand used by the finders of this module.
impl Finder<'_> {
    pub(crate) fn error(
        &mut self,
        code: &'static str,
        at: &str,
        msg: &'static str,
        help: &'static str,
        args: &[(&str, &dyn Display)],
    ) {
        self.push(Severity::Error, code, at, msg, help, args);
    }
    pub(crate) fn warning(
        &mut self,
        code: &'static str,
        at: &str,
        msg: &'static str,
        help: &'static str,
        args: &[(&str, &dyn Display)],
    ) {
        self.push(Severity::Warning, code, at, msg, help, args);
    }
    pub(crate) fn info(
        &mut self,
        code: &'static str,
        at: &str,
        msg: &'static str,
        help: &'static str,
        args: &[(&str, &dyn Display)],
    ) {
        self.push(Severity::Info, code, at, msg, help, args);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::ctx;
    use crate::check::tests::settings as test_settings;
    use crate::diag::Place;

    /// Runs the single-record rule of the kind that `path` holds over `text`, and returns each
    /// finding as `code@key.path`.
    fn check(path: &str, text: &str) -> Vec<String> {
        let c = ctx();
        let s = test_settings();
        let diags = match path.split('/').next() {
            Some("posts") => post(path, &toml::from_str(text).unwrap(), &c),
            Some("matters") => matter(path, &toml::from_str(text).unwrap(), &s, &c),
            Some("commitments") => commitment(path, &toml::from_str(text).unwrap(), &c),
            Some("evaluations") => evaluation(path, &toml::from_str(text).unwrap(), &s, &c),
            Some("members") => member(path, &toml::from_str(text).unwrap(), &c),
            Some("orgs") => org(path, &toml::from_str(text).unwrap(), &c),
            _ => settings_rules(path, text),
        };
        diags
            .into_iter()
            .map(|d| {
                assert!(d.help.is_some(), "{} has no help", d.code);
                let at = match &d.place {
                    Place::Path(segs) => segs.iter().map(ToString::to_string).collect::<String>(),
                    _ => String::new(),
                };
                format!("{}@{}", d.code, at.trim_start_matches('.'))
            })
            .collect()
    }

    fn settings_rules(path: &str, text: &str) -> Vec<Diagnostic> {
        super::settings(path, &toml::from_str(text).unwrap(), &ctx())
    }

    const POST: &str =
        "id = \"p\"\nname = \"P\"\norg = \"root\"\nkind = \"standing\"\nduties = [\"d\"]\n";

    #[test]
    fn a_clean_post_has_no_findings() {
        let text = format!(
            "{POST}capacity = 1\n[[holder]]\nmember = \"a\"\nclaimed = 2026-01-01\nconfirmed = 2026-01-02\npublished = 2026-01-03\nended = 2026-03-01\n\
             [[holder]]\nmember = \"b\"\nconfirmed = 2026-03-02\n[[log]]\ndate = 2026-03-01\nmember = \"a\"\ntext = \"x\"\n"
        );
        assert_eq!(check("posts/p.toml", &text), Vec::<String>::new());
    }

    #[test]
    fn post_rules() {
        assert_eq!(check("posts/q.toml", POST), ["id-mismatch@id"]);
        let no_duty = POST.replace("[\"d\"]", "[]");
        assert_eq!(check("posts/p.toml", &no_duty), ["schema@duties"]);
        let dates = format!(
            "{POST}[[holder]]\nmember = \"a\"\nclaimed = 2026-02-01\nconfirmed = 2026-01-15\n"
        );
        assert_eq!(
            check("posts/p.toml", &dates),
            ["date-order@holder[0].confirmed"]
        );
        let cap = format!(
            "{POST}capacity = 1\n[[holder]]\nmember = \"a\"\nconfirmed = 2026-01-01\n[[holder]]\nmember = \"b\"\nconfirmed = 2026-02-01\n"
        );
        assert_eq!(
            check("posts/p.toml", &cap),
            ["capacity@holder[1].confirmed"]
        );
        let log = format!(
            "{POST}[[holder]]\nmember = \"a\"\nconfirmed = 2026-01-10\nended = 2026-02-01\n[[log]]\ndate = 2026-02-02\nmember = \"a\"\ntext = \"x\"\n"
        );
        assert_eq!(check("posts/p.toml", &log), ["log-holder@log[0].member"]);
        let long = format!("{POST}[[holder]]\nmember = \"a\"\nconfirmed = 2023-11-19\n");
        assert_eq!(check("posts/p.toml", &long), ["long-tenure@holder[0]"]);
        let not_long = format!("{POST}[[holder]]\nmember = \"a\"\nconfirmed = 2023-11-20\n");
        assert!(check("posts/p.toml", &not_long).is_empty());
    }

    #[test]
    fn temporary_posts_have_a_window() {
        let temp = POST.replace("standing", "temporary");
        assert_eq!(check("posts/p.toml", &temp), ["schema@kind"]);
        let window = format!(
            "{temp}from = 2026-06-18\nuntil = 2026-07-31\n[[holder]]\nmember = \"a\"\nconfirmed = 2026-08-01\n"
        );
        assert_eq!(
            check("posts/p.toml", &window),
            ["window@holder[0].confirmed"]
        );
        let inverted = format!("{temp}from = 2026-06-18\nuntil = 2026-06-01\n");
        assert_eq!(check("posts/p.toml", &inverted), ["date-order@until"]);
        let standing = format!("{POST}from = 2026-06-18\n");
        assert_eq!(check("posts/p.toml", &standing), ["schema@from"]);
    }

    const MATTER: &str = "id = \"m\"\nname = \"M\"\norg = \"root\"\nyear = 2026\n";

    #[test]
    fn matter_step_and_history() {
        let ok = format!(
            "{MATTER}step = \"decompose\"\n[[history]]\nstep = \"consult\"\ncompleted = 2026-01-10\n\
             [[history]]\nstep = \"decide\"\ncompleted = 2026-01-20\nforced = \"urgent\"\n"
        );
        assert_eq!(
            check("matters/2026/m.toml", &ok),
            ["forced-step@history[1].forced"]
        );
        let wrong_step = ok.replace("\"decompose\"", "\"implement\"");
        assert!(
            check("matters/2026/m.toml", &wrong_step).contains(&"step-history@step".to_string())
        );
        let wrong_order = ok.replace("step = \"consult\"", "step = \"commit\"");
        assert!(
            check("matters/2026/m.toml", &wrong_order)
                .contains(&"step-history@history[0].step".to_string())
        );
        let back = ok.replace("2026-01-20", "2026-01-05");
        assert!(
            check("matters/2026/m.toml", &back)
                .contains(&"step-history@history[1].completed".to_string())
        );
        let fresh = format!("{MATTER}step = \"consult\"\n");
        let far = fresh.replace("2026", "2147483647");
        assert_eq!(
            check("matters/2147483647/m.toml", &far),
            ["out-of-range@year"]
        );
        assert!(check("matters/2026/m.toml", &fresh).is_empty());
        assert_eq!(
            check("matters/2025/m.toml", &fresh),
            ["period-mismatch@year"]
        );
    }

    #[test]
    fn matter_numbers_and_tasks() {
        let text = format!(
            "{MATTER}step = \"consult\"\n[[meeting]]\nbody = \"branch\"\ndate = 2026-01-20\nexpected = 10\npresent = 11\nyes = 9\nno = 2\nabstain = 1\n\
             [[task]]\nid = \"t1\"\ntext = \"x\"\norg = \"root\"\n[[task]]\nid = \"t1\"\ntext = \"y\"\n\
             [[progress]]\ntask = \"t1\"\ndate = 2026-03-01\nvalue = 120\n[[progress]]\ntask = \"t2\"\ndate = 2027-03-01\nvalue = 1\n\
             [[review]]\ndate = 2026-12-20\nscore = 101\n"
        );
        assert_eq!(
            check("matters/2026/m.toml", &text),
            [
                "out-of-range@meeting[0].present",
                "out-of-range@meeting[0].yes",
                "duplicate-id@task[1].id",
                "schema@task[1]",
                "out-of-range@progress[0].value",
                "unknown-reference@progress[1].task",
                "out-of-range@review[0].score",
                "date-outside@progress[1].date",
            ]
        );
    }

    #[test]
    fn commitment_rules() {
        let text = "committer = \"a\"\nhalf = \"2026-H1\"\nsigned = 2026-01-15\n\
            [[item]]\nid = \"c1\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"x\"\ntarget = 3\ndue = 2026-07-31\n\
            [[item.progress]]\ndate = 2026-03-01\ndone = true\n\
            [[item]]\nid = \"c1\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"y\"\n\
            [[item.progress]]\ndate = 2026-03-01\nvalue = 1\n";
        assert_eq!(
            check("commitments/2026-H1/a.toml", text),
            [
                "schema@item[0].progress[0]",
                "duplicate-id@item[1].id",
                "schema@item[1].progress[0]",
                "date-outside@item[0].due",
            ]
        );
        let clean = "committer = \"a\"\nhalf = \"2026-H2\"\n";
        assert_eq!(
            check("commitments/2026-H1/a.toml", clean),
            ["period-mismatch@half"]
        );
        let quarter = "committer = \"a\"\nhalf = \"2026-Q1\"\n";
        assert_eq!(
            check("commitments/2026-Q1/a.toml", quarter),
            ["schema@half"]
        );
    }

    #[test]
    fn evaluation_rules() {
        let text = "org = \"root\"\nperiod = \"2026-Q1\"\ndate = 2026-06-30\n\
            [[score]]\nmember = \"a\"\nself = 101\npeer = [90, -1]\n\
            [[score]]\nmember = \"a\"\n[[score]]\nmember = \"b\"\norg = \"x\"\n\
            [[outcome]]\nmember = \"a\"\nkind = \"honour\"\n";
        assert_eq!(
            check("evaluations/2026-Q1/root.toml", text),
            [
                "date-outside@date",
                "out-of-range@score[0].self",
                "out-of-range@score[0].peer[1]",
                "duplicate-subject@score[1].member",
                "schema@score[2]",
                "period-mismatch@outcome[0]",
            ]
        );
        let ok = "org = \"root\"\nperiod = \"2026-Q1\"\ndate = 2026-06-29\n";
        assert!(check("evaluations/2026-Q1/root.toml", ok).is_empty());
        assert_eq!(
            check("evaluations/2026-Q2/root.toml", ok),
            ["period-mismatch@period"]
        );
    }

    #[test]
    fn settings_and_members() {
        let s = "format = 2\nname = \"t\"\nroot = \"Root\"\nyear = 2026\nsector = \"community\"\n\
            [[role]]\nid = \"a\"\nname = \"x\"\n[[role]]\nid = \"a\"\nname = \"y\"\n";
        assert_eq!(
            check("dangjian.toml", s),
            [
                "schema@format",
                "invalid-id@root",
                "duplicate-id@role[1].id"
            ]
        );
        let m = "id = \"a\"\nname = \"A\"\norg = \"root\"\nstatus = \"full\"\noffice = \"none\"\njoined = 2020-01-01\nleft = 2019-01-01\n";
        assert_eq!(check("members/a.toml", m), ["date-order@left"]);
        assert_eq!(
            check(
                "members/B.toml",
                &m.replace("\"a\"", "\"B\"")
                    .replace("left = 2019-01-01\n", "")
            ),
            ["invalid-id@id"]
        );
        let o =
            "id = \"x\"\nname = \"X\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"x\"\n";
        assert_eq!(check("orgs/x.toml", o), ["cycle@parent"]);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::check::tests::ctx;
    use crate::model::Holder;

    fn day(n: u64) -> Date {
        plus_days(Date::ymd(2026, 1, 1), n)
    }

    proptest! {
        /// `capacity` is reported exactly when some day has more serving holders than the
        /// capacity, counted day by day.
        #[test]
        fn capacity_matches_a_day_by_day_count(
            cap in 1u32..4,
            spells in prop::collection::vec((0u64..60, prop::option::of(0u64..30)), 0..7),
        ) {
            let holders: Vec<Holder> = spells
                .iter()
                .enumerate()
                .map(|(i, (start, len))| Holder {
                    member: format!("m{i}"),
                    claimed: None,
                    confirmed: Some(day(*start)),
                    published: None,
                    ended: len.map(|l| day(start + l)),
                    end_reason: None,
                })
                .collect();
            let record = Post {
                id: "p".into(),
                name: "P".into(),
                org: "o".into(),
                kind: PostKind::Standing,
                from: None,
                until: None,
                duties: vec!["d".into()],
                capacity: Some(cap),
                log_every: None,
                eligible: None,
                targets: Vec::new(),
                holders: holders.clone(),
                logs: Vec::new(),
                private: None,
                extra: None,
            };
            let over = (0..100).any(|n| {
                holders.iter().filter(|h| h.serving_on(day(n))).count() > cap as usize
            });
            let reported = super::post("posts/p.toml", &record, &ctx())
                .iter()
                .any(|d| d.code == "capacity");
            prop_assert_eq!(reported, over);
        }
    }
}
