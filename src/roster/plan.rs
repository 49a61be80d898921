//! From a roster grid to the members it describes, pure: which column means which field (the
//! usual Chinese and English headers, or `--map`), each row's values parsed (statuses, 是/否,
//! dates written as Excel dates or as 2005-07-01, 2005/7/1, 2005年7月1日, 2005.07.01), the
//! organization found by id or name, and an id for every row. Every row that cannot be imported
//! is refused with its row number and the reason.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Cell, Grid};
use crate::i18n::{Locale, tf};
use crate::model::{Date, MemberStatus, Office, free_id, id_of_name, is_valid_id};

/// What a column is imported as.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    Org,
    Status,
    Office,
    Joined,
    LivesIn,
    Left,
    Extra(String),
    Private(String),
    Ignore,
}

impl Field {
    /// Parses the right-hand side of `--map 'header=field'`.
    pub fn parse(s: &str) -> Option<Field> {
        let s = s.trim();
        Some(match s {
            "id" => Field::Id,
            "name" => Field::Name,
            "org" => Field::Org,
            "status" => Field::Status,
            "office" => Field::Office,
            "joined" => Field::Joined,
            "lives_in" => Field::LivesIn,
            "left" => Field::Left,
            "gender" => Field::Extra("gender".into()),
            "phone" => Field::Private("phone".into()),
            "id_card" => Field::Private("id_card".into()),
            "ignore" => Field::Ignore,
            _ => {
                if let Some(k) = s.strip_prefix("extra.").filter(|k| is_key(k)) {
                    Field::Extra(k.to_string())
                } else if let Some(k) = s.strip_prefix("private.").filter(|k| is_key(k)) {
                    Field::Private(k.to_string())
                } else {
                    return None;
                }
            }
        })
    }
}

fn is_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The headers recognised without `--map` (compared after removing spaces and any bracketed
/// note, case-insensitively).
const HEADERS: &[(&str, &[&str])] = &[
    ("id", &["编号", "人员编号", "党员编号", "id"]),
    ("name", &["姓名", "名字", "党员姓名", "name", "fullname"]),
    ("gender", &["性别", "gender", "sex"]),
    (
        "status",
        &[
            "党员类别",
            "人员类别",
            "类别",
            "党员身份",
            "政治面貌",
            "status",
            "category",
        ],
    ),
    (
        "org",
        &[
            "所在支部",
            "所在党支部",
            "所属支部",
            "所属党支部",
            "所在党组织",
            "所属党组织",
            "党组织",
            "支部",
            "org",
            "organization",
            "branch",
        ],
    ),
    (
        "joined",
        &[
            "入党时间",
            "入党日期",
            "joined",
            "joindate",
            "join_date",
            "datejoined",
        ],
    ),
    (
        "office",
        &[
            "是否有职务",
            "有无职务",
            "是否有职",
            "有职无职",
            "职务情况",
            "office",
        ],
    ),
    (
        "phone",
        &[
            "联系电话",
            "电话",
            "电话号码",
            "手机",
            "手机号",
            "手机号码",
            "联系方式",
            "phone",
            "mobile",
            "tel",
            "telephone",
        ],
    ),
    (
        "id_card",
        &[
            "身份证号",
            "身份证号码",
            "身份证",
            "公民身份号码",
            "idcard",
            "id_card",
            "idnumber",
        ],
    ),
    (
        "lives_in",
        &["居住社区", "现居住社区", "所住社区", "lives_in", "livesin"],
    ),
    ("left", &["离开时间", "转出时间", "转出日期", "left"]),
    (
        "extra.note",
        &["备注", "note", "notes", "remark", "remarks"],
    ),
    ("ignore", &["序号", "no", "no.", "#", "行号"]),
];

/// A header as compared: no spaces, no `*`, no bracketed note, lowercase.
pub fn normalize_header(h: &str) -> String {
    let cut = h
        .find(['(', '（', '['])
        .map_or(h, |i| if i == 0 { h } else { &h[..i] });
    cut.chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '\u{3000}' && *c != ':' && *c != '：')
        .flat_map(char::to_lowercase)
        .collect()
}

fn builtin_field(header: &str) -> Option<Field> {
    let h = normalize_header(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalize_header(n) == h))
        .and_then(|(field, _)| Field::parse(field))
}

/// What the import needs to know besides the roster.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// `--map`: header → field, checked before the built-in headers.
    pub maps: Vec<(String, Field)>,
    /// `--org`: the organization of rows without one (an id, already resolved).
    pub default_org: Option<String>,
    /// Every organization: (id, name).
    pub orgs: Vec<(String, String)>,
    /// Every existing member: (id, name, org).
    pub members: Vec<(String, String, String)>,
    /// `--update`: existing members may be changed.
    pub update: bool,
}

/// The values a row gives; `None` where the column is absent or the cell empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Values {
    pub name: Option<String>,
    pub org: Option<String>,
    pub status: Option<MemberStatus>,
    pub office: Option<Office>,
    pub joined: Option<Date>,
    pub lives_in: Option<String>,
    pub left: Option<Date>,
    pub extra: Vec<(String, String)>,
    pub private: Vec<(String, String)>,
}

/// A row to import.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub row: usize,
    pub id: String,
    /// `members/<id>.toml` exists: with `--update`, only the row's fields change.
    pub exists: bool,
    pub values: Values,
}

/// The outcome of planning: rows to import, rows refused (row number, reason), columns left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub rows: Vec<Planned>,
    pub refused: Vec<(usize, String)>,
    pub ignored: Vec<String>,
}

/// A roster that cannot be read at all (no header row, a column mapped twice).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRoster(pub String);

/// Plans the import of `grid`.
pub fn plan(grid: &Grid, ctx: &Context, locale: Locale) -> Result<Plan, BadRoster> {
    let field_of = |h: &str| -> Option<Field> {
        let n = normalize_header(h);
        ctx.maps
            .iter()
            .find(|(m, _)| normalize_header(m) == n)
            .map(|(_, f)| f.clone())
            .or_else(|| builtin_field(h))
    };
    // The header row: the first of the first ten rows with a name column.
    let header_at = grid
        .rows
        .iter()
        .take(10)
        .position(|(_, cells)| {
            cells
                .iter()
                .any(|c| matches!(c, Cell::Text(t) if field_of(t) == Some(Field::Name)))
        })
        .ok_or_else(|| BadRoster(tf(locale, "import.no-header", &[])))?;
    let (_, header) = &grid.rows[header_at];
    let mut columns: Vec<(usize, Field)> = Vec::new();
    let mut ignored = Vec::new();
    let mut seen: HashMap<Field, String> = HashMap::new();
    for (i, cell) in header.iter().enumerate() {
        let Cell::Text(h) = cell else { continue };
        match field_of(h) {
            Some(Field::Ignore) => {}
            Some(f) => {
                if let Some(other) = seen.insert(f.clone(), h.clone()) {
                    return Err(BadRoster(tf(
                        locale,
                        "import.column-twice",
                        &[("a", &other), ("b", h)],
                    )));
                }
                columns.push((i, f));
            }
            None => ignored.push(h.clone()),
        }
    }
    let has = |f: &Field| columns.iter().any(|(_, c)| c == f);
    let has_id = has(&Field::Id);

    let mut out = Plan {
        ignored,
        ..Plan::default()
    };
    let mut taken: HashMap<String, usize> = HashMap::new();
    // Ids made from names in this import, by (name, organization).
    let mut unnamed: HashMap<(String, Option<String>), String> = HashMap::new();
    let org_ids: HashSet<&str> = ctx.orgs.iter().map(|(id, _)| id.as_str()).collect();
    let existing: HashSet<&str> = ctx.members.iter().map(|(id, ..)| id.as_str()).collect();
    for (row, cells) in &grid.rows[header_at + 1..] {
        let row = *row;
        // A roster printed over several pages repeats its header row.
        if cells == header {
            continue;
        }
        let mut reasons = Vec::new();
        let mut values = Values::default();
        let mut id_cell: Option<String> = None;
        let mut bad: Vec<Field> = Vec::new();
        for (col, field) in &columns {
            let cell = cells.get(*col).unwrap_or(&Cell::Empty);
            if cell.is_empty() {
                continue;
            }
            let column = header_name(header, *col);
            let before = reasons.len();
            match field {
                Field::Id => match text_of(cell) {
                    Ok(s) => {
                        let id = s.trim().to_lowercase();
                        if is_valid_id(&id) {
                            id_cell = Some(id);
                        } else {
                            reasons.push(tf(locale, "import.bad-id", &[("value", &s)]));
                        }
                    }
                    Err(e) => reasons.push(e.message(locale, &column)),
                },
                Field::Name => match text_of(cell) {
                    Ok(s) => values.name = Some(clean_name(&s)),
                    Err(e) => reasons.push(e.message(locale, &column)),
                },
                Field::Status => {
                    let s = display(cell);
                    match parse_status(&s) {
                        Some(v) => values.status = Some(v),
                        None => reasons.push(tf(locale, "import.bad-status", &[("value", &s)])),
                    }
                }
                Field::Office => {
                    let s = display(cell);
                    match parse_office(&s) {
                        Some(v) => values.office = Some(v),
                        None => reasons.push(tf(locale, "import.bad-office", &[("value", &s)])),
                    }
                }
                Field::Joined | Field::Left => match parse_date(cell) {
                    Some(d) => {
                        if *field == Field::Joined {
                            values.joined = Some(d);
                        } else {
                            values.left = Some(d);
                        }
                    }
                    None => reasons.push(tf(
                        locale,
                        "import.bad-date",
                        &[("column", &column), ("value", &display(cell))],
                    )),
                },
                Field::Org | Field::LivesIn => {
                    let s = display(cell);
                    match find_org(&ctx.orgs, &s) {
                        Ok(id) => {
                            if *field == Field::Org {
                                values.org = Some(id);
                            } else {
                                values.lives_in = Some(id);
                            }
                        }
                        Err(OrgError::Unknown) => {
                            reasons.push(tf(locale, "import.unknown-org", &[("value", &s)]))
                        }
                        Err(OrgError::Ambiguous(ids)) => reasons.push(tf(
                            locale,
                            "import.ambiguous-org",
                            &[("value", &s), ("ids", &ids.join(", "))],
                        )),
                    }
                }
                Field::Extra(key) | Field::Private(key) => match text_of(cell) {
                    Ok(s) => {
                        let list = if matches!(field, Field::Extra(_)) {
                            &mut values.extra
                        } else {
                            &mut values.private
                        };
                        list.push((key.clone(), s));
                    }
                    Err(e) => reasons.push(e.message(locale, &column)),
                },
                Field::Ignore => {}
            }
            if reasons.len() > before {
                bad.push(field.clone());
            }
        }
        if values.org.is_none() && !bad.contains(&Field::Org) {
            values.org = ctx.default_org.clone();
        }

        // The row's id: its id cell, else an existing member of the same name and organization,
        // else the pinyin of the name, numbered when taken (张三 → zhangsan, zhangsan-2).
        let id = match id_cell {
            Some(id) => Some(id),
            None if has_id && values.name.is_none() => None,
            None => match &values.name {
                None => None,
                Some(name) => {
                    let same: Vec<&str> = ctx
                        .members
                        .iter()
                        .filter(|(_, n, o)| {
                            n == name && values.org.as_deref().is_none_or(|org| org == o)
                        })
                        .map(|(id, ..)| id.as_str())
                        .collect();
                    match same.as_slice() {
                        [one] => Some(one.to_string()),
                        // The same name in the same organization twice in one roster is
                        // one person written twice: the second row is a duplicate.
                        [] => match unnamed.get(&(name.clone(), values.org.clone())) {
                            Some(first) => Some(first.clone()),
                            None => {
                                let id = free_id(&id_of_name(name), |id| {
                                    existing.contains(id)
                                        || org_ids.contains(id)
                                        || taken.contains_key(id)
                                });
                                unnamed.insert((name.clone(), values.org.clone()), id.clone());
                                Some(id)
                            }
                        },
                        many => {
                            reasons.push(tf(
                                locale,
                                "import.ambiguous-member",
                                &[("name", name), ("ids", &many.join(", "))],
                            ));
                            None
                        }
                    }
                }
            },
        };
        let exists = id.as_deref().is_some_and(|id| existing.contains(id));
        if !exists {
            if values.name.is_none() && !bad.contains(&Field::Name) {
                reasons.push(tf(locale, "import.missing-name", &[]));
            }
            if values.org.is_none() && !bad.contains(&Field::Org) {
                reasons.push(tf(locale, "import.missing-org", &[]));
            }
            if values.status.is_none() && !bad.contains(&Field::Status) {
                reasons.push(tf(locale, "import.missing-status", &[]));
            }
        }
        if let Some(id) = &id {
            if org_ids.contains(id.as_str()) {
                reasons.push(tf(locale, "import.id-is-org", &[("id", id)]));
            }
            if let Some(first) = taken.get(id) {
                reasons.push(tf(
                    locale,
                    "import.duplicate-id",
                    &[("id", id), ("row", first)],
                ));
            }
            if exists && !ctx.update {
                reasons.push(tf(locale, "import.exists", &[("id", id)]));
            }
        }
        match id {
            Some(id) if reasons.is_empty() => {
                taken.insert(id.clone(), row);
                out.rows.push(Planned {
                    row,
                    id,
                    exists,
                    values,
                });
            }
            _ => {
                if reasons.is_empty() {
                    reasons.push(tf(locale, "import.missing-name", &[]));
                }
                out.refused.push((row, reasons.join("; ")));
            }
        }
    }
    Ok(out)
}

/// A name as written, without the spaces rosters put inside short Chinese names (`张  三`).
fn clean_name(s: &str) -> String {
    let s = s.trim();
    if s.chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| !c.is_ascii())
    {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn header_name(header: &[Cell], col: usize) -> String {
    match header.get(col) {
        Some(Cell::Text(t)) => t.clone(),
        _ => format!("#{}", col + 1),
    }
}

/// A cell that cannot be read as text without losing what was written.
#[derive(Debug)]
enum TextError {
    /// A number of 16 digits or more: Excel kept only 15 of them.
    TooLong(String),
}

impl TextError {
    fn message(&self, locale: Locale, column: &str) -> String {
        match self {
            TextError::TooLong(v) => tf(
                locale,
                "import.too-long-number",
                &[("column", &column), ("value", v)],
            ),
        }
    }
}

fn text_of(cell: &Cell) -> Result<String, TextError> {
    match cell {
        Cell::Number(f) if f.abs() >= 1e15 => Err(TextError::TooLong(display(cell))),
        _ => Ok(display(cell)),
    }
}

/// A cell as text: whole numbers without `.0`, dates as YYYY-MM-DD.
pub fn display(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.trim().to_string(),
        Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e17 => format!("{}", *f as i64),
        Cell::Number(f) => f.to_string(),
        Cell::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// A status in the words rosters use.
pub fn parse_status(s: &str) -> Option<MemberStatus> {
    let t = s.trim();
    if let Some(v) = MemberStatus::parse(t) {
        return Some(v);
    }
    let lower = t.to_lowercase();
    if let Some(v) = MemberStatus::parse(&lower) {
        return Some(v);
    }
    Some(match lower.as_str() {
        "正式" | "中共党员" | "党员" | "full member" => MemberStatus::Full,
        "预备" | "中共预备党员" | "probationary member" => MemberStatus::Probationary,
        "积极分子" | "入党积极份子" => MemberStatus::Activist,
        "居民" | "非党员" | "non-member" => MemberStatus::Resident,
        _ => return None,
    })
}

/// 是/否, 有/无, yes/no … as an office.
pub fn parse_office(s: &str) -> Option<Office> {
    let t = s.trim();
    if let Some(v) = Office::parse(t) {
        return Some(v);
    }
    let lower = t.to_lowercase();
    if let Some(v) = Office::parse(&lower) {
        return Some(v);
    }
    Some(match lower.as_str() {
        "是" | "有" | "有职务" | "y" | "yes" | "true" | "1" | "√" | "✓" => Office::Leader,
        "否" | "无" | "没有" | "无职务" | "n" | "no" | "false" | "0" | "×" | "-" => {
            Office::None
        }
        _ => return None,
    })
}

/// A date as Excel stores it, or written as 2005-07-01, 2005/7/1, 2005年7月1日, 2005.07.01 or
/// 20050701 (a time after the date is ignored).
pub fn parse_date(cell: &Cell) -> Option<Date> {
    let ymd = |y: i64, m: i64, d: i64| {
        NaiveDate::from_ymd_opt(
            i32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(d).ok()?,
        )
        .filter(|d| (1900..=2999).contains(&chrono::Datelike::year(d)))
        .map(Date)
    };
    match cell {
        Cell::Date(y, m, d) => ymd((*y).into(), (*m).into(), (*d).into()),
        Cell::Number(f) if f.fract() == 0.0 && (19000101.0..=29991231.0).contains(f) => {
            let n = *f as i64;
            ymd(n / 10000, n / 100 % 100, n % 100)
        }
        Cell::Number(f) if (1.0..2958466.0).contains(f) => {
            // An unformatted Excel serial date (1900 system).
            let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
            base.checked_add_days(chrono::Days::new(f.floor() as u64))
                .map(Date)
        }
        Cell::Number(_) | Cell::Empty => None,
        Cell::Text(s) => {
            let s = s.trim();
            let s = s.split([' ', 'T']).next().unwrap_or(s);
            if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
                let n: i64 = s.parse().ok()?;
                return ymd(n / 10000, n / 100 % 100, n % 100);
            }
            let parts: Vec<&str> = s
                .split(['-', '/', '.', '年', '月', '日', '－', '／', '．'])
                .filter(|p| !p.is_empty())
                .collect();
            let [y, m, d] = parts.as_slice() else {
                return None;
            };
            if y.len() != 4 {
                return None;
            }
            ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
    }
}

enum OrgError {
    Unknown,
    Ambiguous(Vec<String>),
}

/// An organization by id, else by exact name.
fn find_org(orgs: &[(String, String)], s: &str) -> Result<String, OrgError> {
    let s = s.trim();
    if let Some((id, _)) = orgs.iter().find(|(id, _)| id == s) {
        return Ok(id.clone());
    }
    let named: Vec<String> = orgs
        .iter()
        .filter(|(_, name)| name == s)
        .map(|(id, _)| id.clone())
        .collect();
    match named.len() {
        0 => Err(OrgError::Unknown),
        1 => Ok(named.into_iter().next().unwrap_or_default()),
        _ => Err(OrgError::Ambiguous(named)),
    }
}

/// Finds an organization for `--org` (id or name).
pub fn resolve_org(orgs: &[(String, String)], s: &str) -> Option<String> {
    find_org(orgs, s).ok()
}

#[cfg(test)]
mod tests;
