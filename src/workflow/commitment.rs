//! Commitment letters (承诺践诺): item status and fulfilment as of a date, the checks of SPEC
//! §2.6, and the pure refusals of the `commit` commands. No I/O here: commands read and write.
//!
//! Codes of `check` (all warnings): `unquantified` (an item without `target`), `overdue-item` (an
//! item past due and not fulfilled; `overdue` stays the code of rectifications; opt-in, because
//! an overdue item is a fact of the ledger rather than a defect of the records: reported only
//! when `[check] deny` names it), `missing-letter`,
//! `unpublished-letter` (signed more than a month ago, not published), `date-order` (progress
//! dated before the letter was signed) and `out-of-range` (a cumulative value that decreases).
//! The rules of one letter alone (dates outside the half, `published` before `signed`, `value`
//! or `done` as the item requires, negative values, duplicate item ids) are in
//! `check::single::commitment`, which the writing commands also apply.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::diag::Context;
use crate::diag::Diagnostic;
use crate::i18n::{Locale, t, tf};
use crate::model::{Comment, Commitment, Date, Item, ItemStatus, Num, Period};
use crate::workspace::Workspace;

/// Status of an item as of `date` (SPEC §2.6): fulfilled (value ≥ target, or done), overdue
/// (past due, not fulfilled), in-progress (some progress), not-started.
pub fn status_on(item: &Item, date: Date) -> ItemStatus {
    item.status_on(date)
}

/// Fulfilment fraction as of `date`, exact: min(1, value/target) for an item with a target
/// (0 for a negative value), 1 or 0 for an item without one.
pub fn fraction_on(item: &Item, date: Date) -> Decimal {
    let Some(p) = item.progress_on(date) else {
        return Decimal::ZERO;
    };
    match item.target {
        Some(target) => {
            let value = p.value.map_or(Decimal::ZERO, |v| v.0);
            if value >= target.0 {
                Decimal::ONE
            } else if target.0 <= Decimal::ZERO || value <= Decimal::ZERO {
                Decimal::ZERO
            } else {
                (value / target.0).min(Decimal::ONE)
            }
        }
        None => {
            if item.status_on(date) == ItemStatus::Fulfilled {
                Decimal::ONE
            } else {
                Decimal::ZERO
            }
        }
    }
}

/// What an item has achieved as of a date: its latest cumulative value, or whether it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Achieved {
    Nothing,
    Value(Num),
    Done(bool),
}

pub fn achieved_on(item: &Item, date: Date) -> Achieved {
    match item.progress_on(date) {
        None => Achieved::Nothing,
        Some(p) => match (item.target, p.value, p.done) {
            (Some(_), Some(v), _) => Achieved::Value(v),
            (Some(_), None, _) => Achieved::Nothing,
            (None, _, _) => Achieved::Done(item.status_on(date) == ItemStatus::Fulfilled),
        },
    }
}

/// The date of the latest progress entry on or before `date`.
pub fn last_progress_on(item: &Item, date: Date) -> Option<Date> {
    item.progress_on(date).map(|p| p.date)
}

/// The latest leader comment dated on or before `date` (the last in the file among equal dates).
pub fn latest_comment(letter: &Commitment, date: Date) -> Option<&Comment> {
    let mut best: Option<&Comment> = None;
    for c in letter.comments.iter().filter(|c| c.date <= date) {
        if best.is_none_or(|b| c.date >= b.date) {
            best = Some(c);
        }
    }
    best
}

/// The first free default item id: `c1`, `c2` …
pub fn next_item_id(letter: &Commitment) -> String {
    let used: HashSet<&str> = letter.items.iter().map(|i| i.id.as_str()).collect();
    (1..)
        .map(|n| format!("c{n}"))
        .find(|id| !used.contains(id.as_str()))
        .unwrap_or_else(|| "c1".to_string())
}

/// The default half-year of a command: the one containing its date.
pub fn half_of(date: Date) -> Period {
    Period::half_of(date)
}

/// Whether a letter's first month is over on `date` (`missing-letter` applies from then on).
pub fn first_month_over(half: Period, date: Date) -> bool {
    half.start()
        .0
        .checked_add_months(chrono::Months::new(1))
        .is_some_and(|d| date.0 >= d)
}

/// A new progress entry, before it is written.
#[derive(Clone, Debug)]
pub struct NewProgress {
    pub date: Date,
    pub value: Option<Num>,
    pub done: bool,
}

/// Every reason to refuse recording `new` on `item` of `letter` (empty: accept).
pub fn progress_refusals(
    letter: &Commitment,
    item: &Item,
    new: &NewProgress,
    locale: Locale,
) -> Vec<String> {
    let mut out = Vec::new();
    let id = item.id.as_str();
    if let Some(signed) = letter.signed
        && new.date < signed
    {
        out.push(tf(
            locale,
            "commit.refuse.before-signed",
            &[("date", &new.date), ("signed", &signed)],
        ));
    }
    match (item.target, new.value, new.done) {
        (Some(target), None, _) => out.push(tf(
            locale,
            "commit.refuse.done-with-target",
            &[("item", &id), ("target", &target)],
        )),
        (None, Some(_), _) => out.push(tf(
            locale,
            "commit.refuse.value-without-target",
            &[("item", &id)],
        )),
        _ => {}
    }
    if let Some(value) = new.value {
        if value.0 < Decimal::ZERO {
            out.push(tf(locale, "commit.refuse.negative", &[("value", &value)]));
        }
        if let Some(before) = item.progress_on(new.date).and_then(|p| p.value)
            && value < before
        {
            out.push(tf(
                locale,
                "commit.refuse.decreases",
                &[("value", &value), ("before", &before), ("date", &new.date)],
            ));
        }
        for later in item.progress.iter().filter(|p| p.date > new.date) {
            if let Some(v) = later.value
                && v < value
            {
                out.push(tf(
                    locale,
                    "commit.refuse.exceeds-later",
                    &[("value", &value), ("later", &v), ("date", &later.date)],
                ));
            }
        }
    }
    out
}

/// Findings of this area's cross-record rules, called by `check::run`.
pub fn check(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let overdue_lint = ws.settings.check.deny.iter().any(|c| c == "overdue-item");
    for letter in &ws.commitments {
        letter_rules(&letter.path, letter, ctx, overdue_lint, &mut out);
    }
    missing_letters(ws, ctx, &mut out);
    out
}

/// The rules of one letter (no other record needed).
fn letter_rules(
    path: &str,
    letter: &Commitment,
    ctx: &Context,
    overdue_lint: bool,
    out: &mut Vec<Diagnostic>,
) {
    let loc = ctx.locale;
    let half = letter.half;
    if let Some(signed) = letter.signed
        && letter.published.is_none()
        && signed
            .0
            .checked_add_months(chrono::Months::new(1))
            .is_some_and(|d| ctx.as_of.0 > d)
    {
        out.push(
            Diagnostic::warning(
                crate::diag::Code::UnpublishedLetter,
                path,
                tf(loc, "commit.check.unpublished", &[("signed", &signed)]),
            )
            .at("signed")
            .help(tf(
                loc,
                "commit.check.unpublished.help",
                &[("committer", &letter.committer)],
            )),
        );
    }
    for (i, item) in letter.items.iter().enumerate() {
        let id = item.id.as_str();
        if item.target.is_none() {
            out.push(
                Diagnostic::warning(
                    crate::diag::Code::Unquantified,
                    path,
                    tf(loc, "commit.check.unquantified", &[("item", &id)]),
                )
                .at(&format!("item[{i}]"))
                .help(t(loc, "commit.check.unquantified.help")),
            );
        }
        if let Some(due) = item.due
            && overdue_lint
            && item.status_on(ctx.as_of) == ItemStatus::Overdue
        {
            out.push(
                Diagnostic::warning(
                    crate::diag::Code::OverdueItem,
                    path,
                    tf(loc, "commit.check.overdue", &[("item", &id), ("due", &due)]),
                )
                .at(&format!("item[{i}].due"))
                .help(tf(
                    loc,
                    if item.target.is_some() {
                        "commit.check.overdue.help"
                    } else {
                        "commit.check.overdue.help-done"
                    },
                    &[
                        ("committer", &letter.committer),
                        ("item", &id),
                        ("half", &half),
                    ],
                )),
            );
        }
        progress_rules(path, letter, i, item, ctx, out);
    }
}

fn progress_rules(
    path: &str,
    letter: &Commitment,
    i: usize,
    item: &Item,
    ctx: &Context,
    out: &mut Vec<Diagnostic>,
) {
    let loc = ctx.locale;
    let id = item.id.as_str();
    // Entries in date order (file order among equal dates), for the cumulative rule.
    let mut order: Vec<usize> = (0..item.progress.len()).collect();
    order.sort_by_key(|&j| item.progress[j].date);
    let mut max_so_far: Option<(Num, Date)> = None;
    for j in order {
        let p = &item.progress[j];
        let at = |key: &str| format!("item[{i}].progress[{j}].{key}");
        if let Some(signed) = letter.signed
            && p.date < signed
        {
            out.push(
                Diagnostic::warning(
                    crate::diag::Code::DateOrder,
                    path,
                    tf(
                        loc,
                        "commit.check.before-signed",
                        &[("item", &id), ("date", &p.date), ("signed", &signed)],
                    ),
                )
                .at(&at("date"))
                .help(t(loc, "commit.check.before-signed.help")),
            );
        }
        let Some(value) = p.value else { continue };
        match max_so_far {
            Some((before, date)) if value < before => out.push(
                Diagnostic::warning(
                    crate::diag::Code::OutOfRange,
                    path,
                    tf(
                        loc,
                        "commit.check.decreases",
                        &[
                            ("item", &id),
                            ("value", &value),
                            ("before", &before),
                            ("date", &date),
                        ],
                    ),
                )
                .at(&at("value"))
                .help(t(loc, "commit.check.decreases.help")),
            ),
            _ => max_so_far = Some((value, p.date)),
        }
    }
}

/// `missing-letter`: every current full or probationary member (present on `as_of`, joined on
/// or before the half's start or with no `joined`) needs a letter for the half containing
/// `as_of` once its first month is over.
fn missing_letters(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    let half = Period::half_of(ctx.as_of);
    if !first_month_over(half, ctx.as_of) {
        return;
    }
    let have: HashSet<&str> = ws
        .commitments
        .iter()
        .filter(|c| c.half == half)
        .map(|c| c.committer.as_str())
        .collect();
    for m in &ws.members {
        let due = m.is_party_member()
            && m.present_on(ctx.as_of)
            && m.joined.is_none_or(|j| j <= half.start())
            && !have.contains(m.id.as_str());
        if due {
            out.push(
                Diagnostic::warning(
                    crate::diag::Code::MissingLetter,
                    &m.path,
                    tf(
                        ctx.locale,
                        "commit.check.missing-letter",
                        &[("member", &m.name), ("half", &half)],
                    ),
                )
                .at("id")
                .help(tf(
                    ctx.locale,
                    "commit.check.missing-letter.help",
                    &[("id", &m.id), ("half", &half)],
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, ItemProgress, ItemType};
    use std::str::FromStr;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }
    fn n(s: &str) -> Num {
        s.parse().unwrap()
    }
    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn item(target: Option<&str>, due: &str, progress: &[(&str, Option<&str>, bool)]) -> Item {
        Item {
            id: "c1".into(),
            category: Category::Pairing,
            kind: ItemType::Concrete,
            text: "帮助3户困难家庭".into(),
            measure: None,
            target: target.map(n),
            unit: None,
            due: Some(d(due)),
            progress: progress
                .iter()
                .map(|(date, value, done)| ItemProgress {
                    date: d(date),
                    value: value.map(n),
                    done: done.then_some(true),
                    note: None,
                })
                .collect(),
        }
    }
    fn letter(signed: Option<&str>, items: Vec<Item>) -> Commitment {
        Commitment {
            committer: "zhangsan".into(),
            half: "2026-H1".parse().unwrap(),
            signed: signed.map(d),
            published: None,
            items,
            comments: Vec::new(),
            private: None,
            extra: None,
        }
    }

    #[test]
    fn statuses_as_of_a_date() {
        let i = item(
            Some("3"),
            "2026-06-30",
            &[
                ("2026-03-10", Some("1"), false),
                ("2026-05-01", Some("3"), false),
            ],
        );
        assert_eq!(status_on(&i, d("2026-03-01")), ItemStatus::NotStarted);
        assert_eq!(status_on(&i, d("2026-03-10")), ItemStatus::InProgress);
        assert_eq!(status_on(&i, d("2026-05-01")), ItemStatus::Fulfilled);
        assert_eq!(status_on(&i, d("2026-12-01")), ItemStatus::Fulfilled);
        let late = item(Some("3"), "2026-06-30", &[("2026-03-10", Some("2"), false)]);
        assert_eq!(status_on(&late, d("2026-06-30")), ItemStatus::InProgress);
        assert_eq!(status_on(&late, d("2026-07-01")), ItemStatus::Overdue);
        let never = item(Some("3"), "2026-06-30", &[]);
        assert_eq!(status_on(&never, d("2026-07-01")), ItemStatus::Overdue);
    }

    #[test]
    fn fractions_are_exact_and_capped() {
        let third = item(Some("3"), "2026-06-30", &[("2026-03-10", Some("1"), false)]);
        assert_eq!(
            fraction_on(&third, d("2026-04-01")),
            Decimal::ONE / Decimal::from(3)
        );
        assert_eq!(fraction_on(&third, d("2026-03-01")), Decimal::ZERO);
        let beyond = item(Some("3"), "2026-06-30", &[("2026-03-10", Some("5"), false)]);
        assert_eq!(fraction_on(&beyond, d("2026-04-01")), Decimal::ONE);
        let tenths = item(
            Some("0.3"),
            "2026-06-30",
            &[("2026-03-10", Some("0.1"), false)],
        );
        assert_eq!(
            fraction_on(&tenths, d("2026-04-01")),
            Decimal::ONE / Decimal::from(3)
        );
        let half = item(
            Some("2.5"),
            "2026-06-30",
            &[("2026-03-10", Some("1.25"), false)],
        );
        assert_eq!(fraction_on(&half, d("2026-04-01")), dec("0.5"));
    }

    #[test]
    fn items_without_target_are_done_or_not() {
        let open = item(None, "2026-06-30", &[]);
        assert_eq!(fraction_on(&open, d("2026-04-01")), Decimal::ZERO);
        assert_eq!(achieved_on(&open, d("2026-04-01")), Achieved::Nothing);
        let done = item(None, "2026-06-30", &[("2026-03-10", None, true)]);
        assert_eq!(fraction_on(&done, d("2026-04-01")), Decimal::ONE);
        assert_eq!(status_on(&done, d("2026-04-01")), ItemStatus::Fulfilled);
        assert_eq!(achieved_on(&done, d("2026-04-01")), Achieved::Done(true));
        assert_eq!(status_on(&done, d("2026-03-09")), ItemStatus::NotStarted);
    }

    #[test]
    fn refusals_of_progress() {
        let l = letter(Some("2026-01-15"), Vec::new());
        let i = item(
            Some("3"),
            "2026-06-30",
            &[
                ("2026-03-10", Some("2"), false),
                ("2026-05-10", Some("3"), false),
            ],
        );
        let new = |date: &str, value: Option<&str>, done: bool| NewProgress {
            date: d(date),
            value: value.map(n),
            done,
        };
        let en = Locale::En;
        assert!(progress_refusals(&l, &i, &new("2026-06-01", Some("4"), false), en).is_empty());
        let r = progress_refusals(&l, &i, &new("2026-01-10", Some("1"), false), en);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].contains("2026-01-15"), "{r:?}");
        let r = progress_refusals(&l, &i, &new("2026-04-01", Some("1"), false), en);
        assert_eq!(r.len(), 1, "decrease: {r:?}");
        let r = progress_refusals(&l, &i, &new("2026-04-01", Some("4"), false), en);
        assert_eq!(r.len(), 1, "exceeds a later value: {r:?}");
        let r = progress_refusals(&l, &i, &new("2026-06-01", None, true), en);
        assert_eq!(r.len(), 1, "done on a target: {r:?}");
        let open = item(None, "2026-06-30", &[]);
        let r = progress_refusals(&l, &open, &new("2026-06-01", Some("1"), false), en);
        assert_eq!(r.len(), 1, "value without target: {r:?}");
        assert!(progress_refusals(&l, &open, &new("2026-06-01", None, true), en).is_empty());
    }

    #[test]
    fn next_ids_fill_the_first_gap() {
        let mut l = letter(None, vec![item(None, "2026-06-30", &[])]);
        assert_eq!(next_item_id(&l), "c2");
        l.items[0].id = "c2".into();
        assert_eq!(next_item_id(&l), "c1");
    }

    proptest::proptest! {
        /// For an item with a target, the fraction lies in [0, 1], is exactly value/target
        /// below the target, and is 1 exactly when the item is fulfilled.
        #[test]
        fn fraction_agrees_with_status(value in 0u32..10_000, target in 1u32..10_000, scale in 0u32..3) {
            let v = Decimal::new(i64::from(value), scale);
            let t = Decimal::new(i64::from(target), scale);
            let i = item(
                Some(&t.to_string()),
                "2026-06-30",
                &[("2026-03-10", Some(&v.to_string()), false)],
            );
            let f = fraction_on(&i, d("2026-04-01"));
            proptest::prop_assert!(f >= Decimal::ZERO && f <= Decimal::ONE);
            let fulfilled = status_on(&i, d("2026-04-01")) == ItemStatus::Fulfilled;
            proptest::prop_assert_eq!(fulfilled, f == Decimal::ONE);
            if v < t {
                proptest::prop_assert_eq!(f, v / t);
            }
        }
    }

    #[test]
    fn first_month() {
        let h1: Period = "2026-H1".parse().unwrap();
        assert!(!first_month_over(h1, d("2026-01-31")));
        assert!(first_month_over(h1, d("2026-02-01")));
    }
}
