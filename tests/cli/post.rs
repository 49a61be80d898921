//! The post process (设岗定责) through the real binary: the six steps with the exact rewritten
//! TOML, every refusal reason (exit 1, file byte-identical), dry runs, names, the listings, and
//! the write path under kills and concurrent writers.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Run, TestEnv};

/// A street committee with a community branch (and a group below it), a second branch, and
/// people of every kind the eligibility rules tell apart.
fn fixture() -> TestEnv {
    let env = TestEnv::empty();
    env.write(
        "dangjian.toml",
        "format = 1\nname = \"列东街道党工委\"\nroot = \"liedong\"\nyear = 2026\nlocale = \"en\"\nsector = \"community\"\n",
    );
    let org = |id: &str, name: &str, kind: &str, parent: Option<&str>| {
        let parent = parent.map_or(String::new(), |p| format!("parent = \"{p}\"\n"));
        env.write(
            &format!("orgs/{id}.toml"),
            &format!(
                "id = \"{id}\"\nname = \"{name}\"\nkind = \"{kind}\"\nsector = \"community\"\n{parent}"
            ),
        );
    };
    org("liedong", "列东街道党工委", "committee", None);
    org("jiangbin", "江滨社区党支部", "branch", Some("liedong"));
    org("block-3", "第三党小组", "group", Some("jiangbin"));
    org("hexi", "河西社区党支部", "branch", Some("liedong"));
    let member = |id: &str, name: &str, org: &str, status: &str, office: &str, extra: &str| {
        env.write(
            &format!("members/{id}.toml"),
            &format!(
                "id = \"{id}\"\nname = \"{name}\"\norg = \"{org}\"\nstatus = \"{status}\"\noffice = \"{office}\"\n{extra}"
            ),
        );
    };
    member(
        "zhangsan",
        "张三",
        "jiangbin",
        "full",
        "none",
        "[private]\nphone = \"13800000001\"\n",
    );
    member("lisi", "李四", "block-3", "probationary", "none", "");
    member("wangwu", "王五", "jiangbin", "activist", "none", "");
    member("zhaoliu", "赵六", "jiangbin", "full", "leader", "");
    member(
        "sunqi",
        "孙七",
        "hexi",
        "full",
        "none",
        "lives_in = \"jiangbin\"\n",
    );
    member(
        "zhouba",
        "周八",
        "jiangbin",
        "full",
        "none",
        "left = 2026-09-01\n",
    );
    member("qianjiu", "钱九", "jiangbin", "full", "none", "");
    member("liming-1", "李明", "jiangbin", "full", "none", "");
    member("liming-2", "李明", "hexi", "full", "none", "");
    env.write(
        "posts/agency-1.toml",
        "id = \"agency-1\"\nname = \"政策宣讲岗\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"宣讲政策\"]\n\n[eligible]\noffice = \"none\"\n",
    );
    env.write(
        "posts/area-1.toml",
        "id = \"area-1\"\nname = \"楼栋联络岗\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"联系楼栋居民\"]\n\n[eligible]\nscope = \"area\"\n",
    );
    env.write(
        "posts/flood-1.toml",
        "id = \"flood-1\"\nname = \"防汛岗\"\norg = \"jiangbin\"\nkind = \"temporary\"\nfrom = 2026-06-18\nuntil = 2026-07-31\nduties = [\"巡查河堤\"]\n",
    );
    env
}

/// The post of the CRLF/BOM/comment tests: an existing file as a Windows editor saves it.
const PINGAN: &str = "\u{feff}# 江滨社区 平安创建岗\r\nid = \"pingan-1\"\r\nname = \"平安创建岗\"\r\norg = \"jiangbin\"   # 所属支部\r\nkind = \"standing\"\r\nduties = [\"巡查小区治安隐患\", \"协助开展平安宣传\"]\r\ncapacity = 2\r\nlog_every = \"month\"\r\n\r\n[[target]]\r\ntext = \"每月巡查不少于4次\"\r\nvalue = 4\r\nper = \"month\"\r\n";

fn with_pingan() -> TestEnv {
    let env = fixture();
    env.write("posts/pingan-1.toml", PINGAN);
    env
}

/// A post with a serving holder, for the log writers.
const SERVING: &str = "# 有人在岗的岗位\nid = \"serve-1\"\nname = \"环境整治岗\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"清理楼道杂物\"]\n\n[[holder]]\nmember = \"zhangsan\"\nclaimed = 2026-01-02\nconfirmed = 2026-01-05\n";

fn ok(r: &Run) {
    assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
}

/// The errors `check` finds in one file (the rest of a workspace is not this module's concern).
fn errors_in(env: &TestEnv, file: &str) -> Vec<String> {
    let r = env.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("check json: {e}\n{}\n{}", r.stdout, r.stderr));
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == file && d["severity"] == "error")
        .map(|d| d.to_string())
        .collect()
}

/// Asserts a refusal: exit 1, each expected reason on stderr, and the file unchanged.
fn refused(env: &TestEnv, args: &[&str], file: &str, reasons: &[&str]) -> Run {
    failed(env, args, file, reasons, 1)
}

/// Asserts a usage error (a name that names no record, or more than one): exit 2, each
/// expected problem on stderr, and the file unchanged.
fn usage(env: &TestEnv, args: &[&str], file: &str, reasons: &[&str]) -> Run {
    failed(env, args, file, reasons, 2)
}

fn failed(env: &TestEnv, args: &[&str], file: &str, reasons: &[&str], code: i32) -> Run {
    let before = std::fs::read(env.path(file)).unwrap();
    let r = env.run(args);
    assert_eq!(
        r.code, code,
        "{args:?}\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    for reason in reasons {
        assert!(
            r.stderr.contains(reason),
            "{args:?}: stderr lacks {reason:?}:\n{}",
            r.stderr
        );
    }
    assert_eq!(
        std::fs::read(env.path(file)).unwrap(),
        before,
        "{file} changed"
    );
    r
}

#[test]
fn six_steps_write_exactly_these_files() {
    let env = fixture();
    let r = env.run(&[
        "post",
        "new",
        "pingan-2",
        "--name",
        "平安创建岗",
        "--org",
        "江滨社区党支部",
        "--duty",
        "巡查小区治安隐患",
        "--duty",
        "协助开展平安宣传",
        "--capacity",
        "3",
        "--log-every",
        "month",
    ]);
    ok(&r);
    let created = "id = \"pingan-2\"\nname = \"平安创建岗\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"巡查小区治安隐患\", \"协助开展平安宣传\"]\ncapacity = 3\nlog_every = \"month\"\n";
    assert_eq!(env.read("posts/pingan-2.toml"), created);

    ok(&env.run(&["post", "claim", "pingan-2", "张三", "--date", "2026-01-10"]));
    let claimed = format!("{created}\n[[holder]]\nmember = \"zhangsan\"\nclaimed = 2026-01-10\n");
    assert_eq!(env.read("posts/pingan-2.toml"), claimed);

    let r = env.run(&[
        "post",
        "assign",
        "平安创建岗",
        "张三",
        "--date",
        "2026-01-15",
    ]);
    ok(&r);
    assert!(
        r.stdout.contains("wrote posts/pingan-2.toml"),
        "{}",
        r.stdout
    );
    let assigned = format!("{claimed}confirmed = 2026-01-15\n");
    assert_eq!(env.read("posts/pingan-2.toml"), assigned);

    let r = env.run(&["post", "publish", "pingan-2", "--date", "2026-01-20"]);
    ok(&r);
    // The board entry: name, post, duties.
    for word in [
        "张三",
        "平安创建岗",
        "巡查小区治安隐患; 协助开展平安宣传",
        "2026-01-20",
    ] {
        assert!(r.stdout.contains(word), "board lacks {word}: {}", r.stdout);
    }
    let published = format!("{assigned}published = 2026-01-20\n");
    assert_eq!(env.read("posts/pingan-2.toml"), published);

    ok(&env.run(&[
        "post",
        "log",
        "pingan-2",
        "zhangsan",
        "--text",
        "巡查3个小区，发现并上报隐患2处",
        "--hours",
        "2.5",
        "--date",
        "2026-02-03",
    ]));
    let logged = format!(
        "{published}\n[[log]]\ndate = 2026-02-03\nmember = \"zhangsan\"\ntext = \"巡查3个小区，发现并上报隐患2处\"\nhours = 2.5\n"
    );
    assert_eq!(env.read("posts/pingan-2.toml"), logged);

    ok(&env.run(&[
        "post",
        "end",
        "pingan-2",
        "zhangsan",
        "--reason",
        "换岗",
        "--date",
        "2026-11-20",
    ]));
    let ended = logged.replace(
        "published = 2026-01-20\n",
        "published = 2026-01-20\nended = 2026-11-20\nend_reason = \"换岗\"\n",
    );
    assert_eq!(env.read("posts/pingan-2.toml"), ended);

    // The result passes check, and the dates are TOML dates, not strings.
    assert_eq!(errors_in(&env, "posts/pingan-2.toml"), Vec::<String>::new());
    let v: toml::Table = toml::from_str(&ended).unwrap();
    assert!(v["holder"][0]["confirmed"].is_datetime());
}

#[test]
fn edits_keep_bom_crlf_comments_and_key_order() {
    let env = with_pingan();
    for args in [
        &[
            "post",
            "claim",
            "pingan-1",
            "zhangsan",
            "--date",
            "2026-01-10",
        ][..],
        &[
            "post",
            "assign",
            "pingan-1",
            "zhangsan",
            "--date",
            "2026-01-15",
        ],
        &["post", "assign", "pingan-1", "lisi", "--date", "2026-01-16"],
        &["post", "publish", "pingan-1", "--date", "2026-01-20"],
        &[
            "post",
            "log",
            "pingan-1",
            "lisi",
            "--text",
            "入户宣传",
            "--date",
            "2026-02-01",
        ],
    ] {
        ok(&env.run(args));
    }
    let expected = format!(
        "{PINGAN}\r\n[[holder]]\r\nmember = \"zhangsan\"\r\nclaimed = 2026-01-10\r\nconfirmed = 2026-01-15\r\npublished = 2026-01-20\r\n\r\n[[holder]]\r\nmember = \"lisi\"\r\nclaimed = 2026-01-16\r\nconfirmed = 2026-01-16\r\npublished = 2026-01-20\r\n\r\n[[log]]\r\ndate = 2026-02-01\r\nmember = \"lisi\"\r\ntext = \"入户宣传\"\r\n"
    );
    assert_eq!(env.read("posts/pingan-1.toml"), expected);
    // A third holder joins after the second: the new [[holder]] goes before the log entries.
    ok(&env.run(&[
        "post",
        "end",
        "pingan-1",
        "lisi",
        "--reason",
        "调岗",
        "--date",
        "2026-03-01",
    ]));
    ok(&env.run(&[
        "post",
        "assign",
        "pingan-1",
        "qianjiu",
        "--date",
        "2026-03-02",
    ]));
    let text = env.read("posts/pingan-1.toml");
    let holder = text.find("member = \"qianjiu\"").unwrap();
    let log = text.find("[[log]]").unwrap();
    assert!(holder < log, "{text}");
    assert!(text.starts_with("\u{feff}# 江滨社区 平安创建岗\r\n"));
    assert!(text.contains("org = \"jiangbin\"   # 所属支部\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "a bare LF: {text:?}"
    );
}

#[test]
fn refusals_name_each_reason_and_write_nothing() {
    let env = with_pingan();
    refused(
        &env,
        &["post", "assign", "pingan-1", "wangwu"],
        "posts/pingan-1.toml",
        &["王五 (wangwu) is activist; this post takes only full, probationary"],
    );
    refused(
        &env,
        &["post", "assign", "agency-1", "zhaoliu"],
        "posts/agency-1.toml",
        &["赵六 (zhaoliu) holds an office"],
    );
    refused(
        &env,
        &["post", "assign", "pingan-1", "sunqi"],
        "posts/pingan-1.toml",
        &["孙七 (sunqi) belongs to hexi, which is neither jiangbin"],
    );
    refused(
        &env,
        &[
            "post",
            "assign",
            "flood-1",
            "zhangsan",
            "--date",
            "2026-08-01",
        ],
        "posts/flood-1.toml",
        &["2026-08-01 is outside the window of this temporary post (2026-06-18 to 2026-07-31)"],
    );
    refused(
        &env,
        &["post", "assign", "pingan-1", "zhouba"],
        "posts/pingan-1.toml",
        &["周八 (zhouba) left on 2026-09-01"],
    );
    refused(
        &env,
        &["post", "claim", "pingan-1", "zhouba"],
        "posts/pingan-1.toml",
        &["周八 (zhouba) left on 2026-09-01"],
    );
    ok(&env.run(&[
        "post",
        "claim",
        "pingan-1",
        "zhangsan",
        "--date",
        "2026-01-10",
    ]));
    refused(
        &env,
        &["post", "claim", "pingan-1", "zhangsan"],
        "posts/pingan-1.toml",
        &["张三 (zhangsan) already claimed this post on 2026-01-10"],
    );
    ok(&env.run(&[
        "post",
        "assign",
        "pingan-1",
        "zhangsan",
        "--date",
        "2026-01-15",
    ]));
    refused(
        &env,
        &["post", "assign", "pingan-1", "zhangsan"],
        "posts/pingan-1.toml",
        &["already confirmed on this post since 2026-01-15"],
    );
    ok(&env.run(&["post", "assign", "pingan-1", "lisi", "--date", "2026-01-15"]));
    refused(
        &env,
        &["post", "assign", "pingan-1", "qianjiu"],
        "posts/pingan-1.toml",
        &[
            "the post is full: 2 holders are confirmed on 2026-11-20 (capacity 2): 张三 (zhangsan), 李四 (lisi)",
        ],
    );
    // Every reason at once, one per line.
    let r = refused(
        &env,
        &["post", "assign", "pingan-1", "wangwu"],
        "posts/pingan-1.toml",
        &["is activist", "the post is full"],
    );
    assert_eq!(
        r.stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .count(),
        2
    );
    // Log and end refusals.
    refused(
        &env,
        &[
            "post",
            "log",
            "pingan-1",
            "zhangsan",
            "--text",
            "x",
            "--date",
            "2026-01-14",
        ],
        "posts/pingan-1.toml",
        &["was not serving on this post on 2026-01-14"],
    );
    refused(
        &env,
        &["post", "log", "pingan-1", "qianjiu", "--text", "x"],
        "posts/pingan-1.toml",
        &["钱九 (qianjiu) does not hold this post"],
    );
    refused(
        &env,
        &["post", "end", "pingan-1", "qianjiu", "--reason", "x"],
        "posts/pingan-1.toml",
        &["does not hold this post"],
    );
    refused(
        &env,
        &[
            "post",
            "end",
            "pingan-1",
            "zhangsan",
            "--reason",
            "x",
            "--date",
            "2026-01-01",
        ],
        "posts/pingan-1.toml",
        &["2026-01-01 is before 张三 (zhangsan)'s confirmed date 2026-01-15"],
    );
    ok(&env.run(&[
        "post",
        "log",
        "pingan-1",
        "zhangsan",
        "--text",
        "巡查",
        "--date",
        "2026-03-01",
    ]));
    refused(
        &env,
        &[
            "post",
            "end",
            "pingan-1",
            "zhangsan",
            "--date",
            "2026-02-01",
        ],
        "posts/pingan-1.toml",
        &["张三 (zhangsan) has duty-log entries on this post up to 2026-03-01"],
    );
}

#[test]
fn scope_area_takes_residents_of_the_community() {
    let env = fixture();
    ok(&env.run(&["post", "assign", "area-1", "sunqi", "--date", "2026-03-01"]));
    // Below the post's organization is in scope too.
    ok(&env.run(&["post", "assign", "area-1", "lisi", "--date", "2026-03-01"]));
    ok(&env.run(&[
        "post",
        "assign",
        "flood-1",
        "zhangsan",
        "--date",
        "2026-07-31",
    ]));
    // The last day of the window is inside it; --reason is optional.
    ok(&env.run(&["post", "end", "flood-1", "zhangsan", "--date", "2026-07-31"]));
    assert!(
        env.read("posts/flood-1.toml")
            .ends_with("confirmed = 2026-07-31\nended = 2026-07-31\n")
    );
}

#[test]
fn refusals_in_chinese_are_plain() {
    let env = with_pingan();
    let r = refused(
        &env,
        &["--lang", "zh-CN", "post", "assign", "pingan-1", "wangwu"],
        "posts/pingan-1.toml",
        &["王五 (wangwu) 是入党积极分子，本岗位只接受正式党员、预备党员"],
    );
    assert!(!r.stderr.contains('{'), "{}", r.stderr);
}

#[test]
fn claim_notes_what_assign_will_refuse() {
    let env = with_pingan();
    let r = env.run(&["post", "claim", "pingan-1", "wangwu"]);
    ok(&r);
    assert!(
        r.stderr.contains("note: 王五 (wangwu) is activist"),
        "{}",
        r.stderr
    );
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let env = with_pingan();
    let r = env.run(&["post", "assign", "pingan-1", "zhangsan", "--dry-run"]);
    ok(&r);
    assert!(
        r.stdout.contains("--- a/posts/pingan-1.toml"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("+++ b/posts/pingan-1.toml"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("+[[holder]]"), "{}", r.stdout);
    assert!(r.stdout.contains("+confirmed = 2026-11-20"), "{}", r.stdout);
    assert_eq!(env.read("posts/pingan-1.toml"), PINGAN);

    let r = env.run(&[
        "post",
        "new",
        "x-1",
        "--name",
        "新岗",
        "--org",
        "jiangbin",
        "--duty",
        "d",
        "--dry-run",
    ]);
    ok(&r);
    assert!(r.stdout.contains("--- /dev/null"), "{}", r.stdout);
    assert!(r.stdout.contains("+id = \"x-1\""), "{}", r.stdout);
    assert!(!env.path("posts/x-1.toml").exists());
}

#[test]
fn names_resolve_and_ambiguous_names_list_candidates() {
    let env = with_pingan();
    let r = usage(
        &env,
        &["post", "claim", "平安创建岗", "李明"],
        "posts/pingan-1.toml",
        &[
            "more than one member is named `李明`",
            "liming-1 (jiangbin)",
            "liming-2 (hexi)",
        ],
    );
    assert_eq!(r.code, 2);
    usage(
        &env,
        &["post", "claim", "没有这个岗", "张三"],
        "posts/pingan-1.toml",
        &["no post has the id or name `没有这个岗`"],
    );
    // Both names wrong: both reasons.
    usage(
        &env,
        &["post", "assign", "没有这个岗", "李明"],
        "posts/pingan-1.toml",
        &[
            "no post has the id or name `没有这个岗`",
            "more than one member is named `李明`",
        ],
    );
    ok(&env.run(&["post", "claim", "平安创建岗", "liming-1"]));
}

#[test]
fn new_refuses_existing_ids_unknown_orgs_and_bad_windows() {
    let env = with_pingan();
    usage(
        &env,
        &[
            "post", "new", "pingan-1", "--name", "x", "--org", "nowhere", "--duty", "d",
        ],
        "posts/pingan-1.toml",
        &[
            "post pingan-1 already exists (posts/pingan-1.toml)",
            "no organization has the id or name `nowhere`",
        ],
    );
    let r = env.run(&[
        "post",
        "new",
        "t-1",
        "--name",
        "x",
        "--org",
        "jiangbin",
        "--duty",
        "d",
        "--kind",
        "temporary",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("--from and --until"), "{}", r.stderr);
    assert!(!env.path("posts/t-1.toml").exists());
    let r = env.run(&[
        "post", "new", "Bad Id", "--name", "x", "--org", "jiangbin", "--duty", "d",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    ok(&env.run(&[
        "post",
        "new",
        "t-1",
        "--name",
        "突发事件处置岗",
        "--org",
        "jiangbin",
        "--duty",
        "d",
        "--kind",
        "临时",
        "--from",
        "2026-06-18",
        "--until",
        "2026-07-31",
    ]));
    assert!(
        env.read("posts/t-1.toml")
            .contains("from = 2026-06-18\nuntil = 2026-07-31\n")
    );
    ok(&env.run(&[
        "post",
        "new",
        "agency-2",
        "--name",
        "党员示范岗",
        "--org",
        "jiangbin",
        "--duty",
        "d",
        "--status",
        "full",
        "--office",
        "none",
        "--scope",
        "area",
    ]));
    assert!(
        env.read("posts/agency-2.toml")
            .ends_with("\n[eligible]\nstatus = [\"full\"]\noffice = \"none\"\nscope = \"area\"\n"),
        "{}",
        env.read("posts/agency-2.toml")
    );
    refused(
        &env,
        &["post", "assign", "agency-2", "zhaoliu"],
        "posts/agency-2.toml",
        &["holds an office"],
    );
}

#[test]
fn publish_by_org_writes_each_post_and_prints_the_board() {
    let env = with_pingan();
    env.write("posts/serve-1.toml", SERVING);
    ok(&env.run(&["post", "assign", "pingan-1", "lisi", "--date", "2026-02-01"]));
    let r = env.run(&["post", "publish", "--org", "liedong", "--format", "json"]);
    ok(&r);
    let board: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let members: Vec<&str> = board
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["member"].as_str().unwrap())
        .collect();
    assert_eq!(members, ["lisi", "zhangsan"]);
    assert_eq!(board[0]["targets"], "每月巡查不少于4次");
    assert!(
        env.read("posts/pingan-1.toml")
            .contains("published = 2026-11-20\r\n")
    );
    assert!(
        env.read("posts/serve-1.toml")
            .ends_with("published = 2026-11-20\n")
    );
    // Nothing left to publish: success, nothing written.
    let before = env.read("posts/serve-1.toml");
    let r = env.run(&["post", "publish", "serve-1"]);
    ok(&r);
    assert!(r.stdout.contains("no holder to publish"), "{}", r.stdout);
    assert_eq!(env.read("posts/serve-1.toml"), before);
}

#[test]
fn listings_in_every_format() {
    let env = with_pingan();
    env.write("posts/serve-1.toml", SERVING);
    let r = env.run(&["post", "list", "--format", "json"]);
    ok(&r);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["agency-1", "area-1", "flood-1", "pingan-1", "serve-1"]
    );
    assert_eq!(v[4]["serving"], 1);
    assert_eq!(v[3]["vacant"], 2);
    let r = env.run(&["post", "list", "--member", "张三", "--format", "csv"]);
    ok(&r);
    assert!(r.stdout.starts_with("id,name,org,kind"), "{}", r.stdout);
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    let r = env.run(&["post", "list", "--vacant", "--org", "jiangbin"]);
    ok(&r);
    assert!(
        r.stdout.contains("pingan-1")
            && r.stdout.contains("area-1")
            && !r.stdout.contains("serve-1")
            && !r.stdout.contains("flood-1"),
        "{}",
        r.stdout
    );
    let r = env.run(&["post", "show", "serve-1", "--format", "json"]);
    ok(&r);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(crate::rows(&v, "holders")[0]["member"], "zhangsan");
    assert_eq!(crate::rows(&v, "holders")[0]["confirmed"], "2026-01-05");

    let r = env.run(&["org", "tree"]);
    ok(&r);
    assert!(
        r.stdout.contains("列东街道党工委 (liedong)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("\n   └─ 第三党小组 (block-3)  group · 1 members"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("\n├─ 河西社区党支部 (hexi)"),
        "{}",
        r.stdout
    );
    let r = env.run(&["org", "list", "--format", "json"]);
    ok(&r);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let jiangbin = v
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "jiangbin")
        .unwrap();
    // Party members present on the as-of date (周八 left, 王五 is an activist).
    assert_eq!(jiangbin["members"], 4);
    assert_eq!(jiangbin["kind"], "branch");
    ok(&env.run(&["org", "show", "江滨社区党支部", "--format", "csv"]));

    let r = env.run(&["member", "show", "张三"]);
    ok(&r);
    assert!(!r.stdout.contains("13800000001"), "{}", r.stdout);
    let r = env.run(&["member", "show", "张三", "--private"]);
    ok(&r);
    assert!(r.stdout.contains("13800000001"), "{}", r.stdout);
    for format in ["table", "json", "csv"] {
        let r = env.run(&["member", "list", "--format", format]);
        ok(&r);
        assert!(!r.stdout.contains("13800000001"), "{}", r.stdout);
    }
    let r = env.run(&["member", "list", "--org", "hexi", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["status"], "full");
}

#[test]
fn check_reports_ineligible_holders_and_members_who_left() {
    let env = fixture();
    env.write(
        "posts/bad-1.toml",
        "id = \"bad-1\"\nname = \"坏岗\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"d\"]\n\n[[holder]]\nmember = \"wangwu\"\nclaimed = 2026-01-01\nconfirmed = 2026-01-02\n\n[[holder]]\nmember = \"zhouba\"\nclaimed = 2026-01-01\nconfirmed = 2026-01-02\n\n[[log]]\ndate = 2026-10-01\nmember = \"zhouba\"\ntext = \"x\"\n",
    );
    let r = env.run(&["check", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let found: Vec<(String, i64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "posts/bad-1.toml")
        .filter(|d| d["code"] == "eligibility" || d["code"] == "member-left")
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_i64().unwrap(),
            )
        })
        .collect();
    assert!(found.contains(&("eligibility".into(), 8)), "{found:?}");
    assert!(found.contains(&("member-left".into(), 13)), "{found:?}");
    assert!(found.contains(&("member-left".into(), 18)), "{found:?}");
}

/// A small deterministic generator for the kill moments (no extra dependency).
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn log_cmd(env: &TestEnv, text: &str) -> Command {
    let mut c = env.cmd(&["post", "log", "serve-1", "zhangsan", "--text", text]);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

#[test]
fn a_kill_at_any_moment_leaves_the_old_or_the_new_file() {
    let env = fixture();
    env.write("posts/serve-1.toml", SERVING);
    // How long one write takes, to spread the kills over it.
    let t0 = Instant::now();
    assert!(log_cmd(&env, "计时").status().unwrap().success());
    let span = t0.elapsed().as_micros().clamp(2_000, 50_000) as u64;
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ span);
    let mut current = env.read("posts/serve-1.toml");
    let mut logs = 1;
    let started = Instant::now();
    let mut iterations = 0;
    while iterations < 120 && started.elapsed() < Duration::from_secs(20) {
        iterations += 1;
        let mut child = log_cmd(&env, &format!("第{iterations}次")).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span + span / 4)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let after = env.read("posts/serve-1.toml");
        let parsed: toml::Table = toml::from_str(&after)
            .unwrap_or_else(|e| panic!("iteration {iterations}: unparsable file: {e}\n{after}"));
        let n = parsed
            .get("log")
            .and_then(|l| l.as_array())
            .map_or(0, Vec::len);
        if after != current {
            assert!(
                after.starts_with(&current),
                "iteration {iterations}: not an append"
            );
            assert_eq!(n, logs + 1, "iteration {iterations}");
            assert!(after.contains(&format!("text = \"第{iterations}次\"")));
            logs = n;
            current = after;
        }
    }
    assert!(iterations >= 100, "only {iterations} kills in 20 s");
    eprintln!(
        "{iterations} kills over {span} µs; {} writes completed",
        logs - 1
    );
    // Neither a killed writer's lock nor its temporary file wedges the next one.
    ok(&env.run(&["post", "log", "serve-1", "zhangsan", "--text", "之后"]));
    assert_eq!(errors_in(&env, "posts/serve-1.toml"), Vec::<String>::new());
}

#[test]
fn concurrent_writers_lose_no_entry() {
    let env = fixture();
    env.write("posts/serve-1.toml", SERVING);
    let children: Vec<_> = (0..8)
        .map(|i| {
            log_cmd(&env, &format!("并发{i}"))
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = env.read("posts/serve-1.toml");
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(parsed["log"].as_array().unwrap().len(), 8, "{text}");
    for i in 0..8 {
        assert!(text.contains(&format!("并发{i}")), "{text}");
    }
    assert!(text.starts_with(SERVING));
}

#[test]
fn a_lock_held_by_a_dead_process_does_not_wedge() {
    let env = fixture();
    env.write("posts/serve-1.toml", SERVING);
    // A lock file left behind is not a lock.
    env.write(".dangjian.lock", "12345\n");
    let t0 = Instant::now();
    ok(&env.run(&["post", "log", "serve-1", "zhangsan", "--text", "a"]));
    // A writer killed while it holds the lock: the OS releases it.
    for _ in 0..5 {
        let mut child = log_cmd(&env, "killed").spawn().unwrap();
        std::thread::sleep(Duration::from_millis(3));
        let _ = child.kill();
        let _ = child.wait();
    }
    ok(&env.run(&["post", "log", "serve-1", "zhangsan", "--text", "b"]));
    assert!(t0.elapsed() < Duration::from_secs(10));
}

#[test]
fn appended_entries_follow_the_spacing_of_the_file() {
    let env = fixture();
    let tight = format!(
        "{SERVING}\n# —— 1月 ——\n[[log]]\ndate = 2026-01-14\nmember = \"zhangsan\"\ntext = \"a\"\n[[log]]\ndate = 2026-01-24\nmember = \"zhangsan\"\ntext = \"b\"\n"
    );
    env.write("posts/serve-1.toml", &tight);
    ok(&env.run(&[
        "post",
        "log",
        "serve-1",
        "张三",
        "--text",
        "c",
        "--date",
        "2026-01-25",
    ]));
    assert_eq!(
        env.read("posts/serve-1.toml"),
        format!("{tight}[[log]]\ndate = 2026-01-25\nmember = \"zhangsan\"\ntext = \"c\"\n")
    );
}

#[test]
fn help_names_the_six_steps() {
    let r = TestEnv::empty().run(&["post", "--help"]);
    ok(&r);
    for cmd in [
        "new", "claim", "assign", "publish", "log", "end", "list", "show",
    ] {
        assert!(r.stdout.contains(&format!("  {cmd} ")), "{}", r.stdout);
    }
    let r = TestEnv::empty().run(&["post", "assign", "--help"]);
    ok(&r);
    for opt in ["--date <DATE>", "--dry-run", "<POST>", "<MEMBER>"] {
        assert!(r.stdout.contains(opt), "{}", r.stdout);
    }
}

// —— On the example workspace ——

#[test]
fn example_a_new_post_goes_through_the_six_steps() {
    let env = TestEnv::example("qingxi");
    for args in [
        &[
            "post",
            "new",
            "jiangbin-fanzha",
            "--name",
            "反诈宣传岗",
            "--org",
            "江滨社区党委",
            "--duty",
            "入户宣传防范电信诈骗",
            "--duty",
            "协助处置涉诈预警",
            "--capacity",
            "2",
            "--log-every",
            "month",
        ][..],
        &[
            "post",
            "claim",
            "反诈宣传岗",
            "张德明",
            "--date",
            "2026-11-02",
        ],
        &[
            "post",
            "claim",
            "反诈宣传岗",
            "朱晓丽",
            "--date",
            "2026-11-02",
        ],
        &[
            "post",
            "assign",
            "反诈宣传岗",
            "张德明",
            "--date",
            "2026-11-05",
        ],
        &["post", "publish", "反诈宣传岗", "--date", "2026-11-06"],
        &[
            "post",
            "log",
            "反诈宣传岗",
            "张德明",
            "--text",
            "入户宣传防诈骗32户，发放明白纸40份",
            "--hours",
            "2",
            "--date",
            "2026-11-12",
        ],
        &[
            "post",
            "end",
            "反诈宣传岗",
            "朱晓丽",
            "--reason",
            "未通过定岗",
            "--date",
            "2026-11-06",
        ],
    ] {
        ok(&env.run(args));
    }
    assert_eq!(
        env.read("posts/jiangbin-fanzha.toml"),
        "id = \"jiangbin-fanzha\"\nname = \"反诈宣传岗\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"入户宣传防范电信诈骗\", \"协助处置涉诈预警\"]\ncapacity = 2\nlog_every = \"month\"\n\n[[holder]]\nmember = \"zhangdeming\"\nclaimed = 2026-11-02\nconfirmed = 2026-11-05\npublished = 2026-11-06\n\n[[holder]]\nmember = \"zhuxiaoli\"\nclaimed = 2026-11-02\nended = 2026-11-06\nend_reason = \"未通过定岗\"\n\n[[log]]\ndate = 2026-11-12\nmember = \"zhangdeming\"\ntext = \"入户宣传防诈骗32户，发放明白纸40份\"\nhours = 2\n"
    );
    assert_eq!(
        errors_in(&env, "posts/jiangbin-fanzha.toml"),
        Vec::<String>::new()
    );
}

#[test]
fn example_edits_keep_the_comments_of_real_files() {
    let env = TestEnv::example("qingxi");
    // 环境卫生岗 is open to members living in the community (scope = "area", with a comment).
    let before = env.read("posts/jiangbin-huanjing.toml");
    ok(&env.run(&["post", "assign", "jiangbin-huanjing", "周丽华"]));
    let last = "published = 2026-03-05\n";
    let at = before.find(last).unwrap() + last.len();
    let expected = format!(
        "{}\n[[holder]]\nmember = \"zhoulihua\"\nclaimed = 2026-11-20\nconfirmed = 2026-11-20\n{}",
        &before[..at],
        &before[at..]
    );
    assert_eq!(env.read("posts/jiangbin-huanjing.toml"), expected);
    // A claimed resident on 文明劝导岗 (open to residents) is confirmed on her holder entry.
    let before = env.read("posts/jiangbin-wenming.toml");
    ok(&env.run(&["post", "assign", "jiangbin-wenming", "彭爱萍"]));
    assert_eq!(
        env.read("posts/jiangbin-wenming.toml"),
        before.replace(
            "member = \"pengaiping\"\nclaimed = 2026-11-12\n",
            "member = \"pengaiping\"\nclaimed = 2026-11-12\nconfirmed = 2026-11-20\n"
        )
    );
    refused(
        &env,
        &["post", "assign", "jiangbin-wenming", "杨帆"],
        "posts/jiangbin-wenming.toml",
        &["岗位已满：2026-11-20 已有 4 人定岗（最多 4 人）"],
    );
    for file in [
        "posts/jiangbin-huanjing.toml",
        "posts/jiangbin-wenming.toml",
    ] {
        assert_eq!(errors_in(&env, file), Vec::<String>::new());
    }
}

#[test]
fn example_publish_by_org_touches_only_the_files_with_something_to_publish() {
    let env = TestEnv::example("qingxi");
    let posts: Vec<String> = std::fs::read_dir(env.path("posts"))
        .unwrap()
        .map(|e| format!("posts/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    let before: Vec<String> = posts.iter().map(|p| env.read(p)).collect();
    let r = env.run(&["post", "publish", "--org", "清溪街道党工委"]);
    ok(&r);
    assert!(
        r.stdout.contains("曹丽") && r.stdout.contains("环境卫生岗"),
        "{}",
        r.stdout
    );
    let changed: Vec<&String> = posts
        .iter()
        .zip(&before)
        .filter(|(p, b)| env.read(p) != **b)
        .map(|(p, _)| p)
        .collect();
    assert_eq!(changed, ["posts/xinqiao-huanjing.toml"]);
    let i = posts
        .iter()
        .position(|p| p == "posts/xinqiao-huanjing.toml")
        .unwrap();
    assert_eq!(
        env.read("posts/xinqiao-huanjing.toml"),
        before[i].replace(
            "confirmed = 2026-11-12\n",
            "confirmed = 2026-11-12\npublished = 2026-11-20\n"
        )
    );
}

#[test]
fn example_refusals() {
    let env = TestEnv::example("qingxi");
    refused(
        &env,
        &["post", "assign", "jiangbin-pingan", "肖静"],
        "posts/jiangbin-pingan.toml",
        &[
            "肖静 (xiaojing) 是入党积极分子",
            "肖静 (xiaojing) 的组织关系在 xinqiao，不在本岗位所属组织 jiangbin 或其下级组织中",
            "岗位已满：2026-11-20 已有 3 人定岗（最多 3 人）",
        ],
    );
    refused(
        &env,
        &["post", "log", "jiangbin-pingan", "郭明", "--text", "巡查"],
        "posts/jiangbin-pingan.toml",
        &["郭明 (guoming) 已于 2026-09-15 离开"],
    );
    refused(
        &env,
        &["post", "assign", "qingxi-tufa", "杨帆"],
        "posts/qingxi-tufa.toml",
        &["2026-11-20 不在临时岗位的工作期（2026-06-18 至 2026-07-31）内"],
    );
    usage(
        &env,
        &["post", "assign", "平安创建岗", "杨帆"],
        "posts/jiangbin-pingan.toml",
        &[
            "有多个岗位名为“平安创建岗”",
            "jiangbin-pingan (jiangbin)",
            "liuyang-pingan (liuyang)",
            "xinqiao-pingan (xinqiao)",
        ],
    );
}
