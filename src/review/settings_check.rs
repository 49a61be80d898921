//! Findings about the scoring settings and the annual decisions (SPEC §3, §6): weights ≥ 0
//! summing to 1, grade tables in descending `min` with an open last grade, quotas in (0, 1],
//! a positive scale, and rectifications past their due date without a re-check.

use rust_decimal::Decimal;

use crate::diag::Context;
use crate::diag::Diagnostic;
use crate::i18n::{t, tf};
use crate::model::{Grade, Num, OutcomeKind, ReviewSettings};
use crate::workspace::Workspace;

const SETTINGS: &str = "dangjian.toml";

/// Weights may miss 1 by this much (0.3333 × 3).
fn tolerance() -> Decimal {
    Decimal::new(1, 3)
}

pub fn check(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let mut out = settings(&ws.settings.review, ctx);
    out.extend(overdue(ws, ctx));
    out
}

/// The rules over `[review]` alone.
pub fn settings(r: &ReviewSettings, ctx: &Context) -> Vec<Diagnostic> {
    let l = ctx.locale;
    let mut out = Vec::new();
    let w = &r.weights;
    weights(
        &mut out,
        ctx,
        "review.weights",
        &[
            ("self", w.self_),
            ("peer", w.peer),
            ("leader", w.leader),
            ("masses", w.masses),
            ("objective", w.objective),
        ],
    );
    let a = &r.annual;
    weights(
        &mut out,
        ctx,
        "review.annual",
        &[
            ("quarters", a.quarters),
            ("half", a.half),
            ("year_end", a.year_end),
        ],
    );
    grades(&mut out, ctx, "review.grades", &r.grades);
    grades(&mut out, ctx, "review.org_grades", &r.org_grades);
    if r.scale.0 <= Decimal::ZERO {
        out.push(
            Diagnostic::error(
                crate::diag::Code::OutOfRange,
                SETTINGS,
                tf(l, "review.check.scale", &[("scale", &r.scale)]),
            )
            .at("review.scale")
            .help(t(l, "review.check.scale.help")),
        );
    }
    out
}

fn weights(out: &mut Vec<Diagnostic>, ctx: &Context, table: &str, list: &[(&str, Num)]) {
    let l = ctx.locale;
    let mut sum = Decimal::ZERO;
    for (key, w) in list {
        sum = sum.checked_add(w.0).unwrap_or(Decimal::MAX);
        if w.0 < Decimal::ZERO {
            out.push(
                Diagnostic::error(
                    crate::diag::Code::Weights,
                    SETTINGS,
                    tf(
                        l,
                        "review.check.weight-negative",
                        &[("key", &format!("{table}.{key}")), ("value", w)],
                    ),
                )
                .at(&format!("{table}.{key}"))
                .help(t(l, "review.check.weight-negative.help")),
            );
        }
    }
    if (sum - Decimal::ONE).abs() > tolerance() {
        out.push(
            Diagnostic::error(
                crate::diag::Code::Weights,
                SETTINGS,
                tf(
                    l,
                    "review.check.weight-sum",
                    &[("table", &table), ("sum", &sum.normalize())],
                ),
            )
            .at(table)
            .help(t(l, "review.check.weight-sum.help")),
        );
    }
}

fn grades(out: &mut Vec<Diagnostic>, ctx: &Context, table: &str, list: &[Grade]) {
    let l = ctx.locale;
    let at = |i: usize, key: &str| {
        if key.is_empty() {
            format!("{table}[{i}]")
        } else {
            format!("{table}[{i}].{key}")
        }
    };
    if list.is_empty() {
        out.push(
            Diagnostic::error(
                crate::diag::Code::Grades,
                SETTINGS,
                tf(l, "review.check.grades-empty", &[("table", &table)]),
            )
            .at(table)
            .help(t(l, "review.check.grades-empty.help")),
        );
        return;
    }
    let last = list.len() - 1;
    let mut prev: Option<Num> = None;
    for (i, g) in list.iter().enumerate() {
        if list[..i].iter().any(|o| o.id == g.id) {
            out.push(
                Diagnostic::error(
                    crate::diag::Code::Grades,
                    SETTINGS,
                    tf(l, "review.check.grade-duplicate", &[("id", &g.id)]),
                )
                .at(&at(i, "id"))
                .help(t(l, "review.check.grade-duplicate.help")),
            );
        }
        match (g.min, i == last) {
            (None, false) => out.push(
                Diagnostic::error(
                    crate::diag::Code::Grades,
                    SETTINGS,
                    tf(l, "review.check.grade-no-min", &[("id", &g.id)]),
                )
                .at(&at(i, ""))
                .help(t(l, "review.check.grade-no-min.help")),
            ),
            (Some(_), true) => out.push(
                Diagnostic::error(
                    crate::diag::Code::Grades,
                    SETTINGS,
                    tf(l, "review.check.grade-last-min", &[("id", &g.id)]),
                )
                .at(&at(i, "min"))
                .help(t(l, "review.check.grade-last-min.help")),
            ),
            _ => {}
        }
        if let (Some(min), Some(p)) = (g.min, prev)
            && min >= p
        {
            out.push(
                Diagnostic::error(
                    crate::diag::Code::Grades,
                    SETTINGS,
                    tf(
                        l,
                        "review.check.grade-order",
                        &[("id", &g.id), ("min", &min), ("previous", &p)],
                    ),
                )
                .at(&at(i, "min"))
                .help(t(l, "review.check.grade-order.help")),
            );
        }
        if let Some(share) = g.max_share
            && (share.0 <= Decimal::ZERO || share.0 > Decimal::ONE)
        {
            out.push(
                Diagnostic::error(
                    crate::diag::Code::Grades,
                    SETTINGS,
                    tf(
                        l,
                        "review.check.max-share",
                        &[("id", &g.id), ("value", &share)],
                    ),
                )
                .at(&at(i, "max_share"))
                .help(t(l, "review.check.max-share.help")),
            );
        }
        if g.min.is_some() {
            prev = g.min;
        }
    }
}

/// Rectifications past their due date and not verified (as of `ctx.as_of`).
pub fn overdue(ws: &Workspace, ctx: &Context) -> Vec<Diagnostic> {
    let l = ctx.locale;
    let mut out = Vec::new();
    for sheet in &ws.evaluations {
        for (i, o) in sheet.outcomes.iter().enumerate() {
            if o.kind != OutcomeKind::Rectify || o.verified.is_some() {
                continue;
            }
            let Some(due) = o.due else { continue };
            if due < ctx.as_of {
                out.push(
                    Diagnostic::warning(
                        crate::diag::Code::Overdue,
                        &sheet.path,
                        tf(
                            l,
                            "review.check.overdue",
                            &[("member", &ws.name_of(&o.member)), ("due", &due)],
                        ),
                    )
                    .at(&format!("outcome[{i}].due"))
                    .help(t(l, "review.check.overdue.help")),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::model::Date;

    fn codes(extra: &str) -> Vec<String> {
        let text = format!(
            "format = 1\nname = \"t\"\nroot = \"r\"\nyear = 2026\nsector = \"community\"\n{extra}"
        );
        let s: crate::model::Settings = toml::from_str(&text).unwrap();
        let ctx = Context {
            as_of: Date::ymd(2026, 11, 20),
            locale: Locale::En,
        };
        settings(&s.review, &ctx)
            .into_iter()
            .map(|d| format!("{}@{:?}", d.code, d.place))
            .collect()
    }

    #[test]
    fn defaults_and_near_sums_are_clean() {
        assert!(codes("").is_empty());
        assert!(
            codes("[review.annual]\nquarters = 0.3333\nhalf = 0.3333\nyear_end = 0.3333\n")
                .is_empty()
        );
    }

    #[test]
    fn each_rule_names_its_key() {
        let c = codes(
            "[review]\nscale = 0\n[review.annual]\nquarters = 0.5\nhalf = 0.2\nyear_end = 0.5\n",
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(
            c[0].starts_with("weights@") && c[0].contains("annual"),
            "{c:?}"
        );
        assert!(
            c[1].starts_with("out-of-range@") && c[1].contains("scale"),
            "{c:?}"
        );
        let c = codes(
            "[[review.org_grades]]\nid = \"a\"\nname = \"a\"\n[[review.org_grades]]\nid = \"a\"\nname = \"b\"\nmax_share = 0\n",
        );
        // `a` lacks min before the last grade; the id repeats; max_share 0.
        assert_eq!(c.len(), 3, "{c:?}");
        assert!(c.iter().all(|x| x.starts_with("grades@")), "{c:?}");
    }
}
