//! Catalog entries of the commands that add and change organizations, members, posts, scores
//! and decisions (`org new|edit`, `member add|edit|leave`, `post edit|target`, `review
//! score|outcome`): (key, zh-CN, en). A refusal says what is wrong; its help line says what to
//! run.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    (
        "records.refuse.bad-id",
        "“{id}”不是合法的 id（小写字母、数字、- 或 _，以字母或数字开头）",
        "`{id}` is not a valid id (lowercase letters, digits, - or _, starting with a letter or digit)",
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
        "recorded the {year} {kind} of {member}",
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
];
