//! Catalog entries of `check` and the loader: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    (
        "check.unknown-code",
        "[check] 中的“{code}”不是诊断代码，这一项不起作用",
        "`{code}` in [check] is not a diagnostic code, so it does nothing",
    ),
    (
        "check.unknown-code.did-you-mean",
        "是不是“{code}”？",
        "did you mean `{code}`?",
    ),
    (
        "check.unknown-code.help",
        "README 的诊断代码表列出了全部代码",
        "the README's table of diagnostic codes lists them all",
    ),
    (
        "check.encoding",
        "文件不是 UTF-8 编码（看起来是 {encoding}）",
        "file is not UTF-8 (it looks like {encoding})",
    ),
    (
        "check.encoding.help",
        "转换为 UTF-8：iconv -f {encoding} -t UTF-8 {file} -o {file}.utf8 && mv {file}.utf8 {file}；{hint}",
        "convert it to UTF-8: iconv -f {encoding} -t UTF-8 {file} -o {file}.utf8 && mv {file}.utf8 {file}; {hint}",
    ),
    (
        "check.encoding.editor",
        "或在编辑器中“另存为 UTF-8”",
        "or use \"Save as UTF-8\" in your editor",
    ),
    (
        "check.syntax",
        "TOML 语法错误：{message}",
        "TOML syntax error: {message}",
    ),
    (
        "check.syntax.help",
        "检查这一行的引号、等号和括号是否成对、是否为半角字符",
        "check the quotes, equals signs and brackets on this line",
    ),
    (
        "check.syntax.full-width",
        "这里是全角字符“{char}”，TOML 语法需要半角的 `{ascii}`，请改用英文输入法输入",
        "`{char}` is a full-width character; TOML syntax needs the ASCII `{ascii}` here",
    ),
    (
        "check.schema",
        "记录格式不符：{message}",
        "record does not fit its kind: {message}",
    ),
    (
        "check.schema.unknown-key",
        "未知的键 `{key}`",
        "unknown key `{key}`",
    ),
    (
        "check.schema.did-you-mean",
        "是否想写 `{key}`？自由填写的内容请放在 [extra] 表中",
        "did you mean `{key}`? free-form data belongs in an [extra] table",
    ),
    (
        "check.schema.allowed-keys",
        "可用的键：{keys}；自由填写的内容请放在 [extra] 表中",
        "allowed keys: {keys}; free-form data belongs in an [extra] table",
    ),
    (
        "check.unreadable",
        "无法读取文件：{error}",
        "cannot read the file: {error}",
    ),
    (
        "check.unreadable.help",
        "检查文件权限；符号链接、管道或设备文件请换成普通文件",
        "check the file's permissions; replace a symbolic link, pipe or device with a regular file",
    ),
    (
        "check.file-name",
        "文件名不是有效的 UTF-8",
        "the file name is not valid UTF-8",
    ),
    (
        "check.file-name.help",
        "请将文件重命名为记录的 id（小写字母、数字、- 和 _）",
        "rename the file to the record's id (lowercase letters, digits, - and _)",
    ),
    (
        "check.stray-file",
        "该 .toml 文件不在工作区的任何记录目录中，已忽略",
        "this .toml file is outside the workspace layout and was ignored",
    ),
    (
        "check.stray-file.help",
        "记录应放在 orgs/、members/、posts/、matters/<年>/、commitments/<年>-H<n>/ 或 evaluations/<期间>/ 中",
        "records belong in orgs/, members/, posts/, matters/<year>/, commitments/<year>-H<n>/ or evaluations/<period>/",
    ),
    (
        "check.too-large",
        "文件过大（{size} 字节，上限 {max} 字节）",
        "file is too large ({size} {size|byte|bytes}, at most {max})",
    ),
    (
        "check.too-large.help",
        "一个记录文件不应这么大；请检查是否误放了其他文件",
        "a record file should never be this large; check that it is the file you meant",
    ),
    ("check.empty-file", "文件为空", "file is empty"),
    (
        "check.empty-file.help",
        "请填写记录内容，或删除该文件",
        "fill in the record, or delete the file",
    ),
    ("check.invalid-id", "id `{id}` 无效", "invalid id `{id}`"),
    (
        "check.invalid-id.help",
        "id 只能由小写字母、数字、- 和 _ 组成，以字母或数字开头，最长 64 个字符",
        "an id is 1–64 lowercase letters, digits, - and _, starting with a letter or digit",
    ),
    (
        "check.id-mismatch",
        "id `{id}` 与文件名 `{stem}` 不一致",
        "id `{id}` does not match the file name `{stem}`",
    ),
    (
        "check.id-mismatch.help",
        "将文件重命名为 `{id}.toml`，或把 id 改为 `{stem}`",
        "rename the file to `{id}.toml`, or change the id to `{stem}`",
    ),
    (
        "check.format",
        "不支持的文件格式版本 {format}（本工具读取 format = 1）",
        "unsupported file-format version {format} (this tool reads format = 1)",
    ),
    (
        "check.format.help",
        "将 format 改为 1，或升级 dangjian",
        "set format = 1, or upgrade dangjian",
    ),
    (
        "check.duplicate-id",
        "id `{id}` 已被 {other} 使用",
        "id `{id}` is already used by {other}",
    ),
    (
        "check.duplicate-id.help",
        "党员和组织共用一个 id 空间；请为其中一个改用不同的 id（并重命名文件）",
        "members and organizations share one namespace; give one of them another id (and rename its file)",
    ),
    (
        "check.duplicate-role",
        "角色 id `{id}` 重复（首次出现在 {first}）",
        "role id `{id}` appears twice (first at {first})",
    ),
    (
        "check.duplicate-task",
        "任务 id `{id}` 在本事项中重复（首次出现在 {first}）",
        "task id `{id}` appears twice in this matter (first at {first})",
    ),
    (
        "check.duplicate-item",
        "承诺事项 id `{id}` 在本承诺书中重复（首次出现在 {first}）",
        "item id `{id}` appears twice in this letter (first at {first})",
    ),
    (
        "check.duplicate-entry.help",
        "为每一项使用不同的 id",
        "give each entry its own id",
    ),
    (
        "check.unknown-reference",
        "找不到{kind} `{id}`",
        "unknown {kind} `{id}`",
    ),
    (
        "check.unknown-reference.did-you-mean",
        "是否想写 `{id}`？",
        "did you mean `{id}`?",
    ),
    (
        "check.unknown-reference.help",
        "改正 id，或先创建{kind} `{id}`",
        "correct the id, or create the {kind} `{id}` first",
    ),
    ("check.word.org", "组织", "organization"),
    ("check.word.member", "党员", "member"),
    (
        "check.word.committer",
        "党员或组织",
        "member or organization",
    ),
    (
        "check.word.role",
        "角色（dangjian.toml 中的 [[role]]）",
        "role ([[role]] in dangjian.toml)",
    ),
    ("check.word.task", "本事项中的任务", "task of this matter"),
    ("check.word.year", "年度", "year"),
    (
        "check.tree.root-parent",
        "工作区的顶层组织 `{id}` 不应有上级组织（parent = \"{parent}\"）",
        "the workspace's top organization `{id}` has a parent (`{parent}`)",
    ),
    (
        "check.tree.root-parent.help",
        "删除 parent 键，或在 dangjian.toml 中把 root 改为真正的顶层组织",
        "remove the parent key, or set root in dangjian.toml to the real top organization",
    ),
    (
        "check.tree.missing-parent",
        "组织 `{id}` 没有上级组织",
        "organization `{id}` has no parent",
    ),
    (
        "check.tree.missing-parent.help",
        "只有顶层组织 `{root}` 可以没有 parent；请添加 parent = \"<上级组织 id>\"",
        "only the top organization `{root}` may lack a parent; add parent = \"<id of the parent organization>\"",
    ),
    (
        "check.cycle",
        "上级组织关系形成了循环：{cycle}",
        "the parent chain loops: {cycle}",
    ),
    (
        "check.cycle-self",
        "组织 `{id}` 是它自己的上级组织",
        "organization `{id}` is its own parent",
    ),
    (
        "check.cycle.help",
        "修改其中一个组织的 parent，使每条上级链都通向顶层组织",
        "change the parent of one of them so that every chain leads up to the top organization",
    ),
    (
        "check.date-order",
        "`{later}`（{later_date}）早于 `{earlier}`（{earlier_date}）",
        "`{later}` ({later_date}) is before `{earlier}` ({earlier_date})",
    ),
    (
        "check.date-order.help",
        "`{earlier}` 必须在 `{later}` 当天或之前；请更正其中一个日期",
        "`{earlier}` must be on or before `{later}`; correct one of the dates",
    ),
    (
        "check.date-outside",
        "日期 {date} 不在{what}内（{from} 至 {until}）",
        "date {date} lies outside {what} ({from} to {until})",
    ),
    (
        "check.date-outside.help",
        "更正日期，或把记录移到它所属期间的目录",
        "correct the date, or move the record to the folder of the period it belongs to",
    ),
    (
        "check.folder.help",
        "将文件移到 {expected}，或把 `{key}` 改为 `{folder}`",
        "move the file to {expected}, or set `{key}` to `{folder}`",
    ),
    (
        "check.negative",
        "`{key}` 不能为负数",
        "`{key}` must not be negative",
    ),
    (
        "check.negative.help",
        "填写 0 或正数",
        "write zero or a positive number",
    ),
    (
        "check.positive",
        "`{key}` 必须大于 0（现为 {value}）",
        "`{key}` must be greater than 0 (it is {value})",
    ),
    (
        "check.positive.help",
        "填写正数，或删除 `{key}` 改为完成/未完成",
        "write a positive number, or remove `{key}` to track done/not done",
    ),
    (
        "check.score-range",
        "分数 {value} 超出范围 [0, {scale}]",
        "score {value} is outside [0, {scale}]",
    ),
    (
        "check.score-range.help",
        "分数应在 0 到 {scale} 之间（满分见 dangjian.toml 的 review.scale）",
        "a score lies between 0 and {scale} (the scale is review.scale in dangjian.toml)",
    ),
    ("check.post.no-duty", "岗位没有职责", "the post has no duty"),
    (
        "check.post.no-duty.help",
        "至少写一条职责：duties = [\"…\"]（一岗多责）",
        "write at least one duty: duties = [\"…\"]",
    ),
    (
        "check.post.capacity-zero",
        "capacity = 0 使任何人都不能定岗",
        "capacity = 0 lets nobody hold the post",
    ),
    (
        "check.post.capacity-zero.help",
        "填写至少 1 的人数，或删除 capacity 表示不限",
        "write at least 1, or remove capacity for no limit",
    ),
    (
        "check.post.standing-window",
        "常设岗位不应有 `{key}`",
        "a standing post has no `{key}`",
    ),
    (
        "check.post.standing-window.help",
        "删除 `{key}`，或把 kind 改为 \"temporary\"（临时岗位）",
        "remove `{key}`, or set kind = \"temporary\"",
    ),
    (
        "check.post.temporary-window",
        "临时岗位缺少 {keys}",
        "a temporary post needs {keys}",
    ),
    (
        "check.post.temporary-window.help",
        "用 from 和 until 写明岗位的起止日期，例如 from = 2026-06-18 和 until = 2026-07-31",
        "give the active window with from and until, e.g. from = 2026-06-18 and until = 2026-07-31",
    ),
    (
        "check.post.window",
        "`{member}` 于 {date} 定岗，不在临时岗位的期限内（{from} 至 {until}）",
        "`{member}` was confirmed on {date}, outside the post's window ({from} to {until})",
    ),
    (
        "check.post.window.help",
        "在 {from} 至 {until} 之间定岗，或调整岗位的 from/until",
        "confirm between {from} and {until}, or change the post's from/until",
    ),
    (
        "check.post.capacity",
        "`{member}` 于 {date} 定岗后，在岗人数为 {count}，超过岗位容量 {capacity}",
        "confirming `{member}` on {date} makes {count} {count|holder|holders}, more than the capacity of {capacity}",
    ),
    (
        "check.post.capacity.help",
        "先为另一位在岗人员设置 ended，或提高 capacity",
        "end another holder's spell first (ended = …), or raise capacity",
    ),
    (
        "check.post.log-holder",
        "`{member}` 在 {date} 并未在岗（未定岗或已离岗）",
        "`{member}` did not hold the post on {date} (not confirmed, or already ended)",
    ),
    (
        "check.post.log-holder.help",
        "履岗登记只能由当天在岗的人员填写；请更正日期或成员",
        "a log entry names a holder serving on its date; correct the date or the member",
    ),
    (
        "check.post.long-tenure",
        "`{member}` 自 {since} 起在本岗位已超过三年",
        "`{member}` has held this post since {since}, more than three years",
    ),
    (
        "check.post.long-tenure.help",
        "考虑换岗或调整职责，避免一岗定终身",
        "consider rotating the post or widening its duties (避免一岗定终身)",
    ),
    (
        "check.matter.folder",
        "year = {value} 与所在目录 `{folder}` 不一致",
        "year = {value} does not match the folder `{folder}`",
    ),
    (
        "check.matter.year",
        "年度 {year} 不合理",
        "year {year} is not a plausible year",
    ),
    (
        "check.matter.year.help",
        "写四位数的年份，例如 year = 2026",
        "write a four-digit year, e.g. year = 2026",
    ),
    (
        "check.matter.history-order",
        "历史记录中这一步应为 `{expected}`，实为 `{step}`",
        "this history entry should complete `{expected}`, not `{step}`",
    ),
    (
        "check.matter.history-order.help",
        "history 按 consult、decide、decompose、commit、implement、evaluate 的顺序各记一条；请用 `dangjian matter advance` 推进",
        "history lists consult, decide, decompose, commit, implement, evaluate in order, one entry each; advance with `dangjian matter advance`",
    ),
    (
        "check.matter.history-date",
        "完成日期 {date} 早于上一步的完成日期 {previous}",
        "completed on {date}, before the previous step ({previous})",
    ),
    (
        "check.matter.history-date.help",
        "各步骤的完成日期不能倒退；请更正日期",
        "the steps' completion dates never go backwards; correct the date",
    ),
    (
        "check.matter.forced",
        "步骤 `{step}` 是强制推进的：{reason}",
        "step `{step}` was advanced with --force: {reason}",
    ),
    (
        "check.matter.forced.help",
        "补齐该步骤的记录；若确属特殊情况，可在 [check] allow 中加入 \"forced-step\"",
        "complete the step's records; to accept it, add \"forced-step\" to allow in [check]",
    ),
    (
        "check.matter.step",
        "当前步骤为 `{step}`，但历史中已完成 {count} 步，应为 `{expected}`",
        "the step is `{step}`, but history completes {count} {count|step|steps}, so it should be `{expected}`",
    ),
    (
        "check.matter.step.help",
        "将 step 改为 `{expected}`；推进步骤请用 `dangjian matter advance`，它会同时写入 history",
        "set step = \"{expected}\"; `dangjian matter advance` moves the step and writes history together",
    ),
    (
        "check.matter.present",
        "实到人数 {present} 多于应到人数 {expected}",
        "{present} present, more than the {expected} expected",
    ),
    (
        "check.matter.present.help",
        "更正 present（实到）或 expected（应到）",
        "correct present or expected",
    ),
    (
        "check.matter.votes",
        "表决票数 {votes}（赞成+反对+弃权）多于实到人数 {present}",
        "{votes} {votes|vote|votes} (yes + no + abstain), more than the {present} present",
    ),
    (
        "check.matter.votes.help",
        "更正 yes、no、abstain 或 present",
        "correct yes, no, abstain or present",
    ),
    (
        "check.matter.percent",
        "任务 `{task}` 没有 target，进度按百分比计，但这里是 {value}",
        "task `{task}` has no target, so its progress is a percent, but this is {value}",
    ),
    (
        "check.matter.percent.help",
        "填写 0 到 100 之间的百分比，或为任务设置 target 和 unit",
        "write a percent from 0 to 100, or give the task a target and unit",
    ),
    (
        "check.matter.task-owner",
        "任务 `{task}` 没有责任组织或责任人",
        "task `{task}` has no responsible organization or member",
    ),
    (
        "check.matter.task-owner.help",
        "添加 org = \"<组织 id>\" 或 member = \"<党员 id>\"",
        "add org = \"<organization id>\" or member = \"<member id>\"",
    ),
    (
        "check.commitment.not-half",
        "half = \"{value}\" 不是半年度",
        "half = \"{value}\" is not a half-year",
    ),
    (
        "check.commitment.not-half.help",
        "写成 YYYY-H1 或 YYYY-H2，例如 \"2026-H1\"",
        "write YYYY-H1 or YYYY-H2, e.g. \"2026-H1\"",
    ),
    (
        "check.commitment.folder",
        "half = \"{value}\" 与所在目录 `{folder}` 不一致",
        "half = \"{value}\" does not match the folder `{folder}`",
    ),
    (
        "check.commitment.value-and-done",
        "事项 `{item}` 的践诺记录同时写了 value 和 done",
        "a progress entry of item `{item}` has both value and done",
    ),
    (
        "check.commitment.value-and-done.help",
        "有 target 的事项写 value，没有 target 的事项写 done = true",
        "use value for items with a target, done = true for items without",
    ),
    (
        "check.commitment.needs-value",
        "事项 `{item}` 有 target，践诺记录需要 value",
        "item `{item}` has a target, so its progress entry needs a value",
    ),
    (
        "check.commitment.needs-value.help",
        "写明累计完成量，例如 value = 1",
        "write the cumulative amount achieved, e.g. value = 1",
    ),
    (
        "check.commitment.needs-done",
        "事项 `{item}` 没有 target，践诺记录需要 done",
        "item `{item}` has no target, so its progress entry needs done",
    ),
    (
        "check.commitment.needs-done.help",
        "写 done = true（已完成）或 done = false，或为事项设置 target",
        "write done = true (or false), or give the item a target",
    ),
    (
        "check.evaluation.folder",
        "period = \"{value}\" 与所在目录 `{folder}` 不一致",
        "period = \"{value}\" does not match the folder `{folder}`",
    ),
    (
        "check.evaluation.date",
        "考评日期 {date} 不在 {period} 的开始到结束后 90 天之间（{from} 至 {until}）",
        "review date {date} is not between the start of {period} and 90 days after its end ({from} to {until})",
    ),
    (
        "check.evaluation.date.help",
        "更正 date，或把考评表移到它所属期间的目录",
        "correct date, or move the sheet to the folder of its period",
    ),
    (
        "check.evaluation.subject",
        "评分行必须且只能有 member 或 org 之一",
        "a score row names exactly one of member and org",
    ),
    (
        "check.evaluation.subject.help",
        "写 member = \"<党员 id>\" 或 org = \"<下级组织 id>\"，不要两个都写",
        "write member = \"<member id>\" or org = \"<sub-organization id>\", not both",
    ),
    (
        "check.evaluation.outcome-period",
        "[[outcome]] 只能出现在年度考评表中，而本表是 {period}",
        "[[outcome]] belongs only in year sheets, and this sheet is {period}",
    ),
    (
        "check.evaluation.outcome-period.help",
        "把这些结果移到 evaluations/{year}-Y/ 中的考评表",
        "move the outcomes to the sheet in evaluations/{year}-Y/",
    ),
    (
        "check.duplicate-subject",
        "`{id}` 在 {period} 已有评分行（{first}）",
        "`{id}` already has a score row for {period} ({first})",
    ),
    (
        "check.duplicate-subject.same-sheet",
        "`{id}` 在本表中已有评分行（{first}）",
        "`{id}` already has a score row in this sheet ({first})",
    ),
    (
        "check.duplicate-subject.help",
        "每个期间每个对象只保留一行评分；请合并或删除重复的行",
        "keep one row per subject and period; merge or delete the other row",
    ),
    (
        "check.sheet.member-outside",
        "`{id}` 的组织关系在 `{member_org}`，不在 `{org}` 及其下级组织中",
        "`{id}` belongs to `{member_org}`, which is not `{org}` or below it",
    ),
    (
        "check.sheet.org-outside",
        "`{id}` 不是 `{org}` 的下级组织",
        "`{id}` is not an organization below `{org}`",
    ),
    (
        "check.sheet.org-outside.help",
        "组织评分行只能是本组织的下级组织；请在 `{id}` 的上级组织的考评表中为它评分",
        "org rows are organizations below the sheet's organization; rate `{id}` in the sheet of an organization above it",
    ),
    (
        "check.sheet.outside.help",
        "评分行只能是本组织下属的党员或下级组织；请把这一行移到 `{member_org}` 所属组织的考评表",
        "rows are members or sub-organizations of the sheet's organization; move this row to the sheet of an organization above `{member_org}`",
    ),
    (
        "init.exists",
        "{file} 已存在，未做任何修改；如需新建工作区，请换一个目录",
        "{file} already exists; nothing was changed (choose another folder for a new workspace)",
    ),
    (
        "init.bad-root",
        "`{id}` 不能用作组织 id：只能由小写字母、数字、- 和 _ 组成",
        "`{id}` cannot be an organization id: use lowercase letters, digits, - and _",
    ),
    (
        "init.created",
        "已在 {dir} 创建{sector}工作区，顶层组织为 `{root}`：",
        "created a {sector} workspace in {dir} with the top organization `{root}`:",
    ),
    (
        "init.next",
        "下一步：在 orgs/ 中添加下级组织，在 members/ 中添加党员，然后运行 `dangjian check`",
        "next: add organizations to orgs/ and members to members/, then run `dangjian check`",
    ),
    (
        "check.exposed-private",
        "这里写有{what}，它会出现在公开的报表中",
        "a {what} is written here, where reports would print it",
    ),
    (
        "check.exposed-private.phone",
        "手机号码",
        "mobile phone number",
    ),
    (
        "check.exposed-private.id-card",
        "身份证号码",
        "resident ID-card number",
    ),
    (
        "check.exposed-private.help",
        "把它移到本记录的 [private] 表中（例如 [private] phone = \"…\"），报表不会显示 [private] 的内容",
        "move it into the record's [private] table (e.g. [private] phone = \"…\"); reports never show [private] values",
    ),
];
