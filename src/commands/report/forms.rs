//! What `report letter` and `report comments` share: their output options (the formats of
//! every report and `docx`), the half-year option, naming a committer, and writing the forms.

use anyhow::{Result, anyhow};
use clap::builder::{PossibleValuesParser, TypedValueParser};

use super::{FileArgs, OrgArg, OutputArgs, prepare_any, resolve_org};
use crate::commands::Loaded;
use crate::commands::{Ctx, Exit};
use crate::i18n::{Locale, t, tf};
use crate::model::{Period, PeriodPart};
use crate::report::form::Forms;
use crate::report::render::{Layout, render_forms};
use crate::report::{Document, Format};
use crate::workspace::Workspace;

/// Where and how a form report is written.
#[derive(Debug, clap::Args)]
pub struct FormOutputArgs {
    /// Output format (default: from the extension of -o, else table); docx for Word and WPS
    #[arg(
        long,
        value_name = "FORMAT",
        value_parser = PossibleValuesParser::new(["table", "md", "csv", "json", "yaml", "html", "xlsx", "docx"])
            .map(|s| s.parse::<Format>().unwrap_or(Format::Table))
    )]
    pub format: Option<Format>,
    #[command(flatten)]
    pub file: FileArgs,
}

impl FormOutputArgs {
    /// The same options as every report's, for `prepare`.
    pub fn shared(&self) -> OutputArgs {
        OutputArgs {
            format: self.format,
            file: self.file.clone(),
        }
    }
}

/// The organization and the half-year of the letters a report covers (`ledger`, `letter`,
/// `comments`).
#[derive(Debug, clap::Args)]
pub struct LettersArgs {
    #[command(flatten)]
    pub org: OrgArg,
    /// Half-year of the letters, YYYY-H1 or YYYY-H2 (default: the half containing --as-of)
    #[arg(long, value_name = "HALF")]
    pub half: Option<String>,
}

impl LettersArgs {
    /// `--half`, parsed (see [`parse_half`]).
    pub fn half(&self, locale: Locale) -> Result<Option<Period>> {
        parse_half(self.half.as_deref(), locale)
    }
}

/// The arguments of the form reports (`letter`, `comments`): the letters they cover and where
/// the forms go.
#[derive(Debug, clap::Args)]
pub struct FormArgs {
    #[command(flatten)]
    pub letters: LettersArgs,
    #[command(flatten)]
    pub out: FormOutputArgs,
}

/// A form report ready to build: the loaded workspace, the format, and the half-year and the
/// organization asked for.
#[derive(Debug)]
pub struct Prepared {
    pub loaded: Loaded,
    pub format: Format,
    pub half: Option<Period>,
    pub org: Option<String>,
}

impl FormArgs {
    /// Parses `--half`, loads the workspace (see [`prepare_any`]) and finds `--org`.
    pub fn prepare(&self, ctx: &Ctx) -> Result<Prepared> {
        let half = self.letters.half(ctx.message_locale())?;
        let (loaded, format) = prepare_any(ctx, &self.out.shared())?;
        let org = resolve_org(&loaded.ws, self.letters.org.org.as_deref(), loaded.locale)?;
        Ok(Prepared {
            loaded,
            format,
            half,
            org,
        })
    }
}

/// Parses `--half`: `YYYY-H1` or `YYYY-H2`.
pub fn parse_half(arg: Option<&str>, locale: Locale) -> Result<Option<Period>> {
    arg.map(|s| match s.parse::<Period>() {
        Ok(p) if matches!(p.part, PeriodPart::H(_)) => Ok(p),
        _ => Err(anyhow::Error::from(crate::error::Error::usage(
            crate::error::Problem::new(tf(locale, "report.bad-half", &[("value", &s)]))
                .help(t(locale, "report.bad-half.help")),
        ))),
    })
    .transpose()
}

/// A member or organization named by id or by its full name; an unknown or ambiguous name is a
/// usage error with a suggestion.
pub fn resolve_committer(ws: &Workspace, arg: &str, locale: Locale) -> Result<String> {
    if ws.member(arg).is_some() || ws.org(arg).is_some() {
        return Ok(arg.to_string());
    }
    let mut named: Vec<&str> = ws
        .members
        .iter()
        .filter(|m| m.name == arg)
        .map(|m| m.id.as_str())
        .chain(
            ws.orgs
                .iter()
                .filter(|o| o.name == arg)
                .map(|o| o.id.as_str()),
        )
        .collect();
    named.sort_unstable();
    match named.as_slice() {
        [one] => Ok((*one).to_string()),
        [] => {
            let candidates = ws
                .members
                .iter()
                .flat_map(|m| [m.id.as_str(), m.name.as_str()])
                .chain(
                    ws.orgs
                        .iter()
                        .flat_map(|o| [o.id.as_str(), o.name.as_str()]),
                );
            let mut help = t(locale, "letter.unknown-committer.help").to_string();
            if let Some(near) = crate::diag::did_you_mean(arg, candidates) {
                help = format!(
                    "{} {help}",
                    tf(locale, "form.did-you-mean", &[("name", &near)])
                );
            }
            Err(anyhow!(
                "{}\n{}: {help}",
                tf(locale, "letter.unknown-committer", &[("name", &arg)]),
                t(locale, "cli.help"),
            ))
        }
        many => Err(anyhow::Error::from(crate::error::Error::usage(
            crate::error::Problem::new(tf(
                locale,
                "letter.ambiguous-committer",
                &[("name", &arg), ("ids", &many.join(", "))],
            ))
            .help(t(locale, "letter.ambiguous-committer.help")),
        ))),
    }
}

/// Renders the forms (or, for scripts, the machine document) and writes them out.
pub fn finish_forms(
    ctx: &Ctx,
    report: &str,
    forms: &Forms,
    machine: &Document,
    format: Format,
    out: &FormOutputArgs,
    locale: Locale,
) -> Result<Exit> {
    let opts = super::render_options(ctx, out.file.bom, out.file.output.as_deref());
    let layout = Layout {
        date: Some(ctx.as_of.0),
        locale,
        ..Layout::default()
    };
    let bytes = render_forms(report, forms, machine, format, opts, layout)?;
    crate::commands::emit_to(ctx, &bytes, out.file.output.as_deref(), format.is_binary())?;
    Ok(Exit::Success)
}
