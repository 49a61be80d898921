//! CLI tests of terminal width: every table command fits the width it is given (`COLUMNS`,
//! `--width`), wrapping long cells within their column, and a pipe without either gets lines
//! as long as they are.

use unicode_width::UnicodeWidthStr;

use crate::{Run, TestEnv};

/// Every command of the bundled example that prints tables.
const TABLE_COMMANDS: &[&[&str]] = &[
    &["report", "board"],
    &["report", "ledger"],
    &["report", "review"],
    &["report", "annual"],
    &["report", "progress", "--month", "2026-10"],
    &["report", "roles"],
    &["report", "matters"],
    &["review", "quarterly"],
    &["review", "half"],
    &["review", "annual"],
    &["member", "list"],
    &["member", "show", "yangfan"],
    &["org", "list"],
    &["org", "show", "jiangbin"],
    &["org", "tree"],
    &["post", "list"],
    &["post", "show", "jiangbin-huanjing"],
    &["matter", "list"],
    &["matter", "show", "jiangbin-wangba"],
    &["matter", "status"],
    &["commit", "list"],
    &["commit", "show", "yangfan"],
];

fn widest(out: &str) -> usize {
    out.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

fn run_with_columns(env: &TestEnv, columns: &str, args: &[&str]) -> Run {
    crate::run({
        let mut c = env.cmd(args);
        c.env("COLUMNS", columns);
        c
    })
}

#[test]
fn every_table_command_fits_80_columns() {
    let env = TestEnv::example("qingxi");
    for args in TABLE_COMMANDS {
        let r = run_with_columns(&env, "80", args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(
            r.stdout.contains('┆') || args[0] == "org",
            "{args:?} printed no table"
        );
        let line = r.stdout.lines().find(|l| UnicodeWidthStr::width(*l) > 80);
        assert!(
            line.is_none(),
            "{args:?}: {line:?} is wider than 80 columns"
        );
    }
}

#[test]
fn long_cells_wrap_within_their_column_and_keep_the_text() {
    let env = TestEnv::example("qingxi");
    let wide = env.run(&["report", "board"]);
    assert!(widest(&wide.stdout) > 200, "without a width nothing wraps");
    let narrow = run_with_columns(&env, "80", &["report", "board"]);
    assert!(widest(&narrow.stdout) <= 80);
    // Every table line is a whole row of the frame: it starts and ends with a border.
    for line in narrow.stdout.lines().filter(|l| l.starts_with('│')) {
        assert!(line.ends_with('│'), "{line:?}");
    }
    // The names are all still there, each on a line of its own cell.
    for name in ["杨帆", "林伟", "蔡永福"] {
        assert!(narrow.stdout.contains(&format!("│ {name} ")), "{name}");
    }
}

#[test]
fn the_width_flag_overrides_columns() {
    let env = TestEnv::example("qingxi");
    let r = run_with_columns(&env, "80", &["--width", "120", "review", "quarterly"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let w = widest(&r.stdout);
    assert!(w <= 120 && w > 80, "{w}");
    let r = env.run(&["report", "ledger", "--width", "60"]);
    assert!(widest(&r.stdout) <= 60, "{}", r.stdout);
    let bad = env.run(&["report", "ledger", "--width", "5"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn files_are_not_wrapped() {
    let env = TestEnv::example("qingxi");
    let r = run_with_columns(&env, "80", &["report", "board", "-o", "board.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(widest(&env.read("board.txt")) > 200);
}
