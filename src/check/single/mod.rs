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

/// The years a workspace or a matter may be for; outside them dates are not checked (and no
/// calendar arithmetic overflows). `--year` arguments take the same range.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 9999;

pub fn settings(path: &str, s: &Settings, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    if s.format != 1 {
        f.error(
            crate::diag::Code::Schema,
            "format",
            "check.format",
            "check.format.help",
            &[("format", &s.format)],
        );
    }
    year_in_range(&mut f, s.year);
    if !is_valid_id(&s.root) {
        f.error(
            crate::diag::Code::InvalidId,
            "root",
            "check.invalid-id",
            "check.invalid-id.help",
            &[("id", &s.root)],
        );
    }
    for (key, words) in [("allow", &s.check.allow), ("deny", &s.check.deny)] {
        for (i, word) in words.iter().enumerate() {
            if crate::diag::Code::parse(word).is_some() {
                continue;
            }
            let known = crate::diag::Code::ALL.iter().map(|c| c.as_str());
            let help = match crate::diag::did_you_mean(word, known) {
                Some(s) => crate::i18n::tf(
                    ctx.locale,
                    "check.unknown-code.did-you-mean",
                    &[("code", &s)],
                ),
                None => crate::i18n::tf(ctx.locale, "check.unknown-code.help", &[]),
            };
            f.out.push(
                Diagnostic::warning(
                    crate::diag::Code::UnknownCode,
                    path,
                    crate::i18n::tf(ctx.locale, "check.unknown-code", &[("code", word)]),
                )
                .at(&format!("check.{key}[{i}]"))
                .help(help),
            );
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, role) in s.roles.iter().enumerate() {
        if !is_valid_id(&role.id) {
            f.error(
                crate::diag::Code::InvalidId,
                &format!("role[{i}].id"),
                "check.invalid-id",
                "check.invalid-id.help",
                &[("id", &role.id)],
            );
        }
        unique_id(
            &mut f,
            &mut seen,
            "role",
            i,
            &role.id,
            "check.duplicate-role",
        );
    }
    f.out
}

pub fn org(path: &str, o: &Org, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &o.id, "id");
    if o.parent.as_deref() == Some(o.id.as_str()) {
        f.error(
            crate::diag::Code::Cycle,
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
            crate::diag::Code::DateOrder,
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

pub fn commitment(path: &str, c: &Commitment, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &c.committer, "committer");
    let is_half = matches!(c.half.part, PeriodPart::H(_));
    if !is_half {
        f.error(
            crate::diag::Code::Schema,
            "half",
            "check.commitment.not-half",
            "check.commitment.not-half.help",
            &[("value", &c.half)],
        );
    }
    folder_is(
        &mut f,
        "commitments",
        "half",
        &c.half,
        "check.commitment.folder",
    );
    let (start, end) = c.half.window();
    let mut dated: Vec<(String, Date)> = Vec::new();
    dated.extend(c.signed.map(|d| ("signed".to_string(), d)));
    dated.extend(c.published.map(|d| ("published".to_string(), d)));
    if let (Some(s), Some(p)) = (c.signed, c.published)
        && p < s
    {
        f.error(
            crate::diag::Code::DateOrder,
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
        unique_id(
            &mut f,
            &mut seen,
            "item",
            i,
            &item.id,
            "check.duplicate-item",
        );
        positive_target(&mut f, &format!("item[{i}]"), item.target);
        dated.extend(item.due.map(|d| (format!("item[{i}].due"), d)));
        for (j, p) in item.progress.iter().enumerate() {
            let at = format!("item[{i}].progress[{j}]");
            dated.push((format!("{at}.date"), p.date));
            match (item.target.is_some(), p.value, p.done) {
                (_, Some(_), Some(_)) => f.error(
                    crate::diag::Code::Schema,
                    &at,
                    "check.commitment.value-and-done",
                    "check.commitment.value-and-done.help",
                    &[("item", &item.id)],
                ),
                (true, None, _) => f.error(
                    crate::diag::Code::Schema,
                    &at,
                    "check.commitment.needs-value",
                    "check.commitment.needs-value.help",
                    &[("item", &item.id)],
                ),
                (false, _, None) => f.error(
                    crate::diag::Code::Schema,
                    &at,
                    "check.commitment.needs-done",
                    "check.commitment.needs-done.help",
                    &[("item", &item.id)],
                ),
                (_, Some(v), None) if v.0.is_sign_negative() && !v.0.is_zero() => f.error(
                    crate::diag::Code::OutOfRange,
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
                date_outside(&mut f, &at, date, &c.half, start, end);
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
    folder_is(
        &mut f,
        "evaluations",
        "period",
        &e.period,
        "check.evaluation.folder",
    );
    let (start, end) = e.period.window();
    let last = plus_days(end, REVIEW_GRACE_DAYS);
    if e.date < start || e.date > last {
        f.warning(
            crate::diag::Code::DateOutside,
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
                crate::diag::Code::Schema,
                &format!("score[{i}]"),
                "check.evaluation.subject",
                "check.evaluation.subject.help",
                &[],
            );
            continue;
        };
        if let Some(first) = seen.get(&subject) {
            f.error(
                crate::diag::Code::DuplicateSubject,
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
                        crate::diag::Code::OutOfRange,
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
            crate::diag::Code::PeriodMismatch,
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

/// A dated record lies in the folder named by one of its keys (`matters/<year>/`,
/// `evaluations/<period>/`, `commitments/<half>/`): an error when the folder says otherwise.
fn folder_is(f: &mut Finder, kind: &str, key: &str, value: &dyn Display, msg: &'static str) {
    let value = value.to_string();
    if let Some(folder) = folder_of(f.file)
        && folder != value
    {
        f.error(
            crate::diag::Code::PeriodMismatch,
            key,
            msg,
            "check.folder.help",
            &[
                ("key", &key),
                ("value", &value),
                ("folder", &folder),
                ("expected", &format!("{kind}/{value}/")),
            ],
        );
    }
}

/// The ids of a `[[list]]`'s entries are unique: an error at each repeat, naming the first.
fn unique_id<'r>(
    f: &mut Finder,
    seen: &mut HashMap<&'r str, usize>,
    list: &str,
    i: usize,
    id: &'r str,
    msg: &'static str,
) {
    if let Some(first) = seen.get(id) {
        f.error(
            crate::diag::Code::DuplicateId,
            &format!("{list}[{i}].id"),
            msg,
            "check.duplicate-entry.help",
            &[("id", &id), ("first", &format!("{list}[{first}]"))],
        );
    } else {
        seen.insert(id, i);
    }
}

/// A target, when given, is above zero.
fn positive_target(f: &mut Finder, entry: &str, target: Option<crate::model::Num>) {
    if let Some(t) = target
        && t.0 <= 0.into()
    {
        f.error(
            crate::diag::Code::OutOfRange,
            &format!("{entry}.target"),
            "check.positive",
            "check.positive.help",
            &[("key", &"target"), ("value", &t)],
        );
    }
}

/// A record's `year` lies within the years the tool handles; false (with an error) when not.
fn year_in_range(f: &mut Finder, year: i32) -> bool {
    let in_range = (MIN_YEAR..=MAX_YEAR).contains(&year);
    if !in_range {
        f.error(
            crate::diag::Code::OutOfRange,
            "year",
            "check.matter.year",
            "check.matter.year.help",
            &[("year", &year)],
        );
    }
    in_range
}

/// A warning: the date at `at` lies outside `what`, which runs from `from` to `until`.
fn date_outside(f: &mut Finder, at: &str, date: Date, what: &dyn Display, from: Date, until: Date) {
    f.warning(
        crate::diag::Code::DateOutside,
        at,
        "check.date-outside",
        "check.date-outside.help",
        &[
            ("date", &date),
            ("what", &what),
            ("from", &from),
            ("until", &until),
        ],
    );
}

fn id_and_stem(f: &mut Finder, id: &str, key: &str) {
    let stem = stem_of(f.file);
    if !is_valid_id(id) {
        f.error(
            crate::diag::Code::InvalidId,
            key,
            "check.invalid-id",
            "check.invalid-id.help",
            &[("id", &id)],
        );
    } else if id != stem {
        f.error(
            crate::diag::Code::IdMismatch,
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

/// Shorthand used by the finders of this module: one method per severity.
macro_rules! by_severity {
    ($($name:ident => $severity:ident),*) => {
        impl Finder<'_> {
            $(
                pub(crate) fn $name(
                    &mut self,
                    code: crate::diag::Code,
                    at: &str,
                    msg: &'static str,
                    help: &'static str,
                    args: &[(&str, &dyn Display)],
                ) {
                    self.push(Severity::$severity, code, at, msg, help, args);
                }
            )*
        }
    };
}

by_severity!(error => Error, warning => Warning, info => Info);

mod matter;
mod post;

pub use matter::matter;
pub use post::post;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod properties;
