//! The commands that replace hand-editing (issue 14): `org new|edit`, `member add|edit|leave`,
//! `post edit|target`, `review score|outcome`, through the real binary, from `init`. Every
//! write leaves the workspace passing `check --deny-warnings` and `fmt --check`; every refusal
//! exits 1, writes nothing and names the command that fixes it.

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
    assert_eq!(
        env.read("jiangbin/orgs/b1.toml"),
        "id = \"b1\"\nname = \"第一党支部\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"jiangbin\"\nrole = \"civil\"\n"
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
    let err = refused(&env, d, &["org", "edit", "b1", "--parent", "g1"]);
    assert!(err.contains("would make a cycle"), "{err}");
    assert!(
        err.contains("help: ") && err.contains("`dangjian org tree`"),
        "{err}"
    );
    let err = refused(
        &env,
        d,
        &[
            "org", "new", "b1", "--name", "x", "--kind", "branch", "--parent", "jiangbin",
            "--role", "nosuch",
        ],
    );
    assert!(err.contains("already taken (orgs/b1.toml)"), "{err}");
    assert!(
        err.contains("no role `nosuch`") && err.contains("help: the role ids are: leading-core"),
        "{err}"
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
    let g1 = env.read("jiangbin/orgs/g1.toml");
    assert!(
        g1.contains("parent = \"jiangbin\"") && g1.contains("name = \"江滨第一党小组\""),
        "{g1}"
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
    let r = ok(
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
    assert!(
        r.stdout.contains("added 张三 (zhangsan) to 第一党支部"),
        "{}",
        r.stdout
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
    assert_eq!(
        env.read("jiangbin/members/zhangsan-2.toml"),
        "id = \"zhangsan-2\"\nname = \"张三\"\norg = \"b1\"\nstatus = \"probationary\"\n"
    );
    assert_eq!(
        env.read("jiangbin/members/lisi.toml"),
        "id = \"lisi\"\nname = \"李四\"\norg = \"jiangbin\"\nstatus = \"resident\"\n"
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
    let z2 = env.read("jiangbin/members/zhangsan-2.toml");
    assert!(
        z2.contains("status = \"full\"\noffice = \"leader\"") && z2.contains("org = \"jiangbin\""),
        "{z2}"
    );
    // A future date of joining is refused with the option that gives it.
    let err = refused(
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
    assert!(
        err.contains("is after today (2026-01-25)")
            && err.contains("help: give the actual date with --joined"),
        "{err}"
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
    let err = refused(
        &env,
        d,
        &["member", "leave", "zhangsan", "--date", "2026-01-25"],
    );
    assert!(
        err.contains("张三 (zhangsan) still holds the post 平安岗"),
        "{err}"
    );
    assert!(
        err.contains("help: dangjian post end pingan zhangsan --date 2026-01-25"),
        "{err}"
    );
    assert!(err.contains("--end-posts"), "{err}");
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
    let z = env.read("jiangbin/members/zhangsan.toml");
    assert!(
        z.contains("left = 2026-01-25") && z.contains("[extra]\nleft_reason = \"转出\""),
        "{z}"
    );
    let post = env.read("jiangbin/posts/pingan.toml");
    assert!(
        post.contains("ended = 2026-01-25\nend_reason = \"转出\""),
        "{post}"
    );
    let err = refused(&env, d, &["member", "leave", "zhangsan"]);
    assert!(err.contains("already left on 2026-01-25"), "{err}");
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
    let err = refused(
        &env,
        d,
        &["post", "assign", "pingan", "lisi", "--date", "2026-01-11"],
    );
    assert!(
        err.contains("`dangjian post edit <post> --capacity <n>`"),
        "{err}"
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
    let err = refused(&env, d, &["post", "edit", "pingan", "--capacity", "1"]);
    assert!(
        err.contains("below the 2 holders")
            && err.contains("help: dangjian post end pingan zhangsan"),
        "{err}"
    );
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
    let err = refused(&env, d, &["post", "target", "pingan", "--remove", "3"]);
    assert!(
        err.contains("there is no entry 3 (there are 2)")
            && err.contains("help: dangjian post show pingan"),
        "{err}"
    );
    ok(&env, d, &["post", "target", "pingan", "--remove", "1"]);
    let post = env.read("jiangbin/posts/pingan.toml");
    assert!(
        post.contains("duties = [\"巡查\", \"宣传\"]\ncapacity = 2\nlog_every = \"month\""),
        "{post}"
    );
    assert!(
        !post.contains("每月巡查") && post.contains("每季宣传一次"),
        "{post}"
    );
    snapshot!("posts", env.journal());
}

#[test]
fn scores_and_outcomes_are_entered_by_commands() {
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
    ok(&env, d, &["commit", "new", "zhangsan", "--half", "2026-H1"]);
    let err = refused(
        &env,
        d,
        &[
            "review", "score", "张三", "--period", "2026-Q1", "--self", "90",
        ],
    );
    assert!(
        err.contains("help: dangjian review sheet --period 2026-Q1 --org jiangbin"),
        "{err}"
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
    let sheet = env.read("jiangbin/evaluations/2026-Q1/jiangbin.toml");
    assert!(
        sheet.contains("member = \"zhangsan\"  # 张三\nself = 90\npeer = [88, 92, 85]\nleader = 80\nmasses = [90, 85, 95]\nadjust = [{ points = 3, reason = \"抗洪救灾\" }]\nnote = \"补录\"\n"),
        "{sheet}"
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
    let err = refused(
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
    assert!(
        err.contains("help: dangjian review outcome zhangsan --year 2026 --rectify"),
        "{err}"
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
    let err = refused(
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
    assert!(
        err.contains("help: give the actual date with --verified"),
        "{err}"
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
    let sheet = env.read("jiangbin/evaluations/2026-Y/jiangbin.toml");
    assert!(
        sheet.ends_with("[[outcome]]\nmember = \"zhangsan\"\nkind = \"honour\"\ntitle = \"优秀共产党员\"\n\n[[outcome]]\nmember = \"zhangsan\"\nkind = \"rectify\"\ndue = 2027-02-28\nverified = 2027-01-08\n"),
        "{sheet}"
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
    for args in [
        &[
            "post",
            "assign",
            "pingan",
            "zhangsan",
            "--date",
            "2026-01-21",
        ][..],
        &["commit", "new", "zhangsan", "--half", "2026-H1"][..],
    ] {
        if args[0] == "commit" {
            ok(&env, d, args);
            continue;
        }
        let err = refused(&env, d, args);
        assert!(
            err.contains("2026-01-21, is after today (2026-01-20)")
                && err.contains("help: give the actual date with --date (on or before 2026-01-20)"),
            "{err}"
        );
    }
    let err = refused(
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
    assert!(
        err.contains("help: give the actual date with --date"),
        "{err}"
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

    ok(
        &env,
        d,
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
    ok(
        &env,
        d,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "residents",
            "--text",
            "修路",
            "--date",
            "2026-01-10",
        ],
    );
    ok(
        &env,
        d,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "members",
            "--text",
            "修路",
            "--date",
            "2026-01-11",
        ],
    );
    ok(
        &env,
        d,
        &["matter", "advance", "road", "--date", "2026-01-12"],
    );
    let err = refused(
        &env,
        d,
        &["matter", "advance", "road", "--date", "2026-01-13"],
    );
    assert!(
        err.contains("help: dangjian matter meeting road --body joint --expected <n>"),
        "{err}"
    );

    ok(
        &env,
        d,
        &["member", "add", "--name", "张三", "--org", "jiangbin"],
    );
    ok(&env, d, &["commit", "new", "zhangsan", "--half", "2026-H1"]);
    let err = refused(
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
    assert!(err.contains("help: the item belongs in the letter of 2026-H2: dangjian commit new zhangsan --half 2026-H2"), "{err}");
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
    let post = env.read("jiangbin/posts/pingan.toml");
    assert!(
        post.find("巡查1个小区").unwrap() < post.find("巡查3个小区").unwrap(),
        "{post}"
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
    let post = env.read("jiangbin/posts/pingan.toml");
    assert!(
        post.ends_with(
            "[[log]]\ndate = 2026-01-10\nmember = \"zhangsan\"\ntext = \"巡查4个小区\"\nhours = 2\n"
        ),
        "{post}"
    );
    let err = refused(
        &env,
        d,
        &["post", "log", "pingan", "zhangsan", "--remove", "2"],
    );
    assert!(
        err.contains("there is no entry 2 (there are 1)")
            && err.contains("help: dangjian post show pingan"),
        "{err}"
    );

    ok(
        &env,
        d,
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
    ok(
        &env,
        d,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "residents",
            "--text",
            "修路",
            "--date",
            "2026-01-10",
        ],
    );
    ok(
        &env,
        d,
        &[
            "matter",
            "opinion",
            "road",
            "--source",
            "members",
            "--text",
            "错录",
            "--date",
            "2026-01-11",
        ],
    );
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
    let m = env.read("jiangbin/matters/2026/road.toml");
    assert!(
        !m.contains("修路") && !m.contains("错录") && m.contains("加装路灯"),
        "{m}"
    );
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
    let letter = env.read("jiangbin/commitments/2026-H1/zhangsan.toml");
    assert!(
        letter.contains("date = 2026-01-20\nvalue = 2\n")
            && !letter.contains("value = 3")
            && !letter.contains("错评"),
        "{letter}"
    );
    let err = refused(
        &env,
        d,
        &["commit", "progress", "zhangsan", "c1", "--remove", "5"],
    );
    assert!(
        err.contains("help: dangjian commit show zhangsan --half 2026-H1"),
        "{err}"
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
