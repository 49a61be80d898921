//! CLI tests of `check`, `init` and `schema`: a clean workspace, then one planted defect per
//! diagnostic code, asserting exit code, code, file, line, column and help; the output formats;
//! `[check]` levels and `--deny-warnings`; the locales; hostile files that must not panic or hang.

use serde_json::Value;

use super::{Run, TestEnv};

const SETTINGS: &str = r#"format = 1
name = "江滨街道"
root = "street"
year = 2026
locale = "en"
sector = "community"

[[role]]
id = "leading-core"
name = "社区党组织领导核心作用"
"#;

const STREET: &str = r#"id = "street"
name = "江滨街道党工委"
kind = "committee"
sector = "community"
"#;

const JIANGBIN: &str = r#"id = "jiangbin"
name = "江滨社区党支部"
kind = "branch"
sector = "community"
parent = "street"
role = "leading-core"
secretary = "wangfang"
"#;

const WANGFANG: &str = r#"id = "wangfang"
name = "王芳"
org = "jiangbin"
status = "full"
office = "leader"
joined = 2000-07-01
"#;

const ZHANGSAN: &str = r#"id = "zhangsan"
name = "张三"
org = "jiangbin"
status = "full"
office = "none"
joined = 2005-07-01
lives_in = "jiangbin"
"#;

const POST: &str = r#"id = "pingan"
name = "平安创建岗"
org = "jiangbin"
kind = "standing"
duties = ["巡查小区治安隐患"]
capacity = 2
log_every = "month"

[[holder]]
member = "zhangsan"
claimed = 2026-01-10
confirmed = 2026-01-15
published = 2026-01-20

[[log]]
date = 2026-02-03
member = "zhangsan"
text = "巡查3个小区"
"#;

const MATTER: &str = r#"id = "xiashuidao"
name = "老旧下水道改造"
org = "jiangbin"
year = 2026
step = "decompose"

[[history]]
step = "consult"
completed = 2026-01-12

[[history]]
step = "decide"
completed = 2026-01-25

[[opinion]]
source = "residents"
date = 2026-01-05
text = "下水道经常堵塞"

[[opinion]]
source = "resident-unit"
date = 2026-01-06
text = "愿意出资"

[[meeting]]
body = "joint"
date = 2026-01-20
expected = 25
present = 23
yes = 21
no = 1
abstain = 1

[[task]]
id = "t1"
text = "完成江滨小区下水道改造"
org = "jiangbin"
leader = "wangfang"
target = 1200
unit = "米"
due = 2026-09-30

[[progress]]
task = "t1"
date = 2026-03-31
value = 400
"#;

fn letter(committer: &str) -> String {
    format!(
        r#"committer = "{committer}"
half = "2026-H2"
signed = 2026-07-05
published = 2026-07-08

[[item]]
id = "c1"
category = "pairing"
type = "concrete"
text = "帮助3户困难家庭"
target = 3
unit = "户"
due = 2026-10-31

[[item.progress]]
date = 2026-09-10
value = 3

[[comment]]
by = "wangfang"
date = 2026-10-01
text = "完成得好"
rating = "good"
"#
    )
}

const SHEET: &str = r#"org = "jiangbin"
period = "2026-Q1"
date = 2026-04-05

[[score]]
member = "zhangsan"
self = 90
peer = [88, 92, 85]
leader = 92
masses = [90, 85, 95, 70, 88]

[[score]]
member = "wangfang"
self = 95
"#;

/// A small workspace with no findings.
fn base() -> TestEnv {
    let env = TestEnv::empty();
    env.write("dangjian.toml", SETTINGS);
    env.write("orgs/street.toml", STREET);
    env.write("orgs/jiangbin.toml", JIANGBIN);
    env.write("members/wangfang.toml", WANGFANG);
    env.write("members/zhangsan.toml", ZHANGSAN);
    env.write("posts/pingan.toml", POST);
    env.write("matters/2026/xiashuidao.toml", MATTER);
    env.write("commitments/2026-H2/zhangsan.toml", &letter("zhangsan"));
    env.write("commitments/2026-H2/wangfang.toml", &letter("wangfang"));
    env.write("evaluations/2026-Q1/jiangbin.toml", SHEET);
    env
}

/// `check --format json`: the exit code and the diagnostics.
fn check_json(env: &TestEnv, extra: &[&str]) -> (Run, Vec<Value>) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = env.run(&args);
    let value: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    let diags = value["diagnostics"].as_array().cloned().unwrap_or_default();
    (run, diags)
}

/// Line and column (from 1, characters) of the first occurrence of `needle` in `text`.
fn pos(text: &str, needle: &str) -> (u64, u64) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the fixture"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line as u64, column as u64)
}

/// One planted defect: what to write, and where the finding must point.
struct Case {
    code: &'static str,
    severity: &'static str,
    /// Files to write (path, text) over the clean workspace.
    write: Vec<(&'static str, String)>,
    /// The file the finding is in, and the text its position is at.
    file: &'static str,
    at: &'static str,
    /// A word the help line must contain.
    help: &'static str,
}

fn case(
    code: &'static str,
    severity: &'static str,
    write: Vec<(&'static str, String)>,
    file: &'static str,
    at: &'static str,
    help: &'static str,
) -> Case {
    Case {
        code,
        severity,
        write,
        file,
        at,
        help,
    }
}

fn assert_case(c: &Case) {
    let env = base();
    for (path, text) in &c.write {
        env.write(path, text);
    }
    let (run, diags) = check_json(&env, &[]);
    let found = diags
        .iter()
        .find(|d| d["code"] == c.code && d["file"] == c.file)
        .unwrap_or_else(|| panic!("no `{}` in {}: {diags:#?}", c.code, c.file));
    let text = &c.write.iter().find(|(p, _)| *p == c.file).unwrap().1;
    let (line, column) = pos(text, c.at);
    assert_eq!(
        (found["line"].as_u64(), found["column"].as_u64()),
        (Some(line), Some(column)),
        "`{}` points elsewhere: {found:#}",
        c.code
    );
    assert_eq!(found["severity"], c.severity, "{found:#}");
    let help = found["help"].as_str().unwrap_or_default();
    assert!(
        help.contains(c.help),
        "`{}` help lacks `{}`: {help}",
        c.code,
        c.help
    );
    let expected_exit = if c.severity == "error" { 1 } else { 0 };
    assert_eq!(run.code, expected_exit, "{}: {}", c.code, run.stdout);
}

#[test]
fn the_clean_workspace_has_no_findings() {
    let env = base();
    let (run, diags) = check_json(&env, &[]);
    assert_eq!(run.code, 0, "{diags:#?}");
    assert!(diags.is_empty(), "{diags:#?}");
    let human = env.run(&["check"]);
    assert_eq!(human.code, 0);
    assert!(
        human.stdout.contains("checked 10 files: 0 errors"),
        "{}",
        human.stdout
    );
}

#[test]
fn every_structural_code_points_at_its_place() {
    let post = |extra: &str| format!("{POST}{extra}");
    let cases = vec![
        case(
            "syntax",
            "error",
            vec![("orgs/bad.toml", "id = \"bad\"\nname ＝ \"x\"\n".into())],
            "orgs/bad.toml",
            "＝",
            "=",
        ),
        case(
            "schema",
            "error",
            vec![(
                "orgs/jiangbin.toml",
                JIANGBIN.replace("parent", "parnet"),
            )],
            "orgs/jiangbin.toml",
            "parnet",
            "parent",
        ),
        case(
            "invalid-id",
            "error",
            vec![(
                "members/zhang-3.toml",
                ZHANGSAN.replace("\"zhangsan\"", "\"Zhang 3\""),
            )],
            "members/zhang-3.toml",
            "\"Zhang 3\"",
            "lowercase",
        ),
        case(
            "id-mismatch",
            "error",
            vec![(
                "members/lisi.toml",
                ZHANGSAN.replace("\"zhangsan\"", "\"lisi2\""),
            )],
            "members/lisi.toml",
            "\"lisi2\"",
            "lisi2.toml",
        ),
        case(
            "duplicate-id",
            "error",
            vec![(
                "members/street.toml",
                ZHANGSAN.replace("\"zhangsan\"", "\"street\""),
            )],
            "members/street.toml",
            "\"street\"",
            "namespace",
        ),
        case(
            "unknown-reference",
            "error",
            vec![(
                "posts/pingan.toml",
                POST.replace("member = \"zhangsan\"\nclaimed", "member = \"zhangsna\"\nclaimed"),
            )],
            "posts/pingan.toml",
            "\"zhangsna\"",
            "did you mean `zhangsan`",
        ),
        case(
            "cycle",
            "error",
            vec![
                (
                    "orgs/a.toml",
                    "id = \"a\"\nname = \"A\"\nkind = \"group\"\nsector = \"community\"\nparent = \"b\"\n".into(),
                ),
                (
                    "orgs/b.toml",
                    "id = \"b\"\nname = \"B\"\nkind = \"group\"\nsector = \"community\"\nparent = \"a\"\n".into(),
                ),
            ],
            "orgs/a.toml",
            "\"b\"",
            "parent",
        ),
        case(
            "missing-parent",
            "error",
            vec![(
                "orgs/lone.toml",
                "id = \"lone\"\nname = \"L\"\nkind = \"branch\"\nsector = \"community\"\n".into(),
            )],
            "orgs/lone.toml",
            "\"lone\"",
            "parent",
        ),
        case(
            "root-parent",
            "error",
            vec![("orgs/street.toml", format!("{STREET}parent = \"jiangbin\"\n"))],
            "orgs/street.toml",
            "\"jiangbin\"",
            "remove the parent",
        ),
        case(
            "capacity",
            "error",
            vec![(
                "posts/pingan.toml",
                post("\n[[holder]]\nmember = \"wangfang\"\nconfirmed = 2026-02-01\n\n[[holder]]\nmember = \"zhangsan\"\nconfirmed = 2026-03-01\n"),
            )],
            "posts/pingan.toml",
            "2026-03-01",
            "capacity",
        ),
        case(
            "date-order",
            "error",
            vec![(
                "posts/pingan.toml",
                POST.replace("confirmed = 2026-01-15", "confirmed = 2026-01-05"),
            )],
            "posts/pingan.toml",
            "2026-01-05",
            "correct one of the dates",
        ),
        case(
            "window",
            "error",
            vec![(
                "posts/kangzai.toml",
                "id = \"kangzai\"\nname = \"抗灾岗\"\norg = \"jiangbin\"\nkind = \"temporary\"\nfrom = 2026-06-18\nuntil = 2026-07-31\nduties = [\"转移群众\"]\n\n[[holder]]\nmember = \"zhangsan\"\nconfirmed = 2026-08-02\n".into(),
            )],
            "posts/kangzai.toml",
            "2026-08-02",
            "2026-07-31",
        ),
        case(
            "log-holder",
            "error",
            vec![(
                "posts/pingan.toml",
                post("\n[[log]]\ndate = 2026-03-03\nmember = \"wangfang\"\ntext = \"代班\"\n"),
            )],
            "posts/pingan.toml",
            "\"wangfang\"",
            "serving",
        ),
        case(
            "long-tenure",
            "info",
            vec![(
                "posts/pingan.toml",
                POST.replace("claimed = 2026-01-10\nconfirmed = 2026-01-15\npublished = 2026-01-20", "claimed = 2021-01-10\nconfirmed = 2021-01-15\npublished = 2021-01-20")
                    .replace("[[holder]]", "[[holder]] # since 2021"),
            )],
            "posts/pingan.toml",
            "[[holder]]",
            "rotating",
        ),
        case(
            "out-of-range",
            "error",
            vec![(
                "evaluations/2026-Q1/jiangbin.toml",
                SHEET.replace("self = 95", "self = 120"),
            )],
            "evaluations/2026-Q1/jiangbin.toml",
            "120",
            "between 0 and 100",
        ),
        case(
            "period-mismatch",
            "error",
            vec![(
                "matters/2025/lvhua.toml",
                "id = \"lvhua\"\nname = \"绿化\"\norg = \"jiangbin\"\nyear = 2026\nstep = \"consult\"\n".into(),
            )],
            "matters/2025/lvhua.toml",
            "2026",
            "matters/2026/",
        ),
        case(
            "date-outside",
            "warning",
            vec![(
                "commitments/2026-H2/zhangsan.toml",
                letter("zhangsan").replace("date = 2026-09-10", "date = 2027-01-05"),
            )],
            "commitments/2026-H2/zhangsan.toml",
            "2027-01-05",
            "correct the date",
        ),
        case(
            "duplicate-subject",
            "error",
            vec![(
                "evaluations/2026-Q1/street.toml",
                "org = \"street\"\nperiod = \"2026-Q1\"\ndate = 2026-04-06\n\n[[score]]\nmember = \"zhangsan\"\nself = 80\n".into(),
            )],
            "evaluations/2026-Q1/street.toml",
            "\"zhangsan\"",
            "one row per subject",
        ),
        case(
            "outside-subtree",
            "error",
            vec![(
                "evaluations/2026-Q2/jiangbin.toml",
                "org = \"jiangbin\"\nperiod = \"2026-Q2\"\ndate = 2026-07-06\n\n[[score]]\norg = \"street\"\nself = 80\n".into(),
            )],
            "evaluations/2026-Q2/jiangbin.toml",
            "\"street\"",
            "organization above it",
        ),
        case(
            "step-history",
            "error",
            vec![(
                "matters/2026/xiashuidao.toml",
                MATTER.replace("step = \"decompose\"", "step = \"implement\""),
            )],
            "matters/2026/xiashuidao.toml",
            "\"implement\"",
            "matter advance",
        ),
        case(
            "forced-step",
            "info",
            vec![(
                "matters/2026/xiashuidao.toml",
                MATTER.replace(
                    "completed = 2026-01-25\n",
                    "completed = 2026-01-25\nforced = \"防汛紧急\"\n",
                ),
            )],
            "matters/2026/xiashuidao.toml",
            "\"防汛紧急\"",
            "forced-step",
        ),
        case(
            "stray-file",
            "warning",
            vec![("notes/todo.toml", "a = 1\n".into())],
            "notes/todo.toml",
            "a",
            "orgs/",
        ),
        case(
            "empty-file",
            "error",
            vec![("orgs/empty.toml", "\n".into())],
            "orgs/empty.toml",
            "\n",
            "delete the file",
        ),
    ];
    for c in &cases {
        assert_case(c);
    }
}

#[test]
fn a_file_in_gbk_names_its_encoding() {
    let env = base();
    let (bytes, _, _) = encoding_rs::GBK.encode("name = \"江滨社区党支部\"\n");
    std::fs::write(env.path("orgs/gbk.toml"), &*bytes).unwrap();
    let (run, diags) = check_json(&env, &[]);
    assert_eq!(run.code, 1);
    let d = diags.iter().find(|d| d["code"] == "encoding").unwrap();
    assert_eq!(d["file"], "orgs/gbk.toml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(d["message"].as_str().unwrap().contains("GB18030"), "{d}");
    assert!(
        d["help"].as_str().unwrap().contains("iconv -f GB18030"),
        "{d}"
    );
}

#[test]
fn human_output_looks_like_rustc() {
    let env = base();
    env.write(
        "orgs/jiangbin.toml",
        &JIANGBIN.replace("secretary = \"wangfang\"", "secretary = \"wangfnag\""),
    );
    let run = env.run(&["check"]);
    assert_eq!(run.code, 1);
    let expected = "error[unknown-reference]: unknown member `wangfnag`\n  --> orgs/jiangbin.toml:7:13\n  |\n7 | secretary = \"wangfnag\"\n  |             ^\n  = help: did you mean `wangfang`?\n";
    assert!(run.stdout.starts_with(expected), "{}", run.stdout);
    assert!(
        run.stdout.contains("checked 10 files: 1 error, 0 warnings"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_and_github_formats() {
    let env = base();
    env.write(
        "posts/pingan.toml",
        &POST.replace("member = \"zhangsan\"\ntext", "member = \"lisi\"\ntext"),
    );
    let run = env.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 2, "{v:#}");
    assert_eq!(v["summary"]["warnings"], 0);
    assert_eq!(v["summary"]["files"], 10);
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["log-holder", "unknown-reference"]);
    let gh = env.run(&["check", "--format", "github"]);
    assert_eq!(gh.code, 1);
    let (line, col) = pos(&env.read("posts/pingan.toml"), "\"lisi\"");
    let first = gh.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "::error file=posts/pingan.toml,line={line},col={col},title=log-holder::`lisi` did not hold the post on 2026-02-03 (not confirmed, or already ended) — a log entry names a holder serving on its date; correct the date or the member"
        )
    );
}

#[test]
fn check_levels_and_deny_warnings() {
    let env = base();
    env.write("notes/todo.toml", "a = 1\n");
    let run = env.run(&["check"]);
    assert_eq!(run.code, 0, "a warning alone passes: {}", run.stdout);
    assert!(run.stdout.contains("warning[stray-file]"), "{}", run.stdout);
    let strict = env.run(&["check", "--deny-warnings"]);
    assert_eq!(strict.code, 1, "{}", strict.stdout);

    env.write(
        "dangjian.toml",
        &format!("{SETTINGS}\n[check]\nallow = [\"stray-file\"]\n"),
    );
    let (run, diags) = check_json(&env, &["--deny-warnings"]);
    assert_eq!(run.code, 0);
    assert!(diags.is_empty(), "{diags:#?}");

    env.write(
        "dangjian.toml",
        &format!("{SETTINGS}\n[check]\ndeny = [\"stray-file\"]\n"),
    );
    let (run, diags) = check_json(&env, &[]);
    assert_eq!(run.code, 1);
    assert_eq!(diags[0]["severity"], "error");
    assert_eq!(diags[0]["code"], "stray-file");
}

#[test]
fn a_mistyped_code_in_check_levels_is_reported() {
    let env = base();
    env.write(
        "dangjian.toml",
        &format!("{SETTINGS}\n[check]\nallow = [\"unquantifed\"]\n"),
    );
    let r = env.run(&["check"]);
    insta::assert_snapshot!(r.transcript(), @r#"
    exit: 0
    --- stdout
    warning[unknown-code]: `unquantifed` in [check] is not a diagnostic code, so it does nothing
      --> dangjian.toml:13:10
       |
    13 | allow = ["unquantifed"]
       |          ^
      = help: did you mean `unquantified`?

    checked 10 files: 0 errors, 1 warning, 0 notes
    --- stderr
    "#);
}

#[test]
fn messages_follow_the_language() {
    let env = base();
    env.write(
        "orgs/jiangbin.toml",
        &JIANGBIN.replace("role = \"leading-core\"", "role = \"leading-cor\""),
    );
    let en = env.run(&["check"]);
    assert!(
        en.stdout.contains(
            "error[unknown-reference]: unknown role ([[role]] in dangjian.toml) `leading-cor`"
        ),
        "{}",
        en.stdout
    );
    let zh = env.run(&["--lang", "zh-CN", "check"]);
    assert!(
        zh.stdout.contains("错误[unknown-reference]: 找不到角色"),
        "{}",
        zh.stdout
    );
    assert!(
        zh.stdout.contains("提示: 是否想写 `leading-core`？"),
        "{}",
        zh.stdout
    );
    assert!(
        zh.stdout.contains("检查了 10 个文件：1 个错误"),
        "{}",
        zh.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    let env = base();
    let r = env.run(&["check", "--format", "xml"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let outside = TestEnv::empty();
    let r = outside.run(&["check"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("dangjian.toml"), "{}", r.stderr);
}

#[test]
fn a_broken_settings_file_is_a_finding() {
    let env = base();
    env.write(
        "dangjian.toml",
        &SETTINGS.replace("year = 2026", "year = 2026x"),
    );
    let (run, diags) = check_json(&env, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["code"], "syntax");
    assert_eq!(diags[0]["file"], "dangjian.toml");
    assert_eq!(diags[0]["line"], 4);
    env.write(
        "dangjian.toml",
        &SETTINGS.replace("sector = \"community\"", "sector = \"town\""),
    );
    let (run, diags) = check_json(&env, &[]);
    assert_eq!(run.code, 1);
    assert_eq!(diags[0]["code"], "schema");
    assert!(
        diags[0]["message"].as_str().unwrap().contains("community"),
        "{diags:#?}"
    );
}

#[test]
fn hostile_files_are_findings_not_crashes() {
    let env = base();
    // 10,000 nested arrays and inline tables, and 10,000 table-header brackets.
    env.write("orgs/deep1.toml", &format!("a = {}\n", "[".repeat(10_000)));
    env.write(
        "orgs/deep2.toml",
        &format!("a = {}\n", "{a = ".repeat(10_000)),
    );
    env.write("orgs/deep3.toml", &format!("{}\n", "[".repeat(10_000)));
    // A file over the size limit (sparse: costs no disk).
    let big = std::fs::File::create(env.path("members/big.toml")).unwrap();
    big.set_len(17 * 1024 * 1024).unwrap();
    drop(big);
    let (run, diags) = check_json(&env, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let code_of = |file: &str| {
        diags
            .iter()
            .find(|d| d["file"] == file)
            .map(|d| d["code"].as_str().unwrap().to_string())
    };
    assert_eq!(code_of("orgs/deep1.toml").as_deref(), Some("syntax"));
    assert_eq!(code_of("orgs/deep2.toml").as_deref(), Some("syntax"));
    assert_eq!(code_of("orgs/deep3.toml").as_deref(), Some("syntax"));
    assert_eq!(code_of("members/big.toml").as_deref(), Some("too-large"));
    // Human output clips the 10,000-character line.
    let human = env.run(&["check"]);
    assert!(
        human.stdout.lines().all(|l| l.chars().count() < 400),
        "a line was not clipped"
    );
}

#[cfg(unix)]
#[test]
fn links_pipes_and_odd_names_do_not_hang() {
    use std::os::unix::ffi::OsStrExt;
    let env = base();
    std::os::unix::fs::symlink("loop.toml", env.path("orgs/loop.toml")).unwrap();
    std::os::unix::fs::symlink("../orgs", env.path("orgs/self")).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"members/\xff\xfe.toml");
    std::fs::write(env.root().join(name), "id = \"x\"\n").unwrap();
    let fifo = env.path("posts/fifo.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let (run, diags) = check_json(&env, &[]);
    // An unreadable record is a finding like any other: exit 1, every other file still checked.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let codes: Vec<(&str, &str)> = diags
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    assert!(
        codes.contains(&("orgs/loop.toml", "unreadable")),
        "{codes:?}"
    );
    assert!(codes.iter().any(|(_, c)| *c == "file-name"), "{codes:?}");
    if made {
        assert!(
            codes.contains(&("posts/fifo.toml", "unreadable")),
            "{codes:?}"
        );
    }
}

#[test]
fn init_then_check_is_clean_and_init_refuses_to_overwrite() {
    for sector in [
        "village",
        "community",
        "agency",
        "enterprise",
        "school",
        "other",
        "社区",
    ] {
        let env = TestEnv::empty();
        let r = env.run(&[
            "init",
            "ws",
            "--sector",
            sector,
            "--name",
            "试点党委",
            "--root",
            "pilot",
        ]);
        assert_eq!(r.code, 0, "{sector}: {}", r.stderr);
        let check = env.run(&["-C", "ws", "check", "--deny-warnings", "--format", "json"]);
        assert_eq!(check.code, 0, "{sector}: {}", check.stdout);
        let v: Value = serde_json::from_str(&check.stdout).unwrap();
        assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(0), "{v:#}");
        let settings = env.read("ws/dangjian.toml");
        assert!(settings.contains("year = 2026"), "{settings}");
        assert!(settings.contains("locale = \"zh-CN\""), "{settings}");
        assert!(env.path("ws/orgs/pilot.toml").is_file());
        assert!(env.path("ws/matters/2026").is_dir());
        assert!(env.path("ws/schemas/post.schema.json").is_file());
        assert!(
            env.read("ws/.taplo.toml")
                .contains("./schemas/post.schema.json")
        );
    }
    let env = TestEnv::empty();
    let r = env.run(&["init", "--sector", "village", "--name", "八一村党支部"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = env.read("dangjian.toml");
    assert_eq!(before.matches("[[role]]").count(), 8, "{before}");
    assert!(
        before.contains("bodies = [\"branch\", \"committees\", \"members\", \"representatives\"]")
    );
    let again = env.run(&["init", "--sector", "school", "--name", "x"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("已存在"), "{}", again.stderr);
    let other = TestEnv::empty();
    other.write("orgs/pilot.toml", "# mine\n");
    let r = other.run(&[
        "init", "--sector", "school", "--name", "x", "--root", "pilot",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(other.read("orgs/pilot.toml"), "# mine\n");
    assert!(!other.path("dangjian.toml").exists());
    let en = env.run(&["--lang", "en", "init", "--sector", "school", "--name", "x"]);
    assert!(en.stderr.contains("already exists"), "{}", en.stderr);
    assert_eq!(env.read("dangjian.toml"), before);
}

#[test]
fn schema_prints_each_kind_as_committed() {
    let env = TestEnv::empty();
    for kind in [
        "dangjian",
        "org",
        "member",
        "post",
        "matter",
        "commitment",
        "evaluation",
    ] {
        let r = env.run(&["schema", kind]);
        assert_eq!(r.code, 0);
        let committed = std::fs::read_to_string(
            super::repo()
                .join("schemas")
                .join(format!("{kind}.schema.json")),
        )
        .unwrap();
        assert_eq!(r.stdout, committed, "schemas/{kind}.schema.json drifted");
    }
    let bad = env.run(&["schema", "orgs"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("unknown record kind"), "{}", bad.stderr);
}

#[test]
fn schemas_validate_the_clean_workspace() {
    let env = base();
    let files = [
        ("dangjian", "dangjian.toml"),
        ("org", "orgs/jiangbin.toml"),
        ("member", "members/zhangsan.toml"),
        ("post", "posts/pingan.toml"),
        ("matter", "matters/2026/xiashuidao.toml"),
        ("commitment", "commitments/2026-H2/zhangsan.toml"),
        ("evaluation", "evaluations/2026-Q1/jiangbin.toml"),
    ];
    for (kind, file) in files {
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(super::repo().join(format!("schemas/{kind}.schema.json")))
                .unwrap(),
        )
        .unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let record: toml::Table = toml::from_str(&env.read(file)).unwrap();
        // Editors see TOML dates as strings.
        let json: Value = serde_json::from_str(&serde_json::to_string(&record).unwrap()).unwrap();
        let json = dates_to_strings(json);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
        let mut bad = json.clone();
        bad["unexpected"] = Value::from(1);
        assert!(!validator.is_valid(&bad), "{kind} accepts unknown keys");
    }
}

fn dates_to_strings(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get("$__toml_private_datetime") {
                return Value::String(s.clone());
            }
            Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, dates_to_strings(v)))
                    .collect(),
            )
        }
        Value::Array(a) => Value::Array(a.into_iter().map(dates_to_strings).collect()),
        other => other,
    }
}

/// Defects planted in a copy of the example workspace: real files, with comments and Chinese
/// text, still give findings at the right place.
#[test]
fn defects_planted_in_the_example_are_found() {
    struct Plant {
        file: &'static str,
        from: &'static str,
        to: &'static str,
        code: &'static str,
        /// The file of the finding (the edited one unless given) and the text at its position.
        found_in: Option<&'static str>,
        at: &'static str,
        help: &'static str,
    }
    let plants = [
        Plant {
            file: "orgs/jiangbin-1.toml",
            from: "parent = \"jiangbin\"",
            to: "parent = \"jiangbn\"",
            code: "unknown-reference",
            found_in: None,
            at: "\"jiangbn\"",
            help: "did you mean `jiangbin`?",
        },
        Plant {
            file: "posts/qingxi-tufa.toml",
            from: "capacity = 8",
            to: "capacity = 1",
            code: "capacity",
            found_in: None,
            at: "confirmed = 2026-06-1",
            help: "raise capacity",
        },
        Plant {
            file: "posts/qingxi-tufa.toml",
            from: "until = 2026-07-31",
            to: "until = 2026-06-17",
            code: "date-order",
            found_in: None,
            at: "2026-06-17",
            help: "correct one of the dates",
        },
        Plant {
            file: "orgs/jiangbin.toml",
            from: "parent = \"qingxi\"",
            to: "parent = \"jiangbin-1\"",
            code: "cycle",
            // The loop is reported once, on its first organization in path order.
            found_in: Some("orgs/jiangbin-1.toml"),
            at: "\"jiangbin\"",
            help: "top organization",
        },
    ];
    for p in plants {
        let env = TestEnv::example("qingxi");
        let text = env.read(p.file);
        assert!(text.contains(p.from), "{} lacks `{}`", p.file, p.from);
        let edited = text.replacen(p.from, p.to, 1);
        env.write(p.file, &edited);
        let (run, diags) = check_json(&env, &["--lang", "en"]);
        assert_eq!(run.code, 1, "{}", p.code);
        let file = p.found_in.unwrap_or(p.file);
        let d = diags
            .iter()
            .find(|d| d["code"] == p.code && d["file"] == file)
            .unwrap_or_else(|| panic!("no `{}` in {file}: {diags:#?}", p.code));
        let (line, column) = pos(&env.read(file), p.at);
        assert_eq!(d["line"].as_u64(), Some(line), "{}: {d:#}", p.code);
        if !p.at.starts_with("confirmed") {
            assert_eq!(d["column"].as_u64(), Some(column), "{}: {d:#}", p.code);
        }
        assert!(
            d["help"].as_str().unwrap_or_default().contains(p.help),
            "{}: {d:#}",
            p.code
        );
    }
}
