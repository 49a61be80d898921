//! The commands that replace hand-editing (issue 14): `org new|edit`, `member add|edit|leave`,
//! `post edit|target`, `review score|outcome`, through the real binary, from `init`. Every
//! write leaves the workspace passing `check --deny-warnings` and `fmt --check`; every refusal
//! exits 1, writes nothing and names the command that fixes it. The writing tests snapshot the
//! transcript and the diff of each command ([`TestEnv::run_write`]).

use crate::{Run, TestEnv};

/// A workspace made by `init` (community sector, English messages).
fn init(as_of: &str) -> TestEnv {
    let env = TestEnv::empty();
    let r = env.run(&[
        "--lang",
        "en",
        "--as-of",
        as_of,
        "init",
        "jiangbin",
        "--sector",
        "community",
        "--name",
        "江滨社区党委",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    env
}

/// Runs a command in the workspace as of `as_of`, in English.
fn at(env: &TestEnv, as_of: &str, args: &[&str]) -> Run {
    let mut all = vec!["-C", "jiangbin", "--lang", "en", "--as-of", as_of];
    all.extend_from_slice(args);
    env.run(&all)
}

/// [`at`] of a writing command: its transcript and the diff of what it wrote go to the journal
/// the test snapshots.
fn write(env: &TestEnv, as_of: &str, args: &[&str]) -> Run {
    let mut all = vec!["-C", "jiangbin", "--lang", "en", "--as-of", as_of];
    all.extend_from_slice(args);
    env.run_write(&all).run
}

/// Runs a writing command that must succeed (into the journal), then `fmt --check` and
/// `check --deny-warnings`.
fn ok(env: &TestEnv, as_of: &str, args: &[&str]) -> Run {
    let r = write(env, as_of, args);
    assert_eq!(
        r.code, 0,
        "{args:?}\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    let f = at(env, as_of, &["fmt", "--check"]);
    assert_eq!(
        f.code, 0,
        "fmt --check after {args:?}: {}{}",
        f.stdout, f.stderr
    );
    let c = at(env, as_of, &["check", "--deny-warnings"]);
    assert_eq!(c.code, 0, "check after {args:?}: {}{}", c.stdout, c.stderr);
    r
}

/// Runs a command that must be refused (exit 1, into the journal) leaving every file as it was;
/// returns stderr.
/// A matter `road` of 江滨 with two opinions (residents', then members' with `second`).
fn road_matter(env: &TestEnv, as_of: &str, second: &str) {
    ok(
        env,
        as_of,
        &[
            "matter",
            "new",
            "road",
            "--name",
            "道路硬化",
            "--org",
            "jiangbin",
        ],
    );
    for (source, text, date) in [
        ("residents", "修路", "2026-01-10"),
        ("members", second, "2026-01-11"),
    ] {
        let args = [
            "matter", "opinion", "road", "--source", source, "--text", text,
        ];
        ok(env, as_of, &[&args[..], &["--date", date]].concat());
    }
}

fn refused(env: &TestEnv, as_of: &str, args: &[&str]) -> String {
    let before = snapshot(env);
    let r = write(env, as_of, args);
    assert_eq!(
        r.code, 1,
        "{args:?}\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    assert_eq!(snapshot(env), before, "{args:?} wrote something");
    r.stderr
}

fn snapshot(env: &TestEnv) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = walkdir::WalkDir::new(env.root())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn init_writes_files_that_pass_fmt_check() {
    let env = init("2026-01-05");
    let r = at(&env, "2026-01-05", &["fmt", "--check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let settings = env.read("jiangbin/dangjian.toml");
    assert!(
        settings.contains("# publish = false\n\n# Scoring"),
        "the blank line between commented sections is kept:\n{settings}"
    );
}

#[test]
fn orgs_are_added_moved_and_a_cycle_is_refused() {
    let env = init("2026-01-05");
    let d = "2026-01-05";
    ok(
        &env,
        d,
        &[
            "org",
            "new",
            "b1",
            "--name",
            "第一党支部",
            "--kind",
            "branch",
            "--parent",
            "jiangbin",
            "--role",
            "civil",
        ],
    );
    ok(
        &env,
        d,
        &[
            "org",
            "new",
            "g1",
            "--name",
            "第一党小组",
            "--kind",
            "党小组",
            "--parent",
            "第一党支部",
        ],
    );
    refused(&env, d, &["org", "edit", "b1", "--parent", "g1"]);
    refused(
        &env,
        d,
        &[
            "org", "new", "b1", "--name", "x", "--kind", "branch", "--parent", "jiangbin",
            "--role", "nosuch",
        ],
    );
    ok(
        &env,
        d,
        &[
            "org",
            "edit",
            "g1",
            "--parent",
            "jiangbin",
            "--name",
            "江滨第一党小组",
        ],
    );
    snapshot!("orgs", env.journal());
}

#[test]
fn members_are_added_with_pinyin_ids_edited_and_leave() {
    let env = init("2026-01-05");
    let d = "2026-01-25";
    ok(
        &env,
        d,
        &[
            "org",
            "new",
            "b1",
            "--name",
            "第一党支部",
            "--kind",
            "branch",
            "--parent",
            "jiangbin",
        ],
    );
    ok(
        &env,
        d,
        &[
            "member",
            "add",
            "--name",
            "张三",
            "--org",
            "b1",
            "--joined",
            "2010-07-01",
            "--phone",
            "13800000001",
        ],
    );
    ok(
        &env,
        d,
        &[
            "member",
            "add",
            "--name",
            "张三",
            "--org",
            "b1",
            "--status",
            "probationary",
        ],
    );
    ok(
        &env,
        d,
        &[
            "member", "add", "--name", "李四", "--org", "jiangbin", "--status", "resident",
        ],
    );
    // 转正 and 转接.
    ok(
        &env,
        d,
        &[
            "member",
            "edit",
            "zhangsan-2",
            "--status",
            "full",
            "--org",
            "jiangbin",
            "--office",
            "leader",
        ],
    );
    // A future date of joining is refused with the option that gives it.
    refused(
        &env,
        d,
        &[
            "member",
            "add",
            "--name",
            "王五",
            "--org",
            "b1",
            "--joined",
            "2026-01-26",
        ],
    );

    // Leaving while holding a post is refused, naming `post end`; --end-posts ends it first.
    ok(
        &env,
        d,
        &[
            "post",
            "new",
            "pingan",
            "--name",
            "平安岗",
            "--org",
            "jiangbin",
            "--duty",
            "巡查",
        ],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "assign",
            "pingan",
            "zhangsan",
            "--date",
            "2026-01-10",
        ],
    );
    refused(
        &env,
        d,
        &["member", "leave", "zhangsan", "--date", "2026-01-25"],
    );
    ok(
        &env,
        d,
        &[
            "member",
            "leave",
            "zhangsan",
            "--date",
            "2026-01-25",
            "--reason",
            "转出",
            "--end-posts",
        ],
    );
    refused(&env, d, &["member", "leave", "zhangsan"]);
    snapshot!("members", env.journal());
}

#[test]
fn member_import_gives_pinyin_ids() {
    let env = init("2026-01-05");
    let d = "2026-01-25";
    ok(
        &env,
        d,
        &["member", "add", "--name", "张三", "--org", "jiangbin"],
    );
    env.write(
        "roster.csv",
        "姓名,所在支部,党员类别\n王芳,jiangbin,正式党员\n张三,jiangbin,正式党员\n欧阳明,jiangbin,预备党员\n",
    );
    let r = at(&env, d, &["member", "import", "roster.csv", "--update"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    for id in ["wangfang", "ouyangming", "zhangsan"] {
        assert!(
            env.path(&format!("jiangbin/members/{id}.toml")).is_file(),
            "{id}"
        );
    }
    assert!(
        !env.path("jiangbin/members/zhangsan-2.toml").exists(),
        "张三 of jiangbin is the same person"
    );
    let f = at(&env, d, &["fmt", "--check"]);
    assert_eq!(f.code, 0, "{}{}", f.stdout, f.stderr);
}

#[test]
fn posts_get_targets_and_a_new_capacity() {
    let env = init("2026-01-05");
    let d = "2026-01-25";
    ok(
        &env,
        d,
        &["member", "add", "--name", "张三", "--org", "jiangbin"],
    );
    ok(
        &env,
        d,
        &["member", "add", "--name", "李四", "--org", "jiangbin"],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "new",
            "pingan",
            "--name",
            "平安岗",
            "--org",
            "jiangbin",
            "--duty",
            "巡查",
            "--capacity",
            "1",
        ],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "assign",
            "pingan",
            "zhangsan",
            "--date",
            "2026-01-10",
        ],
    );
    refused(
        &env,
        d,
        &["post", "assign", "pingan", "lisi", "--date", "2026-01-11"],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "edit",
            "pingan",
            "--capacity",
            "2",
            "--duty",
            "巡查",
            "--duty",
            "宣传",
            "--log-every",
            "month",
        ],
    );
    ok(
        &env,
        d,
        &["post", "assign", "pingan", "lisi", "--date", "2026-01-11"],
    );
    refused(&env, d, &["post", "edit", "pingan", "--capacity", "1"]);
    ok(
        &env,
        d,
        &[
            "post",
            "target",
            "pingan",
            "--text",
            "每月巡查不少于4次",
            "--value",
            "4",
            "--per",
            "month",
        ],
    );
    ok(
        &env,
        d,
        &["post", "target", "pingan", "--text", "每季宣传一次"],
    );
    let show = at(&env, d, &["post", "show", "pingan", "--format", "csv"]);
    let lines: Vec<&str> = show.stdout.lines().map(str::trim_end).collect();
    assert!(
        lines.windows(3).any(|w| w
            == [
                "entry,text,value,per",
                "1,每月巡查不少于4次,4,month",
                "2,每季宣传一次,,"
            ]),
        "{}",
        show.stdout
    );
    refused(&env, d, &["post", "target", "pingan", "--remove", "3"]);
    ok(&env, d, &["post", "target", "pingan", "--remove", "1"]);
    snapshot!("posts", env.journal());
}

#[test]
fn scores_and_outcomes_are_entered_by_commands() {
    let env = init("2026-01-05");
    let d = "2026-04-03";
    assert_eq!(
        write(
            &env,
            d,
            &["member", "add", "--name", "张三", "--org", "jiangbin"]
        )
        .code,
        0
    );
    ok(&env, d, &["commit", "new", "zhangsan", "--half", "2026-H1"]);
    refused(
        &env,
        d,
        &[
            "review", "score", "张三", "--period", "2026-Q1", "--self", "90",
        ],
    );
    ok(
        &env,
        d,
        &[
            "review", "sheet", "--period", "2026-Q1", "--org", "jiangbin",
        ],
    );
    ok(
        &env,
        d,
        &[
            "review",
            "score",
            "张三",
            "--period",
            "2026-Q1",
            "--self",
            "90",
            "--peer",
            "88,92,85",
            "--leader",
            "92",
            "--masses",
            "90,85,95",
            "--adjust",
            "3:抗洪救灾",
        ],
    );
    ok(
        &env,
        d,
        &[
            "review", "score", "zhangsan", "--period", "2026-Q1", "--leader", "80", "--note",
            "补录",
        ],
    );
    let q = at(
        &env,
        d,
        &[
            "review",
            "quarterly",
            "--period",
            "2026-Q1",
            "--format",
            "csv",
        ],
    );
    assert_eq!(q.code, 0, "{}", q.stderr);
    assert!(q.stdout.contains("zhangsan"), "{}", q.stdout);

    let y = "2027-01-10";
    ok(
        &env,
        y,
        &[
            "review",
            "sheet",
            "--period",
            "2026-Y",
            "--org",
            "jiangbin",
            "--date",
            "2027-01-05",
        ],
    );
    refused(
        &env,
        y,
        &[
            "review",
            "outcome",
            "张三",
            "--year",
            "2026",
            "--verified",
            "2027-01-08",
        ],
    );
    ok(
        &env,
        y,
        &[
            "review",
            "outcome",
            "张三",
            "--year",
            "2026",
            "--honour",
            "优秀共产党员",
        ],
    );
    ok(
        &env,
        y,
        &[
            "review",
            "outcome",
            "张三",
            "--year",
            "2026",
            "--rectify",
            "--due",
            "2027-02-28",
        ],
    );
    refused(
        &env,
        y,
        &[
            "review",
            "outcome",
            "张三",
            "--year",
            "2026",
            "--verified",
            "2027-01-11",
        ],
    );
    ok(
        &env,
        y,
        &[
            "review",
            "outcome",
            "张三",
            "--year",
            "2026",
            "--verified",
            "2027-01-08",
        ],
    );
    snapshot!("scores-outcomes", env.journal());
}

#[test]
fn future_dates_are_refused_by_writers_and_reported_by_check() {
    let env = init("2026-01-05");
    let d = "2026-01-20";
    ok(
        &env,
        d,
        &["member", "add", "--name", "张三", "--org", "jiangbin"],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "new",
            "pingan",
            "--name",
            "平安岗",
            "--org",
            "jiangbin",
            "--duty",
            "巡查",
        ],
    );
    refused(
        &env,
        d,
        &[
            "post",
            "assign",
            "pingan",
            "zhangsan",
            "--date",
            "2026-01-21",
        ],
    );
    ok(&env, d, &["commit", "new", "zhangsan", "--half", "2026-H1"]);
    refused(
        &env,
        d,
        &[
            "commit",
            "sign",
            "zhangsan",
            "--half",
            "2026-H1",
            "--date",
            "2026-02-01",
        ],
    );
    // Same-day handover: one ends and the other is confirmed on the same day, capacity 1.
    ok(
        &env,
        d,
        &["member", "add", "--name", "李四", "--org", "jiangbin"],
    );
    ok(&env, d, &["post", "edit", "pingan", "--capacity", "1"]);
    ok(
        &env,
        d,
        &[
            "post",
            "assign",
            "pingan",
            "zhangsan",
            "--date",
            "2026-01-10",
        ],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "end",
            "pingan",
            "zhangsan",
            "--date",
            "2026-01-15",
            "--reason",
            "换岗",
        ],
    );
    ok(
        &env,
        d,
        &["post", "assign", "pingan", "lisi", "--date", "2026-01-15"],
    );
    ok(&env, d, &["commit", "new", "lisi", "--half", "2026-H1"]);
    // A date already in a file is a warning.
    let later = at(&env, "2026-01-14", &["check", "--format", "json"]);
    assert!(
        later.stdout.contains("\"code\": \"future-date\""),
        "{}",
        later.stdout
    );
    assert!(
        later
            .stdout
            .contains("holder[0].ended is dated 2026-01-15, after today (2026-01-14)"),
        "{}",
        later.stdout
    );
    snapshot!("future-dates", env.journal());
}

#[test]
fn refusals_name_the_command_that_fixes_them() {
    let env = init("2026-01-05");
    let d = "2026-01-20";
    let r = env.run(&["--lang", "en", "check"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("help: create a workspace with `dangjian init")
            && r.stderr.contains("`-C <dir>`"),
        "{}",
        r.stderr
    );

    road_matter(&env, d, "修路");
    ok(
        &env,
        d,
        &["matter", "advance", "road", "--date", "2026-01-12"],
    );
    refused(
        &env,
        d,
        &["matter", "advance", "road", "--date", "2026-01-13"],
    );

    ok(
        &env,
        d,
        &["member", "add", "--name", "张三", "--org", "jiangbin"],
    );
    ok(&env, d, &["commit", "new", "zhangsan", "--half", "2026-H1"]);
    refused(
        &env,
        d,
        &[
            "commit",
            "item",
            "zhangsan",
            "--category",
            "duty",
            "--type",
            "service",
            "--text",
            "走访",
            "--due",
            "2026-09-30",
            "--half",
            "2026-H1",
        ],
    );
    snapshot!("refusals", env.journal());
}

#[test]
fn entries_are_amended_and_removed_by_their_number() {
    let env = init("2026-01-05");
    let d = "2026-01-25";
    ok(
        &env,
        d,
        &["member", "add", "--name", "张三", "--org", "jiangbin"],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "new",
            "pingan",
            "--name",
            "平安岗",
            "--org",
            "jiangbin",
            "--duty",
            "巡查",
        ],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "assign",
            "pingan",
            "zhangsan",
            "--date",
            "2026-01-06",
        ],
    );
    ok(
        &env,
        d,
        &[
            "post",
            "log",
            "pingan",
            "zhangsan",
            "--text",
            "巡查3个小区",
            "--date",
            "2026-01-10",
        ],
    );
    // Written out of order: the write path puts it where fmt would, before the first entry.
    ok(
        &env,
        d,
        &[
            "post",
            "log",
            "pingan",
            "zhangsan",
            "--text",
            "巡查1个小区",
            "--date",
            "2026-01-08",
        ],
    );
    let show = at(&env, d, &["post", "show", "pingan", "--format", "csv"]);
    assert!(
        show.stdout.contains("entry,date,member,name,text,hours"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout
            .contains("2,2026-01-10,zhangsan,张三,巡查3个小区,"),
        "{}",
        show.stdout
    );
    ok(
        &env,
        d,
        &[
            "post",
            "log",
            "pingan",
            "zhangsan",
            "--amend",
            "2",
            "--text",
            "巡查4个小区",
            "--hours",
            "2",
            "--date",
            "2026-01-10",
        ],
    );
    ok(
        &env,
        d,
        &["post", "log", "pingan", "zhangsan", "--remove", "1"],
    );
    refused(
        &env,
        d,
        &["post", "log", "pingan", "zhangsan", "--remove", "2"],
    );

    road_matter(&env, d, "错录");
    ok(
        &env,
        d,
        &[
            "matter",
            "opinion",
            "road",
            "--amend",
            "2",
            "--source",
            "members",
            "--text",
            "加装路灯",
            "--date",
            "2026-01-11",
        ],
    );
    ok(&env, d, &["matter", "opinion", "road", "--remove", "1"]);
    let show = at(&env, d, &["matter", "show", "road", "--format", "csv"]);
    assert!(
        show.stdout.contains("1,members,2026-01-11,加装路灯"),
        "{}",
        show.stdout
    );

    ok(&env, d, &["commit", "new", "zhangsan", "--half", "2026-H1"]);
    ok(
        &env,
        d,
        &[
            "commit",
            "item",
            "zhangsan",
            "--category",
            "duty",
            "--type",
            "concrete",
            "--text",
            "走访困难户",
            "--target",
            "4",
            "--unit",
            "户",
            "--due",
            "2026-06-30",
        ],
    );
    ok(
        &env,
        d,
        &[
            "commit",
            "progress",
            "zhangsan",
            "c1",
            "--value",
            "1",
            "--date",
            "2026-01-12",
        ],
    );
    ok(
        &env,
        d,
        &[
            "commit",
            "progress",
            "zhangsan",
            "c1",
            "--value",
            "3",
            "--date",
            "2026-01-20",
        ],
    );
    ok(
        &env,
        d,
        &[
            "commit",
            "progress",
            "zhangsan",
            "c1",
            "--amend",
            "2",
            "--value",
            "2",
            "--date",
            "2026-01-20",
        ],
    );
    ok(
        &env,
        d,
        &[
            "commit",
            "comment",
            "zhangsan",
            "--by",
            "张三",
            "--text",
            "错评",
            "--date",
            "2026-01-21",
        ],
    );
    ok(&env, d, &["commit", "comment", "zhangsan", "--remove", "1"]);
    refused(
        &env,
        d,
        &["commit", "progress", "zhangsan", "c1", "--remove", "5"],
    );
    snapshot!("amend-remove", env.journal());
}

#[test]
fn sheets_go_out_as_spreadsheets_and_come_back() {
    let env = init("2026-01-05");
    let d = "2026-04-03";
    assert_eq!(
        at(
            &env,
            d,
            &["member", "add", "--name", "张三", "--org", "jiangbin"]
        )
        .code,
        0
    );
    assert_eq!(
        at(
            &env,
            d,
            &["member", "add", "--name", "李四", "--org", "jiangbin"]
        )
        .code,
        0
    );
    assert_eq!(
        at(&env, d, &["commit", "new", "zhangsan", "--half", "2026-H1"]).code,
        0
    );
    ok(&env, d, &["commit", "new", "lisi", "--half", "2026-H1"]);
    ok(
        &env,
        d,
        &[
            "review", "sheet", "--period", "2026-Q1", "--org", "jiangbin",
        ],
    );
    let csv = env.path("q1.csv");
    ok(
        &env,
        d,
        &[
            "review",
            "sheet",
            "--period",
            "2026-Q1",
            "--org",
            "jiangbin",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with(
            "\u{feff}org,period,kind,id,name,self,peer,leader,masses,adjust,veto,note\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("jiangbin,2026-Q1,member,lisi,李四,,,,,,,\n"),
        "{text}"
    );
    let xlsx = env.path("q1.xlsx");
    ok(
        &env,
        d,
        &[
            "review",
            "sheet",
            "--period",
            "2026-Q1",
            "--org",
            "jiangbin",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(
        std::fs::read(&xlsx).unwrap().starts_with(b"PK"),
        "an xlsx is a zip"
    );

    // A filled-in workbook, as a secretary would save it.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "评议组织 (org)",
        "考评期 (period)",
        "类别 (kind)",
        "编号 (id)",
        "姓名/名称 (name)",
        "自评 (self)",
        "互评 (peer)",
        "领导点评 (leader)",
        "群众评议 (masses)",
        "加减分 (adjust)",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let rows: [[&str; 5]; 2] = [
        ["jiangbin", "2026-Q1", "member", "lisi", "李四"],
        ["jiangbin", "2026-Q1", "member", "zhangsan", "张三"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
        ws.write_number(r as u32 + 1, 5, 90.0 - r as f64).unwrap();
        ws.write_string(r as u32 + 1, 6, "88,92,85").unwrap();
        ws.write_number(r as u32 + 1, 7, 92.0).unwrap();
        ws.write_string(r as u32 + 1, 8, "90，85").unwrap();
    }
    ws.write_string(2, 9, "2:志愿服务; -1:缺席").unwrap();
    let filled = env.path("filled.xlsx");
    wb.save(&filled).unwrap();
    ok(&env, d, &["review", "import", filled.to_str().unwrap()]);
    let sheet = env.read("jiangbin/evaluations/2026-Q1/jiangbin.toml");
    assert!(
        sheet.contains("member = \"zhangsan\"  # 张三\nself = 89\npeer = [88, 92, 85]\nleader = 92\nmasses = [90, 85]\nadjust = [{ points = 2, reason = \"志愿服务\" }, { points = -1, reason = \"缺席\" }]\n"),
        "{sheet}"
    );

    // A GBK csv with bad cells: every one named by row and column, nothing written.
    let bad = "org,period,kind,id,name,self,peer,leader,masses\njiangbin,2026-Q1,member,lisi,李四,120,\"88,好\",90,80\njiangbin,2026-Q1,member,nobody,无名,80,,,\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(bad);
    env.write("bad.csv", "");
    std::fs::write(env.path("bad.csv"), &gbk).unwrap();
    let err = refused(&env, d, &["review", "import", "bad.csv"]);
    assert!(
        err.contains("row 2, column F (self): `120` is not a number from 0 to the scale"),
        "{err}"
    );
    assert!(
        err.contains("row 2, column G (peer): `88,好` is not a comma list"),
        "{err}"
    );
    assert!(
        err.contains("row 3, column D (id): no member or organization has the id `nobody`"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
}

#[test]
fn dry_runs_print_the_diff_and_write_nothing() {
    let env = init("2026-01-05");
    let d = "2026-01-20";
    for args in [
        &[
            "org",
            "new",
            "b1",
            "--name",
            "第一党支部",
            "--kind",
            "branch",
            "--parent",
            "jiangbin",
            "--dry-run",
        ][..],
        &[
            "member",
            "add",
            "--name",
            "张三",
            "--org",
            "jiangbin",
            "--dry-run",
        ][..],
        &[
            "org",
            "edit",
            "jiangbin",
            "--name",
            "江滨社区党总支",
            "--dry-run",
        ][..],
    ] {
        let before = snapshot(&env);
        let r = at(&env, d, args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(snapshot(&env), before, "{args:?} wrote something");
        assert!(r.stdout.contains("+++ b/"), "{args:?}: {}", r.stdout);
    }
    let r = at(
        &env,
        d,
        &[
            "member",
            "add",
            "--name",
            "张三",
            "--org",
            "jiangbin",
            "--dry-run",
        ],
    );
    assert!(
        r.stdout.contains("+++ b/members/zhangsan.toml\n") && r.stdout.contains("+name = \"张三\""),
        "{}",
        r.stdout
    );
}
