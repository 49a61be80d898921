//! Catalog entries of the printed forms of seed 004 (承诺书 附件一/二, 点评登记表 附件四/五):
//! (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    // Dates and periods as printed on a form.
    ("form.date", "{y} 年 {m} 月 {d} 日", "{y}-{m}-{d}"),
    ("form.date.blank", "　　　　年　　月　　日", "______ (date)"),
    (
        "form.half.1",
        "（{year} 年上半年）",
        "(first half of {year})",
    ),
    (
        "form.half.2",
        "（{year} 年下半年）",
        "(second half of {year})",
    ),
    // 承诺书.
    ("letter.title", "承诺书", "Commitment letters"),
    ("letter.annex.member", "附件一", "Annex 1"),
    ("letter.annex.org", "附件二", "Annex 2"),
    (
        "letter.heading.member",
        "共产党员公开承诺书",
        "Public commitment letter of a Party member",
    ),
    (
        "letter.heading.org",
        "党组织公开承诺书",
        "Public commitment letter of a Party organization",
    ),
    ("letter.field.committer", "承诺人：", "Committer: "),
    ("letter.field.org", "所在党组织：", "Organization: "),
    ("letter.field.unit", "承诺单位：", "Organization: "),
    ("letter.field.secretary", "党组织书记：", "Secretary: "),
    (
        "letter.field.parent",
        "上级党组织：",
        "Parent organization: ",
    ),
    (
        "letter.lead.member",
        "为充分发挥共产党员先锋模范作用，本人立足岗位、结合实际，向党组织和群众郑重承诺以下事项，按期践诺，接受党组织和群众监督。",
        "To set an example as a Party member, I commit to the following items in my post and in my community, will fulfil them by their dates, and accept the supervision of the Party organization and of the people.",
    ),
    (
        "letter.lead.org",
        "为充分发挥党组织战斗堡垒作用，本党组织结合工作实际，向党员和群众郑重承诺以下事项，按期践诺，接受上级党组织和群众监督。",
        "To act as a fighting bastion, this organization commits to the following items, will fulfil them by their dates, and accepts the supervision of the higher organization and of the people.",
    ),
    ("letter.col.category", "承诺类别", "Category"),
    ("letter.col.no", "序号", "No."),
    ("letter.col.text", "承诺事项", "Commitment"),
    ("letter.col.type", "类型", "Type"),
    ("letter.col.measure", "践诺措施", "Measures"),
    ("letter.col.target", "目标", "Target"),
    ("letter.col.due", "完成时限", "Due"),
    (
        "letter.sign.member",
        "承诺人（签字）：",
        "Signature of the committer: ",
    ),
    (
        "letter.sign.org",
        "党组织书记（签字）：",
        "Signature of the secretary: ",
    ),
    (
        "letter.seal",
        "（党组织盖章）",
        "(seal of the organization)",
    ),
    ("letter.date", "日期：", "Date: "),
    ("letter.publicity", "公开方式：", "Made public by: "),
    (
        "letter.publicity.ways",
        "□ 网络　□ 党务公开栏　□ 明白纸",
        "□ website  □ public notice board  □ leaflet",
    ),
    ("letter.published", "公开日期：", "Published on: "),
    // 点评登记表.
    ("comments.title", "点评登记表", "Comment registers"),
    ("comments.annex.orgs", "附件四", "Annex 4"),
    ("comments.annex.members", "附件五", "Annex 5"),
    (
        "comments.heading.orgs",
        "上级领导点评下级党组织及书记创先争优工作情况登记表",
        "Register of the leaders' comments on organizations and their secretaries",
    ),
    (
        "comments.heading.members",
        "基层党组织书记点评党员创先争优工作情况登记表",
        "Register of the secretaries' comments on Party members",
    ),
    ("comments.field.unit", "填报单位：", "Organization: "),
    ("comments.field.org", "党组织：", "Organization: "),
    ("comments.field.secretary", "书记：", "Secretary: "),
    ("comments.col.no", "序号", "No."),
    ("comments.col.org", "党组织", "Organization"),
    ("comments.col.secretary", "书记", "Secretary"),
    ("comments.col.subject", "点评对象", "Commented on"),
    ("comments.col.member", "党员姓名", "Member"),
    ("comments.col.by", "点评人", "Commented by"),
    ("comments.col.date", "点评时间", "Date"),
    ("comments.col.rating", "点评等次", "Rating"),
    ("comments.col.text", "点评意见", "Comment"),
    ("comments.subject.org", "党组织", "organization"),
    ("comments.subject.secretary", "书记", "secretary"),
    ("comments.filled-by", "填表人：", "Filled in by: "),
    // Command line.
    (
        "report.docx-forms-only",
        "只有承诺书（report letter）和点评登记表（report comments）可以输出为 docx",
        "only the forms (report letter, report comments) are written as docx",
    ),
    (
        "report.docx-forms-only.help",
        "其他报表请用 .xlsx、.html 或 .md 文件名",
        "write other reports to a .xlsx, .html or .md file",
    ),
    (
        "form.did-you-mean",
        "是否想输入 `{name}`？",
        "did you mean `{name}`?",
    ),
    (
        "letter.unknown-committer",
        "找不到承诺人 `{name}`（党员或党组织）",
        "no member or organization `{name}`",
    ),
    (
        "letter.unknown-committer.help",
        "用党员或党组织的 id 或完整名称；运行 `dangjian member list` 或 `dangjian org list` 查看",
        "give the id or the full name of a member or an organization; see `dangjian member list` or `dangjian org list`",
    ),
    (
        "letter.ambiguous-committer",
        "名称 `{name}` 对应多个记录：{ids}",
        "the name `{name}` matches several records: {ids}",
    ),
    (
        "letter.ambiguous-committer.help",
        "改用其中一个 id",
        "give one of the ids instead",
    ),
    (
        "letter.none",
        "{half} 没有符合条件的承诺书",
        "no commitment letter of {half} matches",
    ),
    (
        "letter.none-of",
        "{name} 没有 {half} 的承诺书",
        "{name} has no commitment letter of {half}",
    ),
    (
        "letter.none.help",
        "用 --half 指定另一个半年，或运行 `dangjian commit new` 建立承诺书",
        "choose another half-year with --half, or create a letter with `dangjian commit new`",
    ),
];
