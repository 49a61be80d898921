//! Catalog entries of the ecosystem commands (`fmt`, `member import`, `completions`):
//! (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    ("fmt.formatted-file", "已格式化 {file}", "formatted {file}"),
    (
        "fmt.would-change",
        "{count} 个文件需要重新格式化（共 {files} 个）",
        "{count} of {files} files would be reformatted",
    ),
    (
        "fmt.would-change.help",
        "运行 `dangjian fmt` 格式化这些文件",
        "run `dangjian fmt` to format them",
    ),
    (
        "fmt.formatted",
        "已格式化 {count} 个文件（共 {files} 个）",
        "formatted {count} of {files} files",
    ),
    (
        "fmt.clean",
        "{files} 个文件的格式均已规范",
        "all {files} files are formatted",
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
];
