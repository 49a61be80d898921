//! Unit tests of the six-step core: one `matter(toml)` helper, and the conditions asserted as
//! codes so that message wording can change freely.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::*;
use crate::model::{Body, Cadence, Meeting, Sector, WorkflowSettings};

struct Refs;
impl Lookup for Refs {
    fn org_exists(&self, id: &str) -> bool {
        id.starts_with("org")
    }
    fn member_exists(&self, id: &str) -> bool {
        id.starts_with("m-")
    }
}

const HEAD: &str = "id = \"x\"\nname = \"X\"\norg = \"org1\"\nyear = 2026\n";

fn matter(step: &str, body: &str) -> Matter {
    let history: String = Step::ALL
        .iter()
        .take_while(|s| s.as_str() != step)
        .map(|s| format!("[[history]]\nstep = \"{s}\"\ncompleted = 2026-01-01\n"))
        .collect();
    toml::from_str(&format!("{HEAD}step = \"{step}\"\n{history}{body}")).unwrap()
}

fn codes(unmet: &[Unmet]) -> Vec<&'static str> {
    unmet.iter().map(Unmet::code).collect()
}

fn sector(s: Sector) -> Rules {
    Rules::sector_defaults(s)
}

fn meeting(body: Body, date: &str, expected: u32, present: u32, yes: u32) -> Meeting {
    Meeting {
        body,
        date: date.parse().unwrap(),
        expected,
        present,
        yes,
        no: 0,
        abstain: 0,
        decision: None,
        published: None,
    }
}

#[test]
fn quorum_is_strictly_more_than_expected_times_quorum() {
    let half = Decimal::new(5, 1);
    assert!(!quorate(
        &meeting(Body::Branch, "2026-01-01", 10, 5, 5),
        half
    ));
    assert!(quorate(
        &meeting(Body::Branch, "2026-01-01", 10, 6, 6),
        half
    ));
    let two_thirds = Decimal::new(6667, 4);
    // 30 × 0.6667 = 20.001: 20 present is not enough, 21 is
    assert!(!quorate(
        &meeting(Body::Representatives, "2026-01-01", 30, 20, 20),
        two_thirds
    ));
    assert!(quorate(
        &meeting(Body::Representatives, "2026-01-01", 30, 21, 21),
        two_thirds
    ));
    // 3 × 0.6667 = 2.0001: two of three is not two thirds plus
    assert!(!quorate(
        &meeting(Body::Representatives, "2026-01-01", 3, 2, 2),
        two_thirds
    ));
    // exact decimals: 0.1 × 30 = 3 exactly, so 3 present is not quorate
    let tenth = crate::model::Num::from_f64(0.1).unwrap().0;
    assert!(!quorate(
        &meeting(Body::Branch, "2026-01-01", 30, 3, 3),
        tenth
    ));
    // no panic on a quorum too large to multiply
    assert!(!quorate(
        &meeting(Body::Branch, "2026-01-01", u32::MAX, 3, 3),
        Decimal::MAX
    ));
}

#[test]
fn passing_needs_more_than_half_of_those_present() {
    assert!(!passed(&meeting(Body::Branch, "2026-01-01", 10, 8, 4)));
    assert!(passed(&meeting(Body::Branch, "2026-01-01", 10, 8, 5)));
    assert!(passed(&meeting(Body::Branch, "2026-01-01", 10, 7, 4)));
    assert!(!passed(&meeting(Body::Branch, "2026-01-01", 0, 0, 0)));
}

#[test]
fn consult_needs_opinions_from_distinct_sources() {
    let none = matter("consult", "");
    assert_eq!(
        codes(&unmet_now(&none, &sector(Sector::Community), &Refs)),
        ["too-few-opinions", "too-few-sources"]
    );
    let one = matter(
        "consult",
        "[[opinion]]\nsource = \"residents\"\ndate = 2026-01-05\ntext = \"a\"\n\
         [[opinion]]\nsource = \"群众\"\ndate = 2026-01-06\ntext = \"b\"\n",
    );
    assert!(unmet_now(&one, &sector(Sector::School), &Refs).is_empty());
    let u = unmet_now(&one, &sector(Sector::Community), &Refs);
    assert_eq!(u, [Unmet::TooFewSources { have: 1, need: 2 }]);
}

const VILLAGE_MEETINGS: &str = "
[[meeting]]
body = \"branch\"
date = 2026-01-10
expected = 5
present = 5
yes = 5
[[meeting]]
body = \"committees\"
date = 2026-01-12
expected = 9
present = 8
yes = 8
[[meeting]]
body = \"members\"
date = 2026-01-15
expected = 40
present = 30
yes = 28
[[meeting]]
body = \"representatives\"
date = 2026-01-20
expected = 30
present = 21
yes = 20
published = 2026-01-22
";

#[test]
fn village_decides_in_four_bodies_in_order_and_publishes() {
    let rules = sector(Sector::Village);
    let ok = matter("decide", VILLAGE_MEETINGS);
    assert_eq!(codes(&unmet_now(&ok, &rules, &Refs)), Vec::<&str>::new());

    // the representatives at exactly 20 of 30 are not a two-thirds quorum
    let low = matter(
        "decide",
        &VILLAGE_MEETINGS.replace("present = 21", "present = 20"),
    );
    assert_eq!(codes(&unmet_now(&low, &rules, &Refs)), ["not-quorate"]);

    // not published
    let unpublished = matter(
        "decide",
        &VILLAGE_MEETINGS.replace("published = 2026-01-22\n", ""),
    );
    assert_eq!(
        codes(&unmet_now(&unpublished, &rules, &Refs)),
        ["decision-unpublished"]
    );

    // members' meeting held before the committees: out of order
    let swapped = matter(
        "decide",
        &VILLAGE_MEETINGS.replace("date = 2026-01-15", "date = 2026-01-11"),
    );
    let u = unmet_now(&swapped, &rules, &Refs);
    assert_eq!(
        u,
        [Unmet::OutOfOrder {
            body: Body::Members,
            after: Body::Committees
        }]
    );

    // one missing, one rejected: both named
    let missing = matter(
        "decide",
        &VILLAGE_MEETINGS
            .replace("body = \"committees\"", "body = \"owner\"")
            .replace("yes = 28", "yes = 15"),
    );
    assert_eq!(
        codes(&unmet_now(&missing, &rules, &Refs)),
        ["no-meeting", "not-passed"]
    );

    // a rejected meeting followed by a good one of the same body is fine
    let retried = matter(
        "decide",
        &format!(
            "{VILLAGE_MEETINGS}[[meeting]]\nbody = \"members\"\ndate = 2026-01-16\nexpected = 40\npresent = 30\nyes = 2\n"
        ),
    );
    assert!(unmet_now(&retried, &rules, &Refs).is_empty());
}

#[test]
fn same_records_other_sector_other_result() {
    let m = matter(
        "decide",
        "[[meeting]]\nbody = \"branch\"\ndate = 2026-01-10\nexpected = 5\npresent = 3\nyes = 2\n",
    );
    assert!(unmet_now(&m, &sector(Sector::School), &Refs).is_empty());
    assert_eq!(
        codes(&unmet_now(&m, &sector(Sector::Community), &Refs)),
        ["no-meeting"]
    );
    assert_eq!(
        codes(&unmet_now(&m, &sector(Sector::Enterprise), &Refs)),
        ["no-meeting", "no-meeting"]
    );
    let w: WorkflowSettings =
        toml::from_str("[decide]\nbodies = [\"branch\"]\nquorum = 0.6").unwrap();
    // 3 > 5 × 0.6 is false
    assert_eq!(
        codes(&unmet_now(
            &m,
            &Rules::effective(Sector::Community, &w),
            &Refs
        )),
        ["not-quorate"]
    );
}

#[test]
fn decompose_commit_implement_evaluate() {
    let rules = sector(Sector::Village);
    let empty = matter("decompose", "");
    assert_eq!(codes(&unmet_now(&empty, &rules, &Refs)), ["no-tasks"]);
    let tasks = "
[[task]]
id = \"t1\"
text = \"a\"
org = \"org2\"
target = 10
due = 2026-09-30
[[task]]
id = \"t2\"
text = \"b\"
member = \"nobody\"
[[task]]
id = \"t3\"
text = \"c\"
";
    let d = matter("decompose", tasks);
    assert_eq!(
        codes(&unmet_now(&d, &rules, &Refs)),
        ["unknown-responsible", "no-due", "no-responsible", "no-due"]
    );
    let c = matter("commit", tasks);
    assert_eq!(
        codes(&unmet_now(&c, &rules, &Refs)),
        ["unsigned", "unsigned", "unsigned", "no-publicity"]
    );
    let progress = "
[[progress]]
task = \"t1\"
date = 2026-03-01
value = 10
[[progress]]
task = \"t1\"
date = 2026-04-01
value = 9.99
[[progress]]
task = \"t2\"
date = 2026-04-01
value = 100
";
    let i = matter("implement", &format!("{tasks}{progress}"));
    let u = unmet_now(&i, &rules, &Refs);
    assert_eq!(codes(&u), ["incomplete", "incomplete"]);
    assert_eq!(
        u[0],
        Unmet::Incomplete {
            task: "t1".into(),
            value: Some("9.99".parse().unwrap()),
            need: crate::model::Num::int(10)
        }
    );
    assert_eq!(
        matter_percent(&i, "2026-12-31".parse().unwrap()),
        // (0.999 + 1 + 0) / 3 × 100
        Some(Decimal::new(1999, 3) * Decimal::ONE_HUNDRED / Decimal::from(3))
    );
    assert_eq!(
        matter_percent(&i, "2026-03-15".parse().unwrap()),
        Some(Decimal::ONE_HUNDRED / Decimal::from(3))
    );

    let e = matter(
        "evaluate",
        &format!("{tasks}[[review]]\ntask = \"t1\"\ndate = 2026-12-01\nscore = 90\n"),
    );
    assert_eq!(
        codes(&unmet_now(&e, &rules, &Refs)),
        ["task-unreviewed", "task-unreviewed", "review-unpublished"]
    );
    let whole = matter(
        "evaluate",
        &format!("{tasks}[[review]]\ndate = 2026-12-01\nscore = 90\npublished = 2026-12-05\n"),
    );
    assert!(unmet_now(&whole, &rules, &Refs).is_empty());
    assert_eq!(
        codes(&unmet_now(&matter("evaluate", ""), &rules, &Refs)),
        ["no-review"]
    );
}

#[test]
fn advance_appends_history_or_refuses_with_every_reason() {
    let rules = sector(Sector::Community);
    let date = "2026-02-01".parse().unwrap();
    let m = matter("consult", "");
    let err = advance(&m, &rules, &Refs, date, None).unwrap_err();
    assert_eq!(codes(&err), ["too-few-opinions", "too-few-sources"]);
    let forced = advance(&m, &rules, &Refs, date, Some("紧急")).unwrap();
    assert_eq!(forced.next, Step::Decide);
    assert_eq!(forced.entry.step, Step::Consult);
    assert_eq!(forced.entry.forced.as_deref(), Some("紧急"));

    // step and history disagree: even --force refuses
    let mut bad = matter("decide", "");
    bad.history.clear();
    let err = advance(&bad, &rules, &Refs, date, Some("x")).unwrap_err();
    assert_eq!(
        err,
        [Unmet::HistoryMismatch {
            step: Step::Decide,
            expected: Step::Consult
        }]
    );
    let done = matter("done", "");
    assert_eq!(
        codes(&advance(&done, &rules, &Refs, date, Some("x")).unwrap_err()),
        ["already-done"]
    );
    // a date before the previous completion
    let early = matter(
        "decompose",
        "[[task]]\nid = \"t\"\ntext = \"t\"\norg = \"org1\"\ndue = 2026-05-01\n",
    );
    let err = advance(&early, &rules, &Refs, "2025-12-31".parse().unwrap(), None).unwrap_err();
    assert_eq!(codes(&err), ["date-before-history"]);
}

#[test]
fn step_from_history_requires_the_steps_in_order() {
    let m = matter("implement", "");
    assert_eq!(step_from_history(&m.history), Some(Step::Implement));
    let mut h = m.history.clone();
    h.swap(0, 1);
    assert_eq!(step_from_history(&h), None);
    assert_eq!(step_from_history(&[]), Some(Step::Consult));
}

#[test]
fn messages_exist_in_both_locales() {
    let all = [
        Unmet::TooFewOpinions { have: 0, need: 1 },
        Unmet::NoMeeting { body: Body::Joint },
        Unmet::NotQuorate {
            body: Body::Representatives,
            present: 20,
            expected: 30,
            quorum: Decimal::new(6667, 4),
        },
        Unmet::ReviewUnpublished {
            index: 0,
            task: None,
        },
    ];
    let mut seen = BTreeSet::new();
    for u in &all {
        for loc in [crate::i18n::Locale::En, crate::i18n::Locale::ZhCn] {
            let msg = u.message(loc);
            assert!(!msg.starts_with("matter."), "{msg}");
            assert!(seen.insert(msg));
        }
    }
    assert!(all[2].message(crate::i18n::Locale::En).contains("0.6667"));
}

#[test]
fn cadences() {
    let d: Date = "2026-01-31".parse().unwrap();
    assert_eq!(
        after_cadence(d, Cadence::Month).unwrap().to_string(),
        "2026-02-28"
    );
    assert_eq!(
        after_cadence(d, Cadence::Week).unwrap().to_string(),
        "2026-02-07"
    );
}

mod check {
    use crate::diag::Context;
    use crate::i18n::Locale;
    use crate::model::{Org, Settings};
    use crate::workspace::{Rec, Records, Workspace};

    fn ws(sector: &str, workflow: &str, matter_text: &str) -> Workspace {
        let settings: Settings = toml::from_str(&format!(
            "format = 1\nname = \"W\"\nroot = \"org1\"\nyear = 2026\nsector = \"{sector}\"\n{workflow}"
        ))
        .unwrap();
        let org: Org = toml::from_str(&format!(
            "id = \"org1\"\nname = \"O\"\nkind = \"branch\"\nsector = \"{sector}\"\n"
        ))
        .unwrap();
        Workspace::new(
            Rec {
                path: "dangjian.toml".into(),
                value: settings,
            },
            Records {
                orgs: vec![Rec {
                    path: "orgs/org1.toml".into(),
                    value: org,
                }],
                matters: vec![Rec {
                    path: "matters/2026/x.toml".into(),
                    value: toml::from_str(matter_text).unwrap(),
                }],
                ..Records::default()
            },
        )
    }

    const IMPLEMENTING: &str = r#"id = "x"
name = "X"
org = "org1"
year = 2026
step = "implement"
[[history]]
step = "consult"
completed = 2026-01-10
forced = "上级交办"
[[history]]
step = "decide"
completed = 2026-01-12
[[history]]
step = "decompose"
completed = 2026-01-20
[[history]]
step = "commit"
completed = 2026-02-01
[[task]]
id = "t1"
text = "a"
org = "org1"
due = 2026-12-31
[[task]]
id = "t2"
text = "b"
org = "org1"
due = 2026-12-31
[[task]]
id = "t3"
text = "c"
org = "org1"
target = 5
due = 2026-12-31
[[progress]]
task = "t1"
date = 2026-03-01
value = 40
[[progress]]
task = "t3"
date = 2026-02-10
value = 5
"#;

    fn stale(ws: &Workspace, as_of: &str) -> Vec<String> {
        let ctx = Context {
            as_of: as_of.parse().unwrap(),
            locale: Locale::En,
        };
        super::super::check(ws, &ctx)
            .into_iter()
            .filter(|d| d.code == crate::diag::Code::StaleProgress)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn agency_warns_of_tasks_without_progress_for_over_a_month() {
        let w = ws("agency", "", IMPLEMENTING);
        let on_0401 = stale(&w, "2026-04-01");
        assert_eq!(on_0401.len(), 1, "{on_0401:?}");
        assert!(on_0401[0].contains("t2") && on_0401[0].contains("2026-02-01"));
        let on_0402 = stale(&w, "2026-04-02");
        assert_eq!(on_0402.len(), 2, "{on_0402:?}");
        assert!(on_0402[0].contains("t1") && on_0402[0].contains("2026-03-01"));
        // a complete task (t3) never goes stale
        assert!(stale(&w, "2026-12-01").iter().all(|m| !m.contains("t3")));
    }

    #[test]
    fn other_sectors_warn_only_when_workflow_asks() {
        assert!(stale(&ws("community", "", IMPLEMENTING), "2026-12-01").is_empty());
        let weekly = ws(
            "community",
            "[workflow.implement]\nprogress_every = \"week\"\n",
            IMPLEMENTING,
        );
        assert_eq!(stale(&weekly, "2026-03-09").len(), 2);
        assert_eq!(stale(&weekly, "2026-03-08").len(), 1);
        // a matter no longer in implement is not warned about
        let done = IMPLEMENTING.replace("step = \"implement\"", "step = \"evaluate\"");
        assert!(stale(&ws("agency", "", &done), "2026-12-01").is_empty());
    }
}

mod props {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use crate::model::{Num, Task};
    use crate::workflow::sixstep::{task_complete, task_fraction};

    fn task(target: Option<i64>) -> Task {
        Task {
            id: "t".into(),
            text: "t".into(),
            org: Some("o".into()),
            member: None,
            leader: None,
            liaison: None,
            assist: Vec::new(),
            target: target.map(Num::int),
            unit: None,
            due: None,
            signed: None,
        }
    }

    proptest! {
        #[test]
        fn fraction_is_within_0_and_1_and_1_exactly_when_complete(
            target in proptest::option::of(0i64..5000),
            cents in 0i64..1_000_000,
        ) {
            let t = task(target);
            let v = Some(Num(Decimal::new(cents, 2)));
            let f = task_fraction(&t, v);
            prop_assert!(f >= Decimal::ZERO && f <= Decimal::ONE);
            prop_assert_eq!(f == Decimal::ONE, task_complete(&t, v));
        }

        #[test]
        fn fraction_grows_with_the_value(
            target in 1i64..5000,
            a in 0i64..10_000,
            b in 0i64..10_000,
        ) {
            let t = task(Some(target));
            let (lo, hi) = (a.min(b), a.max(b));
            prop_assert!(
                task_fraction(&t, Some(Num::int(lo))) <= task_fraction(&t, Some(Num::int(hi)))
            );
        }

        #[test]
        fn quorum_matches_the_rational_comparison(
            expected in 0u32..500,
            present in 0u32..500,
            q in 1i64..10_000,
        ) {
            let m = crate::model::Meeting {
                body: crate::model::Body::Branch,
                date: crate::model::Date::ymd(2026, 1, 1),
                expected,
                present,
                yes: 0,
                no: 0,
                abstain: 0,
                decision: None,
                published: None,
            };
            // present > expected × q / 10000  ⇔  present × 10000 > expected × q
            let rational = i128::from(present) * 10_000 > i128::from(expected) * i128::from(q);
            prop_assert_eq!(crate::workflow::sixstep::quorate(&m, Decimal::new(q, 4)), rational);
        }
    }
}
