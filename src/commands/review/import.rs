//! `dangjian review import FILE [--period P] [--org O] [--dry-run]`: reads a filled-in sheet
//! (xlsx, or CSV in UTF-8 or GBK, as `review sheet --format xlsx|csv` writes it) back into the
//! evaluation sheets. All or nothing: every bad cell is named by row and column and nothing is
//! written; the sheets are validated as `check` would before the first one is replaced.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result};

use super::score::{Entered, parse_adjust, write_row};
use super::sheet_file::{COLUMNS, FIRST_SCORE_COLUMN, column_of};
use crate::check;
use crate::commands::post::edit;
use crate::commands::records::with_help;
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::tf;
use crate::model::{Evaluation, Num, Period, is_valid_id};
use crate::roster::{self, Cell};
use crate::workspace::resolve::read_record;
use crate::workspace::write::{self, Editable, Written};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The filled-in sheet: .xlsx, or .csv (UTF-8 or GBK)
    pub file: PathBuf,
    /// Period of every row (default: the file's period column)
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<Period>,
    /// The evaluating organization of every row (default: the file's org column)
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Print the changes as unified diffs and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// One row read: where it goes and what it says.
struct Row {
    sheet: String,
    key: &'static str,
    id: String,
    entered: Entered,
}

/// A spreadsheet column letter (A, B, … Z, AA …) from a 0-based index.
fn letter(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, char::from(b'A' + u8::try_from(i % 26).unwrap_or(0)));
        if i < 26 {
            return s;
        }
        i = i / 26 - 1;
    }
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.trim().to_string(),
        Cell::Number(n) => format!("{n}"),
        Cell::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// Numbers separated by commas (also `，` and `、`).
fn numbers(s: &str) -> Option<Vec<Num>> {
    s.split([',', '，', '、'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<Num>().ok())
        .collect()
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let s = edit::begin(ctx)?;
    let l = s.locale;
    let scale = s.settings.review.scale;
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file)
        .with_context(|| tf(l, "records.import.unreadable", &[("file", &name)]))?;
    let grid = if roster::is_workbook(&name) {
        roster::read_workbook(bytes, None, l)?
    } else {
        roster::read_delimited(&bytes)?
    };
    let org_arg = match &args.org {
        Some(o) => Some(crate::commands::matter::org_id(&s.root, o, l)?),
        None => None,
    };
    // The header row: the first of the first ten rows that names the id column.
    let header_at = grid.rows.iter().take(10).position(|(_, cells)| {
        cells
            .iter()
            .any(|c| matches!(c, Cell::Text(t) if column_of(t) == Some("id")))
    });
    let Some(header_at) = header_at else {
        return Err(Refused {
            reasons: vec![with_help(
                l,
                tf(l, "records.import.no-header", &[("file", &name)]),
                "dangjian review sheet --period <period> --org <org> --format xlsx -o <file>"
                    .to_string(),
            )],
        }
        .into());
    };
    let (_, header) = &grid.rows[header_at];
    let columns: Vec<(usize, &'static str, String)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, c)| column_of(&text_of(c)).map(|k| (i, k, text_of(c))))
        .collect();
    let mut reasons = Vec::new();
    let mut rows = Vec::new();
    for (row_no, cells) in grid.rows.iter().skip(header_at + 1) {
        let get = |key: &str| -> Option<(String, String)> {
            columns.iter().find(|(_, k, _)| *k == key).map(|(i, _, h)| {
                let value = cells.get(*i).map(text_of).unwrap_or_default();
                (value, format!("{} ({h})", letter(*i)))
            })
        };
        let bad = |col: &str, value: &str, what: &'static str| {
            tf(
                l,
                what,
                &[("row", row_no), ("column", &col), ("value", &value)],
            )
        };
        let filled = COLUMNS[FIRST_SCORE_COLUMN..]
            .iter()
            .any(|(k, _)| get(k).is_some_and(|(v, _)| !v.is_empty()));
        if !filled {
            continue;
        }
        let before = reasons.len();
        let mut entered = Entered::default();
        for key in ["self", "leader"] {
            if let Some((v, col)) = get(key).filter(|(v, _)| !v.is_empty()) {
                match v.parse::<Num>() {
                    Ok(n) if n.0 >= rust_decimal::Decimal::ZERO && n <= scale => {
                        if key == "self" {
                            entered.self_score = Some(n);
                        } else {
                            entered.leader = Some(n);
                        }
                    }
                    _ => reasons.push(bad(&col, &v, "records.import.bad-score")),
                }
            }
        }
        for key in ["peer", "masses"] {
            if let Some((v, col)) = get(key).filter(|(v, _)| !v.is_empty()) {
                match numbers(&v) {
                    Some(ns)
                        if !ns.is_empty()
                            && ns
                                .iter()
                                .all(|n| n.0 >= rust_decimal::Decimal::ZERO && *n <= scale) =>
                    {
                        if key == "peer" {
                            entered.peer = ns;
                        } else {
                            entered.masses = ns;
                        }
                    }
                    _ => reasons.push(bad(&col, &v, "records.import.bad-ballots")),
                }
            }
        }
        if let Some((v, col)) = get("adjust").filter(|(v, _)| !v.is_empty()) {
            for part in v
                .split([';', '；'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                match parse_adjust(part) {
                    Ok(a) => entered.adjust.push(a),
                    Err(_) => reasons.push(bad(&col, part, "records.import.bad-adjust")),
                }
            }
        }
        entered.veto = get("veto").map(|(v, _)| v).filter(|v| !v.is_empty());
        entered.note = get("note").map(|(v, _)| v).filter(|v| !v.is_empty());
        let id = get("id").map(|(v, _)| v).unwrap_or_default();
        let kind = get("kind")
            .map(|(v, _)| v)
            .unwrap_or_else(|| "member".to_string());
        let (key, folder) = if kind == "org" {
            ("org", "orgs")
        } else {
            ("member", "members")
        };
        if !is_valid_id(&id) || !s.root.join(format!("{folder}/{id}.toml")).is_file() {
            let col = get("id").map(|(_, c)| c).unwrap_or_default();
            reasons.push(bad(&col, &id, "records.import.unknown-subject"));
        }
        let org = org_arg
            .clone()
            .or_else(|| get("org").map(|(v, _)| v).filter(|v| !v.is_empty()));
        let period = match args.period {
            Some(p) => Some(p),
            None => match get("period") {
                Some((v, col)) => match v.parse::<Period>() {
                    Ok(p) => Some(p),
                    Err(_) => {
                        reasons.push(bad(&col, &v, "records.import.bad-period"));
                        None
                    }
                },
                None => None,
            },
        };
        let (Some(org), Some(period)) = (org, period) else {
            if reasons.len() == before {
                reasons.push(tf(l, "records.import.no-sheet-of-row", &[("row", row_no)]));
            }
            continue;
        };
        let sheet = format!("evaluations/{period}/{org}.toml");
        if !s.root.join(&sheet).is_file() {
            reasons.push(with_help(
                l,
                tf(
                    l,
                    "records.import.missing-sheet",
                    &[("row", row_no), ("file", &sheet)],
                ),
                format!("dangjian review sheet --period {period} --org {org}"),
            ));
        }
        if reasons.len() == before {
            rows.push(Row {
                sheet,
                key,
                id,
                entered,
            });
        }
    }
    if !reasons.is_empty() {
        reasons.push(tf(l, "records.import.nothing-written", &[]));
        return Err(Refused { reasons }.into());
    }
    let mut by_sheet: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for r in rows {
        by_sheet.entry(r.sheet.clone()).or_default().push(r);
    }
    let cctx = check::Context {
        as_of: ctx.as_of,
        locale: l,
    };
    let mut edits = Vec::new();
    for (rel, rows) in &by_sheet {
        let sheet = read_record::<Evaluation>(&s.root, rel, l)?.value;
        let mut file = Editable::open(&s.root, rel, l)?;
        for r in rows {
            write_row(file.doc.as_table_mut(), &sheet, r.key, &r.id, &r.entered)
                .map_err(|e| anyhow::anyhow!("{rel}: {e}"))?;
        }
        // Validate every sheet before the first is replaced.
        let diff = write::save::<Evaluation>(&s.lock, &file, true, l, |e| {
            check::single::evaluation(rel, e, &s.settings, &cctx)
        })?;
        edits.push((rel.clone(), file, diff, rows.len()));
    }
    for (rel, file, diff, count) in &edits {
        if args.dry_run {
            if let Written::DryRun(d) = diff {
                print!("{d}");
            }
            continue;
        }
        let written = write::save::<Evaluation>(&s.lock, file, false, l, |e| {
            check::single::evaluation(rel, e, &s.settings, &cctx)
        })?;
        if !ctx.quiet {
            println!(
                "{}",
                tf(
                    l,
                    "records.import.wrote",
                    &[("count", count), ("file", rel)]
                )
            );
            if written == Written::Unchanged {
                println!("{}", write::describe(&written, rel, l));
            }
        }
    }
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_ballots() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(5), "F");
        assert_eq!(letter(26), "AA");
        assert_eq!(numbers("88, 92，85").unwrap().len(), 3);
        assert!(numbers("88,好").is_none());
    }
}
