//! Catalog entries of the comments `dangjian init` writes into a new `dangjian.toml`: (key,
//! zh-CN, en). A comment may hold several lines; each gets its `# `.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    (
        "init.comment.header",
        "dangjian 工作区设置；每个键的说明见 `dangjian schema dangjian`",
        "dangjian workspace settings; every key is described by `dangjian schema dangjian`",
    ),
    (
        "init.comment.roles",
        "八个方面作用：各组织发挥的作用（org.role 填写下面的某个 id）",
        "八个方面作用: the roles organizations play (org.role names one of these ids)",
    ),
    (
        "init.comment.roles.village",
        "农村的作用清单按三明永安八一村的做法整理（群团组织、农民专业合作组织、村“六大员”、\n农民主体作用，以及党组织的作用）；请按本县的清单调整。",
        "Compiled for villages after the Sanming village model (永安八一村): the village groups\n(群团组织, 农民专业合作组织, 村“六大员”, 农民主体作用) and the Party roles. Adjust them to\nyour county's list.",
    ),
    (
        "init.comment.roles.community",
        "社区“五位一体”的五个方面作用；可补充本区使用的其他作用。",
        "The five roles of communities (五位一体); add the others your district uses.",
    ),
    (
        "init.comment.roles.agency",
        "机关的五个方面作用；可补充本单位使用的其他作用。",
        "The five roles of agencies; add the others your unit uses.",
    ),
    (
        "init.comment.roles.enterprise",
        "企业的六个方面作用；可补充本企业使用的其他作用。",
        "The six roles of enterprises; add the others your company uses.",
    ),
    (
        "init.comment.roles.school",
        "学校的八个方面作用。",
        "The eight roles of schools.",
    ),
    (
        "init.comment.roles.other",
        "该领域没有预设清单：请添加 [[role]] 表（id = \"…\"，name = \"…\"）。",
        "No list for this sector: add [[role]] tables (id = \"…\", name = \"…\").",
    ),
    (
        "init.comment.workflow",
        "六步工作法。下面是该领域的默认值；去掉某行的注释即可修改。",
        "Six-step method (六步工作法). The sector's defaults are shown; uncomment a line to change it.",
    ),
    (
        "init.comment.workflow.village",
        "四议两公开：党支部提议、两委商议、党员大会审议、村民代表会议决议；两次公开都要做",
        "四议两公开: branch proposes, both committees discuss, members review, representatives decide; both publications required",
    ),
    (
        "init.comment.workflow.community",
        "三分三联：分类征求意见，联席会议决策",
        "三分三联: opinions gathered by category, decided by a joint meeting",
    ),
    (
        "init.comment.workflow.agency",
        "一定三评三落实：党组决策；每月评进度",
        "一定三评三落实: the leading Party group decides; monthly progress reviews",
    ),
    (
        "init.comment.workflow.enterprise",
        "三议两评一公开：党组织、职工代表大会、董事会",
        "三议两评一公开: Party organization, workers' congress, board",
    ),
    (
        "init.comment.workflow.other",
        "按六步原样进行",
        "the six steps as they are",
    ),
    (
        "init.comment.progress-optional",
        "可选：任务没有进度记录时给出警告",
        "optional: warn on tasks without progress",
    ),
    (
        "init.comment.review",
        "考评：每个键都可省略，下面是默认值。",
        "Scoring (考评): every key optional, defaults shown.",
    ),
    (
        "init.comment.check",
        "`dangjian check` 的检查级别：allow 忽略某个警告，deny 把它当作错误。",
        "Lint levels of `dangjian check`: allow drops a warning, deny makes it an error.",
    ),
];
