//! CLI tests of districts (SPEC §10): `[[include]]`, the rules of a district, reads over the
//! whole district, refused writes, and the export of a district.

use serde_json::Value;

use super::{Run, TestEnv};

/// `district/` (examples/district) beside `qingxi/` (examples/qingxi), which it includes as
/// `../qingxi`.
fn district() -> TestEnv {
    let env = TestEnv::empty();
    super::copy_dir(
        &super::repo().join("examples/district"),
        &env.path("district"),
    );
    super::copy_dir(&super::repo().join("examples/qingxi"), &env.path("qingxi"));
    env
}

fn run_in(env: &TestEnv, dir: &str, args: &[&str]) -> Run {
    let mut all = vec!["--lang", "en", "-C", dir];
    all.extend_from_slice(args);
    env.run(&all)
}

fn check_json(env: &TestEnv) -> (i32, Vec<Value>) {
    let r = run_in(env, "district", &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {r:?}"));
    (r.code, v["diagnostics"].as_array().unwrap().clone())
}

#[test]
fn the_example_district_passes_check_and_reads_as_one_tree() {
    let env = district();
    let (code, diags) = check_json(&env);
    assert_eq!(code, 0, "{diags:?}");
    assert!(diags.is_empty(), "{diags:?}");
    // Each community passes on its own as well.
    run_in(&env, "district/communities/hexi", &["check"]).ok();
    run_in(&env, "qingxi", &["check"]).ok();
    // The tree hangs both included roots under the district's root.
    let r = run_in(&env, "district", &["org", "list", "--format", "json"]).ok();
    let orgs: Value = serde_json::from_str(&r.stdout).unwrap();
    let parent_of = |id: &str| {
        orgs.as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap_or_else(|| panic!("{id} not listed"))["parent"]
            .clone()
    };
    assert_eq!(parent_of("hexi"), "sanyuan");
    assert_eq!(parent_of("qingxi"), "sanyuan");
    assert_eq!(parent_of("jiangbin"), "qingxi");
    let r = run_in(&env, "district", &["member", "list", "--format", "json"]).ok();
    let members: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(members.as_array().unwrap().len(), 2 + 40 + 3);
}

#[test]
fn an_id_used_in_two_workspaces_names_both_files() {
    let env = district();
    env.write(
        "district/members/songlan.toml",
        "id = \"songlan\"\nname = \"宋岚\"\norg = \"sanyuan\"\nstatus = \"full\"\noffice = \"none\"\n",
    );
    let (code, diags) = check_json(&env);
    assert_eq!(code, 1);
    let clash: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "duplicate-id")
        .collect();
    assert_eq!(clash.len(), 1, "{diags:?}");
    let msg = clash[0]["message"].as_str().unwrap();
    let file = clash[0]["file"].as_str().unwrap();
    assert!(
        (file == "members/songlan.toml" && msg.contains("../qingxi/members/songlan.toml"))
            || (file == "../qingxi/members/songlan.toml" && msg.contains("members/songlan.toml")),
        "{:?}",
        clash[0]
    );
    // The community alone is still clean: the clash is the district's.
    run_in(&env, "qingxi", &["check"]).ok();
}

#[test]
fn an_included_workspace_may_not_name_the_includers_records() {
    let env = district();
    // The district naming a community's organization is the normal case (its matter's tasks).
    let (code, _) = check_json(&env);
    assert_eq!(code, 0);
    let rel = "district/communities/hexi/members/kongdawei.toml";
    let text = env.read(rel);
    env.write(rel, &format!("{text}lives_in = \"sanyuan\"\n"));
    let (code, diags) = check_json(&env);
    assert_eq!(code, 1);
    let d = diags
        .iter()
        .find(|d| d["code"] == "include-reference")
        .unwrap_or_else(|| panic!("{diags:?}"));
    // Paths are given from the including workspace's root, with line and column.
    assert_eq!(d["file"], "communities/hexi/members/kongdawei.toml");
    assert_eq!(d["line"], 7);
    assert!(d["message"].as_str().unwrap().contains("`sanyuan`"), "{d}");
    assert!(d["help"].as_str().unwrap().contains("sanyuan"), "{d}");
    // Run in the community alone, the same reference names nothing there.
    let r = run_in(&env, "district/communities/hexi", &["check"]).exits(1);
    assert!(r.stdout.contains("unknown-reference"), "{}", r.stdout);
}

#[test]
fn a_write_to_an_included_record_is_refused_with_the_folder() {
    let env = district();
    let before = env.read("qingxi/posts/jiangbin-pingan.toml");
    let r = run_in(
        &env,
        "district",
        &[
            "post",
            "log",
            "jiangbin-pingan",
            "songlan",
            "--text",
            "巡查",
        ],
    )
    .exits(1);
    assert!(
        r.stderr.contains(
            "../qingxi/posts/jiangbin-pingan.toml belongs to the included workspace ../qingxi"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("dangjian -C ../qingxi"), "{}", r.stderr);
    assert_eq!(env.read("qingxi/posts/jiangbin-pingan.toml"), before);
    // Run in the community's folder, the same command writes.
    run_in(
        &env,
        "qingxi",
        &[
            "post",
            "log",
            "jiangbin-pingan",
            "songlan",
            "--text",
            "巡查",
            "--date",
            "2026-11-19",
        ],
    )
    .ok();
    assert_ne!(env.read("qingxi/posts/jiangbin-pingan.toml"), before);
    // A record of a community named by its name is refused the same way, naming its file.
    let members_before = env.read("qingxi/members/songlan.toml");
    let r = run_in(&env, "district", &["member", "leave", "宋兰"]).exits(1);
    assert!(
        r.stderr
            .contains("../qingxi/members/songlan.toml belongs to the included workspace ../qingxi"),
        "{}",
        r.stderr
    );
    assert_eq!(env.read("qingxi/members/songlan.toml"), members_before);
    // A name of no workspace stays a usage error.
    run_in(
        &env,
        "district",
        &["post", "log", "nosuch", "songlan", "--text", "x"],
    )
    .exits(2);
    // Naming a community's organization in the district's own record is no write to it: the
    // district's matter takes a task for 新桥.
    run_in(
        &env,
        "district",
        &[
            "matter",
            "task",
            "sanyuan-wenming",
            "t3",
            "--org",
            "xinqiao",
            "--text",
            "整治",
            "--due",
            "2026-12-20",
        ],
    )
    .ok();
    assert!(
        env.read("district/matters/2026/sanyuan-wenming.toml")
            .contains("org = \"xinqiao\"")
    );
    run_in(&env, "district", &["check"]).ok();
}

fn include_finding(env: &TestEnv, file: &str) -> Value {
    let (code, diags) = check_json(env);
    assert_eq!(code, 1, "{diags:?}");
    diags
        .iter()
        .find(|d| d["code"] == "include" && d["file"] == file)
        .cloned()
        .unwrap_or_else(|| panic!("{diags:?}"))
}

#[test]
fn missing_non_workspace_self_and_looping_includes_are_errors() {
    let env = district();
    let settings = env.read("district/dangjian.toml");
    let with = |extra: &str| env.write("district/dangjian.toml", &format!("{settings}{extra}"));

    with("\n[[include]]\npath = \"communities/nosuch\"\nparent = \"sanyuan\"\n");
    let d = include_finding(&env, "dangjian.toml");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("communities/nosuch does not exist"),
        "{d}"
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("git submodule update --init"),
        "{d}"
    );
    assert!(d["line"].as_u64().unwrap() > 20, "{d}");

    with("\n[[include]]\npath = \"orgs\"\nparent = \"sanyuan\"\n");
    let d = include_finding(&env, "dangjian.toml");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("is not a workspace"),
        "{d}"
    );

    with("\n[[include]]\npath = \".\"\nparent = \"sanyuan\"\n");
    let d = include_finding(&env, "dangjian.toml");
    assert!(
        d["message"].as_str().unwrap().contains("includes itself"),
        "{d}"
    );

    // The same community twice: the second is refused, its ids are not reported as clashes.
    with("\n[[include]]\npath = \"communities/./hexi\"\nparent = \"sanyuan\"\n");
    let d = include_finding(&env, "dangjian.toml");
    assert!(
        d["message"].as_str().unwrap().contains("included twice"),
        "{d}"
    );
    let (_, diags) = check_json(&env);
    assert_eq!(diags.len(), 1, "{diags:?}");

    // A parent that is no organization of the including workspace.
    env.write(
        "district/dangjian.toml",
        &settings.replacen("parent = \"sanyuan\"", "parent = \"nosuch\"", 1),
    );
    let d = include_finding(&env, "dangjian.toml");
    assert!(
        d["message"].as_str().unwrap().contains("parent `nosuch`"),
        "{d}"
    );

    // A community that includes the district back makes a loop, reported in its file.
    env.write("district/dangjian.toml", &settings);
    let hexi = env.read("district/communities/hexi/dangjian.toml");
    env.write(
        "district/communities/hexi/dangjian.toml",
        &format!("{hexi}\n[[include]]\npath = \"../..\"\nparent = \"hexi\"\n"),
    );
    let d = include_finding(&env, "communities/hexi/dangjian.toml");
    assert!(
        d["message"].as_str().unwrap().contains("makes a loop"),
        "{d}"
    );
}

/// Each workspace is scored under its own `[review]`: 河西 weighs self 0.2, peer 0.3, leader
/// 0.5 and no masses, where the district keeps the defaults.
#[test]
fn each_workspace_is_scored_under_its_own_settings() {
    let env = district();
    let q3 = [
        "review",
        "quarterly",
        "--period",
        "2026-Q3",
        "--format",
        "json",
    ];
    let whole: Value = serde_json::from_str(&run_in(&env, "district", &q3).ok().stdout).unwrap();
    let alone: Value =
        serde_json::from_str(&run_in(&env, "district/communities/hexi", &q3).ok().stdout).unwrap();
    let find = |v: &Value, id: &str, kind: &str| -> Vec<Value> {
        v["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["id"] == id && s["kind"] == kind)
            .cloned()
            .collect()
    };
    // 沈玉兰: self 92, peer (90 + 88 + 91) / 3, leader 90 → 18.4 + 26.9 + 45 = 90.3; under the
    // default weights the same row would give 90.22.
    let s = &find(&whole, "shenyulan", "member")[0];
    assert_eq!(s["score"], 90.3);
    for subject in alone["subjects"].as_array().unwrap() {
        let id = subject["id"].as_str().unwrap();
        let kind = subject["kind"].as_str().unwrap();
        let ours = find(&whole, id, kind);
        assert_eq!(ours.len(), 1, "{id}");
        for key in ["score", "grade", "rank", "demoted"] {
            assert_eq!(ours[0][key], subject[key], "{key} of {id}");
        }
    }
    // `--explain` shows the arithmetic under 河西's settings (trim 1), not the district's (0).
    let r = run_in(
        &env,
        "district",
        &[
            "review",
            "quarterly",
            "--period",
            "2026-Q3",
            "--explain",
            "shenyulan",
        ],
    )
    .ok();
    assert!(r.stdout.contains("(2 × trim 1 + 3)"), "{}", r.stdout);
    assert!(r.stdout.contains("weight 0.5"), "{}", r.stdout);
    // The district's sheet rates 江滨 under the district's settings, beside 清溪's own row.
    let jiangbin = find(&whole, "jiangbin", "org");
    assert_eq!(jiangbin.len(), 2, "{jiangbin:?}");
    // Members of the communities are not "missing" from the district's own review.
    let missing: Vec<&str> = whole["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(!missing.contains(&"kongdawei"), "{missing:?}");
}

#[test]
fn a_district_exports_every_workspace_with_its_id() {
    let env = district();
    run_in(&env, "district", &["export", "-o", "out"]).ok();
    let manifest: Value = serde_json::from_str(&env.read("out/manifest.json")).unwrap();
    let ids: Vec<&str> = manifest["workspaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["sanyuan", "qingxi", "hexi"]);
    assert_eq!(manifest["workspaces"][2]["path"], "communities/hexi");
    let rows = |t: &str| -> Vec<Value> {
        env.read(&format!("out/{t}.ndjson"))
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let members = rows("members");
    assert_eq!(members.len(), 45);
    let ws_of = |id: &str| {
        members.iter().find(|m| m["id"] == id).unwrap()["workspace"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(ws_of("kongdawei"), "hexi");
    assert_eq!(ws_of("songlan"), "qingxi");
    assert_eq!(ws_of("qiuwenjie"), "sanyuan");
    // The district matter's tasks go to two communities.
    let tasks: Vec<Value> = rows("tasks")
        .into_iter()
        .filter(|t| t["matter"] == "sanyuan-wenming")
        .collect();
    assert_eq!(tasks.len(), 2);
    assert!(tasks.iter().all(|t| t["workspace"] == "sanyuan"));
    // Results: 河西's rows equal `review` run in 河西's folder.
    let alone: Value = serde_json::from_str(
        &run_in(
            &env,
            "district/communities/hexi",
            &[
                "review",
                "quarterly",
                "--period",
                "2026-Q3",
                "--format",
                "json",
            ],
        )
        .ok()
        .stdout,
    )
    .unwrap();
    let results: Vec<Value> = rows("period_results")
        .into_iter()
        .filter(|r| r["workspace"] == "hexi")
        .collect();
    let subjects = alone["subjects"].as_array().unwrap();
    assert_eq!(results.len(), subjects.len());
    for s in subjects {
        let r = results
            .iter()
            .find(|r| r["id"] == s["id"] && r["kind"] == s["kind"])
            .unwrap();
        assert_eq!(r["score"], s["score"]);
        assert_eq!(r["grade"], s["grade"]);
    }
    // The district's own sheet: 江滨 and 河西 rated under the district's settings.
    let district_rows: Vec<Value> = rows("period_results")
        .into_iter()
        .filter(|r| r["workspace"] == "sanyuan")
        .collect();
    let rated: Vec<&str> = district_rows
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rated, ["hexi", "jiangbin"]);
}

#[test]
fn reports_rank_the_communities_and_give_their_grades() {
    let env = district();
    let r = run_in(
        &env,
        "district",
        &[
            "report", "progress", "--month", "2026-10", "--format", "json",
        ],
    )
    .ok();
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let table = |doc: &Value, id: &str| -> Value {
        doc["tables"]
            .as_array()
            .and_then(|ts| ts.iter().find(|t| t["id"] == id))
            .map(|t| t["rows"].clone())
            .unwrap_or(Value::Null)
    };
    let rows = table(&doc, "communities");
    let rows = rows.as_array().unwrap_or_else(|| panic!("{doc}"));
    // 河西: the district's task t2, 6 of 8 by September → 75 %; 清溪: its own tasks and the
    // district's task t1 for 江滨 (9 of 12), below 75 %.
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["community"], "hexi");
    assert_eq!(rows[0]["rank"], 1);
    assert_eq!(rows[0]["tasks"], 1);
    assert_eq!(rows[0]["completion"], 75);
    assert_eq!(rows[1]["community"], "qingxi");
    assert_eq!(rows[1]["tasks"], 19);
    assert_eq!(rows[1]["rank"], 2);
    for report in [
        vec![
            "report", "review", "--period", "2026-Q3", "--format", "json",
        ],
        vec!["report", "annual", "--year", "2026", "--format", "json"],
    ] {
        let r = run_in(&env, "district", &report).ok();
        let doc: Value = serde_json::from_str(&r.stdout).unwrap();
        let table = &table(&doc, "community_grades");
        assert!(table.is_array(), "{doc}");
        let count = |community: &str, kind: &str| -> i64 {
            table
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["community"] == community && r["kind"] == kind)
                .map(|r| r["count"].as_i64().unwrap())
                .sum()
        };
        // 河西 grades its 3 members; its branch is graded by 河西, the committee itself by the
        // district's sheet.
        if report[1] == "review" {
            assert_eq!(count("hexi", "member"), 3, "{table}");
            assert_eq!(count("hexi", "org"), 2, "{table}");
        }
        assert!(count("qingxi", "member") > 20, "{table}");
    }
    // A single workspace has no such tables.
    let r = run_in(
        &env,
        "qingxi",
        &[
            "report", "progress", "--month", "2026-10", "--format", "json",
        ],
    )
    .ok();
    assert!(!r.stdout.contains("\"communities\""));
}
