//! `--explain <subject>`: every input, weight, intermediate value and rule applied to one
//! subject, in words a branch secretary understands (zh-CN and en through the catalog).

use std::fmt::Write;

use super::annual::{AnnualResult, AnnualScored, Outcome, vanguard};
use super::ballots::Reduction;
use super::grades::GroupQuota;
use super::objective::Objective;
use super::period::{COMPONENTS, Missing, PeriodResult, Scored, Subject, SubjectKind, grade_table};
use super::rational::Q;
use crate::i18n::{Locale, t, tf};
use crate::model::{Grade, Num, ReviewSettings};

fn line(out: &mut String, indent: usize, text: &str) {
    let _ = writeln!(out, "{}{}", "  ".repeat(indent), text);
}

fn nums(list: &[Num]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_word(l: Locale, k: SubjectKind) -> &'static str {
    match k {
        SubjectKind::Member => t(l, "review.kind.member"),
        SubjectKind::Org => t(l, "review.kind.org"),
    }
}

/// The localized name of a component or part.
pub fn component_label(l: Locale, name: &str) -> &'static str {
    match name {
        "self" => t(l, "review.col.self"),
        "peer" => t(l, "review.col.peer"),
        "leader" => t(l, "review.col.leader"),
        "masses" => t(l, "review.col.masses"),
        "objective" => t(l, "review.col.objective"),
        "quarters" => t(l, "review.col.quarters"),
        "half" => t(l, "review.col.half"),
        "year_end" => t(l, "review.col.year_end"),
        _ => "",
    }
}

/// A grade as words in the explanation's language: its name in zh-CN (合格), its id in English
/// (`qualified`, the word the machine formats use).
pub fn grade_words(g: &Grade, l: Locale) -> String {
    match l {
        Locale::ZhCn => g.name.clone(),
        Locale::En => g.id.clone(),
    }
}

fn org_words(name: &str, id: &str) -> String {
    if name == id {
        id.to_string()
    } else {
        format!("{name} ({id})")
    }
}

/// Explains a subject of a period result; `None` when the subject is neither scored nor missing.
pub fn period(
    r: &PeriodResult,
    settings: &ReviewSettings,
    subject: &str,
    org_name: &dyn Fn(&str) -> String,
    l: Locale,
) -> Option<String> {
    let (start, end) = r.period.window();
    if let Some(m) = r.missing.iter().find(|m| m.subject.id == subject) {
        return Some(missing(m, &r.period.to_string(), l));
    }
    let s = r.subjects.iter().find(|s| s.subject.id == subject)?;
    let mut out = String::new();
    heading(
        &mut out,
        "review.explain.title",
        &s.subject,
        &[("period", &r.period), ("start", &start), ("end", &end)],
        org_name,
        l,
    );
    line(
        &mut out,
        1,
        &tf(
            l,
            "review.explain.row",
            &[
                ("file", &s.row.path),
                ("index", &s.row.index),
                ("date", &s.row.date),
            ],
        ),
    );

    line(&mut out, 0, t(l, "review.explain.sources"));
    for (i, src) in s.sources.iter().enumerate() {
        let label = component_label(l, COMPONENTS[i]);
        let text = match src {
            None => tf(l, "review.explain.source-absent", &[("source", &label)]),
            Some(src) => match &src.how {
                Reduction::Single => tf(
                    l,
                    "review.explain.source-one",
                    &[("source", &label), ("value", &src.value)],
                ),
                Reduction::PlainMean { ballots, needed } => tf(
                    l,
                    "review.explain.source-plain",
                    &[
                        ("source", &label),
                        ("ballots", &nums(ballots)),
                        ("count", &ballots.len()),
                        ("needed", needed),
                        ("trim", &settings.trim),
                        ("value", &src.value),
                    ],
                ),
                Reduction::Trimmed {
                    ballots,
                    high,
                    low,
                    kept,
                } => tf(
                    l,
                    "review.explain.source-trimmed",
                    &[
                        ("source", &label),
                        ("ballots", &nums(ballots)),
                        ("count", &ballots.len()),
                        ("needed", &(settings.trim as usize * 2 + 3)),
                        ("trim", &settings.trim),
                        ("high", &nums(high)),
                        ("low", &nums(low)),
                        ("kept", &nums(kept)),
                        ("value", &src.value),
                    ],
                ),
            },
        };
        line(&mut out, 1, &text);
    }

    line(&mut out, 0, t(l, "review.explain.objective"));
    objective(&mut out, &s.objective, s.subject.kind, &r.scale, l);

    weighted(&mut out, s, l);
    score(&mut out, s, &r.scale, l);
    let table = grade_table(settings, s.subject.kind);
    let quota = r.quotas.get(&(s.subject.kind, s.subject.group.clone()));
    grade(
        &mut out,
        "review.explain.grade",
        &table,
        s.score,
        s.graded.threshold,
        s.graded.grade,
        s.graded.demoted,
        s.veto
            .as_deref()
            .map(|v| (v.to_string(), r.period.to_string())),
        quota,
        l,
    );
    rank(
        &mut out,
        "review.explain.rank",
        &s.subject.group,
        org_name,
        s.graded.rank,
        quota,
        s.rank_overall,
        l,
    );
    Some(out)
}

/// Which group the quota and the group rank are counted in, and why (SPEC §6): a member's own
/// organization, or its parent when that organization is a party group; an organization's parent.
/// The first lines of an explanation: the title (the subject's name, id and kind, and `extra`),
/// then the subject's organization and group.
fn heading(
    out: &mut String,
    title: &'static str,
    s: &Subject,
    extra: &[(&str, &dyn std::fmt::Display)],
    org_name: &dyn Fn(&str) -> String,
    l: Locale,
) {
    let kind = kind_word(l, s.kind);
    let mut args: Vec<(&str, &dyn std::fmt::Display)> =
        vec![("name", &s.name), ("id", &s.id), ("kind", &kind)];
    args.extend_from_slice(extra);
    line(out, 0, &tf(l, title, &args));
    if let Some(org) = &s.org {
        line(
            out,
            1,
            &tf(
                l,
                "review.explain.org",
                &[("org", &org_words(&org_name(org), org))],
            ),
        );
    }
    group_line(out, s, org_name, l);
}

fn group_line(out: &mut String, s: &Subject, org_name: &dyn Fn(&str) -> String, l: Locale) {
    if s.group.is_empty() {
        return;
    }
    let group = org_words(&org_name(&s.group), &s.group);
    let text = match (s.kind, s.org.as_deref()) {
        (SubjectKind::Org, _) => tf(l, "review.explain.group-org", &[("group", &group)]),
        (SubjectKind::Member, Some(org)) if org != s.group => tf(
            l,
            "review.explain.group-party",
            &[("group", &group), ("org", &org_words(&org_name(org), org))],
        ),
        (SubjectKind::Member, _) => tf(l, "review.explain.group-own", &[("group", &group)]),
    };
    line(out, 1, &text);
}

fn missing(m: &Missing, period: &str, l: Locale) -> String {
    let key = match m.reason {
        super::MissingReason::NoRow => "review.explain.missing-row",
        super::MissingReason::NoComponent => "review.explain.missing-component",
        super::MissingReason::ZeroWeight => "review.explain.missing-weight",
        super::MissingReason::NoSheetScore => "review.explain.missing-sheet-score",
        super::MissingReason::NoScore => "review.explain.missing-score",
    };
    let mut out = String::new();
    line(
        &mut out,
        0,
        &tf(
            l,
            "review.explain.missing",
            &[
                ("name", &m.subject.name),
                ("id", &m.subject.id),
                ("kind", &kind_word(l, m.subject.kind)),
                ("period", &period),
            ],
        ),
    );
    line(&mut out, 1, &tf(l, key, &[("period", &period)]));
    if let Some(row) = &m.row {
        line(
            &mut out,
            1,
            &tf(
                l,
                "review.explain.row",
                &[
                    ("file", &row.path),
                    ("index", &row.index),
                    ("date", &row.date),
                ],
            ),
        );
    }
    out
}

fn objective(out: &mut String, o: &Objective, kind: SubjectKind, scale: &Num, l: Locale) {
    let mut names: Vec<&str> = Vec::new();
    if kind == SubjectKind::Org {
        match &o.t {
            None => line(out, 1, t(l, "review.explain.t-none")),
            Some(tasks) => {
                line(
                    out,
                    1,
                    &tf(l, "review.explain.t-head", &[("count", &tasks.items.len())]),
                );
                for task in &tasks.items {
                    let text = match (task.value, task.target) {
                        (None, _) => tf(
                            l,
                            "review.explain.task-none",
                            &[
                                ("matter", &task.matter),
                                ("task", &task.task),
                                ("text", &task.text),
                                ("due", &task.due),
                            ],
                        ),
                        (Some(v), Some(target)) => tf(
                            l,
                            "review.explain.task-target",
                            &[
                                ("matter", &task.matter),
                                ("task", &task.task),
                                ("text", &task.text),
                                ("due", &task.due),
                                ("value", &v),
                                ("target", &target),
                                ("fraction", &task.fraction),
                            ],
                        ),
                        (Some(v), None) => tf(
                            l,
                            "review.explain.task-percent",
                            &[
                                ("matter", &task.matter),
                                ("task", &task.task),
                                ("text", &task.text),
                                ("due", &task.due),
                                ("value", &v),
                                ("fraction", &task.fraction),
                            ],
                        ),
                    };
                    line(out, 2, &text);
                }
                line(
                    out,
                    2,
                    &tf(l, "review.explain.t-rate", &[("rate", &tasks.rate)]),
                );
                names.push("T");
            }
        }
    }
    match &o.c {
        None => line(out, 1, t(l, "review.explain.c-none")),
        Some(c) => {
            line(
                out,
                1,
                &tf(l, "review.explain.c-head", &[("count", &c.items.len())]),
            );
            for item in &c.items {
                let text = match (&item.state, item.target) {
                    (None, _) => tf(
                        l,
                        "review.explain.item-none",
                        &[
                            ("item", &item.item),
                            ("text", &item.text),
                            ("file", &item.letter),
                            ("due", &item.due),
                        ],
                    ),
                    (Some((date, _, Some(true))), _) => tf(
                        l,
                        "review.explain.item-done",
                        &[
                            ("item", &item.item),
                            ("text", &item.text),
                            ("file", &item.letter),
                            ("due", &item.due),
                            ("date", date),
                        ],
                    ),
                    (Some((date, Some(v), _)), Some(target)) => tf(
                        l,
                        "review.explain.item-target",
                        &[
                            ("item", &item.item),
                            ("text", &item.text),
                            ("file", &item.letter),
                            ("due", &item.due),
                            ("date", date),
                            ("value", v),
                            ("target", &target),
                            ("fraction", &item.fraction),
                        ],
                    ),
                    (Some((date, _, _)), _) => tf(
                        l,
                        "review.explain.item-open",
                        &[
                            ("item", &item.item),
                            ("text", &item.text),
                            ("file", &item.letter),
                            ("due", &item.due),
                            ("date", date),
                            ("fraction", &item.fraction),
                        ],
                    ),
                };
                line(out, 2, &text);
            }
            line(
                out,
                2,
                &tf(l, "review.explain.c-rate", &[("rate", &c.rate)]),
            );
            names.push("C");
        }
    }
    if kind == SubjectKind::Member {
        if o.p.spells.is_empty() {
            line(out, 1, t(l, "review.explain.p-none"));
        } else {
            line(out, 1, t(l, "review.explain.p-head"));
            for sp in &o.p.spells {
                let to = sp.to.map_or_else(
                    || t(l, "review.explain.open").to_string(),
                    |d| d.to_string(),
                );
                line(
                    out,
                    2,
                    &tf(
                        l,
                        "review.explain.spell",
                        &[
                            ("post", &org_words(&sp.post_name, &sp.post)),
                            ("cadence", &sp.cadence.label(l)),
                            ("from", &sp.from),
                            ("to", &to),
                            ("required", &sp.required),
                            ("met", &sp.met),
                        ],
                    ),
                );
                if !sp.missed.is_empty() {
                    let missed: Vec<String> =
                        sp.missed.iter().map(|(a, b)| format!("{a}…{b}")).collect();
                    line(
                        out,
                        3,
                        &tf(l, "review.explain.missed", &[("units", &missed.join(", "))]),
                    );
                }
            }
            match o.p.rate {
                Some(rate) => {
                    line(
                        out,
                        2,
                        &tf(
                            l,
                            "review.explain.p-rate",
                            &[
                                ("met", &o.p.met),
                                ("required", &o.p.required),
                                ("rate", &rate),
                            ],
                        ),
                    );
                    names.push("P");
                }
                None => line(out, 2, t(l, "review.explain.p-no-unit")),
            }
        }
    }
    match o.value {
        Some(v) => line(
            out,
            1,
            &tf(
                l,
                "review.explain.o",
                &[
                    ("scale", scale),
                    ("rates", &names.join(", ")),
                    ("value", &v),
                ],
            ),
        ),
        None => line(out, 1, t(l, "review.explain.o-none")),
    }
}

fn weighted(out: &mut String, s: &Scored, l: Locale) {
    line(out, 0, t(l, "review.explain.weighted"));
    let mut sum_w = Q::ZERO;
    let mut sum = Q::ZERO;
    for (i, c) in s.components.iter().enumerate() {
        let label = component_label(l, COMPONENTS[i]);
        match c {
            Some(v) => {
                let p = v.times(s.weights[i]);
                sum_w = sum_w.plus(s.weights[i]);
                sum = sum.plus(p);
                line(
                    out,
                    1,
                    &tf(
                        l,
                        "review.explain.term",
                        &[
                            ("source", &label),
                            ("value", v),
                            ("weight", &s.weights[i]),
                            ("product", &p),
                        ],
                    ),
                );
            }
            None => line(
                out,
                1,
                &tf(
                    l,
                    "review.explain.term-absent",
                    &[("source", &label), ("weight", &s.weights[i])],
                ),
            ),
        }
    }
    line(
        out,
        1,
        &tf(
            l,
            "review.explain.base",
            &[("sum", &sum), ("weights", &sum_w), ("base", &s.base)],
        ),
    );
}

fn score(out: &mut String, s: &Scored, scale: &Num, l: Locale) {
    line(out, 0, t(l, "review.explain.adjust"));
    if s.adjust.is_empty() {
        line(out, 1, t(l, "review.explain.adjust-none"));
    }
    for (p, reason) in &s.adjust {
        let sign = if *p >= Q::ZERO { "+" } else { "" };
        line(out, 1, &format!("{sign}{p}  {reason}"));
    }
    line(out, 0, t(l, "review.explain.score"));
    let key = if s.raw < Q::ZERO {
        "review.explain.clamp-low"
    } else if s.raw > Q::from_dec(scale.0) {
        "review.explain.clamp-high"
    } else {
        "review.explain.clamp-none"
    };
    line(
        out,
        1,
        &tf(
            l,
            key,
            &[
                ("base", &s.base),
                ("adjust", &s.adjust_total),
                ("raw", &s.raw),
                ("scale", scale),
            ],
        ),
    );
    line(
        out,
        1,
        &tf(
            l,
            "review.explain.rounded",
            &[("score", &s.score.normalize())],
        ),
    );
}

#[allow(clippy::too_many_arguments)]
fn grade(
    out: &mut String,
    heading: &'static str,
    table: &[Grade],
    score: rust_decimal::Decimal,
    threshold: usize,
    grade: usize,
    demoted: bool,
    veto: Option<(String, String)>,
    quota: Option<&GroupQuota>,
    l: Locale,
) {
    line(out, 0, t(l, heading));
    let Some(tg) = table.get(threshold) else {
        return;
    };
    let reach = match tg.min {
        Some(min) => tf(
            l,
            "review.explain.reaches",
            &[
                ("score", &score.normalize()),
                ("grade", &grade_words(tg, l)),
                ("min", &min),
            ],
        ),
        None => tf(
            l,
            "review.explain.reaches-last",
            &[
                ("score", &score.normalize()),
                ("grade", &grade_words(tg, l)),
            ],
        ),
    };
    line(out, 1, &reach);
    let Some(g) = table.get(grade) else { return };
    if let Some((reason, period)) = veto {
        line(
            out,
            1,
            &tf(
                l,
                "review.explain.vetoed",
                &[
                    ("reason", &reason),
                    ("period", &period),
                    ("grade", &grade_words(g, l)),
                ],
            ),
        );
        return;
    }
    for gi in threshold..grade {
        let (Some(from), Some(to)) = (table.get(gi), table.get(gi + 1)) else {
            continue;
        };
        let limit = quota
            .and_then(|q| q.limits.get(gi).copied().flatten())
            .unwrap_or(0);
        let n = quota.map_or(0, |q| q.scored);
        line(
            out,
            1,
            &tf(
                l,
                "review.explain.demoted",
                &[
                    ("from", &grade_words(from, l)),
                    ("to", &grade_words(to, l)),
                    (
                        "share",
                        &from.max_share.map_or_else(String::new, |s| s.to_string()),
                    ),
                    ("n", &n),
                    ("limit", &limit),
                ],
            ),
        );
    }
    if !demoted && let Some(share) = g.max_share {
        let limit = quota
            .and_then(|q| q.limits.get(grade).copied().flatten())
            .unwrap_or(0);
        let n = quota.map_or(0, |q| q.scored);
        line(
            out,
            1,
            &tf(
                l,
                "review.explain.within-quota",
                &[
                    ("grade", &grade_words(g, l)),
                    ("share", &share),
                    ("n", &n),
                    ("limit", &limit),
                ],
            ),
        );
    }
    line(
        out,
        1,
        &tf(
            l,
            "review.explain.final-grade",
            &[("grade", &grade_words(g, l))],
        ),
    );
}

#[allow(clippy::too_many_arguments)]
fn rank(
    out: &mut String,
    heading: &'static str,
    group: &str,
    org_name: &dyn Fn(&str) -> String,
    rank: usize,
    quota: Option<&GroupQuota>,
    overall: usize,
    l: Locale,
) {
    line(out, 0, t(l, heading));
    let n = quota.map_or(0, |q| q.scored);
    line(
        out,
        1,
        &tf(
            l,
            "review.explain.rank-line",
            &[
                ("group", &org_words(&org_name(group), group)),
                ("rank", &rank),
                ("n", &n),
                ("overall", &overall),
            ],
        ),
    );
}

mod annual;

pub use annual::{annual, decision_words};
