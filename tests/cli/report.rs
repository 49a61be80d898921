//! CLI tests of the report area: every report in every format, the data of the board and roles
//! reports, xlsx read back, byte-identical reruns, formula neutralisation, HTML escaping, and
//! private values that never leave the workspace.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::TestEnv;

const REPORTS: [&str; 7] = [
    "board", "ledger", "review", "annual", "progress", "roles", "matters",
];
const FORMATS: [&str; 7] = ["table", "md", "csv", "json", "yaml", "html", "xlsx"];
/// Values planted under `[private]` that no report may show.
const PRIVATE: [&str; 3] = ["13800001111", "内部备注勿公开", "PRIVATE-POST-NOTE"];
const HOSTILE_FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"点我\")";
const HOSTILE_SCRIPT: &str = "<script>alert(1)</script>";

/// A street committee with two branches, a partner unit and a mass organization; posts with
/// published, unpublished and ended holders; a commitment letter; a matter with tasks; annual
/// outcomes; hostile names; private values.
pub fn fixture() -> TestEnv {
    let env = TestEnv::empty();
    env.write(
        "dangjian.toml",
        r#"format = 1
name = "清溪街道党工委"
root = "qingxi"
year = 2026
locale = "zh-CN"
sector = "community"

[[role]]
id = "community-party"
name = "社区党组织领导核心作用"

[[role]]
id = "resident-unit"
name = "驻区单位协调共建作用"

[[role]]
id = "mass-org"
name = "群团组织桥梁纽带作用"

[[role]]
id = "civil"
name = "民间组织补充作用"

[private]
note = "内部备注勿公开"
"#,
    );
    for (id, name, kind, parent, role) in [
        ("qingxi", "清溪街道党工委", "committee", None, None),
        (
            "jiangbin",
            "江滨社区党支部",
            "branch",
            Some("qingxi"),
            Some("community-party"),
        ),
        (
            "hexi",
            "河西社区党支部",
            "branch",
            Some("qingxi"),
            Some("community-party"),
        ),
        (
            "water-co",
            "清溪水务公司",
            "partner",
            Some("jiangbin"),
            Some("resident-unit"),
        ),
        (
            "youth",
            "街道团工委",
            "partner",
            Some("qingxi"),
            Some("mass-org"),
        ),
    ] {
        let mut text = format!(
            "id = \"{id}\"\nname = \"{name}\"\nkind = \"{kind}\"\nsector = \"community\"\n"
        );
        if let Some(p) = parent {
            text.push_str(&format!("parent = \"{p}\"\n"));
        }
        if let Some(r) = role {
            text.push_str(&format!("role = \"{r}\"\n"));
        }
        env.write(&format!("orgs/{id}.toml"), &text);
    }
    for (id, name, org, status) in [
        ("zhangsan", "张三", "jiangbin", "full"),
        ("lisi", "李四", "jiangbin", "probationary"),
        ("wangfang", "王芳", "jiangbin", "full"),
        ("zhaoliu", "赵六", "hexi", "full"),
        ("evil", HOSTILE_FORMULA, "hexi", "full"),
        ("xss", HOSTILE_SCRIPT, "hexi", "full"),
    ] {
        let name = name.replace('\\', "\\\\").replace('"', "\\\"");
        env.write(
            &format!("members/{id}.toml"),
            &format!(
                "id = \"{id}\"\nname = \"{name}\"\norg = \"{org}\"\nstatus = \"{status}\"\n\
                 office = \"none\"\njoined = 2010-07-01\n\n[private]\nphone = \"13800001111\"\n"
            ),
        );
    }
    env.write(
        "posts/pingan-1.toml",
        r#"id = "pingan-1"
name = "平安创建岗"
org = "jiangbin"
kind = "standing"
duties = ["巡查小区治安隐患", "协助开展平安宣传"]
capacity = 3
log_every = "month"

[[target]]
text = "每月巡查不少于4次"
value = 4
per = "month"

[[holder]]
member = "zhangsan"
claimed = 2026-01-10
confirmed = 2026-01-15
published = 2026-01-20

[[holder]]
member = "lisi"
claimed = 2026-02-01
confirmed = 2026-02-03

[[holder]]
member = "wangfang"
claimed = 2026-01-10
confirmed = 2026-01-15
published = 2026-01-20
ended = 2026-06-30
end_reason = "换岗"

[[log]]
date = 2026-10-08
member = "zhangsan"
text = "巡查3个小区，发现并上报隐患2处"
hours = 2.5

[[log]]
date = 2026-11-03
member = "zhangsan"
text = "协助派出所开展反诈宣传"

[private]
note = "PRIVATE-POST-NOTE"
"#,
    );
    env.write(
        "posts/wenming.toml",
        r#"id = "wenming"
name = "文明劝导岗"
org = "hexi"
kind = "standing"
duties = ["劝导不文明行为"]

[[holder]]
member = "zhaoliu"
confirmed = 2026-03-01
published = 2026-03-05

[[holder]]
member = "evil"
confirmed = 2026-03-01
published = 2026-03-05

[[holder]]
member = "xss"
confirmed = 2026-03-01
published = 2026-03-05
"#,
    );
    env.write(
        "posts/fangxun.toml",
        r#"id = "fangxun"
name = "防汛临时岗"
org = "hexi"
kind = "temporary"
from = 2026-06-18
until = 2026-07-31
duties = ["巡查河堤"]

[[holder]]
member = "zhaoliu"
confirmed = 2026-06-18
published = 2026-06-18
"#,
    );
    env.write(
        "commitments/2026-H2/zhangsan.toml",
        r#"committer = "zhangsan"
half = "2026-H2"
signed = 2026-07-05
published = 2026-07-08

[[item]]
id = "c1"
category = "pairing"
type = "concrete"
text = "帮助3户困难家庭解决实际问题"
measure = "每月走访一次"
target = 3
unit = "户"
due = 2026-12-31

[[item.progress]]
date = 2026-09-10
value = 2

[[item]]
id = "c2"
category = "org-life"
type = "service"
text = "按时参加组织生活"
due = 2026-12-31

[[item.progress]]
date = 2026-10-10
done = true

[private]
phone = "13800001111"
"#,
    );
    env.write(
        "matters/2026/xiashuidao.toml",
        r#"id = "xiashuidao"
name = "老旧下水道改造"
org = "jiangbin"
year = 2026
step = "implement"

[[task]]
id = "t1"
text = "完成江滨小区下水道改造"
org = "water-co"
target = 1200
unit = "米"
due = 2026-09-30
signed = 2026-02-01

[[task]]
id = "t2"
text = "组织青年志愿者宣传"
org = "youth"
due = 2026-06-30
signed = 2026-02-01

[[progress]]
task = "t1"
date = 2026-03-31
value = 400

[[progress]]
task = "t1"
date = 2026-10-31
value = 900

[[progress]]
task = "t2"
date = 2026-05-31
value = 100
"#,
    );
    env.write(
        "evaluations/2025-Y/jiangbin.toml",
        r#"org = "jiangbin"
period = "2025-Y"
date = 2026-01-10

[[outcome]]
member = "zhangsan"
kind = "honour"
title = "优秀共产党员"
"#,
    );
    env.write(
        "evaluations/2025-Y/hexi.toml",
        r#"org = "hexi"
period = "2025-Y"
date = 2026-01-12

[[outcome]]
member = "zhaoliu"
kind = "rectify"
due = 2026-02-11
verified = 2026-02-05
"#,
    );
    env.write(
        "evaluations/2026-Q3/jiangbin.toml",
        r#"org = "jiangbin"
period = "2026-Q3"
date = 2026-10-08

[[score]]
member = "zhangsan"
self = 92
peer = [90, 88, 95]
leader = 93
masses = [90, 85, 95, 70, 88]
"#,
    );
    env
}

/// The arguments of a report: progress needs its month.
fn report_args(report: &str) -> Vec<&str> {
    let mut args = vec!["report", report];
    if report == "progress" {
        args.extend(["--month", "2026-10"]);
    }
    args
}

/// Runs a report in a format and returns its bytes (xlsx through `-o`).
fn render(env: &TestEnv, report: &str, format: &str, extra: &[&str]) -> Vec<u8> {
    let mut args = report_args(report);
    args.extend(["--format", format]);
    args.extend(extra);
    let file = format!("out-{report}.{format}");
    if format == "xlsx" {
        args.extend(["-o", file.as_str()]);
    }
    let r = env.run(&args);
    assert_eq!(r.code, 0, "report {report} --format {format}: {}", r.stderr);
    if format == "xlsx" {
        let bytes = std::fs::read(env.path(&file)).unwrap();
        std::fs::remove_file(env.path(&file)).unwrap();
        bytes
    } else {
        r.stdout.into_bytes()
    }
}

/// Every text cell of every sheet of an xlsx file.
pub fn xlsx_texts(bytes: &[u8]) -> Vec<String> {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                out.push(cell.to_string());
            }
        }
        out.push(name);
    }
    out
}

fn json(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let r = env.run(&all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

#[test]
fn every_report_runs_in_every_format() {
    let env = fixture();
    for report in REPORTS {
        for format in FORMATS {
            let bytes = render(&env, report, format, &[]);
            assert!(
                !bytes.is_empty(),
                "report {report} --format {format} is empty"
            );
        }
    }
}

#[test]
fn same_records_and_date_give_the_same_bytes() {
    let env = fixture();
    for report in REPORTS {
        for format in FORMATS {
            let a = render(&env, report, format, &[]);
            let b = render(&env, report, format, &[]);
            assert!(
                a == b,
                "report {report} --format {format} differs between runs"
            );
        }
    }
}

#[test]
fn private_values_appear_in_no_report_in_any_format() {
    let env = fixture();
    for report in REPORTS {
        for format in FORMATS {
            for lang in ["zh-CN", "en"] {
                let bytes = render(&env, report, format, &["--lang", lang]);
                let text = if format == "xlsx" {
                    xlsx_texts(&bytes).join("\n")
                } else {
                    String::from_utf8(bytes).unwrap()
                };
                for secret in PRIVATE {
                    assert!(
                        !text.contains(secret),
                        "{secret} leaked into report {report} --format {format}:\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn board_lists_published_serving_holders_with_the_six_things() {
    let env = fixture();
    let v = json(&env, &["report", "board"]);
    assert_eq!(v["report"], "board");
    assert_eq!(v["meta"]["as_of"], "2026-11-20");
    assert_eq!(v["meta"]["half"], "2026-H2");
    assert_eq!(v["meta"]["period"], "2026-Q3");
    let ids: Vec<&str> = v["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["hexi", "jiangbin"],
        "one table per organization, tree order"
    );

    let jiangbin = crate::rows(&v, "jiangbin").as_array().unwrap();
    assert_eq!(
        jiangbin.len(),
        1,
        "李四 is not published, 王芳 has ended: {jiangbin:?}"
    );
    let row = &jiangbin[0];
    assert_eq!(row["member"], "zhangsan");
    assert_eq!(row["member_name"], "张三");
    assert_eq!(row["post_name"], "平安创建岗");
    assert_eq!(row["published"], "2026-01-20");
    assert_eq!(row["duties"], "1. 巡查小区治安隐患\n2. 协助开展平安宣传");
    assert_eq!(row["targets"], "每月巡查不少于4次");
    assert_eq!(
        row["commitments"],
        "1. 帮助3户困难家庭解决实际问题\n2. 按时参加组织生活"
    );
    // Machine formats are the same in every locale: summaries in English, keywords canonical.
    assert_eq!(
        row["progress"],
        "2026-11-03 on duty: 协助派出所开展反诈宣传\ncommitment 1: 2/3 户, in-progress\ncommitment 2: fulfilled"
    );
    let md = env.run(&["report", "board", "--format", "md"]);
    assert!(
        md.stdout.contains(
            "2026-11-03 履岗：协助派出所开展反诈宣传<br>承诺1：2/3户，进行中<br>承诺2：已践诺"
        ),
        "human formats in the workspace language: {}",
        md.stdout
    );
    assert!(md.stdout.contains("2025年度优秀共产党员"), "{}", md.stdout);
    assert!(md.stdout.contains("基本合格"), "{}", md.stdout);
    // 2026-Q3 (the latest quarter ended by 2026-11-20): self 92, peer 91 (mean), leader 93,
    // masses 87.67 (95 and 70 trimmed), objective 0 (no duty log in July–September; no
    // commitment due in the quarter): 9.2 + 18.2 + 27.9 + 17.53 + 0 = 72.83, 基本合格.
    assert_eq!(row["score"], serde_json::json!(72.83));
    assert_eq!(row["grade"], "basic");

    let hexi = crate::rows(&v, "hexi").as_array().unwrap();
    let names: Vec<&str> = hexi
        .iter()
        .map(|r| r["member_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["赵六", HOSTILE_FORMULA, HOSTILE_SCRIPT],
        "the temporary post's window is over"
    );
    assert!(
        hexi.iter().all(|r| r["score"].is_null()),
        "no Q3 row, no score"
    );
    // Verified on 2026-02-05, the rectification left the board 30 days later
    // (`[report] board_keep_days`); tests/cli/print.rs follows it day by day.
    assert!(hexi[0]["outcomes"].is_null(), "{}", hexi[0]);
}

#[test]
fn board_of_a_subtree_and_in_english() {
    let env = fixture();
    let v = json(
        &env,
        &["report", "board", "--org", "河西社区党支部", "--lang", "en"],
    );
    let rows = crate::rows(&v, "hexi").as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let jiangbin = json(
        &env,
        &["report", "board", "--org", "jiangbin", "--lang", "en"],
    );
    assert_eq!(
        crate::rows(&jiangbin, "jiangbin")[0]["grade"],
        "basic",
        "the grade's id in English"
    );
    assert_eq!(rows[0]["post_name"], "文明劝导岗");
    let r = env.run(&["report", "board", "--org", "hexi", "--lang", "en"]);
    assert!(
        r.stdout.starts_with(
            "Public board (six things made public)\nAs of: 2026-11-20\nCommitment half: 2026-H2\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("\n河西社区党支部\n┌"),
        "the organization heads its table"
    );
    assert!(r.stdout.contains("Honours and rectification"));
    // Published on 2026-03-05; the rectification verified on 2026-02-05 is shown until 03-07.
    let march = env.run(&[
        "--as-of",
        "2026-03-06",
        "report",
        "board",
        "--org",
        "hexi",
        "--lang",
        "en",
    ]);
    assert!(
        march
            .stdout
            .contains("2025: rectify by 2026-02-11 (verified 2026-02-05)"),
        "{}",
        march.stdout
    );
}

#[test]
fn board_csv_is_rfc4180_and_neutralises_formulas() {
    let env = fixture();
    let r = env.run(&[
        "report", "board", "--org", "hexi", "--format", "csv", "--bom",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with(
        "\u{feff}member,member_name,post,post_name,published,duties,targets,commitments,progress,score,grade,veto,outcomes\r\n"
    ));
    assert!(r.stdout.contains(
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",wenming,文明劝导岗,2026-03-05,"
    ));
    assert!(!r.stdout.contains("\n=HYPERLINK") && !r.stdout.contains(",=HYPERLINK"));
    let mut reader =
        csv::ReaderBuilder::new().from_reader(r.stdout.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == 13));
    assert!(!r.stdout.replace("\r\n", "").contains('\r'));
}

#[test]
fn whole_board_csv_is_one_table_with_the_organization_first() {
    let env = fixture();
    let r = env.run(&["report", "board", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..4], ["table", "member", "member_name", "post"]);
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[2].to_string())
        })
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0], ("hexi".to_string(), "赵六".to_string()));
    assert_eq!(rows[3], ("jiangbin".to_string(), "张三".to_string()));
}

#[test]
fn board_html_escapes_and_prints_one_organization_per_landscape_page() {
    let env = fixture();
    let html = String::from_utf8(render(&env, "board", "html", &[])).unwrap();
    assert!(!html.contains(HOSTILE_SCRIPT));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("@page { size: A4 landscape;"));
    assert_eq!(html.matches("<section class=\"sheet page\">").count(), 2);
    assert!(html.contains(
        "<div class=\"run-org\">江滨社区党支部</div><div class=\"subtitle\">党员公开栏（六公开）</div>"
    ));
    assert!(html.contains("thead { display: table-header-group; }"));
    assert!(!html.contains("<link") && !html.contains("<script"));
}

#[test]
fn board_xlsx_reads_back_with_typed_cells_and_neutralised_formulas() {
    let env = fixture();
    let bytes = render(&env, "board", "xlsx", &[]);
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["河西社区党支部", "江滨社区党支部"]);
    let range = book.worksheet_range("江滨社区党支部").unwrap();
    assert_eq!(range.get((0, 0)), Some(&Data::String("姓名".into())));
    assert_eq!(range.get((1, 0)), Some(&Data::String("张三".into())));
    match range.get((1, 2)) {
        Some(Data::DateTime(d)) => {
            assert!(d.is_datetime());
            assert_eq!(d.as_f64(), 46042.0, "2026-01-20");
        }
        other => panic!("the publication date is not a date: {other:?}"),
    }
    let hexi = book.worksheet_range("河西社区党支部").unwrap();
    // The text as it is, kept text by the quote-prefix style (tests/cli/print.rs reads the
    // style back).
    assert_eq!(
        hexi.get((2, 0)),
        Some(&Data::String(HOSTILE_FORMULA.to_string()))
    );

    let bytes = render(&env, "roles", "xlsx", &[]);
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let summary = book.worksheet_range("概览").unwrap();
    assert_eq!(
        summary.get((1, 0)),
        Some(&Data::String("社区党组织领导核心作用".into()))
    );
    assert_eq!(
        summary.get((1, 1)),
        Some(&Data::Float(2.0)),
        "a number, not text"
    );
}

#[test]
fn roles_lists_each_role_with_its_organizations_tasks_and_posts() {
    let env = fixture();
    let v = json(&env, &["report", "roles"]);
    assert_eq!(v["report"], "roles");
    assert_eq!(v["meta"]["org"], "qingxi");
    let md = env.run(&["report", "roles", "--format", "md"]);
    assert!(
        md.stdout
            .starts_with("# 清溪街道党工委四个方面作用发挥情况\n")
            && md
                .stdout
                .contains("防汛临时岗（不在设岗期内）<br>文明劝导岗（在岗3人）"),
        "{}",
        md.stdout
    );
    let summary = crate::rows(&v, "summary").as_array().unwrap();
    assert_eq!(summary.len(), 4, "every role of dangjian.toml");
    assert_eq!(summary[0]["orgs"], 2);
    assert_eq!(summary[0]["posts"], 3);
    assert_eq!(summary[1]["tasks"], 1);
    assert_eq!(summary[3]["orgs"], 0);
    let detail = crate::rows(&v, "roles").as_array().unwrap();
    let water = detail.iter().find(|r| r["org"] == "清溪水务公司").unwrap();
    assert_eq!(water["role"], "驻区单位协调共建作用");
    assert_eq!(
        water["tasks"],
        "老旧下水道改造: 完成江滨小区下水道改造 (75% done, due 2026-09-30)"
    );
    let jiangbin = detail
        .iter()
        .find(|r| r["org"] == "江滨社区党支部")
        .unwrap();
    assert_eq!(jiangbin["posts"], "平安创建岗 (2 serving)");
    let hexi = detail
        .iter()
        .find(|r| r["org"] == "河西社区党支部")
        .unwrap();
    assert_eq!(
        hexi["posts"],
        "防汛临时岗 (outside its window)\n文明劝导岗 (3 serving)"
    );
    let civil = detail
        .iter()
        .find(|r| r["role"] == "民间组织补充作用")
        .unwrap();
    assert!(
        civil["org"].is_null(),
        "a role nobody plays is still listed"
    );

    // Another year has no tasks.
    let v = json(&env, &["report", "roles", "--year", "2025"]);
    assert_eq!(crate::rows(&v, "summary")[1]["tasks"], 0);
}

#[test]
fn format_follows_the_file_extension() {
    let env = fixture();
    for (file, starts) in [
        ("board.md", "# 党员公开栏（六公开）"),
        ("board.html", "<!DOCTYPE html>"),
        ("board.json", "{"),
        ("board.yaml", "\"report\": \"board\""),
        ("board.csv", "table,member,member_name,post"),
        ("board.txt", "党员公开栏（六公开）"),
    ] {
        let r = env.run(&["report", "board", "-o", file]);
        assert_eq!(r.code, 0, "{file}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "nothing on stdout with -o");
        assert!(
            env.read(file).starts_with(starts),
            "{file}: {}",
            env.read(file)
        );
    }
    let r = env.run(&["report", "board", "-o", "board.xlsx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read(env.path("board.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
    // --format wins over the extension.
    let r = env.run(&["report", "board", "--format", "json", "-o", "board.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(env.read("board.txt").starts_with('{'));
}

#[test]
fn bad_options_are_usage_errors_with_help() {
    let env = fixture();
    for (args, needle) in [
        (vec!["report", "board", "-o", "board.pdf"], "board.pdf"),
        (vec!["report", "board", "--org", "nowhere"], "nowhere"),
        (vec!["report", "progress", "--month", "2026-13"], "2026-13"),
        (vec!["report", "ledger", "--half", "2026-Q1"], "2026-Q1"),
        (vec!["report", "ledger", "--status", "lost"], "lost"),
        (vec!["report", "review", "--period", "2026-Q5"], "2026-Q5"),
    ] {
        let r = env.run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("提示") || r.stderr.contains("help"),
            "{}",
            r.stderr
        );
    }
    let r = env.run(&["report", "progress"]);
    assert_eq!(r.code, 2, "--month is required: {}", r.stderr);
    let r = env.run(&["report", "board", "--format", "pdf"]);
    assert_eq!(r.code, 2);
}

#[test]
fn empty_workspace_still_renders() {
    let env = TestEnv::empty();
    env.write(
        "dangjian.toml",
        "format = 1\nname = \"空\"\nroot = \"root\"\nyear = 2026\nsector = \"village\"\n",
    );
    env.write(
        "orgs/root.toml",
        "id = \"root\"\nname = \"空村党支部\"\nkind = \"branch\"\nsector = \"village\"\n",
    );
    for report in REPORTS {
        for format in FORMATS {
            let bytes = render(&env, report, format, &[]);
            assert!(!bytes.is_empty(), "{report} {format}");
        }
    }
    let v = json(&env, &["report", "board"]);
    assert_eq!(
        crate::rows(&v, "root"),
        &serde_json::json!([]),
        "one empty table"
    );
    let r = env.run(&["report", "board", "--format", "csv"]);
    assert_eq!(
        r.stdout,
        "member,member_name,post,post_name,published,duties,targets,commitments,progress,score,grade,veto,outcomes\r\n"
    );
}

/// Every string under a `[private]` table of the workspace's records.
pub fn private_values(env: &TestEnv) -> Vec<String> {
    fn strings(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            toml::Value::Table(t) => t.values().for_each(|v| strings(v, out)),
            other => out.push(other.to_string()),
        }
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(env.root()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let value: toml::Table = toml::from_str(&text).unwrap();
            if let Some(p) = value.get("private") {
                strings(p, &mut out);
            }
        }
    }
    out
}

#[test]
fn example_reports_show_no_private_value() {
    let env = TestEnv::example("qingxi");
    let secrets = private_values(&env);
    assert!(
        secrets.len() >= 5,
        "the example plants private values: {secrets:?}"
    );
    for report in REPORTS {
        for format in FORMATS {
            let bytes = render(&env, report, format, &[]);
            let text = if format == "xlsx" {
                xlsx_texts(&bytes).join("\n")
            } else {
                String::from_utf8(bytes).unwrap()
            };
            for secret in &secrets {
                assert!(
                    !text.contains(secret.as_str()),
                    "{secret} leaked into report {report} --format {format}"
                );
            }
        }
    }
}

#[test]
fn example_board_and_roles() {
    let env = TestEnv::example("qingxi");
    let v = json(&env, &["report", "board"]);
    let tables = v["tables"].as_array().unwrap();
    assert!(tables.len() >= 3, "one table per community: {tables:?}");
    for table in tables {
        let org = &table["id"];
        for row in table["rows"].as_array().unwrap() {
            assert!(
                row["member"].is_string() && row["post"].is_string(),
                "{org}: {row}"
            );
            assert!(
                row["published"].is_string(),
                "only published holders: {row}"
            );
        }
    }
    let v = json(&env, &["report", "roles"]);
    let summary = crate::rows(&v, "summary").as_array().unwrap();
    assert_eq!(summary.len(), 5, "the example's five roles");
    assert!(summary.iter().all(|r| r["orgs"].as_i64().unwrap() > 0));
}

#[test]
fn broken_records_are_left_out_with_a_warning() {
    let env = fixture();
    env.write("members/broken.toml", "id = \"broken\"\nname = \n");
    let r = env.run(&["report", "board", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("dangjian check"), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(crate::rows(&v, "jiangbin")[0]["member_name"], "张三");
    let quiet = env.run(&["report", "board", "--format", "json", "-q"]);
    assert_eq!(quiet.code, 0);
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
    assert_eq!(quiet.stdout, r.stdout);
}

#[test]
fn option_errors_speak_the_workspace_language() {
    let env = fixture();
    let zh = env.run(&["report", "progress", "--month", "2026-3"]);
    assert_eq!(zh.code, 2);
    assert!(zh.stderr.contains("不是月份"), "{}", zh.stderr);
    let text = env
        .read("dangjian.toml")
        .replace("locale = \"zh-CN\"", "locale = \"en\"");
    env.write("dangjian.toml", &text);
    let en = env.run(&["report", "progress", "--month", "2026-3"]);
    assert_eq!(en.code, 2);
    assert!(
        en.stderr.contains("`2026-3` is not a month"),
        "{}",
        en.stderr
    );
    assert!(
        en.stderr.contains("help: write a month as YYYY-MM"),
        "{}",
        en.stderr
    );
    let r = env.run(&["report", "board", "-o", "x.pdf"]);
    assert!(
        r.stderr.contains("cannot tell the output format"),
        "{}",
        r.stderr
    );
}

#[test]
fn help_lists_every_report_and_its_options() {
    let env = TestEnv::empty();
    let r = env.run(&["report", "--help"]);
    assert_eq!(r.code, 0);
    for report in REPORTS {
        assert!(r.stdout.contains(&format!("  {report} ")), "{}", r.stdout);
    }
    for report in REPORTS {
        let r = env.run(&["report", report, "--help"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        for option in ["--org", "--format", "--output", "--bom"] {
            assert!(r.stdout.contains(option), "{report} lacks {option}");
        }
    }
    let ledger = env.run(&["report", "ledger", "--help"]).stdout;
    assert!(ledger.contains("--half") && ledger.contains("--status"));
    assert!(
        env.run(&["report", "review", "--help"])
            .stdout
            .contains("--period")
    );
    assert!(
        env.run(&["report", "progress", "--help"])
            .stdout
            .contains("--month")
    );
    for report in ["annual", "roles", "matters"] {
        assert!(
            env.run(&["report", report, "--help"])
                .stdout
                .contains("--year")
        );
    }
}

#[test]
fn every_xlsx_has_real_numbers_and_dates_never_text_that_looks_like_them() {
    let env = TestEnv::example("qingxi");
    for report in REPORTS {
        let bytes = render(&env, report, "xlsx", &[]);
        let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
        let (mut numbers, mut dates) = (0, 0);
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).unwrap();
            for row in range.rows().skip(1) {
                for cell in row {
                    match cell {
                        Data::Float(_) | Data::Int(_) => numbers += 1,
                        Data::DateTime(d) => {
                            assert!(d.is_datetime());
                            dates += 1;
                        }
                        Data::String(s) => {
                            let looks_like_a_date = s.len() == 10
                                && s.as_bytes()[4] == b'-'
                                && s.as_bytes()[7] == b'-'
                                && s.replace('-', "").bytes().all(|b| b.is_ascii_digit());
                            assert!(!looks_like_a_date, "{report}: a date as text: {s}");
                            assert!(s.parse::<f64>().is_err(), "{report}: a number as text: {s}");
                        }
                        _ => {}
                    }
                }
            }
        }
        assert!(numbers > 0, "{report} has no number cell");
        if matches!(report, "board" | "ledger") {
            assert!(dates > 0, "{report} has no date cell");
        }
    }
}
