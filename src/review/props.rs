//! Property tests of the scoring arithmetic (proptest): scores stay within [0, scale], the order
//! of files and rows changes nothing, a component equal to the base leaves the score unchanged,
//! no group exceeds a quota, moving members between a party group and its parent changes no
//! grade or group rank, and a blank row changes no other subject's result.

use proptest::prelude::*;

use super::fixture::{member, org, refs, workspace};
use super::period::{self, SubjectKind};
use super::rational::Q;
use super::{grades, json};
use crate::model::{Date, Period};

#[derive(Clone, Debug)]
struct Row {
    sources: [Option<Vec<u32>>; 4],
    adjust: Option<i32>,
    veto: bool,
    group: usize,
}

fn value() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..=10000, Just(8812u32), Just(8813u32), Just(9000u32)]
}

fn source() -> impl Strategy<Value = Option<Vec<u32>>> {
    prop_oneof![
        Just(None),
        value().prop_map(|v| Some(vec![v])),
        proptest::collection::vec(value(), 0..8).prop_map(Some),
    ]
}

fn row() -> impl Strategy<Value = Row> {
    (
        [source(), source(), source(), source()],
        proptest::option::of(-3000i32..3000),
        proptest::bool::weighted(0.1),
        0usize..3,
    )
        .prop_map(|(sources, adjust, veto, group)| Row {
            sources,
            adjust,
            veto,
            group,
        })
}

fn cents(v: u32) -> String {
    format!("{}.{:02}", v / 100, v % 100)
}

fn row_text(id: &str, r: &Row, single_as_number: bool) -> String {
    let mut s = format!("[[score]]\nmember = \"{id}\"\n");
    for (name, src) in ["self", "peer", "leader", "masses"].iter().zip(&r.sources) {
        match src {
            None => {}
            Some(v) if v.len() == 1 && single_as_number => {
                s.push_str(&format!("{name} = {}\n", cents(v[0])))
            }
            Some(v) => {
                let list: Vec<String> = v.iter().map(|x| cents(*x)).collect();
                s.push_str(&format!("{name} = [{}]\n", list.join(", ")));
            }
        }
    }
    if let Some(a) = r.adjust {
        let sign = if a < 0 { "-" } else { "" };
        s.push_str(&format!(
            "adjust = [{{ points = {sign}{}, reason = \"r\" }}]\n",
            cents(a.unsigned_abs())
        ));
    }
    if r.veto {
        s.push_str("veto = \"v\"\n");
    }
    s
}

/// Files of a workspace: groups g0..g2 under root, one member per row, one sheet per group.
fn files(rows: &[Row], reverse: bool) -> Vec<(String, String)> {
    let mut out = vec![org("root", None)];
    for g in 0..3 {
        out.push(org(&format!("g{g}"), Some("root")));
    }
    let mut sheets = vec![String::new(); 3];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if reverse {
        order.reverse();
    }
    for &i in &order {
        let r = &rows[i];
        let id = format!("m{i}");
        out.push(member(&id, &format!("g{}", r.group), ""));
        sheets[r.group].push_str(&row_text(&id, r, true));
    }
    let mut sheet_files: Vec<(String, String)> = sheets
        .iter()
        .enumerate()
        .map(|(g, rows)| {
            (
                format!("evaluations/2026-Q1/g{g}.toml"),
                format!("org = \"g{g}\"\nperiod = \"2026-Q1\"\ndate = 2026-04-02\n{rows}"),
            )
        })
        .collect();
    if reverse {
        sheet_files.reverse();
        out.reverse();
    }
    out.extend(sheet_files);
    out
}

fn q1() -> Period {
    Period::quarter(2026, 1)
}

/// A branch `b` (under `root`) with the party group `g` under it; row i's member is `m{i}`, in
/// `g` when `in_group[i]`, else in `b`; all rows in `b`'s sheet. `extra` is appended to it.
fn branch_files(rows: &[Row], in_group: &[bool], extra_rows: &str) -> Vec<(String, String)> {
    let mut out = vec![org("root", None), org("b", Some("root"))];
    out.push((
        "orgs/g.toml".to_string(),
        "id = \"g\"\nname = \"g-name\"\nkind = \"group\"\nsector = \"community\"\nparent = \"b\"\n"
            .to_string(),
    ));
    let mut sheet = String::new();
    for (i, r) in rows.iter().enumerate() {
        let id = format!("m{i}");
        let o = if in_group.get(i).copied().unwrap_or(false) {
            "g"
        } else {
            "b"
        };
        out.push(member(&id, o, ""));
        sheet.push_str(&row_text(&id, r, true));
    }
    sheet.push_str(extra_rows);
    out.push((
        "evaluations/2026-Q1/b.toml".to_string(),
        format!("org = \"b\"\nperiod = \"2026-Q1\"\ndate = 2026-04-02\n{sheet}"),
    ));
    out
}

/// Each subject's score, grade, demotion and group rank, by id.
fn outcomes_of(r: &period::PeriodResult) -> Vec<(String, String, usize, bool, usize)> {
    let mut v: Vec<_> = r
        .subjects
        .iter()
        .map(|s| {
            (
                s.subject.id.clone(),
                s.score.normalize().to_string(),
                s.graded.grade,
                s.graded.demoted,
                s.graded.rank,
            )
        })
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn scores_stay_within_the_scale(rows in proptest::collection::vec(row(), 1..14)) {
        let ws = workspace("", &refs(&files(&rows, false)));
        let r = period::compute(&ws, q1());
        for s in &r.subjects {
            prop_assert!(s.score >= 0.into() && s.score <= 100.into(), "{}", s.score);
            prop_assert_eq!(s.score.scale() <= 2, true);
        }
        prop_assert_eq!(r.subjects.len() + r.missing.len(), rows.len());
    }

    #[test]
    fn order_of_files_and_rows_changes_nothing(rows in proptest::collection::vec(row(), 1..14)) {
        let a = workspace("", &refs(&files(&rows, false)));
        let b = workspace("", &refs(&files(&rows, true)));
        let as_of = Date::ymd(2026, 4, 10);
        let ja = json::period(&period::compute(&a, q1()), &a.settings.review, as_of);
        let jb = json::period(&period::compute(&b, q1()), &b.settings.review, as_of);
        prop_assert_eq!(ja, jb);
    }

    #[test]
    fn a_component_equal_to_the_base_changes_nothing(rows in proptest::collection::vec(row(), 1..6)) {
        let ws = workspace("", &refs(&files(&rows, false)));
        let r = period::compute(&ws, q1());
        for s in &r.subjects {
            let i: usize = s.subject.id[1..].parse().unwrap();
            let Some(absent) = s.sources.iter().position(|x| x.is_none()) else { continue };
            let exact = Q::from_dec(s.base.to_dec()) == s.base;
            if !exact || rows[i].sources[absent].is_some() {
                continue;
            }
            let mut text = row_text(&s.subject.id, &rows[i], true);
            let name = ["self", "peer", "leader", "masses"][absent];
            text.push_str(&format!("{name} = {}\n", s.base.to_dec().normalize()));
            let one = vec![
                org("root", None),
                member(&s.subject.id, "root", ""),
                ("evaluations/2026-Q1/root.toml".to_string(),
                 format!("org = \"root\"\nperiod = \"2026-Q1\"\ndate = 2026-04-02\n{text}")),
            ];
            let ws2 = workspace("", &refs(&one));
            let r2 = period::compute(&ws2, q1());
            prop_assert_eq!(r2.subjects[0].score, s.score);
            prop_assert_eq!(r2.subjects[0].base, s.base);
        }
    }

    #[test]
    fn moving_members_between_a_party_group_and_its_parent_changes_no_grade_or_rank(
        rows in proptest::collection::vec(row(), 1..16),
        before in proptest::collection::vec(proptest::bool::ANY, 16),
        after in proptest::collection::vec(proptest::bool::ANY, 16),
    ) {
        let a = workspace("", &refs(&branch_files(&rows, &before, "")));
        let b = workspace("", &refs(&branch_files(&rows, &after, "")));
        let ra = period::compute(&a, q1());
        let rb = period::compute(&b, q1());
        prop_assert_eq!(outcomes_of(&ra), outcomes_of(&rb));
        let missing = |r: &period::PeriodResult| -> Vec<(String, &'static str)> {
            r.missing.iter().map(|m| (m.subject.id.clone(), m.reason.as_str())).collect()
        };
        prop_assert_eq!(missing(&ra), missing(&rb));
        for s in &ra.subjects {
            prop_assert_eq!(s.subject.group.as_str(), "b");
        }
    }

    #[test]
    fn adding_a_blank_row_changes_no_other_result(
        rows in proptest::collection::vec(row(), 1..16),
        in_group in proptest::collection::vec(proptest::bool::ANY, 16),
        blank_in_group in proptest::bool::ANY,
        note in proptest::bool::ANY,
    ) {
        // The newcomer's commitment letter gives it an objective component of 100: scored, it
        // would rank first and take a place; blank, it changes nothing.
        let without = branch_files(&rows, &in_group, "");
        let extra = if note { "[[score]]\nmember = \"new\"\nnote = \"n\"\n" } else { "[[score]]\nmember = \"new\"\n" };
        let mut with = branch_files(&rows, &in_group, extra);
        with.push(member("new", if blank_in_group { "g" } else { "b" }, ""));
        with.push((
            "commitments/2026-H1/new.toml".to_string(),
            "committer = \"new\"\nhalf = \"2026-H1\"\n[[item]]\nid = \"i\"\ncategory = \"duty\"\ntype = \"service\"\n\
             text = \"t\"\ndue = 2026-03-31\n[[item.progress]]\ndate = 2026-03-20\ndone = true\n"
                .to_string(),
        ));
        let a = workspace("", &refs(&without));
        let b = workspace("", &refs(&with));
        let as_of = Date::ymd(2026, 4, 10);
        let ja = json::period(&period::compute(&a, q1()), &a.settings.review, as_of);
        let rb = period::compute(&b, q1());
        let new = rb.missing.iter().find(|m| m.subject.id == "new");
        prop_assert_eq!(new.map(|m| m.reason.as_str()), Some("no sheet score"));
        let mut jb = json::period(&rb, &b.settings.review, as_of);
        if let Some(list) = jb["missing"].as_array_mut() {
            list.retain(|m| m["id"] != "new");
        }
        prop_assert_eq!(ja, jb);
    }

    #[test]
    fn no_group_exceeds_a_quota(rows in proptest::collection::vec(row(), 1..30)) {
        let ws = workspace("", &refs(&files(&rows, false)));
        let r = period::compute(&ws, q1());
        for g in 0..3 {
            let group = format!("g{g}");
            let members: Vec<_> = r.subjects.iter().filter(|s| s.subject.group == group).collect();
            let excellent = members.iter().filter(|s| s.graded.grade == 0).count() as u64;
            let limit = grades::quota(rust_decimal::Decimal::new(3, 1), members.len());
            prop_assert!(excellent <= limit, "{group}: {excellent} > {limit}");
            for s in &members {
                if s.veto.is_some() {
                    prop_assert_eq!(s.graded.grade, 3);
                    prop_assert!(!s.graded.demoted);
                }
                // Demoted subjects score at least as well as every non-demoted one below them.
                if s.graded.demoted {
                    prop_assert!(s.graded.threshold < s.graded.grade);
                }
            }
            if let Some(q) = r.quotas.get(&(SubjectKind::Member, group.clone())) {
                prop_assert_eq!(q.scored, members.len());
            }
        }
    }
}
