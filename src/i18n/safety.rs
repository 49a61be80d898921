//! Catalog entries of output safety and robustness (issue 16): `-o` targets, skipped records,
//! byte-order marks and the default year of annual results: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    (
        "check.syntax.second-bom",
        "文件开头有第二个字节顺序标记（BOM）",
        "a second byte-order mark (BOM) at the start of the file",
    ),
    (
        "check.syntax.second-bom.help",
        "删除多余的 BOM：用编辑器另存为“UTF-8”（或“UTF-8 带 BOM”）即可",
        "remove the extra BOM: save the file again as UTF-8 (with or without one BOM)",
    ),
    (
        "output.record-target",
        "拒绝写入 {file}：它是工作区 {root} 的一条记录，输出会覆盖它",
        "refusing to write {file}: it is a record of the workspace {root} and would be overwritten",
    ),
    (
        "output.record-target.help",
        "用 -o 指定工作区记录之外的文件，例如 board.csv",
        "name a file that is not a record of the workspace with -o, e.g. board.csv",
    ),
    (
        "output.not-a-file",
        "无法写入 {file}：它是一个文件夹",
        "cannot write {file}: it is a folder",
    ),
    (
        "output.not-a-file.help",
        "在 -o 后写文件名，例如 {file}/report.csv",
        "give a file name after -o, e.g. {file}/report.csv",
    ),
    (
        "output.cannot-write",
        "无法写入 {file}",
        "cannot write {file}",
    ),
    (
        "output.link-loop",
        "无法写入 {file}：符号链接层数过多（可能是循环链接）",
        "cannot write {file}: too many levels of symbolic links (a loop?)",
    ),
    (
        "load.skipped",
        "跳过了 {count} 个无法读取的记录文件，列表不完整：",
        "left out unreadable record files ({count}); the listing is incomplete:",
    ),
    (
        "load.skipped.help",
        "修正这些文件后重新运行；`dangjian check` 会指出每个错误的位置",
        "fix these files and run again; `dangjian check` shows where each error is",
    ),
    (
        "load.broken-record",
        "{file} 无法读取：{error}",
        "{file} cannot be read: {error}",
    ),
    (
        "load.broken-record.help",
        "修正这个文件；`dangjian check` 会指出错误的位置",
        "fix this file; `dangjian check` shows where the error is",
    ),
    (
        "review.annual.year-fallback",
        "{last} 年没有考评表，改为显示工作区年度 {year}",
        "no evaluation sheet for {last}; showing the workspace year {year}",
    ),
];
