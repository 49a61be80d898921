//! Catalog entries of the ecosystem commands (`fmt`, `member import`, `completions`):
//! (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    ("fmt.formatted-file", "已格式化 {file}", "formatted {file}"),
    (
        "fmt.would-change",
        "{count} 个文件需要重新格式化（共 {files} 个）",
        "{count} of {files} {files|file|files} would be reformatted",
    ),
    (
        "fmt.would-change.help",
        "运行 `dangjian fmt` 格式化这些文件",
        "run `dangjian fmt` to format them",
    ),
    (
        "fmt.formatted",
        "已格式化 {count} 个文件（共 {files} 个）",
        "formatted {count} of {files} {files|file|files}",
    ),
    (
        "fmt.clean",
        "{files} 个文件的格式均已规范",
        "all {files} {files|file|files} are formatted",
    ),
    (
        "fmt.unreadable",
        "无法读取 {file}：{error}",
        "cannot read {file}: {error}",
    ),
    (
        "fmt.syntax",
        "{file}:{line}:{column}: 无法格式化：{message}（先运行 `dangjian check` 查看并修正）",
        "{file}:{line}:{column}: cannot format: {message} (run `dangjian check` to see and fix it)",
    ),
    (
        "fmt.not-record",
        "{file} 不是本工作区的记录文件",
        "{file} is not a record file of this workspace",
    ),
    (
        "fmt.not-record.help",
        "只能格式化 dangjian.toml、orgs/、members/、posts/、matters/、commitments/、evaluations/ 下的 .toml 文件",
        "name files of dangjian.toml, orgs/, members/, posts/, matters/, commitments/ or evaluations/",
    ),
    ("import.row", "第 {row} 行：{reason}", "row {row}: {reason}"),
    (
        "import.created",
        "第 {row} 行：新建 {file}（{name}）",
        "row {row}: created {file} ({name})",
    ),
    (
        "import.updated",
        "第 {row} 行：更新 {file}（{name}）",
        "row {row}: updated {file} ({name})",
    ),
    (
        "import.unchanged",
        "第 {row} 行：{file} 没有变化（{name}）",
        "row {row}: {file} is unchanged ({name})",
    ),
    (
        "import.summary",
        "导入 {rows} 行：新建 {created} 个，更新 {updated} 个，未变 {unchanged} 个",
        "imported {rows} {rows|row|rows}: {created} created, {updated} updated, {unchanged} unchanged",
    ),
    (
        "import.summary-dry",
        "试运行，未写入任何文件：将导入 {rows} 行（新建 {created} 个，更新 {updated} 个，未变 {unchanged} 个）",
        "dry run, nothing written: {rows} {rows|row|rows} would be imported ({created} created, {updated} updated, {unchanged} unchanged)",
    ),
    (
        "import.nothing-written",
        "未写入任何文件：请修正以上各行后重新导入，或加 --skip-bad 只导入其余 {good} 行",
        "nothing was written: fix the rows above and import again, or add --skip-bad to import the other {good} {good|row|rows}",
    ),
    (
        "import.refused-count",
        "{count} 行未导入：请修正后重新导入（已导入的行加 --update 可再次导入）",
        "{count} {count|row|rows} were not imported: fix them and import again (with --update for the rows already imported)",
    ),
    (
        "import.ignored",
        "以下列未导入：{columns}（需要时用 --map '列名=extra.键名' 导入）",
        "columns not imported: {columns} (use --map 'HEADER=extra.KEY' to keep one)",
    ),
    (
        "import.encoding",
        "{file} 不是 UTF-8 编码，已按 {encoding} 读取",
        "{file} is not UTF-8; read it as {encoding}",
    ),
    (
        "import.bad-map",
        "无法识别 --map “{map}”：应写作 '列名=字段'，字段为 id、name、org、status、office、joined、lives_in、left、gender、phone、id_card、extra.键名、private.键名 或 ignore",
        "cannot read --map `{map}`: write 'HEADER=FIELD' with FIELD one of id, name, org, status, office, joined, lives_in, left, gender, phone, id_card, extra.KEY, private.KEY, ignore",
    ),
    (
        "import.no-header",
        "前 10 行中没有含“姓名”列的表头行：请检查名册，或用 --map '列名=name' 指明姓名列",
        "no header row with a name column (姓名 or name) in the first 10 rows: check the roster, or name the column with --map 'HEADER=name'",
    ),
    (
        "import.column-twice",
        "“{a}”和“{b}”两列都对应同一字段：用 --map '列名=ignore' 忽略其中一列",
        "columns `{a}` and `{b}` both mean the same field: ignore one with --map 'HEADER=ignore'",
    ),
    (
        "import.bad-id",
        "编号“{value}”不能用作 id（只能包含小写字母、数字、- 和 _，且以字母或数字开头）",
        "`{value}` cannot be an id (lowercase letters, digits, - and _, starting with a letter or digit)",
    ),
    (
        "import.bad-status",
        "党员类别“{value}”无法识别（应为 正式党员、预备党员、入党积极分子 或 群众）",
        "unknown status `{value}` (expected 正式党员/full, 预备党员/probationary, 入党积极分子/activist or 群众/resident)",
    ),
    (
        "import.bad-office",
        "是否有职务“{value}”无法识别（应为 是/否 或 有/无）",
        "unknown office `{value}` (expected 是/否, 有/无, yes/no)",
    ),
    (
        "import.bad-date",
        "“{column}”的日期“{value}”无法识别（写作 2005-07-01、2005/7/1、2005年7月1日 或 2005.07.01）",
        "`{column}`: `{value}` is not a date (write 2005-07-01, 2005/7/1, 2005年7月1日 or 2005.07.01)",
    ),
    (
        "import.unknown-org",
        "找不到组织“{value}”（按 id 或名称查找 orgs/ 下的组织）",
        "unknown organization `{value}` (looked for an id or a name under orgs/)",
    ),
    (
        "import.ambiguous-org",
        "有多个组织名为“{value}”，请改用 id：{ids}",
        "more than one organization is named `{value}`; use an id: {ids}",
    ),
    (
        "import.ambiguous-member",
        "已有多个党员名为“{name}”（{ids}）：请在名册中加“编号”列指明 id",
        "more than one member is named `{name}` ({ids}): add an id column to the roster",
    ),
    (
        "import.too-long-number",
        "“{column}”的值 {value} 以数字保存，Excel 只保留了 15 位有效数字：请将该列设为文本格式后重新录入",
        "`{column}`: {value} is stored as a number and Excel kept only 15 digits; format the column as text and enter it again",
    ),
    ("import.missing-name", "缺少姓名", "missing name"),
    (
        "import.missing-org",
        "缺少所在支部（填写该列，或用 --org 指定）",
        "missing organization (fill the column, or give --org)",
    ),
    (
        "import.missing-status",
        "缺少党员类别",
        "missing status (正式党员, 预备党员, 入党积极分子 or 群众)",
    ),
    (
        "import.id-is-org",
        "id “{id}” 已是一个组织的 id（党员与组织共用 id）",
        "id `{id}` is already an organization's id (members and organizations share ids)",
    ),
    (
        "import.duplicate-id",
        "id “{id}” 与第 {row} 行重复",
        "duplicate id `{id}` (also row {row})",
    ),
    (
        "import.exists",
        "党员 {id} 已存在（members/{id}.toml）：加 --update 才会修改",
        "member {id} already exists (members/{id}.toml); add --update to change it",
    ),
    (
        "import.no-sheet",
        "工作簿中没有名为“{sheet}”的工作表（有：{sheets}）",
        "no sheet named `{sheet}` in the workbook (sheets: {sheets})",
    ),
    (
        "import.no-sheets",
        "工作簿中没有工作表",
        "the workbook has no sheet",
    ),
    // Names of the usual keys of a member's [private] table (`member show --private`).
    ("member.private.phone", "电话", "phone"),
    ("member.private.address", "住址", "address"),
    ("member.private.id_card", "身份证号", "id card"),
    ("member.private.gender", "性别", "gender"),
    ("member.private.birth", "出生日期", "date of birth"),
    ("member.private.education", "学历", "education"),
    ("member.private.ethnicity", "民族", "ethnicity"),
    ("member.private.email", "电子邮箱", "email"),
    (
        "export.done",
        "已导出 {tables} 张表（共 {rows} 行）到 {dir}",
        "exported {tables} tables ({rows} rows) to {dir}",
    ),
    (
        "export.not-a-folder",
        "{dir} 不是文件夹",
        "{dir} is not a folder",
    ),
    (
        "export.not-a-folder.help",
        "`-o` 指定一个文件夹（不存在时会新建），表格和 manifest.json 写在其中",
        "give `-o` a folder (created when missing); the tables and manifest.json are written into it",
    ),
    (
        "export.cannot-write",
        "无法写入 {file}：{error}",
        "cannot write {file}: {error}",
    ),
    (
        "include.missing",
        "引入的文件夹 {path} 不存在",
        "the included folder {path} does not exist",
    ),
    (
        "include.missing.help",
        "检查 `path`（相对于本 dangjian.toml）；如果它是 git 子模块，运行 `git submodule update --init`",
        "check `path` (relative to this dangjian.toml); if it is a git submodule, run `git submodule update --init`",
    ),
    (
        "include.not-workspace",
        "引入的文件夹 {path} 不是工作区（没有 dangjian.toml）",
        "the included folder {path} is not a workspace (it has no dangjian.toml)",
    ),
    (
        "include.not-workspace.help",
        "`path` 应指向一个社区工作区的根目录，即含有 dangjian.toml 的文件夹",
        "`path` names the root of a workspace: the folder holding its dangjian.toml",
    ),
    (
        "include.self",
        "工作区 {path} 引入了它自己",
        "the workspace {path} includes itself",
    ),
    (
        "include.self.help",
        "删除这个 [[include]]；一个工作区的记录本来就会被读取",
        "remove this [[include]]; a workspace's own records are always read",
    ),
    (
        "include.loop",
        "引入 {path} 形成了循环：它（直接或间接）引入了引入它的工作区",
        "including {path} makes a loop: it includes, directly or not, a workspace that includes it",
    ),
    (
        "include.loop.help",
        "引入关系只能自上而下（区 → 街道 → 社区）；删除下级工作区中指向上级的 [[include]]",
        "includes go downward only (district → street → community); remove the [[include]] of the lower workspace that points up",
    ),
    (
        "include.twice",
        "工作区 {path} 被引入了两次",
        "the workspace {path} is included twice",
    ),
    (
        "include.twice.help",
        "一个工作区在一个区里只能被引入一次；删除重复的 [[include]]",
        "a workspace is included once in a district; remove the other [[include]]",
    ),
    (
        "include.reference",
        "`{id}` 是引入本工作区的 {workspace} 中的记录；被引入的工作区不能引用上级工作区的记录",
        "`{id}` is a record of {workspace}, which includes this workspace; an included workspace may not name records of the workspace including it",
    ),
    (
        "include.reference.help",
        "被引入的工作区必须能单独通过 `dangjian check`；把这条记录移到 {workspace}，或改为引用本工作区的记录",
        "an included workspace must pass `dangjian check` on its own; move the record to {workspace}, or name a record of this workspace",
    ),
    (
        "include.duplicate-id",
        "id `{id}` 已被 {other} 使用（区内各工作区的 id 必须唯一）",
        "id `{id}` is already used by {other} (ids are unique across the workspaces of a district)",
    ),
    (
        "include.duplicate-id.help",
        "区内各工作区共用一个 id 空间；在其中一个工作区里改用不同的 id（并重命名文件），例如加上社区前缀",
        "the workspaces of a district share one namespace; give one of them another id (and rename its file), for example with the community as a prefix",
    ),
    (
        "include.refused",
        "{file} 属于被引入的工作区 {path}；请在该文件夹中运行此命令",
        "{file} belongs to the included workspace {path}; run this command in that folder",
    ),
    (
        "include.refused.help",
        "例如 `dangjian -C {path} …`；改动提交到该社区自己的仓库",
        "for example `dangjian -C {path} …`; commit the change to that community's own repository",
    ),
    (
        "district.report.communities",
        "社区进度排名",
        "Communities ranked by progress",
    ),
    (
        "district.report.grades",
        "各社区等次分布",
        "Grade distribution by community",
    ),
    ("district.col.community", "社区", "Community"),
    ("district.col.kind", "类别", "Kind"),
    ("district.col.grade", "等次", "Grade"),
    ("district.col.count", "人数", "Count"),
    (
        "include.parent",
        "引入 {path} 的 parent `{parent}` 不是本工作区的组织",
        "the parent `{parent}` of the include {path} is no organization of this workspace",
    ),
    (
        "include.parent.help",
        "parent 填写本工作区中的一个组织 id（例如街道党工委），被引入工作区的根组织挂在它下面",
        "give as parent the id of an organization of this workspace (the street or district committee) that the included root hangs under",
    ),
];
