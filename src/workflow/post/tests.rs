//! Tests of `post`.

use super::*;
use crate::model::Eligible;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn post() -> Post {
    Post {
        id: "pingan-1".into(),
        name: "平安创建岗".into(),
        org: "jiangbin".into(),
        kind: PostKind::Standing,
        from: None,
        until: None,
        duties: vec!["巡查".into()],
        capacity: Some(2),
        log_every: None,
        eligible: None,
        targets: vec![],
        holders: vec![],
        logs: vec![],
        private: None,
        extra: None,
    }
}

fn member(id: &str, status: MemberStatus) -> Member {
    Member {
        id: id.into(),
        name: id.to_uppercase().into(),
        org: "jiangbin".into(),
        status,
        office: Office::None,
        joined: None,
        lives_in: None,
        left: None,
        private: None,
        extra: None,
    }
}

fn holder(m: &str, confirmed: Option<&str>, ended: Option<&str>) -> Holder {
    Holder {
        member: m.into(),
        claimed: confirmed.map(d),
        confirmed: confirmed.map(d),
        published: None,
        ended: ended.map(d),
        end_reason: None,
    }
}

fn chain(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn eligibility_reports_every_reason() {
    let mut p = post();
    p.eligible = Some(Eligible {
        office: OfficeRule::None,
        ..Eligible::default()
    });
    let mut m = member("a", MemberStatus::Activist);
    m.office = Office::Leader;
    m.org = "other".into();
    let oc = chain(&["other", "liedong"]);
    let c = Candidate {
        member: &m,
        org_chain: &oc,
        lives_chain: &[],
    };
    let r = eligibility(&p, &c);
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(matches!(r[0], Refusal::Status { .. }));
    assert!(matches!(r[1], Refusal::Office { .. }));
    assert!(matches!(r[2], Refusal::Scope { .. }));
}

#[test]
fn scope_org_area_any() {
    let m = member("a", MemberStatus::Full);
    let below = chain(&["block-3", "jiangbin", "liedong"]);
    let elsewhere = chain(&["water-co", "liedong"]);
    let home = chain(&["jiangbin", "liedong"]);
    let cand = |oc: &[String], lc: &[String], scope| {
        in_scope(
            "jiangbin",
            scope,
            &Candidate {
                member: &m,
                org_chain: oc,
                lives_chain: lc,
            },
        )
    };
    assert!(cand(&below, &[], Scope::Org));
    assert!(!cand(&elsewhere, &home, Scope::Org));
    assert!(cand(&elsewhere, &home, Scope::Area));
    assert!(!cand(&elsewhere, &[], Scope::Area));
    assert!(cand(&elsewhere, &[], Scope::Any));
}

#[test]
fn capacity_counts_serving_holders_and_future_confirmations() {
    let mut p = post();
    p.holders = vec![
        holder("a", Some("2026-01-01"), None),
        holder("b", Some("2026-01-01"), Some("2026-03-31")),
    ];
    assert!(capacity_check(&p, d("2026-03-30"), None).is_some());
    // On the day a spell ends, its place is free for a handover (SPEC §2.4); after it too.
    assert!(capacity_check(&p, d("2026-03-31"), None).is_none());
    assert!(capacity_check(&p, d("2026-04-01"), None).is_none());
    assert_eq!(vacancies_on(&p, d("2026-04-01")), Some(1));
    // A confirmation dated later fills the place from then on.
    p.holders.push(holder("c", Some("2026-06-01"), None));
    let r = capacity_check(&p, d("2026-04-01"), None);
    assert!(
        matches!(&r, Some(Refusal::CapacityFull { date, .. }) if *date == d("2026-06-01")),
        "{r:?}"
    );
    // Without a capacity there is no limit.
    p.capacity = None;
    assert!(capacity_check(&p, d("2026-06-01"), None).is_none());
    assert_eq!(vacancies_on(&p, d("2026-06-01")), None);
}

#[test]
fn window_of_temporary_posts() {
    let mut p = post();
    assert!(in_window(&p, d("1999-01-01")));
    p.kind = PostKind::Temporary;
    p.from = Some(d("2026-06-18"));
    p.until = Some(d("2026-07-31"));
    assert!(!in_window(&p, d("2026-06-17")));
    assert!(in_window(&p, d("2026-06-18")));
    assert!(in_window(&p, d("2026-07-31")));
    assert!(!in_window(&p, d("2026-08-01")));
}

#[test]
fn the_six_steps_in_the_model() {
    let mut p = post();
    let m = member("a", MemberStatus::Full);
    let oc = chain(&["jiangbin"]);
    let c = Candidate {
        member: &m,
        org_chain: &oc,
        lives_chain: &[],
    };
    let claim = claim(&p, &c, d("2026-01-10")).unwrap();
    assert!(claim.notes.is_empty());
    claim.edit.apply(&mut p);
    assert_eq!(
        super::claim(&p, &c, d("2026-01-11")).unwrap_err(),
        vec![Refusal::AlreadyClaimed {
            member: "A (a)".into(),
            claimed: Some(d("2026-01-10"))
        }]
    );
    // Confirming before the claim is a date-order refusal.
    assert!(matches!(
        assign(&p, &c, d("2026-01-09")).unwrap_err()[..],
        [Refusal::DateOrder { .. }]
    ));
    let e = assign(&p, &c, d("2026-01-15")).unwrap();
    assert_eq!(e.index, Some(0));
    assert_eq!(e.set, vec![("confirmed", Field::Date(d("2026-01-15")))]);
    e.apply(&mut p);
    let pubs = publish(&p, d("2026-01-20"));
    assert_eq!(pubs.len(), 1);
    pubs[0].apply(&mut p);
    assert!(publish(&p, d("2026-01-21")).is_empty());
    let entry = log(&p, &m, d("2026-02-03"), "巡查3个小区", Some(Num::int(2))).unwrap();
    assert_eq!(entry.member, "a");
    assert!(log(&p, &m, d("2026-01-14"), "x", None).is_err());
    let e = end(&p, &m, d("2026-12-31"), Some("换岗")).unwrap();
    e.apply(&mut p);
    assert_eq!(p.holders[0].ended, Some(d("2026-12-31")));
    assert_eq!(p.holders[0].end_reason.as_deref(), Some("换岗"));
    // A log on the day the holder ended is inside the spell; the day after is not.
    assert!(log(&p, &m, d("2026-12-31"), "x", None).is_ok());
    assert!(matches!(
        log(&p, &m, d("2027-01-01"), "x", None).unwrap_err()[..],
        [Refusal::NotServing { .. }]
    ));
    assert!(matches!(
        end(&p, &m, d("2027-01-01"), None).unwrap_err()[..],
        [Refusal::AlreadyEnded { .. }]
    ));
    // After ending, the member may claim again: a new holder entry.
    assert_eq!(
        super::claim(&p, &c, d("2027-01-02")).unwrap().edit.index,
        None
    );
}

#[test]
fn assign_lists_every_reason() {
    let mut p = post();
    p.kind = PostKind::Temporary;
    p.from = Some(d("2026-06-18"));
    p.until = Some(d("2026-07-31"));
    p.capacity = Some(1);
    p.holders = vec![holder("b", Some("2026-06-18"), None)];
    let mut m = member("a", MemberStatus::Resident);
    m.left = Some(d("2026-05-01"));
    let oc = chain(&["elsewhere"]);
    let c = Candidate {
        member: &m,
        org_chain: &oc,
        lives_chain: &[],
    };
    let r = assign(&p, &c, d("2026-08-02")).unwrap_err();
    let kinds: Vec<&str> = r
        .iter()
        .map(|r| match r {
            Refusal::MemberLeft { .. } => "left",
            Refusal::Status { .. } => "status",
            Refusal::Scope { .. } => "scope",
            Refusal::WindowClosed { .. } => "window",
            Refusal::CapacityFull { .. } => "capacity",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["left", "status", "scope", "window", "capacity"]);
    for r in &r {
        assert!(!r.message(Locale::ZhCn).contains('{'), "{r:?}");
        assert!(!r.message(Locale::En).contains('{'), "{r:?}");
    }
}

fn rec<T>(path: &str, value: T) -> crate::workspace::Rec<T> {
    crate::workspace::Rec {
        path: path.to_string(),
        value,
    }
}

#[test]
fn check_finds_ineligible_holders_and_members_who_left() {
    let settings = toml::from_str(
        "format = 1\nname = \"x\"\nroot = \"jiangbin\"\nyear = 2026\nlocale = \"en\"\nsector = \"community\"\n",
    )
    .unwrap();
    let org: crate::model::Org = toml::from_str(
        "id = \"jiangbin\"\nname = \"江滨\"\nkind = \"branch\"\nsector = \"community\"\n",
    )
    .unwrap();
    let mut left = member("c", MemberStatus::Full);
    left.left = Some(d("2026-06-30"));
    let mut p = post();
    p.capacity = None;
    p.holders = vec![
        holder("a", Some("2026-01-01"), None),
        holder("b", Some("2026-01-01"), None),
        holder("c", Some("2026-01-01"), Some("2026-06-30")),
        holder("c", Some("2026-07-01"), None),
        // Ended before as_of: not judged by today's status.
        holder("b", Some("2025-01-01"), Some("2025-12-31")),
    ];
    p.logs = vec![
        LogEntry {
            date: d("2026-06-30"),
            member: "c".into(),
            text: "x".into(),
            hours: None,
        },
        LogEntry {
            date: d("2026-07-02"),
            member: "c".into(),
            text: "x".into(),
            hours: None,
        },
    ];
    let ws = Workspace::new(
        rec("dangjian.toml", settings),
        crate::workspace::Records {
            orgs: vec![rec("orgs/jiangbin.toml", org)],
            members: vec![
                rec("members/a.toml", member("a", MemberStatus::Full)),
                rec("members/b.toml", member("b", MemberStatus::Activist)),
                rec("members/c.toml", left),
            ],
            posts: vec![rec("posts/pingan-1.toml", p)],
            ..Default::default()
        },
    );
    let ctx = Context {
        as_of: d("2026-11-20"),
        locale: Locale::En,
    };
    let found: Vec<(&str, crate::diag::Place)> = check(&ws, &ctx)
        .into_iter()
        .map(|d| (d.code.as_str(), d.place))
        .collect();
    let at = |p: &str| crate::diag::Place::Path(crate::diag::parse_path(p));
    assert_eq!(
        found,
        vec![
            ("eligibility", at("holder[1].member")),
            ("member-left", at("holder[3].member")),
            ("member-left", at("log[1].date")),
        ]
    );
}

/// After any sequence of accepted steps, the post keeps the rules of SPEC §2.4: dates of a
/// holder in order, capacity never exceeded on any day, confirmations inside the window,
/// log entries inside a spell.
fn rules_hold(p: &Post) -> Result<(), String> {
    for h in &p.holders {
        let dates: Vec<Date> = [h.claimed, h.confirmed, h.published, h.ended]
            .into_iter()
            .flatten()
            .collect();
        if dates.windows(2).any(|w| w[0] > w[1]) {
            return Err(format!("date order: {h:?}"));
        }
        if let Some(c) = h.confirmed
            && !in_window(p, c)
        {
            return Err(format!("outside the window: {h:?}"));
        }
    }
    if let Some(cap) = p.capacity {
        for day in p.holders.iter().filter_map(|h| h.confirmed) {
            if p.holders.iter().filter(|h| h.occupies_on(day)).count() > cap as usize {
                return Err(format!("over capacity on {day}"));
            }
        }
    }
    for l in &p.logs {
        if !p
            .holders
            .iter()
            .any(|h| h.member == l.member && h.serving_on(l.date))
        {
            return Err(format!("log outside a spell: {l:?}"));
        }
    }
    Ok(())
}

proptest::proptest! {
    #[test]
    fn accepted_steps_keep_the_rules(
        temporary in proptest::bool::ANY,
        capacity in proptest::option::of(1u32..4),
        steps in proptest::collection::vec((0u8..5, 0usize..5, 0u64..90), 1..40),
    ) {
        let mut p = post();
        p.capacity = capacity;
        if temporary {
            p.kind = PostKind::Temporary;
            p.from = Some(d("2026-01-20"));
            p.until = Some(d("2026-02-20"));
        }
        let mut leaves = member("e", MemberStatus::Full);
        leaves.left = Some(d("2026-02-01"));
        let members = [
            member("a", MemberStatus::Full),
            member("b", MemberStatus::Probationary),
            member("c", MemberStatus::Full),
            member("d", MemberStatus::Activist),
            leaves,
        ];
        let oc = chain(&["jiangbin"]);
        for (op, who_i, day) in steps {
            let m = &members[who_i];
            let c = Candidate { member: m, org_chain: &oc, lives_chain: &[] };
            let date = Date(d("2026-01-01").0 + chrono::Days::new(day));
            let edits: Vec<HolderEdit> = match op {
                0 => claim(&p, &c, date).map(|c| vec![c.edit]).unwrap_or_default(),
                1 => assign(&p, &c, date).map(|e| vec![e]).unwrap_or_default(),
                2 => publish(&p, date),
                3 => {
                    if let Ok(entry) = log(&p, m, date, "x", None) {
                        p.logs.push(entry);
                    }
                    vec![]
                }
                _ => end(&p, m, date, None).map(|e| vec![e]).unwrap_or_default(),
            };
            for e in edits {
                e.apply(&mut p);
            }
            proptest::prop_assert_eq!(rules_hold(&p), Ok(()), "{:?}", p.holders);
            // Nobody ineligible or gone is ever confirmed.
            proptest::prop_assert!(p
                .holders
                .iter()
                .all(|h| h.confirmed.is_none() || (h.member != "d" && h.member != "e")));
        }
    }
}

#[test]
fn end_after_leaving_is_refused() {
    let mut p = post();
    p.holders = vec![holder("a", Some("2026-01-01"), None)];
    let mut m = member("a", MemberStatus::Full);
    m.left = Some(d("2026-09-01"));
    assert!(matches!(
        end(&p, &m, d("2026-09-02"), Some("调离")).unwrap_err()[..],
        [Refusal::EndAfterLeft { .. }]
    ));
    assert!(end(&p, &m, d("2026-09-01"), None).is_ok());
    let n = member("z", MemberStatus::Full);
    assert!(matches!(
        end(&p, &n, d("2026-09-01"), None).unwrap_err()[..],
        [Refusal::NotAHolder { .. }]
    ));
}

#[test]
fn a_same_day_handover_fits_within_capacity() {
    let mut p: Post = toml::from_str(
        "id = \"p\"\nname = \"P\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"d\"]\ncapacity = 1\n\
         [[holder]]\nmember = \"a\"\nconfirmed = 2026-01-10\nended = 2026-01-15\n",
    )
    .unwrap();
    assert_eq!(capacity_check(&p, Date::ymd(2026, 1, 15), None), None);
    assert!(capacity_check(&p, Date::ymd(2026, 1, 14), None).is_some());
    p.holders[0].ended = Some(Date::ymd(2026, 1, 16));
    assert!(capacity_check(&p, Date::ymd(2026, 1, 15), None).is_some());
}
