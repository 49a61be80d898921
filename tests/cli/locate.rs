//! Findings in many files at once get the line, column and source line of their place: the
//! files with findings are read (and parsed for key paths) in parallel, one pass per file.

use crate::TestEnv;

/// Plants a phone number outside `[private]` in every member file (and a second one in every
/// other file), returning each file with the expected (line, column) of its findings.
fn plant(env: &TestEnv) -> Vec<(String, Vec<(u64, u64)>)> {
    let mut files: Vec<String> = std::fs::read_dir(env.path("members"))
        .unwrap()
        .map(|e| format!("members/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{} member files", files.len());
    files
        .into_iter()
        .enumerate()
        .map(|(i, rel)| {
            let mut text = env.read(&rel);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let lines = text.lines().count() as u64;
            text.push_str("\n[extra]\nnote = \"联系 13812345678\"\n");
            let mut expected = vec![(lines + 3, 8)];
            if i % 2 == 0 {
                text.push_str("id_note = \"身份证 11010519491231002X\"\n");
                expected.push((lines + 4, 11));
            }
            env.write(&rel, &text);
            (rel, expected)
        })
        .collect()
}

#[test]
fn many_findings_in_many_files_are_each_located() {
    let env = TestEnv::example("qingxi");
    let planted = plant(&env);
    let r = env.run(&["--lang", "en", "check", "--format", "json"]).ok();
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let mut found: Vec<(String, u64, u64, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "exposed-private")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let mut expected: Vec<(String, u64, u64)> = planted
        .iter()
        .flat_map(|(f, places)| places.iter().map(move |&(l, c)| (f.clone(), l, c)))
        .collect();
    expected.sort();
    let got: Vec<(String, u64, u64)> = found
        .iter()
        .map(|(f, l, c, _)| (f.clone(), *l, *c))
        .collect();
    assert_eq!(got, expected);
    assert!(found.iter().any(|f| f.3.contains("phone")), "{found:?}");
    assert!(found.iter().any(|f| f.3.contains("ID")), "{found:?}");

    // The human output shows each finding's source line under its place.
    let r = env.run(&["--lang", "en", "check"]).ok();
    for (file, places) in &planted {
        for (line, column) in places {
            assert!(
                r.stdout.contains(&format!("{file}:{line}:{column}")),
                "{file}:{line}:{column} missing\n{}",
                r.stdout
            );
        }
    }
    assert!(
        r.stdout.contains("note = \"联系 13812345678\""),
        "{}",
        r.stdout
    );
}
