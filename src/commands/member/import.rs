//! `dangjian member import <roster>`: members from an Excel or CSV roster (花名册). Reading the
//! file is `roster`, deciding what each row means is `roster::plan` (pure); this file reads the
//! organizations and existing members, validates every row first, then writes one member file
//! per row through the locked, atomic write path — all or nothing unless `--skip-bad`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use chrono::Datelike;
use rayon::prelude::*;
use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

use crate::check;
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::{Locale, tf};
use crate::model::{Date, Kind, Member, MemberStatus, Office, Org};
use crate::roster::{self, plan};
use crate::workspace::edit::{self, set_value as set};
use crate::workspace::resolve::read_record;
use crate::workspace::write::{self, Editable, Written};

use plan::{Field, Planned, Values};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Roster file: .xlsx, .xls, .ods, or .csv/.tsv (UTF-8, or GB18030/GBK as Chinese Excel saves it)
    #[arg(value_name = "ROSTER")]
    pub file: PathBuf,
    /// Organization (id or name) of the rows whose organization cell is empty or absent
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Print what would be written (a diff per file) and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Change existing members too: only the fields the roster has, comments kept
    #[arg(long)]
    pub update: bool,
    /// Import the good rows even when some are refused (the command still exits 1)
    #[arg(long)]
    pub skip_bad: bool,
    /// Read a column as a field, 'HEADER=FIELD'; FIELD is id, name, org, status, office, joined,
    /// lives_in, left, gender, phone, id_card, extra.KEY, private.KEY or ignore
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    pub maps: Vec<String>,
    /// Sheet of a workbook to read (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

/// A row that passed every check, with the edit that imports it.
struct Ready {
    planned: Planned,
    edit: Editable,
    /// The diff of the edit; `None` when the file would not change.
    diff: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let root = ctx.root()?;
    let (_, locale) = ctx.settings(&root)?;
    let maps = args
        .maps
        .iter()
        .map(|m| {
            m.split_once('=')
                .and_then(|(h, f)| Field::parse(f).map(|f| (h.trim().to_string(), f)))
                .ok_or_else(|| anyhow!("{}", tf(locale, "import.bad-map", &[("map", m)])))
        })
        .collect::<Result<Vec<_>>>()?;
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let name = args.file.to_string_lossy();
    let grid = if roster::is_workbook(&name) {
        roster::read_workbook(bytes, args.sheet.as_deref(), locale)
    } else {
        roster::read_delimited(&bytes)
    }
    .with_context(|| format!("cannot read {}", args.file.display()))?;
    if let (Some(encoding), false) = (grid.encoding, ctx.quiet) {
        eprintln!(
            "{}",
            tf(
                locale,
                "import.encoding",
                &[("file", &name), ("encoding", &encoding)]
            )
        );
    }

    // Taken for a dry run too: the plan is validated through the write path, which only the
    // holder of the lock may use.
    let lock = write::lock(&root, locale, ctx.quiet)?;
    let orgs: Vec<(String, String)> = read_folder::<Org>(&root, "orgs", locale)
        .into_iter()
        .map(|(id, o)| {
            let name = o.map(|o| o.name).unwrap_or_default();
            (id, name)
        })
        .collect();
    let members: Vec<(String, String, String)> = read_folder::<Member>(&root, "members", locale)
        .into_iter()
        .map(|(id, m)| match m {
            Some(m) => (id, m.name.into(), m.org.into()),
            None => (id, String::new(), String::new()),
        })
        .collect();
    let default_org = match &args.org {
        None => None,
        Some(o) => Some(plan::resolve_org(&orgs, o).ok_or_else(|| Refused {
            reasons: vec![tf(locale, "import.unknown-org", &[("value", o)])],
        })?),
    };
    let pctx = plan::Context {
        maps,
        default_org,
        orgs,
        members,
        update: args.update,
    };
    let plan = plan::plan(&grid, &pctx, locale).map_err(|e| Refused { reasons: vec![e.0] })?;
    if !plan.ignored.is_empty() && !ctx.quiet {
        eprintln!(
            "{}",
            tf(
                locale,
                "import.ignored",
                &[("columns", &plan.ignored.join(", "))]
            )
        );
    }

    // Validate every row before writing anything.
    let cctx = check::Context {
        as_of: ctx.as_of,
        locale,
    };
    let mut refused = plan.refused;
    let mut ready = Vec::new();
    for planned in plan.rows {
        match prepare(&lock, &planned, &cctx) {
            Ok((edit, diff)) => ready.push(Ready {
                planned,
                edit,
                diff,
            }),
            Err(err) => {
                let reason = match err.downcast_ref::<Refused>() {
                    Some(r) => r.reasons.join("; "),
                    None => format!("{err:#}"),
                };
                refused.push((planned.row, reason));
            }
        }
    }
    refused.sort_by_key(|(row, _)| *row);
    let refusals: Vec<String> = refused
        .iter()
        .map(|(row, reason)| tf(locale, "import.row", &[("row", row), ("reason", reason)]))
        .collect();
    if !refusals.is_empty() && !args.skip_bad {
        let mut reasons = refusals;
        reasons.push(tf(
            locale,
            "import.nothing-written",
            &[("good", &ready.len())],
        ));
        return Err(Refused { reasons }.into());
    }

    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    for r in &ready {
        let rel = &r.edit.rel;
        let name = r.planned.values.name.as_deref().unwrap_or(&r.planned.id);
        let key = match (&r.diff, r.planned.exists) {
            (None, _) => {
                unchanged += 1;
                "import.unchanged"
            }
            (Some(_), false) => {
                created += 1;
                "import.created"
            }
            (Some(_), true) => {
                updated += 1;
                "import.updated"
            }
        };
        if args.dry_run {
            if let Some(diff) = &r.diff {
                print!("{diff}");
            }
            continue;
        }
        if r.diff.is_some() {
            let after = write::keep_canonical(rel, r.edit.before.as_deref(), r.edit.after());
            write::commit(&lock, rel, r.edit.before.as_deref(), &after, false)?;
        }
        if !ctx.quiet {
            println!(
                "{}",
                tf(
                    locale,
                    key,
                    &[
                        ("row", &r.planned.row),
                        ("file", rel),
                        ("name", &crate::diag::escape::one_line(name))
                    ]
                )
            );
        }
    }
    if !ctx.quiet {
        let key = if args.dry_run {
            "import.summary-dry"
        } else {
            "import.summary"
        };
        eprintln!(
            "{}",
            tf(
                locale,
                key,
                &[
                    ("rows", &ready.len()),
                    ("created", &created),
                    ("updated", &updated),
                    ("unchanged", &unchanged),
                ]
            )
        );
    }
    if refusals.is_empty() {
        return Ok(Exit::Success);
    }
    for reason in &refusals {
        eprintln!("{}{reason}", crate::i18n::t(locale, "cli.error-prefix"));
    }
    eprintln!(
        "{}",
        tf(
            locale,
            "import.refused-count",
            &[("count", &refusals.len())]
        )
    );
    Ok(Exit::Problems)
}

/// The edit that imports one row, validated as `check` would (the record parses and passes the
/// single-record rules), and its diff (`None`: nothing would change).
fn prepare(
    lock: &write::WorkspaceLock,
    planned: &Planned,
    cctx: &check::Context,
) -> Result<(Editable, Option<String>)> {
    let rel = format!("members/{}.toml", planned.id);
    let mut edit = if planned.exists {
        Editable::open(lock.root(), &rel, cctx.locale)?
    } else {
        Editable::create(&rel, &new_member_text(&planned.id, &planned.values))?
    };
    if planned.exists {
        apply(edit.doc.as_table_mut(), &planned.values);
    }
    let written = write::save::<Member>(lock, &edit, true, cctx.locale, |m| {
        check::single::member(&rel, m, cctx)
    })?;
    let diff = match written {
        Written::DryRun(diff) => Some(diff),
        Written::Unchanged | Written::Wrote(_) => None,
    };
    // `save` on a dry run only produced the diff; `edit` is written later.
    Ok((edit, diff))
}

/// The text of a new member file, in canonical form.
fn new_member_text(id: &str, v: &Values) -> String {
    let mut doc = DocumentMut::new();
    doc["id"] = toml_edit::value(id);
    let root = doc.as_table_mut();
    apply(root, v);
    if !root.contains_key("office") {
        root.insert("office", toml_edit::value(Office::None.as_str()));
    }
    let text = doc.to_string();
    crate::format::canonical(Kind::Member, &text).unwrap_or(text)
}

/// Writes the row's values into a member document; values equal to what is there (also when
/// written in Chinese, as `正式党员` for `full`) are left as they are, with their comments.
fn apply(doc: &mut Table, v: &Values) {
    if let Some(name) = &v.name {
        set_str(doc, "name", name);
    }
    if let Some(org) = &v.org {
        set_str(doc, "org", org);
    }
    if let Some(status) = v.status {
        let same = doc
            .get("status")
            .and_then(Item::as_str)
            .and_then(MemberStatus::parse)
            == Some(status);
        if !same {
            set(doc, "status", Value::from(status.as_str()));
        }
    }
    if let Some(office) = v.office {
        let same = doc
            .get("office")
            .and_then(Item::as_str)
            .and_then(Office::parse)
            == Some(office);
        if !same {
            set(doc, "office", Value::from(office.as_str()));
        }
    }
    if let Some(d) = v.joined {
        set_date(doc, "joined", d);
    }
    if let Some(lives_in) = &v.lives_in {
        set_str(doc, "lives_in", lives_in);
    }
    if let Some(d) = v.left {
        set_date(doc, "left", d);
    }
    for (table, pairs) in [("private", &v.private), ("extra", &v.extra)] {
        if pairs.is_empty() {
            continue;
        }
        if !doc.contains_key(table) {
            doc.insert(table, Item::Table(Table::new()));
        }
        if let Some(t) = doc.get_mut(table).and_then(Item::as_table_like_mut) {
            for (k, val) in pairs {
                set_str(t, k, val);
            }
        }
    }
}

fn set_str(table: &mut dyn TableLike, key: &str, s: &str) {
    if table.get(key).and_then(Item::as_str) != Some(s) {
        set(table, key, Value::from(s));
    }
}

fn set_date(table: &mut dyn TableLike, key: &str, d: Date) {
    let same = table
        .get(key)
        .and_then(Item::as_datetime)
        .and_then(|dt| dt.date)
        .is_some_and(|old| {
            (
                i32::from(old.year),
                u32::from(old.month),
                u32::from(old.day),
            ) == (d.0.year(), d.0.month(), d.0.day())
        });
    if !same {
        set(table, key, edit::date_value(d));
    }
}

/// Every record of a folder by file stem, parsed when it parses.
fn read_folder<T: serde::de::DeserializeOwned + Send>(
    root: &Path,
    folder: &str,
    locale: Locale,
) -> Vec<(String, Option<T>)> {
    let mut names: Vec<String> = match std::fs::read_dir(root.join(folder)) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
        .par_iter()
        .map(|n| {
            let id = n.trim_end_matches(".toml").to_string();
            let rec = read_record::<T>(root, &format!("{folder}/{n}"), locale).ok();
            (id, rec.map(|r| r.value))
        })
        .collect()
}
