//! Catalog entries of the command line and the write path: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    (
        "cli.no-settings-in",
        "{dir} 中没有 dangjian.toml\n  = 提示: 用 `dangjian init {dir} --sector <类别> --name <名称>` 在此新建工作区，或让 -C 指向已有的工作区",
        "no dangjian.toml in {dir}\n  = help: create a workspace there with `dangjian init {dir} --sector <sector> --name <name>`, or point -C at an existing one",
    ),
    (
        "cli.no-workspace",
        "在 {dir} 及其上级目录中找不到 dangjian.toml\n  = 提示: 用 `dangjian init <目录> --sector <类别> --name <名称>` 新建工作区，或用 `-C <目录>`（或环境变量 DANGJIAN_WORKSPACE）指定已有的工作区",
        "no dangjian.toml in {dir} or any folder above it\n  = help: create a workspace with `dangjian init <dir> --sector <sector> --name <name>`, or name an existing one with `-C <dir>` (or DANGJIAN_WORKSPACE)",
    ),
    ("cli.error", "错误", "error"),
    ("cli.error-prefix", "错误：", "error: "),
    ("cli.usage", "用法：", "Usage:"),
    ("cli.heading.commands", "命令", "Commands"),
    ("cli.heading.arguments", "参数", "Arguments"),
    ("cli.heading.options", "选项", "Options"),
    (
        "cli.more-help",
        "运行 '--help' 查看更多信息。",
        "For more information, try '--help'.",
    ),
    (
        "cli.clap.missing-required",
        "缺少必需的参数：",
        "the following required arguments were not provided:",
    ),
    (
        "cli.clap.invalid-value",
        "'{value}' 不是 '{arg}' 的有效值",
        "invalid value '{value}' for '{arg}'",
    ),
    ("cli.note.env", "环境变量：{name}", "env: {name}"),
    ("cli.note.default", "默认：{value}", "default: {value}"),
    (
        "cli.clap.possible-values",
        "可选值：{values}",
        "possible values: {values}",
    ),
    (
        "cli.clap.did-you-mean",
        "你是否想用 '{value}'？",
        "a similar value exists: '{value}'",
    ),
    (
        "cli.clap.unknown-argument",
        "无法识别的参数 '{arg}'",
        "unexpected argument '{arg}' found",
    ),
    (
        "cli.clap.unknown-command",
        "无法识别的子命令 '{command}'",
        "unrecognized subcommand '{command}'",
    ),
    (
        "cli.clap.missing-command",
        "'{command}' 需要一个子命令",
        "'{command}' requires a subcommand but one was not provided",
    ),
    (
        "cli.clap.conflict",
        "参数 '{arg}' 不能与 '{other}' 同时使用",
        "the argument '{arg}' cannot be used with '{other}'",
    ),
    (
        "cli.clap.value-needed",
        "参数 '{arg}' 需要一个值，但没有给出",
        "a value is required for '{arg}' but none was supplied",
    ),
    (
        "cli.clap.too-many",
        "参数 '{arg}' 的值太多：'{value}'",
        "unexpected value '{value}' for '{arg}' found; no more were expected",
    ),
    (
        "cli.clap.other",
        "命令行参数有误：{detail}",
        "invalid arguments: {detail}",
    ),
    ("cli.help", "提示", "help"),
    ("cli.refused", "操作被拒绝", "refused"),
    (
        "write.waiting-for-lock",
        "另一个 dangjian 命令正在写入，等待其完成…",
        "another dangjian command is writing; waiting for it to finish…",
    ),
    ("write.wrote", "已写入 {file}", "wrote {file}"),
    ("write.unchanged", "{file} 没有变化", "{file} is unchanged"),
    (
        "write.invalid",
        "修改后的 {file} 无法通过检查，未写入",
        "the edited {file} would fail check; nothing was written",
    ),
    ("diag.error", "错误", "error"),
    ("diag.warning", "警告", "warning"),
    ("diag.info", "提示", "info"),
    (
        "check.summary",
        "检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示",
        "checked {files} {files|file|files}: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|note|notes}",
    ),
    ("resolve.member", "党员", "member"),
    ("resolve.post", "岗位", "post"),
    ("resolve.org", "组织", "organization"),
    ("resolve.subject", "考评对象", "subject"),
    (
        "resolve.unknown",
        "找不到{kind}“{name}”（按 id 或名称查找）",
        "no {kind} has the id or name `{name}`",
    ),
    (
        "resolve.did-you-mean",
        "是不是“{name}”？",
        "did you mean `{name}`?",
    ),
    (
        "resolve.list",
        "用 `{command}` 列出全部",
        "`{command}` lists them all",
    ),
    (
        "resolve.ambiguous",
        "有多个{kind}名为“{name}”，请改用 id：{candidates}",
        "more than one {kind} is named `{name}`; use an id: {candidates}",
    ),
];
