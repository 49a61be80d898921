//! What the three scoring commands share: the options `--org`, `--explain`, `--format`, `-o`,
//! loading, narrowing, and rendering a result in the chosen format.

use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};
use clap::ValueEnum;

use crate::commands::{Ctx, Exit, Loaded, emit_text_with, emit_to};
use crate::error::What;
use crate::i18n::{Locale, t, tf};
use crate::model::Period;
use crate::report::render::render_owned;
use crate::report::{self, Document, Format};
use crate::review::{self, AnnualResult, PeriodResult, explain, json};
use crate::workspace::Workspace;
use crate::workspace::resolve::{self, Candidate};

#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// Show only this organization's subtree (grades and ranks stay those of the whole workspace)
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Explain every input, weight and step of the arithmetic for one subject (id or name)
    #[arg(long, value_name = "SUBJECT")]
    pub explain: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReviewFormat::Table)]
    pub format: ReviewFormat,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Table,
    Json,
    Yaml,
    Csv,
    Md,
}

impl ReviewFormat {
    /// The language of the document: English (canonical words) for the machine formats.
    fn content_locale(self, locale: Locale) -> Locale {
        match self {
            ReviewFormat::Json | ReviewFormat::Yaml | ReviewFormat::Csv => Locale::En,
            ReviewFormat::Table | ReviewFormat::Md => locale,
        }
    }
}

/// Loads the workspace, warning on stderr about files that could not be read.
pub fn load(ctx: &Ctx) -> Result<Loaded> {
    let loaded = ctx.load()?;
    let broken = loaded.unreadable_files();
    if broken > 0 && !ctx.quiet {
        eprintln!(
            "{}: {}",
            crate::i18n::t(loaded.locale, "report.warning"),
            tf(
                loaded.locale,
                "review.warn.load-errors",
                &[("count", &broken)]
            )
        );
    }
    Ok(loaded)
}

/// The id of the subject named by `--explain`: an id, or an unambiguous name, among the
/// subjects of the result.
fn subject_id<'a>(
    subjects: impl Iterator<Item = (&'a str, &'a str)>,
    wanted: &str,
    period: &str,
    l: Locale,
) -> Result<String> {
    let candidates: Vec<Candidate> = subjects
        .map(|(id, name)| Candidate {
            id,
            name,
            context: "",
        })
        .collect();
    let i = resolve::pick(
        &candidates,
        wanted,
        "resolve.subject",
        "dangjian member list",
        l,
    )
    .map_err(|mut e| {
        if e.what == Some(What::UnknownName)
            && let Some(p) = e.problems.first_mut()
        {
            p.message = tf(
                l,
                "review.error.unknown-subject",
                &[("subject", &wanted), ("period", &period)],
            );
        }
        e
    })?;
    Ok(candidates[i].id.to_string())
}

fn markdown(doc: &Document) -> Vec<u8> {
    if let Ok(bytes) = report::render(doc, Format::Md, Default::default()) {
        return bytes;
    }
    let esc = |s: String| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::new();
    if !doc.title.is_empty() {
        out.push_str(&format!("# {}\n\n", doc.title));
    }
    for (k, v) in &doc.meta {
        out.push_str(&format!("- {k}: {v}\n"));
    }
    for table in &doc.tables {
        out.push_str(&format!("\n## {}\n\n", table.title));
        let heads: Vec<String> = table.columns.iter().map(|c| esc(c.label.clone())).collect();
        out.push_str(&format!("| {} |\n", heads.join(" | ")));
        out.push_str(&format!("|{}\n", " --- |".repeat(heads.len())));
        for row in &table.rows {
            let cells: Vec<String> = row.iter().map(|c| esc(c.display())).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    out.into_bytes()
}

/// Prints the result in the asked format: the JSON value or the document, whichever the format
/// needs (the other one is never built).
fn write<V: serde::Serialize>(
    ctx: &Ctx,
    common: &Common,
    doc: impl FnOnce() -> Document,
    value: impl FnOnce() -> V,
) -> Result<Exit> {
    let bytes = match common.format {
        ReviewFormat::Json => {
            // Serialized straight to the output: neither the whole value nor its text is held.
            let value = value();
            emit_text_with(ctx, common.output.as_deref(), |w| {
                serde_json::to_writer_pretty(&mut *w, &value)?;
                w.write_all(b"\n")
            })?;
            return Ok(Exit::Success);
        }
        ReviewFormat::Yaml => {
            report::render::yaml_value(&serde_json::to_value(value())?).into_bytes()
        }
        ReviewFormat::Csv => {
            render_owned(doc(), Format::Csv, Default::default(), Default::default())?
        }
        ReviewFormat::Md => markdown(&doc()),
        ReviewFormat::Table => render_owned(
            doc(),
            Format::Table,
            ctx.render_options(),
            Default::default(),
        )?,
    };
    emit_to(ctx, &bytes, common.output.as_deref(), false)?;
    Ok(Exit::Success)
}

fn org_namer(ws: &Workspace) -> impl Fn(&str) -> String + '_ {
    move |id: &str| ws.name_of(id).to_string()
}

/// `--explain`: finds the subject asked for among `subjects` and prints what `explain` says of
/// it for `period` (the text of a quarter, a half-year or a year).
fn print_explanation<'a>(
    ctx: &Ctx,
    common: &Common,
    subjects: impl Iterator<Item = &'a review::Subject>,
    wanted: &str,
    period: &str,
    l: Locale,
    explain: impl FnOnce(&str) -> Option<String>,
) -> Result<Exit> {
    let ids = subjects.map(|s| (s.id.as_str(), s.name.as_str()));
    let id = subject_id(ids, wanted, period, l)?;
    let text = explain(&id).ok_or_else(|| {
        anyhow!(tf(
            l,
            "review.error.unknown-subject",
            &[("subject", &wanted), ("period", &period)]
        ))
    })?;
    // Human text: values with control characters are shown escaped.
    let text = crate::diag::escape::lines(&text);
    emit_to(ctx, text.as_bytes(), common.output.as_deref(), false)?;
    Ok(Exit::Success)
}

/// Computes and prints a quarter or half-year.
pub fn run_period(ctx: &Ctx, common: &Common, period: Period) -> Result<Exit> {
    let loaded = load(ctx)?;
    let ws = &loaded.ws;
    let l = loaded.locale;
    let org = crate::commands::report::resolve_org(ws, common.org.as_deref(), l)?;
    let mut result: PeriodResult = review::district::compute_period(ws, period);
    if let Some(org) = &org {
        result = review::period::narrow(ws, result, org);
    }
    if let Some(wanted) = &common.explain {
        let subjects = result.subjects.iter().map(|s| &s.subject);
        let subjects = subjects.chain(result.missing.iter().map(|m| &m.subject));
        return print_explanation(
            ctx,
            common,
            subjects,
            wanted,
            &period.to_string(),
            l,
            |id| {
                // In a district, the settings of the workspace whose sheet holds the row.
                let row = result.subjects.iter().find(|s| s.subject.id == id);
                let settings = row.map_or(&ws.settings.review, |s| {
                    review::district::settings_of(ws, &s.row.path)
                });
                explain::period(&result, settings, id, &org_namer(ws), l)
            },
        );
    }
    let value = || json::PeriodJson {
        r: &result,
        settings: &ws.settings.review,
        as_of: ctx.as_of,
    };
    // The previous period is shown beside this one in the document only.
    let doc = || {
        let mut previous = review::district::compute_period(ws, period.previous());
        if let Some(org) = &org {
            previous = review::period::narrow(ws, previous, org);
        }
        report::review::document(
            ws,
            &result,
            Some(&previous),
            ctx.as_of,
            org.as_deref(),
            common.format.content_locale(l),
        )
    };
    write(ctx, common, doc, value)
}

/// Computes and prints a year.
pub fn run_annual(ctx: &Ctx, common: &Common, year: Option<i32>) -> Result<Exit> {
    let loaded = load(ctx)?;
    let ws = &loaded.ws;
    let l = loaded.locale;
    let year = year.unwrap_or_else(|| crate::commands::annual_year(ctx, ws, l));
    let org = crate::commands::report::resolve_org(ws, common.org.as_deref(), l)?;
    let mut result: AnnualResult = review::district::compute_annual(ws, year);
    if let Some(org) = &org {
        result = review::annual::narrow(ws, result, org);
    }
    if let Some(wanted) = &common.explain {
        let subjects = result.subjects.iter().map(|s| &s.subject);
        let subjects = subjects.chain(result.missing.iter().map(|m| &m.subject));
        return print_explanation(ctx, common, subjects, wanted, &year.to_string(), l, |id| {
            // In a district, the settings of the workspace the subject's record lives in.
            let path = ws
                .member_rec(id)
                .map(|r| r.path.as_str())
                .or_else(|| ws.org_rec(id).map(|r| r.path.as_str()))
                .unwrap_or("");
            let settings = review::district::settings_of(ws, path);
            explain::annual(&result, settings, id, &org_namer(ws), l)
        });
    }
    let value = || json::AnnualJson {
        r: &result,
        settings: &ws.settings.review,
        as_of: ctx.as_of,
    };
    let doc = || {
        report::annual::document(
            ws,
            &result,
            ctx.as_of,
            org.as_deref(),
            common.format.content_locale(l),
        )
    };
    write(ctx, common, doc, value)
}

/// Parses `--period` and checks it is of the command's kind.
pub fn period_arg(s: Option<&str>, kind: review::PeriodKind, ctx: &Ctx) -> Result<Period> {
    let Some(s) = s else {
        return Ok(review::latest_ended(kind, ctx.as_of));
    };
    let p: Period = s.parse().map_err(|e: String| anyhow!("--period: {e}"))?;
    if review::PeriodKind::of(p) != kind {
        let l = ctx
            .root()
            .ok()
            .and_then(|root| ctx.settings(&root).ok())
            .map_or(ctx.early_locale(), |(_, l)| l);
        let word = match kind {
            review::PeriodKind::Quarter => t(l, "review.kind.quarter"),
            _ => t(l, "review.kind.half"),
        };
        bail!(tf(
            l,
            "review.error.period-kind",
            &[("period", &s), ("kind", &word)]
        ));
    }
    Ok(p)
}
