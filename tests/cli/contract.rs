//! The machine-format contract (SPEC §7): every report and listing in json, yaml and csv, in both
//! locales, on the bundled example workspace. Same bytes in zh-CN and en, every key ASCII, YAML
//! the same data as JSON with dates as strings, CSV headed by the same keys, and every JSON output
//! valid against its schema in `schemas/output/` (generated from these outputs: a drift fails;
//! `UPDATE_SCHEMAS=1 cargo nextest run -E 'test(contract)'` rewrites them).

use serde_json::Value;

use crate::{TestEnv, repo};

/// Every command whose output is a contract, by schema file name.
const OUTPUTS: &[(&str, &[&str])] = &[
    ("report-board", &["report", "board"]),
    ("report-ledger", &["report", "ledger"]),
    ("report-review", &["report", "review"]),
    ("report-annual", &["report", "annual"]),
    (
        "report-progress",
        &["report", "progress", "--month", "2026-10"],
    ),
    ("report-roles", &["report", "roles"]),
    ("report-matters", &["report", "matters"]),
    ("org-list", &["org", "list"]),
    ("org-tree", &["org", "tree"]),
    ("org-show", &["org", "show", "jiangbin"]),
    ("member-list", &["member", "list"]),
    ("member-show", &["member", "show", "zhangdeming"]),
    ("post-list", &["post", "list"]),
    ("post-show", &["post", "show", "jiangbin-pingan"]),
    ("matter-list", &["matter", "list"]),
    ("matter-show", &["matter", "show", "jiangbin-shilaohua"]),
    ("matter-status", &["matter", "status"]),
    ("commit-list", &["commit", "list"]),
    ("commit-show", &["commit", "show", "zhangdeming"]),
    ("review-quarterly", &["review", "quarterly"]),
    ("review-half", &["review", "half"]),
    ("review-annual", &["review", "annual"]),
];

/// More runs of some outputs, for shapes the defaults do not show (the current year's honours).
const VARIANTS: &[(&str, &[&str])] = &[
    ("review-annual", &["review", "annual", "--year", "2026"]),
    ("review-half", &["review", "half", "--period", "2026-H2"]),
    (
        "report-review",
        &["report", "review", "--period", "2026-H1"],
    ),
    ("report-annual", &["report", "annual", "--year", "2025"]),
];

/// Outputs that name a record of the example, so cannot run on another workspace.
fn names_a_record(name: &str) -> bool {
    name.ends_with("-show")
}

/// Dates the outputs are taken on: late in the year (most data) and early (more absent values).
const AS_OF: &[&str] = &["2026-11-20", "2026-04-10"];

fn output(env: &TestEnv, args: &[&str], format: &str, as_of: &str, lang: &str) -> String {
    let mut all = vec!["--lang", lang, "--as-of", as_of];
    all.extend_from_slice(args);
    all.extend(["--format", format]);
    let r = env.run(&all);
    assert_eq!(r.code, 0, "{all:?}: {}", r.stderr);
    r.stdout
}

/// `snake_case` ASCII: a stable English identifier.
fn is_identifier(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn ascii_keys(v: &Value, at: &str) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                assert!(
                    is_identifier(k),
                    "{at}: key {k:?} is not an ASCII identifier"
                );
                ascii_keys(x, at);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| ascii_keys(x, at)),
        _ => {}
    }
}

/// The column keys of a JSON output, table by table, as CSV writes them in its headers.
fn json_headers(v: &Value) -> Vec<Vec<String>> {
    let keys = |row: &Value| -> Vec<String> {
        row.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    match v {
        Value::Array(rows) => rows.first().map(keys).into_iter().collect(),
        Value::Object(m) if m.contains_key("tables") => m["tables"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                t["columns"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().to_string())
                    .collect()
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn machine_formats_are_the_same_in_every_locale_and_match_their_schemas() {
    let env = TestEnv::example("qingxi");
    let fixture = crate::report::fixture();
    let dir = repo().join("schemas").join("output");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, args) in OUTPUTS {
        let mut samples = Vec::new();
        for as_of in AS_OF {
            let at = format!("{} (as of {as_of})", args.join(" "));
            let [json_text, yaml_text, csv_text] = ["json", "yaml", "csv"].map(|format| {
                let zh = output(&env, args, format, as_of, "zh-CN");
                let en = output(&env, args, format, as_of, "en");
                assert_eq!(zh, en, "{at} --format {format} differs between locales");
                en
            });
            let json: Value =
                serde_json::from_str(&json_text).unwrap_or_else(|e| panic!("{at}: {e}"));
            ascii_keys(&json, &at);
            let yaml: Value =
                serde_yaml::from_str(&yaml_text).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(yaml, json, "{at}: yaml and json carry different data");
            let unquoted_date = yaml_text.lines().find(|l| {
                let value = l.rsplit(": ").next().unwrap_or("");
                let value = value.trim_start_matches(['-', ' ']);
                value.len() == 10 && value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-'
            });
            assert_eq!(
                unquoted_date, None,
                "{at}: a YAML date must be a quoted string"
            );
            let records: Vec<Vec<String>> = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(csv_text.as_bytes())
                .records()
                .map(|r| {
                    r.unwrap_or_else(|e| panic!("{at} csv: {e}"))
                        .iter()
                        .map(String::from)
                        .collect()
                })
                .collect();
            let first = records.first().cloned().unwrap_or_default();
            assert!(
                first.iter().all(|h| h.is_ascii()),
                "{at}: csv header {first:?}"
            );
            for want in json_headers(&json).into_iter().filter(|h| !h.is_empty()) {
                let with_table: Vec<String> = std::iter::once("table".to_string())
                    .chain(want.clone())
                    .collect();
                assert!(
                    records.contains(&want) || first == with_table,
                    "{at}: csv has no header {want:?}: {csv_text}"
                );
            }
            samples.push(json);
        }
        for (_, variant) in VARIANTS.iter().filter(|(n, _)| n == name) {
            for as_of in AS_OF {
                let zh = output(&env, variant, "json", as_of, "zh-CN");
                let en = output(&env, variant, "json", as_of, "en");
                assert_eq!(zh, en, "{variant:?} differs between locales");
                samples.push(serde_json::from_str(&en).unwrap());
            }
        }
        if !names_a_record(name) {
            // The report tests' workspace: hostile names, other keyword values, other shapes.
            let v = output(&fixture, args, "json", "2026-11-20", "zh-CN");
            samples.push(serde_json::from_str(&v).unwrap());
        }
        let schema = dangjian::report::output_schema::infer(&args.join(" "), &samples);
        let path = dir.join(format!("{name}.schema.json"));
        let mut text = serde_json::to_string_pretty(&schema).unwrap();
        text.push('\n');
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
        let committed: Value = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(schema);
        let validator = jsonschema::validator_for(&committed).expect("a valid schema");
        for sample in &samples {
            let errors: Vec<String> = validator
                .iter_errors(sample)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:#?}");
        }
    }
    assert!(
        stale.is_empty(),
        "output schemas drifted from the code: {stale:?}; run `UPDATE_SCHEMAS=1 cargo nextest run -E 'test(machine_formats)'` and commit schemas/output/"
    );
}

/// The schemas also accept outputs they were not generated from (the report tests' workspace on
/// another date): they describe the code, not one day's data.
#[test]
fn output_schemas_accept_another_workspace() {
    let env = crate::report::fixture();
    let dir = repo().join("schemas").join("output");
    for (name, args) in OUTPUTS.iter().filter(|(n, _)| !names_a_record(n)) {
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{name}.schema.json"))).unwrap(),
        )
        .unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let v: Value =
            serde_json::from_str(&output(&env, args, "json", "2026-07-10", "zh-CN")).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}
