//! Output safety and robustness (issue 16): `-o` never replaces what it must not, record values
//! cannot drive the terminal, broken record files are named where they are needed, `-q`, closed
//! pipes, GitHub paths from the repository root, and the default year of annual results.

use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::process::Stdio;

use std::process::Command;

use crate::{Run, TestEnv, run};

/// `dangjian --lang en ARGS` in `env`.
fn cmd_en(env: &TestEnv, args: &[&str]) -> Command {
    let mut c = env.cmd(&["--lang", "en"]);
    c.args(args);
    c
}

fn en(env: &TestEnv, args: &[&str]) -> Run {
    run(cmd_en(env, args))
}

/// The board as CSV on stdout: what every `-o` test must find in its target.
fn board_csv(env: &TestEnv) -> String {
    let r = en(env, &["report", "board", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.len() > 100, "{}", r.stdout);
    r.stdout
}

#[test]
fn output_writes_through_a_symbolic_link() {
    let env = TestEnv::example("qingxi");
    let want = board_csv(&env);
    env.write("out/real.csv", "old\n");
    std::os::unix::fs::symlink("out/real.csv", env.path("link.csv")).unwrap();
    let r = en(
        &env,
        &["report", "board", "--format", "csv", "-o", "link.csv"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let meta = std::fs::symlink_metadata(env.path("link.csv")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(env.read("out/real.csv"), want);
    // No temporary file is left beside the target or the link.
    let leftovers: Vec<_> = std::fs::read_dir(env.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["real.csv"]);
}

#[test]
fn output_writes_a_fifo_in_place() {
    let env = TestEnv::example("qingxi");
    let want = board_csv(&env);
    let fifo = env.path("board.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let r = en(
        &env,
        &["report", "board", "--format", "csv", "-o", "board.fifo"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Checked before joining the reader, which would wait forever for a replaced FIFO.
    let meta = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(meta.file_type().is_fifo(), "the FIFO was replaced");
    assert_eq!(reader.join().unwrap(), want);
}

#[test]
fn output_to_dev_stdout_writes_stdout_and_keeps_the_device_link() {
    let env = TestEnv::example("qingxi");
    let want = board_csv(&env);
    let before = std::fs::symlink_metadata("/dev/stdout").map(|m| m.file_type().is_symlink());
    let r = en(
        &env,
        &["report", "board", "--format", "csv", "-o", "/dev/stdout"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, want);
    let after = std::fs::symlink_metadata("/dev/stdout").map(|m| m.file_type().is_symlink());
    assert_eq!(before.ok(), after.ok(), "/dev/stdout changed");
    // Redirected to a file with `>>`, the output is appended, not written over the start.
    let log = env.path("log.txt");
    std::fs::write(&log, "first line\n").unwrap();
    let file = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    let mut c = cmd_en(
        &env,
        &["report", "board", "--format", "csv", "-o", "/dev/stdout"],
    );
    c.stdout(file);
    let r = run(c);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(env.read("log.txt"), format!("first line\n{want}"));
}

#[test]
fn output_refuses_a_record_of_the_workspace() {
    let env = TestEnv::example("qingxi");
    let record = env.read("orgs/jiangbin.toml");
    let settings = env.read("dangjian.toml");
    std::os::unix::fs::symlink("orgs/jiangbin.toml", env.path("sneaky.csv")).unwrap();
    for target in [
        "orgs/jiangbin.toml",
        "./orgs/../orgs/jiangbin.toml",
        "dangjian.toml",
        "sneaky.csv",
        "members/new-one.toml",
    ] {
        let r = en(&env, &["report", "board", "--format", "csv", "-o", target]);
        assert_eq!(r.code, 2, "{target}: {}", r.stderr);
        assert!(
            r.stderr.contains("is a record of the workspace") && r.stderr.contains("help: "),
            "{target}: {}",
            r.stderr
        );
    }
    assert_eq!(env.read("orgs/jiangbin.toml"), record);
    assert_eq!(env.read("dangjian.toml"), settings);
    assert!(!env.path("members/new-one.toml").exists());
    // The same refusal in the workspace language.
    let r = env.run(&[
        "--lang",
        "zh-CN",
        "review",
        "quarterly",
        "--format",
        "csv",
        "-o",
        "orgs/jiangbin.toml",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("拒绝写入"), "{}", r.stderr);
    // A `.toml` file elsewhere is not a record: a report may be written there.
    let r = en(
        &env,
        &["report", "board", "--format", "csv", "-o", "out/board.toml"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(env.read("out/board.toml"), board_csv(&env));
}

#[test]
fn output_refuses_a_folder() {
    let env = TestEnv::example("qingxi");
    let r = en(&env, &["report", "board", "--format", "csv", "-o", "orgs"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("it is a folder"), "{}", r.stderr);
    assert!(env.path("orgs/jiangbin.toml").is_file());
}

/// The example with escape sequences and line breaks planted in names and a status.
fn hostile() -> TestEnv {
    let env = TestEnv::example("qingxi");
    let name = |rel: &str| {
        let text = env.read(rel);
        env.write(
            rel,
            &text.replacen("name = \"", "name = \"\\u001b[2J\\u001b]0;pwned\\u0007", 1),
        );
    };
    name("members/caoli.toml");
    name("orgs/xinqiao-2.toml");
    name("members/yangfan.toml");
    name("posts/jiangbin-huanjing.toml");
    env
}

#[test]
fn record_values_cannot_drive_the_terminal() {
    let env = hostile();
    for args in [
        &["org", "tree"][..],
        &["org", "list"],
        &["org", "show", "xinqiao-2"],
        &["member", "list"],
        &["member", "show", "caoli"],
        &["post", "list"],
        &["report", "board"],
        &["report", "board", "--format", "md"],
        &["review", "quarterly"],
        &["review", "quarterly", "--explain", "caoli"],
        &["post", "show", "jiangbin-huanjing"],
        &[
            "post",
            "log",
            "jiangbin-huanjing",
            "yangfan",
            "--text",
            "巡查",
        ],
        &["post", "end", "jiangbin-huanjing", "caoli"],
    ] {
        for color in ["never", "always"] {
            let mut full = vec!["--color", color];
            full.extend_from_slice(args);
            let r = en(&env, &full);
            // `post end` of a member who holds no post is refused: the refusal is checked too.
            let want = if args[1] == "end" { 1 } else { 0 };
            assert_eq!(r.code, want, "{args:?}: {}", r.stderr);
            for raw in ["\x1b[2J", "\x1b]0;", "\x07"] {
                assert!(
                    !r.stdout.contains(raw) && !r.stderr.contains(raw),
                    "{args:?} --color {color} printed {raw:?} raw:\n{}",
                    r.stdout
                );
            }
        }
    }
    // The tree shows the name escaped, visibly.
    let r = en(&env, &["org", "tree"]);
    assert!(r.stdout.contains("\\u{1b}[2J"), "{}", r.stdout);
}

#[test]
fn messages_keep_every_line_and_escape_values() {
    let env = TestEnv::example("qingxi");
    let text = env.read("members/caoli.toml").replace(
        "status = \"probationary\"",
        "status = \"x\\u001b[2Jy\\nnext\"",
    );
    env.write("members/caoli.toml", &text);
    let r = en(&env, &["--color", "always", "check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!r.stdout.contains("\x1b[2J"), "{}", r.stdout);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("record does not fit its kind"))
        .unwrap_or_else(|| panic!("no schema finding:\n{}", r.stdout));
    // The whole message on its line: the value escaped, the expected words after it.
    assert!(
        lines[at].contains("x\\u{1b}[2Jy\\nnext") && lines[at].contains("`full`"),
        "{}",
        lines[at]
    );
    assert!(
        lines[at + 1].contains("--> members/caoli.toml:"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_broken_member_file_is_named_not_missing() {
    let env = TestEnv::example("qingxi");
    env.write("members/caoli.toml", "id = \"caoli\"\nname = \n");
    let r = en(&env, &["member", "show", "caoli"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("members/caoli.toml:2:8 cannot be read: TOML syntax error"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("help: "), "{}", r.stderr);
    assert!(!r.stderr.contains("no member"), "{}", r.stderr);

    for format in ["table", "json", "csv"] {
        let r = en(&env, &["member", "list", "--format", format]);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(
            r.stderr.contains("left out unreadable record files (1)")
                && r.stderr
                    .contains("members/caoli.toml:2:8: TOML syntax error"),
            "{format}: {}",
            r.stderr
        );
        assert!(r.stdout.contains("chenyumei"), "{format}: {}", r.stdout);
        assert!(!r.stdout.contains("caoli"), "{format}: {}", r.stdout);
    }
    let r = en(&env, &["member", "list", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(listed.is_array() || listed.is_object(), "{}", r.stdout);
    // Other listings are complete and succeed.
    let r = en(&env, &["org", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn a_broken_org_file_is_one_error_and_named_by_its_listings() {
    let env = TestEnv::example("qingxi");
    env.write("orgs/jiangbin.toml", "id = \n");
    let r = en(&env, &["check", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["syntax"], "{}", r.stdout);
    for args in [
        &["org", "show", "jiangbin"][..],
        &["member", "list", "--org", "jiangbin"],
        &["matter", "list", "--org", "jiangbin"],
        &["report", "board", "--org", "jiangbin"],
    ] {
        let r = en(&env, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("orgs/jiangbin.toml:1:6 cannot be read"),
            "{args:?}: {}",
            r.stderr
        );
    }
    for args in [&["org", "list"][..], &["org", "tree", "--format", "csv"]] {
        let r = en(&env, args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("orgs/jiangbin.toml"),
            "{args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn one_bom_only_and_control_characters_are_syntax() {
    let env = TestEnv::example("qingxi");
    let member = env.read("members/caoli.toml");
    std::fs::write(
        env.path("members/caoli.toml"),
        format!("\u{feff}\u{feff}{member}"),
    )
    .unwrap();
    std::fs::write(env.path("members/chenyumei.toml"), "\u{0c}\u{0b}\u{1}").unwrap();
    let r = en(&env, &["check", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] != "unknown-reference")
        .map(|d| {
            (
                d["file"].as_str().unwrap().into(),
                d["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        found.contains(&("members/caoli.toml".into(), "syntax".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("members/chenyumei.toml".into(), "syntax".into())),
        "{found:?}"
    );
    assert!(r.stdout.contains("second byte-order mark"), "{}", r.stdout);
    // One BOM stays valid.
    std::fs::write(env.path("members/caoli.toml"), format!("\u{feff}{member}")).unwrap();
    env.remove("members/chenyumei.toml");
    let r = en(&env, &["member", "show", "caoli"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn quiet_check_prints_errors_only() {
    let env = TestEnv::example("qingxi");
    env.write("notes/stray.toml", "a = 1\n");
    let r = en(&env, &["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("stray-file"), "{}", r.stdout);
    let r = en(&env, &["-q", "check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "", "-q printed more than errors");
    let r = en(&env, &["-q", "check", "--format", "github"]);
    assert_eq!(r.stdout, "");
    let text = env
        .read("members/caoli.toml")
        .replace("org = \"xinqiao-2\"", "org = \"xinqiao-22\"");
    env.write("members/caoli.toml", &text);
    let r = en(&env, &["-q", "check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("error[unknown-reference]"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("stray-file"), "{}", r.stdout);
    assert!(!r.stdout.contains("checked"), "{}", r.stdout);
    // With --deny-warnings the warning fails the check, so it is shown.
    let r = en(&env, &["-q", "check", "--deny-warnings"]);
    assert!(r.stdout.contains("stray-file"), "{}", r.stdout);
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let env = TestEnv::example("qingxi");
    for args in [
        &["report", "ledger", "--format", "json"][..],
        &["check", "--format", "json"],
        &["member", "list"],
        &["schema"],
    ] {
        let mut child = env
            .cmd(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the command writes (it reads the workspace first).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn github_annotations_name_files_from_the_repository_root() {
    let env = TestEnv::empty();
    crate::copy_dir(&crate::repo().join("examples/qingxi"), &env.path("party"));
    let text = env
        .read("party/members/caoli.toml")
        .replace("org = \"xinqiao-2\"", "org = \"xinqiao-22\"");
    env.write("party/members/caoli.toml", &text);
    let github = |extra: &[(&str, &str)]| {
        let mut c = cmd_en(&env, &["-C", "party", "check", "--format", "github"]);
        c.env_remove("GITHUB_WORKSPACE");
        for (k, v) in extra {
            c.env(k, v);
        }
        let r = run(c);
        assert_eq!(r.code, 1, "{}", r.stderr);
        r.stdout
    };
    // No repository: paths from the workspace root (unless the temporary folder itself lies in
    // a repository, as with a TMPDIR inside a checkout).
    if !env.root().ancestors().any(|d| d.join(".git").exists()) {
        assert!(github(&[]).contains("::error file=members/caoli.toml,"));
    }
    // GITHUB_WORKSPACE names the repository.
    let root = env.root().to_str().unwrap().to_string();
    let out = github(&[("GITHUB_WORKSPACE", &root)]);
    assert!(
        out.contains("::error file=party/members/caoli.toml,"),
        "{out}"
    );
    // Else the folder holding `.git` above the workspace.
    std::fs::create_dir(env.path(".git")).unwrap();
    let out = github(&[]);
    assert!(
        out.contains("::error file=party/members/caoli.toml,"),
        "{out}"
    );
    // Run from inside the workspace, found upward.
    let mut c = cmd_en(&env, &["check", "--format", "github"]);
    c.current_dir(env.path("party/members"))
        .env_remove("GITHUB_WORKSPACE");
    let r = run(c);
    assert!(
        r.stdout.contains("file=party/members/caoli.toml,"),
        "{}",
        r.stdout
    );
}

#[test]
fn annual_results_default_to_the_same_year() {
    let env = TestEnv::example("qingxi");
    // 2025 has a sheet (2025-Y): both show 2025, without a note.
    let review = en(&env, &["review", "annual", "--format", "json"]);
    assert_eq!(review.code, 0, "{}", review.stderr);
    let v: serde_json::Value = serde_json::from_str(&review.stdout).unwrap();
    assert_eq!(v["year"], 2025, "{}", review.stdout);
    assert!(
        !review.stderr.contains("no evaluation sheet"),
        "{}",
        review.stderr
    );
    let title = en(&env, &["report", "annual", "--format", "md"]);
    assert!(
        title
            .stdout
            .starts_with("# 清溪街道党工委: annual review, 2025"),
        "{}",
        title.stdout
    );
    // Without any 2025 sheet (a workspace in its first year): both show 2026 and say so.
    std::fs::remove_dir_all(env.path("evaluations/2025-Y")).unwrap();
    let review = en(&env, &["review", "annual", "--format", "json"]);
    let report = en(&env, &["report", "annual", "--format", "md"]);
    for r in [&review, &report] {
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stderr
                .contains("no evaluation sheet for 2025; showing the workspace year 2026"),
            "{}",
            r.stderr
        );
    }
    let v: serde_json::Value = serde_json::from_str(&review.stdout).unwrap();
    assert_eq!(v["year"], 2026, "{}", review.stdout);
    assert!(
        report.stdout.contains(": annual review, 2026"),
        "{}",
        report.stdout
    );
    // -q drops the note.
    let r = en(&env, &["-q", "report", "annual", "--format", "csv"]);
    assert_eq!(r.stderr, "");
}

#[test]
fn an_empty_no_color_does_not_turn_colour_off() {
    let env = TestEnv::example("qingxi");
    env.write("notes/stray.toml", "a = 1\n");
    // `script` (util-linux) gives the command a terminal, where `--color auto` decides.
    let on_terminal = |no_color: &str| {
        let line = format!(
            "'{}' -C '{}' --lang en check",
            env!("CARGO_BIN_EXE_dangjian"),
            env.root().display()
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .env("NO_COLOR", no_color)
            .env("DANGJIAN_AS_OF", "2026-11-20")
            .output()
            .expect("`script` from util-linux runs a command on a terminal");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let coloured = on_terminal("");
    assert!(coloured.contains("stray-file"), "{coloured}");
    assert!(coloured.contains("\x1b[1;33m"), "{coloured}");
    let plain = on_terminal("1");
    assert!(plain.contains("stray-file"), "{plain}");
    assert!(!plain.contains('\x1b'), "{plain}");
}
