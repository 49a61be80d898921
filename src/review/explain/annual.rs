//! The explanation of one subject's annual result, step by step.

use super::*;

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
        return Some(missing(m, &year, l));
    }
    let s: &AnnualScored = r.subjects.iter().find(|s| s.subject.id == subject)?;
    let mut out = String::new();
    line(
        &mut out,
        0,
        &tf(
            l,
            "review.explain.annual-title",
            &[
                ("name", &s.subject.name),
                ("id", &s.subject.id),
                ("kind", &kind_word(l, s.subject.kind)),
                ("year", &r.year),
            ],
        ),
    );
    if let Some(org) = &s.subject.org {
        line(
            &mut out,
            1,
            &tf(
                l,
                "review.explain.org",
                &[("org", &org_words(&org_name(org), org))],
            ),
        );
    }
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
        if s.outcomes.is_empty() {
            line(&mut out, 1, t(l, "review.explain.outcome-none"));
        }
        for o in &s.outcomes {
            let text = match o {
                Outcome::OutstandingMember => {
                    t(l, "review.explain.outcome-outstanding").to_string()
                }
                Outcome::VanguardPost => t(l, "review.explain.outcome-vanguard").to_string(),
                Outcome::Rectify { due: Some(due) } => {
                    let date = s
                        .y_row
                        .as_ref()
                        .map_or_else(String::new, |r| r.date.to_string());
                    tf(
                        l,
                        "review.explain.outcome-rectify",
                        &[
                            ("due", due),
                            ("date", &date),
                            ("days", &settings.rectify_days),
                        ],
                    )
                }
                Outcome::Rectify { due: None } => {
                    t(l, "review.explain.outcome-rectify-nodate").to_string()
                }
            };
            line(&mut out, 1, &text);
        }
    }
    Some(out)
}
