//! Catalog entries of the commands that add and change organizations, members, posts, scores
//! and decisions (`org new|edit`, `member add|edit|leave`, `post edit|target`, `review
//! score|outcome`): (key, zh-CN, en). A refusal says what is wrong; its help line says what to
//! run.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    (
        "records.refuse.bad-id",
        "“{id}”不是合法的 id：只能用小写字母、数字、- 和 _，以字母或数字开头，最长 64 个字符",
        "`{id}` is not a valid id: lowercase letters, digits, - and _, starting with a letter or digit, at most 64 characters",
    ),
    (
        "records.refuse.id-taken",
        "id “{id}”已被使用（{file}）",
        "the id `{id}` is already taken ({file})",
    ),
    (
        "records.refuse.id-taken.help",
        "组织和人员共用一套 id，请换一个 id",
        "organizations and people share one set of ids; choose another id",
    ),
    (
        "records.refuse.empty-name",
        "名称不能为空",
        "the name must not be empty",
    ),
    (
        "records.refuse.unknown-role",
        "dangjian.toml 中没有作用“{role}”",
        "dangjian.toml has no role `{role}`",
    ),
    (
        "records.refuse.unknown-role.help",
        "可用的作用 id：{roles}",
        "the role ids are: {roles}",
    ),
    (
        "records.refuse.cycle",
        "不能把 {org} 移到 {parent} 下：{parent} 就是 {org} 本身或其下级组织，会形成循环",
        "cannot move {org} under {parent}: {parent} is {org} itself or below it, which would make a cycle",
    ),
    (
        "records.refuse.cycle.help",
        "选择一个不在其下的上级组织（`dangjian org tree` 显示组织树）",
        "choose a parent that is not below it (`dangjian org tree` prints the tree)",
    ),
    (
        "records.refuse.future-date",
        "{what}的日期 {date} 晚于今天（{as_of}）：不能登记尚未发生的事",
        "the date of {what}, {date}, is after today ({as_of}): what has not happened cannot be recorded",
    ),
    (
        "records.refuse.future-date.help",
        "用 {option} 给出实际日期（不晚于 {as_of}），或用 --as-of 指定今天",
        "give the actual date with {option} (on or before {as_of}), or set today with --as-of",
    ),
    (
        "records.org-created",
        "已添加组织 {name}（{id}），上级组织为 {parent}",
        "added the organization {name} ({id}) under {parent}",
    ),
    (
        "records.org-edited",
        "已修改组织 {name}（{id}）",
        "changed the organization {name} ({id})",
    ),
    ("records.what.joined", "入党", "joining the Party"),
    ("records.what.left", "转出", "leaving"),
    ("records.left-reason", "转出", "left"),
    (
        "records.member-added",
        "已添加 {name}（{id}），组织关系在 {org}",
        "added {name} ({id}) to {org}",
    ),
    (
        "records.member-edited",
        "已修改 {name}（{id}）",
        "changed {name} ({id})",
    ),
    (
        "records.member-left",
        "已登记 {member} 于 {date} 转出",
        "recorded that {member} left on {date}",
    ),
    (
        "records.refuse.already-left",
        "{member} 已于 {date} 转出",
        "{member} already left on {date}",
    ),
    (
        "records.refuse.holds-post",
        "{member} 仍在 {post} 上岗",
        "{member} still holds the post {post}",
    ),
    (
        "records.refuse.holds-post.all",
        "先让其离岗，或加上 --end-posts 在同一天结束其全部岗位",
        "end the posts first, or add --end-posts to end every one on the same date",
    ),
    (
        "records.post-edited",
        "已修改岗位 {post}（{id}）",
        "changed the post {post} ({id})",
    ),
    (
        "records.refuse.capacity-below-holders",
        "人数上限 {capacity} 小于目前已定岗的 {count} 人",
        "a capacity of {capacity} is below the {count} holders confirmed now",
    ),
    (
        "records.refuse.no-entry",
        "没有第 {n} 条（共 {count} 条）",
        "there is no entry {n} (there are {count})",
    ),
    (
        "records.target-added",
        "已为 {post} 添加目标：{text}",
        "added the target to {post}: {text}",
    ),
    (
        "records.target-removed",
        "已删除 {post} 的第 {n} 个目标",
        "removed target {n} of {post}",
    ),
    ("records.col.no", "序号", "no"),
    ("records.what.verified", "复验", "the verification"),
    (
        "records.refuse.no-sheet",
        "还没有评议表 {file}",
        "there is no evaluation sheet {file} yet",
    ),
    (
        "records.score-recorded",
        "已登记 {name} 的 {period} 评分（{file}）",
        "recorded the {period} scores of {name} ({file})",
    ),
    (
        "records.refuse.no-rectification",
        "{member} 在 {year} 年没有待复验的整改",
        "{member} has no rectification of {year} waiting for verification",
    ),
    (
        "records.outcome-verified",
        "已登记 {member} 的整改于 {date} 复验",
        "recorded that the rectification of {member} was verified on {date}",
    ),
    (
        "records.outcome-recorded",
        "已登记 {member} 的 {year} 年{kind}",
        "recorded the {year} outcome of {member}: {kind}",
    ),
    (
        "check.future-date",
        "{key} 的日期 {date} 晚于今天（{as_of}）",
        "{key} is dated {date}, after today ({as_of})",
    ),
    (
        "check.future-date.help",
        "登记的是已经发生的事：改为实际日期；若今天不是 {as_of}，用 --as-of 指定",
        "records are of what has happened: write the actual date; if today is not {as_of}, set it with --as-of",
    ),
    ("records.what.record", "这条记录", "the record"),
    (
        "records.due-other-half.help",
        "该事项属于 {half} 的承诺书：{command}",
        "the item belongs in the letter of {half}: {command}",
    ),
    (
        "records.entry-removed",
        "已删除第 {n} 条（{file}）",
        "removed entry {n} ({file})",
    ),
    ("records.sheet.col.org", "评议组织", "org"),
    ("records.sheet.col.period", "考评期", "period"),
    ("records.sheet.col.kind", "类别", "kind"),
    ("records.sheet.col.id", "编号", "id"),
    ("records.sheet.col.name", "姓名/名称", "name"),
    ("records.sheet.col.self", "自评", "self"),
    ("records.sheet.col.peer", "互评", "peer"),
    ("records.sheet.col.leader", "领导点评", "leader"),
    ("records.sheet.col.masses", "群众评议", "masses"),
    ("records.sheet.col.adjust", "加减分", "adjust"),
    ("records.sheet.col.veto", "一票否决", "veto"),
    ("records.sheet.col.note", "备注", "note"),
    (
        "records.import.no-header",
        "{file} 中找不到表头行（需要“编号 (id)”一列）",
        "{file} has no header row (an `id` column is needed)",
    ),
    (
        "records.import.bad-score",
        "第 {row} 行 {column} 列：“{value}”不是 0 到满分之间的数",
        "row {row}, column {column}: `{value}` is not a number from 0 to the scale",
    ),
    (
        "records.import.bad-ballots",
        "第 {row} 行 {column} 列：“{value}”不是以逗号分隔的 0 到满分之间的分数",
        "row {row}, column {column}: `{value}` is not a comma list of numbers from 0 to the scale",
    ),
    (
        "records.import.bad-adjust",
        "第 {row} 行 {column} 列：“{value}”不是“分值:理由”",
        "row {row}, column {column}: `{value}` is not POINTS:REASON",
    ),
    (
        "records.import.unknown-subject",
        "第 {row} 行 {column} 列：没有编号为“{value}”的党员或组织",
        "row {row}, column {column}: no member or organization has the id `{value}`",
    ),
    (
        "records.import.bad-period",
        "第 {row} 行 {column} 列：“{value}”不是考评期（如 2026-Q1、2026-H1、2026-Y）",
        "row {row}, column {column}: `{value}` is not a period (2026-Q1, 2026-H1, 2026-Y …)",
    ),
    (
        "records.import.no-sheet-of-row",
        "第 {row} 行：没有评议组织或考评期（用 --org 和 --period 给出）",
        "row {row}: no organization or period (give them with --org and --period)",
    ),
    (
        "records.import.missing-sheet",
        "第 {row} 行：还没有评议表 {file}",
        "row {row}: there is no evaluation sheet {file} yet",
    ),
    (
        "records.import.nothing-written",
        "未写入任何文件：请修正以上各处后重新导入",
        "nothing was written: fix the cells above and import again",
    ),
    (
        "records.import.wrote",
        "已导入 {count} 行评分到 {file}",
        "imported {count} rows of scores into {file}",
    ),
    ("records.flag-required", "缺少 {flag}", "{flag} is required"),
    (
        "records.flags-required",
        "缺少 {first} 和 {second}",
        "{first} and {second} are required",
    ),
    (
        "records.progress.value-required",
        "需要 --value 或 --done 之一（或用 --remove N 删除）",
        "one of --value or --done is required (or --remove N)",
    ),
    (
        "records.import.unreadable",
        "无法读取 {file}",
        "cannot read {file}",
    ),
];
