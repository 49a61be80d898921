//! CLI tests of the matter area: a village and a community matter walked from consult to done
//! with the commands, every unmet condition of every step refused (exit 1, file byte-identical,
//! each reason named), `--force --reason`, and the record commands' own refusals.

use crate::{Run, TestEnv};

const ROAD: &str = "matters/2026/road.toml";

/// A workspace of one sector (messages in English), with a Party org, a partner and members.
fn workspace(sector: &str, extra_settings: &str) -> TestEnv {
    let env = TestEnv::empty();
    env.write(
        "dangjian.toml",
        &format!(
            "format = 1\nname = \"W\"\nroot = \"top\"\nyear = 2026\nlocale = \"en\"\nsector = \"{sector}\"\n{extra_settings}"
        ),
    );
    env.write(
        "orgs/top.toml",
        &format!("id = \"top\"\nname = \"党支部\"\nkind = \"branch\"\nsector = \"{sector}\"\n"),
    );
    env.write(
        "orgs/partner.toml",
        &format!(
            "id = \"partner\"\nname = \"村委会\"\nkind = \"partner\"\nsector = \"{sector}\"\nparent = \"top\"\n"
        ),
    );
    env.write(
        "members/zhangsan.toml",
        "id = \"zhangsan\"\nname = \"张三\"\norg = \"top\"\nstatus = \"full\"\noffice = \"none\"\n",
    );
    env
}

/// `matter advance road --date D`.
fn adv(date: &str) -> [&str; 5] {
    ["matter", "advance", "road", "--date", date]
}

/// Runs a command that must succeed; its transcript and the diff of what it wrote go to the
/// journal the test snapshots.
fn ok(env: &TestEnv, args: &[&str]) -> Run {
    let r = env.run_write(args).run;
    assert_eq!(
        r.code, 0,
        "{args:?}\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    r
}

/// Runs a command that must be refused: exit 1, the file untouched, every reason named.
fn refused(env: &TestEnv, rel: &str, args: &[&str], reasons: &[&str]) -> Run {
    failed(env, rel, args, reasons, 1)
}

/// Runs a command that names no record: a usage error, exit 2, the file untouched.
fn usage(env: &TestEnv, rel: &str, args: &[&str], reasons: &[&str]) -> Run {
    failed(env, rel, args, reasons, 2)
}

fn failed(env: &TestEnv, rel: &str, args: &[&str], reasons: &[&str], code: i32) -> Run {
    let before = std::fs::read(env.path(rel)).ok();
    let r = env.run_write(args).run;
    assert_eq!(
        r.code, code,
        "{args:?}\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    assert_eq!(
        std::fs::read(env.path(rel)).ok(),
        before,
        "{rel} changed on a refusal"
    );
    for reason in reasons {
        assert!(
            r.stderr.contains(reason),
            "{args:?}: stderr lacks `{reason}`:\n{}",
            r.stderr
        );
    }
    r
}

/// Appends hand-written TOML, runs a refused command, and puts the file back.
fn refused_with(env: &TestEnv, extra: &str, args: &[&str], reasons: &[&str]) {
    let saved = env.read(ROAD);
    env.write(ROAD, &format!("{saved}{extra}"));
    refused(env, ROAD, args, reasons);
    env.write(ROAD, &saved);
}

fn step_of(env: &TestEnv) -> String {
    let m: toml::Table = toml::from_str(&env.read(ROAD)).unwrap();
    m["step"].as_str().unwrap().to_string()
}

fn history(env: &TestEnv) -> Vec<toml::Value> {
    let m: toml::Table = toml::from_str(&env.read(ROAD)).unwrap();
    m.get("history")
        .and_then(|h| h.as_array())
        .cloned()
        .unwrap_or_default()
}

#[test]
fn village_matter_walks_the_four_discussions_and_two_publications() {
    // As of the end of the year the matter walks through: none of its dates is in the future.
    let mut env = workspace("village", "");
    env.as_of = "2026-12-31";
    ok(
        &env,
        &[
            "matter",
            "new",
            "road",
            "--name",
            "村道硬化",
            "--org",
            "top",
        ],
    );
    assert_eq!(step_of(&env), "consult");

    // consult
    refused(
        &env,
        ROAD,
        &adv("2026-01-05"),
        &[
            "cannot complete the consult step",
            "too few opinions: 0 recorded, at least 1 needed",
            "too few opinion sources",
        ],
    );
    ok(
        &env,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "群众",
            "--text",
            "修路",
            "--adopted",
            "--date",
            "2026-01-04",
        ],
    );
    ok(&env, &adv("2026-01-05"));
    assert_eq!(step_of(&env), "decide");

    // decide: 四议 — branch, committees, members, representatives, in that order
    refused(
        &env,
        ROAD,
        &adv("2026-01-25"),
        &[
            "no meeting of the branch body",
            "no meeting of the committees body",
            "no meeting of the members body",
            "no meeting of the representatives body",
        ],
    );
    let meeting = |body: &str, date: &str, expected: &str, present: &str, yes: &str| {
        ok(
            &env,
            &[
                "matter",
                "meeting",
                "road",
                "--body",
                body,
                "--date",
                date,
                "--expected",
                expected,
                "--present",
                present,
                "--yes",
                yes,
                "--decision",
                "同意",
            ],
        );
    };
    meeting("branch", "2026-01-10", "5", "5", "5");
    meeting("committees", "2026-01-12", "9", "8", "8");
    meeting("members", "2026-01-11", "40", "30", "28");
    refused(
        &env,
        ROAD,
        &adv("2026-01-25"),
        &[
            "the members meeting is out of order: it must be dated after the committees meeting",
            "no meeting of the representatives body",
        ],
    );
    meeting("members", "2026-01-15", "40", "30", "15");
    meeting("representatives", "2026-01-20", "30", "20", "20");
    refused(
        &env,
        ROAD,
        &adv("2026-01-25"),
        &[
            "the members meeting did not pass: 15 yes of 30 present",
            // 20 of 30 is not more than 30 × 0.6667
            "the representatives meeting was not quorate: 20 present of 30 expected",
            "the decision of the representatives meeting is not published",
        ],
    );
    meeting("members", "2026-01-16", "40", "30", "16");
    ok(
        &env,
        &[
            "matter",
            "meeting",
            "road",
            "--body",
            "代表会议",
            "--date",
            "2026-01-21",
            "--expected",
            "30",
            "--present",
            "21",
            "--yes",
            "20",
            "--no",
            "1",
            "--decision",
            "同意硬化村道",
            "--published",
            "2026-01-22",
        ],
    );
    ok(&env, &adv("2026-01-25"));
    assert_eq!(step_of(&env), "decompose");

    // decompose
    refused(&env, ROAD, &adv("2026-02-01"), &["no task"]);
    ok(
        &env,
        &[
            "matter",
            "task",
            "road",
            "t1",
            "--text",
            "硬化村道",
            "--org",
            "partner",
            "--leader",
            "张三",
            "--target",
            "1200",
            "--unit",
            "米",
            "--due",
            "2026-09-30",
        ],
    );
    refused_with(
        &env,
        "\n[[task]]\nid = \"t8\"\ntext = \"x\"\n\n[[task]]\nid = \"t9\"\ntext = \"y\"\norg = \"ghost\"\ndue = 2026-10-01\n",
        &adv("2026-02-01"),
        &[
            "task t8 has no responsible org or member",
            "task t8 has no due date",
            "task t9 names an unknown responsible org or member `ghost`",
        ],
    );
    ok(&env, &adv("2026-02-01"));

    // commit
    refused(
        &env,
        ROAD,
        &adv("2026-02-05"),
        &["task t1 is not signed", "the tasks are not made public"],
    );
    ok(
        &env,
        &["matter", "sign", "road", "t1", "--date", "2026-02-02"],
    );
    refused(&env, ROAD, &adv("2026-02-05"), &["not made public"]);
    ok(
        &env,
        &[
            "matter",
            "publicize",
            "road",
            "--place",
            "村务公开栏",
            "--date",
            "2026-02-03",
        ],
    );
    ok(&env, &adv("2026-02-05"));
    assert_eq!(step_of(&env), "implement");

    // implement
    refused(
        &env,
        ROAD,
        &adv("2026-09-30"),
        &["task t1 is incomplete: progress - of 1200"],
    );
    ok(
        &env,
        &[
            "matter",
            "progress",
            "road",
            "t1",
            "--value",
            "400",
            "--date",
            "2026-03-31",
        ],
    );
    refused(
        &env,
        ROAD,
        &adv("2026-09-30"),
        &["task t1 is incomplete: progress 400 of 1200"],
    );
    ok(
        &env,
        &[
            "matter",
            "progress",
            "road",
            "t1",
            "--value",
            "1200",
            "--date",
            "2026-09-20",
            "--note",
            "全线贯通",
        ],
    );
    ok(&env, &adv("2026-09-30"));

    // evaluate: 两公开 — every review published
    refused(&env, ROAD, &adv("2026-12-25"), &["no review"]);
    ok(
        &env,
        &[
            "matter",
            "review",
            "road",
            "--task",
            "t1",
            "--score",
            "95",
            "--result",
            "表彰",
            "--date",
            "2026-12-20",
        ],
    );
    refused(
        &env,
        ROAD,
        &adv("2026-12-25"),
        &["review 1 (t1) is not published"],
    );
    refused(
        &env,
        ROAD,
        &["matter", "publish", "road", "--review", "2"],
        &["there is no review 2 (the matter has 1)"],
    );
    refused(
        &env,
        ROAD,
        &[
            "matter",
            "publish",
            "road",
            "--review",
            "1",
            "--date",
            "2026-12-19",
        ],
        &["published (2026-12-19) is before date (2026-12-20)"],
    );
    ok(
        &env,
        &[
            "matter",
            "publish",
            "road",
            "--review",
            "1",
            "--date",
            "2026-12-22",
        ],
    );
    assert!(
        env.read(ROAD)
            .contains("result = \"表彰\"\npublished = 2026-12-22\n")
    );
    let r = ok(&env, &adv("2026-12-25"));
    assert!(r.stdout.contains("now at done"), "{}", r.stdout);
    assert_eq!(step_of(&env), "done");
    refused(
        &env,
        ROAD,
        &adv("2026-12-26"),
        &["has completed all six steps (step = done)"],
    );

    let steps: Vec<String> = history(&env)
        .iter()
        .map(|h| h["step"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        steps,
        [
            "consult",
            "decide",
            "decompose",
            "commit",
            "implement",
            "evaluate"
        ]
    );
    assert!(history(&env).iter().all(|h| h.get("forced").is_none()));
    assert!(
        env.read(ROAD)
            .contains("[[history]]\nstep = \"evaluate\"\ncompleted = 2026-12-25\n")
    );

    let status = env.run(&["matter", "status", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let pipeline = crate::rows(&v, "pipeline").as_array().unwrap();
    let done = pipeline.iter().find(|r| r["step"] == "done").unwrap();
    assert_eq!(done["matters"], 1);
    let rows = crate::rows(&v, "matters").as_array().unwrap();
    assert_eq!(rows[0]["id"], "road");
    assert_eq!(rows[0]["completion"], 100);
    assert_eq!(rows[0]["unmet"], 0);
    snapshot!("village", env.journal());
}

#[test]
fn community_matter_walks_the_three_divisions_and_three_joints() {
    let mut env = workspace("community", "");
    env.as_of = "2026-12-31";
    env.write(
        "members/lisi.toml",
        "id = \"lisi\"\nname = \"李四\"\norg = \"top\"\nstatus = \"full\"\noffice = \"none\"\n",
    );
    ok(
        &env,
        &[
            "matter",
            "new",
            "road",
            "--name",
            "老旧下水道改造",
            "--org",
            "党支部",
        ],
    );
    // consult: 分类征求意见 — two distinct sources by default
    for text in ["a", "b"] {
        ok(
            &env,
            &[
                "matter",
                "opinion",
                "road",
                "--source",
                "residents",
                "--text",
                text,
                "--date",
                "2026-01-05",
            ],
        );
    }
    refused(
        &env,
        ROAD,
        &adv("2026-01-12"),
        &["too few opinion sources: 1 distinct sources, at least 2 needed"],
    );
    ok(
        &env,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "resident-unit",
            "--text",
            "c",
            "--date",
            "2026-01-06",
        ],
    );
    ok(&env, &adv("2026-01-12"));

    // decide: 联席议事决策 — a joint meeting, no publication required
    ok(
        &env,
        &[
            "matter",
            "meeting",
            "road",
            "--body",
            "branch",
            "--date",
            "2026-01-15",
            "--expected",
            "5",
            "--present",
            "5",
            "--yes",
            "5",
            "--decision",
            "同意",
        ],
    );
    refused(
        &env,
        ROAD,
        &adv("2026-01-25"),
        &["no meeting of the joint body"],
    );
    ok(
        &env,
        &[
            "matter",
            "meeting",
            "road",
            "--body",
            "joint",
            "--date",
            "2026-01-20",
            "--expected",
            "25",
            "--present",
            "23",
            "--yes",
            "21",
            "--no",
            "1",
            "--abstain",
            "1",
            "--decision",
            "同意改造",
        ],
    );
    ok(&env, &adv("2026-01-25"));

    // decompose: 分工负责项目 — an org and a member
    ok(
        &env,
        &[
            "matter",
            "task",
            "road",
            "t1",
            "--text",
            "改造下水道",
            "--org",
            "partner",
            "--assist",
            "top",
            "--target",
            "300",
            "--unit",
            "米",
            "--due",
            "2026-09-30",
        ],
    );
    ok(
        &env,
        &[
            "matter",
            "task",
            "road",
            "t2",
            "--text",
            "入户宣传",
            "--member",
            "lisi",
            "--due",
            "2026-06-30",
        ],
    );
    ok(&env, &adv("2026-02-01"));

    // commit: 联名公开承诺
    ok(
        &env,
        &["matter", "sign", "road", "--all", "--date", "2026-02-02"],
    );
    ok(
        &env,
        &[
            "matter",
            "publicize",
            "road",
            "--place",
            "社区公开栏",
            "--date",
            "2026-02-03",
        ],
    );
    ok(&env, &adv("2026-02-03"));

    // implement: 分步组织实施
    ok(
        &env,
        &[
            "matter",
            "progress",
            "road",
            "t1",
            "--value",
            "300",
            "--date",
            "2026-08-31",
        ],
    );
    refused(
        &env,
        ROAD,
        &adv("2026-09-30"),
        &["task t2 is incomplete: progress - of 100"],
    );
    ok(
        &env,
        &[
            "matter",
            "progress",
            "road",
            "t2",
            "--value",
            "100",
            "--date",
            "2026-06-30",
        ],
    );
    let status = ok(&env, &["matter", "status", "--format", "csv"]);
    assert!(
        status
            .stdout
            .contains("road,老旧下水道改造,top,党支部,implement,implement,2,100,0"),
        "{}",
        status.stdout
    );
    ok(&env, &adv("2026-09-30"));

    // evaluate: 联合开展考评 — every task reviewed, no publication required
    ok(
        &env,
        &[
            "matter",
            "review",
            "road",
            "--task",
            "t1",
            "--score",
            "92",
            "--date",
            "2026-12-01",
        ],
    );
    refused(&env, ROAD, &adv("2026-12-05"), &["task t2 is not reviewed"]);
    ok(
        &env,
        &[
            "matter",
            "review",
            "road",
            "--task",
            "t2",
            "--score",
            "88",
            "--date",
            "2026-12-01",
        ],
    );
    ok(&env, &adv("2026-12-05"));
    assert_eq!(step_of(&env), "done");
    assert_eq!(history(&env).len(), 6);

    // the record is valid for the loader and check finds no error in it
    let check = env.run(&["check", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 0, "{}", check.stdout);
    snapshot!("community", env.journal());
}

#[test]
fn check_warns_of_stale_progress_in_an_agency() {
    let env = workspace("agency", "");
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    for date in ["2026-01-05", "2026-01-10", "2026-01-20", "2026-02-01"] {
        ok(
            &env,
            &[
                "matter", "advance", "road", "--force", "--reason", "补录", "--date", date,
            ],
        );
    }
    assert_eq!(step_of(&env), "implement");
    let text = format!(
        "{}\n[[task]]\nid = \"t1\"\ntext = \"x\"\norg = \"top\"\ndue = 2026-12-31\n",
        env.read(ROAD)
    );
    env.write(ROAD, &text);
    ok(
        &env,
        &[
            "matter",
            "progress",
            "road",
            "t1",
            "--value",
            "30",
            "--date",
            "2026-03-15",
        ],
    );
    let quiet = env
        .run(&["--as-of", "2026-04-15", "check", "--format", "json"])
        .ok();
    assert!(!quiet.stdout.contains("stale-progress"), "{}", quiet.stdout);
    let r = env
        .run(&["--as-of", "2026-04-16", "check", "--format", "json"])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let stale: Vec<_> = diags
        .iter()
        .filter(|d| d["code"] == "stale-progress")
        .collect();
    assert_eq!(stale.len(), 1, "{}", r.stdout);
    assert_eq!(stale[0]["severity"], "warning");
    assert_eq!(stale[0]["file"], ROAD);
    assert!(
        stale[0]["message"]
            .as_str()
            .unwrap()
            .contains("since 2026-03-15")
    );
    snapshot!("stale-progress", env.journal());
}

#[test]
fn workflow_settings_override_the_sector_and_the_owner_sector_applies() {
    // [workflow] lowers the community's two sources to one
    let env = workspace(
        "community",
        "[workflow.consult]\nmin_sources = 1\nmin_opinions = 2\n",
    );
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    ok(
        &env,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "residents",
            "--text",
            "a",
        ],
    );
    let r = refused(
        &env,
        ROAD,
        &["matter", "advance", "road"],
        &["too few opinions: 1 recorded, at least 2 needed"],
    );
    assert!(!r.stderr.contains("sources"), "{}", r.stderr);

    snapshot!("workflow-settings", env.journal());

    // a village org inside a community workspace decides as a village
    let env = workspace("community", "");
    env.write(
        "orgs/cun.toml",
        "id = \"cun\"\nname = \"村\"\nkind = \"branch\"\nsector = \"village\"\nparent = \"top\"\n",
    );
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "cun"],
    );
    ok(
        &env,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "residents",
            "--text",
            "a",
        ],
    );
    // one source is enough for a village
    ok(&env, &["matter", "advance", "road", "--date", "2026-01-05"]);
    refused(
        &env,
        ROAD,
        &["matter", "advance", "road"],
        &["no meeting of the representatives body"],
    );
    snapshot!("owner-sector", env.journal());
}

#[test]
fn force_needs_a_reason_and_records_it() {
    let env = workspace("school", "");
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    let before = env.read(ROAD);
    let r = env.run_write(&["matter", "advance", "road", "--force"]).run;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(env.read(ROAD), before);
    refused(
        &env,
        ROAD,
        &["matter", "advance", "road", "--force", "--reason", "  "],
        &["--force needs a reason"],
    );
    let r = ok(
        &env,
        &[
            "matter",
            "advance",
            "road",
            "--force",
            "--reason",
            "上级紧急交办",
            "--date",
            "2026-01-03",
        ],
    );
    assert!(r.stdout.contains("with --force"), "{}", r.stdout);
    let h = history(&env);
    assert_eq!(h.len(), 1);
    assert_eq!(h[0]["step"].as_str(), Some("consult"));
    assert_eq!(h[0]["forced"].as_str(), Some("上级紧急交办"));
    assert_eq!(step_of(&env), "decide");
    snapshot!("force", env.journal());
}

#[test]
fn advance_refuses_when_step_and_history_disagree() {
    let env = workspace("school", "");
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    let text = env
        .read(ROAD)
        .replace("step = \"consult\"", "step = \"commit\"");
    env.write(ROAD, &text);
    let msg = "step is commit but history says consult";
    refused(&env, ROAD, &["matter", "advance", "road"], &[msg]);
    refused(
        &env,
        ROAD,
        &["matter", "advance", "road", "--force", "--reason", "x"],
        &[msg],
    );
    // history out of order
    env.write(
        ROAD,
        &text.replace(
            "step = \"commit\"",
            "step = \"decompose\"\n\n[[history]]\nstep = \"decide\"\ncompleted = 2026-01-02\n\n[[history]]\nstep = \"consult\"\ncompleted = 2026-01-01",
        ),
    );
    refused(
        &env,
        ROAD,
        &["matter", "advance", "road"],
        &["step is decompose but history says"],
    );
    snapshot!("step-history", env.journal());
}

#[test]
fn advance_refuses_a_date_before_the_previous_step() {
    let env = workspace("school", "");
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    ok(
        &env,
        &[
            "matter",
            "advance",
            "road",
            "--force",
            "--reason",
            "x",
            "--date",
            "2026-03-01",
        ],
    );
    refused(
        &env,
        ROAD,
        &[
            "matter",
            "advance",
            "road",
            "--force",
            "--reason",
            "x",
            "--date",
            "2026-02-01",
        ],
        &["2026-02-01 is before the previous step was completed (2026-03-01)"],
    );
    snapshot!("date-before", env.journal());
}

#[test]
fn record_commands_refuse_what_check_would_reject() {
    let env = workspace("school", "");
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    refused(
        &env,
        ROAD,
        &[
            "matter",
            "meeting",
            "road",
            "--body",
            "branch",
            "--expected",
            "5",
            "--present",
            "6",
            "--yes",
            "4",
            "--no",
            "2",
            "--abstain",
            "1",
            "--decision",
            "d",
            "--date",
            "2026-01-10",
            "--published",
            "2026-01-09",
        ],
        &[
            "6 present is more than the 5 expected",
            "7 votes is more than the 6 present",
            "published (2026-01-09) is before date (2026-01-10)",
        ],
    );
    usage(
        &env,
        ROAD,
        &[
            "matter",
            "task",
            "road",
            "t1",
            "--text",
            "x",
            "--org",
            "ghost",
            "--leader",
            "nobody",
            "--assist",
            "phantom",
            "--due",
            "2026-09-30",
        ],
        &["`ghost`", "`nobody`", "`phantom`"],
    );
    ok(
        &env,
        &[
            "matter",
            "task",
            "road",
            "t1",
            "--text",
            "x",
            "--org",
            "partner",
            "--target",
            "10",
            "--due",
            "2026-09-30",
        ],
    );
    ok(
        &env,
        &[
            "matter",
            "task",
            "road",
            "t2",
            "--text",
            "y",
            "--member",
            "zhangsan",
            "--due",
            "2026-09-30",
        ],
    );
    refused(
        &env,
        ROAD,
        &[
            "matter",
            "task",
            "road",
            "t1",
            "--text",
            "again",
            "--org",
            "top",
            "--due",
            "2026-09-30",
        ],
        &["task `t1` already exists"],
    );
    // --org and --member are exclusive, and one is required: usage errors
    let r = env
        .run_write(&[
            "matter",
            "task",
            "road",
            "t3",
            "--text",
            "x",
            "--due",
            "2026-09-30",
        ])
        .run;
    assert_eq!(r.code, 2, "{}", r.stderr);

    ok(
        &env,
        &[
            "matter",
            "progress",
            "road",
            "t1",
            "--value",
            "6",
            "--date",
            "2026-05-31",
        ],
    );
    refused(
        &env,
        ROAD,
        &["matter", "progress", "road", "t7", "--value", "1"],
        &["matter `road` has no task `t7`"],
    );
    refused(
        &env,
        ROAD,
        &[
            "matter",
            "progress",
            "road",
            "t1",
            "--value",
            "5",
            "--date",
            "2026-06-30",
        ],
        &["5 on 2026-06-30 would decrease against 6 on 2026-05-31"],
    );
    refused(
        &env,
        ROAD,
        &[
            "matter",
            "progress",
            "road",
            "t1",
            "--value",
            "7",
            "--date",
            "2026-04-30",
        ],
        &["7 on 2026-04-30 would decrease against 6 on 2026-05-31"],
    );
    refused(
        &env,
        ROAD,
        &["matter", "progress", "road", "t2", "--value", "120"],
        &["over 100"],
    );
    refused(
        &env,
        ROAD,
        &["matter", "progress", "road", "t1", "--value", "-1"],
        &["must not be negative"],
    );
    refused(
        &env,
        ROAD,
        &["matter", "review", "road", "--task", "t9", "--score", "101"],
        &["has no task `t9`", "the score 101 is not between 0 and 100"],
    );
    refused(
        &env,
        ROAD,
        &["matter", "sign", "road", "t9"],
        &["has no task `t9`"],
    );
    usage(
        &env,
        "matters/2026/ghost.toml",
        &["matter", "advance", "ghost"],
        &["no matter `ghost`"],
    );
    refused(
        &env,
        ROAD,
        &["matter", "new", "road", "--name", "again", "--org", "top"],
        &["matter `road` already exists"],
    );
    usage(
        &env,
        "matters/2026/x.toml",
        &["matter", "new", "x", "--name", "X", "--org", "ghost"],
        &["`ghost`"],
    );
    refused(
        &env,
        "matters/2026/X.toml",
        &["matter", "new", "X", "--name", "X", "--org", "top"],
        &["not a valid id"],
    );
    snapshot!("record-refusals", env.journal());
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let env = workspace("school", "");
    let r = ok(
        &env,
        &[
            "matter",
            "new",
            "road",
            "--name",
            "R",
            "--org",
            "top",
            "--dry-run",
        ],
    );
    assert!(r.stdout.contains("+step = \"consult\""), "{}", r.stdout);
    assert!(!env.path(ROAD).exists());
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    let before = env.read(ROAD);
    let r = ok(
        &env,
        &[
            "matter",
            "advance",
            "road",
            "--force",
            "--reason",
            "x",
            "--date",
            "2026-01-02",
            "--dry-run",
        ],
    );
    assert!(
        r.stdout.starts_with("--- a/matters/2026/road.toml\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("+step = \"decide\""), "{}", r.stdout);
    assert!(r.stdout.contains("+[[history]]"), "{}", r.stdout);
    assert!(r.stdout.contains("+forced = \"x\""), "{}", r.stdout);
    assert_eq!(env.read(ROAD), before);
    snapshot!("dry-run", env.journal());
}

#[test]
fn edits_keep_comments_and_the_chinese_words_written() {
    let env = workspace("school", "");
    env.write(
        ROAD,
        "# 年度重点事项\nid = \"road\"\nname = \"R\"\norg = \"top\"\nyear = 2026\nstep = \"征求意见\"   # 当前步骤\n\n[[opinion]]\nsource = \"群众\"\ndate = 2026-01-02\ntext = \"好\"\n",
    );
    ok(&env, &["matter", "advance", "road", "--date", "2026-01-05"]);
    let text = env.read(ROAD);
    assert!(text.starts_with("# 年度重点事项\n"), "{text}");
    assert!(
        text.contains("step = \"议事决策\"   # 当前步骤\n"),
        "{text}"
    );
    assert!(
        text.contains("[[history]]\nstep = \"征求意见\"\ncompleted = 2026-01-05\n"),
        "{text}"
    );
    // the first history entry comes right after the top-level keys
    assert!(
        text.find("[[history]]") < text.find("[[opinion]]"),
        "{text}"
    );
    assert!(text.contains("source = \"群众\""), "{text}");
    snapshot!("comments", env.journal());
}

#[test]
fn a_matter_is_found_in_another_year_folder() {
    let env = workspace("school", "");
    ok(
        &env,
        &[
            "matter",
            "new",
            "old",
            "--name",
            "旧事项",
            "--org",
            "top",
            "--year",
            "2025",
        ],
    );
    assert!(env.path("matters/2025/old.toml").exists());
    ok(
        &env,
        &[
            "matter", "opinion", "old", "--source", "members", "--text", "x",
        ],
    );
    let r = env.run(&["matter", "show", "old", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(crate::rows(&v, "opinions")[0]["text"], "x");
    assert_eq!(crate::rows(&v, "unmet").as_array().unwrap().len(), 0);
    snapshot!("other-year", env.journal());
}

#[test]
fn list_show_and_status_in_every_format() {
    let env = workspace("village", "");
    ok(
        &env,
        &[
            "matter",
            "new",
            "road",
            "--name",
            "村道硬化",
            "--org",
            "top",
        ],
    );
    ok(
        &env,
        &[
            "matter",
            "new",
            "well",
            "--name",
            "饮水井",
            "--org",
            "partner",
        ],
    );
    ok(
        &env,
        &[
            "matter",
            "advance",
            "well",
            "--force",
            "--reason",
            "x",
            "--date",
            "2026-01-02",
        ],
    );

    let r = ok(&env, &["matter", "list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["road", "well"]);
    let r = ok(
        &env,
        &["matter", "list", "--step", "decide", "--format", "csv"],
    );
    assert_eq!(
        r.stdout,
        "id,name,org,year,step,step_name,tasks,completion\r\nwell,饮水井,partner,2026,decide,decide,0,\r\n"
    );
    let r = env.run(&["matter", "list", "--org", "nowhere"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("`nowhere`"), "{}", r.stderr);
    let r = ok(
        &env,
        &["matter", "status", "--org", "村委会", "--format", "csv"],
    );
    assert!(
        r.stdout.contains("well,饮水井") && !r.stdout.contains("road"),
        "{}",
        r.stdout
    );
    let r = ok(&env, &["matter", "list", "--org", "partner"]);
    assert!(
        r.stdout.contains("well") && !r.stdout.contains("road"),
        "{}",
        r.stdout
    );

    let r = ok(&env, &["matter", "status"]);
    assert!(r.stdout.contains("Matters per step"), "{}", r.stdout);
    let r = ok(&env, &["--lang", "zh-CN", "matter", "status"]);
    assert!(
        r.stdout.contains("征求意见") && r.stdout.contains("议事决策"),
        "{}",
        r.stdout
    );
    let r = ok(&env, &["matter", "status", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let pipeline = crate::rows(&v, "pipeline").as_array().unwrap();
    assert_eq!(pipeline.len(), 7);
    assert_eq!(pipeline[0]["matters"], 1);
    assert_eq!(pipeline[1]["matters"], 1);
    // road at consult: one opinion and one source missing; well at decide: four meetings
    let rows = crate::rows(&v, "matters").as_array().unwrap();
    assert_eq!(
        (rows[0]["id"].as_str(), rows[0]["unmet"].as_i64()),
        (Some("road"), Some(2))
    );
    assert_eq!(
        (rows[1]["id"].as_str(), rows[1]["unmet"].as_i64()),
        (Some("well"), Some(4))
    );

    let r = ok(&env, &["matter", "show", "well"]);
    assert!(
        r.stdout.contains("no meeting of the branch body"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("x"), "{}", r.stdout);
    let r = ok(&env, &["matter", "show", "well", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(crate::rows(&v, "history")[0]["forced"], "x");
    assert_eq!(crate::rows(&v, "unmet")[0]["condition"], "no-meeting");
    let r = ok(&env, &["matter", "show", "well", "--format", "csv"]);
    assert!(
        r.stdout
            .contains("condition,message\r\nno-meeting,no meeting of the branch body\r\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn refusals_are_in_the_workspace_language() {
    let env = workspace("community", "");
    let zh = env
        .read("dangjian.toml")
        .replace("locale = \"en\"", "locale = \"zh-CN\"");
    env.write("dangjian.toml", &zh);
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    refused(
        &env,
        ROAD,
        &["matter", "advance", "road"],
        &[
            "不能完成“征求意见”步骤",
            "征求意见不足",
            "意见来源不足：已有 0 类来源，至少需要 2 类",
        ],
    );
    snapshot!("refusals-zh", env.journal());
}

#[test]
fn a_decision_published_later_is_recorded_with_publish() {
    let env = workspace("school", "[workflow.decide]\npublish = true\n");
    ok(
        &env,
        &["matter", "new", "road", "--name", "R", "--org", "top"],
    );
    ok(
        &env,
        &[
            "matter",
            "advance",
            "road",
            "--force",
            "--reason",
            "x",
            "--date",
            "2026-01-02",
        ],
    );
    ok(
        &env,
        &[
            "matter",
            "meeting",
            "road",
            "--body",
            "支委会",
            "--expected",
            "7",
            "--present",
            "4",
            "--yes",
            "3",
            "--decision",
            "d",
            "--date",
            "2026-01-10",
        ],
    );
    refused(
        &env,
        ROAD,
        &adv("2026-01-20"),
        &["the decision of the branch meeting is not published"],
    );
    refused(
        &env,
        ROAD,
        &["matter", "publish", "road", "--meeting", "0"],
        &["there is no meeting 0 (the matter has 1)"],
    );
    ok(
        &env,
        &[
            "matter",
            "publish",
            "road",
            "--meeting",
            "1",
            "--date",
            "2026-01-12",
        ],
    );
    assert!(
        env.read(ROAD)
            .contains("decision = \"d\"\npublished = 2026-01-12\n")
    );
    ok(&env, &adv("2026-01-20"));
    assert_eq!(step_of(&env), "decompose");
    snapshot!("publish-decision", env.journal());
}

#[test]
fn example_matters_met_the_conditions_of_the_steps_they_completed() {
    use dangjian::workflow::sixstep::{conditions, rules_for};
    let root = crate::repo().join("examples/qingxi");
    let (ws, _) = dangjian::workspace::load(
        &root,
        dangjian::workspace::LoadOptions {
            locale: dangjian::i18n::Locale::En,
        },
    );
    let ws = ws.expect("the example loads");
    assert!(ws.matters.len() >= 7);
    for m in &ws.matters {
        let rules = rules_for(&ws, m);
        for h in m.history.iter().filter(|h| h.forced.is_none()) {
            let unmet = conditions(m, h.step, &rules, &ws);
            assert!(unmet.is_empty(), "{} {}: {unmet:?}", m.path, h.step);
        }
    }
}

#[test]
fn the_example_decompose_matter_advances_and_the_decide_one_is_refused() {
    let env = TestEnv::example("qingxi");
    let rel = "matters/2026/jiangbin-shilaohua.toml";
    let before = env.read(rel);
    let r = ok(
        &env,
        &["--lang", "en", "matter", "advance", "jiangbin-shilaohua"],
    );
    assert!(r.stdout.contains("now at commit"), "{}", r.stdout);
    // the step line changes and one history entry is added after the last; nothing else moves
    let expected = before
        .replacen("step = \"decompose\"", "step = \"commit\"", 1)
        .replacen(
            "[[opinion]]",
            "[[history]]\nstep = \"decompose\"\ncompleted = 2026-11-20\n\n[[opinion]]",
            1,
        );
    assert_eq!(env.read(rel), expected);
    refused(
        &env,
        "matters/2026/xinqiao-tingche.toml",
        &["--lang", "en", "matter", "advance", "xinqiao-tingche"],
        &["no meeting of the joint body"],
    );
    snapshot!("example-advance", env.journal());
}

#[test]
fn a_yearly_matter_may_recur_and_the_year_picks_it() {
    let env = workspace("school", "");
    ok(
        &env,
        &[
            "matter", "new", "road", "--name", "2025", "--org", "top", "--year", "2025",
        ],
    );
    ok(
        &env,
        &["matter", "new", "road", "--name", "2026", "--org", "top"],
    );
    refused(
        &env,
        ROAD,
        &[
            "matter", "new", "road", "--name", "again", "--org", "top", "--year", "2026",
        ],
        &["matter `road` already exists: matters/2026/road.toml"],
    );
    // the workspace year first, another year with --year
    ok(
        &env,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "members",
            "--text",
            "this year",
        ],
    );
    assert!(env.read(ROAD).contains("this year"));
    ok(
        &env,
        &[
            "matter",
            "opinion",
            "road",
            "--year",
            "2025",
            "--source",
            "members",
            "--text",
            "last year",
        ],
    );
    assert!(env.read("matters/2025/road.toml").contains("last year"));
    // without this year's file, both other years are candidates
    env.remove(ROAD);
    env.write(
        "matters/2024/road.toml",
        "id = \"road\"\nname = \"R\"\norg = \"top\"\nyear = 2024\nstep = \"consult\"\n",
    );
    usage(
        &env,
        "matters/2025/road.toml",
        &["matter", "show", "road"],
        &["matters/2024/road.toml, matters/2025/road.toml", "--year"],
    );
    snapshot!("yearly", env.journal());
}
