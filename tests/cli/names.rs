//! A name on the command line that names no record is a usage error (exit 2) with a help line,
//! in every command alike (SPEC §7); a typo of an existing id gets a did-you-mean.

use crate::TestEnv;

/// Every command that takes a name, each given one that names nothing.
const UNKNOWN: &[&[&str]] = &[
    &["org", "show", "nosuch"],
    &["org", "tree", "nosuch"],
    &["member", "show", "nosuch"],
    &["member", "list", "--org", "nosuch"],
    &["post", "show", "nosuch"],
    &["post", "list", "--org", "nosuch"],
    &["post", "claim", "nosuch", "caoli"],
    &["post", "assign", "jiangbin-pingan", "nosuch"],
    &["post", "log", "jiangbin-pingan", "nosuch", "--text", "x"],
    &["post", "end", "nosuch", "caoli", "--reason", "x"],
    &["post", "publish", "nosuch"],
    &["post", "publish", "--org", "nosuch"],
    &[
        "post", "new", "x-1", "--name", "X", "--org", "nosuch", "--duty", "d",
    ],
    &["matter", "show", "nosuch"],
    &["matter", "advance", "nosuch"],
    &["matter", "list", "--org", "nosuch"],
    &["matter", "status", "--org", "nosuch"],
    &["commit", "show", "nosuch"],
    &["commit", "new", "nosuch"],
    &["commit", "list", "--org", "nosuch"],
    &["commit", "progress", "nosuch", "c1", "--value", "1"],
    &["review", "quarterly", "--org", "nosuch"],
    &["review", "half", "--org", "nosuch"],
    &["review", "annual", "--org", "nosuch"],
    &["review", "quarterly", "--explain", "nosuch"],
    &["review", "sheet", "--period", "2026-Q4", "--org", "nosuch"],
    &["report", "board", "--org", "nosuch"],
    &["report", "ledger", "--org", "nosuch"],
    &["report", "review", "--org", "nosuch"],
    &["report", "annual", "--org", "nosuch"],
    &[
        "report", "progress", "--month", "2026-10", "--org", "nosuch",
    ],
    &["report", "roles", "--org", "nosuch"],
    &["report", "matters", "--org", "nosuch"],
];

#[test]
fn every_unknown_name_is_a_usage_error_with_help() {
    let env = TestEnv::example("qingxi");
    let before = env.files();
    let mut failures = Vec::new();
    for args in UNKNOWN {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let r = env.run(&all);
        let named = r.stderr.contains("nosuch");
        let helped = r.stderr.contains("\nhelp: ") || r.stderr.contains("; see `dangjian");
        if r.code != 2 || !named || !helped {
            failures.push(format!("{args:?}\n{}", r.transcript()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(env.files(), before, "a failed command wrote");
}

#[test]
fn a_typo_gets_a_did_you_mean() {
    let env = TestEnv::example("qingxi");
    let r = env
        .run(&["--lang", "en", "report", "board", "--org", "jiangbinn"])
        .exits(2);
    insta::assert_snapshot!(r.transcript(), @r"
    exit: 2
    --- stdout
    --- stderr
    error: no organization has the id or name `jiangbinn`
    help: did you mean `jiangbin`?
    ");
    let r = env
        .run(&["post", "assign", "jiangbin-pingan", "曹莉莉"])
        .exits(2);
    insta::assert_snapshot!(r.transcript(), @r"
    exit: 2
    --- stdout
    --- stderr
    错误：找不到党员“曹莉莉”（按 id 或名称查找）
    提示: 是不是“曹丽”？
    ");
}
