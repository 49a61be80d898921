//! Catalog entries of the matter area: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    // Unmet conditions of the six steps (SPEC §5).
    (
        "matter.unmet.too-few-opinions",
        "征求意见不足：已有 {have} 条，至少需要 {need} 条",
        "too few opinions: {have} recorded, at least {need} needed",
    ),
    (
        "matter.unmet.too-few-sources",
        "意见来源不足：已有 {have} 类来源，至少需要 {need} 类",
        "too few opinion sources: {have} distinct sources, at least {need} needed",
    ),
    (
        "matter.unmet.no-meeting",
        "缺少{body}的会议记录",
        "no meeting of the {body} body",
    ),
    (
        "matter.unmet.out-of-order",
        "{body}的会议应在{after}之后召开",
        "the {body} meeting must be dated after the {after} meeting",
    ),
    (
        "matter.unmet.not-quorate",
        "{body}会议不足法定人数：实到 {present} 人，应到 {expected} 人，须超过 {quorum} 的比例",
        "the {body} meeting was not quorate: {present} present of {expected} expected, more than {quorum} of them needed",
    ),
    (
        "matter.unmet.not-passed",
        "{body}会议未通过：赞成 {yes} 票，实到 {present} 人，须超过半数",
        "the {body} meeting did not pass: {yes} yes of {present} present, more than half needed",
    ),
    (
        "matter.unmet.decision-unpublished",
        "{body}会议的决议尚未公开（published）",
        "the decision of the {body} meeting is not published",
    ),
    (
        "matter.unmet.no-tasks",
        "尚未分解任务",
        "no task: decompose the matter into tasks",
    ),
    (
        "matter.unmet.no-responsible",
        "任务 {task} 没有责任组织或责任人",
        "task {task} has no responsible org or member",
    ),
    (
        "matter.unmet.unknown-responsible",
        "任务 {task} 的责任方 {id} 不存在",
        "task {task}: the responsible {id} does not exist",
    ),
    (
        "matter.unmet.no-due",
        "任务 {task} 没有完成时限（due）",
        "task {task} has no due date",
    ),
    (
        "matter.unmet.unsigned",
        "任务 {task} 的责任状尚未签订",
        "task {task} is not signed",
    ),
    (
        "matter.unmet.no-publicity",
        "任务尚未公开承诺（publicity.date）",
        "the tasks are not made public (publicity date)",
    ),
    (
        "matter.unmet.incomplete",
        "任务 {task} 未完成：进度 {value}，目标 {need}",
        "task {task} is incomplete: progress {value} of {need}",
    ),
    (
        "matter.unmet.no-review",
        "尚无考评记录",
        "no review of the matter or its tasks",
    ),
    (
        "matter.unmet.task-unreviewed",
        "任务 {task} 尚未考评",
        "task {task} is not reviewed",
    ),
    (
        "matter.unmet.review-unpublished",
        "第 {n} 条考评（{task}）的结果尚未公开",
        "review {n} ({task}) is not published",
    ),
    ("matter.whole-matter", "整个事项", "the whole matter"),
    (
        "matter.unmet.already-done",
        "事项已完成六步，没有可完成的步骤",
        "the matter is done: no step is left to complete",
    ),
    (
        "matter.unmet.history-mismatch",
        "step 为 {step}，但 history 记载的是 {expected}：请先修正该文件",
        "step is {step} but history says {expected}: fix the file first",
    ),
    (
        "matter.unmet.date-before-history",
        "日期 {date} 早于上一步的完成日期 {previous}",
        "the date {date} is before the previous step was completed ({previous})",
    ),
    // check
    (
        "matter.check.forced",
        "{step}步骤是强制完成的：{reason}",
        "the {step} step was completed with --force: {reason}",
    ),
    (
        "matter.check.stale-progress",
        "任务 {task} 自 {since} 起超过一{every}没有进度记录",
        "task {task} has had no progress entry since {since}, longer than a {every}",
    ),
    (
        "matter.check.stale-progress-help",
        "用 `dangjian matter progress {matter} {task} --value N` 登记进度",
        "record progress with `dangjian matter progress {matter} {task} --value N`",
    ),
];
