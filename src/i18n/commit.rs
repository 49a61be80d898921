//! Catalog entries of the commit area: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    // check: warnings of letters and members
    (
        "commit.check.unpublished",
        "承诺书已于 {signed} 签订，一个多月仍未公开",
        "the letter was signed on {signed} and has not been published for over a month",
    ),
    (
        "commit.check.unpublished.help",
        "通过网络、党务公开栏或明白纸公开后运行 `dangjian commit publish {committer}`",
        "make it public (website, notice board or leaflet), then run `dangjian commit publish {committer}`",
    ),
    (
        "commit.check.unquantified",
        "承诺事项 {item} 没有量化目标（target）",
        "commitment item {item} has no quantified target",
    ),
    (
        "commit.check.unquantified.help",
        "承诺事项要能量化、能完成、易考核：加上 target 和 unit（如 target = 3, unit = \"户\"）",
        "commitments should be measurable: add `target` and `unit` (e.g. target = 3, unit = \"households\")",
    ),
    (
        "commit.check.overdue",
        "承诺事项 {item} 已过完成时限 {due}，尚未践诺",
        "item {item} was due on {due} and is not fulfilled",
    ),
    (
        "commit.check.overdue.help",
        "记录践诺情况：`dangjian commit progress {committer} {item} --value N --half {half}`",
        "record its fulfilment: `dangjian commit progress {committer} {item} --value N --half {half}`",
    ),
    (
        "commit.check.overdue.help-done",
        "完成后记录：`dangjian commit progress {committer} {item} --done --half {half}`",
        "once it is done, record it: `dangjian commit progress {committer} {item} --done --half {half}`",
    ),
    (
        "commit.check.before-signed",
        "承诺事项 {item} 的践诺记录日期 {date} 早于承诺书签订日期 {signed}",
        "progress of item {item} is dated {date}, before the letter was signed on {signed}",
    ),
    (
        "commit.check.before-signed.help",
        "践诺记录应在承诺书签订之后，请更正日期",
        "progress comes after the letter is signed; correct the date",
    ),
    (
        "commit.check.decreases",
        "承诺事项 {item} 的累计完成数 {value} 小于 {date} 记录的 {before}",
        "cumulative value {value} of item {item} is less than {before}, recorded on {date}",
    ),
    (
        "commit.check.decreases.help",
        "践诺记录是累计数，只增不减；请更正该记录",
        "progress values are cumulative and never decrease; correct the entry",
    ),
    (
        "commit.check.missing-letter",
        "{member} 没有 {half} 的承诺书",
        "{member} has no commitment letter for {half}",
    ),
    (
        "commit.check.missing-letter.help",
        "运行 `dangjian commit new {id} --half {half}` 起草承诺书",
        "draft one with `dangjian commit new {id} --half {half}`",
    ),
    // refusals of the commands
    (
        "commit.refuse.before-signed",
        "日期 {date} 早于承诺书签订日期 {signed}",
        "{date} is before the letter was signed on {signed}",
    ),
    (
        "commit.refuse.done-with-target",
        "承诺事项 {item} 有量化目标 {target}，请用 --value N 记录累计完成数",
        "item {item} has a target of {target}; record the cumulative amount with --value N",
    ),
    (
        "commit.refuse.value-without-target",
        "承诺事项 {item} 没有量化目标，请用 --done 记录完成",
        "item {item} has no target; record its completion with --done",
    ),
    (
        "commit.refuse.negative",
        "完成数 {value} 不能为负",
        "value {value} is negative",
    ),
    (
        "commit.refuse.decreases",
        "累计完成数 {value} 小于截至 {date} 已记录的 {before}（累计数只增不减）",
        "cumulative value {value} is less than {before}, already recorded by {date} (values never decrease)",
    ),
    (
        "commit.refuse.exceeds-later",
        "累计完成数 {value} 大于 {date} 记录的 {later}（累计数只增不减）",
        "cumulative value {value} is more than {later}, recorded later on {date} (values never decrease)",
    ),
    (
        "commit.refuse.unknown-committer.help",
        "用 `dangjian member list` 或 `dangjian org list` 查看 id",
        "`dangjian member list` and `dangjian org list` show the ids",
    ),
    (
        "commit.refuse.unknown-committer",
        "找不到承诺人“{name}”：没有这个 id 或名称的党员或组织",
        "no member or organization has the id or name `{name}`",
    ),
    (
        "commit.refuse.no-letter",
        "{committer} 没有 {half} 的承诺书（{file}）；先运行 `dangjian commit new {committer} --half {half}`，或用 --half 指定半年",
        "{committer} has no letter for {half} ({file}); run `dangjian commit new {committer} --half {half}` first, or pass --half",
    ),
    (
        "commit.refuse.exists",
        "{file} 已存在：{committer} 已有 {half} 的承诺书",
        "{file} exists: {committer} already has a letter for {half}",
    ),
    (
        "commit.refuse.unknown-item",
        "{committer} 的 {half} 承诺书中没有事项“{item}”；现有事项：{items}",
        "{committer}'s letter for {half} has no item `{item}`; its items: {items}",
    ),
    ("commit.none", "（无）", "(none)"),
    (
        "commit.refuse.duplicate-item",
        "承诺书中已有事项 {item}",
        "the letter already has an item {item}",
    ),
    (
        "commit.refuse.due-outside",
        "完成时限 {due} 不在 {half}（{start} 至 {end}）内",
        "due date {due} lies outside {half} ({start} to {end})",
    ),
    (
        "commit.refuse.empty-text",
        "--text 不能为空",
        "--text is empty",
    ),
    (
        "commit.refuse.target-not-positive",
        "量化目标 {target} 必须大于 0",
        "target {target} must be more than 0",
    ),
    (
        "commit.refuse.not-party-member",
        "{name}（{id}）不是党员，不能进行领导点评",
        "{name} ({id}) is not a Party member and cannot give a leader comment",
    ),
    (
        "commit.refuse.by-left",
        "{name}（{id}）已于 {left} 离开",
        "{name} ({id}) left on {left}",
    ),
    (
        "commit.refuse.already-signed",
        "承诺书已于 {signed} 签订",
        "the letter was already signed on {signed}",
    ),
    (
        "commit.refuse.already-published",
        "承诺书已于 {published} 公开",
        "the letter was already published on {published}",
    ),
    (
        "commit.refuse.no-items",
        "承诺书还没有承诺事项；先用 `dangjian commit item` 添加",
        "the letter has no items yet; add them with `dangjian commit item`",
    ),
    (
        "commit.refuse.progress-before-sign",
        "事项 {item} 已有 {date} 的践诺记录，签订日期不能晚于它",
        "item {item} has progress dated {date}; the letter cannot be signed after it",
    ),
    (
        "commit.refuse.not-signed",
        "承诺书尚未签订；先运行 `dangjian commit sign {committer}`",
        "the letter is not signed; run `dangjian commit sign {committer}` first",
    ),
    (
        "commit.refuse.publish-before-signed",
        "公开日期 {date} 早于签订日期 {signed}",
        "{date} is before the letter was signed on {signed}",
    ),
    (
        "commit.refuse.sign-after-published",
        "承诺书已于 {published} 公开，签订日期 {date} 不能晚于公开日期",
        "the letter was published on {published}: it cannot be signed later, on {date}",
    ),
    // the letter skeleton of `commit new`
    (
        "commit.new.header",
        "{name}的公开承诺书（{half}）。按下面的示例添加承诺事项，或运行 `dangjian commit item`",
        "Commitment letter of {name} for {half}. Add items like the examples below, or run `dangjian commit item`",
    ),
    (
        "commit.new.categories",
        "类别：思想政治 politics、履行岗位职责 duty、服务经济发展 economy、结对帮带帮扶 pairing、廉政建设 integrity、参加组织生活 org-life、其他 other；类型：服务承诺 service、实事承诺 concrete",
        "categories: politics, duty, economy, pairing, integrity, org-life, other; types: service, concrete",
    ),
    (
        "commit.new.quantify",
        "承诺事项要能量化、能完成、易考核：尽量写 target 和 unit",
        "items should be measurable, achievable and easy to assess: give target and unit",
    ),
    (
        "commit.new.examples",
        "示例事项（取消注释并修改后使用，或删除）",
        "example items (uncomment and adapt them, or delete them)",
    ),
    (
        "commit.example.politics",
        "每月参加理论学习不少于2次",
        "attend political study at least twice a month",
    ),
    ("commit.example.politics.unit", "次", "sessions"),
    (
        "commit.example.duty",
        "按时办结群众诉求",
        "settle residents' requests on time",
    ),
    ("commit.example.duty.unit", "件", "requests"),
    (
        "commit.example.economy",
        "帮助辖区企业解决实际困难",
        "help local businesses solve practical problems",
    ),
    ("commit.example.economy.unit", "个", "businesses"),
    (
        "commit.example.pairing",
        "结对帮扶困难家庭",
        "pair up with families in difficulty",
    ),
    ("commit.example.pairing.unit", "户", "households"),
    (
        "commit.example.integrity",
        "廉洁自律，不收受礼品礼金",
        "keep clean: accept no gifts",
    ),
    (
        "commit.example.org-life",
        "按时参加三会一课",
        "attend the branch meetings and Party classes",
    ),
    ("commit.example.org-life.unit", "次", "meetings"),
    (
        "commit.example.measure",
        "每月走访一次",
        "visit once a month",
    ),
    // ledger and letter tables
    ("commit.ledger.title", "承诺践诺台账", "Commitment ledger"),
    ("commit.ledger.half", "半年", "half-year"),
    ("commit.ledger.as-of", "截至", "as of"),
    ("commit.ledger.org", "组织", "organization"),
    ("commit.ledger.status", "状态", "status"),
    ("commit.ledger.col.committer", "承诺人", "committer"),
    (
        "commit.ledger.achieved-of",
        "{value}/{target}{unit} {percent}%",
        "{value}/{target} {unit} {percent}%",
    ),
    ("commit.ledger.col.name", "名称", "name"),
    ("commit.ledger.col.org", "所在组织", "org"),
    ("commit.ledger.col.item", "事项", "item"),
    ("commit.ledger.col.category", "类别", "category"),
    ("commit.ledger.col.type", "类型", "type"),
    ("commit.ledger.col.text", "承诺事项", "commitment"),
    ("commit.ledger.col.measure", "践诺措施", "measure"),
    ("commit.ledger.col.target", "目标", "target"),
    ("commit.ledger.col.unit", "单位", "unit"),
    ("commit.ledger.col.due", "完成时限", "due"),
    ("commit.ledger.col.achieved", "完成情况", "achieved"),
    ("commit.ledger.col.fraction", "完成率", "fraction"),
    ("commit.ledger.col.status", "状态", "status"),
    (
        "commit.ledger.col.last-progress",
        "最近践诺",
        "last progress",
    ),
    ("commit.ledger.col.comment", "领导点评", "leader comment"),
    ("commit.ledger.col.rating", "评价", "rating"),
    (
        "commit.letter.heading",
        "{name}的公开承诺书（{half}）",
        "Commitment letter of {name} ({half})",
    ),
    (
        "commit.ledger.heading",
        "{org} {half}承诺践诺台账",
        "{org}: commitment ledger, {half}",
    ),
    ("commit.letter.committer", "承诺人", "committer"),
    ("commit.letter.signed", "签订日期", "signed"),
    ("commit.letter.published", "公开日期", "published"),
    ("commit.letter.items", "承诺事项", "items"),
    ("commit.letter.progress", "践诺记录", "progress"),
    ("commit.letter.comments", "领导点评", "leader comments"),
    ("commit.letter.col.date", "日期", "date"),
    ("commit.letter.col.value", "累计完成", "value"),
    ("commit.letter.col.done", "已完成", "done"),
    ("commit.letter.col.note", "说明", "note"),
    ("commit.letter.col.by", "点评人", "by"),
    ("commit.letter.col.by-name", "姓名", "by name"),
    ("commit.letter.col.text", "点评内容", "text"),
];
