//! Catalog entries of the report area: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    // Command line.
    (
        "report.unknown-extension",
        "无法从文件名 {file} 推断输出格式",
        "cannot tell the output format from the file name {file}",
    ),
    (
        "report.unknown-extension.help",
        "使用 .md、.csv、.json、.yaml、.html、.xlsx 或 .txt 扩展名，或用 --format 指定格式",
        "use a .md, .csv, .json, .yaml, .html, .xlsx or .txt file name, or give --format",
    ),
    (
        "report.binary-terminal",
        "不能把 {format} 格式输出到终端",
        "refusing to write the {format} format to a terminal",
    ),
    (
        "report.binary-terminal.help",
        "用 -o 文件名 写入文件，例如 -o 报表.xlsx",
        "write it to a file with -o FILE, e.g. -o report.xlsx",
    ),
    ("report.warning", "警告", "warning"),
    (
        "report.load-errors",
        "有 {count} 处记录错误，相关记录未计入报表；运行 `dangjian check` 查看",
        "{count} {count|error|errors} in the records; the records concerned are left out of the report; run `dangjian check` to see them",
    ),
    (
        "report.unknown-org",
        "找不到组织 `{org}`",
        "unknown organization `{org}`",
    ),
    (
        "report.unknown-org.help",
        "用组织的 id 或完整名称，运行 `dangjian org list` 查看所有组织",
        "give an organization's id or full name; `dangjian org list` lists them",
    ),
    (
        "report.ambiguous-org",
        "名称 `{org}` 对应多个组织：{ids}",
        "the name `{org}` matches several organizations: {ids}",
    ),
    (
        "report.ambiguous-org.help",
        "改用组织的 id",
        "give the organization's id instead",
    ),
    (
        "report.bad-half",
        "`{value}` 不是半年度",
        "`{value}` is not a half-year",
    ),
    (
        "report.bad-half.help",
        "半年度写作 YYYY-H1 或 YYYY-H2，例如 2026-H1",
        "write a half-year as YYYY-H1 or YYYY-H2, e.g. 2026-H1",
    ),
    (
        "report.bad-status",
        "`{value}` 不是承诺事项的状态",
        "`{value}` is not a commitment item status",
    ),
    (
        "report.bad-status.help",
        "可用的状态：{words}",
        "the statuses are {words}",
    ),
    (
        "report.bad-period",
        "`{value}` 不是考评期",
        "`{value}` is not a review period",
    ),
    (
        "report.bad-period.help",
        "考评期写作 YYYY-Q1…Q4、YYYY-H1、YYYY-H2 或 YYYY-Y，例如 2026-Q3",
        "write a period as YYYY-Q1…Q4, YYYY-H1, YYYY-H2 or YYYY-Y, e.g. 2026-Q3",
    ),
    (
        "report.bad-month",
        "`{value}` 不是月份",
        "`{value}` is not a month",
    ),
    (
        "report.bad-month.help",
        "月份写作 YYYY-MM，例如 2026-03",
        "write a month as YYYY-MM, e.g. 2026-03",
    ),
    // Printed pages.
    (
        "report.page-of",
        "第 {page} 页 / 共 {pages} 页",
        "page {page} of {pages}",
    ),
    (
        "report.xlsx-footer",
        "&C第 &P 页 / 共 &N 页",
        "&CPage &P of &N",
    ),
    ("report.yes", "是", "yes"),
    ("report.no", "否", "no"),
    ("report.group-field", "{label}：{value}", "{label}: {value}"),
    // Names in human formats.
    ("report.name-with-id", "{name}（{id}）", "{name} ({id})"),
    // Periods in titles.
    ("report.period.year", "{year} 年度", "{year}"),
    (
        "report.period.h1",
        "{year} 年上半年",
        "first half of {year}",
    ),
    (
        "report.period.h2",
        "{year} 年下半年",
        "second half of {year}",
    ),
    (
        "report.period.quarter",
        "{year} 年第 {n} 季度",
        "Q{n} {year}",
    ),
    // Meta lines shared by reports.
    ("report.meta.org", "组织", "Organization"),
    ("report.meta.as-of", "截至", "As of"),
    ("report.meta.half", "承诺期", "Commitment half"),
    ("report.meta.period", "考评期", "Review period"),
    ("report.meta.year", "年度", "Year"),
    // Board.
    (
        "report.board.title",
        "党员公开栏（六公开）",
        "Public board (six things made public)",
    ),
    ("report.board.member", "姓名", "Name"),
    ("report.board.post", "岗位", "Post"),
    ("report.board.published", "公示日期", "Published"),
    ("report.board.duties", "岗位职责", "Duties"),
    ("report.board.targets", "目标任务", "Targets"),
    ("report.board.commitments", "承诺事项", "Commitments"),
    ("report.board.progress", "履岗践诺进展", "Progress"),
    ("report.board.score", "评分", "Score"),
    ("report.board.grade", "等次", "Grade"),
    (
        "report.board.outcomes",
        "奖惩情况",
        "Honours and rectification",
    ),
    (
        "report.board.latest-log",
        "{date} 履岗：{text}",
        "{date} on duty: {text}",
    ),
    (
        "report.board.item-progress",
        "承诺{n}：{state}",
        "commitment {n}: {state}",
    ),
    (
        "report.board.item-progress-one",
        "承诺：{state}",
        "commitment: {state}",
    ),
    (
        "report.board.item-value",
        "{value}/{target}{unit}，{status}",
        "{value}/{target} {unit}, {status}",
    ),
    (
        "report.board.honour",
        "{year}年度{title}",
        "{year}: {title}",
    ),
    (
        "report.board.rectify-due",
        "{year}年度限期整改，{due}前完成",
        "{year}: rectify by {due}",
    ),
    (
        "report.board.rectify",
        "{year}年度限期整改",
        "{year}: rectify",
    ),
    (
        "report.board.vetoed",
        "{grade}（一票否决：{reason}）",
        "{grade} (veto: {reason})",
    ),
    (
        "report.board.verified",
        "（{date}已复验）",
        " (verified {date})",
    ),
    // Roles.
    (
        "report.roles.title",
        "{org}{count}方面作用发挥情况",
        "{org}: the {count} {count|role|roles} of its organizations",
    ),
    ("report.roles.summary", "概览", "Overview"),
    (
        "report.roles.detail",
        "组织、任务与岗位",
        "Organizations, tasks and posts",
    ),
    ("report.roles.role", "作用", "Role"),
    ("report.roles.org", "组织", "Organization"),
    ("report.roles.org-count", "组织数", "Organizations"),
    ("report.roles.task-count", "任务数", "Tasks"),
    ("report.roles.post-count", "岗位数", "Posts"),
    ("report.roles.tasks", "承担任务", "Tasks"),
    ("report.roles.posts", "设岗", "Posts"),
    (
        "report.roles.task",
        "{matter}：{task}（完成{percent}%）",
        "{matter}: {task} ({percent}% done)",
    ),
    (
        "report.roles.task-due",
        "{matter}：{task}（完成{percent}%，{due}到期）",
        "{matter}: {task} ({percent}% done, due {due})",
    ),
    (
        "report.roles.post",
        "{post}（在岗{count}人）",
        "{post} ({count} serving)",
    ),
    (
        "report.roles.post-closed",
        "{post}（不在设岗期内）",
        "{post} (outside its window)",
    ),
];
