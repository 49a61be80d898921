//! Hand-computed tests of the three rules of SPEC §6 as branches practise them: party-group
//! members count in the group's parent, a blank row scores nobody, recorded decisions stand.
//! They live with the reports because they follow each rule through to the report tables.

use serde_json::{Value, json};

use crate::i18n::Locale;
use crate::model::{Date, Period};
use crate::review::fixture::{member, missing_reasons, org, refs, workspace};
use crate::review::period::{self, SubjectKind};
use crate::review::{annual, explain, json as review_json};
use crate::workspace::Workspace;

fn q1() -> Period {
    Period::quarter(2026, 1)
}

fn group(id: &str, parent: &str) -> (String, String) {
    (
        format!("orgs/{id}.toml"),
        format!(
            "id = \"{id}\"\nname = \"{id}-name\"\nkind = \"group\"\nsector = \"community\"\nparent = \"{parent}\"\n"
        ),
    )
}

fn sheet(period: &str, org: &str, date: &str, body: &str) -> (String, String) {
    (
        format!("evaluations/{period}/{org}.toml"),
        format!("org = \"{org}\"\nperiod = \"{period}\"\ndate = {date}\n{body}"),
    )
}

fn rows(scores: &[(&str, &str)]) -> String {
    scores
        .iter()
        .map(|(id, leader)| format!("[[score]]\nmember = \"{id}\"\nleader = {leader}\n"))
        .collect()
}

/// The members' grade table with one 优秀 place in a group of 8: max_share 0.2 → floor(1.6) = 1.
const ONE_PLACE_IN_EIGHT: &str = "[[review.grades]]\nid = \"excellent\"\nname = \"优秀\"\nmin = 90\nmax_share = 0.2\n\
    [[review.grades]]\nid = \"qualified\"\nname = \"合格\"\nmin = 75\n\
    [[review.grades]]\nid = \"basic\"\nname = \"基本合格\"\nmin = 60\n\
    [[review.grades]]\nid = \"unqualified\"\nname = \"不合格\"\n";

/// Branch `b` (6 members b1…b6) with the party group `g` (g1, g2) under it, all rated in `b`'s
/// Q1 sheet by the leader score alone.
fn branch_with_group() -> Workspace {
    let mut files = vec![org("root", None), org("b", Some("root")), group("g", "b")];
    let scores = [
        ("b1", "95"),
        ("b2", "93"),
        ("b3", "88"),
        ("b4", "85"),
        ("b5", "80"),
        ("b6", "70"),
        ("g1", "96.35"),
        ("g2", "80"),
    ];
    for (id, _) in &scores {
        let o = if id.starts_with('g') { "g" } else { "b" };
        files.push(member(id, o, ""));
    }
    files.push(sheet("2026-Q1", "b", "2026-04-05", &rows(&scores)));
    workspace(ONE_PLACE_IN_EIGHT, &refs(&files))
}

/// Each subject's id, grade id, demotion and group rank, best score first.
fn graded(ws: &Workspace, r: &period::PeriodResult) -> Vec<(String, String, bool, usize)> {
    let table = period::grade_table(&ws.settings.review, SubjectKind::Member);
    r.subjects
        .iter()
        .map(|s| {
            (
                s.subject.id.clone(),
                table[s.graded.grade].id.clone(),
                s.graded.demoted,
                s.graded.rank,
            )
        })
        .collect()
}

#[test]
fn a_party_groups_best_member_takes_the_branchs_only_excellent_place() {
    let ws = branch_with_group();
    let r = period::compute(&ws, q1());
    // One quota group `b` of N = 8 (6 + the group's 2): floor(0.2 × 8 + 10⁻⁹) = 1 place. g1's
    // 96.35 takes it; 95 and 93 are demoted. Were `g` a group of its own (N = 2, no place),
    // g1 would be demoted and b1 would take b's place.
    let s = |id: &str, g: &str, demoted: bool, rank: usize| {
        (id.to_string(), g.to_string(), demoted, rank)
    };
    assert_eq!(
        graded(&ws, &r),
        vec![
            s("g1", "excellent", false, 1),
            s("b1", "qualified", true, 2),
            s("b2", "qualified", true, 3),
            s("b3", "qualified", false, 4),
            s("b4", "qualified", false, 5),
            s("b5", "qualified", false, 6),
            s("g2", "qualified", false, 6),
            s("b6", "basic", false, 8),
        ]
    );
    let quota = &r.quotas[&(SubjectKind::Member, "b".to_string())];
    assert_eq!((quota.scored, quota.limits[0]), (8, Some(1)));
    assert!(
        !r.quotas
            .contains_key(&(SubjectKind::Member, "g".to_string()))
    );
    // The printed organization stays the member's own.
    let v = review_json::period(&r, &ws.settings.review, Date::ymd(2026, 4, 10));
    assert_eq!(v["subjects"][0]["id"], "g1");
    assert_eq!(v["subjects"][0]["org"], "g");
    assert_eq!(v["subjects"][0]["rank"], 1);
}

#[test]
fn explain_says_the_quota_of_a_party_group_member_is_counted_in_the_parent() {
    let ws = branch_with_group();
    let r = period::compute(&ws, q1());
    let name = |id: &str| ws.name_of(id).to_string();
    let text = explain::period(&r, &ws.settings.review, "g1", &name, Locale::En).unwrap();
    assert!(
        text.contains(
            "  quota and group rank: counted in b-name (b), because g-name (g) is a party group, \
             and a party group does not hold the democratic review itself; its parent does\n"
        ),
        "{text}"
    );
    assert!(text.contains("rank 1 of 8 scored in b-name (b)"), "{text}");
    let text = explain::period(&r, &ws.settings.review, "b1", &name, Locale::ZhCn).unwrap();
    assert!(
        text.contains("  名额和组内名次：在所在组织 b-name (b) 内计算\n"),
        "{text}"
    );
    assert!(text.contains("本组有分 8 人，名额 1 个"), "{text}");
}

/// Five filled rows and, between them, a blank row of a member whose commitment letter gives
/// an objective component of 100.
fn blank_row_ws(blank: &str) -> Workspace {
    let mut files = vec![org("root", None), org("b", Some("root"))];
    for id in ["a", "c", "d", "e", "f", "x"] {
        files.push(member(id, "b", ""));
    }
    files.push((
        "commitments/2026-H1/x.toml".to_string(),
        "committer = \"x\"\nhalf = \"2026-H1\"\n[[item]]\nid = \"i\"\ncategory = \"duty\"\ntype = \"service\"\n\
         text = \"t\"\ndue = 2026-03-31\n[[item.progress]]\ndate = 2026-03-20\ndone = true\n"
            .to_string(),
    ));
    let body = format!(
        "{}{blank}{}",
        rows(&[("a", "95"), ("c", "85")]),
        rows(&[("d", "80"), ("e", "78"), ("f", "76")])
    );
    files.push(sheet("2026-Q1", "b", "2026-04-05", &body));
    workspace("", &refs(&files))
}

#[test]
fn a_blank_row_next_to_filled_rows_is_not_scored() {
    let ws = blank_row_ws("[[score]]\nmember = \"x\"\nnote = \"待评\"\n");
    let r = period::compute(&ws, q1());
    // x holds no sheet score: not scored although its objective is 100, so N = 5 and the one
    // 优秀 place (floor(0.3 × 5) = 1) goes to a's 95, not to x's objective-only 100.
    let missing = missing_reasons(&r.missing);
    assert_eq!(missing, vec![("x", "no sheet score")]);
    let ranked: Vec<(&str, usize, bool)> = r
        .subjects
        .iter()
        .map(|s| (s.subject.id.as_str(), s.graded.rank, s.graded.demoted))
        .collect();
    assert_eq!(
        ranked,
        vec![
            ("a", 1, false),
            ("c", 2, false),
            ("d", 3, false),
            ("e", 4, false),
            ("f", 5, false)
        ]
    );
    assert_eq!(r.subjects[0].graded.grade, 0);
    assert_eq!(r.quotas[&(SubjectKind::Member, "b".to_string())].scored, 5);
    let v = review_json::period(&r, &ws.settings.review, Date::ymd(2026, 4, 10));
    assert_eq!(
        v["missing"],
        json!([{ "kind": "member", "id": "x", "reason": "no sheet score" }])
    );
    let name = |id: &str| ws.name_of(id).to_string();
    let text = explain::period(&r, &ws.settings.review, "x", &name, Locale::En).unwrap();
    assert!(
        text.contains(
            "the row is blank: no self, peer, leader or masses value. A blank row is not scored"
        ),
        "{text}"
    );
    assert!(text.contains("evaluations/2026-Q1/b.toml"), "{text}");

    // Filled in, x is scored: base (0.3 × 98 + 0.2 × 100) / 0.5 = 98.8, and takes the place.
    let ws = blank_row_ws("[[score]]\nmember = \"x\"\nleader = 98\n");
    let r = period::compute(&ws, q1());
    assert!(r.missing.is_empty());
    assert_eq!(r.subjects[0].subject.id, "x");
    assert_eq!(r.subjects[0].score.normalize().to_string(), "98.8");
    assert_eq!(r.subjects[0].graded.grade, 0);
    assert!(
        r.subjects[1].graded.demoted,
        "a's 95 is demoted: N = 6, one place"
    );

    // An empty list of ballots holds no score either.
    let ws = blank_row_ws("[[score]]\nmember = \"x\"\npeer = []\n");
    assert_eq!(
        period::compute(&ws, q1()).missing[0].reason.as_str(),
        "no sheet score"
    );
}

/// Branch `b` with m1 … m4 scored in 2026-Y on `date` 2026-12-28, and the given outcome rows.
fn annual_ws(outcomes: &str) -> Workspace {
    let mut files = vec![org("root", None), org("b", Some("root"))];
    for id in ["m1", "m2", "m3", "m4"] {
        files.push(member(id, "b", ""));
    }
    let body = format!(
        "{}{outcomes}",
        rows(&[("m1", "95"), ("m2", "85"), ("m3", "80"), ("m4", "55")])
    );
    files.push(sheet("2026-Y", "b", "2026-12-28", &body));
    workspace("", &refs(&files))
}

fn subject<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
}

#[test]
fn an_honour_recorded_for_a_qualified_member_stands_and_is_marked() {
    let ws = annual_ws(
        "[[outcome]]\nmember = \"m1\"\nkind = \"honour\"\ntitle = \"优秀共产党员\"\n\
         [[outcome]]\nmember = \"m2\"\nkind = \"honour\"\ntitle = \"优秀共产党员\"\n",
    );
    let r = annual::compute(&ws, 2026);
    let v = review_json::annual(&r, &ws.settings.review, Date::ymd(2027, 1, 10));
    // N = 4 → one 优秀 place: m1's 95 is the candidate and the honour is supported; m2's 85 is
    // 合格, no candidate, and the recorded honour is shown with "supported": false.
    assert_eq!(
        subject(&v, "m1")["outcomes"],
        json!([{ "kind": "outstanding-member" }])
    );
    assert_eq!(
        subject(&v, "m1")["recorded"],
        json!([{ "kind": "honour", "title": "优秀共产党员", "due": null, "verified": null, "supported": true }])
    );
    assert_eq!(subject(&v, "m2")["grade"], "qualified");
    assert_eq!(subject(&v, "m2")["outcomes"], json!([]));
    assert_eq!(
        subject(&v, "m2")["recorded"],
        json!([{ "kind": "honour", "title": "优秀共产党员", "due": null, "verified": null, "supported": false }])
    );
    assert_eq!(subject(&v, "m3")["recorded"], json!([]));

    let name = |id: &str| ws.name_of(id).to_string();
    let text = explain::annual(&r, &ws.settings.review, "m2", &name, Locale::En).unwrap();
    assert!(
        text.contains(
            "  recorded decision (evaluations/2026-Y/b.toml): honour “优秀共产党员”\n    not supported by the computed result"
        ),
        "{text}"
    );

    // The annual report keeps the decision, beside m1's candidate and marked for m2.
    let doc = crate::report::annual::document(&ws, &r, Date::ymd(2027, 1, 10), None, Locale::ZhCn);
    let table = doc.tables.iter().find(|t| t.id == "outcomes").unwrap();
    let shown: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(|c| c.display()).collect())
        .collect();
    let line = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert!(
        shown.contains(&line(&[
            "m1",
            "m1-name",
            "b",
            "b-name",
            "优秀共产党员候选",
            "",
            "优秀共产党员",
            "",
            ""
        ])),
        "{shown:?}"
    );
    assert!(
        shown.contains(&line(&[
            "m2",
            "m2-name",
            "b",
            "b-name",
            "表彰",
            "",
            "优秀共产党员",
            "",
            "计算结果不支持"
        ])),
        "{shown:?}"
    );
}

#[test]
fn a_recorded_due_replaces_the_computed_one() {
    let ws = annual_ws(
        "[[outcome]]\nmember = \"m4\"\nkind = \"rectify\"\ndue = 2027-02-15\n\
         [[outcome]]\nmember = \"m3\"\nkind = \"rectify\"\ndue = 2027-03-01\n",
    );
    let r = annual::compute(&ws, 2026);
    let v = review_json::annual(&r, &ws.settings.review, Date::ymd(2027, 1, 10));
    // m4: 55 → 不合格 → rectify; computed due 2026-12-28 + 30 days = 2027-01-27, the recorded
    // 2027-02-15 replaces it. m3: 80 → 合格, so its recorded rectification is not supported.
    assert_eq!(
        subject(&v, "m4")["outcomes"],
        json!([{ "kind": "rectify", "due": "2027-02-15" }])
    );
    assert_eq!(subject(&v, "m4")["recorded"][0]["supported"], true);
    assert_eq!(subject(&v, "m3")["outcomes"], json!([]));
    assert_eq!(
        subject(&v, "m3")["recorded"],
        json!([{ "kind": "rectify", "title": null, "due": "2027-03-01", "verified": null, "supported": false }])
    );
    let name = |id: &str| ws.name_of(id).to_string();
    let text = explain::annual(&r, &ws.settings.review, "m4", &name, Locale::En).unwrap();
    assert!(
        text.contains("rectify by 2027-01-27 (year-end review 2026-12-28 + 30 days)"),
        "{text}"
    );
    assert!(
        text.contains("  recorded decision (evaluations/2026-Y/b.toml): rectify, due 2027-02-15\n    the computed result supports it\n"),
        "{text}"
    );
    assert!(
        text.contains("  the recorded due 2027-02-15 replaces the computed 2027-01-27\n"),
        "{text}"
    );
    // Without a recorded decision the computed due stands.
    let r = annual::compute(&annual_ws(""), 2026);
    let m4 = r.subjects.iter().find(|s| s.subject.id == "m4").unwrap();
    assert_eq!(
        m4.outcomes,
        vec![annual::Outcome::Rectify {
            due: Some(Date::ymd(2027, 1, 27))
        }]
    );
}

#[test]
fn a_decision_for_a_member_without_an_annual_score_is_kept() {
    // m5 is reviewed but has no row in the year: missing, and the decision is still shown.
    let mut ws_files = vec![
        org("root", None),
        org("b", Some("root")),
        member("m1", "b", ""),
        member("m5", "b", ""),
    ];
    ws_files.push(sheet(
        "2026-Y",
        "b",
        "2026-12-28",
        "[[score]]\nmember = \"m1\"\nleader = 80\n[[outcome]]\nmember = \"m5\"\nkind = \"honour\"\n",
    ));
    let ws = workspace("", &refs(&ws_files));
    let r = annual::compute(&ws, 2026);
    let v = review_json::annual(&r, &ws.settings.review, Date::ymd(2027, 1, 10));
    assert_eq!(
        v["missing"],
        json!([{ "kind": "member", "id": "m5", "reason": "no score", "recorded": [
            { "kind": "honour", "title": null, "due": null, "verified": null, "supported": false }
        ] }])
    );
    let narrowed = annual::narrow(&ws, r.clone(), "b");
    assert_eq!(narrowed.unscored_recorded.len(), 1);
    let name = |id: &str| ws.name_of(id).to_string();
    let text = explain::annual(&r, &ws.settings.review, "m5", &name, Locale::En).unwrap();
    assert!(
        text.contains("recorded decision (evaluations/2026-Y/b.toml): honour\n"),
        "{text}"
    );
}

#[test]
fn the_board_and_the_review_report_follow_the_rules() {
    use crate::report::board::latest_scores;
    let as_of = Date::ymd(2026, 4, 10);
    // The board's latest grade of a party-group member is the one of the parent's quota group.
    let ws = branch_with_group();
    let scores = latest_scores(&ws, as_of, Locale::ZhCn);
    assert_eq!(scores["g1"].0.to_string(), "96.35");
    assert_eq!(scores["g1"].1, "优秀");
    assert_eq!(scores["b1"].1, "合格");
    // A blank row puts no score on the board, and the review report lists it as not scored.
    let ws = blank_row_ws("[[score]]\nmember = \"x\"\n");
    let scores = latest_scores(&ws, as_of, Locale::ZhCn);
    assert!(!scores.contains_key("x"));
    assert_eq!(scores["a"].1, "优秀");
    let opts = crate::report::review::Options {
        org: None,
        period: q1(),
        as_of,
    };
    let doc = crate::report::review::build(&ws, &opts, Locale::En);
    let missing = doc.tables.iter().find(|t| t.id == "missing").unwrap();
    let row: Vec<String> = missing.rows[0].iter().map(|c| c.display()).collect();
    assert_eq!(
        row,
        ["member", "x", "x-name", "b", "b-name", "no sheet score"]
    );
}
