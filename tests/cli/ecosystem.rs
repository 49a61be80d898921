//! CLI tests of the ecosystem area: `member import`, `fmt`, `completions`, and every example
//! file validated against the JSON Schema of its kind by an independent validator.

use std::path::Path;

use crate::{TestEnv, repo};

const SETTINGS: &str = "format = 1\nname = \"测试社区党委\"\nroot = \"sq\"\nyear = 2026\nlocale = \"en\"\nsector = \"community\"\n";

/// A workspace with a committee and two branches.
fn workspace() -> TestEnv {
    let env = TestEnv::empty();
    env.write("dangjian.toml", SETTINGS);
    env.write(
        "orgs/sq.toml",
        "id = \"sq\"\nname = \"测试社区党委\"\nkind = \"committee\"\nsector = \"community\"\n",
    );
    env.write(
        "orgs/b1.toml",
        "id = \"b1\"\nname = \"第一支部\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"sq\"\n",
    );
    env.write(
        "orgs/b2.toml",
        "id = \"b2\"\nname = \"第二支部\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"sq\"\n",
    );
    env
}

fn members(env: &TestEnv) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.path("members"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn table(env: &TestEnv, rel: &str) -> toml::Table {
    toml::from_str(&env.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The one member file whose `name` is `name`.
fn member_named(env: &TestEnv, name: &str) -> (String, toml::Table) {
    let found: Vec<(String, toml::Table)> = members(env)
        .into_iter()
        .map(|f| {
            let rel = format!("members/{f}");
            let t = table(env, &rel);
            (rel, t)
        })
        .filter(|(_, t)| t.get("name").and_then(|v| v.as_str()) == Some(name))
        .collect();
    assert_eq!(found.len(), 1, "members named {name}: {:?}", members(env));
    found.into_iter().next().unwrap()
}

const CSV: &str = "序号,姓名,性别,党员类别,所在支部,入党时间,是否有职务,联系电话,身份证号\n\
1,张三,男,正式党员,第一支部,2005/7/1,是,13800000001,350402198001010011\n\
2,李四,女,预备党员,第九支部,2025年7月1日,否,13800000002,\n\
3,王五,男,入党积极分子,b2,2005.07.01,无,13800000003,\n";

#[test]
fn csv_import_is_all_or_nothing_then_skip_bad_imports_the_good_rows() {
    let env = workspace();
    env.write("roster.csv", CSV);
    let r = env.run(&["member", "import", "roster.csv"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("row 3") && r.stderr.contains("第九支部"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--skip-bad"), "{}", r.stderr);
    assert!(members(&env).is_empty(), "wrote {:?}", members(&env));

    let r = env.run(&["member", "import", "roster.csv", "--skip-bad"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("row 3"), "{}", r.stderr);
    assert_eq!(members(&env).len(), 2);
    let (rel, zhang) = member_named(&env, "张三");
    assert_eq!(zhang["org"].as_str(), Some("b1"));
    assert_eq!(zhang["status"].as_str(), Some("full"));
    assert_eq!(zhang["office"].as_str(), Some("leader"));
    assert_eq!(zhang["joined"].to_string(), "2005-07-01");
    assert_eq!(zhang["private"]["phone"].as_str(), Some("13800000001"));
    assert_eq!(
        zhang["private"]["id_card"].as_str(),
        Some("350402198001010011")
    );
    assert_eq!(zhang["extra"]["gender"].as_str(), Some("男"));
    assert!(
        env.read(&rel)
            .contains("\n[private]\nphone = \"13800000001\"")
    );
    let (_, wang) = member_named(&env, "王五");
    assert_eq!(wang["org"].as_str(), Some("b2"));
    assert_eq!(wang["status"].as_str(), Some("activist"));
    assert_eq!(wang["office"].as_str(), Some("none"));

    // The written files pass check, and the phone is private.
    let r = env.run(&["check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let r = env.run(&["member", "import", "roster.csv", "--skip-bad"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
}

#[test]
fn gbk_csv_from_chinese_excel_is_decoded() {
    let env = workspace();
    let text = "姓名,党员类别,所在支部,入党时间\r\n赵六,正式党员,第二支部,2010-05-04\r\n钱七,正式党员,第二支部,五月\r\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(env.path("roster.csv"), &bytes).unwrap();
    let r = env.run(&["member", "import", "roster.csv"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("GB18030") || r.stderr.contains("gb18030"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("row 3") && r.stderr.contains("五月"),
        "{}",
        r.stderr
    );
    assert!(members(&env).is_empty());
    let r = env.run(&["member", "import", "roster.csv", "--skip-bad"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let (_, zhao) = member_named(&env, "赵六");
    assert_eq!(zhao["org"].as_str(), Some("b2"));
    assert_eq!(zhao["joined"].to_string(), "2010-05-04");
}

#[test]
fn xlsx_roster_with_title_row_excel_dates_and_a_bad_row() {
    let env = workspace();
    let path = env.path("花名册.xlsx");
    {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        sheet.write_string(0, 0, "第一支部党员花名册").unwrap();
        for (c, h) in [
            "编号",
            "姓名",
            "人员类别",
            "所在支部",
            "入党时间",
            "手机号码",
        ]
        .iter()
        .enumerate()
        {
            sheet.write_string(1, c as u16, *h).unwrap();
        }
        let rows: [(&str, &str, &str, &str); 3] = [
            ("zhangsan", "张三", "正式党员", "第一支部"),
            ("lisi", "李四", "党外人士", "第一支部"),
            ("wangwu", "王五", "预备党员", "b2"),
        ];
        for (i, (id, name, status, org)) in rows.iter().enumerate() {
            let r = i as u32 + 2;
            sheet.write_string(r, 0, *id).unwrap();
            sheet.write_string(r, 1, *name).unwrap();
            sheet.write_string(r, 2, *status).unwrap();
            sheet.write_string(r, 3, *org).unwrap();
            let d = ExcelDateTime::from_ymd(2001 + i as u16, 7, 1).unwrap();
            sheet.write_datetime_with_format(r, 4, &d, &date).unwrap();
            sheet.write_number(r, 5, 13900000000.0 + i as f64).unwrap();
        }
        book.save(&path).unwrap();
    }
    let r = env.run(&["member", "import", "花名册.xlsx"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    // Spreadsheet row 4 (1-based, as Excel shows it) holds 李四.
    assert!(
        r.stderr.contains("row 4") && r.stderr.contains("党外人士"),
        "{}",
        r.stderr
    );
    assert!(members(&env).is_empty());

    let r = env.run(&["member", "import", "花名册.xlsx", "--sheet", "Nope"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("Nope") && r.stderr.contains("Sheet1"),
        "{}",
        r.stderr
    );
    let r = env.run(&["member", "import", "花名册.xlsx", "--dry-run", "--skip-bad"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("+++ b/members/zhangsan.toml") && r.stdout.contains("+name = \"张三\""),
        "{}",
        r.stdout
    );
    assert!(members(&env).is_empty(), "a dry run wrote files");

    let r = env.run(&["member", "import", "花名册.xlsx", "--skip-bad"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(members(&env), vec!["wangwu.toml", "zhangsan.toml"]);
    let z = table(&env, "members/zhangsan.toml");
    assert_eq!(z["joined"].to_string(), "2001-07-01");
    assert_eq!(z["private"]["phone"].as_str(), Some("13900000000"));
    assert_eq!(z["office"].as_str(), Some("none"));
    let w = table(&env, "members/wangwu.toml");
    assert_eq!(w["status"].as_str(), Some("probationary"));
    assert_eq!(w["joined"].to_string(), "2003-07-01");
}

#[test]
fn update_changes_only_imported_fields_and_keeps_comments() {
    let env = workspace();
    let before = "# 老党员，2019年转入\nid = \"zhangsan\"\nname = \"张三\"\norg = \"b1\"\nstatus = \"正式党员\"   # 写中文也可以\noffice = \"none\"\njoined = 2005-07-01\nlives_in = \"b2\"\n\n[private]\nphone = \"13000000000\" # 旧号码\n";
    env.write("members/zhangsan.toml", before);
    env.write(
        "roster.csv",
        "编号,姓名,党员类别,是否有职务,联系电话\nzhangsan,张三,正式党员,是,13999999999\n",
    );
    let r = env.run(&["member", "import", "roster.csv"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("--update"), "{}", r.stderr);
    assert_eq!(env.read("members/zhangsan.toml"), before);

    let r = env.run(&["member", "import", "roster.csv", "--update", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("-office = \"none\"") && r.stdout.contains("+office = \"leader\""),
        "{}",
        r.stdout
    );
    assert_eq!(env.read("members/zhangsan.toml"), before);

    let r = env.run(&["member", "import", "roster.csv", "--update"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        env.read("members/zhangsan.toml"),
        before
            .replace("office = \"none\"", "office = \"leader\"")
            .replace("13000000000", "13999999999")
    );
    let r = env.run(&["member", "import", "roster.csv", "--update"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("unchanged"), "{}", r.stdout);
}

#[test]
fn map_names_unusual_columns_and_duplicates_are_refused() {
    let env = workspace();
    env.write(
        "roster.csv",
        "党员名字,状态,单位,微信\n甲,正式党员,b1,wx-1\n乙,正式党员,b1,wx-2\n甲,正式党员,b1,wx-3\n",
    );
    let r = env.run(&["member", "import", "roster.csv"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("name"), "{}", r.stderr);
    let r = env.run(&[
        "member",
        "import",
        "roster.csv",
        "--map",
        "党员名字=name",
        "--map",
        "状态=status",
        "--map",
        "单位=org",
        "--map",
        "微信=extra.wechat",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("row 4") && r.stderr.contains("duplicate id"),
        "{}",
        r.stderr
    );
    assert!(members(&env).is_empty());
    let r = env.run(&["member", "import", "roster.csv", "--map", "x"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

const MESSY: &str = "# 平安创建岗\n# 由社区党委设立\n\nduties = [\"巡查\",\"宣传\"]\nkind = \"standing\"\n  name=\"平安创建岗\"   # 岗位名称\nid = \"pingan\"\norg = \"b1\"\n[[log]]\ntext = \"第二次\"\ndate = 2026-03-02\nmember = \"zhangsan\"\n[[holder]]\nconfirmed = 2026-01-15\nmember = \"zhangsan\"\n\n\n\n# 第一次巡查\n[[log]]\nmember = \"zhangsan\"\ndate = 2026-02-03\ntext = \"第一次\"\n[extra]\n# 自定义数据\nzeta = 1\nalpha = 2\n";

const TIDY: &str = "# 平安创建岗\n# 由社区党委设立\n\nid = \"pingan\"\nname = \"平安创建岗\"   # 岗位名称\norg = \"b1\"\nkind = \"standing\"\nduties = [\"巡查\", \"宣传\"]\n\n[[holder]]\nmember = \"zhangsan\"\nconfirmed = 2026-01-15\n\n# 第一次巡查\n[[log]]\ndate = 2026-02-03\nmember = \"zhangsan\"\ntext = \"第一次\"\n\n[[log]]\ndate = 2026-03-02\nmember = \"zhangsan\"\ntext = \"第二次\"\n\n[extra]\n# 自定义数据\nzeta = 1\nalpha = 2\n";

#[test]
fn fmt_rewrites_a_messy_file_to_the_exact_canonical_text() {
    let env = workspace();
    let messy = MESSY;
    env.write("posts/pingan.toml", messy);
    let r = env.run(&["fmt", "--check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "posts/pingan.toml\n");
    assert_eq!(env.read("posts/pingan.toml"), messy, "--check wrote");

    let r = env.run(&["fmt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(env.read("posts/pingan.toml"), TIDY);
    let r = env.run(&["fmt", "--check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "");

    // The pure function agrees, and keeps a BOM and CRLF.
    let crlf = format!("\u{feff}{}", messy.replace('\n', "\r\n"));
    let out = dangjian::format::canonical(dangjian::model::Kind::Post, &crlf).unwrap();
    assert_eq!(out, format!("\u{feff}{}", TIDY.replace('\n', "\r\n")));
}

#[test]
fn fmt_names_files_and_reports_syntax_errors() {
    let env = workspace();
    env.write("orgs/b1.toml", "name = \"第一支部\"\nid = \"b1\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"sq\"\n");
    env.write("orgs/bad.toml", "id = \"bad\"\nname = \n");
    let r = env.run(&["fmt", "orgs/b1.toml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(env.read("orgs/b1.toml").starts_with("id = \"b1\"\nname"));
    let r = env.run(&["fmt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("orgs/bad.toml:2:"), "{}", r.stderr);
    let r = env.run(&["fmt", "Cargo.toml"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// Lines that hold a comment (outside strings, as far as a line-based count can tell).
fn comment_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let t = l.trim();
            if t.starts_with('#') {
                return Some(t.to_string());
            }
            // A trailing comment: a `#` after the value, outside a string.
            let mut in_str = false;
            for (i, c) in t.char_indices() {
                match c {
                    '"' => in_str = !in_str,
                    '#' if !in_str => return Some(t[i..].to_string()),
                    _ => {}
                }
            }
            None
        })
        .collect()
}

/// Every workspace under `examples/` (a folder holding `dangjian.toml`).
fn example_workspaces() -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(repo().join("examples"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() == "dangjian.toml")
        .filter_map(|e| e.path().parent().map(Path::to_path_buf))
        .collect()
}

fn toml_files(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(root).ok()?;
            Some(rel.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}

#[test]
fn fmt_keeps_every_comment_of_every_example_and_is_idempotent() {
    let workspaces = example_workspaces();
    assert!(
        !workspaces.is_empty(),
        "no example workspace under examples/"
    );
    for ws in workspaces {
        // `district/communities/hexi` for a workspace inside a district's folder.
        let name = ws
            .strip_prefix(repo().join("examples"))
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let env = TestEnv::example(&name);
        let files = toml_files(env.root());
        let before: Vec<(String, String)> =
            files.iter().map(|f| (f.clone(), env.read(f))).collect();
        let check_before = env.run(&["check", "--format", "json"]);
        let r = env.run(&["fmt"]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        for (f, text) in &before {
            let after = env.read(f);
            let (mut a, mut b) = (comment_lines(text), comment_lines(&after));
            a.sort();
            b.sort();
            assert_eq!(a, b, "{name}/{f}: comments changed");
            // Files of a workspace included by this one (a district's community) are its own.
            let Some(kind) = dangjian::workspace::classify(f) else {
                continue;
            };
            let again = dangjian::format::canonical(kind, &after).unwrap();
            assert_eq!(again, after, "{name}/{f}: fmt is not idempotent");
        }
        let r = env.run(&["fmt", "--check"]);
        assert_eq!(r.code, 0, "{name}: {}", r.stdout);
        // Formatting changes no finding of check.
        let check_after = env.run(&["check", "--format", "json"]);
        assert_eq!(check_before.code, check_after.code, "{name}");
        let summary = |s: &str| -> serde_json::Value {
            serde_json::from_str::<serde_json::Value>(s)
                .map(|v| v["summary"].clone())
                .unwrap_or_default()
        };
        assert_eq!(
            summary(&check_before.stdout),
            summary(&check_after.stdout),
            "{name}"
        );
    }
}

#[test]
fn fmt_check_passes_on_the_examples_as_committed() {
    let workspaces = example_workspaces();
    assert!(!workspaces.is_empty());
    for ws in workspaces {
        // `district/communities/hexi` for a workspace inside a district's folder.
        let name = ws
            .strip_prefix(repo().join("examples"))
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let env = TestEnv::example(&name);
        let r = env.run(&["fmt", "--check"]);
        let unformatted: Vec<&str> = r.stdout.lines().collect();
        assert!(
            unformatted.is_empty(),
            "examples/{name} has files that are not canonically formatted; run `dangjian fmt` in it: {unformatted:?}"
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
}

/// A TOML value as JSON, dates as `YYYY-MM-DD` strings (how the schemas declare them).
fn to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn schema_errors(kind: dangjian::model::Kind, text: &str) -> Vec<String> {
    let schema = kind.schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let value: toml::Value = toml::from_str(text).expect("TOML");
    let instance = to_json(&value);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_example_file_validates_against_its_json_schema() {
    let mut checked = 0;
    for ws in example_workspaces() {
        for f in toml_files(&ws) {
            let Some(kind) = dangjian::workspace::classify(&f) else {
                continue;
            };
            let text = std::fs::read_to_string(ws.join(&f)).unwrap();
            let text = text.trim_start_matches('\u{feff}');
            let errors = schema_errors(kind, text);
            assert!(errors.is_empty(), "{}/{f}: {errors:#?}", ws.display());
            checked += 1;
        }
    }
    assert!(checked > 0, "no example record was validated");
    // The validator does reject what the schema forbids.
    let bad =
        "id = \"a\"\nname = \"A\"\nkind = \"branch\"\nsector = \"community\"\nparnet = \"b\"\n";
    assert!(!schema_errors(dangjian::model::Kind::Org, bad).is_empty());
    let bad = "id = \"a\"\nname = \"A\"\nkind = \"支部\"\nsector = \"community\"\n";
    assert!(!schema_errors(dangjian::model::Kind::Org, bad).is_empty());
}

#[test]
fn completions_and_man_page() {
    let env = TestEnv::empty();
    for (shell, marker) in [
        ("bash", "_dangjian()"),
        ("zsh", "#compdef dangjian"),
        ("fish", "complete -c dangjian"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "dangjian"),
    ] {
        let r = env.run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(marker), "{shell}: {}", r.stdout);
        assert!(r.stdout.contains("import"), "{shell} lacks member import");
    }
    let r = env.run(&["completions", "man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(".ie") || r.stdout.contains(".TH dangjian 1"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(".TH dangjian 1") && r.stdout.contains("completions"));
    let r = env.run(&["completions", "man", "--out-dir", "man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = env.read("man/dangjian-member-import.1");
    assert!(page.contains("\\-\\-skip\\-bad"), "{page}");
    assert!(r.stdout.contains("dangjian-fmt.1"), "{}", r.stdout);
    let r = env.run(&["completions", "fish", "--out-dir", "comp"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        env.read("comp/dangjian.fish")
            .contains("complete -c dangjian")
    );
    let r = env.run(&["completions", "tcsh"]);
    assert_eq!(r.code, 2);
}
