//! Catalog entries of `check` and the loader: (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
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
        "file is too large ({size} bytes, at most {max})",
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
