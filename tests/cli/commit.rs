//! CLI tests of the commit area: the letter cycle (new, item, sign, publish, progress, comment),
//! every refusal, `--dry-run`, the ledger (`commit list`) in its formats and filters, `show`,
//! and the warnings of `check`.

use serde_json::Value;

use crate::{Run, TestEnv};

const LETTER: &str = "commitments/2026-H1/zhangsan.toml";

/// A community committee with two branches, a leader, three Party members, a resident and two
/// members sharing a name.
fn env() -> TestEnv {
    let env = TestEnv::empty();
    env.write(
        "dangjian.toml",
        "format = 1\nname = \"江滨社区党委\"\nroot = \"jiangbin\"\nyear = 2026\nlocale = \"zh-CN\"\nsector = \"community\"\n",
    );
    for (id, name, kind, parent) in [
        ("jiangbin", "江滨社区党委", "committee", None),
        ("zhibu1", "第一支部", "branch", Some("jiangbin")),
        ("zhibu2", "第二支部", "branch", Some("jiangbin")),
    ] {
        let parent = parent.map_or(String::new(), |p| format!("parent = \"{p}\"\n"));
        env.write(
            &format!("orgs/{id}.toml"),
            &format!("id = \"{id}\"\nname = \"{name}\"\nkind = \"{kind}\"\nsector = \"community\"\n{parent}"),
        );
    }
    for (id, name, org, status, office) in [
        ("wangfang", "王芳", "jiangbin", "full", "leader"),
        ("zhangsan", "张三", "zhibu1", "full", "none"),
        ("lisi", "李四", "zhibu2", "probationary", "none"),
        ("zhaoliu", "赵六", "zhibu1", "resident", "none"),
        ("liming1", "李明", "zhibu1", "full", "none"),
        ("liming2", "李明", "zhibu2", "full", "none"),
    ] {
        env.write(
            &format!("members/{id}.toml"),
            &format!(
                "id = \"{id}\"\nname = \"{name}\"\norg = \"{org}\"\nstatus = \"{status}\"\noffice = \"{office}\"\njoined = 2010-07-01\n\n[private]\nphone = \"13800000000\"\n"
            ),
        );
    }
    env
}

/// A signed and published letter of 张三. On 2026-05-10: c1 in progress, c2 overdue, c3 and c4
/// not started; on 2026-07-10: c1 fulfilled beyond its target, c2 and c3 overdue, c4 done
/// without a target.
const ZHANGSAN: &str = r#"# 张三的承诺书
committer = "zhangsan"
half = "2026-H1"
signed = 2026-01-15
published = 2026-01-18

[[item]]
id = "c1"
category = "pairing"
type = "concrete"
text = "帮助3户困难家庭解决实际问题"
measure = "每月走访一次"
target = 3
unit = "户"
due = 2026-06-30

[[item.progress]]
date = 2026-03-10
value = 1

[[item.progress]]
date = 2026-05-20
value = 5
note = "超额完成"

[[item]]
id = "c2"
category = "duty"
type = "service"
text = "办结群众诉求"
target = 3
unit = "件"
due = 2026-04-30

[[item.progress]]
date = 2026-04-01
value = 1

[[item]]
id = "c3"
category = "politics"
type = "service"
text = "参加理论学习"
target = 12
unit = "次"
due = 2026-06-30

[[item]]
id = "c4"
category = "integrity"
type = "service"
text = "不收受礼品礼金"
due = 2026-06-30

[[item.progress]]
date = 2026-06-20
done = true

[[comment]]
by = "wangfang"
date = 2026-06-28
text = "践诺扎实"
rating = "good"

[private]
note = "秘密备注"
"#;

fn with_letter() -> TestEnv {
    let env = env();
    env.write(LETTER, ZHANGSAN);
    env
}

fn run(env: &TestEnv, as_of: &str, args: &[&str]) -> Run {
    env.run(&with_date(as_of, args))
}

/// [`run`] of a writing command: its transcript and the diff of what it wrote go to the journal
/// the test snapshots.
fn write(env: &TestEnv, as_of: &str, args: &[&str]) -> Run {
    env.run_write(&with_date(as_of, args)).run
}

fn with_date<'a>(as_of: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--lang", "en", "--as-of", as_of];
    all.extend_from_slice(args);
    all
}

fn ok(r: &Run) {
    assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
}

/// Runs a refused command: exit 1, every reason on stderr, the letter byte-identical.
fn refused(env: &TestEnv, as_of: &str, args: &[&str], reasons: &[&str]) {
    failed(env, as_of, args, reasons, 1);
}

/// A command line naming no record: a usage error, exit 2, nothing written.
fn unknown(env: &TestEnv, as_of: &str, args: &[&str], reasons: &[&str]) {
    failed(env, as_of, args, reasons, 2);
}

fn failed(env: &TestEnv, as_of: &str, args: &[&str], reasons: &[&str], code: i32) {
    let before = std::fs::read(env.path(LETTER)).ok();
    let r = write(env, as_of, args);
    assert_eq!(
        r.code, code,
        "{args:?}: stdout {} stderr {}",
        r.stdout, r.stderr
    );
    for reason in reasons {
        assert!(
            r.stderr.contains(reason),
            "{args:?}: lacks `{reason}`: {}",
            r.stderr
        );
    }
    assert_eq!(
        std::fs::read(env.path(LETTER)).ok(),
        before,
        "{args:?} wrote"
    );
}

fn json(r: &Run) -> Value {
    ok(r);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn rows_by_item(v: &Value) -> Vec<(String, Value)> {
    v.as_array()
        .expect("an array of rows")
        .iter()
        .map(|row| (row["item"].as_str().unwrap_or("").to_string(), row.clone()))
        .collect()
}

#[test]
fn help_lists_the_commit_commands() {
    let r = TestEnv::empty().run(&["commit", "--help"]);
    ok(&r);
    for cmd in [
        "new", "item", "progress", "comment", "sign", "publish", "list", "show",
    ] {
        assert!(
            r.stdout.contains(&format!("  {cmd} ")),
            "lacks {cmd}: {}",
            r.stdout
        );
    }
}

#[test]
fn the_commitment_cycle_writes_the_letter() {
    let env = env();
    ok(&write(&env, "2026-01-10", &["commit", "new", "张三"]));
    let text = env.read(LETTER);
    assert!(
        text.contains("committer = \"zhangsan\"\nhalf = \"2026-H1\"\n"),
        "{text}"
    );
    for category in [
        "politics",
        "duty",
        "economy",
        "pairing",
        "integrity",
        "org-life",
    ] {
        assert!(
            text.contains(&format!("# category = \"{category}\"")),
            "{text}"
        );
    }
    ok(&write(
        &env,
        "2026-01-10",
        &[
            "commit",
            "item",
            "zhangsan",
            "--category",
            "结对帮带帮扶",
            "--type",
            "concrete",
            "--text",
            "帮助3户困难家庭",
            "--target",
            "3",
            "--unit",
            "户",
            "--due",
            "2026-06-30",
            "--measure",
            "每月走访一次",
        ],
    ));
    ok(&write(
        &env,
        "2026-01-10",
        &[
            "commit",
            "item",
            "zhangsan",
            "--category",
            "integrity",
            "--type",
            "service",
            "--text",
            "不收受礼品礼金",
            "--due",
            "2026-06-30",
        ],
    ));
    ok(&write(&env, "2026-01-15", &["commit", "sign", "zhangsan"]));
    ok(&write(
        &env,
        "2026-01-18",
        &["commit", "publish", "zhangsan"],
    ));
    ok(&write(
        &env,
        "2026-03-10",
        &[
            "commit",
            "progress",
            "zhangsan",
            "c1",
            "--value",
            "1",
            "--note",
            "走访李家",
        ],
    ));
    ok(&write(
        &env,
        "2026-04-02",
        &["commit", "progress", "zhangsan", "c2", "--done"],
    ));
    ok(&write(
        &env,
        "2026-06-28",
        &[
            "commit",
            "comment",
            "zhangsan",
            "--by",
            "王芳",
            "--text",
            "进展良好",
            "--rating",
            "良好",
        ],
    ));
    let text = env.read(LETTER);
    for line in [
        "signed = 2026-01-15\npublished = 2026-01-18\n",
        "[[item]]\nid = \"c1\"\ncategory = \"pairing\"\ntype = \"concrete\"\ntext = \"帮助3户困难家庭\"\nmeasure = \"每月走访一次\"\ntarget = 3\nunit = \"户\"\ndue = 2026-06-30\n",
        "[[item.progress]]\ndate = 2026-03-10\nvalue = 1\nnote = \"走访李家\"\n",
        "[[item]]\nid = \"c2\"\ncategory = \"integrity\"",
        "[[item.progress]]\ndate = 2026-04-02\ndone = true\n",
        "[[comment]]\nby = \"wangfang\"\ndate = 2026-06-28\ntext = \"进展良好\"\nrating = \"good\"\n",
    ] {
        assert!(text.contains(line), "lacks {line:?} in\n{text}");
    }
    // The progress of c1 sits under c1, before c2.
    assert!(text.find("2026-03-10").unwrap() < text.find("id = \"c2\"").unwrap());
    let v = json(&run(
        &env,
        "2026-04-05",
        &["commit", "list", "--format", "json"],
    ));
    let rows = rows_by_item(&v);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].1["status"], "in-progress");
    assert_eq!(rows[1].1["status"], "fulfilled");
    let found = findings(&env, "2026-06-30");
    assert!(
        found.iter().any(|f| f.0 == "unquantified" && f.1 == LETTER),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.1 == LETTER && f.0 != "unquantified"),
        "{found:?}"
    );
    snapshot!("cycle", env.journal());
}

#[test]
fn the_ledger_shows_each_status_and_caps_the_fraction() {
    let env = with_letter();
    let v = json(&run(
        &env,
        "2026-05-10",
        &["commit", "list", "--format", "json"],
    ));
    let rows = rows_by_item(&v);
    let ids: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2", "c3", "c4"]);
    let status: Vec<&str> = rows
        .iter()
        .map(|(_, r)| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        status,
        ["in-progress", "overdue", "not-started", "not-started"]
    );
    assert_eq!(rows[0].1["fraction"], serde_json::json!(0.33));
    assert_eq!(rows[0].1["achieved"], serde_json::json!(1));
    assert_eq!(rows[1].1["fraction"], serde_json::json!(0.33));

    let v = json(&run(
        &env,
        "2026-07-10",
        &["commit", "list", "--half", "2026-H1", "--format", "json"],
    ));
    let rows = rows_by_item(&v);
    let c1 = &rows[0].1;
    assert_eq!(c1["status"], "fulfilled", "{c1}");
    assert_eq!(c1["achieved"], serde_json::json!(5), "beyond the target");
    assert_eq!(c1["fraction"], serde_json::json!(1), "capped at 1");
    assert_eq!(c1["last_progress"], "2026-05-20");
    assert_eq!(c1["committer"], "zhangsan");
    assert_eq!(c1["name"], "张三");
    assert_eq!(c1["org"], "zhibu1");
    assert_eq!(c1["category"], "pairing");
    assert_eq!(c1["type"], "concrete");
    assert_eq!(c1["measure"], "每月走访一次");
    assert_eq!(c1["target"], serde_json::json!(3));
    assert_eq!(c1["unit"], "户");
    assert_eq!(c1["due"], "2026-06-30");
    assert_eq!(c1["comment"], "践诺扎实");
    assert_eq!(c1["rating"], "good");
    assert_eq!(rows[1].1["status"], "overdue");
    assert_eq!(rows[2].1["status"], "overdue");
    assert_eq!(rows[2].1["fraction"], serde_json::json!(0));
    let c4 = &rows[3].1;
    assert_eq!(c4["status"], "fulfilled", "done without target");
    assert_eq!(c4["achieved"], serde_json::json!(true));
    assert_eq!(c4["fraction"], serde_json::json!(1));
    assert_eq!(c4["target"], Value::Null);
    assert!(
        !run(&env, "2026-07-10", &["commit", "list", "--half", "2026-H1"])
            .stdout
            .contains("秘密")
    );
}

#[test]
fn list_filters_by_status_org_and_half() {
    let env = with_letter();
    env.write(
        "commitments/2026-H1/lisi.toml",
        "committer = \"lisi\"\nhalf = \"2026-H1\"\nsigned = 2026-01-16\n\n[[item]]\nid = \"c1\"\ncategory = \"org-life\"\ntype = \"service\"\ntext = \"按时参加组织生活\"\ntarget = 6\nunit = \"次\"\ndue = 2026-06-30\n",
    );
    env.write(
        "commitments/2026-H1/zhibu2.toml",
        "committer = \"zhibu2\"\nhalf = \"2026-H1\"\n\n[[item]]\nid = \"c1\"\ncategory = \"economy\"\ntype = \"concrete\"\ntext = \"帮助企业解决困难\"\ntarget = 2\nunit = \"个\"\ndue = 2026-06-30\n\n[[item.progress]]\ndate = 2026-06-01\nvalue = 2\n",
    );
    env.write(
        "commitments/2026-H2/zhangsan.toml",
        "committer = \"zhangsan\"\nhalf = \"2026-H2\"\n\n[[item]]\nid = \"c1\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"下半年事项\"\ntarget = 1\ndue = 2026-12-31\n",
    );
    let committers = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["commit", "list", "--format", "json"];
        all.extend_from_slice(args);
        json(&run(&env, "2026-07-10", &all))
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                format!(
                    "{}/{}",
                    r["committer"].as_str().unwrap(),
                    r["item"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        committers(&[]),
        ["zhangsan/c1"],
        "default: the half of --as-of"
    );
    assert_eq!(
        committers(&["--half", "2026-H1"]),
        [
            "lisi/c1",
            "zhangsan/c1",
            "zhangsan/c2",
            "zhangsan/c3",
            "zhangsan/c4",
            "zhibu2/c1"
        ]
    );
    assert_eq!(
        committers(&["--half", "2026-H1", "--status", "fulfilled"]),
        ["zhangsan/c1", "zhangsan/c4", "zhibu2/c1"]
    );
    assert_eq!(
        committers(&[
            "--half", "2026-H1", "--status", "overdue", "--org", "zhibu2"
        ]),
        ["lisi/c1"]
    );
    assert_eq!(
        committers(&["--half", "2026-H1", "--org", "第二支部"]),
        ["lisi/c1", "zhibu2/c1"],
        "an organization as committer is within its own subtree"
    );
    assert_eq!(
        committers(&["--half", "2026-H1", "--org", "jiangbin"]).len(),
        6
    );
    assert!(committers(&["--half", "2026-H1", "--status", "in-progress"]).is_empty());

    let csv = run(
        &env,
        "2026-07-10",
        &[
            "commit", "list", "--half", "2026-H1", "--org", "zhibu2", "--format", "csv",
        ],
    );
    ok(&csv);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "committer,name,org,org_name,item,category,type,text,measure,target,unit,due,achieved,fraction,status,last_progress,comment,rating"
    );
    assert_eq!(
        lines[1],
        "lisi,李四,zhibu2,第二支部,c1,org-life,service,按时参加组织生活,,6,次,2026-06-30,,0,overdue,,,"
    );
    assert_eq!(
        lines[2],
        "zhibu2,第二支部,zhibu2,第二支部,c1,economy,concrete,帮助企业解决困难,,2,个,2026-06-30,2,1,fulfilled,2026-06-01,,"
    );
    assert_eq!(lines.len(), 3);

    // The table is in the workspace locale (zh-CN) unless --lang says otherwise.
    let table = env.run(&[
        "--as-of",
        "2026-07-10",
        "commit",
        "list",
        "--half",
        "2026-H1",
        "--status",
        "overdue",
    ]);
    ok(&table);
    assert!(
        table.stdout.contains("承诺践诺台账") && table.stdout.contains("逾期"),
        "{}",
        table.stdout
    );
    assert!(!table.stdout.contains("13800000000"));

    let bad = run(&env, "2026-07-10", &["commit", "list", "--org", "nowhere"]);
    assert_eq!(
        bad.code, 2,
        "an unknown organization is a usage error: {}",
        bad.stderr
    );
    assert!(bad.stderr.contains("nowhere"));
    let bad = run(&env, "2026-07-10", &["commit", "list", "--half", "2026-Q1"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn an_organization_commits_too() {
    let env = env();
    ok(&write(&env, "2026-01-05", &["commit", "new", "zhibu1"]));
    ok(&write(
        &env,
        "2026-01-05",
        &[
            "commit",
            "item",
            "zhibu1",
            "--category",
            "duty",
            "--type",
            "service",
            "--text",
            "为群众办实事",
            "--target",
            "10",
            "--unit",
            "件",
            "--due",
            "2026-06-30",
        ],
    ));
    ok(&write(&env, "2026-01-06", &["commit", "sign", "第一支部"]));
    ok(&write(
        &env,
        "2026-03-01",
        &["commit", "progress", "zhibu1", "c1", "--value", "2.5"],
    ));
    let text = env.read("commitments/2026-H1/zhibu1.toml");
    assert!(text.contains("value = 2.5\n"), "{text}");
    let v = json(&run(
        &env,
        "2026-03-02",
        &["commit", "show", "zhibu1", "--format", "json"],
    ));
    assert_eq!(v["meta"]["committer"], "zhibu1", "{v}");
    let items = crate::rows(&v, "items").as_array().unwrap();
    assert_eq!(items[0]["fraction"], serde_json::json!(0.25));
    assert_eq!(items[0]["status"], "in-progress");
    let rows = rows_by_item(&json(&run(
        &env,
        "2026-03-02",
        &["commit", "list", "--format", "json"],
    )));
    assert_eq!(rows[0].1["org"], "zhibu1");
    assert_eq!(rows[0].1["name"], "第一支部");
    snapshot!("org-commits", env.journal());
}

#[test]
fn show_prints_items_progress_and_comments() {
    let env = with_letter();
    let v = json(&run(
        &env,
        "2026-07-10",
        &[
            "commit", "show", "张三", "--half", "2026-H1", "--format", "json",
        ],
    ));
    assert_eq!(v["meta"]["signed"], "2026-01-15");
    assert_eq!(v["report"], "commitment");
    assert_eq!(v["tables"][0]["id"], "items");
    assert_eq!(v["tables"][0]["rows"].as_array().unwrap().len(), 4);
    assert_eq!(v["tables"][1]["id"], "progress");
    let progress = v["tables"][1]["rows"].as_array().unwrap();
    assert_eq!(progress.len(), 4);
    assert_eq!(progress[1]["note"], "超额完成");
    let comments = v["tables"][2]["rows"].as_array().unwrap();
    assert_eq!(comments[0]["by_name"], "王芳");
    assert_eq!(comments[0]["rating"], "good");
    let table = run(
        &env,
        "2026-07-10",
        &["commit", "show", "zhangsan", "--half", "2026-H1"],
    );
    ok(&table);
    assert!(
        table.stdout.contains("践诺扎实") && table.stdout.contains("fulfilled"),
        "{}",
        table.stdout
    );
    assert!(!table.stdout.contains("秘密") && !table.stdout.contains("13800000000"));
    let csv = run(
        &env,
        "2026-07-10",
        &[
            "commit", "show", "zhangsan", "--half", "2026-H1", "--format", "csv",
        ],
    );
    ok(&csv);
    assert!(
        csv.stdout.starts_with("item,category,type,text,"),
        "{}",
        csv.stdout
    );
    let missing = run(&env, "2026-07-10", &["commit", "show", "lisi"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing.stderr.contains("commit new lisi"),
        "{}",
        missing.stderr
    );
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let env = with_letter();
    let before = env.read(LETTER);
    let r = write(
        &env,
        "2026-06-01",
        &[
            "commit",
            "progress",
            "zhangsan",
            "c3",
            "--value",
            "4",
            "--dry-run",
        ],
    );
    ok(&r);
    assert!(
        r.stdout.contains(&format!("+++ b/{LETTER}")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("+[[item.progress]]\n+date = 2026-06-01\n+value = 4\n"),
        "{}",
        r.stdout
    );
    assert_eq!(env.read(LETTER), before);
    let r = write(&env, "2026-01-05", &["commit", "new", "lisi", "--dry-run"]);
    ok(&r);
    assert!(
        r.stdout.contains("--- /dev/null") && r.stdout.contains("+committer = \"lisi\""),
        "{}",
        r.stdout
    );
    assert!(!env.path("commitments/2026-H1/lisi.toml").exists());
    snapshot!("dry-run", env.journal());
}

#[test]
fn without_half_the_nearest_letter_is_used() {
    let env = with_letter();
    // Late fulfilment in August goes to the first half's letter when there is no H2 letter.
    let r = write(
        &env,
        "2026-08-01",
        &["commit", "progress", "zhangsan", "c3", "--value", "12"],
    );
    ok(&r);
    assert!(r.stdout.contains(LETTER), "{}", r.stdout);
    assert!(env.read(LETTER).contains("date = 2026-08-01\nvalue = 12\n"));
    // An item defaults to the half of its due date.
    ok(&write(
        &env,
        "2026-11-20",
        &["commit", "new", "lisi", "--half", "2027-H1"],
    ));
    ok(&write(
        &env,
        "2026-11-20",
        &[
            "commit",
            "item",
            "lisi",
            "--category",
            "duty",
            "--type",
            "service",
            "--text",
            "x",
            "--target",
            "1",
            "--due",
            "2027-03-31",
        ],
    ));
    ok(&write(&env, "2026-12-28", &["commit", "sign", "lisi"]));
    let text = env.read("commitments/2027-H1/lisi.toml");
    assert!(
        text.contains("signed = 2026-12-28\n") && text.contains("due = 2027-03-31\n"),
        "{text}"
    );
    // Once an H2 letter exists, a date in H2 goes to it.
    ok(&write(
        &env,
        "2026-08-02",
        &["commit", "new", "zhangsan", "--date", "2026-08-02"],
    ));
    let r = write(
        &env,
        "2026-08-02",
        &["commit", "progress", "zhangsan", "c3", "--value", "12"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("`c3`"), "{}", r.stderr);
    snapshot!("nearest-letter", env.journal());
}

#[test]
fn backdated_entries_keep_date_order() {
    let env = with_letter();
    // c1 has 1 on 03-10 and 5 on 05-20: a value of 3 on 04-15 goes between them.
    ok(&write(
        &env,
        "2026-06-01",
        &[
            "commit",
            "progress",
            "zhangsan",
            "c1",
            "--value",
            "3",
            "--date",
            "2026-04-15",
        ],
    ));
    // Same date as an existing entry: after it, so it is the one that counts.
    ok(&write(
        &env,
        "2026-06-01",
        &[
            "commit",
            "progress",
            "zhangsan",
            "c1",
            "--value",
            "2",
            "--date",
            "2026-03-10",
        ],
    ));
    ok(&write(
        &env,
        "2026-06-01",
        &[
            "commit",
            "comment",
            "zhangsan",
            "--by",
            "wangfang",
            "--text",
            "早先点评",
            "--date",
            "2026-03-01",
        ],
    ));
    let text = env.read(LETTER);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s} in {text}"));
    assert!(at("date = 2026-03-10\nvalue = 1\n") < at("date = 2026-03-10\nvalue = 2\n"));
    assert!(at("date = 2026-03-10\nvalue = 2\n") < at("date = 2026-04-15\nvalue = 3\n"));
    assert!(at("date = 2026-04-15\nvalue = 3\n") < at("date = 2026-05-20\nvalue = 5\n"));
    assert!(at("date = 2026-05-20\nvalue = 5\n") < at("id = \"c2\""));
    assert!(at("早先点评") < at("践诺扎实"));
    let v = json(&run(
        &env,
        "2026-03-31",
        &["commit", "list", "--format", "json"],
    ));
    assert_eq!(
        v[0]["achieved"],
        serde_json::json!(2),
        "the last among equal dates counts"
    );
    let fmt = run(&env, "2026-06-01", &["fmt", "--check", LETTER]);
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
    snapshot!("backdated", env.journal());
}

#[test]
fn writes_keep_comments_crlf_and_bom() {
    let env = env();
    let text = format!("\u{feff}{}", ZHANGSAN.replace('\n', "\r\n"));
    env.write(LETTER, &text);
    ok(&write(
        &env,
        "2026-06-01",
        &["commit", "progress", "zhangsan", "c3", "--value", "4"],
    ));
    let after = env.read(LETTER);
    assert!(after.starts_with("\u{feff}# 张三的承诺书\r\n"), "{after:?}");
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "LF crept in: {after:?}"
    );
    assert!(after.contains("[[item.progress]]\r\ndate = 2026-06-01\r\nvalue = 4\r\n"));
    assert_eq!(
        after.len(),
        text.len() + "\r\n[[item.progress]]\r\ndate = 2026-06-01\r\nvalue = 4\r\n".len()
    );
    snapshot!("crlf-bom", env.journal());
}

#[test]
fn refusals_give_every_reason_and_write_nothing() {
    let env = with_letter();
    // unknown committer, ambiguous name, unknown item, no letter for the half
    unknown(
        &env,
        "2026-06-01",
        &["commit", "progress", "nobody", "c1", "--value", "1"],
        &["`nobody`"],
    );
    unknown(
        &env,
        "2026-06-01",
        &["commit", "new", "李明"],
        &["liming1", "liming2"],
    );
    refused(
        &env,
        "2026-06-01",
        &["commit", "progress", "zhangsan", "c9", "--value", "1"],
        &["`c9`", "c1, c2, c3, c4"],
    );
    refused(
        &env,
        "2026-08-01",
        &[
            "commit", "progress", "zhangsan", "c3", "--value", "1", "--half", "2026-H2",
        ],
        &["2026-H2", "commit new zhangsan"],
    );
    refused(
        &env,
        "2026-08-01",
        &["commit", "sign", "lisi"],
        &["lisi", "2026-H2", "commit new lisi"],
    );
    // progress dated before the letter was signed
    refused(
        &env,
        "2026-06-01",
        &[
            "commit",
            "progress",
            "zhangsan",
            "c3",
            "--value",
            "1",
            "--date",
            "2026-01-10",
        ],
        &["before the letter was signed on 2026-01-15"],
    );
    // a cumulative value that decreases, or exceeds a later one
    refused(
        &env,
        "2026-06-01",
        &["commit", "progress", "zhangsan", "c1", "--value", "4"],
        &["less than 5"],
    );
    refused(
        &env,
        "2026-06-01",
        &[
            "commit",
            "progress",
            "zhangsan",
            "c1",
            "--value",
            "6",
            "--date",
            "2026-04-01",
        ],
        &["more than 5"],
    );
    // --value on an item without target, --done on one with a target
    refused(
        &env,
        "2026-06-01",
        &["commit", "progress", "zhangsan", "c4", "--value", "1"],
        &["has no target", "--done"],
    );
    refused(
        &env,
        "2026-06-01",
        &["commit", "progress", "zhangsan", "c3", "--done"],
        &["target of 12", "--value"],
    );
    // every reason at once
    refused(
        &env,
        "2026-06-01",
        &[
            "commit",
            "progress",
            "zhangsan",
            "c3",
            "--done",
            "--date",
            "2026-01-02",
            "--half",
            "2026-H1",
        ],
        &["target of 12", "before the letter was signed"],
    );
    // comments by a non-member, a non-Party member
    unknown(
        &env,
        "2026-06-01",
        &[
            "commit", "comment", "zhangsan", "--by", "nobody", "--text", "好",
        ],
        &["`nobody`"],
    );
    refused(
        &env,
        "2026-06-01",
        &[
            "commit", "comment", "zhangsan", "--by", "zhaoliu", "--text", "好",
        ],
        &["not a Party member"],
    );
    // items: duplicate id, due outside the half, bad target
    refused(
        &env,
        "2026-06-01",
        &[
            "commit",
            "item",
            "zhangsan",
            "--category",
            "duty",
            "--type",
            "service",
            "--text",
            "x",
            "--due",
            "2026-08-01",
            "--id",
            "c1",
            "--target",
            "0",
        ],
        &["already has an item c1", "outside 2026-H1", "target 0"],
    );
    refused(
        &env,
        "2026-06-01",
        &[
            "commit",
            "item",
            "zhangsan",
            "--category",
            "duty",
            "--type",
            "service",
            "--text",
            "x",
            "--due",
            "2026-06-01",
            "--id",
            "C-1",
        ],
        &["`C-1`"],
    );
    // a letter that exists, re-signing, publishing before signing
    refused(
        &env,
        "2026-06-01",
        &["commit", "new", "zhangsan"],
        &["exists"],
    );
    refused(
        &env,
        "2026-06-01",
        &["commit", "sign", "zhangsan"],
        &["already signed on 2026-01-15"],
    );
    refused(
        &env,
        "2026-06-01",
        &["commit", "publish", "zhangsan"],
        &["already published on 2026-01-18"],
    );
    let bad = write(
        &env,
        "2026-06-01",
        &["commit", "progress", "zhangsan", "c1"],
    );
    assert_eq!(
        bad.code, 2,
        "neither --value nor --done is a usage error: {}",
        bad.stderr
    );
    snapshot!("refusals", env.journal());
}

#[test]
fn signing_and_publishing_follow_their_order() {
    let env = env();
    ok(&write(&env, "2026-01-05", &["commit", "new", "lisi"]));
    let rel = "commitments/2026-H1/lisi.toml";
    let sign = write(&env, "2026-01-06", &["commit", "sign", "lisi"]);
    assert_eq!(sign.code, 1);
    assert!(sign.stderr.contains("no items"), "{}", sign.stderr);
    let publish = write(&env, "2026-01-06", &["commit", "publish", "lisi"]);
    assert_eq!(publish.code, 1);
    assert!(
        publish.stderr.contains("commit sign lisi"),
        "{}",
        publish.stderr
    );
    ok(&write(
        &env,
        "2026-01-06",
        &[
            "commit",
            "item",
            "lisi",
            "--category",
            "org-life",
            "--type",
            "service",
            "--text",
            "按时参加组织生活",
            "--target",
            "6",
            "--unit",
            "次",
            "--due",
            "2026-06-30",
        ],
    ));
    ok(&write(
        &env,
        "2026-01-06",
        &["commit", "sign", "lisi", "--date", "2026-01-06"],
    ));
    let early = write(
        &env,
        "2026-01-06",
        &["commit", "publish", "lisi", "--date", "2026-01-05"],
    );
    assert_eq!(early.code, 1);
    assert!(
        early.stderr.contains("before the letter was signed"),
        "{}",
        early.stderr
    );
    ok(&write(&env, "2026-01-08", &["commit", "publish", "lisi"]));
    ok(&write(
        &env,
        "2026-03-08",
        &[
            "commit",
            "progress",
            "lisi",
            "c1",
            "--value",
            "2",
            "--note",
            "参加主题党日",
        ],
    ));
    ok(&write(
        &env,
        "2026-03-09",
        &[
            "commit", "comment", "lisi", "--by", "wangfang", "--text", "好",
        ],
    ));
    // Every write leaves the letter in the canonical form of `dangjian fmt`.
    let fmt = run(&env, "2026-03-09", &["fmt", "--check", rel]);
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
    let text = env.read(rel);
    assert!(
        text.contains("signed = 2026-01-06\npublished = 2026-01-08\n"),
        "{text}"
    );
    snapshot!("sign-publish", env.journal());
}

/// The findings of `check --format json` as (code, file, line, column).
fn findings(env: &TestEnv, as_of: &str) -> Vec<(String, String, u64, u64)> {
    let r = run(env, as_of, &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn check_warns_with_file_line_and_column() {
    let env = env();
    // `overdue-item` is opt-in: `[check] deny` turns it on (as an error).
    let settings = env.read("dangjian.toml");
    env.write(
        "dangjian.toml",
        &format!("{settings}\n[check]\ndeny = [\"overdue-item\"]\n"),
    );
    env.write(
        LETTER,
        r#"committer = "zhangsan"
half = "2026-H1"
signed = 2026-01-15

[[item]]
id = "c1"
category = "pairing"
type = "concrete"
text = "帮助3户困难家庭"
target = 3
due = 2026-07-31

[[item.progress]]
date = 2026-01-10
value = 2

[[item.progress]]
date = 2026-03-10
value = 1

[[item]]
id = "c2"
category = "integrity"
type = "service"
text = "不收受礼品礼金"
due = 2026-03-31
"#,
    );
    let found = findings(&env, "2026-04-20");
    let has = |code: &str, file: &str, line: u64, column: u64| {
        assert!(
            found.contains(&(code.to_string(), file.to_string(), line, column)),
            "no {code} at {file}:{line}:{column} in {found:?}"
        );
    };
    has("date-outside", LETTER, 11, 7);
    has("date-order", LETTER, 14, 8);
    has("out-of-range", LETTER, 19, 9);
    has("unquantified", LETTER, 21, 1);
    has("overdue-item", LETTER, 26, 7);
    has("unpublished-letter", LETTER, 3, 10);
    // lisi (probationary), wangfang, liming1, liming2 have no letter; zhaoliu is a resident
    has("missing-letter", "members/lisi.toml", 1, 6);
    has("missing-letter", "members/wangfang.toml", 1, 6);
    assert!(
        !found.iter().any(|f| f.1 == "members/zhaoliu.toml"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.1 == "members/zhangsan.toml"),
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|f| f.0 == "missing-letter").count(),
        4,
        "{found:?}"
    );

    // The first month of the half is not over yet: no missing-letter; not yet a month since
    // signing: no unpublished-letter; nothing due yet: no overdue-item.
    let early = findings(&env, "2026-01-31");
    for code in ["missing-letter", "unpublished-letter", "overdue-item"] {
        assert!(!early.iter().any(|f| f.0 == code), "{code} in {early:?}");
    }
    // A member who left, or joined during the half, needs no letter.
    env.write(
        "members/lisi.toml",
        "id = \"lisi\"\nname = \"李四\"\norg = \"zhibu2\"\nstatus = \"probationary\"\noffice = \"none\"\njoined = 2026-03-01\n",
    );
    env.write(
        "members/wangfang.toml",
        "id = \"wangfang\"\nname = \"王芳\"\norg = \"jiangbin\"\nstatus = \"full\"\noffice = \"leader\"\nleft = 2026-04-01\n",
    );
    let later = findings(&env, "2026-04-20");
    assert!(
        !later
            .iter()
            .any(|f| f.0 == "missing-letter" && (f.1.contains("lisi") || f.1.contains("wangfang"))),
        "{later:?}"
    );

    // Warnings do not fail check, unless denied (here nothing is denied any more).
    env.write("dangjian.toml", &settings);
    let human = run(&env, "2026-04-20", &["check"]);
    assert_eq!(human.code, 0, "{}", human.stdout);
    assert!(!human.stdout.contains("overdue-item"), "{}", human.stdout);
    assert!(
        human.stdout.contains(&format!("{LETTER}:11:7")),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("help:"), "{}", human.stdout);
    assert_eq!(
        run(&env, "2026-04-20", &["check", "--deny-warnings"]).code,
        1
    );
}

#[test]
fn check_messages_are_in_the_workspace_locale() {
    let env = env();
    env.write(
        LETTER,
        "committer = \"zhangsan\"\nhalf = \"2026-H1\"\n\n[[item]]\nid = \"c1\"\ncategory = \"integrity\"\ntype = \"service\"\ntext = \"不收受礼品礼金\"\ndue = 2026-06-30\n",
    );
    let r = env.run(&["--as-of", "2026-03-01", "check"]);
    assert!(r.stdout.contains("没有量化目标"), "{}", r.stdout);
    assert!(r.stdout.contains("没有 2026-H1 的承诺书"), "{}", r.stdout);
}

/// Reads a TOML file of the test workspace.
fn toml_of(env: &TestEnv, rel: &str) -> toml::Table {
    env.read(rel)
        .parse()
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The ids of the files of a folder of the test workspace.
fn stems(env: &TestEnv, folder: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(env.path(folder))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".toml").map(str::to_string))
        .collect();
    out.sort();
    out
}

#[test]
fn qingxi_half_year_filing_is_the_ledger_of_the_half() {
    let env = TestEnv::example("qingxi");
    let folder = "commitments/2026-H1";
    // Independent of the builder: the items of every H1 letter, read from the files.
    let mut expected: Vec<String> = Vec::new();
    for committer in stems(&env, folder) {
        let letter = toml_of(&env, &format!("{folder}/{committer}.toml"));
        for item in letter
            .get("item")
            .and_then(|i| i.as_array())
            .into_iter()
            .flatten()
        {
            expected.push(format!("{committer}/{}", item["id"].as_str().unwrap()));
        }
    }
    assert!(expected.len() > 10, "the example has letters: {expected:?}");
    let v = json(&run(
        &env,
        "2026-07-15",
        &["commit", "list", "--half", "2026-H1", "--format", "json"],
    ));
    let rows = v.as_array().unwrap();
    let got: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}/{}",
                r["committer"].as_str().unwrap(),
                r["item"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(got, expected);
    for r in rows {
        let status = r["status"].as_str().unwrap();
        assert!(
            ["fulfilled", "overdue", "in-progress", "not-started"].contains(&status),
            "{r}"
        );
        let fraction = r["fraction"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&fraction), "{r}");
        assert_eq!(status == "fulfilled", fraction == 1.0, "{r}");
    }
    // --org jiangbin keeps exactly the committers whose organization lies under 江滨社区.
    let parent_of = |org: &str| -> Option<String> {
        toml_of(&env, &format!("orgs/{org}.toml"))
            .get("parent")
            .and_then(|p| p.as_str())
            .map(str::to_string)
    };
    let within = |mut org: String| loop {
        if org == "jiangbin" {
            return true;
        }
        match parent_of(&org) {
            Some(p) => org = p,
            None => return false,
        }
    };
    let org_of = |committer: &str| -> String {
        if env.path(&format!("members/{committer}.toml")).exists() {
            toml_of(&env, &format!("members/{committer}.toml"))["org"]
                .as_str()
                .unwrap()
                .to_string()
        } else {
            committer.to_string()
        }
    };
    let expected_jiangbin: Vec<&String> = expected
        .iter()
        .filter(|key| within(org_of(key.split('/').next().unwrap())))
        .collect();
    let v = json(&run(
        &env,
        "2026-07-15",
        &[
            "commit", "list", "--half", "2026-H1", "--org", "jiangbin", "--format", "json",
        ],
    ));
    let got: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}/{}",
                r["committer"].as_str().unwrap(),
                r["item"].as_str().unwrap()
            )
        })
        .collect();
    assert!(!got.is_empty() && got.len() < expected.len(), "{got:?}");
    assert_eq!(got.iter().collect::<Vec<_>>(), expected_jiangbin);
    let table = env.run(&[
        "--as-of",
        "2026-07-15",
        "commit",
        "list",
        "--half",
        "2026-H1",
    ]);
    ok(&table);
    assert!(
        table
            .stdout
            .starts_with("清溪街道党工委 2026 年上半年承诺践诺台账\n"),
        "{}",
        table.stdout
    );
}

#[test]
fn qingxi_a_new_letter_goes_through_the_cycle_cleanly() {
    let env = TestEnv::example("qingxi");
    let rel = "commitments/2027-H1/linwei.toml";
    ok(&write(
        &env,
        "2026-12-20",
        &["commit", "new", "linwei", "--half", "2027-H1"],
    ));
    ok(&write(
        &env,
        "2026-12-20",
        &[
            "commit",
            "item",
            "linwei",
            "--category",
            "pairing",
            "--type",
            "concrete",
            "--text",
            "结对帮扶2户困难家庭",
            "--target",
            "2",
            "--unit",
            "户",
            "--due",
            "2027-06-30",
        ],
    ));
    // linwei has a 2026-H2 letter: signing in December for the next half names it.
    ok(&write(
        &env,
        "2026-12-28",
        &["commit", "sign", "linwei", "--half", "2027-H1"],
    ));
    ok(&write(&env, "2027-01-05", &["commit", "publish", "linwei"]));
    ok(&write(
        &env,
        "2027-03-01",
        &["commit", "progress", "linwei", "c1", "--value", "1"],
    ));
    let r = run(&env, "2027-03-01", &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let mine: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == rel && d["severity"] != "warning")
        .collect();
    assert!(mine.is_empty(), "{mine:?}");
    let v = json(&run(
        &env,
        "2027-03-01",
        &["commit", "show", "linwei", "--format", "json"],
    ));
    assert_eq!(
        crate::rows(&v, "items")[0]["fraction"],
        serde_json::json!(0.5)
    );
    assert_eq!(v["meta"]["half"], "2027-H1", "{v}");
    snapshot!("qingxi-new-letter", env.journal());
}

#[test]
fn concurrent_writers_lose_nothing() {
    let env = env();
    let mut text = String::from("committer = \"zhangsan\"\nhalf = \"2026-H1\"\n");
    for i in 1..=8 {
        text.push_str(&format!(
            "\n[[item]]\nid = \"c{i}\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"事项{i}\"\ntarget = 10\ndue = 2026-06-30\n"
        ));
    }
    env.write(LETTER, &text);
    let children: Vec<_> = (1..=8)
        .map(|i| {
            let item = format!("c{i}");
            let value = format!("{i}");
            let mut c = env.cmd(&[
                "--as-of",
                "2026-03-01",
                "commit",
                "progress",
                "zhangsan",
                &item,
                "--value",
                &value,
            ]);
            c.stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped());
            c.spawn().expect("spawn dangjian")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v = json(&run(
        &env,
        "2026-03-01",
        &["commit", "list", "--format", "json"],
    ));
    let achieved: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["achieved"].as_i64().unwrap())
        .collect();
    assert_eq!(achieved, (1..=8).collect::<Vec<i64>>());
}
