//! Grades with quotas and competition ranks (SPEC §6): a grade by threshold, then per group the
//! quota of every grade with `max_share` is filled best score first by tie groups; the first tie
//! group that would cross it, and every lower one, drop to the next grade. Vetoed subjects get
//! the lowest grade and never take a quota place, but count in N.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use crate::model::Grade;

/// One scored subject as grading sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub group: String,
    pub score: Decimal,
    pub vetoed: bool,
}

/// The grade (index into the grade table) and rank of one subject; all zero before grading.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graded {
    /// The grade the score alone gives.
    pub threshold: usize,
    pub grade: usize,
    pub demoted: bool,
    /// Competition rank within the group.
    pub rank: usize,
}

/// A group's size and the quota of each grade (`None`: no quota).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupQuota {
    pub scored: usize,
    pub limits: Vec<Option<u64>>,
}

/// The grade whose threshold the score reaches (the last grade takes any score).
pub fn threshold(score: Decimal, grades: &[Grade]) -> usize {
    grades
        .iter()
        .position(|g| g.min.is_none_or(|m| score >= m.0))
        .unwrap_or(grades.len().saturating_sub(1))
}

/// floor(max_share × N + 10⁻⁹).
pub fn quota(max_share: Decimal, n: usize) -> u64 {
    let v = max_share
        .checked_mul(Decimal::from(n))
        .and_then(|v| v.checked_add(Decimal::new(1, 9)))
        .unwrap_or(Decimal::ZERO)
        .floor();
    u64::try_from(v).unwrap_or(0)
}

/// Competition ranks (1, 2, 2, 4) of `scores`, higher first.
pub fn competition_ranks(scores: &[Decimal]) -> Vec<usize> {
    let mut sorted = scores.to_vec();
    sorted.sort_by(|a, b| b.cmp(a));
    scores
        .iter()
        .map(|s| 1 + sorted.partition_point(|x| x > s))
        .collect()
}

/// Grades and ranks every entry; also returns each group's quota.
pub fn grade_all(
    entries: &[Entry],
    grades: &[Grade],
) -> (Vec<Graded>, BTreeMap<String, GroupQuota>) {
    let lowest = grades.len().saturating_sub(1);
    let mut out: Vec<Graded> = entries
        .iter()
        .map(|e| {
            let t = threshold(e.score, grades);
            Graded {
                threshold: t,
                grade: if e.vetoed { lowest } else { t },
                demoted: false,
                rank: 0,
            }
        })
        .collect();
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        groups.entry(e.group.as_str()).or_default().push(i);
    }
    let mut quotas = BTreeMap::new();
    for (group, members) in groups {
        let n = members.len();
        let scores: Vec<Decimal> = members.iter().map(|&i| entries[i].score).collect();
        for (k, r) in competition_ranks(&scores).into_iter().enumerate() {
            out[members[k]].rank = r;
        }
        let limits: Vec<Option<u64>> = grades
            .iter()
            .map(|g| g.max_share.map(|s| quota(s.0, n)))
            .collect();
        for (gi, limit) in limits.iter().enumerate() {
            let Some(limit) = *limit else { continue };
            if gi >= lowest {
                continue;
            }
            let mut at: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| !entries[i].vetoed && out[i].grade == gi)
                .collect();
            at.sort_by(|&a, &b| entries[b].score.cmp(&entries[a].score));
            let mut taken: u64 = 0;
            let mut over = false;
            let mut k = 0;
            while k < at.len() {
                let score = entries[at[k]].score;
                let end = k + at[k..]
                    .iter()
                    .take_while(|&&i| entries[i].score == score)
                    .count();
                let size = (end - k) as u64;
                if !over && taken + size <= limit {
                    taken += size;
                } else {
                    over = true;
                    for &i in &at[k..end] {
                        out[i].grade = gi + 1;
                        out[i].demoted = true;
                    }
                }
                k = end;
            }
        }
        quotas.insert(group.to_string(), GroupQuota { scored: n, limits });
    }
    (out, quotas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;
    use std::str::FromStr;

    fn grades() -> Vec<Grade> {
        crate::model::ReviewSettings::default().grades
    }

    fn entries(scores: &[(&str, bool)]) -> Vec<Entry> {
        scores
            .iter()
            .map(|(s, v)| Entry {
                group: "g".into(),
                score: Decimal::from_str(s).unwrap(),
                vetoed: *v,
            })
            .collect()
    }

    fn ids(out: &[Graded], g: &[Grade]) -> Vec<String> {
        out.iter()
            .map(|x| format!("{}{}", g[x.grade].id, if x.demoted { "*" } else { "" }))
            .collect()
    }

    #[test]
    fn quotas_floor_with_epsilon() {
        assert_eq!(quota(Decimal::from_str("0.3").unwrap(), 10), 3);
        assert_eq!(quota(Decimal::from_str("0.3").unwrap(), 9), 2);
        assert_eq!(quota(Decimal::from_str("0.3").unwrap(), 3), 0);
        assert_eq!(quota(Decimal::from_str("0.3333333333").unwrap(), 3), 1);
    }

    #[test]
    fn tie_group_crossing_the_quota_drops_whole() {
        // N = 10, quota 3: 95 takes one place, the tie at 93 (3 subjects) would make 4 → the
        // tie and every lower excellent (91) drop to qualified.
        let e = entries(&[
            ("95", false),
            ("93", false),
            ("93", false),
            ("93", false),
            ("91", false),
            ("80", false),
            ("80", false),
            ("70", false),
            ("60", false),
            ("10", false),
        ]);
        let g = grades();
        let (out, q) = grade_all(&e, &g);
        assert_eq!(
            ids(&out, &g),
            vec![
                "excellent",
                "qualified*",
                "qualified*",
                "qualified*",
                "qualified*",
                "qualified",
                "qualified",
                "basic",
                "basic",
                "unqualified"
            ]
        );
        assert_eq!(q["g"].limits[0], Some(3));
        let ranks: Vec<usize> = out.iter().map(|x| x.rank).collect();
        assert_eq!(ranks, vec![1, 2, 2, 2, 5, 6, 6, 8, 9, 10]);
    }

    #[test]
    fn tie_exactly_filling_the_quota_stays() {
        let mut v = vec![("92", false), ("92", false), ("92", false)];
        v.extend(std::iter::repeat_n(("50", false), 7));
        let e = entries(&v);
        let g = grades();
        let (out, _) = grade_all(&e, &g);
        assert_eq!(ids(&out, &g)[..3], ["excellent", "excellent", "excellent"]);
    }

    #[test]
    fn vetoed_subjects_count_in_n_but_take_no_place() {
        // N = 4 (vetoed included) → quota 1; the vetoed 99 gets the lowest grade, not demoted.
        let e = entries(&[("99", true), ("95", false), ("94", false), ("80", false)]);
        let g = grades();
        let (out, _) = grade_all(&e, &g);
        assert_eq!(
            ids(&out, &g),
            vec!["unqualified", "excellent", "qualified*", "qualified"]
        );
        assert_eq!(out[0].rank, 1);
    }

    #[test]
    fn demotion_cascades_into_the_next_quota() {
        let mut g = grades();
        g[1].max_share = Some(Num::from_str("0.25").unwrap());
        // N = 4: excellent quota 1, qualified quota 1.
        let e = entries(&[("99", false), ("98", false), ("97", false), ("76", false)]);
        let (out, _) = grade_all(&e, &g);
        assert_eq!(
            ids(&out, &g),
            vec!["excellent", "qualified*", "basic*", "basic*"]
        );
    }
}
