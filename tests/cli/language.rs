//! The whole command line in the workspace language (zh-CN here, English with `--lang en`):
//! help, clap's errors and the error prefix.

use crate::TestEnv;

#[test]
fn help_and_usage_errors_speak_the_workspace_language() {
    let env = TestEnv::example("qingxi");
    let help = env.run(&["--help"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    assert!(help.stdout.contains("用法：dangjian"), "{}", help.stdout);
    assert!(
        help.stdout
            .contains("检查所有记录，报告哪里有什么问题、应如何处理"),
        "{}",
        help.stdout
    );
    for english in [
        "Usage:",
        "Print help",
        "Options",
        "[default:",
        "[possible values:",
    ] {
        assert!(!help.stdout.contains(english), "{english}: {}", help.stdout);
    }
    let board = env.run(&["report", "board", "--help"]);
    assert!(
        board.stdout.contains("生成在岗人员公开栏"),
        "{}",
        board.stdout
    );

    let missing = env.run(&["report", "progress"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .starts_with("错误：缺少必需的参数：\n  --month <YYYY-MM>\n"),
        "{}",
        missing.stderr
    );
    assert!(
        missing.stderr.contains("用法：dangjian report progress"),
        "{}",
        missing.stderr
    );
    assert!(
        !missing.stderr.contains("the following"),
        "{}",
        missing.stderr
    );

    let invalid = env.run(&["review", "quarterly", "--format", "表格"]);
    assert_eq!(invalid.code, 2);
    assert!(
        invalid
            .stderr
            .starts_with("错误：'表格' 不是 '--format <FORMAT>' 的有效值"),
        "{}",
        invalid.stderr
    );

    let keyword = env.run(&[
        "commit",
        "item",
        "zhangdeming",
        "--category",
        "学习",
        "--type",
        "service",
        "--text",
        "x",
        "--due",
        "2026-12-31",
    ]);
    assert_eq!(keyword.code, 2);
    assert!(
        keyword.stderr.starts_with(
            "错误：'学习' 不是 '--category <CATEGORY>' 的有效值\n  可选值：`politics` (思想政治)"
        ),
        "{}",
        keyword.stderr
    );
    assert!(
        !keyword.stderr.contains("is not one of"),
        "{}",
        keyword.stderr
    );

    let unknown = env.run(&["report", "bord"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("无法识别的子命令 'bord'"),
        "{}",
        unknown.stderr
    );
    assert!(
        unknown.stderr.contains("'board'"),
        "a suggestion: {}",
        unknown.stderr
    );

    let refused = env.run(&["member", "show", "nosuch"]);
    assert_ne!(refused.code, 0);
    assert!(refused.stderr.starts_with("错误："), "{}", refused.stderr);
}

#[test]
fn english_stays_clap_english() {
    let env = TestEnv::example("qingxi");
    let help = env.run(&["--lang", "en", "--help"]);
    assert!(help.stdout.contains("Usage: dangjian"), "{}", help.stdout);
    assert!(
        help.stdout
            .contains("Check every record and report what is wrong, where, and what to do")
    );
    let missing = env.run(&["--lang=en", "report", "progress"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .starts_with("error: the following required arguments were not provided:"),
        "{}",
        missing.stderr
    );
    let refused = env.run(&["--lang", "en", "member", "show", "nosuch"]);
    assert!(refused.stderr.starts_with("error: "), "{}", refused.stderr);
}

#[test]
fn the_language_comes_from_the_workspace_named_by_c() {
    let env = TestEnv::empty();
    crate::copy_dir(&crate::repo().join("examples/qingxi"), &env.path("ws"));
    let r = env.run(&["-C", "ws", "report", "progress"]);
    assert!(r.stderr.starts_with("错误："), "{}", r.stderr);
    let text = env
        .read("ws/dangjian.toml")
        .replace("locale = \"zh-CN\"", "locale = \"en\"");
    env.write("ws/dangjian.toml", &text);
    let r = env.run(&["-C", "ws", "report", "progress"]);
    assert!(r.stderr.starts_with("error: the following"), "{}", r.stderr);
}

#[test]
fn condition_codes_private_keys_and_init_comments_are_catalog_text() {
    let env = TestEnv::example("qingxi");
    let table = env.run(&["matter", "show", "liuyang-jianshen"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(table.stdout.contains("征求意见太少"), "{}", table.stdout);
    assert!(
        !table.stdout.contains("too-few-opinions"),
        "{}",
        table.stdout
    );
    let json = env.run(&["matter", "show", "liuyang-jianshen", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(crate::rows(&v, "unmet")[0]["condition"], "too-few-opinions");

    let private = env.run(&["member", "show", "zhangdeming", "--private"]);
    assert!(private.stdout.contains("│ 电话 ┆"), "{}", private.stdout);
    let private = env.run(&[
        "member",
        "show",
        "zhangdeming",
        "--private",
        "--format",
        "csv",
    ]);
    assert!(private.stdout.contains("\r\nphone,"), "{}", private.stdout);

    let fresh = TestEnv::empty();
    let r = fresh.run(&[
        "init",
        "ws",
        "--sector",
        "community",
        "--name",
        "测试社区党委",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let settings = fresh.read("ws/dangjian.toml");
    assert!(settings.starts_with("# dangjian 工作区设置"), "{settings}");
    assert!(settings.contains("# 考评：每个键都可省略"), "{settings}");
    assert!(!settings.to_lowercase().contains("seed"), "{settings}");
}

#[test]
fn english_plurals_agree_with_their_number() {
    let env = TestEnv::example("qingxi");
    env.write(
        "members/bad.toml",
        "id = \"bad\"\nname = \"某某\"\norg = \"nosuch\"\nstatus = \"full\"\noffice = \"none\"\n",
    );
    let r = env.run(&["--lang", "en", "check"]);
    assert!(
        r.stdout.contains(": 1 error, "),
        "one error, not one errors: {}",
        r.stdout
    );
    assert!(r.stdout.contains(" files: "), "{}", r.stdout);
}
