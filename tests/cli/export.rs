//! CLI tests of `dangjian export` (SPEC §10): the files, the manifest, privacy, determinism,
//! and results equal to `review`'s, read back with the `csv` and `serde_json` crates only.

use std::collections::BTreeMap;

use serde_json::Value;

use super::TestEnv;

/// Every file of an export folder, by name.
fn files(env: &TestEnv, dir: &str) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(env.path(dir))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn ndjson(env: &TestEnv, rel: &str) -> Vec<serde_json::Map<String, Value>> {
    env.read(rel)
        .lines()
        .map(|l| match serde_json::from_str(l).unwrap() {
            Value::Object(m) => m,
            other => panic!("not an object: {other}"),
        })
        .collect()
}

const TABLES: [&str; 15] = [
    "orgs",
    "members",
    "posts",
    "holders",
    "logs",
    "matters",
    "tasks",
    "task_progress",
    "letters",
    "items",
    "item_progress",
    "comments",
    "score_rows",
    "period_results",
    "annual_results",
];

#[test]
fn export_writes_every_table_and_a_manifest_matching_the_schemas() {
    let env = TestEnv::example("qingxi");
    let r = env.run(&["export", "-o", "out"]).ok();
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let all = files(&env, "out");
    let mut want: Vec<String> = TABLES.iter().map(|t| format!("{t}.ndjson")).collect();
    want.push("manifest.json".into());
    want.sort();
    assert_eq!(all.keys().cloned().collect::<Vec<_>>(), want);
    let manifest: Value = serde_json::from_str(&env.read("out/manifest.json")).unwrap();
    assert_eq!(manifest["format"], 1);
    assert_eq!(manifest["as_of"], "2026-11-20");
    assert_eq!(manifest["workspaces"][0]["id"], "qingxi");
    assert_eq!(manifest["workspaces"][0]["path"], ".");
    // A temporary folder outside any repository has no commit.
    assert_eq!(manifest["workspaces"][0]["commit"], Value::Null);
    let tables = manifest["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 15);
    for t in tables {
        let name = t["name"].as_str().unwrap();
        let rows = ndjson(&env, &format!("out/{name}.ndjson"));
        assert_eq!(t["rows"].as_u64().unwrap() as usize, rows.len(), "{name}");
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(
                super::repo().join(format!("schemas/export/{name}.schema.json")),
            )
            .unwrap(),
        )
        .unwrap();
        let validator = jsonschema::draft7::new(&schema).unwrap();
        let columns: Vec<&str> = t["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(columns[0], "workspace");
        for row in &rows {
            let keys: Vec<&str> = row.keys().map(String::as_str).collect();
            assert_eq!(keys, columns, "{name}");
            assert_eq!(row["workspace"], "qingxi");
            let value = Value::Object(row.clone());
            assert!(validator.is_valid(&value), "{name}: {value}");
        }
    }
    // The example has rows in every table.
    assert!(tables.iter().all(|t| t["rows"].as_u64().unwrap() > 0));
    let members = ndjson(&env, "out/members.ndjson");
    assert_eq!(members.len(), 40);
    assert!(
        members
            .iter()
            .any(|m| m["id"] == "linwei" && m["name"] == "林伟" && m["joined"] == "2010-07-01")
    );
}

#[test]
fn no_private_value_is_exported_in_either_format() {
    let env = TestEnv::example("qingxi");
    let planted = "PLANTED-SECRET-4711";
    for rel in [
        "members/linwei.toml",
        "orgs/jiangbin.toml",
        "posts/jiangbin-pingan.toml",
        "evaluations/2026-Q1/jiangbin.toml",
    ] {
        let text = env.read(rel);
        let text = match text.find("[private]") {
            Some(_) => text.replace(
                "[private]\n",
                &format!("[private]\nsecret = \"{planted}\"\n"),
            ),
            None => format!("{text}\n[private]\nsecret = \"{planted}\"\n"),
        };
        env.write(rel, &text);
    }
    // The planted values are valid record data: the workspace still passes `check`.
    env.run(&["check"]).ok();
    for format in ["ndjson", "csv"] {
        let dir = format!("out-{format}");
        env.run(&["export", "-o", &dir, "--format", format]).ok();
        for (name, bytes) in files(&env, &dir) {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                !text.contains(planted),
                "{dir}/{name} holds a private value"
            );
            // The example's own private phone numbers stay out too.
            assert!(!text.contains("13701250405"), "{dir}/{name}");
        }
    }
}

#[test]
fn same_records_and_as_of_give_identical_bytes() {
    let env = TestEnv::example("qingxi");
    for format in ["ndjson", "csv"] {
        env.run(&["export", "-o", "a", "--format", format]).ok();
        env.run(&["export", "-o", "b", "--format", format]).ok();
        let a = files(&env, "a");
        let b = files(&env, "b");
        assert_eq!(a, b, "{format}");
        // Another day changes `as_of` in the manifest.
        let mut c = env.cmd(&["export", "-o", "c", "--format", format]);
        c.env("DANGJIAN_AS_OF", "2026-11-21");
        super::run(c).ok();
        assert_ne!(files(&env, "c")["manifest.json"], a["manifest.json"]);
    }
}

/// The scores of the CSV export equal `review quarterly --format json`'s, read with the `csv`
/// crate against the documented columns (no code shared with the writer).
#[test]
fn period_results_in_csv_equal_the_review_json() {
    let env = TestEnv::example("qingxi");
    env.run(&["export", "-o", "out", "--format", "csv"]).ok();
    let manifest: Value = serde_json::from_str(&env.read("out/manifest.json")).unwrap();
    let documented: Vec<String> = manifest["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "period_results")
        .unwrap()["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    let mut reader = csv::Reader::from_path(env.path("out/period_results.csv")).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, documented);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut exported: BTreeMap<(String, String, String), (f64, String, u64)> = BTreeMap::new();
    for rec in reader.records() {
        let rec = rec.unwrap();
        exported.insert(
            (
                rec[col("period")].to_string(),
                rec[col("kind")].to_string(),
                rec[col("id")].to_string(),
            ),
            (
                rec[col("score")].parse().unwrap(),
                rec[col("grade")].to_string(),
                rec[col("rank")].parse().unwrap(),
            ),
        );
    }
    let mut compared = 0;
    for period in ["2026-Q1", "2026-Q2", "2026-Q3"] {
        let r = env
            .run(&[
                "review",
                "quarterly",
                "--period",
                period,
                "--format",
                "json",
            ])
            .ok();
        let review: Value = serde_json::from_str(&r.stdout).unwrap();
        let subjects = review["subjects"].as_array().unwrap();
        assert!(!subjects.is_empty());
        for s in subjects {
            let key = (
                period.to_string(),
                s["kind"].as_str().unwrap().to_string(),
                s["id"].as_str().unwrap().to_string(),
            );
            let (score, grade, rank) = exported
                .remove(&key)
                .unwrap_or_else(|| panic!("{key:?} missing from the export"));
            assert_eq!(score, s["score"].as_f64().unwrap(), "{key:?}");
            assert_eq!(grade, s["grade"].as_str().unwrap(), "{key:?}");
            assert_eq!(rank, s["rank"].as_u64().unwrap(), "{key:?}");
            compared += 1;
        }
    }
    assert!(compared > 20, "{compared}");
    // What is left is the half-year, checked against `review half`.
    let r = env
        .run(&["review", "half", "--period", "2026-H1", "--format", "json"])
        .ok();
    let review: Value = serde_json::from_str(&r.stdout).unwrap();
    for s in review["subjects"].as_array().unwrap() {
        let key = (
            "2026-H1".to_string(),
            s["kind"].as_str().unwrap().to_string(),
            s["id"].as_str().unwrap().to_string(),
        );
        let (score, _, _) = exported.remove(&key).unwrap();
        assert_eq!(score, s["score"].as_f64().unwrap(), "{key:?}");
    }
    assert!(exported.is_empty(), "unexpected rows: {exported:?}");
}

#[test]
fn annual_results_in_ndjson_equal_the_review_json() {
    let env = TestEnv::example("qingxi");
    env.run(&["export", "-o", "out"]).ok();
    let rows = ndjson(&env, "out/annual_results.ndjson");
    let r = env
        .run(&["review", "annual", "--year", "2026", "--format", "json"])
        .ok();
    let review: Value = serde_json::from_str(&r.stdout).unwrap();
    let subjects = review["subjects"].as_array().unwrap();
    let ours: Vec<&serde_json::Map<String, Value>> =
        rows.iter().filter(|r| r["year"] == 2026).collect();
    assert_eq!(ours.len(), subjects.len());
    for (row, s) in ours.iter().zip(subjects) {
        for key in ["kind", "id", "score", "grade", "rank", "rank_overall"] {
            assert_eq!(row[key], s[key], "{key} of {}", s["id"]);
        }
        assert_eq!(row["quarters"], s["parts"]["quarters"]);
    }
}

#[test]
fn export_names_the_git_commit_of_the_checkout() {
    let env = TestEnv::example("qingxi");
    let hash = "0123456789abcdef0123456789abcdef01234567";
    env.write(".git/HEAD", "ref: refs/heads/main\n");
    env.write(".git/refs/heads/main", &format!("{hash}\n"));
    env.run(&["export", "-o", "out"]).ok();
    let manifest: Value = serde_json::from_str(&env.read("out/manifest.json")).unwrap();
    assert_eq!(manifest["workspaces"][0]["commit"], hash);
    // A packed ref is found as well.
    env.remove(".git/refs/heads/main");
    env.write(
        ".git/packed-refs",
        &format!("# pack-refs with: peeled fully-peeled sorted\n{hash} refs/heads/main\n"),
    );
    env.run(&["export", "-o", "out"]).ok();
    let manifest: Value = serde_json::from_str(&env.read("out/manifest.json")).unwrap();
    assert_eq!(manifest["workspaces"][0]["commit"], hash);
}

#[test]
fn export_into_a_file_is_a_usage_error() {
    let env = TestEnv::example("qingxi");
    env.write("taken.txt", "x");
    let r = env
        .run(&["--lang", "en", "export", "-o", "taken.txt"])
        .exits(2);
    assert!(
        r.stderr.contains("taken.txt is not a folder"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("help:"), "{}", r.stderr);
    assert_eq!(env.read("taken.txt"), "x");
}
