//! `dangjian review sheet --period P --org O`: writes `evaluations/<P>/<O>.toml`, a blank sheet
//! with a row for every subject O reviews (see `subjects`).

use anyhow::{Result, anyhow};
use chrono::Days;

use crate::check;
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::tf;
use std::collections::HashSet;

use crate::model::{Date, Evaluation, OrgKind, Period};
use crate::review::period::{SubjectKind, reviewed_member, rows_of};
use crate::workspace::{Workspace, write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Period of the sheet: YYYY-Qn, YYYY-Hn or YYYY-Y
    #[arg(long, value_name = "PERIOD")]
    pub period: String,
    /// The evaluating organization
    #[arg(long, value_name = "ORG")]
    pub org: String,
    /// Date of the review meeting (default: --as-of if it fits the period, else the period's end)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Print the file that would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// toml writes evaluations/<period>/<org>.toml; xlsx or csv writes the sheet as a
    /// spreadsheet to fill in (read back by `review import`)
    #[arg(long, value_enum, default_value = "toml")]
    pub format: SheetFormat,
    /// The spreadsheet file to write (xlsx and csv)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// What `review sheet` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetFormat {
    Toml,
    Xlsx,
    Csv,
}

/// The subjects a blank sheet of `org` for `period` lists: every member of its subtree to be
/// reviewed who has no row in another sheet of the period and is not under a descendant that
/// keeps sheets of its own (subtree order, then by id), and — for the workspace root or an
/// organization whose earlier sheets rated organizations — its direct child Party
/// organizations without a row.
pub fn subjects(ws: &Workspace, org: &str, period: Period) -> Vec<(SubjectKind, String)> {
    let end = period.end();
    let taken: HashSet<(SubjectKind, String)> = rows_of(ws, period)
        .into_iter()
        .map(|((k, id), _, _)| (k, id.to_string()))
        .collect();
    let evaluating: HashSet<&str> = ws
        .evaluations
        .iter()
        .map(|e| e.org.as_str())
        .filter(|o| *o != org)
        .collect();
    let mut out = Vec::new();
    for o in ws.subtree(org) {
        let covered = o.id != org
            && (evaluating.contains(o.id.as_str())
                || ws
                    .ancestors(&o.id)
                    .iter()
                    .take_while(|a| a.id != org)
                    .any(|a| evaluating.contains(a.id.as_str())));
        if covered {
            continue;
        }
        let mut ids: Vec<String> = ws
            .members
            .iter()
            .filter(|m| m.org == o.id && reviewed_member(m, end))
            .filter(|m| !taken.contains(&(SubjectKind::Member, m.id.to_string())))
            .map(|m| m.id.to_string())
            .collect();
        ids.sort();
        ids.dedup();
        out.extend(ids.into_iter().map(|id| (SubjectKind::Member, id)));
    }
    // Child organizations are rated by the root, and by an organization that rated any before.
    let rates_orgs = org == ws.settings.root
        || ws
            .evaluations
            .iter()
            .any(|e| e.org == org && e.scores.iter().any(|r| r.org.is_some()));
    for child in ws.children(org).filter(|_| rates_orgs) {
        if child.kind != OrgKind::Partner && !taken.contains(&(SubjectKind::Org, child.id.clone()))
        {
            out.push((SubjectKind::Org, child.id.clone()));
        }
    }
    out
}

/// The text of the blank sheet.
pub fn text(ws: &Workspace, org: &str, period: Period, date: Date, header: &str) -> String {
    let mut s = format!("# {header}\norg = \"{org}\"\nperiod = \"{period}\"\ndate = {date}\n");
    for (kind, id) in subjects(ws, org, period) {
        let name = ws.name_of(&id).replace(['\n', '\r'], " ");
        let key = match kind {
            SubjectKind::Member => "member",
            SubjectKind::Org => "org",
        };
        s.push_str(&format!("\n[[score]]\n{key} = \"{id}\"  # {name}\n"));
    }
    s
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let period: Period = args
        .period
        .parse()
        .map_err(|e: String| anyhow!("--period: {e}"))?;
    let loaded = super::output::load(ctx)?;
    let (root, ws, l) = (&loaded.root, &loaded.ws, loaded.locale);
    let org = crate::commands::org::find_org(ws, &args.org, l)?;
    if args.format != SheetFormat::Toml {
        let rows = super::sheet_file::rows(ws, &org, period);
        let header = tf(
            l,
            "review.sheet.header",
            &[("org", &ws.name_of(&org)), ("period", &period)],
        );
        let bytes = match args.format {
            SheetFormat::Xlsx => super::sheet_file::xlsx_bytes(&rows, &header, l)?,
            _ => super::sheet_file::csv_bytes(&rows, l)?,
        };
        crate::commands::emit_to(
            ctx,
            &bytes,
            args.output.as_deref(),
            args.format == SheetFormat::Xlsx,
        )?;
        return Ok(Exit::Success);
    }
    let date = match &args.date {
        Some(d) => d.parse::<Date>().map_err(|e| anyhow!("--date: {e}"))?,
        None => {
            let last = period.end().0.checked_add_days(Days::new(90)).map(Date);
            if ctx.as_of >= period.start() && last.is_some_and(|l| ctx.as_of <= l) {
                ctx.as_of
            } else {
                period.end()
            }
        }
    };
    let rel = format!("evaluations/{period}/{}.toml", org);
    let lock = write::lock(root, l, ctx.quiet)?;
    if root.join(&rel).exists() {
        return Err(Refused {
            reasons: vec![
                tf(l, "review.sheet.exists", &[("file", &rel)]),
                tf(l, "review.sheet.exists.help", &[]),
            ],
        }
        .into());
    }
    // Two comment lines: what to fill in, and that a blank row is not scored.
    let header = format!(
        "{}\n# {}",
        tf(
            l,
            "review.sheet.header",
            &[("org", &ws.name_of(&org)), ("period", &period)],
        ),
        crate::i18n::t(l, "review.sheet.header-blank")
    );
    let edit = write::Editable::create(&rel, &text(ws, &org, period, date, &header))?;
    let cctx = check::Context {
        as_of: ctx.as_of,
        locale: l,
    };
    let settings = ws.settings.value.clone();
    let written = write::save::<Evaluation>(&lock, &edit, args.dry_run, l, |rec| {
        check::single::evaluation(&rel, rec, &settings, &cctx)
    })?;
    if !ctx.quiet || args.dry_run {
        println!("{}", write::describe(&written, &rel, l).trim_end());
    }
    if !ctx.quiet {
        println!("{}", crate::i18n::t(l, "review.sheet.blank-note"));
    }
    Ok(Exit::Success)
}
