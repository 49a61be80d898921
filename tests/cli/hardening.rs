//! Bad input must give the right finding, never a panic or a hang. Each case plants one bad file
//! (or folder entry) in a small valid workspace and runs `check --format json` with a time
//! limit; the case names the code it must get. Fuzzer corpora are replayed through the pure
//! loader in `fuzz_corpus_replays_without_panics`.

use std::io::Read;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::{Run, TestEnv};

const BASE: &[(&str, &str)] = &[
    (
        "dangjian.toml",
        "format = 1\nname = \"测试街道党工委\"\nroot = \"root\"\nyear = 2026\nlocale = \"zh-CN\"\nsector = \"community\"\n\n[[role]]\nid = \"resident-unit\"\nname = \"驻区单位协调共建作用\"\n",
    ),
    (
        "orgs/root.toml",
        "id = \"root\"\nname = \"测试街道党工委\"\nkind = \"committee\"\nsector = \"community\"\n",
    ),
    (
        "orgs/b1.toml",
        "id = \"b1\"\nname = \"第一支部\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"root\"\n",
    ),
    (
        "members/m1.toml",
        "id = \"m1\"\nname = \"甲一\"\norg = \"b1\"\nstatus = \"activist\"\noffice = \"none\"\n",
    ),
];

/// What a case must produce: a finding with this code in this file (`None`: no finding at all).
struct Expect {
    code: Option<&'static [&'static str]>,
    file: &'static str,
}

fn base() -> TestEnv {
    let env = TestEnv::empty();
    for (rel, text) in BASE {
        env.write(rel, text);
    }
    env
}

/// Runs `check --format json` with a time limit; a hang or a panic fails the test.
fn check_json(env: &TestEnv, name: &str) -> (Run, serde_json::Value) {
    let mut child = env
        .cmd(&["check", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dangjian");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("case {name}: check did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout,
        stderr,
    };
    assert!(
        !run.stderr.contains("panicked"),
        "case {name}: panic\n{}",
        run.stderr
    );
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "case {name}: bad json ({e}): {}\n{}",
            run.stdout, run.stderr
        )
    });
    (run, json)
}

fn assert_case(name: &str, env: &TestEnv, expect: Expect) {
    let (run, json) = check_json(env, name);
    let diags = json["diagnostics"].as_array().expect("diagnostics array");
    match expect.code {
        None => {
            assert!(
                diags.is_empty(),
                "case {name}: expected no finding, got {diags:#?}"
            );
            assert_eq!(run.code, 0, "case {name}");
        }
        Some(codes) => {
            let hit = diags.iter().find(|d| {
                codes.contains(&d["code"].as_str().unwrap_or(""))
                    && d["file"].as_str() == Some(expect.file)
            });
            let hit = hit.unwrap_or_else(|| {
                panic!(
                    "case {name}: expected {codes:?} in {}, got {diags:#?}",
                    expect.file
                )
            });
            assert!(
                hit["line"].as_u64().unwrap_or(0) >= 1,
                "case {name}: no line"
            );
            assert!(
                !hit["message"].as_str().unwrap_or("").is_empty(),
                "case {name}: no message"
            );
            let is_error = hit["severity"] == "error";
            assert_eq!(
                run.code,
                if is_error { 1 } else { run.code },
                "case {name}: exit code"
            );
            if is_error {
                assert_eq!(run.code, 1, "case {name}: an error must exit 1");
            }
        }
    }
}

fn expect(codes: &'static [&'static str], file: &'static str) -> Expect {
    Expect {
        code: Some(codes),
        file,
    }
}

const MEMBER: &str = "members/m2.toml";
const SYNTAX: &[&str] = &["syntax"];
const SCHEMA: &[&str] = &["schema"];
const SYNTAX_OR_SCHEMA: &[&str] = &["syntax", "schema"];
const ENCODING: &[&str] = &["encoding"];
const UNKNOWN_REF: &[&str] = &["unknown-reference"];

fn member_text(extra: &str) -> String {
    format!(
        "id = \"m2\"\nname = \"乙二\"\norg = \"b1\"\nstatus = \"activist\"\noffice = \"none\"\n{extra}"
    )
}

/// A text case: name, file, content, expected codes (`None`: no finding).
type Case = (
    &'static str,
    &'static str,
    Vec<u8>,
    Option<&'static [&'static str]>,
);

fn text_cases() -> Vec<Case> {
    let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    let gb18030 = |s: &str| encoding_rs::GB18030.encode(s).0.into_owned();
    let utf16 = |s: &str, be: bool| {
        let mut v = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in s.encode_utf16() {
            v.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        v
    };
    let m = member_text("");
    let deep_arrays = format!(
        "id = \"m2\"\nx = {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let deep_tables = format!(
        "id = \"m2\"\nx = {}1{}\n",
        "{a = ".repeat(10_000),
        "}".repeat(10_000)
    );
    vec![
        ("gbk member", MEMBER, gbk(&m), Some(ENCODING)),
        ("gb18030 member", MEMBER, gb18030(&m), Some(ENCODING)),
        ("utf-16le", MEMBER, utf16(&m, false), Some(ENCODING)),
        ("utf-16be", MEMBER, utf16(&m, true), Some(ENCODING)),
        ("invalid utf-8 in the middle", MEMBER, [m.as_bytes(), b"# \xC3\x28\n"].concat(), Some(ENCODING)),
        ("random binary", MEMBER, (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(), Some(&["encoding", "syntax"])),
        ("bom and crlf are valid", MEMBER, [b"\xEF\xBB\xBF".as_slice(), m.replace('\n', "\r\n").as_bytes()].concat(), None),
        ("full-width equals", MEMBER, m.replacen("name =", "name ＝", 1).into_bytes(), Some(SYNTAX)),
        ("full-width quotes", MEMBER, m.replacen("\"乙二\"", "“乙二”", 1).into_bytes(), Some(SYNTAX)),
        ("full-width comma", "posts/p1.toml", "id = \"p1\"\nname = \"岗\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"甲\"， \"乙\"]\n".as_bytes().to_vec(), Some(SYNTAX)),
        ("full-width brackets", "posts/p1.toml", "id = \"p1\"\nname = \"岗\"\norg = \"b1\"\nkind = \"standing\"\nduties = ［\"甲\"］\n".as_bytes().to_vec(), Some(SYNTAX)),
        ("truncated string", MEMBER, m.as_bytes()[..m.len() - 8].to_vec(), Some(SYNTAX_OR_SCHEMA)),
        ("truncated mid-key", MEMBER, b"id = \"m2\"\nna".to_vec(), Some(SYNTAX)),
        ("empty file", MEMBER, Vec::new(), Some(&["empty-file"])),
        ("whitespace only", MEMBER, b" \n\n\t\n".to_vec(), Some(&["empty-file"])),
        ("only comments", MEMBER, "# 待填写\n".as_bytes().to_vec(), Some(SCHEMA)),
        ("10000-deep arrays", MEMBER, deep_arrays.into_bytes(), Some(SYNTAX_OR_SCHEMA)),
        ("10000-deep inline tables", MEMBER, deep_tables.into_bytes(), Some(SYNTAX_OR_SCHEMA)),
        ("nan", "posts/p1.toml", b"id = \"p1\"\nname = \"x\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"a\"]\n[[target]]\ntext = \"t\"\nvalue = nan\n".to_vec(), Some(SCHEMA)),
        ("inf", "posts/p1.toml", b"id = \"p1\"\nname = \"x\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"a\"]\n[[target]]\ntext = \"t\"\nvalue = inf\n".to_vec(), Some(SCHEMA)),
        ("-inf", "posts/p1.toml", b"id = \"p1\"\nname = \"x\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"a\"]\n[[target]]\ntext = \"t\"\nvalue = -inf\n".to_vec(), Some(SCHEMA)),
        ("february 30", MEMBER, member_text("joined = 2026-02-30\n").into_bytes(), Some(SYNTAX_OR_SCHEMA)),
        ("month 13", MEMBER, member_text("joined = 2026-13-01\n").into_bytes(), Some(SYNTAX_OR_SCHEMA)),
        ("date-time where a date belongs", MEMBER, member_text("joined = 2026-01-01T08:00:00\n").into_bytes(), Some(SCHEMA)),
        ("date as a string", MEMBER, member_text("joined = \"2026年1月1日\"\n").into_bytes(), Some(SCHEMA)),
        ("duplicate keys", MEMBER, member_text("name = \"再写一次\"\n").into_bytes(), Some(SYNTAX)),
        ("unknown key with typo", MEMBER, member_text("lives_im = \"b1\"\n").into_bytes(), Some(SCHEMA)),
        ("wrong type", "posts/p1.toml", b"id = \"p1\"\nname = \"x\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"a\"]\ncapacity = \"three\"\n".to_vec(), Some(SCHEMA)),
        ("negative capacity", "posts/p1.toml", b"id = \"p1\"\nname = \"x\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"a\"]\ncapacity = -1\n".to_vec(), Some(SCHEMA)),
        ("integer overflow", "posts/p1.toml", b"id = \"p1\"\nname = \"x\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"a\"]\ncapacity = 99999999999999999999\n".to_vec(), Some(SYNTAX_OR_SCHEMA)),
        ("missing required key", MEMBER, b"id = \"m2\"\norg = \"b1\"\nstatus = \"full\"\noffice = \"none\"\n".to_vec(), Some(SCHEMA)),
        ("unknown enum word", MEMBER, m.replacen("\"activist\"", "\"member\"", 1).into_bytes(), Some(SCHEMA)),
        ("nul byte in a string", MEMBER, [b"id = \"m2\"\nname = \"a".as_slice(), b"\0", b"b\"\n"].concat(), Some(SYNTAX)),
        ("id with ../", MEMBER, m.replacen("\"m2\"", "\"../m2\"", 1).into_bytes(), Some(&["invalid-id"])),
        ("id with capitals", MEMBER, m.replacen("\"m2\"", "\"M2\"", 1).into_bytes(), Some(&["invalid-id"])),
        ("id differs from the file name", MEMBER, m.replacen("\"m2\"", "\"m3\"", 1).into_bytes(), Some(&["id-mismatch"])),
        ("stray toml file", "notes.toml", b"a = 1\n".to_vec(), Some(&["stray-file"])),
        ("member in an unknown org", MEMBER, m.replacen("\"b1\"", "\"b9\"", 1).into_bytes(), Some(UNKNOWN_REF)),
        ("org with an unknown parent", "orgs/b2.toml", b"id = \"b2\"\nname = \"x\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"nowhere\"\n".to_vec(), Some(&["unknown-reference", "missing-parent"])),
        ("org with an unknown role", "orgs/b2.toml", b"id = \"b2\"\nname = \"x\"\nkind = \"partner\"\nsector = \"community\"\nparent = \"root\"\nrole = \"no-such-role\"\n".to_vec(), Some(UNKNOWN_REF)),
        ("post holder unknown", "posts/p1.toml", b"id = \"p1\"\nname = \"x\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"a\"]\n[[holder]]\nmember = \"ghost\"\nclaimed = 2026-01-10\n".to_vec(), Some(UNKNOWN_REF)),
        ("matter progress for an unknown task", "matters/2026/x.toml", b"id = \"x\"\nname = \"x\"\norg = \"b1\"\nyear = 2026\nstep = \"consult\"\n[[progress]]\ntask = \"t9\"\ndate = 2026-03-01\nvalue = 1\n".to_vec(), Some(UNKNOWN_REF)),
        ("letter of an unknown committer", "commitments/2026-H1/ghost.toml", b"committer = \"ghost\"\nhalf = \"2026-H1\"\n".to_vec(), Some(UNKNOWN_REF)),
        ("score row for an unknown member", "evaluations/2026-Q1/b1.toml", b"org = \"b1\"\nperiod = \"2026-Q1\"\ndate = 2026-04-05\n[[score]]\nmember = \"ghost\"\nself = 90\n".to_vec(), Some(UNKNOWN_REF)),
        ("letter in the wrong half folder", "commitments/2026-H2/m1.toml", b"committer = \"m1\"\nhalf = \"2026-H1\"\n".to_vec(), Some(&["period-mismatch"])),
        ("sheet in the wrong period folder", "evaluations/2026-Q2/b1.toml", b"org = \"b1\"\nperiod = \"2026-Q1\"\ndate = 2026-04-05\n".to_vec(), Some(&["period-mismatch"])),
        ("matter in the wrong year folder", "matters/2025/x.toml", b"id = \"x\"\nname = \"x\"\norg = \"b1\"\nyear = 2026\nstep = \"consult\"\n".to_vec(), Some(&["period-mismatch"])),
        ("a member and an org share an id", "members/b1.toml", b"id = \"b1\"\nname = \"x\"\norg = \"b1\"\nstatus = \"full\"\noffice = \"none\"\n".to_vec(), Some(&["duplicate-id"])),
        ("phone number outside [private]", MEMBER, member_text("[extra]\nnote = \"电话 13812345678\"\n").into_bytes(), Some(&["exposed-private"])),
        ("id-card number in a log entry", "posts/p1.toml", "id = \"p1\"\nname = \"x\"\norg = \"b1\"\nkind = \"standing\"\nduties = [\"登记 11010519491231002X\"]\n".as_bytes().to_vec(), Some(&["exposed-private"])),
        ("phone number inside [private] is fine", MEMBER, member_text("[private]\nphone = \"13812345678\"\n").into_bytes(), None),
        ("parent cycle", "orgs/b1.toml", b"id = \"b1\"\nname = \"x\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"b2\"\n".to_vec(), None),
    ]
}

#[test]
fn bad_input_corpus() {
    let cases = text_cases();
    assert!(cases.len() >= 40, "the corpus holds {} cases", cases.len());
    for (name, rel, bytes, codes) in cases {
        let env = base();
        if name == "parent cycle" {
            // b1 → b2 → b1: both files are part of the case.
            env.write("orgs/b2.toml", "id = \"b2\"\nname = \"y\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"b1\"\n");
            std::fs::write(env.path(rel), &bytes).unwrap();
            assert_case(
                name,
                &env,
                Expect {
                    code: Some(&["cycle"]),
                    file: "orgs/b1.toml",
                },
            );
            continue;
        }
        let path = env.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &bytes).unwrap();
        assert_case(
            name,
            &env,
            Expect {
                code: codes,
                file: rel,
            },
        );
    }
}

#[test]
fn a_50_mb_file_is_refused_quickly() {
    let env = base();
    let mut text = member_text("");
    text.push_str("# ");
    text.push_str(&"很长的注释".repeat(50 * 1024 * 1024 / 15));
    text.push('\n');
    env.write(MEMBER, &text);
    assert_case("50 MB file", &env, expect(&["too-large"], MEMBER));
}

#[cfg(unix)]
#[test]
fn special_files_give_findings_not_hangs() {
    use std::os::unix::fs::symlink;
    // A symlink pointing at itself, a dangling symlink, a FIFO named like a record (reading it
    // would block forever), and a folder named like a record (ignored).
    let env = base();
    symlink("m9.toml", env.path("members/m9.toml")).unwrap();
    assert_case(
        "symlink loop",
        &env,
        expect(&["unreadable"], "members/m9.toml"),
    );

    let env = base();
    symlink("nowhere.toml", env.path("members/m9.toml")).unwrap();
    assert_case(
        "dangling symlink",
        &env,
        expect(&["unreadable"], "members/m9.toml"),
    );

    let env = base();
    let fifo = env.path("members/m9.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    assert_case("fifo", &env, expect(&["unreadable"], "members/m9.toml"));

    let env = base();
    std::fs::create_dir_all(env.path("members/m9.toml")).unwrap();
    assert_case(
        "folder named like a record",
        &env,
        Expect {
            code: None,
            file: "",
        },
    );

    let env = base();
    symlink("..", env.path("members/loop")).unwrap();
    assert_case(
        "folder symlink loop",
        &env,
        Expect {
            code: None,
            file: "",
        },
    );
}

#[cfg(target_os = "linux")]
#[test]
fn non_utf8_file_names_are_reported() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let env = base();
    let name = OsStr::from_bytes(b"\xff\xfe.toml");
    std::fs::write(env.path("members").join(name), member_text("")).unwrap();
    let (run, json) = check_json(&env, "non-utf8 name");
    let diags = json["diagnostics"].as_array().unwrap();
    assert!(diags.iter().any(|d| d["code"] == "file-name"), "{diags:#?}");
    assert_eq!(run.code, 1);
}

#[test]
fn the_base_workspace_is_clean() {
    assert_case(
        "base",
        &base(),
        Expect {
            code: None,
            file: "",
        },
    );
}

/// Every input the fuzzers kept (fuzz/corpus/*) goes through the pure loader without a panic.
#[test]
fn fuzz_corpus_replays_without_panics() {
    let dir = crate::repo().join("fuzz").join("corpus");
    let mut count = 0;
    for entry in walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        // (A running fuzzer may remove a file between listing and reading.)
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        dangjian::fuzzing::record(&bytes);
        dangjian::fuzzing::workspace(&bytes);
        count += 1;
    }
    assert!(
        count > 0 || !dir.exists(),
        "fuzz corpus folder exists but is empty"
    );
}

/// No `[private]` value leaves the workspace: plant one in every kind of record of a copy of the
/// example, then run every reading command in every format and search all of the output.
#[test]
fn private_values_appear_in_no_output() {
    let env = TestEnv::example("qingxi");
    const SECRET: &str = "PRIVATE-13912345678";
    let mut planted = 0;
    for entry in walkdir::WalkDir::new(env.root())
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml")
            || path.ends_with(".taplo.toml")
        {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        if text.contains("[private]") {
            let text = text.replacen(
                "[private]\n",
                &format!("[private]\nsecret = \"{SECRET}\"\n"),
                1,
            );
            std::fs::write(path, text).unwrap();
        } else {
            std::fs::write(path, format!("{text}\n[private]\nsecret = \"{SECRET}\"\n")).unwrap();
        }
        planted += 1;
    }
    assert!(planted > 100, "planted in {planted} files");
    let check = env.run(&["check", "--format", "json"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);

    let mut commands: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["check", "--format", "github"],
        vec!["org", "list"],
        vec!["org", "tree"],
        vec!["org", "show", "jiangbin"],
        vec!["member", "list"],
        vec!["member", "show", "yangfan"],
        vec!["post", "list"],
        vec!["post", "show", "jiangbin-pingan"],
        vec!["matter", "list"],
        vec!["matter", "status"],
        vec!["commit", "list", "--half", "2026-H1"],
        vec!["review", "quarterly"],
        vec!["review", "half"],
        vec!["review", "annual", "--year", "2026"],
        vec!["review", "quarterly", "--explain", "yangfan"],
    ];
    let formats = ["table", "json", "csv"];
    let mut with_formats = Vec::new();
    for c in &commands {
        if c[0] != "check" && !c.contains(&"--explain") {
            for f in formats {
                let mut v = c.clone();
                v.extend(["--format", f]);
                with_formats.push(v);
            }
        }
    }
    commands.extend(with_formats);
    for report in ["board", "ledger", "review", "annual", "roles", "matters"] {
        for f in ["table", "md", "csv", "json", "yaml", "html"] {
            commands.push(vec!["report", report, "--format", f]);
        }
    }
    for f in ["table", "json", "html"] {
        commands.push(vec![
            "report", "progress", "--month", "2026-10", "--format", f,
        ]);
    }
    for args in &commands {
        let r = env.run(args);
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
        assert!(
            !r.stdout.contains(SECRET) && !r.stderr.contains(SECRET),
            "{args:?} printed a private value"
        );
        assert!(
            !r.stdout.contains("13501313757"),
            "{args:?} printed a member's phone"
        );
    }
    // And the one command that may show it, does.
    let shown = env.run(&["member", "show", "yangfan", "--private"]);
    assert!(shown.stdout.contains(SECRET), "{}", shown.stdout);
}

/// An absurd `year` in dangjian.toml is an `out-of-range` finding, and no command that derives
/// periods from it panics (the calendar's range ends at ±262,143).
#[test]
fn absurd_years_never_panic() {
    for year in ["999999", "-5", "2147483647"] {
        let env = TestEnv::example("qingxi");
        let settings =
            env.read("dangjian.toml")
                .replacen("year = 2026", &format!("year = {year}"), 1);
        env.write("dangjian.toml", &settings);
        let (run, json) = check_json(&env, year);
        assert_eq!(run.code, 1, "year {year}");
        assert!(
            json["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "out-of-range" && d["file"] == "dangjian.toml"),
            "year {year}: {json:#}"
        );
        for args in [
            &["report", "annual"][..],
            &["report", "roles"],
            &["report", "matters"],
            &["review", "annual"],
            &["matter", "status"],
            &["report", "board"],
        ] {
            let r = env.run(args);
            assert!(
                !r.stderr.contains("panicked"),
                "year {year}, {args:?}: {}",
                r.stderr
            );
        }
    }
    let r = TestEnv::example("qingxi").run(&["report", "annual", "--year", "99999"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}
