//! CLI tests of the printed reports: every report in html names its pages (one organization per
//! page group on the board, its name in every page-header element, no id where a name exists),
//! what the board keeps on show and for how long, charts that never mix members with
//! organizations, and xlsx files read back for row heights, wrap, number formats and print
//! settings.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};

use crate::{Run, TestEnv};

/// Every report of the bundled example, with the arguments it needs.
const REPORTS: &[&[&str]] = &[
    &["report", "board"],
    &["report", "ledger"],
    &["report", "review"],
    &["report", "annual"],
    &["report", "progress", "--month", "2026-10"],
    &["report", "roles"],
    &["report", "matters"],
];

fn ok(r: &Run) {
    assert_eq!(r.code, 0, "{}", r.stderr);
}

fn render(env: &TestEnv, args: &[&str], format: &str) -> String {
    let r = env.run(&[args, &["--format", format]].concat());
    ok(&r);
    r.stdout
}

/// The ids of the example's members and organizations (their file names).
fn ids(env: &TestEnv) -> Vec<String> {
    ["members", "orgs"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(env.path(dir)).unwrap())
        .map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.trim_end_matches(".toml").to_string()
        })
        .collect()
}

/// The text between `start` and the next `end` after it, for every occurrence.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    s.match_indices(start)
        .map(|(i, _)| {
            let rest = &s[i + start.len()..];
            &rest[..rest.find(end).unwrap_or(rest.len())]
        })
        .collect()
}

#[test]
fn every_report_in_html_names_its_pages_and_shows_no_id_where_a_name_exists() {
    let env = TestEnv::example("qingxi");
    let ids = ids(&env);
    assert!(ids.len() > 50, "{ids:?}");
    for args in REPORTS {
        let html = render(&env, args, "html");
        let tables = html.matches("<table").count();
        assert!(tables > 0, "{args:?}");
        // The head of every table starts with a running-head row, which the printer repeats
        // at the top of every page the table runs onto.
        assert_eq!(
            html.matches("<thead><tr class=\"run\"><th colspan=")
                .count(),
            tables,
            "{args:?}: a table without its page header"
        );
        for head in between(&html, "<tr class=\"run\">", "</tr>") {
            assert!(
                head.contains("run-org") || head.contains("run-doc"),
                "{head}"
            );
        }
        assert!(
            html.contains("@bottom-center { content: \"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\";"),
            "{args:?}: page x of y"
        );
        for id in &ids {
            for cell in [format!(">{id}<"), format!(">{id} "), format!("（{id}）")] {
                assert!(!html.contains(&cell), "{args:?}: the id {cell} in the html");
            }
        }
        let md = render(&env, args, "md");
        for id in &ids {
            assert!(
                !md.contains(&format!("| {id} |")),
                "{args:?}: the id {id} in md"
            );
        }
    }
}

#[test]
fn the_board_prints_each_organization_as_its_own_page_group_named_on_every_page() {
    let env = TestEnv::example("qingxi");
    let html = render(&env, &["report", "board"], "html");
    let json: serde_json::Value =
        serde_json::from_str(&render(&env, &["report", "board"], "json")).unwrap();
    let orgs: Vec<&str> = json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    let sections: Vec<&str> = html
        .split("<section class=\"sheet page\">")
        .skip(1)
        .collect();
    assert_eq!(
        sections.len(),
        orgs.len(),
        "one page group per organization"
    );
    assert!(sections.len() >= 3);
    assert!(html.contains(".page + .page { break-before: page;"));
    for section in &sections {
        // One table, one repeated page-header row holding the organization and the title.
        assert_eq!(section.matches("<table").count(), 1);
        let heads = between(section, "<tr class=\"run\">", "</tr>");
        assert_eq!(heads.len(), 1);
        let org = between(heads[0], "<div class=\"run-org\">", "</div>")[0];
        assert!(
            !org.is_empty() && !org.is_ascii(),
            "an organization's name: {org}"
        );
        assert!(heads[0].contains("<div class=\"subtitle\">党员公开栏（六公开）</div>"));
    }
    assert_eq!(
        html.matches("<div class=\"run-org\">江滨社区党委</div>")
            .count(),
        1
    );
    // A veto is shown with its reason.
    assert!(
        html.contains("不合格（一票否决：酒后驾驶机动车被公安机关依法处理，受到党内警告处分）"),
        "the veto's reason"
    );
    // Duties and commitments get the room, not the name or the date.
    let widths: Vec<f64> = between(
        section_of(&html, "江滨社区党委"),
        "<col style=\"width: ",
        "%",
    )
    .iter()
    .map(|w| w.parse().unwrap())
    .collect();
    assert_eq!(widths.len(), 10, "{widths:?}");
    assert!(
        widths[3] > widths[0] * 1.5 && widths[5] > widths[2] * 1.5,
        "{widths:?}"
    );
}

fn section_of<'a>(html: &'a str, org: &str) -> &'a str {
    html.split("<section class=\"sheet page\">")
        .find(|s| s.contains(&format!("<div class=\"run-org\">{org}</div>")))
        .unwrap()
}

#[test]
fn a_rectification_stays_on_the_board_until_verified_and_board_keep_days_after() {
    let env = TestEnv::example("qingxi");
    // 蔡永福's rectification for 2025, verified on 2026-02-10; the default keeps it 30 days.
    let board = |as_of: &str| {
        let r = env.run(&["--as-of", as_of, "report", "board", "--format", "md"]);
        ok(&r);
        r.stdout.contains("2025年度限期整改，2026-02-13前完成")
    };
    assert!(board("2026-02-01"), "not verified yet");
    assert!(board("2026-03-12"), "verified + 30 days");
    assert!(!board("2026-03-13"));
    assert!(!board("2026-11-20"), "no longer shown in November");
    let settings = env.read("dangjian.toml");
    env.write(
        "dangjian.toml",
        &format!("{settings}\n[report]\nboard_keep_days = 60\n"),
    );
    assert!(board("2026-04-11"));
    assert!(!board("2026-04-12"));
    let check = env.run(&["check"]);
    assert_eq!(check.code, 0, "the setting is valid: {}", check.stdout);
}

#[test]
fn honours_stay_on_the_board_for_a_year_after_the_decision() {
    let env = crate::report::fixture();
    // 张三's honour for 2025 was decided on a sheet dated 2026-01-10.
    let shown = |as_of: &str| {
        let r = env.run(&[
            "--as-of", as_of, "report", "board", "--org", "jiangbin", "--format", "md",
        ]);
        ok(&r);
        r.stdout.contains("2025年度优秀共产党员")
    };
    assert!(shown("2026-11-20"));
    assert!(shown("2027-01-10"));
    assert!(!shown("2027-01-11"));
}

#[test]
fn charts_never_mix_members_and_organizations() {
    let env = TestEnv::example("qingxi");
    for report in ["annual", "review"] {
        let year = if report == "annual" {
            "2026"
        } else {
            "2026-Q3"
        };
        let flag = if report == "annual" {
            "--year"
        } else {
            "--period"
        };
        let html = render(&env, &["report", report, flag, year], "html");
        let captions = between(&html, "<figcaption>", "</figcaption>");
        assert_eq!(
            captions,
            ["得分 · 党员", "得分 · 组织", "人数 · 党员", "人数 · 组织"],
            "{report}"
        );
    }
}

#[test]
fn titles_name_the_organization_and_the_period() {
    let env = TestEnv::example("qingxi");
    let first = |args: &[&str]| {
        render(&env, args, "table")
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        first(&[
            "report",
            "annual",
            "--year",
            "2026",
            "--org",
            "江滨社区党委"
        ]),
        "江滨社区党委 2026 年度年终总评"
    );
    assert_eq!(
        first(&["report", "ledger"]),
        "清溪街道党工委 2026 年下半年承诺践诺台账"
    );
    assert_eq!(
        first(&["report", "review"]),
        "清溪街道党工委 2026 年第 3 季度考评表"
    );
    // Machine formats keep the ids and add the names.
    let csv = render(&env, &["report", "ledger"], "csv");
    assert!(
        csv.starts_with("committer,name,org,org_name,item,"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\ncaiyongfu,蔡永福,jiangbin-2,江滨社区离退休干部党支部,c1,"),
        "{csv}"
    );
}

/// The XML of a part of an xlsx file.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn xlsx(env: &TestEnv, args: &[&str]) -> Vec<u8> {
    let r = env.run(&[args, &["-o", "out.xlsx"]].concat());
    ok(&r);
    std::fs::read(env.path("out.xlsx")).unwrap()
}

#[test]
fn xlsx_rows_show_every_wrapped_line_with_typed_values_and_print_settings() {
    let env = TestEnv::example("qingxi");
    let bytes = xlsx(&env, &["report", "ledger"]);
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"0%\""),
        "rates in percent format"
    );
    assert!(styles.contains("wrapText=\"1\""));
    let tall = between(&sheet, " ht=\"", "\"")
        .iter()
        .filter(|h| h.parse::<f64>().unwrap() > 30.0)
        .count();
    assert!(
        tall > 10,
        "rows of two or more lines are as tall as their text: {tall}"
    );
    assert!(sheet.contains("state=\"frozen\""), "frozen header");
    assert!(sheet.contains("orientation=\"landscape\""));
    assert!(
        part(&bytes, "xl/workbook.xml").contains("_xlnm.Print_Titles"),
        "header rows repeat"
    );
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("承诺践诺台账").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(
        !header.contains(&"事项".to_string()),
        "no item ids: {header:?}"
    );
    let rate = header.iter().position(|h| h == "完成率").unwrap();
    let due = header.iter().position(|h| h == "完成时限").unwrap();
    let row = range.rows().nth(1).unwrap();
    assert!(
        matches!(row[rate], Data::Float(f) if f > 0.0 && f <= 1.0),
        "{:?}",
        row[rate]
    );
    assert!(matches!(row[due], Data::DateTime(_)), "{:?}", row[due]);

    // Booleans read 是/否.
    let bytes = xlsx(&env, &["report", "annual"]);
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("考评结果").unwrap();
    let demoted = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|h| *h == "限额降等")
        .unwrap();
    let words: Vec<String> = range
        .rows()
        .skip(1)
        .map(|r| r[demoted].to_string())
        .collect();
    assert!(words.iter().all(|w| w == "是" || w == "否"), "{words:?}");

    // The board's columns fit an A4 landscape page at a readable scale: fitted to its width.
    let bytes = xlsx(&env, &["report", "board"]);
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
    assert!(sheet.contains("<oddFooter>&amp;C第 &amp;P 页 / 共 &amp;N 页</oddFooter>"));
}

#[test]
fn the_printed_ledger_puts_each_letter_under_one_heading() {
    let env = TestEnv::example("qingxi");
    let html = render(&env, &["report", "ledger"], "html");
    assert!(
        html.contains(
            "<tbody class=\"group\">\n<tr class=\"group\"><td colspan=\"8\">邓永刚 · 所在组织：新桥社区非公企业联合党支部 · 领导点评：下半年承诺推进有序，继续保持 · 评价：良好</td></tr>"
        ),
        "{html}"
    );
    // An organization's own letter is not said to be in itself.
    assert!(html.contains("<tr class=\"group\"><td colspan=\"8\">江滨社区党委</td></tr>"));
    // Who, where and the leader's comment are in the heading, not in every row; the four
    // numbers of an item read as one.
    for gone in [
        "承诺人",
        "所在组织",
        "领导点评",
        "事项</span>",
        "目标",
        "单位",
    ] {
        assert!(!html.contains(&format!("<th><span>{gone}")), "{gone}");
    }
    assert!(html.contains("<td class=\"nw\">4/6次 67%</td>"));
    // The markdown keeps one row per item with every column.
    let md = render(&env, &["report", "ledger"], "md");
    assert!(md.contains("| 承诺人 | 所在组织 | 类别 |"), "{md}");
}
