//! CLI tests of the printed forms of seed 004 on the bundled example: `report letter` (承诺书,
//! 附件一/附件二) and `report comments` (点评登记表, 附件四/附件五) in every format, the html
//! pages and names, the docx read back from its zip, the json the same in every locale, and
//! the usage errors.

use std::io::{Cursor, Read};

use crate::TestEnv;

const FORMATS: [&str; 8] = ["table", "md", "csv", "json", "yaml", "html", "xlsx", "docx"];

/// Runs a form report in a format (binary ones through `-o`) and returns its bytes.
fn render(env: &TestEnv, args: &[&str], format: &str) -> Vec<u8> {
    let mut all = args.to_vec();
    all.extend(["--format", format]);
    let file = format!("out.{format}");
    let binary = matches!(format, "xlsx" | "docx");
    if binary {
        all.extend(["-o", file.as_str()]);
    }
    let r = env.run(&all);
    assert_eq!(r.code, 0, "{all:?}: {}", r.stderr);
    if binary {
        let bytes = std::fs::read(env.path(&file)).unwrap();
        std::fs::remove_file(env.path(&file)).unwrap();
        bytes
    } else {
        r.stdout.into_bytes()
    }
}

fn text(env: &TestEnv, args: &[&str], format: &str) -> String {
    String::from_utf8(render(env, args, format)).unwrap()
}

/// A part of a docx (a zip of XML parts).
fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("docx is a zip");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The letters of a half-year in the example: (committer id, file text).
fn letters(env: &TestEnv, half: &str) -> Vec<(String, toml::Value)> {
    let mut out: Vec<(String, toml::Value)> =
        std::fs::read_dir(env.path(&format!("commitments/{half}")))
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let id = p.file_stem().unwrap().to_str().unwrap().to_string();
                let value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                (id, value)
            })
            .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Display name of a member or organization of the example.
fn name_of(env: &TestEnv, id: &str) -> String {
    for folder in ["members", "orgs"] {
        let p = env.path(&format!("{folder}/{id}.toml"));
        if p.exists() {
            let v: toml::Value = toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            return v["name"].as_str().unwrap().to_string();
        }
    }
    panic!("no record {id}")
}

/// Every member and organization id of the example.
fn ids(env: &TestEnv) -> Vec<String> {
    let mut out = Vec::new();
    for folder in ["members", "orgs"] {
        for e in std::fs::read_dir(env.path(folder)).unwrap() {
            let p = e.unwrap().path();
            out.push(p.file_stem().unwrap().to_str().unwrap().to_string());
        }
    }
    out
}

#[test]
fn both_forms_render_in_every_format_and_the_same_twice() {
    let env = TestEnv::example("qingxi");
    for report in ["letter", "comments"] {
        for format in FORMATS {
            let a = render(&env, &["report", report], format);
            assert!(!a.is_empty(), "{report} {format}");
            let b = render(&env, &["report", report], format);
            assert!(
                a == b,
                "report {report} --format {format} differs between runs"
            );
        }
    }
}

#[test]
fn no_private_value_reaches_a_form_in_any_format() {
    let env = TestEnv::example("qingxi");
    let secrets = crate::report::private_values(&env);
    assert!(!secrets.is_empty());
    for report in ["letter", "comments"] {
        for format in FORMATS {
            for lang in ["zh-CN", "en"] {
                let bytes = render(&env, &["report", report, "--lang", lang], format);
                let text = match format {
                    "docx" => docx_part(&bytes, "word/document.xml"),
                    "xlsx" => crate::report::xlsx_texts(&bytes).join("\n"),
                    _ => String::from_utf8(bytes).unwrap(),
                };
                for secret in &secrets {
                    assert!(
                        !text.contains(secret.as_str()),
                        "{secret} in {report} {format}"
                    );
                }
            }
        }
    }
}

#[test]
fn letter_html_has_one_a4_page_per_committer_with_names_not_ids() {
    let env = TestEnv::example("qingxi");
    let html = text(&env, &["report", "letter"], "html");
    let letters = letters(&env, "2026-H2");
    assert!(letters.len() >= 30, "the example has a letter per member");
    assert_eq!(
        html.matches("<section class=\"form\">").count(),
        letters.len(),
        "one form per committer"
    );
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("break-after: page"));
    let member_forms = html.matches("<h1>共产党员公开承诺书</h1>").count();
    let org_forms = html.matches("<h1>党组织公开承诺书</h1>").count();
    assert_eq!(member_forms + org_forms, letters.len());
    assert!(org_forms >= 1, "organizations sign 附件二");
    assert_eq!(
        html.matches("<p class=\"annex\">附件二</p>").count(),
        org_forms
    );
    for (id, letter) in &letters {
        let name = name_of(&env, id);
        assert!(html.contains(&name), "{name} ({id}) is missing");
        for item in letter["item"].as_array().unwrap() {
            let text = item["text"].as_str().unwrap();
            let escaped = text.replace('&', "&amp;").replace('<', "&lt;");
            assert!(html.contains(&escaped), "item {text} of {id} is missing");
        }
    }
    for id in ids(&env) {
        assert!(
            !html.contains(&id),
            "the id {id} is printed where a name belongs"
        );
    }
    for category in [
        "思想政治",
        "履行岗位职责",
        "服务经济发展",
        "结对帮带帮扶",
        "廉政建设",
        "参加组织生活",
    ] {
        assert_eq!(
            html.matches(&format!("\">{category}</td>")).count(),
            letters.len(),
            "every form lists {category}"
        );
    }
    assert_eq!(
        html.matches("<b>承诺人（签字）：</b>").count(),
        member_forms
    );
    assert_eq!(
        html.matches("<b>党组织书记（签字）：</b>").count(),
        org_forms
    );
    assert_eq!(html.matches("<b>公开方式：</b>").count(), letters.len());
}

#[test]
fn one_letter_by_name_or_id_and_an_organization_letter() {
    let env = TestEnv::example("qingxi");
    let name = name_of(&env, "caiyongfu");
    let by_name = text(&env, &["report", "letter", name.as_str()], "html");
    let by_id = text(&env, &["report", "letter", "caiyongfu"], "html");
    assert_eq!(by_name, by_id);
    assert_eq!(by_id.matches("<section class=\"form\">").count(), 1);
    assert!(by_id.contains(&format!("<b>承诺人：</b>{name}")));
    assert!(
        by_id.contains("<b>日期：</b>2026 年 7 月 9 日"),
        "signed date"
    );
    assert!(by_id.contains("<b>公开日期：</b>2026 年 7 月 11 日"));
    assert!(by_id.contains("下半年参加“三会一课”和主题党日不少于6次"));
    assert!(by_id.contains("<td class=\"short\">6 次</td>"));
    let org: toml::Value = toml::from_str(&env.read("orgs/jiangbin.toml")).unwrap();
    let secretary = name_of(&env, org["secretary"].as_str().unwrap());
    let org_letter = text(&env, &["report", "letter", "jiangbin"], "md");
    assert!(org_letter.starts_with("附件二\n\n# 党组织公开承诺书 （2026 年下半年）\n"));
    assert!(org_letter.contains(&format!("**党组织书记：**{secretary}")));
    assert!(org_letter.contains("**（党组织盖章）**"));
    let h1 = text(
        &env,
        &["report", "letter", "caiyongfu", "--half", "2026-H1"],
        "md",
    );
    assert!(h1.contains("（2026 年上半年）"));
}

#[test]
fn letter_docx_holds_the_items_in_chinese_fonts_one_page_each() {
    let env = TestEnv::example("qingxi");
    let bytes = render(&env, &["report", "letter", "caiyongfu"], "docx");
    let xml = docx_part(&bytes, "word/document.xml");
    let letter: toml::Value =
        toml::from_str(&env.read("commitments/2026-H2/caiyongfu.toml")).unwrap();
    for item in letter["item"].as_array().unwrap() {
        for key in ["text", "measure"] {
            let value = item[key].as_str().unwrap();
            assert!(xml.contains(value), "{key} {value} is not in the docx");
        }
    }
    assert!(xml.contains(&name_of(&env, "caiyongfu")));
    assert!(!xml.contains("caiyongfu"), "names, not ids");
    assert!(xml.contains("共产党员公开承诺书"));
    assert!(xml.contains("承诺人（签字）："));
    assert!(
        xml.contains("w:eastAsia=\"SimSun\""),
        "CJK font named for East Asian text"
    );
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""), "A4");
    assert!(docx_part(&bytes, "word/styles.xml").contains("w:eastAsia=\"zh-CN\""));
    assert!(
        docx_part(&bytes, "[Content_Types].xml").contains("wordprocessingml.document.main+xml")
    );
    let all = render(&env, &["report", "letter"], "docx");
    let xml = docx_part(&all, "word/document.xml");
    assert_eq!(
        xml.matches("<w:pageBreakBefore").count() + 1,
        letters(&env, "2026-H2").len(),
        "a page break before every letter but the first"
    );
}

#[test]
fn letter_json_has_ids_names_and_english_words_in_every_locale() {
    let env = TestEnv::example("qingxi");
    let zh = text(&env, &["report", "letter", "--lang", "zh-CN"], "json");
    let en = text(&env, &["report", "letter", "--lang", "en"], "json");
    assert_eq!(zh, en, "machine formats do not depend on the locale");
    let v: serde_json::Value = serde_json::from_str(&zh).unwrap();
    assert_eq!(v["report"], "letter");
    assert_eq!(v["meta"]["half"], "2026-H2");
    assert_eq!(v["meta"]["as_of"], "2026-11-20");
    let tables = v["tables"].as_array().unwrap();
    assert_eq!(tables[0]["id"], "letters");
    assert_eq!(tables[1]["id"], "items");
    let head = tables[0]["rows"].as_array().unwrap();
    assert_eq!(head.len(), letters(&env, "2026-H2").len());
    let cai = head.iter().find(|r| r["committer"] == "caiyongfu").unwrap();
    assert_eq!(cai["committer_name"], name_of(&env, "caiyongfu"));
    assert_eq!(cai["committer_kind"], "member");
    assert_eq!(cai["form"], "annex-1");
    assert_eq!(cai["signed"], "2026-07-09");
    assert_eq!(cai["items"], 3);
    let jiangbin = head.iter().find(|r| r["committer"] == "jiangbin").unwrap();
    assert_eq!(jiangbin["committer_kind"], "org");
    assert_eq!(jiangbin["form"], "annex-2");
    let items = tables[1]["rows"].as_array().unwrap();
    let c1 = items
        .iter()
        .find(|r| r["committer"] == "caiyongfu" && r["item"] == "c1")
        .unwrap();
    assert_eq!(c1["category"], "org-life");
    assert_eq!(c1["type"], "service");
    assert_eq!(c1["target"], 6);
    assert_eq!(c1["due"], "2026-12-31");
    let yaml = text(&env, &["report", "letter", "--lang", "en"], "yaml");
    assert!(yaml.contains("report: letter"));
    let csv = text(&env, &["report", "letter"], "csv");
    assert!(csv.starts_with("committer,committer_name,committer_kind,"));
}

#[test]
fn letters_of_an_organization_subtree_and_in_english() {
    let env = TestEnv::example("qingxi");
    let all = text(&env, &["report", "letter"], "html");
    let sub = text(&env, &["report", "letter", "--org", "jiangbin"], "html");
    let n = |h: &str| h.matches("<section class=\"form\">").count();
    assert!(
        n(&sub) >= 2 && n(&sub) < n(&all),
        "{} of {}",
        n(&sub),
        n(&all)
    );
    assert!(sub.contains(&name_of(&env, "jiangbin")));
    let en = text(
        &env,
        &["report", "letter", "caiyongfu", "--lang", "en"],
        "html",
    );
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Public commitment letter of a Party member"));
    assert!(en.contains("org-life"), "categories as English words");
    assert!(en.contains(&name_of(&env, "caiyongfu")));
}

#[test]
fn comment_registers_list_who_commented_on_whom() {
    let env = TestEnv::example("qingxi");
    let html = text(&env, &["report", "comments"], "html");
    assert!(html.contains("<p class=\"annex\">附件四</p>"));
    assert!(html.contains("上级领导点评下级党组织及书记创先争优工作情况登记表"));
    assert!(html.contains("基层党组织书记点评党员创先争优工作情况登记表"));
    let mut commented = 0;
    for (id, letter) in letters(&env, "2026-H2") {
        let Some(comments) = letter.get("comment").and_then(|c| c.as_array()) else {
            continue;
        };
        for c in comments {
            commented += 1;
            assert!(html.contains(&name_of(&env, &id)), "{id} commented on");
            assert!(html.contains(&name_of(&env, c["by"].as_str().unwrap())));
            assert!(html.contains(c["text"].as_str().unwrap()));
        }
    }
    assert!(commented >= 5, "the example has comments");
    for id in ids(&env) {
        assert!(
            !html.contains(&id),
            "the id {id} is printed where a name belongs"
        );
    }
    let v: serde_json::Value =
        serde_json::from_str(&text(&env, &["report", "comments"], "json")).unwrap();
    assert_eq!(v["report"], "comments");
    let rows = v["tables"][0]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), commented);
    for r in rows {
        let register = r["register"].as_str().unwrap();
        let kind = r["subject_kind"].as_str().unwrap();
        assert!(
            matches!(
                (register, kind),
                ("annex-4", "org" | "secretary") | ("annex-5", "member")
            ),
            "{r}"
        );
        assert!(r["by_name"].is_string() && r["date"].is_string());
    }
    let en = text(&env, &["report", "comments", "--lang", "en"], "json");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&en).unwrap(), v);
    let docx = render(&env, &["report", "comments"], "docx");
    let xml = docx_part(&docx, "word/document.xml");
    assert!(xml.contains("点评意见") && xml.contains("附件五"));
}

#[test]
fn output_file_extension_picks_docx_and_bad_options_are_usage_errors() {
    let env = TestEnv::example("qingxi");
    let r = env.run(&["report", "letter", "caiyongfu", "-o", "承诺书.docx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(env.path("承诺书.docx")).unwrap();
    assert!(docx_part(&bytes, "word/document.xml").contains("承诺书"));
    let r = env.run(&["report", "letter", "蔡永", "--lang", "en"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("no member or organization `蔡永`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean"), "{}", r.stderr);
    let r = env.run(&["report", "comments", "--half", "2026-Q3"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = env.run(&["report", "letter", "--half", "2025-H1", "--lang", "en"]);
    assert_eq!(r.code, 1, "no letter is a refusal: {}", r.stderr);
    assert!(
        r.stderr.contains("no commitment letter of 2025-H1"),
        "{}",
        r.stderr
    );
    let r = env.run(&[
        "report",
        "letter",
        "caiyongfu",
        "--half",
        "2025-H2",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 1);
    let name = name_of(&env, "caiyongfu");
    assert!(
        r.stderr
            .contains(&format!("{name} has no commitment letter of 2025-H2")),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    let r = env.run(&["report", "board", "--format", "docx"]);
    assert_eq!(r.code, 2, "docx is for the forms only");
    let r = env.run(&["report", "ledger", "-o", "ledger.docx", "--lang", "en"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("only the forms"), "{}", r.stderr);
    assert!(!env.path("ledger.docx").exists());
}
