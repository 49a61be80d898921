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

#[test]
fn six_steps_write_exactly_these_files() {
    let env = fixture();
    snapshot!(
        "six-steps",
        env.run_writes(&[
            &[
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
            ],
            &["post", "claim", "pingan-2", "张三", "--date", "2026-01-10"],
            &[
                "post",
                "assign",
                "平安创建岗",
                "张三",
                "--date",
                "2026-01-15",
            ],
            // The board entry: name, post, duties.
            &["post", "publish", "pingan-2", "--date", "2026-01-20"],
            &[
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
            ],
            &[
                "post",
                "end",
                "pingan-2",
                "zhangsan",
                "--reason",
                "换岗",
                "--date",
                "2026-11-20",
            ],
        ])
    );
    // The result passes check, and the dates are TOML dates, not strings.
    assert_eq!(errors_in(&env, "posts/pingan-2.toml"), Vec::<String>::new());
    let v: toml::Table = toml::from_str(&env.read("posts/pingan-2.toml")).unwrap();
    assert!(v["holder"][0]["confirmed"].is_datetime());
}

#[test]
fn edits_keep_bom_crlf_comments_and_key_order() {
    let env = with_pingan();
    // A third holder joins after the second: the new [[holder]] goes before the log entries.
    snapshot!(
        "bom-crlf",
        env.run_writes(&[
            &[
                "post",
                "claim",
                "pingan-1",
                "zhangsan",
                "--date",
                "2026-01-10",
            ],
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
            &[
                "post",
                "end",
                "pingan-1",
                "lisi",
                "--reason",
                "调岗",
                "--date",
                "2026-03-01",
            ],
            &[
                "post",
                "assign",
                "pingan-1",
                "qianjiu",
                "--date",
                "2026-03-02",
            ],
        ])
    );
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
    snapshot!(
        "refusals",
        env.run_writes(&[
            &["post", "assign", "pingan-1", "wangwu"],
            &["post", "assign", "agency-1", "zhaoliu"],
            &["post", "assign", "pingan-1", "sunqi"],
            &[
                "post",
                "assign",
                "flood-1",
                "zhangsan",
                "--date",
                "2026-08-01",
            ],
            &["post", "assign", "pingan-1", "zhouba"],
            &["post", "claim", "pingan-1", "zhouba"],
            &[
                "post",
                "claim",
                "pingan-1",
                "zhangsan",
                "--date",
                "2026-01-10",
            ],
            &["post", "claim", "pingan-1", "zhangsan"],
            &[
                "post",
                "assign",
                "pingan-1",
                "zhangsan",
                "--date",
                "2026-01-15",
            ],
            &["post", "assign", "pingan-1", "zhangsan"],
            &["post", "assign", "pingan-1", "lisi", "--date", "2026-01-15"],
            &["post", "assign", "pingan-1", "qianjiu"],
            // Every reason at once, one per line.
            &["post", "assign", "pingan-1", "wangwu"],
            // Log and end refusals.
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
            &["post", "log", "pingan-1", "qianjiu", "--text", "x"],
            &["post", "end", "pingan-1", "qianjiu", "--reason", "x"],
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
            &[
                "post",
                "log",
                "pingan-1",
                "zhangsan",
                "--text",
                "巡查",
                "--date",
                "2026-03-01",
            ],
            &[
                "post",
                "end",
                "pingan-1",
                "zhangsan",
                "--date",
                "2026-02-01",
            ],
        ])
    );
}

#[test]
fn scope_area_takes_residents_of_the_community() {
    let env = fixture();
    snapshot!(
        "scope-area",
        env.run_writes(&[
            &["post", "assign", "area-1", "sunqi", "--date", "2026-03-01"],
            // Below the post's organization is in scope too.
            &["post", "assign", "area-1", "lisi", "--date", "2026-03-01"],
            &[
                "post",
                "assign",
                "flood-1",
                "zhangsan",
                "--date",
                "2026-07-31",
            ],
            // The last day of the window is inside it; --reason is optional.
            &["post", "end", "flood-1", "zhangsan", "--date", "2026-07-31"],
        ])
    );
}

#[test]
fn refusals_in_chinese_are_plain() {
    let env = with_pingan();
    let w = env.run_write(&["--lang", "zh-CN", "post", "assign", "pingan-1", "wangwu"]);
    assert!(!w.run.stderr.contains('{'), "{}", w.run.stderr);
    snapshot!("refusal-zh", w.text);
}

#[test]
fn claim_notes_what_assign_will_refuse() {
    let env = with_pingan();
    snapshot!(
        "claim-note",
        env.run_write(&["post", "claim", "pingan-1", "wangwu"]).text
    );
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let env = with_pingan();
    snapshot!(
        "dry-run",
        env.run_writes(&[
            &["post", "assign", "pingan-1", "zhangsan", "--dry-run"],
            &[
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
            ],
        ])
    );
    assert_eq!(env.read("posts/pingan-1.toml"), PINGAN);
    assert!(!env.path("posts/x-1.toml").exists());
}

#[test]
fn names_resolve_and_ambiguous_names_list_candidates() {
    let env = with_pingan();
    snapshot!(
        "names",
        env.run_writes(&[
            &["post", "claim", "平安创建岗", "李明"],
            &["post", "claim", "没有这个岗", "张三"],
            // Both names wrong: both reasons.
            &["post", "assign", "没有这个岗", "李明"],
            &["post", "claim", "平安创建岗", "liming-1"],
        ])
    );
}

#[test]
fn new_refuses_existing_ids_unknown_orgs_and_bad_windows() {
    let env = with_pingan();
    snapshot!(
        "new-refusals",
        env.run_writes(&[
            &[
                "post", "new", "pingan-1", "--name", "x", "--org", "nowhere", "--duty", "d",
            ],
            &[
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
            ],
            &[
                "post", "new", "Bad Id", "--name", "x", "--org", "jiangbin", "--duty", "d",
            ],
            &[
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
            ],
            &[
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
            ],
            &["post", "assign", "agency-2", "zhaoliu"],
        ])
    );
}

#[test]
fn publish_by_org_writes_each_post_and_prints_the_board() {
    let env = with_pingan();
    env.write("posts/serve-1.toml", SERVING);
    snapshot!(
        "publish-by-org",
        env.run_writes(&[
            &["post", "assign", "pingan-1", "lisi", "--date", "2026-02-01"],
            &["post", "publish", "--org", "liedong", "--format", "json"],
            // Nothing left to publish: success, nothing written.
            &["post", "publish", "serve-1"],
        ])
    );
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
    let w = env.run_write(&[
        "post",
        "log",
        "serve-1",
        "张三",
        "--text",
        "c",
        "--date",
        "2026-01-25",
    ]);
    snapshot!("spacing", w.text);
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
    snapshot!(
        "example-six-steps",
        env.run_writes(&[
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
            ],
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
        ])
    );
    // The whole file, as it reads at the end.
    snapshot!(
        "example-six-steps-file",
        env.read("posts/jiangbin-fanzha.toml")
    );
    assert_eq!(
        errors_in(&env, "posts/jiangbin-fanzha.toml"),
        Vec::<String>::new()
    );
}

#[test]
fn example_edits_keep_the_comments_of_real_files() {
    let env = TestEnv::example("qingxi");
    snapshot!(
        "example-comments",
        env.run_writes(&[
            // 环境卫生岗 is open to members living in the community (scope = "area", with a comment).
            &["post", "assign", "jiangbin-huanjing", "周丽华"],
            // A claimed resident on 文明劝导岗 (open to residents) is confirmed on her holder entry.
            &["post", "assign", "jiangbin-wenming", "彭爱萍"],
            &["post", "assign", "jiangbin-wenming", "杨帆"],
        ])
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
    // The snapshot shows every file that changed: only posts/xinqiao-huanjing.toml.
    snapshot!(
        "example-publish-by-org",
        env.run_write(&["post", "publish", "--org", "清溪街道党工委"])
            .text
    );
}

#[test]
fn example_refusals() {
    let env = TestEnv::example("qingxi");
    snapshot!(
        "example-refusals",
        env.run_writes(&[
            &["post", "assign", "jiangbin-pingan", "肖静"],
            &["post", "log", "jiangbin-pingan", "郭明", "--text", "巡查"],
            &["post", "assign", "qingxi-tufa", "杨帆"],
            &["post", "assign", "平安创建岗", "杨帆"],
        ])
    );
}
