//! The evaluation sheet as a spreadsheet for the people who fill it in (`review sheet --format
//! xlsx|csv -o FILE`) and back (`review import FILE`): one row per subject with locked identity
//! columns (organization, period, kind, id, name) and a column per score source; ballots as a
//! comma list (`88,92,85`), adjustments as `POINTS:REASON` separated by `;`.

use anyhow::Result;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use crate::i18n::{Locale, t};
use crate::model::{Evaluation, Period, ScoreRow, ScoreValue};
use crate::review::period::SubjectKind;
use crate::workspace::Workspace;

/// The columns: stable key and catalog label.
pub const COLUMNS: [(&str, &str); 12] = [
    ("org", "records.sheet.col.org"),
    ("period", "records.sheet.col.period"),
    ("kind", "records.sheet.col.kind"),
    ("id", "records.sheet.col.id"),
    ("name", "records.sheet.col.name"),
    ("self", "records.sheet.col.self"),
    ("peer", "records.sheet.col.peer"),
    ("leader", "records.sheet.col.leader"),
    ("masses", "records.sheet.col.masses"),
    ("adjust", "records.sheet.col.adjust"),
    ("veto", "records.sheet.col.veto"),
    ("note", "records.sheet.col.note"),
];

/// The first column a person fills in; the ones before it are locked.
pub const FIRST_SCORE_COLUMN: usize = 5;

/// A header cell: the label in the workspace language with the stable key, `自评 (self)`.
pub fn header(key: &str, label_key: &'static str, locale: Locale) -> String {
    let label = t(locale, label_key);
    if label == key {
        key.to_string()
    } else {
        format!("{label} ({key})")
    }
}

/// The column key a header cell names: the key in parentheses, the key itself, or the label in
/// either language.
pub fn column_of(cell: &str) -> Option<&'static str> {
    let cell = cell.trim();
    let inner = cell
        .rsplit_once('(')
        .or_else(|| cell.rsplit_once('（'))
        .map(|(_, k)| k.trim_end_matches([')', '）']).trim())
        .unwrap_or(cell);
    COLUMNS
        .iter()
        .map(|(k, label)| (*k, *label))
        .find_map(|(k, label)| {
            let same = inner.eq_ignore_ascii_case(k)
                || cell == t(Locale::ZhCn, label)
                || cell.eq_ignore_ascii_case(t(Locale::En, label));
            same.then_some(k)
        })
}

fn score_text(v: &Option<ScoreValue>) -> String {
    match v {
        None => String::new(),
        Some(ScoreValue::One(n)) => n.to_string(),
        Some(ScoreValue::Ballots(b)) => b
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(","),
    }
}

fn row_cells(
    org: &str,
    period: Period,
    kind: &str,
    id: &str,
    name: &str,
    row: Option<&ScoreRow>,
) -> Vec<String> {
    let mut cells = vec![
        org.to_string(),
        period.to_string(),
        kind.to_string(),
        id.to_string(),
        name.to_string(),
    ];
    match row {
        None => cells.extend(std::iter::repeat_n(
            String::new(),
            COLUMNS.len() - FIRST_SCORE_COLUMN,
        )),
        Some(r) => {
            cells.push(score_text(&r.self_score));
            cells.push(score_text(&r.peer));
            cells.push(score_text(&r.leader));
            cells.push(score_text(&r.masses));
            cells.push(
                r.adjust
                    .iter()
                    .map(|a| format!("{}:{}", a.points, a.reason))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            cells.push(r.veto.clone().unwrap_or_default());
            cells.push(r.note.clone().unwrap_or_default());
        }
    }
    cells
}

/// The rows of the sheet of `org` for `period`: the rows its TOML sheet already has, with their
/// values, then every subject still to be rated (as `review sheet` lists them).
pub fn rows(ws: &Workspace, org: &str, period: Period) -> Vec<Vec<String>> {
    let existing: Option<&Evaluation> = ws
        .evaluations
        .iter()
        .map(|r| &r.value)
        .find(|e| e.org == org && e.period == period);
    let mut out = Vec::new();
    if let Some(sheet) = existing {
        for r in &sheet.scores {
            if let Some((is_org, id)) = r.subject() {
                let kind = if is_org { "org" } else { "member" };
                out.push(row_cells(org, period, kind, id, ws.name_of(id), Some(r)));
            }
        }
    }
    for (kind, id) in super::sheet::subjects(ws, org, period) {
        let kind = match kind {
            SubjectKind::Member => "member",
            SubjectKind::Org => "org",
        };
        out.push(row_cells(org, period, kind, &id, ws.name_of(&id), None));
    }
    out
}

/// The sheet as CSV (UTF-8 with a BOM, so that Excel opens Chinese text correctly).
pub fn csv_bytes(rows: &[Vec<String>], locale: Locale) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record(COLUMNS.iter().map(|(k, l)| header(k, l, locale)))?;
    for r in rows {
        w.write_record(r)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The sheet as a workbook: identity columns locked (the sheet is protected without a
/// password), score columns open, ids and periods as text; fixed document properties so the
/// bytes depend only on the records.
pub fn xlsx_bytes(rows: &[Vec<String>], title: &str, locale: Locale) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("dangjian")
            .set_creation_datetime(&created),
    );
    let ws = wb.add_worksheet();
    ws.set_name("sheet")?;
    let head = Format::new().set_bold();
    let open = Format::new().set_unlocked();
    for (c, (k, l)) in COLUMNS.iter().enumerate() {
        let c = u16::try_from(c)?;
        ws.write_string_with_format(0, c, header(k, l, locale), &head)?;
        ws.set_column_width(
            c,
            if usize::from(c) < FIRST_SCORE_COLUMN {
                14
            } else {
                12
            },
        )?;
    }
    for (r, cells) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1)?;
        for (c, value) in cells.iter().enumerate() {
            let col = u16::try_from(c)?;
            if c < FIRST_SCORE_COLUMN {
                ws.write_string(r, col, value)?;
            } else if value.is_empty() {
                ws.write_blank(r, col, &open)?;
            } else if let Ok(n) = value.parse::<f64>() {
                ws.write_number_with_format(r, col, n, &open)?;
            } else {
                ws.write_string_with_format(r, col, value, &open)?;
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.protect();
    Ok(wb.save_to_buffer()?)
}
