//! Hand-computed tests of every rule of SPEC §6, through the pure engine.

use super::fixture::{member, missing_reasons, org, refs, workspace};
use super::period::{self, SubjectKind};
use super::{annual, json};
use crate::model::{Date, Period};
use crate::workspace::Workspace;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn q1() -> Period {
    Period::quarter(2026, 1)
}

fn sheet(period: &str, org: &str, rows: &str) -> (String, String) {
    let date = match period {
        p if p.ends_with("Q1") => "2026-04-05",
        p if p.ends_with("Q2") || p.ends_with("H1") => "2026-07-05",
        p if p.ends_with("Q3") => "2026-10-05",
        _ => "2026-12-28",
    };
    (
        format!("evaluations/{period}/{org}.toml"),
        format!("org = \"{org}\"\nperiod = \"{period}\"\ndate = {date}\n{rows}"),
    )
}

fn score_of(r: &period::PeriodResult, id: &str) -> String {
    r.subjects
        .iter()
        .find(|s| s.subject.id == id)
        .map(|s| s.score.normalize().to_string())
        .unwrap_or_else(|| panic!("{id} not scored"))
}

fn base_ws(rows: &str, extra: &[(String, String)]) -> Workspace {
    base_ws_with("", rows, extra)
}

fn base_ws_with(settings: &str, rows: &str, extra: &[(String, String)]) -> Workspace {
    let mut files = vec![
        org("root", None),
        member("zhangsan", "root", ""),
        sheet("2026-Q1", "root", rows),
    ];
    files.extend_from_slice(extra);
    workspace(settings, &refs(&files))
}

/// Weights under which only the objective component counts: a blank row is then scored.
const OBJECTIVE_ONLY: &str =
    "[review.weights]\nself = 0\npeer = 0\nleader = 0\nmasses = 0\nobjective = 1\n";

#[test]
fn spec_example_row_is_reproduced_exactly() {
    let post = (
        "posts/p.toml".to_string(),
        "id = \"p\"\nname = \"岗\"\norg = \"root\"\nkind = \"standing\"\nduties = [\"x\"]\nlog_every = \"month\"\n\
         [[holder]]\nmember = \"zhangsan\"\nconfirmed = 2026-01-15\n[[log]]\ndate = 2026-02-03\nmember = \"zhangsan\"\ntext = \"t\"\n"
            .to_string(),
    );
    let letter = (
        "commitments/2026-H1/zhangsan.toml".to_string(),
        "committer = \"zhangsan\"\nhalf = \"2026-H1\"\n[[item]]\nid = \"c1\"\ncategory = \"duty\"\ntype = \"concrete\"\n\
         text = \"t\"\ntarget = 3\ndue = 2026-03-31\n[[item.progress]]\ndate = 2026-03-10\nvalue = 3\n"
            .to_string(),
    );
    let ws = base_ws(
        "[[score]]\nmember = \"zhangsan\"\nself = 90\npeer = [88, 92, 85]\nleader = 92\n\
         masses = [90, 85, 95, 70, 88]\nadjust = [{ points = 3, reason = \"抗洪\" }]\n",
        &[post, letter],
    );
    let r = period::compute(&ws, q1());
    let s = &r.subjects[0];
    assert_eq!(s.base.to_string(), "86.8");
    let v = json::period(&r, &ws.settings.review, d("2026-04-10"));
    assert_eq!(
        serde_json::to_string(&v["subjects"][0]).unwrap(),
        r#"{"kind":"member","id":"zhangsan","name":"zhangsan-name","org":"root","components":{"self":90.0,"peer":88.33,"leader":92.0,"masses":87.67,"objective":75.0},"adjust":3.0,"score":89.8,"grade":"qualified","demoted":false,"vetoed":false,"rank":1,"rank_overall":1}"#
    );
    assert_eq!(
        serde_json::to_string(&v["grades"]).unwrap(),
        r#"{"excellent":0,"qualified":1,"basic":0,"unqualified":0}"#
    );
    assert_eq!(v["period"], "2026-Q1");
    assert_eq!(v["scale"], 100);
}

#[test]
fn rounding_happens_once_half_away_from_zero() {
    let ws = base_ws("[[score]]\nmember = \"zhangsan\"\nleader = 88.125\n", &[]);
    assert_eq!(score_of(&period::compute(&ws, q1()), "zhangsan"), "88.13");
    // 265/3 × 0.2 + … : self 80, peer mean 88.333… → (8 + 17.666…)/0.3 = 85.555… → 85.56
    let ws = base_ws(
        "[[score]]\nmember = \"zhangsan\"\nself = 80\npeer = [88, 88, 89]\n",
        &[],
    );
    assert_eq!(score_of(&period::compute(&ws, q1()), "zhangsan"), "85.56");
}

#[test]
fn scores_are_clamped_to_zero_and_scale() {
    let ws = base_ws(
        "[[score]]\nmember = \"zhangsan\"\nleader = 98\nadjust = [{ points = 5, reason = \"r\" }]\n",
        &[],
    );
    assert_eq!(score_of(&period::compute(&ws, q1()), "zhangsan"), "100");
    let ws = base_ws(
        "[[score]]\nmember = \"zhangsan\"\nleader = 4\nadjust = [{ points = -3, reason = \"a\" }, { points = -2.5, reason = \"b\" }]\n",
        &[],
    );
    let r = period::compute(&ws, q1());
    assert_eq!(score_of(&r, "zhangsan"), "0");
    assert_eq!(r.subjects[0].raw.to_string(), "-1.5");
}

#[test]
fn a_member_with_only_an_objective_component_is_scored_from_it() {
    let letter = (
        "commitments/2026-H1/zhangsan.toml".to_string(),
        "committer = \"zhangsan\"\nhalf = \"2026-H1\"\n\
         [[item]]\nid = \"a\"\ncategory = \"duty\"\ntype = \"concrete\"\ntext = \"t\"\ntarget = 4\ndue = 2026-02-01\n\
         [[item.progress]]\ndate = 2026-01-10\nvalue = 1\n[[item.progress]]\ndate = 2026-03-01\nvalue = 3\n\
         [[item.progress]]\ndate = 2026-04-02\nvalue = 4\n\
         [[item]]\nid = \"b\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"t\"\ndue = 2026-03-31\n\
         [[item.progress]]\ndate = 2026-03-31\ndone = true\n\
         [[item]]\nid = \"c\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"t\"\ndue = 2026-03-15\n\
         [[item]]\nid = \"later\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"t\"\ndue = 2026-04-01\n\
         [[item]]\nid = \"nodue\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"t\"\n"
            .to_string(),
    );
    // C = mean(3/4, 1, 0) = 0.58333…; O = 58.333… → 58.33. The row holds no sheet score, so it
    // is scored only because self, peer, leader and masses all weigh 0 (SPEC §6).
    let ws = base_ws_with(
        OBJECTIVE_ONLY,
        "[[score]]\nmember = \"zhangsan\"\n",
        std::slice::from_ref(&letter),
    );
    let r = period::compute(&ws, q1());
    assert_eq!(score_of(&r, "zhangsan"), "58.33");
    let c = r.subjects[0].objective.c.as_ref().unwrap();
    assert_eq!(c.items.len(), 3);
    assert_eq!(r.subjects[0].components[..4], [None, None, None, None]);
    // With the default weights the same blank row scores nobody.
    let ws = base_ws("[[score]]\nmember = \"zhangsan\"\n", &[letter]);
    let r = period::compute(&ws, q1());
    assert!(r.subjects.is_empty());
    assert_eq!(r.missing[0].reason.as_str(), "no sheet score");
}

#[test]
fn equal_dates_take_the_last_entry_in_the_file() {
    let letter = (
        "commitments/2025-H2/zhangsan.toml".to_string(),
        "committer = \"zhangsan\"\nhalf = \"2025-H2\"\n\
         [[item]]\nid = \"a\"\ncategory = \"duty\"\ntype = \"concrete\"\ntext = \"t\"\ntarget = 10\ndue = 2026-01-31\n\
         [[item.progress]]\ndate = 2026-01-10\nvalue = 8\n[[item.progress]]\ndate = 2026-01-10\nvalue = 5\n"
            .to_string(),
    );
    let ws = base_ws_with(
        OBJECTIVE_ONLY,
        "[[score]]\nmember = \"zhangsan\"\n",
        &[letter],
    );
    assert_eq!(score_of(&period::compute(&ws, q1()), "zhangsan"), "50");
}

fn post(kind_extra: &str, cadence: &str, holder: &str, logs: &[&str]) -> (String, String) {
    let mut s = format!(
        "id = \"p\"\nname = \"岗\"\norg = \"root\"\n{kind_extra}duties = [\"x\"]\nlog_every = \"{cadence}\"\n[[holder]]\nmember = \"zhangsan\"\n{holder}"
    );
    for l in logs {
        s.push_str(&format!(
            "[[log]]\ndate = {l}\nmember = \"zhangsan\"\ntext = \"t\"\n"
        ));
    }
    ("posts/p.toml".to_string(), s)
}

fn p_rate(p: (String, String), period: Period) -> (u32, u32) {
    let files = vec![org("root", None), member("zhangsan", "root", ""), p];
    let ws = workspace("", &refs(&files));
    let idx = super::objective::Index::new(&ws);
    let r = idx.posts("zhangsan", period.window());
    (r.met, r.required)
}

#[test]
fn post_rate_counts_whole_weeks_months_and_quarters() {
    let standing = "kind = \"standing\"\n";
    // Q1 2026 holds 12 whole ISO weeks (Jan 5 … Mar 29); confirmed Jan 20 leaves Jan 26 … Mar 29 = 9.
    let p = post(
        standing,
        "week",
        "confirmed = 2026-01-20\n",
        &["2026-01-26", "2026-02-01", "2026-03-29", "2026-03-30"],
    );
    assert_eq!(p_rate(p, q1()), (2, 9));
    // Months: confirmed Jan 1, ended Feb 27 → only January is whole; logged on the end day.
    let p = post(
        standing,
        "month",
        "confirmed = 2026-01-01\nended = 2026-02-27\n",
        &["2026-01-31"],
    );
    assert_eq!(p_rate(p, q1()), (1, 1));
    // Ended on the last day of February: February counts too (the end day is included).
    let p = post(
        standing,
        "month",
        "confirmed = 2026-01-01\nended = 2026-02-28\n",
        &["2026-01-31", "2026-02-28"],
    );
    assert_eq!(p_rate(p, q1()), (2, 2));
    // Quarters over the year: confirmed Feb 1 → Q2, Q3, Q4.
    let p = post(
        standing,
        "quarter",
        "confirmed = 2026-02-01\n",
        &["2026-05-05", "2026-12-31"],
    );
    assert_eq!(p_rate(p, Period::year(2026)), (2, 3));
    // A quarter-cadence post has no whole unit inside a month-long spell: P missing.
    let p = post(
        standing,
        "quarter",
        "confirmed = 2026-02-01\nended = 2026-03-01\n",
        &[],
    );
    assert_eq!(p_rate(p, q1()), (0, 0));
}

#[test]
fn temporary_posts_clip_spells_to_their_window() {
    let temp = "kind = \"temporary\"\nfrom = 2026-06-18\nuntil = 2026-07-31\n";
    // Spell clipped to Jun 18 … Jul 31: no whole June; July whole → 1 unit in Q3.
    let p = post(temp, "month", "confirmed = 2026-06-18\n", &["2026-07-03"]);
    assert_eq!(p_rate(p.clone(), Period::quarter(2026, 3)), (1, 1));
    assert_eq!(p_rate(p.clone(), Period::quarter(2026, 2)), (0, 0));
    // Weeks inside Jun 18 … Jul 31 in H2 (from Jul 1): Jul 6 … Jul 26 = 3 whole weeks.
    let p = post(
        temp,
        "week",
        "confirmed = 2026-06-18\n",
        &["2026-07-06", "2026-07-20"],
    );
    assert_eq!(p_rate(p, Period::half(2026, 2)), (2, 3));
}

#[test]
fn organizations_get_a_task_rate_and_their_own_commitments() {
    let matter = (
        "matters/2026/m.toml".to_string(),
        "id = \"m\"\nname = \"m\"\norg = \"root\"\nyear = 2026\nstep = \"implement\"\n\
         [[task]]\nid = \"t1\"\ntext = \"a\"\norg = \"sub\"\ntarget = 1200\ndue = 2026-03-31\n\
         [[task]]\nid = \"t2\"\ntext = \"b\"\norg = \"sub\"\ndue = 2026-02-28\n\
         [[task]]\nid = \"t3\"\ntext = \"c\"\norg = \"other\"\nassist = [\"sub\"]\ndue = 2026-02-28\n\
         [[task]]\nid = \"t4\"\ntext = \"d\"\norg = \"sub\"\ndue = 2026-06-30\n\
         [[task]]\nid = \"t5\"\ntext = \"e\"\norg = \"sub\"\ntarget = 5\ndue = 2026-03-01\n\
         [[progress]]\ntask = \"t1\"\ndate = 2026-03-31\nvalue = 400\n\
         [[progress]]\ntask = \"t1\"\ndate = 2026-04-30\nvalue = 1200\n\
         [[progress]]\ntask = \"t2\"\ndate = 2026-02-01\nvalue = 50\n\
         [[progress]]\ntask = \"t3\"\ndate = 2026-02-01\nvalue = 100\n"
            .to_string(),
    );
    let letter = (
        "commitments/2026-H1/sub.toml".to_string(),
        "committer = \"sub\"\nhalf = \"2026-H1\"\n[[item]]\nid = \"a\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"t\"\ndue = 2026-03-01\n\
         [[item.progress]]\ndate = 2026-02-01\ndone = true\n"
            .to_string(),
    );
    let files = vec![
        org("root", None),
        org("sub", Some("root")),
        matter,
        letter,
        sheet("2026-Q1", "root", "[[score]]\norg = \"sub\"\nleader = 80\n"),
    ];
    let ws = workspace("", &refs(&files));
    let r = period::compute(&ws, q1());
    // T = mean(400/1200, 50/100, 0) = (1/3 + 1/2 + 0)/3 = 5/18; C = 1; O = 100 × (5/18 + 1)/2 = 63.888…
    let s = &r.subjects[0];
    assert_eq!(s.subject.kind, SubjectKind::Org);
    assert_eq!(s.subject.org.as_deref(), Some("root"));
    assert_eq!(s.objective.t.as_ref().unwrap().items.len(), 3);
    assert_eq!(s.objective.value.unwrap().round2().to_string(), "63.89");
    // base = (0.3 × 80 + 0.2 × 63.888…)/0.5 = 73.555… → 73.56; org grade "average"
    assert_eq!(score_of(&r, "sub"), "73.56");
    let v = json::period(&r, &ws.settings.review, d("2026-04-10"));
    assert_eq!(v["subjects"][0]["grade"], "average");
    assert_eq!(v["grades"]["lagging"], 0);
    assert_eq!(v["grades"]["excellent"], 0);
}

#[test]
fn who_is_reviewed_and_who_is_missing() {
    let files = vec![
        org("root", None),
        member("a", "root", ""),
        member("late", "root", "joined = 2026-04-01\n"),
        member("gone", "root", "left = 2026-03-31\n"),
        member("stays", "root", "left = 2026-04-01\n"),
        member("b", "root", ""),
        (
            "members/res.toml".to_string(),
            "id = \"res\"\nname = \"r\"\norg = \"root\"\nstatus = \"resident\"\noffice = \"none\"\n".to_string(),
        ),
        (
            "members/act.toml".to_string(),
            "id = \"act\"\nname = \"r\"\norg = \"root\"\nstatus = \"activist\"\noffice = \"none\"\n".to_string(),
        ),
        sheet(
            "2026-Q1",
            "root",
            "[[score]]\nmember = \"b\"\nnote = \"no component\"\n[[score]]\nmember = \"res\"\nself = 70\n[[score]]\nmember = \"gone\"\nself = 60\n",
        ),
    ];
    let ws = workspace("", &refs(&files));
    let r = period::compute(&ws, q1());
    let missing = missing_reasons(&r.missing);
    assert_eq!(
        missing,
        vec![
            ("a", "no score row"),
            ("b", "no sheet score"),
            ("stays", "no score row")
        ]
    );
    let scored: Vec<&str> = r.subjects.iter().map(|s| s.subject.id.as_str()).collect();
    assert_eq!(scored, vec!["res", "gone"]);
}

#[test]
fn zero_weights_leave_a_subject_missing() {
    let files = vec![
        org("root", None),
        member("a", "root", ""),
        sheet("2026-Q1", "root", "[[score]]\nmember = \"a\"\nself = 80\n"),
    ];
    let ws = workspace(
        "[review.weights]\nself = 0\npeer = 0.3\nleader = 0.3\nmasses = 0.2\nobjective = 0.2\n",
        &refs(&files),
    );
    let r = period::compute(&ws, q1());
    assert_eq!(r.missing[0].reason.as_str(), "components weigh 0");
}

fn group_ws() -> Workspace {
    // Two groups under root: g1 with 10 members, g2 with 3.
    let mut files = vec![
        org("root", None),
        org("g1", Some("root")),
        org("g2", Some("root")),
    ];
    let g1 = [95, 93, 93, 93, 91, 80, 80, 70, 60, 10];
    let mut rows = String::new();
    for (i, s) in g1.iter().enumerate() {
        files.push(member(&format!("a{i}"), "g1", ""));
        rows.push_str(&format!("[[score]]\nmember = \"a{i}\"\nleader = {s}\n"));
    }
    for (i, s) in [99, 50, 98].iter().enumerate() {
        files.push(member(&format!("b{i}"), "g2", ""));
        let veto = if i == 0 { "veto = \"违纪\"\n" } else { "" };
        rows.push_str(&format!(
            "[[score]]\nmember = \"b{i}\"\nleader = {s}\n{veto}"
        ));
    }
    files.push(sheet("2026-Q1", "root", &rows));
    workspace("", &refs(&files))
}

#[test]
fn quotas_ties_vetoes_and_ranks_per_group() {
    let ws = group_ws();
    let r = period::compute(&ws, q1());
    let v = json::period(&r, &ws.settings.review, d("2026-04-10"));
    let row = |id: &str| {
        v["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .cloned()
            .unwrap()
    };
    // g1: quota floor(0.3 × 10) = 3; 95 takes one place, the 93 tie would make 4 → demoted with 91.
    assert_eq!(row("a0")["grade"], "excellent");
    for id in ["a1", "a2", "a3", "a4"] {
        assert_eq!(row(id)["grade"], "qualified", "{id}");
        assert_eq!(row(id)["demoted"], true, "{id}");
    }
    assert_eq!(row("a1")["rank"], 2);
    assert_eq!(row("a4")["rank"], 5);
    // g2: N = 3 (vetoed counted) → quota 0: 98 demoted; the vetoed 99 is unqualified, rank 1.
    assert_eq!(row("b0")["grade"], "unqualified");
    assert_eq!(row("b0")["demoted"], false);
    assert_eq!(row("b0")["vetoed"], true);
    assert_eq!(row("b0")["rank"], 1);
    assert_eq!(row("b2")["grade"], "qualified");
    assert_eq!(row("b2")["demoted"], true);
    // Overall: 99 is first, 98 second, 95 third, the 93s share fourth.
    assert_eq!(row("b0")["rank_overall"], 1);
    assert_eq!(row("a1")["rank_overall"], 4);
    assert_eq!(row("a4")["rank_overall"], 7);
    assert_eq!(
        serde_json::to_string(&v["grades"]).unwrap(),
        r#"{"excellent":1,"qualified":7,"basic":2,"unqualified":3}"#
    );
}

#[test]
fn narrowing_keeps_grades_and_group_ranks_and_reranks_overall() {
    let ws = group_ws();
    let all = period::compute(&ws, q1());
    let g2 = period::narrow(&ws, all.clone(), "g2");
    assert_eq!(g2.subjects.len(), 3);
    for s in &g2.subjects {
        let full = all
            .subjects
            .iter()
            .find(|x| x.subject.id == s.subject.id)
            .unwrap();
        assert_eq!(s.graded, full.graded);
    }
    let b1 = g2.subjects.iter().find(|s| s.subject.id == "b1").unwrap();
    assert_eq!(b1.rank_overall, 3);
    assert_eq!(
        all.subjects
            .iter()
            .find(|s| s.subject.id == "b1")
            .unwrap()
            .rank_overall,
        12
    );
}

#[test]
fn annual_parts_veto_and_outcomes() {
    let mut files = vec![
        org("root", None),
        member("a", "root", ""),
        member("b", "root", ""),
        member("c", "root", ""),
    ];
    files.push(sheet(
        "2026-Q1",
        "root",
        "[[score]]\nmember = \"a\"\nleader = 90\n[[score]]\nmember = \"b\"\nleader = 70\n",
    ));
    files.push(sheet(
        "2026-Q2",
        "root",
        "[[score]]\nmember = \"a\"\nleader = 95.5\n",
    ));
    files.push(sheet(
        "2026-H1",
        "root",
        "[[score]]\nmember = \"a\"\nleader = 91\n[[score]]\nmember = \"c\"\nleader = 100\n",
    ));
    files.push(sheet(
        "2026-H2",
        "root",
        "[[score]]\nmember = \"c\"\nveto = \"违纪\"\n",
    ));
    files.push(sheet(
        "2026-Y",
        "root",
        "[[score]]\nmember = \"a\"\nleader = 96\n[[score]]\nmember = \"c\"\nleader = 100\n",
    ));
    let ws = workspace("", &refs(&files));
    let r = annual::compute(&ws, 2026);
    let get = |id: &str| r.subjects.iter().find(|s| s.subject.id == id).unwrap();
    // a: quarters (90 + 95.5)/2 = 92.75; 0.3 × 92.75 + 0.2 × 91 + 0.5 × 96 = 27.825 + 18.2 + 48 = 94.025 → 94.03
    assert_eq!(get("a").score.to_string(), "94.03");
    // b: only quarters (70) → 70, basic; c: half 100, year-end 100 → 100 but vetoed in H2.
    assert_eq!(get("b").score.normalize().to_string(), "70");
    assert_eq!(get("c").score.normalize().to_string(), "100");
    let v = json::annual(&r, &ws.settings.review, d("2027-01-10"));
    let row = |id: &str| {
        v["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(v["year"], 2026);
    // N = 3 → quota floor(0.9) = 0: a is demoted to qualified, so no honour.
    assert_eq!(row("a")["grade"], "qualified");
    assert_eq!(
        row("a")["parts"],
        serde_json::json!({"quarters": 92.75, "half": 91.0, "year_end": 96.0})
    );
    assert_eq!(row("a")["outcomes"], serde_json::json!([]));
    assert_eq!(
        row("b")["outcomes"],
        serde_json::json!([{"kind": "rectify", "due": null}])
    );
    assert_eq!(row("c")["vetoed"], true);
    assert_eq!(row("c")["grade"], "unqualified");
    assert_eq!(
        row("c")["outcomes"],
        serde_json::json!([{"kind": "rectify", "due": "2027-01-27"}])
    );
}

#[test]
fn annual_honours_with_a_vanguard_post() {
    let mut files = vec![org("root", None)];
    for i in 0..4 {
        files.push(member(&format!("m{i}"), "root", ""));
    }
    let p = post(
        "kind = \"standing\"\n",
        "quarter",
        "confirmed = 2026-01-01\n",
        &["2026-02-01", "2026-05-01", "2026-08-01", "2026-11-01"],
    );
    files.push(("posts/p.toml".to_string(), p.1.replace("zhangsan", "m0")));
    let mut rows = String::new();
    for (i, s) in [97, 80, 80, 80].iter().enumerate() {
        rows.push_str(&format!("[[score]]\nmember = \"m{i}\"\nleader = {s}\n"));
    }
    files.push(sheet("2026-Y", "root", &rows));
    let ws = workspace("", &refs(&files));
    let r = annual::compute(&ws, 2026);
    let v = json::annual(&r, &ws.settings.review, d("2027-01-10"));
    assert_eq!(
        v["subjects"][0]["outcomes"],
        serde_json::json!([{"kind": "outstanding-member"}, {"kind": "vanguard-post"}])
    );
    assert_eq!(v["subjects"][1]["outcomes"], serde_json::json!([]));
}

#[test]
fn scores_only_keeps_every_score_grade_rank_and_veto() {
    use crate::review::district;
    use crate::review::period::Detail;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/district");
    let opts = crate::workspace::LoadOptions {
        locale: crate::i18n::Locale::En,
    };
    let ws = crate::workspace::load_district(&root, opts).0.unwrap();
    let mut scored = 0;
    for q in 1..=4 {
        let p = Period::quarter(2026, q);
        let full = district::compute_period(&ws, p);
        let lean = district::compute_period_detail(&ws, p, Detail::Scores);
        let shown = |r: &period::PeriodResult| -> Vec<_> {
            r.subjects
                .iter()
                .map(|s| {
                    let g = &s.graded;
                    let graded = (g.grade, g.threshold, g.demoted, g.rank);
                    let veto = s.veto.clone();
                    (
                        s.subject.clone(),
                        s.score,
                        s.components,
                        graded,
                        s.rank_overall,
                        veto,
                    )
                })
                .collect()
        };
        assert_eq!(shown(&full), shown(&lean), "{p}");
        assert_eq!(full.missing, lean.missing, "{p}");
        assert_eq!(full.quotas, lean.quotas, "{p}");
        scored += full.subjects.len();
    }
    assert!(scored > 10, "{scored}");
}
