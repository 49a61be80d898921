//! CLI tests of the three scoring rules of SPEC §6 as branches practise them, on the bundled
//! example: party-group members count in the group's parent, a blank row scores nobody, and
//! recorded decisions stand beside the computed candidates.

use super::TestEnv;

fn json(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    let r = env.run(args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

fn subject<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("{id} not among the subjects"))
}

#[test]
fn a_party_group_member_takes_a_place_of_the_parent_branch() {
    let env = TestEnv::example("qingxi");
    let v = json(
        &env,
        &[
            "review",
            "quarterly",
            "--period",
            "2026-Q3",
            "--org",
            "jiangbin-1",
            "--format",
            "json",
        ],
    );
    // 宋兰 (滨江花园党小组) 96.35 is second in 第一党支部's quota group of 7 (2 places); in a group
    // of her own party group (2 scored, no place) she was demoted.
    let song = subject(&v, "songlan");
    assert_eq!(song["org"], "binjiang-g");
    assert_eq!(song["score"], 96.35);
    assert_eq!(song["grade"], "excellent");
    assert_eq!(song["demoted"], false);
    assert_eq!(song["rank"], 2);
    assert_eq!(subject(&v, "zhangdeming")["demoted"], true);
    let r = env.run(&[
        "--lang",
        "en",
        "review",
        "quarterly",
        "--period",
        "2026-Q3",
        "--explain",
        "宋兰",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "  quota and group rank: counted in 江滨社区第一党支部 (jiangbin-1), because 滨江花园党小组 (binjiang-g) is a party group"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("rank 2 of 7 scored in 江滨社区第一党支部 (jiangbin-1)"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_blank_row_is_missing_in_the_review_and_its_report() {
    let env = TestEnv::example("qingxi");
    let sheet = "evaluations/2026-Q3/liuyang.toml";
    let text = env.read(sheet);
    // Blank 潘国华's row (the second [[score]]): keep the member line only.
    let start = text.find("member = \"panguohua\"").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let blank = format!("{}member = \"panguohua\"{}", &text[..start], &text[end..]);
    env.write(sheet, &blank);
    let v = json(
        &env,
        &[
            "review",
            "quarterly",
            "--period",
            "2026-Q3",
            "--org",
            "liuyang",
            "--format",
            "json",
        ],
    );
    let missing: Vec<(&str, &str)> = v["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(missing, vec![("panguohua", "no sheet score")]);
    assert!(
        v["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != "panguohua")
    );
    let r = env.run(&[
        "report", "review", "--period", "2026-Q3", "--org", "liuyang", "--format", "csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("member,panguohua,潘国华,liuyang,柳杨社区党支部,no sheet score"),
        "{}",
        r.stdout
    );
    let r = env.run(&[
        "review",
        "quarterly",
        "--period",
        "2026-Q3",
        "--explain",
        "panguohua",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("评分行是空白的"), "{}", r.stdout);
}

#[test]
fn a_recorded_honour_stands_and_is_marked_when_unsupported() {
    let env = TestEnv::example("qingxi");
    let v = json(
        &env,
        &[
            "review",
            "annual",
            "--year",
            "2025",
            "--org",
            "jiangbin-2",
            "--format",
            "json",
        ],
    );
    // 罗文华 93.5: no 优秀 place among 3 scored (floor(0.9) = 0), yet the recorded honour stays.
    let luo = subject(&v, "luowenhua");
    assert_eq!(luo["grade"], "qualified");
    assert_eq!(luo["outcomes"], serde_json::json!([]));
    assert_eq!(
        luo["recorded"],
        serde_json::json!([{ "kind": "honour", "title": "优秀共产党员", "due": null, "verified": null, "supported": false }])
    );
    // 蔡永福's rectification is supported; the recorded due is the one shown.
    let cai = subject(&v, "caiyongfu");
    assert_eq!(
        cai["outcomes"],
        serde_json::json!([{ "kind": "rectify", "due": "2026-02-13" }])
    );
    assert_eq!(cai["recorded"][0]["supported"], true);
    assert_eq!(cai["recorded"][0]["verified"], "2026-02-10");

    let r = env.run(&[
        "report",
        "annual",
        "--year",
        "2025",
        "--org",
        "jiangbin-2",
        "--format",
        "csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "luowenhua,罗文华,jiangbin-2,江滨社区离退休干部党支部,honour,,优秀共产党员,,unsupported"
        ),
        "{}",
        r.stdout
    );

    // A recorded due that differs from the computed one (2026-01-14 + 30 = 2026-02-13) replaces it.
    let sheet = "evaluations/2025-Y/jiangbin-2.toml";
    env.write(
        sheet,
        &env.read(sheet)
            .replace("due = 2026-02-13", "due = 2026-03-01"),
    );
    let v = json(
        &env,
        &[
            "review",
            "annual",
            "--year",
            "2025",
            "--org",
            "jiangbin-2",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        subject(&v, "caiyongfu")["outcomes"],
        serde_json::json!([{ "kind": "rectify", "due": "2026-03-01" }])
    );
    let r = env.run(&[
        "--lang",
        "en",
        "review",
        "annual",
        "--year",
        "2025",
        "--explain",
        "caiyongfu",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("the recorded due 2026-03-01 replaces the computed 2026-02-13"),
        "{}",
        r.stdout
    );
}
