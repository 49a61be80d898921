//! The explanation of one subject's annual result, step by step.

use super::*;
use crate::model::OutcomeKind;
use crate::review::recorded::Recorded;

/// Explains a subject of an annual result.
pub fn annual(
    r: &AnnualResult,
    settings: &ReviewSettings,
    subject: &str,
    org_name: &dyn Fn(&str) -> String,
    l: Locale,
) -> Option<String> {
    let year = r.year.to_string();
    if let Some(m) = r.missing.iter().find(|m| m.subject.id == subject) {
        let mut out = missing(m, &year, l);
        let unscored = r
            .unscored_recorded
            .iter()
            .filter(|(s, _)| s.kind == m.subject.kind && s.id == m.subject.id)
            .flat_map(|(_, rec)| rec);
        for rec in unscored {
            recorded_line(&mut out, rec, l);
            line(&mut out, 2, t(l, "review.explain.recorded-unscored"));
        }
        return Some(out);
    }
    let s: &AnnualScored = r.subjects.iter().find(|s| s.subject.id == subject)?;
    let mut out = String::new();
    heading(
        &mut out,
        "review.explain.annual-title",
        &s.subject,
        &[("year", &r.year)],
        org_name,
        l,
    );
    line(&mut out, 0, t(l, "review.explain.parts"));
    let qs: Vec<String> = s
        .quarter_scores
        .iter()
        .enumerate()
        .map(|(i, q)| {
            format!(
                "Q{} {}",
                i + 1,
                q.map_or_else(|| "—".to_string(), |d| d.normalize().to_string())
            )
        })
        .collect();
    match s.parts[0] {
        Some(v) => line(
            &mut out,
            1,
            &tf(
                l,
                "review.explain.part-quarters",
                &[("scores", &qs.join(", ")), ("value", &v)],
            ),
        ),
        None => line(
            &mut out,
            1,
            &tf(
                l,
                "review.explain.part-quarters-none",
                &[("scores", &qs.join(", "))],
            ),
        ),
    }
    for (i, key) in [
        (1, "review.explain.part-half"),
        (2, "review.explain.part-year-end"),
    ] {
        let v = s.parts[i].map_or_else(|| "—".to_string(), |v| v.to_string());
        line(&mut out, 1, &tf(l, key, &[("value", &v)]));
    }
    line(&mut out, 0, t(l, "review.explain.annual-weighted"));
    let mut sum_w = Q::ZERO;
    let mut sum = Q::ZERO;
    for (i, p) in s.parts.iter().enumerate() {
        let label = component_label(l, crate::review::annual::PARTS[i]);
        match p {
            Some(v) => {
                let prod = v.times(s.weights[i]);
                sum_w = sum_w.plus(s.weights[i]);
                sum = sum.plus(prod);
                line(
                    &mut out,
                    1,
                    &tf(
                        l,
                        "review.explain.term",
                        &[
                            ("source", &label),
                            ("value", v),
                            ("weight", &s.weights[i]),
                            ("product", &prod),
                        ],
                    ),
                );
            }
            None => line(
                &mut out,
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
        &mut out,
        1,
        &tf(
            l,
            "review.explain.base",
            &[("sum", &sum), ("weights", &sum_w), ("base", &s.raw)],
        ),
    );
    line(
        &mut out,
        1,
        &tf(
            l,
            "review.explain.annual-rounded",
            &[("score", &s.score.normalize())],
        ),
    );
    let table = grade_table(settings, s.subject.kind);
    let quota = r.quotas.get(&(s.subject.kind, s.subject.group.clone()));
    let veto = s
        .vetoes
        .first()
        .map(|(p, reason)| (reason.clone(), p.to_string()));
    grade(
        &mut out,
        "review.explain.annual-grade",
        &table,
        s.score,
        s.graded.threshold,
        s.graded.grade,
        s.graded.demoted,
        veto,
        quota,
        l,
    );
    rank(
        &mut out,
        "review.explain.annual-rank",
        &s.subject.group,
        org_name,
        s.graded.rank,
        quota,
        s.rank_overall,
        l,
    );
    if s.subject.kind == SubjectKind::Member {
        line(&mut out, 0, t(l, "review.explain.annual-outcomes"));
        for p in &s.posts {
            let rate = Q::new(i128::from(p.met), i128::from(p.required))
                .map_or_else(|| "—".to_string(), |q| q.to_string());
            let key = if vanguard(p) {
                "review.explain.post-year-ok"
            } else {
                "review.explain.post-year"
            };
            line(
                &mut out,
                1,
                &tf(
                    l,
                    key,
                    &[
                        ("post", &org_words(&p.post_name, &p.post)),
                        ("met", &p.met),
                        ("required", &p.required),
                        ("rate", &rate),
                    ],
                ),
            );
        }
        let computed = crate::review::recorded::computed_due(
            s.y_row.as_ref().map(|r| r.date),
            settings.rectify_days,
        );
        match (s.outcomes.is_empty(), s.recorded.is_empty()) {
            (true, true) => line(&mut out, 1, t(l, "review.explain.outcome-none")),
            (true, false) => line(&mut out, 1, t(l, "review.explain.no-candidate")),
            _ => {}
        }
        for o in &s.outcomes {
            let text = match o {
                Outcome::OutstandingMember => {
                    t(l, "review.explain.outcome-outstanding").to_string()
                }
                Outcome::VanguardPost => t(l, "review.explain.outcome-vanguard").to_string(),
                Outcome::Rectify { .. } => match (&s.y_row, computed) {
                    (Some(row), Some(due)) => tf(
                        l,
                        "review.explain.outcome-rectify",
                        &[
                            ("due", &due),
                            ("date", &row.date),
                            ("days", &settings.rectify_days),
                        ],
                    ),
                    _ => t(l, "review.explain.outcome-rectify-nodate").to_string(),
                },
            };
            line(&mut out, 1, &text);
        }
        for rec in &s.recorded {
            recorded_line(&mut out, rec, l);
            let key = match (rec.supported, rec.kind) {
                (true, _) => "review.explain.recorded-supported",
                (false, OutcomeKind::Honour) => "review.explain.recorded-unsupported-honour",
                (false, OutcomeKind::Rectify) => "review.explain.recorded-unsupported-rectify",
            };
            line(&mut out, 2, t(l, key));
        }
        let recorded_due = s
            .recorded
            .iter()
            .filter(|r| r.kind == OutcomeKind::Rectify)
            .find_map(|r| r.due);
        let rectify = s
            .outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Rectify { .. }));
        if let Some(due) = recorded_due
            && rectify
            && computed != Some(due)
        {
            let computed = computed.map_or_else(|| "—".to_string(), |d| d.to_string());
            line(
                &mut out,
                1,
                &tf(
                    l,
                    "review.explain.recorded-due",
                    &[("due", &due), ("computed", &computed)],
                ),
            );
        }
    }
    Some(out)
}

/// A recorded decision as words: the kind, the honour's title, the due and verified dates.
pub fn decision_words(rec: &Recorded, l: Locale) -> String {
    let mut s = match (rec.kind, &rec.title) {
        (OutcomeKind::Honour, Some(title)) => tf(l, "review.recorded.honour", &[("title", title)]),
        (OutcomeKind::Honour, None) => OutcomeKind::Honour.label(l).to_string(),
        (OutcomeKind::Rectify, _) => t(l, "review.recorded.rectify").to_string(),
    };
    if let Some(due) = rec.due {
        s.push_str(&tf(l, "review.recorded.due", &[("due", &due)]));
    }
    if let Some(v) = rec.verified {
        s.push_str(&tf(l, "review.recorded.verified", &[("date", &v)]));
    }
    s
}

fn recorded_line(out: &mut String, rec: &Recorded, l: Locale) {
    line(
        out,
        1,
        &tf(
            l,
            "review.explain.recorded",
            &[("file", &rec.path), ("decision", &decision_words(rec, l))],
        ),
    );
}
